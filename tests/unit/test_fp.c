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

#include "tests/unit/fp_vectors.h"

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
    case 8: case 9:     /* any bits; a double has 64 (1 << 64 would be undefined, and 1 on x86) */
        return f->mbits + f->ebits + 1 == 64 ? rnd64() : rnd64() & ((1ull << (f->mbits + f->ebits + 1)) - 1);
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
    if (d->src[1] && d->src[2]) {   /* src is as long as the operand count */
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
