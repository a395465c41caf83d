/* Waiting for children in the other ways: wait4 with the child's resource
 * usage (CPU time it burnt), getrusage(RUSAGE_CHILDREN); waitid with its
 * siginfo (CLD_EXITED, CLD_KILLED, CLD_STOPPED, CLD_CONTINUED), WNOHANG and
 * WNOWAIT; waitpid's WUNTRACED and WCONTINUED; a SIGCHLD handler with
 * SA_SIGINFO reaping several children from sigsuspend; and SIGCHLD ignored,
 * so children are reaped by the kernel and wait ends in ECHILD. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

static long usec(struct timeval tv)
{
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

/* Spins until this process has used MS milliseconds of CPU. */
static void burn_cpu(long ms)
{
    struct timespec ts;
    volatile unsigned long x = 0;
    do {
        for (int i = 0; i < 100000; i++)
            x += i;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    } while (ts.tv_sec * 1000L + ts.tv_nsec / 1000000 < ms);
}

static void test_wait4(void)
{
    stage = "wait4";
    pid_t p = fork_checked();
    if (p == 0) {
        burn_cpu(200);
        _exit(17);
    }
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    int st = 0;
    pid_t r = wait4(p, &st, 0, &ru);
    long cpu = usec(ru.ru_utime) + usec(ru.ru_stime);
    /* At least the CPU time the child measured itself, a little less for
     * the clocks' different granularity. */
    printf("wait4: pid ok %d, exited %d, cpu >= 150 ms %d, maxrss > 0 %d\n", r == p,
           WIFEXITED(st) ? WEXITSTATUS(st) : -1, cpu >= 150000, ru.ru_maxrss > 0);
    CHECK(r == p && WIFEXITED(st) && WEXITSTATUS(st) == 17 && cpu >= 150000 && ru.ru_maxrss > 0);
    struct rusage children;
    CHECK(getrusage(RUSAGE_CHILDREN, &children) == 0);
    long all = usec(children.ru_utime) + usec(children.ru_stime);
    printf("RUSAGE_CHILDREN covers it: %d\n", all >= cpu);
    CHECK(all >= cpu);
}

static void test_waitid(void)
{
    stage = "waitid";
    siginfo_t si;
    int ready[2];
    CHECK(pipe(ready) == 0);
    pid_t p = fork_checked();
    if (p == 0) {
        char c;
        read(ready[0], &c, 1);      /* until the parent has looked with WNOHANG */
        _exit(7);
    }
    memset(&si, 0, sizeof si);
    int r = waitid(P_PID, p, &si, WEXITED | WNOHANG);
    printf("waitid WNOHANG on a running child: %d, si_pid %d\n", r, (int)si.si_pid);
    CHECK(r == 0 && si.si_pid == 0);
    write(ready[1], "g", 1);
    memset(&si, 0, sizeof si);
    r = waitid(P_PID, p, &si, WEXITED | WNOWAIT);
    printf("waitid WNOWAIT: %d, signo %d, code %d (CLD_EXITED %d), status %d, pid ok %d\n", r, si.si_signo,
           si.si_code, CLD_EXITED, si.si_status, si.si_pid == p);
    CHECK(r == 0 && si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_status == 7 && si.si_pid == p);
    memset(&si, 0, sizeof si);
    r = waitid(P_ALL, 0, &si, WEXITED);     /* still there after WNOWAIT */
    printf("waitid P_ALL: %d, status %d, pid ok %d\n", r, si.si_status, si.si_pid == p);
    CHECK(r == 0 && si.si_status == 7 && si.si_pid == p);
    close(ready[0]);
    close(ready[1]);

    p = fork_checked();
    if (p == 0) {
        for (;;)
            pause();
    }
    kill(p, SIGTERM);
    memset(&si, 0, sizeof si);
    r = waitid(P_PID, p, &si, WEXITED);
    printf("waitid killed: %d, code %d (CLD_KILLED %d), status %d\n", r, si.si_code, CLD_KILLED, si.si_status);
    CHECK(r == 0 && si.si_code == CLD_KILLED && si.si_status == SIGTERM);

    /* stopped and continued, seen by waitid and by waitpid */
    int go[2];
    CHECK(pipe(go) == 0);
    for (int how = 0; how < 2; how++) {
        p = fork_checked();
        if (p == 0) {
            raise(SIGSTOP);
            /* After SIGCONT: exiting at once could take the continued
             * state away before the parent looks. */
            char c;
            read(go[0], &c, 1);
            _exit(11);
        }
        int st = 0;
        if (how == 0) {
            memset(&si, 0, sizeof si);
            r = waitid(P_PID, p, &si, WSTOPPED);
            printf("waitid stopped: %d, code %d (CLD_STOPPED %d), status %d\n", r, si.si_code, CLD_STOPPED,
                   si.si_status);
            CHECK(r == 0 && si.si_code == CLD_STOPPED && si.si_status == SIGSTOP);
        } else {
            r = waitpid(p, &st, WUNTRACED);
            printf("waitpid WUNTRACED: stopped %d by %d\n", WIFSTOPPED(st), WIFSTOPPED(st) ? WSTOPSIG(st) : -1);
            CHECK(r == p && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
        }
        kill(p, SIGCONT);
        if (how == 0) {
            memset(&si, 0, sizeof si);
            r = waitid(P_PID, p, &si, WCONTINUED);
            printf("waitid continued: %d, code %d (CLD_CONTINUED %d), status %d\n", r, si.si_code,
                   CLD_CONTINUED, si.si_status);
            CHECK(r == 0 && si.si_code == CLD_CONTINUED && si.si_status == SIGCONT);
        } else {
            r = waitpid(p, &st, WCONTINUED);
            printf("waitpid WCONTINUED: continued %d\n", WIFCONTINUED(st));
            CHECK(r == p && WIFCONTINUED(st));
        }
        write(go[1], "g", 1);
        r = waitpid(p, &st, 0);
        printf("then exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        CHECK(r == p && WIFEXITED(st) && WEXITSTATUS(st) == 11);
    }
    close(go[0]);
    close(go[1]);
}

#define KIDS 4
static volatile sig_atomic_t reaped, exits_sum, chld_signals, bad_info;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    chld_signals++;
    if (sig != SIGCHLD || si->si_signo != SIGCHLD || si->si_code != CLD_EXITED || si->si_pid <= 0)
        bad_info++;
    /* Several exits may come as one signal: reap all that are done. */
    int st, saved = errno;
    pid_t p;
    while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
        reaped++;
        exits_sum += WEXITSTATUS(st);
    }
    errno = saved;
}

static void test_sigchld(void)
{
    stage = "SIGCHLD handler";
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGCHLD, &sa, NULL) == 0);

    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    for (int i = 1; i <= KIDS; i++) {
        if (fork_checked() == 0)
            _exit(i);
    }
    while (reaped < KIDS)
        sigsuspend(&old);       /* returns after each handler run */
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("SIGCHLD: reaped %d, statuses add up to %d, signals >= 1 %d, bad siginfo %d\n", (int)reaped,
           (int)exits_sum, chld_signals >= 1, (int)bad_info);
    CHECK(reaped == KIDS && exits_sum == KIDS * (KIDS + 1) / 2 && chld_signals >= 1 && bad_info == 0);

    /* SIGCHLD ignored: nobody has to wait; wait itself sleeps until all
     * children are gone and then finds none. */
    stage = "SIGCHLD ignored";
    signal(SIGCHLD, SIG_IGN);
    for (int i = 0; i < 3; i++) {
        if (fork_checked() == 0)
            _exit(1);
    }
    int st;
    pid_t r = wait(&st);
    int err = errno;
    printf("SIGCHLD ignored: wait %d, %s\n", (int)r, strerror(err));
    CHECK(r == -1 && err == ECHILD);
    signal(SIGCHLD, SIG_DFL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_wait4();
    test_waitid();
    test_sigchld();
    return guest_done();
}
