/* SIGSEGV handlers: si_addr and si_code (SEGV_MAPERR where nothing is mapped,
 * SEGV_ACCERR where a mapping refuses the access) for a null, a wild and a
 * read-only access; leaving the handler by siglongjmp, a thousand times, on
 * the same stack each time; and a handler that fixes the fault with mprotect
 * and returns, so the access is done again and succeeds.
 * With the argument "ignored", SIGSEGV is ignored and a fault must kill. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

static sigjmp_buf env;
static volatile uintptr_t got_addr, handler_sp;
static volatile int got_code, hits;
/* Addresses kept in volatile variables: the compiler cannot see a null or
 * wild dereference and replace it with a trap. */
static volatile uintptr_t null_addr = 0, wild_addr = 0x5a5a5a5a5a0;

static void jump_out(int sig, siginfo_t *si, void *uc)
{
    volatile char here;
    (void)uc;
    hits++;
    got_addr = (uintptr_t)si->si_addr;
    got_code = si->si_code;
    handler_sp = (uintptr_t)&here;
    if (sig == SIGSEGV && si->si_signo == SIGSEGV)
        siglongjmp(env, 1);
}

static long page;

static void fix_it(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    hits++;
    got_addr = (uintptr_t)si->si_addr;
    got_code = si->si_code;
    CHECK(mprotect((void *)(got_addr & ~(uintptr_t)(page - 1)), page, PROT_READ | PROT_WRITE) == 0);
}

static void handle(void (*h)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
}

/* Reads (or writes) addr; 1 if that faulted into jump_out. */
static int faults(uintptr_t addr, int write)
{
    if (sigsetjmp(env, 1))
        return 1;
    if (write)
        *(volatile int *)addr = 1;
    else
        (void)*(volatile int *)addr;
    return 0;
}

static const char *code_name(int code)
{
    return code == SEGV_MAPERR ? "MAPERR" : code == SEGV_ACCERR ? "ACCERR" : "other";
}

static void expect(const char *what, uintptr_t addr, int write, int code)
{
    hits = 0;
    got_addr = 0;
    int f = faults(addr, write);
    printf("%s: fault %d, addr ok %d, %s\n", what, f, got_addr == addr, code_name(got_code));
    CHECK(f && hits == 1 && got_addr == addr && got_code == code);
}

int main(int argc, char **argv)
{
    page = sysconf(_SC_PAGESIZE);
    if (argc > 1 && !strcmp(argv[1], "ignored")) {
        signal(SIGSEGV, SIG_IGN);
        printf("faulting with SIGSEGV ignored\n");
        fflush(stdout);
        return *(volatile int *)null_addr;
    }

    handle(jump_out);
    char *ro = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *none = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED && none != MAP_FAILED);
    expect("null read", null_addr, 0, SEGV_MAPERR);
    expect("null write", null_addr, 1, SEGV_MAPERR);
    expect("wild read", wild_addr, 0, SEGV_MAPERR);
    expect("read-only write", (uintptr_t)ro + 8, 1, SEGV_ACCERR);
    expect("no-access read", (uintptr_t)none + 100, 0, SEGV_ACCERR);
    CHECK(munmap(none, page) == 0);
    expect("unmapped read", (uintptr_t)none + 100, 0, SEGV_MAPERR);

    /* siglongjmp restored the mask: SIGSEGV is not left blocked */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGSEGV blocked after siglongjmp: %d\n", sigismember(&cur, SIGSEGV));
    CHECK(!sigismember(&cur, SIGSEGV));

    /* the frames do not pile up: every handler runs at the same sp */
    int n = 0, same_sp = 1;
    uintptr_t first_sp = 0;
    for (int i = 0; i < 1000; i++) {
        n += faults(i & 1 ? wild_addr : null_addr, i & 2);
        if (i == 0)
            first_sp = handler_sp;
        same_sp &= handler_sp == first_sp;
    }
    printf("1000 faults: caught %d, same handler sp %d\n", n, same_sp);
    CHECK(n == 1000 && same_sp);

    /* the handler makes the page accessible and returns: the access is retried */
    handle(fix_it);
    /* volatile: the stores must happen where they are written, between the
     * reads of hits */
    volatile int *p = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    hits = 0;
    p[5] = 1234;
    printf("fixed write: hits %d, addr ok %d, %s, value %d\n", (int)hits, got_addr == (uintptr_t)&p[5],
           code_name(got_code), p[5]);
    CHECK(hits == 1 && p[5] == 1234);
    CHECK(mprotect((void *)p, page, PROT_READ) == 0);
    hits = 0;
    int before = p[5];
    p[7] = before + 1;
    printf("fixed read-only: hits %d, %s, value %d\n", (int)hits, code_name(got_code), p[7]);
    CHECK(hits == 1 && got_code == SEGV_ACCERR && p[7] == 1235);
    return guest_done();
}
