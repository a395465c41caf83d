#!/usr/bin/env bash
# sys_border: the syscall border under hostile arguments. The guest
# (sys_border_guest.c) makes COUNT generated syscalls from SEED (bad, straddling
# and kernel-half pointers, huge and negative lengths, closed and wrong-type
# fds, garbage flags) and prints one line per call: its normalised arguments,
# the result and a checksum of what it wrote. The same calls run under
# qemu-riscv64 (whose syscalls reach the host kernel), under rvdbt and as a
# native x86-64 build (the real kernel, for the calls' generic semantics), each
# in a fresh scratch directory at the same path; rvdbt's lines must equal
# qemu's.
#
# Where they differ, the difference is tolerated only if it is one listed in
# KNOWN below AND rvdbt's result is the native kernel's (the same value; the
# same checksum too, unless the call writes a structure whose layout differs
# between riscv64 and x86-64, or reads code bytes, which differ by
# architecture). Any other difference fails and is shown with all three
# results.
#
#   tests/fuzz/sys_border.sh [-n COUNT] [--seed S] [--show K]
# Environment: RVDBT (default build/rvdbt), QEMU (default qemu-riscv64).
# Ends with "sys_border: N passed, M failed[, K skipped: ...]" (calls
# compared; the skipped ones are open rvdbt bugs, see OPEN); exits 1 on a
# failure, 77 when qemu-riscv64 or the guest is missing or an open bug showed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=2000 SEED=1 SHOW=10
while (( $# )); do
    case $1 in
    -n) N=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --show) SHOW=$2; shift 2 ;;
    *) echo "usage: $0 [-n COUNT] [--seed S] [--show K]" >&2; exit 2 ;;
    esac
done
RVDBT=${RVDBT:-$ROOT/build/rvdbt}
QEMU=${QEMU:-qemu-riscv64}
GUEST=$ROOT/build/tests/fuzz/sys_border_guest
NATIVE=$ROOT/build/tests/fuzz/sys_border_native

if ! command -v "$QEMU" > /dev/null || [[ ! -x $GUEST || ! -x $NATIVE || ! -x $RVDBT ]]; then
    echo "sys_border: 0 passed, 0 failed, 1 skipped: needs $QEMU, $GUEST, $NATIVE and $RVDBT"
    exit 77
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sys_border.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Every run gets the scratch directory at the same path (getcwd and readlink
# results show it) and starts with the same umask.
run() {
    local out=$1
    shift
    rm -rf "$WORK/s"
    mkdir "$WORK/s"
    (umask 022; timeout -k 5 300 "$@" "$SEED" "$N" "$WORK/s" > "$out" 2> "$out.err" < /dev/null)
    local st=$?
    if (( st != 0 )) || [[ $(tail -n 1 "$out") != "sys_border end" ]]; then
        echo "sys_border: $* stopped (status $st) after $(($(wc -l < "$out") - 1)) calls:"
        tail -n 3 "$out" "$out.err"
        return 1
    fi
}

fail_setup() {
    echo "sys_border: 0 passed, 1 failed"
    exit 1
}
run "$WORK/qemu" "$QEMU" "$GUEST" || fail_setup
run "$WORK/rvdbt" "$RVDBT" "$GUEST" || fail_setup
run "$WORK/native" "$NATIVE" || fail_setup

# Known differences: CALL QEMU_RESULT (an awk regex matched against the whole
# result) and why qemu's result is not the kernel's. Each holds only where
# rvdbt's result is the native kernel's, checked line by line.
KNOWN=$(cat <<'EOF'
# qemu locks a whole guest buffer (lock_user) before it makes the host call,
# so it returns -EFAULT where the kernel first fails the fd, flags, length
# or socket type, or moves the bytes before a straddling buffer's bad page.
read -14
pread -14
pwrite -14
write -14|-11
readv -14
writev -14
preadv -14
readlinkat -14
getcwd -14
getgroups -14
getrandom -14
sendto_recvfrom -14
sendmsg -14
recvmsg -14
epoll -14
bind_connect -14
capget -14
mincore -14
pselect6 -14
rt_sigpending -14
rt_sigaction -14
sigaltstack -14
sock_misc -14
sockopt -14
# qemu 7.2 does not implement set_robust_list (always -ENOSYS).
set_robust_list -38
# qemu answers -ENOSYS for ioctl requests it has no conversion for; the
# kernel checks the fd first (-EBADF) and then says -ENOTTY.
ioctl -38
# qemu refuses socket levels, options, families and protocols it does not
# convert (-ENOPROTOOPT, -EOPNOTSUPP, -EINVAL, -EAFNOSUPPORT) where the
# kernel takes them or fails them otherwise.
sockopt -92|-95|-22
socket -95|-97
getsockname -22
# qemu refuses prctl options it does not pass on (PR_GET_TID_ADDRESS...).
prctl -22
# qemu's own address-space checks: mremap -ENOMEM for arguments the kernel
# calls invalid, and a MAYMOVE mremap to the same size moves the mapping;
# mmap, mprotect and mincore of ranges outside its guest space -ENOMEM.
mremap -12|ok
mmap -12
mprotect -12
mincore -12
# qemu ignores madvise (0 for any advice and range).
madvise 0
# qemu does not check the copy-out of clock_getres and sysinfo (0 for an
# unwritable pointer), and fills sysinfo's padding differently.
clock_gettime 0
sysinfo 0
# qemu checks nanosleep's timespec itself, before the copy-in errors.
nanosleep -22|0
# qemu passes on only the flags it knows (pipe2, epoll_create1), where the
# kernel refuses unknown bits with -EINVAL.
pipe2 0|-14
eventfd fd
# qemu sizes a host buffer by the guest's count: -ENOMEM for a huge one.
getdents64 -12
# qemu does not set RLIMIT_AS, RLIMIT_DATA or RLIMIT_STACK on the host (it
# needs its own), so it succeeds where the kernel refuses rlim_cur > rlim_max.
prlimit64 0
# qemu converts an iovec array whole: a bad entry fails the call (or is
# skipped) where the kernel moves the bytes of the entries before it.
readv -22|0|16|32
writev 0
preadv 0
# qemu checks the iovec array (its count, each length) before the fd; the
# kernel fails a bad fd, a file not open for it or a pipe first.
writev -22
preadv -22
# qemu answers sendmsg and recvmsg on a non-socket or with a bad msghdr
# differently (0) from the kernel (-ENOTSOCK, -EFAULT).
sendmsg 0
recvmsg 0
# qemu checks sigaltstack's size against its own MINSIGSTKSZ and the flags
# in another order than the kernel.
sigaltstack -12|-22|0
# qemu checks openat on a non-directory dirfd before the path.
openat -20
rt_sigpending 0
EOF
)

# Open: differences found by this test that are rvdbt's, not fixed yet
# (CALL QEMU RVDBT NATIVE, exact results). Each is counted and shown in the
# summary as skipped (exit 77 when nothing failed), not failed; most are the order of checks (rvdbt -EFAULT or
# -EINVAL where Linux first fails the fd, or the reverse), a few checksums
# (newfstatat, rt_sigaction, sigaltstack) are not explained yet.
OPEN=$(cat <<'EOF'
faccessat -22 -36 -22
futex -14 -22 -14
futex -38 -22 -38
futex 0 -14 0
getdents64 -20 -14 -20
getdents64 -9 -14 -9
getsockname -22 -14 -22
ioctl -38 -25 -9
mmap -12 -22 -12
mmap -12 -22 -9
mmap -12 -95 -9
mmap -22 -1 -95
mmap -22 -95 -12
mmap -22 -95 -22
mmap -75 -22 -75
mmap ok -12 ok
newfstatat -22 -36 -22
newfstatat 0 0 0
pselect6 -14 -22 -14
readv -22 0 0
recvmsg -14 -22 -88
recvmsg -14 -90 -88
recvmsg -88 -14 -88
rt_sigaction -14 -22 -14
rt_sigaction 0 0 0
sigaltstack -14 -1 -14
sigaltstack -22 -1 -12
sigaltstack 0 0 0
socket -22 -14 -22
socket -94 -14 -22
sockopt -92 -14 -95
sockopt -92 -22 -9
statx -22 -36 -22
EOF
)

# Calls whose output structure differs between riscv64 and x86-64: their
# checksum is not compared with the native run's.
LAYOUT='^(fstat|newfstatat|rt_sigaction|epoll|uname)$'

paste -d '\n' "$WORK/qemu" "$WORK/rvdbt" "$WORK/native" | awk -v show="$SHOW" -v seed="$SEED" -v layout="$LAYOUT" -v known="$KNOWN" -v open="$OPEN" '
function res(l) { sub(/.* = /, "", l); sub(/ ck=.*/, "", l); return l }
function ck(l) { sub(/.* ck=/, "", l); return l }
function args(l) { sub(/ = [^ ]* ck=[^ ]*$/, "", l); return l }
BEGIN {
    nk = split(known, kl, "\n")
    for (i = 1; i <= nk; i++) {
        if (kl[i] ~ /^[ \t]*(#|$)/) { kl[i] = ""; continue }
        split(kl[i], f, " ")
        kcall[i] = f[1]; kres[i] = f[2]
    }
    no = split(open, ol, "\n")
}
NR % 3 == 1 { q = $0; next }
NR % 3 == 2 { r = $0; next }
{
    n = $0
    if (q ~ /^sys_border / || q == "sys_border end")
        next
    if (q == r) { pass++; next }
    split(q, w, " ")
    call = w[2]
    same_native = args(r) == args(n) && res(r) == res(n) && \
        (ck(r) == ck(n) || call ~ layout || args(r) ~ /[=:,[]text/)
    why = ""
    if (same_native && args(q) == args(r))
        for (i = 1; i <= nk; i++)
            if (kl[i] != "" && call == kcall[i] && res(q) ~ ("^(" kres[i] ")$")) { why = i; break }
    if (why != "") { tol[why]++; tolerated++; next }
    for (i = 1; i <= no; i++)
        if (ol[i] == call " " res(q) " " res(r) " " res(n)) { opn[i]++; opened++; next }
    failed++
    if (failed <= show) {
        print "differs: " args(q)
        print "   qemu: " res(q) " ck=" ck(q) "   rvdbt: " res(r) " ck=" ck(r) \
              "   native x86-64: " res(n) " ck=" ck(n) (same_native ? "  (rvdbt = native; not a known difference)" : "")
    }
}
END {
    for (i = 1; i <= nk; i++)
        if (tol[i])
            printf "tolerated %d: %s\n", tol[i], kl[i]
    for (i = 1; i <= no; i++)
        if (opn[i])
            printf "open rvdbt bug %d: %s (qemu rvdbt native)\n", opn[i], ol[i]
    printf "sys_border: seed %s, %d calls equal, %d tolerated, %d open rvdbt bugs, %d differ\n", \
        seed, pass, tolerated, opened, failed
    # an open bug is not a pass: it shows as skipped in the summary line
    if (opened)
        printf "sys_border: %d passed, %d failed, %d skipped: open rvdbt bugs (OPEN in tests/fuzz/sys_border.sh)\n", \
            pass + tolerated, failed, opened
    else
        printf "sys_border: %d passed, %d failed\n", pass + tolerated, failed
    exit failed > 0 ? 1 : opened ? 77 : 0
}'
