/* Control transfer. Branches and jal end the block with chainable exits;
 * calls push the return stack; jalr goes through its inline-cache slot:
 *
 *     ; rcx = target                        ; a return (jalr x0, 0(ra)) first tries
 *     mov  rax, rcx                         ; the return stack:
 *     sub  rax, [rbp + slot.lower]          ;   pop entry; cmp rcx, entry.guest
 *     cmp  rax, [rbp + slot.span]           ;   jne <slot path>; jmp [entry.host]
 *     jae  stub                             ; miss: dispatcher refills the slot
 *     mov  rdx, [rbp + slot.addend]         ; the window's jump table, biased
 *     jmp  [rdx + rcx*4]                    ; host code, or the translate stub
 */
#include "linux/proc.h"
#include "translator/tr.h"

static bool is_link(int r) { return r == 1 || r == 5; }

static void branch(struct tr_ctx *ctx, const struct rv_insn *in, enum x86_cc cc)
{
    tr_get_x(ctx, X86_RAX, in->rs1);
    if (in->rs2 == 0)
        x86_test_rr(ctx->b, X86_W64, X86_RAX, X86_RAX);
    else
        x86_alu_rm(ctx->b, X86_CMP, X86_W64, X86_RAX, X86_MEM(TR_CPU, RV_OFF_X(in->rs2)));
    tr_exit_jcc(ctx, cc, ctx->pc + (uint64_t)in->imm);
    tr_exit_pc(ctx, ctx->next_pc);
    ctx->end = true;
}

bool tr_beq(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_E); return true; }
bool tr_bne(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_NE); return true; }
bool tr_blt(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_L); return true; }
bool tr_bge(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_GE); return true; }
bool tr_bltu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_B); return true; }
bool tr_bgeu(struct tr_ctx *ctx, const struct rv_insn *in) { branch(ctx, in, X86_CC_AE); return true; }

static void count(struct tr_ctx *ctx, int32_t counter_off)
{
    x86_alu_mi(ctx->b, X86_ADD, X86_W64, X86_MEM(TR_CPU, counter_off), 1);
}

bool tr_jal(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->rd) {
        x86_mov_ri(ctx->b, X86_RAX, ctx->next_pc);
        tr_put_x(ctx, in->rd, X86_RAX);
    }
    if (is_link(in->rd))
        tr_ras_push(ctx);
    tr_exit_pc(ctx, ctx->pc + (uint64_t)in->imm);
    ctx->end = true;
    return true;
}

/* Pop the return stack; on a match jump to the host code recorded by the
 * call. rcx holds the target and survives for the slot path. */
static void ras_pop(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    x86_mov_rm(b, X86_W32, X86_RDX, X86_MEM(TR_CPU, RV_OFF(ras_top)));
    x86_lea(b, X86_W32, X86_RAX, X86_MEM(X86_RDX, -1));
    x86_alu_ri(b, X86_AND, X86_W32, X86_RAX, RV_RAS_SIZE - 1);
    x86_mov_mr(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(ras_top)), X86_RAX);
    x86_shift_ri(b, X86_SHL, X86_W32, X86_RDX, 4);
    x86_alu_rm(b, X86_CMP, X86_W64, X86_RCX, X86_MEM_IDX(TR_CPU, X86_RDX, 1, RV_OFF(ras[0].guest)));
    uint8_t *miss = x86_jcc_rel32(b, X86_CC_NE, 0);
    if (ctx->opt->count_hits)
        count(ctx, RV_OFF(cnt.ic_ret_hits));
    x86_jmp_m(b, X86_MEM_IDX(TR_CPU, X86_RDX, 1, RV_OFF(ras[0].host)));
    x86_patch_rel32(miss, b->exec_delta, x86_here(b));
    count(ctx, RV_OFF(cnt.ic_ret_misses));
}

/* The target is computed before rd is written: rd may be rs1. */
bool tr_jalr(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_buf *b = ctx->b;
    uint32_t site = tr_new_site(ctx, 1);
    tr_get_x(ctx, X86_RCX, in->rs1);
    if (in->imm)
        x86_alu_ri(b, X86_ADD, X86_W64, X86_RCX, (int32_t)in->imm);
    x86_alu_ri(b, X86_AND, X86_W64, X86_RCX, -2);
    if (in->rd) {
        x86_mov_ri(b, X86_RAX, ctx->next_pc);
        tr_put_x(ctx, in->rd, X86_RAX);
    }
    if (is_link(in->rd))
        tr_ras_push(ctx);
    else if (in->rd == 0 && is_link(in->rs1))
        ras_pop(ctx);

    x86_mov_rr(b, X86_W64, X86_RAX, X86_RCX);
    x86_alu_rm(b, X86_SUB, X86_W64, X86_RAX, X86_MEM(TR_CPU, RV_OFF_SLOT(site, lower)));
    x86_alu_rm(b, X86_CMP, X86_W64, X86_RAX, X86_MEM(TR_CPU, RV_OFF_SLOT(site, span)));
    struct tr_stub *s = tr_add_stub(ctx, TR_STUB_JALR, ctx->pc, x86_jcc_rel32(b, X86_CC_AE, 0));
    s->site = site;
    x86_mov_rm(b, X86_W64, X86_RDX, X86_MEM(TR_CPU, RV_OFF_SLOT(site, addend)));
    if (ctx->opt->count_hits)
        count(ctx, RV_OFF(cnt.ic_jalr_hits));
    x86_jmp_m(b, X86_MEM_IDX(X86_RDX, X86_RCX, 4, 0));
    ctx->end = true;
    return true;
}
