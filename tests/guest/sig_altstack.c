/* sigaltstack and SA_ONSTACK: a handler asking for the alternate stack runs
 * on it (checked by the address of a local), a nested one below the first on
 * the same stack, one without SA_ONSTACK on the ordinary stack; while on it,
 * sigaltstack reports SS_ONSTACK and refuses a change. Last, the classic
 * use: a stack overflow caught on the alternate stack and left by
 * siglongjmp. Not here: SS_AUTODISARM, which qemu-riscv64 7.2 (the oracle)
 * refuses with EINVAL; tests/unit/test_signal.c checks it. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include "guest.h"


#define ALT_SIZE (64 * 1024)
static char alt[ALT_SIZE] __attribute__((aligned(16)));

static volatile uintptr_t sp_usr1, sp_usr2;
static volatile int flags_in, eperm_in, nest_usr2;

static int on_alt(uintptr_t p)
{
    return p >= (uintptr_t)alt && p < (uintptr_t)alt + ALT_SIZE;
}

static void usr2(int sig)
{
    volatile char here;
    (void)sig;
    sp_usr2 = (uintptr_t)&here;
}

static void usr1(int sig)
{
    volatile char here;
    stack_t now, again;
    (void)sig;
    sp_usr1 = (uintptr_t)&here;
    sigaltstack(NULL, &now);
    flags_in = now.ss_flags;
    again = now;
    again.ss_flags = 0;
    eperm_in = sigaltstack(&again, NULL) == -1 && errno == EPERM;
    if (nest_usr2)
        raise(SIGUSR2);
}

static void handle(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static sigjmp_buf env;
static volatile uintptr_t sp_segv;

static void on_segv(int sig)
{
    volatile char here;
    (void)sig;
    sp_segv = (uintptr_t)&here;
    siglongjmp(env, 1);
}

static volatile int never = -1;

static __attribute__((noinline)) int recurse(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    if (n == never)
        return 0;
    return recurse(n + 1) + pad[0];
}

int main(void)
{
    stack_t ss = { .ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0 }, old;
    CHECK(sigaltstack(&ss, &old) == 0);
    printf("before: flags %d\n", old.ss_flags);
    CHECK(old.ss_flags == SS_DISABLE);

    handle(SIGUSR1, usr1, SA_ONSTACK);
    handle(SIGUSR2, usr2, 0);
    raise(SIGUSR1);
    printf("SA_ONSTACK: on alt %d, flags %d, change refused %d\n", on_alt(sp_usr1), flags_in, eperm_in);
    CHECK(on_alt(sp_usr1) && flags_in == SS_ONSTACK && eperm_in);
    raise(SIGUSR2);
    printf("without SA_ONSTACK: on alt %d\n", on_alt(sp_usr2));
    CHECK(!on_alt(sp_usr2));
    sigaltstack(NULL, &old);
    printf("after: flags %d, same stack %d\n", old.ss_flags, old.ss_sp == alt && old.ss_size == ALT_SIZE);
    CHECK(old.ss_flags == 0);

    /* nested: the second handler runs on the alternate stack, below the first */
    handle(SIGUSR2, usr2, SA_ONSTACK);
    nest_usr2 = 1;
    raise(SIGUSR1);
    printf("nested: on alt %d %d, below %d\n", on_alt(sp_usr1), on_alt(sp_usr2), sp_usr2 < sp_usr1);
    CHECK(on_alt(sp_usr1) && on_alt(sp_usr2) && sp_usr2 < sp_usr1);

    /* a nested handler from the ordinary stack: not on the alternate one */
    handle(SIGUSR2, usr2, 0);
    raise(SIGUSR1);
    printf("nested without SA_ONSTACK: on alt %d\n", on_alt(sp_usr2));
    CHECK(on_alt(sp_usr2));     /* it runs on the stack it interrupted: the alternate one */

    /* a stack overflow: only the alternate stack has room for the handler */
    handle(SIGSEGV, on_segv, SA_ONSTACK | SA_NODEFER);
    if (!sigsetjmp(env, 1))
        recurse(0);
    printf("stack overflow caught on alt %d\n", on_alt(sp_segv));
    CHECK(on_alt(sp_segv));
    return guest_done();
}
