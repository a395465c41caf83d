/* Loops that check their accesses once per run of trips instead of once per
 * access per trip. In a block that loops to itself, an access whose base
 * register the loop does not write, or moves only by one `addi r, r, c`
 * per trip, walks a line through memory: at the loop head one check per
 * such access finds how many trips it stays inside its inline-cache slot
 * (the slot's span left, over |c| rounded up to a power of two), and the
 * least of those counts is how long an unchecked copy of the loop may run.
 * The block is then laid out as
 *
 *     loop_head:  check every planned access; any outside its slot: jmp checked
 *                 loop_end = walker + trips * c   (or trips + 1 without a walker)
 *     fast_head:  cmp walker, loop_end; je recheck   (sub loop_end, 1; je recheck)
 *                 <the loop without checks for those accesses>; back edge to fast_head
 *                 jmp rest
 *     recheck:    exit_req set: leave at the loop's start; else jmp loop_head
 *     checked:    <the loop as usual>; back edge to loop_head
 *     rest:       <the block after the loop>
 *
 * The walker is the base register of a moving access that lives in a host
 * register: comparing it leaves no chain through memory from trip to trip,
 * as a count kept in the state block would. A run is at most LOOP_RUN
 * trips, so the unchecked back edge needs no exit_req check of its own.
 * Slots change only in slow paths and in the dispatcher, and the unchecked
 * copy calls no slow path for its planned accesses; a miss of any other
 * access refills that access's own slot. Loops with CSR accesses, atomics
 * or system instructions (helpers that may drop slots) are not planned. */
#include "translator/tr.h"
#include "linux/proc.h"
#include "translator/tr_cache.h"

/* Trips one check allows at most: how long a thread asked to stop may run
 * on in the unchecked copy. */
#define LOOP_RUN (1 << 16)

static bool is_access(const struct rv_insn *in)
{
    switch (rv_fmt_of(in->op)) {
    case RV_FMT_IM: return in->op != RV_OP_jalr;
    case RV_FMT_FL: case RV_FMT_S: case RV_FMT_FS: return true;
    default: return false;
    }
}

static bool plain(const struct tr_fetched *f)
{
    if (!f->ok || f->in.op == RV_OP_jalr)
        return false;
    switch (rv_fmt_of(f->in.op)) {
    case RV_FMT_CSR: case RV_FMT_CSRI: case RV_FMT_AMO: case RV_FMT_LR:
    case RV_FMT_SFENCE: case RV_FMT_NONE:
        return false;
    default:
        return true;
    }
}

static bool is_jump(int op)
{
    return rv_fmt_of(op) == RV_FMT_B || op == RV_OP_jal;
}

bool tr_loop_plan(struct tr_ctx *ctx, const struct tr_fetched *f, int loop_end)
{
    ctx->n_hoist = 0;
    ctx->walker = -1;
    if (loop_end + 1 > TR_MAX_LOOP || ctx->opt->count_hits)
        return false;
    uint32_t written = 0, twice = 0;
    int addi_at[32];
    uint64_t pc = ctx->start, skip_to = 0, last = ctx->start;
    for (int i = 0; i < loop_end; i++)
        last += f[i].in.len;
    for (int i = 0; i <= loop_end; i++) {
        const struct rv_insn *in = &f[i].in;
        /* one back edge: every trip runs the whole loop once */
        if (!plain(&f[i]) || (i < loop_end && is_jump(in->op) && pc + (uint64_t)in->imm == ctx->start))
            return false;
        uint32_t rd, wr;
        rv_x_operands(in, &rd, &wr);
        /* what a forward branch or jump inside the loop may skip does not
         * run every trip: a register it writes moves by no constant step */
        twice |= (pc < skip_to ? ~0u : written) & wr;
        written |= wr;
        if (is_jump(in->op) && in->imm > 0 && pc + (uint64_t)in->imm > skip_to &&
            pc + (uint64_t)in->imm <= last)
            skip_to = pc + (uint64_t)in->imm;
        if (wr)
            addi_at[in->rd] = in->op == RV_OP_addi && in->rs1 == in->rd && in->imm ? i : -1;
        pc += in->len;
    }
    for (int i = 0; i <= loop_end && ctx->n_hoist < TR_MAX_HOIST; i++) {
        const struct rv_insn *in = &f[i].in;
        int r = in->rs1;
        if (!is_access(in) || r == 0)
            continue;
        struct tr_hoist h = { .idx = (uint8_t)i, .base = (uint8_t)r, .off = (int32_t)in->imm };
        if (written >> r & 1) {
            if ((twice >> r & 1) || addi_at[r] < 0)
                continue;
            const struct rv_insn *step = &f[addi_at[r]].in;
            h.step = (int32_t)step->imm;
            if (addi_at[r] < i)
                h.off += h.step;
        }
        h.site = tr_new_site(ctx, 2);
        if (ctx->sites_exhausted)
            return false;
        if (h.step && ctx->walker < 0 && tr_xreg(ctx, r) != X86_NOREG)
            ctx->walker = ctx->n_hoist;
        ctx->hoist[ctx->n_hoist++] = h;
    }
    return ctx->n_hoist > 0;
}

static unsigned ceil_log2(uint32_t v)
{
    unsigned s = 0;
    while ((1u << s) < v)
        s++;
    return s;
}

/* For a step c > 0 the trips left are (span - 1 - (addr - lower)) / c + 1,
 * for c < 0 (addr - lower) / -c + 1; rax keeps the least count - 1. */
void tr_loop_check(struct tr_ctx *ctx, uint8_t **to_checked)
{
    struct x86_buf *b = ctx->b;
    x86_mov_ri(b, TR_T0, LOOP_RUN - 1);
    for (int k = 0; k < ctx->n_hoist; k++) {
        const struct tr_hoist *h = &ctx->hoist[k];
        int base = tr_src_x(ctx, h->base, TR_T2);
        x86_lea(b, X86_W64, TR_T1, X86_MEM(base, h->off));
        x86_alu_rm(b, X86_SUB, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(h->site, lower)));
        x86_alu_rm(b, X86_CMP, X86_W64, TR_T1, X86_MEM(TR_CPU, RV_OFF_SLOT(h->site, span)));
        to_checked[k] = x86_jcc_rel32(b, X86_CC_AE, 0);
        if (!h->step)
            continue;
        if (h->step > 0) {
            x86_mov_rm(b, X86_W64, TR_T2, X86_MEM(TR_CPU, RV_OFF_SLOT(h->site, span)));
            x86_alu_rr(b, X86_SUB, X86_W64, TR_T2, TR_T1);
            x86_alu_ri(b, X86_SUB, X86_W64, TR_T2, 1);
        } else {
            x86_mov_rr(b, X86_W64, TR_T2, TR_T1);
        }
        unsigned s = ceil_log2((uint32_t)(h->step > 0 ? h->step : -h->step));
        if (s)
            x86_shift_ri(b, X86_SHR, X86_W64, TR_T2, (uint8_t)s);
        x86_alu_rr(b, X86_CMP, X86_W64, TR_T2, TR_T0);
        x86_cmovcc_rr(b, X86_CC_B, X86_W64, TR_T0, TR_T2);
    }
    x86_alu_ri(b, X86_ADD, X86_W32, TR_T0, 1);
    if (ctx->walker >= 0) {
        const struct tr_hoist *h = &ctx->hoist[ctx->walker];
        int base = tr_xreg(ctx, h->base);
        if (h->step == 1 || h->step == 2 || h->step == 4 || h->step == 8) {
            x86_lea(b, X86_W64, TR_T0, X86_MEM_IDX(base, TR_T0, h->step, 0));
        } else {
            x86_mov_ri(b, TR_T1, (uint64_t)(int64_t)h->step);
            x86_imul_rr(b, X86_W64, TR_T0, TR_T1);
            x86_alu_rr(b, X86_ADD, X86_W64, TR_T0, base);
        }
    } else {
        x86_alu_ri(b, X86_ADD, X86_W32, TR_T0, 1);   /* for the decrement at fast_head */
    }
    x86_mov_mr(b, X86_W64, X86_MEM(TR_CPU, RV_OFF(loop_end)), TR_T0);
}

uint8_t *tr_loop_fast_head(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    uint64_t start = x86_here(b);
    if (ctx->walker >= 0)
        x86_alu_rm(b, X86_CMP, X86_W64, tr_xreg(ctx, ctx->hoist[ctx->walker].base),
                   X86_MEM(TR_CPU, RV_OFF(loop_end)));
    else
        x86_alu_mi(b, X86_SUB, X86_W64, X86_MEM(TR_CPU, RV_OFF(loop_end)), 1);
    uint8_t *out = x86_jcc_rel32(b, X86_CC_E, 0);
    tr_note_jump(ctx, start);
    return out;
}

int tr_loop_site(const struct tr_ctx *ctx)
{
    for (int k = 0; k < ctx->n_hoist; k++)
        if (ctx->hoist[k].idx == ctx->idx)
            return (int)ctx->hoist[k].site;
    return -1;
}
