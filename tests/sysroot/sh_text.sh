# Text tools as separate processes in pipelines: seq, sort, uniq, awk, sed,
# grep, wc, cut, tr, head, tail, md5sum. Lines starting with BAD are a
# self-check that failed (tests/sysroot.sh fails the case on them).
set -u
check() { # check WHAT GOT WANT
    if [ "$2" = "$3" ]; then echo "$1: $2"; else echo "BAD $1: got '$2', want '$3'"; fi
}

# The tools must be the sysroot's riscv64 ones (a host uname says x86_64).
check "machine of a pipeline" "$(uname -m | tr a-z A-Z)" RISCV64
seq 1 3000 > nums
check "line count" "$(wc -l < nums)" 3000
check "sum by awk" "$(awk '{ s += $1 } END { print s }' nums)" 4501500
check "reverse numeric sort head" "$(sort -rn nums | head -n 3 | tr '\n' ' ')" "3000 2999 2998 "
check "lexical sort head" "$(sort nums | head -n 4 | tr '\n' ' ')" "1 10 100 1000 "
check "tail" "$(tail -n 2 nums | tr '\n' ' ')" "2999 3000 "
check "md5 of abc" "$(printf abc | md5sum | cut -d' ' -f1)" 900150983cd24fb0d6963f7d28e17f72
echo "md5 of seq: $(md5sum < nums)"

# A pseudo-random text for word counting (Park and Miller's generator: its
# products stay below 2^53, so awk's doubles compute it exactly).
awk 'BEGIN {
    split("alpha beta gamma delta epsilon zeta eta theta iota kappa", w, " ")
    x = 12345
    for (line = 0; line < 400; line++) {
        out = ""
        for (k = 0; k < 12; k++) {
            x = (x * 16807) % 2147483647
            out = out (k ? " " : "") w[int(x / 65536) % 10 + 1]
        }
        print out
    }
}' > words
check "words" "$(wc -w < words)" 4800
tr ' ' '\n' < words | sort | uniq -c | sort -k1,1nr -k2 | awk '{ printf "%s=%d ", $2, $1 } END { print "" }'
awk '{ for (i = 1; i <= NF; i++) n[$i]++ } END { for (k in n) t += n[k]; print "awk total", t }' words
awk -F' ' '$1 == $NF { same++ } END { print "first==last on", same + 0, "lines" }' words

# sed: substitution with groups, deletion, ranges, -n with p, y.
sed -n '1,3p' words | sed -E 's/([a-z]+) ([a-z]+)/\2+\1/g'
sed '/alpha/d' words | wc -l
sed -n '/^zeta/{s/ .*//;p}' words | wc -l
echo "Hello, World" | sed 'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/'
printf 'a=1\nb=2\nc=3\n' | sed -e 's/=/ is /' -e '2i\
inserted' -e '$a\
appended'

# grep: counts, inversion, extended regexps, -o, -n, -i, -w.
echo "grep -c gamma: $(grep -c gamma words)"
echo "grep -vc gamma: $(grep -vc gamma words)"
echo "grep -E: $(grep -E '^(alpha|beta) .* (eta|iota)$' words | wc -l)"
echo "grep -o: $(grep -o 'the[a-z]*' words | sort | uniq -c | tr -s ' ')"
grep -n -m 3 'kappa kappa' words | cut -c 1-40
printf 'Apple\napple\nAPPLE pie\npineapple\n' | grep -i -w apple
printf 'x1\nx2\n' | grep -q x2 && echo "grep -q found"
grep -q nothing-like-this words
echo "grep miss status $?"

# cut, tr, paste-like work with awk, numeric formatting.
seq 1 12 | awk '{ printf "%s%s", $1, (NR % 4 ? "," : "\n") }' | cut -d, -f2,4
echo "The Quick Brown Fox" | tr 'A-Z' 'a-z' | tr -d 'aeiou' | tr -s ' '
awk 'BEGIN { printf "%.3f %e %d %x %o %5s|%-5s|\n", 22 / 7, 1234.5, -17, 255, 8, "r", "l" }'
awk 'BEGIN { s = "a,b;c"; n = split(s, p, /[,;]/); print n, p[3], length(s), substr(s, 2, 3), index(s, "c"), toupper(s) }'
awk 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } BEGIN { print "fib(20)", fib(20) }'
