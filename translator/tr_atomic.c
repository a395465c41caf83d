/* A: LR/SC and AMOs as C helpers on the host address, with host atomics so
 * they stay atomic across guest threads. SC succeeds by compare-and-swap
 * against the value LR read, at the address LR reserved. */
#include "softmmu/tlb.h"
#include "mmu/mmu.h"
#include "translator/tr.h"

enum amo_funct5 { AMO_ADD = 0x00, AMO_SWAP = 0x01, AMO_LR = 0x02, AMO_SC = 0x03, AMO_XOR = 0x04,
                  AMO_OR = 0x08, AMO_AND = 0x0c, AMO_MIN = 0x10, AMO_MAX = 0x14,
                  AMO_MINU = 0x18, AMO_MAXU = 0x1c };

static uint64_t amo_op(unsigned f5, uint64_t old, uint64_t v, bool w)
{
    int64_t so = w ? (int32_t)old : (int64_t)old, sv = w ? (int32_t)v : (int64_t)v;
    uint64_t uo = w ? (uint32_t)old : old, uv = w ? (uint32_t)v : v;
    switch (f5) {
    case AMO_ADD: return old + v;
    case AMO_XOR: return old ^ v;
    case AMO_OR: return old | v;
    case AMO_AND: return old & v;
    case AMO_MIN: return so < sv ? old : v;
    case AMO_MAX: return so > sv ? old : v;
    case AMO_MINU: return uo < uv ? old : v;
    case AMO_MAXU: return uo > uv ? old : v;
    default: return v;   /* swap */
    }
}

static void atomic_helper(struct rv_cpu *cpu, uint64_t raw, uint64_t pc)
{
    unsigned rd = (raw >> 7) & 31, rs1 = (raw >> 15) & 31, rs2 = (raw >> 20) & 31, f5 = raw >> 27;
    bool w = ((raw >> 12) & 7) == 2;
    unsigned size = w ? 4 : 8;
    uint64_t addr = cpu->x[rs1], v = cpu->x[rs2], result;

    if (f5 == AMO_LR) {
        void *p = tlb_host_atomic(cpu, addr, size, MMU_R, pc);
        result = w ? (uint64_t)(int64_t)__atomic_load_n((int32_t *)p, __ATOMIC_SEQ_CST)
                   : __atomic_load_n((uint64_t *)p, __ATOMIC_SEQ_CST);
        cpu->res_addr = addr;
        cpu->res_val = result;
        cpu->res_valid = 1;
    } else if (f5 == AMO_SC) {
        void *p = tlb_host_atomic(cpu, addr, size, MMU_W, pc);
        bool ok = false;
        if (cpu->res_valid && cpu->res_addr == addr) {
            if (w) {
                uint32_t expect = (uint32_t)cpu->res_val;
                ok = __atomic_compare_exchange_n((uint32_t *)p, &expect, (uint32_t)v, false,
                                                 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            } else {
                uint64_t expect = cpu->res_val;
                ok = __atomic_compare_exchange_n((uint64_t *)p, &expect, v, false,
                                                 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            }
        }
        cpu->res_valid = 0;
        result = !ok;
    } else {
        void *p = tlb_host_atomic(cpu, addr, size, MMU_R | MMU_W, pc);
        if (w) {
            uint32_t old = __atomic_load_n((uint32_t *)p, __ATOMIC_RELAXED);
            while (!__atomic_compare_exchange_n((uint32_t *)p, &old, (uint32_t)amo_op(f5, old, v, true),
                                                true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
                ;
            result = (uint64_t)(int64_t)(int32_t)old;
        } else {
            uint64_t old = __atomic_load_n((uint64_t *)p, __ATOMIC_RELAXED);
            while (!__atomic_compare_exchange_n((uint64_t *)p, &old, amo_op(f5, old, v, false),
                                                true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
                ;
            result = old;
        }
    }
    if (rd)
        cpu->x[rd] = result;
}

/* The inline forms: x86's locked instructions are atomic across host
 * threads as the helper's are. An address that is not naturally aligned
 * goes to the helper, which raises the fault. */
static struct tr_stub *to_helper(struct tr_ctx *ctx, const struct rv_insn *in, int size)
{
    int a = tr_src_x(ctx, in->rs1, TR_T0);
    x86_test_ri(ctx->b, X86_W32, a, size - 1);
    struct tr_stub *s = tr_add_stub(ctx, TR_STUB_CALL, ctx->pc, x86_jcc_rel32(ctx->b, X86_CC_NE, 0));
    s->fn = (const void *)atomic_helper;
    s->insn = in->raw;
    return s;
}

/* An operand based on rax as one on rcx (the host address), freeing rax
 * for cmpxchg. */
static struct x86_mem own_reg(struct tr_ctx *ctx, struct x86_mem m)
{
    if (m.base != TR_T0)
        return m;
    x86_lea(ctx->b, X86_W64, TR_T1, m);
    return X86_MEM(TR_T1, 0);
}

/* The host address, not in rax. */
static struct x86_mem host_addr(struct tr_ctx *ctx, int rs1, int size, bool store)
{
    return own_reg(ctx, tr_mem_addr(ctx, rs1, 0, size, store));
}

static void put_old(struct tr_ctx *ctx, int rd, int host, enum x86_width w)
{
    if (w == X86_W32)
        x86_movsxd_rr(ctx->b, host, host);
    tr_put_x(ctx, rd, host);
}

/* A plain load (x86 loads are acquire loads); .rl also orders earlier
 * stores before it. The reservation is the address and the value read. */
static void lr(struct tr_ctx *ctx, const struct rv_insn *in, int size, enum x86_width w)
{
    if (in->aqrl & 1)
        x86_mfence(ctx->b);
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, 0, size, false);
    x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF(res_addr)), m.base);   /* x[rs1], rd not yet written */
    w == X86_W32 ? x86_movsxd_rm(ctx->b, TR_T2, m) : x86_mov_rm(ctx->b, X86_W64, TR_T2, m);
    x86_mov_mr(ctx->b, X86_W64, X86_MEM(TR_CPU, RV_OFF(res_val)), TR_T2);
    x86_mov_mi(ctx->b, X86_W32, X86_MEM(TR_CPU, RV_OFF(res_valid)), 1);
    tr_put_x(ctx, in->rd, TR_T2);
}

/* Succeeds by compare-and-swap against the value LR read, at the address
 * LR reserved; rd = 0 on success, 1 on failure. */
static void sc(struct tr_ctx *ctx, const struct rv_insn *in, int size, enum x86_width w)
{
    struct x86_buf *b = ctx->b;
    struct x86_mem m = tr_mem_addr(ctx, in->rs1, 0, size, true);
    x86_alu_mi(b, X86_CMP, X86_W32, X86_MEM(TR_CPU, RV_OFF(res_valid)), 0);
    uint8_t *invalid = x86_jcc_rel32(b, X86_CC_E, 0);
    x86_alu_mr(b, X86_CMP, X86_W64, X86_MEM(TR_CPU, RV_OFF(res_addr)), m.base);
    uint8_t *elsewhere = x86_jcc_rel32(b, X86_CC_NE, 0);
    m = own_reg(ctx, m);
    int v = tr_src_x(ctx, in->rs2, TR_T2);
    x86_mov_rm(b, X86_W64, TR_T0, X86_MEM(TR_CPU, RV_OFF(res_val)));
    x86_lock_cmpxchg_mr(b, w, m, v);
    x86_setcc_r(b, X86_CC_NE, TR_T0);
    x86_movzx_rr8(b, TR_T0, TR_T0);
    uint8_t *done = x86_jmp_rel32(b, 0);
    x86_patch_rel32(invalid, b->exec_delta, x86_here(b));
    x86_patch_rel32(elsewhere, b->exec_delta, x86_here(b));
    x86_mov_ri(b, TR_T0, 1);
    x86_patch_rel32(done, b->exec_delta, x86_here(b));
    x86_mov_mi(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(res_valid)), 0);
    tr_put_x(ctx, in->rd, TR_T0);
}

/* swap and add are one locked instruction; the bitwise ones a
 * compare-and-swap loop with x[rs2] as the operand wherever it lives. */
static void amo_rmw(struct tr_ctx *ctx, const struct rv_insn *in, unsigned f5, int size, enum x86_width w)
{
    struct x86_buf *b = ctx->b;
    struct x86_mem m = host_addr(ctx, in->rs1, size, true);
    if (f5 == AMO_SWAP || f5 == AMO_ADD) {
        tr_get_x(ctx, TR_T2, in->rs2);
        f5 == AMO_SWAP ? x86_xchg_mr(b, w, m, TR_T2) : x86_lock_xadd_mr(b, w, m, TR_T2);
        put_old(ctx, in->rd, TR_T2, w);
        return;
    }
    enum x86_alu op = f5 == AMO_AND ? X86_AND : f5 == AMO_OR ? X86_OR : X86_XOR;
    x86_mov_rm(b, w, TR_T0, m);
    uint64_t again = x86_here(b);
    x86_mov_rr(b, w, TR_T2, TR_T0);
    tr_alu_x(ctx, op, w, TR_T2, in->rs2);
    x86_lock_cmpxchg_mr(b, w, m, TR_T2);
    x86_jcc_rel32(b, X86_CC_NE, again);
    put_old(ctx, in->rd, TR_T0, w);
}

/* min and max (rare) stay with the helper. */
static bool tr_amo(struct tr_ctx *ctx, const struct rv_insn *in)
{
    unsigned f5 = in->raw >> 27;
    bool word = ((in->raw >> 12) & 7) == 2;
    int size = word ? 4 : 8;
    enum x86_width w = word ? X86_W32 : X86_W64;
    if (f5 >= AMO_MIN) {
        tr_call(ctx, (const void *)atomic_helper, in->raw, ctx->pc, 0);
        return true;
    }
    struct tr_stub *slow = to_helper(ctx, in, size);
    if (f5 == AMO_LR)
        lr(ctx, in, size, w);
    else if (f5 == AMO_SC)
        sc(ctx, in, size, w);
    else
        amo_rmw(ctx, in, f5, size, w);
    slow->resume = x86_here(ctx->b);
    return true;
}

#define AMO(name) bool tr_##name(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_amo(ctx, in); }
AMO(lr_w) AMO(sc_w) AMO(amoswap_w) AMO(amoadd_w) AMO(amoxor_w) AMO(amoand_w) AMO(amoor_w)
AMO(amomin_w) AMO(amomax_w) AMO(amominu_w) AMO(amomaxu_w)
AMO(lr_d) AMO(sc_d) AMO(amoswap_d) AMO(amoadd_d) AMO(amoxor_d) AMO(amoand_d) AMO(amoor_d)
AMO(amomin_d) AMO(amomax_d) AMO(amominu_d) AMO(amomaxu_d)
