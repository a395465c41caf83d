#!/usr/bin/env bash
# Differential tests of whole guest programs (tests/guest/, built by
# `make guest-progs` into build/tests/guest/). Each case runs under
# qemu-riscv64, the oracle, whose exit status must be the one the table below
# expects; where the output does not depend on the machine, the native x86-64
# build must print the same as qemu; then rvdbt, once per mode, must match
# qemu's stdout and exit status. (A program that execs riscv64 programs has
# the native build as its oracle instead: see c below.)
#
#   tests/guest.sh [PATTERN...]     run the cases whose label matches a glob
#                                   (labels look like O2/intops, pie/isa,
#                                   O0/exitcode:255, dyn/dl_libm); no pattern
#                                   runs all
# Dynamically linked programs (dyn/NAME) run under
# `qemu-riscv64 -L /usr/riscv64-linux-gnu`, and under rvdbt both without -L
# (rvdbt finds the cross libraries itself) and with it: the dl_* programs in
# every mode, the dynamic builds of the other programs in the plain mode.
# Environment:
#   RVDBT        the translator command, default build/rvdbt (may carry
#                options: RVDBT="build/rvdbt -d in_asm"; words split on spaces)
#   RVDBT_MODES  the option sets to run rvdbt with, one run each, separated
#                by ';'; an empty item is the plain mode (no options).
#                Default: the plain mode only. Plain plus two more:
#                RVDBT_MODES=';--ic-miss;--no-chain --code-cache-size 131072'
#   QEMU         the oracle, default qemu-riscv64
#   SYSROOT      the riscv64 root for dynamically linked programs (-L), default
#                /usr/riscv64-linux-gnu
#   GUEST_TIMEOUT  seconds per run, default 60
# Prints `ok LABEL [MODE]` or `FAIL LABEL [MODE]: why` per check and ends with
# `guest: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
QEMU=${QEMU:-qemu-riscv64}
TIMEOUT=${GUEST_TIMEOUT:-60}
SYSROOT=${SYSROOT:-/usr/riscv64-linux-gnu}

read -ra RVDBT_CMD <<< "${RVDBT:-$ROOT/build/rvdbt}"
# The runs happen in a scratch directory: make a relative path absolute first.
if [[ ${RVDBT_CMD[0]} == */* && ${RVDBT_CMD[0]} != /* ]]; then
    RVDBT_CMD[0]=$PWD/${RVDBT_CMD[0]}
fi
MODES=("")
if [[ -n ${RVDBT_MODES:-} ]]; then
    IFS=';' read -ra MODES <<< "$RVDBT_MODES"
fi

# The guest sees exactly this environment under every runner.
GUEST_ENV=(PATH=/usr/bin:/bin LC_ALL=C "GUEST_TEST_VAR=a value with spaces")
LONG_ARG=$(printf 'x%.0s' {1..3000})END

PASS=0
FAIL=0
PATTERNS=("$@")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-guest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ulimit -c 0

pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1: $2"; }

# run NAME STDIN CMD...: runs CMD in the scratch directory with the guest
# environment and a time limit; leaves NAME.out, NAME.err and NAME.st.
run() {
    run_quiet "$@" 2> /dev/null     # no "Segmentation fault" notice from bash
}
run_quiet() {
    local name=$1 input=$2
    shift 2
    (cd "$WORK" && exec env -i "${GUEST_ENV[@]}" timeout -k 5 "$TIMEOUT" "$@" \
        < "$input" > "$WORK/$name.out" 2> "$WORK/$name.err")
    echo $? > "$WORK/$name.st"
}

# Bytes of line N of a file around column COL, printable, or a marker past
# the end.
show_line() {
    local file=$1 n=$2 col=$3 count from
    count=$(sed -n '$=' "$file")
    if (( n > ${count:-0} )); then
        printf '<end of output>'
        return
    fi
    from=$(( col > 40 ? col - 40 : 1 ))
    printf '%s"%s"' "$( (( from > 1 )) && echo ...)" \
        "$(sed -n "${n}{p;q}" "$file" | cut -b "$from-$((from + 99))" | cat -v)"
}

# Where two outputs first differ: "line N: expected X, got Y".
first_diff() {
    local want=$1 got=$2 msg line=1 byte=1 col
    msg=$(cmp -- "$want" "$got" 2>&1)
    if [[ $msg =~ differ:\ byte\ ([0-9]+),\ line\ ([0-9]+) ]]; then
        byte=${BASH_REMATCH[1]} line=${BASH_REMATCH[2]}
    elif [[ $msg =~ after\ byte\ ([0-9]+),\ line\ ([0-9]+) ]]; then
        byte=$((BASH_REMATCH[1] + 1)) line=$((BASH_REMATCH[2] + 1))
    elif [[ $msg =~ after\ byte\ ([0-9]+),\ in\ line\ ([0-9]+) ]]; then
        byte=$((BASH_REMATCH[1] + 1)) line=${BASH_REMATCH[2]}
    fi
    col=$(( byte - $(head -n $((line - 1)) "$want" | wc -c) ))
    printf 'line %d: expected %s, got %s' "$line" "$(show_line "$want" "$line" "$col")" \
        "$(show_line "$got" "$line" "$col")"
}

status_text() {
    case $1 in
        124) echo "timed out after ${TIMEOUT}s" ;;
        137) echo "killed (status 137) after the time limit" ;;
        *)   echo "exit status $1" ;;
    esac
}

first_err_line() {
    local l
    l=$(head -n 1 "$1" | cat -v | cut -c1-160)
    [[ -n $l ]] && printf ' (stderr: %s)' "$l"
}

# compare LABEL REF GOT REFNAME: status and stdout of run GOT against run REF.
compare() {
    local label=$1 ref=$2 got=$3 refname=$4 rs gs
    rs=$(< "$WORK/$ref.st")
    gs=$(< "$WORK/$got.st")
    if [[ $rs != "$gs" ]]; then
        fail "$label" "$(status_text "$gs"), $refname gave $rs$(first_err_line "$WORK/$got.err")"
    elif ! cmp -s "$WORK/$ref.out" "$WORK/$got.out"; then
        fail "$label" "stdout differs from $refname at $(first_diff "$WORK/$ref.out" "$WORK/$got.out")"
    else
        pass "$label"
    fi
}

selected() {
    local p
    (( ${#PATTERNS[@]} == 0 )) && return 0
    for p in "${PATTERNS[@]}"; do
        # shellcheck disable=SC2053
        [[ $1 == $p ]] && return 0
    done
    return 1
}

# Absolute paths: the runs get PATH=/usr/bin:/bin only.
RVDBT_OK=1
if resolved=$(command -v "${RVDBT_CMD[0]}"); then
    RVDBT_CMD[0]=$resolved
else
    RVDBT_OK=0
    fail rvdbt "${RVDBT_CMD[0]} not found: build it (make) or set RVDBT"
fi
if ! QEMU=$(command -v "$QEMU"); then
    echo "guest.sh: qemu-riscv64 not found (scripts/deps.sh installs it)" >&2
    exit 2
fi

# one_case LABEL BINARY NATIVE_BINARY ARGS...: NATIVE_BINARY is "" when the
# output is riscv-specific. Uses IN, STATUS, ORACLE and (for dyn/ labels)
# DL_ALL_MODES from the caller.
one_case() {
    local label=$1 bin=$2 native=$3 mode qs dyn=0 qemu_opts=()
    shift 3
    selected "$label" || return 0
    if [[ ! -x $bin ]]; then
        fail "$label" "$bin missing: make guest-progs"
        return
    fi
    if [[ $ORACLE == native ]]; then
        native_oracle "$label" "$bin" "$native" "$@"
        return
    fi
    if [[ $label == dyn/* ]]; then
        dyn=1
        qemu_opts=(-L "$SYSROOT")
    fi
    run qemu "$IN" "$QEMU" "${qemu_opts[@]}" "$bin" "$@"
    qs=$(< "$WORK/qemu.st")
    if [[ $qs != "$STATUS" ]]; then
        # The oracle disagrees with the table: the test or qemu is wrong, and
        # comparing rvdbt with it would prove nothing.
        fail "$label" "oracle qemu: $(status_text "$qs"), expected $STATUS$(first_err_line "$WORK/qemu.err")"
        return
    fi
    if [[ -n $native ]]; then
        run native "$IN" "$native" "$@"
        compare "$label native" qemu native qemu
    fi
    if (( RVDBT_OK )); then
        for mode in "${MODES[@]}" ${EXTRA_MODE:+"$EXTRA_MODE"}; do
            local opts=()
            read -ra opts <<< "$mode"
            run rvdbt "$IN" "${RVDBT_CMD[@]}" "${opts[@]}" "$bin" "$@"
            compare "$label${mode:+ [$mode]}" qemu rvdbt qemu
            if (( dyn )) && [[ -z $mode || -n ${DL_ALL_MODES:-} ]]; then
                run rvdbt "$IN" "${RVDBT_CMD[@]}" "${opts[@]}" -L "$SYSROOT" "$bin" "$@"
                compare "$label [${mode:+$mode }-L]" qemu rvdbt qemu
            fi
        done
    fi
}

# For behaviour where qemu-riscv64 departs from Linux (it checks a whole
# buffer before a read or write, where Linux transfers up to the first bad
# page): the native build is the oracle, and rvdbt must match it.
native_oracle() {
    local label=$1 bin=$2 native=$3 mode ns
    shift 3
    run native "$IN" "$native" "$@"
    ns=$(< "$WORK/native.st")
    if [[ $ns != "$STATUS" ]]; then
        fail "$label" "oracle native: $(status_text "$ns"), expected $STATUS$(first_err_line "$WORK/native.err")"
        return
    fi
    if (( RVDBT_OK )); then
        for mode in "${MODES[@]}"; do
            local opts=()
            read -ra opts <<< "$mode"
            run rvdbt "$IN" "${RVDBT_CMD[@]}" "${opts[@]}" "$bin" "$@"
            compare "$label${mode:+ [$mode]}" native rvdbt native
        done
    fi
}

# c NAME native|rv [ARGS...]: a C program, at -O0 and -O2, and dynamically
# linked if built so (tests/guest/module.mk); "native" when the x86-64 build
# must print the same. dl NAME [ARGS...]: a program about dynamic linking,
# only built dynamically. s NAME [ARGS...]: an assembly program, static and,
# if built, position-independent. Before any, ID=x adds ":x" to the label,
# IN=file feeds stdin, STATUS=n is the exit status expected, ORACLE=native
# makes the native build the oracle instead of qemu, EXTRA_MODE=options
# runs rvdbt once more with those options, whatever RVDBT_MODES says.
c() {
    local name=$1 kind=$2 opt native=
    shift 2
    [[ $kind == native ]] && native=$G/native/$name
    for opt in O0 O2; do
        one_case "$opt/$name${ID:+:$ID}" "$G/$opt/$name" "$native" "$@"
    done
    [[ -e $G/dyn/$name ]] && one_case "dyn/$name${ID:+:$ID}" "$G/dyn/$name" \
        "$([[ $ORACLE == native ]] && echo "$native")" "$@"
}
dl() {
    local name=$1
    shift
    DL_ALL_MODES=1 one_case "dyn/$name${ID:+:$ID}" "$G/dyn/$name" "" "$@"
}
s() {
    local name=$1
    shift
    one_case "asm/$name${ID:+:$ID}" "$G/asm/$name" "" "$@"
    [[ -e $G/pie/$name ]] && one_case "pie/$name${ID:+:$ID}" "$G/pie/$name" "" "$@"
}
ID=
IN=/dev/null
STATUS=0
ORACLE=qemu

if ! make -s -C "$ROOT" guest-progs > "$WORK/build.log" 2>&1; then
    fail build "make guest-progs failed: $(grep -m1 -i error "$WORK/build.log")"
fi

c intops native
c setjmp native
c recurse native
c qsort native
c interp native
c malloc native
c printf_fp native
c fpmath native
c fcvt_rv rv
c fp_mxcsr rv
c files native
ID=noargs c args native
ID=many c args native one "two words" "" "$LONG_ARG" "tab	and newline
end" 'sp€cial'
c auxv rv
for st in 0 3 255; do
    ID=$st STATUS=$st c exitcode native "$st"
done
ID=ret42 STATUS=42 c exitcode native ret42
ID=_exit7 STATUS=7 c exitcode native _exit7
ID=text IN=$ROOT/tests/guest/cat.c c cat native
ID=binary IN=$G/O2/printf_fp c cat native
ID=empty c cat native
c atomics native
c loop_slots native
c fwd_join rv
c strings native
# held_*: programs in the style of the held-out tests (small utilities)
c held_printf native
c held_ldouble rv
IN=$ROOT/tests/guest/held_scan.c c held_scan native
IN=$ROOT/tests/guest/held_calc.c c held_calc native
STATUS=3 c held_stdlib native
c held_math native
c held_struct native
c held_mem native
c held_files native
c held_time native
c held_bigint native
c held_mandel native
c held_json native
c held_sort native
c held_vm native
ID=stdin IN=$ROOT/tests/guest/held_json.c c held_wc native
ID=files STATUS=2 c held_wc native -n 5 -m 4 "$ROOT/tests/guest/held_sort.c" no-such-file "$ROOT/tests/guest/held_time.c"
ID=badopt STATUS=2 c held_wc native -x
# Inline caches (load/store slots, software TLB, jalr slots, return stack)
# against address-space changes, control flow and self-modifying code.
c ic_regions native
STATUS=139 c ic_mprotect_w native
STATUS=139 c ic_mprotect_none native
STATUS=139 c ic_munmap native
c ic_brk native
c ic_jumptab native
c ic_ras native
c ic_longjmp native
c ic_smc rv
c ic_remap native
# Signal handlers: faults of the program's own instructions, signals it sends
# itself, the frame, sigreturn, the alternate stack. A fault whose signal is
# ignored or blocked kills all the same.
c sig_handler native
c sig_segv native
c sig_filebus native
ID=ignored STATUS=139 c sig_segv native ignored
c sig_ill rv
c sig_fetch_straddle rv
c sig_access_straddle rv
c sig_oddpc rv
c sig_fetchbus rv
c sig_fault_regs rv
c amo_edges rv
ID=blocked STATUS=132 c sig_ill rv blocked
c sig_altstack native
c mremap native
# Threads, processes and signals that come from outside the instruction
# stream (other processes and threads, timers), static at -O0 and -O2 and
# linked dynamically. Each program checks itself and ends with status 99 and
# a "watchdog:" line naming the part that hung rather than hang.
c mt_sync native
c mt_create native
c mt_atomic native
STATUS=3 c mt_exit native
c crash_regs rv
ID=thread c crash_regs rv thread
c proc_fork native
c proc_wait native
c proc_shell native
ORACLE=native c proc_exec native
c sig_async native
c sig_eintr native
c sig_alarm native
c sig_thread native
c sig_fault_mt native
c sig_timer native
ID=noargs c cmdline native
ID=args c cmdline native one "two words" "" "$LONG_ARG"
# Dynamically linked programs: ld.so, libc and libm from the riscv64 root.
dl dl_hello
ID=args dl dl_hello one "two words" ""
dl dl_libm
dl dl_dlopen
dl dl_auxv

# Syscall families: files, polling and event fds, sockets on this machine,
# memory, timers, identity; sys_native holds the Linux behaviour qemu 7.2
# departs from, with the native build as the oracle.
c sys_files native
c sys_poll native
c sys_net native
c sys_mem native
c sys_time native
ID=signal c sys_time native signal
c sys_id native
ORACLE=native c sys_native native
# Hostile guests: jumps to where no code may run, code rewritten or taken
# away by another thread, signal frames that cannot be written or read
# back, stack overflow, the address space at its limits,
# thousands of threads, signal storms, fork among running threads, a code
# cache overflowed again and again (under a tiny one every run), every
# syscall number with random arguments, every fd closed.
c sig_badjump rv
for how in unmapped data thread; do
    ID=$how STATUS=139 c sig_badjump rv "$how"
done
c ic_smc_mt rv
c ic_unmap_mt rv
ID=kill STATUS=139 c ic_unmap_mt rv kill
for how in altunmapped altreadonly sigreturn sigreturnbad refault refaultnodefer; do
    ID=$how STATUS=139 c sig_badframe rv "$how"
done
STATUS=139 c sig_stackovf native
ID=alt STATUS=42 c sig_stackovf native alt
ID=noalt STATUS=139 c sig_stackovf native noalt
ID=thread STATUS=139 c sig_stackovf native thread
ID=threadalt STATUS=43 c sig_stackovf native threadalt
c sys_mmap_limits native
c mt_many native
c sig_storm native
c proc_fork_mt native
EXTRA_MODE='--code-cache-size 131072' c ic_ccfill rv
c sys_fuzz rv
c sys_closeall native
s hello
s isa
s rvc
s smc
STATUS=38 s enosys
s ic_count

echo "guest: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
