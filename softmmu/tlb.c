/* Memory slow paths and slot refill. */
#include <signal.h>
#include <string.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"

_Noreturn void tlb_fault(struct rv_cpu *cpu, int sig, uint64_t addr, uint64_t pc)
{
    cpu->fault_addr = addr;
    cpu->pc = pc;
    siglongjmp(cpu->fault_jmp, sig);
}

/* Refill from the region holding addr. An access that the region covers
 * entirely fills the slot; one that straddles into a neighbour with the same
 * permission is done once through the flat mapping without filling the slot
 * (the slot holds one backing only). */
static uint64_t slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc, int prot)
{
    struct mmu *m = &cpu->proc->mmu;
    unsigned size = TLB_SITE_SIZE(site);
    uint64_t host = 0;

    pthread_rwlock_rdlock(&m->lock);
    const struct mmu_region *r = mmu_lookup(m, addr);
    if (r && (r->prot & prot) && addr + size <= r->end && addr + size > addr) {
        if (!cpu->proc->opt.ic_miss) {
            struct ic_mem_slot *s = &cpu->mem_slots[TLB_SITE_NUM(site)];
            s->lower = r->start;
            s->span = tlb_slot_span(r->start, r->end, size);
            s->addend = (uint64_t)(uintptr_t)m->base;
        }
        host = (uint64_t)(uintptr_t)m->base + addr;
    }
    pthread_rwlock_unlock(&m->lock);
    if (host)
        return host;
    if (mmu_check(m, addr, size, prot))
        return (uint64_t)(uintptr_t)m->base + addr;
    tlb_fault(cpu, SIGSEGV, addr, pc);
}

uint64_t tlb_load_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc)
{
    cpu->cnt.ic_load_misses++;
    return slow(cpu, addr, site, pc, MMU_R);
}

uint64_t tlb_store_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc)
{
    cpu->cnt.ic_store_misses++;
    return slow(cpu, addr, site, pc, MMU_W);
}

void *tlb_host_atomic(struct rv_cpu *cpu, uint64_t addr, unsigned size, int prot, uint64_t pc)
{
    struct mmu *m = &cpu->proc->mmu;
    if (addr & (size - 1))
        tlb_fault(cpu, SIGBUS, addr, pc);
    if (!mmu_check(m, addr, size, prot))
        tlb_fault(cpu, SIGSEGV, addr, pc);
    return m->base + addr;
}

bool tlb_fetch(struct rv_cpu *cpu, uint64_t pc, uint32_t *word)
{
    struct mmu *m = &cpu->proc->mmu;
    const uint8_t *p = mmu_ptr(m, pc, 2, MMU_X);
    if (!p)
        return false;
    uint16_t lo;
    memcpy(&lo, p, 2);
    if ((lo & 3) != 3) {
        *word = lo;
        return true;
    }
    p = mmu_ptr(m, pc, 4, MMU_X);
    if (!p)
        return false;
    memcpy(word, p, 4);
    return true;
}
