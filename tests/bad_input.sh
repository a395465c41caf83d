#!/usr/bin/env bash
# rvdbt on inputs it must refuse, and on guests that must die.
#
# Files that are not a runnable riscv64 program (missing, unreadable, without
# the execute bit, a directory, a FIFO, text, truncated ELFs, a 32-bit ELF, an x86-64
# ELF, an object file, corrupt headers, a dynamically linked program whose
# interpreter is missing or no riscv64 ELF): rvdbt must print exactly one line
# on stderr that names the file and gives a reason, and exit with a status
# from 1 to 123: no signal death, no core file, no hang. Usage errors: one
# line saying what is wrong and pointing at --help, status 2.
#
# Guests that fault (tests/guest/fault_*.S): rvdbt must end like Linux ends
# the process, with the same status as qemu-riscv64 (132 for SIGILL, 139 for
# SIGSEGV), print a line naming the pc and instruction word (SIGILL) or the
# faulting address (SIGSEGV), and leave no core file. An unknown syscall
# must return -ENOSYS and show up in -strace.
#
# RVDBT (default build/rvdbt) and QEMU as in tests/guest.sh. Prints `ok NAME`
# or `FAIL NAME: why` per case, then `bad_input: N passed, M failed`.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
QEMU=${QEMU:-qemu-riscv64}
TIMEOUT=${GUEST_TIMEOUT:-60}
READELF=riscv64-linux-gnu-readelf
NM=riscv64-linux-gnu-nm

read -ra RVDBT_CMD <<< "${RVDBT:-$ROOT/build/rvdbt}"
if [[ ${RVDBT_CMD[0]} == */* && ${RVDBT_CMD[0]} != /* ]]; then
    RVDBT_CMD[0]=$PWD/${RVDBT_CMD[0]}
fi

PASS=0
FAIL=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rvdbt-bad.XXXXXX")
trap 'chmod -R u+rwx "$WORK"; rm -rf "$WORK"' EXIT

pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1: $2"; }

if ! command -v "${RVDBT_CMD[0]}" > /dev/null; then
    fail rvdbt "${RVDBT_CMD[0]} not found: build it (make) or set RVDBT"
    echo "bad_input: $PASS passed, $FAIL failed"
    exit 1
fi
if ! make -s -C "$ROOT" guest-progs > "$WORK/build.log" 2>&1; then
    fail build "make guest-progs failed: $(grep -m1 -i error "$WORK/build.log")"
fi

# launch DIR CMD...: runs CMD in the empty directory DIR with a small core
# size limit, so a core dump would leave a file there; sets ST, OUT, ERR
# (stderr minus timeout's own notice) and CORE (1 if a core was dumped).
launch() {
    local dir=$1
    shift
    mkdir -p "$dir"
    launch_quiet "$dir" "$@" 2> /dev/null     # no "Segmentation fault" notice from bash
    ST=$(< "$dir/.st")
    OUT=$dir/.out
    ERR=$dir/.err
    CORE=0
    if grep -q 'dumped core' "$dir/.err.raw" || compgen -G "$dir/*core*" > /dev/null; then
        CORE=1
    fi
    grep -v '^timeout: the monitored command dumped core' "$dir/.err.raw" > "$ERR"
    rm -f "$dir"/*core*
}
launch_quiet() {
    local dir=$1
    shift
    (cd "$dir" && ulimit -c 1024 && exec timeout -k 5 "$TIMEOUT" "$@" \
        < /dev/null > "$dir/.out" 2> "$dir/.err.raw")
    echo $? > "$dir/.st"
}

# refuse NAME FILE REASON_REGEX [RVDBT_ARGS...]: rvdbt FILE must fail cleanly.
# The reason must match REASON_REGEX (extended, case-insensitive), loosely, so
# that it says something about what is wrong; it is looked for in the line
# with the file name taken out, so that the name cannot be what matches.
# RUN_AS, if set, is a command prefix that runs rvdbt (as another user).
refuse() {
    local name=$1 file=$2 reason=$3 lines
    shift 3
    launch "$WORK/run-$name" ${RUN_AS:-} "${RVDBT_CMD[@]}" "$@" "$file"
    lines=$(wc -l < "$ERR")
    if (( ST == 0 || ST > 123 )); then
        fail "$name" "exit status $ST, expected 1..123$( ((ST > 128 && ST < 193)) && echo " (killed by signal $((ST - 128)))")"
    elif (( CORE )); then
        fail "$name" "a core file was written"
    elif (( lines != 1 )); then
        fail "$name" "$lines lines on stderr, expected 1: $(head -c 300 "$ERR" | tr '\n' '|' | cat -v)"
    elif ! grep -qF -- "$file" "$ERR"; then
        fail "$name" "stderr does not name $file: $(cat -v "$ERR")"
    elif ! awk -v f="rvdbt: $file: " '{ i = index($0, f); print i ? substr($0, 1, i - 1) "rvdbt: FILE: " substr($0, i + length(f)) : $0 }' "$ERR" |
            grep -qiE -- "$reason"; then
        fail "$name" "no reason matching /$reason/ in: $(cat -v "$ERR")"
    else
        pass "$name"
    fi
}

# patch FILE OFFSET BYTES: overwrite bytes in place (BYTES as printf escapes).
patch() {
    printf '%b' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# The middle of the file data of the first and the last PT_LOAD segment.
load_middles() {
    local type off fsz rest
    "$READELF" -lW "$1" | while read -r type off _ _ fsz rest; do
        [[ $type == LOAD ]] && (( fsz > 0 )) && echo $(( off + fsz / 2 ))
    done | sed -n '1p;$p'
}

# ---- files that are not a runnable riscv64 program ----
HELLO=$G/asm/hello
BIG=$G/O2/exitcode

refuse missing "$WORK/does-not-exist" 'no such file|not found|exist'

# Executable but unreadable. Root reads any file, so as root the case runs
# as nobody (on a file in a directory nobody may enter).
mkdir -m 755 "$WORK/pub"
cp "$HELLO" "$WORK/pub/unreadable"
chmod 111 "$WORK/pub/unreadable"
if (( EUID != 0 )); then
    refuse unreadable "$WORK/pub/unreadable" 'cannot open: permission denied'
elif ! command -v setpriv > /dev/null; then
    fail unreadable "running as root and setpriv (util-linux) is missing: cannot run as nobody"
else
    chmod 711 "$WORK"
    NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    saved=${RVDBT_CMD[0]}
    # The clone may sit where nobody may not go (say, under /root): then a
    # copy of the binary in the scratch directory runs instead.
    if ! "${NOBODY[@]}" test -x "${RVDBT_CMD[0]}"; then
        cp "${RVDBT_CMD[0]}" "$WORK/rvdbt" && chmod 755 "$WORK/rvdbt" && RVDBT_CMD[0]=$WORK/rvdbt
    fi
    if ! "${NOBODY[@]}" test -x "${RVDBT_CMD[0]}"; then
        fail unreadable "user nobody cannot run ${RVDBT_CMD[0]}"
    else
        RUN_AS="${NOBODY[*]}" refuse unreadable "$WORK/pub/unreadable" 'cannot open: permission denied'
    fi
    RVDBT_CMD[0]=$saved
fi

# A program without the execute bit: refused as execve refuses it (EACCES),
# before rvdbt looks inside; status 1, as for any program it cannot load.
cp "$HELLO" "$WORK/no-exec"
chmod 644 "$WORK/no-exec"
refuse no-exec "$WORK/no-exec" 'cannot execute: permission denied'
(( ST == 1 )) || fail no-exec-status "exit status $ST, expected 1"

mkdir "$WORK/a-directory"
refuse directory "$WORK/a-directory" 'directory|regular'

# A FIFO (with the execute bit, so that it reaches the loader): refused at
# once, not waited on for a writer.
mkfifo -m 755 "$WORK/a-fifo"
refuse fifo "$WORK/a-fifo" 'regular|fifo|permission denied'

# The files below get the execute bit, so that their contents are judged.
echo "this is a text file, not a program" > "$WORK/notes.txt"
chmod +x "$WORK/notes.txt"
refuse text "$WORK/notes.txt" 'ELF|magic|format'

: > "$WORK/empty"
chmod +x "$WORK/empty"
refuse empty "$WORK/empty" 'ELF|empty|short|trunc|small|size|header'

# truncated copies of a static C program: inside the ELF header, inside the
# program headers, and half way through the first and the last loaded segment
phnum=$("$READELF" -hW "$BIG" | awk '/Number of program headers/ { print $NF }')
mapfile -t mids < <(load_middles "$BIG")
cuts=(ehdr-4:4 ehdr-20:20 ehdr-63:63 phdrs:$(( 64 + 56 * phnum - 30 ))
      "first-segment:${mids[0]}" "last-segment:${mids[1]}")
for cut in "${cuts[@]}"; do
    name=truncated-${cut%:*}
    head -c "${cut#*:}" "$BIG" > "$WORK/$name"
    chmod +x "$WORK/$name"
    refuse "$name" "$WORK/$name" \
        'trunc|short|small|size|beyond|past|end|incomplete|corrupt|invalid|ELF|header|segment'
done

# a 32-bit RISC-V ELF: built if the toolchain can, else the class byte patched
if riscv64-linux-gnu-gcc -march=rv32i -mabi=ilp32 -nostdlib -static \
        "$ROOT/tests/guest/hello.S" -o "$WORK/rv32-program" 2> /dev/null; then
    refuse rv32 "$WORK/rv32-program" '32|64|class'
else
    cp "$HELLO" "$WORK/rv32-program"
    patch "$WORK/rv32-program" 4 '\001'
    refuse rv32-patched "$WORK/rv32-program" '32|64|class'
fi

refuse x86-64-bin-true /bin/true 'machine|architecture|risc|x86|amd64'
[[ -x $G/native/exitcode ]] &&
    refuse x86-64-static "$G/native/exitcode" 'machine|architecture|risc|x86|amd64'

if [[ -e $G/pie/hello.o ]]; then
    cp "$G/pie/hello.o" "$WORK/object.o"
    chmod +x "$WORK/object.o"
    refuse object-file "$WORK/object.o" 'not an executable|relocatable|ET_REL|object'
fi

cp "$HELLO" "$WORK/big-endian"
patch "$WORK/big-endian" 5 '\002'
refuse big-endian "$WORK/big-endian" 'endian|byte order|ELFDATA|LSB|MSB|big|little'

cp "$HELLO" "$WORK/bad-version"
patch "$WORK/bad-version" 6 '\002'                                         # EI_VERSION = 2
refuse bad-version "$WORK/bad-version" 'version'

cp "$HELLO" "$WORK/phoff-beyond-end"
patch "$WORK/phoff-beyond-end" 32 '\000\000\000\177\000\000\000\000'     # e_phoff = 0x7f000000
refuse phoff-beyond-end "$WORK/phoff-beyond-end" 'program header|phdr|phoff|segment|header|trunc|beyond|corrupt|invalid'

cp "$HELLO" "$WORK/bad-phentsize"
patch "$WORK/bad-phentsize" 54 '\020\000'                                   # e_phentsize = 16
refuse bad-phentsize "$WORK/bad-phentsize" 'program header|phdr|phent|segment|header|size|corrupt|invalid'

cp "$HELLO" "$WORK/no-segments"
patch "$WORK/no-segments" 56 '\000\000'                                     # e_phnum = 0
refuse no-segments "$WORK/no-segments" 'program header|phdr|segment|load|header|empty|nothing|corrupt|invalid'

# ---- dynamically linked programs whose interpreter is wrong ----
DYN=$G/dyn/dl_hello
INTERP=/lib/ld-linux-riscv64-lp64d.so.1
if [[ ! -x $DYN ]]; then
    fail dynamic "$DYN missing: make guest-progs"
else
    # A root without the loader: both places tried are named, and -L.
    mkdir -p "$WORK/empty-root"
    refuse interp-missing-under-L "$DYN" \
        "interpreter $INTERP not found \\(tried $WORK/empty-root$INTERP, $INTERP\\).*-L" -L "$WORK/empty-root"
    # PT_INTERP names a loader found nowhere: the host root and the cross root tried.
    cp "$DYN" "$WORK/odd-interp"
    off=$("$READELF" -lW "$DYN" | awk '$1 == "INTERP" { print $2 }')
    patch "$WORK/odd-interp" $(( off + 3 )) 'x'                       # /lib -> /lix
    refuse interp-missing "$WORK/odd-interp" \
        "interpreter /lix/ld-linux-riscv64-lp64d.so.1 not found \\(tried /lix/[^,]*, /usr/riscv64-linux-gnu/lix/.*-L"
    # The loader is no riscv64 ELF.
    mkdir -p "$WORK/x86-root/lib" "$WORK/text-root/lib"
    cp /bin/true "$WORK/x86-root$INTERP"
    echo "not a loader" > "$WORK/text-root$INTERP"
    refuse interp-x86 "$DYN" "interpreter $WORK/x86-root$INTERP: not RISC-V" -L "$WORK/x86-root"
    refuse interp-text "$DYN" "interpreter $WORK/text-root$INTERP: not an ELF file" -L "$WORK/text-root"
    mkdir -p "$WORK/fifo-root/lib"
    mkfifo "$WORK/fifo-root$INTERP"
    refuse interp-fifo "$DYN" "interpreter $WORK/fifo-root$INTERP: not a regular file" -L "$WORK/fifo-root"
    # Without -L the prefix comes from $RVDBT_LD_PREFIX, else $QEMU_LD_PREFIX.
    RUN_AS="env QEMU_LD_PREFIX=$WORK/text-root" refuse prefix-from-QEMU_LD_PREFIX "$DYN" \
        "interpreter $WORK/text-root$INTERP: not an ELF file"
    RUN_AS="env QEMU_LD_PREFIX=$WORK/text-root RVDBT_LD_PREFIX=$WORK/x86-root" \
        refuse prefix-from-RVDBT_LD_PREFIX "$DYN" "interpreter $WORK/x86-root$INTERP: not RISC-V"
    RUN_AS="env RVDBT_LD_PREFIX=$WORK/x86-root" refuse prefix-L-first "$DYN" \
        "interpreter $WORK/text-root$INTERP: not an ELF file" -L "$WORK/text-root"
fi

# ---- usage errors ----
# usage NAME REGEX ARGS...: rvdbt ARGS must exit 2 with one line on stderr
# that matches REGEX (extended, case-insensitive) and names --help.
usage() {
    local name=$1 re=$2
    shift 2
    launch "$WORK/run-$name" "${RVDBT_CMD[@]}" "$@"
    if (( ST != 2 )); then
        fail "$name" "exit status $ST, expected 2 (stderr: $(head -c 200 "$ERR" | tr '\n' '|' | cat -v))"
    elif (( $(wc -l < "$ERR") != 1 )); then
        fail "$name" "$(wc -l < "$ERR") lines on stderr, expected 1: $(head -c 300 "$ERR" | tr '\n' '|' | cat -v)"
    elif ! grep -qiE -- "$re" "$ERR" || ! grep -qF -- "--help" "$ERR"; then
        fail "$name" "expected /$re/ and --help in: $(cat -v "$ERR")"
    else
        pass "$name"
    fi
}
usage usage-no-program 'no program'
usage usage-E-no-equals "-E NOEQUALS: the value lacks '='" -E NOEQUALS "$HELLO"
usage usage-L-no-argument '-L needs an argument' -L
usage usage-E-no-argument '-E needs an argument' -E
usage usage-unknown-option 'unknown option --frobnicate' --frobnicate "$HELLO"
usage usage-tlb-size '--tlb-size: 3 is not a power of 2' --tlb-size 3 "$HELLO"
usage usage-bare-args '--bare takes an image and no arguments' --bare "$HELLO" extra

# ---- guests that fault ----
# fault NAME STATUS REGEX...: the guest dies with STATUS (as under qemu), and
# one stderr line matches every REGEX (extended, case-insensitive).
fault() {
    local name=$1 want=$2 bin=$G/asm/$1 qst re line ok=0
    shift 2
    if [[ ! -x $bin ]]; then
        fail "$name" "$bin missing: make guest-progs"
        return
    fi
    launch "$WORK/qemu-$name" "$QEMU" "$bin"
    qst=$ST
    launch "$WORK/run-$name" "${RVDBT_CMD[@]}" "$bin"
    if (( qst != want )); then
        fail "$name" "oracle $QEMU gave status $qst, expected $want"
        return
    fi
    if (( ST != want )); then
        fail "$name" "exit status $ST, expected $want as under qemu$( [[ -s $ERR ]] && echo " (stderr: $(head -n 1 "$ERR" | cat -v))")"
        return
    fi
    if (( CORE )); then
        fail "$name" "a core file was written"
        return
    fi
    while IFS= read -r line; do
        ok=1
        for re in "$@"; do
            grep -qiE -- "$re" <<< "$line" || ok=0
        done
        (( ok )) && break
    done < "$ERR"
    if (( ok )); then
        pass "$name"
    else
        fail "$name" "no stderr line matching all of: $* (stderr: $(head -c 300 "$ERR" | tr '\n' '|' | cat -v))"
    fi
}

# an address in hex, as 0x followed by any leading zeros
hexre() { echo "0x0*$1([^0-9a-f]|\$)"; }
symaddr() { "$NM" "$G/asm/$1" | awk -v s="$2" '$3 == s { sub(/^0+/, "", $1); print $1 }'; }

fault fault_ill 132 "$(hexre "$(symaddr fault_ill bad_insn)")" '(0x)?0*1234506b'
fault fault_load0 139 "$(hexre 0)"
fault fault_loadhigh 139 "$(hexre 7fffffffffff)"
fault fault_storetext 139 "$(hexre "$(symaddr fault_storetext text_word)")"

# an unknown syscall returns -ENOSYS: the guest prints "enosys: ok", exits 38
launch "$WORK/qemu-enosys" "$QEMU" "$G/asm/enosys"
qst=$ST
launch "$WORK/run-enosys" "${RVDBT_CMD[@]}" "$G/asm/enosys"
if (( qst != 38 )); then
    fail enosys "oracle $QEMU gave status $qst, expected 38"
elif (( ST != 38 )) || [[ $(< "$OUT") != "enosys: ok" ]]; then
    fail enosys "exit status $ST, stdout \"$(head -c 100 "$OUT" | cat -v)\"; expected 38 and \"enosys: ok\""
else
    pass enosys
fi
launch "$WORK/run-enosys-strace" "${RVDBT_CMD[@]}" -strace "$G/asm/enosys"
if (( ST != 38 )) || [[ $(< "$OUT") != "enosys: ok" ]]; then
    fail enosys-strace "exit status $ST, stdout \"$(head -c 100 "$OUT" | cat -v)\"; expected 38 and \"enosys: ok\""
elif ! grep -qE '(^|[^0-9])999([^0-9]|$)' "$ERR"; then
    fail enosys-strace "-strace output does not show syscall 999: $(head -c 300 "$ERR" | tr '\n' '|' | cat -v)"
else
    pass enosys-strace
fi
# $RVDBT_STRACE or $QEMU_STRACE, set to anything, stand in for -strace.
for var in RVDBT_STRACE=1 QEMU_STRACE=; do
    launch "$WORK/run-enosys-${var%%=*}" env "$var" "${RVDBT_CMD[@]}" "$G/asm/enosys"
    if (( ST != 38 )) || ! grep -qE '(^|[^0-9])999([^0-9]|$)' "$ERR"; then
        fail "strace-from-${var%%=*}" "exit status $ST; no syscall 999 in: $(head -c 300 "$ERR" | tr '\n' '|' | cat -v)"
    else
        pass "strace-from-${var%%=*}"
    fi
done

echo "bad_input: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
