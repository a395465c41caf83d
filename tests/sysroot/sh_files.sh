# Files: mkdir, cp, mv, ln, rm, find, GNU tar (the sysroot's tar package,
# with gzip as a child process for -z) and busybox tar, gzip/gunzip round
# trips, md5sum, cmp. Works in the current directory (an empty scratch
# directory). Output must not depend on the time of day: tar archives are
# made with fixed mtimes and owners. BAD lines are failed self-checks.
# shellcheck disable=SC2086  # $TAROPT is split into words on purpose
set -u
umask 022
check() { # check WHAT GOT WANT
    if [ "$2" = "$3" ]; then echo "$1: $2"; else echo "BAD $1: got '$2', want '$3'"; fi
}

mkdir -p tree/a/b/c tree/d tree/empty
seq 1 5000 > tree/a/numbers.txt
awk 'BEGIN { for (i = 0; i < 300; i++) printf "line %d of the notes %s\n", i, (i % 7 ? "" : "(seventh)") }' > tree/a/b/notes.txt
printf 'binary\000zero\001one\377\n' > tree/a/b/c/bytes.bin
cp tree/a/numbers.txt tree/d/copy.txt
mv tree/d/copy.txt tree/d/moved.txt
ln -s ../a/numbers.txt tree/d/link.txt
ln tree/a/b/notes.txt tree/d/hard.txt
echo "symlink reads: $(head -n 1 tree/d/link.txt) ... $(tail -n 1 tree/d/link.txt)"
cmp tree/a/numbers.txt tree/d/moved.txt && echo "copy identical"

echo "find -type f:"
find tree -type f | sort
echo "find -type l: $(find tree -type l)"
echo "find -name '*.txt' -size +10k: $(find tree -name '*.txt' -size +10k | sort | tr '\n' ' ')"
echo "find -type d -empty: $(find tree -type d -empty)"
find tree -type f -name '*.txt' -exec wc -l {} + | sort -k2
echo "md5sums:"
find tree -type f | sort | while read -r f; do md5sum "$f"; done

# GNU tar with fixed metadata makes the same bytes on every run.
TAROPT="--sort=name --mtime=@1000000000 --owner=0 --group=0 --numeric-owner"
tar $TAROPT -cf t.tar tree
echo "tar listing:"
tar -tf t.tar
echo "tar md5: $(md5sum < t.tar)"
mkdir out1
tar -xf t.tar -C out1
for f in a/numbers.txt a/b/notes.txt a/b/c/bytes.bin d/moved.txt d/hard.txt; do
    cmp "tree/$f" "out1/tree/$f" || echo "BAD tar round trip of $f"
done
echo "extracted link: $(readlink out1/tree/d/link.txt)"
tar $TAROPT -czf t.tgz tree
mkdir out2
tar -xzf t.tgz -C out2
cmp tree/a/b/notes.txt out2/tree/a/b/notes.txt && echo "tar -z round trip identical"

# busybox's own tar reads GNU tar's archive.
mkdir out3
busybox tar -xf t.tar -C out3
cmp tree/a/numbers.txt out3/tree/a/numbers.txt && echo "busybox tar extracts GNU tar's archive"
echo "busybox tar listing: $(busybox tar -tf t.tar | sort | tr '\n' ' ')"

# gzip/gunzip round trips through files and pipes.
gzip -c t.tar > t.tar.gz
echo "gzip md5: $(md5sum < t.tar.gz)"
gunzip -c t.tar.gz | cmp - t.tar && echo "gunzip -c identical"
cp tree/a/numbers.txt n.txt
gzip -9 n.txt
[ -e n.txt ] && echo "BAD gzip kept n.txt"
gunzip n.txt.gz
cmp n.txt tree/a/numbers.txt && echo "gzip -9 file round trip identical"
check "pipe round trip" "$(seq 1 20000 | gzip | gunzip | md5sum)" "$(seq 1 20000 | md5sum)"
check "gzip -t" "$(gzip -t t.tar.gz && echo intact)" intact
printf 'not gzip data\n' > bad.gz
gunzip -c bad.gz > /dev/null 2>&1
echo "gunzip of non-gzip data status $?"

rm -r out1 out2
rm tree/d/link.txt
echo "after rm: $(find . -maxdepth 1 | sort | tr '\n' ' ')"
ls tree/d | sort
