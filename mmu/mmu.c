/* The guest address space: one PROT_NONE host reservation plus a sorted region
 * map. The region map is the authority on guest permissions; the host
 * protections follow it (see host_prot for where they cannot match), so a
 * fast-path access to an unmapped or read-only page faults in the host.
 *
 * Locking: mmu_map, mmu_unmap, mmu_remap, mmu_protect, mmu_set_file and
 * mmu_brk take the write lock; mmu_find_free, mmu_check, mmu_ptr, mmu_read,
 * mmu_write, mmu_strnlen, mmu_walk and mmu_range_free take the read lock. mmu_lookup takes none: its caller holds the lock or runs
 * before any second guest thread exists. */
#include "mmu/mmu.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* New mappings without a usable hint go below this. The loader puts the stack
 * at the very top of the guest space; leaving 8 GiB under it keeps mmap from
 * crowding the stack, as Linux keeps mmap_base a stack-rlimit-sized gap below
 * the stack. */
#define MMU_STACK_AREA (8ull << 30)
/* Lowest address mmu_find_free hands out: Linux's default vm.mmap_min_addr.
 * It also keeps 0, the "nothing free" answer, from being a valid result. */
#define MMU_MIN_FREE 0x10000ull

#define MMU_PROT_MASK (MMU_R | MMU_W | MMU_X)
#define MMU_FLAG_MASK (MMU_F_ANON | MMU_F_SHARED | MMU_F_STACK | MMU_F_BRK)

int mmu_init(struct mmu *m, bool low)
{
    memset(m, 0, sizeof(*m));
    /* A guard page each side: a multi-byte access at the edge of the guest
     * space faults instead of touching a neighbouring host mapping. */
    /* Low if it can be (see MMU_LOW_BASE), else wherever the host puts it. */
    void *p = !low ? MAP_FAILED :
              mmap((void *)(uintptr_t)(MMU_LOW_BASE - MMU_PAGE_SIZE), MMU_GUEST_SIZE + 2 * MMU_PAGE_SIZE,
                   PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        p = mmap(NULL, MMU_GUEST_SIZE + 2 * MMU_PAGE_SIZE, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -errno;
    int err = pthread_rwlock_init(&m->lock, NULL);
    if (err) {
        munmap(p, MMU_GUEST_SIZE + 2 * MMU_PAGE_SIZE);
        return -err;
    }
    m->base = (uint8_t *)p + MMU_PAGE_SIZE;
    m->mmap_top = MMU_GUEST_SIZE - MMU_STACK_AREA;
    m->code_bits = mmap(NULL, MMU_CODE_BITS_SIZE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m->code_bits == MAP_FAILED) {
        munmap(p, MMU_GUEST_SIZE + 2 * MMU_PAGE_SIZE);
        return -ENOMEM;
    }
    return 0;
}

void mmu_destroy(struct mmu *m)
{
    if (m->base)
        munmap(m->base - MMU_PAGE_SIZE, MMU_GUEST_SIZE + 2 * MMU_PAGE_SIZE);
    if (m->code_bits)
        munmap(m->code_bits, MMU_CODE_BITS_SIZE);
    free(m->regions);
    mmu_file_free_all(m);
    pthread_rwlock_destroy(&m->lock);
    memset(m, 0, sizeof(*m));
}

/* Mappings or permissions of [start, end) changed: whatever was derived from
 * them (slots, TLB entries, translations) must go; see mmu.h. */
static void changed(struct mmu *m, uint64_t start, uint64_t end)
{
    __atomic_add_fetch(&m->generation, 1, __ATOMIC_RELEASE);   /* readers do not take the lock */
    /* Only translations need the range, and only pages holding them: so
     * that, say, a thread stack unmapped high up and a heap change low down
     * do not add up to a range over all the code between. */
    if (!mmu_code_span(m, &start, &end))
        return;
    if (m->changed_lo >= m->changed_hi) {
        m->changed_lo = start;
        m->changed_hi = end;
    } else {
        m->changed_lo = start < m->changed_lo ? start : m->changed_lo;
        m->changed_hi = end > m->changed_hi ? end : m->changed_hi;
    }
}

/* Host protections for guest ones. Guest code is translated, never run in
 * place, so no PROT_EXEC; but the translator reads code bytes through the
 * host mapping, so executable pages stay readable, and x86 cannot express
 * write-only pages. */
static int host_prot(int prot)
{
    int hp = PROT_NONE;
    if (prot & (MMU_R | MMU_W | MMU_X))
        hp |= PROT_READ;
    if (prot & MMU_W)
        hp |= PROT_WRITE;
    return hp;
}

/* Put [start, end) back to reserved PROT_NONE: replacing the pages also
 * returns their memory to the host. */
static int host_release(struct mmu *m, uint64_t start, uint64_t end)
{
    void *p = mmap(m->base + start, end - start, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    return p == MAP_FAILED ? -errno : 0;
}

/* Index of the first region with end > addr (n_regions if none). */
static size_t first_after(const struct mmu *m, uint64_t addr)
{
    size_t lo = 0, hi = m->n_regions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->regions[mid].end > addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Room for `extra` more regions, so that the edits that follow cannot fail
 * halfway through. */
static int reserve(struct mmu *m, size_t extra)
{
    if (m->n_regions + extra <= m->cap_regions)
        return 0;
    size_t cap = m->cap_regions ? m->cap_regions * 2 : 16;
    while (cap < m->n_regions + extra)
        cap *= 2;
    struct mmu_region *r = realloc(m->regions, cap * sizeof(*r));
    if (!r)
        return -ENOMEM;
    m->regions = r;
    m->cap_regions = cap;
    return 0;
}

/* Make addr a region boundary by splitting the region that straddles it.
 * Needs one reserved slot. */
static void split_at(struct mmu *m, uint64_t addr)
{
    size_t i = first_after(m, addr);
    if (i == m->n_regions || m->regions[i].start >= addr)
        return;
    memmove(&m->regions[i + 1], &m->regions[i], (m->n_regions - i) * sizeof(m->regions[0]));
    m->n_regions++;
    m->regions[i].end = addr;
    m->regions[i + 1].start = addr;
    if (m->regions[i + 1].file)
        m->regions[i + 1].off += addr - m->regions[i].start;
}

/* Drop the regions inside [start, end), splitting those that straddle its
 * edges (two reserved slots). Returns whether anything was mapped there. */
static bool remove_range(struct mmu *m, uint64_t start, uint64_t end)
{
    split_at(m, start);
    split_at(m, end);
    size_t i = first_after(m, start), j = i;
    while (j < m->n_regions && m->regions[j].start < end)
        j++;
    memmove(&m->regions[i], &m->regions[j], (m->n_regions - j) * sizeof(m->regions[0]));
    m->n_regions -= j - i;
    if (j > i)
        m->free_below = 0;      /* a new hole: the next search starts at the top */
    return j > i;
}

/* Like the kernel's VMAs, pages of one file merge only where the file
 * continues: the pages after a mapping of offset 0 are not those of another
 * mapping of offset 0. */
static bool same_kind(const struct mmu_region *a, const struct mmu_region *b)
{
    return a->end == b->start && a->prot == b->prot && a->flags == b->flags &&
           a->file == b->file && (!a->file || b->off == a->off + (a->end - a->start));
}

/* Re-establish "adjacent equal regions are merged" around indices [i, j]. */
static void merge_span(struct mmu *m, size_t i, size_t j)
{
    if (i > 0)
        i--;
    if (j >= m->n_regions)
        j = m->n_regions ? m->n_regions - 1 : 0;
    size_t k = i;
    while (k < j && k + 1 < m->n_regions) {
        if (same_kind(&m->regions[k], &m->regions[k + 1])) {
            m->regions[k].end = m->regions[k + 1].end;
            memmove(&m->regions[k + 1], &m->regions[k + 2],
                    (m->n_regions - k - 2) * sizeof(m->regions[0]));
            m->n_regions--;
            j--;
        } else {
            k++;
        }
    }
}

/* Insert a region into a hole left by remove_range (one reserved slot). */
static void insert_region(struct mmu *m, struct mmu_region r)
{
    size_t i = first_after(m, r.start);
    memmove(&m->regions[i + 1], &m->regions[i], (m->n_regions - i) * sizeof(m->regions[0]));
    m->regions[i] = r;
    m->n_regions++;
    merge_span(m, i, i + 1);
}

/* Validate a page-aligned start and round len up, the way mmap, munmap and
 * mprotect do: a misaligned start is -EINVAL; a length that wraps or runs past
 * the guest space is `toobig`. */
static int check_range(uint64_t start, uint64_t *len, int toobig)
{
    if (start & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    if (*len > MMU_GUEST_SIZE)
        return toobig;
    *len = MMU_PAGE_ALIGN(*len);
    if (start >= MMU_GUEST_SIZE || *len > MMU_GUEST_SIZE - start)
        return toobig;
    return 0;
}

/* RISC-V page tables have no write-only pages: Linux maps PROT_WRITE as
 * readable and writable, and so does the guest here. */
static int linux_prot(int prot)
{
    return prot & MMU_W ? prot | MMU_R : prot;
}

/* file: what the new region shows (mmu_file_intern), 0 for nothing. */
static int map_locked(struct mmu *m, uint64_t start, uint64_t len, int prot, int flags,
                      int fd, off_t off, uint32_t file)
{
    int err = check_range(start, &len, -ENOMEM);
    if (err)
        return err;
    prot = linux_prot(prot);
    if (len == 0 || (prot & ~MMU_PROT_MASK) || (flags & ~MMU_FLAG_MASK))
        return -EINVAL;
    if (fd >= 0 && (off < 0 || (off & (MMU_PAGE_SIZE - 1))))
        return -EINVAL;
    if ((err = reserve(m, 3)))
        return err;

    /* MMU_F_ANON describes what is there, so it follows fd rather than the caller. */
    flags = (flags & ~MMU_F_ANON) | (fd < 0 ? MMU_F_ANON : 0);
    int share = (flags & MMU_F_SHARED) ? MAP_SHARED : MAP_PRIVATE;
    void *want = m->base + start;
    if (fd < 0) {
        if (mmap(want, len, host_prot(prot), MAP_FIXED | MAP_ANONYMOUS | share, -1, 0) == MAP_FAILED)
            err = -errno;
    } else {
        /* Map the file wherever the host likes first, then move it into
         * place: the usual refusals (bad fd, access mode, unmappable file)
         * then leave the old guest mapping intact, as they do on Linux. */
        void *p = mmap(NULL, len, host_prot(prot), share, fd, off);
        if (p == MAP_FAILED)
            return -errno;
        if (mremap(p, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, want) == MAP_FAILED) {
            err = -errno;
            munmap(p, len);
        }
    }
    if (err) {
        /* A failed MAP_FIXED mmap or mremap may already have unmapped the old
         * pages, leaving a hole in the reservation another host mmap could
         * land in. Re-reserve the range and treat it as unmapped. */
        if (host_release(m, start, start + len) == 0 && remove_range(m, start, start + len))
            changed(m, start, start + len);
        return err;
    }
    if (remove_range(m, start, start + len))
        changed(m, start, start + len);
    insert_region(m, (struct mmu_region){ start, start + len, prot, flags, file, file ? (uint64_t)off : 0 });
    return 0;
}

int mmu_map(struct mmu *m, uint64_t start, uint64_t len, int prot, int flags, int fd, off_t off)
{
    /* The file's name is looked up before the lock: it takes host calls. */
    struct mmu_file_id id;
    bool named = fd >= 0 && mmu_file_identify(fd, &id);
    pthread_rwlock_wrlock(&m->lock);
    int err = map_locked(m, start, len, prot, flags, fd, off, named ? mmu_file_intern(m, &id) : 0);
    pthread_rwlock_unlock(&m->lock);
    return err;
}

static uint64_t find_free_locked(struct mmu *m, uint64_t hint, uint64_t len, bool remember);

int mmu_map_free(struct mmu *m, uint64_t hint, uint64_t len, bool exact, int prot, int flags, int fd,
                 off_t off, uint64_t *addr)
{
    struct mmu_file_id id;
    bool named = fd >= 0 && mmu_file_identify(fd, &id);
    pthread_rwlock_wrlock(&m->lock);
    uint64_t at = find_free_locked(m, hint, len, true);
    int err = exact && at != hint ? -EEXIST : !at ? -ENOMEM : 0;
    if (!err)
        err = map_locked(m, at, len, prot, flags, fd, off, named ? mmu_file_intern(m, &id) : 0);
    if (err)
        m->free_below = 0;      /* it remembered a range that stayed free */
    pthread_rwlock_unlock(&m->lock);
    *addr = at;
    return err;
}

static int unmap_locked(struct mmu *m, uint64_t start, uint64_t len)
{
    int err = check_range(start, &len, -EINVAL);
    if (err)
        return err;
    if (len == 0)
        return -EINVAL;
    if ((err = reserve(m, 2)))
        return err;
    if ((err = host_release(m, start, start + len)))
        return err;
    if (remove_range(m, start, start + len))
        changed(m, start, start + len);
    return 0;
}

int mmu_unmap(struct mmu *m, uint64_t start, uint64_t len)
{
    pthread_rwlock_wrlock(&m->lock);
    int err = unmap_locked(m, start, len);
    pthread_rwlock_unlock(&m->lock);
    return err;
}

/* The end of the run of regions without a hole that starts at or before
 * start (i is the first region with end > start), capped at end; start
 * itself if start is not mapped. */
static uint64_t covered_to(const struct mmu *m, size_t i, uint64_t start, uint64_t end)
{
    uint64_t at = start;
    for (; i < m->n_regions && at < end && m->regions[i].start <= at; i++)
        at = m->regions[i].end;
    return at < end ? at : end;
}

/* Linux's order (do_mprotect_pkey): an unmapped first page is -ENOMEM with
 * nothing changed; otherwise the mappings are changed one by one up to the
 * first hole, which makes the result -ENOMEM, or up to the first refusal
 * (say, write access to a shared mapping of a read-only file), whose error
 * it returns. What was changed before either stays changed. */
static int protect_locked(struct mmu *m, uint64_t start, uint64_t len, int prot)
{
    int err = check_range(start, &len, -ENOMEM);
    if (err)
        return err;
    prot = linux_prot(prot);
    if (prot & ~MMU_PROT_MASK)
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t end = start + len, stop = covered_to(m, first_after(m, start), start, end);
    if (stop == start)
        return -ENOMEM;
    if ((err = reserve(m, 2)))
        return err;
    split_at(m, start);
    split_at(m, stop);
    size_t i = first_after(m, start), j;
    for (j = i; j < m->n_regions && m->regions[j].start < stop; j++) {
        struct mmu_region *r = &m->regions[j];
        if (mprotect(m->base + r->start, r->end - r->start, host_prot(prot)) != 0) {
            err = -errno;
            break;
        }
        r->prot = prot;
    }
    uint64_t done = j > i ? m->regions[j - 1].end : start;
    merge_span(m, i, first_after(m, stop));
    if (done > start)
        changed(m, start, done);
    return err ? err : stop < end ? -ENOMEM : 0;
}

int mmu_protect(struct mmu *m, uint64_t start, uint64_t len, int prot)
{
    pthread_rwlock_wrlock(&m->lock);
    int err = protect_locked(m, start, len, prot);
    pthread_rwlock_unlock(&m->lock);
    return err;
}

static int set_file_locked(struct mmu *m, uint64_t start, uint64_t len, uint32_t file, uint64_t off)
{
    int err = check_range(start, &len, -ENOMEM);
    if (err)
        return err;
    if (off & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    uint64_t end = start + len;
    if (covered_to(m, first_after(m, start), start, end) < end)
        return -ENOMEM;
    if ((err = reserve(m, 2)))
        return err;
    split_at(m, start);
    split_at(m, end);
    size_t i = first_after(m, start), j;
    for (j = i; j < m->n_regions && m->regions[j].start < end; j++) {
        m->regions[j].file = file;
        m->regions[j].off = file ? off + (m->regions[j].start - start) : 0;
    }
    merge_span(m, i, j);
    return 0;
}

int mmu_set_file(struct mmu *m, uint64_t start, uint64_t len, int fd, uint64_t off)
{
    struct mmu_file_id id;
    if (!mmu_file_identify(fd, &id))
        return -EBADF;
    pthread_rwlock_wrlock(&m->lock);
    int err = set_file_locked(m, start, len, mmu_file_intern(m, &id), off);
    pthread_rwlock_unlock(&m->lock);
    return err;
}

void mmu_walk(struct mmu *m, void (*fn)(void *arg, const struct mmu_region *r,
                                        const struct mmu_file *f), void *arg)
{
    pthread_rwlock_rdlock(&m->lock);
    for (size_t i = 0; i < m->n_regions; i++) {
        const struct mmu_region *r = &m->regions[i];
        fn(arg, r, r->file ? &m->files[r->file - 1] : NULL);
    }
    pthread_rwlock_unlock(&m->lock);
}

static bool range_free(const struct mmu *m, uint64_t start, uint64_t end)
{
    size_t i = first_after(m, start);
    return i == m->n_regions || m->regions[i].start >= end;
}

static uint64_t brk_locked(struct mmu *m, uint64_t new_brk)
{
    if (new_brk < m->brk_start || new_brk > MMU_GUEST_SIZE)
        return m->brk;
    uint64_t old_end = MMU_PAGE_ALIGN(m->brk), new_end = MMU_PAGE_ALIGN(new_brk);
    if (new_end < old_end) {
        if (unmap_locked(m, new_end, old_end - new_end) != 0)
            return m->brk;
    } else if (new_end > old_end) {
        /* The heap grows only into free space: it must not swallow a mapping
         * the guest made with mmap. */
        if (!range_free(m, old_end, new_end) ||
            map_locked(m, old_end, new_end - old_end, MMU_R | MMU_W, MMU_F_BRK, -1, 0, 0) != 0)
            return m->brk;
    }
    m->brk = new_brk;
    return new_brk;
}

uint64_t mmu_brk(struct mmu *m, uint64_t new_brk)
{
    pthread_rwlock_wrlock(&m->lock);
    uint64_t r = brk_locked(m, new_brk);
    pthread_rwlock_unlock(&m->lock);
    return r;
}

/* Top-down: walk the regions from the highest, looking at each hole
 * between a region's end and the bottom of what lies above it. A search
 * that may remember (under the write lock) notes where it placed the range
 * and the largest hole it passed over: the next one for more than that
 * starts there, so that placing one mapping after another stays linear
 * (free_below is dropped whenever a hole opens). */
static uint64_t find_free_locked(struct mmu *m, uint64_t hint, uint64_t len, bool remember)
{
    if (len == 0 || len > MMU_GUEST_SIZE)
        return 0;
    len = MMU_PAGE_ALIGN(len);
    hint = MMU_PAGE_ALIGN(hint);
    if (hint >= MMU_MIN_FREE && hint < MMU_GUEST_SIZE && len <= MMU_GUEST_SIZE - hint &&
        range_free(m, hint, hint + len))
        return hint;
    bool cached = m->free_below && len > m->free_hole;
    uint64_t top = cached ? m->free_below : m->mmap_top, passed = cached ? m->free_hole : 0, at = 0;
    size_t i = cached ? first_after(m, top) + 1 : m->n_regions;
    if (i > m->n_regions)
        i = m->n_regions;
    while (!at && i-- > 0) {
        const struct mmu_region *r = &m->regions[i];
        if (r->start >= top)
            continue;
        uint64_t bottom = r->end > MMU_MIN_FREE ? r->end : MMU_MIN_FREE;
        if (bottom < top && top - bottom >= len)
            at = top - len;
        else if (bottom < top && top - bottom > passed)
            passed = top - bottom;
        top = r->start;
    }
    if (!at && top > MMU_MIN_FREE && top - MMU_MIN_FREE >= len)
        at = top - len;
    if (at && remember) {
        m->free_below = at;
        m->free_hole = passed;
    }
    return at;
}

bool mmu_range_free(struct mmu *m, uint64_t start, uint64_t end)
{
    pthread_rwlock_rdlock(&m->lock);
    bool free = range_free(m, start, end);
    pthread_rwlock_unlock(&m->lock);
    return free;
}

uint64_t mmu_find_free(struct mmu *m, uint64_t hint, uint64_t len)
{
    pthread_rwlock_rdlock(&m->lock);
    uint64_t r = find_free_locked(m, hint, len, false);
    pthread_rwlock_unlock(&m->lock);
    return r;
}

#define MMU_REMAP_MASK (MMU_REMAP_MAYMOVE | MMU_REMAP_FIXED | MMU_REMAP_DONTUNMAP)

/* Move the host pages behind guest [from, from+len) to [to, to+new_len),
 * grown the way the kernel grows a mapping (zero pages, or more of the same
 * file or shared memory), replacing whatever was at `to`; [from, from+len)
 * is left mapped but emptied. Only the host knows which file a mapping shows,
 * so the host moves it rather than rvdbt mapping it anew. The pages first go
 * out of the reservation to wherever the host has room, with MREMAP_DONTUNMAP
 * keeping the source mapped, and come back with MREMAP_FIXED, which replaces
 * the target in one step: at no moment does the reservation have a hole a
 * host mmap could land in. len 0 (a second view of a shared mapping) moves
 * nothing out. */
static int host_move(struct mmu *m, uint64_t from, uint64_t len, uint64_t to, uint64_t new_len)
{
    void *src = m->base + from;
    if (len) {
        src = mremap(src, len, len, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
        if (src == MAP_FAILED)
            return -errno;
    }
    if (mremap(src, len, new_len, MREMAP_MAYMOVE | MREMAP_FIXED, m->base + to) != MAP_FAILED)
        return 0;
    int err = -errno;
    /* Back over the emptied source; should even that fail the contents are
     * lost, but the reservation is still whole. */
    if (len && mremap(src, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, m->base + from) == MAP_FAILED)
        munmap(src, len);
    return err;
}

/* Move the mapping r shows at [old, old+old_len) to the free (or just
 * unmapped) [to, to+new_len). */
static int move_locked(struct mmu *m, struct mmu_region r, uint64_t old, uint64_t old_len,
                       uint64_t to, uint64_t new_len, bool keep_old)
{
    int err = reserve(m, 3);
    if (err || (err = host_move(m, old, old_len, to, new_len)))
        return err;
    /* The emptied source goes back to the reservation. Should that fail, it
     * stays mapped and in the map, empty, as after DONTUNMAP. */
    if (!keep_old && old_len && host_release(m, old, old + old_len) == 0)
        remove_range(m, old, old + old_len);
    if (old_len)
        changed(m, old, old + old_len);
    insert_region(m, (struct mmu_region){ to, to + new_len, r.prot, r.flags, r.file,
                                          r.file ? r.off + (old - r.start) : 0 });
    return 0;
}

/* Grow the mapping r shows at [old, r.end) in place to old+new_len; the range
 * after it is free. */
static int grow_locked(struct mmu *m, struct mmu_region r, uint64_t old, uint64_t new_len)
{
    uint64_t end = r.end, new_end = old + new_len;
    /* Private anonymous memory grows by fresh zero pages next to the old
     * ones, which stay where they are: another guest thread may be using
     * them. */
    if ((r.flags & MMU_F_ANON) && !(r.flags & MMU_F_SHARED))
        return map_locked(m, end, new_end - end, r.prot, r.flags, -1, 0, 0);
    /* More of the file or shared memory: only the host can add it. The old
     * pages come back to the same addresses with the same contents, so
     * nothing derived from them goes stale. */
    int err = reserve(m, 1);
    if (err || (err = host_move(m, old, end - old, old, new_len)))
        return err;
    insert_region(m, (struct mmu_region){ end, new_end, r.prot, r.flags, r.file,
                                          r.file ? r.off + (end - r.start) : 0 });
    return 0;
}

/* The checks Linux makes on the mapping being resized or moved (its
 * resize_is_valid): r holds old. */
static int check_source(const struct mmu_region *r, uint64_t old, uint64_t old_len)
{
    /* A zero old_len asks for a second view of the same pages, which only a
     * shared mapping has. */
    if (old_len == 0 && !(r->flags & MMU_F_SHARED))
        return -EINVAL;
    return old_len > r->end - old ? -EFAULT : 0;
}

/* mremap with a target address (FIXED, or DONTUNMAP's hint), in the kernel's
 * order: the target is unmapped before the source is checked. */
static int remap_to_locked(struct mmu *m, uint64_t old, uint64_t old_len, uint64_t new_len,
                           int flags, uint64_t new_addr, uint64_t *result)
{
    if (new_len > MMU_GUEST_SIZE || new_addr > MMU_GUEST_SIZE - new_len)
        return -EINVAL;
    uint64_t old_end = old_len > UINT64_MAX - old ? UINT64_MAX : old + old_len;
    if (old_end > new_addr && new_addr + new_len > old)
        return -EINVAL;
    int err;
    if ((flags & MMU_REMAP_FIXED) && (err = unmap_locked(m, new_addr, new_len)))
        return err;
    if (new_len < old_len) {
        if ((err = unmap_locked(m, old + new_len, old_len - new_len)))
            return err;
        old_len = new_len;
    }
    const struct mmu_region *r = mmu_lookup(m, old);
    if (!r)
        return -EFAULT;
    if ((err = check_source(r, old, old_len)))
        return err;
    uint64_t to = new_addr;
    if (!(flags & MMU_REMAP_FIXED) && !(to = find_free_locked(m, new_addr, new_len, false)))
        return -ENOMEM;
    if (to < MMU_MIN_FREE)
        return -EPERM;
    err = move_locked(m, *r, old, old_len, to, new_len, flags & MMU_REMAP_DONTUNMAP);
    if (!err)
        *result = to;
    return err;
}

static int remap_locked(struct mmu *m, uint64_t old, uint64_t old_len, uint64_t new_len,
                        int flags, uint64_t new_addr, uint64_t *result)
{
    bool to_addr = flags & (MMU_REMAP_FIXED | MMU_REMAP_DONTUNMAP);
    if ((flags & ~MMU_REMAP_MASK) || (old & (MMU_PAGE_SIZE - 1)) || MMU_PAGE_ALIGN(new_len) == 0)
        return -EINVAL;
    if (to_addr && ((new_addr & (MMU_PAGE_SIZE - 1)) || !(flags & MMU_REMAP_MAYMOVE) ||
                    ((flags & MMU_REMAP_DONTUNMAP) && old_len != new_len)))
        return -EINVAL;
    /* A huge old_len wraps to 0 here as it does in the kernel. */
    old_len = MMU_PAGE_ALIGN(old_len);
    new_len = MMU_PAGE_ALIGN(new_len);
    const struct mmu_region *r = mmu_lookup(m, old);
    if (!r)
        return -EFAULT;
    if (to_addr)
        return remap_to_locked(m, old, old_len, new_len, flags, new_addr, result);

    int err = 0;
    if (new_len < old_len)
        err = unmap_locked(m, old + new_len, old_len - new_len);
    if (new_len <= old_len) {
        if (!err)
            *result = old;
        return err;
    }
    if ((err = check_source(r, old, old_len)))
        return err;
    struct mmu_region kind = *r;
    uint64_t to = old;
    if (old + old_len == kind.end && new_len <= MMU_GUEST_SIZE - old &&
        range_free(m, kind.end, old + new_len)) {
        /* The range reaches the end of its mapping and the space after it is free. */
        err = grow_locked(m, kind, old, new_len);
    } else {
        if (!(flags & MMU_REMAP_MAYMOVE) || !(to = find_free_locked(m, 0, new_len, false)))
            return -ENOMEM;
        err = move_locked(m, kind, old, old_len, to, new_len, false);
    }
    if (!err)
        *result = to;
    return err;
}

int mmu_remap(struct mmu *m, uint64_t old, uint64_t old_len, uint64_t new_len, int flags,
              uint64_t new_addr, uint64_t *result)
{
    pthread_rwlock_wrlock(&m->lock);
    int err = remap_locked(m, old, old_len, new_len, flags, new_addr, result);
    pthread_rwlock_unlock(&m->lock);
    return err;
}

const struct mmu_region *mmu_lookup(const struct mmu *m, uint64_t addr)
{
    size_t i = first_after(m, addr);
    if (i < m->n_regions && m->regions[i].start <= addr)
        return &m->regions[i];
    return NULL;
}

/* Every byte of [addr, addr+len) is in a region granting prot. A zero length
 * asks nothing of the map but must still name a place inside the guest. */
static bool check_locked(const struct mmu *m, uint64_t addr, uint64_t len, int prot)
{
    if (addr > MMU_GUEST_SIZE || len > MMU_GUEST_SIZE - addr)
        return false;
    uint64_t end = addr + len, at = addr;
    for (size_t i = first_after(m, addr); at < end; i++) {
        if (i == m->n_regions || m->regions[i].start > at || (m->regions[i].prot & prot) != prot)
            return false;
        at = m->regions[i].end;
    }
    return true;
}

bool mmu_check(struct mmu *m, uint64_t addr, uint64_t len, int prot)
{
    pthread_rwlock_rdlock(&m->lock);
    bool ok = check_locked(m, addr, len, prot);
    pthread_rwlock_unlock(&m->lock);
    return ok;
}

void *mmu_ptr(struct mmu *m, uint64_t addr, uint64_t len, int prot)
{
    return mmu_check(m, addr, len, prot) ? mmu_host(m, addr) : NULL;
}

/* The copies run under the read lock so the pages cannot be unmapped by
 * another guest thread between the check and the copy. */
/* A copy of guest memory can fault in the host although the region map
 * allows it: a file mapping read past the end of its file raises SIGBUS.
 * The host's fault handler calls mmu_copy_fault, which leaves the copy
 * through this guard, and the copy reports -EFAULT as Linux would. */
static __thread sigjmp_buf *volatile copy_guard;   /* volatile: the stores around memcpy must stay */

void mmu_copy_fault(int sig)
{
    if (!copy_guard)
        return;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    siglongjmp(*copy_guard, 1);
}

bool mmu_copy_guarded(void *dst, const void *src, uint64_t len)
{
    sigjmp_buf jb;
    if (sigsetjmp(jb, 0)) {
        copy_guard = NULL;
        return false;
    }
    copy_guard = &jb;
    memcpy(dst, src, len);
    copy_guard = NULL;
    return true;
}

int mmu_read(struct mmu *m, void *dst, uint64_t src, uint64_t len)
{
    pthread_rwlock_rdlock(&m->lock);
    bool ok = check_locked(m, src, len, MMU_R) && mmu_copy_guarded(dst, mmu_host(m, src), len);
    pthread_rwlock_unlock(&m->lock);
    return ok ? 0 : -EFAULT;
}

int mmu_write(struct mmu *m, uint64_t dst, const void *src, uint64_t len)
{
    pthread_rwlock_rdlock(&m->lock);
    bool ok = check_locked(m, dst, len, MMU_W) && mmu_copy_guarded(mmu_host(m, dst), src, len);
    pthread_rwlock_unlock(&m->lock);
    return ok ? 0 : -EFAULT;
}

#define FAULTED ((const uint8_t *)1)

static const uint8_t *guarded_memchr(const uint8_t *from, uint64_t n)
{
    sigjmp_buf jb;
    if (sigsetjmp(jb, 0)) {
        copy_guard = NULL;
        return FAULTED;
    }
    copy_guard = &jb;
    const uint8_t *nul = memchr(from, 0, n);
    copy_guard = NULL;
    return nul;
}

static int64_t strnlen_locked(const struct mmu *m, uint64_t addr, uint64_t max)
{
    uint64_t at = addr;
    size_t i = first_after(m, addr);
    while (at - addr < max) {
        if (at >= MMU_GUEST_SIZE || i == m->n_regions || m->regions[i].start > at ||
            !(m->regions[i].prot & MMU_R))
            return -EFAULT;
        uint64_t n = m->regions[i].end - at;
        if (n > max - (at - addr))
            n = max - (at - addr);
        const uint8_t *from = mmu_host(m, at), *nul = guarded_memchr(from, n);
        if (nul == FAULTED)
            return -EFAULT;
        if (nul)
            return at - addr + (uint64_t)(nul - from);
        at += n;
        i++;
    }
    return -ENAMETOOLONG;
}

int64_t mmu_strnlen(struct mmu *m, uint64_t addr, uint64_t max)
{
    pthread_rwlock_rdlock(&m->lock);
    int64_t r = strnlen_locked(m, addr, max);
    pthread_rwlock_unlock(&m->lock);
    return r;
}
