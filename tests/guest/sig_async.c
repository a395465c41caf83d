/* Signals from another process, delivered whenever they come: SA_SIGINFO
 * fields of a child's kill (si_signo, si_code SI_USER, si_pid, si_uid) and
 * sigqueue (SI_QUEUE, si_value, real-time signals queued and delivered in
 * order), waited for with sigsuspend; a second signal arriving while a
 * handler runs, nested at once where it is another signal or SA_NODEFER is
 * set, held pending until the handler returns otherwise; sigwaitinfo,
 * sigwait and sigtimedwait (its timeout); SA_RESETHAND (the second one
 * kills); and the default actions seen by a parent: a child's raise(SIGTERM),
 * SIGTERM blocked and then unblocked, SIGINT ignored, SIGKILL not catchable. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

static void set_info(int sig, void (*h)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static sigset_t just(int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    return s;
}

static int reap(pid_t p)
{
    int st = -1;
    while (waitpid(p, &st, 0) < 0 && errno == EINTR)
        ;
    return st;
}

static void describe(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

/* ---- siginfo from a child, sigqueue ---- */
#define RT_SENT 5
static volatile sig_atomic_t got;
static siginfo_t infos[8];

static void record(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    if (got < 8)
        infos[got] = *si;
    got++;
}

static void test_siginfo(void)
{
    stage = "siginfo from a child";
    set_info(SIGUSR1, record, 0);
    sigset_t usr1 = just(SIGUSR1), none, old;
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &usr1, &old);
    got = 0;
    pid_t parent = getpid();
    pid_t p = fork_checked();
    if (p == 0) {
        kill(parent, SIGUSR1);
        _exit(0);
    }
    while (got == 0)
        sigsuspend(&none);      /* SIGUSR1 blocked outside: no race with the test */
    reap(p);
    printf("kill from a child: signo %d, code SI_USER %d, pid is the child's %d, uid %d\n", infos[0].si_signo,
           infos[0].si_code == SI_USER, infos[0].si_pid == p, infos[0].si_uid == getuid());
    CHECK(infos[0].si_signo == SIGUSR1 && infos[0].si_code == SI_USER && infos[0].si_pid == p &&
          infos[0].si_uid == getuid());

    /* real-time signals are queued: all of them, in the order sent */
    stage = "sigqueue";
    int rt = SIGRTMIN + 2;
    set_info(rt, record, 0);
    sigset_t rtset = just(rt);
    sigprocmask(SIG_BLOCK, &rtset, NULL);
    got = 0;
    int ready[2];
    CHECK(pipe(ready) == 0);
    p = fork_checked();
    if (p == 0) {
        for (int i = 1; i <= RT_SENT; i++)
            sigqueue(parent, rt, (union sigval){.sival_int = i * 11});
        write(ready[1], "s", 1);
        _exit(0);
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);      /* all queued by now */
    close(ready[0]);
    close(ready[1]);
    reap(p);
    sigprocmask(SIG_UNBLOCK, &rtset, NULL);     /* all delivered before this returns */
    printf("sigqueue: %d of %d delivered, values", (int)got, RT_SENT);
    int in_order = got == RT_SENT;
    for (int i = 0; i < got && i < 8; i++) {
        printf(" %d", infos[i].si_value.sival_int);
        in_order &= infos[i].si_value.sival_int == (i + 1) * 11 && infos[i].si_code == SI_QUEUE &&
                    infos[i].si_pid == p && infos[i].si_signo == rt;
    }
    printf(", all SI_QUEUE from the child in order %d\n", in_order);
    CHECK(in_order);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- a signal while a handler runs ---- */
static int to_child[2], from_child[2];
static volatile sig_atomic_t depth, max_depth, runs, pending_inside;

/* The child sends the signal named by each byte it reads, then acks. */
static pid_t start_sender(void)
{
    CHECK(pipe(to_child) == 0 && pipe(from_child) == 0);
    pid_t parent = getpid();
    pid_t p = fork_checked();
    if (p == 0) {
        close(to_child[1]);
        close(from_child[0]);
        unsigned char sig;
        while (read(to_child[0], &sig, 1) == 1) {
            kill(parent, sig);
            write(from_child[1], "k", 1);
        }
        _exit(0);
    }
    close(to_child[0]);
    close(from_child[1]);
    return p;
}

static void stop_sender(pid_t p)
{
    close(to_child[1]);
    close(from_child[0]);
    reap(p);
}

/* Asking the child for a signal, and waiting for its acks: a signal is
 * pending, or already delivered, once the child has acked it. Counted, so a
 * handler that asks again while its own request's ack is in flight takes
 * both. */
static volatile sig_atomic_t asked, acked;

static void ask(int sig)
{
    unsigned char s = (unsigned char)sig;
    asked++;
    write(to_child[1], &s, 1);
}

static void wait_acks(void)
{
    char ack;
    while (acked < asked)
        if (read(from_child[0], &ack, 1) == 1)
            acked++;
}

static void request(int sig)
{
    ask(sig);
    wait_acks();
}

static void nesting(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (runs++ == 0) {
        request(sig == SIGUSR1 ? SIGUSR2 : sig);    /* USR1 asks for USR2, the others for themselves */
        sigset_t p;
        sigpending(&p);
        pending_inside = sigismember(&p, sig);
    }
    depth--;
}

static void test_nested(void)
{
    stage = "nested signals";
    pid_t p = start_sender();
    struct {
        const char *what;
        int sig, flags;
        int want_depth, want_pending;
    } cases[] = {
        {"another signal in a handler", SIGUSR1, SA_RESTART, 2, 0},
        {"its own signal with SA_NODEFER", SIGHUP, SA_RESTART | SA_NODEFER, 2, 0},
        {"its own signal without", SIGUSR2, SA_RESTART, 1, 1},
    };
    set_info(SIGUSR2, nesting, SA_RESTART);
    sigset_t all = just(SIGUSR1), none, old;
    sigaddset(&all, SIGUSR2);
    sigaddset(&all, SIGHUP);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &all, &old);
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        set_info(cases[i].sig, nesting, cases[i].flags);
        depth = max_depth = runs = pending_inside = 0;
        ask(cases[i].sig);
        while (runs < 2)
            sigsuspend(&none);
        wait_acks();
        printf("%s: handler runs %d, deepest %d, pending inside %d\n", cases[i].what, (int)runs, (int)max_depth,
               (int)pending_inside);
        CHECK(runs == 2 && max_depth == cases[i].want_depth && pending_inside == cases[i].want_pending);
    }
    stop_sender(p);
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGHUP, SIG_DFL);
}

/* ---- waiting for signals instead of handling them ---- */
static void test_sigwait(void)
{
    stage = "sigwait";
    sigset_t both = just(SIGUSR1), old;
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, &old);
    pid_t p = start_sender();

    request(SIGUSR2);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r = sigwaitinfo(&both, &si);
    printf("sigwaitinfo: SIGUSR2 %d, SI_USER %d, from the child %d\n", r == SIGUSR2, si.si_code == SI_USER,
           si.si_pid == p);
    CHECK(r == SIGUSR2 && si.si_signo == SIGUSR2 && si.si_code == SI_USER && si.si_pid == p);

    request(SIGUSR1);
    int sig = 0;
    r = sigwait(&both, &sig);
    printf("sigwait: %d, SIGUSR1 %d\n", r, sig == SIGUSR1);
    CHECK(r == 0 && sig == SIGUSR1);

    struct timespec ts = {0, 100 * 1000 * 1000};
    errno = 0;
    r = sigtimedwait(&both, &si, &ts);
    int err = errno;
    printf("sigtimedwait with nothing sent: %d %s\n", r, strerror(err));
    CHECK(r == -1 && err == EAGAIN);

    request(SIGUSR1);
    ts.tv_sec = 20;
    r = sigtimedwait(&both, &si, &ts);
    printf("sigtimedwait with SIGUSR1 sent: SIGUSR1 %d, from the child %d\n", r == SIGUSR1, si.si_pid == p);
    CHECK(r == SIGUSR1 && si.si_pid == p);
    stop_sender(p);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- default actions, seen by the parent ---- */
static int ack_fd;

static void ack(int sig)
{
    (void)sig;
    write(ack_fd, "h", 1);
}

static void test_defaults(void)
{
    stage = "default actions";
    pid_t p = fork_checked();
    if (p == 0) {
        raise(SIGTERM);
        _exit(0);
    }
    describe("child's raise(SIGTERM)", reap(p));

    int ready[2];
    CHECK(pipe(ready) == 0);
    char c;
    p = fork_checked();
    if (p == 0) {
        sigset_t term = just(SIGTERM);
        sigprocmask(SIG_BLOCK, &term, NULL);
        write(ready[1], "r", 1);
        while (1) {
            sigset_t pend;
            sigpending(&pend);
            if (sigismember(&pend, SIGTERM))
                break;
            usleep(1000);
        }
        write(1, "SIGTERM pending in the child\n", 29);
        sigprocmask(SIG_UNBLOCK, &term, NULL);  /* dies here */
        _exit(0);
    }
    CHECK(read(ready[0], &c, 1) == 1);
    kill(p, SIGTERM);
    describe("SIGTERM blocked, then unblocked", reap(p));

    int go[2];
    CHECK(pipe(go) == 0);
    p = fork_checked();
    if (p == 0) {
        signal(SIGINT, SIG_IGN);
        write(ready[1], "r", 1);
        read(go[0], &c, 1);     /* the parent's go, after its SIGINT */
        _exit(5);
    }
    CHECK(read(ready[0], &c, 1) == 1);
    kill(p, SIGINT);
    write(go[1], "g", 1);
    describe("SIGINT ignored", reap(p));
    close(go[0]);
    close(go[1]);

    /* SA_RESETHAND: the handler once, then the default, which kills */
    int acks[2];
    CHECK(pipe(acks) == 0);
    p = fork_checked();
    if (p == 0) {
        ack_fd = acks[1];
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = ack;
        sa.sa_flags = SA_RESETHAND;
        sigaction(SIGUSR1, &sa, NULL);
        write(ready[1], "r", 1);
        for (;;)
            pause();
    }
    CHECK(read(ready[0], &c, 1) == 1);
    kill(p, SIGUSR1);
    int handled = read(acks[0], &c, 1) == 1;
    kill(p, SIGUSR1);
    printf("SA_RESETHAND: first handled %d\n", handled);
    describe("SA_RESETHAND, second signal", reap(p));
    close(acks[0]);
    close(acks[1]);
    close(ready[0]);
    close(ready[1]);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ack;
    errno = 0;
    int r = sigaction(SIGKILL, &sa, NULL);
    int err = errno;
    printf("sigaction(SIGKILL): %d %s\n", r, strerror(err));
    CHECK(r == -1 && err == EINVAL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_siginfo();
    test_nested();
    test_sigwait();
    test_defaults();
    return guest_done();
}
