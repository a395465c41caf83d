/* The guest's memory syscalls, carried out on the mmu's region map: brk,
 * mmap and friends. The guest's flag values are decoded here, never handed to
 * the host's mmap. */
#include <fcntl.h>
#include <linux/capability.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys_impl.h"

/* Linux's default vm.mmap_min_addr: fixed mappings below it are refused with
 * EPERM for ordinary processes, so the guest's NULL page stays unmapped. */
#define SYS_MMAP_MIN_ADDR 0x10000ull
#define RV_PROT_SEM 0x8     /* asm-generic/mman-common.h: accepted, no effect */

_Static_assert(MADV_NORMAL == RV_MADV_NORMAL && MADV_DONTNEED == RV_MADV_DONTNEED &&
               MADV_FREE == RV_MADV_FREE && MADV_REMOVE == RV_MADV_REMOVE &&
               MADV_DONTFORK == RV_MADV_DONTFORK && MADV_WIPEONFORK == RV_MADV_WIPEONFORK &&
               MADV_POPULATE_WRITE == RV_MADV_POPULATE_WRITE &&
               MADV_HWPOISON == RV_MADV_HWPOISON && MS_ASYNC == RV_MS_ASYNC &&
               MS_INVALIDATE == RV_MS_INVALIDATE && MS_SYNC == RV_MS_SYNC,
               "madvise/msync values handed to the host");
_Static_assert(MMU_R == RV_PROT_READ && MMU_W == RV_PROT_WRITE && MMU_X == RV_PROT_EXEC,
               "guest prot bits are the mmu's");

int64_t sys_brk(struct rv_cpu *c, const uint64_t *a)
{
    return (int64_t)mmu_brk(sys_mmu(c), a[0]);
}

/* The flags a shared file mapping may have (the kernel's LEGACY_MAP_MASK):
 * MAP_SHARED_VALIDATE refuses any other, MAP_SHARED drops them. MAP_SYNC
 * needs a DAX file and MAP_FIXED_NOREPLACE is newer than the mask. The
 * hint-only flags (populate, locked, noreserve...) are accepted and change
 * nothing in where or how the pages are mapped. */
#define RV_MAP_LEGACY (RV_MAP_SHARED | RV_MAP_PRIVATE | RV_MAP_FIXED | RV_MAP_ANONYMOUS | \
                       RV_MAP_GROWSDOWN | RV_MAP_DENYWRITE | RV_MAP_EXECUTABLE | RV_MAP_LOCKED | \
                       RV_MAP_NORESERVE | RV_MAP_POPULATE | RV_MAP_NONBLOCK | RV_MAP_STACK | \
                       RV_MAP_HUGETLB | RV_MAP_UNINITIALIZED)

/* Whether the process may map below mmap_min_addr: the kernel asks for
 * CAP_SYS_RAWIO (cap_mmap_addr), and the guest has rvdbt's credentials. */
static bool may_map_low(void)
{
    struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
    struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];
    return syscall(SYS_capget, &h, d) == 0 && (d[0].effective & (1u << CAP_SYS_RAWIO));
}

/* The file checks of do_mmap that come before the mapping (the host's mmap
 * of the file makes the rest: -EACCES, -ENODEV): the offset within the
 * file's largest size, the flags a shared mapping may have, the type. */
static int mmap_file_checks(int fd, uint64_t pgoff, uint64_t len, int flags)
{
    struct stat st;
    uint64_t max = UINT64_MAX;
    if (fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)))
        max = INT64_MAX;
    if (len > max || pgoff > (max - len) >> MMU_PAGE_BITS)
        return -EOVERFLOW;
    switch (flags & RV_MAP_TYPE) {
    case RV_MAP_SHARED:
        break;
    case RV_MAP_SHARED_VALIDATE:
        if (flags & ~RV_MAP_LEGACY)
            return -EOPNOTSUPP;
        break;
    case RV_MAP_PRIVATE:
        break;
    default:
        return -EINVAL;
    }
    return 0;
}

/* The last of do_mmap's file checks, which the host's own mapping of the
 * file cannot make: it never maps guest pages executable (translated code
 * runs from the code cache), so it would not refuse an executable mapping
 * of a file on a noexec mount (-EPERM), and it is never asked for
 * MAP_GROWSDOWN, which no file mapping may have (-EINVAL, after all the
 * others). A probe of one page with the guest's prot and sharing asks the
 * host for the checks before those, in Linux's order (-EACCES for the
 * file's mode, -ENODEV for a file that cannot be mapped). */
static int mmap_file_probe(int fd, uint64_t off, int prot, int flags, bool shared)
{
    int hp = (prot & RV_PROT_EXEC ? PROT_EXEC : 0) | (prot & RV_PROT_READ ? PROT_READ : 0) |
             (prot & RV_PROT_WRITE ? PROT_WRITE : 0);
    void *p = mmap(NULL, MMU_PAGE_SIZE, hp, shared ? MAP_SHARED : MAP_PRIVATE, fd, (off_t)off);
    if (p == MAP_FAILED)
        return -errno;
    munmap(p, MMU_PAGE_SIZE);
    return flags & RV_MAP_GROWSDOWN ? -EINVAL : 0;
}

/* In the order of Linux's ksys_mmap_pgoff, do_mmap and get_unmapped_area:
 * the offset's alignment, the fd, the length, the address, then the type
 * and flags. prot is not checked (the kernel ignores bits it has no use
 * for). */
int64_t sys_mmap(struct rv_cpu *c, const uint64_t *a)
{
    struct mmu *m = sys_mmu(c);
    uint64_t addr = a[0], len = a[1], off = a[5];
    int prot = (int)a[2], flags = (int)a[3], fd = (int)a[4];
    int type = flags & RV_MAP_TYPE;
    bool anon = flags & RV_MAP_ANONYMOUS;
    bool fixed = flags & (RV_MAP_FIXED | RV_MAP_FIXED_NOREPLACE);

    if (off & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    if (!anon) {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || (fl & O_PATH))
            return -EBADF;
        if (flags & RV_MAP_HUGETLB)     /* only a hugetlbfs file takes it */
            return -EINVAL;
    }
    if (len == 0)
        return -EINVAL;
    len = MMU_PAGE_ALIGN(len);
    if (len == 0)
        return -ENOMEM;
    uint64_t pgoff = off >> MMU_PAGE_BITS;
    if (pgoff + (len >> MMU_PAGE_BITS) < pgoff)
        return -EOVERFLOW;
    if (len > MMU_GUEST_SIZE - SYS_MMAP_MIN_ADDR)
        return -ENOMEM;
    if (fixed) {
        if (addr > MMU_GUEST_SIZE - len)
            return -ENOMEM;
        if (addr & (MMU_PAGE_SIZE - 1))
            return -EINVAL;
        if (addr < SYS_MMAP_MIN_ADDR && !may_map_low())
            return -EPERM;
        /* before the type and flags, as in Linux; mmu_map_free checks
         * again under its lock */
        if ((flags & RV_MAP_FIXED_NOREPLACE) && !mmu_range_free(m, addr, addr + len))
            return -EEXIST;
    }
    int err = 0;
    if (!anon)
        err = mmap_file_checks(fd, pgoff, len, flags);
    else if (type == RV_MAP_SHARED)
        err = flags & RV_MAP_GROWSDOWN ? -EINVAL : 0;
    else if (type == RV_MAP_DROPPABLE)
        /* pages the kernel may drop under pressure: private ones it never
         * drops are as good */
        err = flags & RV_MAP_GROWSDOWN ? -EINVAL : 0;
    else if (type != RV_MAP_PRIVATE)
        err = -EINVAL;
    if (err)
        return err;
    int mflags = type == RV_MAP_SHARED || type == RV_MAP_SHARED_VALIDATE ? MMU_F_SHARED : 0;
    if (!anon && ((prot & RV_PROT_EXEC) || (flags & RV_MAP_GROWSDOWN)))
        err = mmap_file_probe(fd, off, prot, flags, mflags & MMU_F_SHARED);
    if (err)
        return err;
    int mprot = prot & (MMU_R | MMU_W | MMU_X);
    /* NOREPLACE wins over FIXED, as in the kernel; find_free answers the
     * hint itself exactly when the whole range is free. */
    /* mmu_map_free cannot be asked for address 0 (no hint): a privileged
     * NOREPLACE mapping there, just checked free, is made in place */
    if (fixed && (!(flags & RV_MAP_FIXED_NOREPLACE) || addr == 0))
        err = mmu_map(m, addr, len, mprot, mflags, anon ? -1 : fd, anon ? 0 : (off_t)off);
    else
        err = mmu_map_free(m, fixed ? addr : addr < MMU_GUEST_SIZE ? addr : 0, len, fixed, mprot, mflags,
                           anon ? -1 : fd, anon ? 0 : (off_t)off, &addr);
    return err ? err : (int64_t)addr;
}

int64_t sys_munmap(struct rv_cpu *c, const uint64_t *a)
{
    return mmu_unmap(sys_mmu(c), a[0], a[1]);
}

/* linux/mman.h: the guest's mremap flags, the mmu's values. */
#define RV_MREMAP_MAYMOVE 1
#define RV_MREMAP_FIXED 2
#define RV_MREMAP_DONTUNMAP 4
_Static_assert(RV_MREMAP_MAYMOVE == MMU_REMAP_MAYMOVE && RV_MREMAP_FIXED == MMU_REMAP_FIXED &&
               RV_MREMAP_DONTUNMAP == MMU_REMAP_DONTUNMAP, "mremap flags pass through");

int64_t sys_mremap(struct rv_cpu *c, const uint64_t *a)
{
    /* The flags are a long: a bit above the int is as unknown as any other. */
    if (a[3] & ~(uint64_t)(RV_MREMAP_MAYMOVE | RV_MREMAP_FIXED | RV_MREMAP_DONTUNMAP))
        return -EINVAL;
    uint64_t addr;
    int err = mmu_remap(sys_mmu(c), a[0], a[1], a[2], (int)a[3], a[4], &addr);
    return err ? err : (int64_t)addr;
}

int64_t sys_mprotect(struct rv_cpu *c, const uint64_t *a)
{
    int prot = (int)a[2];
    if (prot & ~(RV_PROT_READ | RV_PROT_WRITE | RV_PROT_EXEC | RV_PROT_SEM))
        return -EINVAL;
    return mmu_protect(sys_mmu(c), a[0], a[1], prot & (MMU_R | MMU_W | MMU_X));
}

/* The page range [a0, a0+a1) for msync, in Linux's order: 0 when it is
 * aligned and wholly mapped or empty (*len rounded up, which may wrap it to
 * 0), -EINVAL unaligned, -ENOMEM when it wraps or has unmapped pages. */
static int64_t mapped_range(struct rv_cpu *c, uint64_t addr, uint64_t *len)
{
    if (addr & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    *len = MMU_PAGE_ALIGN(*len);
    if (addr + *len < addr)
        return -ENOMEM;
    if (*len == 0)
        return 0;
    if (addr > MMU_GUEST_SIZE || *len > MMU_GUEST_SIZE - addr)
        return -ENOMEM;
    return mmu_check(sys_mmu(c), addr, *len, 0) ? 0 : -ENOMEM;
}

/* madvise over [at, end) region by region, as Linux goes vma by vma: the
 * first region the host refuses ends it with that error; pages not mapped
 * make it -ENOMEM at the end, the mapped ones advised all the same. */
struct advise {
    struct mmu *m;
    uint64_t at, end;
    int advice, err;
    bool hole;
};

static void advise_region(void *arg, const struct mmu_region *r, const struct mmu_file *f)
{
    struct advise *d = arg;
    (void)f;
    if (d->err || r->end <= d->at || r->start >= d->end)
        return;
    d->hole |= r->start > d->at;
    uint64_t lo = r->start > d->at ? r->start : d->at, hi = r->end < d->end ? r->end : d->end;
    if (d->advice != RV_MADV_DONTFORK && madvise(mmu_host(d->m, lo), hi - lo, d->advice) != 0)
        d->err = -errno;
    d->at = hi;
}

/* Every advice Linux knows goes to the host for the host pages behind the
 * guest range, which have the same kind (private or shared, anonymous or
 * file), so what the guest reads next is what Linux would give it (zero
 * pages after DONTNEED on private anonymous memory, the file's contents on
 * a private file mapping, either after FREE) and fork-time advice holds for
 * a forked guest too. Three are refused: poisoning host pages
 * (HWPOISON, SOFT_OFFLINE) needs CAP_SYS_ADMIN and no guest gets it here;
 * guard pages (GUARD_INSTALL/REMOVE, Linux 6.13) would fault inside
 * translated code where the region map says the pages are there, so the
 * guest is told its kernel predates them. DONTFORK is accepted without
 * effect: a forked guest's region map would list pages its host lacks. */
int64_t sys_madvise(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t addr = a[0], len = MMU_PAGE_ALIGN(a[1]);
    int advice = (int)a[2];
    switch (advice) {
    case RV_MADV_NORMAL ... RV_MADV_DONTNEED:
    case RV_MADV_FREE ... RV_MADV_COLLAPSE:
    case RV_MADV_HWPOISON: case RV_MADV_SOFT_OFFLINE:
        break;
    default:
        return -EINVAL;
    }
    /* In Linux's order: the advice, then a range that is unaligned or wraps
     * (-EINVAL; a length rounded up to 0 wraps), then an empty one (done),
     * then the poisoning advice, then unmapped pages. */
    if ((addr & (MMU_PAGE_SIZE - 1)) || (a[1] && !len) || addr + len < addr)
        return -EINVAL;
    if (!len)
        return 0;
    if (advice == RV_MADV_HWPOISON || advice == RV_MADV_SOFT_OFFLINE)
        return -EPERM;
    struct advise d = { sys_mmu(c), addr, addr + len, advice, 0, false };
    mmu_walk(d.m, advise_region, &d);
    return d.err ? d.err : d.hole || d.at < d.end ? -ENOMEM : 0;
}

int64_t sys_msync(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t len = a[1];
    int flags = (int)a[2];
    if ((flags & ~(RV_MS_ASYNC | RV_MS_INVALIDATE | RV_MS_SYNC)) ||
        ((flags & RV_MS_ASYNC) && (flags & RV_MS_SYNC)))
        return -EINVAL;
    int64_t err = mapped_range(c, a[0], &len);
    if (err || !len)
        return err;
    return sys_ret(msync(mmu_host(sys_mmu(c), a[0]), len, flags));
}

/* mlock and friends work on the host pages behind a guest range that is
 * wholly mapped (Linux's -ENOMEM otherwise), so RLIMIT_MEMLOCK and
 * CAP_IPC_LOCK decide as they would; the range is widened to whole pages
 * first, as the kernel does. */
static int64_t lock_range(struct rv_cpu *c, uint64_t addr, uint64_t len, uint64_t *start)
{
    *start = addr & ~(MMU_PAGE_SIZE - 1);
    if (len > MMU_GUEST_SIZE)
        return -ENOMEM;
    uint64_t n = MMU_PAGE_ALIGN(len + (addr - *start));
    return mmu_check(sys_mmu(c), *start, n, 0) ? (int64_t)n : -ENOMEM;
}

_Static_assert(MLOCK_ONFAULT == RV_MLOCK_ONFAULT && MCL_CURRENT == RV_MCL_CURRENT &&
               MCL_FUTURE == RV_MCL_FUTURE && MCL_ONFAULT == RV_MCL_ONFAULT, "mlock flags");

int64_t sys_mlock2(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t start;
    if ((unsigned)a[2] & ~RV_MLOCK_ONFAULT)
        return -EINVAL;
    int64_t n = lock_range(c, a[0], a[1], &start);
    if (n <= 0)
        return n;
    return sys_ret(mlock2(mmu_host(sys_mmu(c), start), (size_t)n, (unsigned)a[2]));
}

int64_t sys_mlock(struct rv_cpu *c, const uint64_t *a)
{
    return sys_mlock2(c, (const uint64_t[6]){ a[0], a[1], 0 });
}

int64_t sys_munlock(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t start;
    int64_t n = lock_range(c, a[0], a[1], &start);
    if (n <= 0)
        return n;
    return sys_ret(munlock(mmu_host(sys_mmu(c), start), (size_t)n));
}

/* The flags are checked as Linux does; the guest's pages are not locked.
 * The host call would lock rvdbt's own memory too (code cache, the slot
 * arrays of every thread) and with MCL_FUTURE every later host mapping. */
int64_t sys_mlockall(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    unsigned flags = (unsigned)a[0];
    if (!flags || (flags & ~(unsigned)(RV_MCL_CURRENT | RV_MCL_FUTURE | RV_MCL_ONFAULT)) ||
        flags == RV_MCL_ONFAULT)
        return -EINVAL;
    return 0;
}

/* rvdbt locks nothing of its own, so unlocking everything on the host
 * undoes exactly what the guest locked. */
int64_t sys_munlockall(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    (void)a;
    return sys_ret(munlockall());
}

/* One byte per page of the aligned, wholly mapped range: the host's
 * residency of the host pages behind it. */
int64_t sys_mincore(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t len = a[1];
    if (a[0] & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    if (len > MMU_GUEST_SIZE || a[0] > MMU_GUEST_SIZE - MMU_PAGE_ALIGN(len))
        return -ENOMEM;
    len = MMU_PAGE_ALIGN(len);
    if (!mmu_check(sys_mmu(c), a[0], len, 0))
        return -ENOMEM;
    uint64_t vlen = len / MMU_PAGE_SIZE;
    unsigned char *vec = sys_ubuf(c, a[2], &vlen, MMU_W);
    if (!vec)
        return -EFAULT;
    return sys_ret(mincore(mmu_host(sys_mmu(c), a[0]), len, vec));
}

/* Guest threads are host threads of this process, so the host's barriers
 * over this process's threads (the private and global commands, their
 * registrations and QUERY's answer) are exactly the guest's. The
 * SYNC_CORE kind is sound too: stores into translated code reach the slow
 * path and drop the translations before the store lands. */
int64_t sys_membarrier(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(syscall(SYS_membarrier, (int)a[0], (unsigned)a[1], (int)a[2]));
}
