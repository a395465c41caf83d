/* Memory slow paths and slot refill. */
#include <signal.h>
#include <string.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr_exec.h"
#include "translator/tr_probe.h"

_Noreturn void tlb_fault(struct rv_cpu *cpu, int sig, uint64_t addr, uint64_t pc)
{
    cpu->fault_addr = addr;
    cpu->fault_bus_adrerr = 0;
    cpu->pc = pc;
    siglongjmp(cpu->fault_jmp, sig);
}

/* A store into a page holding translated code: drop those translations
 * before the store lands, so the new code is translated when next run. */
static void store_to_code(struct rv_cpu *cpu, uint64_t addr, unsigned size)
{
    struct mmu *m = &cpu->proc->mmu;
    for (uint64_t page = addr & ~(MMU_PAGE_SIZE - 1); page < addr + size; page += MMU_PAGE_SIZE) {
        if (mmu_code_test(m, page))
            tr_exec_invalidate(cpu, page, page + MMU_PAGE_SIZE);
    }
}

static bool touches_code(const struct mmu *m, uint64_t addr, unsigned size)
{
    return mmu_code_test(m, addr) || mmu_code_test(m, addr + size - 1);
}

void tlb_flush(struct rv_cpu *cpu)
{
    for (uint32_t i = 0; i <= cpu->tlb_mask; i++)
        cpu->tlb[i].page = TLB_EMPTY;
}

/* The run of adjacent regions around r that all give prot: the mapping is
 * flat, so they share one backing and one slot may cover them all. At most
 * WIDEN_MAX regions each way, so that a fill stays cheap among tens of
 * thousands of small mappings (a narrower slot only misses sooner). */
enum { WIDEN_MAX = 32 };

static void widen(const struct mmu *m, const struct mmu_region *r, int prot, uint64_t *lo, uint64_t *hi)
{
    size_t i = (size_t)(r - m->regions), j = i, at = i;
    while (i > 0 && at - i < WIDEN_MAX && m->regions[i - 1].end == m->regions[i].start &&
           (m->regions[i - 1].prot & prot))
        i--;
    while (j + 1 < m->n_regions && j - at < WIDEN_MAX && m->regions[j + 1].start == m->regions[j].end &&
           (m->regions[j + 1].prot & prot))
        j++;
    *lo = m->regions[i].start;
    *hi = m->regions[j].end;
}

static void tlb_fill(struct rv_cpu *cpu, struct tlb_entry *e, uint64_t page)
{
    struct mmu *m = &cpu->proc->mmu;
    pthread_rwlock_rdlock(&m->lock);
    const struct mmu_region *r = mmu_lookup(m, page);
    e->page = page;
    e->rlo = e->rhi = e->wlo = e->whi = 0;
    if (r && (r->prot & MMU_R))
        widen(m, r, MMU_R, &e->rlo, &e->rhi);
    if (r && (r->prot & MMU_W) && !mmu_code_test(m, page)) {
        widen(m, r, MMU_W, &e->wlo, &e->whi);
        mmu_code_clip(m, page, &e->wlo, &e->whi);
    }
    pthread_rwlock_unlock(&m->lock);
}

/* The address Linux reports for an access that faults: its start, or the
 * first page of it that is not accessible when it straddles. */
static uint64_t first_denied(struct mmu *m, uint64_t addr, unsigned size, int prot)
{
    uint64_t next = (addr & ~(MMU_PAGE_SIZE - 1)) + MMU_PAGE_SIZE;
    if (next < addr + size && next > addr && mmu_check(m, addr, next - addr, prot))
        return next;
    return addr;
}

/* The slow path: the TLB entry of the access's first page gives the widest
 * range a slot may cover; an access inside it refills the site's slot. The
 * rest is rare and checked against the region map directly: a store into
 * translated code (invalidate first), and accesses straddling a range end
 * (fine if every byte is accessible, else a fault). */
static uint64_t slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc, int prot)
{
    struct mmu *m = &cpu->proc->mmu;
    unsigned size = TLB_SITE_SIZE(site);
    uint64_t host = (uint64_t)(uintptr_t)m->base + addr;
    uint64_t page = addr & ~(MMU_PAGE_SIZE - 1);

    if (addr >= MMU_GUEST_SIZE)
        tlb_fault(cpu, SIGSEGV, addr, pc);
    struct tlb_entry *e = &cpu->tlb[(page / MMU_PAGE_SIZE) & cpu->tlb_mask];
    if (e->page == page) {
        cpu->cnt.tlb_hits++;
    } else {
        cpu->cnt.tlb_misses++;
        tlb_fill(cpu, e, page);
    }
    uint64_t lo = prot == MMU_W ? e->wlo : e->rlo, hi = prot == MMU_W ? e->whi : e->rhi;
    if (addr >= lo && addr + size <= hi && addr + size > addr) {
        if (!cpu->proc->opt.ic_miss) {
            struct ic_mem_slot *s = &cpu->mem_slots[TLB_SITE_NUM(site)];
            tr_probe_refill(cpu, (uint32_t)TLB_SITE_NUM(site));
            if (s->span)
                s[1] = s[0];
            s->lower = lo;
            s->span = tlb_slot_span(lo, hi, size);
            s->addend = (uint64_t)(uintptr_t)m->base;
        }
        return host;
    }
    if (!mmu_check(m, addr, size, prot))
        tlb_fault(cpu, SIGSEGV, first_denied(m, addr, size, prot), pc);
    if (prot == MMU_W && touches_code(m, addr, size)) {
        store_to_code(cpu, addr, size);
        tlb_flush(cpu);
    }
    return host;
}

/* A fault leaves through fault_jmp with prof_where still SLOW: the
 * dispatcher's landing sets it back. */
uint64_t tlb_load_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc)
{
    cpu->cnt.ic_load_misses++;
    cpu->prof_where = TR_WHERE_SLOW;
    tr_probe_miss(cpu, (uint32_t)TLB_SITE_NUM(site), addr);
    uint64_t host = cpu->priv.bare ? tlb_bare_access(cpu, addr, site, pc, false) : slow(cpu, addr, site, pc, MMU_R);
    cpu->prof_where = TR_WHERE_DISPATCH;
    return host;
}

uint64_t tlb_store_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc)
{
    cpu->cnt.ic_store_misses++;
    cpu->prof_where = TR_WHERE_SLOW;
    tr_probe_miss(cpu, (uint32_t)TLB_SITE_NUM(site), addr);
    uint64_t host = cpu->priv.bare ? tlb_bare_access(cpu, addr, site, pc, true) : slow(cpu, addr, site, pc, MMU_W);
    cpu->prof_where = TR_WHERE_DISPATCH;
    return host;
}

void *tlb_host_atomic(struct rv_cpu *cpu, uint64_t addr, unsigned size, int prot, uint64_t pc)
{
    struct mmu *m = &cpu->proc->mmu;
    if (cpu->priv.bare)
        return tlb_bare_atomic(cpu, addr, size, prot, pc);
    if (addr & (size - 1))
        tlb_fault(cpu, SIGBUS, addr, pc);
    if (!mmu_check(m, addr, size, prot))
        tlb_fault(cpu, SIGSEGV, addr, pc);
    if ((prot & MMU_W) && touches_code(m, addr, size)) {
        store_to_code(cpu, addr, size);
        tlb_flush(cpu);
    }
    return m->base + addr;
}

/* Executable pages of a file mapping past the end of the file: the host
 * read faults, and Linux gives SIGBUS (BUS_ADRERR) where the region map
 * allows the fetch. The dispatcher reads fault_bus_adrerr when the first
 * instruction of a block cannot be fetched; a later one ends the block
 * before it, and faults when the next block starts there. */
static bool fetch_bus(struct rv_cpu *cpu, uint64_t addr)
{
    cpu->fault_addr = addr;
    cpu->fault_bus_adrerr = 1;
    return false;
}

bool tlb_fetch(struct rv_cpu *cpu, uint64_t pc, uint32_t *word)
{
    struct mmu *m = &cpu->proc->mmu;
    if (cpu->priv.bare)
        return tlb_bare_fetch(cpu, pc, word);
    const uint8_t *p = mmu_ptr(m, pc, 2, MMU_X);
    uint16_t lo;
    cpu->fault_addr = pc;
    cpu->fault_bus_adrerr = 0;
    if (!p)
        return false;
    if (!mmu_copy_guarded(&lo, p, 2))
        return fetch_bus(cpu, pc);
    if ((lo & 3) != 3) {
        *word = lo;
        return true;
    }
    /* When only the second half faults, Linux reports its address. */
    cpu->fault_addr = pc + 2;
    p = mmu_ptr(m, pc, 4, MMU_X);
    if (!p)
        return false;
    return mmu_copy_guarded(word, p, 4) || fetch_bus(cpu, pc + 2);
}
