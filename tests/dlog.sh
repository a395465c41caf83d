#!/usr/bin/env bash
# The -d log: each item produces its lines (help, in_asm, out_asm, exec,
# cpu, strace, page, unimp), -dfilter limits the block items to its ranges,
# blocks are named after their guest symbols (also a dynamic program's
# libraries), -D writes the log to a file. tests/guest/ic_count.S's loop
# block runs exactly LOOPS times, so `exec` logs it exactly LOOPS times.
# RVDBT as in tests/guest.sh. Prints `ok CHECK` or `FAIL CHECK: why` and ends
# with `dlog: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
TIMEOUT=${GUEST_TIMEOUT:-60}
LOOPS=100000                    # .set LOOPS in tests/guest/ic_count.S
LOOP_PC=0x1015e                 # ic_count's loop block, _start+0x1a (checked below)

NAME=dlog
. "$ROOT/tests/lib_check.sh"

if ! make -s -C "$ROOT" "$G/asm/ic_count" "$G/asm/hello" "$G/asm/enosys" "$G/asm/fault_ill" \
        "$G/O2/mt_create" "$G/dyn/args" "$G/O2/sys_closeall" > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi

run help "${RVDBT_CMD[@]}" -d help
check "help exits 0" "status $ST" test "$ST" = 0
for item in in_asm out_asm exec cpu strace page unimp; do
    check "help lists $item" "$(head -c 300 "$WORK/help.out")" grep -qE "^  $item +[a-z]" "$WORK/help.out"
done
run bad "${RVDBT_CMD[@]}" -d in_asm,nonsense "$G/asm/hello"
check "unknown item is a usage error" "status $ST: $(cat "$WORK/bad.err")" test "$ST" = 2
check "unknown item named" "$(cat "$WORK/bad.err")" grep -q "nonsense" "$WORK/bad.err"

# in_asm and out_asm, named by symbol, into -D's file.
run asm "${RVDBT_CMD[@]}" -d in_asm,out_asm -D "$WORK/asm.log" "$G/asm/hello"
check "asm run" "status $ST" test "$ST" = 0
check "in_asm names the block" "$(head -3 "$WORK/asm.log")" grep -qx "IN: _start" "$WORK/asm.log"
check "in_asm disassembles" "$(sed -n 3p "$WORK/asm.log")" \
    grep -qE '^  0x000001010c:  4505  c.li a0,1$' "$WORK/asm.log"
check "out_asm names the block" "$(grep -m1 OUT "$WORK/asm.log")" grep -qx "OUT: _start" "$WORK/asm.log"
check "out_asm disassembles host code" "$(grep -m1 -A1 '^host code' "$WORK/asm.log")" \
    grep -qE '^  0x[0-9a-f]+:  (cmp|mov|jne|add) ' "$WORK/asm.log"
check "-D keeps stderr clean" "$(head -c 200 "$WORK/asm.err")" test ! -s "$WORK/asm.err"

# exec: every run of the loop's block, and only it under -dfilter.
run exec "${RVDBT_CMD[@]}" -d exec -dfilter "$LOOP_PC" -D "$WORK/exec.log" "$G/asm/ic_count"
check "exec run" "status $ST" test "$ST" = 0
n=$(grep -c "^Trace [0-9]*: $(printf 0x%010x $((LOOP_PC))) _start+0x1a$" "$WORK/exec.log")
check "exec logs the loop block $LOOPS times" "$n" test "$n" = "$LOOPS"
n=$(wc -l < "$WORK/exec.log")
check "-dfilter keeps other blocks out" "$n lines" test "$n" = "$LOOPS"
run exec_all "${RVDBT_CMD[@]}" -d exec -D "$WORK/exec_all.log" "$G/asm/ic_count"
n=$(grep -c '^Trace .* three$' "$WORK/exec_all.log")
check "exec logs the callee $LOOPS times" "$n" test "$n" = "$LOOPS"

# cpu: the registers at each start; s1 counts the loop down from LOOPS.
run cpu "${RVDBT_CMD[@]}" -d cpu -dfilter "$LOOP_PC+2" -D "$WORK/cpu.log" "$G/asm/ic_count"
check "cpu run" "status $ST" test "$ST" = 0
n=$(grep -c '^ pc       000000000001015e$' "$WORK/cpu.log")
check "cpu logs each start" "$n" test "$n" = "$LOOPS"
first=$(grep -m1 -o 'x9 /s1   [0-9a-f]*' "$WORK/cpu.log")
last=$(grep -o 'x9 /s1   [0-9a-f]*' "$WORK/cpu.log" | tail -1)
check "cpu shows s1 counting down" "$first ... $last" \
    test "$first $last" = "x9 /s1   $(printf %016x $LOOPS) x9 /s1   0000000000000001"

# strace, page, unimp.
run strace "${RVDBT_CMD[@]}" -d strace,page,unimp "$G/asm/enosys"
check "strace logs write" "$(head -c 300 "$WORK/strace.err")" grep -qE '^[0-9]+ write\(1,"enosys: ok\\n",11\) = 11$' \
    "$WORK/strace.err"
check "page shows the program's mapping" "$(head -3 "$WORK/strace.err")" \
    grep -qE "^00010000-[0-9a-f]+ r-xp 00000000 .* $G/asm/enosys$" "$WORK/strace.err"
check "page shows the stack" "$(head -4 "$WORK/strace.err")" grep -qE ' rw-p .*\[stack\]$' "$WORK/strace.err"
check "unimp logs the syscall" "$(grep unimpl "$WORK/strace.err")" \
    grep -qx 'unimplemented syscall 999' "$WORK/strace.err"
run ill "${RVDBT_CMD[@]}" -d unimp "$G/asm/fault_ill"
check "unimp logs the instruction" "$(head -2 "$WORK/ill.err")" \
    grep -qE '^unimplemented instruction 0x[0-9a-f]+ at pc 0x[0-9a-f]+$' "$WORK/ill.err"

# A dynamic program's blocks are named from the loader and libc too.
run dyn "${RVDBT_CMD[@]}" -d in_asm -D "$WORK/dyn.log" "$G/dyn/args" a b
check "dyn run" "status $ST: $(head -c 200 "$WORK/dyn.err")" test "$ST" = 0
# the loader has no .symtab: its exported functions (.dynsym) are named
check "dyn names the loader's code" "$(grep -m3 '^IN:' "$WORK/dyn.log")" grep -qE '^IN: _dl_[a-z_]+' "$WORK/dyn.log"
check "dyn names libc's code" "$(grep -c '^IN:' "$WORK/dyn.log") blocks" \
    grep -qE '^IN: __libc_start_main' "$WORK/dyn.log"
check "dyn names the program's code" "" grep -qx 'IN: main' "$WORK/dyn.log"

# The log's fd is rvdbt's, not the guest's: a guest that closes every fd and
# opens files under the numbers freed gets none of the log in them, and the
# log goes on in its own file.
run closeall "${RVDBT_CMD[@]}" -d in_asm -D "$WORK/closeall.log" "$G/O2/sys_closeall"
check "closeall: no log lines in the guest's file" "status $ST: $(head -c 300 "$WORK/closeall.out")" \
    test "$ST" = 0
check "closeall: the log goes on after the close" "$(grep -c '^IN:' "$WORK/closeall.log") blocks" \
    grep -q '^IN: after_close_line' "$WORK/closeall.log"

# Threads: exec lines carry each thread's id.
run mt "${RVDBT_CMD[@]}" -d exec -D "$WORK/mt.log" "$G/O2/mt_create"
check "mt run" "status $ST" test "$ST" = 0
n=$(awk '/^Trace/ {print $2}' "$WORK/mt.log" | sort -u | wc -l)
check "mt exec from many threads" "$n thread ids" test "$n" -gt 100

echo "dlog: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
