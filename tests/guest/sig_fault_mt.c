/* Faults in several threads at once, each handled on the faulting thread:
 * every thread starts without an alternate stack (it is not inherited),
 * sets up its own, and then takes hundreds of SIGSEGVs (a null load) whose
 * SA_ONSTACK handler runs on that thread's stack (the address of a local
 * says so, and sigaltstack says SS_ONSTACK) and leaves by siglongjmp to the
 * thread's own jump buffer. The main thread, with no alternate stack, takes
 * the same handler on its ordinary stack. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define THREADS 4
#define FAULTS 300
#define ALT_SIZE (64 * 1024)

/* Per thread: where its alternate stack is, where to go back to, what its
 * handler runs saw. */
static __thread sigjmp_buf back;
static __thread uintptr_t alt_lo, alt_hi;
static __thread int on_alt, on_alt_flag, wrong_addr, wrong_thread;
static __thread pid_t me;

static volatile uintptr_t null_addr;    /* 0, unknown to the compiler */

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    volatile char here;
    uintptr_t sp = (uintptr_t)&here;
    if (sp >= alt_lo && sp < alt_hi)
        on_alt++;
    stack_t now;
    if (sigaltstack(NULL, &now) == 0 && (now.ss_flags & SS_ONSTACK))
        on_alt_flag++;
    if (si->si_addr != NULL || si->si_signo != SIGSEGV)
        wrong_addr++;
    if (gettid() != me)
        wrong_thread++;
    siglongjmp(back, 1);
}

struct result {
    int started_disabled, faults, on_alt, on_alt_flag, wrong_addr, wrong_thread;
};

static pthread_barrier_t line;

static void fault_loop(struct result *r)
{
    me = gettid();
    volatile int faults = 0;
    pthread_barrier_wait(&line);        /* all fault at the same time */
    while (faults < FAULTS) {
        if (sigsetjmp(back, 1) == 0)
            (void)*(volatile int *)null_addr;
        faults++;
    }
    r->faults = faults;
    r->on_alt = on_alt;
    r->on_alt_flag = on_alt_flag;
    r->wrong_addr = wrong_addr;
    r->wrong_thread = wrong_thread;
}

static void *worker(void *arg)
{
    struct result *r = arg;
    stack_t ss;
    r->started_disabled = sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_DISABLE);
    char *alt = malloc(ALT_SIZE);
    ss.ss_sp = alt;
    ss.ss_size = ALT_SIZE;
    ss.ss_flags = 0;
    CHECK(alt && sigaltstack(&ss, NULL) == 0);
    alt_lo = (uintptr_t)alt;
    alt_hi = alt_lo + ALT_SIZE;
    fault_loop(r);
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    free(alt);
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    stage = "faulting threads";
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);

    pthread_t t[THREADS];
    struct result r[THREADS + 1];
    memset(r, 0, sizeof r);
    pthread_barrier_init(&line, NULL, THREADS + 1);
    for (int i = 0; i < THREADS; i++)
        t[i] = start_thread(NULL, worker, &r[i]);
    fault_loop(&r[THREADS]);        /* main, no alternate stack: alt_lo == alt_hi == 0 */
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i <= THREADS; i++) {
        printf("%s: alt stack off at start %d, faults %d, on its alt stack %d (SS_ONSTACK %d), bad si %d, "
               "other thread %d\n", i < THREADS ? "thread" : "main", i < THREADS ? r[i].started_disabled : 1,
               r[i].faults, r[i].on_alt, r[i].on_alt_flag, r[i].wrong_addr, r[i].wrong_thread);
        int want_alt = i < THREADS ? FAULTS : 0;
        CHECK(r[i].faults == FAULTS && r[i].on_alt == want_alt && r[i].on_alt_flag == want_alt);
        CHECK(r[i].wrong_addr == 0 && r[i].wrong_thread == 0 && (i == THREADS || r[i].started_disabled));
    }
    return guest_done();
}
