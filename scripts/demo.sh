#!/usr/bin/env bash
# `make demo`: cross-compile the example programs for RISC-V, run them under
# rvdbt with --stats, and check their output against qemu-riscv64.
# RVDBT overrides the translator (default build/rvdbt).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
read -ra RVDBT_CMD <<< "${RVDBT:-build/rvdbt}"
OUT=build/examples
mkdir -p "$OUT"
TIMEFORMAT='%3R s'

for p in primes wordfreq; do
    riscv64-linux-gnu-gcc -std=gnu11 -Wall -Wextra -O2 -static "examples/$p.c" -o "$OUT/$p" || exit 1
done

echo "rvdbt runs Linux programs built for 64-bit RISC-V on this x86-64 machine,"
echo "translating each block of RISC-V code into x86-64 code the first time it runs"
echo "and reusing the translation after that."
echo
echo "examples/primes.c and examples/wordfreq.c were compiled for RISC-V:"
for p in primes wordfreq; do
    printf '  %-20s %s\n' "$OUT/$p" \
        "$(riscv64-linux-gnu-readelf -h "$OUT/$p" | awk -F: '/Machine|Class/ { gsub(/^ +/, "", $2); printf "%s ", $2 }')"
done
echo "The processor here cannot execute them directly."

status=0
# show TITLE STDIN ARGS...: run one example under rvdbt and under qemu-riscv64
show() {
    local title=$1 input=$2 st
    shift 2
    echo
    echo "== $title"
    echo "\$ ${RVDBT_CMD[*]} --stats --count-hits $*${input:+ < $input}"
    { time "${RVDBT_CMD[@]}" --stats --count-hits "$@" < "${input:-/dev/null}" > "$OUT/rvdbt.out" 2> "$OUT/rvdbt.err"; } 2> "$OUT/rvdbt.time"
    st=$?
    echo "-- the program's output (stdout):"
    cat "$OUT/rvdbt.out"
    echo "-- rvdbt's --stats report (stderr):"
    cat "$OUT/rvdbt.err"
    echo "-- exit status $st, $(< "$OUT/rvdbt.time") under rvdbt"
    { time qemu-riscv64 "$@" < "${input:-/dev/null}" > "$OUT/qemu.out" 2> /dev/null; } 2> "$OUT/qemu.time"
    if (( st == 0 )) && cmp -s "$OUT/rvdbt.out" "$OUT/qemu.out"; then
        echo "-- same output as qemu-riscv64, which took $(< "$OUT/qemu.time")"
    else
        echo "-- NOT the same as under qemu-riscv64: compare $OUT/rvdbt.out with $OUT/qemu.out"
        status=1
    fi
}

show "counting primes below 20 million (a tight loop: the same few blocks run millions of times)" \
    "" "$OUT/primes" 20000000
find . -path ./build -prune -o -name '*.[ch]' -print | sort | xargs cat > "$OUT/words.txt"
show "the most frequent words in rvdbt's own sources (stdin, malloc, a hash table, qsort)" \
    "$OUT/words.txt" "$OUT/wordfreq" 10

echo
echo "== where the time went in the word count: rvdbt --profile (the top of its report)"
echo "\$ ${RVDBT_CMD[*]} --profile=$OUT/profile.txt --profile-html $OUT/profile.html $OUT/wordfreq 10 < $OUT/words.txt"
"${RVDBT_CMD[@]}" --profile="$OUT/profile.txt" --profile-html "$OUT/profile.html" "$OUT/wordfreq" 10 \
    < "$OUT/words.txt" > /dev/null || status=1
head -n 24 "$OUT/profile.txt"
echo "-- the whole report: $OUT/profile.txt; the same as a web page: $OUT/profile.html"

echo
echo "The --stats report is rvdbt's own account of each run: how much RISC-V code it"
echo "translated and how the translated code was used. Each block is translated once"
echo "and then reused, so a loop that runs millions of times costs about as much to"
echo "translate as one that runs once. The inline caches are the per-instruction fast"
echo "paths: a load or store hits when its address falls in the range its slot last"
echo "learned, a jalr when its target is in its slot's window of translated code, a"
echo "return when it matches the return-address stack; --count-hits makes those hit"
echo "counts exact (a plain --stats run counts only misses, which is cheaper). The"
echo "comparison with qemu-riscv64 shows that the programs computed the same results."
echo "--profile samples where the time goes and names the hottest guest blocks, with"
echo "their RISC-V code beside the x86-64 code rvdbt made of it."
exit $status
