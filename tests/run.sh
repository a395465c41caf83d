#!/usr/bin/env bash
# All of rvdbt's tests: every unit test binary build/tests/test_*, then
# tests/guest.sh, tests/bench_check.sh (the benchmark programs at their
# smallest scale), tests/bad_input.sh, tests/ic_stats.sh, tests/stats.sh
# (the --stats and --stats-json reports), tests/crash.sh (the crash
# report), tests/profile.sh (--profile,
# --perf-map), tests/profile_html.sh (--profile-html in headless Chromium),
# tests/dlog.sh (the -d items), the short mode of
# build/tests/fuzz/fp_diff (F/D/M against qemu; again with --no-fma, the
# helper path of hosts without FMA3), build/tests/fuzz/rand_diff
# (random RV64GC sequences against qemu; again on four guest threads),
# tests/fuzz/sys_border.sh (generated syscalls with hostile arguments
# against qemu and the native kernel), build/tests/fuzz/elf_mut (mutated
# ELF files), the riscv-tests suites and
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

# A sanitizer build (make check SANITIZE=...): its rvdbt and unit tests,
# the plain build's guest programs and host tools. Every report the
# runtime writes lands in $RVDBT_BUILD/san-reports (linux/sanitize.c) and
# is a failure. SAN_SUBSET=DIR (a plain make check) runs a subset of the
# suite on the sanitizer build in DIR as well, at the end.
UNIT_DIR=build/tests
if [[ -n ${RVDBT_BUILD:-} ]]; then
    RVDBT_BUILD=$(cd "$RVDBT_BUILD" && pwd)     # tests that chdir run it too
    UNIT_DIR=$RVDBT_BUILD/tests
    export RVDBT=${RVDBT:-$RVDBT_BUILD/rvdbt}
fi
san_reports_clear() {
    mkdir -p "$1/san-reports" && rm -f "$1/san-reports/"*
}
# san_reports NAME DIR: the reports in DIR/san-reports, as a suite.
san_reports() {
    local f n=0
    for f in "$2/san-reports/"*; do
        # LeakSanitizer's notes on threads it could not stop are no report
        [[ -e $f ]] && grep -qE 'ERROR|runtime error|WARNING: ThreadSanitizer' "$f" || continue
        n=$((n + 1))
        echo "FAIL $1: $f:"
        grep -m 12 -E 'ERROR|runtime error|WARNING|SUMMARY|^    #[0-9] ' "$f" | sed 's/^/    /'
    done
    echo "$1: $(( n ? 0 : 1 )) passed, $n failed"
}
[[ -n ${RVDBT_BUILD:-} ]] && san_reports_clear "$RVDBT_BUILD"
[[ -n ${SAN_SUBSET:-} ]] && san_reports_clear "$SAN_SUBSET"

summary() {
    echo
    printf '%s\n' "${SUMMARIES[@]}"
    echo "$TOTAL_PASS passed, $TOTAL_FAIL failed$( (( TOTAL_SKIP )) && echo ", $TOTAL_SKIP skipped")"
    (( TOTAL_FAIL == 0 ))
}

# SANITIZE=thread runs the threaded tests only: the unit tests that start
# threads, the mt_* programs, faults in threads, the crash report, and
# rand_diff on four guest threads. ThreadSanitizer's runtime holds
# asynchronous signals back until the thread calls one of its interceptors,
# which translated code never does, and a child forked from a threaded
# process may hang in it: the signal and fork programs would hang under it.
if [[ ${SANITIZE:-} == *thread* ]]; then
    for t in test_sys test_syms; do
        suite "$t" timeout -k 10 "$UNIT_TIMEOUT" "$UNIT_DIR/$t"
    done
    suite guest tests/guest.sh 'O2/mt_*' 'O0/mt_*' 'dyn/mt_*' '*/sig_fault_mt' '*/crash_regs*'
    suite crash tests/crash.sh
    suite rand_diff_mt timeout -k 10 600 build/tests/fuzz/rand_diff -n 1000 --threads 4
    suite san_reports san_reports san_reports "$RVDBT_BUILD"
    echo "(SANITIZE=thread: the threaded tests only, see tests/run.sh)"
    summary
    exit
fi

for t in "$UNIT_DIR"/test_*; do
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
suite crash tests/crash.sh
suite profile tests/profile.sh
suite dlog tests/dlog.sh
suite profile_html tests/profile_html.sh
suite fp_diff timeout -k 10 120 build/tests/fuzz/fp_diff
suite fp_diff_no_fma env RVDBT="${RVDBT:-build/rvdbt} --no-fma" timeout -k 10 120 build/tests/fuzz/fp_diff
suite rand_diff timeout -k 10 120 build/tests/fuzz/rand_diff -n 5000
# the same on four guest threads at once, placing and running code together
suite rand_diff_mt timeout -k 10 120 build/tests/fuzz/rand_diff -n 2000 --threads 4 --seed 2
suite sys_border timeout -k 10 300 tests/fuzz/sys_border.sh -n 2000
suite sys_border_seed3 timeout -k 10 300 tests/fuzz/sys_border.sh -n 2000 --seed 3
# The loader on mutated ELF files (about 10 s); `make fuzz-elf` goes further.
suite elf_mut timeout -k 10 120 build/tests/fuzz/elf_mut -n 1000
suite riscv-tests riscv-tests/run.sh
# Bare mode: the isa bodies under p- and v-like environments, the trap tests.
RVDBT_MODES=';--ic-miss;--no-chain --code-cache-size 131072' suite bare riscv-tests/env_v/run.sh
# The Debian programs in the same modes, with a cache that is flushed but
# holds python's hot code (128 KiB would make it thrash for minutes).
RVDBT_MODES=';--ic-miss;--tlb-size 1 --no-chain --code-cache-size 1048576' suite sysroot tests/sysroot.sh

# A plain run's share of the sanitizer build (ASan, UBSan, LSan): the guest
# programs at -O2 and those about dynamic linking, in the plain mode, the
# crash report, the end-of-run reports, test_sys.
if [[ -n ${SAN_SUBSET:-} ]]; then
    RVDBT=$SAN_SUBSET/rvdbt suite san_guest tests/guest.sh 'O2/*' 'dyn/dl_*'
    RVDBT=$SAN_SUBSET/rvdbt suite san_crash tests/crash.sh
    RVDBT=$SAN_SUBSET/rvdbt suite san_stats tests/stats.sh
    suite san_test_sys "$SAN_SUBSET/tests/test_sys"
    suite san_reports san_reports san_reports "$SAN_SUBSET"
fi
[[ -n ${RVDBT_BUILD:-} ]] && suite san_reports san_reports san_reports "$RVDBT_BUILD"

summary
