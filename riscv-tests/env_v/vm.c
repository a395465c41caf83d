/* The S-mode half of the "v"-like environment (see env_v.S): page tables,
 * demand paging of the body's pages, the A/D check at the end, and the HTIF
 * console for messages. Compiled freestanding with -mcmodel=medany: the same
 * code runs at physical addresses (vm_boot, in M-mode) and at the kernel's
 * virtual addresses (handle_trap, in S-mode), because every address it takes
 * is pc-relative. Nothing here stores an absolute address in data.
 *
 * Physical memory: the image in the first MiB of RAM, user frames in the
 * second. Virtual memory: the first 2 MiB of RAM at KERNEL_VA (a megapage,
 * kernel only); the body's pages at VA = PA - DRAM_BASE in [0, 1 MiB),
 * mapped on demand with A and D clear, so that the body's own accesses set
 * them (or fault for the kernel to set them, which it also handles). */
#include <stdint.h>
#include "env_v/priv.h"

#define KERNEL_VA 0xffffffffffe00000ull
#define PAGE 4096ull
#define WINDOW (2ull << 20)
#define USER_TOP (1ull << 20)
#define FRAMES (DRAM_BASE + USER_TOP)

/* Report codes of the environment's own failures (the body's are 1..255). */
enum { FAIL_IMAGE = 900, FAIL_RANGE, FAIL_FRAMES, FAIL_REFAULT, FAIL_NO_A, FAIL_NO_D, FAIL_TRAP };

extern char _end[], s_trap[], user_start[], kstack_top[];
extern volatile uint64_t tohost;

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t kernel_l1[512] __attribute__((aligned(4096)));
static uint64_t user_l1[512] __attribute__((aligned(4096)));
static uint64_t user_l0[512] __attribute__((aligned(4096)));
static uint64_t next_frame;

#define csr_read(csr) ({ uint64_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "r"((uint64_t)(v)) : "memory")

static void sfence(uint64_t va) { __asm__ volatile("sfence.vma %0" :: "r"(va) : "memory"); }

/* The image's bytes have the same low 21 bits at their physical and their
 * kernel address. */
static uint64_t pa_of(const void *p) { return DRAM_BASE + ((uint64_t)p & (WINDOW - 1)); }
static uint64_t kva_of(uint64_t pa) { return KERNEL_VA + (pa - DRAM_BASE); }
static uint64_t pte(uint64_t pa, uint64_t flags) { return pa >> 12 << 10 | flags; }

static void to_host(uint64_t v)
{
    while (tohost)
        ;                   /* the host has not taken the last command */
    tohost = v;
}

static void put(const char *s)
{
    for (; *s; s++)
        to_host(0x0101000000000000ull | (uint8_t)*s);
}

static void put_hex(uint64_t v)
{
    char buf[20] = " 0x";
    for (int i = 0; i < 16; i++)
        buf[3 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    buf[19] = '\0';
    put(buf);
}

static __attribute__((noreturn)) void finish(uint64_t report)
{
    to_host(report);
    for (;;)
        ;
}

static __attribute__((noreturn)) void fail(int code, const char *why, uint64_t a, uint64_t b)
{
    put("env_v: ");
    put(why);
    put_hex(a);
    put_hex(b);
    put("\n");
    finish(TOHOST_FAIL((uint64_t)code));
}

static int differ(const volatile uint8_t *a, const volatile uint8_t *b, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 1;
    return 0;
}

static void copy(volatile uint8_t *to, const volatile uint8_t *from, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++)
        to[i] = from[i];
}

uint64_t vm_boot(void)
{
    if ((uint64_t)_end - DRAM_BASE > USER_TOP)
        fail(FAIL_IMAGE, "image too large", (uint64_t)_end, USER_TOP);
    root[0] = pte(pa_of(user_l1), PTE_V);
    user_l1[0] = pte(pa_of(user_l0), PTE_V);
    root[511] = pte(pa_of(kernel_l1), PTE_V);
    kernel_l1[511] = pte(DRAM_BASE, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G);
    next_frame = FRAMES;
    csr_write(satp, SATP_SV39 | pa_of(root) >> 12);
    sfence(0);
    csr_write(pmpaddr0, PMP_ALL_ADDR);
    csr_write(pmpcfg0, PMP_ALL_CFG);
    csr_write(stvec, kva_of(pa_of(s_trap)));
    csr_write(sscratch, kva_of(pa_of(kstack_top)));
    csr_write(medeleg, 1u << CAUSE_ECALL_U | 1u << CAUSE_FETCH_PAGE | 1u << CAUSE_LOAD_PAGE |
                       1u << CAUSE_STORE_PAGE);
    csr_write(mideleg, 0);
    csr_write(mie, 0);
    csr_write(mcounteren, 7);
    csr_write(scounteren, 7);
    csr_write(mstatus, MSTATUS_FS_INITIAL);     /* SPP = U, SUM off */
    return (uint64_t)user_start - DRAM_BASE;
}

/* The user page at va is the image's page at DRAM_BASE + va, which the
 * kernel reads at its own address. */
static const volatile uint8_t *original(uint64_t va) { return (const volatile uint8_t *)kva_of(DRAM_BASE + va); }

static void page_in(uint64_t addr, uint64_t cause, uint64_t epc)
{
    if (addr >= USER_TOP)
        fail(FAIL_RANGE, "page fault outside the user pages: address, pc", addr, epc);
    uint64_t va = addr & ~(PAGE - 1);
    uint64_t *e = &user_l0[va / PAGE];
    if (*e & PTE_V) {
        /* Mapped already: the hart wants software to set A or D. */
        if (!(*e & PTE_A))
            *e |= PTE_A;
        else if (cause == CAUSE_STORE_PAGE && !(*e & PTE_D))
            *e |= PTE_D;
        else
            fail(FAIL_REFAULT, "fault on a mapped page: address, cause", addr, cause);
        sfence(va);
        return;
    }
    uint64_t frame = next_frame;
    if (frame >= DRAM_BASE + WINDOW)
        fail(FAIL_FRAMES, "out of frames: address, pc", addr, epc);
    next_frame += PAGE;
    /* Fill the frame through the user mapping (SUM), then take A and D
     * away again. */
    *e = pte(frame, PTE_V | PTE_U | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
    sfence(va);
    csr_set(sstatus, MSTATUS_SUM);
    copy((volatile uint8_t *)va, original(va), PAGE);
    csr_clear(sstatus, MSTATUS_SUM);
    *e = pte(frame, PTE_V | PTE_U | PTE_R | PTE_W | PTE_X);
    sfence(va);
    __asm__ volatile("fence.i" ::: "memory");
}

/* Every page the body touched has A set; every page it changed has D set. */
static void check_pages(void)
{
    for (uint64_t va = 0; va < USER_TOP; va += PAGE) {
        uint64_t e = user_l0[va / PAGE];
        if (!(e & PTE_V))
            continue;
        if (!(e & PTE_A))
            fail(FAIL_NO_A, "used page without A: address, pte", va, e);
        csr_set(sstatus, MSTATUS_SUM);
        int changed = differ((const volatile uint8_t *)va, original(va), PAGE);
        csr_clear(sstatus, MSTATUS_SUM);
        if (changed && !(e & PTE_D))
            fail(FAIL_NO_D, "written page without D: address, pte", va, e);
    }
}

void handle_trap(uint64_t *regs)
{
    uint64_t cause = csr_read(scause), tval = csr_read(stval), epc = csr_read(sepc);
    if (cause == CAUSE_ECALL_U) {
        check_pages();
        finish(regs[10]);
    }
    if (cause == CAUSE_FETCH_PAGE || cause == CAUSE_LOAD_PAGE || cause == CAUSE_STORE_PAGE) {
        page_in(tval, cause, epc);
        return;
    }
    put("env_v: unexpected trap: scause, sepc, stval");
    put_hex(cause);
    fail(FAIL_TRAP, "", epc, tval);
}
