/* The dispatcher: find or translate the block at the guest pc, run it, and act
 * on why it returned: chain the exit just taken, refill a jalr slot, carry out
 * a syscall. Guest faults raised in slow paths arrive here through
 * cpu->fault_jmp. A fault runs the guest's handler if it has one (else it ends
 * the guest), and signals a syscall left pending run theirs before the guest
 * goes on. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "linux/proc.h"
#include "linux/sig.h"
#include "linux/sys.h"
#include "softmmu/tlb.h"
#include "translator/tr_cache.h"
#include "translator/tr_log.h"
#include "translator/tr_priv.h"

/* The guest thread running translated code on this host thread. */
static __thread struct rv_cpu *current;

void tr_host_fault(int sig, uint64_t host_addr, uint64_t rip)
{
    struct rv_cpu *cpu = current;
    uint64_t pc;
    if (!cpu || (sig != SIGSEGV && sig != SIGBUS))
        return;
    struct mmu *m = &cpu->proc->mmu;
    uint64_t base = (uint64_t)(uintptr_t)m->base;
    if (host_addr < base || host_addr - base >= MMU_GUEST_SIZE || !tr_cache_guest_pc(cpu->proc->cache, rip, &pc))
        return;
    cpu->fault_addr = host_addr - base;
    cpu->fault_bus_adrerr = sig == SIGBUS;
    cpu->pc = pc;
    siglongjmp(cpu->fault_jmp, sig);
}

static struct tr_block *find_block(struct tr_cache *c, struct rv_cpu *cpu)
{
    cpu->cnt.lookups++;
    struct tr_block *b = tr_cache_lookup(c, cpu->pc);
    if (b) {
        cpu->cnt.lookup_hits++;
        return b;
    }
    b = tr_translate(c, cpu, cpu->pc);
    if (!b && cpu->priv.bare) {
        priv_raise(cpu);        /* the fetch faulted: the trap handler runs next */
        return NULL;
    }
    if (!b) {
        if (!sig_fault(cpu, SIGSEGV, cpu->fault_addr))
            sys_die_by_signal(cpu, SIGSEGV, cpu->pc, cpu->fault_addr);
        return NULL;            /* the handler runs next */
    }
    if (cpu->proc->opt.log_mask)
        tr_log_block(cpu->proc->opt.log, cpu->proc->opt.log_mask, &cpu->proc->mmu, c, b);
    return b;
}

/* After a syscall changed the address space, no slot may still cover what
 * changed, and no translation of code that is no longer executable may run. */
static void after_syscall(struct tr_cache *c, struct rv_cpu *cpu)
{
    if (cpu->flush_icache) {
        cpu->flush_icache = 0;
        tr_cache_flush(c, cpu);
    }
    struct mmu *m = &cpu->proc->mmu;
    if (cpu->mmu_generation != m->generation) {
        cpu->mmu_generation = m->generation;
        memset(cpu->mem_slots, 0, (size_t)c->n_sites * sizeof cpu->mem_slots[0]);
        tlb_flush(cpu);
        /* Code there was unmapped, replaced (MAP_FIXED) or re-protected. */
        if (m->changed_lo < m->changed_hi) {
            tr_cache_invalidate(c, cpu, m->changed_lo, m->changed_hi);
            mmu_code_clear_range(m, m->changed_lo, m->changed_hi);
        }
        m->changed_lo = m->changed_hi = 0;
    }
}

_Noreturn void tr_run(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    /* What loading changed concerns no translation or slot yet. */
    cpu->mmu_generation = cpu->proc->mmu.generation;
    cpu->proc->mmu.changed_lo = cpu->proc->mmu.changed_hi = 0;
    /* The signal mask is saved: a host fault in translated code (see
     * tr_host_fault) leaves its handler through here. */
    current = cpu;
    int sig = sigsetjmp(cpu->fault_jmp, 1);
    if (sig && cpu->priv.bare)
        priv_raise(cpu);        /* a trap raised by a slow path (tlb_trap) */
    else if (sig && !sig_fault(cpu, sig, cpu->fault_addr))
        sys_die_by_signal(cpu, sig, cpu->pc, cpu->fault_addr);

    uint64_t chain_from = 0, flushes = 0;
    int64_t jalr_site = -1;
    for (;;) {
        struct tr_block *b = find_block(c, cpu);
        if (!b) {
            chain_from = 0;     /* the exit taken leads to a trap or handler, not to a block */
            jalr_site = -1;
            continue;
        }
        /* A flush since the exit was taken freed the code it lives in. */
        if (c->flushes == flushes) {
            if (chain_from && !c->no_chain) {
                tr_chain_patch(c, chain_from, b);
                cpu->cnt.chain_patches++;
            }
            if (jalr_site >= 0)
                tr_jtab_fill(c, cpu, (uint32_t)jalr_site, b);
        }
        chain_from = 0;
        jalr_site = -1;

        int why = tr_enter(c, cpu, b->host);
        flushes = c->flushes;
        if (cpu->priv.bare && priv_exit(cpu, why))
            continue;
        switch (why) {
        case RV_EXIT_NEXT:
            chain_from = cpu->chain_from;
            cpu->chain_from = 0;
            break;
        case RV_EXIT_JALR:
            cpu->cnt.ic_jalr_misses++;
            jalr_site = cpu->jalr_site;
            break;
        case RV_EXIT_JTABLE:
            /* In the slot's window but not translated yet: a miss after all. */
            cpu->cnt.ic_jalr_misses++;
            if (cpu->proc->opt.count_hits)
                cpu->cnt.ic_jalr_hits--;
            break;
        case RV_EXIT_ECALL:
            /* pc moves past the ecall first, so a syscall that sets the pc
             * (rt_sigreturn) simply overwrites it. */
            cpu->pc += 4;
            sys_dispatch(cpu);
            after_syscall(c, cpu);
            sig_deliver_pending(cpu);
            break;
        case RV_EXIT_EBREAK:
            if (sig_fault(cpu, SIGTRAP, cpu->pc))
                break;
            sys_die_by_signal(cpu, SIGTRAP, cpu->pc, 0);
        case RV_EXIT_ILLEGAL:
            if (sig_fault(cpu, SIGILL, cpu->pc))
                break;
            fprintf(stderr, "rvdbt: illegal instruction 0x%0*x at pc 0x%llx\n",
                    (cpu->fault_insn & 3) == 3 ? 8 : 4, cpu->fault_insn, (unsigned long long)cpu->pc);
            sys_die_by_signal(cpu, SIGILL, cpu->pc, 0);
        case RV_EXIT_FENCE_I:
            tr_cache_flush(c, cpu);
            break;
        }
    }
}
