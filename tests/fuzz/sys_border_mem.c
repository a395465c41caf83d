/* sys_border's memory calls. */
#include "tests/fuzz/sys_border.h"

/* ---- memory ---- */

uint64_t brk0;

static uint64_t arg_addr(const char *name)
{
    static const int k[] = { K_GOOD, K_PGSTART, K_NONE, K_HOLE, K_RO, K_UNALIGNED, K_KERN,
                             K_M1, K_NULL, K_TOPPAGE, K_NONCANON };
    int kk = PICK(k);
    uint64_t a;
    switch (kk) {
    case K_GOOD: a = (uint64_t)PAGE(P_A); break;
    case K_PGSTART: a = (uint64_t)PAGE(P_D); break;
    case K_RO: a = (uint64_t)PAGE(P_R); break;
    case K_UNALIGNED: a = (uint64_t)PAGE(P_A) + 1; break;
    default: a = ptr_of(kk, 1, 0) & (kk == K_M1 ? ~0ULL : ~(PG - 1)); break;
    }
    out(" %s=%s", name, kk == K_GOOD ? "a" : kk == K_PGSTART ? "d" : kname[kk]);
    return a;
}

/* Lengths for calls on [addr, addr+len): huge ones only where they wrap
 * (madvise would act on every mapping above), and none that reach past the
 * arena, whose neighbours are not ours; below it, one page at most. */
static int64_t arg_mlen(const char *name, uint64_t addr)
{
    int64_t len = ARG(name, 0, 1, 4096, 8192, 3 * 4096, -1, -4096);
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if (len > 0 && addr >= (uint64_t)ar && addr < end && addr + (uint64_t)len > end)
        len = (int64_t)(end - addr);
    if (len > 4096 && addr < (uint64_t)ar)
        len = 4096;
    return len;
}

/* A mapping the call made outside the arena goes again; the arena is built
 * again, whatever the call did to it. */
static void mm_after(uint64_t len)
{
    if (result > -4096 && result < 0)
        return;
    uint64_t r = (uint64_t)result;
    if (r >= (uint64_t)ar && r < (uint64_t)(ar + NPAGES * PG))
        ret_text = r == (uint64_t)PAGE(P_H) ? "h" : r == (uint64_t)PAGE(P_E) ? "e" : "arena";
    else {
        ret_text = r == 0 ? "null" : r == (1ULL << 38) - PG ? "toppage" : r & (PG - 1) ? "unaligned" : "ok";
        munmap((void *)(uintptr_t)r, len);
    }
}

void c_mmap(void)
{
    static const int64_t fixed_flags[] = { MAP_FIXED, MAP_FIXED_NOREPLACE };
    int64_t prot = FLAGS("prot", PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE, PROT_EXEC | PROT_READ,
                       PROT_GROWSDOWN | PROT_READ, 0x10);
    int64_t fl = FLAGS("flags", MAP_PRIVATE | MAP_ANONYMOUS, MAP_SHARED | MAP_ANONYMOUS, MAP_PRIVATE,
                     MAP_SHARED, MAP_SHARED_VALIDATE | 0x800000, 0, MAP_PRIVATE | MAP_SHARED,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, MAP_PRIVATE | MAP_ANONYMOUS | 0x40);
    fl &= ~(int64_t)(MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_HUGETLB | MAP_LOCKED | MAP_POPULATE);
    uint64_t addr;
    int64_t len;
    if (rn(2)) {
        /* a fixed address: only where it can clobber nothing but the arena */
        static const char *const an[] = { "h", "e", "a+1", "kern", "m1", "toppage", "null" };
        uint64_t as[] = { (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_E), (uint64_t)PAGE(P_A) + 1,
                          0xffffffc000000000ULL, ~0ULL & ~(PG - 1), (1ULL << 38) - PG, 0 };
        unsigned i = rn(7);
        addr = as[i];
        out(" addr=%s", an[i]);
        fl |= fixed_flags[rn(2)];
        out("|fixed%s", fl & MAP_FIXED ? "" : "_noreplace");
        len = ARG("len", 4096, 8192, 3 * 4096, 0, -1, -4096);
        if (i == 6 && (fl & MAP_FIXED))
            len = 4096;     /* page 0 and nothing above it */
        if (i == 5 && len > 4096)
            len = 4096;     /* the qemu stack lies above it */
    } else {
        addr = rn(2) ? 0 : (uint64_t)PAGE(P_H);
        out(" addr=%s", addr ? "h(hint)" : "0");
        len = ARG("len", 4096, 1, 8192, 1L << 20, 0, -1, -4096, 1L << 40, 0x7ffffffffffff000L);
    }
    int k;
    int64_t fd = (fl & MAP_ANONYMOUS) && rn(2) ? -1 : arg_fd_k("fd", false, &k);
    int64_t off = ARG("off", 0, 4096, 1, -4096, 1L << 40);
    result = SC(NR_(mmap), addr, len, prot, fl, fd, off);
    mm_after((uint64_t)len);
    arena_build();
}

void c_munmap(void)
{
    uint64_t a;
    static const char *const an[] = { "h", "e", "a+1", "kern", "m1", "null", "toppage", "d" };
    uint64_t as[] = { (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_E), (uint64_t)PAGE(P_A) + 1,
                      0xffffffc000000000ULL, ~0ULL & ~(PG - 1), 0, (1ULL << 38) - PG,
                      (uint64_t)PAGE(P_D) };
    unsigned i = rn(8);
    a = as[i];
    out(" addr=%s", an[i]);
    int64_t len = ARG("len", 0, 1, 4096, 8192, 3 * 4096, -1, -4096, 0x7ffffffffffff000L);
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if (a >= (uint64_t)ar && a < end && len > 0 && len < (1L << 40) && a + (uint64_t)len > end)
        len = (int64_t)(end - a);
    if ((i == 5 || i == 6) && len > 4096)
        len = -4096;        /* wraps: nothing is unmapped */
    if (i == 4 && len > 0)
        len = -4096;        /* qemu 7.2 asserts (page_set_flags) on the last page with a small length */
    result = SC(NR_(munmap), a, len);
    arena_build();
}

void c_mprotect(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    int64_t prot = FLAGS("prot", PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE,
                       PROT_READ | PROT_WRITE | PROT_EXEC, PROT_READ | PROT_GROWSDOWN,
                       PROT_READ | PROT_GROWSUP, 0x10, -1);
    result = SC(NR_(mprotect), a, len, prot);
    arena_build();
}

void c_madvise(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    /* not MADV_HWPOISON or MADV_SOFT_OFFLINE, which root may do */
    int64_t adv = FLAGS("advice", MADV_NORMAL, MADV_RANDOM, MADV_WILLNEED, MADV_DONTNEED, MADV_FREE,
                      MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK, MADV_MERGEABLE, MADV_HUGEPAGE,
                      MADV_COLD, MADV_PAGEOUT, 1000, -1);
    if (adv == 100 || adv == 101)
        adv = 1000;
    /* Advice that drops pages, over a range that does not wrap and reaches
     * past the arena, would drop the program's own (Linux applies it to
     * every mapping in the range): one page only. */
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if ((adv == MADV_DONTNEED || adv == MADV_FREE || adv == MADV_REMOVE) && a + (uint64_t)len >= a &&
        (a < (uint64_t)ar || a + (uint64_t)len > end) && (uint64_t)len > PG) {
        len = PG;
        out("->%lld", (long long)len);
    }
    result = SC(NR_(madvise), a, len, adv);
    arena_build();
}

void c_mremap(void)
{
    static const char *const an[] = { "a", "h", "a+1", "kern", "null", "d" };
    uint64_t as[] = { (uint64_t)PAGE(P_A), (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_A) + 1,
                      0xffffffc000000000ULL, 0, (uint64_t)PAGE(P_D) };
    unsigned i = rn(6);
    out(" addr=%s", an[i]);
    int64_t olen = ARG("olen", 0, 4096, 8192, -1);
    int64_t nlen = ARG("nlen", 4096, 8192, 0, -1, 1L << 40, 1L << 20);
    int64_t fl = FLAGS("flags", 0, MREMAP_MAYMOVE, MREMAP_MAYMOVE | MREMAP_FIXED, MREMAP_FIXED,
                     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 8, -1);
    uint64_t na = (uint64_t)PAGE(P_E);
    if (fl & MREMAP_FIXED) {
        na = rn(2) ? (uint64_t)PAGE(P_E) : rn(2) ? (uint64_t)PAGE(P_A) + 1 : (uint64_t)PAGE(P_H);
        out(" new=%s", na == (uint64_t)PAGE(P_E) ? "e" : na & 1 ? "a+1" : "h");
        if (nlen > 4096)
            nlen = 4096;    /* a fixed target clobbers only arena pages */
    }
    if (!(fl & MREMAP_MAYMOVE) && nlen > 8192)
        nlen = 8192;        /* growing in place: only into the arena's own hole E */
    result = SC(NR_(mremap), as[i], olen, nlen, fl, na);
    mm_after((uint64_t)nlen);
    arena_build();
}

void c_msync(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    int64_t fl = FLAGS("flags", MS_ASYNC, MS_SYNC, MS_INVALIDATE, MS_ASYNC | MS_SYNC, 8, -1);
    result = SC(NR_(msync), a, len, fl);
}

void c_mincore(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    uint64_t v = arg_ptr("vec", 4, 1);
    result = SC(NR_(mincore), a, len, v);
}

void c_brk(void)
{
    uint64_t cur = (uint64_t)SC(NR_(brk), 0);
    static const char *const an[] = { "0", "cur", "cur+8k", "cur-1", "1", "m1", "kern", "cur+1t" };
    uint64_t as[] = { 0, cur, cur + 8192, cur - 1, 1, ~0ULL, 0xffffffc000000000ULL, cur + (1ULL << 40) };
    unsigned i = rn(8);
    out(" addr=%s", an[i]);
    result = SC(NR_(brk), as[i]);
    if (result > 0) {
        char t[32];
        static char keep[32];
        snprintf(t, sizeof t, "brk0%+lld", (long long)((uint64_t)result - brk0));
        memcpy(keep, t, sizeof keep);
        ret_text = keep;
    }
    SC(NR_(brk), cur);
}
