/* Sv39 address translation (privileged spec, "Sv39: Page-Based 39-bit
 * Virtual-Memory System") for bare mode. The walk reaches page-table entries
 * through a callback, so that it runs the same on the guest's RAM and on a
 * unit test's buffer. Privilege, SUM and MXR come from the caller: this file
 * knows page tables, not mstatus. */
#ifndef SV39_H
#define SV39_H

#include <stdbool.h>
#include <stdint.h>

enum sv39_access { SV39_FETCH, SV39_LOAD, SV39_STORE };   /* AMOs are stores */
enum sv39_status { SV39_OK, SV39_PAGE_FAULT, SV39_ACCESS_FAULT };

/* PTE flag bits */
enum {
    SV39_V = 1, SV39_R = 2, SV39_W = 4, SV39_X = 8,
    SV39_U = 16, SV39_G = 32, SV39_A = 64, SV39_D = 128,
};

#define SV39_SATP_MODE 8ull                          /* satp.MODE value for Sv39 */
#define SV39_SATP_PPN(satp) ((satp) & ((1ull << 44) - 1))
#define SV39_PTE_PPN(pte) (((pte) >> 10) & ((1ull << 44) - 1))

struct sv39_req {
    uint64_t satp;
    uint64_t va;
    enum sv39_access acc;
    unsigned prv;            /* effective privilege: 0 U, 1 S (M never translates) */
    bool sum, mxr;           /* mstatus.SUM, mstatus.MXR */
};

struct sv39_leaf {
    uint64_t pa;             /* physical address of va */
    uint64_t pte;            /* the leaf as left in memory (A, and D for a store, set) */
    unsigned level;          /* 0: 4 KiB page, 1: 2 MiB megapage, 2: 1 GiB gigapage */
};

/* Host pointer to the 8-byte PTE at physical address pa, or NULL when pa is
 * not memory (the walk then ends in an access fault). */
typedef uint64_t *(*sv39_pte_fn)(void *opaque, uint64_t pa);

/* Translate r->va. On success fills *out. The walk sets A, and D for a store,
 * in the leaf PTE itself (the spec lets hardware do this instead of raising a
 * page fault for software to do it). */
enum sv39_status sv39_walk(const struct sv39_req *r, sv39_pte_fn pte_at, void *opaque,
                           struct sv39_leaf *out);

/* Whether a leaf with these flags permits the access at privilege prv (U bit,
 * SUM, MXR, R/W/X). A and D are the caller's business. */
bool sv39_allows(uint64_t pte, enum sv39_access acc, unsigned prv, bool sum, bool mxr);

#endif
