/* Bare mode's traps and privilege changes: exception and interrupt entry
 * with delegation, mret/sret, wfi, sfence.vma, and the bookkeeping that keeps
 * translations and inline-cache slots true to the privilege and address
 * space they were made in.
 *
 * Translations are keyed by guest pc alone, and slots hold one address
 * range each, so both belong to one "regime" (struct rv_regime): physical, or
 * Sv39 at a given privilege under a given satp (with SUM/MXR for data, and
 * whether the FPU is on for code, since F/D instructions translate to illegal
 * while mstatus.FS is Off). Everything that can change a regime happens
 * here, in the dispatcher, outside translated code: a trap, an xRET, a CSR
 * write, sfence.vma. After each, sync() compares the regimes with the ones
 * in force and flushes the code cache (fetch regime changed) or empties the
 * slots (data regime changed). A pair of privileges that both use physical
 * addresses (M and U with satp Bare, as riscv-tests' "p" environment runs)
 * share one regime, so their traps flush nothing. */
#include <string.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr.h"
#include "translator/tr_cache.h"
#include "translator/tr_exec.h"
#include "translator/tr_priv.h"

static const uint8_t op_ext[RV_OP_COUNT] = {
#define X(name, text, fmt, mask, match, ext) [RV_OP_##name] = ext,
    RV_INSN_LIST(X)
#undef X
};

bool priv_insn_enabled(const struct rv_cpu *cpu, const struct rv_insn *in)
{
    if (!cpu->priv.bare || (cpu->priv.mstatus & MSTATUS_FS))
        return true;
    return op_ext[in->op] != RV_EXT_F && op_ext[in->op] != RV_EXT_D;
}

void tr_priv_exit(struct tr_ctx *ctx, const struct rv_insn *in)
{
    x86_mov_mi(ctx->b, X86_W32, X86_MEM(TR_CPU, RV_OFF(fault_insn)), (int32_t)in->raw);
    tr_exit_const(ctx, ctx->opt->bare ? RV_EXIT_PRIV : RV_EXIT_ILLEGAL, ctx->pc);
    ctx->end = true;
}

bool tr_mret(struct tr_ctx *ctx, const struct rv_insn *in) { tr_priv_exit(ctx, in); return true; }
bool tr_sret(struct tr_ctx *ctx, const struct rv_insn *in) { tr_priv_exit(ctx, in); return true; }
bool tr_wfi(struct tr_ctx *ctx, const struct rv_insn *in) { tr_priv_exit(ctx, in); return true; }
bool tr_sfence_vma(struct tr_ctx *ctx, const struct rv_insn *in) { tr_priv_exit(ctx, in); return true; }

static struct rv_regime fetch_regime(const struct rv_priv *p)
{
    struct rv_regime r = { .prv = PRV_M, .flags = (p->mstatus & MSTATUS_FS) != 0 };
    if (priv_paged(p, p->prv)) {
        r.prv = p->prv;
        r.satp = p->satp;
    }
    return r;
}

static struct rv_regime data_regime(const struct rv_priv *p)
{
    struct rv_regime r = { .prv = PRV_M };
    unsigned prv = priv_data_prv(p);
    if (priv_paged(p, prv)) {
        r.prv = prv;
        r.satp = p->satp;
        r.flags = (uint32_t)((p->mstatus & (MSTATUS_SUM | MSTATUS_MXR)) >> 18);
    }
    return r;
}

static bool same_regime(struct rv_regime a, struct rv_regime b)
{
    return a.satp == b.satp && a.prv == b.prv && a.flags == b.flags;
}

static void empty_slots(struct rv_cpu *cpu)
{
    memset(cpu->mem_slots, 0, (size_t)cpu->proc->cache->n_sites * sizeof cpu->mem_slots[0]);
}

static void trap(struct rv_cpu *cpu, uint64_t cause, uint64_t tval);

/* Interrupts rvdbt can raise are the ones software sets in mip (no timer
 * or interrupt controller is modelled), so they become pending or enabled
 * only through what ends in sync(): checking here is exact. Priority order:
 * MEI, MSI, MTI, SEI, SSI, STI. */
static void take_interrupt(struct rv_cpu *cpu)
{
    static const int order[] = { 11, 3, 7, 9, 1, 5 };
    struct rv_priv *p = &cpu->priv;
    uint64_t pending = p->mip & p->mie;
    if (!pending)
        return;
    bool m_on = p->prv < PRV_M || (p->mstatus & MSTATUS_MIE);
    bool s_on = p->prv < PRV_S || (p->prv == PRV_S && (p->mstatus & MSTATUS_SIE));
    uint64_t take = m_on ? pending & ~p->mideleg : 0;
    if (!take && s_on)
        take = pending & p->mideleg;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (take >> order[i] & 1) {
            trap(cpu, CAUSE_INTERRUPT | (uint64_t)order[i], 0);
            return;
        }
}

static void sync(struct rv_cpu *cpu)
{
    struct rv_priv *p = &cpu->priv;
    struct rv_regime f = fetch_regime(p), d = data_regime(p);
    if (!same_regime(f, p->code)) {
        tr_cache_flush(cpu->proc->cache);     /* empties the slots too */
        p->code = f;
        p->data = d;
    } else if (!same_regime(d, p->data)) {
        empty_slots(cpu);
        p->data = d;
    }
    take_interrupt(cpu);
}

/* Trap entry: to S-mode when the trap happens below M and medeleg/mideleg
 * delegates it, else to M-mode. An interrupt goes to base + 4 * cause when
 * the vector is in vectored mode; exceptions always go to base. */
static void trap(struct rv_cpu *cpu, uint64_t cause, uint64_t tval)
{
    struct rv_priv *p = &cpu->priv;
    bool irq = cause & CAUSE_INTERRUPT;
    uint64_t deleg = irq ? p->mideleg : p->medeleg;
    uint64_t code = cause & 63, vec;

    cpu->res_valid = 0;
    if (p->prv <= PRV_S && (deleg >> code & 1)) {
        p->scause = cause;
        p->sepc = cpu->pc;
        p->stval = tval;
        uint64_t m = p->mstatus & ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE);
        if (p->prv == PRV_S)
            m |= MSTATUS_SPP;
        if (p->mstatus & MSTATUS_SIE)
            m |= MSTATUS_SPIE;
        p->mstatus = m;
        p->prv = PRV_S;
        vec = p->stvec;
    } else {
        p->mcause = cause;
        p->mepc = cpu->pc;
        p->mtval = tval;
        uint64_t m = p->mstatus & ~(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE);
        m |= (uint64_t)p->prv << 11;
        if (p->mstatus & MSTATUS_MIE)
            m |= MSTATUS_MPIE;
        p->mstatus = m;
        p->prv = PRV_M;
        vec = p->mtvec;
    }
    cpu->pc = (vec & ~3ull) + ((vec & 1) && irq ? 4 * code : 0);
    sync(cpu);
}

/* mret/sret: back to the saved privilege with the saved interrupt enable;
 * leaving M-mode clears MPRV. */
static bool mret(struct rv_cpu *cpu)
{
    struct rv_priv *p = &cpu->priv;
    if (p->prv != PRV_M)
        return false;
    unsigned to = (unsigned)(p->mstatus >> 11) & 3;
    uint64_t m = p->mstatus & ~(MSTATUS_MIE | MSTATUS_MPP);
    if (p->mstatus & MSTATUS_MPIE)
        m |= MSTATUS_MIE;
    m |= MSTATUS_MPIE;
    if (to != PRV_M)
        m &= ~MSTATUS_MPRV;
    p->mstatus = m;
    p->prv = to;
    cpu->pc = p->mepc;
    return true;
}

static bool sret(struct rv_cpu *cpu)
{
    struct rv_priv *p = &cpu->priv;
    if (p->prv == PRV_U || (p->prv == PRV_S && (p->mstatus & MSTATUS_TSR)))
        return false;
    unsigned to = p->mstatus & MSTATUS_SPP ? PRV_S : PRV_U;
    uint64_t m = p->mstatus & ~(MSTATUS_SIE | MSTATUS_SPP | MSTATUS_MPRV);
    if (p->mstatus & MSTATUS_SPIE)
        m |= MSTATUS_SIE;
    m |= MSTATUS_SPIE;
    p->mstatus = m;
    p->prv = to;
    cpu->pc = p->sepc;
    return true;
}

/* wfi waits for nothing (no interrupt can arrive while it waits: see
 * take_interrupt). Like QEMU, it is illegal in U-mode, and in S-mode under
 * mstatus.TW, rather than completing "within a bounded time". */
static bool wfi(struct rv_cpu *cpu)
{
    struct rv_priv *p = &cpu->priv;
    if (p->prv == PRV_U || (p->prv == PRV_S && (p->mstatus & MSTATUS_TW)))
        return false;
    cpu->pc += 4;
    return true;
}

/* Whatever its operands, sfence.vma drops every cached translation: the TLB,
 * slots filled from page walks and, when instructions are fetched through
 * the page tables, the code cache. */
static bool sfence_vma(struct rv_cpu *cpu)
{
    struct rv_priv *p = &cpu->priv;
    if (p->prv == PRV_U || (p->prv == PRV_S && (p->mstatus & MSTATUS_TVM)))
        return false;
    tlb_bare_flush(cpu);
    if (p->code.prv != PRV_M)
        tr_cache_flush(cpu->proc->cache);
    else if (p->data.prv != PRV_M)
        empty_slots(cpu);
    cpu->pc += 4;
    return true;
}

static void exec(struct rv_cpu *cpu)
{
    uint32_t raw = cpu->fault_insn;
    struct rv_insn in;
    bool ok;
    rv_decode(raw, &in);     /* an undecodable word is op illegal: the default */
    switch (in.op) {
    case RV_OP_csrrw: case RV_OP_csrrs: case RV_OP_csrrc:
    case RV_OP_csrrwi: case RV_OP_csrrsi: case RV_OP_csrrci:
        ok = priv_csr(cpu, raw);
        if (ok)
            cpu->pc += 4;
        break;
    case RV_OP_mret: ok = mret(cpu); break;
    case RV_OP_sret: ok = sret(cpu); break;
    case RV_OP_wfi: ok = wfi(cpu); break;
    case RV_OP_sfence_vma: ok = sfence_vma(cpu); break;
    default: ok = false; break;
    }
    if (ok)
        sync(cpu);
    else
        trap(cpu, CAUSE_ILLEGAL, raw);
}

bool priv_exit(struct rv_cpu *cpu, int why)
{
    static const uint64_t ecall_cause[4] = { CAUSE_ECALL_U, CAUSE_ECALL_S, 0, CAUSE_ECALL_M };
    switch (why) {
    case RV_EXIT_ECALL: trap(cpu, ecall_cause[cpu->priv.prv], 0); return true;
    case RV_EXIT_EBREAK: trap(cpu, CAUSE_BREAKPOINT, cpu->pc); return true;
    case RV_EXIT_ILLEGAL: trap(cpu, CAUSE_ILLEGAL, cpu->fault_insn); return true;
    case RV_EXIT_PRIV: exec(cpu); return true;
    default: return false;
    }
}

void priv_raise(struct rv_cpu *cpu)
{
    trap(cpu, cpu->priv.trap_cause, cpu->priv.trap_tval);
}

/* Bare mode's loop: everything tr_exec returns for is a trap or a
 * privileged instruction (a fetch that faults has set trap_cause); traps
 * raised by slow paths (tlb_trap) arrive through fault_jmp. */
_Noreturn void priv_run(struct rv_cpu *cpu)
{
    if (sigsetjmp(cpu->fault_jmp, 1)) {
        tr_exec_landed(cpu);
        priv_raise(cpu);
    }
    for (;;) {
        int why = tr_exec(cpu);
        if (why == RV_EXIT_FETCH)
            priv_raise(cpu);
        else
            priv_exit(cpu, why);
    }
}

void priv_reset(struct rv_cpu *cpu, uint64_t entry, uint64_t tohost, uint64_t fromhost)
{
    struct rv_priv *p = &cpu->priv;
    memset(p, 0, sizeof *p);
    p->bare = 1;
    p->prv = PRV_M;
    p->mstatus = 2ull << 32 | 2ull << 34;            /* UXL = SXL = 64 bits */
    p->code = fetch_regime(p);
    p->data = data_regime(p);
    p->tohost = tohost;
    p->fromhost = fromhost;
    tlb_bare_flush(cpu);
    cpu->pc = entry;
}
