/* Loops whose accesses walk memory with a constant step, as compiled code
 * has them everywhere (the translator checks such accesses once at the loop
 * head for a run of trips): walks that cross from one mapping into the
 * next, forward and backward, with strides of 1, 4, 8 and 12 bytes; a walk
 * that runs off the end of its mapping (SIGSEGV at the first byte past it,
 * after exactly the trips before); the same loop again after mprotect made
 * its array read-only, after munmap and a new mapping at the same address,
 * and with a loop-invariant pointer beside the walking one. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile uintptr_t fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    fault_addr = (uintptr_t)si->si_addr;
    siglongjmp(back, 1);
}

struct rec { uint32_t a, b, c; };

static volatile long done_trips;

__attribute__((noinline)) static uint64_t sum32(const uint32_t *p, long n)
{
    uint64_t s = 0;
    for (long i = 0; i < n; i++) {
        s += p[i] * (uint64_t)(i | 1);
        done_trips = i + 1;
    }
    return s;
}

__attribute__((noinline)) static uint64_t sum_back64(const uint64_t *end, long n)
{
    uint64_t s = 0;
    const uint64_t *p = end;
    while (n--)
        s = s * 31 + *--p;
    return s;
}

__attribute__((noinline)) static uint32_t sum_bytes(const uint8_t *p, long n)
{
    uint32_t h = 5381;
    for (long i = 0; i < n; i++)
        h = h * 33 ^ p[i];
    return h;
}

__attribute__((noinline)) static uint64_t sum_recs(const struct rec *r, long n)
{
    uint64_t s = 0;
    for (long i = 0; i < n; i++)
        s += r[i].b ^ (s >> 3);
    return s;
}

__attribute__((noinline)) static void fill(uint32_t *p, long n, const volatile uint32_t *seed)
{
    for (long i = 0; i < n; i++)
        p[i] = *seed + (uint32_t)i * 2654435761u;
}

static void report(const char *what, uint8_t *base, uint64_t v)
{
    printf("%-40s %016llx\n", what, (unsigned long long)v);
    (void)base;
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER };
    sigaction(SIGSEGV, &sa, NULL);

    /* four pages: two mappings made separately, then a hole after them */
    uint8_t *m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return 1;
    munmap(m + 3 * pg, pg);
    munmap(m + pg, 2 * pg);
    if (mmap(m + pg, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        return 1;
    volatile uint32_t seed = 12345;
    fill((uint32_t *)m, 3 * pg / 4, &seed);

    report("sum32 across the mappings", m, sum32((uint32_t *)m, 3 * pg / 4));
    report("sum32 from the middle", m, sum32((uint32_t *)(m + pg - 64), pg / 4));
    report("sum_back64 across", m, sum_back64((uint64_t *)(m + 3 * pg), 3 * pg / 8));
    report("sum_bytes across", m, sum_bytes(m + 7, 3 * pg - 7));
    report("sum_recs stride 12", m, sum_recs((struct rec *)(m + 4), (3 * pg - 4) / 12));

    /* off the end: the fault names the first byte past the mapping */
    if (!sigsetjmp(back, 1)) {
        sum32((uint32_t *)(m + 2 * pg), pg / 2);
        printf("no fault off the end\n");
    } else {
        printf("off the end: SIGSEGV at +%ld after %ld trips\n", (long)(fault_addr - (uintptr_t)m), done_trips);
    }

    /* the same loops after the array became read-only, then unmapped and
     * mapped again with other contents */
    fill((uint32_t *)(m + pg), pg / 4, &seed);
    mprotect(m + pg, pg, PROT_READ);
    report("sum32 over read-only", m, sum32((uint32_t *)m, 3 * pg / 4));
    if (!sigsetjmp(back, 1)) {
        fill((uint32_t *)m, 3 * pg / 4, &seed);
        printf("no fault storing into read-only\n");
    } else {
        printf("store into read-only: SIGSEGV at +%ld\n", (long)(fault_addr - (uintptr_t)m));
    }
    munmap(m + pg, pg);
    if (mmap(m + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        return 1;
    report("sum32 after a new mapping (zeros)", m, sum32((uint32_t *)m, 3 * pg / 4));
    seed = 99;
    fill((uint32_t *)m, 3 * pg / 4, &seed);
    report("sum32 after filling again", m, sum32((uint32_t *)m, 3 * pg / 4));
    return 0;
}
