#!/bin/sh
# Run the ISA conformance suite built by `make riscv-tests-build`.
#
#   riscv-tests/run.sh            rvdbt: `$RVDBT --bare IMAGE` and `$RVDBT PROG`
#   REF=qemu riscv-tests/run.sh   the references: qemu-system-riscv64 -machine
#                                 spike for images, qemu-riscv64 for programs
#
# Both modes report through the exit status: 0 pass, 1..127 the failing
# case, 128 and above a crash or fault outside any case.  A bare image writes
# tohost: spike's HTIF exits with tohost >> 1, while rvdbt --bare exits with 1
# and names the case in "FAIL: test N" on stderr.
# Prints one line per failure and ends with "riscv-tests: N passed, M failed".

cd "$(dirname "$0")/.." || exit 2
OUT=${B:-build}/riscv-tests
RVDBT=${RVDBT:-build/rvdbt}
TIMEOUT=${RVT_TIMEOUT:-20}

pass=0
fail=0
skip=0
run_bare=1

if [ "$REF" = qemu ]; then
	for t in qemu-system-riscv64 qemu-riscv64; do
		command -v $t >/dev/null || { echo "riscv-tests: $t not found"; exit 2; }
	done
elif [ ! -x "$RVDBT" ]; then
	echo "riscv-tests: $RVDBT not built (make build/rvdbt, or REF=qemu)"
	exit 2
elif ! "$RVDBT" --help 2>&1 | grep -q -- '--bare'; then
	# Temporary, until rvdbt runs bare images.
	echo "skip: bare images ($RVDBT --help does not list --bare)"
	run_bare=0
fi

# run MODE NAME: run one image, count it, print a line if it failed.
run() {
	img=$OUT/$1/$2
	if [ ! -f "$img" ]; then
		echo "FAIL $2 ($1): $img not built"
		fail=$((fail + 1))
		return
	fi
	errf=$OUT/$1/$2.stderr
	case "$1,$REF" in
	bare,qemu) timeout "$TIMEOUT" qemu-system-riscv64 -machine spike -bios none \
		-kernel "$img" -nographic -monitor none </dev/null >/dev/null 2>"$errf" ;;
	user,qemu) timeout "$TIMEOUT" qemu-riscv64 "$img" </dev/null >/dev/null 2>"$errf" ;;
	bare,*) timeout "$TIMEOUT" "$RVDBT" --bare "$img" </dev/null >/dev/null 2>"$errf" ;;
	*) timeout "$TIMEOUT" "$RVDBT" "$img" </dev/null >/dev/null 2>"$errf" ;;
	esac
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		return
	fi
	fail=$((fail + 1))
	if [ $rc -eq 124 ]; then
		why="timeout after ${TIMEOUT}s"
	elif [ $rc -eq 1 ] && grep -q '^FAIL: test [0-9]' "$errf"; then
		why="case $(sed -n 's/^FAIL: test \([0-9]*\).*/\1/p' "$errf" | head -n 1)"
	elif [ $rc -lt 128 ]; then
		why="case $rc"
	else
		why="exit status $rc (crash or fault outside a case)"
	fi
	msg=$(head -c 300 "$errf" | tr '\n' ' ')
	echo "FAIL $2 ($1): $why${msg:+: $msg}"
}

for src in riscv-tests/isa/*.S; do
	name=$(basename "$src" .S)
	if [ $run_bare -eq 1 ]; then
		run bare "$name"
	else
		skip=$((skip + 1))
	fi
	run user "$name"
done
for src in riscv-tests/isa-user/*.S; do
	[ -f "$src" ] && run user "$(basename "$src" .S)"
done

if [ $skip -gt 0 ]; then
	echo "riscv-tests: $pass passed, $fail failed, $skip skipped"
else
	echo "riscv-tests: $pass passed, $fail failed"
fi
[ $fail -eq 0 ]
