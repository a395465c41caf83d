# Python 3 (the sysroot's python3-minimal): classes and dataclasses, dicts
# and sets, generators, exceptions, big integers and floats, json, re,
# hashlib, struct, zlib, sorting. Lines starting with BAD are failed
# self-checks (tests/sysroot.sh fails the case on them).
import dataclasses
import hashlib
import json
import re
import struct
import sys
import zlib
from collections import Counter, OrderedDict, defaultdict, deque
from functools import lru_cache, reduce


def check(what, got, want):
    if got == want:
        print(f"{what}: {got!r}")
    else:
        print(f"BAD {what}: got {got!r}, want {want!r}")


# Classes: inheritance, properties, dunder methods, class attributes.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name}, {self.area():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__(f"{w}x{h}")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__(f"r{r}")
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r

    def area(self):
        return 3.141592653589793 * self.r ** 2


shapes = [Rect(3, 4), Circle(1), Rect(1, 1), Circle(2.5)]
check("sorted shapes", repr(sorted(shapes)), "[Rect(1x1, 1.00), Circle(r1, 3.14), Rect(3x4, 12.00), Circle(r2.5, 19.63)]")
check("class attribute", Shape.count, 4)
check("property", shapes[3].diameter, 5.0)
check("isinstance", [isinstance(s, Rect) for s in shapes], [True, False, True, False])
check("mro", [c.__name__ for c in Circle.__mro__], ["Circle", "Shape", "object"])


@dataclasses.dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


vs = sorted([Version(1, 10), Version(1, 2), Version(0, 9, ("beta",))])
check("dataclass order", [f"{v.major}.{v.minor}" for v in vs], ["0.9", "1.2", "1.10"])
check("dataclass eq/hash", len({Version(1), Version(1, 0), Version(2)}), 2)
try:
    vs[0].major = 5
    check("frozen", "assigned", "refused")
except dataclasses.FrozenInstanceError:
    check("frozen", "refused", "refused")

# Dicts, sets, comprehensions, collections.
text = "the cat and the hat and the bat sat on the mat"
freq = Counter(text.split())
check("counter", freq.most_common(2), [("the", 4), ("and", 2)])
d = {w: len(w) for w in text.split()}
check("dict comprehension", sorted(d.items())[:3], [("and", 3), ("bat", 3), ("cat", 3)])
check("dict order", list(dict.fromkeys("mississippi")), ["m", "i", "s", "p"])
groups = defaultdict(list)
for w in text.split():
    groups[w[-2:]].append(w)
check("defaultdict", sorted((k, len(v)) for k, v in groups.items()), [("at", 5), ("he", 4), ("nd", 2), ("on", 1)])
check("set ops", sorted({1, 2, 3, 4} & {3, 4, 5} | {9}), [3, 4, 9])
big = {i: i * i for i in range(50000)}
for i in range(0, 50000, 2):
    del big[i]
check("big dict", (len(big), sum(big.values()) % 1000003), (25000, sum(i * i for i in range(1, 50000, 2)) % 1000003))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
check("ordereddict", list(od), ["b", "c", "a"])
dq = deque(range(5), maxlen=5)
dq.append(5)
dq.rotate(2)
check("deque", list(dq), [4, 5, 1, 2, 3])


# Generators, closures, decorators, recursion.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    return [x for _, x in zip(range(n), it)]


check("generator", take(12, fib()), [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89])
check("genexpr sum", sum(x * x for x in range(1000) if x % 3 == 0), 9 * (333 * 334 * 667 // 6))


@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


check("lru_cache recursion", partitions(100, 100), 190569292)
check("reduce", reduce(lambda a, b: a * b, range(1, 21)), 2432902008176640000)


def make_adders():
    return [lambda x, i=i: x + i for i in range(4)]


check("closures", [f(10) for f in make_adders()], [10, 11, 12, 13])

# Exceptions.
class AppError(Exception):
    pass


def risky(n):
    try:
        if n == 0:
            raise AppError("zero")
        return 10 // n
    except ZeroDivisionError:
        return -1
    finally:
        log.append(n)


log = []
try:
    risky(0)
except AppError as e:
    check("custom exception", str(e), "zero")
check("finally log", (risky(5), log), (2, [0, 5]))
try:
    {}["missing"]
except KeyError as e:
    check("KeyError", e.args, ("missing",))
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    check("exception chaining", type(e.__cause__).__name__, "ValueError")

# Numbers.
check("big int", 2 ** 200 % 1000000007, pow(2, 200, 1000000007))
check("big int digits", len(str(3 ** 1000)), 478)
check("int ops", (-7 // 2, -7 % 2, divmod(17, -5), 1 << 70), (-4, 1, (-4, -3), 1180591620717411303424))
check("float repr", (0.1 + 0.2, 1e300 * 1e10, 2.5e-310, round(2.675, 2)), (0.30000000000000004, float("inf"), 2.5e-310, 2.67))
check("float format", f"{3.14159:.3f} {1234567.891:,.2f} {255:#x} {0.5:%}", "3.142 1,234,567.89 0xff 50.000000%")
check("int from float", int(1e20), 100000000000000000000)
check("complex", (1 + 2j) * (3 - 1j), (5 + 5j))
check("float.hex", (1 / 3).hex(), "0x1.5555555555555p-2")

# json.
doc = {"name": "rvdbt", "list": [1, 2.5, None, True, "\u00e9\u4e16"], "nested": {"a": {"b": []}}}
enc = json.dumps(doc, sort_keys=True)
check("json dumps", enc, '{"list": [1, 2.5, null, true, "\\u00e9\\u4e16"], "name": "rvdbt", "nested": {"a": {"b": []}}}')
check("json round trip", json.loads(enc), doc)
check("json indent lines", len(json.dumps(doc, indent=2).splitlines()), 15)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    check("json error", (e.lineno, e.colno), (1, 2))

# re.
log_lines = [
    "2024-01-05 12:00:01 ERROR disk /dev/sda1 full (98%)",
    "2024-01-05 12:00:07 INFO backup started",
    "2024-01-06 08:30:00 ERROR net eth0 down",
    "2024-01-06 09:15:42 WARN cpu temp 85C",
]
pat = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+) (?P<msg>.*)$")
parsed = [pat.match(line).groupdict() for line in log_lines]
check("re groups", [(p["date"][-2:], p["level"]) for p in parsed], [("05", "ERROR"), ("05", "INFO"), ("06", "ERROR"), ("06", "WARN")])
check("re findall", re.findall(r"\d+(?=%|C)", " ".join(log_lines)), ["98", "85"])
check("re sub with function", re.sub(r"\b(\w)(\w*)\b", lambda m: m[1].upper() + m[2], "hello big world"), "Hello Big World")
check("re split", re.split(r"[,;]\s*", "a, b;c,   d"), ["a", "b", "c", "d"])
check("re flags", bool(re.search(r"^info", "\n".join(log_lines), re.I | re.M)), False)
check("re verbose", re.fullmatch(r"""(\d+) \s* ([a-z]+)  # count and unit""", "12 kb", re.X).groups(), ("12", "kb"))

# hashlib, struct, zlib.
check("md5", hashlib.md5(b"abc").hexdigest(), "900150983cd24fb0d6963f7d28e17f72")
check("sha256", hashlib.sha256(b"abc").hexdigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
check("sha1 of a million a", hashlib.sha1(b"a" * 1000000).hexdigest(), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
raw = struct.pack("<hIqd3s", -2, 4000000000, -(2 ** 40), 0.25, b"xyz")
check("struct", (len(raw), struct.unpack("<hIqd3s", raw)), (25, (-2, 4000000000, -(2 ** 40), 0.25, b"xyz")))
blob = ("lorem ipsum dolor sit amet " * 2000).encode()
packed = zlib.compress(blob, 9)
check("zlib round trip", (zlib.decompress(packed) == blob, len(packed) < len(blob) // 50), (True, True))
check("crc32", zlib.crc32(b"The quick brown fox jumps over the lazy dog"), 0x414FA339)

# Sorting with keys, stability, bytes and str.
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("ed", 40)]
check("stable sort", [n for n, _ in sorted(people, key=lambda p: p[1])], ["bob", "dee", "ann", "cy", "ed"])
check("str methods", "  Mixed Case  ".strip().swapcase().center(14, "*"), "**mIXED cASE**")
check("bytes", bytes(range(5)).hex() + " " + "é".encode("utf-8").hex() + " " + bytearray(b"ab").upper().decode(), "0001020304 c3a9 AB")
check("argv", sys.argv[1:], [])
print("done")
