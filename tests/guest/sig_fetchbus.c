/* Running code from a file mapping past the end of its file raises SIGBUS
 * (si_code BUS_ADRERR) at the first address the fetch could not read, as a
 * read there does: at the page past the end, also when an instruction
 * starts in the file's last bytes and straddles into it. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf jb;
static char *base;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("signal %d code %d at offset %ld\n", sig, si->si_code, (long)((char *)si->si_addr - base));
    siglongjmp(jb, 1);
}

static void call_at(long off)
{
    void (*fn)(void) = (void (*)(void))(base + off);
    if (!sigsetjmp(jb, 1)) {
        fn();
        printf("call at %ld returned\n", off);
    }
}

int main(void)
{
    char path[] = "/tmp/rvdbt-fetchbusXXXXXX";
    int fd = mkstemp(path);
    static uint8_t page[4096];
    const uint16_t ret = 0x8082;               /* c.jr ra */
    const uint16_t addi_lo = 0x0513;           /* low half of addi a0, a0, 0 */
    memcpy(page, &ret, 2);
    memcpy(page + 4094, &addi_lo, 2);
    if (fd < 0 || write(fd, page, sizeof page) != (ssize_t)sizeof page)
        return 1;
    unlink(path);
    base = mmap(NULL, 3 * 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED)
        return 2;
    struct sigaction sa = { .sa_sigaction = on_signal, .sa_flags = SA_SIGINFO };
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    call_at(0);
    call_at(4094);
    call_at(4096);
    call_at(2 * 4096 + 2);
    printf("done\n");
    return 0;
}
