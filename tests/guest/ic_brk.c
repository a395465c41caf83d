/* The program break moves both ways under the inline caches: the same sites
 * write and read memory obtained with sbrk, which then shrinks (sbrk with a
 * negative increment) and grows again. With the argument "past", a load just
 * past the shrunk break follows: Linux has unmapped that page, so the guest
 * dies of SIGSEGV (status 139). qemu-riscv64 keeps pages given back by brk
 * mapped, so that case is checked against the native build (tests/ic_stats.sh)
 * rather than qemu. Only sizes and checksums are printed, never addresses. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

static __attribute__((noinline)) void fill(volatile uint64_t *p, size_t n, uint64_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = seed + i * i;
}

static __attribute__((noinline)) uint64_t sum(const volatile uint64_t *p, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

static uint64_t expect(size_t n, uint64_t seed)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += seed + i * i;
    return s;
}

int main(int argc, char **argv)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    printf("start\n");              /* stdio's buffer is allocated before the games below */

    /* A page-aligned break, so that "just past the break" is a fresh page. */
    uintptr_t cur = (uintptr_t)sbrk(0);
    CHECK(sbrk((intptr_t)((pg - cur % pg) % pg)) != (void *)-1);
    char *base = sbrk(0);
    CHECK((uintptr_t)base % pg == 0);

    static const int pages[] = { 4, 16, 1, 64, 8, 2, 32 };
    for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
        size_t len = (size_t)pages[k] * pg, n = len / 8;
        CHECK(sbrk((intptr_t)len) == base);
        fill((uint64_t *)base, n, k);
        CHECK(sum((uint64_t *)base, n) == expect(n, k));
        /* Shrink by half and use what is left through the same sites. */
        CHECK(sbrk(-(intptr_t)(len / 2)) == base + len);
        CHECK(sbrk(0) == base + len / 2);
        fill((uint64_t *)base, n / 2, k + 100);
        CHECK(sum((uint64_t *)base, n / 2) == expect(n / 2, k + 100));
        CHECK(sbrk(-(intptr_t)(len / 2)) == base + len / 2);
        CHECK(sbrk(0) == base);
        printf("%2d pages: grown, halved, given back\n", pages[k]);
    }

    /* Grow again: the pages come back zeroed. */
    CHECK(sbrk((intptr_t)(3 * pg)) == base);
    CHECK(sum((uint64_t *)base, 3 * pg / 8) == 0);
    fill((uint64_t *)base, 3 * pg / 8, 7);
    CHECK(sbrk(-(intptr_t)(2 * pg)) == base + 3 * pg);
    CHECK(sum((uint64_t *)base, pg / 8) == expect(pg / 8, 7));
    printf("kept one page: ok=%d\n", !guest_failed);
    if (argc < 2 || strcmp(argv[1], "past") != 0)
        return guest_done();
    printf("loading just past the shrunk break must fault\n");
    fflush(stdout);
    uint64_t s = sum((uint64_t *)(base + pg), 1);
    printf("NOT REACHED: %llu from past the break\n", (unsigned long long)s);
    return 1;
}
