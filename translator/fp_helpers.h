/* The RISC-V F and D computational instructions as C helpers that translated
 * code calls: exact per the unprivileged ISA manual (chapters F and D), flags
 * and NaN rules included. Loads and stores (flw/fld/fsw/fsd) are not here.
 *
 * A helper takes the 32-bit instruction word and pulls rd/rs1/rs2/rs3/rm out
 * of it. It reads and writes cpu->f[] as raw bits (a single is NaN-boxed; a
 * single input that is not properly boxed reads as the canonical NaN) and
 * cpu->x[] (never x[0]; 32-bit integer results are sign-extended to 64 bits),
 * ORs the exceptions it raises into cpu->fflags, and returns 0. It returns -1,
 * having changed nothing, when the instruction's rounding mode is invalid
 * (rm field 5 or 6, or 7 = DYN while frm >= 5): the caller raises illegal
 * instruction. */
#ifndef FP_HELPERS_H
#define FP_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/fp_mxcsr.h"
#include "translator/rv_cpu.h"

typedef int (*fp_helper_fn)(struct rv_cpu *cpu, uint32_t insn);

/* The helper of an enum rv_op value, or NULL if op is not an F/D
 * computational instruction. */
fp_helper_fn fp_helper_for(int op);

/* ---- Below: shared by fp_helpers.c and fp_convert.c only. ---- */

#define FP_CANON_S 0x7fc00000u
#define FP_CANON_D 0x7ff8000000000000ull
#define FP_BOX     0xffffffff00000000ull

static inline unsigned fp_rd(uint32_t insn)  { return (insn >> 7) & 31; }
static inline unsigned fp_rs1(uint32_t insn) { return (insn >> 15) & 31; }
static inline unsigned fp_rs2(uint32_t insn) { return (insn >> 20) & 31; }
static inline unsigned fp_rs3(uint32_t insn) { return insn >> 27; }

/* The effective rounding mode (RV_RM_RNE..RV_RM_RMM), or -1 if invalid. */
static inline int fp_rm(const struct rv_cpu *cpu, uint32_t insn)
{
    unsigned rm = (insn >> 12) & 7;
    if (rm == RV_RM_DYN)
        rm = cpu->frm;
    return rm <= RV_RM_RMM ? (int)rm : -1;
}

/* A source operand: a double's bits, or a single's 32 bits unboxed. */
static inline uint64_t fp_src(const struct rv_cpu *cpu, unsigned r, bool dbl)
{
    uint64_t v = cpu->f[r];
    if (dbl)
        return v;
    return (v >> 32) == 0xffffffffu ? (uint32_t)v : FP_CANON_S;
}

static inline void fp_set_f(struct rv_cpu *cpu, unsigned rd, uint64_t v, bool dbl)
{
    cpu->f[rd] = dbl ? v : FP_BOX | (uint32_t)v;
}

static inline void fp_set_x(struct rv_cpu *cpu, unsigned rd, uint64_t v)
{
    if (rd)
        cpu->x[rd] = v;
}

static inline uint64_t fp_sign_bit(bool dbl) { return dbl ? 1ull << 63 : 1ull << 31; }

static inline bool fp_is_nan(uint64_t v, bool dbl)
{
    uint64_t mag = v & (fp_sign_bit(dbl) - 1);
    return dbl ? mag > 0x7ff0000000000000ull : mag > 0x7f800000u;
}

static inline bool fp_is_finite(uint64_t v, bool dbl)
{
    uint64_t mag = v & (fp_sign_bit(dbl) - 1);
    return dbl ? mag < 0x7ff0000000000000ull : mag < 0x7f800000u;
}

/* RISC-V never propagates a NaN payload: every NaN result is canonical. */
static inline uint64_t fp_canon(uint64_t v, bool dbl)
{
    return fp_is_nan(v, dbl) ? (dbl ? FP_CANON_D : FP_CANON_S) : v;
}

/* The host's SSE unit does the arithmetic. For one operation, MXCSR gets all
 * exceptions masked, flags clear, DAZ/FTZ off (the guest sees subnormals) and
 * the rounding mode rm (RNE..RUP); fp_host_leave restores the MXCSR found
 * before and returns the raised exceptions as fflags bits. Called from
 * translated code, what is restored is the guest's MXCSR with the flags
 * accrued inline (fp_mxcsr.h). Only SSE state is touched: the helpers never
 * use x87, and fesetround/feclearexcept would also rewrite the x87
 * environment (fnstenv/fldenv) on every guest instruction. */
static inline uint32_t fp_host_enter(int rm)
{
    uint32_t saved = fp_mxcsr_read();
    fp_mxcsr_write(fp_mxcsr_guest((unsigned)rm));
    return saved;
}

static inline unsigned fp_host_leave(uint32_t saved)
{
    uint32_t m = fp_mxcsr_read();
    fp_mxcsr_write(saved);
    return fp_mxcsr_fflags(m);
}

/* Values computed between fp_host_enter and fp_host_leave pass through these
 * so the compiler can neither fold them nor move the arithmetic outside: each
 * is a volatile asm, ordered with the MXCSR accesses, that "changes" v. */
#define FP_HIDE(v)  __asm__ volatile("" : "+x"(v))
#define FP_HIDE_R(v) __asm__ volatile("" : "+r"(v))

/* (-1)^neg * m * 2^e: an operand or an exact product, for the tie test. */
struct fp_term {
    bool neg;
    unsigned __int128 m;
    int e;
};

struct fp_term fp_term_of(uint64_t v, bool dbl);

/* Whether t1 + t2 (t1.m < 2^106, t2.m < 2^53) lies exactly halfway between
 * two neighbours of the format (dbl or single): the only case where RMM, which
 * x86 lacks, rounds differently from RNE. */
bool fp_is_midpoint(struct fp_term t1, struct fp_term t2, bool dbl);

/* The conversion helpers (fp_convert.c), or NULL. */
fp_helper_fn fp_convert_helper_for(int op);

#endif
