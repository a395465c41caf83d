/* RV64I and M computational instructions, emitted inline. x86 shifts mask the
 * count to 6 bits (64-bit) and 5 bits (32-bit) exactly as RISC-V does, and
 * 32-bit x86 operations followed by movsxd give the W forms' sign extension. */
#include "translator/tr.h"

/* The W forms' sign extension, unless nothing reads the upper half of rd
 * before it is written again (ctx->low_only): x86 left it zero. */
static void sext_w(struct tr_ctx *ctx, enum x86_width w, int d)
{
    if (w == X86_W32 && !ctx->low_only)
        x86_movsxd_rr(ctx->b, d, d);
}

/* rd = rs1 op rs2, built in rd's own host register when it has one. x0 as an
 * operand folds away: add/or/xor with x0 is a move, sub from x0 a negation
 * (c.mv, mv and neg are these). When rd is rs2's host register, writing rs1
 * there first would lose rs2: commutative operations take rs1 as the second
 * operand instead, sub goes through T0. */
static void alu_rr(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_alu op, enum x86_width w)
{
    bool moves = op == X86_ADD || op == X86_OR || op == X86_XOR;
    if (in->rd == 0)
        return;
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    if (in->rs1 == 0 && (moves || op == X86_SUB)) {
        tr_get_x(ctx, d, in->rs2);
        if (op == X86_SUB)
            x86_unary_r(ctx->b, X86_NEG, w, d);
    } else if (d == tr_xreg(ctx, in->rs2) && in->rs2 != in->rs1) {
        if (op != X86_SUB) {
            tr_alu_x(ctx, op, w, d, in->rs1);
        } else {
            d = TR_T0;
            tr_get_x(ctx, d, in->rs1);
            tr_alu_x(ctx, op, w, d, in->rs2);
        }
    } else {
        tr_get_x(ctx, d, in->rs1);
        tr_alu_x(ctx, op, w, d, in->rs2);
    }
    sext_w(ctx, w, d);
    tr_put_x(ctx, in->rd, d);
}

/* rd = rs1 op imm. A 64-bit add into another mapped register is one lea;
 * rd == rs1 in the state block is one read-modify-write (addi sp, sp, -16
 * when sp is not mapped); sext.w (addiw rd, rs, 0) is one movsxd. */
static void alu_ri(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_alu op, enum x86_width w)
{
    int32_t imm = (int32_t)in->imm;
    if (in->rd == 0)
        return;
    if (in->rs1 == 0 && (op == X86_ADD || op == X86_OR || op == X86_XOR)) {
        tr_def_const(ctx, in->rd, (uint64_t)(int64_t)imm);   /* li */
        return;
    }
    if (op == X86_ADD && (ctx->known >> in->rs1 & 1)) {       /* la, li of a wide constant */
        uint64_t v = ctx->known_val[in->rs1] + (uint64_t)(int64_t)imm;
        tr_def_const(ctx, in->rd, w == X86_W32 ? (uint64_t)(int64_t)(int32_t)v : v);
        return;
    }
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    int s = in->rs1 ? tr_xreg(ctx, in->rs1) : X86_NOREG;
    if (in->rd == in->rs1 && w == X86_W64 && d == TR_T0) {
        if (imm || op == X86_AND)
            x86_alu_mi(ctx->b, op, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(in->rd)), imm);
        return;
    }
    if (op == X86_ADD && w == X86_W64 && s != X86_NOREG && s != d && imm) {
        x86_lea(ctx->b, X86_W64, d, X86_MEM(s, imm));
    } else if (op == X86_ADD && w == X86_W32 && imm == 0 && in->rs1) {
        if (s != X86_NOREG)
            x86_movsxd_rr(ctx->b, d, s);
        else
            x86_movsxd_rm(ctx->b, d, X86_MEM(TR_CPU, RV_OFF_X(in->rs1)));
    } else {
        tr_get_x(ctx, d, in->rs1);
        if (imm || op == X86_AND)
            x86_alu_ri(ctx->b, op, w, d, imm);
        sext_w(ctx, w, d);
    }
    tr_put_x(ctx, in->rd, d);
}

/* The count goes to cl first, so rd may be rs2. */
static void shift_rr(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_shift op, enum x86_width w)
{
    if (in->rd == 0)
        return;
    tr_get_x(ctx, TR_T1, in->rs2);
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    tr_get_x(ctx, d, in->rs1);
    x86_shift_rcl(ctx->b, op, w, d);
    sext_w(ctx, w, d);
    tr_put_x(ctx, in->rd, d);
}

static void shift_ri(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_shift op, enum x86_width w)
{
    if (in->rd == 0)
        return;
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    tr_get_x(ctx, d, in->rs1);
    if (in->imm)
        x86_shift_ri(ctx->b, op, w, d, (uint8_t)in->imm);
    sext_w(ctx, w, d);
    tr_put_x(ctx, in->rd, d);
}

/* The flag goes to cl and is widened into rd, which may be a source. */
static void set_cc(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc, bool imm)
{
    if (in->rd == 0)
        return;
    int a = tr_src_x(ctx, in->rs1, TR_T0);
    if (imm)
        x86_alu_ri(ctx->b, X86_CMP, X86_W64, a, (int32_t)in->imm);
    else
        tr_alu_x(ctx, X86_CMP, X86_W64, a, in->rs2);
    x86_setcc_r(ctx->b, cc, TR_T1);
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    x86_movzx_rr8(ctx->b, d, TR_T1);
    tr_put_x(ctx, in->rd, d);
}

bool tr_add(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_ADD, X86_W64); return true; }
bool tr_sub(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_SUB, X86_W64); return true; }
bool tr_and(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_AND, X86_W64); return true; }
bool tr_or(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_OR, X86_W64); return true; }
bool tr_xor(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_XOR, X86_W64); return true; }
bool tr_addw(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_ADD, X86_W32); return true; }
bool tr_subw(struct tr_ctx *ctx, const struct rv_insn *in) { alu_rr(ctx, in, X86_SUB, X86_W32); return true; }
bool tr_addi(struct tr_ctx *ctx, const struct rv_insn *in) { alu_ri(ctx, in, X86_ADD, X86_W64); return true; }
bool tr_andi(struct tr_ctx *ctx, const struct rv_insn *in) { alu_ri(ctx, in, X86_AND, X86_W64); return true; }
bool tr_ori(struct tr_ctx *ctx, const struct rv_insn *in) { alu_ri(ctx, in, X86_OR, X86_W64); return true; }
bool tr_xori(struct tr_ctx *ctx, const struct rv_insn *in) { alu_ri(ctx, in, X86_XOR, X86_W64); return true; }
bool tr_addiw(struct tr_ctx *ctx, const struct rv_insn *in) { alu_ri(ctx, in, X86_ADD, X86_W32); return true; }
bool tr_sll(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SHL, X86_W64); return true; }
bool tr_srl(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SHR, X86_W64); return true; }
bool tr_sra(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SAR, X86_W64); return true; }
bool tr_sllw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SHL, X86_W32); return true; }
bool tr_srlw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SHR, X86_W32); return true; }
bool tr_sraw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_rr(ctx, in, X86_SAR, X86_W32); return true; }
bool tr_slli(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SHL, X86_W64); return true; }
bool tr_srli(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SHR, X86_W64); return true; }
bool tr_srai(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SAR, X86_W64); return true; }
bool tr_slliw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SHL, X86_W32); return true; }
bool tr_srliw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SHR, X86_W32); return true; }
bool tr_sraiw(struct tr_ctx *ctx, const struct rv_insn *in) { shift_ri(ctx, in, X86_SAR, X86_W32); return true; }
bool tr_slt(struct tr_ctx *ctx, const struct rv_insn *in) { set_cc(ctx, in, X86_CC_L, false); return true; }
bool tr_sltu(struct tr_ctx *ctx, const struct rv_insn *in) { set_cc(ctx, in, X86_CC_B, false); return true; }
bool tr_slti(struct tr_ctx *ctx, const struct rv_insn *in) { set_cc(ctx, in, X86_CC_L, true); return true; }
bool tr_sltiu(struct tr_ctx *ctx, const struct rv_insn *in) { set_cc(ctx, in, X86_CC_B, true); return true; }

/* slli rd, rs, 1..3 then add rd, rd, rb (or rb, rd): indexing an array,
 * which RV64GC without Zba writes as two instructions; one lea. */
bool tr_fusable(const struct rv_insn *a, const struct rv_insn *b)
{
    if (a->op != RV_OP_slli || a->imm < 1 || a->imm > 3 || a->rd == 0 || b->op != RV_OP_add ||
        b->rd != a->rd)
        return false;
    int rb = b->rs1 == a->rd ? b->rs2 : b->rs1;
    return (b->rs1 == a->rd) != (b->rs2 == a->rd) && rb != 0;
}

void tr_fused(struct tr_ctx *ctx, const struct rv_insn *a, const struct rv_insn *b)
{
    int rb = b->rs1 == a->rd ? b->rs2 : b->rs1;
    int index = tr_src_x(ctx, a->rs1, TR_T0);
    int base = tr_src_x(ctx, rb, TR_T1);
    int d = tr_dst_x(ctx, a->rd, TR_T0);
    x86_lea(ctx->b, X86_W64, d, X86_MEM_IDX(base, index, 1 << a->imm, 0));
    tr_put_x(ctx, a->rd, d);
}

bool tr_lui(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_def_const(ctx, in->rd, (uint64_t)in->imm);
    return true;
}

bool tr_auipc(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_def_const(ctx, in->rd, ctx->pc + (uint64_t)in->imm);
    return true;
}

/* ---- M ---- */

/* imul is commutative: when rd is rs2's host register, rs1 is the operand;
 * an rs2 in the state block is a memory operand. */
static void mul(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_width w)
{
    if (in->rd == 0)
        return;
    int d = tr_dst_x(ctx, in->rd, TR_T0);
    if (d == tr_xreg(ctx, in->rs2) && in->rs2 != in->rs1) {
        x86_imul_rr(ctx->b, w, d, tr_src_x(ctx, in->rs1, TR_T1));
    } else if (in->rs2 != 0 && tr_xreg(ctx, in->rs2) == X86_NOREG) {
        tr_get_x(ctx, d, in->rs1);
        x86_imul_rm(ctx->b, w, d, X86_MEM(TR_CPU, RV_OFF_X(in->rs2)));
    } else {
        int s2 = tr_src_x(ctx, in->rs2, TR_T1);
        tr_get_x(ctx, d, in->rs1);
        x86_imul_rr(ctx->b, w, d, s2);
    }
    sext_w(ctx, w, d);
    tr_put_x(ctx, in->rd, d);
}

bool tr_mul(struct tr_ctx *ctx, const struct rv_insn *in) { mul(ctx, in, X86_W64); return true; }
bool tr_mulw(struct tr_ctx *ctx, const struct rv_insn *in) { mul(ctx, in, X86_W32); return true; }

/* High halves come from the one-operand multiply's rdx. mulhsu is the unsigned
 * high half corrected by subtracting rs2 when rs1 is negative (rs1 is read
 * again after the multiply, which overwrote rax). */
static void mulh(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_unary op, bool su)
{
    if (in->rd == 0)
        return;
    int s2 = tr_src_x(ctx, in->rs2, TR_T1);
    tr_get_x(ctx, TR_T0, in->rs1);
    x86_unary_r(ctx->b, op, X86_W64, s2);
    if (su) {
        tr_get_x(ctx, TR_T0, in->rs1);
        x86_shift_ri(ctx->b, X86_SAR, X86_W64, TR_T0, 63);
        x86_alu_rr(ctx->b, X86_AND, X86_W64, TR_T0, s2);
        x86_alu_rr(ctx->b, X86_SUB, X86_W64, TR_T2, TR_T0);
    }
    tr_put_x(ctx, in->rd, TR_T2);
}

bool tr_mulh(struct tr_ctx *ctx, const struct rv_insn *in) { mulh(ctx, in, X86_IMUL1, false); return true; }
bool tr_mulhu(struct tr_ctx *ctx, const struct rv_insn *in) { mulh(ctx, in, X86_MUL, false); return true; }
bool tr_mulhsu(struct tr_ctx *ctx, const struct rv_insn *in) { mulh(ctx, in, X86_MUL, true); return true; }

/* Division with RISC-V's defined results where x86 would trap: by zero the
 * quotient is all ones and the remainder the dividend; for the signed overflow
 * MIN / -1 the quotient is MIN and the remainder 0. */
static void divide(struct tr_ctx *ctx, const struct rv_insn *in, bool is_signed, bool rem, enum x86_width w)
{
    struct x86_buf *b = ctx->b;
    if (in->rd == 0)
        return;
    tr_get_x(ctx, TR_T0, in->rs1);
    tr_get_x(ctx, TR_T1, in->rs2);
    x86_test_rr(b, w, TR_T1, TR_T1);
    uint8_t *by_zero = x86_jcc_rel32(b, X86_CC_E, 0);
    uint8_t *overflow = NULL;
    if (is_signed) {
        x86_alu_ri(b, X86_CMP, w, TR_T1, -1);
        uint8_t *normal = x86_jcc_rel32(b, X86_CC_NE, 0);
        /* rcx == -1: quotient is -dividend, which for MIN wraps to MIN as
         * RISC-V wants; remainder is 0. */
        if (rem)
            x86_alu_rr(b, X86_XOR, X86_W32, TR_T0, TR_T0);
        else
            x86_unary_r(b, X86_NEG, w, TR_T0);
        overflow = x86_jmp_rel32(b, 0);
        x86_patch_rel32(normal, b->exec_delta, x86_here(b));
        w == X86_W64 ? x86_cqo(b) : x86_cdq(b);
        x86_unary_r(b, X86_IDIV, w, TR_T1);
    } else {
        x86_alu_rr(b, X86_XOR, X86_W32, TR_T2, TR_T2);
        x86_unary_r(b, X86_DIV, w, TR_T1);
    }
    if (rem)
        x86_mov_rr(b, X86_W64, TR_T0, TR_T2);
    uint8_t *done = x86_jmp_rel32(b, 0);
    x86_patch_rel32(by_zero, b->exec_delta, x86_here(b));
    if (!rem)
        x86_mov_ri(b, TR_T0, ~0ull);
    x86_patch_rel32(done, b->exec_delta, x86_here(b));
    if (overflow)
        x86_patch_rel32(overflow, b->exec_delta, x86_here(b));
    sext_w(ctx, w, TR_T0);
    tr_put_x(ctx, in->rd, TR_T0);
}

bool tr_div(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, false, X86_W64); return true; }
bool tr_divu(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, false, X86_W64); return true; }
bool tr_rem(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, true, X86_W64); return true; }
bool tr_remu(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, true, X86_W64); return true; }
bool tr_divw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, false, X86_W32); return true; }
bool tr_divuw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, false, X86_W32); return true; }
bool tr_remw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, true, X86_W32); return true; }
bool tr_remuw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, true, X86_W32); return true; }
