/* Trap tests in C (env_v/trap_*.c): the body runs in M-mode under env_bare
 * and probes snippets of code at a chosen privilege. probe_run enters the
 * snippet with mret and comes back when anything traps to M-mode (a snippet
 * normally ends with ecall), leaving what the trap recorded in `probe`. A
 * trap delegated to S-mode can be caught by probe_strap (set stvec to it),
 * which records into `sprobe` and then ecalls to M-mode. */
#ifndef RVT_PROBE_H
#define RVT_PROBE_H

#include <stdint.h>
#include "env_v/priv.h"

struct probe {
    uint64_t cause, epc, tval, status;   /* mcause, mepc, mtval, mstatus (scause... for sprobe) */
    uint64_t a0, a1;                     /* the snippet's a0 and a1 at the trap */
    uint64_t vec;                        /* probe_svec/probe_mvec: the entry taken */
};
extern volatile struct probe probe, sprobe;
/* What probe_run sets mtvec to: probe_mtrap when 0 (probe_mvec | 1 for
 * the vectored mode). */
extern volatile uint64_t probe_mtvec;

enum { PRV_U = 0, PRV_S = 1, PRV_M = 3 };

/* Run the code at pc at privilege prv with a0, a1 as given; returns mcause. */
uint64_t probe_run(uint64_t pc, unsigned prv, uint64_t a0, uint64_t a1);

/* S-mode handler (stvec, direct) and vector tables (stvec/mtvec | 1): each
 * records its trap, the tables also the entry number, in sprobe or probe. */
extern char probe_strap[], probe_svec[], probe_mvec[];

/* Checks (check.c). A failed EXPECT prints "case N failed (line L)" on the
 * HTIF console and the test goes on, so that one run lists every failing
 * case (the runner compares QEMU's list with its known deviations); at the
 * end, probe_done reports the first failed case, or a pass. gp holds the
 * current case number, as in the assembly tests. */
void probe_check_failed(unsigned line);
void probe_done(void) __attribute__((noreturn));

#define CASE(n) __asm__ volatile("li gp, %0" :: "i"(n))
#define EXPECT(cond) do { if (!(cond)) probe_check_failed(__LINE__); } while (0)

#define csr_read(csr) ({ uint64_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")

/* Declare an assembly snippet: SNIPPET(name, "insn; insn; ...") */
#define SNIPPET(name, body) \
    extern char name[]; \
    __asm__(".pushsection .text.snip, \"ax\"\n.balign 4\n.globl " #name "\n" #name ":\n" body "\n.popsection")

#define ADDR(p) ((uint64_t)(p))

#endif
