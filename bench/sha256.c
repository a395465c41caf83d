/* SHA-256 (FIPS 180-4) of a 64 KiB buffer, again and again, each digest
 * written into the buffer before the next pass. Check: the digest of "abc"
 * against FIPS 180-2's example (B.1), the only check of the compression
 * function that does not use the compression function itself; and each
 * pass's buffer hashed a second time, fed in pieces of pseudo-random
 * length, which must give the same digest. */
#include "bench.h"

struct sha256 { uint32_t h[8]; uint8_t block[64]; size_t fill; uint64_t bytes; };

static uint32_t round_k[64];

static inline uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/* K[i] is the first 32 bits of the fractional part of the cube root of the
 * i-th prime; the initial H, of the square roots of the first eight.
 * Computed rather than listed: integer roots of (p << 96) and (p << 64). */
static uint64_t iroot(unsigned __int128 v, int k)
{
    uint64_t lo = 0, hi = (uint64_t)1 << 40;   /* the roots used are below 2^36 */
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo + 1) / 2;
        unsigned __int128 p = (unsigned __int128)mid * mid;
        if (k == 3)
            p *= mid;
        if (p <= v)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static void primes(uint32_t *p, int n)
{
    for (uint32_t c = 2, k = 0; k < (uint32_t)n; c++) {
        uint32_t d = 2;
        while (d * d <= c && c % d)
            d++;
        if (d * d > c)
            p[k++] = c;
    }
}

static void sha_init(struct sha256 *s)
{
    uint32_t p[8];
    primes(p, 8);
    for (int i = 0; i < 8; i++)
        s->h[i] = (uint32_t)iroot((unsigned __int128)p[i] << 64, 2);
    s->fill = 0;
    s->bytes = 0;
}

static void sha_compress(uint32_t h[8], const uint8_t *blk)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)blk[4 * i] << 24 | (uint32_t)blk[4 * i + 1] << 16
             | (uint32_t)blk[4 * i + 2] << 8 | blk[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + round_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha_update(struct sha256 *s, const uint8_t *p, size_t n)
{
    s->bytes += n;
    if (s->fill) {
        size_t take = 64 - s->fill < n ? 64 - s->fill : n;
        memcpy(s->block + s->fill, p, take);
        s->fill += take;
        p += take;
        n -= take;
        if (s->fill < 64)
            return;
        sha_compress(s->h, s->block);
        s->fill = 0;
    }
    for (; n >= 64; p += 64, n -= 64)
        sha_compress(s->h, p);
    memcpy(s->block, p, n);
    s->fill = n;
}

static void sha_final(struct sha256 *s, uint8_t out[32])
{
    uint64_t bits = s->bytes * 8;
    uint8_t pad[72] = { 0x80 };
    size_t padlen = (s->fill < 56 ? 56 : 120) - s->fill;
    for (int i = 0; i < 8; i++)
        pad[padlen + i] = (uint8_t)(bits >> (56 - 8 * i));
    sha_update(s, pad, padlen + 8);
    for (int i = 0; i < 32; i++)
        out[i] = (uint8_t)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

static void sha_oneshot(const uint8_t *p, size_t n, uint8_t out[32])
{
    struct sha256 s;
    sha_init(&s);
    sha_update(&s, p, n);
    sha_final(&s, out);
}

static uint64_t sha256_run(long scale)
{
    uint32_t p[64];
    primes(p, 64);
    for (int i = 0; i < 64; i++)
        round_k[i] = (uint32_t)iroot((unsigned __int128)p[i] << 96, 3);
    static const uint8_t abc_digest[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
        0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
    };
    uint8_t d[32], d2[32];
    sha_oneshot((const uint8_t *)"abc", 3, d);
    if (memcmp(d, abc_digest, 32))
        bench_fail("SHA-256(\"abc\") is not FIPS 180-2's digest");
    enum { LEN = 1 << 16 };
    static uint8_t buf[LEN];
    uint64_t seed = 19, h = 0;
    for (size_t i = 0; i < LEN; i++)
        buf[i] = (uint8_t)bench_rand(&seed);
    long passes = 2 * scale;
    for (long pass = 0; pass < passes; pass++) {
        /* one byte short of LEN, so that the final block is a partial one */
        size_t n = LEN - 1 - (size_t)pass % 64;
        sha_oneshot(buf, n, d);
        if (pass % 16 == 0) {
            struct sha256 s;
            sha_init(&s);
            for (size_t at = 0; at < n;) {
                size_t piece = 1 + bench_rand(&seed) % 200;
                piece = piece < n - at ? piece : n - at;
                sha_update(&s, buf + at, piece);
                at += piece;
            }
            sha_final(&s, d2);
            if (memcmp(d, d2, 32))
                bench_fail("pass %ld: the digest differs when the data comes in pieces", pass);
        }
        memcpy(buf + (size_t)pass * 32 % (LEN - 32), d, 32);
        uint64_t v;
        memcpy(&v, d, 8);
        h = bench_mix(h, v);
    }
    return h;
}

BENCH_MAIN(sha256, 430)
