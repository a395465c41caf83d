/* The dispatcher: find or translate the block at the guest pc, run it, and act
 * on why it returned. Guest faults raised in slow paths arrive here through
 * cpu->fault_jmp. */
#include <signal.h>
#include <stdio.h>
#include "linux/proc.h"
#include "linux/sys.h"
#include "translator/tr_cache.h"
#include "translator/tr_log.h"

_Noreturn void tr_run(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    int sig = sigsetjmp(cpu->fault_jmp, 0);
    if (sig)
        sys_die_by_signal(cpu, sig, cpu->pc, cpu->fault_addr);

    for (;;) {
        cpu->cnt.lookups++;
        struct tr_block *b = tr_cache_lookup(c, cpu->pc);
        if (b) {
            cpu->cnt.lookup_hits++;
        } else {
            b = tr_translate(c, cpu, cpu->pc);
            if (!b)
                sys_die_by_signal(cpu, SIGSEGV, cpu->pc, cpu->fault_addr);
            if (cpu->proc->opt.log_mask)
                tr_log_block(cpu->proc->opt.log, cpu->proc->opt.log_mask, &cpu->proc->mmu, c, b);
        }
        switch (tr_enter(c, cpu, b->host)) {
        case RV_EXIT_NEXT:
            break;
        case RV_EXIT_ECALL:
            /* pc moves past the ecall first, so a syscall that sets the pc
             * (rt_sigreturn, later) simply overwrites it. */
            cpu->pc += 4;
            sys_dispatch(cpu);
            if (cpu->flush_icache) {
                cpu->flush_icache = 0;
                tr_cache_flush(c, cpu);
            }
            break;
        case RV_EXIT_EBREAK:
            sys_die_by_signal(cpu, SIGTRAP, cpu->pc, 0);
        case RV_EXIT_ILLEGAL:
            fprintf(stderr, "rvdbt: illegal instruction 0x%0*x at pc 0x%llx\n",
                    (cpu->fault_insn & 3) == 3 ? 8 : 4, cpu->fault_insn, (unsigned long long)cpu->pc);
            sys_die_by_signal(cpu, SIGILL, cpu->pc, 0);
        case RV_EXIT_FENCE_I:
            tr_cache_flush(c, cpu);
            break;
        }
    }
}
