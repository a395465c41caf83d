/* munmap must reach the inline caches: a hot loop's load and store sites
 * have slots over a four-page mapping; after its third page is unmapped the
 * same loop still works on the other three and must fault on the hole.
 * Expected: killed by SIGSEGV (status 139). */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

static __attribute__((noinline)) uint64_t churn(volatile uint32_t *p, size_t words, int reps)
{
    uint64_t s = 0;
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < words; i++) {
            p[i] = p[i] * 3 + (uint32_t)r;
            s += p[i];
        }
    return s;
}

int main(void)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE), words = pg / 4;
    uint32_t *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    if (guest_failed)
        return guest_done();

    uint64_t s = churn(p, 4 * words, 60);
    printf("hot loop over four pages: %llu\n", (unsigned long long)s);

    CHECK(munmap((char *)p + 2 * pg, pg) == 0);
    s = 0;
    for (int k = 0; k < 4; k++)
        if (k != 2)
            s = s * 7 + churn((uint32_t *)((char *)p + k * pg), words, 5);
    printf("pages 0, 1, 3 after unmapping page 2: %llu\n", (unsigned long long)s);
    printf("the same loop on page 2 must fault\n");
    fflush(stdout);
    s = churn((uint32_t *)((char *)p + 2 * pg), words, 1);
    printf("NOT REACHED: %llu from an unmapped page\n", (unsigned long long)s);
    return 1;
}
