# Sourced by the report tests (stats.sh, profile.sh, profile_html.sh,
# dlog.sh) after they set ROOT, TIMEOUT and NAME: the rvdbt command from
# $RVDBT (as in tests/guest.sh), a scratch folder WORK removed on exit, and
#   pass LABEL / fail LABEL WHY      count and print `ok LABEL` / `FAIL LABEL: WHY`
#   check LABEL WHY-IF-FALSE CMD...  pass if CMD succeeds, else fail
#   run NAME CMD...                  CMD in WORK, stdout to NAME.out, stderr
#                                    to NAME.err, its status in ST
read -ra RVDBT_CMD <<< "${RVDBT:-$ROOT/build/rvdbt}"
if [[ ${RVDBT_CMD[0]} == */* && ${RVDBT_CMD[0]} != /* ]]; then
    RVDBT_CMD[0]=$PWD/${RVDBT_CMD[0]}
fi

PASS=0
FAIL=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-$NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ulimit -S -c 0                  # soft: a test may allow core files again

pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1: $2"; }
check() {
    local label=$1 why=$2
    shift 2
    if "$@"; then pass "$label"; else fail "$label" "$why"; fi
}

run() {
    run_quiet "$@" 2> /dev/null     # no "Segmentation fault" notice from bash
    ST=$(< "$WORK/st")
}
run_quiet() {
    local name=$1
    shift
    (cd "$WORK" && exec timeout -k 5 "$TIMEOUT" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err")
    echo $? > "$WORK/st"
}
