/* The same load and store sites walk memory in every kind of region in
 * turn: static data, bss, the brk heap (malloc and sbrk), anonymous mmap, a
 * large malloc (glibc maps it), the stack, and two adjacent mappings with
 * different permissions that a single slot may cover. Each site's inline-cache
 * slot keeps being refilled for another region; accesses of 1, 2, 4 and 8
 * bytes at odd offsets also straddle page boundaries. Only checksums are
 * printed, never addresses. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

#define N 12000                     /* bytes walked per region: three pages */

static unsigned char data_buf[N] = { 1, 2, 3 };   /* .data */
static unsigned char bss_buf[N];                  /* .bss */

/* One store site and one load site per access size: noinline, so every
 * region goes through the same instructions. The accesses are deliberately
 * misaligned (odd strides and offsets), through volatile so that gcc emits one
 * sd/ld rather than bytes: Linux on riscv64 allows misaligned accesses, qemu
 * and rvdbt perform them, and they are what straddles page boundaries. */
#define WALKERS(T)                                                             \
    static __attribute__((noinline)) void put_##T(unsigned char *p, size_t n,  \
                                                  uint64_t seed)               \
    {                                                                          \
        for (size_t i = 0; i + sizeof(T) <= n; i += sizeof(T) + 1) {           \
            *(volatile T *)(p + i) = (T)(seed * 0x9e3779b97f4a7c15ull + i);    \
        }                                                                      \
    }                                                                          \
    static __attribute__((noinline)) uint64_t sum_##T(const unsigned char *p,  \
                                                      size_t n)                \
    {                                                                          \
        uint64_t s = 0;                                                        \
        for (size_t i = 0; i + sizeof(T) <= n; i += sizeof(T) + 1) {           \
            s = s * 31 + *(const volatile T *)(p + i);                         \
        }                                                                      \
        return s;                                                              \
    }
WALKERS(uint8_t)
WALKERS(uint16_t)
WALKERS(uint32_t)
WALKERS(uint64_t)

/* The same sums, computed apart from the walkers' sites: what they must see. */
static uint64_t expect(size_t width, size_t n, uint64_t seed)
{
    uint64_t s = 0;
    for (size_t i = 0; i + width <= n; i += width + 1) {
        uint64_t v = seed * 0x9e3779b97f4a7c15ull + i;
        if (width < 8)
            v &= (1ull << (8 * width)) - 1;
        s = s * 31 + v;
    }
    return s;
}

static uint64_t walk(unsigned char *p, size_t n, uint64_t seed)
{
    uint64_t all = 0;
    put_uint8_t(p, n, seed);
    uint64_t s8 = sum_uint8_t(p, n);
    put_uint16_t(p + 1, n - 1, seed + 1);
    uint64_t s16 = sum_uint16_t(p + 1, n - 1);
    put_uint32_t(p + 3, n - 3, seed + 2);
    uint64_t s32 = sum_uint32_t(p + 3, n - 3);
    put_uint64_t(p + 5, n - 5, seed + 3);
    uint64_t s64 = sum_uint64_t(p + 5, n - 5);
    CHECK(s8 == expect(1, n, seed));
    CHECK(s16 == expect(2, n - 1, seed + 1));
    CHECK(s32 == expect(4, n - 3, seed + 2));
    CHECK(s64 == expect(8, n - 5, seed + 3));
    all = s8 ^ (s16 << 1) ^ (s32 << 2) ^ (s64 << 3);
    return all;
}

/* A stack buffer in a frame of its own, walked from there. */
static __attribute__((noinline)) uint64_t walk_stack(uint64_t seed)
{
    unsigned char buf[N];
    return walk(buf, N, seed);
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *heap = malloc(N);                  /* small: the brk heap */
    unsigned char *big = malloc(1 << 20);             /* large: glibc mmaps it */
    unsigned char *brk_mem = sbrk(N);
    unsigned char *anon = mmap(NULL, N, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /* Two adjacent mappings: the second page gets PROT_EXEC too, so they are
     * separate regions that both allow loads and stores. */
    unsigned char *pair = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(heap && big && brk_mem != (void *)-1 && anon != MAP_FAILED && pair != MAP_FAILED);
    if (guest_failed)
        return guest_done();
    CHECK(mprotect(pair + pg, pg, PROT_READ | PROT_WRITE | PROT_EXEC) == 0);

    struct { const char *name; unsigned char *p; size_t n; } regions[] = {
        { "data", data_buf, N }, { "bss", bss_buf, N }, { "malloc", heap, N },
        { "malloc-big", big + 12345, N }, { "sbrk", brk_mem, N }, { "mmap", anon, N },
        { "pair", pair + pg - 64, 128 },
    };
    enum { NREG = sizeof regions / sizeof regions[0] };
    uint64_t per[NREG + 1] = { 0 };
    /* Round-robin, so each site's slot is refilled for another region on
     * nearly every call. */
    for (int round = 0; round < 6; round++) {
        for (int r = 0; r < NREG; r++)
            per[r] ^= walk(regions[r].p, regions[r].n, (uint64_t)(round * 16 + r));
        per[NREG] ^= walk_stack((uint64_t)round * 16 + NREG);
    }
    for (int r = 0; r < NREG; r++)
        printf("%-10s %016llx\n", regions[r].name, (unsigned long long)per[r]);
    printf("%-10s %016llx\n", "stack", (unsigned long long)per[NREG]);

    /* Each region kept the last round's bytes: re-read them through the
     * load sites after all the others were written. */
    for (int r = 0; r < NREG; r++)
        CHECK(sum_uint64_t(regions[r].p + 5, regions[r].n - 5) == expect(8, regions[r].n - 5, 5 * 16 + r + 3));

    /* A page boundary crossed at every offset by 8-byte accesses. */
    uint64_t cross = 0;
    for (int off = -15; off <= 7; off++) {
        put_uint64_t(pair + pg + off, 8, (uint64_t)(off + 100));
        cross = cross * 131 + sum_uint64_t(pair + pg + off, 8);
        CHECK(sum_uint64_t(pair + pg + off, 8) == expect(8, 8, (uint64_t)(off + 100)));
    }
    printf("cross      %016llx\n", (unsigned long long)cross);
    return guest_done();
}
