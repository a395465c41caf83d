#!/usr/bin/env bash
# sys_border: the syscall border under hostile arguments. The guest
# (tests/fuzz/sys_border_*.c) makes COUNT generated syscalls from SEED
# (bad, straddling and kernel-half pointers, huge and negative lengths,
# closed and wrong-type fds, garbage flags) and prints one line per call:
# its normalised arguments, the result and a checksum of what it wrote.
# The same calls run under qemu-riscv64 (whose syscalls reach the host
# kernel), under rvdbt and as a native x86-64 build (the real kernel, for
# the calls' generic semantics), each in a fresh scratch directory at the
# same path; rvdbt's lines must equal qemu's.
#
# Where they differ, the difference is tolerated only if it is one listed in
# KNOWN below AND rvdbt's result is the native kernel's (the same value and
# the same checksum, unless the call writes a structure whose layout
# differs between riscv64 and x86-64 (no checksum then), or reads code
# bytes, which differ by architecture (neither)), or one of rvdbt's design
# listed in DESIGN. A call that
# differs otherwise is run again alone, under all three: an earlier call may
# have left a different state (a qemu difference that changed a file, an
# alternate stack that covers the Sv39 guest's stack but not qemu's), and
# alone it must compare as above. What still differs fails and is shown
# with all three results.
#
#   tests/fuzz/sys_border.sh [-n COUNT] [--seed S] [--show K]
# Environment: RVDBT (default build/rvdbt), QEMU (default qemu-riscv64).
# Ends with "sys_border: N passed, M failed" (calls compared); exits 1 on a
# failure, 77 when qemu-riscv64 or the guest is missing.
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
    local out=$1 count=$2 first=$3
    shift 3
    rm -rf "$WORK/s"
    mkdir "$WORK/s"
    (umask 022; timeout -k 5 300 "$@" "$SEED" "$count" "$WORK/s" "$first" > "$out" 2> "$out.err" < /dev/null)
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
run "$WORK/qemu" "$N" 0 "$QEMU" "$GUEST" || fail_setup
run "$WORK/rvdbt" "$N" 0 "$RVDBT" "$GUEST" || fail_setup
run "$WORK/native" "$N" 0 "$NATIVE" || fail_setup

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
# The same for the paths it copies in first: the kernel checks the flags,
# the fds and the other arguments before it reads the path.
statx -14
newfstatat -14
faccessat -14
truncate -14
renameat2 -14
mkdir_unlink -14
symlink_link -14
fchmodat -14
utimensat -14
openat -14
statfs -14
chdir -14
futex -14
getsockname -14
# qemu writes ppoll's time left back and fails an unwritable timeout with
# -EFAULT; the kernel ignores that failure (poll_select_finish).
ppoll -14
# qemu checks getgroups' size against its own limit (-EINVAL) where the
# kernel moves only the groups there are; ppoll's nfds before the array and
# the timeout; bind's length before the fd.
getgroups -22
ppoll 0|-22
bind_connect -22
# qemu writes a getsockopt value of length 0, and says -EDESTADDRREQ for
# an unconnected UDP writev that the kernel first finds too long.
sockopt 0
writev -89
# qemu's own conversions: F_GETFL without O_LARGEFILE (which both kernels
# set on 64-bit), a lock's type checked before the fd, openat without the
# flags it does not know (a directory opened for writing: -EISDIR),
# capget's header written back otherwise, no -EFAULT for an unwritable old
# itimerval, and a MAP_FIXED_NOREPLACE mapping over one that is there, a
# file mapping with flags or an offset the kernel refuses.
fcntl [0-9]+|-22
openat fd|-21
capget -22
itimer 0
mmap ok|h
# qemu 7.2 does not implement set_robust_list (always -ENOSYS).
set_robust_list -38
# qemu answers -ENOSYS for ioctl requests it has no conversion for; the
# kernel checks the fd first (-EBADF) and then says -ENOTTY.
ioctl -38
# qemu refuses socket levels, options, families and protocols it does not
# convert (-ENOPROTOOPT, -EOPNOTSUPP, -EINVAL, -EAFNOSUPPORT) where the
# kernel takes them or fails them otherwise.
sockopt -92|-95|-22
socket -95|-97|-94|-93
getsockname -22
# qemu refuses prctl options it does not pass on (PR_GET_TID_ADDRESS...).
prctl -22
# qemu's riscv64 struct sigaction has a restorer word Linux's has not
# (riscv defines no SA_RESTORER): it reads and writes 32 bytes where the
# kernel moves 24, so the old action differs past the structure.
rt_sigaction 0
# qemu's own address-space checks: mremap -ENOMEM for arguments the kernel
# calls invalid, and a MAYMOVE mremap to the same size moves the mapping;
# mmap, mprotect and mincore of ranges outside its guest space -ENOMEM, and
# an mprotect whose length wraps done (0) where the kernel says -ENOMEM.
mremap -12|ok
mmap -12
mprotect -12|0
mincore -12
# qemu refuses prot bits it does not know (PROT_GROWSDOWN in mmap, 0x10)
# and checks the type and flags first, with -EINVAL (or the file, -ENODEV,
# -EACCES); the kernel ignores
# such prot bits in mmap and checks the offset, fd, length and address
# before the type and flags.
mmap -22|-19|-13
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
# qemu sizes a host buffer by the guest's count: -ENOMEM for a huge one, or
# -EFAULT where it locks that much of the guest's buffer.
getdents64 -12|-14
# qemu does not set RLIMIT_AS, RLIMIT_DATA or RLIMIT_STACK on the host (it
# needs its own), so it succeeds where the kernel refuses rlim_cur > rlim_max;
# and it looks up the pid (-ESRCH) and the old limit's buffer before it reads
# the new limit.
prlimit64 0|-3|-14
# qemu converts an iovec array whole: a bad entry fails the call (or is
# skipped) where the kernel moves the bytes of the entries before it, and
# moves the entries before one that the kernel's import_iovec refuses.
readv -22|0|8|16|32|5000
writev [0-9]+
preadv 0
sendto_recvfrom -22
recvmsg -11
# qemu checks the iovec array (its count, each length) before the fd; the
# kernel fails a bad fd, a file not open for it or a pipe first.
writev -22
preadv -22
# The other way round for a directory: qemu says -EISDIR where the
# kernel's import_iovec refuses a bad iovec first.
preadv -21
# qemu answers sendmsg and recvmsg on a non-socket or with a bad msghdr
# differently (0) from the kernel (-ENOTSOCK, -EFAULT), checks the msghdr
# (-EMSGSIZE, -EINVAL) before the flags and the socket, and sends without a
# control buffer it cannot read.
sendmsg 0|-90|-22|-3|5000|-95
recvmsg 0|-90|-22
# qemu checks sigaltstack's size against its own MINSIGSTKSZ and the flags
# in another order than the kernel.
sigaltstack -12|-22|0
# qemu checks openat on a non-directory dirfd before the path.
openat -20
rt_sigpending 0
EOF
)

# By design: differences where rvdbt is neither qemu nor the native
# kernel, for a reason of rvdbt's design (CALL RVDBT NATIVE ARGS: awk
# regexes the call's name and results match whole, the arguments in part).
DESIGN=$(cat <<'EOF'
# The guest space is Sv39's user half, 256 GiB, as on most riscv64
# machines; qemu's and x86-64's are 128 TiB. A larger mapping (the
# generator's is 1 TiB) is -ENOMEM, before its flags are looked at.
mmap -12 .* len=0x10000000000( |$)
# Flag 0x40 is x86-64's MAP_32BIT, nothing on riscv64: the native mapping
# is placed low, rvdbt's at the hint as riscv64 Linux's.
mmap h ok flags=0x62( |$)
# A 2 GiB iovec from the program's text on is written as far as memory is
# readable past it, which depends on the binary (riscv64 or x86-64).
writev [0-9]+ [0-9]+ iov=\[text:2147483648
# ioctl requests rvdbt does not convert are -ENOTTY after the fd check:
# the host is not asked what its driver says for them (epoll: -EINVAL),
# because it would carry the request out with a guest argument.
ioctl -25 -?[0-9]+ req=0x(1234|ffffffffffffffff)( |$)
# Sv39's user space ends at 2^38: a buffer or iovec across it ("top", or
# "toppage" longer than its page) fails Linux's access_ok, -EFAULT before
# whatever the call checks after that; on x86-64 it is a user address and
# the call goes on.
[a-z_0-9]+ -14 .* (=|\[|,)top(page)?[: ]
EOF
)

# Calls whose output structure differs between riscv64 and x86-64: their
# checksum is not compared with the native run's.
LAYOUT='^(fstat|newfstatat|rt_sigaction|epoll|uname)$'

compare() {
    paste -d '\n' "$1" "$2" "$3" | awk -v show="$SHOW" -v layout="$LAYOUT" -v known="$KNOWN" \
        -v design="$DESIGN" -v alone="$4" -v rerun="$WORK/rerun" '
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
    nd = split(design, dl, "\n")
    for (i = 1; i <= nd; i++) {
        if (dl[i] ~ /^[ \t]*(#|$)/) { dl[i] = ""; continue }
        split(dl[i], f, " ")
        dcall[i] = f[1]; dr[i] = f[2]; dn[i] = f[3]
        dargs[i] = substr(dl[i], length(f[1] f[2] f[3]) + 4)
    }
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
    # what a call reads from the program text (code bytes, as a structure
    # or as data) differs by architecture, and so may what it does
    text = args(r) ~ /[=:,[]text/
    same_native = args(r) == args(n) && (text || res(r) == res(n) && (ck(r) == ck(n) || call ~ layout))
    why = ""
    if (same_native && args(q) == args(r))
        for (i = 1; i <= nk; i++)
            if (kl[i] != "" && call == kcall[i] && res(q) ~ ("^(" kres[i] ")$")) { why = i; break }
    if (why != "") { tol[why]++; tolerated++; next }
    for (i = 1; i <= nd; i++)
        if (dl[i] != "" && call ~ ("^(" dcall[i] ")$") && res(r) ~ ("^(" dr[i] ")$") && res(n) ~ ("^(" dn[i] ")$") && \
            args(r) ~ dargs[i]) {
            des[i]++; designed++; next
        }
    # In the whole run, look again at the call alone first: what it finds
    # may differ only because an earlier call left a different state.
    if (!alone) { print w[1] > rerun; deferred++; next }
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
    for (i = 1; i <= nd; i++)
        if (des[i])
            printf "by design %d: %s\n", des[i], dl[i]
    printf "counts %d %d %d %d %d\n", pass, tolerated, designed, deferred, failed
}'
}

: > "$WORK/rerun"
compare "$WORK/qemu" "$WORK/rvdbt" "$WORK/native" 0 > "$WORK/whole"
# The calls that differed in the whole run, each run alone (the same
# arguments: they come from the seed and the call's number only).
for f in qemu rvdbt native; do : > "$WORK/$f.alone"; done
while read -r k; do
    run "$WORK/one" 1 "$k" "$QEMU" "$GUEST" && sed -n 2p "$WORK/one" >> "$WORK/qemu.alone" &&
    run "$WORK/one" 1 "$k" "$RVDBT" "$GUEST" && sed -n 2p "$WORK/one" >> "$WORK/rvdbt.alone" &&
    run "$WORK/one" 1 "$k" "$NATIVE" && sed -n 2p "$WORK/one" >> "$WORK/native.alone" || fail_setup
done < "$WORK/rerun"
compare "$WORK/qemu.alone" "$WORK/rvdbt.alone" "$WORK/native.alone" 1 > "$WORK/alone"
grep -hv '^counts ' "$WORK/whole" "$WORK/alone"
read -r _ pass tol des deferred _ < <(grep '^counts ' "$WORK/whole")
read -r _ apass atol ades _ failed < <(grep '^counts ' "$WORK/alone")
echo "sys_border: seed $SEED, $pass calls equal, $tol tolerated, $des by design;" \
    "$deferred differed after earlier calls, of which $((apass + atol + ades)) agree when run alone"
echo "sys_border: $((pass + tol + des + apass + atol + ades)) passed, $failed failed"
(( failed == 0 ))
