# Reads the table input.txt from stdin (the harness redirects it): the
# shell's read loop, then the rest of stdin through a pipeline.
set -u
read -r header
echo "header: ${header%%:*}"
n=0
total=0
old=
while read -r name _lang year lines; do
    n=$((n + 1))
    total=$((total + lines))
    if [ "$year" -lt 1990 ]; then old="$old $name"; fi
    [ "$n" -eq 5 ] && break
done
echo "first $n rows: $total lines; before 1990:$old"
# What is left of stdin goes to a pipeline of child processes.
sort -k3,3n | awk '{ printf "%-8s %s %9d\n", $1, $3, $4; s += $4 } END { print "rest total", s }'
echo "stdin at end: $(cat | wc -c)"
m=$(uname -m)
[ "$m" = riscv64 ] || echo "BAD machine: $m (not the sysroot's uname)"
