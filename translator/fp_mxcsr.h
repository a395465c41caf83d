/* MXCSR, the SSE control and status register, while guest code runs.
 *
 * Translated code does F/D arithmetic inline with SSE (tr_fp.c), so MXCSR is
 * in the guest's mode for as long as translated code runs: the enter
 * trampoline (tr_cache.c) saves the host's MXCSR in cpu->host_mxcsr and
 * loads cpu->guest_mxcsr, which tr_exec sets to fp_mxcsr_guest(cpu->frm)
 * first; the leave trampoline stores MXCSR into cpu->guest_mxcsr and
 * restores the host's, and tr_exec folds the exception flags raised in
 * between into cpu->fflags. So:
 * - outside translated code cpu->fflags is the guest's fflags;
 * - inside (in the C helpers translated code calls) the guest's fflags is
 *   cpu->fflags | fp_mxcsr_fflags(MXCSR): a helper that reads or writes
 *   fflags or frm calls fp_mxcsr_fold first and, after a write,
 *   fp_mxcsr_update;
 * - MXCSR's rounding control is frm whenever frm is a mode x86 has (RNE,
 *   RTZ, RDN, RUP); with RMM or an invalid frm it is RNE and every inline
 *   operation that rounds takes its exact helper instead (tr_fp.c checks
 *   frm first).
 * A helper with its own MXCSR mode (fp_host_enter in fp_helpers.h) saves
 * and restores the guest's around itself, flags included, so flags accrued
 * inline survive it. A guest fault leaves translated code by siglongjmp,
 * past the leave trampoline: tr_exec_landed folds and restores instead. */
#ifndef FP_MXCSR_H
#define FP_MXCSR_H

#include <stdint.h>
#include "translator/rv_cpu.h"

/* Exception flags IE DE ZE OE UE PE (bits 0-5); the masks of the same six
 * exceptions are bits 7-12. */
#define FP_MXCSR_FLAGS 0x3fu
#define FP_MXCSR_MASKS 0x1f80u

/* MXCSR's flags as fflags bits. DE (a denormal operand) has no RISC-V
 * counterpart: RISC-V computes with subnormals like any other number. */
static inline unsigned fp_mxcsr_fflags(uint32_t m)
{
    return (m & 0x01) << 4     /* IE -> NV */
         | (m & 0x04) << 1     /* ZE -> DZ */
         | (m & 0x08) >> 1     /* OE -> OF */
         | (m & 0x10) >> 3     /* UE -> UF */
         | (m & 0x20) >> 5;    /* PE -> NX */
}

/* All exceptions masked (results as IEEE 754 defines them, no traps), flags
 * clear, DAZ and FTZ off (the guest sees subnormals), and the rounding
 * control of rm when x86 has it, else RNE. */
static inline uint32_t fp_mxcsr_guest(unsigned rm)
{
    static const uint32_t rc[4] = { 0x0000, 0x6000, 0x2000, 0x4000 };   /* RNE RTZ RDN RUP */
    return FP_MXCSR_MASKS | (rm < 4 ? rc[rm] : 0);
}

static inline uint32_t fp_mxcsr_read(void)
{
    uint32_t m;
    __asm__ volatile("stmxcsr %0" : "=m"(m) : : "memory");
    return m;
}

static inline void fp_mxcsr_write(uint32_t m)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(m) : "memory");
}

/* In a helper called from translated code, before it reads or writes
 * fflags or frm: the flags accrued inline join cpu->fflags. They stay in
 * MXCSR too, which is harmless (flags only accrue: folding them again
 * changes nothing) and saves an ldmxcsr. Returns MXCSR. */
static inline uint32_t fp_mxcsr_fold(struct rv_cpu *cpu)
{
    uint32_t m = fp_mxcsr_read();
    cpu->fflags |= fp_mxcsr_fflags(m);
    return m;
}

/* After the helper wrote fflags or frm (m: what fp_mxcsr_fold returned):
 * MXCSR rounds as frm says and keeps no flag that the write cleared. */
static inline void fp_mxcsr_update(const struct rv_cpu *cpu, uint32_t m)
{
    uint32_t want = fp_mxcsr_guest(cpu->frm);
    if (!(fp_mxcsr_fflags(m) & ~cpu->fflags))
        want |= m & FP_MXCSR_FLAGS;
    if (want != m)
        fp_mxcsr_write(want);
}

#endif
