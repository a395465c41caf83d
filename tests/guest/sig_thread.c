/* Signals and threads: tgkill and pthread_kill reach the thread chosen (the
 * handler records gettid), each thread in turn; signal masks are per thread
 * (a new thread starts with its creator's), so a signal sent to the process
 * goes to the one thread not blocking it, every time; a signal sent to a
 * thread that blocks it waits for that thread, and runs there once it
 * unblocks; a thread set aside for sigwaitinfo gets the process's signals
 * with their siginfo; tgkill with a wrong thread group fails with ESRCH. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define WORKERS 4
static pthread_t workers[WORKERS];
static pid_t tids[WORKERS];
static volatile int stop_workers;
static volatile sig_atomic_t handled;
static volatile pid_t handled_by;
static pthread_barrier_t line;

/* Per-worker orders, carried out between two barriers. */
enum { NOTHING, BLOCK_USR1, UNBLOCK_USR1 };
static volatile int order[WORKERS];
static volatile int pending_seen[WORKERS], inherited_blocked[WORKERS];

static void on_signal(int sig)
{
    (void)sig;
    handled_by = gettid();
    __atomic_fetch_add(&handled, 1, __ATOMIC_SEQ_CST);
}

static void sleep_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* Waits until the handler count passes COUNT (the watchdog ends a hang). */
static void wait_handled(int count)
{
    while (__atomic_load_n(&handled, __ATOMIC_SEQ_CST) <= count)
        sleep_ms(1);
}

static void *worker(void *arg)
{
    long me = (long)arg;
    tids[me] = gettid();
    sigset_t cur;
    pthread_sigmask(SIG_BLOCK, NULL, &cur);
    inherited_blocked[me] = sigismember(&cur, SIGHUP);  /* main blocked it before creating us */
    pthread_barrier_wait(&line);
    for (;;) {
        pthread_barrier_wait(&line);        /* an order is set */
        if (stop_workers)
            return NULL;
        sigset_t usr1;
        sigemptyset(&usr1);
        sigaddset(&usr1, SIGUSR1);
        if (order[me] == BLOCK_USR1)
            pthread_sigmask(SIG_BLOCK, &usr1, NULL);
        if (order[me] == UNBLOCK_USR1) {
            sigset_t p;
            sigpending(&p);     /* this thread's and the process's */
            pending_seen[me] = sigismember(&p, SIGUSR1);
            pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);  /* delivered here, now */
        }
        order[me] = NOTHING;
        pthread_barrier_wait(&line);        /* carried out */
    }
}

/* Gives each worker ORDERS (NULL: none), or tells them to end. */
static void command(const int *orders)
{
    for (int i = 0; i < WORKERS; i++)
        order[i] = orders ? orders[i] : NOTHING;
    if (!orders)
        stop_workers = 1;
    pthread_barrier_wait(&line);
    if (orders)
        pthread_barrier_wait(&line);
}

static void set(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void test_directed(void)
{
    stage = "tgkill";
    int right = 0;
    for (int i = 0; i < WORKERS; i++) {
        int before = handled;
        CHECK(syscall(SYS_tgkill, getpid(), tids[i], SIGUSR1) == 0);
        wait_handled(before);
        right += handled_by == tids[i];
    }
    int before = handled;
    CHECK(syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1) == 0);     /* main: at once */
    right += handled == before + 1 && handled_by == gettid();
    printf("tgkill: handled by the thread chosen %d/%d\n", right, WORKERS + 1);
    CHECK(right == WORKERS + 1);

    stage = "pthread_kill";
    right = 0;
    for (int i = WORKERS - 1; i >= 0; i--) {
        before = handled;
        CHECK(pthread_kill(workers[i], SIGUSR2) == 0);
        wait_handled(before);
        right += handled_by == tids[i];
    }
    printf("pthread_kill: handled by the thread chosen %d/%d\n", right, WORKERS);
    CHECK(right == WORKERS);

    errno = 0;
    long r = syscall(SYS_tgkill, getpid() + 100000, tids[0], SIGUSR1);
    int err = errno;
    printf("tgkill, wrong thread group: %ld %s\n", r, strerror(err));
    CHECK(r == -1 && err == ESRCH);
}

static void test_masks(void)
{
    stage = "per-thread masks";
    int ih = 0;
    for (int i = 0; i < WORKERS; i++)
        ih += inherited_blocked[i];
    printf("mask inherited by new threads: %d/%d\n", ih, WORKERS);
    CHECK(ih == WORKERS);

    /* all but worker 3 block SIGUSR1, main too */
    int block[WORKERS] = {BLOCK_USR1, BLOCK_USR1, BLOCK_USR1, NOTHING};
    command(block);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
    int right = 0;
    for (int n = 0; n < 10; n++) {
        int before = handled;
        kill(getpid(), SIGUSR1);
        wait_handled(before);
        right += handled_by == tids[3];
    }
    printf("kill to the process: taken by the one thread not blocking it %d/10\n", right);
    CHECK(right == 10);

    /* aimed at worker 1, which blocks it: it waits for worker 1 */
    int before = handled;
    CHECK(syscall(SYS_tgkill, getpid(), tids[1], SIGUSR1) == 0);
    sleep_ms(50);
    int early = handled != before;
    int unblock[WORKERS] = {NOTHING, UNBLOCK_USR1, NOTHING, NOTHING};
    command(unblock);
    printf("to a thread blocking it: handled early %d, pending for it %d, then handled by it %d\n", early,
           pending_seen[1], handled == before + 1 && handled_by == tids[1]);
    CHECK(!early && pending_seen[1] && handled == before + 1 && handled_by == tids[1]);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
}

/* ---- a thread that takes the process's SIGHUP with sigwaitinfo ---- */
#define WAITS 3
static siginfo_t waited[WAITS];
static volatile int waited_n;

static void *waiter(void *arg)
{
    (void)arg;
    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    for (int i = 0; i < WAITS; i++) {
        siginfo_t si;
        if (sigwaitinfo(&hup, &si) == SIGHUP)
            waited[i] = si;
        __atomic_store_n(&waited_n, i + 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

static void test_sigwait_thread(void)
{
    stage = "sigwait thread";
    pthread_t w;
    w = start_thread(NULL, waiter, NULL);     /* SIGHUP blocked everywhere */
    for (int i = 0; i < WAITS; i++) {
        if (i == 1)
            sigqueue(getpid(), SIGHUP, (union sigval){.sival_int = 77});
        else
            kill(getpid(), SIGHUP);
        while (__atomic_load_n(&waited_n, __ATOMIC_SEQ_CST) <= i)
            sleep_ms(1);
    }
    pthread_join(w, NULL);
    printf("sigwaitinfo thread: codes %s %s %s, value %d, pid ours %d\n",
           waited[0].si_code == SI_USER ? "SI_USER" : "?", waited[1].si_code == SI_QUEUE ? "SI_QUEUE" : "?",
           waited[2].si_code == SI_USER ? "SI_USER" : "?", waited[1].si_value.sival_int,
           waited[0].si_pid == getpid() && waited[1].si_pid == getpid());
    CHECK(waited[0].si_code == SI_USER && waited[1].si_code == SI_QUEUE && waited[2].si_code == SI_USER);
    CHECK(waited[1].si_value.sival_int == 77 && waited[0].si_pid == getpid());
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    set(SIGUSR1);
    set(SIGUSR2);
    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &hup, NULL);
    pthread_barrier_init(&line, NULL, WORKERS + 1);
    for (long i = 0; i < WORKERS; i++)
        workers[i] = start_thread(NULL, worker, (void *)i);
    pthread_barrier_wait(&line);        /* the tids are known */
    test_directed();
    test_masks();
    test_sigwait_thread();
    command(NULL);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(workers[i], NULL);
    return guest_done();
}
