/* Bare mode's privileged architecture (machine, supervisor and user modes):
 * CSRs, traps, mret/sret, wfi, sfence.vma, and keeping translations and
 * inline-cache slots valid for the privilege and address space they were
 * made in. The state lives in struct rv_priv (rv_cpu.h). */
#ifndef TR_PRIV_H
#define TR_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include "softmmu/sv39.h"
#include "translator/rv_cpu.h"
#include "translator/rv_insn.h"

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

/* Reset state: M-mode, pc = entry, every CSR at its reset value. tohost and
 * fromhost are the HTIF words' physical addresses (fromhost may be 0). */
void priv_reset(struct rv_cpu *cpu, uint64_t entry, uint64_t tohost, uint64_t fromhost);

/* The dispatcher's half of bare mode. priv_exit acts on a block exit that
 * means a trap or a privileged instruction (ECALL, EBREAK, ILLEGAL, PRIV) and
 * returns false for the exits bare and user mode share. priv_raise takes the
 * trap a slow path or instruction fetch recorded in trap_cause/trap_tval at
 * cpu->pc. Both may flush translations: call them only from the dispatcher. */
bool priv_exit(struct rv_cpu *cpu, int why);
void priv_raise(struct rv_cpu *cpu);

/* Translation of the privileged instructions and, in bare mode, of CSR
 * accesses: record the word and leave the block with RV_EXIT_PRIV for the
 * dispatcher (RV_EXIT_ILLEGAL in user mode, where they do not exist). */
struct tr_ctx;
void tr_priv_exit(struct tr_ctx *ctx, const struct rv_insn *in);

/* Carry out the Zicsr instruction `raw` at the current privilege (tr_csr.c).
 * False when it is illegal: unknown CSR, too little privilege, a write to a
 * read-only CSR, fcsr while mstatus.FS is Off, a counter not enabled by
 * mcounteren/scounteren, satp under mstatus.TVM. */
bool priv_csr(struct rv_cpu *cpu, uint32_t raw);

/* The unprivileged CSRs (fflags, frm, fcsr, cycle, time, instret), the same
 * in both modes (tr_system.c). */
uint64_t tr_csr_read_user(struct rv_cpu *cpu, unsigned csr, bool *ok);
bool tr_csr_write_user(struct rv_cpu *cpu, unsigned csr, uint64_t v);

/* Whether the translator may translate `in` as itself: false for F and D
 * instructions while mstatus.FS is Off in bare mode (then they are illegal). */
bool priv_insn_enabled(const struct rv_cpu *cpu, const struct rv_insn *in);

#endif
