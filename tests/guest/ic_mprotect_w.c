/* mprotect must reach the inline caches: a hot loop's load and store sites
 * get slots over a page; after mprotect(PROT_READ) the same loads still work
 * but the same store must fault, even though its slot once covered the page.
 * Along the way the page goes back to read-write and works again. Expected:
 * killed by SIGSEGV (status 139), after the lines printed before. */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

#define WORDS 512                   /* one 4 KiB page of 8-byte words */

static __attribute__((noinline)) void bump(volatile uint64_t *p, long n)
{
    for (long i = 0; i < n; i++)
        p[(i * 7) & (WORDS - 1)] += (uint64_t)i;
}

static __attribute__((noinline)) uint64_t sum(const volatile uint64_t *p)
{
    uint64_t s = 0;
    for (int i = 0; i < WORDS; i++)
        s += p[i];
    return s;
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    volatile uint64_t *p = mmap(NULL, (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    if (guest_failed)
        return guest_done();

    const long n = 200000;
    bump(p, n);
    uint64_t want = (uint64_t)n * (uint64_t)(n - 1) / 2;
    CHECK(sum(p) == want);
    printf("hot loop done: sum %llu\n", (unsigned long long)sum(p));

    CHECK(mprotect((void *)p, (size_t)pg, PROT_READ) == 0);
    CHECK(sum(p) == want);
    printf("read-only: loads still work\n");

    CHECK(mprotect((void *)p, (size_t)pg, PROT_READ | PROT_WRITE) == 0);
    bump(p, 1000);
    want += 1000 * 999 / 2;
    CHECK(sum(p) == want);
    printf("read-write again: sum %llu\n", (unsigned long long)sum(p));

    CHECK(mprotect((void *)p, (size_t)pg, PROT_READ) == 0);
    printf("read-only again; storing through the hot site must fault\n");
    fflush(stdout);
    bump(p, 1);                     /* i == 0: the load succeeds, the store faults */
    printf("NOT REACHED: the store to a read-only page went through\n");
    return 1;
}
