/* Slow paths of guest memory accesses: called from translated code when a
 * load/store site's inline-cache slot misses. They check the access against
 * the region map, refill the site's slot with the widest range one region
 * gives, and return the host address to access; a guest fault leaves
 * translated code through cpu->fault_jmp and never returns. */
#ifndef TLB_H
#define TLB_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_cpu.h"

/* Site number and access size packed into one argument of the slow path. */
#define TLB_SITE(site, size) ((uint64_t)(site) << 4 | (uint64_t)(size))
#define TLB_SITE_NUM(arg) ((uint32_t)((arg) >> 4))
#define TLB_SITE_SIZE(arg) ((uint32_t)((arg) & 15))

uint64_t tlb_load_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc);
uint64_t tlb_store_slow(struct rv_cpu *cpu, uint64_t addr, uint64_t site, uint64_t pc);

/* Empty the TLB: the address space or the code pages changed. */
void tlb_flush(struct rv_cpu *cpu);

/* Read the instruction at guest pc for the translator if it lies in
 * executable memory (all of it, for a 32-bit instruction). Else false with
 * cpu->fault_addr, and cpu->fault_bus_adrerr set when the page is a file's
 * past its end (SIGBUS rather than SIGSEGV). */
bool tlb_fetch(struct rv_cpu *cpu, uint64_t pc, uint32_t *word);

/* For helpers in C (AMOs, LR/SC): host address of a naturally aligned access
 * needing prot, or a guest fault (SIGSEGV, or SIGBUS when misaligned). */
void *tlb_host_atomic(struct rv_cpu *cpu, uint64_t addr, unsigned size, int prot, uint64_t pc);

/* Leave translated code with a guest fault (signal sig at addr, insn at pc). */
_Noreturn void tlb_fault(struct rv_cpu *cpu, int sig, uint64_t addr, uint64_t pc);

/* Bare mode (tlb_bare.c): the same four services on physical or Sv39
 * addresses, called by the ones above when cpu->priv.bare. Faults are traps
 * (tlb_trap); tlb_bare_fetch records a failed fetch's trap in cpu->priv. */
uint64_t tlb_bare_access(struct rv_cpu *cpu, uint64_t va, uint64_t site, uint64_t pc, bool store);
void *tlb_bare_atomic(struct rv_cpu *cpu, uint64_t va, unsigned size, int prot, uint64_t pc);
bool tlb_bare_fetch(struct rv_cpu *cpu, uint64_t pc, uint32_t *word);
/* Empty bare mode's TLB (sfence.vma, satp writes). */
void tlb_bare_flush(struct rv_cpu *cpu);
/* Leave translated code with a trap (cause, tval) of the instruction at pc. */
_Noreturn void tlb_trap(struct rv_cpu *cpu, uint64_t cause, uint64_t tval, uint64_t pc);

/* The span a slot gets for a range [lower, upper) and an access size. */
static inline uint64_t tlb_slot_span(uint64_t lower, uint64_t upper, unsigned size)
{
    return upper - lower >= size ? upper - lower - (size - 1) : 0;
}

/* The fast path's hit test, the same expression the emitted code computes. */
static inline int tlb_slot_hit(const struct ic_mem_slot *s, uint64_t addr)
{
    return addr - s->lower < s->span;
}

#endif
