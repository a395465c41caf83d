#!/usr/bin/env bash
# elf_fuzz.sh [SECONDS]: run the libFuzzer target build/fuzz-elf/elf_fuzz
# (tests/fuzz/elf_fuzz.c) for SECONDS (default 60), as `make fuzz-elf` does
# once it has built the target and the seeds.
#
# The seeds, gathered into build/fuzz-elf/seeds/ on every run from build
# outputs: static programs (assembly, glibc, one whose segments share a
# page), dynamically linked programs (PIE and ET_EXEC), PIEs without an
# interpreter, a shared object, an object file, the real riscv64
# ld.so as a program and, after the separator elf_fuzz.c describes, as the
# interpreter of a dynamic program; and a few small broken files. What the
# fuzzer finds goes to build/fuzz-elf/corpus/ and is kept for the next run;
# crash, leak and timeout inputs go to build/fuzz-elf/crashes/ (run one again
# with `build/fuzz-elf/elf_fuzz FILE`). The whole libFuzzer log is
# build/fuzz-elf/fuzz.log. Prints the executions, libFuzzer's final cov:
# (edges) and ft: (features) figures and the inputs saved; exits 1 if the
# fuzzer stopped on a finding.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=$ROOT/build
FZ=$B/fuzz-elf
SECS=${1:-60}
INTERP=${ELF_FUZZ_INTERP:-/usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1}
SEP=$'\n--rvdbt-elf-fuzz-interp--\n'      # as ELF_FUZZ_SEP in elf_fuzz.c

if ! [[ $SECS =~ ^[0-9]+$ ]] || (( SECS == 0 )); then
    echo "elf_fuzz.sh: SECONDS must be a positive whole number, not '$SECS'" >&2
    exit 2
fi
for f in "$FZ/elf_fuzz" "$INTERP"; do
    if [[ ! -e $f ]]; then
        echo "elf_fuzz.sh: $f missing (make fuzz-elf builds the target and the seeds)" >&2
        exit 2
    fi
done

SEEDS=$FZ/seeds
rm -rf "$SEEDS" "$FZ/tmp"
mkdir -p "$SEEDS" "$FZ/corpus" "$FZ/crashes" "$FZ/tmp"
G=$B/tests/guest
declare -A seed=(
    [static-asm]=$G/asm/hello [static-asm-enosys]=$G/asm/enosys [static-glibc]=$G/O2/exitcode
    [dynamic-pie]=$G/dyn/dl_hello [dynamic-pie-libm]=$G/dyn/dl_libm
    [pie-no-interp]=$G/pie/hello [pie-no-interp-2]=$B/tests/loader_pie
    [object-file]=$B/tests/loader_pie.o [shared-object]=$B/tests/syms_prog.so [ld.so]=$INTERP
    [shared-page]=$FZ/seed-shared-page [dynamic-exec]=$FZ/seed-dyn-exec
)
for name in "${!seed[@]}"; do
    if [[ ! -f ${seed[$name]} ]]; then
        echo "elf_fuzz.sh: seed ${seed[$name]} missing (make fuzz-elf builds it)" >&2
        exit 2
    fi
    cp "${seed[$name]}" "$SEEDS/$name"
done
# the dynamic program with the real loader given as its interpreter
{ cat "$G/dyn/dl_hello"; printf '%s' "$SEP"; cat "$INTERP"; } > "$SEEDS/dynamic+interp"
# the dynamic program with a small broken interpreter: the ELF header only
{ cat "$G/dyn/dl_hello"; printf '%s' "$SEP"; head -c 64 "$INTERP"; } > "$SEEDS/dynamic+interp-header"
# an ET_EXEC program with an ET_EXEC interpreter at the same addresses
{ cat "$FZ/seed-dyn-exec"; printf '%s' "$SEP"; cat "$G/asm/hello"; } > "$SEEDS/dynamic-exec+static-interp"
head -c 64 "$G/asm/hello" > "$SEEDS/ehdr-only"
head -c 200 "$G/asm/hello" > "$SEEDS/truncated-phdrs"
printf '#!/bin/sh\necho not ELF\n' > "$SEEDS/script"

# The separator and the interpreter's path as words the fuzzer may insert.
DICT=$FZ/elf.dict
{
    printf '"'; printf '%s' "$SEP" | od -An -tx1 -v | tr -d ' \n' | sed 's/../\\x&/g'; printf '"\n'
    echo '"/lib/ld-linux-riscv64-lp64d.so.1\x00"'
} > "$DICT"

LOG=$FZ/fuzz.log
before=$(ls "$FZ/crashes" | wc -l)
echo "elf_fuzz: fuzzing for $SECS s (log: $LOG; corpus: $FZ/corpus, $(ls "$FZ/corpus" | wc -l) inputs kept from earlier runs)"
TMPDIR=$FZ/tmp ELF_FUZZ_INTERP=$INTERP "$FZ/elf_fuzz" -max_total_time="$SECS" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -dict="$DICT" -artifact_prefix="$FZ/crashes/" \
    "$FZ/corpus" "$SEEDS" > "$LOG" 2>&1
st=$?

last=$(grep -E '^#[0-9]+' "$LOG" | tail -n 1)
execs=$(awk '/^stat::number_of_executed_units:/ { print $NF }' "$LOG")
cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
corp=$(sed -nE 's/.* corp: ([0-9]+\/[^ ]+).*/\1/p' <<< "$last")
echo "elf_fuzz: ${execs:-?} executions, cov: ${cov:-?} ft: ${ft:-?}, corpus ${corp:-?} (last line: ${last:-none})"
mapfile -t found < <(ls -t "$FZ/crashes" | head -n $(( $(ls "$FZ/crashes" | wc -l) - before )))
if (( st != 0 || ${#found[@]} > 0 )); then
    grep -m 3 -E 'ERROR|elf_fuzz: |SUMMARY' "$LOG"
    for f in "${found[@]}"; do echo "elf_fuzz: saved $FZ/crashes/$f"; done
    echo "elf_fuzz: the fuzzer stopped on a finding (status $st); see $LOG"
    exit 1
fi
echo "elf_fuzz: no crash, leak or timeout"
