/* Traps, privilege rules and CSRs with physical addresses (satp Bare): the
 * cause, epc and tval of every kind of exception the three privilege levels
 * can raise, what mret and sret do to mstatus, delegation to S-mode,
 * software-raised interrupts, and the WARL behaviour of the CSRs. Each
 * expectation is the privileged spec's; where the spec leaves a choice, the
 * case accepts each allowed outcome and says so. */
#include "env_v/probe.h"

#define CAUSE_IRQ (1ull << 63)

SNIPPET(s_ecall, "ecall");
SNIPPET(s_ebreak, "ebreak; ecall");
SNIPPET(s_c_ebreak, ".option push; .option rvc; c.ebreak; .option pop; ecall");
SNIPPET(s_illegal32, ".word 0x0000201b");          /* OP-IMM-32 funct3 2: no such instruction */
SNIPPET(s_illegal16, ".hword 0x0000");             /* the defined illegal instruction */
SNIPPET(s_reserved16, ".hword 0x0004");            /* c.addi4spn with immediate 0: reserved */
SNIPPET(s_unknown_csr, "csrr a0, 0x5c0; ecall");
SNIPPET(s_write_mhartid, "csrw mhartid, zero; ecall");
SNIPPET(s_read_mstatus, "csrr a0, mstatus; ecall");
SNIPPET(s_read_sstatus, "csrr a0, sstatus; ecall");
SNIPPET(s_mret, "mret");
SNIPPET(s_sret, "sret");
SNIPPET(s_wfi, "wfi; ecall");
SNIPPET(s_sfence, "sfence.vma; ecall");
SNIPPET(s_read_satp, "csrr a0, satp; ecall");
SNIPPET(s_rdcycle, "rdcycle a0; ecall");
SNIPPET(s_fadd, "fadd.d fa0, fa1, fa2; ecall");
SNIPPET(s_frcsr, "frcsr a0; ecall");
SNIPPET(s_c_fldsp, ".option push; .option rvc; c.fldsp fa0, 0(sp); .option pop; ecall");
SNIPPET(s_load, "ld a0, 0(a0); ecall");
SNIPPET(s_store, "sd a1, 0(a0); ecall");
SNIPPET(s_jump, "jr a0");
SNIPPET(s_lw, "lw a0, 0(a0); ecall");
SNIPPET(s_sw, "sw a1, 0(a0); ecall");
SNIPPET(s_amoadd_w, "amoadd.w a0, a1, (a0); ecall");
SNIPPET(s_lr_w, "lr.w a0, (a0); ecall");
SNIPPET(s_sc_w, "sc.w a0, a1, (a0); ecall");
SNIPPET(s_lr_d, "lr.d a0, (a0); ecall");
SNIPPET(s_sie_on, "csrsi sstatus, 2; nop; ecall");
SNIPPET(s_nop_ecall, "nop; ecall");
SNIPPET(s_sret_to_s, "la t0, 1f; csrw sepc, t0; sret; 1: csrr a0, sstatus; ecall");

#define NOWHERE 0x40000000ull     /* no memory there, on rvdbt or QEMU's spike machine */

static uint64_t data[4] __attribute__((aligned(16)));

static uint32_t word_at(const char *p) { return *(const volatile uint32_t *)p; }
static uint16_t half_at(const char *p) { return *(const volatile uint16_t *)p; }

/* The snippet at pc, run at prv, must raise exactly this exception there. */
static void expect_trap(uint64_t pc, unsigned prv, uint64_t a0, uint64_t a1, uint64_t cause, uint64_t epc,
                        uint64_t tval)
{
    EXPECT(probe_run(pc, prv, a0, a1) == cause);
    EXPECT(probe.epc == epc);
    EXPECT(probe.tval == tval);
}

static void test_ids(void)
{
    CASE(1);
    uint64_t misa = csr_read(misa);
    uint64_t want = 1 << ('i' - 'a') | 1 << ('m' - 'a') | 1 << ('a' - 'a') | 1 << ('f' - 'a') |
                    1 << ('d' - 'a') | 1 << ('c' - 'a') | 1 << ('s' - 'a') | 1 << ('u' - 'a');
    EXPECT(misa >> 62 == 2 && (misa & want) == want);
    CASE(2);
    EXPECT(csr_read(mhartid) == 0);
}

static void test_ecall_ebreak(void)
{
    CASE(3);
    expect_trap(ADDR(s_ecall), PRV_M, 0, 0, CAUSE_ECALL_M, ADDR(s_ecall), 0);
    CASE(4);
    expect_trap(ADDR(s_ecall), PRV_S, 0, 0, CAUSE_ECALL_S, ADDR(s_ecall), 0);
    CASE(5);
    expect_trap(ADDR(s_ecall), PRV_U, 0, 0, CAUSE_ECALL_U, ADDR(s_ecall), 0);
    /* ebreak: mtval is the pc or 0 (the spec allows both). */
    CASE(6);
    EXPECT(probe_run(ADDR(s_ebreak), PRV_U, 0, 0) == CAUSE_BREAKPOINT && probe.epc == ADDR(s_ebreak));
    EXPECT(probe.tval == ADDR(s_ebreak) || probe.tval == 0);
    CASE(7);
    EXPECT(probe_run(ADDR(s_c_ebreak), PRV_M, 0, 0) == CAUSE_BREAKPOINT && probe.epc == ADDR(s_c_ebreak));
}

/* Illegal instructions: mtval holds the instruction's bits (16 for a
 * compressed one). */
static void test_illegal(void)
{
    CASE(8);
    expect_trap(ADDR(s_illegal32), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_illegal32), word_at(s_illegal32));
    CASE(9);
    expect_trap(ADDR(s_illegal16), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_illegal16), 0);
    CASE(10);
    expect_trap(ADDR(s_reserved16), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_reserved16), 0x0004);
    CASE(11);       /* a CSR that does not exist */
    expect_trap(ADDR(s_unknown_csr), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_unknown_csr), word_at(s_unknown_csr));
    CASE(12);       /* writing a read-only CSR */
    expect_trap(ADDR(s_write_mhartid), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_write_mhartid),
                word_at(s_write_mhartid));
    CASE(13);       /* machine CSRs from S, supervisor CSRs from U */
    expect_trap(ADDR(s_read_mstatus), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_read_mstatus), word_at(s_read_mstatus));
    expect_trap(ADDR(s_read_sstatus), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_read_sstatus), word_at(s_read_sstatus));
    CASE(14);
    EXPECT(probe_run(ADDR(s_read_sstatus), PRV_S, 0, 0) == CAUSE_ECALL_S);
    CASE(15);       /* mret below M, sret in U */
    expect_trap(ADDR(s_mret), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_mret), word_at(s_mret));
    expect_trap(ADDR(s_mret), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_mret), word_at(s_mret));
    expect_trap(ADDR(s_sret), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_sret), word_at(s_sret));
    CASE(16);       /* sret in S under TSR */
    csr_set(mstatus, MSTATUS_TSR);
    expect_trap(ADDR(s_sret), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_sret), word_at(s_sret));
    csr_clear(mstatus, MSTATUS_TSR);
}

/* wfi may wait until an interrupt is pending locally (mip & mie), even one
 * that is disabled globally: QEMU does. So the cases that expect it to
 * complete keep SSI pending, delegated to S and disabled there. */
static void test_wfi_sfence(void)
{
    CASE(17);       /* wfi completes in M and S */
    csr_clear(mstatus, MSTATUS_MIE | MSTATUS_SIE);
    csr_write(mideleg, 1 << 1);
    csr_write(mie, 1 << 1);
    csr_set(mip, 1 << 1);
    expect_trap(ADDR(s_wfi), PRV_M, 0, 0, CAUSE_ECALL_M, ADDR(s_wfi) + 4, 0);
    expect_trap(ADDR(s_wfi), PRV_S, 0, 0, CAUSE_ECALL_S, ADDR(s_wfi) + 4, 0);
    CASE(18);       /* in S under TW, and in U, wfi traps unless it completes at once */
    csr_set(mstatus, MSTATUS_TW);
    uint64_t c = probe_run(ADDR(s_wfi), PRV_S, 0, 0);
    EXPECT(c == CAUSE_ECALL_S || (c == CAUSE_ILLEGAL && probe.epc == ADDR(s_wfi) && probe.tval == word_at(s_wfi)));
    csr_clear(mstatus, MSTATUS_TW);
    csr_clear(mip, 1 << 1);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    c = probe_run(ADDR(s_wfi), PRV_U, 0, 0);
    EXPECT(c == CAUSE_ECALL_U || (c == CAUSE_ILLEGAL && probe.epc == ADDR(s_wfi)));
    CASE(19);       /* sfence.vma: S, not U; and not S under TVM, which also guards satp */
    expect_trap(ADDR(s_sfence), PRV_S, 0, 0, CAUSE_ECALL_S, ADDR(s_sfence) + 4, 0);
    expect_trap(ADDR(s_sfence), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_sfence), word_at(s_sfence));
    csr_set(mstatus, MSTATUS_TVM);
    expect_trap(ADDR(s_sfence), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_sfence), word_at(s_sfence));
    expect_trap(ADDR(s_read_satp), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_read_satp), word_at(s_read_satp));
    csr_clear(mstatus, MSTATUS_TVM);
    EXPECT(probe_run(ADDR(s_read_satp), PRV_S, 0, 0) == CAUSE_ECALL_S && probe.a0 == 0);
}

static void test_counters(void)
{
    CASE(20);       /* cycle below M needs mcounteren, and in U scounteren too */
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
    expect_trap(ADDR(s_rdcycle), PRV_S, 0, 0, CAUSE_ILLEGAL, ADDR(s_rdcycle), word_at(s_rdcycle));
    csr_write(mcounteren, 1);
    EXPECT(probe_run(ADDR(s_rdcycle), PRV_S, 0, 0) == CAUSE_ECALL_S);
    expect_trap(ADDR(s_rdcycle), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_rdcycle), word_at(s_rdcycle));
    csr_write(scounteren, 1);
    EXPECT(probe_run(ADDR(s_rdcycle), PRV_U, 0, 0) == CAUSE_ECALL_U);
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
    CASE(21);       /* mcycle is writable and counts on from the value written */
    csr_write(mcycle, 1000000);
    uint64_t c = csr_read(mcycle);
    EXPECT(c >= 1000000 && c < 1000000 + (1ull << 40));
}

/* With mstatus.FS Off, F and D instructions and fcsr are illegal. */
static void test_fs_off(void)
{
    uint64_t fs = csr_read(mstatus) & MSTATUS_FS;
    CASE(22);
    EXPECT(fs != 0);
    EXPECT(!!(csr_read(mstatus) >> 63) == (fs == MSTATUS_FS));      /* SD: FS is Dirty */
    csr_clear(mstatus, MSTATUS_FS);
    CASE(23);
    EXPECT((csr_read(mstatus) & MSTATUS_FS) == 0 && csr_read(mstatus) >> 63 == 0);
    expect_trap(ADDR(s_fadd), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_fadd), word_at(s_fadd));
    expect_trap(ADDR(s_frcsr), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_frcsr), word_at(s_frcsr));
    expect_trap(ADDR(s_c_fldsp), PRV_U, 0, 0, CAUSE_ILLEGAL, ADDR(s_c_fldsp), half_at(s_c_fldsp));
    csr_set(mstatus, fs);
    CASE(24);
    EXPECT(probe_run(ADDR(s_fadd), PRV_U, 0, 0) == CAUSE_ECALL_U);
    EXPECT((csr_read(mstatus) & MSTATUS_FS) == MSTATUS_FS);          /* an FP write leaves it Dirty */
}

static void test_access_faults(void)
{
    CASE(25);
    expect_trap(ADDR(s_load), PRV_M, NOWHERE, 0, CAUSE_LOAD_ACCESS, ADDR(s_load), NOWHERE);
    expect_trap(ADDR(s_load), PRV_U, NOWHERE + 8, 0, CAUSE_LOAD_ACCESS, ADDR(s_load), NOWHERE + 8);
    CASE(26);
    expect_trap(ADDR(s_store), PRV_S, NOWHERE, 0, CAUSE_STORE_ACCESS, ADDR(s_store), NOWHERE);
    CASE(27);       /* a fetch fault reports the target as both epc and tval */
    expect_trap(ADDR(s_jump), PRV_M, NOWHERE, 0, CAUSE_FETCH_ACCESS, NOWHERE, NOWHERE);
    expect_trap(ADDR(s_jump), PRV_U, NOWHERE + 0x100, 0, CAUSE_FETCH_ACCESS, NOWHERE + 0x100, NOWHERE + 0x100);
}

static void test_misaligned(void)
{
    uint64_t a = ADDR(data);
    data[0] = 0x8877665544332211ull;
    data[1] = 0;
    CASE(28);       /* AMOs must be aligned: store/AMO address misaligned */
    expect_trap(ADDR(s_amoadd_w), PRV_M, a + 2, 1, CAUSE_STORE_MISALIGNED, ADDR(s_amoadd_w), a + 2);
    EXPECT(data[0] == 0x8877665544332211ull);
    /* A misaligned SC traps the same way, or fails without a reservation
     * (QEMU checks the reservation first). */
    uint64_t c = probe_run(ADDR(s_sc_w), PRV_U, a + 1, 1);
    EXPECT((c == CAUSE_STORE_MISALIGNED && probe.epc == ADDR(s_sc_w) && probe.tval == a + 1) ||
           (c == CAUSE_ECALL_U && probe.a0 != 0));
    EXPECT(data[0] == 0x8877665544332211ull);
    CASE(29);       /* LR faults as a load */
    expect_trap(ADDR(s_lr_w), PRV_M, a + 2, 0, CAUSE_LOAD_MISALIGNED, ADDR(s_lr_w), a + 2);
    expect_trap(ADDR(s_lr_d), PRV_S, a + 4, 0, CAUSE_LOAD_MISALIGNED, ADDR(s_lr_d), a + 4);
    CASE(30);       /* ordinary misaligned accesses: done, or address-misaligned */
    c = probe_run(ADDR(s_lw), PRV_M, a + 1, 0);
    EXPECT((c == CAUSE_ECALL_M && probe.a0 == 0x55443322ull) ||
           (c == CAUSE_LOAD_MISALIGNED && probe.tval == a + 1 && probe.epc == ADDR(s_lw)));
    c = probe_run(ADDR(s_sw), PRV_U, a + 6, 0xdeadbeef);
    EXPECT((c == CAUSE_ECALL_U && data[0] == 0xbeef665544332211ull && data[1] == 0xdead) ||
           (c == CAUSE_STORE_MISALIGNED && probe.tval == a + 6 && data[1] == 0));
}

/* mret and sret move the saved enable and privilege back. */
static void test_xret(void)
{
    CASE(31);       /* mret to S with MPIE set: MIE is set in S; the ecall saves it in MPIE */
    csr_clear(mstatus, MSTATUS_MIE);
    csr_set(mstatus, MSTATUS_MPIE);
    EXPECT(probe_run(ADDR(s_ecall), PRV_S, 0, 0) == CAUSE_ECALL_S);
    EXPECT((probe.status & MSTATUS_MPP) == MSTATUS_MPP_S && (probe.status & MSTATUS_MPIE) &&
           !(probe.status & MSTATUS_MIE));
    CASE(32);       /* mret clears MPRV when it leaves M */
    csr_set(mstatus, MSTATUS_MPRV);
    EXPECT(probe_run(ADDR(s_ecall), PRV_U, 0, 0) == CAUSE_ECALL_U && !(probe.status & MSTATUS_MPRV));
    CASE(33);       /* sret from M: to SPP with SIE = SPIE, then SPIE = 1, SPP = U */
    csr_set(mstatus, MSTATUS_SPP | MSTATUS_SPIE);
    csr_clear(mstatus, MSTATUS_SIE);
    EXPECT(probe_run(ADDR(s_sret_to_s), PRV_M, 0, 0) == CAUSE_ECALL_S);
    EXPECT((probe.a0 & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)) == (MSTATUS_SIE | MSTATUS_SPIE));
    csr_clear(mstatus, MSTATUS_SIE | MSTATUS_SPIE);
}

static void test_delegation(void)
{
    csr_write(stvec, ADDR(probe_strap));
    CASE(34);       /* a delegated U ecall goes to S-mode */
    csr_write(medeleg, 1 << CAUSE_ECALL_U);
    EXPECT(probe_run(ADDR(s_ecall), PRV_U, 0, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == CAUSE_ECALL_U && sprobe.epc == ADDR(s_ecall) && sprobe.tval == 0);
    EXPECT(!(sprobe.status & MSTATUS_SPP));
    CASE(35);       /* delegated illegal instructions from U and S; never from M */
    csr_write(medeleg, 1 << CAUSE_ILLEGAL);
    EXPECT(probe_run(ADDR(s_illegal32), PRV_U, 0, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == CAUSE_ILLEGAL && sprobe.epc == ADDR(s_illegal32) &&
           sprobe.tval == word_at(s_illegal32) && !(sprobe.status & MSTATUS_SPP));
    EXPECT(probe_run(ADDR(s_illegal32), PRV_S, 0, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == CAUSE_ILLEGAL && (sprobe.status & MSTATUS_SPP));
    sprobe.cause = 0;
    expect_trap(ADDR(s_illegal32), PRV_M, 0, 0, CAUSE_ILLEGAL, ADDR(s_illegal32), word_at(s_illegal32));
    EXPECT(sprobe.cause == 0);
    CASE(36);       /* ecall from M cannot be delegated */
    csr_write(medeleg, ~0ull);
    EXPECT(!(csr_read(medeleg) >> CAUSE_ECALL_M & 1));
    csr_write(medeleg, 0);
}

/* Interrupts software can raise: SSIP and STIP in mip. */
static void test_interrupts(void)
{
    csr_write(stvec, ADDR(probe_strap));
    CASE(37);       /* SSI delegated to S: taken as soon as sstatus.SIE is set */
    csr_write(mideleg, 1 << 1);
    csr_write(mie, 1 << 1);
    csr_set(mip, 1 << 1);
    EXPECT(probe_run(ADDR(s_sie_on), PRV_S, 0, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == (CAUSE_IRQ | 1) && sprobe.epc == ADDR(s_sie_on) + 4);
    EXPECT((sprobe.status & MSTATUS_SPIE) && (sprobe.status & MSTATUS_SPP));
    CASE(38);       /* in U the delegated interrupt is enabled whatever SIE; vectored stvec */
    csr_write(stvec, ADDR(probe_svec) | 1);
    csr_clear(mstatus, MSTATUS_SIE);
    EXPECT(probe_run(ADDR(s_nop_ecall), PRV_U, 0, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == (CAUSE_IRQ | 1) && sprobe.epc == ADDR(s_nop_ecall) && sprobe.vec == 1);
    csr_clear(mip, 1 << 1);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    CASE(39);       /* STI not delegated: held while M has MIE clear, taken on entry to U */
    csr_clear(mstatus, MSTATUS_MIE);
    csr_write(mie, 1 << 5);
    csr_set(mip, 1 << 5);
    if (csr_read(mip) & (1 << 5)) {             /* STIP may be read-only (Sstc) */
        probe_mtvec = ADDR(probe_mvec) | 1;
        EXPECT(probe_run(ADDR(s_nop_ecall), PRV_U, 0, 0) == (CAUSE_IRQ | 5));
        EXPECT(probe.epc == ADDR(s_nop_ecall) && probe.vec == 5 && (probe.status & MSTATUS_MPP) == 0);
        CASE(40);   /* a vectored mtvec sends exceptions to its base */
        csr_clear(mip, 1 << 5);
        EXPECT(probe_run(ADDR(s_nop_ecall), PRV_U, 0, 0) == CAUSE_ECALL_U && probe.vec == 0);
        probe_mtvec = 0;
    }
    csr_write(mie, 0);
}

static void test_csr_warl(void)
{
    CASE(41);       /* epc bit 0 is always 0 */
    csr_write(mepc, 0x80001235);
    csr_write(sepc, 0x80001237);
    EXPECT(csr_read(mepc) == 0x80001234 && csr_read(sepc) == 0x80001236);
    CASE(42);       /* sstatus is a view of mstatus */
    csr_set(sstatus, MSTATUS_SUM);
    EXPECT(csr_read(mstatus) & MSTATUS_SUM);
    csr_set(sstatus, MSTATUS_MIE | MSTATUS_MPRV);
    EXPECT(!(csr_read(mstatus) & (MSTATUS_MIE | MSTATUS_MPRV)));
    csr_clear(mstatus, MSTATUS_SUM);
    EXPECT(!(csr_read(sstatus) & MSTATUS_SUM));
    CASE(43);       /* sie and sip show only what mideleg delegates */
    csr_write(mideleg, 0);
    csr_write(mie, 1 << 1);
    EXPECT(csr_read(sie) == 0);
    csr_write(mideleg, 1 << 1);
    EXPECT(csr_read(sie) == 1 << 1);
    csr_write(sie, 0);
    EXPECT(csr_read(mie) == 0);
    csr_write(mideleg, 0);
    CASE(44);       /* scratch registers hold anything */
    csr_write(mscratch, 0x0123456789abcdefull);
    csr_write(sscratch, 0xfedcba9876543210ull);
    EXPECT(csr_read(mscratch) == 0x0123456789abcdefull && csr_read(sscratch) == 0xfedcba9876543210ull);
    CASE(45);       /* satp accepts Sv39 and Bare, ignores a reserved mode */
    csr_write(satp, SATP_SV39 | 0x80123);
    EXPECT(csr_read(satp) == (SATP_SV39 | 0x80123));
    csr_write(satp, (5ull << 60) | 0x80456);
    EXPECT(csr_read(satp) == (SATP_SV39 | 0x80123));
    csr_write(satp, 0);
    EXPECT(csr_read(satp) == 0);
}

void rvt_body(void) __attribute__((noreturn));
void rvt_body(void)
{
    csr_write(pmpaddr0, PMP_ALL_ADDR);
    csr_write(pmpcfg0, PMP_ALL_CFG);
    test_ids();
    test_ecall_ebreak();
    test_illegal();
    test_wfi_sfence();
    test_counters();
    test_fs_off();
    test_access_faults();
    test_misaligned();
    test_xret();
    test_delegation();
    test_interrupts();
    test_csr_warl();
    probe_done();
}
