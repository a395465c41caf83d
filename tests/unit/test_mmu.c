/* The guest address space: region bookkeeping (split, merge, replace), the
 * permission checks the syscalls rely on, and whether the host mapping really
 * follows the region map (probed with a SIGSEGV handler). */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mmu/mmu.h"
#include "tests/unit/t.h"

#define PG MMU_PAGE_SIZE

static sigjmp_buf probe_jmp;
static volatile sig_atomic_t probing;

/* A fault outside a probe is a bug in the test or the mmu: die of it. */
static void on_fault(int sig)
{
    if (!probing) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
    siglongjmp(probe_jmp, sig);
}

/* Whether the host lets us read (or write) the byte at guest address g. */
static bool host_can(struct mmu *m, uint64_t g, bool write)
{
    volatile uint8_t *p = mmu_host(m, g);
    volatile bool ok = false;
    if (sigsetjmp(probe_jmp, 1) == 0) {
        probing = 1;
        if (write)
            *p = *p;
        else
            (void)*p;
        ok = true;
    }
    probing = 0;
    return ok;
}

/* Sorted, non-overlapping, page-aligned, adjacent equal regions merged. */
static bool map_sane(const struct mmu *m)
{
    for (size_t i = 0; i < m->n_regions; i++) {
        const struct mmu_region *r = &m->regions[i];
        if (r->start >= r->end || (r->start | r->end) % PG || r->end > MMU_GUEST_SIZE)
            return false;
        if (i > 0) {
            const struct mmu_region *p = &m->regions[i - 1];
            if (p->end > r->start)
                return false;
            if (p->end == r->start && p->prot == r->prot && p->flags == r->flags &&
                p->file == r->file && (!r->file || r->off == p->off + (p->end - p->start)))
                return false;
        }
    }
    return true;
}

static void fresh(struct mmu *m)
{
    int err = mmu_init(m, true);
    CHECK(err == 0, "mmu_init: %s", strerror(-err));
    if (err)
        exit(t_done("test_mmu"));
}

static void test_init(void)
{
    struct mmu m;
    fresh(&m);
    CHECK(m.base != NULL && m.n_regions == 0, "empty map after init");
    CHECK(m.mmap_top > 0 && m.mmap_top < MMU_GUEST_SIZE && m.mmap_top % PG == 0,
          "mmap_top 0x%llx inside the guest", (unsigned long long)m.mmap_top);
    CHECK(mmu_lookup(&m, 0x10000) == NULL, "nothing mapped");
    CHECK(!host_can(&m, 0, false) && !host_can(&m, MMU_GUEST_SIZE - 1, false),
          "unmapped guest space is PROT_NONE in the host");
    CHECK(!host_can(&m, MMU_GUEST_SIZE, false), "guard page above the guest space");
    mmu_destroy(&m);
}

static void test_split_merge(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x100000;
    CHECK(mmu_map(&m, a, 5 * PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map 5 pages");
    CHECK(m.n_regions == 1 && m.regions[0].start == a && m.regions[0].end == a + 5 * PG,
          "one region [a, a+5p)");
    CHECK(m.regions[0].flags == MMU_F_ANON, "anonymous mapping is flagged MMU_F_ANON");
    uint8_t *h = mmu_host(&m, a);
    bool zero = true;
    for (uint64_t i = 0; i < 5 * PG; i++)
        zero &= h[i] == 0;
    CHECK(zero, "fresh anonymous pages read as zero");
    memset(h, 0xab, 5 * PG);
    CHECK(h[5 * PG - 1] == 0xab, "writable through mmu_host");

    uint64_t gen = m.generation;
    CHECK(mmu_protect(&m, a + 2 * PG, PG, MMU_R) == 0, "protect middle page");
    CHECK(m.generation != gen, "protect bumps the generation");
    CHECK(m.n_regions == 3 && map_sane(&m), "split into 3 regions (%zu)", m.n_regions);
    const struct mmu_region *r = mmu_lookup(&m, a + 2 * PG);
    CHECK(r && r->start == a + 2 * PG && r->end == a + 3 * PG && r->prot == MMU_R,
          "middle region is R only");
    CHECK(host_can(&m, a + 2 * PG, false) && !host_can(&m, a + 2 * PG, true),
          "host: R page readable, not writable");
    CHECK(host_can(&m, a + 3 * PG, true), "host: next page still writable");
    CHECK(h[2 * PG] == 0xab, "protect keeps the contents");

    CHECK(mmu_protect(&m, a + 2 * PG, PG, MMU_R | MMU_W) == 0, "protect back");
    CHECK(m.n_regions == 1 && map_sane(&m), "merged back into one region (%zu)", m.n_regions);

    CHECK(mmu_protect(&m, a + PG, 3 * PG, MMU_X) == 0, "protect pages 1..3 X only");
    CHECK(m.n_regions == 3 && map_sane(&m), "3 regions after X");
    CHECK(host_can(&m, a + PG, false) && !host_can(&m, a + PG, true),
          "host: X-only page readable (the translator reads code), not writable");
    CHECK(!mmu_check(&m, a + PG, 1, MMU_R) && mmu_check(&m, a + PG, 1, MMU_X),
          "region map: X-only page is not guest-readable");
    CHECK(mmu_protect(&m, a + PG, PG, 0) == 0, "protect page 1 none");
    CHECK(!host_can(&m, a + PG, false), "host: PROT_NONE page faults");
    CHECK(m.n_regions == 4 && map_sane(&m), "4 regions");
    CHECK(mmu_protect(&m, a, 5 * PG, MMU_R | MMU_W) == 0, "protect the whole range");
    CHECK(m.n_regions == 1 && map_sane(&m), "one region again");

    gen = m.generation;
    unsigned char vec = 0;
    CHECK(mincore(h + PG, PG, &vec) == 0 && (vec & 1), "written page is resident");
    CHECK(mmu_unmap(&m, a + PG, PG) == 0, "unmap page 1");
    CHECK(m.generation != gen, "unmap bumps the generation");
    CHECK(m.n_regions == 2 && map_sane(&m), "hole splits the region");
    CHECK(mmu_lookup(&m, a + PG) == NULL && mmu_lookup(&m, a + PG - 1) != NULL &&
          mmu_lookup(&m, a + 2 * PG) != NULL, "lookup around the hole");
    CHECK(!host_can(&m, a + PG, false), "host: unmapped page faults");
    vec = 1;
    CHECK(mincore(h + PG, PG, &vec) == 0 && (vec & 1) == 0, "unmapped page's memory freed");
    CHECK(host_can(&m, a, true) && h[0] == 0xab, "neighbour below intact");

    gen = m.generation;
    CHECK(mmu_unmap(&m, a + PG, PG) == 0 && m.generation == gen,
          "unmapping a hole succeeds without a generation bump");

    /* Fill the hole with different flags: no merge; then remap all of it. */
    CHECK(mmu_map(&m, a + PG, PG, MMU_R | MMU_W, MMU_F_STACK, -1, 0) == 0, "map into the hole");
    CHECK(m.n_regions == 3 && map_sane(&m), "different flags do not merge");
    CHECK(mmu_map(&m, a + PG, PG, MMU_R | MMU_W, 0, -1, 0) == 0, "remap the hole plain");
    CHECK(m.n_regions == 1 && map_sane(&m), "equal neighbours merge on both sides");

    gen = m.generation;
    CHECK(mmu_map(&m, a + PG, 2 * PG, MMU_R, 0, -1, 0) == 0, "remap over existing pages");
    CHECK(m.generation != gen, "remap bumps the generation");
    CHECK(h[PG] == 0 && h[3 * PG - 1] == 0 && h[3 * PG] == 0xab && h[PG - 1] == 0xab,
          "remapped pages are zero, neighbours keep their data");
    CHECK(m.n_regions == 3 && map_sane(&m), "remap splits");

    gen = m.generation;
    CHECK(mmu_map(&m, 0x200000, PG, MMU_R, 0, -1, 0) == 0 && m.generation == gen,
          "a map into free space does not bump the generation");

    /* Unmap across several regions and a gap at once. */
    CHECK(mmu_unmap(&m, a, 0x200000 + PG - a) == 0, "unmap everything");
    CHECK(m.n_regions == 0, "no regions left (%zu)", m.n_regions);

    /* Length rounding: one byte maps one page. */
    CHECK(mmu_map(&m, a, 1, MMU_R, 0, -1, 0) == 0 && m.regions[0].end == a + PG,
          "len rounded up to a page");
    mmu_destroy(&m);
}

static void test_edges(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x400000, b = a + 2 * PG, c = b + 2 * PG;
    mmu_map(&m, a, c - a, MMU_R | MMU_W, 0, -1, 0);
    char *h = mmu_host(&m, a);
    memset(h, 'x', c - a);
    memcpy(h + (b - a) - 8, "ABCDEFGHIJKLMNOP", 16);
    h[b - a + 5] = 0;
    mmu_protect(&m, a, b - a, MMU_R);
    CHECK(m.n_regions == 2, "two regions");

    CHECK(mmu_check(&m, a, 1, MMU_R), "first byte");
    CHECK(mmu_check(&m, b - 1, 1, MMU_R) && !mmu_check(&m, b - 1, 1, MMU_W), "last byte of R");
    CHECK(mmu_check(&m, b, 1, MMU_W), "first byte of RW");
    CHECK(mmu_check(&m, b - 4, 8, MMU_R), "straddling R|RW readable");
    CHECK(!mmu_check(&m, b - 4, 8, MMU_W), "straddling R|RW not writable");
    CHECK(mmu_check(&m, a, c - a, MMU_R), "whole span readable");
    CHECK(!mmu_check(&m, a - 1, 2, MMU_R), "straddling from unmapped below");
    CHECK(!mmu_check(&m, c - 4, 8, MMU_R), "straddling into unmapped above");
    CHECK(mmu_check(&m, c - 1, 1, MMU_R | MMU_W), "last byte");
    CHECK(!mmu_check(&m, c, 1, MMU_R), "one past the end");
    CHECK(!mmu_check(&m, a, 1, MMU_X), "no X");
    CHECK(mmu_check(&m, a, 0, MMU_R | MMU_W | MMU_X) && mmu_check(&m, 0, 0, MMU_R),
          "zero length asks nothing");
    CHECK(!mmu_check(&m, UINT64_MAX, 0, MMU_R), "zero length outside the guest");
    CHECK(!mmu_check(&m, a, UINT64_MAX, MMU_R), "wrapping length");
    CHECK(!mmu_check(&m, UINT64_MAX - 3, 8, MMU_R), "wrapping address");
    CHECK(!mmu_check(&m, MMU_GUEST_SIZE - 1, 1, MMU_R), "top byte unmapped");

    CHECK(mmu_ptr(&m, b - 4, 8, MMU_R) == mmu_host(&m, b - 4), "mmu_ptr on success");
    CHECK(mmu_ptr(&m, b - 4, 8, MMU_W) == NULL, "mmu_ptr NULL on failure");

    uint8_t buf[16] = "0123456789abcdef", back[16];
    CHECK(mmu_write(&m, b - 8, buf, 16) == -EFAULT, "write straddling into R fails");
    CHECK(mmu_write(&m, c - 16, buf, 16) == 0, "write at the top edge of RW");
    CHECK(mmu_read(&m, back, c - 16, 16) == 0 && memcmp(buf, back, 16) == 0, "read it back");
    CHECK(mmu_read(&m, back, c - 8, 16) == -EFAULT, "read straddling into unmapped fails");
    CHECK(mmu_read(&m, back, b - 8, 16) == 0 && memcmp(back, "ABCDEFGHIJKLM", 14) == 0,
          "read straddling R|RW");
    CHECK(mmu_read(&m, back, UINT64_MAX - 7, 16) == -EFAULT, "read with wrap-around");
    CHECK(mmu_write(&m, MMU_GUEST_SIZE, buf, 1) == -EFAULT, "write outside the guest");

    /* Strings. */
    CHECK(mmu_strnlen(&m, c - 4, 1 << 20) == -EFAULT, "string running into unmapped");
    CHECK(mmu_strnlen(&m, b - 3, 100) == 8, "string straddling two regions");
    CHECK(mmu_strnlen(&m, b - 3, 8) == -ENAMETOOLONG, "NUL just past max");
    CHECK(mmu_strnlen(&m, b - 3, 9) == 8, "NUL at the last allowed byte");
    CHECK(mmu_strnlen(&m, b + 5, 1) == 0, "empty string");
    CHECK(mmu_strnlen(&m, c, 10) == -EFAULT, "unmapped start");
    CHECK(mmu_strnlen(&m, UINT64_MAX - 2, 10) == -EFAULT, "start outside the guest");
    mmu_protect(&m, b, PG, 0);
    CHECK(mmu_strnlen(&m, b - 3, 100) == -EFAULT, "string running into PROT_NONE");
    mmu_destroy(&m);
}

static void test_bad_args(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x100000, top = MMU_GUEST_SIZE;
    CHECK(mmu_map(&m, a + 1, PG, MMU_R, 0, -1, 0) == -EINVAL, "map misaligned start");
    CHECK(mmu_map(&m, a, 0, MMU_R, 0, -1, 0) == -EINVAL, "map zero length");
    CHECK(mmu_map(&m, top, PG, MMU_R, 0, -1, 0) == -ENOMEM, "map at the guest top");
    CHECK(mmu_map(&m, top - PG, 2 * PG, MMU_R, 0, -1, 0) == -ENOMEM, "map across the top");
    CHECK(mmu_map(&m, a, UINT64_MAX, MMU_R, 0, -1, 0) == -ENOMEM, "map wrapping length");
    CHECK(mmu_map(&m, a, UINT64_MAX - PG + 2, MMU_R, 0, -1, 0) == -ENOMEM,
          "length that wraps to 0 when rounded up");
    CHECK(mmu_map(&m, UINT64_MAX & ~(PG - 1), PG, MMU_R, 0, -1, 0) == -ENOMEM, "map far out");
    CHECK(mmu_map(&m, a, PG, 8, 0, -1, 0) == -EINVAL, "map unknown prot bit");
    CHECK(mmu_map(&m, a, PG, MMU_R, 64, -1, 0) == -EINVAL, "map unknown flag");
    CHECK(mmu_map(&m, a, PG, MMU_R, 0, 0, 100) == -EINVAL, "map misaligned offset");
    CHECK(m.n_regions == 0, "nothing mapped by the failures");
    CHECK(mmu_map(&m, top - PG, PG, MMU_R | MMU_W, 0, -1, 0) == 0, "last page mappable");
    CHECK(host_can(&m, top - 1, true) && !host_can(&m, top, false), "last byte / guard");

    CHECK(mmu_unmap(&m, a + 1, PG) == -EINVAL, "unmap misaligned");
    CHECK(mmu_unmap(&m, a, 0) == -EINVAL, "unmap zero length");
    CHECK(mmu_unmap(&m, top - PG, 2 * PG) == -EINVAL, "unmap across the top");
    CHECK(mmu_unmap(&m, a, UINT64_MAX) == -EINVAL, "unmap wrapping");
    CHECK(m.n_regions == 1, "unmap failures leave the map alone");

    mmu_map(&m, a, PG, MMU_R, 0, -1, 0);
    mmu_map(&m, a + 2 * PG, PG, MMU_R, 0, -1, 0);
    uint64_t gen = m.generation;
    CHECK(mmu_protect(&m, a + PG, 2 * PG, MMU_R | MMU_W) == -ENOMEM, "protect from a hole");
    CHECK(mmu_lookup(&m, a + 2 * PG)->prot == MMU_R && m.generation == gen && map_sane(&m),
          "protect from a hole changes nothing");
    CHECK(mmu_protect(&m, a, 3 * PG, MMU_R | MMU_W) == -ENOMEM, "protect across a hole");
    CHECK(mmu_lookup(&m, a)->prot == (MMU_R | MMU_W) && host_can(&m, a, true) &&
          mmu_lookup(&m, a + 2 * PG)->prot == MMU_R && !host_can(&m, a + 2 * PG, true) &&
          m.generation != gen && map_sane(&m),
          "protect across a hole changes the part before it, as Linux does");
    mmu_protect(&m, a, PG, MMU_R);
    CHECK(mmu_protect(&m, a + 1, PG, MMU_R) == -EINVAL, "protect misaligned");
    CHECK(mmu_protect(&m, a, PG, 16) == -EINVAL, "protect unknown bit");
    CHECK(mmu_protect(&m, a, 0, MMU_R) == 0, "protect zero length");
    CHECK(mmu_protect(&m, top - PG, 2 * PG, MMU_R) == -ENOMEM, "protect across the top");
    CHECK(mmu_protect(&m, a, UINT64_MAX, MMU_R) == -ENOMEM, "protect wrapping");
    mmu_destroy(&m);
}

static void test_brk(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t s = 0x800000;
    m.brk_start = m.brk = s;    /* as the loader leaves it */
    CHECK(mmu_brk(&m, 0) == s, "brk(0) reports the break");
    CHECK(mmu_brk(&m, s + 0x1800) == s + 0x1800 && m.brk == s + 0x1800, "grow by 1.5 pages");
    const struct mmu_region *r = mmu_lookup(&m, s);
    CHECK(r && r->start == s && r->end == s + 2 * PG && r->prot == (MMU_R | MMU_W) &&
          (r->flags & MMU_F_BRK), "heap is an RW brk region of 2 pages");
    CHECK(mmu_check(&m, s + 2 * PG - 1, 1, MMU_W) && !mmu_check(&m, s + 2 * PG, 1, MMU_R),
          "page-granular mapping");
    memset(mmu_host(&m, s), 0x5a, 2 * PG);
    CHECK(mmu_brk(&m, s + 0x1900) == s + 0x1900 && m.n_regions == 1, "grow within the page");
    CHECK(mmu_brk(&m, s + 0x3000) == s + 0x3000 && m.n_regions == 1, "grow merges");
    CHECK(*(uint8_t *)mmu_host(&m, s + 2 * PG) == 0, "new heap page is zero");
    CHECK(mmu_brk(&m, s + 0x10) == s + 0x10, "shrink");
    CHECK(mmu_lookup(&m, s)->end == s + PG && !host_can(&m, s + PG, false),
          "shrink unmaps whole pages above the break");
    CHECK(*(uint8_t *)mmu_host(&m, s) == 0x5a, "kept page keeps its data");
    CHECK(mmu_brk(&m, s - 1) == s + 0x10, "below brk_start refused");
    CHECK(mmu_brk(&m, MMU_GUEST_SIZE + PG) == s + 0x10, "beyond the guest refused");
    CHECK(mmu_brk(&m, UINT64_MAX) == s + 0x10, "wild value refused");

    mmu_map(&m, s + 4 * PG, PG, MMU_R, 0, -1, 0);
    CHECK(mmu_brk(&m, s + 4 * PG) == s + 4 * PG, "grow up to a mapping");
    CHECK(mmu_brk(&m, s + 4 * PG + 1) == s + 4 * PG, "growing into a mapping refused");
    CHECK(mmu_lookup(&m, s + 4 * PG)->prot == MMU_R, "the mapping survives");
    CHECK(mmu_brk(&m, s) == s && mmu_lookup(&m, s) == NULL, "shrink to nothing");
    CHECK(mmu_lookup(&m, s + 4 * PG) != NULL, "shrinking leaves other mappings alone");
    mmu_destroy(&m);
}

static void test_find_free(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t t = m.mmap_top;
    CHECK(mmu_find_free(&m, 0, PG) == t - PG, "empty map: just below mmap_top");
    CHECK(mmu_find_free(&m, 0, 1) == t - PG, "length rounded up");
    CHECK(mmu_find_free(&m, 0, 0) == 0, "zero length");
    CHECK(mmu_find_free(&m, 0, MMU_GUEST_SIZE + PG) == 0, "larger than the guest");
    CHECK(mmu_find_free(&m, 0, UINT64_MAX) == 0, "wild length");
    CHECK(mmu_find_free(&m, 0x123456000, 3 * PG) == 0x123456000, "free hint honoured");
    CHECK(mmu_find_free(&m, 0x123456001, PG) == 0x123457000, "hint rounded up to a page");
    CHECK(mmu_find_free(&m, MMU_GUEST_SIZE - PG, 2 * PG) == t - 2 * PG,
          "hint running past the guest ignored");

    mmu_map(&m, t - 4 * PG, 2 * PG, MMU_R, 0, -1, 0);   /* leaves 2 pages free at the top */
    CHECK(mmu_find_free(&m, 0, 2 * PG) == t - 2 * PG, "gap at the top fits exactly");
    CHECK(mmu_find_free(&m, 0, 3 * PG) == t - 7 * PG, "too big for the gap: below the mapping");
    CHECK(mmu_find_free(&m, t - 4 * PG, PG) == t - PG, "busy hint ignored");
    CHECK(mmu_find_free(&m, t - 5 * PG, 2 * PG) == t - 2 * PG, "hint overlapping a mapping");
    CHECK(mmu_find_free(&m, t - 6 * PG, 2 * PG) == t - 6 * PG, "hint right below a mapping");

    /* A mapping straddling mmap_top and another above it. */
    mmu_map(&m, t - PG, 2 * PG, MMU_R, 0, -1, 0);
    mmu_map(&m, t + 16 * PG, PG, MMU_R, 0, -1, 0);
    CHECK(mmu_find_free(&m, 0, PG) == t - 2 * PG, "below the one straddling mmap_top");
    CHECK(mmu_find_free(&m, t + 4 * PG, PG) == t + 4 * PG, "hint above mmap_top honoured");

    uint64_t got = mmu_find_free(&m, 0, 4 * PG);
    CHECK(got && mmu_map(&m, got, 4 * PG, MMU_R, 0, -1, 0) == 0 && mmu_find_free(&m, 0, 4 * PG) < got,
          "consecutive searches go downward");

    /* Nothing free below mmap_top. */
    mmu_map(&m, 0, t, 0, 0, -1, 0);
    CHECK(mmu_find_free(&m, 0, PG) == 0, "full: 0");
    CHECK(mmu_find_free(&m, t + PG, PG) == t + PG, "full below, free hint above still works");
    mmu_destroy(&m);
}

/* Whether the host reservation behind the guest is still one unbroken run of
 * mappings, as /proc/self/maps lists them: a hole there is where another host
 * mmap could land in the guest's space. */
static bool reservation_whole(const struct mmu *m)
{
    uint64_t lo = (uint64_t)(uintptr_t)m->base - PG, hi = (uint64_t)(uintptr_t)m->base + MMU_GUEST_SIZE + PG;
    uint64_t at = lo;
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return false;
    unsigned long long s, e;
    char line[512];
    while (fgets(line, sizeof line, f) && at < hi) {
        if (sscanf(line, "%llx-%llx", &s, &e) != 2 || e <= at)
            continue;
        if (s > at)
            break;
        at = e;
    }
    fclose(f);
    return at >= hi;
}

/* Page i of a test pattern: every byte says which page and where. */
static uint8_t pat(uint64_t i, uint64_t off) { return (uint8_t)(i * 31 + off * 7 + 1); }

static void fill(struct mmu *m, uint64_t g, uint64_t pages, uint64_t first)
{
    for (uint64_t i = 0; i < pages; i++)
        for (uint64_t off = 0; off < PG; off++)
            ((uint8_t *)mmu_host(m, g + i * PG))[off] = pat(first + i, off);
}

static bool holds(struct mmu *m, uint64_t g, uint64_t pages, uint64_t first)
{
    for (uint64_t i = 0; i < pages; i++)
        for (uint64_t off = 0; off < PG; off++)
            if (((uint8_t *)mmu_host(m, g + i * PG))[off] != pat(first + i, off))
                return false;
    return true;
}

static bool zero(struct mmu *m, uint64_t g, uint64_t len)
{
    const uint8_t *h = mmu_host(m, g);
    for (uint64_t i = 0; i < len; i++)
        if (h[i])
            return false;
    return true;
}

static bool changed_covers(const struct mmu *m, uint64_t start, uint64_t end)
{
    return m->changed_lo <= start && m->changed_hi >= end;
}

/* The changed range is kept for the translator, so only over code pages:
 * make every page these tests use one. */
static void all_code(struct mmu *m, uint64_t lo, uint64_t hi)
{
    for (uint64_t p = lo; p < hi; p += PG)
        mmu_code_mark(m, p);
}

static void test_remap(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x10000000, res = 0;
    all_code(&m, 0x10000000, 0x60000000);
    CHECK(mmu_map(&m, a, 4 * PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map 4 pages");
    fill(&m, a, 4, 0);

    /* Shrink: the tail goes. */
    uint64_t gen = m.generation;
    CHECK(mmu_remap(&m, a, 4 * PG, 2 * PG + 1, 0, 0, &res) == 0 && res == a, "shrink to 3 pages");
    CHECK(mmu_lookup(&m, a)->end == a + 3 * PG && !mmu_lookup(&m, a + 3 * PG) &&
          !host_can(&m, a + 3 * PG, false), "the last page is unmapped, map and host");
    CHECK(m.generation != gen && changed_covers(&m, a + 3 * PG, a + 4 * PG), "shrink bumps the generation");
    CHECK(holds(&m, a, 3, 0), "kept pages keep their data");
    CHECK(mmu_remap(&m, a, 3 * PG, 3 * PG, 0, 0, &res) == 0 && res == a, "same size: nothing to do");

    /* Grow in place into the free space after it. */
    gen = m.generation;
    CHECK(mmu_remap(&m, a, 3 * PG, 6 * PG, 0, 0, &res) == 0 && res == a, "grow in place");
    CHECK(m.n_regions == 1 && m.regions[0].end == a + 6 * PG && map_sane(&m), "one region of 6 pages");
    CHECK(holds(&m, a, 3, 0) && zero(&m, a + 3 * PG, 3 * PG), "old data, then zero pages");
    CHECK(host_can(&m, a + 6 * PG - 1, true), "host: grown part writable");
    CHECK(m.generation == gen, "growing into free space invalidates nothing");

    /* Blocked: no room after it. */
    uint64_t wall = a + 6 * PG;
    mmu_map(&m, wall, PG, MMU_R, 0, -1, 0);
    size_t n = m.n_regions;
    gen = m.generation;
    CHECK(mmu_remap(&m, a, 6 * PG, 8 * PG, 0, 0, &res) == -ENOMEM, "cannot grow, may not move");
    CHECK(mmu_remap(&m, a, 3 * PG, 8 * PG, 0, 0, &res) == -ENOMEM,
          "a range short of the mapping's end cannot grow in place");
    CHECK(m.n_regions == n && m.generation == gen && holds(&m, a, 3, 0), "the failures changed nothing");

    /* Move. */
    fill(&m, a, 6, 10);
    CHECK(mmu_remap(&m, a, 6 * PG, 8 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res != a,
          "grow by moving");
    uint64_t b = res;
    all_code(&m, b, b + 8 * PG);
    const struct mmu_region *r = mmu_lookup(&m, b);
    CHECK(r && r->start == b && r->end == b + 8 * PG && r->prot == (MMU_R | MMU_W) &&
          r->flags == MMU_F_ANON, "moved region: 8 pages, same prot and flags");
    CHECK(b + 8 * PG <= a || b >= wall + PG, "moved to free space");
    CHECK(holds(&m, b, 6, 10) && zero(&m, b + 6 * PG, 2 * PG), "contents moved along, then zeros");
    CHECK(!mmu_lookup(&m, a) && !mmu_lookup(&m, a + 5 * PG) && !host_can(&m, a, false),
          "the old range is unmapped");
    CHECK(m.generation != gen && changed_covers(&m, a, a + 6 * PG), "the old range is marked changed");
    CHECK(host_can(&m, b + 8 * PG - 1, true) && map_sane(&m), "host: new range writable");
    CHECK(reservation_whole(&m), "no hole in the host reservation after a move");

    /* MAYMOVE with room: stays. */
    CHECK(mmu_remap(&m, b, 8 * PG, 9 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 &&
          (res == b || !mmu_lookup(&m, b)), "MAYMOVE: grown in place or moved");
    b = res;

    /* A part from the middle of a mapping, moved, leaves the ends. */
    uint64_t c = 0x20000000;
    mmu_map(&m, c, 5 * PG, MMU_R, 0, -1, 0);
    mmu_protect(&m, c, 5 * PG, MMU_R | MMU_W);
    fill(&m, c, 5, 50);
    mmu_protect(&m, c, 5 * PG, MMU_R);
    CHECK(mmu_remap(&m, c + PG, 2 * PG, 2 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res == c + PG,
          "same size with MAYMOVE stays");
    CHECK(mmu_remap(&m, c + PG, 2 * PG, 3 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res != c + PG,
          "middle part grown: it moves");
    CHECK(holds(&m, res, 2, 51) && zero(&m, res + 2 * PG, PG), "the middle part's contents");
    CHECK(mmu_lookup(&m, res)->prot == MMU_R && !host_can(&m, res, true) && host_can(&m, res, false),
          "read-only stays read-only, in the host too");
    CHECK(holds(&m, c, 1, 50) && holds(&m, c + 3 * PG, 2, 53) && !mmu_lookup(&m, c + PG) &&
          !mmu_lookup(&m, c + 2 * PG) && map_sane(&m), "the ends stay, the middle is a hole");
    CHECK(reservation_whole(&m), "reservation whole");

    /* FIXED: replaces part of the target. */
    uint64_t d = 0x30000000;
    mmu_map(&m, d, 5 * PG, MMU_R | MMU_W, MMU_F_STACK, -1, 0);
    memset(mmu_host(&m, d), 0xcc, 5 * PG);
    fill(&m, b, 4, 70);
    gen = m.generation;
    CHECK(mmu_remap(&m, b, 4 * PG, 3 * PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, d, &res) == 0 &&
          res == d, "FIXED onto a mapping, shrinking");
    r = mmu_lookup(&m, d);
    CHECK(r && r->end == d + 3 * PG && r->flags == MMU_F_ANON, "target's first 3 pages are the moved ones");
    CHECK(holds(&m, d, 3, 70), "contents at the target");
    CHECK(*(uint8_t *)mmu_host(&m, d + 3 * PG) == 0xcc &&
          mmu_lookup(&m, d + 3 * PG)->flags == (MMU_F_STACK | MMU_F_ANON),
          "the rest of the target is untouched");
    CHECK(!mmu_lookup(&m, b) && !mmu_lookup(&m, b + 3 * PG) && !host_can(&m, b + 3 * PG, false),
          "the old range is gone, the shrunk-off page too");
    CHECK(mmu_lookup(&m, b + 4 * PG) && host_can(&m, b + 4 * PG, true),
          "the mapping's rest beyond the old range stays");
    CHECK(changed_covers(&m, d, d + 3 * PG) && changed_covers(&m, b, b + 4 * PG) && m.generation != gen,
          "both the replaced target and the old range are marked changed");
    CHECK(map_sane(&m) && reservation_whole(&m), "map sane, reservation whole");

    /* DONTUNMAP: the old range stays, empty. */
    fill(&m, d, 3, 80);
    uint64_t hint = 0x40000000;
    CHECK(mmu_remap(&m, d, 3 * PG, 3 * PG, MMU_REMAP_MAYMOVE | MMU_REMAP_DONTUNMAP, hint, &res) == 0 &&
          res == hint, "DONTUNMAP to a free hint");
    CHECK(holds(&m, hint, 3, 80) && mmu_lookup(&m, d) && zero(&m, d, 3 * PG) && host_can(&m, d, true),
          "contents moved, old range mapped and zero");
    CHECK(changed_covers(&m, d, d + 3 * PG), "old range marked changed");

    /* A second view of shared memory (old_len 0). */
    uint64_t e = 0x50000000;
    mmu_map(&m, e, 2 * PG, MMU_R | MMU_W, MMU_F_SHARED, -1, 0);
    CHECK(mmu_remap(&m, e, 0, 2 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res != e, "duplicate shared");
    *(uint8_t *)mmu_host(&m, e + PG + 5) = 0x77;
    CHECK(*(uint8_t *)mmu_host(&m, res + PG + 5) == 0x77 && mmu_lookup(&m, e),
          "both views show the same memory; the old one stays");
    CHECK(mmu_lookup(&m, res)->flags == (MMU_F_SHARED | MMU_F_ANON), "the view is shared too");
    CHECK(mmu_remap(&m, a - 16 * PG, 0, PG, MMU_REMAP_MAYMOVE, 0, &res) == -EFAULT, "old_len 0, unmapped");
    CHECK(mmu_remap(&m, hint, 0, PG, MMU_REMAP_MAYMOVE, 0, &res) == -EINVAL, "old_len 0 of private memory");

    /* Errors, and they leave everything alone. */
    n = m.n_regions;
    gen = m.generation;
    res = 12345;
    CHECK(mmu_remap(&m, hint, PG, PG, 8, 0, &res) == -EINVAL, "unknown flag");
    CHECK(mmu_remap(&m, hint + 1, PG, 2 * PG, MMU_REMAP_MAYMOVE, 0, &res) == -EINVAL, "misaligned old");
    CHECK(mmu_remap(&m, hint, PG, 0, MMU_REMAP_MAYMOVE, 0, &res) == -EINVAL, "zero new_len");
    CHECK(mmu_remap(&m, hint, PG, UINT64_MAX, MMU_REMAP_MAYMOVE, 0, &res) == -EINVAL,
          "new_len wrapping to 0 when rounded");
    CHECK(mmu_remap(&m, hint, PG, PG, MMU_REMAP_FIXED, 0x60000000, &res) == -EINVAL, "FIXED without MAYMOVE");
    CHECK(mmu_remap(&m, hint, PG, PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, 0x60000001, &res) == -EINVAL,
          "misaligned FIXED target");
    CHECK(mmu_remap(&m, hint, 2 * PG, 2 * PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, hint + PG, &res) == -EINVAL,
          "FIXED target overlapping the old range");
    CHECK(mmu_remap(&m, hint, PG, 2 * PG, MMU_REMAP_MAYMOVE | MMU_REMAP_DONTUNMAP, 0x60000000, &res) ==
          -EINVAL, "DONTUNMAP resizing");
    CHECK(mmu_remap(&m, hint, PG, PG, MMU_REMAP_DONTUNMAP, 0x60000000, &res) == -EINVAL,
          "DONTUNMAP without MAYMOVE");
    CHECK(mmu_remap(&m, hint, PG, PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, MMU_GUEST_SIZE, &res) == -EINVAL,
          "FIXED target beyond the guest");
    CHECK(mmu_remap(&m, 0x60000000, PG, 2 * PG, MMU_REMAP_MAYMOVE, 0, &res) == -EFAULT, "unmapped old");
    CHECK(mmu_remap(&m, MMU_GUEST_SIZE, PG, 2 * PG, MMU_REMAP_MAYMOVE, 0, &res) == -EFAULT,
          "old beyond the guest");
    CHECK(mmu_remap(&m, hint, 4 * PG, 5 * PG, MMU_REMAP_MAYMOVE, 0, &res) == -EFAULT,
          "old range running past its mapping");
    CHECK(mmu_remap(&m, hint, 4 * PG, 4 * PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, 0x60000000, &res) ==
          -EFAULT, "FIXED: old range running past its mapping");
    CHECK(mmu_remap(&m, hint, PG, 1ull << 40, MMU_REMAP_MAYMOVE, 0, &res) == -ENOMEM,
          "larger than the guest: nowhere to go");
    CHECK(mmu_remap(&m, hint, PG, PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED, 0, &res) == -EPERM,
          "FIXED to page 0");
    CHECK(res == 12345 && m.n_regions == n && m.generation == gen, "failures leave everything alone");
    CHECK(map_sane(&m) && reservation_whole(&m), "map sane, reservation whole after the failures");
    mmu_destroy(&m);
}

/* What the translator is told of a change: only the code pages in it. */
static void test_changed_code(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x70000000, gen = m.generation;
    CHECK(mmu_map(&m, a, 64 * PG, MMU_R | MMU_W, 0, -1, 0) == 0, "map 64 pages");
    CHECK(mmu_unmap(&m, a, 8 * PG) == 0 && m.generation != gen && m.changed_lo >= m.changed_hi,
          "no code in the change: the generation moves, no range");
    mmu_code_mark(&m, a + 20 * PG);
    mmu_code_mark(&m, a + 40 * PG);
    CHECK(mmu_protect(&m, a + 8 * PG, 56 * PG, MMU_R) == 0 && m.changed_lo == a + 20 * PG &&
          m.changed_hi == a + 41 * PG, "the range runs from the first code page to the last");
    m.changed_lo = m.changed_hi = 0;
    CHECK(mmu_unmap(&m, a + 41 * PG, 23 * PG) == 0 && m.changed_lo >= m.changed_hi,
          "a change above the last code page adds nothing");
    uint64_t lo = a, hi = a + 64 * PG;
    CHECK(mmu_code_span(&m, &lo, &hi) && lo == a + 20 * PG && hi == a + 41 * PG, "mmu_code_span");
    lo = 0, hi = MMU_GUEST_SIZE;
    CHECK(mmu_code_span(&m, &lo, &hi) && lo == a + 20 * PG && hi == a + 41 * PG,
          "mmu_code_span over the whole address space");
    mmu_destroy(&m);
}

static void test_files(void)
{
    char path[] = "/tmp/test_mmu_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    uint8_t page[PG * 2];
    for (size_t i = 0; i < sizeof(page); i++)
        page[i] = (uint8_t)(i * 7 + 1);
    CHECK(write(fd, page, sizeof(page)) == (ssize_t)sizeof(page), "write temp file");
    int rofd = open(path, O_RDONLY);

    struct mmu m;
    fresh(&m);
    uint64_t a = 0x1000000;
    CHECK(mmu_map(&m, a, PG, MMU_R | MMU_W, 0, fd, PG) == 0, "private file map at offset 1 page");
    uint8_t *h = mmu_host(&m, a);
    CHECK(memcmp(h, page + PG, PG) == 0, "private map shows the file's second page");
    CHECK(!(m.regions[0].flags & MMU_F_ANON), "file mapping not flagged anonymous");
    h[0] ^= 0xff;
    uint8_t b;
    CHECK(pread(fd, &b, 1, PG) == 1 && b == page[PG], "private write does not reach the file");

    CHECK(mmu_map(&m, a + PG, 2 * PG, MMU_R | MMU_W, MMU_F_SHARED, fd, 0) == 0, "shared map");
    CHECK(m.n_regions == 2, "private and shared regions stay apart");
    h[PG + 10] = 0x42;
    CHECK(pread(fd, &b, 1, 10) == 1 && b == 0x42, "shared write reaches the file");
    CHECK(memcmp(h + 2 * PG, page + PG, PG) == 0, "shared map's second page");

    /* Refusals leave the old mapping in place. */
    CHECK(mmu_map(&m, a + PG, PG, MMU_R | MMU_W, MMU_F_SHARED, rofd, 0) == -EACCES,
          "shared writable map of a read-only fd refused");
    CHECK(mmu_lookup(&m, a + PG) && h[PG + 10] == 0x42, "old mapping intact after EACCES");
    CHECK(mmu_map(&m, a + PG, PG, MMU_R, 0, 1000, 0) == -EBADF, "bad fd refused");
    CHECK(mmu_lookup(&m, a + PG) && h[PG + 10] == 0x42, "old mapping intact after EBADF");

    /* A read-only shared mapping cannot be made writable; the map is unchanged. */
    CHECK(mmu_map(&m, a + 4 * PG, 2 * PG, MMU_R, MMU_F_SHARED, rofd, 0) == 0, "shared R map");
    size_t n = m.n_regions;
    uint64_t gen = m.generation;
    CHECK(mmu_protect(&m, a + 3 * PG, 3 * PG, MMU_R | MMU_W) == -ENOMEM, "protect over a hole");
    CHECK(mmu_protect(&m, a + 4 * PG, 2 * PG, MMU_R | MMU_W) == -EACCES,
          "protect RW of a read-only shared file refused");
    CHECK(m.n_regions == n && m.generation == gen && mmu_lookup(&m, a + 4 * PG)->prot == MMU_R &&
          map_sane(&m), "failed protect leaves the map alone");
    CHECK(*(uint8_t *)mmu_host(&m, a + 4 * PG + 10) == 0x42, "read-only mapping sees the file");

    /* Protect spanning a private (RW-able) region and the read-only shared one. */
    mmu_map(&m, a + 3 * PG, PG, MMU_R, MMU_F_SHARED, rofd, 0);
    CHECK(m.n_regions == n + 1, "the file's page 0 again before its page 0: no merge");
    mmu_map(&m, a + 6 * PG, PG, MMU_R, MMU_F_SHARED, rofd, 2 * PG);
    CHECK(m.n_regions == n + 1 && mmu_lookup(&m, a + 6 * PG)->start == a + 4 * PG,
          "where the file continues, adjacent shared file regions merge");
    mmu_map(&m, a + 3 * PG, PG, MMU_R, 0, -1, 0);
    CHECK(mmu_protect(&m, a + 3 * PG, 3 * PG, MMU_R | MMU_W) == -EACCES, "mixed protect refused");
    CHECK(mmu_lookup(&m, a + 3 * PG)->prot == (MMU_R | MMU_W) && host_can(&m, a + 3 * PG, true) &&
          mmu_lookup(&m, a + 4 * PG)->prot == MMU_R && !host_can(&m, a + 4 * PG, true),
          "the part before the refusal stays changed, in the map and the host, as on Linux");
    CHECK(map_sane(&m), "map sane after the refusal");

    mmu_destroy(&m);
    close(rofd);
    close(fd);
    unlink(path);
}

/* File mappings move and grow as the host grows them: more of the same file,
 * private pages stay private (with their copied-on-write changes), shared
 * ones keep writing through to the file. */
static void test_remap_files(void)
{
    char path[] = "/tmp/test_mmu_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    static uint8_t file[6 * PG];
    for (uint64_t i = 0; i < 6; i++)
        for (uint64_t off = 0; off < PG; off++)
            file[i * PG + off] = pat(100 + i, off);
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file, "write temp file");

    struct mmu m;
    fresh(&m);
    uint64_t a = 0x10000000, res = 0;
    CHECK(mmu_map(&m, a, 2 * PG, MMU_R | MMU_W, 0, fd, PG) == 0, "private map of pages 1-2");
    const uint8_t mine = (uint8_t)(pat(101, 9) ^ 0xff);
    *(uint8_t *)mmu_host(&m, a + 9) = mine;      /* a private change */
    CHECK(mmu_remap(&m, a, 2 * PG, 4 * PG, 0, 0, &res) == 0 && res == a, "grow the file mapping in place");
    CHECK(holds(&m, a + PG, 3, 102), "the grown part shows the file's next pages");
    CHECK(*(uint8_t *)mmu_host(&m, a + 9) == mine,
          "the private change survived");
    CHECK(m.n_regions == 1 && !(m.regions[0].flags & MMU_F_ANON) && m.regions[0].end == a + 4 * PG,
          "one file region of 4 pages");
    CHECK(reservation_whole(&m), "reservation whole after growing in place");

    mmu_map(&m, a + 4 * PG, PG, MMU_R, 0, -1, 0);   /* in the way */
    CHECK(mmu_remap(&m, a, 4 * PG, 5 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res != a, "move it");
    uint64_t b = res;
    CHECK(*(uint8_t *)mmu_host(&m, b + 9) == mine && holds(&m, b + PG, 4, 102),
          "moved: private change and file pages, plus one more file page");
    CHECK(!mmu_lookup(&m, a) && !host_can(&m, a, false) && !(mmu_lookup(&m, b)->flags & MMU_F_ANON),
          "old range unmapped; the new one is still a file mapping");
    *(uint8_t *)mmu_host(&m, b + PG) = 0x11;
    uint8_t byte;
    CHECK(pread(fd, &byte, 1, 2 * PG) == 1 && byte == pat(102, 0), "private writes stay private");

    CHECK(mmu_map(&m, a, 2 * PG, MMU_R | MMU_W, MMU_F_SHARED, fd, 0) == 0, "shared map of pages 0-1");
    CHECK(mmu_remap(&m, a, 2 * PG, 3 * PG, 0, 0, &res) == 0 && res == a, "shared mapping grows in place");
    *(uint8_t *)mmu_host(&m, a + 2 * PG + 3) = 0x22;
    CHECK(pread(fd, &byte, 1, 2 * PG + 3) == 1 && byte == 0x22, "its new page writes the file");
    mmu_map(&m, a + 3 * PG, PG, MMU_R, 0, -1, 0);
    CHECK(mmu_remap(&m, a, 3 * PG, 4 * PG, MMU_REMAP_MAYMOVE, 0, &res) == 0 && res != a,
          "shared mapping moves (the page after it is taken)");
    *(uint8_t *)mmu_host(&m, res + 3 * PG + 4) = 0x33;
    CHECK(pread(fd, &byte, 1, 3 * PG + 4) == 1 && byte == 0x33 && ((uint8_t *)mmu_host(&m, res))[2 * PG + 3] == 0x22,
          "the moved shared mapping shows and writes the file");
    CHECK(mmu_lookup(&m, res)->flags == MMU_F_SHARED, "still shared");
    CHECK(map_sane(&m) && reservation_whole(&m), "map sane, reservation whole");
    mmu_destroy(&m);
    close(fd);
    unlink(path);
}

/* RISC-V has no write-only pages: PROT_WRITE maps (and protects) readable. */
static void test_write_implies_read(void)
{
    struct mmu m;
    fresh(&m);
    uint64_t a = 0x200000;
    CHECK(mmu_map(&m, a, PG, MMU_W, 0, -1, 0) == 0, "map write-only");
    CHECK(mmu_check(&m, a, PG, MMU_R | MMU_W), "a write-only mapping is readable too");
    CHECK(mmu_protect(&m, a, PG, MMU_R) == 0 && !mmu_check(&m, a, 1, MMU_W), "protect read-only");
    CHECK(mmu_protect(&m, a, PG, MMU_W) == 0 && mmu_check(&m, a, 1, MMU_R), "protect write-only reads too");
    mmu_destroy(&m);
}

/* What /proc/self/maps will print: each region's file, offset and name,
 * through splits, merges, moves, relabelling and reuse of the table. */
struct walked { uint64_t start[16], off[16]; const char *path[16]; int n; };
static void walk_one(void *arg, const struct mmu_region *r, const struct mmu_file *f)
{
    struct walked *w = arg;
    if (w->n < 16) {
        w->start[w->n] = r->start;
        w->off[w->n] = r->off;
        w->path[w->n] = f ? f->path : NULL;
    }
    w->n++;
}

static void test_file_names(void)
{
    char path[] = "/tmp/test_mmu_XXXXXX", other[] = "/tmp/test_mmu_XXXXXX";
    int fd = mkstemp(path), fd2 = mkstemp(other);
    CHECK(fd >= 0 && fd2 >= 0, "mkstemp");
    if (fd < 0 || fd2 < 0)
        return;
    static uint8_t file[3 * PG];
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file, "write temp file");
    struct stat st;
    fstat(fd, &st);

    struct mmu m;
    fresh(&m);
    uint64_t a = 0x4000000, res;
    CHECK(mmu_map(&m, a, 3 * PG, MMU_R, 0, fd, 0) == 0, "map the file");
    const struct mmu_region *r = mmu_lookup(&m, a);
    CHECK(r && r->file && r->off == 0 && !strcmp(m.files[r->file - 1].path, path) &&
          m.files[r->file - 1].ino == st.st_ino && m.files[r->file - 1].dev == st.st_dev,
          "the region names the file: path, device, inode");
    /* (Moved before the protects below: those leave the host with several
     * mappings there, which one host mremap cannot move.) */
    CHECK(mmu_remap(&m, a + 2 * PG, PG, PG, MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED,
                    0x8000000, &res) == 0 && mmu_lookup(&m, 0x8000000)->off == 2 * PG &&
          mmu_lookup(&m, 0x8000000)->file == mmu_lookup(&m, a)->file,
          "moved pages keep their file and offset");
    CHECK(mmu_map(&m, a + 2 * PG, PG, MMU_R, 0, fd, 2 * PG) == 0, "map the page again");
    CHECK(mmu_protect(&m, a + PG, PG, MMU_R | MMU_W) == 0 && m.n_regions == 4 &&
          mmu_lookup(&m, a + PG)->off == PG && mmu_lookup(&m, a + 2 * PG)->off == 2 * PG,
          "a split keeps each part's file offset");
    CHECK(mmu_protect(&m, a + PG, PG, MMU_R) == 0 && m.n_regions == 2, "and they merge back");
    CHECK(mmu_map(&m, a + 3 * PG, PG, MMU_R, 0, -1, 0) == 0 && m.n_regions == 3 &&
          mmu_lookup(&m, a + 3 * PG)->file == 0, "anonymous pages next to it stay apart, unnamed");

    CHECK(mmu_set_file(&m, a + 3 * PG, PG, fd2, 5 * PG) == 0, "name anonymous pages");
    r = mmu_lookup(&m, a + 3 * PG);
    CHECK(r->file && r->off == 5 * PG && !strcmp(m.files[r->file - 1].path, other) &&
          (r->flags & MMU_F_ANON), "named after the other file, still anonymous memory");
    CHECK(mmu_set_file(&m, a + 8 * PG, PG, fd2, 0) == -ENOMEM, "naming unmapped pages refused");

    struct walked w = { .n = 0 };
    mmu_walk(&m, walk_one, &w);
    CHECK(w.n == 3 && w.start[0] == a && w.start[1] == a + 3 * PG && w.start[2] == 0x8000000 &&
          w.off[2] == 2 * PG && w.path[0] && !strcmp(w.path[0], path) && !strcmp(w.path[1], other),
          "mmu_walk: every region in order with its file (%d regions)", w.n);

    /* Files mapped and unmapped one after another reuse the table. */
    for (int i = 0; i < 100; i++) {
        char p[] = "/tmp/test_mmu_XXXXXX";
        int t = mkstemp(p);
        ftruncate(t, PG);
        mmu_map(&m, 0x9000000, PG, MMU_R, 0, t, 0);
        mmu_unmap(&m, 0x9000000, PG);
        close(t);
        unlink(p);
    }
    CHECK(m.n_files <= 16, "100 files mapped in turn: table of %zu entries", m.n_files);
    mmu_destroy(&m);
    close(fd);
    close(fd2);
    unlink(path);
    unlink(other);
}

/* How ld.so maps a library: the whole span from the file (so its end lies past
 * the end of the file), the gap between the segments PROT_NONE, the data
 * segment MAP_FIXED from its own offset, bss anonymous, part of the data made
 * read-only again (RELRO). */
static void test_ldso_pattern(void)
{
    char path[] = "/tmp/test_mmu_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    static uint8_t file[3 * PG + 100];
    for (size_t i = 0; i < sizeof file; i++)
        file[i] = (uint8_t)(i % 251 + 1);
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file, "write the library");

    struct mmu m;
    fresh(&m);
    uint64_t a = mmu_find_free(&m, 0, 8 * PG);
    CHECK(a && mmu_map(&m, a, 8 * PG, MMU_R | MMU_X, 0, fd, 0) == 0, "span mapped from the file");
    CHECK(host_can(&m, a + 3 * PG + 99, false) && !host_can(&m, a + 4 * PG, false) &&
          mmu_check(&m, a + 4 * PG, PG, MMU_R),
          "the file's last partial page reads; the next page faults in the host though mapped");
    CHECK(mmu_protect(&m, a + 2 * PG, 4 * PG, 0) == 0, "the gap PROT_NONE");
    CHECK(mmu_map(&m, a + 5 * PG, 2 * PG, MMU_R | MMU_W, 0, fd, 2 * PG) == 0, "data MAP_FIXED from page 2");
    CHECK(mmu_map(&m, a + 7 * PG, PG, MMU_R | MMU_W, 0, -1, 0) == 0, "bss anonymous");
    uint8_t *h = mmu_host(&m, a);
    CHECK(!memcmp(h + 5 * PG, file + 2 * PG, PG + 100) && h[6 * PG + 100] == 0,
          "data shows the file, zero after its end in the last page");
    memset(h + 6 * PG + 100, 0, PG - 100);     /* ld.so clears the partial page */
    CHECK(mmu_protect(&m, a + 5 * PG, PG, MMU_R) == 0, "RELRO: the first data page read-only");
    CHECK(mmu_check(&m, a + 5 * PG, PG, MMU_R) && !mmu_check(&m, a + 5 * PG, 1, MMU_W) &&
          !host_can(&m, a + 5 * PG, true) && host_can(&m, a + 6 * PG, true) &&
          mmu_check(&m, a + 7 * PG, PG, MMU_R | MMU_W), "RELRO page read-only, the rest writable");
    CHECK(!mmu_check(&m, a + 2 * PG, 1, MMU_R) && mmu_check(&m, a, 2 * PG, MMU_R | MMU_X),
          "text executable, gap inaccessible");
    CHECK(m.n_regions == 5 && mmu_lookup(&m, a + 6 * PG)->off == 3 * PG &&
          mmu_lookup(&m, a + 7 * PG)->file == 0, "text, gap, relro, data, bss");
    uint8_t b;
    CHECK(pread(fd, &b, 1, 3 * PG + 1) == 1 && b == file[3 * PG + 1], "private: the file unchanged");
    CHECK(map_sane(&m) && reservation_whole(&m), "map sane, reservation whole");
    mmu_destroy(&m);
    close(fd);
    unlink(path);
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_fault };
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    test_init();
    test_split_merge();
    test_edges();
    test_bad_args();
    test_brk();
    test_find_free();
    test_files();
    test_changed_code();
    test_remap();
    test_remap_files();
    test_write_implies_read();
    test_file_names();
    test_ldso_pattern();
    return t_done("test_mmu");
}
