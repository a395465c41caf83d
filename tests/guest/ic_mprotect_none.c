/* mprotect(PROT_NONE) must reach the inline caches: a hot loop's load site
 * has a slot over a page; after the page loses all access, the same load
 * must fault. Expected: killed by SIGSEGV (status 139). */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

#define WORDS 512

static __attribute__((noinline)) uint64_t sum(const volatile uint64_t *p, int n)
{
    uint64_t s = 0;
    for (int i = 0; i < n; i++)
        s += p[i & (WORDS - 1)];
    return s;
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    uint64_t *p = mmap(NULL, 2 * (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    if (guest_failed)
        return guest_done();
    for (int i = 0; i < 2 * WORDS; i++)
        p[i] = (uint64_t)i;

    uint64_t s = 0;
    for (int r = 0; r < 400; r++)
        s += sum(p, 1000) + sum(p + WORDS, 1000);
    printf("hot loop done: %llu\n", (unsigned long long)s);

    /* Only the first page goes; the second stays readable through the same site. */
    CHECK(mprotect(p, (size_t)pg, PROT_NONE) == 0);
    CHECK(sum(p + WORDS, WORDS) == (uint64_t)(WORDS + 2 * WORDS - 1) * WORDS / 2);
    printf("first page PROT_NONE, second still readable; loading from the first must fault\n");
    fflush(stdout);
    s = sum(p, 1);
    printf("NOT REACHED: loaded %llu from a PROT_NONE page\n", (unsigned long long)s);
    return 1;
}
