# busybox sh itself: functions, expansions, subshells, command substitution,
# pipelines and their status, background jobs with & and wait, here-documents,
# read, traps. Run as `busybox sh sh_shell.sh` in an empty scratch directory;
# exits 4 after its EXIT trap.
# It uses on purpose what shellcheck warns about in portable scripts:
# shellcheck disable=SC2006,SC2030,SC2031,SC2046,SC2116,SC2194,SC3043,SC3060
set -u
start=$(pwd)
# Children found on PATH must be the sysroot's riscv64 programs, not the
# host's: a host uname would say x86_64.
m="$(uname -m) $(sh -c 'uname -m')"
[ "$m" = "riscv64 riscv64" ] || echo "BAD machine: $m"
echo "machine of sh and of a child sh: $m"

f() {
    local x=$1
    echo "f: first=$x count=$#"
    return 3
}
f a b c
echo "function status $?"

x=$(echo "outer $(echo inner $(echo innermost))")
echo "$x"
y=`echo backquotes`
echo "$y"

a=1
(a=2; echo "subshell a=$a"; exit 9)
echo "subshell status $? a=$a"
(cd / && echo "subshell in /: $(pwd)")
[ "$(pwd)" = "$start" ] && echo "cwd unchanged after subshell"
{ echo "group 1"; echo "group 2"; } | while read -r line; do echo "read: $line"; done

echo "arith $((7 * 6)) $((1 << 40)) $((-7 / 2)) $((-7 % 2)) $((0x7f ^ 0x0f)) $((3 > 2 ? 10 : 20))"
i=0
while [ "$i" -lt 50 ]; do i=$((i + 1)); done
echo "loop i=$i"
for w in one "two words" three; do printf '[%s]' "$w"; done
echo
s="hello brave new world"
echo "len=${#s} first=${s%% *} rest=${s#* } last=${s##* } subst=${s//o/0} def=${unset_var:-fallback}"
case archive.tar.gz in
    *.tar.gz) echo "case: tarball" ;;
    *) echo "case: other" ;;
esac

cat << EOF
here-doc expands a=$a $((a + 1))
EOF
cat << 'EOF'
quoted here-doc keeps $a
EOF
IFS=: read -r p1 p2 p3 << EOF
one:two:three
EOF
echo "read fields: $p3 $p2 $p1"
set -- x "y z" w
echo "positional: $# [$2] $*"
shift
echo "after shift: $1"

echo "a b c d e" | tr ' ' '\n' | sort -r | tr '\n' ' '
echo
false | true
echo "pipeline status $?"
true | false
echo "pipeline status $?"
! false
echo "negated status $?"
true && echo "and-list ran"
false || echo "or-list ran"

# Background jobs: each writes its own file, wait collects them all.
for n in 1 2 3 4 5 6; do
    (seq "$n" $((n * 2000)) | awk '{ s += $1 } END { print "job sum", s }' > "job$n.out") &
done
wait
cat job1.out job2.out job3.out job4.out job5.out job6.out
(exit 7) &
wait $!
echo "wait status $?"
sh -c 'exit 5' &
pid=$!
wait "$pid"
echo "child sh status $?"
out=$(sh -c 'echo from child sh; exit 2')
echo "child said '$out' status $?"
echo "nested: $(echo 'echo two levels' | sh)"

trap 'echo "EXIT trap ran"' EXIT
exit 4
