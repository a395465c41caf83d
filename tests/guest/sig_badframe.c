/* Signals whose frame cannot be written or read back, each of which Linux
 * answers by killing the process with SIGSEGV (status 139), never by running
 * a handler on garbage. The argument says which:
 *   altunmapped  the handler's alternate stack is nowhere mapped
 *   altreadonly  the alternate stack is a read-only mapping
 *   sigreturn    rt_sigreturn with sp on zeros: the "frame" restores pc 0
 *   sigreturnbad rt_sigreturn with sp where nothing is mapped
 *   refault      a SIGSEGV handler that faults again, with SIGSEGV blocked
 *                while it runs
 *   refaultnodefer  the same with SA_NODEFER|SA_RESETHAND: the second fault
 *                finds the default action
 * riscv64 only (rt_sigreturn is made with ecall). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define RV_NR_rt_sigreturn 139

static volatile uintptr_t wild = 0x5a5a5a5a000;

static void on_usr1(int sig)
{
    (void)sig;
    static const char msg[] = "handler ran\n";
    write(1, msg, sizeof msg - 1);
}

static void on_segv(int sig)
{
    (void)sig;
    static const char msg[] = "in the SIGSEGV handler\n";
    write(1, msg, sizeof msg - 1);
    *(volatile int *)wild = 1;
}

static void alt_at(void *p)
{
    stack_t ss = { .ss_sp = p, .ss_size = 64 * 1024 };
    if (sigaltstack(&ss, NULL) != 0)
        _exit(2);
    struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_ONSTACK };
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
}

static void sigreturn_with_sp(uintptr_t sp)
{
    register long a7 asm("a7") = RV_NR_rt_sigreturn;
    asm volatile("mv sp, %0\n ecall" : : "r"(sp), "r"(a7) : "memory");
}

int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(how, "altunmapped")) {
        alt_at((void *)wild);
    } else if (!strcmp(how, "altreadonly")) {
        alt_at(mmap(NULL, 64 * 1024, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    } else if (!strcmp(how, "sigreturn")) {
        uint8_t *zeros = mmap(NULL, 64 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        sigreturn_with_sp((uintptr_t)zeros + 32 * 1024);
    } else if (!strcmp(how, "sigreturnbad")) {
        sigreturn_with_sp(wild);
    } else if (!strcmp(how, "refault")) {
        signal(SIGSEGV, on_segv);
        *(volatile int *)wild = 1;
    } else if (!strcmp(how, "refaultnodefer")) {
        struct sigaction sa = { .sa_handler = on_segv, .sa_flags = SA_NODEFER | SA_RESETHAND };
        sigaction(SIGSEGV, &sa, NULL);
        *(volatile int *)wild = 1;
    }
    printf("still alive\n");
    return 1;
}
