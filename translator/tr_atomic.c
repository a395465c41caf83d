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

static bool tr_amo(struct tr_ctx *ctx, const struct rv_insn *in)
{
    tr_call(ctx, (const void *)atomic_helper, in->raw, ctx->pc, 0);
    return true;
}

#define AMO(name) bool tr_##name(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_amo(ctx, in); }
AMO(lr_w) AMO(sc_w) AMO(amoswap_w) AMO(amoadd_w) AMO(amoxor_w) AMO(amoand_w) AMO(amoor_w)
AMO(amomin_w) AMO(amomax_w) AMO(amominu_w) AMO(amomaxu_w)
AMO(lr_d) AMO(sc_d) AMO(amoswap_d) AMO(amoadd_d) AMO(amoxor_d) AMO(amoand_d) AMO(amoor_d)
AMO(amomin_d) AMO(amomax_d) AMO(amominu_d) AMO(amomaxu_d)
