/* F/D conversions: fcvt between the formats, from integers and to integers.
 *
 * Float-to-integer is done in integer arithmetic: the spec's saturation table
 * (NaN and too-large values give the maximum, too-small the minimum, NV and
 * never NX with it) and its range check after rounding are easier to state
 * exactly than to coax out of cvtsd2si, whose out-of-range answer is a single
 * "indefinite" value and which has no unsigned form. The other conversions
 * use the host's SSE unit like the arithmetic, with the same RMM fix-up (see
 * fp_helpers.c). */
#include <string.h>
#include "translator/fp_helpers.h"
#include "translator/rv_insn.h"

static int64_t sext32(uint64_t v) { return (int64_t)(int32_t)(uint32_t)v; }

/* Rounds the value v (single or double bits) to an integer of `bits` bits per
 * rm, saturating per the spec. */
static uint64_t to_int(uint64_t v, bool dbl, int rm, bool is_signed, int bits, unsigned *flags)
{
    uint64_t max_pos = is_signed ? (1ull << (bits - 1)) - 1 : bits == 64 ? ~0ull : (1ull << bits) - 1;
    uint64_t max_neg = is_signed ? 1ull << (bits - 1) : 0;   /* largest magnitude below 0 */
    struct fp_term t = fp_term_of(v, dbl);
    bool neg = t.neg && !fp_is_nan(v, dbl);
    unsigned __int128 mag = 0;
    bool half = false, sticky = false, invalid = !fp_is_finite(v, dbl);

    if (invalid) {
        /* NaN and inf saturate below */
    } else if (t.e >= 0) {
        if (t.e > 64)
            invalid = true;
        else
            mag = t.m << t.e;
    } else if (t.e < -64) {
        sticky = t.m != 0;    /* |v| < 2^53 * 2^-65: below one half */
    } else {
        int sh = -t.e;
        mag = t.m >> sh;
        half = (t.m >> (sh - 1)) & 1;
        sticky = (t.m & (((unsigned __int128)1 << (sh - 1)) - 1)) != 0;
    }
    bool inexact = half || sticky, up = false;
    switch (rm) {
    case RV_RM_RNE: up = half && (sticky || (mag & 1)); break;
    case RV_RM_RTZ: up = false; break;
    case RV_RM_RDN: up = neg && inexact; break;
    case RV_RM_RUP: up = !neg && inexact; break;
    case RV_RM_RMM: up = half; break;
    }
    mag += up;
    if (!invalid)
        invalid = neg ? mag > max_neg : mag > max_pos;

    uint64_t r;
    if (invalid) {
        *flags = RV_FFLAG_NV;
        r = neg ? (is_signed ? -max_neg : 0) : max_pos;
    } else {
        *flags = inexact ? RV_FFLAG_NX : 0;
        r = neg ? -(uint64_t)mag : (uint64_t)mag;
    }
    return bits == 32 ? (uint64_t)sext32(r) : r;
}

static int fp_to_int(struct rv_cpu *cpu, uint32_t insn, bool dbl, bool is_signed, int bits)
{
    int rm = fp_rm(cpu, insn);
    if (rm < 0)
        return -1;
    unsigned flags;
    uint64_t r = to_int(fp_src(cpu, fp_rs1(insn), dbl), dbl, rm, is_signed, bits, &flags);
    fp_set_x(cpu, fp_rd(insn), r);
    cpu->fflags |= flags;
    return 0;
}

/* cvtsi2sd/ss convert signed 64-bit integers only. An unsigned value >= 2^63
 * is halved with the lost bit ORed into bit 0 (round to odd: at least 10 low
 * bits are rounded off anyway, so every mode decides the same) and the result
 * doubled, which is exact. */
static uint64_t host_from_int(uint64_t v, bool is_signed, bool dbl, int rm, unsigned *flags)
{
    bool halve = !is_signed && (int64_t)v < 0;
    int64_t s = halve ? (int64_t)(v >> 1 | (v & 1)) : (int64_t)v;
    uint64_t rb = 0;
    uint32_t saved = fp_host_enter(rm);
    FP_HIDE_R(s);
    if (dbl) {
        double r = (double)s;
        if (halve)
            r = r + r;
        FP_HIDE(r);
        memcpy(&rb, &r, 8);
    } else {
        float r = (float)s;
        if (halve)
            r = r + r;
        FP_HIDE(r);
        uint32_t r32;
        memcpy(&r32, &r, 4);
        rb = r32;
    }
    *flags = fp_host_leave(saved);
    return rb;
}

static int fp_from_int(struct rv_cpu *cpu, uint32_t insn, bool dbl, bool is_signed, int bits)
{
    int rm = fp_rm(cpu, insn);
    if (rm < 0)
        return -1;
    uint64_t v = cpu->x[fp_rs1(insn)];
    if (bits == 32)
        v = is_signed ? (uint64_t)sext32(v) : (uint32_t)v;
    unsigned flags, unused;
    uint64_t r = host_from_int(v, is_signed, dbl, rm == RV_RM_RMM ? RV_RM_RNE : rm, &flags);
    if (rm == RV_RM_RMM && (flags & RV_FFLAG_NX)) {
        bool neg = is_signed && (int64_t)v < 0;
        struct fp_term t = { neg, neg ? -v : v, 0 }, none = { 0 };
        if (fp_is_midpoint(t, none, dbl))
            r = host_from_int(v, is_signed, dbl, neg ? RV_RM_RDN : RV_RM_RUP, &unused);
    }
    fp_set_f(cpu, fp_rd(insn), r, dbl);
    cpu->fflags |= flags;
    return 0;
}

static uint64_t host_d_to_s(uint64_t ab, int rm, unsigned *flags)
{
    double a;
    memcpy(&a, &ab, 8);
    uint32_t saved = fp_host_enter(rm);
    FP_HIDE(a);
    float r = (float)a;
    FP_HIDE(r);
    *flags = fp_host_leave(saved);
    uint32_t rb;
    memcpy(&rb, &r, 4);
    return rb;
}

static int fp_fcvt_s_d(struct rv_cpu *cpu, uint32_t insn)
{
    int rm = fp_rm(cpu, insn);
    if (rm < 0)
        return -1;
    uint64_t a = cpu->f[fp_rs1(insn)];
    unsigned flags, unused;
    uint64_t r = host_d_to_s(a, rm == RV_RM_RMM ? RV_RM_RNE : rm, &flags);
    if (rm == RV_RM_RMM && (flags & RV_FFLAG_NX) && fp_is_finite(r, false)) {
        struct fp_term none = { 0 };
        if (fp_is_midpoint(fp_term_of(a, true), none, false))
            r = host_d_to_s(a, r & fp_sign_bit(false) ? RV_RM_RDN : RV_RM_RUP, &unused);
    }
    fp_set_f(cpu, fp_rd(insn), fp_canon(r, false), false);
    cpu->fflags |= flags;
    return 0;
}

/* Exact; the rounding mode is still checked since the instruction has one. */
static int fp_fcvt_d_s(struct rv_cpu *cpu, uint32_t insn)
{
    if (fp_rm(cpu, insn) < 0)
        return -1;
    uint32_t a32 = (uint32_t)fp_src(cpu, fp_rs1(insn), false);
    float a;
    memcpy(&a, &a32, 4);
    uint32_t saved = fp_host_enter(RV_RM_RNE);
    FP_HIDE(a);
    double r = a;
    FP_HIDE(r);
    unsigned flags = fp_host_leave(saved);
    uint64_t rb;
    memcpy(&rb, &r, 8);
    fp_set_f(cpu, fp_rd(insn), fp_canon(rb, true), true);
    cpu->fflags |= flags;
    return 0;
}

/* name suffix, signed?, integer width */
#define FP_INT_TYPES(X) X(w, true, 32) X(wu, false, 32) X(l, true, 64) X(lu, false, 64)

#define DEFINE_CVT(t, sgn, bits) \
    static int fp_fcvt_##t##_s(struct rv_cpu *cpu, uint32_t insn) { return fp_to_int(cpu, insn, false, sgn, bits); } \
    static int fp_fcvt_##t##_d(struct rv_cpu *cpu, uint32_t insn) { return fp_to_int(cpu, insn, true, sgn, bits); } \
    static int fp_fcvt_s_##t(struct rv_cpu *cpu, uint32_t insn) { return fp_from_int(cpu, insn, false, sgn, bits); } \
    static int fp_fcvt_d_##t(struct rv_cpu *cpu, uint32_t insn) { return fp_from_int(cpu, insn, true, sgn, bits); }
FP_INT_TYPES(DEFINE_CVT)
#undef DEFINE_CVT

fp_helper_fn fp_convert_helper_for(int op)
{
    switch (op) {
#define CASE_CVT(t, sgn, bits) \
    case RV_OP_fcvt_##t##_s: return fp_fcvt_##t##_s; \
    case RV_OP_fcvt_##t##_d: return fp_fcvt_##t##_d; \
    case RV_OP_fcvt_s_##t: return fp_fcvt_s_##t; \
    case RV_OP_fcvt_d_##t: return fp_fcvt_d_##t;
    FP_INT_TYPES(CASE_CVT)
#undef CASE_CVT
    case RV_OP_fcvt_s_d: return fp_fcvt_s_d;
    case RV_OP_fcvt_d_s: return fp_fcvt_d_s;
    default: return NULL;
    }
}
