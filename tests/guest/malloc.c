/* The heap: many sizes from 1 byte to 8 MiB, so glibc grows the brk heap for
 * small blocks and maps separate regions (mmap) for blocks above 128 KiB;
 * realloc keeps contents (and uses mremap for mapped blocks); freed memory is
 * reused. Only sizes and checksums are printed, never addresses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

static void fill(unsigned char *p, size_t n, unsigned tag)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + tag);
}

static int intact(const unsigned char *p, size_t n, unsigned tag)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 7 + tag))
            return 0;
    return 1;
}

#define NBLK 600

int main(void)
{
    static unsigned char *blk[NBLK];
    static size_t len[NBLK];
    uint32_t seed = 99;
    size_t total = 0;

    for (int i = 0; i < NBLK; i++) {
        seed = seed * 1664525u + 1013904223u;
        /* mostly small, every 50th block big enough to be mmapped */
        len[i] = i % 50 == 49 ? (size_t)(seed % (4u << 20)) + (256u << 10) : 1 + seed % 3000;
        blk[i] = malloc(len[i]);
        CHECK(blk[i] != NULL);
        fill(blk[i], len[i], (unsigned)i);
        total += len[i];
    }
    printf("allocated %d blocks, %zu bytes\n", NBLK, total);

    int bad = 0;
    for (int i = 0; i < NBLK; i++)
        bad += !intact(blk[i], len[i], (unsigned)i);
    printf("intact after all allocations: %d bad\n", bad);
    CHECK(bad == 0);

    for (int i = 0; i < NBLK; i += 2) {
        free(blk[i]);
        blk[i] = NULL;
    }
    /* grow and shrink the rest; contents up to the smaller size survive */
    bad = 0;
    for (int i = 1; i < NBLK; i += 2) {
        size_t keep = len[i];
        size_t n = i % 3 == 0 ? len[i] / 3 + 1 : len[i] * 3 + 100;
        if (i % 50 == 49)
            n = len[i] + (1u << 20);
        unsigned char *q = realloc(blk[i], n);
        CHECK(q != NULL);
        if (n < keep)
            keep = n;
        bad += !intact(q, keep, (unsigned)i);
        blk[i] = q;
        len[i] = n;
        fill(q, n, (unsigned)i + 1);
    }
    printf("realloc kept contents: %d bad\n", bad);
    CHECK(bad == 0);

    /* refill the freed slots: reuse of free chunks must not corrupt others */
    for (int i = 0; i < NBLK; i += 2) {
        len[i] = 1 + (size_t)i * 13 % 5000;
        blk[i] = malloc(len[i]);
        fill(blk[i], len[i], (unsigned)i + 1);
    }
    bad = 0;
    for (int i = 0; i < NBLK; i++)
        bad += !intact(blk[i], len[i], (unsigned)i + 1);
    printf("intact after reuse: %d bad\n", bad);
    CHECK(bad == 0);
    for (int i = 0; i < NBLK; i++)
        free(blk[i]);

    size_t zeros = 0;
    for (size_t n = 1; n <= (8u << 20); n *= 4) {
        unsigned char *z = calloc(n, 1);
        CHECK(z != NULL);
        size_t nz = 0;
        for (size_t i = 0; i < n; i++)
            nz += z[i] == 0;
        zeros += nz;
        CHECK(nz == n);
        memset(z, 0xab, n);
        free(z);
    }
    printf("calloc zeroed %zu bytes\n", zeros);

    /* the brk moves by exactly what was asked */
    char *b0 = sbrk(0);
    CHECK(sbrk(8192) == b0);
    char *b1 = sbrk(0);
    printf("sbrk grew by %ld\n", (long)(b1 - b0));
    CHECK(b1 - b0 == 8192);
    memset(b0, 0x5a, 8192);
    CHECK(sbrk(-8192) == b1);
    CHECK(sbrk(0) == b0);

    /* anonymous mappings are zero, writable, and can be shrunk from the middle */
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, 16 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    CHECK(m[0] == 0 && m[16 * pg - 1] == 0);
    memset(m, 1, 16 * pg);
    CHECK(munmap(m + 4 * pg, 4 * pg) == 0);
    CHECK(mprotect(m, 4 * pg, PROT_READ) == 0);
    CHECK(m[4 * pg - 1] == 1 && m[8 * pg] == 1);
    CHECK(munmap(m, 16 * pg) == 0);
    printf("mmap/munmap/mprotect done\n");
    return guest_done();
}
