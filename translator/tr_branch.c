/* Control transfer: conditional branches, jal and jalr end the block. The
 * dispatcher finds the next block; chaining and the jalr inline cache come on
 * top of these exits. */
#include "translator/tr.h"

static void branch(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc)
{
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (in->rs2 == 0) {
        x86_test_rr(ctx->b, X86_W64, X86_RAX, X86_RAX);
    } else {
        x86_alu_rm(ctx->b, X86_CMP, X86_W64, X86_RAX, X86_MEM(TR_CPU, RV_OFF_X(in->rs2)));
    }
    uint8_t *taken = x86_jcc_rel32(ctx->b, cc, 0);
    tr_exit_const(ctx, RV_EXIT_NEXT, ctx->next_pc);
    x86_patch_rel32(taken, ctx->b->exec_delta, x86_here(ctx->b));
    tr_exit_const(ctx, RV_EXIT_NEXT, ctx->pc + (uint64_t)in->imm);
    ctx->end = true;
}

bool tr_beq(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_E); return true; }
bool tr_bne(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_NE); return true; }
bool tr_blt(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_L); return true; }
bool tr_bge(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_GE); return true; }
bool tr_bltu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_B); return true; }
bool tr_bgeu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_AE); return true; }

bool tr_jal(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd) {
        x86_mov_ri(ctx->b, X86_RAX, ctx->next_pc);
        tr_put_x(ctx, in->rd, X86_RAX);
    }
    tr_exit_const(ctx, RV_EXIT_NEXT, ctx->pc + (uint64_t)in->imm);
    ctx->end = true;
    return true;
}

/* The target is computed before rd is written: rd may be rs1. */
bool tr_jalr(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_get_x(ctx, X86_RCX, in->rs1);
    if (in->imm)
        x86_alu_ri(ctx->b, X86_ADD, X86_W64, X86_RCX, (int32_t)in->imm);
    x86_alu_ri(ctx->b, X86_AND, X86_W64, X86_RCX, -2);
    if (in->rd) {
        x86_mov_ri(ctx->b, X86_RAX, ctx->next_pc);
        tr_put_x(ctx, in->rd, X86_RAX);
    }
    tr_exit_reg(ctx, X86_RCX);
    ctx->end = true;
    return true;
}
