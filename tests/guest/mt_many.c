/* Over two thousand threads, each short-lived: created in batches and joined,
 * with detached ones mixed in that main waits for through a counter, every
 * thread adding its number to one shared atomic sum and running a little
 * code of its own (a loop, a malloc). The sum, the values the joined
 * threads return and the count of finished detached threads must come out
 * exact. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "guest.h"
#include "watchdog.h"

#define BATCHES 40          /* 2200 threads in all: a tiny code cache (--code-cache-size 131072)
                               retranslates each one's start and exit, some 2 ms a thread */
#define BATCH 50            /* joinable threads per batch */
#define DETACHED 5          /* detached threads per batch */

static uint64_t sum;
static int detached_done;

static uint64_t work(uint64_t n)
{
    uint64_t h = n;
    for (int i = 0; i < 100; i++)
        h = h * 6364136223846793005u + 1442695040888963407u;
    char *p = malloc(64 + n % 512);
    if (!p)
        return 0;
    p[0] = (char)h;
    h ^= (uint64_t)(unsigned char)p[0];
    free(p);
    return h;
}

static void *joinable(void *arg)
{
    uint64_t n = (uintptr_t)arg;
    __atomic_fetch_add(&sum, n, __ATOMIC_RELAXED);
    work(n);
    return (void *)(uintptr_t)(n * 3);
}

static void *detached(void *arg)
{
    uint64_t n = (uintptr_t)arg;
    __atomic_fetch_add(&sum, n, __ATOMIC_RELAXED);
    work(n);
    __atomic_fetch_add(&detached_done, 1, __ATOMIC_RELEASE);
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    stage = "creating and joining";
    pthread_attr_t det;
    pthread_attr_init(&det);
    pthread_attr_setdetachstate(&det, PTHREAD_CREATE_DETACHED);
    pthread_attr_t small;
    pthread_attr_init(&small);
    pthread_attr_setstacksize(&small, 64 * 1024);
    uint64_t n = 1, want = 0, joined_right = 0;
    for (int b = 0; b < BATCHES; b++) {
        pthread_t t[BATCH];
        uint64_t id[BATCH];
        for (int i = 0; i < BATCH; i++, n++) {
            id[i] = n;
            t[i] = start_thread(i % 2 ? &small : NULL, joinable, (void *)(uintptr_t)n);
            want += n;
            if (i % (BATCH / DETACHED) == 0) {
                n++;
                start_thread(&det, detached, (void *)(uintptr_t)n);
                want += n;
            }
        }
        for (int i = 0; i < BATCH; i++) {
            void *v;
            if (pthread_join(t[i], &v) == 0 && v == (void *)(uintptr_t)(id[i] * 3))
                joined_right++;
        }
    }
    stage = "waiting for the detached threads";
    while (__atomic_load_n(&detached_done, __ATOMIC_ACQUIRE) < BATCHES * DETACHED)
        sched_yield();
    uint64_t got = __atomic_load_n(&sum, __ATOMIC_RELAXED);
    printf("%d joined (%lu right), %d detached finished, sum %lu (expected %lu)\n", BATCHES * BATCH,
           (unsigned long)joined_right, detached_done, (unsigned long)got, (unsigned long)want);
    CHECK(joined_right == BATCHES * BATCH && got == want);
    return guest_done();
}
