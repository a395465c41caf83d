/* pthread synchronisation between real threads: a mutex (plain, trylock,
 * recursive, error-checking), a condition variable feeding consumers from
 * producers through a bounded buffer, a timed wait that times out, a
 * read-write lock, a barrier reused for many rounds, and semaphores passing a
 * token back and forth. Every count is exact, so a lost wake-up or a broken
 * exclusion shows as a wrong number (or as the watchdog's line). */
#define _GNU_SOURCE     /* the writer-preferring rwlock initialiser */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

static void start_all(pthread_t *t, int n, void *(*fn)(void *), long *args)
{
    for (int i = 0; i < n; i++)
        t[i] = start_thread(NULL, fn, args ? &args[i] : NULL);
}

static void join_all(pthread_t *t, int n)
{
    for (int i = 0; i < n; i++)
        CHECK(pthread_join(t[i], NULL) == 0);
}

/* ---- mutex ---- */
#define MUTEX_THREADS 4
#define MUTEX_ROUNDS 100000
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int inside, overlaps;

static void *mutex_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < MUTEX_ROUNDS; i++) {
        pthread_mutex_lock(&mtx);
        /* Plain variables: only the lock keeps two threads apart here. */
        if (++inside != 1)
            overlaps++;
        counter++;
        inside--;
        pthread_mutex_unlock(&mtx);
    }
    return NULL;
}

static void *trylock_probe(void *arg)
{
    *(int *)arg = pthread_mutex_trylock(&mtx);
    return NULL;
}

static void test_mutex(void)
{
    stage = "mutex";
    pthread_t t[MUTEX_THREADS];
    start_all(t, MUTEX_THREADS, mutex_worker, NULL);
    join_all(t, MUTEX_THREADS);
    printf("mutex: counter %ld, overlaps %d\n", counter, overlaps);
    CHECK(counter == (long)MUTEX_THREADS * MUTEX_ROUNDS && overlaps == 0);

    /* held by main: another thread's trylock fails, and succeeds once freed */
    int r = -1;
    pthread_t p;
    pthread_mutex_lock(&mtx);
    p = start_thread(NULL, trylock_probe, &r);
    pthread_join(p, NULL);
    pthread_mutex_unlock(&mtx);
    printf("trylock while held: %s\n", strerror(r));
    CHECK(r == EBUSY);
    p = start_thread(NULL, trylock_probe, &r);
    pthread_join(p, NULL);
    printf("trylock when free: %d\n", r);
    CHECK(r == 0);
    /* the probe thread exited holding it: an ordinary mutex stays locked */
    CHECK(pthread_mutex_trylock(&mtx) == EBUSY);

    pthread_mutexattr_t a;
    pthread_mutex_t rec, ec;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &a);
    int r1 = pthread_mutex_lock(&rec), r2 = pthread_mutex_lock(&rec);
    int r3 = pthread_mutex_unlock(&rec), r4 = pthread_mutex_unlock(&rec), r5 = pthread_mutex_unlock(&rec);
    printf("recursive: %d %d %d %d, one unlock too many: %s\n", r1, r2, r3, r4, strerror(r5));
    CHECK(r1 == 0 && r2 == 0 && r3 == 0 && r4 == 0 && r5 == EPERM);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&ec, &a);
    pthread_mutex_lock(&ec);
    r1 = pthread_mutex_lock(&ec);
    printf("error-checking relock: %s\n", strerror(r1));
    CHECK(r1 == EDEADLK);
    pthread_mutex_unlock(&ec);
}

/* ---- condition variable: producers and consumers ---- */
#define PRODUCERS 2
#define CONSUMERS 3
#define ITEMS 20000         /* per producer: the values 1..ITEMS */
#define SLOTS 8
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static long queue[SLOTS];
static int qhead, qcount, producers_left = PRODUCERS;
static long consumed_sum[CONSUMERS], consumed_n[CONSUMERS];

static void *producer(void *arg)
{
    (void)arg;
    for (long v = 1; v <= ITEMS; v++) {
        pthread_mutex_lock(&qlock);
        while (qcount == SLOTS)
            pthread_cond_wait(&not_full, &qlock);
        queue[(qhead + qcount++) % SLOTS] = v;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&qlock);
    }
    pthread_mutex_lock(&qlock);
    if (--producers_left == 0)
        pthread_cond_broadcast(&not_empty);     /* wake every consumer to see the end */
    pthread_mutex_unlock(&qlock);
    return NULL;
}

static void *consumer(void *arg)
{
    long me = *(long *)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qcount == 0 && producers_left > 0)
            pthread_cond_wait(&not_empty, &qlock);
        if (qcount == 0) {
            pthread_mutex_unlock(&qlock);
            return NULL;
        }
        long v = queue[qhead];
        qhead = (qhead + 1) % SLOTS;
        qcount--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&qlock);
        consumed_sum[me] += v;
        consumed_n[me]++;
    }
}

static void test_condvar(void)
{
    stage = "condvar";
    pthread_t p[PRODUCERS], c[CONSUMERS];
    long ids[CONSUMERS] = {0, 1, 2};
    start_all(c, CONSUMERS, consumer, ids);
    start_all(p, PRODUCERS, producer, NULL);
    join_all(p, PRODUCERS);
    join_all(c, CONSUMERS);
    long sum = 0, n = 0;
    for (int i = 0; i < CONSUMERS; i++) {
        sum += consumed_sum[i];
        n += consumed_n[i];
    }
    printf("condvar: consumed %ld items, sum %ld, left %d\n", n, sum, qcount);
    CHECK(n == (long)PRODUCERS * ITEMS && sum == (long)PRODUCERS * ITEMS * (ITEMS + 1) / 2);

    /* nobody signals: the timed wait ends by itself */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 50 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&qlock);
    int r = pthread_cond_timedwait(&not_empty, &qlock, &ts);
    pthread_mutex_unlock(&qlock);
    printf("timedwait: %s\n", strerror(r));
    CHECK(r == ETIMEDOUT);
}

/* ---- read-write lock ---- */
#define READERS 4
#define WRITERS 2
#define WRITES 5000
/* Writers first (glibc's default lets readers that never stop starve them). */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static volatile long pair_a, pair_b;
static int torn_reads;
static volatile int writers_done;
static pthread_mutex_t torn_lock = PTHREAD_MUTEX_INITIALIZER;

static void *rw_writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < WRITES; i++) {
        pthread_rwlock_wrlock(&rw);
        pair_a++;
        sched_yield();      /* a reader let in now would see a != b */
        pair_b++;
        pthread_rwlock_unlock(&rw);
    }
    __atomic_fetch_add(&writers_done, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void *rw_reader(void *arg)
{
    (void)arg;
    int torn = 0;
    while (__atomic_load_n(&writers_done, __ATOMIC_SEQ_CST) < WRITERS) {
        pthread_rwlock_rdlock(&rw);
        if (pair_a != pair_b)
            torn++;
        pthread_rwlock_unlock(&rw);
    }
    pthread_mutex_lock(&torn_lock);
    torn_reads += torn;
    pthread_mutex_unlock(&torn_lock);
    return NULL;
}

static void *try_locks(void *arg)
{
    int *r = arg;
    r[0] = pthread_rwlock_tryrdlock(&rw);
    if (r[0] == 0)
        pthread_rwlock_unlock(&rw);
    r[1] = pthread_rwlock_trywrlock(&rw);
    if (r[1] == 0)
        pthread_rwlock_unlock(&rw);
    return NULL;
}

static void test_rwlock(void)
{
    stage = "rwlock";
    pthread_t r[READERS], w[WRITERS];
    start_all(r, READERS, rw_reader, NULL);
    start_all(w, WRITERS, rw_writer, NULL);
    join_all(w, WRITERS);
    join_all(r, READERS);
    printf("rwlock: a %ld b %ld, torn reads %d\n", pair_a, pair_b, torn_reads);
    CHECK(pair_a == WRITERS * WRITES && pair_b == pair_a && torn_reads == 0);

    /* main reads: another reader may join, a writer may not */
    int res[2];
    pthread_t p;
    pthread_rwlock_rdlock(&rw);
    p = start_thread(NULL, try_locks, res);
    pthread_join(p, NULL);
    pthread_rwlock_unlock(&rw);
    printf("while read-locked: tryrdlock %d, trywrlock %s\n", res[0], strerror(res[1]));
    CHECK(res[0] == 0 && res[1] == EBUSY);
    pthread_rwlock_wrlock(&rw);
    p = start_thread(NULL, try_locks, res);
    pthread_join(p, NULL);
    pthread_rwlock_unlock(&rw);
    printf("while write-locked: tryrdlock %s, trywrlock %s\n", strerror(res[0]), strerror(res[1]));
    CHECK(res[0] == EBUSY && res[1] == EBUSY);
}

/* ---- barrier ---- */
#define BARRIER_THREADS 6
#define ROUNDS 200
static pthread_barrier_t bar;
static volatile int slot[BARRIER_THREADS];
static int serial_count, barrier_bad;

static void *barrier_worker(void *arg)
{
    long me = *(long *)arg;
    int bad = 0, serial = 0;
    for (int round = 1; round <= ROUNDS; round++) {
        slot[me] = round;
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            serial++;
        for (int i = 0; i < BARRIER_THREADS; i++)   /* everyone has written this round */
            if (slot[i] != round)
                bad++;
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            serial++;
    }
    __atomic_fetch_add(&serial_count, serial, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&barrier_bad, bad, __ATOMIC_SEQ_CST);
    return NULL;
}

static void test_barrier(void)
{
    stage = "barrier";
    pthread_t t[BARRIER_THREADS];
    long ids[BARRIER_THREADS];
    for (int i = 0; i < BARRIER_THREADS; i++)
        ids[i] = i;
    pthread_barrier_init(&bar, NULL, BARRIER_THREADS);
    start_all(t, BARRIER_THREADS, barrier_worker, ids);
    join_all(t, BARRIER_THREADS);
    pthread_barrier_destroy(&bar);
    printf("barrier: %d rounds, serial returns %d, stale slots %d\n", ROUNDS, serial_count, barrier_bad);
    CHECK(serial_count == 2 * ROUNDS && barrier_bad == 0);
}

/* ---- semaphores: a token bounced between two threads ---- */
#define PINGS 10000
static sem_t ping, pong;
static int volleys;

static void *ponger(void *arg)
{
    (void)arg;
    for (int i = 0; i < PINGS; i++) {
        sem_wait(&ping);
        volleys++;      /* the semaphores order this with main's reads */
        sem_post(&pong);
    }
    return NULL;
}

static void test_semaphore(void)
{
    stage = "semaphore";
    pthread_t t;
    int odd = 0;
    sem_init(&ping, 0, 0);
    sem_init(&pong, 0, 0);
    t = start_thread(NULL, ponger, NULL);
    for (int i = 0; i < PINGS; i++) {
        sem_post(&ping);
        sem_wait(&pong);
        if (volleys != i + 1)
            odd++;
    }
    pthread_join(t, NULL);
    int left = -1;
    sem_getvalue(&pong, &left);
    printf("semaphore: %d volleys, out of step %d, left %d\n", volleys, odd, left);
    CHECK(volleys == PINGS && odd == 0 && left == 0);
    CHECK(sem_trywait(&pong) == -1 && errno == EAGAIN);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_mutex();
    test_condvar();
    test_rwlock();
    test_barrier();
    test_semaphore();
    return guest_done();
}
