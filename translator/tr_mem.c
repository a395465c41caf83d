/* Loads and stores (integer and FP) through the load/store inline cache.
 *
 * The fast path, for a base register B (mapped, or loaded into rax):
 *     lea  rcx, [B + imm]       ; the guest address
 *     sub  rcx, [rbp + slot.lower]
 *     cmp  rcx, [rbp + slot.span]
 *     jae  stub                 ; miss: the victim entry, then the slow path
 *   resume:
 *     <the access at [B + guest_disp + imm], from or into the guest register's host register>
 * when host = guest + guest_disp for all guest memory (Linux mode with the
 * guest space reserved low); otherwise each slot has its addend:
 *     mov  rcx, [rbp + slot.addend]
 *   resume:
 *     <the access at [B + rcx + imm]>
 * Addressing the access through B keeps the guest address out of a second
 * scratch register; the stub hands back rcx = host - guest address. In the
 * unchecked copy of a loop (tr_loop.c) an access checked at the loop head
 * is only the addend load and the access. */
#include "linux/proc.h"
#include "translator/tr.h"
#include "translator/tr_probe.h"
#include "translator/tr_cache.h"

struct x86_mem tr_mem_addr(struct tr_ctx *ctx, int rs1, int64_t imm, int size, bool store)
{
    struct x86_buf *b = ctx->b;
    int planned = tr_loop_site(ctx);
    uint32_t site = planned >= 0 ? (uint32_t)planned : tr_new_site(ctx, 2);
    if (ctx->sites_exhausted)
        return X86_MEM(TR_T0, 0);   /* the block is translated again after a flush */

    int base = tr_src_x(ctx, rs1, TR_T0);
    int32_t disp = ctx->cache->guest_disp;
    struct x86_mem m = disp ? X86_MEM(base, disp + (int32_t)imm) : X86_MEM_IDX(base, TR_T1, 1, (int32_t)imm);
    if (planned >= 0 && ctx->unchecked) {
        /* the loop head found the address in the slot for this trip */
        if (!disp)
            x86_mov_rm(b, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(site, addend)));
        tr_add_stub(ctx, TR_STUB_ACCESS, ctx->pc, NULL)->resume = x86_here(b);
        return m;
    }
    if (imm)
        x86_lea(b, X86_W64, TR_T1, X86_MEM(base, (int32_t)imm));
    else
        x86_mov_rr(b, X86_W64, TR_T1, base);
    x86_alu_rm(b, X86_SUB, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(site, lower)));
    x86_alu_rm(b, X86_CMP, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(site, span)));
    uint8_t *jcc = x86_jcc_rel32(b, X86_CC_AE, 0);
    if (!disp)
        x86_mov_rm(b, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(site, addend)));
    tr_probe(ctx, store ? TR_PROBE_STORE : TR_PROBE_LOAD, true, ctx->pc, site);

    struct tr_stub *s = tr_add_stub(ctx, store ? TR_STUB_STORE : TR_STUB_LOAD, ctx->pc, jcc);
    s->size = (uint8_t)size;
    s->site = site;
    s->base = (int8_t)base;
    s->rs1 = (uint8_t)rs1;
    s->imm = (int32_t)imm;
    s->resume = x86_here(b);
    return m;
}

enum ext { ZX, SX };

/* A load into x0 still faults like any load, so it is not dropped. */
static bool load_x(struct tr_ctx *ctx, const struct rv_insn *in, int size, enum ext e)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, size, false);
    int d = tr_dst_x(ctx, in->rd, TR_T2);
    switch (size) {
    case 1: e == SX ? x86_movsx_rm8(ctx->b, d, m) : x86_movzx_rm8(ctx->b, d, m); break;
    case 2: e == SX ? x86_movsx_rm16(ctx->b, d, m) : x86_movzx_rm16(ctx->b, d, m); break;
    case 4: e == SX ? x86_movsxd_rm(ctx->b, d, m) : x86_mov_rm(ctx->b, X86_W32, d, m); break;
    default: x86_mov_rm(ctx->b, X86_W64, d, m); break;
    }
    tr_put_x(ctx, in->rd, d);
    return true;
}

/* The value is read after the check: the slow path clobbers scratch
 * registers (the mapped ones it restores). */
static bool store_x(struct tr_ctx *ctx, const struct rv_insn *in, int size)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, size, true);
    int v = tr_src_x(ctx, in->rs2, TR_T2);
    switch (size) {
    case 1: x86_mov_mr8(ctx->b, m, v); break;
    case 2: x86_mov_mr16(ctx->b, m, v); break;
    case 4: x86_mov_mr(ctx->b, X86_W32, m, v); break;
    default: x86_mov_mr(ctx->b, X86_W64, m, v); break;
    }
    return true;
}

bool tr_lb(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 1, SX); }
bool tr_lh(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 2, SX); }
bool tr_lw(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 4, SX); }
bool tr_ld(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 8, SX); }
bool tr_lbu(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 1, ZX); }
bool tr_lhu(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 2, ZX); }
bool tr_lwu(struct tr_ctx *ctx, const struct rv_insn *in) { return load_x(ctx, in, 4, ZX); }
bool tr_sb(struct tr_ctx *ctx, const struct rv_insn *in) { return store_x(ctx, in, 1); }
bool tr_sh(struct tr_ctx *ctx, const struct rv_insn *in) { return store_x(ctx, in, 2); }
bool tr_sw(struct tr_ctx *ctx, const struct rv_insn *in) { return store_x(ctx, in, 4); }
bool tr_sd(struct tr_ctx *ctx, const struct rv_insn *in) { return store_x(ctx, in, 8); }

/* flw NaN-boxes: the upper 32 bits of the FP register become ones. */
bool tr_flw(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, 4, false);
    x86_mov_rm(ctx->b, X86_W32, TR_T2, m);
    x86_mov_ri(ctx->b, TR_T1, 0xffffffff00000000ull);
    x86_alu_rr(ctx->b, X86_OR, X86_W64, TR_T2, TR_T1);
    tr_put_f(ctx, in->rd, TR_T2);
    return true;
}

bool tr_fld(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, 8, false);
    if (tr_fxreg(ctx, in->rd) >= 0) {
        x86_sse_rm(ctx->b, X86_MOVSD, tr_fxreg(ctx, in->rd), m);
        tr_fdirty(ctx, in->rd);
        return true;
    }
    x86_mov_rm(ctx->b, X86_W64, TR_T2, m);
    tr_put_f(ctx, in->rd, TR_T2);
    return true;
}

bool tr_fsw(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, 4, true);
    tr_get_f(ctx, TR_T2, in->rs2);
    x86_mov_mr(ctx->b, X86_W32, m, TR_T2);
    return true;
}

bool tr_fsd(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, in->imm, 8, true);
    if (tr_fxreg(ctx, in->rs2) >= 0) {
        x86_movsd_mr(ctx->b, m, tr_fxreg(ctx, in->rs2));
        return true;
    }
    tr_get_f(ctx, TR_T2, in->rs2);
    x86_mov_mr(ctx->b, X86_W64, m, TR_T2);
    return true;
}
