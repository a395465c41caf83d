/* fork while other threads run: workers spin on malloc/free and on counters
 * while main (and then one of the workers) forks, again and again. In each
 * child only the forking thread exists (tgkill finds none of the others,
 * and their counters stand still; not /proc/self/task, where qemu-riscv64
 * shows a thread of its own), malloc and stdio work (the allocator
 * lock a worker may have held at the fork is usable), and it exits with a
 * code of its own that the parent checks with waitpid. Not here: a thread
 * started by such a child, which qemu-riscv64 7.2 (the oracle) fails on
 * (an assertion in qemu_plugin_vcpu_init_hook). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define WORKERS 2
#define FORKS 8

static volatile int stop;
static uint64_t ticks[WORKERS];
static pid_t tids[WORKERS + 1];     /* the workers and the forking worker */

static void *worker(void *arg)
{
    uintptr_t me = (uintptr_t)arg;
    __atomic_store_n(&tids[me], gettid(), __ATOMIC_SEQ_CST);
    while (!stop) {
        void *p[8];
        for (int i = 0; i < 8; i++)
            p[i] = malloc(16 + (size_t)(i * 97 + me * 13) % 4000);
        for (int i = 0; i < 8; i++)
            free(p[i]);
        __atomic_fetch_add(&ticks[me], 1, __ATOMIC_RELAXED);
        sched_yield();      /* running, but leaving the cores to the forks */
    }
    return NULL;
}

/* The threads of this process, of those the parent had, that tgkill finds
 * (signal 0: only the check); the forking thread is the caller. */
static int count_others(void)
{
    int n = 0;
    for (int i = 0; i <= WORKERS; i++) {
        pid_t t = __atomic_load_n(&tids[i], __ATOMIC_SEQ_CST);
        n += t > 0 && t != gettid() && syscall(SYS_tgkill, getpid(), t, 0) == 0;
    }
    return n;
}

/* In the child: what it finds, printed; its exit status says the same. */
static _Noreturn void child(int k)
{
    uint64_t before[WORKERS], moved = 0;
    for (int i = 0; i < WORKERS; i++)
        before[i] = __atomic_load_n(&ticks[i], __ATOMIC_RELAXED);
    nanosleep(&(struct timespec){ .tv_nsec = 5000000 }, NULL);
    for (int i = 0; i < WORKERS; i++)
        moved += __atomic_load_n(&ticks[i], __ATOMIC_RELAXED) != before[i];
    int others = count_others();
    size_t total = 0, want = 0;
    for (int i = 0; i < 2000; i++) {
        unsigned char *p = malloc(1 + i % 3000);
        p[0] = (unsigned char)i;
        total += p[0];
        want += (unsigned char)i;
        free(p);
    }
    int ok = others == 0 && moved == 0 && total == want;
    printf("child %d: other threads %d, workers moved %d, malloc %s\n", k, others, (int)moved,
           total == want ? "ok" : "wrong");
    fflush(stdout);
    _exit(ok ? 40 + k : 1);
}

static void fork_and_check(int k)
{
    pid_t p = fork_checked();
    if (p == 0)
        child(k);
    int st = 0;
    pid_t r;
    while ((r = waitpid(p, &st, 0)) < 0 && errno == EINTR)
        ;
    CHECK(r == p && WIFEXITED(st) && WEXITSTATUS(st) == 40 + k);
}

static void *forking_worker(void *arg)
{
    (void)arg;
    __atomic_store_n(&tids[WORKERS], gettid(), __ATOMIC_SEQ_CST);
    for (int k = FORKS; k < 2 * FORKS; k++)
        fork_and_check(k);
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOFBF, 4096);    /* buffered: fork_checked flushes it */
    start_alarm_watchdog(50);
    stage = "fork from main while threads run";
    pthread_t w[WORKERS];
    for (uintptr_t i = 0; i < WORKERS; i++)
        w[i] = start_thread(NULL, worker, (void *)i);
    for (int k = 0; k < FORKS; k++)
        fork_and_check(k);
    stage = "fork from a worker while main and the others run";
    pthread_t f = start_thread(NULL, forking_worker, NULL);
    pthread_join(f, NULL);
    stop = 1;
    for (int i = 0; i < WORKERS; i++)
        pthread_join(w[i], NULL);
    printf("parent: %d children checked\n", 2 * FORKS);
    return guest_done();
}
