# Python threads (host threads under rvdbt): workers adding to one counter
# under a lock, joined and summed exactly; a condition-variable queue between
# producers and consumers; a barrier; results that must not depend on the
# interleaving. Lines starting with BAD are failed self-checks.
import sys
import threading


def check(what, got, want):
    if got == want:
        print(f"{what}: {got!r}")
    else:
        print(f"BAD {what}: got {got!r}, want {want!r}")


# Switch threads often, so that the lock is actually contended.
sys.setswitchinterval(1e-5)

# 1. A shared counter under a lock.
NTHREADS, NADDS = 6, 5000
lock = threading.Lock()
counter = {"n": 0, "sum": 0}


def add(tid):
    for i in range(NADDS):
        with lock:
            counter["n"] += 1
            counter["sum"] += tid * NADDS + i


workers = [threading.Thread(target=add, args=(t,)) for t in range(NTHREADS)]
for w in workers:
    w.start()
for w in workers:
    w.join()
total = NTHREADS * NADDS
check("locked increments", counter["n"], total)
check("locked sum", counter["sum"], total * (total - 1) // 2)
check("all joined", [w.is_alive() for w in workers], [False] * NTHREADS)

# 2. Each thread computes a part; the parts go into slots by index.
results = [None] * 8


def part(k):
    results[k] = sum(i * i for i in range(k * 10000, (k + 1) * 10000))


ts = [threading.Thread(target=part, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
check("parts sum", sum(results), sum(i * i for i in range(80000)))

# 3. A bounded queue on a condition variable: 3 producers, 2 consumers.
cond = threading.Condition()
queue, CAP, DONE = [], 4, object()
consumed = []


def produce(base):
    for i in range(300):
        with cond:
            while len(queue) >= CAP:
                cond.wait()
            queue.append(base + i)
            cond.notify_all()


def consume():
    got = []
    while True:
        with cond:
            while not queue:
                cond.wait()
            item = queue.pop(0)
            cond.notify_all()
        if item is DONE:
            break
        got.append(item)
    with lock:
        consumed.extend(got)


producers = [threading.Thread(target=produce, args=(b,)) for b in (0, 1000, 2000)]
consumers = [threading.Thread(target=consume) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    with cond:
        while len(queue) >= CAP:
            cond.wait()
        queue.append(DONE)
        cond.notify_all()
for t in consumers:
    t.join()
check("queue items", len(consumed), 900)
check("queue contents", sorted(consumed) == [b + i for b in (0, 1000, 2000) for i in range(300)], True)

# 4. A barrier: every thread sees every other's write before going on.
N = 5
barrier = threading.Barrier(N)
seen = [0] * N
flags = [False] * N


def meet(k):
    flags[k] = True
    barrier.wait()
    seen[k] = sum(flags)


ts = [threading.Thread(target=meet, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
check("barrier", seen, [N] * N)

# 5. Thread-local data, names, an event, and an exception in a thread.
local = threading.local()
names = []


def named(k, ev):
    local.value = k
    ev.wait()
    with lock:
        names.append((threading.current_thread().name, local.value))


ev = threading.Event()
ts = [threading.Thread(target=named, args=(k, ev), name=f"worker-{k}") for k in range(4)]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
check("thread names and locals", sorted(names), [(f"worker-{k}", k) for k in range(4)])
caught = []
threading.excepthook = lambda args: caught.append(type(args.exc_value).__name__)
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
check("exception in thread", caught, ["ZeroDivisionError"])
check("only main left", threading.active_count(), 1)
print("done")
