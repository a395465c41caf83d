#!/usr/bin/env bash
# The end-of-run reports: --stats[=FILE] and --stats-json FILE, checked
# against tests/stats_schema.py (schema version 1, totals = sums over threads)
# and against what the guest programs are known to do:
#   - tests/guest/ic_count.S makes exactly 2*LOOPS+1 loads, LOOPS stores,
#     LOOPS indirect calls and LOOPS returns: under --count-hits the JSON's
#     hits + misses are those numbers and agree with the text summary;
#     without it there are no hits in the JSON;
#   - threads (mt_create), a dynamic program, a forked child, handled
#     signals;
#   - a run killed by a fault, by a signal from outside or stopped by
#     --timeout (tests/guest/spin.S) still writes both reports, and says how
#     it ended;
#   - reports are whole or absent: exit from a thread while others spin
#     (mt_exit) leaves every report whole and the guest's buffered output
#     in its pipe; SIGKILL leaves an earlier report as it was; no temporary
#     file is left behind; a report to a pipe (/dev/stdout) is written
#     straight to it; its mode follows the umask.
# RVDBT as in tests/guest.sh. Prints `ok CHECK` or `FAIL CHECK: why` and ends
# with `stats: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
TIMEOUT=${GUEST_TIMEOUT:-60}
SCHEMA=$ROOT/tests/stats_schema.py
LOOPS=100000                    # .set LOOPS in tests/guest/ic_count.S

NAME=stats
. "$ROOT/tests/lib_check.sh"

if ! make -s -C "$ROOT" "$G/asm/ic_count" "$G/asm/spin" "$G/asm/fault_load0" "$G/O2/mt_create" \
        "$G/dyn/cat" "$G/O2/proc_fork" "$G/O2/sig_handler" "$G/O2/mt_exit" > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi

# valid LABEL FILE: FILE conforms to the schema.
valid() {
    local out
    if [[ ! -s $2 ]]; then
        fail "$1 schema" "no JSON written"
        return 1
    fi
    if out=$(python3 "$SCHEMA" "$2" 2>&1); then
        pass "$1 schema"
    else
        fail "$1 schema" "$(head -3 <<< "$out" | tr '\n' ' ')"
        return 1
    fi
}

# jq-like: json FILE EXPR prints the Python expression EXPR over d, the file.
json() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2> /dev/null
}

# Exact counts under --count-hits.
J=$WORK/hot.json
run hot "${RVDBT_CMD[@]}" --count-hits --stats --stats-json "$J" "$G/asm/ic_count"
check "ic_count runs" "status $ST: $(head -c 200 "$WORK/hot.err")" test "$ST" = 0
if valid hot "$J"; then
    check "hot exact_hits" "$(json "$J" 'd["exact_hits"]')" test "$(json "$J" 'd["exact_hits"]')" = True
    ret_misses=$(json "$J" 'd["ic"]["return"]["misses"]')
    for k in "load $((2 * LOOPS + 1))" "store $LOOPS" "return $LOOPS" "jalr $((LOOPS + ret_misses))"; do
        read -r kind want <<< "$k"
        got=$(json "$J" "d['ic']['$kind']['hits'] + d['ic']['$kind']['misses']")
        check "hot $kind hits + misses = $want" "got $got" test "$got" = "$want"
        # the text summary shows the same numbers
        line=$(grep -E "^ +$kind +[0-9]+ hits +[0-9]+ misses" "$WORK/hot.err")
        text=$(awk '{print $2 " " $4}' <<< "$line")
        js=$(json "$J" "str(d['ic']['$kind']['hits']) + ' ' + str(d['ic']['$kind']['misses'])")
        check "hot $kind text = json" "text '$text', json '$js'" test "$text" = "$js"
    done
    got=$(json "$J" 'd["syscalls"]')
    check "hot syscalls by name" "$got" test "$got" = "{'write': 1, 'exit': 1}"
    got=$(json "$J" 'd["end"]')
    check "hot ended by exit 0" "$got" test "$got" = "{'how': 'exit', 'status': 0}"
fi

# Without --count-hits: misses only, and --stats=FILE keeps stderr to the guest.
J=$WORK/plain.json
run plain "${RVDBT_CMD[@]}" --stats="$WORK/plain.txt" --stats-json="$J" "$G/asm/ic_count"
if valid plain "$J"; then
    got=$(json "$J" '[k for k in d["ic"] if "hits" in d["ic"][k]] + [d["exact_hits"]]')
    check "plain has no hits" "$got" test "$got" = "[False]"
fi
check "--stats=FILE writes the file" "$(head -c 200 "$WORK/plain.txt" 2>&1)" grep -q '^rvdbt stats:' "$WORK/plain.txt"
check "--stats=FILE leaves stderr alone" "$(head -c 200 "$WORK/plain.err")" test ! -s "$WORK/plain.err"

# Threads: one entry each, the totals their sums (the schema check).
J=$WORK/mt.json
run mt "${RVDBT_CMD[@]}" --count-hits --stats-json "$J" "$G/O2/mt_create"
check "mt_create runs" "status $ST: $(head -c 200 "$WORK/mt.err")" test "$ST" = 0
if valid mt "$J"; then
    got=$(json "$J" 'len(d["threads"]) == d["syscalls"]["clone"] + 1 and d["threads"][0]["tid"] > 0')
    check "mt one thread entry per clone, and the first" "$got" test "$got" = True
fi

# A dynamic program: the loader's and libc's syscalls, under the translator.
J=$WORK/dyn.json
echo hello > "$WORK/in.txt"
run dyn "${RVDBT_CMD[@]}" --stats-json "$J" "$G/dyn/cat" in.txt
check "dyn cat runs" "status $ST: $(head -c 200 "$WORK/dyn.err")" test "$ST" = 0
if valid dyn "$J"; then
    got=$(json "$J" '"openat" in d["syscalls"] and "mmap" in d["syscalls"] and d["translation"]["blocks"] > 100')
    check "dyn opened and mapped its libraries" "$got" test "$got" = True
fi

# A forked child writes no report over its parent's.
J=$WORK/fork.json
run fork "${RVDBT_CMD[@]}" --stats-json "$J" "$G/O2/proc_fork"
if valid fork "$J"; then
    got=$(json "$J" '"clone" in d["syscalls"] or "fork" in d["syscalls"]')
    check "fork report is the parent's" "$got" test "$got" = True
fi

# Handled signals are counted.
J=$WORK/sig.json
run sig "${RVDBT_CMD[@]}" --stats-json "$J" "$G/O2/sig_handler"
if valid sig "$J"; then
    got=$(json "$J" 'd["signals"] > 0')
    check "sig handlers counted" "$got" test "$got" = True
fi

# Killed by a guest fault: the status is the signal's, the reports say so.
J=$WORK/fault.json
run fault "${RVDBT_CMD[@]}" --stats --stats-json "$J" "$G/asm/fault_load0"
check "fault dies of SIGSEGV" "status $ST" test "$ST" = 139
if valid fault "$J"; then
    got=$(json "$J" 'd["end"]')
    check "fault json end" "$got" test "$got" = "{'how': 'signal', 'status': 11}"
fi
check "fault text end" "$(tail -3 "$WORK/fault.err")" grep -q 'ended: *killed by signal 11' "$WORK/fault.err"

# Stopped by --timeout in a loop that never makes a syscall.
J=$WORK/timeout.json
run timeout "${RVDBT_CMD[@]}" --timeout 0.5 --stats="$WORK/timeout.txt" --stats-json "$J" "$G/asm/spin"
check "timeout status 124" "status $ST" test "$ST" = 124
if valid timeout "$J"; then
    got=$(json "$J" 'd["end"]')
    check "timeout json end" "$got" test "$got" = "{'how': 'timeout', 'status': 124}"
fi
check "timeout text end" "$(tail -3 "$WORK/timeout.txt" 2>&1)" grep -q 'ended: *stopped by --timeout' "$WORK/timeout.txt"

# Killed from outside (SIGTERM, the guest's default action) while it spins.
J=$WORK/term.json
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --stats-json "$J" "$G/asm/spin" > term.out 2> term.err) &
pid=$!
sleep 0.5
kill -TERM "$pid"
wait "$pid"
ST=$?
check "term status 143" "status $ST" test "$ST" = 143
if valid term "$J"; then
    got=$(json "$J" 'd["end"]')
    check "term json end" "$got" test "$got" = "{'how': 'signal', 'status': 15}"
fi

# exit(3) from a thread while three spin and main waits in a futex.
J=$WORK/exit.json
run exit "${RVDBT_CMD[@]}" --stats="$WORK/exit.txt" --stats-json "$J" --profile="$WORK/exit.prof" \
    --profile-html "$WORK/exit.html" "$G/O2/mt_exit"
check "exit from a thread: status 3" "status $ST: $(head -c 200 "$WORK/exit.err")" test "$ST" = 3
check "exit from a thread: stdio reached the pipe" "$(head -c 200 "$WORK/exit.out")" \
    test "$(cat "$WORK/exit.out")" = "main: 3 threads spinning, one more to exit
thread: exit(3) with 3 threads spinning"
if valid exit "$J"; then
    got=$(json "$J" '(d["end"], len(d["threads"]))')
    check "exit json end, five threads" "$got" test "$got" = "({'how': 'exit', 'status': 3}, 5)"
fi
check "exit text whole" "$(tail -2 "$WORK/exit.txt" 2>&1)" grep -q '^  threads: *5$' "$WORK/exit.txt"
check "exit profile whole" "$(tail -2 "$WORK/exit.prof" 2>&1)" grep -q 'instruction mix' "$WORK/exit.prof"
check "exit html whole" "$(tail -c 100 "$WORK/exit.html" 2>&1)" grep -q '</html>' "$WORK/exit.html"

# SIGKILL leaves no report, and the last one as it was.
J=$WORK/kill.json
echo '{"earlier": true}' > "$J"
(cd "$WORK" && exec "${RVDBT_CMD[@]}" --stats-json "$J" "$G/asm/spin" > kill.out 2> kill.err) &
pid=$!
sleep 0.5
kill -KILL "$pid"
{ wait "$pid"; } 2> /dev/null
check "kill leaves the earlier report" "$(head -c 100 "$J")" test "$(cat "$J")" = '{"earlier": true}'

# A report to a pipe goes straight to it.
out=$(cd "$WORK" && "${RVDBT_CMD[@]}" --stats-json /dev/stderr "$G/asm/ic_count" 2>&1 > /dev/null | cat)
got=$(python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d["version"])' <<< "$out" 2>&1)
check "json to a pipe" "$got: ${out:0:100}" test "$got" = 1

# The report's mode is what the umask makes of 0666, as for any new file.
(cd "$WORK" && umask 027 && exec "${RVDBT_CMD[@]}" --stats-json mode.json "$G/asm/ic_count" > /dev/null 2>&1)
got=$(stat -c %a "$WORK/mode.json" 2>&1)
check "report mode under umask 027" "$got" test "$got" = 640

left=$(cd "$WORK" && ls -- *.rvdbt-* 2> /dev/null)
check "no temporary report files left" "$left" test -z "$left"

echo "stats: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
