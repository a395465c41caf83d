/* Block translation: with what tr_scan.c learnt of the block's instructions,
 * hand each to its tr_<insn> function (joining the paths of forward
 * branches, laying out loops), then emit the block's out-of-line stubs.
 * The operand helpers every tr_<insn> is written in are in tr_operand.c. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "mmu/mmu.h"
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr.h"
#include "translator/tr_probe.h"
#include "translator/tr_cache.h"
#include "translator/tr_priv.h"

struct tr_block *tr_cache_insert(struct tr_cache *c, const struct tr_block *tmpl);

static const tr_fn tr_table[RV_OP_COUNT] = {
#define X(name, text, fmt, mask, match, ext) [RV_OP_##name] = tr_##name,
    RV_INSN_LIST(X)
#undef X
};

/* Guest registers by how often gcc's rv64 code names them (a5, a4, sp, a0,
 * a3, s0, a2, a1 lead every program we measured; s1, s2, ra and the rest
 * are block-local where a block uses them). */
const int8_t tr_host_of[32] = {
    [0 ... 1] = X86_NOREG, [2] = X86_RBX, [3 ... 7] = X86_NOREG,
    [8] = X86_R12, [9] = X86_NOREG, [10] = X86_R11, [11] = X86_RSI, [12] = X86_RDI,
    [13] = X86_R8, [14] = X86_R9, [15] = X86_R10, [16 ... 31] = X86_NOREG,
};

/* Callee-saved, so helper calls keep them. */
const int8_t tr_local_pool[TR_N_LOCAL] = { X86_R13, X86_R14, X86_R15 };

static void emit_illegal(struct tr_ctx *ctx, uint32_t word)
{
    x86_mov_mi(ctx->b, X86_W32, X86_MEM(TR_CPU, RV_OFF(fault_insn)), (int32_t)word);
    tr_exit_const(ctx, RV_EXIT_ILLEGAL, ctx->pc);
    ctx->end = true;
}

uint32_t tr_new_site(struct tr_ctx *ctx, uint32_t entries)
{
    uint32_t first = ctx->cache->n_sites;
    if (first + entries > RV_MEM_SLOTS_MAX) {
        ctx->sites_exhausted = true;
        return 0;
    }
    ctx->cache->n_sites += entries;
    return first;
}

struct tr_stub *tr_add_stub(struct tr_ctx *ctx, enum tr_stub_kind kind, uint64_t pc, uint8_t *patch)
{
    assert(ctx->n_stubs < TR_MAX_STUBS);   /* at most two an instruction, the loop part twice */
    struct tr_stub *s = &ctx->stubs[ctx->n_stubs++];
    *s = (struct tr_stub){ .kind = (uint8_t)kind, .pc = pc, .jcc = patch, .dirty = ctx->dirty,
                           .loaded = ctx->loaded, .fdirty = ctx->fdirty, .floaded = ctx->floaded };
    return s;
}

/* An exit to a pc at or before the branch may close a loop: chained, it
 * enters its target through the exit_req check (see translate_once). */
void tr_exit_pc(struct tr_ctx *ctx, uint64_t pc)
{
    tr_sync_locals(ctx);
    tr_add_stub(ctx, TR_STUB_EXIT, pc, x86_jmp_rel32_aligned(ctx->b, 0))->size = pc <= ctx->pc;
}

void tr_exit_jcc(struct tr_ctx *ctx, enum x86_cc cc, uint64_t pc)
{
    tr_add_stub(ctx, TR_STUB_EXIT, pc, x86_jcc_rel32_aligned(ctx->b, cc, 0))->size = pc <= ctx->pc;
}

bool tr_loop_back(struct tr_ctx *ctx, uint64_t target)
{
    if (!ctx->loop_head || target != ctx->start)
        return false;
    if (ctx->unchecked)
        return true;   /* runs are bounded: the recheck after one asks (tr_loop.c) */
    uint64_t start = x86_here(ctx->b);
    x86_alu_mi(ctx->b, X86_CMP, X86_W32, X86_MEM(TR_CPU, RV_OFF(exit_req)), 0);
    tr_add_stub(ctx, TR_STUB_INTR, ctx->pc, x86_jcc_rel32(ctx->b, X86_CC_NE, 0));
    tr_note_jump(ctx, start);
    return true;
}

/* Intel cores before Ice Lake neither fuse nor keep in the decoded-uop
 * cache a jump (with the compare fused to it) that crosses or ends on a
 * 32-byte boundary: such a back edge costs a loop dearly. */
void tr_note_jump(struct tr_ctx *ctx, uint64_t start)
{
    uint64_t end = x86_here(ctx->b);
    if (start >> 5 != (end - 1) >> 5 || (end & 31) == 0)
        ctx->edge_crosses = true;
}

/* The entry is written before the jump, so rdx and rax are free here. */
void tr_ras_push(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    struct x86_mem guest = X86_MEM_IDX(TR_CPU, X86_RDX, 1, RV_OFF(ras[0].guest));
    x86_mov_rm(b, X86_W32, X86_RDX, X86_MEM(TR_CPU, RV_OFF(ras_top)));
    x86_alu_ri(b, X86_ADD, X86_W32, X86_RDX, (int32_t)sizeof(struct rv_ras_entry));
    x86_alu_ri(b, X86_AND, X86_W32, X86_RDX, RV_RAS_MASK);
    x86_mov_mr(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(ras_top)), X86_RDX);
    if ((int64_t)ctx->next_pc == (int32_t)ctx->next_pc) {
        x86_mov_mi(b, X86_W64, guest, (int32_t)ctx->next_pc);
    } else {
        x86_mov_ri(b, X86_RAX, ctx->next_pc);
        x86_mov_mr(b, X86_W64, guest, X86_RAX);
    }
    x86_movabs_ri(b, X86_RAX, 0);
    /* entered by a return from another block: x[] is exact there */
    struct tr_stub *cont = tr_add_stub(ctx, TR_STUB_CONT, ctx->next_pc, b->p - 8);
    cont->dirty = cont->fdirty = 0;
    x86_mov_mr(b, X86_W64, X86_MEM_IDX(TR_CPU, X86_RDX, 1, RV_OFF(ras[0].host)), X86_RAX);
}

/* An exit stub: record the pc and which rel32 was taken (bit 0 set for a
 * backward exit), so the dispatcher can chain it, and leave. */
static void emit_exit_stub(struct tr_ctx *ctx, uint64_t pc, uint64_t field)
{
    struct x86_buf *b = ctx->b;
    x86_mov_ri(b, X86_RAX, pc);
    x86_mov_mr(b, X86_W64, X86_MEM(TR_CPU, RV_OFF(pc)), X86_RAX);
    x86_mov_ri(b, X86_RAX, field);
    x86_mov_mr(b, X86_W64, X86_MEM(TR_CPU, RV_OFF(chain_from)), X86_RAX);
    x86_mov_ri(b, X86_RAX, RV_EXIT_NEXT);
    x86_jmp_rel32(b, ctx->cache->leave);
}

static uint64_t exec_of(const struct x86_buf *b, const uint8_t *p)
{
    return (uint64_t)(uintptr_t)p + b->exec_delta;
}

/* Memory stubs try the site's victim entry, then call the slow path with the
 * guest address (in rax), the site and the guest pc; they resume the access
 * with rcx = host - guest address (unless the access adds guest_disp
 * itself: the slow path's host address is always guest + guest_disp then).
 * The slow path keeps the mapped registers (a base in rax is loaded again). */
static void emit_mem_stub(struct tr_ctx *ctx, const struct tr_stub *s)
{
    struct x86_buf *b = ctx->b;
    x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
    /* The site's second entry holds the range the first held before its
     * last refill: a site alternating between two regions (stack and heap)
     * hits here without calling out. */
    x86_lea(b, X86_W64, X86_RDX, X86_MEM(s->base, s->imm));
    x86_mov_rr(b, X86_W64, X86_RCX, X86_RDX);
    x86_alu_rm(b, X86_SUB, X86_W64, X86_RCX, X86_MEM(TR_CPU, RV_OFF_SLOT(s->site + 1, lower)));
    x86_alu_rm(b, X86_CMP, X86_W64, X86_RCX, X86_MEM(TR_CPU, RV_OFF_SLOT(s->site + 1, span)));
    uint8_t *miss = x86_jcc_rel32(b, X86_CC_AE, 0);
    bool disp = ctx->cache->guest_disp != 0;
    if (!disp)
        x86_mov_rm(b, X86_W64, X86_RCX, X86_MEM(TR_CPU, RV_OFF_SLOT(s->site + 1, addend)));
    tr_probe(ctx, s->kind == TR_STUB_LOAD ? TR_PROBE_LOAD : TR_PROBE_STORE, true, s->pc, s->site);
    x86_jmp_rel32(b, s->resume);
    x86_patch_rel32(miss, b->exec_delta, x86_here(b));
    tr_store_locals(ctx, s->dirty);
    tr_store_flocals(ctx, s->fdirty);
    x86_mov_rr(b, X86_W64, X86_RAX, X86_RDX);
    x86_mov_ri(b, X86_RDX, TLB_SITE(s->site, s->size));
    x86_mov_ri(b, X86_RCX, s->pc);
    x86_call_rel32(b, s->kind == TR_STUB_LOAD ? ctx->cache->load_slow : ctx->cache->store_slow);
    if (!disp)
        x86_mov_rr(b, X86_W64, X86_RCX, X86_RAX);
    tr_load_flocals(ctx, s->floaded);   /* C code does not keep xmm registers */
    if (s->base == TR_T0)
        tr_get_x(ctx, TR_T0, s->rs1);
    if (!disp) {
        x86_lea(b, X86_W64, X86_RDX, X86_MEM(s->base, s->imm));
        x86_alu_rr(b, X86_SUB, X86_W64, X86_RCX, X86_RDX);
    }
    x86_jmp_rel32(b, s->resume);
}

static void emit_stubs(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    for (int i = 0; i < ctx->n_stubs; i++) {
        const struct tr_stub *s = &ctx->stubs[i];
        ctx->dirty = s->dirty;
        ctx->loaded = s->loaded;   /* a join may have dropped some by the block's end */
        ctx->fdirty = s->fdirty;
        ctx->floaded = s->floaded;
        switch (s->kind) {
        case TR_STUB_LOAD:
        case TR_STUB_STORE:
            emit_mem_stub(ctx, s);
            break;
        case TR_STUB_EXIT: {
            if (!s->jcc)
                break;   /* overflowed; the block is retried */
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            /* A side exit with dirty locals stores them before the jump
             * that chaining patches. */
            uint8_t *field = s->jcc;
            if (s->dirty || s->fdirty || s->unaligned) {
                tr_store_locals(ctx, s->dirty);
                tr_store_flocals(ctx, s->fdirty);
                if (!(field = x86_jmp_rel32_aligned(b, 0)))
                    break;
                x86_patch_rel32(field, b->exec_delta, x86_here(b));
            }
            emit_exit_stub(ctx, s->pc, exec_of(b, field) | s->size);
            break;
        }
        case TR_STUB_CONT: {
            uint64_t cont = x86_here(b);
            if (s->jcc)
                memcpy(s->jcc, &cont, 8);
            uint8_t *field = x86_jmp_rel32_aligned(b, 0);
            if (!field)
                break;
            x86_patch_rel32(field, b->exec_delta, x86_here(b));
            emit_exit_stub(ctx, s->pc, exec_of(b, field));
            break;
        }
        case TR_STUB_JOIN:
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            tr_store_locals(ctx, s->dirty);
            tr_store_flocals(ctx, s->fdirty);
            x86_jmp_rel32(b, s->resume);
            break;
        case TR_STUB_INTR:
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            tr_exit_const(ctx, RV_EXIT_NEXT, s->pc);
            break;
        case TR_STUB_HELPER: {
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            for (int k = 0; k < TR_STUB_ALSO; k++)
                x86_patch_rel32(s->also[k], b->exec_delta, x86_here(b));
            /* an illegal-instruction exit names the instruction's pc */
            uint64_t pc = ctx->pc;
            ctx->pc = s->pc;
            tr_call_checked(ctx, s->fn, s->insn);
            ctx->pc = pc;
            if (s->leave)
                tr_exit_const(ctx, RV_EXIT_NEXT, s->pc + ((s->insn & 3) == 3 ? 4 : 2));
            else
                x86_jmp_rel32(b, s->resume);
            break;
        }
        case TR_STUB_ACCESS:
            break;
        case TR_STUB_CALL:
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            tr_call(ctx, s->fn, s->insn, s->pc, 0);
            x86_jmp_rel32(b, s->resume);
            break;
        case TR_STUB_JALR:
            x86_patch_rel32(s->jcc, b->exec_delta, x86_here(b));
            x86_mov_mr(b, X86_W64, X86_MEM(TR_CPU, RV_OFF(pc)), X86_RCX);
            x86_mov_mi(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(jalr_site)), (int32_t)s->site);
            x86_mov_ri(b, X86_RAX, RV_EXIT_JALR);
            x86_jmp_rel32(b, ctx->cache->leave);
            break;
        }
    }
}

/* The first translation from a writable page makes it a code page: store
 * slots that cover it are emptied, so stores to it reach the slow path
 * (which invalidates). Slots of read-only pages never served a store.
 * Other threads drop all their slots when they next pass the dispatcher,
 * within one block (exit_req): until then a store of theirs may change the
 * code unseen, which RISC-V allows until the running hart's fence.i. */
static void note_code_page(struct tr_cache *c, struct rv_cpu *cpu, uint64_t addr)
{
    struct mmu *m = &cpu->proc->mmu;
    uint64_t page = addr & ~(MMU_PAGE_SIZE - 1);
    if (!mmu_code_mark(m, page) || !mmu_check(m, page, 1, MMU_W))
        return;
    for (struct rv_cpu *o = c->cpus; o; o = o->next_cpu)
        if (o != cpu) {
            o->flush_req = 1;
            o->exit_req = 1;
        }
    tlb_flush(cpu);
    for (uint32_t i = 0; i < c->n_sites; i++) {
        struct ic_mem_slot *s = &cpu->mem_slots[i];
        if (s->span && s->lower < page + MMU_PAGE_SIZE && page < s->lower + s->span + 8)
            s->span = 0;
    }
}

static bool is_access_stub(int kind)
{
    return kind == TR_STUB_LOAD || kind == TR_STUB_STORE || kind == TR_STUB_ACCESS;
}

/* Memory stubs resume at the host access (a store first reads its value),
 * so an access is found as the last one starting at or before a fault. */
static void record_accesses(const struct tr_ctx *ctx, struct tr_block *blk)
{
    uint32_t n = 0;
    for (int i = 0; i < ctx->n_stubs; i++)
        n += is_access_stub(ctx->stubs[i].kind);
    blk->access = n ? malloc(n * sizeof *blk->access) : NULL;
    if (!blk->access)
        return;   /* a host fault in this block then counts as rvdbt's */
    for (int i = 0; i < ctx->n_stubs; i++) {
        const struct tr_stub *s = &ctx->stubs[i];
        if (is_access_stub(s->kind)) {
            struct tr_access *a = &blk->access[blk->n_access++];
            *a = (struct tr_access){ .host_off = (uint32_t)(s->resume - blk->host),
                                     .guest_off = (uint32_t)(s->pc - blk->pc) };
            for (int r = 0; r < 32; r++)
                if ((s->fdirty >> r & 1))
                    a->fdirty[ctx->fhost[r] - 8] = (uint8_t)(r + 1);
            for (int k = 0; k < TR_N_LOCAL; k++)
                for (int r = 1; r < 32; r++)
                    if ((s->dirty >> r & 1) && ctx->host_of[r] == tr_local_pool[k])
                        a->dirty[k] = (uint8_t)r;
        }
    }
}

#define TR_MAX_HEAD_PAD 28

/* Room a block may need at most: every instruction's code plus its stub,
 * and a loop's unchecked copy. */
#define TR_BLOCK_ROOM ((TR_MAX_INSNS + TR_MAX_LOOP) * 160 + 4096)

/* What translating a run changes in the context: saved for a loop's second
 * copy and for each forward branch inside a run. */
struct run_state {
    uint32_t known, loaded, dirty, floaded, fdirty;
    uint8_t frm_known;
    uint64_t known_val[32];
};

static void save_state(const struct tr_ctx *ctx, struct run_state *st)
{
    st->known = ctx->known;
    st->loaded = ctx->loaded;
    st->dirty = ctx->dirty;
    st->floaded = ctx->floaded;
    st->fdirty = ctx->fdirty;
    st->frm_known = ctx->frm_known;
    memcpy(st->known_val, ctx->known_val, sizeof st->known_val);
}

static void restore_state(struct tr_ctx *ctx, const struct run_state *st)
{
    ctx->known = st->known;
    ctx->loaded = st->loaded;
    ctx->dirty = st->dirty;
    ctx->floaded = st->floaded;
    ctx->fdirty = st->fdirty;
    ctx->frm_known = st->frm_known;
    memcpy(ctx->known_val, st->known_val, sizeof st->known_val);
    ctx->end = false;
}

/* A branch forward to a later instruction of the run jumps there inside the
 * block; the state its path brings waits for that instruction. */
struct join {
    uint64_t pc;
    uint8_t *jcc;
    struct run_state st;
};
#define MAX_JOINS 16

struct joins {
    int n;
    struct join j[MAX_JOINS];
};

static bool joins_at(const struct joins *js, uint64_t lo, uint64_t hi)
{
    for (int i = 0; i < js->n; i++)
        if (js->j[i].pc >= lo && js->j[i].pc <= hi)
            return true;
    return false;
}

/* The paths that meet at pc (the one falling through and the joins waiting
 * there) agree on what is loaded: the locals loaded on all of
 * them. A path with more stores the dirty ones among the extra first (the
 * fall-through in line, a jump through a TR_STUB_JOIN); the rest of dirty
 * is the union, which only costs a store of an unchanged value at an exit.
 * Constants stay known where every path knows the same value. */
static bool join_here(struct tr_ctx *ctx, struct joins *js, uint64_t pc)
{
    struct join *in[MAX_JOINS];
    int k = 0;
    for (int i = 0; i < js->n; i++)
        if (js->j[i].pc == pc)
            in[k++] = &js->j[i];
    if (!k)
        return false;
    uint32_t loaded = ctx->loaded, floaded = ctx->floaded;
    for (int i = 0; i < k; i++) {
        loaded &= in[i]->st.loaded;
        floaded &= in[i]->st.floaded;
    }
    tr_store_locals(ctx, ctx->dirty & ~loaded);
    tr_store_flocals(ctx, ctx->fdirty & ~floaded);
    ctx->loaded = loaded;
    ctx->floaded = floaded;
    ctx->dirty &= loaded;
    ctx->fdirty &= floaded;
    uint64_t here = x86_here(ctx->b);
    for (int i = 0; i < k; i++) {
        const struct run_state *st = &in[i]->st;
        uint32_t extra = st->dirty & ~loaded, fextra = st->fdirty & ~floaded;
        if (extra || fextra) {
            struct tr_stub *s = tr_add_stub(ctx, TR_STUB_JOIN, pc, in[i]->jcc);
            s->dirty = extra;
            s->fdirty = fextra;
            s->resume = here;
        } else {
            x86_patch_rel32(in[i]->jcc, ctx->b->exec_delta, here);
        }
        ctx->dirty |= st->dirty & loaded;
        ctx->fdirty |= st->fdirty & floaded;
        uint32_t same = st->known;
        for (int r = 0; r < 32; r++)
            if ((same >> r & 1) && st->known_val[r] != ctx->known_val[r])
                same &= ~(1u << r);
        ctx->known &= same;
        if (st->frm_known < ctx->frm_known)
            ctx->frm_known = st->frm_known;
    }
    int m = 0;
    for (int i = 0; i < js->n; i++)
        if (js->j[i].pc != pc)
            js->j[m++] = js->j[i];
    js->n = m;
    return true;
}

/* Forward branches still waiting when the run ends leave the block. Their
 * rel32 was not placed for patching in place: the exit chains a jmp of its
 * stub's. */
static void joins_leave(struct tr_ctx *ctx, struct joins *js)
{
    for (int i = 0; i < js->n; i++) {
        struct tr_stub *s = tr_add_stub(ctx, TR_STUB_EXIT, js->j[i].pc, js->j[i].jcc);
        s->dirty = js->j[i].st.dirty;
        s->loaded = js->j[i].st.loaded;
        s->fdirty = js->j[i].st.fdirty;
        s->floaded = js->j[i].st.floaded;
        s->unaligned = true;
    }
    js->n = 0;
}

/* Translate f[*n] and on while the block goes on, up to f[stop - 1];
 * false when the slot numbers ran out. The second half of a fused pair is
 * translated with the first and skipped where it stands. */
static bool translate_run(struct tr_ctx *ctx, struct rv_cpu *cpu, const struct tr_fetched *f, uint32_t stop,
                          uint32_t *n, uint64_t *pc)
{
    uint64_t done[TR_MAX_INSNS / 64] = { 0 };
    uint32_t first = *n;
    struct joins js = { 0 };
    while (!ctx->end && *n < stop) {
        const struct rv_insn in = f[*n].in;
        note_code_page(ctx->cache, cpu, *pc);
        note_code_page(ctx->cache, cpu, *pc + in.len - 1);
        bool joined = join_here(ctx, &js, *pc);
        if (done[*n / 64] >> (*n % 64) & 1) {
            *pc += in.len;
            (*n)++;
            continue;
        }
        ctx->pc = *pc;
        ctx->idx = (int)*n;
        ctx->low_only = ctx->rd_low[*n / 64] >> (*n % 64) & 1;
        ctx->next_pc = *pc + in.len;
        ctx->rd_known = false;
        /* A block-local register is loaded before the first instruction
         * that reads it, on the path that reaches it; one the instruction
         * writes holds its value from then on. */
        uint32_t reads, writes, freads, fwrites, skip_x = 0, skip_f = 0;
        rv_x_operands(&in, &reads, &writes);
        rv_f_operands(&in, &freads, &fwrites);
        int m = js.n < MAX_JOINS ? tr_forward_index(f, *n, stop, *pc) : -1;
        /* out of the loop it is an exit: joining after the loop would
         * bring the loop's dirty locals to the code there */
        if ((int)*n < ctx->loop_end && m > ctx->loop_end)
            m = -1;
        if (m >= 0) {
            ctx->fwd_target = *pc + (uint64_t)in.imm;
            tr_skipped_operands(f, *n, m, stop, &skip_x, &skip_f);
        }
        /* fused instructions run where the first stands: no path may enter
         * between them */
        bool bracket = *n > first && *n + 1 < stop && f[*n - 1].ok && f[*n].ok && f[*n + 1].ok &&
                       !joined && !joins_at(&js, *pc + in.len, *pc + in.len) &&
                       tr_fflags_bracket(ctx, &f[*n - 1].in, &in, &f[*n + 1].in);
        int j = bracket ? -1 : tr_partner(f, *n, stop, done);
        if (j >= 0) {
            uint64_t pc_j = *pc;
            for (int i = (int)*n; i < j; i++)
                pc_j += f[i].in.len;
            if (joins_at(&js, *pc + 1, pc_j))
                j = -1;
        }
        if (j >= 0) {
            uint32_t r2, w2;
            rv_x_operands(&f[j].in, &r2, &w2);
            reads |= r2 & ~writes;
            writes |= w2;
        }
        tr_load_locals(ctx, (reads | skip_x) & ctx->locals & ~ctx->loaded);
        ctx->loaded |= (reads | writes | skip_x) & ctx->locals;
        tr_load_flocals(ctx, (freads | skip_f) & ctx->flocals & ~ctx->floaded);
        ctx->floaded |= (freads | fwrites | skip_f) & ctx->flocals;
        ctx->dirty_at_insn = ctx->dirty;
        ctx->fdirty_at_insn = ctx->fdirty;
        if (ctx->cache->debug_crash_pc && *pc == ctx->cache->debug_crash_pc) {
            /* an access record makes the crash report's registers exact */
            tr_add_stub(ctx, TR_STUB_ACCESS, *pc, NULL)->resume = x86_here(ctx->b);
            x86_ud2(ctx->b);
        }
        if (!f[*n].ok)
            emit_illegal(ctx, f[*n].word);
        else if (j >= 0)
            tr_fused(ctx, &in, &f[j].in);
        else if (bracket)
            tr_fcmp_bracketed(ctx, &in);
        else if (!tr_table[in.op](ctx, &in))
            break;
        if (!ctx->rd_known)
            ctx->known &= ~(1u << in.rd);
        ctx->known &= ~1u;
        if (ctx->sites_exhausted)
            return false;
        if (ctx->fwd_jcc) {
            struct join *jn = &js.j[js.n++];
            jn->pc = ctx->fwd_target;
            jn->jcc = ctx->fwd_jcc;
            save_state(ctx, &jn->st);
            ctx->fwd_jcc = NULL;
        }
        ctx->fwd_target = 0;
        if (j >= 0)
            done[j / 64] |= 1ull << (j % 64);
        if (bracket)
            done[(*n + 1) / 64] |= 1ull << ((*n + 1) % 64);
        *pc += in.len;
        (*n)++;
    }
    ctx->fwd_target = 0;
    joins_leave(ctx, &js);
    return true;
}

/* The loop f[0..loop_end] as tr_loop.c lays it out: the check at the loop
 * head, the unchecked copy, the checked one. False if the unchecked copy
 * stopped before the loop's end (an instruction that cannot be translated):
 * the block is then translated without it. */
static bool translate_loop(struct tr_ctx *ctx, struct rv_cpu *cpu, const struct tr_fetched *f, int loop_end,
                           uint32_t *n, uint64_t *pc)
{
    struct x86_buf *b = ctx->b;
    uint8_t *to_checked[TR_MAX_HOIST];
    uint64_t start_pc = *pc;
    /* The first trip runs checked: a loop left within it pays no check. */
    uint8_t *to_first = x86_jmp_rel32(b, 0);
    uint64_t head = ctx->loop_head = x86_here(b);
    tr_loop_check(ctx, to_checked);
    ctx->loop_head = x86_here(b);
    uint8_t *to_recheck = tr_loop_fast_head(ctx);
    /* A trip starts here (unchecked) or at the checked copy, the first one
     * included: each counts once. */
    tr_probe(ctx, TR_PROBE_BLOCK, false, ctx->start, TR_PROBE_NONE);
    struct run_state st;
    save_state(ctx, &st);
    ctx->unchecked = true;
    if (!translate_run(ctx, cpu, f, (uint32_t)loop_end + 1, n, pc))
        return true;   /* slots ran out: retried after a flush */
    ctx->unchecked = false;
    if (*n != (uint32_t)loop_end + 1)
        return false;
    uint8_t *to_rest = ctx->end ? NULL : x86_jmp_rel32(b, 0);
    restore_state(ctx, &st);
    /* in the state of the loop's start, as the stub that leaves there */
    x86_patch_rel32(to_recheck, b->exec_delta, x86_here(b));
    x86_alu_mi(b, X86_CMP, X86_W32, X86_MEM(TR_CPU, RV_OFF(exit_req)), 0);
    tr_add_stub(ctx, TR_STUB_INTR, ctx->start, x86_jcc_rel32(b, X86_CC_NE, 0));
    x86_jmp_rel32(b, head);
    ctx->loop_head = head;
    for (int k = 0; k < ctx->n_hoist; k++)
        x86_patch_rel32(to_checked[k], b->exec_delta, x86_here(b));
    x86_patch_rel32(to_first, b->exec_delta, x86_here(b));
    tr_probe(ctx, TR_PROBE_BLOCK, false, ctx->start, TR_PROBE_NONE);
    *n = 0;
    *pc = start_pc;
    if (translate_run(ctx, cpu, f, (uint32_t)loop_end + 1, n, pc) && to_rest)
        x86_patch_rel32(to_rest, b->exec_delta, x86_here(b));
    return true;
}

static struct tr_block *translate_once(struct tr_cache *c, struct rv_cpu *cpu, uint64_t pc, bool *retry,
                                       unsigned head_pad, bool *crosses, bool hoist, bool *unhoist)
{
    struct x86_buf b;
    x86_buf_init(&b, c->rw + c->used, c->base + c->window - c->used, c->exec_delta);
    struct tr_ctx ctx = { .b = &b, .cache = c, .opt = &cpu->proc->opt };
    uint64_t host = x86_here(&b);
    uint64_t start = pc;
    uint32_t n = 0;

    *retry = false;
    *crosses = false;
    *unhoist = false;
    bool hoisted = false;
    uint32_t sites0 = c->n_sites;
    /* A thread asked to stop (a signal for it, a flush by another thread)
     * leaves here. The dispatcher, jalr tables and backward chained exits
     * enter a block at host, through the check; forward chained exits at
     * host_fwd, after it. Every cycle of control flow has a backward or an
     * indirect transfer, so a running thread stops within one trip round
     * any loop, and straight-line chains pay nothing. */
    struct tr_fetched fetched[TR_MAX_INSNS];
    uint32_t n_fetched = tr_fetch_block(cpu, pc, fetched);
    if (n_fetched == 0)
        return NULL;   /* tlb_fetch set cpu->fault_addr */
    /* a block traced as it runs (tr_probe.h) has no loop inside */
    int loop_end = c->exec_call ? -1 : tr_last_back_edge(fetched, n_fetched, pc);
    ctx.loop_end = loop_end;
    tr_low_halves(fetched, n_fetched, ctx.rd_low);
    tr_choose_locals(&ctx, fetched, n_fetched, loop_end);
    tr_choose_flocals(&ctx, fetched, n_fetched, loop_end);
    ctx.start = pc;
    ctx.probe_block = c->probes.counter ? c->probes.counter(c->probes.arg, TR_PROBE_BLOCK, pc) : TR_PROBE_NONE;
    x86_alu_mi(&b, X86_CMP, X86_W32, X86_MEM(TR_CPU, RV_OFF(exit_req)), 0);
    tr_add_stub(&ctx, TR_STUB_INTR, pc, x86_jcc_rel32(&b, X86_CC_NE, 0));
    uint64_t host_fwd = x86_here(&b);
    /* A block counts each time its first instruction runs: at its loop's
     * head if it has one (every trip), else here. */
    if (loop_end < 0)
        tr_probe(&ctx, TR_PROBE_BLOCK, false, pc, TR_PROBE_NONE);
    if (loop_end >= 0) {
        /* The locals the loop names are in their registers at its head,
         * and any it writes may be dirty there (the back edge brings the
         * values of the last trip). Those only used after the loop load
         * as usual. */
        uint32_t used = 0, written = 0, fused = 0, fwritten = 0;
        for (int i = 0; i <= loop_end; i++) {
            uint32_t rd, wr;
            rv_x_operands(&fetched[i].in, &rd, &wr);
            used |= rd | wr;
            written |= wr;
            rv_f_operands(&fetched[i].in, &rd, &wr);
            fused |= rd | wr;
            fwritten |= wr;
        }
        tr_load_locals(&ctx, used & ctx.locals);
        ctx.loaded = used & ctx.locals;
        ctx.dirty = written & ctx.locals;
        tr_load_flocals(&ctx, fused & ctx.flocals);
        ctx.floaded = fused & ctx.flocals;
        ctx.fdirty = fwritten & ctx.flocals;
        x86_nops(&b, head_pad);
        ctx.loop_head = x86_here(&b);
        hoisted = hoist && tr_loop_plan(&ctx, fetched, loop_end);
        /* a loop with checks hoisted counts its trips in translate_loop */
        if (!hoisted)
            tr_probe(&ctx, TR_PROBE_BLOCK, false, pc, TR_PROBE_NONE);
        if (ctx.sites_exhausted) {
            *retry = true;
            return NULL;
        }
    }
    if (hoisted && !translate_loop(&ctx, cpu, fetched, loop_end, &n, &pc)) {
        *unhoist = true;
        c->n_sites = sites0;
        return NULL;
    }
    if (!ctx.sites_exhausted)
        translate_run(&ctx, cpu, fetched, n_fetched, &n, &pc);
    if (ctx.sites_exhausted) {
        *retry = true;
        return NULL;
    }
    if (!ctx.end)
        tr_exit_pc(&ctx, pc);
    *crosses = ctx.edge_crosses;
    if (ctx.edge_crosses && head_pad < TR_MAX_HEAD_PAD) {
        c->n_sites = sites0;   /* nothing refers to them yet */
        return NULL;
    }
    emit_stubs(&ctx);
    if (b.overflow) {
        *retry = true;
        return NULL;
    }
    struct tr_block tmpl = {
        .pc = start, .host = host, .host_fwd = host_fwd, .guest_len = (uint32_t)(pc - start),
        .host_len = (uint32_t)(b.p - (c->rw + c->used)), .n_insns = n, .probe = ctx.probe_block,
    };
    struct tr_block *blk = tr_cache_insert(c, &tmpl);
    if (!blk) {
        *retry = true;
        return NULL;
    }
    record_accesses(&ctx, blk);
    c->used += blk->host_len;
    tr_jtab_set(c, blk);
    c->host_bytes += blk->host_len;
    cpu->cnt.blocks_translated++;
    cpu->cnt.guest_insns_translated += n;
    if (c->probes.translated)
        c->probes.translated(c->probes.arg, cpu, blk);
    return blk;
}

struct tr_block *tr_translate(struct tr_cache *c, struct rv_cpu *cpu, uint64_t pc, bool *full)
{
    bool retry;
    /* Out of code memory, block records or slot numbers: the caller flushes
     * and asks again. A block always fits an empty cache. */
    *full = c->base + c->window - c->used < TR_BLOCK_ROOM;
    if (*full)
        return NULL;
    struct timespec t0, t1;
    uint32_t where = cpu->prof_where;
    cpu->prof_where = TR_WHERE_TRANSLATE;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* A loop's back edge that crosses a 32-byte boundary (tr_note_jump)
     * moves by translating again with nops before the loop head, which run
     * once per entry, not per trip. */
    struct tr_block *blk;
    bool crosses, hoist = true, unhoist;
    unsigned pad = 0;
    while (!(blk = translate_once(c, cpu, pc, &retry, pad, &crosses, hoist, &unhoist)) && !retry &&
           (crosses || unhoist)) {
        if (unhoist)
            hoist = false;
        else
            pad += 4;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    cpu->cnt.translate_ns += (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec));
    cpu->prof_where = where;
    *full = retry;
    return blk;
}
