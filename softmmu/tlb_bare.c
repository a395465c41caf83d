/* Bare mode's memory slow paths. Guest addresses are physical, or Sv39
 * virtual addresses translated through a small software TLB in front of the
 * page-table walk (softmmu/sv39.c); physical memory is the region map of the
 * guest space (RAM and the image's segments). A fault becomes a trap: the
 * cause and address are recorded and translated code is left through
 * cpu->fault_jmp, with cpu->pc at the faulting instruction; the dispatcher
 * takes the trap (translator/tr_priv.c).
 *
 * Slots: a slot filled under paging covers one virtual page (lower = the
 * page, addend = host address of its physical page - lower); one filled with
 * physical addresses covers the whole region. Neither ever covers the page of
 * `tohost`, so every store there reaches the slow path, which carries it out
 * itself and hands the HTIF the command (softmmu/htif.c).
 *
 * Stores the slow path carries out itself (to tohost, or split over two
 * pages whose frames are not adjacent): the slow path returns before the
 * store's value is even loaded, so it decodes the store at pc again to find
 * its source register (translated code keeps guest registers in cpu->x and
 * cpu->f at every helper call), writes the bytes, and returns the address of
 * a sink for the fast path's own write. Loads split that way are read into a
 * bounce buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/proc.h"
#include "softmmu/htif.h"
#include "softmmu/sv39.h"
#include "softmmu/tlb.h"
#include "translator/rv_arch.h"
#include "translator/rv_insn.h"

#define PAGE MMU_PAGE_SIZE

_Noreturn void tlb_trap(struct rv_cpu *cpu, uint64_t cause, uint64_t tval, uint64_t pc)
{
    cpu->priv.trap_cause = cause;
    cpu->priv.trap_tval = tval;
    cpu->pc = pc;
    siglongjmp(cpu->fault_jmp, 1);
}

void tlb_bare_flush(struct rv_cpu *cpu)
{
    for (int i = 0; i < RV_TLB_SIZE; i++)
        cpu->priv.tlb[i].vpn = RV_TLB_EMPTY;
}

static uint64_t access_fault(enum sv39_access acc)
{
    return acc == SV39_FETCH ? CAUSE_FETCH_ACCESS : acc == SV39_LOAD ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
}

static uint64_t page_fault(enum sv39_access acc)
{
    return acc == SV39_FETCH ? CAUSE_FETCH_PAGE : acc == SV39_LOAD ? CAUSE_LOAD_PAGE : CAUSE_STORE_PAGE;
}

/* Host address of physical [pa, pa + len) when all of it is memory. */
static uint8_t *phys(struct rv_cpu *cpu, uint64_t pa, uint64_t len)
{
    return mmu_ptr(&cpu->proc->mmu, pa, len, MMU_R);
}

static uint64_t *pte_at(void *cpu, uint64_t pa)
{
    return (uint64_t *)phys(cpu, pa, 8);
}

/* The physical address of va for an access of kind acc at the current
 * privilege (instruction fetch) or data privilege (loads and stores), or
 * false with the trap cause. A TLB entry whose permissions refuse the access
 * is walked again rather than trusted to fault: the PTE may have changed. */
static bool xlate(struct rv_cpu *cpu, uint64_t va, enum sv39_access acc, uint64_t *pa, uint64_t *cause)
{
    struct rv_priv *p = &cpu->priv;
    unsigned prv = acc == SV39_FETCH ? p->prv : priv_data_prv(p);
    if (!priv_paged(p, prv)) {
        *pa = va;
        return true;
    }
    bool sum = p->mstatus & MSTATUS_SUM, mxr = p->mstatus & MSTATUS_MXR;
    struct rv_tlb_entry *e = &p->tlb[(va >> 12) & (RV_TLB_SIZE - 1)];
    if (e->vpn == va >> 12) {
        uint64_t flags = e->ppage & 0xff;
        if (sv39_allows(flags, acc, prv, sum, mxr) && (acc != SV39_STORE || (flags & SV39_D))) {
            cpu->cnt.tlb_hits++;
            *pa = (e->ppage & ~(PAGE - 1)) | (va & (PAGE - 1));
            return true;
        }
    }
    cpu->cnt.tlb_misses++;
    struct sv39_req r = { .satp = p->satp, .va = va, .acc = acc, .prv = prv, .sum = sum, .mxr = mxr };
    struct sv39_leaf leaf;
    switch (sv39_walk(&r, pte_at, cpu, &leaf)) {
    case SV39_OK:
        e->vpn = va >> 12;
        e->ppage = (leaf.pa & ~(PAGE - 1)) | (leaf.pte & 0xff);
        *pa = leaf.pa;
        return true;
    case SV39_PAGE_FAULT:
        *cause = page_fault(acc);
        return false;
    default:
        *cause = access_fault(acc);
        return false;
    }
}

/* Host address of [va, va + len) within one page, or a trap. */
static uint8_t *host_of(struct rv_cpu *cpu, uint64_t va, uint64_t len, enum sv39_access acc, uint64_t pc,
                        uint64_t *pa)
{
    uint64_t cause;
    if (!xlate(cpu, va, acc, pa, &cause))
        tlb_trap(cpu, cause, va, pc);
    uint8_t *h = phys(cpu, *pa, len);
    if (!h)
        tlb_trap(cpu, access_fault(acc), va, pc);
    return h;
}

/* Fill the site's slot for an access of size bytes at va (physical pa):
 * the page under paging, else the region, less the tohost page. */
static void fill_slot(struct rv_cpu *cpu, uint64_t site, uint64_t va, uint64_t pa, bool paged)
{
    struct mmu *m = &cpu->proc->mmu;
    unsigned size = TLB_SITE_SIZE(site);
    uint64_t lo = pa & ~(PAGE - 1), hi = lo + PAGE;
    if (!paged) {
        const struct mmu_region *r = mmu_lookup(m, pa);
        lo = r->start;
        hi = r->end;
    }
    uint64_t io = cpu->priv.tohost & ~(PAGE - 1);
    if (cpu->priv.tohost && io < hi && lo < io + PAGE) {
        if (pa >= io + PAGE)
            lo = io + PAGE;
        else if (pa < io)
            hi = io;
        else
            return;
    }
    if (pa + size > hi)
        return;
    struct ic_mem_slot *s = &cpu->mem_slots[TLB_SITE_NUM(site)];
    s->lower = va - (pa - lo);
    s->span = tlb_slot_span(lo, hi, size);
    s->addend = (uint64_t)(uintptr_t)(m->base + lo) - s->lower;
}

/* The instruction at pc for the slow path's own use (no block rules). */
static bool read_insn(struct rv_cpu *cpu, uint64_t pc, uint32_t *word)
{
    uint64_t pa, cause;
    uint16_t half[2] = { 0, 0 };
    for (int i = 0; i < 2; i++) {
        const uint8_t *h;
        if (!xlate(cpu, pc + 2 * (unsigned)i, SV39_FETCH, &pa, &cause) || !(h = phys(cpu, pa, 2)))
            return false;
        memcpy(&half[i], h, 2);
        if ((half[0] & 3) != 3)
            break;
    }
    *word = half[0] | (uint32_t)half[1] << 16;
    return true;
}

/* The value the store at pc writes. */
static uint64_t store_value(struct rv_cpu *cpu, uint64_t pc)
{
    uint32_t word;
    struct rv_insn in;
    if (read_insn(cpu, pc, &word) && rv_decode(word, &in)) {
        switch (in.op) {
        case RV_OP_sb: case RV_OP_sh: case RV_OP_sw: case RV_OP_sd:
            return cpu->x[in.rs2];
        case RV_OP_fsw: case RV_OP_fsd:
            return cpu->f[in.rs2];
        default:
            break;
        }
    }
    rv_internal_error("the store at pc 0x%llx cannot be read back", (unsigned long long)pc);
}

static uint64_t store_itself(struct rv_cpu *cpu, uint64_t pc, unsigned size, uint8_t *h1, uint64_t pa1,
                             unsigned n1, uint8_t *h2, uint64_t pa2)
{
    uint64_t v = store_value(cpu, pc);
    memcpy(h1, &v, n1);
    if (h2)
        memcpy(h2, (uint8_t *)&v + n1, size - n1);
    htif_check(cpu, pa1, n1);
    if (h2)
        htif_check(cpu, pa2, size - n1);
    return (uint64_t)(uintptr_t)&cpu->priv.sink;
}

uint64_t tlb_bare_access(struct rv_cpu *cpu, uint64_t va, uint64_t site, uint64_t pc, bool store)
{
    struct rv_priv *p = &cpu->priv;
    enum sv39_access acc = store ? SV39_STORE : SV39_LOAD;
    unsigned size = TLB_SITE_SIZE(site);
    bool paged = priv_paged(p, priv_data_prv(p));
    /* Under paging each page of an access is translated on its own. */
    unsigned n1 = paged && (va & (PAGE - 1)) + size > PAGE ? (unsigned)(PAGE - (va & (PAGE - 1))) : size;
    uint64_t pa1, pa2 = 0;
    uint8_t *h1 = host_of(cpu, va, n1, acc, pc, &pa1), *h2 = NULL;
    if (n1 < size)
        h2 = host_of(cpu, va + n1, size - n1, acc, pc, &pa2);

    bool split = h2 && h2 != h1 + n1;
    bool htif = htif_touches(p, pa1, n1) || (h2 && htif_touches(p, pa2, size - n1));
    if (store && (split || htif))
        return store_itself(cpu, pc, size, h1, pa1, n1, h2, pa2);
    if (htif)
        htif_check(cpu, p->tohost, 8);
    if (split) {
        memcpy(p->bounce, h1, n1);
        memcpy(p->bounce + n1, h2, size - n1);
        return (uint64_t)(uintptr_t)p->bounce;
    }
    if (!h2 && !cpu->proc->opt.ic_miss)
        fill_slot(cpu, site, va, pa1, paged);
    return (uint64_t)(uintptr_t)h1;
}

/* AMOs and LR/SC must be naturally aligned: LR faults as a load, SC and the
 * AMOs as stores (they need write permission even when SC fails). An AMO's
 * write to tohost happens after this returns: the command is seen at the
 * guest's next access to tohost (htif_check). */
void *tlb_bare_atomic(struct rv_cpu *cpu, uint64_t va, unsigned size, int prot, uint64_t pc)
{
    bool lr = !(prot & MMU_W);
    if (va & (size - 1))
        tlb_trap(cpu, lr ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED, va, pc);
    uint64_t pa;
    void *h = host_of(cpu, va, size, lr ? SV39_LOAD : SV39_STORE, pc, &pa);
    htif_check(cpu, pa, size);
    return h;
}

/* The block being translated starts at cpu->pc (the dispatcher translates
 * where the guest is). Under paging a block stays within that page, so it
 * depends on one translation; only its first instruction may straddle into
 * the next page. A fetch that faults records the trap for the dispatcher,
 * with the address of the half that faulted. */
static bool fetch_half(struct rv_cpu *cpu, uint64_t va, uint16_t *half)
{
    uint64_t pa, cause = CAUSE_FETCH_ACCESS;
    const uint8_t *h = xlate(cpu, va, SV39_FETCH, &pa, &cause) ? phys(cpu, pa, 2) : NULL;
    if (!h) {
        cpu->priv.trap_cause = cause;
        cpu->priv.trap_tval = va;
        return false;
    }
    memcpy(half, h, 2);
    return true;
}

bool tlb_bare_fetch(struct rv_cpu *cpu, uint64_t pc, uint32_t *word)
{
    bool paged = priv_paged(&cpu->priv, cpu->priv.prv), first = pc == cpu->pc;
    uint16_t lo, hi;
    if (paged && !first && (pc ^ cpu->pc) >> 12)
        return false;
    if (!fetch_half(cpu, pc, &lo))
        return false;
    if ((lo & 3) != 3) {
        *word = lo;
        return true;
    }
    if (paged && !first && ((pc + 2) ^ pc) >> 12)
        return false;
    if (!fetch_half(cpu, pc + 2, &hi))
        return false;
    *word = lo | (uint32_t)hi << 16;
    return true;
}
