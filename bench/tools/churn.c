/* A riscv64 guest that churns for SECONDS (argv[1], default 30): it writes
 * new code over old (a ring of code pages, every function distinct), calls
 * it, remaps its code pages now and then, and starts and ends threads that
 * do the same on pages of their own, while the main thread keeps going.
 * Each generated function returns a value the generator knows, so a stale
 * translation shows as a wrong result (exit status 1). bench/rss_churn.py
 * samples rvdbt's resident memory while it runs. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define RING_BYTES (1u << 20)     /* each worker's code ring */
#define FN_WORDS 64               /* instructions of one generated function */

static atomic_ulong functions, threads, wrong;
static volatile int stop;

/* addi a0, a0, imm (imm in -2048..2047) */
static uint32_t addi_a0(int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | 10 << 15 | 0 << 12 | 10 << 7 | 0x13;
}

/* One function at code: a0 = x; then FN_WORDS - 2 additions; ret. Returns
 * what it must return. */
static long generate(uint32_t *code, uint64_t *seed, long x)
{
    long want = x;
    int k = 0;
    for (; k < FN_WORDS - 1; k++) {
        *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
        int32_t imm = (int32_t)(*seed >> 40) % 2048;
        code[k] = addi_a0(imm);
        want += imm;
    }
    code[k] = 0x00008067;         /* ret */
    __builtin___clear_cache((char *)code, (char *)(code + FN_WORDS));
    return want;
}

static uint32_t *new_ring(void)
{
    void *p = mmap(NULL, RING_BYTES, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("churn: mmap");
        exit(2);
    }
    return p;
}

/* n functions written over the ring (the ring replaced every `remap`
 * rounds), each called once. */
static void churn(uint64_t seed, unsigned long n, unsigned remap)
{
    uint32_t *ring = new_ring();
    size_t slots = RING_BYTES / (FN_WORDS * 4), at = 0;
    for (unsigned long i = 0; i < n && !stop; i++) {
        uint32_t *fn = ring + at * FN_WORDS;
        long x = (long)i;
        long want = generate(fn, &seed, x);
        long got = ((long (*)(long))fn)(x);
        if (got != want)
            atomic_fetch_add(&wrong, 1);
        atomic_fetch_add(&functions, 1);
        if (++at == slots) {
            at = 0;
            if (remap && i / slots % remap == remap - 1) {
                munmap(ring, RING_BYTES);
                ring = new_ring();
            }
        }
    }
    munmap(ring, RING_BYTES);
}

static void *worker(void *arg)
{
    churn((uint64_t)(uintptr_t)arg, 2000, 0);
    atomic_fetch_add(&threads, 1);
    return NULL;
}

static void *spawner(void *arg)
{
    (void)arg;
    for (uint64_t k = 1; !stop; k++) {
        pthread_t t[3];
        for (int i = 0; i < 3; i++)
            if (pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)(k * 3 + (uint64_t)i)) != 0) {
                perror("churn: pthread_create");
                exit(2);
            }
        for (int i = 0; i < 3; i++)
            pthread_join(t[i], NULL);
    }
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 30;
    double end = now() + seconds;
    pthread_t sp;
    if (pthread_create(&sp, NULL, spawner, NULL) != 0)
        return 2;
    for (uint64_t round = 0; now() < end; round++)
        churn(round, 8192, 1);
    stop = 1;
    pthread_join(sp, NULL);
    printf("churn: %lu functions generated and called, %lu threads, %lu wrong results\n",
           (unsigned long)functions, (unsigned long)threads, (unsigned long)wrong);
    return wrong ? 1 : 0;
}
