/* Bare mode's privileged architecture (machine, supervisor and user modes):
 * CSRs, traps, mret/sret, wfi, sfence.vma, and keeping translations and
 * inline-cache slots valid for the privilege and address space they were
 * made in. The state lives in struct rv_priv (rv_cpu.h). */
#ifndef TR_PRIV_H
#define TR_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_arch.h"
#include "translator/rv_cpu.h"
#include "translator/rv_insn.h"

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
/* Run a bare-metal image until it reports (HTIF ends the process); cpu is
 * attached to its code cache (tr_exec_attach). */
_Noreturn void priv_run(struct rv_cpu *cpu);

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
