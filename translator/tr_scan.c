/* What the translator learns of a block before it emits code: its
 * instructions (fetched and decoded up to the one that ends it), the loop
 * back to its start, which guest registers get block-local host registers,
 * which results need only their low halves, which instructions fuse, and
 * where a forward branch lands. All from the instruction table's operand
 * fields (rv_x_operands, rv_f_operands). */
#include <string.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr.h"
#include "translator/tr_cache.h"
#include "translator/tr_priv.h"

/* Instructions after which no block goes on. */
static bool ends_block(int op)
{
    return op == RV_OP_jal || op == RV_OP_jalr || op == RV_OP_ecall || op == RV_OP_ebreak ||
           op == RV_OP_fence_i;
}

/* Fetch and decode the block's instructions first, so the register choice
 * below sees them all; stop at a fetch that fails (the block ends before it,
 * and the fetch faults when the next block starts there). */
uint32_t tr_fetch_block(struct rv_cpu *cpu, uint64_t pc, struct tr_fetched *f)
{
    uint32_t n = 0;
    while (n < TR_MAX_INSNS && tlb_fetch(cpu, pc, &f[n].word)) {
        f[n].ok = rv_decode(f[n].word, &f[n].in) && priv_insn_enabled(cpu, &f[n].in);
        pc += f[n].in.len;
        if (!f[n++].ok || ends_block(f[n - 1].in.op))
            break;
    }
    return n;
}

static bool is_branch(int op)
{
    return op == RV_OP_beq || op == RV_OP_bne || op == RV_OP_blt || op == RV_OP_bge ||
           op == RV_OP_bltu || op == RV_OP_bgeu;
}

/* The index of the last instruction that branches or jumps (without a link)
 * back to the block's start, or -1. */
int tr_last_back_edge(const struct tr_fetched *f, uint32_t n, uint64_t start)
{
    int last = -1;
    uint64_t pc = start;
    for (uint32_t i = 0; i < n; i++) {
        const struct rv_insn *in = &f[i].in;
        if (f[i].ok && pc + (uint64_t)in->imm == start &&
            (is_branch(in->op) || (in->op == RV_OP_jal && in->rd == 0)))
            last = (int)i;
        pc += in->len;
    }
    return last;
}

/* The integer computations (RV64I and M without loads, stores and
 * jumps): inline, and they cannot fault or leave the block. */
static bool computes(int op)
{
    switch (rv_fmt_of(op)) {
    case RV_FMT_R: case RV_FMT_I: case RV_FMT_SH6: case RV_FMT_SH5: case RV_FMT_U: return true;
    default: return false;
    }
}

/* Which instructions' rd needs only its low 32 bits: a W operation's sign
 * extension is then dead. A backward pass over the block: at anything that
 * can leave it, fault or call out (any instruction but the plain integer
 * computations, and the end) every register is observed whole; before a
 * plain one, rd's old value is not, and its sources' upper halves are
 * observed only where the result's are and the operation carries upper
 * source bits into the low half of its result: never for the W forms,
 * when the result's are for add, sub, the bitwise ones, left shifts and
 * mul; always for the rest (right shifts, compares, mulh, div). */
void tr_low_halves(const struct tr_fetched *f, uint32_t n, uint64_t *low)
{
    memset(low, 0, TR_MAX_INSNS / 8);
    uint32_t whole = ~0u;   /* registers whose upper half is read later */
    for (int i = (int)n - 1; i >= 0; i--) {
        const struct rv_insn *in = &f[i].in;
        bool w, closed;
        switch (in->op) {
        case RV_OP_addw: case RV_OP_subw: case RV_OP_sllw: case RV_OP_srlw: case RV_OP_sraw:
        case RV_OP_addiw: case RV_OP_slliw: case RV_OP_srliw: case RV_OP_sraiw: case RV_OP_mulw:
        case RV_OP_divw: case RV_OP_divuw: case RV_OP_remw: case RV_OP_remuw:
            w = true, closed = true;
            break;
        case RV_OP_add: case RV_OP_addi: case RV_OP_sub: case RV_OP_and: case RV_OP_andi: case RV_OP_or:
        case RV_OP_ori: case RV_OP_xor: case RV_OP_xori: case RV_OP_sll: case RV_OP_slli: case RV_OP_mul:
            w = false, closed = true;
            break;
        default:
            w = false, closed = false;
            break;
        }
        bool plain = f[i].ok && computes(in->op);
        if (!plain) {
            whole = ~0u;
            continue;
        }
        uint32_t reads, writes;
        rv_x_operands(in, &reads, &writes);
        bool upper = in->rd == 0 || (whole >> in->rd & 1);
        if (w && !upper)
            low[i / 64] |= 1ull << (i % 64);
        whole &= ~writes;
        if (!closed || (!w && upper))
            whole |= reads;
    }
}

/* The block-local registers: the guest registers without a host register of
 * their own that the block names most often, at least twice (one load at
 * entry pays for itself on the second use); a use inside the block's own
 * loop counts as many. */
void tr_choose_locals(struct tr_ctx *ctx, const struct tr_fetched *f, uint32_t n, int loop_end)
{
    unsigned uses[32] = { 0 };
    for (uint32_t i = 0; i < n; i++) {
        uint32_t rd, wr;
        if (!f[i].ok)
            continue;
        rv_x_operands(&f[i].in, &rd, &wr);
        unsigned weight = (int)i <= loop_end ? 8 : 1;
        for (int r = 1; r < 32; r++)
            uses[r] += weight * ((rd >> r & 1) + (wr >> r & 1));
    }
    memcpy(ctx->host_of, tr_host_of, sizeof ctx->host_of);
    ctx->locals = 0;
    for (int k = 0; k < TR_N_LOCAL; k++) {
        int best = 0;
        for (int r = 1; r < 32; r++)
            if (tr_host_of[r] == X86_NOREG && !(ctx->locals >> r & 1) && uses[r] >= 2 &&
                uses[r] > uses[best])
                best = r;
        if (!best)
            break;
        ctx->locals |= 1u << best;
        ctx->host_of[best] = tr_local_pool[k];
    }
}

bool tr_fcacheable(int op)
{
    return rv_ext_of(op) == RV_EXT_D && op != RV_OP_fcvt_s_d && op != RV_OP_fcvt_d_s;
}

/* The block-local F registers: as the integer ones, among those only
 * tr_fcacheable instructions name. */
void tr_choose_flocals(struct tr_ctx *ctx, const struct tr_fetched *f, uint32_t n, int loop_end)
{
    unsigned uses[32] = { 0 };
    uint32_t unfit = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t rd, wr;
        rv_f_operands(&f[i].in, &rd, &wr);
        if (!f[i].ok || !tr_fcacheable(f[i].in.op)) {
            unfit |= rd | wr;
            continue;
        }
        unsigned weight = (int)i <= loop_end ? 8 : 1;
        for (int r = 0; r < 32; r++)
            uses[r] += weight * ((rd >> r & 1) + (wr >> r & 1));
    }
    memset(ctx->fhost, -1, sizeof ctx->fhost);
    ctx->flocals = 0;
    for (int k = 0; k < TR_N_FLOCAL; k++) {
        int best = -1;
        for (int r = 0; r < 32; r++)
            if (!(unfit >> r & 1) && !(ctx->flocals >> r & 1) && uses[r] >= 2 &&
                (best < 0 || uses[r] > uses[best]))
                best = r;
        if (best < 0)
            break;
        ctx->flocals |= 1u << best;
        ctx->fhost[best] = (int8_t)(8 + k);
    }
}

/* Whether x, between the two halves a and b of a fused pair, may run after
 * both: a plain computation that neither reads a's result nor writes what
 * a and b read or write (and cannot fault or leave). */
static bool commutes(const struct tr_fetched *x, const struct rv_insn *a, const struct rv_insn *b)
{
    if (!computes(x->in.op))
        return false;
    uint32_t rd, wr, ra, wa, rb, wb;
    rv_x_operands(&x->in, &rd, &wr);
    rv_x_operands(a, &ra, &wa);
    rv_x_operands(b, &rb, &wb);
    return x->ok && !(rd & wa) && !(wr & (ra | wa | rb));
}

/* The partner of f[n] for a fused pair among the next two instructions not
 * yet translated, below stop, or -1. */
int tr_partner(const struct tr_fetched *f, uint32_t n, uint32_t stop, const uint64_t *done)
{
    if (!f[n].ok)
        return -1;
    int seen = 0;
    for (uint32_t j = n + 1; j < stop && seen < 2; j++) {
        if (done[j / 64] >> (j % 64) & 1)
            continue;
        if (f[j].ok && tr_fusable(&f[n].in, &f[j].in)) {
            for (uint32_t k = n + 1; k < j; k++)
                if (!(done[k / 64] >> (k % 64) & 1) && !commutes(&f[k], &f[n].in, &f[j].in))
                    return -1;
            return (int)j;
        }
        seen++;
    }
    return -1;
}

/* The index of the instruction at target among f[n + 1 .. stop - 1], for a
 * forward branch at f[n], or -1. */
int tr_forward_index(const struct tr_fetched *f, uint32_t n, uint32_t stop, uint64_t pc)
{
    const struct rv_insn *in = &f[n].in;
    if (!f[n].ok || in->imm <= 0 || !is_branch(in->op))
        return -1;
    uint64_t target = pc + (uint64_t)in->imm;
    pc += in->len;
    for (uint32_t i = n + 1; i < stop && pc <= target; i++) {
        if (pc == target)
            return (int)i;
        pc += f[i].in.len;
    }
    return -1;
}

/* The registers the skipped instructions f[n + 1 .. m - 1] name that the
 * run names again from f[m] on: loaded before the branch, both paths arrive
 * with them. Ones the skipped part alone names load there, and the join
 * forgets them (join_here). */
void tr_skipped_operands(const struct tr_fetched *f, uint32_t n, int m, uint32_t stop, uint32_t *x,
                             uint32_t *fx)
{
    uint32_t sx = 0, sf = 0, ax = 0, af = 0;
    for (int i = (int)n + 1; i < (int)stop; i++) {
        uint32_t r, w, fr, fw;
        rv_x_operands(&f[i].in, &r, &w);
        rv_f_operands(&f[i].in, &fr, &fw);
        if (i < m) {
            sx |= r | w;
            sf |= fr | fw;
        } else {
            ax |= r | w;
            af |= fr | fw;
        }
    }
    *x = sx & ax;
    *fx = sf & af;
}
