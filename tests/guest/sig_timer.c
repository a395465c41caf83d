/* POSIX timers: SIGEV_SIGNAL, periodic, its siginfo (SI_TIMER, the value
 * given at timer_create), stopped from its handler after an exact number of
 * ticks; expirations while the signal is blocked counted as overruns
 * (si_overrun, timer_getoverrun); an absolute one-shot on CLOCK_REALTIME;
 * SIGEV_THREAD_ID aiming the signal at a chosen thread; SIGEV_THREAD, glibc
 * calling a function in a thread of its own; timer_delete. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

/* glibc 2.36's sigevent names the thread id field only through the union */
#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

static void set_info(int sig, void (*h)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

/* Long enough that the handler stops the timer before the next expiry even
 * on a loaded machine. */
static const struct itimerspec every_50ms = {{0, 50000000}, {0, 50000000}};
static const struct itimerspec disarmed = {{0, 0}, {0, 0}};

/* ---- periodic SIGEV_SIGNAL ---- */
#define TICKS 5
static timer_t periodic;
static volatile sig_atomic_t ticks, bad_ticks;

static void on_tick(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    if (si->si_code != SI_TIMER || si->si_value.sival_int != 1234)
        bad_ticks++;
    if (++ticks == TICKS)
        timer_settime(periodic, 0, &disarmed, NULL);
}

static void test_periodic(void)
{
    stage = "periodic timer";
    int sig = SIGRTMIN;
    set_info(sig, on_tick);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = 1234;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &periodic) == 0);
    CHECK(timer_settime(periodic, 0, &every_50ms, NULL) == 0);
    while (ticks < TICKS)
        sleep_ms(1);
    sleep_ms(50);       /* stopped: no more come */
    struct itimerspec now;
    CHECK(timer_gettime(periodic, &now) == 0);
    printf("periodic: %d ticks, bad siginfo %d, disarmed %d\n", (int)ticks, (int)bad_ticks,
           now.it_value.tv_sec == 0 && now.it_value.tv_nsec == 0);
    CHECK(ticks == TICKS && bad_ticks == 0 && now.it_value.tv_sec == 0 && now.it_value.tv_nsec == 0);
    CHECK(timer_delete(periodic) == 0);
    errno = 0;
    int r = timer_gettime(periodic, &now);
    int err = errno;
    printf("timer_gettime after timer_delete: %d %s\n", r, strerror(err));
    CHECK(r == -1 && err == EINVAL);
}

/* ---- overruns ---- */
static void test_overrun(void)
{
    stage = "overrun";
    int sig = SIGRTMIN + 1;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = 99;
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0);
    struct itimerspec every_5ms = {{0, 5000000}, {0, 5000000}};
    CHECK(timer_settime(t, 0, &every_5ms, NULL) == 0);
    sleep_ms(200);      /* about 40 expirations, one signal pending */
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r = sigwaitinfo(&set, &si);
    int over = timer_getoverrun(t);
    timer_delete(t);
    printf("overrun: signal %d, SI_TIMER %d, value %d, si_overrun > 0 %d, timer_getoverrun the same %d\n",
           r == sig, si.si_code == SI_TIMER, si.si_value.sival_int, si.si_overrun > 0, over == si.si_overrun);
    CHECK(r == sig && si.si_code == SI_TIMER && si.si_value.sival_int == 99 && si.si_overrun > 0 &&
          over == si.si_overrun);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* ---- absolute one-shot ---- */
static volatile sig_atomic_t shots;

static void on_shot(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    shots++;
}

static void test_absolute(void)
{
    stage = "absolute timer";
    set_info(SIGUSR2, on_shot);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR2;
    timer_t t;
    CHECK(timer_create(CLOCK_REALTIME, &ev, &t) == 0);
    struct itimerspec at = {{0, 0}, {0, 0}};
    clock_gettime(CLOCK_REALTIME, &at.it_value);
    at.it_value.tv_nsec += 50000000;
    if (at.it_value.tv_nsec >= 1000000000) {
        at.it_value.tv_sec++;
        at.it_value.tv_nsec -= 1000000000;
    }
    CHECK(timer_settime(t, TIMER_ABSTIME, &at, NULL) == 0);
    while (shots == 0)
        sleep_ms(1);
    sleep_ms(100);
    printf("absolute one-shot: fired %d time(s)\n", (int)shots);
    CHECK(shots == 1);
    timer_delete(t);
}

/* ---- SIGEV_THREAD_ID ---- */
#define AIMED 3
static volatile pid_t target_tid, handled_by[AIMED];
static volatile sig_atomic_t aimed_hits;
static volatile int stop_target;

static void on_aimed(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    if (aimed_hits < AIMED)
        handled_by[aimed_hits] = gettid();
    aimed_hits++;
}

static void *target(void *arg)
{
    (void)arg;
    target_tid = gettid();
    while (!stop_target)
        sleep_ms(1);
    return NULL;
}

static void test_thread_id(void)
{
    stage = "SIGEV_THREAD_ID";
    set_info(SIGUSR1, on_aimed);
    pthread_t t;
    t = start_thread(NULL, target, NULL);
    while (target_tid == 0)
        sleep_ms(1);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_notify_thread_id = target_tid;
    timer_t tm;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &tm) == 0);
    struct itimerspec shot = {{0, 0}, {0, 20000000}};
    for (int i = 0; i < AIMED; i++) {
        CHECK(timer_settime(tm, 0, &shot, NULL) == 0);
        while (aimed_hits <= i)
            sleep_ms(1);        /* main is free to take it: only the target may */
    }
    timer_delete(tm);
    stop_target = 1;
    pthread_join(t, NULL);
    int right = 0;
    for (int i = 0; i < AIMED; i++)
        right += handled_by[i] == target_tid;
    printf("SIGEV_THREAD_ID: %d signals, handled by the thread named %d\n", (int)aimed_hits, right);
    CHECK(aimed_hits == AIMED && right == AIMED);
}

/* ---- SIGEV_THREAD ---- */
static volatile int notified, notified_off_main, bad_value;
static pid_t main_tid;

static void notify(union sigval v)
{
    if (v.sival_ptr != &notified)
        __atomic_fetch_add(&bad_value, 1, __ATOMIC_SEQ_CST);
    if (gettid() != main_tid)
        __atomic_fetch_add(&notified_off_main, 1, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&notified, 1, __ATOMIC_SEQ_CST);
}

static void test_sigev_thread(void)
{
    stage = "SIGEV_THREAD";
    main_tid = gettid();
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = notify;
    ev.sigev_value.sival_ptr = (void *)&notified;
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0);
    CHECK(timer_settime(t, 0, &every_50ms, NULL) == 0);
    while (__atomic_load_n(&notified, __ATOMIC_SEQ_CST) < 3)
        sleep_ms(1);
    timer_settime(t, 0, &disarmed, NULL);
    timer_delete(t);
    sleep_ms(50);       /* a call under way finishes */
    int n = __atomic_load_n(&notified, __ATOMIC_SEQ_CST);
    printf("SIGEV_THREAD: called at least 3 times %d, all off the main thread %d, bad values %d\n", n >= 3,
           notified_off_main == n, bad_value);
    CHECK(n >= 3 && notified_off_main == n && bad_value == 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_periodic();
    test_overrun();
    test_absolute();
    test_thread_id();
    test_sigev_thread();
    return guest_done();
}
