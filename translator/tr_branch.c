/* Control transfer. A conditional branch is a chainable exit taken by a jcc,
 * and the block goes on with the instruction after it (so a block is a run
 * of straight-line code with side exits, and its guest range stays one
 * interval), or one to a later instruction of the block (ctx->fwd_target)
 * jumps there; jal ends the block with a chainable exit; calls push the
 * return stack; jalr goes through its inline-cache slot:
 *
 *     ; rcx = target                        ; a return (jalr x0, 0(ra)) first tries
 *     mov  rax, rcx                         ; the return stack:
 *     sub  rax, [rbp + slot.lower]          ;   pop entry; cmp rcx, entry.guest
 *     cmp  rax, [rbp + slot.span]           ;   jne <slot path>; jmp [entry.host]
 *     jae  stub                             ; miss: dispatcher refills the slot
 *     mov  rdx, [rbp + slot.addend]         ; the window's jump table, biased
 *     mov  rdx, [rdx + rcx*4]               ; host code - stub (0: not translated)
 *     add  rdx, [rbp + jtab_base]           ; + the translate stub
 *     jmp  rdx
 */
#include "linux/proc.h"
#include "translator/tr.h"
#include "translator/tr_cache.h"
#include "translator/tr_probe.h"

static bool is_link(int r) { return r == 1 || r == 5; }

/* The condition that holds for (b, a) when cc holds for (a, b). */
static enum x86_cc swapped(enum x86_cc cc)
{
    switch (cc) {
    case X86_CC_L: return X86_CC_G;
    case X86_CC_GE: return X86_CC_LE;
    case X86_CC_B: return X86_CC_A;
    case X86_CC_AE: return X86_CC_BE;
    default: return cc;   /* eq, ne */
    }
}

/* cmp on the registers where they live; a comparison with x0 (beqz, bgtz,
 * blez and the like) is a test, one of a register in the state block with
 * one in a host register compares the host register with memory. Returns
 * the condition to jump on. */
static enum x86_cc compare(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc)
{
    if (in->rs1 != 0 && in->rs2 != 0 && tr_xreg(ctx, in->rs1) == X86_NOREG &&
        tr_xreg(ctx, in->rs2) != X86_NOREG) {
        x86_alu_rm(ctx->b, X86_CMP, X86_W64, tr_xreg(ctx, in->rs2), X86_MEM(TR_CPU, RV_OFF_X(in->rs1)));
        return swapped(cc);
    }
    if (in->rs1 == 0 && in->rs2 != 0) {
        int a = tr_src_x(ctx, in->rs2, TR_T0);
        x86_test_rr(ctx->b, X86_W64, a, a);
        return swapped(cc);
    }
    int a = tr_src_x(ctx, in->rs1, TR_T0);
    if (in->rs2 == 0)
        x86_test_rr(ctx->b, X86_W64, a, a);
    else
        tr_alu_x(ctx, X86_CMP, X86_W64, a, in->rs2);
    return cc;
}

static void branch(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc)
{
    uint64_t target = ctx->pc + (uint64_t)in->imm;
    if (target == ctx->fwd_target) {
        ctx->fwd_jcc = x86_jcc_rel32(ctx->b, compare(ctx, in, cc), 0);
        return;
    }
    if (!tr_loop_back(ctx, target)) {
        tr_exit_jcc(ctx, compare(ctx, in, cc), target);
        return;
    }
    uint64_t start = x86_here(ctx->b);
    x86_jcc_rel32(ctx->b, compare(ctx, in, cc), ctx->loop_head);
    tr_note_jump(ctx, start);
}

bool tr_beq(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_E); return true; }
bool tr_bne(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_NE); return true; }
bool tr_blt(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_L); return true; }
bool tr_bge(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_GE); return true; }
bool tr_bltu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_B); return true; }
bool tr_bgeu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_AE); return true; }

bool tr_jal(struct tr_ctx *ctx, const struct rv_insn *in)
{
    ctx->end = true;
    if (in->rd == 0 && tr_loop_back(ctx, ctx->pc + (uint64_t)in->imm)) {
        uint64_t start = x86_here(ctx->b);
        x86_jmp_rel32(ctx->b, ctx->loop_head);
        tr_note_jump(ctx, start);
        return true;
    }
    tr_set_x_imm(ctx, in->rd, ctx->next_pc);
    if (is_link(in->rd))
        tr_ras_push(ctx);
    tr_exit_pc(ctx, ctx->pc + (uint64_t)in->imm);
    return true;
}

/* Pop the return stack; on a match jump to the host code recorded by the
 * call. rcx holds the target and survives for the slot path. */
static void ras_pop(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    x86_mov_rm(b, X86_W32, TR_T2, X86_MEM(TR_CPU, RV_OFF(ras_top)));
    x86_lea(b, X86_W32, TR_T0, X86_MEM(TR_T2, -(int32_t)sizeof(struct rv_ras_entry)));
    x86_alu_ri(b, X86_AND, X86_W32, TR_T0, RV_RAS_MASK);
    x86_mov_mr(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(ras_top)), TR_T0);
    x86_alu_rm(b, X86_CMP, X86_W64, TR_T1, X86_MEM_IDX(TR_CPU, TR_T2, 1, RV_OFF(ras[0].guest)));
    uint8_t *miss = x86_jcc_rel32(b, X86_CC_NE, 0);
    tr_probe(ctx, TR_PROBE_RETURN, true, ctx->pc, TR_PROBE_NONE);
    x86_jmp_m(b, X86_MEM_IDX(TR_CPU, TR_T2, 1, RV_OFF(ras[0].host)));
    x86_patch_rel32(miss, b->exec_delta, x86_here(b));
    tr_probe(ctx, TR_PROBE_RETURN, false, ctx->pc, TR_PROBE_NONE);
}

/* The target is computed before rd is written: rd may be rs1. A target
 * known at translation time (auipc+jalr) is a direct exit like jal's. */
bool tr_jalr(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_buf *b = ctx->b;
    if (ctx->known >> in->rs1 & 1) {
        uint64_t target = (ctx->known_val[in->rs1] + (uint64_t)in->imm) & ~1ull;
        tr_set_x_imm(ctx, in->rd, ctx->next_pc);
        if (is_link(in->rd))
            tr_ras_push(ctx);
        tr_exit_pc(ctx, target);
        ctx->end = true;
        return true;
    }
    uint32_t site = tr_new_site(ctx, 1);
    tr_get_x(ctx, TR_T1, in->rs1);
    if (in->imm)
        x86_alu_ri(b, X86_ADD, X86_W64, TR_T1, (int32_t)in->imm);
    x86_alu_ri(b, X86_AND, X86_W64, TR_T1, -2);
    tr_set_x_imm(ctx, in->rd, ctx->next_pc);
    tr_sync_locals(ctx);
    if (is_link(in->rd))
        tr_ras_push(ctx);
    else if (in->rd == 0 && is_link(in->rs1))
        ras_pop(ctx);

    x86_mov_rr(b, X86_W64, TR_T0, TR_T1);
    x86_alu_rm(b, X86_SUB, X86_W64, TR_T0, X86_MEM(TR_CPU, RV_OFF_SLOT(site, lower)));
    x86_alu_rm(b, X86_CMP, X86_W64, TR_T0, X86_MEM(TR_CPU, RV_OFF_SLOT(site, span)));
    struct tr_stub *s = tr_add_stub(ctx, TR_STUB_JALR, ctx->pc, x86_jcc_rel32(b, X86_CC_AE, 0));
    s->site = site;
    x86_mov_rm(b, X86_W64, TR_T2, X86_MEM(TR_CPU, RV_OFF_SLOT(site, addend)));
    tr_probe(ctx, TR_PROBE_JALR, true, ctx->pc, site);
    /* an empty table entry is a miss after all: the profiler's record of
     * it is found by the site */
    if (ctx->cache->probes.counter)
        x86_mov_mi(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(jalr_site)), (int32_t)site);
    x86_mov_rm(b, X86_W64, TR_T2, X86_MEM_IDX(TR_T2, TR_T1, 4, 0));
    x86_alu_rm(b, X86_ADD, X86_W64, TR_T2, X86_MEM(TR_CPU, RV_OFF(jtab_base)));
    x86_jmp_r(b, TR_T2);
    ctx->end = true;
    return true;
}
