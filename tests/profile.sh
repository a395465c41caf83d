#!/usr/bin/env bash
# --profile, its JSON part (--stats-json's "profile") and --perf-map:
#   - tests/guest/ic_count.S, whose loop runs LOOPS times: under --count-hits
#     the loop's blocks have exactly LOOPS executions, each load, store,
#     jalr and return site its exact hits + misses, and the sites' counters
#     add up to the totals of the inline-cache counters;
#   - tests/guest/prof_loop.S, a loop inside one block: every trip counts,
#     with the loop's checks hoisted and without;
#   - a CPU-bound program (bench/sha256.c, static and dynamic, one thread
#     and, for mt_create, many): the hottest block and the text report name
#     its hot function, guest and host code side by side, samples add up,
#     the dynamic one names code of its libraries too;
#   - --perf-map: every line is well formed and names guest code, every
#     translated-code address `perf record` samples lies in a line, and
#     `perf report` names the hot guest function (skipped with a message
#     where perf cannot record).
# RVDBT as in tests/guest.sh. Prints `ok CHECK` or `FAIL CHECK: why` and ends
# with `profile: N passed, M failed[, K skipped]`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
BENCH=$ROOT/build/bench
TIMEOUT=${GUEST_TIMEOUT:-60}
SCHEMA=$ROOT/tests/stats_schema.py
LOOPS=100000                    # .set LOOPS in tests/guest/ic_count.S
SCALE=40                        # sha256 at a tenth of its benchmark size

NAME=profile
. "$ROOT/tests/lib_check.sh"
SKIP=0
SKIPS=()

if ! make -s -C "$ROOT" "$G/asm/ic_count" "$G/asm/prof_loop" "$G/O2/mt_create" "$G/O2/sig_alarm" "$G/native/sig_alarm" "$G/O2/proc_fork" "$G/O2/sys_closeall" "$BENCH/static/sha256" "$BENCH/dyn/sha256" \
        > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi

# py FILE CODE: runs Python CODE with d = the JSON of FILE, p = d["profile"];
# prints what CODE prints.
py() {
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1])); p = d.get("profile", {})
exec(sys.argv[2])' "$1" "$2" 2>&1
}

# Exact execution and site counts.
J=$WORK/count.json
run count "${RVDBT_CMD[@]}" --profile="$WORK/count.txt" --count-hits --stats-json "$J" "$G/asm/ic_count"
check "ic_count runs" "status $ST: $(head -c 200 "$WORK/count.err")" test "$ST" = 0
out=$(python3 "$SCHEMA" "$J" 2>&1)
check "ic_count schema" "$out" test -z "$out"
got=$(py "$J" '
loop = {b["symbol"]: b["execs"] for b in p["blocks"]}
print(loop.get("_start+0x1a"), loop.get("three"), loop.get("_start"))')
check "ic_count block executions" "$got (loop, callee, entry)" test "$got" = "$LOOPS $LOOPS 1"
got=$(py "$J" '
bad = []
for kind in ("load", "store", "jalr", "return"):
    s = [x for x in p["sites"] if x["kind"] == kind]
    for k in ("hits", "misses"):
        if sum(x[k] for x in s) != d["ic"][kind][k]:
            bad.append("%s %s: sites %d, total %d" % (kind, k, sum(x[k] for x in s), d["ic"][kind][k]))
print(" ".join(bad) or "equal")')
check "ic_count sites add up to the totals" "$got" test "$got" = equal
got=$(py "$J" '
n = sorted(x["hits"] + x["misses"] for x in p["sites"] if x["kind"] in ("load", "store"))
print(n)')
check "ic_count each access counted" "$got" test "$got" = "[1, $LOOPS, $LOOPS, $LOOPS]"
got=$(py "$J" '
r = [g["name"].endswith("ic_count") for x in p["sites"] for g in x["regions"] if x["kind"] == "load"]
print(bool(r) and all(r))')
check "ic_count misses fell in the program's data" "$got" test "$got" = True
# A path longer than a region's name keeps its end, the file's name.
LONG=$WORK/a-folder-name-long-enough-that/the-path-passes-64-bytes
mkdir -p "$LONG" && cp "$G/asm/ic_count" "$LONG/"
run long "${RVDBT_CMD[@]}" --profile=/dev/null --stats-json "$WORK/long.json" "$LONG/ic_count"
got=$(py "$WORK/long.json" '
r = [g["name"] for x in p["sites"] for g in x["regions"] if x["kind"] == "load"]
print(bool(r) and all(n.startswith("...") and n.endswith("/ic_count") for n in r) or r)')
check "ic_count from a long path: its regions named by the path's end" "status $ST: $got" test "$got" = True
check "ic_count text names the loop" "$(head -c 300 "$WORK/count.txt")" \
    grep -q "_start+0x1a: .* $LOOPS executions" "$WORK/count.txt"

# A loop inside one block, run with its checks hoisted (no --count-hits)
# and without: every trip is an execution of the block.
TRIPS=200003                    # .set LOOPS in tests/guest/prof_loop.S
for mode in "" "--count-hits"; do
    J=$WORK/loop.json
    read -ra opts <<< "$mode"
    run loop "${RVDBT_CMD[@]}" --profile=/dev/null "${opts[@]}" --stats-json "$J" "$G/asm/prof_loop"
    check "prof_loop runs${mode:+ [$mode]}" "status $ST: $(head -c 200 "$WORK/loop.err")" test "$ST" = 0
    got=$(py "$J" 'print({b["symbol"]: b["execs"] for b in p["blocks"]}.get("loop"))')
    check "prof_loop trips${mode:+ [$mode]}" "$got, expected $TRIPS" test "$got" = "$TRIPS"
done

# A CPU-bound program: its hot function is found, with both disassemblies.
for kind in static dyn; do
    J=$WORK/$kind.json
    run "$kind" "${RVDBT_CMD[@]}" --profile --stats-json "$J" "$BENCH/$kind/sha256" "$SCALE"
    check "sha256 $kind runs" "status $ST: $(head -c 200 "$WORK/$kind.err")" test "$ST" = 0
    out=$(python3 "$SCHEMA" "$J" 2>&1)
    check "sha256 $kind schema" "$out" test -z "$out"
    got=$(py "$J" 'print(p["blocks"][0]["symbol"].split("+")[0], p["samples"] > 50)')
    check "sha256 $kind hottest block" "$got" test "$got" = "sha_compress True"
    got=$(py "$J" '
w = p["where"]
print(sum(b["samples"] for b in p["blocks"]) <= w["translated_code"] and sum(w.values()) == p["samples"])')
    check "sha256 $kind samples add up" "$got" test "$got" = True
    # the text: the hottest block with guest and host code side by side
    f=$WORK/$kind.err
    line=$(grep -m1 -A4 '^  #1 ' "$f")
    check "sha256 $kind text hottest" "$(head -3 <<< "$line")" grep -q 'sha_compress' <<< "$line"
    check "sha256 $kind text side by side" "$(sed -n 3,5p <<< "$line")" \
        grep -qE '^      [0-9a-f]{8,}: [a-z.]+ .* [0-9a-f]+: [a-z]+' <<< "$(tail -1 <<< "$line")"
    check "sha256 $kind instruction mix" "$(grep -A3 'instruction mix' "$f" | head -4)" \
        grep -qE '^  alu +[0-9]+ ' "$f"
done
got=$(py "$WORK/dyn.json" '
files = set(b["file"] for b in p["blocks"])
print("libc.so.6" in files, any(f.startswith("ld-linux") for f in files), "sha256" in files)')
check "sha256 dyn names the code of libc, the loader and the program" "$got" test "$got" = "True True True"

# Threads: the profile's counts are the sums over them.
J=$WORK/mt.json
run mt "${RVDBT_CMD[@]}" --profile=/dev/null --stats-json "$J" "$G/O2/mt_create"
check "mt_create profiled" "status $ST: $(head -c 200 "$WORK/mt.err")" test "$ST" = 0
out=$(python3 "$SCHEMA" "$J" 2>&1)
check "mt_create schema" "$out" test -z "$out"
got=$(py "$J" 'print(max(b["execs"] for b in p["blocks"]) >= len(d["threads"]) - 1)')
check "mt_create thread entry counted per thread" "$got" test "$got" = True

# The guest's own SIGPROF (ITIMER_PROF) still reaches it while rvdbt samples
# with the same signal: the native build's output is the oracle.
run sigprof "${RVDBT_CMD[@]}" --profile=/dev/null "$G/O2/sig_alarm"
"$G/native/sig_alarm" > "$WORK/sigprof.native" 2>&1
check "guest SIGPROF under --profile" "status $ST: $(diff "$WORK/sigprof.native" "$WORK/sigprof.out" | head -3)" \
    cmp -s "$WORK/sigprof.native" "$WORK/sigprof.out"

# --perf-map: well-formed lines naming guest code, in /tmp/perf-PID.map.
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --perf-map "$BENCH/static/sha256" "$SCALE" > pm.out 2> pm.err) &
pid=$!
wait "$pid"
ST=$?
map=/tmp/perf-$pid.map
check "perf-map run" "status $ST" test "$ST" = 0
got=$(python3 - "$map" <<'PY' 2>&1
import re, sys
lines = open(sys.argv[1]).readlines()
stubs = bool(lines) and re.fullmatch(r"[0-9a-f]+ [0-9a-f]+ rvdbt:trampolines\n", lines[0]) is not None
bad = [l for l in lines[1:] if not re.fullmatch(r"[0-9a-f]+ [0-9a-f]+ guest:\S+\n", l)]
print(stubs, len(lines) > 100, any("sha_compress" in l for l in lines), len(bad), bad[:2])
PY
)
check "perf map lines well formed" "$got (trampolines first, lines, names the hot function, bad lines)" \
    test "$got" = "True True True 0 []"
rm -f "$map"
# a dynamic program's map names its libraries' code too
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --perf-map "$BENCH/dyn/sha256" 1 > pmd.out 2> pmd.err) &
pid=$!
wait "$pid"
ST=$?
map=/tmp/perf-$pid.map
check "perf-map dyn names libc's and the program's code" "status $ST: $(grep -c . "$map" 2>&1) lines" \
    sh -c 'grep -q " guest:__libc_start_main" "$1" && grep -q " guest:sha_compress" "$1"' map "$map"
rm -f "$map"
# the map's fd is rvdbt's: a guest that closes every fd and opens files gets
# no map lines in them, and the map goes on naming its code
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --perf-map "$G/O2/sys_closeall" > pmc.out 2> pmc.err) &
pid=$!
wait "$pid"
ST=$?
map=/tmp/perf-$pid.map
check "perf-map kept from a guest that closes every fd" "status $ST: $(head -c 200 "$WORK/pmc.out")" test "$ST" = 0
check "perf-map goes on after the close" "$(grep -c . "$map" 2>&1) lines" grep -q " guest:after_close_line" "$map"
rm -f "$map"
# A forked child has a map of its own, which starts as its parent's did:
# its code cache is a copy of the parent's at the fork.
touch "$WORK/before-fork"
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --perf-map "$G/O2/proc_fork" > pmf.out 2> pmf.err) &
pid=$!
wait "$pid"
ST=$?
got=$(python3 - "$pid" $(find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$WORK/before-fork") <<'PY' 2>&1
import sys
parent = "/tmp/perf-%s.map" % sys.argv[1]
maps = {m: open(m).readlines() for m in sys.argv[2:]}
if parent not in maps:
    sys.exit("no parent map")
first = maps[parent][:20]
kids = [m for m in maps if m != parent]
print(len(kids) > 0, all(maps[k][:20] == first for k in kids))
PY
)
check "perf-map forked children have their own maps" "status $ST: $got (children, each starts as the parent's)" \
    test "$ST $got" = "0 True True"
find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$WORK/before-fork" -delete

# The same checked against a perf recording of a run, where perf may record.
if command -v perf > /dev/null && perf record -q -e cpu-clock -o "$WORK/probe.data" true > /dev/null 2>&1; then
    (cd "$WORK" && perf record -q -e cpu-clock -o perf.data "${RVDBT_CMD[@]}" --perf-map "$BENCH/static/sha256" \
        "$SCALE" > /dev/null 2> perf.err)
    pid=$(perf script -i "$WORK/perf.data" -F pid 2> /dev/null | head -1 | tr -d ' ')
    map=/tmp/perf-$pid.map
    perf script -i "$WORK/perf.data" -F ip,dso 2> /dev/null > "$WORK/ips"
    got=$(python3 - "$map" "$WORK/ips" <<'PY' 2>&1
import bisect, sys
spans = sorted((int(a, 16), int(a, 16) + int(n, 16)) for a, n, _ in (l.split(None, 2) for l in open(sys.argv[1])))
starts = [s for s, _ in spans]
jit = out = 0
for line in open(sys.argv[2]):
    ip, dso = line.split(None, 1)
    if "JIT" not in dso and "perf-" not in dso:
        continue
    jit += 1
    i = bisect.bisect_right(starts, int(ip, 16)) - 1
    if i < 0 or int(ip, 16) >= spans[i][1]:
        out += 1
print(jit > 100, out)
PY
)
    check "perf map covers every sampled translated-code address" "$got (enough samples, uncovered)" \
        test "$got" = "True 0"
    # the hottest user-space symbol: the kernel's page clearing can lead in
    # a sanitizer build, whose shadow memory it fills
    top=$(perf report -i "$WORK/perf.data" --stdio --sort sym 2> /dev/null | grep '%' | grep -v -m1 '\[k\]')
    check "perf report names the guest function" "$top" grep -q 'guest:sha_compress' <<< "$top"
    rm -f "$map"
else
    SKIP=$((SKIP + 1))
    SKIPS+=("perf record is not permitted here: perf report's names not checked")
    echo "skip perf report: perf record is not permitted on this machine"
fi

if (( SKIP )); then
    echo "profile: $PASS passed, $FAIL failed, $SKIP skipped: ${SKIPS[*]}"
else
    echo "profile: $PASS passed, $FAIL failed"
fi
(( FAIL == 0 ))
