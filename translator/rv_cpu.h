/* The guest CPU state: the one header that says where every piece of per-thread
 * guest state lives. Translated code addresses it as offsets from one pinned host
 * register (rbp, see x86_emit.h), so every offset the emitter uses comes from
 * offsetof() on this struct, and the layout the emitter depends on is pinned by
 * the _Static_asserts at the bottom. */
#ifndef RV_CPU_H
#define RV_CPU_H

#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

/* fflags bits (RISC-V "A" accrued exceptions), in fcsr order. */
enum { RV_FFLAG_NX = 1, RV_FFLAG_UF = 2, RV_FFLAG_OF = 4, RV_FFLAG_DZ = 8, RV_FFLAG_NV = 16 };

/* Rounding modes as encoded in the rm field and in frm. */
enum { RV_RM_RNE = 0, RV_RM_RTZ = 1, RV_RM_RDN = 2, RV_RM_RUP = 3, RV_RM_RMM = 4, RV_RM_DYN = 7 };

/* An inline-cache slot. Load/store sites and jalr sites use the same layout;
 * for jalr, addend is the jump table biased so that the host code for target t
 * is at addend + 4 * t (one 8-byte entry per 2-byte instruction slot).
 *
 * A load/store inline-cache slot. A guest access of the site's size at addr hits
 * when (addr - lower) < span, unsigned; it then touches host memory at
 * addr + addend. span = (upper - lower) - (size - 1) for a range [lower, upper)
 * that has one backing and the site's permission; span == 0 means empty, so an
 * empty slot needs no special case in the fast path. */
struct ic_mem_slot {
    uint64_t lower;
    uint64_t span;
    uint64_t addend;
};

/* Why translated code returned to the dispatcher. */
enum rv_exit {
    RV_EXIT_NEXT = 0,   /* block ended; cpu->pc is the next guest pc */
    RV_EXIT_ECALL,      /* cpu->pc is the ecall */
    RV_EXIT_EBREAK,     /* cpu->pc is the ebreak */
    RV_EXIT_ILLEGAL,    /* cpu->pc is the illegal instruction, cpu->fault_insn its word */
    RV_EXIT_FENCE_I,    /* cpu->pc is the instruction after fence.i */
    RV_EXIT_JALR,       /* jalr slot miss: cpu->pc is the target, cpu->jalr_site the slot */
    RV_EXIT_JTABLE,     /* jalr table entry not yet translated: cpu->pc is the target */
    RV_EXIT_PRIV,       /* bare mode: cpu->pc is a CSR access, mret, sret, wfi or
                           sfence.vma, cpu->fault_insn its word, for the dispatcher
                           to carry out (translator/tr_priv.c) */
    /* Returned by tr_exec (translator/tr_exec.h), never by translated code: */
    RV_EXIT_FETCH,      /* the code at cpu->pc cannot be fetched: cpu->fault_addr */
    RV_EXIT_INTERRUPT,  /* exit_req was set: a signal may be pending */
};

/* Return-address stack entry: a call pushes the guest return address and the
 * host code that continues there; a return that matches jumps straight to it. */
struct rv_ras_entry {
    uint64_t guest;     /* odd (never a target) when empty */
    uint64_t host;
};
#define RV_RAS_SIZE 64
/* ras_top is a byte offset into ras[]: this masks it to the ring */
#define RV_RAS_MASK ((RV_RAS_SIZE - 1) * (int)sizeof(struct rv_ras_entry))

/* Counters the slow paths always keep (misses are exact); hits are counted
 * by the fast paths only under --count-hits. Read by --stats. */
struct rv_counters {
    uint64_t blocks_translated;
    uint64_t guest_insns_translated;
    uint64_t lookups, lookup_hits;
    uint64_t ic_load_hits, ic_load_misses;
    uint64_t ic_store_hits, ic_store_misses;
    uint64_t ic_jalr_hits, ic_jalr_misses;
    uint64_t ic_ret_hits, ic_ret_misses;
    uint64_t tlb_hits, tlb_misses;
    uint64_t chain_patches, invalidations;
    uint64_t syscalls;
    uint64_t signals;        /* handlers started (linux/sys_signal.c) */
    uint64_t interrupts;     /* exits taken because exit_req was set */
    uint64_t translate_ns;   /* time spent translating (monotonic clock) */
};

/* Bare mode's software TLB: one entry per 4 KiB virtual page, direct-mapped
 * by the low bits of the page number. Filled by Sv39 walks, emptied by
 * sfence.vma and satp writes. */
struct rv_tlb_entry {
    uint64_t vpn;            /* virtual address >> 12; RV_TLB_EMPTY when unused */
    uint64_t ppage;          /* physical page address | the leaf PTE's flags (bits 7:0) */
};
#define RV_TLB_SIZE 64
#define RV_TLB_EMPTY UINT64_MAX

/* What translations (code) or inline-cache slots (data) depend on: the
 * privilege they were made at and the address space, or prv 3 for physical
 * addresses. flags: mstatus.SUM/MXR for data, mstatus.FS on for code. */
struct rv_regime {
    uint64_t satp;
    uint32_t prv;
    uint32_t flags;
};

/* Privileged state of bare mode (--bare, translator/tr_priv.c): the machine
 * and supervisor CSRs rvdbt models and what keeps translations valid across
 * privilege and address-space changes. Unused in Linux user mode. */
struct rv_priv {
    uint32_t bare;           /* a bare-metal image runs: everything below is live */
    uint32_t prv;            /* privilege: 0 U, 1 S, 3 M */
    uint64_t mstatus;        /* without SD, which reads are given */
    uint64_t medeleg, mideleg, mie, mip;
    uint64_t mtvec, mscratch, mepc, mcause, mtval;
    uint64_t stvec, sscratch, sepc, scause, stval;
    uint64_t satp;
    uint32_t mcounteren, scounteren;
    uint64_t pmpcfg[2], pmpaddr[16];    /* kept, not enforced */
    int64_t cycle_delta, instret_delta; /* mcycle/minstret = host counter + delta */

    struct rv_regime code, data;        /* what translations and slots were made for */
    uint64_t trap_cause, trap_tval;     /* raised by a slow path, taken by the dispatcher */
    uint64_t tohost, fromhost;          /* HTIF words (physical; fromhost 0 if absent) */
    uint64_t sink;                      /* a store the slow path did itself writes here again */
    uint8_t bounce[8];                  /* a load split over two pages is served from here */
    struct rv_tlb_entry tlb[RV_TLB_SIZE];
};

/* Linux user mode's software TLB (softmmu/tlb.c): per guest page, the
 * permissions the region map gives it and the widest ranges around it a load
 * slot and a store slot may cover, so a slot refill after a TLB hit needs no
 * region walk. Direct-mapped by page number; emptied whenever the address
 * space changes. */
struct tlb_entry {
    uint64_t page;           /* guest page address; TLB_EMPTY when unused */
    uint64_t rlo, rhi;       /* load slot range ([0, 0) if not readable) */
    uint64_t wlo, whi;       /* store slot range ([0, 0) if not writable or a code page) */
};
#define TLB_MAX 256
#define TLB_EMPTY 1          /* no page address is odd */

struct rv_proc;

struct rv_cpu {
    uint64_t x[32];          /* x0 is kept 0: translated code never writes it */
    uint64_t f[32];          /* raw bits; singles NaN-boxed (upper 32 bits ones) */
    uint64_t pc;
    uint32_t fflags;         /* 5 bits */
    uint32_t frm;            /* 3 bits; invalid values make DYN instructions illegal */
    /* Nonzero: leave translated code at the next block entry (every block
     * checks it first). Set by other threads and by host signal handlers;
     * only the owning thread clears it (translator/tr_exec.c). */
    volatile uint32_t exit_req;
    /* Set by another thread: drop every slot and TLB entry at the next
     * dispatcher trip (that thread made a page of ours a code page). */
    volatile uint32_t flush_req;
    /* Where a loop's run of trips without checking its accesses ends, from
     * the check at its head: the value of its walker register then, or
     * the trips left (translator/tr_loop.c). */
    uint64_t loop_end;

    /* LR/SC: the reserved address and the value LR read; SC succeeds by a
     * compare-and-swap against that value (atomic across host threads). */
    uint64_t res_addr;
    uint64_t res_val;
    uint32_t res_valid;

    uint32_t flush_icache;   /* riscv_flush_icache asked the dispatcher to drop translations */
    uint32_t fault_insn;     /* word of the illegal instruction for RV_EXIT_ILLEGAL */
    uint64_t fault_addr;     /* guest address of the last memory fault */
    uint32_t fault_bus_adrerr; /* the last SIGBUS was a host bus error (file past its end), not misalignment */
    uint64_t chain_from;     /* exec address of the rel32 of the exit taken, to chain it; 0 if none */
    uint32_t jalr_site;      /* slot of the jalr that missed (RV_EXIT_JALR) */
    uint64_t jtab_base;      /* jalr table entries are relative to this (tr_cache.jtable_stub) */
    uint32_t ras_top;        /* byte offset in ras[] of the newest return-stack entry */
    struct rv_ras_entry ras[RV_RAS_SIZE];
    uint64_t mmu_generation; /* of the address space when the slots were last valid */

    struct rv_proc *proc;    /* process-wide state: address space, options */
    void *thread;            /* the OS layer's part of this thread (linux/thread.h) */
    struct rv_cpu *next_cpu; /* the threads sharing a code cache (tr_cache.cpus) */
    uint32_t running;        /* in translated code: counted in tr_cache.n_running */
    uint32_t prof_where;     /* enum tr_where: what runs when not translated code, for samples */
    struct rv_counters cnt;
    sigjmp_buf fault_jmp;    /* slow paths leave translated code through this */
    uint64_t tid;            /* guest thread id */
    uint32_t tlb_mask;       /* entries in use - 1 (--tlb-size) */
    struct tlb_entry tlb[TLB_MAX];
    struct rv_priv priv;     /* bare mode only */
    /* MXCSR (translator/fp_mxcsr.h): the host's, saved while translated code
     * runs; the guest's, loaded at entry and stored at exit with the
     * exception flags raised in between. */
    uint32_t host_mxcsr;
    uint32_t guest_mxcsr;    /* also where translated code stores MXCSR to read its flags */
    uint8_t fflags_of_mxcsr[64]; /* fp_mxcsr_fflags() of each value of MXCSR's flag bits */
    /* A double's sign bit and the rest, for sign injection in xmm registers */
    uint64_t fp_sign[2] __attribute__((aligned(16)));
    uint64_t fp_magnitude[2];

    /* Per-thread load/store slots, indexed by the site number the translator
     * gives each load/store; they start page-aligned after the fixed part. */
    struct ic_mem_slot mem_slots[] __attribute__((aligned(4096)));
};

/* How many load/store sites the slot array holds; the array is reserved, not
 * committed, so unused slots cost address space only. */
#define RV_MEM_SLOTS_MAX (1u << 20)
/* After the slots, the thread's profile counters (translator/tr_probe.h),
 * reserved alike: translated code bumps counter i with one add to
 * [rbp + RV_OFF_PROF(i)], which needs no register and no lock. */
#define RV_PROF_MAX (1u << 21)
#define RV_PROF_BASE (offsetof(struct rv_cpu, mem_slots) + (size_t)RV_MEM_SLOTS_MAX * sizeof(struct ic_mem_slot))
#define RV_CPU_ALLOC_SIZE (RV_PROF_BASE + (size_t)RV_PROF_MAX * sizeof(uint64_t))
#define RV_PROF(cpu) ((uint64_t *)((char *)(cpu) + RV_PROF_BASE))
#define RV_OFF_PROF(i) ((int32_t)(RV_PROF_BASE + (size_t)(i) * sizeof(uint64_t)))

#define RV_OFF_X(r)  ((int32_t)offsetof(struct rv_cpu, x) + 8 * (r))
#define RV_OFF_F(r)  ((int32_t)offsetof(struct rv_cpu, f) + 8 * (r))
#define RV_OFF(field) ((int32_t)offsetof(struct rv_cpu, field))
#define RV_OFF_SLOT(i, field) ((int32_t)(offsetof(struct rv_cpu, mem_slots) + \
                               (size_t)(i) * sizeof(struct ic_mem_slot) + \
                               offsetof(struct ic_mem_slot, field)))

_Static_assert(offsetof(struct rv_cpu, x) == 0, "x[] first: the hot registers sit in disp8 reach");
_Static_assert(sizeof(struct ic_mem_slot) == 24, "slot layout is documented in ARCHITECTURE.md");
_Static_assert(RV_CPU_ALLOC_SIZE < (1ull << 31), "every slot must be reachable with a disp32");

struct rv_cpu *rv_cpu_new(struct rv_proc *proc);
void rv_cpu_free(struct rv_cpu *cpu);

/* An internal error of rvdbt, a state it cannot go on from: the crash
 * report and exit status 70. The environment defines it (linux/crash.c). */
_Noreturn void rv_internal_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
