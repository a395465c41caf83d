/* The Sv39 page-table walk, step by step as the privileged spec's
 * "virtual address translation process" gives it. */
#include "softmmu/sv39.h"

/* Bits 63:54 of a PTE: N (Svnapot), PBMT (Svpbmt) and reserved bits. rvdbt
 * implements none of those extensions, so a PTE setting any is reserved. */
#define PTE_RESERVED (~0ull << 54)

bool sv39_allows(uint64_t pte, enum sv39_access acc, unsigned prv, bool sum, bool mxr)
{
    if (prv == 0 && !(pte & SV39_U))
        return false;
    /* S-mode never executes user pages; it reads and writes them only with SUM. */
    if (prv != 0 && (pte & SV39_U) && (acc == SV39_FETCH || !sum))
        return false;
    switch (acc) {
    case SV39_FETCH: return pte & SV39_X;
    case SV39_LOAD: return (pte & SV39_R) || (mxr && (pte & SV39_X));
    case SV39_STORE: return pte & SV39_W;
    }
    return false;
}

enum sv39_status sv39_walk(const struct sv39_req *r, sv39_pte_fn pte_at, void *opaque,
                           struct sv39_leaf *out)
{
    /* Bits 63:39 must all equal bit 38. */
    if ((uint64_t)((int64_t)(r->va << 25) >> 25) != r->va)
        return SV39_PAGE_FAULT;
    uint64_t table = SV39_SATP_PPN(r->satp) << 12;
    for (int level = 2; level >= 0; level--) {
        uint64_t vpn = (r->va >> (12 + 9 * level)) & 511;
        uint64_t *p = pte_at(opaque, table + 8 * vpn);
        if (!p)
            return SV39_ACCESS_FAULT;
        uint64_t pte = __atomic_load_n(p, __ATOMIC_RELAXED);
        if (!(pte & SV39_V) || ((pte & SV39_W) && !(pte & SV39_R)) || (pte & PTE_RESERVED))
            return SV39_PAGE_FAULT;
        if (!(pte & (SV39_R | SV39_X))) {
            table = SV39_PTE_PPN(pte) << 12;
            continue;                    /* a pointer to the next level */
        }
        if (!sv39_allows(pte, r->acc, r->prv, r->sum, r->mxr))
            return SV39_PAGE_FAULT;
        uint64_t low = (1ull << (9 * level)) - 1;      /* PPN bits the VA supplies */
        if (SV39_PTE_PPN(pte) & low)
            return SV39_PAGE_FAULT;      /* misaligned superpage */
        uint64_t want = pte | SV39_A | (r->acc == SV39_STORE ? SV39_D : 0);
        if (want != pte) {
            /* The update must be of the PTE that was checked: if it changed
             * meanwhile, walk again from the top. */
            if (!__atomic_compare_exchange_n(p, &pte, want, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
                return sv39_walk(r, pte_at, opaque, out);
            pte = want;
        }
        uint64_t ppn = SV39_PTE_PPN(pte) | ((r->va >> 12) & low);
        out->pa = ppn << 12 | (r->va & 4095);
        out->pte = pte;
        out->level = (unsigned)level;
        return SV39_OK;
    }
    return SV39_PAGE_FAULT;              /* a pointer at level 0 */
}
