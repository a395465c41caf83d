/* Memory slow paths and slot refill. */
#include <signal.h>
#include <string.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr_cache.h"

_Noreturn void tlb_fault(struct rv_cpu *cpu, int sig, uint64_t addr, uint64_t pc)
{
    cpu->fault_addr = addr;
    cpu->pc = pc;
    siglongjmp(cpu->fault_jmp, sig);
}

/* A store into a page holding translated code: drop those translations
 * before the store lands, so the new code is translated when next run. */
static void store_to_code(struct rv_cpu *cpu, uint64_t addr, unsigned size)
{
    struct mmu *m = &cpu->proc->mmu;
    for (uint64_t page = addr & ~(MMU_PAGE_SIZE - 1); page < addr + size; page += MMU_PAGE_SIZE) {
        if (mmu_code_test(m, page)) {
            mmu_code_clear(m, page);
            tr_cache_invalidate(cpu->proc->cache, cpu, page, page + MMU_PAGE_SIZE);
        }
    }
}

static bool touches_code(const struct mmu *m, uint64_t addr, unsigned size)
{
    return mmu_code_test(m, addr) || mmu_code_test(m, addr + size - 1);
}

/* Refill from the region holding addr, widened over adjacent regions that
 * also give the permission: the mapping is flat, so they share the backing
 * (one addend). Store slots stop short of pages holding translated code. An
 * access straddling into a region without the permission is refused; one
 * that straddles the slot's range otherwise is done once without filling. */
static uint64_t slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc, int prot)
{
    struct mmu *m = &cpu->proc->mmu;
    unsigned size = TLB_SITE_SIZE(site);
    uint64_t host = (uint64_t)(uintptr_t)m->base + addr;
    bool ok = false, code = false;

    pthread_rwlock_rdlock(&m->lock);
    const struct mmu_region *r = mmu_lookup(m, addr);
    if (r && (r->prot & prot) && addr + size > addr) {
        size_t i = (size_t)(r - m->regions), j = i;
        while (i > 0 && m->regions[i - 1].end == m->regions[i].start && (m->regions[i - 1].prot & prot))
            i--;
        while (j + 1 < m->n_regions && m->regions[j + 1].start == m->regions[j].end &&
               (m->regions[j + 1].prot & prot))
            j++;
        uint64_t lo = m->regions[i].start, hi = m->regions[j].end;
        if (addr + size <= hi) {
            ok = true;
            code = (prot & MMU_W) && touches_code(m, addr, size);
            if (prot & MMU_W && !code)
                mmu_code_clip(m, addr, &lo, &hi);
            if (!code && !cpu->proc->opt.ic_miss && addr >= lo && addr + size <= hi) {
                struct ic_mem_slot *s = &cpu->mem_slots[TLB_SITE_NUM(site)];
                s->lower = lo;
                s->span = tlb_slot_span(lo, hi, size);
                s->addend = (uint64_t)(uintptr_t)m->base;
            }
        }
    }
    pthread_rwlock_unlock(&m->lock);
    if (!ok)
        tlb_fault(cpu, SIGSEGV, addr, pc);
    if (code)
        store_to_code(cpu, addr, size);
    return host;
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
