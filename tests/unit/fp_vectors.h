/* The hand-written F/D vectors of test_fp.c: each expected value and flag
 * set is worked out from the ISA manual and IEEE 754 in the comments, not
 * produced by the helpers. A data table, included once, by test_fp.c only
 * (it uses that file's NV/RNE/... names). */
#ifndef FP_VECTORS_H
#define FP_VECTORS_H


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

#endif
