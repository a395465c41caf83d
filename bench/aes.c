/* AES-128 with the usual 32-bit tables (four lookups and XORs per column
 * and round), encrypting a buffer in CBC mode pass after pass. The S-box
 * and tables are derived at start from GF(2^8) arithmetic. Check: FIPS-197's
 * example (appendix C.1), the only check of the cipher that does not use
 * the cipher itself; and each pass decrypted again by the inverse cipher
 * written byte by byte from the standard (InvShiftRows, InvSubBytes,
 * InvMixColumns), which must give back the plaintext. */
#include "bench.h"

static uint8_t sbox[256], inv_sbox[256];
static uint32_t te[4][256];

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    while (b) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)(a << 1) ^ (a & 0x80 ? 0x1b : 0);
        b >>= 1;
    }
    return p;
}

static inline uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void aes_tables(void)
{
    for (int x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (int y = 1; y < 256 && x; y++)
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1)
                inv = (uint8_t)y;
        /* the affine map: b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ 0x63 */
        uint8_t s = inv;
        for (int k = 1; k <= 4; k++)
            s ^= (uint8_t)(inv << k | inv >> (8 - k));
        sbox[x] = s ^ 0x63;
        inv_sbox[sbox[x]] = (uint8_t)x;
    }
    for (int x = 0; x < 256; x++) {
        uint8_t s = sbox[x];
        uint32_t w = (uint32_t)gf_mul(s, 2) << 24 | (uint32_t)s << 16 | (uint32_t)s << 8 | gf_mul(s, 3);
        for (int t = 0; t < 4; t++)
            te[t][x] = ror32(w, 8 * t);
    }
}

static uint32_t sub_word(uint32_t w)
{
    return (uint32_t)sbox[w >> 24] << 24 | (uint32_t)sbox[w >> 16 & 0xff] << 16
         | (uint32_t)sbox[w >> 8 & 0xff] << 8 | sbox[w & 0xff];
}

static void key_expand(const uint8_t key[16], uint32_t rk[44])
{
    for (int i = 0; i < 4; i++)
        rk[i] = (uint32_t)key[4 * i] << 24 | (uint32_t)key[4 * i + 1] << 16
              | (uint32_t)key[4 * i + 2] << 8 | key[4 * i + 3];
    uint8_t rcon = 1;
    for (int i = 4; i < 44; i++) {
        uint32_t t = rk[i - 1];
        if (i % 4 == 0) {
            t = sub_word(ror32(t, 24)) ^ (uint32_t)rcon << 24;
            rcon = gf_mul(rcon, 2);
        }
        rk[i] = rk[i - 4] ^ t;
    }
}

static uint32_t load_be(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void store_be(uint8_t *p, uint32_t w)
{
    p[0] = (uint8_t)(w >> 24);
    p[1] = (uint8_t)(w >> 16);
    p[2] = (uint8_t)(w >> 8);
    p[3] = (uint8_t)w;
}

static void encrypt_block(const uint32_t rk[44], const uint8_t in[16], uint8_t out[16])
{
    uint32_t s[4], t[4];
    for (int c = 0; c < 4; c++)
        s[c] = load_be(in + 4 * c) ^ rk[c];
    for (int r = 1; r < 10; r++) {
        for (int c = 0; c < 4; c++)
            t[c] = te[0][s[c] >> 24] ^ te[1][s[(c + 1) % 4] >> 16 & 0xff]
                 ^ te[2][s[(c + 2) % 4] >> 8 & 0xff] ^ te[3][s[(c + 3) % 4] & 0xff] ^ rk[4 * r + c];
        memcpy(s, t, sizeof s);
    }
    for (int c = 0; c < 4; c++)
        store_be(out + 4 * c, ((uint32_t)sbox[s[c] >> 24] << 24 | (uint32_t)sbox[s[(c + 1) % 4] >> 16 & 0xff] << 16
                               | (uint32_t)sbox[s[(c + 2) % 4] >> 8 & 0xff] << 8 | sbox[s[(c + 3) % 4] & 0xff])
                              ^ rk[40 + c]);
}

/* The inverse cipher of FIPS-197 5.3, on the state as bytes st[4c + r]. */
static void decrypt_block(const uint32_t rk[44], const uint8_t in[16], uint8_t out[16])
{
    uint8_t st[16], tmp[16];
    for (int c = 0; c < 4; c++)
        store_be(st + 4 * c, load_be(in + 4 * c) ^ rk[40 + c]);
    for (int round = 9; round >= 0; round--) {
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                tmp[4 * c + r] = inv_sbox[st[4 * ((c + 4 - r) % 4) + r]];
        for (int c = 0; c < 4; c++)
            store_be(st + 4 * c, load_be(tmp + 4 * c) ^ rk[4 * round + c]);
        if (!round)
            break;
        for (int c = 0; c < 4; c++) {
            uint8_t *a = st + 4 * c, b[4];
            for (int r = 0; r < 4; r++)
                b[r] = gf_mul(a[r], 14) ^ gf_mul(a[(r + 1) % 4], 11) ^ gf_mul(a[(r + 2) % 4], 13)
                     ^ gf_mul(a[(r + 3) % 4], 9);
            memcpy(a, b, 4);
        }
    }
    memcpy(out, st, 16);
}

static uint64_t aes_run(long scale)
{
    aes_tables();
    uint8_t key[16], block[16], ct[16];
    uint32_t rk[44];
    static const uint8_t fips_ct[16] = {
        0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
    };
    for (int i = 0; i < 16; i++) {
        key[i] = (uint8_t)i;
        block[i] = (uint8_t)(i * 0x11);
    }
    key_expand(key, rk);
    encrypt_block(rk, block, ct);
    if (memcmp(ct, fips_ct, 16))
        bench_fail("the FIPS-197 C.1 example does not encrypt to its ciphertext");
    enum { LEN = 1 << 14 };
    static uint8_t plain[LEN], cipher[LEN], back[LEN];
    uint64_t seed = 23, h = 0;
    for (int i = 0; i < LEN; i++)
        plain[i] = (uint8_t)bench_rand(&seed);
    for (long pass = 0; pass < 4 * scale; pass++) {
        for (int i = 0; i < 16; i++)
            key[i] = (uint8_t)bench_rand(&seed);
        key_expand(key, rk);
        uint8_t iv[16] = { 0 }, x[16];
        for (int b = 0; b < LEN; b += 16) {
            for (int i = 0; i < 16; i++)
                x[i] = plain[b + i] ^ iv[i];
            encrypt_block(rk, x, cipher + b);
            memcpy(iv, cipher + b, 16);
        }
        if (pass % 32 == 0) {
            for (int b = LEN - 16; b >= 0; b -= 16) {
                decrypt_block(rk, cipher + b, back + b);
                for (int i = 0; i < 16; i++)
                    back[b + i] ^= b ? cipher[b - 16 + i] : 0;
            }
            if (memcmp(back, plain, LEN))
                bench_fail("pass %ld: decryption does not give the plaintext back", pass);
        }
        uint64_t v;
        memcpy(&v, cipher + LEN - 8, 8);
        h = bench_mix(h, v);
        /* the next pass encrypts this one's ciphertext */
        memcpy(plain, cipher, LEN);
    }
    return h;
}

BENCH_MAIN(aes, 290)
