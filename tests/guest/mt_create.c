/* Creating and ending threads: a hundred at once, joined for the values they
 * return or pass to pthread_exit, some with a small stack of their own;
 * detached threads that finish while main waits for them; pthread_once raced
 * by many threads; __thread variables, their initial values and addresses per
 * thread; thread ids (gettid, pthread_self) distinct while the process id is
 * shared. Last, main leaves by pthread_exit while one thread still runs: the
 * process ends when that thread does, with status 0 and stdout flushed. */
#define _GNU_SOURCE     /* gettid */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

/* ---- many threads and their exit values ---- */
#define MANY 100

static void leave_deep(uintptr_t v, int depth);
/* Called through a pointer: gcc 12 takes the recursion for an endless one. */
static void (*volatile deeper)(uintptr_t, int) = leave_deep;

static void leave_deep(uintptr_t v, int depth)
{
    if (depth > 0)
        deeper(v, depth - 1);
    pthread_exit((void *)v);
}

static void *returner(void *arg)
{
    uintptr_t i = (uintptr_t)arg;
    if (i % 3 == 0)
        leave_deep(i * 7 + 1, 5);       /* pthread_exit from a few frames down */
    return (void *)(i * 7 + 1);
}

static void test_many(void)
{
    stage = "many threads";
    pthread_t t[MANY];
    pthread_attr_t small;
    pthread_attr_init(&small);
    pthread_attr_setstacksize(&small, 64 * 1024);
    int right = 0;
    for (int wave = 0; wave < 2; wave++) {
        for (uintptr_t i = 0; i < MANY; i++)     /* all alive at once, mostly */
            t[i] = start_thread(i % 2 ? &small : NULL, returner, (void *)i);
        for (uintptr_t i = 0; i < MANY; i++) {
            void *v = NULL;
            if (pthread_join(t[i], &v) == 0 && v == (void *)(i * 7 + 1))
                right++;
        }
    }
    pthread_attr_destroy(&small);
    printf("many: %d threads, joined with the right value %d\n", 2 * MANY, right);
    CHECK(right == 2 * MANY);
}

/* ---- detached threads ---- */
#define DETACHED 16
static sem_t finished;
static int detached_ran;

static void *detached_worker(void *arg)
{
    (void)arg;
    __atomic_fetch_add(&detached_ran, 1, __ATOMIC_SEQ_CST);
    sem_post(&finished);
    return NULL;
}

static void test_detached(void)
{
    stage = "detached";
    sem_init(&finished, 0, 0);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < DETACHED; i++) {
        pthread_t t;
        if (i % 2 == 0) {
            t = start_thread(&a, detached_worker, NULL);
        } else {
            t = start_thread(NULL, detached_worker, NULL);
            CHECK(pthread_detach(t) == 0);     /* may already have finished */
        }
    }
    pthread_attr_destroy(&a);
    for (int i = 0; i < DETACHED; i++)
        sem_wait(&finished);
    printf("detached: %d started, ran %d\n", DETACHED, __atomic_load_n(&detached_ran, __ATOMIC_SEQ_CST));
    CHECK(detached_ran == DETACHED);
}

/* ---- pthread_once ---- */
#define ONCE_THREADS 8
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t start_line;
static int init_calls, saw_init;
static volatile int init_done;

static void init_once(void)
{
    __atomic_fetch_add(&init_calls, 1, __ATOMIC_SEQ_CST);
    usleep(10000);      /* the others arrive meanwhile and must wait */
    init_done = 1;
}

static void *once_racer(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&start_line);
    pthread_once(&once, init_once);
    if (init_done)      /* pthread_once returns only after init_once has */
        __atomic_fetch_add(&saw_init, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void test_once(void)
{
    stage = "pthread_once";
    pthread_t t[ONCE_THREADS];
    pthread_barrier_init(&start_line, NULL, ONCE_THREADS);
    for (int i = 0; i < ONCE_THREADS; i++)
        t[i] = start_thread(NULL, once_racer, NULL);
    for (int i = 0; i < ONCE_THREADS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&start_line);
    printf("once: init ran %d time(s), %d threads saw it done\n", init_calls, saw_init);
    CHECK(init_calls == 1 && saw_init == ONCE_THREADS);
}

/* ---- thread-local storage and thread ids ---- */
#define TLS_THREADS 32
static __thread int tls_counter = 42;
static __thread char tls_name[24] = "unnamed";
static __thread long tls_zero;
static pthread_barrier_t tls_line;

struct tls_report {
    int index;
    int initial_ok, kept_ok;
    uintptr_t addr;
    pid_t tid, pid;
    pthread_t self;
};

static void *tls_worker(void *arg)
{
    struct tls_report *r = arg;
    r->initial_ok = tls_counter == 42 && !strcmp(tls_name, "unnamed") && tls_zero == 0;
    tls_counter = r->index;
    snprintf(tls_name, sizeof tls_name, "thread %d", r->index);
    tls_zero = -r->index;
    r->addr = (uintptr_t)&tls_counter;
    r->tid = gettid();
    r->pid = getpid();
    r->self = pthread_self();
    /* all have written their own copies before any looks again */
    pthread_barrier_wait(&tls_line);
    char want[24];
    snprintf(want, sizeof want, "thread %d", r->index);
    r->kept_ok = tls_counter == r->index && !strcmp(tls_name, want) && tls_zero == -r->index;
    pthread_barrier_wait(&tls_line);    /* alive together, so the ids are all in use at once */
    return NULL;
}

static void test_tls(void)
{
    stage = "tls";
    pthread_t t[TLS_THREADS];
    struct tls_report r[TLS_THREADS];
    memset(r, 0, sizeof r);
    tls_counter = -1;           /* main's copy: no thread starts with it */
    pthread_barrier_init(&tls_line, NULL, TLS_THREADS);
    for (int i = 0; i < TLS_THREADS; i++) {
        r[i].index = i;
        t[i] = start_thread(NULL, tls_worker, &r[i]);
    }
    for (int i = 0; i < TLS_THREADS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&tls_line);
    int initial = 0, kept = 0, same_addr = 0, same_tid = 0, same_self = 0, pid_ok = 0, tid_not_pid = 0;
    for (int i = 0; i < TLS_THREADS; i++) {
        initial += r[i].initial_ok;
        kept += r[i].kept_ok;
        pid_ok += r[i].pid == getpid();
        tid_not_pid += r[i].tid != getpid() && r[i].tid > 0;
        for (int j = 0; j < i; j++) {
            same_addr += r[i].addr == r[j].addr;
            same_tid += r[i].tid == r[j].tid;
            same_self += pthread_equal(r[i].self, r[j].self) != 0;
        }
        same_addr += r[i].addr == (uintptr_t)&tls_counter;
    }
    printf("tls: initial values %d/%d, kept %d/%d, shared addresses %d, main's copy %d\n", initial,
           TLS_THREADS, kept, TLS_THREADS, same_addr, tls_counter);
    CHECK(initial == TLS_THREADS && kept == TLS_THREADS && same_addr == 0 && tls_counter == -1);
    printf("ids: tid distinct (%d repeats), tid != pid %d/%d, pid shared %d/%d, pthread_self repeats %d\n",
           same_tid, tid_not_pid, TLS_THREADS, pid_ok, TLS_THREADS, same_self);
    CHECK(same_tid == 0 && tid_not_pid == TLS_THREADS && pid_ok == TLS_THREADS && same_self == 0);
    printf("main: gettid == getpid %d\n", gettid() == getpid());
    CHECK(gettid() == getpid());
}

/* ---- main leaves first ---- */
static pthread_t main_thread;

static void *outlive_main(void *arg)
{
    (void)arg;
    /* Joining a thread that called pthread_exit: returns once it has. */
    void *v = (void *)1;
    int r = pthread_join(main_thread, &v);
    printf("last thread: joined main %d, its value %p\n", r, v);
    CHECK(r == 0 && v == NULL);
    if (guest_done())
        exit(1);
    return NULL;        /* the last thread returning ends the process with status 0 */
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_many();
    test_detached();
    test_once();
    test_tls();
    /* From here on the status is 0 unless the last thread says otherwise:
     * report what failed so far now. */
    if (guest_failed)
        return guest_done();
    stage = "main's pthread_exit";
    main_thread = pthread_self();
    start_thread(NULL, outlive_main, NULL);
    pthread_exit(NULL);
}
