/* Signals a program sends itself, delivered to its handlers: raise and kill
 * (si_code, si_pid, si_uid), the mask while a handler runs (the signal
 * itself unless SA_NODEFER), SA_RESETHAND, signals pending while blocked and
 * delivered when unblocked (several at once: the frames nest), and abort()
 * caught by a SIGABRT handler that exits.
 * Not here: sa_mask, which qemu-riscv64 7.2, the oracle, leaves out of the
 * mask a riscv64 handler runs with (a handler of SIGUSR1 with SIGUSR2 in
 * sa_mask that raises SIGUSR2 is interrupted at once there, not on x86-64
 * Linux); tests/unit/test_signal.c checks it. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

static volatile sig_atomic_t hits, depth, max_depth;
static volatile int last_sig;
static siginfo_t last_info;
static char order[64];
static volatile int order_len;

static int blocked_now(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

static void note(char c)
{
    if (order_len < (int)sizeof order - 1)
        order[order_len++] = c;
}

static void plain(int sig)
{
    hits++;
    last_sig = sig;
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
    hits++;
    last_sig = sig;
    last_info = *si;
    CHECK(uc != NULL);
}

/* What the mask holds while the handler runs. */
static volatile int in_self, in_usr2;
static void mask_probe(int sig)
{
    hits++;
    in_self = blocked_now(sig);
    in_usr2 = blocked_now(SIGUSR2);
}

/* Raises its own signal again twice from inside: nested at once with
 * SA_NODEFER, one after another (each on the previous one's return) without. */
static void reraise(int sig)
{
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    note('(');
    if (++hits < 3)
        raise(sig);
    note(')');
    depth--;
}

static void order_probe(int sig)
{
    note(sig == SIGUSR1 ? '1' : sig == SIGUSR2 ? '2' : '?');
}

static void on_abort(int sig)
{
    printf("abort caught: %d\n", sig == SIGABRT);
    _exit(guest_done());
}

static void set(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void set_info(int sig, void (*h)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

int main(void)
{
    /* raise: the handler has run when raise returns */
    set(SIGUSR1, plain, 0);
    hits = 0;
    CHECK(raise(SIGUSR1) == 0);
    printf("raise: hits %d, sig %d\n", (int)hits, last_sig);
    CHECK(hits == 1 && last_sig == SIGUSR1);
    CHECK(kill(getpid(), SIGUSR1) == 0);
    printf("kill: hits %d\n", (int)hits);

    /* SA_SIGINFO: who sent it and how */
    set_info(SIGUSR2, with_info);
    hits = 0;
    raise(SIGUSR2);
    printf("raise info: signo %d code %d pid ok %d uid ok %d\n", last_info.si_signo, last_info.si_code,
           last_info.si_pid == getpid(), last_info.si_uid == getuid());
    CHECK(last_info.si_signo == SIGUSR2 && last_info.si_code == SI_TKILL);
    kill(getpid(), SIGUSR2);
    printf("kill info: signo %d code %d pid ok %d\n", last_info.si_signo, last_info.si_code,
           last_info.si_pid == getpid());
    CHECK(last_info.si_code == SI_USER && hits == 2);

    /* the mask in the handler: the signal itself, restored after */
    set(SIGUSR1, mask_probe, 0);
    raise(SIGUSR1);
    printf("in handler: self %d, other %d; after: self %d\n", in_self, in_usr2, blocked_now(SIGUSR1));
    CHECK(in_self == 1 && in_usr2 == 0 && !blocked_now(SIGUSR1));
    set(SIGUSR1, mask_probe, SA_NODEFER);
    raise(SIGUSR1);
    printf("SA_NODEFER: self %d\n", in_self);
    CHECK(in_self == 0);

    /* re-raised from inside the handler: nested, or after it returns */
    set(SIGUSR1, reraise, SA_NODEFER);
    hits = max_depth = 0;
    order_len = 0;
    raise(SIGUSR1);
    order[order_len] = 0;
    printf("SA_NODEFER re-raise: %s depth %d\n", order, (int)max_depth);
    CHECK(max_depth == 3);
    set(SIGUSR1, reraise, 0);
    hits = max_depth = 0;
    order_len = 0;
    raise(SIGUSR1);
    order[order_len] = 0;
    printf("deferred re-raise: %s depth %d\n", order, (int)max_depth);
    CHECK(max_depth == 1 && !strcmp(order, "()()()"));

    /* SA_RESETHAND: once, then the default again */
    set(SIGUSR1, mask_probe, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction now;
    sigaction(SIGUSR1, NULL, &now);
    printf("SA_RESETHAND: self blocked %d, handler now default %d\n", in_self, now.sa_handler == SIG_DFL);
    CHECK(now.sa_handler == SIG_DFL);

    /* blocked: pending until unblocked, then delivered before sigprocmask returns */
    set(SIGUSR1, plain, 0);
    sigset_t block, pend;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    hits = 0;
    raise(SIGUSR1);
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: hits %d, pending %d\n", (int)hits, sigismember(&pend, SIGUSR1));
    CHECK(hits == 0 && sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    sigpending(&pend);
    printf("unblocked: hits %d, pending %d\n", (int)hits, sigismember(&pend, SIGUSR1));
    CHECK(hits == 1 && !sigismember(&pend, SIGUSR1));

    /* two pending at once: the lower is delivered first, so its handler is
     * interrupted by the second's before running a single instruction */
    set(SIGUSR1, order_probe, 0);
    set(SIGUSR2, order_probe, 0);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR2);
    raise(SIGUSR1);
    order_len = 0;
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    order[order_len] = 0;
    printf("two pending: %s\n", order);
    CHECK(strlen(order) == 2);

    /* an ignored signal is dropped, even one whose default is fatal */
    signal(SIGTERM, SIG_IGN);
    raise(SIGTERM);
    printf("ignored SIGTERM: survived\n");

    set(SIGABRT, on_abort, 0);
    fflush(stdout);
    abort();
}
