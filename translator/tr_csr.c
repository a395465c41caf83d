/* Bare mode's CSRs: who may access each, what a read returns and which bits
 * of a write stick (the WARL rules of the privileged spec). */
#include <x86intrin.h>
#include "softmmu/tlb.h"
#include "translator/tr_priv.h"

enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105, CSR_SCOUNTEREN = 0x106,
    CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141, CSR_SCAUSE = 0x142, CSR_STVAL = 0x143, CSR_SIP = 0x144,
    CSR_SATP = 0x180,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MCOUNTEREN = 0x306, CSR_MCOUNTINHIBIT = 0x320,
    CSR_MHPMEVENT3 = 0x323, CSR_MHPMEVENT31 = 0x33f,
    CSR_MSCRATCH = 0x340, CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPCFG2 = 0x3a2, CSR_PMPADDR0 = 0x3b0, CSR_PMPADDR15 = 0x3bf,
    CSR_MCYCLE = 0xb00, CSR_MINSTRET = 0xb02, CSR_MHPMCOUNTER3 = 0xb03, CSR_MHPMCOUNTER31 = 0xb1f,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
    CSR_HPMCOUNTER3 = 0xc03, CSR_HPMCOUNTER31 = 0xc1f,
    CSR_MVENDORID = 0xf11, CSR_MARCHID = 0xf12, CSR_MIMPID = 0xf13, CSR_MHARTID = 0xf14,
    CSR_MCONFIGPTR = 0xf15,
};

/* RV64 (MXL = 2) with I, M, A, F, D, C, and S and U modes. */
#define MISA (2ull << 62 | 1u << ('a' - 'a') | 1u << ('c' - 'a') | 1u << ('d' - 'a') | \
              1u << ('f' - 'a') | 1u << ('i' - 'a') | 1u << ('m' - 'a') | 1u << ('s' - 'a') | \
              1u << ('u' - 'a'))

#define MSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | \
                          MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | \
                          MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | MSTATUS_MXR)
#define SSTATUS_VISIBLE (SSTATUS_WRITABLE | MSTATUS_UXL | MSTATUS_SD)

/* Interrupts: the supervisor ones can be delegated and written in mip; the
 * machine ones would come from devices rvdbt does not model. */
#define S_INTS 0x222ull                 /* SSIP, STIP, SEIP */
#define M_INTS 0x888ull                 /* MSIP, MTIP, MEIP */
/* Exceptions medeleg can delegate: all but ecall from M (11) and the
 * reserved 10 and 14. */
#define DELEGABLE 0xb3ffull

static uint64_t mstatus_read(const struct rv_priv *p)
{
    /* FS is Dirty whenever it is on (see mstatus_write), so SD follows it. */
    return p->mstatus | ((p->mstatus & MSTATUS_FS) == MSTATUS_FS ? MSTATUS_SD : 0);
}

/* FS records Dirty for any value but Off: the spec lets an implementation
 * report the FP state dirty although it was not written, and a clean/initial
 * state that is never observed to change would need every FP instruction to
 * update mstatus. MPP has no encoding 2 (no H mode): it becomes U. */
static void mstatus_write(struct rv_priv *p, uint64_t v)
{
    uint64_t m = (p->mstatus & ~MSTATUS_WRITABLE) | (v & MSTATUS_WRITABLE);
    if ((m & MSTATUS_MPP) == 2ull << 11)
        m &= ~MSTATUS_MPP;
    if (m & MSTATUS_FS)
        m |= MSTATUS_FS;
    p->mstatus = m;
}

/* Direct (0) and vectored (1) modes exist; the reserved modes read as the
 * one their low bit names. */
static uint64_t tvec(uint64_t v) { return v & ~2ull; }

/* cycle, time, instret and hpmcounterN below M need their bit in mcounteren,
 * and in U also in scounteren. */
static bool counter_enabled(const struct rv_priv *p, unsigned n)
{
    if (p->prv == PRV_M)
        return true;
    if (!(p->mcounteren >> n & 1))
        return false;
    return p->prv == PRV_S || (p->scounteren >> n & 1);
}

static bool tvm_blocks(const struct rv_priv *p)
{
    return p->prv == PRV_S && (p->mstatus & MSTATUS_TVM);
}

static bool csr_read(struct rv_cpu *cpu, unsigned csr, uint64_t *v)
{
    struct rv_priv *p = &cpu->priv;
    bool ok = true;
    switch (csr) {
    case CSR_FFLAGS: case CSR_FRM: case CSR_FCSR:
        if (!(p->mstatus & MSTATUS_FS))
            return false;
        *v = tr_csr_read_user(cpu, csr, &ok);
        return ok;
    case CSR_CYCLE: case CSR_TIME: case CSR_INSTRET:
    case CSR_HPMCOUNTER3 ... CSR_HPMCOUNTER31:
        if (!counter_enabled(p, csr & 31))
            return false;
        *v = 0;
        if (csr == CSR_CYCLE)
            *v = tr_csr_read_user(cpu, csr, &ok) + (uint64_t)p->cycle_delta;
        else if (csr == CSR_INSTRET)
            *v = tr_csr_read_user(cpu, csr, &ok) + (uint64_t)p->instret_delta;
        else if (csr == CSR_TIME)
            *v = tr_csr_read_user(cpu, csr, &ok);
        return ok;
    case CSR_SSTATUS: *v = mstatus_read(p) & SSTATUS_VISIBLE; return true;
    case CSR_SIE: *v = p->mie & p->mideleg; return true;
    case CSR_STVEC: *v = p->stvec; return true;
    case CSR_SCOUNTEREN: *v = p->scounteren; return true;
    case CSR_SSCRATCH: *v = p->sscratch; return true;
    case CSR_SEPC: *v = p->sepc; return true;
    case CSR_SCAUSE: *v = p->scause; return true;
    case CSR_STVAL: *v = p->stval; return true;
    case CSR_SIP: *v = p->mip & p->mideleg; return true;
    case CSR_SATP:
        if (tvm_blocks(p))
            return false;
        *v = p->satp;
        return true;
    case CSR_MSTATUS: *v = mstatus_read(p); return true;
    case CSR_MISA: *v = MISA; return true;
    case CSR_MEDELEG: *v = p->medeleg; return true;
    case CSR_MIDELEG: *v = p->mideleg; return true;
    case CSR_MIE: *v = p->mie; return true;
    case CSR_MTVEC: *v = p->mtvec; return true;
    case CSR_MCOUNTEREN: *v = p->mcounteren; return true;
    case CSR_MSCRATCH: *v = p->mscratch; return true;
    case CSR_MEPC: *v = p->mepc; return true;
    case CSR_MCAUSE: *v = p->mcause; return true;
    case CSR_MTVAL: *v = p->mtval; return true;
    case CSR_MIP: *v = p->mip; return true;
    case CSR_PMPCFG0: *v = p->pmpcfg[0]; return true;
    case CSR_PMPCFG2: *v = p->pmpcfg[1]; return true;
    case CSR_PMPADDR0 ... CSR_PMPADDR15: *v = p->pmpaddr[csr - CSR_PMPADDR0]; return true;
    case CSR_MCYCLE: *v = __rdtsc() + (uint64_t)p->cycle_delta; return true;
    case CSR_MINSTRET: *v = __rdtsc() + (uint64_t)p->instret_delta; return true;
    /* Hardwired to zero: no event counters, inhibiting changes nothing, one
     * hart of no particular make. */
    case CSR_MCOUNTINHIBIT:
    case CSR_MHPMEVENT3 ... CSR_MHPMEVENT31:
    case CSR_MHPMCOUNTER3 ... CSR_MHPMCOUNTER31:
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MHARTID: case CSR_MCONFIGPTR:
        *v = 0;
        return true;
    default:
        return false;
    }
}

/* Only called for CSRs csr_read accepted at this privilege. */
static void csr_write(struct rv_cpu *cpu, unsigned csr, uint64_t v)
{
    struct rv_priv *p = &cpu->priv;
    uint64_t m;
    switch (csr) {
    case CSR_FFLAGS: case CSR_FRM: case CSR_FCSR: tr_csr_write_user(cpu, csr, v); break;
    case CSR_SSTATUS: mstatus_write(p, (p->mstatus & ~SSTATUS_WRITABLE) | (v & SSTATUS_WRITABLE)); break;
    case CSR_SIE:
        m = p->mideleg & S_INTS;
        p->mie = (p->mie & ~m) | (v & m);
        break;
    case CSR_STVEC: p->stvec = tvec(v); break;
    case CSR_SCOUNTEREN: p->scounteren = (uint32_t)v; break;
    case CSR_SSCRATCH: p->sscratch = v; break;
    case CSR_SEPC: p->sepc = v & ~1ull; break;
    case CSR_SCAUSE: p->scause = v; break;
    case CSR_STVAL: p->stval = v; break;
    case CSR_SIP:
        m = p->mideleg & 2;          /* S-mode may set and clear only SSIP */
        p->mip = (p->mip & ~m) | (v & m);
        break;
    case CSR_SATP:
        /* A mode other than Bare and Sv39 makes the whole write void. */
        if (v >> 60 != 0 && v >> 60 != SV39_SATP_MODE)
            break;
        if (v != p->satp)
            tlb_bare_flush(cpu);
        p->satp = v;
        break;
    case CSR_MSTATUS: mstatus_write(p, v); break;
    case CSR_MEDELEG: p->medeleg = v & DELEGABLE; break;
    case CSR_MIDELEG: p->mideleg = v & S_INTS; break;
    case CSR_MIE: p->mie = v & (S_INTS | M_INTS); break;
    case CSR_MTVEC: p->mtvec = tvec(v); break;
    case CSR_MCOUNTEREN: p->mcounteren = (uint32_t)v; break;
    case CSR_MSCRATCH: p->mscratch = v; break;
    case CSR_MEPC: p->mepc = v & ~1ull; break;
    case CSR_MCAUSE: p->mcause = v; break;
    case CSR_MTVAL: p->mtval = v; break;
    case CSR_MIP: p->mip = (p->mip & ~S_INTS) | (v & S_INTS); break;
    case CSR_PMPCFG0: p->pmpcfg[0] = v; break;
    case CSR_PMPCFG2: p->pmpcfg[1] = v; break;
    case CSR_PMPADDR0 ... CSR_PMPADDR15: p->pmpaddr[csr - CSR_PMPADDR0] = v & ((1ull << 54) - 1); break;
    case CSR_MCYCLE: p->cycle_delta = (int64_t)(v - __rdtsc()); break;
    case CSR_MINSTRET: p->instret_delta = (int64_t)(v - __rdtsc()); break;
    default: break;                  /* misa and the hardwired zeros ignore writes */
    }
}

/* csrrw with rd = x0 reads nothing, csrrs/csrrc with rs1 = x0 (uimm 0)
 * write nothing, but every form needs the CSR to exist and be accessible:
 * csr_read is the check. */
bool priv_csr(struct rv_cpu *cpu, uint32_t raw)
{
    unsigned rd = (raw >> 7) & 31, funct3 = (raw >> 12) & 7, rs1 = (raw >> 15) & 31, csr = raw >> 20;
    uint64_t src = funct3 & 4 ? rs1 : cpu->x[rs1], old;
    bool writes = (funct3 & 3) == 1 || rs1 != 0;

    /* csr[9:8] is the lowest privilege that may access it; csr[11:10] == 3
     * marks it read-only. */
    if (((csr >> 8) & 3) > cpu->priv.prv || (writes && (csr >> 10) == 3))
        return false;
    if (!csr_read(cpu, csr, &old))
        return false;
    if (writes)
        csr_write(cpu, csr, (funct3 & 3) == 1 ? src : (funct3 & 3) == 2 ? old | src : old & ~src);
    if (rd)
        cpu->x[rd] = old;
    return true;
}
