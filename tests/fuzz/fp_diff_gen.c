/* Operand generation for fp_diff. Uniformly random bits almost never hit
 * the cases that break FP implementations (NaN payloads, subnormals,
 * conversions at the edge of an integer range, exact ties), so most values
 * are drawn from weighted classes of special and boundary values, and binary
 * operands are often related to each other (equal, negated, a few ulps
 * apart, far apart in exponent, cancelling in a fused multiply-add). */
#include <string.h>
#include "tests/fuzz/fp_diff_gen.h"

#define X(mn, form, src, match) { #mn, FORM_##form, SRC_##src },
const struct fpd_op fpd_ops[] = { FP_DIFF_OPS(X) };
#undef X
const unsigned fpd_nops = sizeof fpd_ops / sizeof fpd_ops[0];

bool fpd_has_rm(const struct fpd_op *op)
{
    return op->form <= FORM_X2FEX;
}

bool fpd_x_result(const struct fpd_op *op)
{
    return op->form == FORM_F2X || op->form == FORM_CMP ||
           op->form == FORM_F2XN || op->form == FORM_MUL;
}

unsigned fpd_nsrc(const struct fpd_op *op)
{
    switch (op->form) {
    case FORM_R4RM: return 3;
    case FORM_R3RM: case FORM_R3: case FORM_CMP: case FORM_MUL: return 2;
    default: return 1;
    }
}

uint64_t fpd_rand(struct fpd_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* ---- floating-point values, as raw bits of the format ---- */

struct fmt { unsigned ebits, mbits; };
static const struct fmt FMT_S = { 8, 23 }, FMT_D = { 11, 52 };

static uint64_t emax(const struct fmt *f) { return (1ull << f->ebits) - 1; }
static uint64_t mmask(const struct fmt *f) { return (1ull << f->mbits) - 1; }
static uint64_t sign_bit(const struct fmt *f) { return 1ull << (f->ebits + f->mbits); }

static uint64_t pack(const struct fmt *f, uint64_t sign, uint64_t exp, uint64_t man)
{
    return (sign ? sign_bit(f) : 0) | exp << f->mbits | (man & mmask(f));
}

/* A host double converted to the format (singles round to nearest). */
static uint64_t from_double(const struct fmt *f, double d)
{
    if (f->mbits == 23) {
        float s = (float)d;
        uint32_t u;
        memcpy(&u, &s, 4);
        return u;
    }
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static double to_double(const struct fmt *f, uint64_t bits)
{
    if (f->mbits == 23) {
        uint32_t u = (uint32_t)bits;
        float s;
        memcpy(&s, &u, 4);
        return s;
    }
    double d;
    memcpy(&d, &bits, 8);
    return d;
}

/* Moves a finite non-negative magnitude by delta ulps (the bit pattern
 * order is the value order), staying within the finite range. */
static uint64_t nudge(const struct fmt *f, uint64_t bits, int delta)
{
    uint64_t sign = bits & sign_bit(f), mag = bits & (sign_bit(f) - 1);
    uint64_t top = pack(f, 0, emax(f) - 1, mmask(f));
    if (delta < 0 && mag < (uint64_t)-delta)
        mag = 0;
    else if (delta > 0 && top - mag < (uint64_t)delta)
        mag = top;
    else
        mag += (uint64_t)(int64_t)delta;
    return sign | mag;
}

static int small_delta(struct fpd_rng *r, int range)
{
    return (int)fpd_below(r, 2 * range + 1) - range;
}

/* Magnitudes where conversions to integers change behaviour. */
static const double int_limits[] = {
    0.5, 1.0, 2.0, 16777216.0 /* 2^24 */, 2147483647.0, 2147483648.0,
    4294967295.0, 4294967296.0, 9007199254740992.0 /* 2^53 */,
    9223372036854775808.0 /* 2^63 */, 18446744073709551616.0 /* 2^64 */,
};

static uint64_t gen_int_limit(struct fpd_rng *r, const struct fmt *f)
{
    double m = int_limits[fpd_below(r, sizeof int_limits / sizeof int_limits[0])];
    uint64_t v = nudge(f, from_double(f, m), small_delta(r, 3));
    return fpd_below(r, 2) ? v | sign_bit(f) : v;
}

/* k + 1/2, 1/4 or 3/4, and their neighbours: where rounding modes differ. */
static uint64_t gen_fraction(struct fpd_rng *r, const struct fmt *f)
{
    static const double fracs[] = { 0.5, 0.25, 0.75, 0.0 };
    double k = (double)(fpd_rand(r) >> (52 + fpd_below(r, 12)));
    uint64_t v = from_double(f, k + fracs[fpd_below(r, 4)]);
    if (fpd_below(r, 3) == 0)
        v = nudge(f, v, small_delta(r, 1));
    return fpd_below(r, 2) ? v | sign_bit(f) : v;
}

/* Mantissas with structure: one bit, trailing ones, a tie pattern. */
static uint64_t pattern_mantissa(struct fpd_rng *r, const struct fmt *f)
{
    unsigned k = fpd_below(r, f->mbits + 1);
    uint64_t low = k ? (1ull << k) - 1 : 0;
    switch (fpd_below(r, 5)) {
    case 0: return k < f->mbits ? 1ull << k : mmask(f);
    case 1: return low;
    case 2: return mmask(f) & ~low;
    case 3: return (fpd_rand(r) & ~low) | (k ? 1ull << (k - 1) : 0);
    default: return fpd_rand(r) & ~low;
    }
}

static uint64_t gen_fp(struct fpd_rng *r, const struct fmt *f, bool int_bias)
{
    uint64_t sign = fpd_below(r, 2), rnd = fpd_rand(r);
    unsigned w = fpd_below(r, 100);
    uint64_t payload = rnd & (mmask(f) >> 1);

    if (int_bias && w < 40)
        return w < 25 ? gen_int_limit(r, f) : gen_fraction(r, f);
    if (w < 5)
        return pack(f, sign, 0, 0);
    if (w < 9)
        return pack(f, sign, emax(f), 0);
    if (w < 14)         /* quiet NaN: canonical or with a payload */
        return pack(f, sign, emax(f), 1ull << (f->mbits - 1) | (w & 1 ? payload : 0));
    if (w < 18)         /* signaling NaN: payload must be non-zero */
        return pack(f, sign, emax(f), payload ? payload : 1);
    if (w < 26) {       /* subnormal */
        switch (fpd_below(r, 4)) {
        case 0: return pack(f, sign, 0, 1);
        case 1: return pack(f, sign, 0, mmask(f));
        case 2: return pack(f, sign, 0, pattern_mantissa(r, f) | 1);
        default: return pack(f, sign, 0, (rnd >> fpd_below(r, 64)) | 1);
        }
    }
    if (w < 32) {       /* smallest and largest normals and their neighbours */
        uint64_t v = fpd_below(r, 2) ? pack(f, sign, 1, 0) : pack(f, sign, emax(f) - 1, mmask(f));
        return nudge(f, v, small_delta(r, 2));
    }
    if (w < 42)
        return gen_int_limit(r, f);
    if (w < 50)
        return gen_fraction(r, f);
    if (w < 55)
        return from_double(f, (double)small_delta(r, 100) / (1 << fpd_below(r, 4)));
    if (w < 75) {       /* ordinary values around 1 */
        uint64_t bias = emax(f) >> 1;
        return pack(f, sign, bias - 30 + fpd_below(r, 61), rnd);
    }
    if (w < 85)
        return pack(f, sign, 1 + fpd_below(r, (unsigned)emax(f) - 1), pattern_mantissa(r, f));
    return rnd & (2 * sign_bit(f) - 1);
}

/* A single in a 64-bit register: NaN-boxed, except sometimes not, where the
 * instruction must read the canonical NaN instead. */
static uint64_t box_single(struct fpd_rng *r, uint64_t s)
{
    if (fpd_below(r, 100) >= 8)
        return 0xffffffff00000000ull | s;
    switch (fpd_below(r, 4)) {
    case 0: return s;
    case 1: return (0xffffffffull ^ 1ull << fpd_below(r, 32)) << 32 | s;
    case 2: return 0x7fffffff00000000ull | s;
    default: return fpd_rand(r) << 32 | s;
    }
}

/* ---- integers ---- */

static uint64_t gen_int(struct fpd_rng *r, unsigned bits)
{
    static const int64_t specials[] = {
        0, 1, -1, 2, -2, 3, 0x7fffffff, -0x7fffffff - 1, 0xffffffff,
        0x80000000, 0x100000000, INT64_MAX, INT64_MIN, INT64_MIN + 1,
        (1 << 24) - 1, (1 << 24) + 1, (1ll << 53) - 1, (1ll << 53) + 1,
        -(1 << 24) - 1, -(1ll << 53) - 1,
    };
    uint64_t rnd = fpd_rand(r), v;
    unsigned w = fpd_below(r, 100);
    unsigned p, s;

    if (w < 30) {
        v = (uint64_t)specials[fpd_below(r, sizeof specials / sizeof specials[0])];
    } else if (w < 55) {
        v = rnd >> fpd_below(r, 64);
        if (fpd_below(r, 2))
            v = -v;
    } else if (w < 70) {
        v = (1ull << fpd_below(r, bits)) + (uint64_t)(int64_t)small_delta(r, 3);
        if (fpd_below(r, 2))
            v = -v;
    } else if (w < 85) {
        /* A 24- or 53-bit mantissa (plus a guard bit or two) shifted up,
         * then a tail below it that is zero, an exact tie, or just off one:
         * the int-to-float rounding cases. */
        p = (fpd_below(r, 2) ? 24 : 53) + fpd_below(r, 3);
        if (p >= bits)
            p = bits - 8;
        s = 1 + fpd_below(r, bits - p);
        uint64_t half = 1ull << (s - 1);
        uint64_t tails[] = { 0, half, half - 1, half + 1, rnd & (2 * half - 1) };
        uint64_t top = (rnd >> (64 - p)) | 1ull << (p - 1);
        v = top << s | tails[fpd_below(r, 5)];
        if (fpd_below(r, 3) == 0)
            v = -v;
    } else {
        v = rnd;
    }
    if (bits == 64)
        return v;
    /* A 32-bit operand: the instruction must ignore the upper half, which
     * normally holds the sign extension. */
    switch (fpd_below(r, 8)) {
    case 0: return (uint32_t)v;
    case 1: return fpd_rand(r) << 32 | (uint32_t)v;
    default: return (uint64_t)(int64_t)(int32_t)v;
    }
}

/* ---- cases ---- */

static uint64_t gen_src(struct fpd_rng *r, enum fpd_src src, bool int_bias)
{
    switch (src) {
    case SRC_S: return box_single(r, gen_fp(r, &FMT_S, int_bias));
    case SRC_D: return gen_fp(r, &FMT_D, int_bias);
    case SRC_W: return gen_int(r, 32);
    default:    return gen_int(r, 64);
    }
}

/* Makes b (and for fused ops c) depend on a often enough that equal values,
 * signed zeros, cancellation and sticky-bit rounding come up. */
static void relate(struct fpd_rng *r, const struct fpd_op *op, struct fp_case *c)
{
    const struct fmt *f = op->src == SRC_S ? &FMT_S : &FMT_D;
    uint64_t box = op->src == SRC_S ? 0xffffffff00000000ull : 0;
    uint64_t a = c->a & (2 * sign_bit(f) - 1);
    uint64_t expa = (a >> f->mbits) & emax(f);

    if (op->form == FORM_R1RM) {
        if (fpd_below(r, 10) == 0) {        /* sqrt of a near-square */
            double x = to_double(f, a);
            c->a = box | nudge(f, from_double(f, x * x), small_delta(r, 1));
        } else if (fpd_below(r, 2)) {       /* fewer invalid square roots */
            c->a &= ~sign_bit(f);
        }
        return;
    }
    if (op->form == FORM_R4RM && fpd_below(r, 8) == 0) {
        double p = to_double(f, a) * to_double(f, c->b & (2 * sign_bit(f) - 1));
        c->c = box | from_double(f, fpd_below(r, 2) ? p : -p);
        return;
    }
    if (fpd_nsrc(op) < 2 || fpd_below(r, 5) != 0)
        return;
    switch (fpd_below(r, 5)) {
    case 0: c->b = c->a; break;
    case 1: c->b = box | (a ^ sign_bit(f)); break;
    case 2: c->b = box | nudge(f, a, small_delta(r, 3)); break;
    case 3:
        if (expa > f->mbits + 3 && expa < emax(f)) {
            uint64_t e = expa - 1 - fpd_below(r, f->mbits + 3);
            c->b = box | pack(f, fpd_below(r, 2), e, pattern_mantissa(r, f));
        }
        break;
    default: c->b = box | pack(f, 0, 0, 0) | (fpd_below(r, 2) ? sign_bit(f) : 0);
             c->a = box | (c->a & sign_bit(f)); break;
    }
}

void fpd_gen_case(struct fpd_rng *r, unsigned op_index, struct fp_case *c)
{
    const struct fpd_op *op = &fpd_ops[op_index];
    bool int_bias = op->form == FORM_F2X;

    memset(c, 0, sizeof *c);
    c->op = (uint16_t)op_index;
    c->a = gen_src(r, op->src, int_bias);
    c->b = gen_src(r, op->src, int_bias);
    c->c = gen_src(r, op->src, int_bias);
    if (op->src == SRC_S || op->src == SRC_D)
        relate(r, op, c);
    if (fpd_has_rm(op)) {
        unsigned mode = fpd_below(r, 10);
        c->rm = (uint8_t)(mode < 5 ? mode : 7);
        c->frm = (uint8_t)(mode < 5 ? fpd_below(r, 8) : mode - 5);
    } else {
        c->frm = (uint8_t)fpd_below(r, 8);
    }
    if (op->form != FORM_MUL && fpd_below(r, 4) == 0)
        c->fflags = (uint8_t)fpd_below(r, 32);
}
