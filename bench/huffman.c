/* Huffman coding: symbol counts of a skewed pseudo-random byte stream, a
 * code built from them (two-queue merge over the sorted leaves), canonical
 * codes, the stream encoded into a bit buffer and decoded again through a
 * table of first codes per length. Check: the decoded bytes are the input,
 * the encoded length is the sum of count times code length, and the code
 * lengths satisfy Kraft's equality. */
#include "bench.h"

enum { NSYM = 256, MAXLEN = 32 };

struct code { uint32_t bits; uint8_t len; };

/* Code lengths from counts; every symbol with a count gets a code. */
static void code_lengths(const uint64_t *count, uint8_t *len)
{
    uint64_t weight[2 * NSYM];
    int parent[2 * NSYM], leaves[NSYM], nleaf = 0;
    for (int s = 0; s < NSYM; s++)
        if (count[s])
            leaves[nleaf++] = s;
    memset(len, 0, NSYM);
    if (nleaf == 1) {
        len[leaves[0]] = 1;
        return;
    }
    /* sort the leaves by count (insertion sort: 256 of them at most) */
    for (int i = 1; i < nleaf; i++) {
        int v = leaves[i], j = i;
        for (; j > 0 && count[leaves[j - 1]] > count[v]; j--)
            leaves[j] = leaves[j - 1];
        leaves[j] = v;
    }
    for (int i = 0; i < nleaf; i++)
        weight[i] = count[leaves[i]];
    /* internal nodes are made in order of weight: a second queue */
    int li = 0, ni = nleaf, nnode = nleaf;
    while (nnode < 2 * nleaf - 1) {
        int pick[2];
        for (int k = 0; k < 2; k++)
            pick[k] = li < nleaf && (ni >= nnode || weight[li] <= weight[ni]) ? li++ : ni++;
        weight[nnode] = weight[pick[0]] + weight[pick[1]];
        parent[pick[0]] = parent[pick[1]] = nnode;
        nnode++;
    }
    int depth[2 * NSYM];
    depth[nnode - 1] = 0;
    for (int i = nnode - 2; i >= 0; i--)
        depth[i] = depth[parent[i]] + 1;
    for (int i = 0; i < nleaf; i++)
        len[leaves[i]] = (uint8_t)depth[i];
}

struct decoder { uint32_t first[MAXLEN + 1]; int start[MAXLEN + 1], nlen[MAXLEN + 1]; uint8_t sym[NSYM]; };

/* Canonical codes: by length, then by symbol. */
static void canonical(const uint8_t *len, struct code *codes, struct decoder *d)
{
    memset(d, 0, sizeof *d);
    for (int s = 0; s < NSYM; s++)
        d->nlen[len[s]]++;
    d->nlen[0] = 0;
    uint32_t code = 0;
    int k = 0;
    for (int l = 1; l <= MAXLEN; l++) {
        d->first[l] = code;
        d->start[l] = k;
        for (int s = 0; s < NSYM; s++)
            if (len[s] == l) {
                codes[s].bits = code++;
                codes[s].len = (uint8_t)l;
                d->sym[k++] = (uint8_t)s;
            }
        code <<= 1;
    }
}

static uint64_t huffman_run(long scale)
{
    size_t n = 1 << 16;
    uint8_t *in = bench_alloc(n), *out = bench_alloc(n);
    uint8_t *bits = bench_alloc(n * MAXLEN / 8 + 8);
    uint64_t seed = 29, h = 0;
    for (long pass = 0; pass < scale; pass++) {
        /* skewed: the minimum of a few draws, a different skew each pass */
        int draws = 1 + (int)(pass % 4);
        for (size_t i = 0; i < n; i++) {
            uint64_t r = bench_rand(&seed), m = r & 0xff;
            for (int k = 1; k < draws; k++)
                m = (r >> (8 * k) & 0xff) < m ? r >> (8 * k) & 0xff : m;
            in[i] = (uint8_t)m;
        }
        uint64_t count[NSYM] = { 0 };
        for (size_t i = 0; i < n; i++)
            count[in[i]]++;
        uint8_t len[NSYM];
        code_lengths(count, len);
        struct code codes[NSYM];
        struct decoder dec;
        canonical(len, codes, &dec);
        /* Kraft: sum of 2^-len over the used symbols is exactly 1 */
        uint64_t kraft = 0, want_bits = 0;
        for (int s = 0; s < NSYM; s++)
            if (len[s]) {
                if (len[s] > MAXLEN)
                    bench_fail("code of %d bits for symbol %d", len[s], s);
                kraft += (uint64_t)1 << (MAXLEN - len[s]);
                want_bits += count[s] * len[s];
            }
        if (kraft != (uint64_t)1 << MAXLEN)
            bench_fail("pass %ld: code lengths break Kraft's equality", pass);
        memset(bits, 0, n * MAXLEN / 8 + 8);
        uint64_t nbits = 0;
        for (size_t i = 0; i < n; i++) {
            struct code c = codes[in[i]];
            for (int b = c.len - 1; b >= 0; b--, nbits++)
                bits[nbits >> 3] |= (uint8_t)((c.bits >> b & 1) << (7 - (nbits & 7)));
        }
        if (nbits != want_bits)
            bench_fail("pass %ld: %llu bits written, the counts say %llu", pass,
                       (unsigned long long)nbits, (unsigned long long)want_bits);
        uint64_t at = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t code = 0;
            for (int l = 1;; l++) {
                code = code << 1 | (bits[at >> 3] >> (7 - (at & 7)) & 1);
                at++;
                if (l > MAXLEN)
                    bench_fail("pass %ld: no code matches at bit %llu", pass, (unsigned long long)at);
                if (code - dec.first[l] < (uint32_t)dec.nlen[l]) {
                    out[i] = dec.sym[dec.start[l] + (int)(code - dec.first[l])];
                    break;
                }
            }
        }
        if (memcmp(in, out, n))
            bench_fail("pass %ld: the decoded bytes differ from the input", pass);
        h = bench_mix(h, nbits);
    }
    free(in);
    free(out);
    free(bits);
    return h;
}

BENCH_MAIN(huffman, 135)
