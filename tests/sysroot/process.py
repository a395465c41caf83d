# Python and processes: os.fork with pipes and waitpid, exit statuses and
# signals of children, subprocess running the sysroot's programs found on
# PATH (busybox applets; no shell=True: that execs /bin/sh by its absolute
# path, which qemu-riscv64 would run on the host), files and directories,
# environment. Exits 5 with sys.exit. BAD lines are failed self-checks.
import os
import signal
import subprocess
import sys


def check(what, got, want):
    if got == want:
        print(f"{what}: {got!r}")
    else:
        print(f"BAD {what}: got {got!r}, want {want!r}")


sys.stdout.flush()

# fork: a child computes and writes to a pipe, the parent reads and waits.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, str(sum(range(100001))).encode())
    os._exit(17)
os.close(w)
data = b""
while chunk := os.read(r, 4096):
    data += chunk
os.close(r)
wpid, status = os.waitpid(pid, 0)
check("fork pipe", data, b"5000050000")
check("child exit status", (wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status)), (True, True, 17))

# Several children at once, reaped in any order, each with its own status.
kids = {}
for k in range(4):
    pid = os.fork()
    if pid == 0:
        os._exit(k * 10)
    kids[pid] = k
statuses = {}
while kids:
    pid, status = os.wait()
    statuses[kids.pop(pid)] = os.waitstatus_to_exitcode(status)
check("four children", sorted(statuses.items()), [(0, 0), (1, 10), (2, 20), (3, 30)])

# A child killed by a signal.
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
    os._exit(0)
_, status = os.waitpid(pid, 0)
check("killed child", (os.WIFSIGNALED(status), os.WTERMSIG(status)), (True, signal.SIGTERM))

# The child sees the parent's memory as it was at fork, not later changes.
value = ["before"]
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(0 if value == ["before"] else 1)
os.close(r)
value[0] = "after"
os.write(w, b"x")
os.close(w)
check("copy on fork", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), 0)

# subprocess: programs of the sysroot found on PATH (riscv64 ones: a host
# program found instead would say x86_64).
check("machine", os.uname().machine, "riscv64")
p = subprocess.run(["uname", "-m"], capture_output=True, text=True)
check("machine of a child", p.stdout, "riscv64\n")
p = subprocess.run(["seq", "5"], capture_output=True, text=True)
check("subprocess seq", (p.returncode, p.stdout.split()), (0, ["1", "2", "3", "4", "5"]))
p = subprocess.run(["sort", "-r"], input="b\nc\na\n", capture_output=True, text=True)
check("subprocess stdin", p.stdout, "c\nb\na\n")
p = subprocess.run(["busybox", "sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
check("subprocess sh", (p.returncode, p.stdout, p.stderr), (3, "out\n", "err\n"))
p1 = subprocess.Popen(["seq", "1000"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["awk", "{ s += $1 } END { print s }"], stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()
out = p2.communicate()[0]
check("subprocess pipeline", (out, p1.wait(), p2.returncode), (b"500500\n", 0, 0))
# (PATH differs between the oracle's side and rvdbt's: it is not printed.)
p = subprocess.run(["env"], capture_output=True, text=True)
check("environment inherited", [v for v in p.stdout.splitlines() if v.startswith("SYSROOT_TEST_VAR=")], ["SYSROOT_TEST_VAR=a value with spaces"])
p = subprocess.run(["env"], capture_output=True, text=True, env={"EXTRA": "given", "PATH": os.environ["PATH"]})
check("environment given", sorted(v for v in p.stdout.splitlines() if not v.startswith("PATH=")), ["EXTRA=given"])
try:
    subprocess.run(["no-such-program-here"])
    check("missing program", "ran", "FileNotFoundError")
except FileNotFoundError:
    check("missing program", "FileNotFoundError", "FileNotFoundError")

# Files and directories in the scratch directory.
os.makedirs("d/e/f")
with open("d/e/f/x.txt", "w") as f:
    f.write("hello\n" * 100)
os.symlink("e/f/x.txt", "d/link")
st = os.stat("d/link")
check("stat through symlink", (st.st_size, os.path.islink("d/link"), os.readlink("d/link")), (600, True, "e/f/x.txt"))
os.rename("d/e/f/x.txt", "d/y.txt")
check("dangling link", os.path.exists("d/link"), False)
check("walk", sorted((root, sorted(files)) for root, _, files in os.walk("d")), [("d", ["link", "y.txt"]), ("d/e", []), ("d/e/f", [])])
fd = os.open("d/y.txt", os.O_RDWR)
os.lseek(fd, 6, os.SEEK_SET)
os.write(fd, b"HELLO")
os.ftruncate(fd, 12)
os.close(fd)
with open("d/y.txt") as f:
    check("lseek/write/ftruncate", f.read(), "hello\nHELLO\n")
os.chmod("d/y.txt", 0o640)
check("chmod", oct(os.stat("d/y.txt").st_mode & 0o777), "0o640")
check("getcwd is the scratch directory", os.listdir("."), ["d"])
check("pid", os.getpid() > 1 and os.getppid() > 0, True)
sys.stdout.flush()
sys.exit(5)
