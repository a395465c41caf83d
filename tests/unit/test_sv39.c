/* Sv39 walk tests: page tables built by hand in a buffer that stands for
 * physical memory at 0x80000000, and one check per rule of the privileged
 * spec's translation process (levels, superpages and their alignment, V/R/W/X,
 * U with SUM, MXR, reserved bits, canonical addresses, A/D updates, PTEs
 * outside memory). Expected addresses are computed here from the PTE fields,
 * not from the walker. */
#include <string.h>
#include "softmmu/sv39.h"
#include "tests/unit/t.h"

#define MEM_BASE 0x80000000ull
#define MEM_PAGES 16
static uint64_t mem[MEM_PAGES * 512];

static uint64_t *pte_at(void *opaque, uint64_t pa)
{
    (void)opaque;
    if (pa < MEM_BASE || pa >= MEM_BASE + sizeof mem || (pa & 7))
        return NULL;
    return &mem[(pa - MEM_BASE) / 8];
}

/* Page n of the buffer: its physical address and its PTEs. */
static uint64_t page_pa(int n) { return MEM_BASE + 4096ull * (uint64_t)n; }
static uint64_t *table(int n) { return &mem[512 * n]; }
static uint64_t pte(uint64_t pa, uint64_t flags) { return (pa >> 12) << 10 | flags; }

enum { ROOT = 0, L1 = 1, L0 = 2 };
#define SATP (SV39_SATP_MODE << 60 | page_pa(ROOT) >> 12)
#define RWX (SV39_R | SV39_W | SV39_X)
#define LEAF (SV39_V | SV39_A | SV39_D)

static uint64_t vpn(uint64_t va, int level) { return (va >> (12 + 9 * level)) & 511; }

/* Map va through ROOT -> L1 -> L0 to a 4 KiB page with the given flags. */
static uint64_t *map4k(uint64_t va, uint64_t pa, uint64_t flags)
{
    table(ROOT)[vpn(va, 2)] = pte(page_pa(L1), SV39_V);
    table(L1)[vpn(va, 1)] = pte(page_pa(L0), SV39_V);
    uint64_t *e = &table(L0)[vpn(va, 0)];
    *e = pte(pa, flags);
    return e;
}

static enum sv39_status walk(uint64_t va, enum sv39_access acc, unsigned prv, bool sum, bool mxr,
                             struct sv39_leaf *leaf)
{
    struct sv39_req r = { .satp = SATP, .va = va, .acc = acc, .prv = prv, .sum = sum, .mxr = mxr };
    return sv39_walk(&r, pte_at, NULL, leaf);
}

static void reset(void) { memset(mem, 0, sizeof mem); }

static void test_levels(void)
{
    struct sv39_leaf l;
    reset();
    uint64_t va = 0x12345678ull;
    map4k(va, 0x87654000ull, LEAF | RWX);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_OK && l.pa == 0x87654678ull && l.level == 0,
          "4 KiB page: pa %#llx level %u", (unsigned long long)l.pa, l.level);

    /* 2 MiB megapage at level 1: the low 9 bits of the PPN come from the VA. */
    reset();
    va = 0x40000000ull + 0x00234567ull;
    table(ROOT)[vpn(va, 2)] = pte(page_pa(L1), SV39_V);
    table(L1)[vpn(va, 1)] = pte(0x90200000ull, LEAF | SV39_R);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_OK && l.pa == 0x90200000ull + (va & 0x1fffff) &&
          l.level == 1, "megapage: pa %#llx level %u", (unsigned long long)l.pa, l.level);
    table(L1)[vpn(va, 1)] = pte(0x90201000ull, LEAF | SV39_R);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "misaligned megapage must fault");

    /* 1 GiB gigapage at the root. */
    reset();
    va = 0x0000003012345678ull;       /* root index 192 */
    table(ROOT)[vpn(va, 2)] = pte(0x1c0000000ull, LEAF | SV39_X);
    CHECK(walk(va, SV39_FETCH, 1, false, false, &l) == SV39_OK && l.pa == 0x1c0000000ull + (va & 0x3fffffff) &&
          l.level == 2, "gigapage: pa %#llx level %u", (unsigned long long)l.pa, l.level);
    table(ROOT)[vpn(va, 2)] = pte(0x1c0200000ull, LEAF | SV39_X);
    CHECK(walk(va, SV39_FETCH, 1, false, false, &l) == SV39_PAGE_FAULT, "misaligned gigapage must fault");

    /* The top of the address space: negative VAs use the upper root entries. */
    reset();
    va = 0xffffffffffe01234ull;
    table(ROOT)[511] = pte(page_pa(L1), SV39_V);
    table(L1)[511] = pte(0x80000000ull, LEAF | RWX);
    CHECK(walk(va, SV39_STORE, 1, false, false, &l) == SV39_OK && l.pa == 0x80001234ull,
          "high megapage: pa %#llx", (unsigned long long)l.pa);
}

static void test_invalid(void)
{
    struct sv39_leaf l;
    uint64_t va = 0x5000;
    reset();
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "empty root: page fault");
    map4k(va, 0x88000000ull, LEAF | RWX);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_OK, "baseline mapping");
    table(L1)[vpn(va, 1)] &= ~(uint64_t)SV39_V;
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "V=0 at level 1");
    table(L1)[vpn(va, 1)] |= SV39_V;
    table(L0)[vpn(va, 0)] &= ~(uint64_t)SV39_V;
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "V=0 at the leaf");

    map4k(va, 0x88000000ull, LEAF | SV39_W);
    CHECK(walk(va, SV39_STORE, 1, false, false, &l) == SV39_PAGE_FAULT, "W without R is reserved");
    map4k(va, 0x88000000ull, LEAF | RWX | 1ull << 54);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "reserved bit 54");
    map4k(va, 0x88000000ull, LEAF | RWX | 1ull << 63);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "N bit without Svnapot");
    map4k(va, 0x88000000ull, LEAF | RWX | 1ull << 61);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "PBMT without Svpbmt");

    /* A pointer where a leaf must be. */
    map4k(va, page_pa(3), SV39_V);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "pointer at level 0");

    /* Bits 63:39 must copy bit 38. */
    map4k(va, 0x88000000ull, LEAF | RWX);
    CHECK(walk(va | 1ull << 39, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "non-canonical (bit 39)");
    CHECK(walk(va | 1ull << 63, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT, "non-canonical (bit 63)");
    CHECK(walk(va | 0xffffffc000000000ull, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT,
          "canonical high address, unmapped");

    /* Page tables outside memory: access fault, at the root and below. */
    struct sv39_req r = { .satp = SV39_SATP_MODE << 60 | 0x1000, .va = va, .acc = SV39_LOAD, .prv = 1 };
    CHECK(sv39_walk(&r, pte_at, NULL, &l) == SV39_ACCESS_FAULT, "root outside memory");
    table(L1)[vpn(va, 1)] = pte(0x2000, SV39_V);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_ACCESS_FAULT, "level-0 table outside memory");
}

/* Every combination of access, privilege, SUM and MXR against every
 * combination of R/W/X/U, checked against the rules written out here. */
static void test_permissions(void)
{
    struct sv39_leaf l;
    uint64_t va = 0x7000;
    for (unsigned flags = 0; flags < 32; flags += 2) {
        unsigned r = flags & SV39_R, w = flags & SV39_W, x = flags & SV39_X, u = flags & SV39_U;
        if (!(r | w | x) || (w && !r))
            continue;        /* not a leaf, or reserved */
        for (int acc = SV39_FETCH; acc <= SV39_STORE; acc++)
            for (unsigned prv = 0; prv < 2; prv++)
                for (int sum = 0; sum < 2; sum++)
                    for (int mxr = 0; mxr < 2; mxr++) {
                        bool want_ok;
                        if (prv == 0)
                            want_ok = u != 0;
                        else
                            want_ok = !u || (sum && acc != SV39_FETCH);
                        if (acc == SV39_FETCH)
                            want_ok = want_ok && x;
                        else if (acc == SV39_LOAD)
                            want_ok = want_ok && (r || (mxr && x));
                        else
                            want_ok = want_ok && w;
                        reset();
                        map4k(va, 0x88000000ull, flags | LEAF);
                        enum sv39_status st = walk(va, (enum sv39_access)acc, prv, sum, mxr, &l);
                        CHECK(st == (want_ok ? SV39_OK : SV39_PAGE_FAULT),
                              "flags %#x acc %d prv %u sum %d mxr %d: status %d", flags, acc, prv, sum, mxr, st);
                        CHECK(sv39_allows(flags | LEAF, (enum sv39_access)acc, prv, sum, mxr) == want_ok,
                              "sv39_allows flags %#x acc %d prv %u sum %d mxr %d", flags, acc, prv, sum, mxr);
                    }
    }
}

static void test_accessed_dirty(void)
{
    struct sv39_leaf l;
    uint64_t va = 0x3000;
    reset();
    uint64_t *e = map4k(va, 0x88000000ull, SV39_V | RWX);
    CHECK(walk(va, SV39_FETCH, 1, false, false, &l) == SV39_OK && *e == (pte(0x88000000ull, SV39_V | RWX) | SV39_A),
          "fetch sets A only: pte %#llx", (unsigned long long)*e);
    CHECK(l.pte == *e, "leaf reports the updated pte");
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_OK && !(*e & SV39_D), "load leaves D clear");
    CHECK(walk(va, SV39_STORE, 1, false, false, &l) == SV39_OK && (*e & (SV39_A | SV39_D)) == (SV39_A | SV39_D),
          "store sets D: pte %#llx", (unsigned long long)*e);

    *e = pte(0x88000000ull, SV39_V | SV39_R);
    CHECK(walk(va, SV39_STORE, 1, false, false, &l) == SV39_PAGE_FAULT && *e == pte(0x88000000ull, SV39_V | SV39_R),
          "a faulting store leaves A and D alone");
    *e = pte(0x88000000ull, SV39_V | SV39_R | SV39_U);
    CHECK(walk(va, SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT && !(*e & SV39_A),
          "a load refused by the U bit does not set A");

    /* The pointer entries are not updated: A and D belong to leaves. */
    reset();
    map4k(va, 0x88000000ull, SV39_V | RWX);
    CHECK(walk(va, SV39_STORE, 1, false, false, &l) == SV39_OK &&
          table(ROOT)[0] == pte(page_pa(L1), SV39_V) && table(L1)[0] == pte(page_pa(L0), SV39_V),
          "non-leaf entries untouched");

    /* A megapage gets its A/D in the level-1 entry. */
    reset();
    uint64_t big = 0x00600000ull;
    table(ROOT)[0] = pte(page_pa(L1), SV39_V);
    table(L1)[vpn(big, 1)] = pte(0x88200000ull, SV39_V | SV39_R | SV39_W);
    CHECK(walk(big + 0x1234, SV39_STORE, 1, false, false, &l) == SV39_OK &&
          table(L1)[vpn(big, 1)] == (pte(0x88200000ull, SV39_V | SV39_R | SV39_W) | SV39_A | SV39_D) &&
          l.pa == 0x88201234ull, "megapage A/D: pte %#llx", (unsigned long long)table(L1)[vpn(big, 1)]);
}

/* Each level indexes its table with its own 9 bits of the VA. */
static void test_indexing(void)
{
    struct sv39_leaf l;
    reset();
    for (int i = 0; i < 512; i++)
        table(L0)[i] = pte(0x88000000ull + 4096ull * (uint64_t)i, LEAF | SV39_R);
    uint64_t base = 0x0000002a40000000ull + (1ull << 21);   /* root 169, level-1 index 1 */
    table(ROOT)[vpn(base, 2)] = pte(page_pa(L1), SV39_V);
    table(L1)[vpn(base, 1)] = pte(page_pa(L0), SV39_V);
    bool all = true;
    for (int i = 0; i < 512; i++) {
        uint64_t va = base + 4096ull * (uint64_t)i + (uint64_t)(i * 7 % 4096);
        all = all && walk(va, SV39_LOAD, 1, false, false, &l) == SV39_OK &&
              l.pa == 0x88000000ull + 4096ull * (uint64_t)i + (uint64_t)(i * 7 % 4096);
    }
    CHECK(all, "every level-0 index maps to its own page");
    CHECK(walk(base + (1ull << 21), SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT,
          "the neighbouring level-1 entry is empty");
    CHECK(walk(base + (1ull << 30), SV39_LOAD, 1, false, false, &l) == SV39_PAGE_FAULT,
          "the neighbouring root entry is empty");
}

int main(void)
{
    test_levels();
    test_invalid();
    test_permissions();
    test_accessed_dirty();
    test_indexing();
    return t_done("test_sv39");
}
