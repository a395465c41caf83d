#!/usr/bin/env bash
# The inline caches as --stats reports them, on tests/guest/ic_count.S, a hot
# loop whose accesses are known exactly: LOOPS iterations of 2 loads, 1 store
# and 1 indirect call returning with `ret`, plus 1 load after the loop.
#   - with the caches on (--stats --count-hits), load and store hit rates are
#     at least 99% and jalr and return rates at least 95%, and hits + misses
#     add up to the exact number of accesses;
#   - under --ic-miss (also with a one-entry TLB, and without --count-hits,
#     since misses are always counted) there are no load, store or jalr hits
#     and the misses are exactly the accesses made.
# Also the one guest case whose oracle is Linux rather than qemu-riscv64
# (which keeps pages given back by brk mapped): tests/guest/ic_brk.c with
# "past" loads just past a shrunk break and must die of SIGSEGV (139) after
# printing what the native build prints.
#
# RVDBT as in tests/guest.sh. Prints `ok CHECK` or `FAIL CHECK: why` and ends
# with `ic_stats: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
TIMEOUT=${GUEST_TIMEOUT:-60}
LOOPS=100000                    # .set LOOPS in tests/guest/ic_count.S
LOADS=$((2 * LOOPS + 1))
STORES=$LOOPS
CALLS=$LOOPS
RETURNS=$LOOPS

NAME=icstats
. "$ROOT/tests/lib_check.sh"
exact() {   # exact LABEL GOT WANT
    if (( $2 == $3 )); then pass "$1: $2"; else fail "$1" "$2, expected $3"; fi
}

if ! make -s -C "$ROOT" "$G/asm/ic_count" "$G/O0/ic_brk" "$G/O2/ic_brk" "$G/native/ic_brk" \
        > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi

# counts FILE KIND LABEL: sets HITS and MISSES from the stats line of KIND
# (load, store, jalr, return); HITS is "-" when hits were not counted. A
# missing line is a failure of LABEL.
counts() {
    local line
    line=$(grep -E "^ +$2 +[-0-9]+ hits +[0-9]+ misses" "$1")
    HITS=$(awk '{print $2}' <<< "$line")
    MISSES=$(awk '{print $4}' <<< "$line")
    [[ -n $line ]] && return 0
    fail "$3 $2" "no $2 line in the stats"
    return 1
}

# A percentage test in integers: hits * 100 >= pct * (hits + misses).
rate_at_least() {
    local label=$1 hits=$2 misses=$3 pct=$4
    if (( hits * 100 >= pct * (hits + misses) )); then
        pass "$label"
    else
        fail "$label" "$hits hits, $misses misses: below $pct%"
    fi
}

# ran_ok LABEL: the run exited 0 with ic_count's line and printed stats.
ran_ok() {
    if (( ST != 0 )); then
        fail "$1" "exit status $ST ($(head -c 200 "$WORK/$1.err"))"
        return 1
    elif ! grep -qx "ic_count: $LOOPS iterations" "$WORK/$1.out"; then
        fail "$1" "unexpected stdout: $(head -c 200 "$WORK/$1.out")"
        return 1
    elif ! grep -q '^rvdbt stats:' "$WORK/$1.err"; then
        fail "$1" "no stats on stderr"
        return 1
    fi
    pass "$1"
}

BIN=$G/asm/ic_count

# With the caches working.
for mode in "" "--no-chain" "--tlb-size 1"; do
    label="hot${mode:+ [$mode]}"
    read -ra opts <<< "$mode"
    run "$label" "${RVDBT_CMD[@]}" "${opts[@]}" --stats --count-hits "$BIN"
    ran_ok "$label" || continue
    f=$WORK/$label.err
    counts "$f" load "$label" && { rate_at_least "$label load rate" "$HITS" "$MISSES" 99
        exact "$label loads counted" $((HITS + MISSES)) "$LOADS"; }
    counts "$f" store "$label" && { rate_at_least "$label store rate" "$HITS" "$MISSES" 99
        exact "$label stores counted" $((HITS + MISSES)) "$STORES"; }
    counts "$f" return "$label" || continue
    rate_at_least "$label return rate" "$HITS" "$MISSES" 95
    exact "$label returns counted" $((HITS + MISSES)) "$RETURNS"
    ret_misses=$MISSES
    # A return that misses the return stack goes on through the jalr slot.
    counts "$f" jalr "$label" && { rate_at_least "$label jalr rate" "$HITS" "$MISSES" 95
        exact "$label jalrs counted" $((HITS + MISSES)) $((CALLS + ret_misses)); }
done

# With every slot forced to miss: misses are the exact number of accesses.
for mode in "--ic-miss --count-hits" "--ic-miss" "--ic-miss --tlb-size 1 --count-hits" \
            "--ic-miss --no-chain --count-hits"; do
    label="ic-miss [$mode]"
    read -ra opts <<< "$mode"
    run "$label" "${RVDBT_CMD[@]}" "${opts[@]}" --stats "$BIN"
    ran_ok "$label" || continue
    f=$WORK/$label.err
    # Without --count-hits the hits column is "-"; with it, it must be 0.
    want_hits=0
    [[ $mode == *--count-hits* ]] || want_hits=-
    counts "$f" return "$label" || continue
    ret_misses=$MISSES
    for kind in load store jalr; do
        case $kind in
            load) want=$LOADS ;;
            store) want=$STORES ;;
            jalr) want=$((CALLS + ret_misses)) ;;
        esac
        if ! counts "$f" "$kind" "$label"; then
            continue
        elif [[ $HITS != "$want_hits" || $MISSES != "$want" ]]; then
            fail "$label $kind" "$HITS hits, $MISSES misses; expected $want_hits hits, $want misses"
        else
            pass "$label $kind: $MISSES misses"
        fi
    done
done

# ic_brk past: Linux (the native build) is the oracle.
run native "$G/native/ic_brk" past
nst=$ST
if (( nst != 139 )); then
    fail "brk past [native]" "oracle exit status $nst, expected 139"
else
    for opt in O0 O2; do
        for mode in "" "--ic-miss" "--ic-miss --tlb-size 1" "--no-chain --code-cache-size 131072"; do
            label="brk past $opt${mode:+ [$mode]}"
            read -ra opts <<< "$mode"
            run rv "${RVDBT_CMD[@]}" "${opts[@]}" "$G/$opt/ic_brk" past
            if (( ST != nst )); then
                fail "$label" "exit status $ST, native gave $nst ($(head -c 200 "$WORK/rv.err"))"
            elif ! cmp -s "$WORK/native.out" "$WORK/rv.out"; then
                fail "$label" "stdout differs from native: $(diff "$WORK/native.out" "$WORK/rv.out" | head -3 | tr '\n' ' ')"
            else
                pass "$label"
            fi
        done
    done
fi

echo "ic_stats: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
