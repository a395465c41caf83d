/* ecall, ebreak, fences and Zicsr. CSR accesses are rare and go through one C
 * helper; ecall/ebreak/fence.i leave the block for the dispatcher. In bare
 * mode CSR accesses leave it too (tr_priv.c carries them out). */
#include <time.h>
#include <x86intrin.h>
#include "linux/proc.h"
#include "translator/fp_mxcsr.h"
#include "translator/tr.h"
#include "translator/tr_priv.h"

enum { CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
       CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02 };

/* Linux reports a 10 MHz timebase for the time CSR on the usual riscv64
 * platforms (riscv,timebase-frequency); cycle and instret have no exact
 * meaning for translated code and count host time-stamp ticks. */
uint64_t tr_csr_read_user(struct rv_cpu *cpu, unsigned csr, bool *ok)
{
    struct timespec ts;
    *ok = true;
    switch (csr) {
    case CSR_FFLAGS: return cpu->fflags;
    case CSR_FRM: return cpu->frm;
    case CSR_FCSR: return cpu->frm << 5 | cpu->fflags;
    case CSR_TIME:
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100;
    case CSR_CYCLE:
    case CSR_INSTRET: return __rdtsc();
    default: *ok = false; return 0;
    }
}

bool tr_csr_write_user(struct rv_cpu *cpu, unsigned csr, uint64_t v)
{
    switch (csr) {
    case CSR_FFLAGS: cpu->fflags = v & 0x1f; return true;
    case CSR_FRM: cpu->frm = v & 7; return true;
    case CSR_FCSR: cpu->fflags = v & 0x1f; cpu->frm = (v >> 5) & 7; return true;
    default: return false;   /* unknown or read-only */
    }
}

/* The whole of csrrw/csrrs/csrrc and their immediate forms, from the raw
 * encoding. Returns nonzero for an illegal access. csrrw with rd = x0 does not
 * read; csrrs/csrrc with rs1 = x0 (or uimm 0) do not write. */
static int csr_helper(struct rv_cpu *cpu, uint32_t raw)
{
    unsigned rd = (raw >> 7) & 31, funct3 = (raw >> 12) & 7, rs1 = (raw >> 15) & 31, csr = raw >> 20;
    uint64_t src = funct3 & 4 ? rs1 : cpu->x[rs1];
    bool ok = true, writes = (funct3 & 3) == 1 || rs1 != 0;
    bool fp = csr == CSR_FFLAGS || csr == CSR_FRM || csr == CSR_FCSR;
    uint64_t old = 0;
    uint32_t mxcsr = 0;

    /* Flags raised by inline arithmetic are still in MXCSR, and MXCSR
     * rounds as frm says (fp_mxcsr.h). */
    if (fp)
        mxcsr = fp_mxcsr_fold(cpu);

    if ((funct3 & 3) != 1 || rd != 0) {
        old = tr_csr_read_user(cpu, csr, &ok);
        if (!ok)
            return 1;
    }
    if (writes) {
        uint64_t v = (funct3 & 3) == 1 ? src : (funct3 & 3) == 2 ? old | src : old & ~src;
        if (!tr_csr_write_user(cpu, csr, v))
            return 1;
        if (fp)
            fp_mxcsr_update(cpu, mxcsr);
    }
    if (rd)
        cpu->x[rd] = old;
    return 0;
}

/* eax = the flags raised by inline arithmetic and not yet in cpu->fflags
 * (fp_mxcsr.h), as fflags bits. */
static void emit_pending_fflags(struct tr_ctx *ctx)
{
    struct x86_buf *b = ctx->b;
    x86_stmxcsr(b, X86_MEM(TR_CPU, RV_OFF(guest_mxcsr)));
    x86_mov_rm(b, X86_W32, X86_RAX, X86_MEM(TR_CPU, RV_OFF(guest_mxcsr)));
    x86_alu_ri(b, X86_AND, X86_W32, X86_RAX, FP_MXCSR_FLAGS);
    x86_movzx_rm8(b, X86_RAX, X86_MEM_IDX(TR_CPU, X86_RAX, 1, RV_OFF(fflags_of_mxcsr)));
}

/* frflags rd: cpu->fflags | the flags pending in MXCSR. */
static void emit_frflags(struct tr_ctx *ctx, const struct rv_insn *in)
{
    emit_pending_fflags(ctx);
    x86_alu_rm(ctx->b, X86_OR, X86_W32, X86_RAX, X86_MEM(TR_CPU, RV_OFF(fflags)));
    tr_put_x(ctx, in->rd, X86_RAX);
}

/* fsflags rs: a plain store while every flag still pending in MXCSR is
 * among those written (then they may stay: fflags only accrues); one the
 * write clears must leave MXCSR, which the helper does. gcc brackets quiet
 * comparisons with frflags/fsflags of the same value, which stay inline. */
static void emit_fsflags(struct tr_ctx *ctx, const struct rv_insn *in)
{
    struct x86_buf *b = ctx->b;
    tr_get_x(ctx, X86_RCX, in->rs1);
    x86_alu_ri(b, X86_AND, X86_W32, X86_RCX, 0x1f);
    emit_pending_fflags(ctx);
    x86_mov_rr(b, X86_W32, X86_RDX, X86_RCX);
    x86_unary_r(b, X86_NOT, X86_W32, X86_RDX);
    x86_test_rr(b, X86_W32, X86_RAX, X86_RDX);
    struct tr_stub *s = tr_add_stub(ctx, TR_STUB_HELPER, ctx->pc, x86_jcc_rel32(b, X86_CC_NE, 0));
    x86_mov_mr(b, X86_W32, X86_MEM(TR_CPU, RV_OFF(fflags)), X86_RCX);
    s->fn = (const void *)csr_helper;
    s->insn = in->raw;
    s->resume = x86_here(b);
}

static bool is_frflags(const struct rv_insn *in)
{
    return in->op == RV_OP_csrrs && in->csr == CSR_FFLAGS && in->rs1 == 0 && in->rd != 0;
}

static bool is_fsflags(const struct rv_insn *in)
{
    return in->op == RV_OP_csrrw && in->csr == CSR_FFLAGS && in->rd == 0;
}

bool tr_fflags_bracket(const struct tr_ctx *ctx, const struct rv_insn *prev, const struct rv_insn *cmp,
                       const struct rv_insn *next)
{
    switch (cmp->op) {
    case RV_OP_flt_s: case RV_OP_fle_s: case RV_OP_feq_s:
    case RV_OP_flt_d: case RV_OP_fle_d: case RV_OP_feq_d:
        break;
    default:
        return false;
    }
    return !ctx->opt->bare && is_frflags(prev) && is_fsflags(next) && next->rs1 == prev->rd &&
           cmp->rd != prev->rd;
}

static bool tr_csr(struct tr_ctx *ctx, const struct rv_insn *in)
{
    if (in->csr != CSR_FFLAGS)
        ctx->frm_known = 0;   /* frm may have changed */
    if (ctx->opt->bare)
        tr_priv_exit(ctx, in);
    else if (in->csr == CSR_FFLAGS && in->op == RV_OP_csrrs && in->rs1 == 0)
        emit_frflags(ctx, in);
    else if (in->csr == CSR_FFLAGS && in->op == RV_OP_csrrw && in->rd == 0)
        emit_fsflags(ctx, in);
    else
        tr_call_checked(ctx, (const void *)csr_helper, in->raw);
    return true;
}

bool tr_csrrw(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }
bool tr_csrrs(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }
bool tr_csrrc(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }
bool tr_csrrwi(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }
bool tr_csrrsi(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }
bool tr_csrrci(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_csr(ctx, in); }

bool tr_ecall(struct tr_ctx *ctx, const struct rv_insn *in)
{
    (void)in;
    tr_exit_const(ctx, RV_EXIT_ECALL, ctx->pc);
    ctx->end = true;
    return true;
}

bool tr_ebreak(struct tr_ctx *ctx, const struct rv_insn *in)
{
    (void)in;
    tr_exit_const(ctx, RV_EXIT_EBREAK, ctx->pc);
    ctx->end = true;
    return true;
}

/* x86 keeps every order RISC-V fences ask for except a store followed by a
 * load, which needs mfence. */
bool tr_fence(struct tr_ctx *ctx, const struct rv_insn *in)
{
    enum { FENCE_W = 1, FENCE_R = 2 };
    unsigned pred = (in->imm >> 4) & 15, succ = in->imm & 15;
    if ((pred & FENCE_W) && (succ & FENCE_R))
        x86_mfence(ctx->b);
    return true;
}

bool tr_fence_i(struct tr_ctx *ctx, const struct rv_insn *in)
{
    (void)in;
    tr_exit_const(ctx, RV_EXIT_FENCE_I, ctx->next_pc);
    ctx->end = true;
    return true;
}
