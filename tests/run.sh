#!/usr/bin/env bash
# All of rvdbt's tests: every unit test binary build/tests/test_*, then
# tests/guest.sh, tests/bench_check.sh (the benchmark programs at their
# smallest scale), tests/bad_input.sh, tests/ic_stats.sh, tests/stats.sh
# (the --stats and --stats-json reports), tests/profile.sh (--profile,
# --perf-map), tests/profile_html.sh (--profile-html in headless Chromium),
# tests/dlog.sh (the -d items), the short mode of
# build/tests/fuzz/fp_diff (F/D/M against qemu; again with --no-fma, the
# helper path of hosts without FMA3), build/tests/fuzz/rand_diff
# (random RV64GC sequences against qemu), build/tests/fuzz/elf_mut
# (mutated ELF files), the riscv-tests suites and
# tests/sysroot.sh (real Debian programs). Each suite ends its output with
# "NAME: N passed, M failed"; this adds them up and ends with one line
# "N passed, M failed". A suite that crashes, hangs, or exits non-zero
# without reporting a failure counts as one more failure. A suite that could
# not run its cases at all says "NAME: 0 passed, 0 failed, K skipped: WHY"
# and exits 77; that is no failure, but the skip shows in its summary line
# and the last line becomes "N passed, M failed, K skipped". Exits 1 if
# anything failed. `make check` builds everything first and then runs this.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
UNIT_TIMEOUT=${UNIT_TIMEOUT:-600}

# Arguments for the unit tests that take some, by binary name, e.g.
#   [test_fp]="--count 100000"
declare -A UNIT_ARGS=(
)

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-run.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
TOTAL_PASS=0
TOTAL_FAIL=0
TOTAL_SKIP=0
SUMMARIES=()

show_run() {
    local log=$1
    shift
    "$@" 2>&1 | tee "$log" | grep -v '^ok '
    return "${PIPESTATUS[0]}"
}

# suite NAME CMD...: runs CMD, shows its output except the `ok` lines, and
# adds its summary line to the totals.
suite() {
    local name=$1 log=$LOGS/$1.log st line p f k=0
    shift
    show_run "$log" "$@" 2> /dev/null     # bash's own crash notices are noise here
    st=$?
    line=$(grep -E '^[A-Za-z0-9_.-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [[ -z $line ]]; then
        if (( st > 128 && st < 193 )); then
            line="$name: crashed (signal $((st - 128))) before reporting"
        elif (( st == 124 )); then
            line="$name: timed out before reporting"
        else
            line="$name: exited with status $st without reporting"
        fi
        echo "$line"
        TOTAL_FAIL=$((TOTAL_FAIL + 1))
        SUMMARIES+=("$line")
        return
    fi
    [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]
    p=${BASH_REMATCH[1]}
    f=${BASH_REMATCH[2]}
    [[ $line =~ failed,\ ([0-9]+)\ skipped ]] && k=${BASH_REMATCH[1]}
    if (( st == 77 && k > 0 && f == 0 )); then
        TOTAL_SKIP=$((TOTAL_SKIP + k))
        st=0
    fi
    if (( st != 0 && f == 0 )); then
        # reported success, then died or exited non-zero: still a failure
        echo "$name: exit status $st after reporting no failures"
        line="$line (then exit status $st)"
        f=1
    fi
    TOTAL_PASS=$((TOTAL_PASS + p))
    TOTAL_FAIL=$((TOTAL_FAIL + f))
    SUMMARIES+=("$line")
}

for t in build/tests/test_*; do
    [[ -f $t && -x $t ]] || continue
    name=${t##*/}
    read -ra args <<< "${UNIT_ARGS[$name]:-}"
    suite "$name" timeout -k 10 "$UNIT_TIMEOUT" "$t" "${args[@]}"
done
# Every guest program also runs with all inline-cache slots missing, and
# with a one-entry TLB behind the slots, without chaining, in a code cache
# small enough to be flushed.
RVDBT_MODES=';--ic-miss;--tlb-size 1 --no-chain --code-cache-size 131072 --high-base' suite guest tests/guest.sh
# The benchmark programs, checking themselves, in the same modes.
RVDBT_MODES=';--ic-miss;--tlb-size 1 --no-chain --code-cache-size 131072 --high-base' suite bench tests/bench_check.sh
suite bad_input tests/bad_input.sh
suite ic_stats tests/ic_stats.sh
suite stats tests/stats.sh
suite profile tests/profile.sh
suite dlog tests/dlog.sh
suite profile_html tests/profile_html.sh
suite fp_diff timeout -k 10 120 build/tests/fuzz/fp_diff
suite fp_diff_no_fma env RVDBT="build/rvdbt --no-fma" timeout -k 10 120 build/tests/fuzz/fp_diff
suite rand_diff timeout -k 10 120 build/tests/fuzz/rand_diff -n 5000
# The loader on mutated ELF files (about 10 s); `make fuzz-elf` goes further.
suite elf_mut timeout -k 10 120 build/tests/fuzz/elf_mut -n 1000
suite riscv-tests riscv-tests/run.sh
# Bare mode: the isa bodies under p- and v-like environments, the trap tests.
RVDBT_MODES=';--ic-miss;--no-chain --code-cache-size 131072' suite bare riscv-tests/env_v/run.sh
# The Debian programs in the same modes, with a cache that is flushed but
# holds python's hot code (128 KiB would make it thrash for minutes).
RVDBT_MODES=';--ic-miss;--tlb-size 1 --no-chain --code-cache-size 1048576' suite sysroot tests/sysroot.sh

echo
printf '%s\n' "${SUMMARIES[@]}"
echo "$TOTAL_PASS passed, $TOTAL_FAIL failed$( (( TOTAL_SKIP )) && echo ", $TOTAL_SKIP skipped")"
(( TOTAL_FAIL == 0 ))
