#!/usr/bin/env bash
# The benchmark programs (bench/, built by `make bench-progs` into
# build/bench/) at their smallest scale, as a test: each must pass its own
# check natively ("NAME ok CHECKSUM", exit status 0), and print exactly that
# line under rvdbt: the static build in every mode, the dynamically linked
# build in the plain mode. Times nothing: `make bench` does the timing.
#   tests/bench_check.sh [NAME...]   only these benchmarks
# Environment: RVDBT (default build/rvdbt, may carry options), RVDBT_MODES
# (option sets separated by ';', an empty item the plain mode, as in
# tests/guest.sh; default the plain mode only), SYSROOT (-L for the dynamic
# builds, default /usr/riscv64-linux-gnu), BENCH_TIMEOUT (seconds per run,
# default 30).
# Prints `ok LABEL` or `FAIL LABEL: why` per check, ends with
# `bench: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=$ROOT/build/bench
SYSROOT=${SYSROOT:-/usr/riscv64-linux-gnu}
TIMEOUT=${BENCH_TIMEOUT:-30}
read -ra RVDBT_CMD <<< "${RVDBT:-$ROOT/build/rvdbt}"
MODES=("")
if [[ -n ${RVDBT_MODES:-} ]]; then
    IFS=';' read -ra MODES <<< "$RVDBT_MODES"
fi

PASS=0
FAIL=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ulimit -c 0

pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1: $2"; }

# run OUT CMD...: stdout to OUT, stderr to OUT.err, status to OUT.st
run() {
    local out=$1
    shift
    timeout -k 5 "$TIMEOUT" "$@" > "$out" 2> "$out.err" < /dev/null
    echo $? > "$out.st"
}

why() {
    local out=$1 st
    st=$(cat "$out.st")
    case $st in
        124|137) echo "exit status $st: timed out (the limit is ${TIMEOUT}s)" ;;
        *) echo "exit status $st, printed \"$(head -c 200 "$out" | head -n 1)\"$(
               [[ -s $out.err ]] && echo " (stderr: $(head -n 1 "$out.err" | cut -c1-160))")" ;;
    esac
}

# check LABEL NATIVE_OUT RVDBT_ARGS...: rvdbt must exit 0 having printed
# what the native run did.
check() {
    local label=$1 nat=$2 got=$WORK/out
    shift 2
    run "$got" "${RVDBT_CMD[@]}" "$@" 1
    if [[ $(cat "$got.st") == 0 ]] && cmp -s "$nat" "$got"; then
        pass "$label"
    else
        fail "$label" "$(why "$got"); natively \"$(cat "$nat")\""
    fi
}

if (( $# )); then
    NAMES=("$@")
else
    NAMES=()
    for f in "$ROOT"/bench/*.c; do
        n=${f##*/}
        NAMES+=("${n%.c}")
    done
fi

for name in "${NAMES[@]}"; do
    nat=$WORK/$name.native
    run "$nat" "$B/native/$name" 1
    if [[ $(cat "$nat.st") != 0 ]] || ! grep -qxE "$name ok [0-9a-f]+" "$nat" || [[ $(wc -l < "$nat") != 1 ]]; then
        fail "native/$name" "$(why "$nat")"
        continue
    fi
    pass "native/$name"
    for mode in "${MODES[@]}"; do
        read -ra opts <<< "$mode"
        check "static/$name${mode:+ [$mode]}" "$nat" "${opts[@]}" "$B/static/$name"
    done
    check "dyn/$name" "$nat" -L "$SYSROOT" "$B/dyn/$name"
done

echo "bench: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
