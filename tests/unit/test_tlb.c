/* The load/store inline cache behind translated code: the slot hit test the
 * fast path computes (boundaries, sizes, empty slots, wrap-around), and the
 * real slow path (softmmu/tlb.c) on a real address space: the host address it
 * returns, the slot it refills (the widest run of adjacent regions with the
 * permission, never a read-only or code page for stores) and the site's
 * second entry, the faults it raises, --ic-miss, the software TLB's counters
 * and its smallest size, and invalidation of translated code by a store. Expected values come from the
 * region layout the test maps, not from running the code under test. */
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "linux/proc.h"
#include "mmu/mmu.h"
#include "softmmu/tlb.h"
#include "translator/rv_cpu.h"
#include "translator/tr_cache.h"
#include "tests/unit/t.h"

#define PG MMU_PAGE_SIZE
#define TOP64 ((unsigned __int128)1 << 64)

static const unsigned sizes[] = { 1, 2, 4, 8 };

/* The hit rule in exact arithmetic: the access [addr, addr+size) lies inside
 * [lower, upper), where upper may be 2^64. */
static bool inside(unsigned __int128 lower, unsigned __int128 upper, uint64_t addr, unsigned size)
{
    return addr >= lower && (unsigned __int128)addr + size <= upper;
}

static struct ic_mem_slot slot_for(uint64_t lower, uint64_t upper, unsigned size)
{
    return (struct ic_mem_slot){ lower, tlb_slot_span(lower, upper, size), 0 };
}

/* Every address within `radius` of lower and of upper hits exactly when the
 * access fits the range. upper == 0 stands for 2^64. Returns the mismatches. */
static int edge_mismatches(uint64_t lower, uint64_t upper, unsigned size, uint64_t radius)
{
    struct ic_mem_slot s = slot_for(lower, upper, size);
    unsigned __int128 up = upper == 0 ? TOP64 : upper;
    int bad = 0;
    uint64_t edges[] = { lower, upper };
    for (int e = 0; e < 2; e++)
        for (uint64_t d = 0; d <= 2 * radius; d++) {
            uint64_t a = edges[e] - radius + d;     /* wraps on purpose */
            if (tlb_slot_hit(&s, a) != inside(lower, up, a, size))
                bad++;
        }
    return bad;
}

static void test_slot_boundaries(void)
{
    const uint64_t lo = 0x10000, hi = 0x12000;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        struct ic_mem_slot s = slot_for(lo, hi, n);
        CHECK(s.span == hi - lo - (n - 1), "size %u: span %llu", n, (unsigned long long)s.span);
        CHECK(tlb_slot_hit(&s, lo), "size %u: first byte hits", n);
        CHECK(!tlb_slot_hit(&s, lo - 1), "size %u: the byte before misses", n);
        CHECK(tlb_slot_hit(&s, hi - n), "size %u: the last whole access hits", n);
        CHECK(!tlb_slot_hit(&s, hi), "size %u: one past the end misses", n);
        CHECK(tlb_slot_hit(&s, hi - 1) == (n == 1), "size %u: the last byte hits only for size 1", n);
        for (unsigned k = 1; k < n; k++)
            CHECK(!tlb_slot_hit(&s, hi - n + k), "size %u: straddling the end by %u misses", n, k);
        CHECK(edge_mismatches(lo, hi, n, 64) == 0, "size %u: exact rule around both edges", n);
    }
}

static void test_slot_empty(void)
{
    const uint64_t probes[] = { 0, 1, 0x10000, 0x10001, MMU_GUEST_SIZE - 1, ~0ull, ~0ull - 7 };
    struct ic_mem_slot zero = { 0, 0, 0 };
    int hits = 0;
    for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++)
        hits += tlb_slot_hit(&zero, probes[p]);
    CHECK(hits == 0, "the all-zero slot (how every slot starts) hits nothing: %d hits", hits);

    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        CHECK(tlb_slot_span(0x10000, 0x10000, n) == 0, "size %u: an empty range gives span 0", n);
        CHECK(tlb_slot_span(0x10000, 0x10000 + n - 1, n) == 0,
              "size %u: a range one byte too small gives span 0", n);
        struct ic_mem_slot s = slot_for(0x10000, 0x10000 + n - 1, n);
        hits = 0;
        for (uint64_t a = 0x10000 - 16; a < 0x10000 + 16; a++)
            hits += tlb_slot_hit(&s, a);
        CHECK(hits == 0, "size %u: a too-small range hits nothing (%d hits)", n, hits);
        s = slot_for(0x10000, 0x10000 + n, n);
        CHECK(s.span == 1 && tlb_slot_hit(&s, 0x10000) && !tlb_slot_hit(&s, 0x10001) &&
              !tlb_slot_hit(&s, 0xffff), "size %u: a range of exactly one access hits once", n);
    }
}

static void test_slot_top(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        /* [2^64 - 4096, 2^64): upper is 0 in 64 bits, and upper - lower still 4096. */
        uint64_t lo = 0ull - PG;
        struct ic_mem_slot s = slot_for(lo, 0, n);
        CHECK(s.span == PG - (n - 1), "size %u: range to the top of the 64-bit space: span %llu", n,
              (unsigned long long)s.span);
        CHECK(tlb_slot_hit(&s, ~0ull - (n - 1)), "size %u: the last access below 2^64 hits", n);
        CHECK(tlb_slot_hit(&s, ~0ull) == (n == 1), "size %u: 2^64-1 hits only for size 1", n);
        CHECK(!tlb_slot_hit(&s, 0) && !tlb_slot_hit(&s, 1), "size %u: wrapping to 0 misses", n);
        CHECK(edge_mismatches(lo, 0, n, 64) == 0, "size %u: exact rule at the top of 2^64", n);

        /* The top of the guest space. */
        s = slot_for(MMU_GUEST_SIZE - 2 * PG, MMU_GUEST_SIZE, n);
        CHECK(tlb_slot_hit(&s, MMU_GUEST_SIZE - n) && !tlb_slot_hit(&s, MMU_GUEST_SIZE - n + 1) &&
              !tlb_slot_hit(&s, MMU_GUEST_SIZE), "size %u: the top of the guest space", n);
        CHECK(edge_mismatches(MMU_GUEST_SIZE - 2 * PG, MMU_GUEST_SIZE, n, 64) == 0,
              "size %u: exact rule at the top of the guest space", n);

        /* Low slots never catch wrapped addresses near 2^64. */
        s = slot_for(0, 2 * PG, n);
        CHECK(!tlb_slot_hit(&s, ~0ull) && !tlb_slot_hit(&s, ~0ull - 7) && tlb_slot_hit(&s, 0),
              "size %u: a slot at address 0 misses 2^64-1 and 2^64-8", n);
        s = slot_for(PG, 2 * PG, n);
        CHECK(!tlb_slot_hit(&s, ~0ull) && !tlb_slot_hit(&s, PG - 1), "size %u: 2^64-1 misses", n);
    }
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Random ranges (small, large, near 0 and near 2^64) against exact arithmetic. */
static void test_slot_random(void)
{
    int bad = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned n = sizes[rng() & 3];
        uint64_t lo, len;
        switch (rng() & 3) {
        case 0: lo = rng() & 0xffff; break;
        case 1: lo = 0ull - (rng() & 0xffff); break;
        case 2: lo = rng() & (MMU_GUEST_SIZE - 1); break;
        default: lo = rng(); break;
        }
        len = (rng() & 1) ? rng() & 15 : rng() & 0xfffff;
        unsigned __int128 up = (unsigned __int128)lo + len;
        if (up > TOP64)
            continue;
        uint64_t upper = (uint64_t)up;   /* 0 when up == 2^64 */
        struct ic_mem_slot s = slot_for(lo, upper, n);
        uint64_t probes[] = { lo, lo - 1, lo + len - n, lo + len - n + 1, lo + len, lo + len - 1,
                              lo + (len ? rng() % len : 0), rng() };
        for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++)
            if (tlb_slot_hit(&s, probes[p]) != inside(lo, up, probes[p], n))
                bad++;
    }
    CHECK(bad == 0, "random ranges: %d probes disagree with exact arithmetic", bad);
}

/* ---- the slow path on a real address space ---- */

static struct rv_proc proc;
static struct tr_cache cache;
static struct rv_cpu *cpu;
#define PC 0x10074ull                    /* the guest pc handed to the slow path */

/* The layout (guest addresses): */
#define A_LO 0x100000ull                 /* RW,  2 pages */
#define B_LO 0x102000ull                 /* RW,  2 pages, a separate region (brk flag) */
#define C_LO 0x104000ull                 /* R,   1 page */
#define GAP  0x105000ull                 /* unmapped, 1 page */
#define D_LO 0x106000ull                 /* RW,  2 pages */
#define D_HI 0x108000ull
#define E_LO 0x200000ull                 /* R,   1 page; same TLB index as A_LO */
#define G_LO 0x300000ull                 /* RW,  8 pages (code pages marked inside) */
#define G_HI 0x308000ull
#define X_LO 0x400000ull                 /* RWX, 2 pages: code that gets translated */
#define Y_LO 0x500000ull                 /* R-X, 1 page: a block with many sites */
#define T_LO (MMU_GUEST_SIZE - 2 * PG)   /* RW,  the top two pages of the guest space */

struct result {
    int sig;                             /* 0, or the signal of the guest fault */
    uint64_t host;
};

/* One slow-path call as translated code makes it, with the fault it may raise
 * caught the way the dispatcher catches it. */
static struct result access_at(bool store, uint64_t addr, unsigned size, uint32_t site)
{
    volatile struct result r = { 0, 0 };
    int sig = sigsetjmp(cpu->fault_jmp, 0);
    if (sig == 0) {
        uint64_t arg = TLB_SITE(site, size);
        r.host = store ? tlb_store_slow(cpu, addr, arg, PC) : tlb_load_slow(cpu, addr, arg, PC);
    } else {
        r.sig = sig;
    }
    return (struct result){ r.sig, r.host };
}

static uint64_t host_of(uint64_t g)
{
    return (uint64_t)(uintptr_t)proc.mmu.base + g;
}

static struct ic_mem_slot *slot(uint32_t site)
{
    return &cpu->mem_slots[site];
}

/* A load/store site owns two slot entries: the slot the fast path tries
 * first and, after it, the range the slot held before its last refill. The
 * sites below are even numbers so that no two overlap. */
static void clear_slot(uint32_t site)
{
    slot(site)[0] = slot(site)[1] = (struct ic_mem_slot){ 0, 0, 0 };
}

static bool site_admits(uint32_t site, uint64_t addr)
{
    return tlb_slot_hit(slot(site), addr) || tlb_slot_hit(slot(site + 1), addr);
}

/* The slot covers exactly [lower, upper) for accesses of size n, with the
 * flat mapping's addend. */
static bool slot_is(uint32_t site, uint64_t lower, uint64_t upper, unsigned n)
{
    const struct ic_mem_slot *s = slot(site);
    return s->lower == lower && s->span == upper - lower - (n - 1) && s->addend == host_of(0);
}

/* An access that must succeed: the right host address, and a slot that
 * admits it. */
static bool ok_at(bool store, uint64_t addr, unsigned n, uint32_t site)
{
    struct result r = access_at(store, addr, n, site);
    return r.sig == 0 && r.host == host_of(addr) && tlb_slot_hit(slot(site), addr);
}

/* An access that must fault: SIGSEGV, at an address inside the access, with
 * the pc recorded, and no entry of the site admitting it. */
static bool faults_at(bool store, uint64_t addr, unsigned n, uint32_t site)
{
    cpu->fault_addr = 0;
    cpu->pc = 0;
    struct result r = access_at(store, addr, n, site);
    return r.sig == SIGSEGV && cpu->fault_addr - addr < n && cpu->pc == PC && !site_admits(site, addr);
}

static void setup(void)
{
    CHECK(mmu_init(&proc.mmu, true) == 0, "mmu_init");
    CHECK(tr_cache_init(&cache, 1u << 20, 1u << 20) == 0, "tr_cache_init");
    proc.cache = &cache;
    cpu = rv_cpu_new(&proc);
    CHECK(cpu != NULL, "rv_cpu_new");
    if (!cpu)
        exit(t_done("test_tlb"));
    struct mmu *m = &proc.mmu;
    CHECK(mmu_map(m, A_LO, 2 * PG, MMU_R | MMU_W, 0, -1, 0) == 0 &&
          mmu_map(m, B_LO, 2 * PG, MMU_R | MMU_W, MMU_F_BRK, -1, 0) == 0 &&
          mmu_map(m, C_LO, PG, MMU_R, 0, -1, 0) == 0 &&
          mmu_map(m, D_LO, 2 * PG, MMU_R | MMU_W, 0, -1, 0) == 0 &&
          mmu_map(m, E_LO, PG, MMU_R, 0, -1, 0) == 0 &&
          mmu_map(m, G_LO, 8 * PG, MMU_R | MMU_W, 0, -1, 0) == 0 &&
          mmu_map(m, X_LO, 2 * PG, MMU_R | MMU_W | MMU_X, 0, -1, 0) == 0 &&
          mmu_map(m, T_LO, 2 * PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map the layout");
    /* A and B stay two regions: the run the slots cover spans both. */
    CHECK(mmu_lookup(m, A_LO) != mmu_lookup(m, B_LO), "A and B are separate regions");
}

static void test_refill_load(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        clear_slot(2);
        /* A, B and C are adjacent and readable: one load slot covers all three. */
        CHECK(ok_at(false, A_LO + 0x10, n, 2) && slot_is(2, A_LO, GAP, n),
              "size %u: a load in A refills the slot with A+B+C", n);
        CHECK(tlb_slot_hit(slot(2), C_LO) && tlb_slot_hit(slot(2), GAP - n) &&
              !tlb_slot_hit(slot(2), GAP - n + 1) && !tlb_slot_hit(slot(2), A_LO - 1),
              "size %u: the load slot ends at the gap and starts at A", n);
        clear_slot(2);
        CHECK(ok_at(false, GAP - n, n, 2) && slot_is(2, A_LO, GAP, n),
              "size %u: the last load before the gap refills the same range", n);
        clear_slot(2);
        CHECK(ok_at(false, D_LO, n, 2) && slot_is(2, D_LO, D_HI, n),
              "size %u: D is not widened across the gap", n);
        clear_slot(2);
        CHECK(ok_at(false, E_LO + PG - n, n, 2) && slot_is(2, E_LO, E_LO + PG, n),
              "size %u: a read-only page serves loads", n);
        clear_slot(2);
        CHECK(ok_at(false, MMU_GUEST_SIZE - n, n, 2) && slot_is(2, T_LO, MMU_GUEST_SIZE, n),
              "size %u: the last access of the guest space", n);
    }
}

static void test_refill_store(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        clear_slot(4);
        CHECK(ok_at(true, A_LO + 8, n, 4) && slot_is(4, A_LO, C_LO, n),
              "size %u: a store in A refills the slot with A+B, not the read-only C", n);
        CHECK(!tlb_slot_hit(slot(4), C_LO) && !tlb_slot_hit(slot(4), C_LO - n + 1),
              "size %u: the store slot admits no byte of C", n);
        clear_slot(4);
        CHECK(ok_at(true, C_LO - n, n, 4) && slot_is(4, A_LO, C_LO, n),
              "size %u: the last store in B", n);
        clear_slot(4);
        CHECK(ok_at(true, D_HI - n, n, 4) && slot_is(4, D_LO, D_HI, n), "size %u: a store in D", n);
    }
}

static void test_faults(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned n = sizes[i];
        clear_slot(6);
        CHECK(faults_at(true, C_LO, n, 6), "size %u: a store to the read-only C faults", n);
        CHECK(faults_at(true, E_LO + 16, n, 6), "size %u: a store to the read-only E faults", n);
        CHECK(faults_at(false, GAP, n, 6) && faults_at(true, GAP + PG - n, n, 6),
              "size %u: accesses in the gap fault", n);
        CHECK(faults_at(false, 0, n, 6) && faults_at(false, 0x1000, n, 6),
              "size %u: page 0 is unmapped", n);
        if (n > 1) {
            CHECK(faults_at(true, C_LO - n + 1, n, 6),
                  "size %u: a store straddling from B into read-only C faults", n);
            CHECK(faults_at(false, GAP - 1, n, 6) && faults_at(true, GAP - 1, n, 6),
                  "size %u: accesses straddling from C into the gap fault", n);
            CHECK(faults_at(false, D_HI - 1, n, 6),
                  "size %u: a load straddling from D into unmapped memory faults", n);
            CHECK(faults_at(false, MMU_GUEST_SIZE - 1, n, 6) &&
                  faults_at(true, MMU_GUEST_SIZE - n + 1, n, 6),
                  "size %u: accesses straddling the top of the guest space fault", n);
        }
        CHECK(faults_at(false, MMU_GUEST_SIZE, n, 6) && faults_at(true, MMU_GUEST_SIZE, n, 6),
              "size %u: address 2^38 faults", n);
        CHECK(faults_at(false, 0ull - 8, n, 6) && faults_at(true, 0ull - 8, n, 6),
              "size %u: address 2^64-8 faults", n);
        CHECK(faults_at(false, ~0ull, n, 6) && faults_at(false, 1ull << 63, n, 6),
              "size %u: 2^64-1 and 2^63 fault", n);
        CHECK(faults_at(false, A_LO + MMU_GUEST_SIZE, n, 6),
              "size %u: a mapped address plus 2^38 faults (no aliasing)", n);
    }
    /* A straddling load that is allowed (B into the read-only C) is served. */
    struct result r = access_at(false, C_LO - 4, 8, 6);
    CHECK(r.sig == 0 && r.host == host_of(C_LO - 4), "a load straddling B into C is served");
    /* After a fault, the slot filled before still serves what it covered. */
    clear_slot(6);
    CHECK(ok_at(true, A_LO, 8, 6) && faults_at(true, C_LO, 8, 6) && slot_is(6, A_LO, C_LO, 8),
          "a fault leaves the site's earlier slot as it was");
}

static void test_ic_miss(void)
{
    proc.opt.ic_miss = true;
    clear_slot(8);
    clear_slot(10);
    struct result l = access_at(false, A_LO + 24, 8, 8);
    struct result s = access_at(true, B_LO + 24, 4, 10);
    CHECK(l.sig == 0 && l.host == host_of(A_LO + 24), "--ic-miss: the load gets its host address");
    CHECK(s.sig == 0 && s.host == host_of(B_LO + 24), "--ic-miss: the store gets its host address");
    CHECK(slot(8)->span == 0 && slot(10)->span == 0, "--ic-miss: the slots stay empty");
    CHECK(faults_at(true, C_LO, 4, 10), "--ic-miss: a store to read-only memory still faults");
    proc.opt.ic_miss = false;
}

static void test_counters(void)
{
    tlb_flush(cpu);
    memset(&cpu->cnt, 0, sizeof cpu->cnt);
    CHECK(ok_at(false, A_LO, 8, 12), "load A");
    CHECK(cpu->cnt.tlb_misses == 1 && cpu->cnt.tlb_hits == 0 && cpu->cnt.ic_load_misses == 1,
          "the first access to a page is a TLB miss");
    CHECK(ok_at(false, A_LO + 0x800, 4, 14), "load A again");
    CHECK(cpu->cnt.tlb_misses == 1 && cpu->cnt.tlb_hits == 1 && cpu->cnt.ic_load_misses == 2,
          "a second site on the same page hits the TLB");
    CHECK(ok_at(true, A_LO + 16, 8, 16), "store A");
    CHECK(cpu->cnt.tlb_hits == 2 && cpu->cnt.ic_store_misses == 1 && cpu->cnt.ic_load_misses == 2,
          "one entry serves loads and stores of its page");
    CHECK(ok_at(false, A_LO + PG, 8, 12), "load on A's second page");
    CHECK(cpu->cnt.tlb_misses == 2, "another page is another TLB miss");
    CHECK(faults_at(true, C_LO, 8, 16), "store C");
    CHECK(cpu->cnt.tlb_misses == 3 && cpu->cnt.ic_store_misses == 2, "a faulting access is a miss too");
    CHECK(faults_at(true, C_LO + 8, 8, 16), "store C again");
    CHECK(cpu->cnt.tlb_hits == 3 && cpu->cnt.ic_store_misses == 3,
          "a page without the permission is remembered by the TLB");
    CHECK(cpu->cnt.ic_load_hits == 0 && cpu->cnt.ic_store_hits == 0, "the slow path counts no hits");
    tlb_flush(cpu);
    CHECK(ok_at(false, A_LO, 8, 12) && cpu->cnt.tlb_misses == 4, "tlb_flush empties the TLB");
}

/* A and E share an index in the 256-entry TLB; with one entry, every page does. */
static void test_tlb_conflicts(void)
{
    const uint32_t sizes_tlb[] = { TLB_MAX, 1 };
    for (int k = 0; k < 2; k++) {
        cpu->tlb_mask = sizes_tlb[k] - 1;
        tlb_flush(cpu);
        memset(&cpu->cnt, 0, sizeof cpu->cnt);
        int wrong = 0;
        /* Per round: A, E, E again, C, B, D, the gap: one TLB hit (E's second
         * access) and six misses with one entry. */
        for (int round = 0; round < 4; round++) {
            clear_slot(18);
            wrong += !(ok_at(true, A_LO + 8, 8, 18) && slot_is(18, A_LO, C_LO, 8));
            wrong += !faults_at(true, E_LO + 8, 8, 20);
            wrong += !(ok_at(false, E_LO + 8, 8, 22) && slot_is(22, E_LO, E_LO + PG, 8));
            wrong += !faults_at(true, C_LO, 4, 20);
            clear_slot(18);
            wrong += !(ok_at(true, B_LO, 4, 18) && slot_is(18, A_LO, C_LO, 4));
            wrong += !(ok_at(false, D_LO, 2, 30) && slot_is(30, D_LO, D_HI, 2));
            wrong += !faults_at(false, GAP, 1, 32);
        }
        CHECK(wrong == 0, "TLB of %u entries: %d wrong answers across conflicting pages", sizes_tlb[k], wrong);
        if (sizes_tlb[k] == 1)
            CHECK(cpu->cnt.tlb_hits == 4 && cpu->cnt.tlb_misses == 24,
                  "one entry: only a second access to the same page hits (%llu hits, %llu misses)",
                  (unsigned long long)cpu->cnt.tlb_hits, (unsigned long long)cpu->cnt.tlb_misses);
        else
            /* Six misses in the first round, then A and E evict each other. */
            CHECK(cpu->cnt.tlb_misses == 12 && cpu->cnt.tlb_hits == 16,
                  "256 entries: only A and E's shared index conflicts (%llu hits, %llu misses)",
                  (unsigned long long)cpu->cnt.tlb_hits, (unsigned long long)cpu->cnt.tlb_misses);
    }
    cpu->tlb_mask = TLB_MAX - 1;
    tlb_flush(cpu);
}

/* After the address space changes (the dispatcher flushes the TLB then), the
 * slow path follows the region map. */
static void test_protect(void)
{
    struct mmu *m = &proc.mmu;
    CHECK(ok_at(true, D_LO, 8, 24), "store D");
    CHECK(mmu_protect(m, D_LO + PG, PG, MMU_R) == 0, "mprotect D's second page read-only");
    tlb_flush(cpu);
    clear_slot(24);
    CHECK(ok_at(true, D_LO, 8, 24) && slot_is(24, D_LO, D_LO + PG, 8),
          "the store slot shrinks to the writable page");
    CHECK(faults_at(true, D_LO + PG, 8, 24), "a store to the read-only page faults");
    clear_slot(24);
    CHECK(ok_at(false, D_LO + PG, 8, 24) && slot_is(24, D_LO, D_HI, 8), "loads still cover both pages");
    CHECK(mmu_unmap(m, D_LO, PG) == 0, "munmap D's first page");
    tlb_flush(cpu);
    clear_slot(24);    /* as the dispatcher empties all slots after such a syscall */
    CHECK(faults_at(false, D_LO, 8, 24) && faults_at(true, D_LO + 8, 8, 24), "unmapped D faults");
    CHECK(mmu_map(m, D_LO, 2 * PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map D again");
    tlb_flush(cpu);
}

/* Pages holding translated code are left out of store slots (marked by hand
 * here, the way the translator marks them, flushing the TLB). */
static void test_code_pages(void)
{
    struct mmu *m = &proc.mmu;
    const uint64_t code = G_LO + 3 * PG;
    tlb_flush(cpu);
    clear_slot(26);
    CHECK(ok_at(true, G_LO + 5 * PG, 8, 26) && slot_is(26, G_LO, G_HI, 8), "no code yet: all of G");
    CHECK(mmu_code_mark(m, code), "mark a code page in G");
    tlb_flush(cpu);
    clear_slot(26);
    CHECK(ok_at(true, G_LO, 8, 26) && slot_is(26, G_LO, code, 8), "a store below the code page stops at it");
    clear_slot(26);
    CHECK(ok_at(true, G_HI - 8, 8, 26) && slot_is(26, code + PG, G_HI, 8),
          "a store above the code page starts after it");
    clear_slot(28);
    CHECK(ok_at(false, G_LO, 8, 28) && slot_is(28, G_LO, G_HI, 8), "loads cover code pages");

    /* A store that straddles into the code page is served and unmarks it. */
    clear_slot(26);
    struct result r = access_at(true, code - 4, 8, 26);
    CHECK(r.sig == 0 && r.host == host_of(code - 4), "a store straddling into the code page is served");
    CHECK(!mmu_code_test(m, code) && slot(26)->span == 0,
          "... drops the page's code mark without filling the slot");

    CHECK(mmu_code_mark(m, code), "mark it again");
    tlb_flush(cpu);
    clear_slot(26);
    r = access_at(true, code + 16, 4, 26);
    CHECK(r.sig == 0 && r.host == host_of(code + 16) && slot(26)->span == 0,
          "a store into the code page is served without filling the slot");
    CHECK(!mmu_code_test(m, code), "... and the page is no longer a code page");
    clear_slot(26);
    CHECK(ok_at(true, code + 16, 4, 26) && slot_is(26, G_LO, G_HI, 4),
          "the next store there covers all of G again");

    /* Two code pages, and a store page between them. */
    CHECK(mmu_code_mark(m, G_LO + PG) && mmu_code_mark(m, G_LO + 3 * PG), "mark two code pages");
    tlb_flush(cpu);
    clear_slot(26);
    CHECK(ok_at(true, G_LO + 2 * PG + 8, 8, 26) && slot_is(26, G_LO + 2 * PG, G_LO + 3 * PG, 8),
          "a page between two code pages gets a one-page store slot");
    mmu_code_clear(m, G_LO + PG);
    mmu_code_clear(m, G_LO + 3 * PG);
    tlb_flush(cpu);
}

static void put32(uint64_t g, uint32_t w)
{
    memcpy(proc.mmu.base + g, &w, 4);
}

/* The translator's side: translating code from a writable page empties the
 * store slots that cover it and the TLB entries that would refill them; a
 * store into the page then invalidates the translation. */
static void test_translated_code(void)
{
    struct mmu *m = &proc.mmu;
    const uint32_t sd_a0_sp = 0x00a13023, ret = 0x00008067, addi_a0_1 = 0x00150513;

    /* First a block of 32 stores and a return in read-only code, so that the
     * sites used below belong to translated code as in a real run. */
    CHECK(mmu_map(m, Y_LO, PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map Y");
    for (int i = 0; i < 32; i++)
        put32(Y_LO + 4 * (uint64_t)i, sd_a0_sp);
    put32(Y_LO + 128, ret);
    CHECK(mmu_protect(m, Y_LO, PG, MMU_R | MMU_X) == 0, "Y becomes R-X");
    tlb_flush(cpu);
    bool full;
    struct tr_block *y = tr_translate(&cache, cpu, Y_LO, &full);
    CHECK(y && y->n_insns == 33 && cache.n_sites >= 33, "translate Y: 33 instructions, 33 sites");

    put32(X_LO, addi_a0_1);
    put32(X_LO + 4, ret);
    clear_slot(40);
    clear_slot(42);
    CHECK(ok_at(true, X_LO + PG + 8, 8, 40) && slot_is(40, X_LO, X_LO + 2 * PG, 8),
          "before translation a store slot covers all of the RWX region");
    CHECK(ok_at(false, X_LO + 8, 8, 42) && slot_is(42, X_LO, X_LO + 2 * PG, 8), "and a load slot too");
    memset(&cpu->cnt, 0, sizeof cpu->cnt);
    struct tr_block *x = tr_translate(&cache, cpu, X_LO, &full);
    CHECK(x && x->pc == X_LO && tr_cache_lookup(&cache, X_LO) == x, "translate the code in X");
    CHECK(mmu_code_test(m, X_LO), "X's first page is a code page");
    CHECK(!site_admits(40, X_LO) && !site_admits(40, X_LO + PG - 8),
          "the store slot over the new code page is emptied");
    clear_slot(42);
    CHECK(ok_at(false, X_LO + 8, 8, 42) && slot_is(42, X_LO, X_LO + 2 * PG, 8),
          "load slots still cover the code page");
    CHECK(ok_at(true, X_LO + PG + 8, 8, 40) && slot_is(40, X_LO + PG, X_LO + 2 * PG, 8),
          "a store to X's other page refills only that page (the TLB was emptied)");

    struct result r = access_at(true, X_LO, 4, 40);
    CHECK(r.sig == 0 && r.host == host_of(X_LO), "a store to the translated instruction is served");
    CHECK(tr_cache_lookup(&cache, X_LO) == NULL && cpu->cnt.invalidations == 1,
          "... and invalidates its translation (%llu invalidations)",
          (unsigned long long)cpu->cnt.invalidations);
    CHECK(!mmu_code_test(m, X_LO) && tr_cache_lookup(&cache, Y_LO) == y,
          "... unmarks the page and leaves other blocks alone");
    clear_slot(40);
    CHECK(ok_at(true, X_LO + 4, 4, 40) && slot_is(40, X_LO, X_LO + 2 * PG, 4),
          "with the code gone, store slots cover the page again");
    CHECK(faults_at(true, Y_LO, 8, 44), "stores to read-only code fault");
}

/* A refill keeps what the slot held in the site's second entry, so a site
 * alternating between two regions finds one of them there. */
static void test_second_entry(void)
{
    clear_slot(50);
    CHECK(ok_at(false, A_LO, 8, 50) && slot(51)->span == 0, "the first fill leaves the second entry empty");
    CHECK(ok_at(false, D_LO, 8, 50) && slot_is(50, D_LO, D_HI, 8), "a refill for D");
    CHECK(slot(51)->lower == A_LO && slot(51)->span == GAP - A_LO - 7 && slot(51)->addend == host_of(0),
          "... moves A's range to the second entry");
    CHECK(ok_at(false, E_LO, 8, 50) && slot_is(50, E_LO, E_LO + PG, 8) && slot(51)->lower == D_LO,
          "the next refill moves D's range there");
    proc.opt.ic_miss = true;
    clear_slot(50);
    CHECK(access_at(false, A_LO, 8, 50).sig == 0 && access_at(false, D_LO, 8, 50).sig == 0 &&
          slot(50)->span == 0 && slot(51)->span == 0, "--ic-miss fills neither entry");
    proc.opt.ic_miss = false;
}

int main(void)
{
    test_slot_boundaries();
    test_slot_empty();
    test_slot_top();
    test_slot_random();

    setup();
    test_refill_load();
    test_refill_store();
    test_faults();
    test_ic_miss();
    test_second_entry();
    test_counters();
    test_tlb_conflicts();
    test_protect();
    test_code_pages();
    test_translated_code();

    rv_cpu_free(cpu);
    tr_cache_destroy(&cache);
    mmu_destroy(&proc.mmu);
    return t_done("test_tlb");
}
