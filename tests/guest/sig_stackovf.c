/* Unbounded recursion: the stack overflows and the guest gets SIGSEGV, as a
 * program on Linux does. How it ends depends on the argument:
 *   (none)     no handler: killed by SIGSEGV (status 139)
 *   alt        a handler on the alternate stack catches it and leaves by
 *              _exit(42), after checking it runs on that stack
 *   noalt      a handler without an alternate stack: there is no stack to
 *              run it on, so the kernel kills with SIGSEGV (139)
 *   thread     the overflow happens in a second thread with a 256 KiB stack:
 *              the guard page below it kills the process (139)
 *   threadalt  the same thread with an alternate stack of its own: its
 *              handler leaves by _exit(43) */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define ALT_SIZE (64 * 1024)
static char alt[ALT_SIZE] __attribute__((aligned(16)));
static int exit_code;

static void on_segv(int sig)
{
    volatile char here;
    (void)sig;
    /* write and _exit only: the ordinary stack is gone */
    if ((uintptr_t)&here < (uintptr_t)alt || (uintptr_t)&here >= (uintptr_t)alt + ALT_SIZE)
        _exit(3);
    static const char msg[] = "caught the overflow on the alternate stack\n";
    write(1, msg, sizeof msg - 1);
    _exit(exit_code);
}

/* 1 KiB a frame, kept by the volatile array and the use after the call;
 * the call goes through a pointer, so gcc does not refuse the recursion as
 * endless. */
static unsigned long recurse(unsigned long n);
static unsigned long (*volatile recurse_p)(unsigned long) = recurse;
static unsigned long recurse(unsigned long n)
{
    volatile char frame[1024];
    frame[n % sizeof frame] = (char)n;
    return recurse_p(n + 1) + frame[(n * 7) % sizeof frame];
}

static void handle(int onstack)
{
    struct sigaction sa = { .sa_handler = on_segv, .sa_flags = onstack ? SA_ONSTACK : 0 };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
}

static void use_alt(void)
{
    stack_t ss = { .ss_sp = alt, .ss_size = ALT_SIZE };
    sigaltstack(&ss, NULL);
}

static void *overflow_thread(void *arg)
{
    if (arg)
        use_alt();      /* not inherited: the thread's own */
    printf("%lu\n", recurse_p(0));
    return NULL;
}

int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "";
    /* Natively the main stack grows to RLIMIT_STACK: keep it as small as
     * the emulators' (8 MiB) so the recursion ends soon. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (8u << 20))) {
        rl.rlim_cur = 8u << 20;
        setrlimit(RLIMIT_STACK, &rl);
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(how, "alt")) {
        exit_code = 42;
        use_alt();
        handle(1);
    } else if (!strcmp(how, "noalt")) {
        handle(0);
    } else if (!strncmp(how, "thread", 6)) {
        exit_code = 43;
        handle(1);
        pthread_attr_t a;
        pthread_attr_init(&a);
        pthread_attr_setstacksize(&a, 256 * 1024);
        pthread_t t;
        if (pthread_create(&t, &a, overflow_thread, how[6] ? alt : NULL) != 0)
            return 4;
        pthread_join(t, NULL);
        return 5;
    }
    printf("%lu\n", recurse_p(0));
    return 5;
}
