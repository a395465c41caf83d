/* Code taken away from under a thread running it: a second thread spins in
 * a generated loop (translated, chained to itself) while main unmaps its
 * page, makes it read-write only or PROT_NONE, or maps zeros over it with
 * MAP_FIXED. The spinning thread must fault there as on Linux: SIGSEGV
 * (SEGV_MAPERR, SEGV_ACCERR) at an address in the page with the pc there
 * too, or SIGILL for the zeros; its handler reports and leaves the thread
 * by siglongjmp. With the argument "kill", there is no handler and the
 * unmapping must kill the process (status 139). riscv64 only. */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include "guest.h"
#include "rv_enc.h"
#include "watchdog.h"

static uint32_t *code;
static volatile int entered;
static sigjmp_buf out;
static volatile int got_sig, got_code, addr_in, pc_in;

static int in_code(uintptr_t a)
{
    return a >= (uintptr_t)code && a < (uintptr_t)code + 4096;
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    addr_in = in_code((uintptr_t)si->si_addr);
    pc_in = in_code(uc->uc_mcontext.__gregs[REG_PC]);
    siglongjmp(out, 1);
}

static void *spinner(void *arg)
{
    (void)arg;
    if (!sigsetjmp(out, 1)) {
        entered = 1;
        ((void (*)(void))code)();
    }
    return NULL;
}

/* a0++ forever */
static void write_loop(void)
{
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code[0] = rv_addi(A0, A0, 1);
    code[1] = 0xffdff06f;      /* j code[0] */
    __builtin___clear_cache((char *)code, (char *)(code + 2));
}

static void take_away(const char *how)
{
    if (!strcmp(how, "munmap"))
        munmap(code, 4096);
    else if (!strcmp(how, "read-write"))
        mprotect(code, 4096, PROT_READ | PROT_WRITE);
    else if (!strcmp(how, "PROT_NONE"))
        mprotect(code, 4096, PROT_NONE);
    else
        mmap(code, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

static void round_of(const char *how)
{
    char what[64];
    snprintf(what, sizeof what, "code %s under a running thread", how);
    stage = what;
    write_loop();
    got_sig = 0;
    entered = 0;
    pthread_t t = start_thread(NULL, spinner, NULL);
    while (!entered)
        ;
    nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);    /* well inside the loop */
    take_away(how);
    pthread_join(t, NULL);
    printf("%s: signal %d, code %d, si_addr %s, pc %s\n", how, got_sig, got_code,
           addr_in ? "in the page" : "elsewhere", pc_in ? "in the page" : "elsewhere");
    CHECK(addr_in && pc_in && got_sig != 0);
    munmap(code, 4096);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    if (argc > 1 && !strcmp(argv[1], "kill")) {
        write_loop();
        pthread_t t = start_thread(NULL, spinner, NULL);
        while (!entered)
            ;
        nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);
        take_away("munmap");
        pthread_join(t, NULL);
        printf("still alive\n");
        return 1;
    }
    struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    static const char *const ways[] = { "munmap", "read-write", "PROT_NONE", "MAP_FIXED zeros" };
    for (size_t i = 0; i < sizeof ways / sizeof *ways; i++)
        round_of(ways[i]);
    return guest_done();
}
