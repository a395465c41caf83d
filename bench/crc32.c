/* CRC32 (the reflected 0xedb88320 polynomial of zlib and Ethernet), table
 * driven, one byte at a time, over a buffer changed a little between
 * passes. Check: one pass redone bit by bit, and CRC's linearity:
 * crc(a ^ b) ^ crc(0) == crc(a) ^ crc(b) for equal lengths. */
#include "bench.h"

static uint32_t crc_table[256];

/* Eight steps of the CRC register, one per bit. */
static uint32_t crc_shift8(uint32_t c)
{
    for (int k = 0; k < 8; k++)
        c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    return c;
}

static uint32_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_shift8(c ^ p[i]);
    return ~c;
}

static uint32_t crc_tabled(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint64_t crc32_run(long scale)
{
    enum { LEN = 1 << 16 };
    static uint8_t buf[LEN], other[LEN], both[LEN], zero[LEN];
    for (uint32_t i = 0; i < 256; i++)
        crc_table[i] = crc_shift8(i);
    uint64_t seed = 3;
    for (size_t i = 0; i < LEN; i++) {
        uint64_t r = bench_rand(&seed);
        buf[i] = (uint8_t)r;
        other[i] = (uint8_t)(r >> 8);
        both[i] = buf[i] ^ other[i];
    }
    uint32_t lin = crc_tabled(buf, LEN) ^ crc_tabled(other, LEN);
    if (lin != (crc_tabled(both, LEN) ^ crc_tabled(zero, LEN)))
        bench_fail("crc(a) ^ crc(b) != crc(a ^ b) ^ crc(0)");
    uint64_t h = 0;
    long passes = 8 * scale;
    for (long pass = 0; pass < passes; pass++) {
        buf[(size_t)pass * 7919 % LEN] ^= (uint8_t)pass;
        uint32_t c = crc_tabled(buf, LEN);
        if (pass == passes / 2 && c != crc_bitwise(buf, LEN))
            bench_fail("pass %ld: table-driven %08x, bitwise %08x", pass, c, crc_bitwise(buf, LEN));
        h = bench_mix(h, c);
    }
    return h;
}

BENCH_MAIN(crc32, 200)
