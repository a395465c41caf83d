/* RV64I and M computational instructions, emitted inline. x86 shifts mask the
 * count to 6 bits (64-bit) and 5 bits (32-bit) exactly as RISC-V does, and
 * 32-bit x86 operations followed by movsxd give the W forms' sign extension. */
#include "translator/tr.h"

/* x0 as an operand folds away: add/or/xor with x0 is a move, sub from x0 a
 * negation (c.mv, mv and neg are these). The second operand is used straight
 * from the state block. */
static void alu_rr(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_alu op, enum x86_width w)
{
    bool moves = op == X86_ADD || op == X86_OR || op == X86_XOR;
    if (in->rd == 0)
        return;
    if (in->rs1 == 0 && (moves || op == X86_SUB)) {
        tr_get_x(ctx, X86_RAX, in->rs2);
        if (op == X86_SUB)
            x86_unary_r(ctx->b, X86_NEG, w, X86_RAX);
    } else {
        tr_get_x(ctx, X86_RAX, in->rs1);
        if (in->rs2 != 0)
            x86_alu_rm(ctx->b, op, w, X86_RAX, X86_MEM(TR_CPU, RV_OFF_X(in->rs2)));
        else if (op == X86_AND)
            x86_alu_rr(ctx->b, X86_XOR, X86_W32, X86_RAX, X86_RAX);
    }
    if (w == X86_W32)
        x86_movsxd_rr(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

/* rd == rs1 on a 64-bit operation is one read-modify-write of the state
 * block (addi sp, sp, -16 and the like). */
static void alu_ri(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_alu op, enum x86_width w)
{
    if (in->rd == 0)
        return;
    if (in->rd == in->rs1 && w == X86_W64) {
        if (in->imm || op == X86_AND)
            x86_alu_mi(ctx->b, op, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(in->rd)), (int32_t)in->imm);
        return;
    }
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (in->imm || op == X86_AND)
        x86_alu_ri(ctx->b, op, w, X86_RAX, (int32_t)in->imm);
    if (w == X86_W32)
        x86_movsxd_rr(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

static void shift_rr(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_shift op, enum x86_width w)
{
    if (in->rd == 0)
        return;
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_get_x(ctx, X86_RCX, in->rs2);
    x86_shift_rcl(ctx->b, op, w, X86_RAX);
    if (w == X86_W32)
        x86_movsxd_rr(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

static void shift_ri(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_shift op, enum x86_width w)
{
    if (in->rd == 0)
        return;
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (in->imm)
        x86_shift_ri(ctx->b, op, w, X86_RAX, (uint8_t)in->imm);
    if (w == X86_W32)
        x86_movsxd_rr(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

static void set_cc(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc, bool imm)
{
    if (in->rd == 0)
        return;
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (imm) {
        x86_alu_ri(ctx->b, X86_CMP, X86_W64, X86_RAX, (int32_t)in->imm);
    } else {
        tr_get_x(ctx, X86_RCX, in->rs2);
        x86_alu_rr(ctx->b, X86_CMP, X86_W64, X86_RAX, X86_RCX);
    }
    x86_setcc_r(ctx->b, cc, X86_RAX);
    x86_movzx_rr8(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
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

/* lui's immediate is already sign-extended from 32 bits, so it fits a
 * sign-extended imm32 store. */
bool tr_lui(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd)
        x86_mov_mi(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(in->rd)), (int32_t)in->imm);
    return true;
}

bool tr_auipc(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd) {
        x86_mov_ri(ctx->b, X86_RAX, ctx->pc + (uint64_t)in->imm);
        tr_put_x(ctx, in->rd, X86_RAX);
    }
    return true;
}

/* ---- M ---- */

bool tr_mul(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd == 0)
        return true;
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_get_x(ctx, X86_RCX, in->rs2);
    x86_imul_rr(ctx->b, X86_W64, X86_RAX, X86_RCX);
    tr_put_x(ctx, in->rd, X86_RAX);
    return true;
}

bool tr_mulw(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd == 0)
        return true;
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_get_x(ctx, X86_RCX, in->rs2);
    x86_imul_rr(ctx->b, X86_W32, X86_RAX, X86_RCX);
    x86_movsxd_rr(ctx->b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
    return true;
}

/* High halves come from the one-operand multiply's rdx. mulhsu is the unsigned
 * high half corrected by subtracting rs2 when rs1 is negative. */
static void mulh(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_unary op, bool su)
{
    if (in->rd == 0)
        return;
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_get_x(ctx, X86_RCX, in->rs2);
    if (su)
        x86_mov_rr(ctx->b, X86_W64, X86_RSI, X86_RAX);
    x86_unary_r(ctx->b, op, X86_W64, X86_RCX);
    if (su) {
        x86_shift_ri(ctx->b, X86_SAR, X86_W64, X86_RSI, 63);
        x86_alu_rr(ctx->b, X86_AND, X86_W64, X86_RSI, X86_RCX);
        x86_alu_rr(ctx->b, X86_SUB, X86_W64, X86_RDX, X86_RSI);
    }
    tr_put_x(ctx, in->rd, X86_RDX);
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
    tr_get_x(ctx, X86_RAX, in->rs1);
    tr_get_x(ctx, X86_RCX, in->rs2);
    x86_test_rr(b, w, X86_RCX, X86_RCX);
    uint8_t *by_zero = x86_jcc_rel32(b, X86_CC_E, 0);
    uint8_t *overflow = NULL;
    if (is_signed) {
        x86_alu_ri(b, X86_CMP, w, X86_RCX, -1);
        uint8_t *normal = x86_jcc_rel32(b, X86_CC_NE, 0);
        /* rcx == -1: quotient is -dividend, which for MIN wraps to MIN as
         * RISC-V wants; remainder is 0. */
        if (rem)
            x86_alu_rr(b, X86_XOR, X86_W32, X86_RAX, X86_RAX);
        else
            x86_unary_r(b, X86_NEG, w, X86_RAX);
        overflow = x86_jmp_rel32(b, 0);
        x86_patch_rel32(normal, b->exec_delta, x86_here(b));
        w == X86_W64 ? x86_cqo(b) : x86_cdq(b);
        x86_unary_r(b, X86_IDIV, w, X86_RCX);
    } else {
        x86_alu_rr(b, X86_XOR, X86_W32, X86_RDX, X86_RDX);
        x86_unary_r(b, X86_DIV, w, X86_RCX);
    }
    if (rem)
        x86_mov_rr(b, X86_W64, X86_RAX, X86_RDX);
    uint8_t *done = x86_jmp_rel32(b, 0);
    x86_patch_rel32(by_zero, b->exec_delta, x86_here(b));
    if (!rem)
        x86_mov_ri(b, X86_RAX, ~0ull);
    x86_patch_rel32(done, b->exec_delta, x86_here(b));
    if (overflow)
        x86_patch_rel32(overflow, b->exec_delta, x86_here(b));
    if (w == X86_W32)
        x86_movsxd_rr(b, X86_RAX, X86_RAX);
    tr_put_x(ctx, in->rd, X86_RAX);
}

bool tr_div(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, false, X86_W64); return true; }
bool tr_divu(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, false, X86_W64); return true; }
bool tr_rem(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, true, X86_W64); return true; }
bool tr_remu(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, true, X86_W64); return true; }
bool tr_divw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, false, X86_W32); return true; }
bool tr_divuw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, false, X86_W32); return true; }
bool tr_remw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, true, true, X86_W32); return true; }
bool tr_remuw(struct tr_ctx *ctx, const struct rv_insn *in) { divide(ctx, in, false, true, X86_W32); return true; }
