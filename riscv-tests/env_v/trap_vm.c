/* Sv39 as S- and U-mode code sees it: page faults with their cause, epc and
 * tval, the U bit with SUM, MXR, R/W/X, reserved encodings, superpages and
 * their alignment, non-canonical addresses, A and D, MPRV, delegation of
 * page faults, sfence.vma and satp changes, accesses and instructions that
 * straddle two pages, code running at the top of the address space, and
 * more pages than a small TLB holds.
 *
 * Mappings (built here, in M-mode):
 *   0x80000000.. (1 GiB, identity, kernel)  the image, for S-mode code
 *   0xffffffffc0000000.. (1 GiB, kernel)    the image again, at the top
 *   0x10000000.. (4 KiB pages, below)       U-mode pages
 *   0x10200000 (2 MiB, U, read-only)        the first 2 MiB of the image */
#include "env_v/probe.h"

#define GIGA (1ull << 30)
#define HIGH 0xffffffffc0000000ull
#define UBASE 0x10000000ull
enum {                      /* U-region pages, by index */
    P_CODE, P_DATA, P_RO, P_NOU, P_SX, P_NOAD, P_NONE, P_WONLY, P_X1, P_X2, P_F1, P_F2,
    P_STRESS = 32,
};
#define VA(page) (UBASE + 4096ull * (page))
#define N_STRESS 160        /* more pages than rvdbt's TLB (64) and than a slot holds */

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t root2[512] __attribute__((aligned(4096)));
static uint64_t l1u[512] __attribute__((aligned(4096)));
static uint64_t l0u[512] __attribute__((aligned(4096)));
static uint64_t udata[512] __attribute__((aligned(4096)));
static uint64_t udata2[512] __attribute__((aligned(4096)));
static uint64_t frames[3][512] __attribute__((aligned(4096)));

/* U-mode code: a page of its own, then a page whose last two bytes start a
 * 32-bit instruction that ends in the next page. */
extern char upage[], u_load[], u_store[], u_jump[], u_stress[], u_fpage[], u_fcross[];
__asm__(".pushsection .text.upage, \"ax\"\n"
        ".option push\n.option norvc\n"
        ".balign 4096\n.globl upage\nupage:\n"
        ".globl u_load\nu_load: ld a0, 0(a0); ecall\n"
        ".globl u_store\nu_store: sd a1, 0(a0); ecall\n"
        ".globl u_jump\nu_jump: jr a0\n"
        /* sum of the first word of a1 pages from a0 on */
        ".globl u_stress\nu_stress: li t0, 0\n1: ld t1, 0(a0); add t0, t0, t1; li t1, 4096; add a0, a0, t1;"
        " addi a1, a1, -1; bnez a1, 1b; mv a0, t0; ecall\n"
        ".balign 4096\n.globl u_fpage\nu_fpage: .skip 4094\n"
        ".globl u_fcross\nu_fcross: .word 0x00150513\n"       /* addi a0, a0, 1 */
        "ecall\n"
        ".balign 4096\n"
        ".option pop\n.popsection");

SNIPPET(s_load, "ld a0, 0(a0); ecall");
SNIPPET(s_store, "sd a1, 0(a0); ecall");
SNIPPET(s_jump, "jr a0");
SNIPPET(s_ecall, "ecall");
SNIPPET(s_lw, "lw a0, 0(a0); ecall");
SNIPPET(s_sw, "sw a1, 0(a0); ecall");
/* M-mode with the mstatus in a1 (MPRV, MPP), then a load. */
SNIPPET(m_mprv_load, "csrw mstatus, a1; ld a0, 0(a0); ecall");
/* Calls through a register many times: jalr at the top of the address space. */
SNIPPET(s_calls, "li t0, 50; li a0, 0\n1: jal t1, 2f; addi t0, t0, -1; bnez t0, 1b; ecall\n"
                 "2: addi a0, a0, 3; jr t1");

static uint64_t pte(uint64_t pa, uint64_t flags) { return pa >> 12 << 10 | flags; }
static uint64_t code_va(const char *p) { return VA(P_CODE) + ADDR(p) - ADDR(upage); }
static uint64_t high(const char *p) { return HIGH + ADDR(p) - DRAM_BASE; }
static void sfence_all(void) { __asm__ volatile("sfence.vma" ::: "memory"); }

#define KERNEL (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G)
#define USER_RW (PTE_V | PTE_U | PTE_R | PTE_W | PTE_A | PTE_D)

static void build(void)
{
    root[DRAM_BASE / GIGA] = pte(DRAM_BASE, KERNEL);
    root[511] = pte(DRAM_BASE, KERNEL);
    root[0] = pte(ADDR(l1u), PTE_V);
    root[1] = pte(DRAM_BASE + (2u << 20), PTE_V | PTE_R | PTE_A);     /* misaligned gigapage */
    l1u[UBASE >> 21 & 511] = pte(ADDR(l0u), PTE_V);
    l1u[(UBASE >> 21 & 511) + 1] = pte(DRAM_BASE, PTE_V | PTE_U | PTE_R | PTE_A);   /* megapage */
    l0u[P_CODE] = pte(ADDR(upage), PTE_V | PTE_U | PTE_R | PTE_X | PTE_A);
    l0u[P_DATA] = pte(ADDR(udata), USER_RW);
    l0u[P_RO] = pte(ADDR(udata), PTE_V | PTE_U | PTE_R | PTE_A);
    l0u[P_NOU] = pte(ADDR(udata), PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
    l0u[P_SX] = pte(ADDR(udata), PTE_V | PTE_X | PTE_A);                 /* execute-only, kernel */
    l0u[P_NOAD] = pte(ADDR(udata2), PTE_V | PTE_U | PTE_R | PTE_W);
    l0u[P_WONLY] = pte(ADDR(udata), PTE_V | PTE_U | PTE_W | PTE_A | PTE_D);
    l0u[P_X1] = pte(ADDR(frames[2]), USER_RW);                          /* frames not adjacent */
    l0u[P_X2] = pte(ADDR(frames[0]), USER_RW);
    l0u[P_F1] = pte(ADDR(u_fpage), PTE_V | PTE_U | PTE_X | PTE_A);
    for (int i = 0; i < N_STRESS; i++)
        l0u[P_STRESS + i] = pte(ADDR(frames[i % 3]), USER_RW);
    for (int i = 0; i < 512; i++)
        root2[i] = root[i];
    root2[0] = 0;
    csr_write(satp, SATP_SV39 | ADDR(root) >> 12);
    sfence_all();
}

static void expect_fault(uint64_t pc, unsigned prv, uint64_t a0, uint64_t a1, uint64_t cause, uint64_t epc,
                         uint64_t tval)
{
    EXPECT(probe_run(pc, prv, a0, a1) == cause);
    EXPECT(probe.epc == epc && probe.tval == tval);
}

static void test_user(void)
{
    udata[0] = 0x1122334455667788ull;
    CASE(1);        /* U reads and writes its page; M sees the write */
    EXPECT(probe_run(code_va(u_load), PRV_U, VA(P_DATA), 0) == CAUSE_ECALL_U && probe.a0 == udata[0]);
    EXPECT(probe_run(code_va(u_store), PRV_U, VA(P_DATA) + 8, 42) == CAUSE_ECALL_U && udata[1] == 42);
    CASE(2);        /* nothing mapped: load, store and fetch page faults at the address */
    expect_fault(code_va(u_load), PRV_U, VA(P_NONE) + 16, 0, CAUSE_LOAD_PAGE, code_va(u_load), VA(P_NONE) + 16);
    expect_fault(code_va(u_store), PRV_U, VA(P_NONE), 0, CAUSE_STORE_PAGE, code_va(u_store), VA(P_NONE));
    expect_fault(code_va(u_jump), PRV_U, VA(P_NONE) + 4, 0, CAUSE_FETCH_PAGE, VA(P_NONE) + 4, VA(P_NONE) + 4);
    CASE(3);        /* permissions: read-only, not user, not executable */
    expect_fault(code_va(u_store), PRV_U, VA(P_RO), 1, CAUSE_STORE_PAGE, code_va(u_store), VA(P_RO));
    EXPECT(udata[0] == 0x1122334455667788ull);
    expect_fault(code_va(u_load), PRV_U, VA(P_NOU), 0, CAUSE_LOAD_PAGE, code_va(u_load), VA(P_NOU));
    expect_fault(code_va(u_jump), PRV_U, VA(P_DATA), 0, CAUSE_FETCH_PAGE, VA(P_DATA), VA(P_DATA));
    CASE(4);        /* W without R is reserved */
    expect_fault(code_va(u_load), PRV_U, VA(P_WONLY), 0, CAUSE_LOAD_PAGE, code_va(u_load), VA(P_WONLY));
    expect_fault(code_va(u_store), PRV_U, VA(P_WONLY), 0, CAUSE_STORE_PAGE, code_va(u_store), VA(P_WONLY));
    CASE(5);        /* bits 63:39 must copy bit 38 */
    expect_fault(code_va(u_load), PRV_U, 1ull << 39, 0, CAUSE_LOAD_PAGE, code_va(u_load), 1ull << 39);
    CASE(6);        /* a megapage; a gigapage whose PPN is not aligned */
    EXPECT(probe_run(code_va(u_load), PRV_U, UBASE + (2u << 20) + (ADDR(udata) - DRAM_BASE), 0) ==
           CAUSE_ECALL_U && probe.a0 == udata[0]);
    expect_fault(ADDR(s_load), PRV_S, GIGA + 64, 0, CAUSE_LOAD_PAGE, ADDR(s_load), GIGA + 64);
}

static void test_supervisor(void)
{
    udata[2] = 0x0badc0de;
    CASE(7);        /* S and U pages: S needs SUM to read or write them, and never runs them */
    expect_fault(ADDR(s_load), PRV_S, VA(P_DATA) + 16, 0, CAUSE_LOAD_PAGE, ADDR(s_load), VA(P_DATA) + 16);
    expect_fault(ADDR(s_store), PRV_S, VA(P_DATA), 0, CAUSE_STORE_PAGE, ADDR(s_store), VA(P_DATA));
    csr_set(mstatus, MSTATUS_SUM);
    EXPECT(probe_run(ADDR(s_load), PRV_S, VA(P_DATA) + 16, 0) == CAUSE_ECALL_S && probe.a0 == 0x0badc0de);
    EXPECT(probe_run(ADDR(s_store), PRV_S, VA(P_DATA) + 24, 7) == CAUSE_ECALL_S && udata[3] == 7);
    expect_fault(ADDR(s_jump), PRV_S, code_va(u_load), 0, CAUSE_FETCH_PAGE, code_va(u_load), code_va(u_load));
    csr_clear(mstatus, MSTATUS_SUM);
    CASE(8);        /* MXR: loads from execute-only pages */
    expect_fault(ADDR(s_load), PRV_S, VA(P_SX) + 16, 0, CAUSE_LOAD_PAGE, ADDR(s_load), VA(P_SX) + 16);
    csr_set(mstatus, MSTATUS_MXR);
    EXPECT(probe_run(ADDR(s_load), PRV_S, VA(P_SX) + 16, 0) == CAUSE_ECALL_S && probe.a0 == 0x0badc0de);
    csr_clear(mstatus, MSTATUS_MXR);
    CASE(9);        /* S-mode code at the top of the address space */
    EXPECT(probe_run(high(s_ecall), PRV_S, 0, 0) == CAUSE_ECALL_S && probe.epc == high(s_ecall));
    EXPECT(probe_run(high(s_calls), PRV_S, 0, 0) == CAUSE_ECALL_S && probe.a0 == 150);
    EXPECT(probe_run(high(s_load), PRV_S, high((const char *)udata) + 16, 0) == CAUSE_ECALL_S &&
           probe.a0 == 0x0badc0de);
}

static void test_accessed_dirty(void)
{
    CASE(10);       /* A on first access, D on first write, or page faults for software to set them */
    udata2[0] = 99;
    uint64_t c = probe_run(code_va(u_load), PRV_U, VA(P_NOAD), 0);
    if (c == CAUSE_ECALL_U)
        EXPECT(probe.a0 == 99 && (l0u[P_NOAD] & (PTE_A | PTE_D)) == PTE_A);
    else
        EXPECT(c == CAUSE_LOAD_PAGE && probe.tval == VA(P_NOAD) && !(l0u[P_NOAD] & PTE_A));
    l0u[P_NOAD] |= PTE_A;
    sfence_all();
    c = probe_run(code_va(u_store), PRV_U, VA(P_NOAD) + 8, 5);
    if (c == CAUSE_ECALL_U)
        EXPECT(udata2[1] == 5 && (l0u[P_NOAD] & PTE_D));
    else
        EXPECT(c == CAUSE_STORE_PAGE && probe.tval == VA(P_NOAD) + 8 && !(l0u[P_NOAD] & PTE_D));
}

static void test_mprv(void)
{
    uint64_t fs = csr_read(mstatus) & MSTATUS_FS;
    udata[4] = 0x4444;
    CASE(11);       /* M-mode loads with MPRV go through the page tables at MPP's privilege */
    EXPECT(probe_run(ADDR(m_mprv_load), PRV_M, VA(P_DATA) + 32, MSTATUS_MPRV | fs) == CAUSE_ECALL_M &&
           probe.a0 == 0x4444);
    expect_fault(ADDR(m_mprv_load), PRV_M, VA(P_NONE), MSTATUS_MPRV | fs, CAUSE_LOAD_PAGE, ADDR(m_mprv_load) + 4,
                 VA(P_NONE));
    expect_fault(ADDR(m_mprv_load), PRV_M, VA(P_DATA) + 32, MSTATUS_MPRV | MSTATUS_MPP_S | fs, CAUSE_LOAD_PAGE,
                 ADDR(m_mprv_load) + 4, VA(P_DATA) + 32);
    CASE(12);       /* without MPRV, M-mode addresses are physical */
    EXPECT(probe_run(ADDR(m_mprv_load), PRV_M, ADDR(udata) + 32, MSTATUS_MPP_S | fs) == CAUSE_ECALL_M &&
           probe.a0 == 0x4444);
    csr_set(mstatus, fs);
}

static void test_delegated(void)
{
    CASE(13);       /* page faults delegated to S-mode */
    csr_write(stvec, ADDR(probe_strap));
    csr_write(medeleg, 1 << CAUSE_LOAD_PAGE | 1 << CAUSE_FETCH_PAGE);
    EXPECT(probe_run(code_va(u_load), PRV_U, VA(P_NONE) + 40, 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == CAUSE_LOAD_PAGE && sprobe.epc == code_va(u_load) && sprobe.tval == VA(P_NONE) + 40);
    EXPECT(probe_run(code_va(u_jump), PRV_U, VA(P_NONE), 0) == CAUSE_ECALL_S);
    EXPECT(sprobe.cause == CAUSE_FETCH_PAGE && sprobe.epc == VA(P_NONE) && sprobe.tval == VA(P_NONE));
    csr_write(medeleg, 0);
}

static void test_remap(void)
{
    udata[5] = 0x5555;
    udata2[5] = 0x6666;
    CASE(14);       /* sfence.vma makes a changed PTE count */
    EXPECT(probe_run(code_va(u_load), PRV_U, VA(P_DATA) + 40, 0) == CAUSE_ECALL_U &&
           probe.a0 == 0x5555);
    l0u[P_DATA] = pte(ADDR(udata2), USER_RW);
    sfence_all();
    EXPECT(probe_run(code_va(u_load), PRV_U, VA(P_DATA) + 40, 0) == CAUSE_ECALL_U && probe.a0 == 0x6666);
    l0u[P_DATA] = pte(ADDR(udata), USER_RW);
    sfence_all();
    CASE(15);       /* another satp, another address space (the U region is not in root2) */
    csr_write(satp, SATP_SV39 | ADDR(root2) >> 12);
    expect_fault(ADDR(s_load), PRV_S, VA(P_DATA), 0, CAUSE_LOAD_PAGE, ADDR(s_load), VA(P_DATA));
    csr_write(satp, SATP_SV39 | ADDR(root) >> 12);
    csr_set(mstatus, MSTATUS_SUM);
    EXPECT(probe_run(ADDR(s_load), PRV_S, VA(P_DATA) + 40, 0) == CAUSE_ECALL_S && probe.a0 == 0x5555);
    csr_clear(mstatus, MSTATUS_SUM);
}

static void test_straddle(void)
{
    for (int i = 0; i < 512; i++)
        frames[0][i] = frames[2][i] = 0;
    frames[2][511] = 0x8877665544332211ull;
    frames[0][0] = 0xffeeddccbbaa9988ull;
    CASE(16);       /* a load over two pages whose frames are not adjacent: done, or misaligned */
    uint64_t c = probe_run(code_va(u_load), PRV_U, VA(P_X2) - 4, 0);
    EXPECT((c == CAUSE_ECALL_U && probe.a0 == 0xbbaa998888776655ull) ||
           (c == CAUSE_LOAD_MISALIGNED && probe.tval == VA(P_X2) - 4));
    CASE(17);       /* the same for a store */
    c = probe_run(code_va(u_store), PRV_U, VA(P_X2) - 2, 0x0123456789abcdefull);
    EXPECT((c == CAUSE_ECALL_U && frames[2][511] == 0xcdef665544332211ull &&
            frames[0][0] == 0xffee0123456789abull) ||
           (c == CAUSE_STORE_MISALIGNED && probe.tval == VA(P_X2) - 2 && frames[0][0] == 0xffeeddccbbaa9988ull));
    CASE(18);       /* ... into an unmapped page: a page fault at the part that faults */
    c = probe_run(code_va(u_load), PRV_U, VA(P_NONE) - 4, 0);
    EXPECT((c == CAUSE_LOAD_PAGE && probe.tval == VA(P_NONE)) ||
           (c == CAUSE_LOAD_MISALIGNED && probe.tval == VA(P_NONE) - 4));
    CASE(19);       /* an instruction over two pages */
    l0u[P_F2] = pte(ADDR(u_fpage) + 4096, PTE_V | PTE_U | PTE_X | PTE_A);
    sfence_all();
    uint64_t insn = VA(P_F1) + (ADDR(u_fcross) - ADDR(u_fpage));
    EXPECT(probe_run(insn, PRV_U, 10, 0) == CAUSE_ECALL_U && probe.a0 == 11 && probe.epc == VA(P_F2) + 2);
    l0u[P_F2] = 0;
    sfence_all();
    CASE(20);       /* its second half unmapped: epc is the instruction, tval the half that faulted */
    c = probe_run(insn, PRV_U, 10, 0);
    EXPECT(c == CAUSE_FETCH_PAGE && probe.epc == insn && probe.tval == VA(P_F2));
}

static void test_stress(void)
{
    for (int f = 0; f < 3; f++)
        frames[f][0] = 1000 + (uint64_t)f;
    uint64_t want = 0;
    for (int i = 0; i < N_STRESS; i++)
        want += 1000 + (uint64_t)(i % 3);
    CASE(21);       /* many pages, twice (the second pass after the TLB has wrapped) */
    for (int pass = 0; pass < 2; pass++)
        EXPECT(probe_run(code_va(u_stress), PRV_U, VA(P_STRESS), N_STRESS) == CAUSE_ECALL_U && probe.a0 == want);
}

void rvt_body(void) __attribute__((noreturn));
void rvt_body(void)
{
    csr_write(pmpaddr0, PMP_ALL_ADDR);
    csr_write(pmpcfg0, PMP_ALL_CFG);
    build();
    test_user();
    test_supervisor();
    test_accessed_dirty();
    test_mprv();
    test_delegated();
    test_remap();
    test_straddle();
    test_stress();
    csr_write(satp, 0);
    probe_done();
}
