/* RISC-V privileged-architecture constants every folder may use: privilege
 * levels, mstatus fields, exception causes, and the two rules of which
 * privilege and which translation an access uses. Bare mode's state itself
 * is struct rv_priv (rv_cpu.h); its logic is translator/tr_priv.c and
 * softmmu/tlb_bare.c. */
#ifndef RV_ARCH_H
#define RV_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include "softmmu/sv39.h"
#include "translator/rv_cpu.h"

enum { PRV_U = 0, PRV_S = 1, PRV_M = 3 };

/* mstatus fields */
#define MSTATUS_SIE  (1ull << 1)
#define MSTATUS_MIE  (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP  (1ull << 8)
#define MSTATUS_MPP  (3ull << 11)
#define MSTATUS_FS   (3ull << 13)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM  (1ull << 18)
#define MSTATUS_MXR  (1ull << 19)
#define MSTATUS_TVM  (1ull << 20)
#define MSTATUS_TW   (1ull << 21)
#define MSTATUS_TSR  (1ull << 22)
#define MSTATUS_UXL  (3ull << 32)
#define MSTATUS_SXL  (3ull << 34)
#define MSTATUS_SD   (1ull << 63)

/* Exception causes (mcause/scause without the interrupt bit). */
enum rv_cause {
    CAUSE_FETCH_MISALIGNED = 0, CAUSE_FETCH_ACCESS = 1, CAUSE_ILLEGAL = 2, CAUSE_BREAKPOINT = 3,
    CAUSE_LOAD_MISALIGNED = 4, CAUSE_LOAD_ACCESS = 5, CAUSE_STORE_MISALIGNED = 6,
    CAUSE_STORE_ACCESS = 7, CAUSE_ECALL_U = 8, CAUSE_ECALL_S = 9, CAUSE_ECALL_M = 11,
    CAUSE_FETCH_PAGE = 12, CAUSE_LOAD_PAGE = 13, CAUSE_STORE_PAGE = 15,
};
#define CAUSE_INTERRUPT (1ull << 63)

/* The privilege loads and stores run at: mstatus.MPP's when M-mode sets MPRV. */
static inline unsigned priv_data_prv(const struct rv_priv *p)
{
    if (p->prv == PRV_M && (p->mstatus & MSTATUS_MPRV))
        return (unsigned)(p->mstatus >> 11) & 3;
    return p->prv;
}

/* Whether accesses at privilege prv go through Sv39. */
static inline bool priv_paged(const struct rv_priv *p, unsigned prv)
{
    return prv != PRV_M && p->satp >> 60 == SV39_SATP_MODE;
}

#endif
