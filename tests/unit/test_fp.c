/* F/D helpers: hand-written vectors whose expected values come from the ISA
 * manual and IEEE 754 (worked out in the comments), then a differential test
 * against qemu-riscv64 running tests/unit/fp_oracle.c.
 *
 * Usage: test_fp [FP_ORACLE [CASES [SEED]]]; FP_ORACLE defaults to fp_oracle
 * next to this binary (build/tests/fp_oracle), run as `qemu-riscv64 FP_ORACLE`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "translator/fp_helpers.h"
#include "translator/rv_insn.h"
#include "tests/unit/t.h"

enum { NV = RV_FFLAG_NV, DZ = RV_FFLAG_DZ, OF = RV_FFLAG_OF, UF = RV_FFLAG_UF, NX = RV_FFLAG_NX };
enum { RNE = RV_RM_RNE, RTZ = RV_RM_RTZ, RDN = RV_RM_RDN, RUP = RV_RM_RUP, RMM = RV_RM_RMM, DYN = RV_RM_DYN };

/* ---- Instruction encodings, from the spec's opcode map ---- */

#define OPFP(f5, fmt, rs2, f3) ((uint32_t)(f5) << 27 | (uint32_t)(fmt) << 25 | (uint32_t)(rs2) << 20 | \
                                (uint32_t)(f3) << 12 | 0x53)
#define R4(opc, fmt) ((uint32_t)(fmt) << 25 | (opc))

/* dst: 'f' or 'x' register; src: one letter per source: 's' single, 'd'
 * double, 'x' integer; rm: has a rounding-mode field. */
struct desc {
    const char *name;
    int op;
    uint32_t match;
    char dst;
    const char *src;
    bool rm;
};

static const struct desc descs[] = {
    { "fadd.s",    RV_OP_fadd_s,    OPFP(0x00, 0, 0, 0), 'f', "ss", true },
    { "fsub.s",    RV_OP_fsub_s,    OPFP(0x01, 0, 0, 0), 'f', "ss", true },
    { "fmul.s",    RV_OP_fmul_s,    OPFP(0x02, 0, 0, 0), 'f', "ss", true },
    { "fdiv.s",    RV_OP_fdiv_s,    OPFP(0x03, 0, 0, 0), 'f', "ss", true },
    { "fsqrt.s",   RV_OP_fsqrt_s,   OPFP(0x0b, 0, 0, 0), 'f', "s", true },
    { "fsgnj.s",   RV_OP_fsgnj_s,   OPFP(0x04, 0, 0, 0), 'f', "ss", false },
    { "fsgnjn.s",  RV_OP_fsgnjn_s,  OPFP(0x04, 0, 0, 1), 'f', "ss", false },
    { "fsgnjx.s",  RV_OP_fsgnjx_s,  OPFP(0x04, 0, 0, 2), 'f', "ss", false },
    { "fmin.s",    RV_OP_fmin_s,    OPFP(0x05, 0, 0, 0), 'f', "ss", false },
    { "fmax.s",    RV_OP_fmax_s,    OPFP(0x05, 0, 0, 1), 'f', "ss", false },
    { "fcvt.w.s",  RV_OP_fcvt_w_s,  OPFP(0x18, 0, 0, 0), 'x', "s", true },
    { "fcvt.wu.s", RV_OP_fcvt_wu_s, OPFP(0x18, 0, 1, 0), 'x', "s", true },
    { "fcvt.l.s",  RV_OP_fcvt_l_s,  OPFP(0x18, 0, 2, 0), 'x', "s", true },
    { "fcvt.lu.s", RV_OP_fcvt_lu_s, OPFP(0x18, 0, 3, 0), 'x', "s", true },
    { "fmv.x.w",   RV_OP_fmv_x_w,   OPFP(0x1c, 0, 0, 0), 'x', "s", false },
    { "feq.s",     RV_OP_feq_s,     OPFP(0x14, 0, 0, 2), 'x', "ss", false },
    { "flt.s",     RV_OP_flt_s,     OPFP(0x14, 0, 0, 1), 'x', "ss", false },
    { "fle.s",     RV_OP_fle_s,     OPFP(0x14, 0, 0, 0), 'x', "ss", false },
    { "fclass.s",  RV_OP_fclass_s,  OPFP(0x1c, 0, 0, 1), 'x', "s", false },
    { "fcvt.s.w",  RV_OP_fcvt_s_w,  OPFP(0x1a, 0, 0, 0), 'f', "x", true },
    { "fcvt.s.wu", RV_OP_fcvt_s_wu, OPFP(0x1a, 0, 1, 0), 'f', "x", true },
    { "fcvt.s.l",  RV_OP_fcvt_s_l,  OPFP(0x1a, 0, 2, 0), 'f', "x", true },
    { "fcvt.s.lu", RV_OP_fcvt_s_lu, OPFP(0x1a, 0, 3, 0), 'f', "x", true },
    { "fmv.w.x",   RV_OP_fmv_w_x,   OPFP(0x1e, 0, 0, 0), 'f', "x", false },
    { "fmadd.s",   RV_OP_fmadd_s,   R4(0x43, 0), 'f', "sss", true },
    { "fmsub.s",   RV_OP_fmsub_s,   R4(0x47, 0), 'f', "sss", true },
    { "fnmsub.s",  RV_OP_fnmsub_s,  R4(0x4b, 0), 'f', "sss", true },
    { "fnmadd.s",  RV_OP_fnmadd_s,  R4(0x4f, 0), 'f', "sss", true },

    { "fadd.d",    RV_OP_fadd_d,    OPFP(0x00, 1, 0, 0), 'f', "dd", true },
    { "fsub.d",    RV_OP_fsub_d,    OPFP(0x01, 1, 0, 0), 'f', "dd", true },
    { "fmul.d",    RV_OP_fmul_d,    OPFP(0x02, 1, 0, 0), 'f', "dd", true },
    { "fdiv.d",    RV_OP_fdiv_d,    OPFP(0x03, 1, 0, 0), 'f', "dd", true },
    { "fsqrt.d",   RV_OP_fsqrt_d,   OPFP(0x0b, 1, 0, 0), 'f', "d", true },
    { "fsgnj.d",   RV_OP_fsgnj_d,   OPFP(0x04, 1, 0, 0), 'f', "dd", false },
    { "fsgnjn.d",  RV_OP_fsgnjn_d,  OPFP(0x04, 1, 0, 1), 'f', "dd", false },
    { "fsgnjx.d",  RV_OP_fsgnjx_d,  OPFP(0x04, 1, 0, 2), 'f', "dd", false },
    { "fmin.d",    RV_OP_fmin_d,    OPFP(0x05, 1, 0, 0), 'f', "dd", false },
    { "fmax.d",    RV_OP_fmax_d,    OPFP(0x05, 1, 0, 1), 'f', "dd", false },
    { "fcvt.s.d",  RV_OP_fcvt_s_d,  OPFP(0x08, 0, 1, 0), 'f', "d", true },
    { "fcvt.d.s",  RV_OP_fcvt_d_s,  OPFP(0x08, 1, 0, 0), 'f', "s", true },
    { "feq.d",     RV_OP_feq_d,     OPFP(0x14, 1, 0, 2), 'x', "dd", false },
    { "flt.d",     RV_OP_flt_d,     OPFP(0x14, 1, 0, 1), 'x', "dd", false },
    { "fle.d",     RV_OP_fle_d,     OPFP(0x14, 1, 0, 0), 'x', "dd", false },
    { "fclass.d",  RV_OP_fclass_d,  OPFP(0x1c, 1, 0, 1), 'x', "d", false },
    { "fcvt.w.d",  RV_OP_fcvt_w_d,  OPFP(0x18, 1, 0, 0), 'x', "d", true },
    { "fcvt.wu.d", RV_OP_fcvt_wu_d, OPFP(0x18, 1, 1, 0), 'x', "d", true },
    { "fcvt.l.d",  RV_OP_fcvt_l_d,  OPFP(0x18, 1, 2, 0), 'x', "d", true },
    { "fcvt.lu.d", RV_OP_fcvt_lu_d, OPFP(0x18, 1, 3, 0), 'x', "d", true },
    { "fmv.x.d",   RV_OP_fmv_x_d,   OPFP(0x1c, 1, 0, 0), 'x', "d", false },
    { "fcvt.d.w",  RV_OP_fcvt_d_w,  OPFP(0x1a, 1, 0, 0), 'f', "x", true },
    { "fcvt.d.wu", RV_OP_fcvt_d_wu, OPFP(0x1a, 1, 1, 0), 'f', "x", true },
    { "fcvt.d.l",  RV_OP_fcvt_d_l,  OPFP(0x1a, 1, 2, 0), 'f', "x", true },
    { "fcvt.d.lu", RV_OP_fcvt_d_lu, OPFP(0x1a, 1, 3, 0), 'f', "x", true },
    { "fmv.d.x",   RV_OP_fmv_d_x,   OPFP(0x1e, 1, 0, 0), 'f', "x", false },
    { "fmadd.d",   RV_OP_fmadd_d,   R4(0x43, 1), 'f', "ddd", true },
    { "fmsub.d",   RV_OP_fmsub_d,   R4(0x47, 1), 'f', "ddd", true },
    { "fnmsub.d",  RV_OP_fnmsub_d,  R4(0x4b, 1), 'f', "ddd", true },
    { "fnmadd.d",  RV_OP_fnmadd_d,  R4(0x4f, 1), 'f', "ddd", true },
};
#define N_DESCS (int)(sizeof descs / sizeof descs[0])

static const struct desc *desc_named(const char *name)
{
    for (int i = 0; i < N_DESCS; i++)
        if (!strcmp(descs[i].name, name))
            return &descs[i];
    fprintf(stderr, "test_fp: no instruction %s\n", name);
    exit(2);
}

/* rd = 10, rs1 = 11, rs2 = 12, rs3 = 13, as fp_oracle expects. */
static uint32_t encode(const struct desc *d, int rm)
{
    size_t n = strlen(d->src);
    return d->match | 10u << 7 | 11u << 15 | (n >= 2 ? 12u << 20 : 0) | (n == 3 ? 13u << 27 : 0) |
           (d->rm ? (uint32_t)rm << 12 : 0);
}

static struct rv_cpu cpu;

/* Runs d with sources a, b, c (in both f11-f13 and x11-x13) and f10 = x10 = 0,
 * fflags = 0; returns the helper's return value. */
static int run(const struct desc *d, uint32_t insn, unsigned frm, uint64_t a, uint64_t b, uint64_t c)
{
    memset(cpu.x, 0, sizeof cpu.x);
    memset(cpu.f, 0, sizeof cpu.f);
    cpu.f[11] = cpu.x[11] = a;
    cpu.f[12] = cpu.x[12] = b;
    cpu.f[13] = cpu.x[13] = c;
    cpu.fflags = 0;
    cpu.frm = frm;
    return fp_helper_for(d->op)(&cpu, insn);
}

static uint64_t result(const struct desc *d) { return d->dst == 'f' ? cpu.f[10] : cpu.x[10]; }

/* ---- Hand-written vectors ---- */

#define S(v)   (0xffffffff00000000ull | (uint32_t)(v))   /* NaN-boxed single */
#define BADBOX(v) ((uint64_t)(uint32_t)(v))               /* upper half not all ones */

/* doubles */
#define D0     0x0000000000000000ull
#define DN0    0x8000000000000000ull
#define D1     0x3ff0000000000000ull
#define DN1    0xbff0000000000000ull
#define D2     0x4000000000000000ull
#define DN2    0xc000000000000000ull
#define D3     0x4008000000000000ull
#define DHALF  0x3fe0000000000000ull
#define DINF   0x7ff0000000000000ull
#define DNINF  0xfff0000000000000ull
#define DMAX   0x7fefffffffffffffull
#define DNORM  0x0010000000000000ull        /* 2^-1022 */
#define DSUB   0x0000000000000001ull        /* 2^-1074 */
#define DQNAN  0x7ff8000000000123ull        /* quiet, with a payload */
#define DSNAN  0x7ff0000000000001ull
#define DCANON 0x7ff8000000000000ull
#define DP53   0x3ca0000000000000ull        /* 2^-53: half an ulp of 1.0 */
/* singles (unboxed) */
#define F1     0x3f800000u
#define FN1    0xbf800000u
#define F2     0x40000000u
#define FINF   0x7f800000u
#define FNINF  0xff800000u
#define FNORM  0x00800000u                  /* 2^-126 */
#define FQNAN  0x7fc00123u
#define FSNAN  0x7f800001u
#define FCANON 0x7fc00000u
#define FP24   0x33800000u                  /* 2^-24: half an ulp of 1.0f */

#define XMIN32 0xffffffff80000000ull        /* -2^31 sign-extended */
#define XMAX32 0x000000007fffffffull
#define XALL   0xffffffffffffffffull

struct vec {
    const char *name;
    int rm;
    uint64_t a, b, c, want;
    unsigned flags;
};

static const struct vec vecs[] = {
    /* Addition: exact sums, signed zeros (x + -x is +0 except in RDN). */
    { "fadd.d", RNE, D1, D2, 0, D3, 0 },
    { "fadd.d", RNE, D0, DN0, 0, D0, 0 },
    { "fadd.d", RDN, D0, DN0, 0, DN0, 0 },
    { "fsub.d", RNE, D1, D1, 0, D0, 0 },
    { "fsub.d", RDN, D1, D1, 0, DN0, 0 },
    { "fsub.d", RNE, 0x3ff8000000000000ull, D1, 0, DHALF, 0 },
    { "fadd.d", RNE, DSUB, DSUB, 0, 0x2, 0 },                      /* exact tiny: no UF */
    { "fadd.d", RNE, 0x000fffffffffffffull, DSUB, 0, DNORM, 0 },
    /* NaNs: canonical results; NV for inf - inf and any sNaN. */
    { "fadd.d", RNE, DINF, DNINF, 0, DCANON, NV },
    { "fadd.d", RNE, DQNAN, D1, 0, DCANON, 0 },
    { "fadd.d", RNE, D1, DSNAN, 0, DCANON, NV },
    { "fsub.d", RNE, DINF, DINF, 0, DCANON, NV },
    { "fadd.s", RNE, S(FQNAN), S(F1), 0, S(FCANON), 0 },
    { "fadd.s", RNE, S(FSNAN), S(F1), 0, S(FCANON), NV },
    { "fadd.s", RNE, BADBOX(F1), S(F1), 0, S(FCANON), 0 },         /* unboxed: quiet NaN */
    /* Overflow: to inf when rounding toward it, else to MAX. */
    { "fadd.d", RNE, DMAX, DMAX, 0, DINF, OF | NX },
    { "fadd.d", RTZ, DMAX, DMAX, 0, DMAX, OF | NX },
    { "fadd.d", RDN, DMAX, DMAX, 0, DMAX, OF | NX },
    { "fadd.d", RUP, DMAX, DMAX, 0, DINF, OF | NX },
    { "fadd.d", RMM, DMAX, DMAX, 0, DINF, OF | NX },
    { "fsub.d", RDN, DMAX | DN0, DMAX, 0, DNINF, OF | NX },
    { "fsub.d", RUP, DMAX | DN0, DMAX, 0, DMAX | DN0, OF | NX },
    /* 1 + 2^-53 is halfway between 1 and 1+2^-52: RNE to even (1), RMM away. */
    { "fadd.d", RNE, D1, DP53, 0, D1, NX },
    { "fadd.d", RTZ, D1, DP53, 0, D1, NX },
    { "fadd.d", RDN, D1, DP53, 0, D1, NX },
    { "fadd.d", RUP, D1, DP53, 0, D1 + 1, NX },
    { "fadd.d", RMM, D1, DP53, 0, D1 + 1, NX },
    { "fsub.d", RNE, DN1, DP53, 0, DN1, NX },
    { "fsub.d", RMM, DN1, DP53, 0, DN1 + 1, NX },
    { "fsub.d", RDN, DN1, DP53, 0, DN1 + 1, NX },
    { "fsub.d", RUP, DN1, DP53, 0, DN1, NX },
    /* (1+2^-52) + 2^-53: the tie's even side is away from zero: both give it. */
    { "fadd.d", RNE, D1 + 1, DP53, 0, D1 + 2, NX },
    { "fadd.d", RMM, D1 + 1, DP53, 0, D1 + 2, NX },
    /* Just off the tie: 2^-54 stays below, 2^-53(1+2^-52) goes above. */
    { "fadd.d", RMM, D1, 0x3c90000000000000ull, 0, D1, NX },
    { "fadd.d", RNE, D1, DP53 + 1, 0, D1 + 1, NX },
    { "fadd.s", RNE, S(F1), S(FP24), 0, S(F1), NX },
    { "fadd.s", RMM, S(F1), S(FP24), 0, S(F1 + 1), NX },
    { "fadd.s", RUP, S(F1), S(FP24), 0, S(F1 + 1), NX },

    /* Multiplication. 1.5 * (1 + 3*2^-52) = 1.5 + 4.5*2^-52: a tie between
     * 1.5 + 4 ulps (even) and 1.5 + 5 ulps. */
    { "fmul.d", RNE, 0x3ff8000000000000ull, D1 + 3, 0, 0x3ff8000000000004ull, NX },
    { "fmul.d", RMM, 0x3ff8000000000000ull, D1 + 3, 0, 0x3ff8000000000005ull, NX },
    { "fmul.d", RTZ, 0x3ff8000000000000ull, D1 + 3, 0, 0x3ff8000000000004ull, NX },
    { "fmul.d", RUP, 0x3ff8000000000000ull, D1 + 3, 0, 0x3ff8000000000005ull, NX },
    { "fmul.d", RMM, 0xbff8000000000000ull, D1 + 3, 0, 0xbff8000000000005ull, NX },
    { "fmul.d", RUP, 0xbff8000000000000ull, D1 + 3, 0, 0xbff8000000000004ull, NX },
    { "fmul.s", RNE, S(0x3fc00000), S(F1 + 3), 0, S(0x3fc00004), NX },
    { "fmul.s", RMM, S(0x3fc00000), S(F1 + 3), 0, S(0x3fc00005), NX },
    /* Underflow, tininess after rounding. (1-2^-53) * 2^-1022 is exactly
     * representable with unbounded exponent, so tiny; on the subnormal grid it
     * is halfway and rounds to 2^-1022: UF and NX with a normal result. */
    { "fmul.d", RNE, 0x3fefffffffffffffull, DNORM, 0, DNORM, UF | NX },
    { "fmul.d", RMM, 0x3fefffffffffffffull, DNORM, 0, DNORM, UF | NX },
    { "fmul.d", RTZ, 0x3fefffffffffffffull, DNORM, 0, 0x000fffffffffffffull, UF | NX },
    /* (1-2^-52)(1+2^-52) * 2^-1022 = 2^-1022 (1 - 2^-104) rounds (unbounded)
     * to 2^-1022 in RNE/RUP/RMM: not tiny, NX only. RTZ/RDN round it down
     * to 1 - 2^-53: tiny. */
    { "fmul.d", RNE, 0x3feffffffffffffeull, DNORM + 1, 0, DNORM, NX },
    { "fmul.d", RUP, 0x3feffffffffffffeull, DNORM + 1, 0, DNORM, NX },
    { "fmul.d", RMM, 0x3feffffffffffffeull, DNORM + 1, 0, DNORM, NX },
    { "fmul.d", RTZ, 0x3feffffffffffffeull, DNORM + 1, 0, 0x000fffffffffffffull, UF | NX },
    { "fmul.d", RDN, 0x3feffffffffffffeull, DNORM + 1, 0, 0x000fffffffffffffull, UF | NX },
    { "fmul.s", RNE, S(0x3f7fffff), S(FNORM), 0, S(FNORM), UF | NX },
    /* Exact subnormal products raise nothing. */
    { "fmul.d", RNE, DSUB, D1, 0, DSUB, 0 },
    { "fmul.d", RNE, 0x4, DHALF, 0, 0x2, 0 },
    /* 2^-1074 * 0.5 = 2^-1075: halfway between 0 (even) and 2^-1074. */
    { "fmul.d", RNE, DSUB, DHALF, 0, D0, UF | NX },
    { "fmul.d", RMM, DSUB, DHALF, 0, DSUB, UF | NX },
    { "fmul.d", RUP, DSUB, DHALF, 0, DSUB, UF | NX },
    { "fmul.d", RDN, DSUB, DHALF, 0, D0, UF | NX },
    { "fmul.d", RNE, DSUB | DN0, DHALF, 0, DN0, UF | NX },
    { "fmul.d", RMM, DSUB | DN0, DHALF, 0, DSUB | DN0, UF | NX },
    { "fmul.d", RMM, DSUB, 0x3fd0000000000000ull, 0, D0, UF | NX },  /* 2^-1076: below half */
    { "fmul.s", RMM, S(0x00000001), S(0x3f000000), 0, S(0x00000001), UF | NX },
    { "fmul.d", RNE, DMAX, D2, 0, DINF, OF | NX },
    { "fmul.d", RTZ, DMAX, D2, 0, DMAX, OF | NX },
    { "fmul.d", RNE, D0, DINF, 0, DCANON, NV },
    { "fmul.d", RNE, DN0, D1, 0, DN0, 0 },

    /* Division. */
    { "fdiv.d", RNE, D1, D0, 0, DINF, DZ },
    { "fdiv.d", RNE, DN1, D0, 0, DNINF, DZ },
    { "fdiv.d", RNE, D1, DN0, 0, DNINF, DZ },
    { "fdiv.d", RNE, DINF, D0, 0, DINF, 0 },                      /* inf/0 is exact */
    { "fdiv.d", RNE, D0, D0, 0, DCANON, NV },
    { "fdiv.d", RNE, DINF, DINF, 0, DCANON, NV },
    { "fdiv.d", RNE, D1, D3, 0, 0x3fd5555555555555ull, NX },
    { "fdiv.d", RUP, D1, D3, 0, 0x3fd5555555555556ull, NX },
    { "fdiv.d", RNE, 0x401c000000000000ull, D2, 0, 0x400c000000000000ull, 0 },  /* 7/2 */
    /* 5*2^-1074 / 2 = 2.5 units of the subnormal grid: a tie only RMM breaks up. */
    { "fdiv.d", RNE, 0x5, D2, 0, 0x2, UF | NX },
    { "fdiv.d", RMM, 0x5, D2, 0, 0x3, UF | NX },
    { "fdiv.d", RTZ, 0x5, D2, 0, 0x2, UF | NX },
    { "fdiv.d", RUP, 0x5, D2, 0, 0x3, UF | NX },
    { "fdiv.d", RMM, 0x3, D2, 0, 0x2, UF | NX },
    { "fdiv.s", RNE, S(0x5), S(F2), 0, S(0x2), UF | NX },
    { "fdiv.s", RMM, S(0x5), S(F2), 0, S(0x3), UF | NX },
    { "fdiv.s", RNE, S(F1), S(0), 0, S(FINF), DZ },

    /* Square root: sqrt(2) = 1.41421356237309504..., 0x3ff6a09e667f3bcd is
     * 1.41421356237309514..., the nearest and above. */
    { "fsqrt.d", RNE, 0x4010000000000000ull, 0, 0, D2, 0 },
    { "fsqrt.d", RNE, D2, 0, 0, 0x3ff6a09e667f3bcdull, NX },
    { "fsqrt.d", RMM, D2, 0, 0, 0x3ff6a09e667f3bcdull, NX },
    { "fsqrt.d", RTZ, D2, 0, 0, 0x3ff6a09e667f3bccull, NX },
    { "fsqrt.d", RUP, D2, 0, 0, 0x3ff6a09e667f3bcdull, NX },
    { "fsqrt.d", RNE, DN0, 0, 0, DN0, 0 },
    { "fsqrt.d", RNE, DN1, 0, 0, DCANON, NV },
    { "fsqrt.d", RNE, DINF, 0, 0, DINF, 0 },
    { "fsqrt.d", RNE, DNINF, 0, 0, DCANON, NV },
    { "fsqrt.d", RNE, DQNAN, 0, 0, DCANON, 0 },
    { "fsqrt.d", RNE, DSUB, 0, 0, 0x1e60000000000000ull, 0 },     /* 2^-537 */
    /* sqrt(2) in single: 0x3fb504f3 = 1.41421353..., the nearest, below. */
    { "fsqrt.s", RNE, S(F2), 0, 0, S(0x3fb504f3), NX },
    { "fsqrt.s", RUP, S(F2), 0, 0, S(0x3fb504f4), NX },

    /* Fused multiply-add: one rounding. (1+2^-52)(1-2^-52) - 1 = -2^-104
     * exactly (rounding the product first would give 0). */
    { "fmadd.d", RNE, D1 + 1, 0x3feffffffffffffeull, DN1, 0xb970000000000000ull, 0 },
    { "fmsub.d", RNE, D1 + 1, 0x3feffffffffffffeull, D1, 0xb970000000000000ull, 0 },
    { "fnmsub.d", RNE, D1 + 1, 0x3feffffffffffffeull, D1, 0x3970000000000000ull, 0 },
    { "fnmadd.d", RNE, D1 + 1, 0x3feffffffffffffeull, DN1, 0x3970000000000000ull, 0 },
    { "fmadd.s", RNE, S(F1 + 1), S(0x3f7ffffe), S(FN1), S(0xa8800000), 0 },   /* -2^-46 */
    /* Signs of zero: fnmadd = -(a*b) - c. */
    { "fmadd.d", RNE, D1, D0, DN0, D0, 0 },
    { "fmadd.d", RNE, D1, DN0, DN0, DN0, 0 },
    { "fnmadd.d", RNE, D1, D0, D0, DN0, 0 },
    { "fnmsub.d", RNE, D1, D0, D0, D0, 0 },
    { "fnmsub.d", RDN, D1, D0, D0, DN0, 0 },
    { "fmsub.d", RNE, D1, D0, D0, D0, 0 },
    { "fmsub.d", RDN, D1, D0, D0, DN0, 0 },
    /* inf * 0 raises NV even with a quiet NaN addend. */
    { "fmadd.d", RNE, DINF, D0, DQNAN, DCANON, NV },
    { "fmadd.d", RNE, D0, DNINF, D1, DCANON, NV },
    { "fmadd.s", RNE, S(FINF), S(0), S(FQNAN), S(FCANON), NV },
    { "fmadd.d", RNE, D1, D1, DSNAN, DCANON, NV },
    { "fmadd.d", RNE, DQNAN, D1, D1, DCANON, 0 },
    { "fmadd.d", RNE, DINF, D1, DNINF, DCANON, NV },
    /* 1*1 + 2^-53: a tie. */
    { "fmadd.d", RNE, D1, D1, DP53, D1, NX },
    { "fmadd.d", RMM, D1, D1, DP53, D1 + 1, NX },
    { "fnmadd.d", RMM, D1, D1, DP53, DN1 + 1, NX },
    { "fmadd.s", RMM, S(F1), S(F1), S(FP24), S(F1 + 1), NX },

    /* fmin/fmax: minimumNumber/maximumNumber. */
    { "fmin.d", RNE, DN0, D0, 0, DN0, 0 },
    { "fmin.d", RNE, D0, DN0, 0, DN0, 0 },
    { "fmax.d", RNE, DN0, D0, 0, D0, 0 },
    { "fmax.d", RNE, D0, DN0, 0, D0, 0 },
    { "fmin.d", RNE, DQNAN, D1, 0, D1, 0 },
    { "fmin.d", RNE, D1, DQNAN, 0, D1, 0 },
    { "fmax.d", RNE, DSNAN, D1, 0, D1, NV },
    { "fmin.d", RNE, DQNAN, DQNAN, 0, DCANON, 0 },
    { "fmin.d", RNE, DSNAN, DQNAN, 0, DCANON, NV },
    { "fmin.d", RNE, D1, D2, 0, D1, 0 },
    { "fmax.d", RNE, D1, D2, 0, D2, 0 },
    { "fmin.d", RNE, DNINF, D1, 0, DNINF, 0 },
    { "fmax.d", RNE, DN1, DN2, 0, DN1, 0 },
    { "fmin.s", RNE, BADBOX(F1), S(F2), 0, S(F2), 0 },
    { "fmax.s", RNE, S(FSNAN), S(FN1), 0, S(FN1), NV },

    /* Sign injection works on bits: payloads kept, no flags. */
    { "fsgnj.d", RNE, D1, DN2, 0, DN1, 0 },
    { "fsgnjn.d", RNE, D1, DN2, 0, D1, 0 },
    { "fsgnjx.d", RNE, DN1, DN2, 0, D1, 0 },
    { "fsgnjx.d", RNE, DN1, D2, 0, DN1, 0 },
    { "fsgnjn.d", RNE, DSNAN, D1, 0, DSNAN | DN0, 0 },
    { "fsgnj.s", RNE, BADBOX(F1), S(FN1), 0, S(0xffc00000), 0 },
    { "fsgnjn.s", RNE, S(FSNAN), S(0), 0, S(0xff800001), 0 },
    { "fsgnjx.s", RNE, S(F1), BADBOX(FN1), 0, S(F1), 0 },        /* canonical NaN is positive */

    /* Compares: feq quiet, flt/fle signalling; -0 == +0. */
    { "feq.d", RNE, DQNAN, D1, 0, 0, 0 },
    { "feq.d", RNE, DSNAN, D1, 0, 0, NV },
    { "flt.d", RNE, DQNAN, D1, 0, 0, NV },
    { "fle.d", RNE, D1, DQNAN, 0, 0, NV },
    { "feq.d", RNE, DN0, D0, 0, 1, 0 },
    { "flt.d", RNE, DN0, D0, 0, 0, 0 },
    { "fle.d", RNE, DN0, D0, 0, 1, 0 },
    { "flt.d", RNE, D1, D2, 0, 1, 0 },
    { "flt.d", RNE, D2, D1, 0, 0, 0 },
    { "fle.d", RNE, D2, D2, 0, 1, 0 },
    { "flt.d", RNE, DNINF, DMAX | DN0, 0, 1, 0 },
    { "flt.d", RNE, DN2, DN1, 0, 1, 0 },
    { "feq.d", RNE, DINF, DINF, 0, 1, 0 },
    { "feq.s", RNE, BADBOX(F1), BADBOX(F1), 0, 0, 0 },
    { "flt.s", RNE, BADBOX(F1), S(F1), 0, 0, NV },
    { "fle.s", RNE, S(FN1), S(F1), 0, 1, 0 },

    /* fclass: one bit per class. */
    { "fclass.d", RNE, DNINF, 0, 0, 1 << 0, 0 },
    { "fclass.d", RNE, DN1, 0, 0, 1 << 1, 0 },
    { "fclass.d", RNE, DSUB | DN0, 0, 0, 1 << 2, 0 },
    { "fclass.d", RNE, DN0, 0, 0, 1 << 3, 0 },
    { "fclass.d", RNE, D0, 0, 0, 1 << 4, 0 },
    { "fclass.d", RNE, 0x000fffffffffffffull, 0, 0, 1 << 5, 0 },
    { "fclass.d", RNE, DNORM, 0, 0, 1 << 6, 0 },
    { "fclass.d", RNE, DINF, 0, 0, 1 << 7, 0 },
    { "fclass.d", RNE, DSNAN, 0, 0, 1 << 8, 0 },
    { "fclass.d", RNE, DQNAN | DN0, 0, 0, 1 << 9, 0 },
    { "fclass.s", RNE, S(FNINF), 0, 0, 1 << 0, 0 },
    { "fclass.s", RNE, S(FN1), 0, 0, 1 << 1, 0 },
    { "fclass.s", RNE, S(0x807fffff), 0, 0, 1 << 2, 0 },
    { "fclass.s", RNE, S(0x80000000), 0, 0, 1 << 3, 0 },
    { "fclass.s", RNE, S(0), 0, 0, 1 << 4, 0 },
    { "fclass.s", RNE, S(1), 0, 0, 1 << 5, 0 },
    { "fclass.s", RNE, S(FNORM), 0, 0, 1 << 6, 0 },
    { "fclass.s", RNE, S(FINF), 0, 0, 1 << 7, 0 },
    { "fclass.s", RNE, S(FSNAN), 0, 0, 1 << 8, 0 },
    { "fclass.s", RNE, S(FQNAN), 0, 0, 1 << 9, 0 },
    { "fclass.s", RNE, BADBOX(0), 0, 0, 1 << 9, 0 },

    /* fcvt to integers: the spec's table. NaN and +inf/too large give the
     * maximum, -inf/too small the minimum; NV and never NX with it. */
    { "fcvt.w.d", RNE, DQNAN, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RNE, DSNAN | DN0, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RNE, DINF, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RNE, DNINF, 0, 0, XMIN32, NV },
    { "fcvt.w.d", RNE, 0x41e0000000000000ull, 0, 0, XMAX32, NV },             /* 2^31 */
    { "fcvt.w.d", RNE, 0xc1e0000000000000ull, 0, 0, XMIN32, 0 },              /* -2^31 */
    { "fcvt.w.d", RNE, 0x4202a05f20000000ull, 0, 0, XMAX32, NV },             /* 1e10 */
    /* 2^31 - 0.5: RNE and RMM round to 2^31, out of range. */
    { "fcvt.w.d", RNE, 0x41dfffffffe00000ull, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RMM, 0x41dfffffffe00000ull, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RUP, 0x41dfffffffe00000ull, 0, 0, XMAX32, NV },
    { "fcvt.w.d", RTZ, 0x41dfffffffe00000ull, 0, 0, XMAX32, NX },
    { "fcvt.w.d", RDN, 0x41dfffffffe00000ull, 0, 0, XMAX32, NX },
    /* -2^31 - 0.5: RNE to even -2^31 (valid), RMM/RDN to -2^31 - 1 (invalid). */
    { "fcvt.w.d", RNE, 0xc1e0000000100000ull, 0, 0, XMIN32, NX },
    { "fcvt.w.d", RTZ, 0xc1e0000000100000ull, 0, 0, XMIN32, NX },
    { "fcvt.w.d", RUP, 0xc1e0000000100000ull, 0, 0, XMIN32, NX },
    { "fcvt.w.d", RDN, 0xc1e0000000100000ull, 0, 0, XMIN32, NV },
    { "fcvt.w.d", RMM, 0xc1e0000000100000ull, 0, 0, XMIN32, NV },
    /* 2.5 and -2.5 in every mode. */
    { "fcvt.w.d", RNE, 0x4004000000000000ull, 0, 0, 2, NX },
    { "fcvt.w.d", RTZ, 0x4004000000000000ull, 0, 0, 2, NX },
    { "fcvt.w.d", RDN, 0x4004000000000000ull, 0, 0, 2, NX },
    { "fcvt.w.d", RUP, 0x4004000000000000ull, 0, 0, 3, NX },
    { "fcvt.w.d", RMM, 0x4004000000000000ull, 0, 0, 3, NX },
    { "fcvt.w.d", RNE, 0xc004000000000000ull, 0, 0, (uint64_t)-2, NX },
    { "fcvt.w.d", RTZ, 0xc004000000000000ull, 0, 0, (uint64_t)-2, NX },
    { "fcvt.w.d", RDN, 0xc004000000000000ull, 0, 0, (uint64_t)-3, NX },
    { "fcvt.w.d", RUP, 0xc004000000000000ull, 0, 0, (uint64_t)-2, NX },
    { "fcvt.w.d", RMM, 0xc004000000000000ull, 0, 0, (uint64_t)-3, NX },
    { "fcvt.w.d", RNE, DHALF, 0, 0, 0, NX },
    { "fcvt.w.d", RMM, DHALF, 0, 0, 1, NX },
    { "fcvt.w.d", RMM, DHALF | DN0, 0, 0, XALL, NX },
    { "fcvt.w.d", RNE, 0x3ff8000000000000ull, 0, 0, 2, NX },
    { "fcvt.w.d", RNE, DN0, 0, 0, 0, 0 },
    { "fcvt.w.d", RUP, DSUB, 0, 0, 1, NX },
    { "fcvt.w.d", RDN, DSUB, 0, 0, 0, NX },
    { "fcvt.w.d", RDN, DSUB | DN0, 0, 0, XALL, NX },
    /* Unsigned: negatives that round to 0 are valid (NX); below that, NV. */
    { "fcvt.wu.d", RTZ, 0xbfd0000000000000ull, 0, 0, 0, NX },                 /* -0.25 */
    { "fcvt.wu.d", RNE, 0xbfd0000000000000ull, 0, 0, 0, NX },
    { "fcvt.wu.d", RMM, 0xbfd0000000000000ull, 0, 0, 0, NX },
    { "fcvt.wu.d", RDN, 0xbfd0000000000000ull, 0, 0, 0, NV },
    { "fcvt.wu.d", RNE, DHALF | DN0, 0, 0, 0, NX },
    { "fcvt.wu.d", RMM, DHALF | DN0, 0, 0, 0, NV },
    { "fcvt.wu.d", RNE, DN1, 0, 0, 0, NV },
    { "fcvt.wu.d", RNE, DN0, 0, 0, 0, 0 },
    { "fcvt.wu.d", RNE, 0x41efffffffe00000ull, 0, 0, XALL, 0 },               /* 2^32-1 */
    { "fcvt.wu.d", RNE, 0x41f0000000000000ull, 0, 0, XALL, NV },              /* 2^32 */
    { "fcvt.wu.d", RNE, 0x41e65a0bc0000000ull, 0, 0, 0xffffffffb2d05e00ull, 0 },  /* 3e9, sign-extended */
    { "fcvt.wu.d", RNE, DQNAN, 0, 0, XALL, NV },
    { "fcvt.wu.d", RNE, DINF, 0, 0, XALL, NV },
    { "fcvt.wu.d", RNE, DNINF, 0, 0, 0, NV },
    { "fcvt.l.d", RNE, 0x43e0000000000000ull, 0, 0, 0x7fffffffffffffffull, NV },   /* 2^63 */
    { "fcvt.l.d", RNE, 0xc3e0000000000000ull, 0, 0, 0x8000000000000000ull, 0 },
    { "fcvt.l.d", RNE, 0x43dfffffffffffffull, 0, 0, 0x7ffffffffffffc00ull, 0 },
    { "fcvt.l.d", RNE, DQNAN, 0, 0, 0x7fffffffffffffffull, NV },
    { "fcvt.l.d", RNE, DNINF, 0, 0, 0x8000000000000000ull, NV },
    { "fcvt.l.d", RMM, 0xc004000000000000ull, 0, 0, (uint64_t)-3, NX },
    { "fcvt.lu.d", RNE, 0x43f0000000000000ull, 0, 0, XALL, NV },              /* 2^64 */
    { "fcvt.lu.d", RNE, 0x43efffffffffffffull, 0, 0, 0xfffffffffffff800ull, 0 },
    { "fcvt.lu.d", RNE, DN1, 0, 0, 0, NV },
    { "fcvt.lu.d", RNE, DNINF, 0, 0, 0, NV },
    { "fcvt.lu.d", RNE, DSNAN, 0, 0, XALL, NV },
    { "fcvt.lu.d", RTZ, 0xbfe8000000000000ull, 0, 0, 0, NX },                 /* -0.75 */
    { "fcvt.w.s", RMM, S(0x40200000), 0, 0, 3, NX },                          /* 2.5f */
    { "fcvt.w.s", RNE, S(0x4effffff), 0, 0, 0x7fffff80, 0 },                  /* 2^31 - 128 */
    { "fcvt.w.s", RNE, S(0x4f000000), 0, 0, XMAX32, NV },
    { "fcvt.wu.s", RNE, BADBOX(F1), 0, 0, XALL, NV },                         /* reads as NaN */
    { "fcvt.wu.s", RNE, S(0x4f7fffff), 0, 0, 0xffffffffffffff00ull, 0 },       /* 2^32 - 256 */
    { "fcvt.l.s", RNE, S(0xdf000000), 0, 0, 0x8000000000000000ull, 0 },       /* -2^63 */
    { "fcvt.l.s", RNE, S(0x5f000000), 0, 0, 0x7fffffffffffffffull, NV },
    { "fcvt.lu.s", RNE, S(0x5f800000), 0, 0, XALL, NV },                      /* 2^64 */
    { "fcvt.lu.s", RNE, S(0x5f7fffff), 0, 0, 0xffffff0000000000ull, 0 },

    /* fcvt from integers. 2^24 + 1 is halfway between 2^24 (even) and 2^24 + 2. */
    { "fcvt.s.w", RNE, 0x1000001, 0, 0, S(0x4b800000), NX },
    { "fcvt.s.w", RTZ, 0x1000001, 0, 0, S(0x4b800000), NX },
    { "fcvt.s.w", RUP, 0x1000001, 0, 0, S(0x4b800001), NX },
    { "fcvt.s.w", RMM, 0x1000001, 0, 0, S(0x4b800001), NX },
    { "fcvt.s.w", RNE, 0x1000003, 0, 0, S(0x4b800002), NX },
    { "fcvt.s.w", RMM, 0x1000003, 0, 0, S(0x4b800002), NX },
    { "fcvt.s.w", RNE, (uint64_t)-0x1000001, 0, 0, S(0xcb800000), NX },
    { "fcvt.s.w", RMM, (uint64_t)-0x1000001, 0, 0, S(0xcb800001), NX },
    { "fcvt.s.w", RDN, (uint64_t)-0x1000001, 0, 0, S(0xcb800001), NX },
    { "fcvt.s.w", RUP, (uint64_t)-0x1000001, 0, 0, S(0xcb800000), NX },
    { "fcvt.s.w", RNE, 0x1234567800000005ull, 0, 0, S(0x40a00000), 0 },      /* low 32 bits only */
    { "fcvt.s.w", RNE, 0x00000000ffffffffull, 0, 0, S(FN1), 0 },
    { "fcvt.s.wu", RNE, 0xabcd0000ffffffffull, 0, 0, S(0x4f800000), NX },
    { "fcvt.s.wu", RTZ, 0xffffffff, 0, 0, S(0x4f7fffff), NX },
    { "fcvt.s.l", RNE, 0x8000000000000000ull, 0, 0, S(0xdf000000), 0 },
    { "fcvt.s.lu", RNE, XALL, 0, 0, S(0x5f800000), NX },
    { "fcvt.s.lu", RTZ, XALL, 0, 0, S(0x5f7fffff), NX },
    { "fcvt.s.lu", RNE, 0x8000008000000000ull, 0, 0, S(0x5f000000), NX },     /* 2^63 + 2^39: tie */
    { "fcvt.s.lu", RMM, 0x8000008000000000ull, 0, 0, S(0x5f000001), NX },
    { "fcvt.d.l", RNE, 0x20000000000001ull, 0, 0, 0x4340000000000000ull, NX }, /* 2^53 + 1 */
    { "fcvt.d.l", RMM, 0x20000000000001ull, 0, 0, 0x4340000000000001ull, NX },
    { "fcvt.d.l", RMM, (uint64_t)-0x20000000000001ll, 0, 0, 0xc340000000000001ull, NX },
    { "fcvt.d.lu", RNE, XALL, 0, 0, 0x43f0000000000000ull, NX },
    { "fcvt.d.lu", RTZ, XALL, 0, 0, 0x43efffffffffffffull, NX },
    { "fcvt.d.lu", RNE, 0x8000000000000400ull, 0, 0, 0x43e0000000000000ull, NX },  /* 2^63 + 2^10: tie */
    { "fcvt.d.lu", RMM, 0x8000000000000400ull, 0, 0, 0x43e0000000000001ull, NX },
    { "fcvt.d.lu", RUP, 0x8000000000000400ull, 0, 0, 0x43e0000000000001ull, NX },
    { "fcvt.d.w", RNE, 0xffffffff, 0, 0, DN1, 0 },
    { "fcvt.d.wu", RNE, 0xffffffff, 0, 0, 0x41efffffffe00000ull, 0 },

    /* fcvt between the formats. 1 + 2^-24 is halfway between 1.0f and 1 + 2^-23. */
    { "fcvt.s.d", RNE, 0x3ff0000010000000ull, 0, 0, S(F1), NX },
    { "fcvt.s.d", RMM, 0x3ff0000010000000ull, 0, 0, S(F1 + 1), NX },
    { "fcvt.s.d", RNE, 0x3ff0000030000000ull, 0, 0, S(F1 + 2), NX },
    { "fcvt.s.d", RMM, 0x3ff0000030000000ull, 0, 0, S(F1 + 2), NX },
    { "fcvt.s.d", RNE, DQNAN, 0, 0, S(FCANON), 0 },
    { "fcvt.s.d", RNE, DSNAN, 0, 0, S(FCANON), NV },
    { "fcvt.s.d", RNE, 0x7e37e43c8800759cull, 0, 0, S(FINF), OF | NX },      /* 1e300 */
    { "fcvt.s.d", RTZ, 0x7e37e43c8800759cull, 0, 0, S(0x7f7fffff), OF | NX },
    { "fcvt.s.d", RNE, DNORM, 0, 0, S(0), UF | NX },
    { "fcvt.s.d", RUP, DNORM, 0, 0, S(1), UF | NX },
    { "fcvt.s.d", RNE, DN0, 0, 0, S(0x80000000), 0 },
    /* 2^-126 (1 - 2^-25): with unbounded exponent RNE/RMM round it up to
     * 2^-126, so it is not tiny: NX without UF. RTZ keeps it below: tiny. */
    { "fcvt.s.d", RNE, 0x380ffffff0000000ull, 0, 0, S(FNORM), NX },
    { "fcvt.s.d", RMM, 0x380ffffff0000000ull, 0, 0, S(FNORM), NX },
    { "fcvt.s.d", RTZ, 0x380ffffff0000000ull, 0, 0, S(0x007fffff), UF | NX },
    { "fcvt.d.s", RNE, S(F1), 0, 0, D1, 0 },
    { "fcvt.d.s", RNE, S(FSNAN), 0, 0, DCANON, NV },
    { "fcvt.d.s", RNE, S(FQNAN), 0, 0, DCANON, 0 },
    { "fcvt.d.s", RNE, BADBOX(F1), 0, 0, DCANON, 0 },
    { "fcvt.d.s", RNE, S(0x00000001), 0, 0, 0x36a0000000000000ull, 0 },      /* 2^-149 */
    { "fcvt.d.s", RNE, S(FNINF), 0, 0, DNINF, 0 },

    /* Moves: bits unchanged, no flags, boxing ignored on the way out. */
    { "fmv.x.w", RNE, 0x1234567887654321ull, 0, 0, 0xffffffff87654321ull, 0 },
    { "fmv.x.w", RNE, S(0x7fc00001), 0, 0, 0x7fc00001, 0 },
    { "fmv.w.x", RNE, 0x1234567880000000ull, 0, 0, S(0x80000000), 0 },
    { "fmv.x.d", RNE, DSNAN, 0, 0, DSNAN, 0 },
    { "fmv.d.x", RNE, DSNAN | DN0, 0, 0, DSNAN | DN0, 0 },
};

static void check_vectors(void)
{
    for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++) {
        const struct vec *v = &vecs[i];
        const struct desc *d = desc_named(v->name);
        int ret = run(d, encode(d, v->rm), 0, v->a, v->b, v->c);
        CHECK(ret == 0 && result(d) == v->want && cpu.fflags == v->flags,
              "%s rm=%d a=%016llx b=%016llx c=%016llx: got %016llx flags %02x ret %d, want %016llx flags %02x",
              v->name, v->rm, (unsigned long long)v->a, (unsigned long long)v->b, (unsigned long long)v->c,
              (unsigned long long)result(d), cpu.fflags, ret, (unsigned long long)v->want, v->flags);
    }
}

/* DYN takes frm; an invalid rounding mode changes nothing and returns -1. */
static void check_rounding_modes(void)
{
    const struct desc *add = desc_named("fadd.d"), *cvt = desc_named("fcvt.w.d");
    CHECK(run(add, encode(add, DYN), RMM, D1, DP53, 0) == 0 && cpu.f[10] == D1 + 1 && cpu.fflags == NX,
          "fadd.d DYN with frm=RMM");
    CHECK(run(add, encode(add, DYN), RUP, D1, DP53, 0) == 0 && cpu.f[10] == D1 + 1, "fadd.d DYN frm=RUP");
    CHECK(run(add, encode(add, DYN), RTZ, D1, DP53, 0) == 0 && cpu.f[10] == D1, "fadd.d DYN frm=RTZ");
    CHECK(run(cvt, encode(cvt, DYN), RUP, 0x4004000000000000ull, 0, 0) == 0 && cpu.x[10] == 3,
          "fcvt.w.d DYN frm=RUP");

    static const struct { int rm; unsigned frm; } bad[] = { { 5, 0 }, { 6, 0 }, { 7, 5 }, { 7, 6 }, { 7, 7 } };
    static const char *const with_rm[] = { "fadd.d", "fmadd.s", "fsqrt.d", "fcvt.w.d", "fcvt.d.w",
                                           "fcvt.d.s", "fcvt.s.d", "fcvt.s.lu" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        for (size_t j = 0; j < sizeof with_rm / sizeof with_rm[0]; j++) {
            const struct desc *d = desc_named(with_rm[j]);
            memset(cpu.f, 0x5a, sizeof cpu.f);
            memset(cpu.x, 0x5a, sizeof cpu.x);
            cpu.f[11] = cpu.x[11] = D1;
            cpu.fflags = NV;
            cpu.frm = bad[i].frm;
            int ret = fp_helper_for(d->op)(&cpu, encode(d, bad[i].rm));
            CHECK(ret == -1 && cpu.f[10] == 0x5a5a5a5a5a5a5a5aull && cpu.x[10] == 0x5a5a5a5a5a5a5a5aull &&
                  cpu.fflags == NV, "%s rm=%d frm=%u: ret %d, must be -1 and change nothing",
                  d->name, bad[i].rm, bad[i].frm, ret);
        }
}

/* x0 is never written; flags accrue (OR) into fflags. */
static void check_x0_and_accrual(void)
{
    const struct desc *cvt = desc_named("fcvt.w.d"), *add = desc_named("fadd.d");
    memset(cpu.x, 0, sizeof cpu.x);
    cpu.f[11] = 0x4004000000000000ull;
    cpu.fflags = 0;
    int ret = fp_helper_for(cvt->op)(&cpu, encode(cvt, RNE) & ~(31u << 7));
    CHECK(ret == 0 && cpu.x[0] == 0 && cpu.fflags == NX, "fcvt.w.d x0, 2.5: x0 %llx flags %02x",
          (unsigned long long)cpu.x[0], cpu.fflags);
    cpu.f[11] = D1;
    cpu.f[12] = DP53;
    cpu.fflags = NV | DZ;
    fp_helper_for(add->op)(&cpu, encode(add, RNE));
    CHECK(cpu.fflags == (NV | DZ | NX), "flags accrue: %02x", cpu.fflags);
}

static void check_helper_table(void)
{
    for (int i = 0; i < N_DESCS; i++)
        CHECK(fp_helper_for(descs[i].op) != NULL, "no helper for %s", descs[i].name);
    static const int not_fp[] = { RV_OP_illegal, RV_OP_flw, RV_OP_fld, RV_OP_fsw, RV_OP_fsd,
                                  RV_OP_add, RV_OP_csrrw, RV_OP_COUNT };
    for (size_t i = 0; i < sizeof not_fp / sizeof not_fp[0]; i++)
        CHECK(fp_helper_for(not_fp[i]) == NULL, "op %d is not an F/D computational instruction", not_fp[i]);
    /* Every F/D op of the decoder's table except loads/stores has a helper. */
    int n = 0;
    for (int op = 0; op < RV_OP_COUNT; op++)
        n += fp_helper_for(op) != NULL;
    CHECK(n == N_DESCS, "%d ops have helpers, expected %d", n, N_DESCS);
}

/* ---- Differential test against qemu-riscv64 ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd64(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static unsigned rnd(unsigned n) { return (unsigned)(rnd64() % n); }

/* Format parameters for the generators. */
struct fmt {
    int mbits, ebits, bias;
};
static const struct fmt FMT_S = { 23, 8, 127 }, FMT_D = { 52, 11, 1023 };

static uint64_t make(const struct fmt *f, bool neg, int exp_field, uint64_t frac)
{
    return (uint64_t)neg << (f->mbits + f->ebits) | (uint64_t)exp_field << f->mbits |
           (frac & ((1ull << f->mbits) - 1));
}

/* A significand with only its top k fraction bits random: sums and products
 * of such numbers are often exact or exactly halfway. */
static uint64_t short_frac(const struct fmt *f)
{
    unsigned k = rnd(f->mbits + 1);
    return k ? (rnd64() >> (64 - k)) << (f->mbits - k) : 0;
}

static uint64_t gen_float(const struct fmt *f)
{
    bool neg = rnd(2);
    int emax = (1 << f->ebits) - 1;
    uint64_t quiet = 1ull << (f->mbits - 1);
    switch (rnd(20)) {
    case 0: return make(f, neg, 0, 0);
    case 1: return make(f, neg, emax, 0);
    case 2: return make(f, neg, emax, quiet | (rnd(2) ? 0 : rnd64()));
    case 3: return make(f, neg, emax, (rnd64() & (quiet - 1)) | 1ull << rnd(f->mbits - 1));
    case 4: return make(f, neg, 0, rnd64() >> rnd(64));                       /* subnormal */
    case 5: return make(f, neg, 0, rnd(17));                                  /* few units of 2^emin-p */
    case 6: return make(f, neg, 1, 0) + rnd(5) - 2;                           /* near the smallest normal */
    case 7: return make(f, neg, emax - 1, ~0ull) - rnd(4);                    /* near MAX */
    case 8: case 9: return rnd64() & ((1ull << (f->mbits + f->ebits + 1)) - 1);
    case 10: case 11: case 12:
        return make(f, neg, f->bias + (int)rnd(80) - 40, short_frac(f));
    case 13: {                                                               /* edges of the range */
        int e = rnd(2) ? (int)rnd(f->mbits + 3) + 1 : emax - 1 - (int)rnd(4);
        return make(f, neg, e, short_frac(f));
    }
    case 14: case 15: {                                                       /* integer boundaries */
        static const int pow2[] = { 0, 1, 23, 24, 31, 32, 52, 53, 63, 64 };
        int e = pow2[rnd(10)];
        return make(f, neg, f->bias + e, 0) + rnd(9) - 4;
    }
    case 16: {                                                                /* halves and quarters */
        int k = (int)rnd(41) - 20;
        double v = k / 4.0;
        if (f == &FMT_D) {
            uint64_t b;
            memcpy(&b, &v, 8);
            return b;
        }
        float s = (float)v;
        uint32_t b;
        memcpy(&b, &s, 4);
        return b;
    }
    default:
        return make(f, neg, f->bias + (int)rnd(10) - 5, rnd64());
    }
}

/* A value whose exponent lies up to p + 3 below x's, with a short significand:
 * makes sums land exactly on or next to a tie. */
static uint64_t gen_related(const struct fmt *f, uint64_t x)
{
    int ex = (int)(x >> f->mbits) & ((1 << f->ebits) - 1);
    int e = ex - (int)rnd(f->mbits + 5);
    if (e < 1 || ex == (1 << f->ebits) - 1)
        return gen_float(f);
    return make(f, rnd(2), e, short_frac(f));
}

static uint64_t gen_int(void)
{
    static const int pow2[] = { 24, 25, 31, 32, 53, 54, 63, 64 };
    uint64_t v;
    switch (rnd(8)) {
    case 0: v = (uint64_t)((int64_t)rnd(41) - 20); break;
    case 1: case 2: {
        int e = pow2[rnd(8)];
        v = (e == 64 ? 0 : 1ull << e) + rnd(7) - 3;
        break;
    }
    case 3: {                                                 /* 2^n + 2^(n - p): ties */
        int n = (int)rnd(40) + 24, p = rnd(2) ? 24 : 53;
        v = n > 63 ? 0 : 1ull << n;
        if (n - p >= 0)
            v += 1ull << (n - p);
        v += rnd(3) - 1;
        break;
    }
    case 4: v = rnd64() >> rnd(64); break;
    case 5: v = rnd64() << 32 | (uint32_t)gen_int(); break;  /* junk above a 32-bit value */
    default: v = rnd64(); break;
    }
    return rnd(4) ? v : (uint64_t)-v;
}

static uint64_t gen_operand(char kind)
{
    if (kind == 'x')
        return gen_int();
    if (kind == 'd')
        return gen_float(&FMT_D);
    uint64_t s = gen_float(&FMT_S);
    return rnd(25) ? S(s) : rnd64() << 32 | s;    /* sometimes not NaN-boxed */
}

struct dcase {
    const struct desc *d;
    uint32_t insn;
    unsigned frm;
    uint64_t a, b, c;
};

/* A random odd number of exactly w bits (1 <= w <= 64). */
static uint64_t odd_bits(int w)
{
    uint64_t m = w == 64 ? rnd64() : rnd64() & ((1ull << w) - 1);
    return m | 1 | 1ull << (w - 1);
}

/* m * 2^q as a normal number (m < 2^(mbits+1)), or a random value if that is
 * out of range. */
static uint64_t make_scaled(const struct fmt *f, bool neg, uint64_t m, int q)
{
    int w = 64 - __builtin_clzll(m);
    int e = q + w - 1 + f->bias;
    if (e < 1 || e >= (1 << f->ebits) - 1)
        return gen_float(f);
    return make(f, neg, e, m << (f->mbits + 1 - w));
}

/* An exponent for a result: moderate, near the smallest normal (where the
 * subnormal grid takes over) or near the largest. */
static int pick_exp(const struct fmt *f)
{
    int p = f->mbits + 1, emin = 1 - f->bias;
    switch (rnd(4)) {
    case 0: return emin - (int)rnd(p + 2) + 2;
    case 1: return f->bias - (int)rnd(3);
    default: return (int)rnd(61) - 30;
    }
}

/* Operands whose exact result has p + 1 significant bits, i.e. lies halfway
 * between two neighbours (in the normal range), about half the time: the
 * cases where RMM and RNE differ. Returns false for ops without such cases. */
static bool gen_tie(struct dcase *k, const struct desc *d, const struct fmt *f, uint64_t box)
{
    int p = f->mbits + 1, e = pick_exp(f);
    const char *n = d->name;
    if (!strncmp(n, "fadd", 4) || !strncmp(n, "fsub", 4)) {
        /* a's top bit at e; b's lowest at e - p, half an ulp of a */
        int wa = 1 + (int)rnd(p), wb = 1 + (int)rnd(p);
        k->a = box | make_scaled(f, rnd(2), odd_bits(wa), e - wa + 1);
        k->b = box | make_scaled(f, rnd(2), odd_bits(wb), e - p);
    } else if (!strncmp(n, "fmul", 4)) {
        int wa = 1 + (int)rnd(p), wb = p + 1 - wa + (int)rnd(2), ea = e / 2 + (int)rnd(21) - 10;
        if (wb > p)
            wb = p;
        k->a = box | make_scaled(f, rnd(2), odd_bits(wa), ea - wa + 1);
        k->b = box | make_scaled(f, rnd(2), odd_bits(wb), e - ea - wb + 1);
    } else if (strstr(n, "madd") || strstr(n, "msub")) {
        /* exact product with at most p bits, then c's lowest bit half an ulp
         * below the product's top */
        int wa = 1 + (int)rnd(p / 2), wb = 1 + (int)rnd(p / 2), ea = e / 2 + (int)rnd(21) - 10;
        uint64_t ma = odd_bits(wa), mb = odd_bits(wb);
        int qa = ea - wa + 1, qb = e - ea - wb + 1;
        int top = qa + qb + (128 - __builtin_clzll(ma * mb) - 64) - 1;
        k->a = box | make_scaled(f, rnd(2), ma, qa);
        k->b = box | make_scaled(f, rnd(2), mb, qb);
        k->c = box | make_scaled(f, rnd(2), odd_bits(1 + (int)rnd(p)), top - p);
    } else if (!strncmp(n, "fdiv", 4)) {
        /* only quotients on the subnormal grid can be ties */
        k->a = box | make(f, rnd(2), 0, rnd(64) + 1);
        k->b = box | make(f, rnd(2), f->bias + (int)rnd(4), rnd(2) ? 0 : 1ull << (f->mbits - 1));
    } else if (!strcmp(n, "fcvt.s.d")) {
        int e1 = pick_exp(&FMT_S);
        k->a = make_scaled(&FMT_D, rnd(2), odd_bits(25), e1 - 24);
    } else {
        return false;
    }
    return true;
}

static void gen_case(struct dcase *k, const struct desc *d)
{
    /* RMM twice and DYN (frm random) for more of the mode x86 lacks */
    static const int rms[] = { RNE, RTZ, RDN, RUP, RMM, RMM, DYN };
    k->d = d;
    k->insn = encode(d, d->rm ? rms[rnd(7)] : 0);
    k->frm = rnd(5);
    k->a = gen_operand(d->src[0]);
    k->b = d->src[1] ? gen_operand(d->src[1]) : 0;
    k->c = d->src[1] && d->src[2] ? gen_operand(d->src[2]) : 0;
    if (d->src[0] == 'x')
        return;
    const struct fmt *f = d->src[0] == 'd' ? &FMT_D : &FMT_S;
    uint64_t box = d->src[0] == 'd' ? 0 : 0xffffffff00000000ull;
    switch (rnd(3)) {
    case 0:
        return;
    case 1:
        if (gen_tie(k, d, f, box))
            return;
        break;
    }
    /* Operands related to each other: near-ties and cancellation. */
    if (d->src[2]) {
        uint64_t mask = (1u << f->ebits) - 1;
        int ep = (int)((k->a >> f->mbits) & mask) + (int)((k->b >> f->mbits) & mask) - f->bias;
        uint64_t prod = make(f, 0, ep > 0 && ep < (1 << f->ebits) - 1 ? ep : f->bias, 0);
        k->c = box | (rnd(4) ? gen_related(f, prod) : prod ^ (rnd(2) ? 1ull << (f->mbits + f->ebits) : 0));
    } else if (d->src[1]) {
        switch (rnd(4)) {
        case 0: k->b = box | gen_related(f, k->a); break;
        case 1: k->b = k->a ^ (1ull << (f->mbits + f->ebits)); break;   /* -a */
        case 2: k->b = k->a; break;
        default: k->a = box | gen_related(f, k->b); break;
        }
    }
}

static const char *rm_name(uint32_t insn, const struct desc *d)
{
    static const char *const names[8] = { "rne", "rtz", "rdn", "rup", "rmm", "rm5", "rm6", "dyn" };
    return d->rm ? names[(insn >> 12) & 7] : "-";
}

static void differential(const char *oracle, int n_cases)
{
    if (access(oracle, R_OK) != 0) {
        CHECK(0, "differential test: %s: %s (build it with make build/tests/fp_oracle)", oracle,
              strerror(errno));
        return;
    }
    struct dcase *cases = calloc((size_t)n_cases, sizeof *cases);
    char in_path[] = "/tmp/test_fp_XXXXXX";
    int fd = mkstemp(in_path);
    FILE *in = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!cases || !in) {
        CHECK(0, "differential test: cannot set up: %s", strerror(errno));
        free(cases);
        return;
    }
    for (int i = 0; i < n_cases; i++) {
        gen_case(&cases[i], &descs[i % N_DESCS]);
        fprintf(in, "%08x %u %016llx %016llx %016llx\n", cases[i].insn, cases[i].frm,
                (unsigned long long)cases[i].a, (unsigned long long)cases[i].b,
                (unsigned long long)cases[i].c);
    }
    fclose(in);

    char cmd[4200];
    snprintf(cmd, sizeof cmd, "qemu-riscv64 '%s' < '%s'", oracle, in_path);
    FILE *out = popen(cmd, "r");
    int diffs[N_DESCS] = { 0 }, runs[N_DESCS] = { 0 }, shown = 0, got = 0;
    unsigned long long of10, ox10;
    unsigned ofl;
    while (out && got < n_cases && fscanf(out, "%llx %llx %x", &of10, &ox10, &ofl) == 3) {
        const struct dcase *k = &cases[got++];
        int di = (int)(k->d - descs);
        int ret = run(k->d, k->insn, k->frm, k->a, k->b, k->c);
        runs[di]++;
        if (ret == 0 && cpu.f[10] == of10 && cpu.x[10] == ox10 && cpu.fflags == ofl)
            continue;
        diffs[di]++;
        if (shown++ < 12)
            fprintf(stderr, "DIFF %s %s frm=%u a=%016llx b=%016llx c=%016llx\n"
                    "     qemu:   f10=%016llx x10=%016llx fflags=%02x\n"
                    "     helper: f10=%016llx x10=%016llx fflags=%02x ret=%d\n",
                    k->d->name, rm_name(k->insn, k->d), k->frm, (unsigned long long)k->a,
                    (unsigned long long)k->b, (unsigned long long)k->c, of10, ox10, ofl,
                    (unsigned long long)cpu.f[10], (unsigned long long)cpu.x[10], cpu.fflags, ret);
    }
    int status = out ? pclose(out) : -1;
    unlink(in_path);
    CHECK(got == n_cases && status == 0, "oracle answered %d of %d cases (exit status %d): is qemu-riscv64 installed?",
          got, n_cases, status);
    int total = 0;
    for (int i = 0; i < N_DESCS; i++) {
        total += diffs[i];
        CHECK(diffs[i] == 0 && runs[i] > 0, "%s: %d of %d cases differ from qemu", descs[i].name, diffs[i], runs[i]);
    }
    printf("test_fp: %d differential cases, %d differences\n", got, total);
    free(cases);
}

int main(int argc, char **argv)
{
    char oracle[4096];
    if (argc > 1) {
        snprintf(oracle, sizeof oracle, "%s", argv[1]);
    } else {
        const char *slash = strrchr(argv[0], '/');
        int dir = slash ? (int)(slash - argv[0] + 1) : 0;
        snprintf(oracle, sizeof oracle, "%.*sfp_oracle", dir, argv[0]);
    }
    int n_cases = argc > 2 ? atoi(argv[2]) : 60000;
    if (argc > 3)
        rng_state = strtoull(argv[3], NULL, 0) | 1;

    check_helper_table();
    check_vectors();
    check_rounding_modes();
    check_x0_and_accrual();
    differential(oracle, n_cases);
    return t_done("test_fp");
}
