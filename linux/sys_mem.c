/* The guest's memory syscalls, carried out on the mmu's region map: brk,
 * mmap and friends. The guest's flag values are decoded here, never handed to
 * the host's mmap. */
#include <sys/mman.h>
#include "linux/sys_impl.h"

/* Linux's default vm.mmap_min_addr: fixed mappings below it are refused with
 * EPERM for ordinary processes, so the guest's NULL page stays unmapped. */
#define SYS_MMAP_MIN_ADDR 0x10000ull
#define RV_PROT_SEM 0x8     /* asm-generic/mman-common.h: accepted, no effect */

_Static_assert(MADV_DONTNEED == RV_MADV_DONTNEED && MS_ASYNC == RV_MS_ASYNC &&
               MS_INVALIDATE == RV_MS_INVALIDATE && MS_SYNC == RV_MS_SYNC,
               "madvise/msync values handed to the host");
_Static_assert(MMU_R == RV_PROT_READ && MMU_W == RV_PROT_WRITE && MMU_X == RV_PROT_EXEC,
               "guest prot bits are the mmu's");

int64_t sys_brk(struct rv_cpu *c, const uint64_t *a)
{
    return (int64_t)mmu_brk(sys_mmu(c), a[0]);
}

/* The mmap flags this layer knows; MAP_SHARED_VALIDATE refuses any other. The
 * hint-only ones (populate, locked, noreserve, hugetlb...) are accepted and
 * have no effect on where or how the pages are mapped. */
#define RV_MAP_KNOWN (RV_MAP_TYPE | RV_MAP_FIXED | RV_MAP_ANONYMOUS | RV_MAP_GROWSDOWN | \
                      RV_MAP_DENYWRITE | RV_MAP_EXECUTABLE | RV_MAP_LOCKED | \
                      RV_MAP_NORESERVE | RV_MAP_POPULATE | RV_MAP_NONBLOCK | RV_MAP_STACK | \
                      RV_MAP_HUGETLB | RV_MAP_SYNC | RV_MAP_FIXED_NOREPLACE)

int64_t sys_mmap(struct rv_cpu *c, const uint64_t *a)
{
    struct mmu *m = sys_mmu(c);
    uint64_t addr = a[0], len = a[1], off = a[5];
    int prot = (int)a[2], flags = (int)a[3], fd = (int)a[4];
    int type = flags & RV_MAP_TYPE;
    bool anon = flags & RV_MAP_ANONYMOUS;
    bool fixed = flags & (RV_MAP_FIXED | RV_MAP_FIXED_NOREPLACE);

    if (type != RV_MAP_SHARED && type != RV_MAP_PRIVATE && type != RV_MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (type == RV_MAP_SHARED_VALIDATE && (flags & ~RV_MAP_KNOWN))
        return -EOPNOTSUPP;
    if (len == 0 || (off & (MMU_PAGE_SIZE - 1)) || (int64_t)off < 0)
        return -EINVAL;
    if (prot & ~(RV_PROT_READ | RV_PROT_WRITE | RV_PROT_EXEC | RV_PROT_SEM))
        return -EINVAL;
    if (len > MMU_GUEST_SIZE)
        return -ENOMEM;
    len = MMU_PAGE_ALIGN(len);
    if (!anon && fd < 0)
        return -EBADF;

    if (fixed) {
        if (addr & (MMU_PAGE_SIZE - 1))
            return -EINVAL;
        if (addr < SYS_MMAP_MIN_ADDR)
            return -EPERM;
        if (addr >= MMU_GUEST_SIZE || len > MMU_GUEST_SIZE - addr)
            return -ENOMEM;
        /* NOREPLACE wins over FIXED, as in the kernel; find_free answers the
         * hint itself exactly when the whole range is free. */
        if ((flags & RV_MAP_FIXED_NOREPLACE) && mmu_find_free(m, addr, len) != addr)
            return -EEXIST;
    } else {
        addr = mmu_find_free(m, addr < MMU_GUEST_SIZE ? addr : 0, len);
        if (!addr)
            return -ENOMEM;
    }
    int mflags = type == RV_MAP_PRIVATE ? 0 : MMU_F_SHARED;
    int err = mmu_map(m, addr, len, prot & (MMU_R | MMU_W | MMU_X), mflags,
                      anon ? -1 : fd, anon ? 0 : (off_t)off);
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

/* The page range [a0, a0+a1) for madvise and msync: 0 when it is aligned and
 * wholly mapped (*len rounded up), else the kernel's errors for them. */
static int64_t mapped_range(struct rv_cpu *c, uint64_t addr, uint64_t *len)
{
    if (addr & (MMU_PAGE_SIZE - 1))
        return -EINVAL;
    if (*len > MMU_GUEST_SIZE)
        return -ENOMEM;
    *len = MMU_PAGE_ALIGN(*len);
    return mmu_check(sys_mmu(c), addr, *len, 0) ? 0 : -ENOMEM;
}

int64_t sys_madvise(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t len = a[1];
    int advice = (int)a[2];
    int64_t err = mapped_range(c, a[0], &len);
    if (err)
        return err;
    if (advice < RV_MADV_NORMAL || (advice > RV_MADV_DONTNEED && advice < RV_MADV_FREE) ||
        advice > RV_MADV_COLLAPSE)
        return -EINVAL;
    /* DONTNEED changes what the guest reads next (zero pages for private
     * anonymous memory, the file's contents for private file mappings); the
     * host mapping behind the guest pages has the same kind, so the host call
     * gives exactly that. Every other advice is a hint and may be ignored. */
    if ((advice == RV_MADV_DONTNEED || advice == RV_MADV_DONTNEED_LOCKED) && len)
        return sys_ret(madvise(mmu_host(sys_mmu(c), a[0]), len, MADV_DONTNEED));
    return 0;
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
