/* HTIF commands (see htif.h). The run ends here when the guest reports:
 * status 0 and "PASS" for a pass; status 1 and "FAIL: test N" for a failure
 * of test N (Spike and QEMU's spike machine exit with N instead; the message
 * carries N here, the status only says pass or fail). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "linux/proc.h"
#include "softmmu/htif.h"

enum { SYS_WRITE = 64, SYS_EXIT = 93 };

static _Noreturn void finish(struct rv_cpu *cpu, uint64_t code)
{
    cpu->proc->exit_status = code != 0;
    if (code == 0) {
        fputs("PASS\n", stderr);
        exit(0);
    }
    fprintf(stderr, "FAIL: test %llu\n", (unsigned long long)code);
    exit(1);
}

static uint8_t *phys(struct rv_cpu *cpu, uint64_t pa, uint64_t len)
{
    return mmu_ptr(&cpu->proc->mmu, pa, len, MMU_R | MMU_W);
}

static void answer(struct rv_cpu *cpu, uint64_t v)
{
    uint64_t *from = cpu->priv.fromhost ? (uint64_t *)phys(cpu, cpu->priv.fromhost, 8) : NULL;
    if (from)
        *from = v;
}

/* The syscall proxy: arguments at pa (which, a0, a1, a2, ...), the result
 * replaces `which`, then fromhost says it is there. */
static void syscall_proxy(struct rv_cpu *cpu, uint64_t pa)
{
    uint64_t *args = (uint64_t *)phys(cpu, pa, 4 * 8);
    if (!args) {
        fprintf(stderr, "rvdbt: HTIF syscall block at 0x%llx is not in memory\n", (unsigned long long)pa);
        return;
    }
    int64_t ret = -ENOSYS;
    if (args[0] == SYS_WRITE && (args[1] == 1 || args[1] == 2)) {
        const uint8_t *buf = phys(cpu, args[2], args[3]);
        ret = buf ? (int64_t)write((int)args[1], buf, args[3]) : -EFAULT;
    } else if (args[0] == SYS_EXIT) {
        finish(cpu, args[1]);
    } else {
        fprintf(stderr, "rvdbt: HTIF syscall %llu is not supported\n", (unsigned long long)args[0]);
    }
    args[0] = (uint64_t)ret;
    answer(cpu, 1);
}

void htif_check(struct rv_cpu *cpu, uint64_t pa, uint64_t len)
{
    if (!htif_touches(&cpu->priv, pa, len))
        return;
    uint64_t *tohost = (uint64_t *)phys(cpu, cpu->priv.tohost, 8);
    uint64_t v = tohost ? *tohost : 0;
    if (!v)
        return;
    unsigned dev = (unsigned)(v >> 56), cmd = (unsigned)(v >> 48) & 0xff;
    uint64_t payload = v & ((1ull << 48) - 1);
    if (dev == 0 && cmd == 0 && (payload & 1))
        finish(cpu, payload >> 1);
    if (dev == 0 && cmd == 0) {
        syscall_proxy(cpu, payload);
    } else if (dev == 1 && cmd == 1) {
        char c = (char)payload;
        if (write(1, &c, 1) < 0)
            perror("rvdbt: console");
        /* Spike's console answers every character: device and command, and
         * 0x100 with the character; a putchar may wait for it. */
        answer(cpu, (v & ~((1ull << 48) - 1)) | 0x100 | (uint8_t)c);
    } else {
        fprintf(stderr, "rvdbt: HTIF command 0x%016llx (device %u, command %u) ignored\n",
                (unsigned long long)v, dev, cmd);
    }
    *tohost = 0;
}
