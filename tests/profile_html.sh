#!/usr/bin/env bash
# --profile-html FILE: the page a profiled run writes, checked as a reader
# gets it, in Debian's headless Chromium (scripts/deps.sh installs it; a
# machine where it cannot run fails this suite, it does not skip it):
#   - a screenshot at 1400x2000 is a PNG that is not blank;
#   - the DOM after parsing (--dump-dom) has every section (summary,
#     hit-rates, hot-blocks, sites, mix, translation, threads), bars in the
#     hit-rate chart, hot blocks whose guest and host code are there, and
#     nothing fetched from outside the page.
# The guest is tests/guest/coremark_like.c: CPU-bound for as many
# iterations as it is told, most of them in list_sort, a real function at
# -O2 (the rest of the work is inlined into main), so the hot-block table
# must name it. Run once as is (hits not counted), once with --count-hits,
# dynamically linked, and with three more threads doing the same work (the
# per-thread table then has a row for each of the four, distinct tids).
# RVDBT as in tests/guest.sh, CHROMIUM to use another browser binary.
# Prints `ok CHECK` or `FAIL CHECK: why` and ends with
# `profile_html: N passed, M failed`; exits 1 if anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
G=$ROOT/build/tests/guest
TIMEOUT=${GUEST_TIMEOUT:-60}
PROG=$G/O2/coremark_like
ITERS=20000                     # about half a second under rvdbt
HOT=list_sort
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

NAME=profile-html
. "$ROOT/tests/lib_check.sh"
# Counts the `ok`/`FAIL` lines a checker prints, and shows them.
tally() {
    local line
    while IFS= read -r line; do
        case $line in
            "ok "*) pass "${line#ok }" ;;
            "FAIL "*) line=${line#FAIL }; fail "${line%%: *}" "${line#*: }" ;;
            *) fail "checker output" "$line" ;;
        esac
    done
}

# chromium NAME ARGS...: headless, as root too, with a profile and a home of
# its own so nothing outside $WORK is written; stderr to NAME.log.
chromium() {
    local name=$1
    shift
    HOME=$WORK/home-$name timeout -k 5 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$WORK/chromium-$name" "$@" 2> "$WORK/$name.log"
}

if ! make -s -C "$ROOT" "$PROG" "$G/dyn/coremark_like" > "$WORK/build.log" 2>&1; then
    fail build "$(grep -m1 -i error "$WORK/build.log")"
fi
if [[ ! -x $CHROMIUM ]]; then
    fail "chromium installed" "no $CHROMIUM: run scripts/deps.sh as root"
fi

# The PNG at $1 is WIDTHxHEIGHT ($2) with more than a few colours and no
# colour covering nearly all of it. Decodes 8-bit RGB(A) with zlib alone.
png_check() {
    python3 - "$@" << 'EOF'
import struct, sys, zlib
path, size = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit('not a PNG')
pos, idat, hdr = 8, [], None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        hdr = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT':
        idat.append(body)
    pos += 12 + n
w, h, depth, ctype = hdr[:4]
if '%dx%d' % (w, h) != size:
    sys.exit('%dx%d, not %s' % (w, h, size))
if depth != 8 or ctype not in (2, 6):
    sys.exit('bit depth %d colour type %d: not 8-bit RGB(A)' % (depth, ctype))
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(b''.join(idat))
stride = w * bpp
prev = bytearray(stride)
counts = {}
for y in range(h):
    f = raw[y * (stride + 1)]
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 1:
        for i in range(bpp, stride):
            row[i] = (row[i] + row[i - bpp]) & 255
    elif f == 2:
        row = bytearray((a + b) & 255 for a, b in zip(row, prev))
    elif f == 3:
        for i in range(stride):
            row[i] = (row[i] + ((row[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
    elif f == 4:
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 2):     # every other pixel is plenty
        px = bytes(row[x:x + 3])
        counts[px] = counts.get(px, 0) + 1
    prev = row
total = sum(counts.values())
top = max(counts.values())
if len(counts) < 16:
    sys.exit('only %d colours' % len(counts))
if top > 0.985 * total:
    sys.exit('one colour covers %.1f%% of it' % (100.0 * top / total))
EOF
}

# dom_check DOM HOT PROGRAM EXACT TAG THREADS: the parsed page's content;
# prints `ok`/`FAIL` lines. EXACT is 1 when the run counted hits, THREADS the
# number of guest threads that ran.
dom_check() {
    python3 - "$@" << 'EOF'
import html.parser, re, sys
path, hot, prog, exact, tag = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == '1', sys.argv[5]
nthreads = int(sys.argv[6])
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.kids = tag, dict(attrs), parent, []
        self.classes = (self.attrs.get('class') or '').split()
    def text(self):
        return ''.join(k if isinstance(k, str) else k.text() for k in self.kids)
    def all(self, tag=None, cls=None):
        for k in self.kids:
            if isinstance(k, Node):
                if (tag is None or k.tag == tag) and (cls is None or cls in k.classes):
                    yield k
                yield from k.all(tag, cls)

class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node('#root', [], None)
    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n
    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, attrs, self.cur))
    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent
    def handle_data(self, data):
        self.cur.kids.append(data)

def check(name, ok, why):
    print('ok %s %s' % (tag, name) if ok else 'FAIL %s %s: %s' % (tag, name, why))

t = Tree()
t.feed(open(path, encoding='utf-8').read())
ids = {n.attrs.get('id'): n for n in t.root.all() if n.attrs.get('id')}
sections = ['summary', 'hit-rates', 'hot-blocks', 'sites', 'mix', 'translation', 'threads']
missing = [s for s in sections if s not in ids]
check('sections', not missing, 'missing id ' + ', '.join(missing))
empty = Node('#none', [], None)
sec = {s: ids.get(s, empty) for s in sections}

check('summary names the program', prog in sec['summary'].text(), 'no "%s" in it' % prog)

bars = [r for svg in sec['hit-rates'].all('svg') for r in svg.all('rect', 'bar')]
check('hit-rates bars', len(bars) >= 5, '%d bars in its svg, want one per kind and the TLB' % len(bars))
words = ' '.join(x.text() for x in sec['hit-rates'].all('text'))
kinds = [k for k in ('load', 'store', 'jalr', 'return', 'TLB') if k not in words]
check('hit-rates kinds', not kinds, 'no bar labelled ' + ', '.join(kinds))
rates = len(re.findall(r'\d+(\.\d+)?% hit rate', words))
if exact:
    check('hit-rates percentages', rates >= 5, '%d bars say a hit rate, want 5: %s' % (rates, words[:200]))
else:
    check('hit-rates say hits not counted', 'not counted' in sec['hit-rates'].text(), words[:200])
    check('hit-rates only TLB has a rate', rates == 1, '%d hit rates without --count-hits' % rates)

rows = [r for r in sec['hot-blocks'].all('tr', 'block')]
check('hot-blocks rows', 1 <= len(rows) <= 30, '%d rows' % len(rows))
bad_pc = [r.attrs.get('data-pc') for r in rows if not re.fullmatch(r'0x[0-9a-f]+', r.attrs.get('data-pc') or '')]
check('hot-blocks data-pc', not bad_pc, 'bad data-pc %s' % bad_pc[:3])
syms = [' '.join(c.text() for c in r.all('td', 'sym')) for r in rows]
check('hot-blocks name ' + hot, any(re.match(re.escape(hot) + r'(\+0x[0-9a-f]+)?$', s.strip()) for s in syms),
      'symbols are %s' % syms[:8])
for kind in ('guest', 'host'):
    blank = [i + 1 for i, r in enumerate(rows) if not any(p.text().strip() for p in r.all('pre', kind))]
    check('hot-blocks %s code' % kind, rows and not blank,
          'empty <pre class="%s"> in rows %s' % (kind, blank[:5]) if rows else 'no rows')
hot_rows = [r for r, s in zip(rows, syms) if s.strip().startswith(hot)]
host = ''.join(p.text() for r in hot_rows for p in r.all('pre', 'host'))
check('hot-blocks host code is x86-64', re.search(r'\b(mov|add|jmp|cmp|lea)\b', host), host[:200])

sites = [r for r in sec['sites'].all('tbody') for r in r.all('tr')]
check('sites rows', sites, 'no site row')
mixbars = [r for svg in sec['mix'].all('svg') for r in svg.all('rect', 'bar')]
check('mix bars', len(mixbars) >= 5, '%d bars' % len(mixbars))
check('mix compressed share', 'compressed' in sec['mix'].text(), sec['mix'].text()[:200])
line = [n for svg in sec['translation'].all('svg') for n in svg.all() if n.tag in ('polyline', 'circle')]
check('translation chart', line, 'no line or point in its svg')
labels = ' '.join(x.text() for x in sec['translation'].all('text'))
check('translation axes', 'seconds' in labels and 'instructions' in labels, labels[:200])
threads = [r for b in sec['threads'].all('tbody') for r in b.all('tr')]
tids = [next(r.all('td')).text().strip() for r in threads if any(True for _ in r.all('td'))]
check('threads rows', len(tids) == nthreads and all(re.fullmatch(r'\d+', t) for t in tids)
      and len(set(tids)) == nthreads, 'tids %s, want %d distinct' % (tids[:8], nthreads))
heads = ' '.join(h.text() for h in sec['threads'].all('th'))
check('threads hits columns', ('load hits' in heads) == exact, heads)

outside = [n.tag for n in t.root.all() if n.tag == 'link' or (n.tag == 'script' and 'src' in n.attrs)]
outside += ['%s %s=%s' % (n.tag, a, v) for n in t.root.all() for a, v in n.attrs.items()
            if a in ('src', 'href', 'srcset', 'xlink:href', 'action') and v and not v.startswith('#')]
styles = ''.join(n.text() for n in t.root.all('style')) + ''.join(n.attrs.get('style') or '' for n in t.root.all())
outside += re.findall(r'url\([^)]*\)|@import[^;]*', styles)
check('nothing from outside', not outside, ' '.join(outside[:5]))
EOF
}

# page NAME RVDBT-OPTIONS...: profile the guest, then check the page.
page() {
    local name=$1 exact=0 out=$WORK/$1.html threads=${THREADS:-0}
    shift
    [[ " $* " == *" --count-hits "* ]] && exact=1
    (cd "$WORK" && exec timeout -k 5 "$TIMEOUT" "${RVDBT_CMD[@]}" "$@" --profile-html "$out" "$PROG" "$ITERS" "$threads" \
        > "$WORK/$name.out" 2> "$WORK/$name.err")
    local st=$?
    check "$name runs" "status $st: $(head -c 300 "$WORK/$name.err")" test "$st" = 0
    check "$name output" "$(head -c 200 "$WORK/$name.out")" \
        grep -q "^coremark-like: $ITERS iterations" "$WORK/$name.out"
    if [[ ! -s $out ]]; then
        fail "$name page" "no page written"
        return
    fi
    pass "$name page"
    local why
    why=$(python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$out" 2>&1 | tail -1)
    check "$name page is UTF-8" "$why" test -z "$why"

    chromium "$name-shot" --screenshot="$WORK/$name.png" --window-size=1400,2000 "file://$out" > /dev/null
    st=$?
    if [[ ! -s $WORK/$name.png ]]; then
        fail "$name screenshot" "chromium status $st: $(grep -v -e dbus -e 'unexpected operator' \
            "$WORK/$name-shot.log" | head -3 | tr '\n' ' ')"
    elif why=$(png_check "$WORK/$name.png" 1400x2000 2>&1); then
        pass "$name screenshot"
    else
        fail "$name screenshot" "$why"
    fi

    chromium "$name-dom" --dump-dom "file://$out" > "$WORK/$name.dom"
    st=$?
    if (( st != 0 )) || ! grep -q '</html>' "$WORK/$name.dom"; then
        fail "$name dom" "chromium status $st: $(grep -v -e dbus -e 'unexpected operator' \
            "$WORK/$name-dom.log" | head -3 | tr '\n' ' ')"
        return
    fi
    pass "$name dom"
    tally < <(dom_check "$WORK/$name.dom" "$HOT" "$(basename "$PROG")" "$exact" "$name" $((threads + 1)) 2>&1)
}

page plain
page exact --count-hits
# the dynamically linked build: its blocks in libc and the loader as well
PROG=$G/dyn/coremark_like page dyn
THREADS=3 ITERS=5000 page threads

echo "profile_html: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
