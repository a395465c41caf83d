/* Timer signals breaking into code that makes no system calls: alarm(1)
 * ending a loop on a volatile flag (an empty one, one that counts, one that
 * calls a function), setitimer(ITIMER_REAL) ticking a set number of times
 * into a busy loop, ITIMER_VIRTUAL and ITIMER_PROF counting the loop's CPU
 * time, and sigsuspend woken by a one-shot timer. The loops end only if the
 * signal reaches the running code.
 * The watchdog is a POSIX timer on SIGUSR2, SIGALRM being under test. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

static void start_watchdog(unsigned seconds)
{
    signal(SIGUSR2, on_watchdog);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR2;
    timer_t t;
    struct itimerspec when = {{0, 0}, {seconds, 0}};
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0 && timer_settime(t, 0, &when, NULL) == 0);
}

static volatile sig_atomic_t fired, ticks, tick_limit;
static volatile int tick_sig;

static void on_alarm(int sig)
{
    (void)sig;
    fired = 1;
}

/* Counts ticks and stops the timer itself at the limit, so the count is
 * exact however late the loop sees it. */
static void on_tick(int sig)
{
    if (++ticks == tick_limit) {
        struct itimerval off = {{0, 0}, {0, 0}};
        setitimer(sig == SIGALRM ? ITIMER_REAL : sig == SIGVTALRM ? ITIMER_VIRTUAL : ITIMER_PROF, &off, NULL);
    }
    tick_sig = sig;
}

static void set(int sig, void (*h)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static __attribute__((noinline)) void step(volatile unsigned long *n)
{
    *n += 3;
}

static void test_alarm(void)
{
    set(SIGALRM, on_alarm);

    stage = "alarm, empty loop";
    fired = 0;
    alarm(1);
    while (!fired)
        ;
    printf("alarm into an empty loop: fired %d\n", (int)fired);

    stage = "alarm, counting loop";
    fired = 0;
    volatile unsigned long spins = 0;
    alarm(1);
    while (!fired)
        spins++;
    printf("alarm into a counting loop: fired %d, spun %d\n", (int)fired, spins > 0);

    stage = "alarm, calling loop";
    fired = 0;
    spins = 0;
    alarm(1);
    while (!fired)
        step(&spins);
    printf("alarm into a calling loop: fired %d, spun %d\n", (int)fired, spins > 0);

    stage = "alarm's remaining time";
    unsigned first = alarm(10);
    unsigned left = alarm(0);
    printf("alarm returns: none pending %u, 10 s set %d\n", first, left == 10 || left == 9);
    CHECK(first == 0 && (left == 10 || left == 9));
}

/* Every USEC microseconds of the timer's clock: for ITIMER_REAL long enough
 * that the handler stops it before the next expiry even when the machine is
 * loaded (the other two clocks stand still while the process waits). */
static void run_ticks(const char *name, int which, int sig, int limit, long usec)
{
    stage = name;
    set(sig, on_tick);
    ticks = 0;
    tick_limit = limit;
    struct itimerval every = {{0, usec}, {0, usec}};
    CHECK(setitimer(which, &every, NULL) == 0);
    volatile unsigned long spins = 0;
    while (ticks < limit)
        spins++;
    /* stopped by the handler: no more come */
    struct itimerval now;
    getitimer(which, &now);
    volatile unsigned long more = 0;
    for (unsigned long i = 0; i < 20000000 && ticks == limit; i++)
        more++;
    printf("%s: %d ticks of signal %d, disarmed %d\n", name, (int)ticks, tick_sig,
           now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0 && now.it_interval.tv_usec == 0);
    CHECK(ticks == limit && tick_sig == sig && now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0);
}

static void test_sigsuspend(void)
{
    stage = "sigsuspend";
    set(SIGALRM, on_alarm);
    sigset_t alrm, old, none;
    sigemptyset(&alrm);
    sigaddset(&alrm, SIGALRM);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &alrm, &old);
    fired = 0;
    struct itimerval once = {{0, 0}, {0, 50000}};
    setitimer(ITIMER_REAL, &once, NULL);
    int r = sigsuspend(&none);
    int err = errno;
    sigset_t after;
    sigprocmask(SIG_SETMASK, &old, &after);
    printf("sigsuspend: %d %s, fired %d, mask restored %d\n", r, strerror(err), (int)fired,
           sigismember(&after, SIGALRM));
    CHECK(r == -1 && err == EINTR && fired == 1 && sigismember(&after, SIGALRM));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_watchdog(50);
    test_alarm();
    run_ticks("ITIMER_REAL", ITIMER_REAL, SIGALRM, 5, 50000);
    run_ticks("ITIMER_VIRTUAL", ITIMER_VIRTUAL, SIGVTALRM, 3, 10000);
    run_ticks("ITIMER_PROF", ITIMER_PROF, SIGPROF, 3, 10000);
    test_sigsuspend();
    return guest_done();
}
