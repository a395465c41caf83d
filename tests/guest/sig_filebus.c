/* Reading a file mapping past the end of its file raises SIGBUS (si_code
 * BUS_ADRERR) at the faulting address; the inline-cache fast path does such
 * reads directly, so the host's bus error must become the guest's signal. */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile char *base;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("signal %d code %d at offset %ld\n", sig, si->si_code, (long)((char *)si->si_addr - (char *)base));
    siglongjmp(jb, 1);
}

int main(void)
{
    char path[] = "/tmp/rvdbt-filebusXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, "hello", 5) != 5)
        return 1;
    unlink(path);
    base = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED)
        return 2;
    struct sigaction sa = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
    sigaction(SIGBUS, &sa, NULL);
    printf("inside the file: %c%c\n", base[0], base[4]);
    printf("rest of the page: %d\n", base[100]);
    for (int i = 0; i < 3; i++)
        if (!sigsetjmp(jb, 1))
            printf("read %d\n", base[4096 + i * 8]);
    printf("done\n");
    return 0;
}
