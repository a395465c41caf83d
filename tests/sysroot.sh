#!/usr/bin/env bash
# Real Debian riscv64 programs (busybox, lua5.4, python3, GNU tar, glibc's
# dynamic loader) from the sysroot that scripts/sysroot.sh builds, run under
# qemu-riscv64 -L SYSROOT (the oracle) and rvdbt -L SYSROOT; stdout and exit
# status must match. The workloads are the files in tests/sysroot/.
#
#   tests/sysroot.sh [PATTERN...]   run the cases whose name matches a glob
#   tests/sysroot.sh --oracle-twice [PATTERN...]
#                                   run only the oracle, twice, and compare
#                                   the two runs (to find flaky workloads)
# Environment:
#   RVDBT    the translator command, default build/rvdbt (words split on spaces)
#   RVDBT_MODES  option sets to run rvdbt with, one run each, separated by
#            ';' (an empty item is the plain mode); default: the plain mode
#   QEMU     the oracle, default qemu-riscv64
#   SYSROOT  use this sysroot instead of the one scripts/sysroot.sh makes
#   SYSROOT_TIMEOUT  seconds per run, default 60
#
# A guest that runs another program (sh running sort, python's subprocess,
# GNU tar running gzip) execs a guest path. rvdbt resolves it under -L like
# every other path, so guests find the sysroot's programs on
# PATH=/usr/bin:/bin. qemu-riscv64 hands execve to the host kernel, which has
# no binfmt entry for riscv64 here: on the oracle's side PATH is a directory
# of host (perl) scripts, one per program of the sysroot's /usr/bin, each
# running that program under qemu-riscv64 -L SYSROOT (what a binfmt entry
# for qemu would do). So both sides run the same riscv64 programs; only PATH
# differs, and no workload prints it. Workloads exec nothing by absolute
# path (system(), popen(), shell=True), which qemu would run on the host;
# they check that the children they run are riscv64 programs.
#
# Prints `ok NAME` or `FAIL NAME: why` per case and ends with
# `sysroot: N passed, M failed`; exits 1 if anything failed. When the Debian
# archive cannot be reached (scripts/sysroot.sh exits 77) it says so and ends
# with `sysroot: 0 passed, 0 failed, K skipped: REASON`, exit status 77.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$ROOT/tests/sysroot
QEMU=${QEMU:-qemu-riscv64}
TIMEOUT=${SYSROOT_TIMEOUT:-60}
# Host programs by absolute path: the guest's PATH is in force when they
# start.
TIMEOUT_CMD=$(command -v timeout)
read -ra RVDBT_CMD <<< "${RVDBT:-$ROOT/build/rvdbt}"
MODES=("")
if [[ -n ${RVDBT_MODES:-} ]]; then
    IFS=';' read -ra MODES <<< "$RVDBT_MODES"
fi
MODE_ARGS=()
if [[ ${RVDBT_CMD[0]} == */* && ${RVDBT_CMD[0]} != /* ]]; then
    RVDBT_CMD[0]=$PWD/${RVDBT_CMD[0]}
fi

TWICE=0
if [[ ${1:-} == --oracle-twice ]]; then
    TWICE=1
    shift
fi
PATTERNS=("$@")

# The cases: NAME, the exit status the oracle must have, the stdin file,
# then the guest program (a path inside the sysroot) and its arguments;
# @T stands for the tests/sysroot directory. ldso_direct runs the dynamic
# loader as the program, which then loads lua5.4 itself.
CASES=(
    "sh_shell      4 /dev/null /usr/bin/busybox sh @T/sh_shell.sh"
    "sh_text       0 /dev/null /usr/bin/busybox sh @T/sh_text.sh"
    "sh_files      0 /dev/null /usr/bin/busybox sh @T/sh_files.sh"
    "sh_stdin      0 @T/input.txt /usr/bin/busybox sh @T/sh_stdin.sh"
    "lua_lang      0 /dev/null /usr/bin/lua5.4 @T/lang.lua"
    "lua_coro_io   3 /dev/null /usr/bin/lua5.4 @T/coro_io.lua arg1 two"
    "lua_compute   0 /dev/null /usr/bin/lua5.4 @T/compute.lua"
    "ldso_direct   0 /dev/null /usr/lib/riscv64-linux-gnu/ld-linux-riscv64-lp64d.so.1 /usr/bin/lua5.4 @T/lang.lua"
    "py_lang       0 /dev/null /usr/bin/python3 @T/lang.py"
    "py_threads    0 /dev/null /usr/bin/python3 @T/threads.py"
    "py_process    5 /dev/null /usr/bin/python3 @T/process.py"
)

PASS=0
FAIL=0
pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1: $2"; }
# The suite cannot run at all: one failure.
fatal() {
    echo "FAIL sysroot: $1"
    echo "sysroot: 0 passed, 1 failed"
    exit 1
}

selected() {
    local p
    (( ${#PATTERNS[@]} == 0 )) && return 0
    for p in "${PATTERNS[@]}"; do
        # shellcheck disable=SC2053  # the pattern is a glob on purpose
        [[ $1 == $p ]] && return 0
    done
    return 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-sysroot.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ulimit -c 0

if [[ -z ${SYSROOT:-} ]]; then
    SYSROOT=$("$ROOT/scripts/sysroot.sh" 2> "$WORK/sysroot.err")
    st=$?
    if (( st == 77 )); then
        n=0
        for c in "${CASES[@]}"; do
            selected "${c%% *}" && n=$((n + 1))
        done
        tail -n 1 "$WORK/sysroot.err"
        echo "sysroot: 0 passed, 0 failed, $n skipped: archive unreachable"
        exit 77
    fi
    if (( st != 0 )); then
        cat "$WORK/sysroot.err"
        fatal "scripts/sysroot.sh exited with status $st"
    fi
fi
QEMU_CMD=$(command -v "$QEMU") || fatal "no $QEMU (the oracle; scripts/deps.sh installs qemu-user)"
p=$(command -v "${RVDBT_CMD[0]}") && RVDBT_CMD[0]=$p
[[ -x $SYSROOT/usr/bin/busybox ]] || fatal "$SYSROOT has no usr/bin/busybox"

# The oracle's PATH: one host script per program of the sysroot's /usr/bin.
# They are perl (Debian's essential perl-base), which hands the environment
# on untouched; a shell would add or rewrite PWD.
QBIN=$WORK/qemu-bin
mkdir -p "$QBIN"
for s in "$QEMU_CMD" "$SYSROOT"; do
    [[ $s != *[\'\\]* ]] ||
        fatal "path $s has a quote or backslash, which the oracle's PATH scripts cannot hold"
done
for p in "$SYSROOT"/usr/bin/*; do
    printf "#!/usr/bin/perl\nexec {'%s'} '%s', '-L', '%s', '%s', @ARGV or die \"%s: \$!\\n\";\n" \
        "$QEMU_CMD" "$QEMU_CMD" "$SYSROOT" "$p" "$QEMU_CMD" > "$QBIN/${p##*/}"
    chmod +x "$QBIN/${p##*/}"
done

# The guest's environment, the same on both sides but for PATH.
GUEST_ENV=(LC_ALL=C TZ=UTC HOME=/nonexistent "SYSROOT_TEST_VAR=a value with spaces")

# Microseconds each side spent running cases, for the closing time line.
declare -A USEC=([qemu]=0 [qemu2]=0 [rvdbt]=0)

# run SIDE NAME STDIN PROG ARGS...: runs PROG (a guest path) under SIDE
# (qemu, qemu2 or rvdbt) in a fresh scratch directory with a time limit;
# leaves SIDE.NAME.out, .err and .st in $WORK.
run() {
    local side=$1 name=$2 input=$3 prog=$4 dir=$WORK/$1.$2.dir path
    local t0=${EPOCHREALTIME/./}
    local -a emu
    shift 4
    case $side in
        qemu*) emu=("$QEMU_CMD"); path=$QBIN ;;
        rvdbt) emu=("${RVDBT_CMD[@]}" "${MODE_ARGS[@]}"); path=/usr/bin:/bin ;;
    esac
    rm -rf "$dir"    # a fresh one for each mode too
    mkdir -p "$dir"
    (cd "$dir" && exec env -i "${GUEST_ENV[@]}" PATH="$path" "$TIMEOUT_CMD" -k 5 "$TIMEOUT" \
        "${emu[@]}" -L "$SYSROOT" "$SYSROOT$prog" "$@" \
        < "$input" > "$WORK/$side.$name.out" 2> "$WORK/$side.$name.err") 2> /dev/null
    echo $? > "$WORK/$side.$name.st"
    USEC[$side]=$(( USEC[$side] + ${EPOCHREALTIME/./} - t0 ))
}

# A printable piece of line N of FILE, or a marker past its end.
show_line() {
    local file=$1 n=$2
    if (( n > $(wc -l < "$file") )) && [[ -z $(sed -n "${n}p" "$file") ]]; then
        printf '<end of output>'
    else
        printf '"%s"' "$(sed -n "${n}{p;q}" "$file" | cut -b 1-100 | cat -v)"
    fi
}

# first_diff A B: the number of the first line where files A and B differ.
first_diff() {
    local n
    n=$(cmp "$1" "$2" 2> /dev/null | sed -n 's/.* line \([0-9]*\).*/\1/p')
    if [[ -z $n ]]; then    # one is a prefix of the other
        n=$(( $(wc -l < "$1") < $(wc -l < "$2") ? $(wc -l < "$1") + 1 : $(wc -l < "$2") + 1 ))
    fi
    echo "$n"
}

# The first line of a run's stderr, for the report.
stderr_of() {
    local line
    line=$(grep -m 1 . "$1" | cut -b 1-160 | cat -v)
    [[ -n $line ]] && printf ' (stderr: %s)' "$line"
}

# compare NAME A B LABEL_A LABEL_B: "" when the runs agree, else why not.
compare() {
    local name=$1 a=$2 b=$3 st_a st_b n
    st_a=$(cat "$WORK/$a.$name.st")
    st_b=$(cat "$WORK/$b.$name.st")
    if ! cmp -s "$WORK/$a.$name.out" "$WORK/$b.$name.out"; then
        n=$(first_diff "$WORK/$a.$name.out" "$WORK/$b.$name.out")
        printf 'stdout line %s: %s %s, %s %s; status %s %s, %s %s%s' "$n" \
            "$a" "$(show_line "$WORK/$a.$name.out" "$n")" \
            "$b" "$(show_line "$WORK/$b.$name.out" "$n")" \
            "$a" "$st_a" "$b" "$st_b" "$(stderr_of "$WORK/$b.$name.err")"
    elif [[ $st_a != "$st_b" ]]; then
        printf 'exit status %s %s, %s %s%s' "$a" "$st_a" "$b" "$st_b" \
            "$(stderr_of "$WORK/$b.$name.err")"
    fi
}

for c in "${CASES[@]}"; do
    read -r name want input prog args <<< "$c"
    selected "$name" || continue
    input=${input//@T/$T}
    read -ra argv <<< "${args//@T/$T}"

    run qemu "$name" "$input" "$prog" "${argv[@]}"
    st=$(cat "$WORK/qemu.$name.st")
    # The oracle must itself be right: the expected status, output, no
    # failed self-check.
    if [[ $st != "$want" ]]; then
        fail "$name" "oracle exited $st, expected $want$(stderr_of "$WORK/qemu.$name.err")"
        continue
    fi
    if [[ ! -s $WORK/qemu.$name.out ]]; then
        fail "$name" "oracle printed nothing$(stderr_of "$WORK/qemu.$name.err")"
        continue
    fi
    if bad=$(grep -m 1 '^BAD' "$WORK/qemu.$name.out"); then
        fail "$name" "oracle self-check: $bad"
        continue
    fi

    other=rvdbt
    (( TWICE )) && other=qemu2
    for mode in "${MODES[@]}"; do
        read -ra MODE_ARGS <<< "$mode"
        label=$name${mode:+ [$mode]}
        run "$other" "$name" "$input" "$prog" "${argv[@]}"
        why=$(compare "$name" qemu "$other")
        if [[ -n $why ]]; then
            fail "$label" "$why"
        else
            pass "$label"
        fi
        (( TWICE )) && break
    done
done

secs() { printf '%d.%d s' $(( $1 / 1000000 )) $(( $1 / 100000 % 10 )); }
if (( TWICE )); then
    echo "time: qemu $(secs "${USEC[qemu]}"), again $(secs "${USEC[qemu2]}")"
else
    echo "time: qemu $(secs "${USEC[qemu]}"), rvdbt $(secs "${USEC[rvdbt]}")"
fi
echo "sysroot: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
