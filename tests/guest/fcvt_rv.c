/* RISC-V floating-point semantics that C leaves undefined or that differ from
 * x86 SSE, run as single instructions (inline asm) with the flags read back
 * from fflags: saturating float-to-integer conversion, NaN canonicalization
 * (RISC-V never propagates payloads), NaN boxing of singles in the 64-bit
 * registers, fmin/fmax on signed zeros and signaling NaNs, fclass, compares
 * that signal, static and dynamic rounding modes. Expected values come from
 * the ISA manual (chapters F and D); conversions are checked against an
 * integer-only model of its saturation table. riscv only: no native build. */
#include <inttypes.h>
#include <stdint.h>
#include "guest.h"

typedef uint64_t u64;

enum { NV = 0x10, DZ = 0x08, OF = 0x04, UF = 0x02, NX = 0x01 };

#define QNAN_D  0x7ff8000000000000ull
#define QNAN_S  0x7fc00000ull
#define ONE_D   0x3ff0000000000000ull
#define MONE_D  0xbff0000000000000ull
#define TWO_D   0x4000000000000000ull
#define THREE_D 0x4008000000000000ull
#define ZERO_D  0ull
#define MZERO_D 0x8000000000000000ull
#define INF_D   0x7ff0000000000000ull
#define MINF_D  0xfff0000000000000ull
#define SNAN_D  0x7ff0000000000001ull
#define PNAN_D  0x7ff8000000001234ull   /* quiet NaN with a payload */
#define ONE_S   0x3f800000ull
#define MONE_S  0xffffffffbf800000ull  /* fmv.x.w sign-extends */
#define THREE_S 0x40400000ull
#define SNAN_S  0x7f800001ull

/* Operand shapes: F = FP register loaded from / stored to integer bits with
 * fmv (d or w), I = integer register. Each function clears fflags, runs one
 * instruction and returns the result bits and the flags it raised. */
#define F1_D(name, insn)                                                        \
    static u64 name(u64 a, unsigned *fl)                                        \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.d.x ft0, %2\n\tfsflags zero\n\t" insn "\n\t"      \
                         "frflags %1\n\tfmv.x.d %0, ft2"                        \
                         : "=r"(r), "=r"(f) : "r"(a) : "ft0", "ft2");           \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
#define F2_D(name, insn)                                                        \
    static u64 name(u64 a, u64 b, unsigned *fl)                                 \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tfsflags zero\n\t" \
                         insn "\n\tfrflags %1\n\tfmv.x.d %0, ft2"               \
                         : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
#define F3_D(name, insn)                                                        \
    static u64 name(u64 a, u64 b, u64 c, unsigned *fl)                          \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tfmv.d.x ft3, %4\n\t" \
                         "fsflags zero\n\t" insn "\n\tfrflags %1\n\tfmv.x.d %0, ft2" \
                         : "=r"(r), "=r"(f) : "r"(a), "r"(b), "r"(c)            \
                         : "ft0", "ft1", "ft2", "ft3");                         \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
/* FP operands in, integer result out (conversions, compares, fclass) */
#define FI_D(name, insn)                                                        \
    static u64 name(u64 a, u64 b, unsigned *fl)                                 \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tfsflags zero\n\t" \
                         insn "\n\tfrflags %1"                                  \
                         : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "ft0", "ft1");   \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
/* integer operand in, FP result out */
#define IF_D(name, insn)                                                        \
    static u64 name(u64 a, unsigned *fl)                                        \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fsflags zero\n\t" insn "\n\tfrflags %1\n\tfmv.x.d %0, ft2" \
                         : "=r"(r), "=r"(f) : "r"(a) : "ft2");                  \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
/* Singles: loaded with fmv.w.x (which NaN-boxes), read back with fmv.x.w. */
#define F2_S(name, insn)                                                        \
    static u64 name(u64 a, u64 b, unsigned *fl)                                 \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.w.x ft0, %2\n\tfmv.w.x ft1, %3\n\tfsflags zero\n\t" \
                         insn "\n\tfrflags %1\n\tfmv.x.w %0, ft2"               \
                         : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }
#define FI_S(name, insn)                                                        \
    static u64 name(u64 a, u64 b, unsigned *fl)                                 \
    {                                                                           \
        u64 r, f;                                                               \
        __asm__ volatile("fmv.w.x ft0, %2\n\tfmv.w.x ft1, %3\n\tfsflags zero\n\t" \
                         insn "\n\tfrflags %1"                                  \
                         : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "ft0", "ft1");   \
        *fl = (unsigned)f;                                                      \
        return r;                                                               \
    }

FI_D(cvt_w_d, "fcvt.w.d %0, ft0, rtz")
FI_D(cvt_wu_d, "fcvt.wu.d %0, ft0, rtz")
FI_D(cvt_l_d, "fcvt.l.d %0, ft0, rtz")
FI_D(cvt_lu_d, "fcvt.lu.d %0, ft0, rtz")
FI_D(cvt_w_d_rne, "fcvt.w.d %0, ft0, rne")
FI_D(cvt_w_d_rdn, "fcvt.w.d %0, ft0, rdn")
FI_D(cvt_w_d_rup, "fcvt.w.d %0, ft0, rup")
FI_D(cvt_w_d_rmm, "fcvt.w.d %0, ft0, rmm")
FI_D(cvt_w_d_dyn, "fcvt.w.d %0, ft0")
FI_D(class_d, "fclass.d %0, ft0")
FI_D(feq_d, "feq.d %0, ft0, ft1")
FI_D(flt_d, "flt.d %0, ft0, ft1")
FI_D(fle_d, "fle.d %0, ft0, ft1")
F2_D(fadd_d, "fadd.d ft2, ft0, ft1")
F2_D(fsub_d, "fsub.d ft2, ft0, ft1")
F2_D(fmul_d, "fmul.d ft2, ft0, ft1")
F2_D(fdiv_d, "fdiv.d ft2, ft0, ft1")
F2_D(fdiv_d_rtz, "fdiv.d ft2, ft0, ft1, rtz")
F2_D(fmul_d_rtz, "fmul.d ft2, ft0, ft1, rtz")
F2_D(fmul_d_rup, "fmul.d ft2, ft0, ft1, rup")
F2_D(fmin_d, "fmin.d ft2, ft0, ft1")
F2_D(fmax_d, "fmax.d ft2, ft0, ft1")
F2_D(fsgnj_d, "fsgnj.d ft2, ft0, ft1")
F2_D(fsgnjn_d, "fsgnjn.d ft2, ft0, ft1")
F2_D(fsgnjx_d, "fsgnjx.d ft2, ft0, ft1")
F1_D(fsqrt_d, "fsqrt.d ft2, ft0")
F1_D(cvt_s_d, "fcvt.s.d ft2, ft0")
F3_D(fmadd_d, "fmadd.d ft2, ft0, ft1, ft3")
F3_D(fnmsub_d, "fnmsub.d ft2, ft0, ft1, ft3")
IF_D(cvt_d_w, "fcvt.d.w ft2, %2")
IF_D(cvt_d_wu, "fcvt.d.wu ft2, %2")
IF_D(cvt_d_l, "fcvt.d.l ft2, %2")
IF_D(cvt_d_lu, "fcvt.d.lu ft2, %2")
F2_S(fadd_s, "fadd.s ft2, ft0, ft1")
F2_S(fmin_s, "fmin.s ft2, ft0, ft1")
F2_S(fdiv_s, "fdiv.s ft2, ft0, ft1")
F2_S(fmul_s, "fmul.s ft2, ft0, ft1")
F2_S(fmul_s_rtz, "fmul.s ft2, ft0, ft1, rtz")
FI_S(class_s, "fclass.s %0, ft0")
FI_S(cvt_w_s, "fcvt.w.s %0, ft0, rtz")
FI_S(cvt_lu_s, "fcvt.lu.s %0, ft0, rtz")

/* fcvt.d.s of a single given as bits (NaN-boxed by fmv.w.x) */
static u64 cvt_d_s(u64 a, unsigned *fl)
{
    u64 r, f;
    __asm__ volatile("fmv.w.x ft0, %2\n\tfsflags zero\n\tfcvt.d.s ft2, ft0\n\t"
                     "frflags %1\n\tfmv.x.d %0, ft2"
                     : "=r"(r), "=r"(f) : "r"(a) : "ft0", "ft2");
    *fl = (unsigned)f;
    return r;
}

static void ck(const char *what, u64 got, unsigned fgot, u64 want, unsigned fwant)
{
    int ok = got == want && fgot == fwant;
    printf("%-34s %016" PRIx64 " flags %02x%s\n", what, got, fgot, ok ? "" : "  WRONG");
    if (!ok)
        printf("  expected %016" PRIx64 " flags %02x\n", want, fwant);
    CHECK(ok);
}

/* The manual's fcvt table, in integers: truncate toward zero, saturate out
 * of range values and NaN (NaN gives the maximum), raise NV for those and NX
 * when a fraction was dropped from an in-range value. kind: 0 w, 1 wu, 2 l, 3 lu. */
static u64 model_cvt(u64 bits, int kind, unsigned *fl)
{
    static const u64 maxv[] = { 0x7fffffff, ~0ull, 0x7fffffffffffffff, ~0ull };
    static const u64 minv[] = { 0xffffffff80000000, 0, 0x8000000000000000, 0 };
    static const u64 negmag[] = { 1ull << 31, 0, 1ull << 63, 0 };  /* largest |negative| */
    int neg = bits >> 63, exp = (int)(bits >> 52 & 0x7ff);
    u64 frac = bits & ((1ull << 52) - 1);
    *fl = NV;
    if (exp == 0x7ff)
        return frac || !neg ? maxv[kind] : minv[kind];
    int e = exp - 1023;             /* value = 1.frac * 2^e (subnormals truncate to 0) */
    u64 mag = 0;
    int inexact = exp != 0 || frac != 0;
    if (e >= 64)
        return neg ? minv[kind] : maxv[kind];
    if (e >= 0) {
        u64 m = frac | 1ull << 52;
        mag = e >= 52 ? m << (e - 52) : m >> (52 - e);   /* e < 64: fits */
        inexact = e < 52 && (m & ((1ull << (52 - e)) - 1)) != 0;
    }
    if (neg && mag > negmag[kind])
        return minv[kind];
    if (!neg && mag > (kind == 0 ? 0x7fffffffull : kind == 1 ? 0xffffffffull : maxv[kind]))
        return maxv[kind];
    *fl = inexact ? NX : 0;
    u64 r = neg ? -mag : mag;
    return kind < 2 ? (u64)(int64_t)(int32_t)(uint32_t)r : r;
}

static void conversions(void)
{
    static const u64 ins[] = {
        QNAN_D, 0xfff8000000000000, SNAN_D, INF_D, MINF_D, ZERO_D, MZERO_D, ONE_D, MONE_D,
        0x3fe0000000000000 /* 0.5 */, 0xbfe0000000000000 /* -0.5 */,
        0x4004000000000000 /* 2.5 */, 0xc004000000000000 /* -2.5 */,
        0x41dfffffffc00000 /* 2^31-1 */, 0x41dfffffffe66666 /* 2^31-0.1 */,
        0x41e0000000000000 /* 2^31 */, 0xc1e0000000000000 /* -2^31 */,
        0xc1e0000000200000 /* -2^31-1 */, 0x41efffffffe00000 /* 2^32-1 */,
        0x41f0000000000000 /* 2^32 */, 0x43e0000000000000 /* 2^63 */,
        0xc3e0000000000000 /* -2^63 */, 0x43dfffffffffffff /* largest < 2^63 */,
        0x43f0000000000000 /* 2^64 */, 0x43efffffffffffff /* largest < 2^64 */,
        0x4415af1d78b58c40 /* 1e20 */, 0xc415af1d78b58c40 /* -1e20 */,
        0x0000000000000001 /* smallest subnormal */, 0x8010000000000000 /* -DBL_MIN */,
    };
    static u64 (*const fns[])(u64, u64, unsigned *) = { cvt_w_d, cvt_wu_d, cvt_l_d, cvt_lu_d };
    static const char *const names[] = { "fcvt.w.d", "fcvt.wu.d", "fcvt.l.d", "fcvt.lu.d" };
    for (size_t i = 0; i < sizeof ins / sizeof ins[0]; i++)
        for (int k = 0; k < 4; k++) {
            char what[64];
            unsigned fg, fw;
            u64 got = fns[k](ins[i], 0, &fg), want = model_cvt(ins[i], k, &fw);
            snprintf(what, sizeof what, "%s %016" PRIx64, names[k], ins[i]);
            ck(what, got, fg, want, fw);
        }

    /* rounding modes in the instruction: 2.5, -2.5, 0.5, -0.5, 1.5 */
    static const u64 rin[] = { 0x4004000000000000, 0xc004000000000000, 0x3fe0000000000000,
                               0xbfe0000000000000, 0x3ff8000000000000 };
    static const int64_t want[4][5] = {
        { 2, -2, 0, 0, 2 },      /* rne */
        { 2, -3, 0, -1, 1 },     /* rdn */
        { 3, -2, 1, 0, 2 },      /* rup */
        { 3, -3, 1, -1, 2 },     /* rmm */
    };
    static u64 (*const rfns[])(u64, u64, unsigned *) = { cvt_w_d_rne, cvt_w_d_rdn, cvt_w_d_rup, cvt_w_d_rmm };
    static const char *const rnames[] = { "rne", "rdn", "rup", "rmm" };
    for (int m = 0; m < 4; m++)
        for (int i = 0; i < 5; i++) {
            char what[64];
            unsigned fg;
            u64 got = rfns[m](rin[i], 0, &fg);
            snprintf(what, sizeof what, "fcvt.w.d %s %016" PRIx64, rnames[m], rin[i]);
            ck(what, got, fg, (u64)want[m][i], NX);
        }

    unsigned f;
    u64 r;
    r = cvt_d_w(0x12345678ffffffff, &f);        /* only the low 32 bits count */
    ck("fcvt.d.w 0x12345678ffffffff", r, f, MONE_D, 0);
    r = cvt_d_wu(0xffffffff00000002, &f);
    ck("fcvt.d.wu 0xffffffff00000002", r, f, TWO_D, 0);
    r = cvt_d_l(0x7fffffffffffffff, &f);
    ck("fcvt.d.l INT64_MAX", r, f, 0x43e0000000000000, NX);
    r = cvt_d_lu(~0ull, &f);
    ck("fcvt.d.lu UINT64_MAX", r, f, 0x43f0000000000000, NX);
    r = cvt_d_l(0x8000000000000000, &f);
    ck("fcvt.d.l INT64_MIN", r, f, 0xc3e0000000000000, 0);
    r = cvt_s_d(PNAN_D, &f);                     /* payload dropped */
    ck("fcvt.s.d nan payload (boxed)", r, f, 0xffffffff7fc00000, 0);
    r = cvt_s_d(0x7e37e43c8800759c, &f);         /* 1e300 overflows a single */
    ck("fcvt.s.d 1e300 (boxed)", r, f, 0xffffffff7f800000, OF | NX);
    r = cvt_s_d(0x3fd5555555555555, &f);         /* 1/3 */
    ck("fcvt.s.d 1/3 (boxed)", r, f, 0xffffffff3eaaaaab, NX);
    r = cvt_d_s(SNAN_S, &f);
    ck("fcvt.d.s snan", r, f, QNAN_D, NV);
    r = cvt_d_s(0x3eaaaaab, &f);
    ck("fcvt.d.s 1/3f", r, f, 0x3fd5555560000000, 0);
    r = cvt_w_s(0xcf000001, 0, &f);              /* -2^31 - 256 */
    ck("fcvt.w.s below INT32_MIN", r, f, 0xffffffff80000000, NV);
    r = cvt_lu_s(MONE_S, 0, &f);
    ck("fcvt.lu.s -1", r, f, 0, NV);
}

static void nans_and_specials(void)
{
    unsigned f;
    u64 r;
    r = fadd_d(PNAN_D, ONE_D, &f);
    ck("fadd.d payload nan + 1", r, f, QNAN_D, 0);
    r = fadd_d(SNAN_D, ONE_D, &f);
    ck("fadd.d snan + 1", r, f, QNAN_D, NV);
    r = fsub_d(INF_D, INF_D, &f);
    ck("fsub.d inf - inf", r, f, QNAN_D, NV);
    r = fmul_d(ZERO_D, MINF_D, &f);
    ck("fmul.d 0 * -inf", r, f, QNAN_D, NV);
    r = fdiv_d(ZERO_D, ZERO_D, &f);
    ck("fdiv.d 0 / 0", r, f, QNAN_D, NV);
    r = fdiv_d(MONE_D, ZERO_D, &f);
    ck("fdiv.d -1 / 0", r, f, MINF_D, DZ);
    r = fsqrt_d(MONE_D, &f);
    ck("fsqrt.d -1", r, f, QNAN_D, NV);
    r = fsqrt_d(MZERO_D, &f);
    ck("fsqrt.d -0", r, f, MZERO_D, 0);
    r = fmadd_d(INF_D, ZERO_D, QNAN_D, &f);      /* inf*0 is invalid even with a qNaN addend */
    ck("fmadd.d inf * 0 + qnan", r, f, QNAN_D, NV);
    r = fmadd_d(0x3fb999999999999a, 0x4024000000000000, MONE_D, &f);   /* 0.1*10-1, one rounding */
    ck("fmadd.d 0.1 * 10 - 1", r, f, 0x3c90000000000000, 0);
    r = fnmsub_d(TWO_D, THREE_D, ONE_D, &f);     /* -(2*3) + 1 */
    ck("fnmsub.d -(2*3) + 1", r, f, 0xc014000000000000, 0);

    r = fmin_d(MZERO_D, ZERO_D, &f);
    ck("fmin.d -0, +0", r, f, MZERO_D, 0);
    r = fmax_d(MZERO_D, ZERO_D, &f);
    ck("fmax.d -0, +0", r, f, ZERO_D, 0);
    r = fmin_d(ZERO_D, MZERO_D, &f);
    ck("fmin.d +0, -0", r, f, MZERO_D, 0);
    r = fmin_d(QNAN_D, ONE_D, &f);
    ck("fmin.d qnan, 1", r, f, ONE_D, 0);
    r = fmax_d(ONE_D, SNAN_D, &f);
    ck("fmax.d 1, snan", r, f, ONE_D, NV);
    r = fmin_d(PNAN_D, QNAN_D, &f);
    ck("fmin.d nan, nan", r, f, QNAN_D, 0);

    r = feq_d(QNAN_D, QNAN_D, &f);
    ck("feq.d qnan, qnan", r, f, 0, 0);
    r = feq_d(SNAN_D, ONE_D, &f);
    ck("feq.d snan, 1", r, f, 0, NV);
    r = flt_d(QNAN_D, ONE_D, &f);
    ck("flt.d qnan, 1", r, f, 0, NV);
    r = fle_d(ONE_D, QNAN_D, &f);
    ck("fle.d 1, qnan", r, f, 0, NV);
    r = feq_d(MZERO_D, ZERO_D, &f);
    ck("feq.d -0, +0", r, f, 1, 0);
    r = flt_d(MZERO_D, ZERO_D, &f);
    ck("flt.d -0, +0", r, f, 0, 0);
    r = fle_d(MINF_D, MONE_D, &f);
    ck("fle.d -inf, -1", r, f, 1, 0);

    r = fsgnj_d(ONE_D, MZERO_D, &f);
    ck("fsgnj.d 1, -0", r, f, MONE_D, 0);
    r = fsgnjn_d(PNAN_D, PNAN_D, &f);            /* sign ops keep NaN payloads */
    ck("fsgnjn.d nan (fneg)", r, f, PNAN_D | 1ull << 63, 0);
    r = fsgnjx_d(MONE_D, MONE_D, &f);
    ck("fsgnjx.d -1, -1", r, f, ONE_D, 0);

    static const struct { u64 v; unsigned bit; } cls[] = {
        { MINF_D, 0 }, { MONE_D, 1 }, { 0x800fffffffffffff, 2 }, { MZERO_D, 3 }, { ZERO_D, 4 },
        { 0x0000000000000001, 5 }, { ONE_D, 6 }, { INF_D, 7 }, { SNAN_D, 8 }, { QNAN_D, 9 },
    };
    for (size_t i = 0; i < sizeof cls / sizeof cls[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "fclass.d %016" PRIx64, cls[i].v);
        r = class_d(cls[i].v, 0, &f);
        ck(what, r, f, 1ull << cls[i].bit, 0);
    }
    static const struct { u64 v; unsigned bit; } clss[] = {
        { 0xff800000, 0 }, { 0xbf800000, 1 }, { 0x80000001, 2 }, { 0x80000000, 3 }, { 0, 4 },
        { 0x007fffff, 5 }, { ONE_S, 6 }, { 0x7f800000, 7 }, { SNAN_S, 8 }, { QNAN_S, 9 },
    };
    for (size_t i = 0; i < sizeof clss / sizeof clss[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "fclass.s %08" PRIx64, clss[i].v);
        r = class_s(clss[i].v, 0, &f);
        ck(what, r, f, 1ull << clss[i].bit, 0);
    }
}

/* Singles live NaN-boxed in the 64-bit registers: upper 32 bits all ones.
 * A single operand that is not properly boxed reads as the canonical NaN. */
static void nan_boxing(void)
{
    u64 r, f;
    unsigned fl;
    static const float one_half = 1.5f;
    __asm__ volatile("flw ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(r) : "m"(one_half) : "ft0");
    ck("flw boxes", r, 0, 0xffffffff3fc00000, 0);
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(r) : "r"(0xbf800000ull) : "ft0");
    ck("fmv.w.x boxes", r, 0, 0xffffffffbf800000, 0);
    __asm__ volatile("fmv.d.x ft0, %2\n\tfsflags zero\n\tfadd.s ft1, ft0, ft0\n\t"
                     "frflags %1\n\tfmv.x.w %0, ft1"
                     : "=r"(r), "=r"(f) : "r"(0x000000003fc00000ull) : "ft0", "ft1");
    ck("fadd.s of unboxed input", r, (unsigned)f, QNAN_S, 0);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfsgnj.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1"
                     : "=r"(r) : "r"(0x123456783fc00000ull) : "ft0", "ft1");
    ck("fmv.s of unboxed input", r, 0, 0xffffffff7fc00000, 0);
    uint32_t mem = 0;
    __asm__ volatile("fmv.d.x ft0, %1\n\tfsw ft0, %0" : "=m"(mem) : "r"(0x123456783fc00000ull) : "ft0");
    ck("fsw stores low 32 bits", mem, 0, 0x3fc00000, 0);
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(r) : "r"(0x00000000bf800000ull) : "ft0");
    ck("fmv.x.w sign-extends", r, 0, MONE_S, 0);
    r = fadd_s(ONE_S, 0xbf800000, &fl);
    ck("fadd.s 1 + -1", r, fl, 0, 0);
    r = fdiv_s(ONE_S, THREE_S, &fl);
    ck("fdiv.s 1 / 3", r, fl, 0x3eaaaaab, NX);
    r = fmin_s(SNAN_S, ONE_S, &fl);
    ck("fmin.s snan, 1", r, fl, ONE_S, NV);
}

static void rounding_modes(void)
{
    unsigned f;
    u64 r, old, fcsr;
    r = fdiv_d(ONE_D, THREE_D, &f);
    ck("fdiv.d 1/3 dyn=rne", r, f, 0x3fd5555555555555, NX);
    __asm__ volatile("fsrmi %0, 3" : "=r"(old));           /* rup */
    r = fdiv_d(ONE_D, THREE_D, &f);
    ck("fdiv.d 1/3 dyn=rup", r, f, 0x3fd5555555555556, NX);
    r = fdiv_d_rtz(ONE_D, THREE_D, &f);                    /* the static rm wins */
    ck("fdiv.d 1/3 rtz with dyn=rup", r, f, 0x3fd5555555555555, NX);
    r = cvt_w_d_dyn(0x4004000000000000, 0, &f);
    ck("fcvt.w.d 2.5 dyn=rup", r, f, 3, NX);
    ck("fsrmi returned old frm", old, 0, 0, 0);
    __asm__ volatile("fsrmi 2\n\tfsflags %1, %2\n\tfrcsr %0" : "=r"(fcsr), "=r"(old) : "r"(0x15ull));
    ck("fcsr = frm << 5 | fflags", fcsr, 0, 2 << 5 | 0x15, 0);
    __asm__ volatile("csrrci %0, fflags, 0x5\n\tfrflags %1" : "=r"(old), "=r"(r));
    ck("csrrci fflags old", old, 0, 0x15, 0);
    ck("csrrci fflags new", r, 0, 0x10, 0);
    __asm__ volatile("csrrsi zero, fflags, 0x3\n\tcsrr %0, fcsr" : "=r"(r));
    ck("csrrsi fflags", r, 0, 2 << 5 | 0x13, 0);
    __asm__ volatile("fscsr zero\n\tfrcsr %0" : "=r"(r));
    ck("fscsr 0", r, 0, 0, 0);
}

/* RISC-V detects tininess after rounding: a result below the smallest
 * normal that rounds (as if the exponent were unbounded) to it is not tiny,
 * so it raises NX without UF; the same product rounded down is tiny. The
 * products are exactly 2^emin * (1 - 2^-(p+1)): (2^27-1)(2^27+1) = 2^54-1
 * and 18631 * 1801 = 2^25-1. x86 detects tininess after rounding too, which
 * rvdbt's inline arithmetic relies on. */
static void tininess(void)
{
    unsigned f;
    u64 a = 0x1ffffffffc000000, b = 0x2000000002000000;    /* (2^27 -+ 1) * 2^-538 */
    u64 r = fmul_d(a, b, &f);
    ck("fmul.d to 2^-1022, rne", r, f, 0x0010000000000000, NX);
    r = fmul_d_rup(a, b, &f);
    ck("fmul.d to 2^-1022, rup", r, f, 0x0010000000000000, NX);
    r = fmul_d_rtz(a, b, &f);
    ck("fmul.d below 2^-1022, rtz", r, f, 0x000fffffffffffff, UF | NX);
    __asm__ volatile("fsrmi 1");                            /* dyn = rtz */
    r = fmul_d(a, b, &f);
    __asm__ volatile("fsrmi 0");
    ck("fmul.d below 2^-1022, dyn=rtz", r, f, 0x000fffffffffffff, UF | NX);
    r = fmadd_d(a, b, ZERO_D, &f);
    ck("fmadd.d to 2^-1022 + 0, rne", r, f, 0x0010000000000000, NX);
    r = fmul_s(0x20918e00, 0x1f612000, &f);                 /* 18631 * 2^-76, 1801 * 2^-75 */
    ck("fmul.s to 2^-126, rne", r, f, 0x00800000, NX);
    r = fmul_s_rtz(0x20918e00, 0x1f612000, &f);
    ck("fmul.s below 2^-126, rtz", r, f, 0x007fffff, UF | NX);
}

int main(void)
{
    tininess();
    conversions();
    nans_and_specials();
    nan_boxing();
    rounding_modes();
    return guest_done();
}
