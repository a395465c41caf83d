/* The operand helpers every tr_<insn> is written in: where a guest
 * register lives in a block (a host register of the mapping, a block-local
 * one, or the state block), moving values between those places, and the
 * exits and helper calls that must see the state block whole. */
#include "translator/tr.h"
#include "translator/tr_cache.h"

void tr_emit_spill(struct x86_buf *b)
{
    for (int r = 1; r < 32; r++)
        if (tr_host_of[r] != X86_NOREG)
            x86_mov_mr(b, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(r)), tr_host_of[r]);
}

void tr_emit_reload(struct x86_buf *b)
{
    for (int r = 1; r < 32; r++)
        if (tr_host_of[r] != X86_NOREG)
            x86_mov_rm(b, X86_W64, tr_host_of[r], X86_MEM(TR_CPU, RV_OFF_X(r)));
}

void tr_load_locals(struct tr_ctx *ctx, uint32_t which)
{
    for (int r = 1; r < 32; r++)
        if (which >> r & 1)
            x86_mov_rm(ctx->b, X86_W64, ctx->host_of[r], X86_MEM(TR_CPU, RV_OFF_X(r)));
}

void tr_store_locals(struct tr_ctx *ctx, uint32_t which)
{
    for (int r = 1; r < 32; r++)
        if (which >> r & 1)
            x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(r)), ctx->host_of[r]);
}

void tr_load_flocals(struct tr_ctx *ctx, uint32_t which)
{
    for (int r = 0; r < 32; r++)
        if (which >> r & 1)
            x86_sse_rm(ctx->b, X86_MOVSD, ctx->fhost[r], X86_MEM(TR_CPU, RV_OFF_F(r)));
}

void tr_store_flocals(struct tr_ctx *ctx, uint32_t which)
{
    for (int r = 0; r < 32; r++)
        if (which >> r & 1)
            x86_movsd_mr(ctx->b, X86_MEM(TR_CPU, RV_OFF_F(r)), ctx->fhost[r]);
}

void tr_sync_locals(struct tr_ctx *ctx)
{
    tr_store_locals(ctx, ctx->dirty);
    tr_store_flocals(ctx, ctx->fdirty);
    ctx->dirty = 0;
    ctx->fdirty = 0;
}

static bool is_local(const struct tr_ctx *ctx, int r)
{
    return ctx->locals >> r & 1;
}

void tr_get_x(struct tr_ctx *ctx, int host, int r)
{
    if (r == 0)
        x86_alu_rr(ctx->b, X86_XOR, X86_W32, host, host);
    else if (tr_xreg(ctx, r) == X86_NOREG)
        x86_mov_rm(ctx->b, X86_W64, host, X86_MEM(TR_CPU, RV_OFF_X(r)));
    else if (tr_xreg(ctx, r) != host)
        x86_mov_rr(ctx->b, X86_W64, host, tr_xreg(ctx, r));
}

void tr_put_x(struct tr_ctx *ctx, int r, int host)
{
    if (r == 0)
        return;
    if (tr_xreg(ctx, r) == X86_NOREG) {
        x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(r)), host);
        return;
    }
    if (tr_xreg(ctx, r) != host)
        x86_mov_rr(ctx->b, X86_W64, tr_xreg(ctx, r), host);
    if (is_local(ctx, r))
        ctx->dirty |= 1u << r;
}

int tr_src_x(struct tr_ctx *ctx, int r, int scratch)
{
    if (r != 0 && tr_xreg(ctx, r) != X86_NOREG)
        return tr_xreg(ctx, r);
    tr_get_x(ctx, scratch, r);
    return scratch;
}

int tr_dst_x(struct tr_ctx *ctx, int r, int scratch)
{
    return r != 0 && tr_xreg(ctx, r) != X86_NOREG ? tr_xreg(ctx, r) : scratch;
}

void tr_alu_x(struct tr_ctx *ctx, enum x86_alu op, enum x86_width w, int host, int r)
{
    if (r == 0)
        x86_alu_ri(ctx->b, op, w, host, 0);
    else if (tr_xreg(ctx, r) == X86_NOREG)
        x86_alu_rm(ctx->b, op, w, host, X86_MEM(TR_CPU, RV_OFF_X(r)));
    else
        x86_alu_rr(ctx->b, op, w, host, tr_xreg(ctx, r));
}

/* Constants that sign-extend from 32 bits are stored directly. */
void tr_set_x_imm(struct tr_ctx *ctx, int r, uint64_t imm)
{
    if (r == 0)
        return;
    if (tr_xreg(ctx, r) != X86_NOREG) {
        x86_mov_ri(ctx->b, tr_xreg(ctx, r), imm);
        if (is_local(ctx, r))
            tr_put_x(ctx, r, tr_xreg(ctx, r));
    } else if (imm == (uint64_t)(int64_t)(int32_t)imm) {
        x86_mov_mi(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF_X(r)), (int32_t)imm);
    } else {
        x86_mov_ri(ctx->b, TR_T0, imm);
        tr_put_x(ctx, r, TR_T0);
    }
}

void tr_def_const(struct tr_ctx *ctx, int rd, uint64_t imm)
{
    tr_set_x_imm(ctx, rd, imm);
    ctx->known |= 1u << rd;
    ctx->known_val[rd] = imm;
    ctx->rd_known = true;
}

struct x86_mem tr_f_mem(struct tr_ctx *ctx, int r)
{
    if (ctx->fdirty >> r & 1) {
        tr_store_flocals(ctx, 1u << r);
        ctx->fdirty &= ~(1u << r);
    }
    return X86_MEM(TR_CPU, RV_OFF_F(r));
}

void tr_f_written(struct tr_ctx *ctx, int r)
{
    if (ctx->flocals >> r & 1) {
        tr_load_flocals(ctx, 1u << r);
        ctx->fdirty &= ~(1u << r);
    }
}

void tr_get_f(struct tr_ctx *ctx, int host, int r)
{
    x86_mov_rm(ctx->b, X86_W64, host, tr_f_mem(ctx, r));
}

void tr_put_f(struct tr_ctx *ctx, int r, int host)
{
    x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF_F(r)), host);
    tr_f_written(ctx, r);
}

void tr_exit_reg(struct tr_ctx *ctx, int reg)
{
    tr_sync_locals(ctx);
    x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF(pc)), reg);
    x86_mov_ri(ctx->b, X86_RAX, RV_EXIT_NEXT);
    x86_jmp_rel32(ctx->b, ctx->cache->leave);
}

void tr_exit_const(struct tr_ctx *ctx, enum rv_exit why, uint64_t pc)
{
    tr_sync_locals(ctx);
    x86_mov_ri(ctx->b, X86_RAX, pc);
    x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF(pc)), X86_RAX);
    x86_mov_ri(ctx->b, X86_RAX, why);
    x86_jmp_rel32(ctx->b, ctx->cache->leave);
}

/* Helpers read and write guest registers in the state block, and may leave
 * through fault_jmp, so every mapped register is stored first; all are
 * loaded again after (six of them live in caller-saved host registers), and
 * the block-local ones too, in case the helper wrote one (rd of an AMO). */
void tr_call(struct tr_ctx *ctx, const void *fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
    tr_sync_locals(ctx);
    tr_emit_spill(ctx->b);
    x86_mov_rr(ctx->b, X86_W64, X86_RDI, TR_CPU);
    x86_mov_ri(ctx->b, X86_RSI, a1);
    x86_mov_ri(ctx->b, X86_RDX, a2);
    x86_mov_ri(ctx->b, X86_RCX, a3);
    x86_mov_ri(ctx->b, X86_RAX, (uint64_t)(uintptr_t)fn);
    x86_call_r(ctx->b, X86_RAX);
    tr_emit_reload(ctx->b);
    tr_load_locals(ctx, ctx->loaded);
    tr_load_flocals(ctx, ctx->floaded);
}

/* The illegal-instruction exit of a checked helper call sits in line after a
 * jump over it: such calls are rare (FP, CSR) and the exit is short. */
void tr_call_checked(struct tr_ctx *ctx, const void *fn, uint32_t arg1)
{
    tr_sync_locals(ctx);
    tr_emit_spill(ctx->b);
    x86_mov_rr(ctx->b, X86_W64, X86_RDI, TR_CPU);
    x86_mov_ri(ctx->b, X86_RSI, arg1);
    x86_mov_ri(ctx->b, X86_RAX, (uint64_t)(uintptr_t)fn);
    x86_call_r(ctx->b, X86_RAX);
    tr_emit_reload(ctx->b);
    tr_load_locals(ctx, ctx->loaded);
    tr_load_flocals(ctx, ctx->floaded);
    x86_test_rr(ctx->b, X86_W32, X86_RAX, X86_RAX);
    uint8_t *ok = x86_jcc_rel32(ctx->b, X86_CC_E, 0);
    x86_mov_mi(ctx->b, X86_W32, X86_MEM(TR_CPU, RV_OFF(fault_insn)), (int32_t)arg1);
    tr_exit_const(ctx, RV_EXIT_ILLEGAL, ctx->pc);
    x86_patch_rel32(ok, ctx->b->exec_delta, x86_here(ctx->b));
}
