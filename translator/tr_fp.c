/* F and D computational instructions (loads and stores are in tr_mem.c).
 *
 * The common cases run inline as SSE (and FMA3 where the host has it) in the
 * guest's MXCSR (fp_mxcsr.h); whatever x86 does differently from RISC-V
 * goes out of line to the instruction's exact C helper (fp_helpers.c,
 * fp_convert.c), which computes it again from the unchanged source
 * registers. The inline attempt may already have raised flags in MXCSR; that
 * is harmless as long as they are a subset of the flags the helper raises
 * (fflags only accrue), and each fast path below is built so they are:
 * - an operand that is not a properly NaN-boxed single goes to the helper
 *   before any arithmetic (it reads as the canonical NaN there);
 * - a NaN result goes to the helper, which makes it canonical (x86 propagates
 *   payloads and its default NaN is negative). x86 raises invalid for a
 *   signaling NaN operand and for the invalid operations (inf - inf, 0 * inf,
 *   0 / 0, inf / inf, sqrt of a negative) exactly as RISC-V does, and
 *   nothing for a quiet NaN; its one omission, NV for inf * 0 + qNaN in a
 *   fused multiply-add, the helper adds;
 * - tininess is detected after rounding on both, and with underflow masked
 *   x86 raises it only for an inexact tiny result, as RISC-V does, so
 *   results and flags of every non-NaN result agree as they are;
 * - conversions to integers give the "integer indefinite" for NaN and out of
 *   range values and raise invalid alone, never inexact with it (measured),
 *   so the helper's NV and saturated value replace nothing it lacks.
 * DE (denormal operand) has no RISC-V counterpart and is dropped when the
 * flags are folded.
 *
 * Rounding: MXCSR rounds as frm whenever frm is RNE, RTZ, RDN or RUP. An
 * instruction whose result depends on rounding checks frm against its mode
 * (rm = DYN: frm <= RUP; a static rm: frm == rm) and takes the helper
 * otherwise, so RMM, which x86 lacks, an invalid frm (illegal instruction)
 * and a static mode other than frm's all end there. gcc and glibc give
 * arithmetic DYN and truncating conversions rtz (cvtt, which ignores MXCSR);
 * a static mode differing from frm is rare enough to pay a call. frm changes
 * only through CSR writes, whose helper reloads MXCSR, and outside
 * translated code, so the check is sound across blocks and within one. */
#include <assert.h>
#include <cpuid.h>
#include "translator/fp_helpers.h"
#include "translator/tr.h"
#include "translator/tr_cache.h"

bool tr_fp_host_fma(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    /* FMA3 is VEX-encoded: the OS must save the AVX state (OSXSAVE, and
     * XCR0's SSE and AVX bits). */
    if (!(c & bit_FMA) || !(c & bit_AVX) || !(c & bit_OSXSAVE))
        return false;
    unsigned lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 6) == 6;
}

/* The whole instruction by its helper, in line. */
static bool tr_fp_call(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_call_checked(ctx, (const void *)fp_helper_for(in->op), in->raw);
    return true;
}

static struct x86_mem f_lo(int r) { return X86_MEM(TR_CPU, RV_OFF_F(r)); }
static struct x86_mem f_hi(int r) { return X86_MEM(TR_CPU, RV_OFF_F(r) + 4); }

/* The branches of one instruction's fast path to its helper stub. */
struct fp_slow {
    int n;
    uint8_t *jcc[1 + TR_STUB_ALSO];
};

static void slow_jcc(struct tr_ctx *ctx, struct fp_slow *s, enum x86_cc cc)
{
    assert(s->n < (int)(sizeof s->jcc / sizeof s->jcc[0]));
    s->jcc[s->n++] = x86_jcc_rel32(ctx->b, cc, 0);
}

/* The fast path ends here; the stub resumes here after the helper. */
static void slow_done(struct tr_ctx *ctx, const struct rv_insn *in, struct fp_slow *s)
{
    if (!s->n)
        return;
    struct tr_stub *st = tr_add_stub(ctx, TR_STUB_HELPER, ctx->pc, s->jcc[0]);
    /* the helper redoes the instruction: what it wrote inline is not stored */
    st->dirty = ctx->dirty_at_insn;
    st->fdirty = ctx->fdirty_at_insn;
    for (int i = 1; i < s->n; i++)
        st->also[i - 1] = s->jcc[i];
    st->fn = (const void *)fp_helper_for(in->op);
    st->insn = in->raw;
    st->resume = x86_here(ctx->b);
}

enum fp_rounding { EXACT, ROUNDS };

/* Whether the instruction can run inline as far as its rounding mode goes;
 * if so, emits the frm check that sends it to the helper when MXCSR's mode
 * is not the one it needs. An exact operation needs a valid mode only. */
static bool rm_check(struct tr_ctx *ctx, const struct rv_insn *in, struct fp_slow *s, enum fp_rounding r)
{
    struct x86_mem frm = X86_MEM(TR_CPU, RV_OFF(frm));
    if (in->rm == RV_RM_DYN) {
        /* One check serves the block's later instructions: when it fails,
         * the helper runs this one and the block is left, so they run only
         * where it passed (frm changes only by CSR instructions). */
        uint8_t need = r == EXACT ? 1 : 2;
        if (ctx->frm_known >= need)
            return true;
        x86_alu_mi(ctx->b, X86_CMP, X86_W32, frm, r == EXACT ? RV_RM_RMM : RV_RM_RUP);
        struct tr_stub *st = tr_add_stub(ctx, TR_STUB_HELPER, ctx->pc, x86_jcc_rel32(ctx->b, X86_CC_A, 0));
        st->fn = (const void *)fp_helper_for(in->op);
        st->insn = in->raw;
        st->leave = true;
        st->dirty = ctx->dirty_at_insn;
        st->fdirty = ctx->fdirty_at_insn;
        ctx->frm_known = need;
        return true;
    }
    if (in->rm > RV_RM_RMM)
        return false;                 /* reserved: the helper says illegal */
    if (r == EXACT)
        return true;
    if (in->rm == RV_RM_RMM)
        return false;
    x86_alu_mi(ctx->b, X86_CMP, X86_W32, frm, in->rm);
    slow_jcc(ctx, s, X86_CC_NE);
    return true;
}

/* Singles must be NaN-boxed (upper half all ones): the upper halves ANDed
 * together are all ones iff every one is; NE when one is not. */
static void box_test(struct tr_ctx *ctx, int n, const int *regs)
{
    struct x86_buf *b = ctx->b;
    if (n == 1) {
        x86_alu_mi(b, X86_CMP, X86_W32, f_hi(regs[0]), -1);
    } else {
        x86_mov_rm(b, X86_W32, X86_RAX, f_hi(regs[0]));
        for (int i = 1; i < n; i++)
            x86_alu_rm(b, X86_AND, X86_W32, X86_RAX, f_hi(regs[i]));
        x86_alu_ri(b, X86_CMP, X86_W32, X86_RAX, -1);
    }
}

/* ... and a single that is not boxed goes to the helper (flags NE). */
static void box_check(struct tr_ctx *ctx, struct fp_slow *s, int n, const int *regs)
{
    box_test(ctx, n, regs);
    slow_jcc(ctx, s, X86_CC_NE);
}

static void box_check1(struct tr_ctx *ctx, struct fp_slow *s, bool dbl, int r1)
{
    if (!dbl)
        box_check(ctx, s, 1, (int[]){ r1 });
}

static void box_check2(struct tr_ctx *ctx, struct fp_slow *s, bool dbl, int r1, int r2)
{
    if (!dbl)
        box_check(ctx, s, r1 == r2 ? 1 : 2, (int[]){ r1, r2 });
}

static void load(struct tr_ctx *ctx, bool dbl, int xmm, int r)
{
    if (tr_fxreg(ctx, r) >= 0)
        x86_sse_rr(ctx->b, X86_MOVAPS, xmm, tr_fxreg(ctx, r));
    else
        x86_sse_rm(ctx->b, dbl ? X86_MOVSD : X86_MOVSS, xmm, f_lo(r));
}

/* xmm = xmm op f[r], from r's xmm register or memory. */
static void op_f(struct tr_ctx *ctx, enum x86_sse op, int xmm, int r)
{
    if (tr_fxreg(ctx, r) >= 0)
        x86_sse_rr(ctx->b, op, xmm, tr_fxreg(ctx, r));
    else
        x86_sse_rm(ctx->b, op, xmm, f_lo(r));
}

/* A single's result is stored NaN-boxed, as two 32-bit stores: the 32-bit
 * loads of it that follow (box checks, movss, fsw) are forwarded from them. */
static void store(struct tr_ctx *ctx, bool dbl, int r, int xmm)
{
    if (tr_fxreg(ctx, r) >= 0) {
        x86_sse_rr(ctx->b, X86_MOVAPS, tr_fxreg(ctx, r), xmm);
        tr_fdirty(ctx, r);
    } else if (dbl) {
        x86_movsd_mr(ctx->b, f_lo(r), xmm);
    } else {
        x86_movss_mr(ctx->b, f_lo(r), xmm);
        x86_mov_mi(ctx->b, X86_W32, f_hi(r), -1);
    }
}

/* A NaN result (unordered with itself) goes to the helper. */
static void nan_check(struct tr_ctx *ctx, struct fp_slow *s, bool dbl, int xmm)
{
    x86_sse_rr(ctx->b, dbl ? X86_UCOMISD : X86_UCOMISS, xmm, xmm);
    slow_jcc(ctx, s, X86_CC_P);
}

/* With AVX (ctx->cache->fma), a result goes straight into rd's xmm
 * register when rd is none of the n sources: a NaN result's helper reads
 * them from the state, which a clobbered source would corrupt when spilled.
 * Otherwise xmm0 holds it until store(). */
static int result_xmm(const struct tr_ctx *ctx, const struct rv_insn *in, int n)
{
    int x = tr_fxreg(ctx, in->rd);
    if (!ctx->cache->fma || x < 0 || in->rd == in->rs1 || (n > 1 && in->rd == in->rs2) ||
        (n > 2 && in->rd == in->rs3))
        return 0;
    return x;
}

/* The xmm register that holds f[r]: its own, or xmm0 loaded from memory. */
static int source_xmm(struct tr_ctx *ctx, bool dbl, int r)
{
    if (tr_fxreg(ctx, r) >= 0)
        return tr_fxreg(ctx, r);
    load(ctx, dbl, 0, r);
    return 0;
}

/* xmm = src1 op f[r] in AVX's three-operand form. */
static void vop_f(struct tr_ctx *ctx, enum x86_sse op, int xmm, int src1, int r)
{
    if (tr_fxreg(ctx, r) >= 0)
        x86_vsse_rrr(ctx->b, op, xmm, src1, tr_fxreg(ctx, r));
    else
        x86_vsse_rrm(ctx->b, op, xmm, src1, f_lo(r));
}

static void put_result(struct tr_ctx *ctx, bool dbl, int r, int xmm)
{
    if (xmm)
        tr_fdirty(ctx, r);
    else
        store(ctx, dbl, r, 0);
}

/* fadd, fsub, fmul, fdiv: rd = rs1 op rs2. */
static bool fp_arith2(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum x86_sse sd, enum x86_sse ss)
{
    struct fp_slow s = { 0 };
    if (!rm_check(ctx, in, &s, ROUNDS))
        return tr_fp_call(ctx, in);
    box_check2(ctx, &s, dbl, in->rs1, in->rs2);
    int x = result_xmm(ctx, in, 2);
    if (ctx->cache->fma) {
        vop_f(ctx, dbl ? sd : ss, x, source_xmm(ctx, dbl, in->rs1), in->rs2);
    } else {
        load(ctx, dbl, 0, in->rs1);
        op_f(ctx, dbl ? sd : ss, 0, in->rs2);
    }
    nan_check(ctx, &s, dbl, x);
    put_result(ctx, dbl, in->rd, x);
    slow_done(ctx, in, &s);
    return true;
}

/* Operations with one source: their SSE register forms keep the rest of
 * the destination, and a load first cuts that false dependency on the
 * previous value of xmm0; the AVX form takes the rest from the source. */
static bool fp_unary(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl_in, bool dbl_out,
                     enum fp_rounding r, enum x86_sse op)
{
    struct fp_slow s = { 0 };
    if (!rm_check(ctx, in, &s, r))
        return tr_fp_call(ctx, in);
    box_check1(ctx, &s, dbl_in, in->rs1);
    int x = result_xmm(ctx, in, 1);
    if (ctx->cache->fma) {
        int a = source_xmm(ctx, dbl_in, in->rs1);
        x86_vsse_rrr(ctx->b, op, x, a, a);
    } else {
        load(ctx, dbl_in, 0, in->rs1);
        x86_sse_rr(ctx->b, op, 0, 0);
    }
    nan_check(ctx, &s, dbl_out, x);
    put_result(ctx, dbl_out, in->rd, x);
    slow_done(ctx, in, &s);
    return true;
}

/* RISC-V fmadd a*b+c, fmsub a*b-c, fnmsub -(a*b)+c and fnmadd -(a*b)-c are
 * x86's vfmadd, vfmsub, vfnmadd and vfnmsub (note the swapped names), each
 * with one rounding of the exact value, zero signs included. The 231 form
 * takes c in the destination: xmm0 = c, xmm1 = a, b from memory. */
static bool fp_fma(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum x86_fma sd, enum x86_fma ss)
{
    struct fp_slow s = { 0 };
    if (!ctx->cache->fma || !rm_check(ctx, in, &s, ROUNDS))
        return tr_fp_call(ctx, in);
    if (!dbl) {
        int regs[3], n = 0;
        regs[n++] = in->rs1;
        if (in->rs2 != in->rs1)
            regs[n++] = in->rs2;
        if (in->rs3 != in->rs1 && in->rs3 != in->rs2)
            regs[n++] = in->rs3;
        box_check(ctx, &s, n, regs);
    }
    int x = result_xmm(ctx, in, 3);
    load(ctx, dbl, x, in->rs3);
    int a = tr_fxreg(ctx, in->rs1);
    if (a < 0)
        load(ctx, dbl, a = 1, in->rs1);
    if (tr_fxreg(ctx, in->rs2) >= 0)
        x86_vfma_rrr(ctx->b, dbl ? sd : ss, x, a, tr_fxreg(ctx, in->rs2));
    else
        x86_vfma_rrm(ctx->b, dbl ? sd : ss, x, a, f_lo(in->rs2));
    nan_check(ctx, &s, dbl, x);
    put_result(ctx, dbl, in->rd, x);
    slow_done(ctx, in, &s);
    return true;
}

/* fmin/fmax when the operands are ordered and differ: minsd/maxsd then
 * agree with minimumNumber/maximumNumber. A NaN (which raised invalid in
 * ucomis if signaling, as the helper does too) or equal operands (-0 and +0,
 * which x86 does not order) go to the helper. */
static bool fp_minmax(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum x86_sse sd, enum x86_sse ss)
{
    struct fp_slow s = { 0 };
    box_check2(ctx, &s, dbl, in->rs1, in->rs2);
    load(ctx, dbl, 0, in->rs1);
    op_f(ctx, dbl ? X86_UCOMISD : X86_UCOMISS, 0, in->rs2);
    slow_jcc(ctx, &s, X86_CC_P);
    slow_jcc(ctx, &s, X86_CC_E);
    op_f(ctx, dbl ? sd : ss, 0, in->rs2);
    store(ctx, dbl, in->rd, 0);
    slow_done(ctx, in, &s);
    return true;
}

enum fp_cmp { CMP_EQ, CMP_LT, CMP_LE };

/* feq is quiet and ucomis raises invalid only for a signaling NaN; flt and
 * fle signal on any NaN, as comis does. Unordered sets ZF, PF and CF:
 * feq takes ZF without PF; flt a, b is b > a (CF and ZF clear) and fle
 * b >= a (CF clear), both false when unordered. */
static bool fp_compare(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum fp_cmp op)
{
    struct x86_buf *b = ctx->b;
    struct fp_slow s = { 0 };
    box_check2(ctx, &s, dbl, in->rs1, in->rs2);
    x86_alu_rr(b, X86_XOR, X86_W32, X86_RAX, X86_RAX);
    if (op == CMP_EQ) {
        x86_alu_rr(b, X86_XOR, X86_W32, X86_RCX, X86_RCX);
        load(ctx, dbl, 0, in->rs1);
        op_f(ctx, dbl ? X86_UCOMISD : X86_UCOMISS, 0, in->rs2);
        x86_setcc_r(b, X86_CC_NP, X86_RAX);
        x86_cmovcc_rr(b, X86_CC_NE, X86_W32, X86_RAX, X86_RCX);
    } else {
        load(ctx, dbl, 0, in->rs2);
        op_f(ctx, dbl ? X86_COMISD : X86_COMISS, 0, in->rs1);
        x86_setcc_r(b, op == CMP_LT ? X86_CC_A : X86_CC_AE, X86_RAX);
    }
    tr_put_x(ctx, in->rd, X86_RAX);
    slow_done(ctx, in, &s);
    return true;
}

void tr_fcmp_bracketed(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_buf *b = ctx->b;
    bool dbl = in->op == RV_OP_flt_d || in->op == RV_OP_fle_d || in->op == RV_OP_feq_d;
    if (!dbl) {
        box_test(ctx, in->rs1 == in->rs2 ? 1 : 2, (int[]){ in->rs1, in->rs2 });
        tr_exit_jcc(ctx, X86_CC_NE, ctx->pc);
    }
    x86_alu_rr(b, X86_XOR, X86_W32, X86_RAX, X86_RAX);
    enum x86_cc cc = X86_CC_E;
    if (in->op == RV_OP_feq_s || in->op == RV_OP_feq_d) {
        load(ctx, dbl, 0, in->rs1);
        op_f(ctx, dbl ? X86_UCOMISD : X86_UCOMISS, 0, in->rs2);
    } else {
        load(ctx, dbl, 0, in->rs2);
        op_f(ctx, dbl ? X86_UCOMISD : X86_UCOMISS, 0, in->rs1);
        cc = in->op == RV_OP_flt_s || in->op == RV_OP_flt_d ? X86_CC_A : X86_CC_AE;
    }
    tr_exit_jcc(ctx, X86_CC_P, ctx->pc);
    x86_setcc_r(b, cc, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

/* Float to signed integer: cvtt truncates whatever MXCSR says (rtz, what C
 * casts compile to), cvt rounds as MXCSR does. The indefinite value
 * 1 << (bits - 1), the only one for which `cmp 1` overflows, means NaN or
 * out of range, and goes to the helper for RISC-V's saturated result; it is
 * also the exact result for -2^(bits-1), which the helper gives too. The
 * unsigned conversions have no x86 form and stay with their helpers. */
static bool fp_to_int(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum x86_width w)
{
    struct x86_buf *b = ctx->b;
    struct fp_slow s = { 0 };
    bool trunc = in->rm == RV_RM_RTZ;
    if (!trunc && !rm_check(ctx, in, &s, ROUNDS))
        return tr_fp_call(ctx, in);
    box_check1(ctx, &s, dbl, in->rs1);
    enum x86_cvt2si op = dbl ? (trunc ? X86_CVTTSD2SI : X86_CVTSD2SI) : (trunc ? X86_CVTTSS2SI : X86_CVTSS2SI);
    x86_cvt2si_rm(b, op, w, X86_RAX, tr_f_mem(ctx, in->rs1));
    x86_alu_ri(b, X86_CMP, w, X86_RAX, 1);
    slow_jcc(ctx, &s, X86_CC_O);
    if (w == X86_W32)
        x86_movsxd_rr(b, X86_RAX, X86_RAX);   /* RV64 sign-extends 32-bit results */
    tr_put_x(ctx, in->rd, X86_RAX);
    slow_done(ctx, in, &s);
    return true;
}

enum fp_int { INT_W, INT_WU, INT_L };

/* Integer to float: cvtsi2s{s,d} takes signed 32 or 64 bits; an unsigned
 * 32-bit value zero-extended is a signed 64-bit one. Exact for 32 bits to
 * double, rounded (by MXCSR) otherwise; never NaN. The xorps cuts the
 * dependency on xmm0's previous value, which cvtsi2s{s,d} would keep. */
static bool fp_from_int(struct tr_ctx *ctx, const struct rv_insn *in, bool dbl, enum fp_int t)
{
    struct x86_buf *b = ctx->b;
    struct fp_slow s = { 0 };
    if (!rm_check(ctx, in, &s, dbl && t != INT_L ? EXACT : ROUNDS))
        return tr_fp_call(ctx, in);
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (t == INT_WU)
        x86_mov_rr(b, X86_W32, X86_RAX, X86_RAX);
    x86_sse_rr(b, X86_XORPS, 0, 0);
    x86_cvtsi2_rr(b, dbl ? X86_CVTSI2SD : X86_CVTSI2SS, t == INT_W ? X86_W32 : X86_W64, 0, X86_RAX);
    store(ctx, dbl, in->rd, 0);
    slow_done(ctx, in, &s);
    return true;
}

enum fp_sgnj { SGNJ, SGNJN, SGNJX };

/* Sign injection: the magnitude of rs1 with a sign from rs2 (SGNJ), its
 * complement (SGNJN) or rs1's sign XOR rs2's (SGNJX). Doubles in xmm
 * registers with the masks of rv_cpu: fmv.d is a move, fneg.d and fabs.d
 * one xorpd or andpd. */
static bool fp_sgnj_d(struct tr_ctx *ctx, const struct rv_insn *in, enum fp_sgnj op)
{
    struct x86_buf *b = ctx->b;
    struct x86_mem sign = X86_MEM(TR_CPU, RV_OFF(fp_sign));
    struct x86_mem magnitude = X86_MEM(TR_CPU, RV_OFF(fp_magnitude));
    load(ctx, true, 0, in->rs1);
    if (in->rs1 == in->rs2 && op != SGNJ) {
        x86_sse_rm(b, op == SGNJN ? X86_XORPD : X86_ANDPD, 0, op == SGNJN ? sign : magnitude);
    } else if (in->rs1 != in->rs2) {
        load(ctx, true, 1, in->rs2);
        x86_sse_rm(b, op == SGNJN ? X86_ANDNPD : X86_ANDPD, 1, sign);
        if (op != SGNJX)
            x86_sse_rm(b, X86_ANDPD, 0, magnitude);
        x86_sse_rr(b, op == SGNJX ? X86_XORPD : X86_ORPD, 0, 1);
    }
    store(ctx, true, in->rd, 0);
    return true;
}

/* Singles on the raw bits: the shift pairs clear and isolate the sign bit;
 * one that is not boxed reads as the canonical NaN: the helper's. */
static bool fp_sgnj_s(struct tr_ctx *ctx, const struct rv_insn *in, enum fp_sgnj op)
{
    struct x86_buf *b = ctx->b;
    struct fp_slow s = { 0 };
    box_check2(ctx, &s, false, in->rs1, in->rs2);
    x86_mov_rm(b, X86_W32, X86_RAX, tr_f_mem(ctx, in->rs1));
    if (op != SGNJ || in->rs1 != in->rs2) {
        x86_mov_rm(b, X86_W32, X86_RCX, tr_f_mem(ctx, in->rs2));
        if (op == SGNJN)
            x86_unary_r(b, X86_NOT, X86_W32, X86_RCX);
        x86_shift_ri(b, X86_SHR, X86_W32, X86_RCX, 31);
        x86_shift_ri(b, X86_SHL, X86_W32, X86_RCX, 31);
        if (op != SGNJX) {
            x86_shift_ri(b, X86_SHL, X86_W32, X86_RAX, 1);
            x86_shift_ri(b, X86_SHR, X86_W32, X86_RAX, 1);
        }
        x86_alu_rr(b, op == SGNJX ? X86_XOR : X86_OR, X86_W32, X86_RAX, X86_RCX);
    }
    x86_mov_mr(b, X86_W32, f_lo(in->rd), X86_RAX);
    x86_mov_mi(b, X86_W32, f_hi(in->rd), -1);
    tr_f_written(ctx, in->rd);
    slow_done(ctx, in, &s);
    return true;
}

#define SD_PAIR(name, call_s, call_d) \
    bool tr_##name##_s(struct tr_ctx *ctx, const struct rv_insn *in) { return call_s; } \
    bool tr_##name##_d(struct tr_ctx *ctx, const struct rv_insn *in) { return call_d; }

SD_PAIR(fadd, fp_arith2(ctx, in, false, X86_ADDSD, X86_ADDSS), fp_arith2(ctx, in, true, X86_ADDSD, X86_ADDSS))
SD_PAIR(fsub, fp_arith2(ctx, in, false, X86_SUBSD, X86_SUBSS), fp_arith2(ctx, in, true, X86_SUBSD, X86_SUBSS))
SD_PAIR(fmul, fp_arith2(ctx, in, false, X86_MULSD, X86_MULSS), fp_arith2(ctx, in, true, X86_MULSD, X86_MULSS))
SD_PAIR(fdiv, fp_arith2(ctx, in, false, X86_DIVSD, X86_DIVSS), fp_arith2(ctx, in, true, X86_DIVSD, X86_DIVSS))
SD_PAIR(fsqrt, fp_unary(ctx, in, false, false, ROUNDS, X86_SQRTSS), fp_unary(ctx, in, true, true, ROUNDS, X86_SQRTSD))
SD_PAIR(fmadd, fp_fma(ctx, in, false, X86_VFMADD231SD, X86_VFMADD231SS),
        fp_fma(ctx, in, true, X86_VFMADD231SD, X86_VFMADD231SS))
SD_PAIR(fmsub, fp_fma(ctx, in, false, X86_VFMSUB231SD, X86_VFMSUB231SS),
        fp_fma(ctx, in, true, X86_VFMSUB231SD, X86_VFMSUB231SS))
SD_PAIR(fnmsub, fp_fma(ctx, in, false, X86_VFNMADD231SD, X86_VFNMADD231SS),
        fp_fma(ctx, in, true, X86_VFNMADD231SD, X86_VFNMADD231SS))
SD_PAIR(fnmadd, fp_fma(ctx, in, false, X86_VFNMSUB231SD, X86_VFNMSUB231SS),
        fp_fma(ctx, in, true, X86_VFNMSUB231SD, X86_VFNMSUB231SS))
SD_PAIR(fmin, fp_minmax(ctx, in, false, X86_MINSD, X86_MINSS), fp_minmax(ctx, in, true, X86_MINSD, X86_MINSS))
SD_PAIR(fmax, fp_minmax(ctx, in, false, X86_MAXSD, X86_MAXSS), fp_minmax(ctx, in, true, X86_MAXSD, X86_MAXSS))
SD_PAIR(feq, fp_compare(ctx, in, false, CMP_EQ), fp_compare(ctx, in, true, CMP_EQ))
SD_PAIR(flt, fp_compare(ctx, in, false, CMP_LT), fp_compare(ctx, in, true, CMP_LT))
SD_PAIR(fle, fp_compare(ctx, in, false, CMP_LE), fp_compare(ctx, in, true, CMP_LE))
SD_PAIR(fsgnj, fp_sgnj_s(ctx, in, SGNJ), fp_sgnj_d(ctx, in, SGNJ))
SD_PAIR(fsgnjn, fp_sgnj_s(ctx, in, SGNJN), fp_sgnj_d(ctx, in, SGNJN))
SD_PAIR(fsgnjx, fp_sgnj_s(ctx, in, SGNJX), fp_sgnj_d(ctx, in, SGNJX))
SD_PAIR(fcvt_w, fp_to_int(ctx, in, false, X86_W32), fp_to_int(ctx, in, true, X86_W32))
SD_PAIR(fcvt_l, fp_to_int(ctx, in, false, X86_W64), fp_to_int(ctx, in, true, X86_W64))
/* fclass and the unsigned conversions to integers: helpers */
SD_PAIR(fclass, tr_fp_call(ctx, in), tr_fp_call(ctx, in))
SD_PAIR(fcvt_wu, tr_fp_call(ctx, in), tr_fp_call(ctx, in))
SD_PAIR(fcvt_lu, tr_fp_call(ctx, in), tr_fp_call(ctx, in))

bool tr_fcvt_s_w(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, false, INT_W); }
bool tr_fcvt_s_wu(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, false, INT_WU); }
bool tr_fcvt_s_l(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, false, INT_L); }
bool tr_fcvt_d_w(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, true, INT_W); }
bool tr_fcvt_d_wu(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, true, INT_WU); }
bool tr_fcvt_d_l(struct tr_ctx *ctx, const struct rv_insn *in) { return fp_from_int(ctx, in, true, INT_L); }
/* cvtsi2s{s,d} has no unsigned 64-bit form */
bool tr_fcvt_s_lu(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_fp_call(ctx, in); }
bool tr_fcvt_d_lu(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_fp_call(ctx, in); }

bool tr_fcvt_s_d(struct tr_ctx *ctx, const struct rv_insn *in)
{
    return fp_unary(ctx, in, true, false, ROUNDS, X86_CVTSD2SS);
}

bool tr_fcvt_d_s(struct tr_ctx *ctx, const struct rv_insn *in)
{
    return fp_unary(ctx, in, false, true, EXACT, X86_CVTSS2SD);
}

/* Moves copy bits and ignore NaN-boxing: fmv.x.w takes the low 32 bits,
 * sign-extended, whatever the upper half holds. */
bool tr_fmv_x_w(struct tr_ctx *ctx, const struct rv_insn *in)
{
    x86_movsxd_rm(ctx->b, X86_RAX, f_lo(in->rs1));
    tr_put_x(ctx, in->rd, X86_RAX);
    return true;
}

bool tr_fmv_w_x(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_get_x(ctx, X86_RAX, in->rs1);
    x86_mov_mr(ctx->b, X86_W32, f_lo(in->rd), X86_RAX);
    x86_mov_mi(ctx->b, X86_W32, f_hi(in->rd), -1);
    return true;
}

bool tr_fmv_x_d(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_get_f(ctx, X86_RAX, in->rs1);
    tr_put_x(ctx, in->rd, X86_RAX);
    return true;
}

bool tr_fmv_d_x(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_put_f(ctx, in->rd, X86_RAX);
    return true;
}
