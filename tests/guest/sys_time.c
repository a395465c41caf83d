/* Timers and clocks: POSIX timers with SIGEV_NONE (armed, read back,
 * disarmed, overruns, deleted, bad ids), a signal timer read through a
 * signalfd (argument "signal"), interval timers set and read back, clock_getres and
 * clock_nanosleep, times, adjtimex reading the clock state, and the
 * refusals for bad clocks and values. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == EFAULT ? "EFAULT" : e == EPERM ? "EPERM" : "other";
}

static void test_posix_timers(void)
{
    struct sigevent ev = { .sigev_notify = SIGEV_NONE };
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0);
    struct itimerspec its = { .it_interval = { 0, 1000000 }, .it_value = { 5, 0 } }, cur, old;
    CHECK(timer_settime(t, 0, &its, NULL) == 0 && timer_gettime(t, &cur) == 0);
    printf("timer armed: value in (4s,5s] %d interval %ld\n",
           cur.it_value.tv_sec == 4 || (cur.it_value.tv_sec == 5 && cur.it_value.tv_nsec == 0),
           cur.it_interval.tv_nsec);
    its = (struct itimerspec){ .it_interval = { 0, 0 }, .it_value = { 0, 1000000 } };
    CHECK(timer_settime(t, 0, &its, &old) == 0);
    printf("timer re-armed, old value was about 5s: %d\n", old.it_value.tv_sec == 4);
    struct timespec wait = { 0, 5000000 };
    nanosleep(&wait, NULL);
    CHECK(timer_gettime(t, &cur) == 0);
    printf("one-shot expired: %d, overruns %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0,
           timer_getoverrun(t));
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    its = (struct itimerspec){ .it_value = { now.tv_sec + 100, 0 } };
    CHECK(timer_settime(t, TIMER_ABSTIME, &its, NULL) == 0 && timer_gettime(t, &cur) == 0);
    printf("absolute timer on the monotonic clock: %d\n", cur.it_value.tv_sec > 0);
    its.it_value.tv_nsec = 1000000000;
    int r = timer_settime(t, 0, &its, NULL);
    printf("bad nsec: %d %s\n", r, err(errno));
    CHECK(timer_delete(t) == 0);
    r = (int)syscall(SYS_timer_gettime, 1000, &cur);
    printf("unknown timer id: %d %s\n", r, err(errno));
    r = timer_create(12345, &ev, &t);
    printf("bad clock: %d %s\n", r, err(errno));
    ev.sigev_notify = 99;
    r = timer_create(CLOCK_MONOTONIC, &ev, &t);
    printf("bad notify: %d %s\n", r, err(errno));

}

/* A signal timer whose signal is blocked: the expiry waits as a pending
 * signal, which a signalfd then reads with the timer's value. (Run with the
 * argument "signal": it needs the host thread's mask to follow the guest's.) */
static void test_signal_timer(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    int fd = signalfd(-1, &set, SFD_CLOEXEC);
    CHECK(fd >= 0);
    struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1,
                           .sigev_value.sival_int = 77 };
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0);
    struct itimerspec its = { .it_value = { 0, 1000000 } }, cur;
    CHECK(timer_settime(t, 0, &its, NULL) == 0);
    struct signalfd_siginfo si;
    memset(&si, 0, sizeof si);
    ssize_t n = read(fd, &si, sizeof si);
    printf("signalfd read: %zd signo %u code SI_TIMER %d value %d\n", n, si.ssi_signo,
           si.ssi_code == SI_TIMER, si.ssi_int);
    CHECK(timer_gettime(t, &cur) == 0);
    printf("signal timer expired: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
    CHECK(timer_delete(t) == 0);
    close(fd);
}

static void test_itimers(void)
{
    struct itimerval v = { .it_interval = { 0, 0 }, .it_value = { 100, 0 } }, got, old;
    CHECK(setitimer(ITIMER_REAL, &v, NULL) == 0 && getitimer(ITIMER_REAL, &got) == 0);
    printf("ITIMER_REAL: value in (99s,100s] %d\n", got.it_value.tv_sec == 99 ||
           (got.it_value.tv_sec == 100 && got.it_value.tv_usec == 0));
    v = (struct itimerval){ .it_value = { 0, 0 } };
    CHECK(setitimer(ITIMER_REAL, &v, &old) == 0 && getitimer(ITIMER_REAL, &got) == 0);
    printf("disarmed: old about 100s %d, now %ld.%06ld\n", old.it_value.tv_sec == 99,
           (long)got.it_value.tv_sec, (long)got.it_value.tv_usec);
    v = (struct itimerval){ .it_interval = { 1, 0 }, .it_value = { 50, 0 } };
    CHECK(setitimer(ITIMER_VIRTUAL, &v, NULL) == 0 && getitimer(ITIMER_VIRTUAL, &got) == 0);
    printf("ITIMER_VIRTUAL: interval %ld value set %d\n", (long)got.it_interval.tv_sec, got.it_value.tv_sec > 0);
    v = (struct itimerval){ 0 };
    CHECK(setitimer(ITIMER_VIRTUAL, &v, NULL) == 0);
    int r = getitimer(7, &got);
    printf("bad which: %d %s\n", r, err(errno));
    v.it_value.tv_usec = 2000000;
    r = setitimer(ITIMER_REAL, &v, NULL);
    printf("bad usec: %d %s\n", r, err(errno));
}

static void test_clocks(void)
{
    struct timespec res;
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0);
    printf("clock_getres monotonic: %ld.%09ld\n", (long)res.tv_sec, res.tv_nsec);
    printf("clock_getres NULL: %d\n", clock_getres(CLOCK_REALTIME, NULL));
    struct timespec t0, t1, d = { 0, 2000000 };
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL) == 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
    printf("clock_nanosleep 2ms: slept at least that %d\n", ns >= 2000000);
    t1.tv_nsec += 1000000;
    if (t1.tv_nsec >= 1000000000) {
        t1.tv_sec++;
        t1.tv_nsec -= 1000000000;
    }
    printf("clock_nanosleep absolute: %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t1, NULL));
    printf("clock_nanosleep bad clock: %d\n", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &d, NULL));
    struct tms tm;
    clock_t c = times(&tm);
    printf("times: ticking %d\n", c != (clock_t)-1);
    struct timex tx = { .modes = 0 };
    int state = adjtimex(&tx);
    printf("adjtimex read: state ok %d tick %ld\n", state >= 0, tx.tick);
    tx = (struct timex){ .modes = 0x8000 };
    int r = adjtimex(&tx);
    printf("adjtimex bad modes: %d %s\n", r, err(errno));
    r = clock_settime(CLOCK_MONOTONIC, &t0);
    printf("clock_settime monotonic: %d %s\n", r, err(errno));
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "signal")) {
        test_signal_timer();
        return guest_done();
    }
    test_posix_timers();
    test_itimers();
    test_clocks();
    return guest_done();
}
