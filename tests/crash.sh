#!/usr/bin/env bash
# The crash report (linux/crash.c), provoked with --debug-crash:
#   - code:PC, a host fault in the translated code of crash_here
#     (tests/guest/crash_regs.c) at crash_point, after it changed a0 and t3,
#     on the main thread and on a second one, in several modes: the report
#     says translated code and the block, the guest pc is crash_point, a0,
#     a1, t3 and fa0 hold what the guest code had made them (a0 and a1 live
#     in host registers there, t3 in a block-local one), the last syscalls
#     end with the guest's write;
#   - syscall, stack, internal: a host fault in rvdbt's own C code, a host
#     stack overflow (also on a thread that is not the main one: each has
#     its own host signal stack) and an internal error, each at the guest's
#     exit_group, which the report shows as not returned;
# each ends with status 70, the rvdbt version, exactly one report, the
# guest's output before the crash in its pipe, and no core file; with
# --core there is one (where core_pattern leaves it in the working folder).
# RVDBT as in tests/guest.sh. Ends with `crash: N passed, M failed`.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
TIMEOUT=${GUEST_TIMEOUT:-60}
NM=riscv64-linux-gnu-nm
SKIP=0

NAME=crash
. "$ROOT/tests/lib_check.sh"

R=${G#"$ROOT"/}      # make's targets are relative to the top
if ! make -s -C "$ROOT" "$R/O0/crash_regs" "$R/O2/crash_regs" "$R/O2/mt_exit" > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi
VERSION=$("${RVDBT_CMD[@]}" --version | awk '{ print $2 }')
# A core file lands in the working folder only when core_pattern is a plain
# name; with a pipe or a path elsewhere its absence cannot be seen here.
PATTERN=$(cat /proc/sys/kernel/core_pattern 2> /dev/null)
CORE_HERE=$([[ -n $PATTERN && $PATTERN != *'|'* && $PATTERN != */* && $(ulimit -H -c) != 0 ]] && echo 1)

# crashed LABEL WANT-STDOUT: the common parts of every report in LABEL.err.
crashed() {
    local label=$1 want=$2 e=$WORK/$1.err
    check "$label status 70" "status $ST: $(head -c 300 "$e")" test "$ST" = 70
    check "$label one report" "$(grep -c 'crash report' "$e") reports" \
        test "$(grep -c '^--- rvdbt .* crash report' "$e")" = 1
    check "$label version" "no 'rvdbt $VERSION crash report'" grep -q "^--- rvdbt $VERSION crash report: pid" "$e"
    check "$label report ends" "no end line" grep -q '^--- end of the report; exit status 70' "$e"
    check "$label guest output" "stdout: $(head -c 200 "$WORK/$label.out")" \
        test "$(head -n 1 "$WORK/$label.out")" = "$want"
    if [[ -n $CORE_HERE ]]; then
        check "$label no core" "$(ls "$WORK" | grep -m1 core)" bash -c "! ls '$WORK' | grep -q '^core'"
    else
        SKIP=$((SKIP + 1))
    fi
}

# reg LABEL NAME HEX: the report shows register NAME (as a0 or f10) = HEX.
reg() {
    check "$1 $2" "$(grep -m1 -o "$2 *[0-9a-f]\{16\}" "$WORK/$1.err")" \
        grep -Eq "(^| )$2 +$3( |$)" "$WORK/$1.err"
}

# The guest's registers: a0, a1, fa0 = 2.5 and the write of "before the crash".
code_case() {
    local label=$1 bin=$2
    shift 2
    local pc fn
    pc=$(printf '%x' "0x$("$NM" "$bin" | awk '$3 == "crash_point" { print $1 }')")
    fn=$(printf '%x' "0x$("$NM" "$bin" | awk '$3 == "crash_here" { print $1 }')")
    (ulimit -S -c 4096; run "$label" "${RVDBT_CMD[@]}" "$@" "--debug-crash=code:0x$pc" "$bin" ${THREAD:+thread})
    ST=$(< "$WORK/st")
    local e=$WORK/$label.err
    crashed "$label" "before the crash"
    check "$label signal" "$(head -n 1 "$e")" grep -q '^rvdbt: internal error: host signal 4 (SIGILL' "$e"
    check "$label in translated code" "$(grep -m1 'host pc' "$e")" \
        grep -q "^host pc: 0x[0-9a-f]*, in translated code: the block of guest 0x$fn " "$e"
    check "$label guest pc" "$(grep -m1 '^guest thread' "$e"), crash_point 0x$pc" \
        grep -q "^guest thread [0-9]*, pc 0x$pc\$" "$e"
    check "$label exact" "$(grep -m1 'guest registers' "$e")" grep -q '^guest registers (exact)' "$e"
    reg "$label" a0 1111222233334445
    reg "$label" a1 0000000000005555
    reg "$label" t3 0000000000007777
    reg "$label" f10 4004000000000000
    # the main thread wrote "before the crash\n"; a new one begins with
    # glibc's set_robust_list
    local last='^  write(0x1, 0x[0-9a-f]*, 0x11, .*) = 17$'
    [[ -n ${THREAD:-} ]] && last='^  set_robust_list(0x[0-9a-f]*, 0x18, .*) = 0$'
    check "$label last syscalls" "$(grep -A9 'last syscalls' "$e" | tail -n 2)" grep -q "$last" "$e"
    local pid tid
    pid=$(sed -n 's/.*crash report: pid \([0-9]*\),.*/\1/p' "$e")
    tid=$(sed -n 's/^guest thread \([0-9]*\),.*/\1/p' "$e")
    if [[ -n ${THREAD:-} ]]; then
        check "$label other thread" "pid $pid, guest thread $tid" test -n "$tid" -a "$tid" != "$pid"
    else
        check "$label main thread" "pid $pid, guest thread $tid" test -n "$tid" -a "$tid" = "$pid"
    fi
}

for opt in O0 O2; do
    code_case "code-$opt" "$G/$opt/crash_regs"
done
THREAD=1 code_case code-thread "$G/O2/crash_regs"
code_case code-no-chain "$G/O2/crash_regs" --no-chain
code_case code-ic-miss "$G/O2/crash_regs" --ic-miss
code_case code-high-base "$G/O2/crash_regs" --high-base

# at_exit LABEL WHAT BIN [ARGS]: --debug-crash=WHAT at the guest's exit_group.
at_exit() {
    local label=$1 what=$2 bin=$3
    shift 3
    (ulimit -S -c 4096; run "$label" "${RVDBT_CMD[@]}" "--debug-crash=$what" "$bin" "$@")
    ST=$(< "$WORK/st")
    local e=$WORK/$label.err
    check "$label in rvdbt" "$(grep -m1 'host pc' "$e")" \
        grep -q "^host pc: 0x[0-9a-f]*, in rvdbt's own code: .*rvdbt+0x[0-9a-f]* .*(addr2line" "$e"
    check "$label exit_group running" "$(grep -A9 'last syscalls' "$e" | tail -n 2)" \
        grep -q '^  exit_group(0x[0-9a-f]*, .*) (not returned)$' "$e"
    check "$label exact" "$(grep -m1 'guest registers' "$e")" grep -q '^guest registers (exact)' "$e"
}

at_exit syscall syscall "$G/O2/crash_regs"
crashed syscall "before the crash"
check "syscall signal" "$(head -n 1 "$WORK/syscall.err")" \
    grep -q '^rvdbt: internal error: host signal 11 (SIGSEGV' "$WORK/syscall.err"
reg syscall a7 000000000000005e

at_exit stack stack "$G/O2/crash_regs" thread
crashed stack "before the crash"
check "stack signal" "$(head -n 1 "$WORK/stack.err")" \
    grep -q '^rvdbt: internal error: host signal 11 (SIGSEGV' "$WORK/stack.err"

# mt_exit calls exit(3) on a thread of its own while three more spin.
at_exit stack-thread stack "$G/O2/mt_exit"
crashed stack-thread "main: 3 threads spinning, one more to exit"
pid=$(sed -n 's/.*crash report: pid \([0-9]*\), host thread \([0-9]*\),.*/\1 \2/p' "$WORK/stack-thread.err")
check "stack-thread on the exiting thread" "pid and host thread: $pid" test -n "$pid" -a "${pid% *}" != "${pid#* }"

at_exit internal internal "$G/O2/crash_regs"
crashed internal "before the crash"
check "internal what" "$(head -n 1 "$WORK/internal.err")" \
    grep -qx 'rvdbt: internal error: provoked by --debug-crash=internal' "$WORK/internal.err"

# --core: the report, then the host's default action for the signal.
if [[ -n $CORE_HERE ]]; then
    mkdir -p "$WORK/core-run"
    pc=$("$NM" "$G/O2/crash_regs" | awk '$3 == "crash_point" { print $1 }')
    core_run() {
        (cd "$WORK/core-run" && ulimit -S -c 4096 &&
            exec timeout -k 5 "$TIMEOUT" "${RVDBT_CMD[@]}" --core "--debug-crash=code:0x$pc" "$G/O2/crash_regs" \
                > out 2> err)
    }
    core_run 2> /dev/null     # no "Illegal instruction" notice from bash
    ST=$?
    check "core status" "status $ST: $(tail -n 1 "$WORK/core-run/err")" test "$ST" = $((128 + 4))
    check "core report" "$(tail -n 1 "$WORK/core-run/err")" \
        grep -q '^--- end of the report; --core: the host.s default action for signal 4 follows' "$WORK/core-run/err"
    check "core file" "none in $(ls "$WORK/core-run")" bash -c "ls '$WORK/core-run' | grep -q '^core'"
else
    SKIP=$((SKIP + 3))
fi

if (( SKIP )); then
    echo "crash: $PASS passed, $FAIL failed, $SKIP skipped: core_pattern '$PATTERN' sends core files elsewhere or the hard limit is 0"
    (( FAIL )) && exit 1
    exit 77
fi
echo "crash: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
