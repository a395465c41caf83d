/* The guest address space. Guest memory is one host reservation of
 * MMU_GUEST_SIZE bytes: guest address g lives at host base + g, and nothing
 * outside [0, MMU_GUEST_SIZE) is ever a guest address, so no guest address,
 * however wild, reaches host memory outside the reservation. Unmapped guest
 * pages are PROT_NONE in the host. The region map below records what the guest
 * mapped and with which permissions; the slow paths and syscalls consult it
 * (the host protections only mirror it). */
#ifndef MMU_H
#define MMU_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MMU_GUEST_BITS 38                        /* Sv39 user half: 256 GiB */
#define MMU_GUEST_SIZE (1ull << MMU_GUEST_BITS)
#define MMU_PAGE_BITS 12
#define MMU_PAGE_SIZE (1ull << MMU_PAGE_BITS)
/* Where the guest space is reserved if that host range is free: below 2 GiB,
 * so host = guest + a constant that fits an instruction's disp32. */
#define MMU_LOW_BASE 0x40000000ull
#define MMU_PAGE_ALIGN(x) (((x) + MMU_PAGE_SIZE - 1) & ~(MMU_PAGE_SIZE - 1))

enum { MMU_R = 1, MMU_W = 2, MMU_X = 4 };       /* same bits as PROT_READ/WRITE/EXEC */

struct mmu_region {
    uint64_t start, end;     /* [start, end), page-aligned */
    int prot;                /* MMU_R|MMU_W|MMU_X */
    int flags;               /* MMU_F_* */
    uint32_t file;           /* the file the pages show (index + 1 into mmu.files), 0 for none */
    uint64_t off;            /* with a file: its offset at start */
};
enum { MMU_F_ANON = 1, MMU_F_SHARED = 2, MMU_F_STACK = 4, MMU_F_BRK = 8 };

/* A file regions show, as /proc/PID/maps names it: the host's device and
 * inode numbers and path. Regions refer to it by index; an entry no region
 * refers to any more is reused (mmu_file.c). */
struct mmu_file {
    uint64_t dev, ino;
    char *path;              /* NULL: a free entry */
};

struct mmu {
    uint8_t *base;                 /* host address of guest address 0 */
    struct mmu_region *regions;    /* sorted by start, non-overlapping, adjacent equal ones merged */
    size_t n_regions, cap_regions;
    uint64_t brk_start, brk;       /* program break: [brk_start, brk) is MMU_F_BRK */
    uint64_t mmap_top;             /* new mappings without a hint are placed below this */
    uint64_t free_below, free_hole; /* if free_below: no hole in [free_below, mmap_top) exceeds free_hole */
    uint64_t generation;           /* bumped by every unmap/protect/replacing map: slots and TLBs refill */
    uint64_t changed_lo, changed_hi; /* union of the code pages changed since the translator last looked */
    uint64_t *code_bits;           /* one bit per guest page holding translated code */
    struct mmu_file *files;        /* what file regions show; see struct mmu_region */
    size_t n_files;
    pthread_rwlock_t lock;
};

/* Reserve the host memory for the guest, at MMU_LOW_BASE if `low` and that
 * range is free. Returns 0 or -errno. */
int mmu_init(struct mmu *m, bool low);
void mmu_destroy(struct mmu *m);

static inline void *mmu_host(const struct mmu *m, uint64_t g) { return m->base + g; }

/* Map [start, start+len) (page-aligned start, len rounded up) with prot,
 * replacing whatever was there (MAP_FIXED semantics). fd < 0: anonymous zero
 * pages. Otherwise the file at offset off (page-aligned) is mapped, privately
 * unless flags has MMU_F_SHARED. Returns 0 or -errno. */
int mmu_map(struct mmu *m, uint64_t start, uint64_t len, int prot, int flags, int fd, off_t off);
/* Find a free page-aligned range of len bytes: at hint if free, else the highest
 * free range below mmap_top. Returns the address or 0 if none. */
uint64_t mmu_find_free(struct mmu *m, uint64_t hint, uint64_t len);
/* Whether nothing is mapped in [start, end). */
bool mmu_range_free(struct mmu *m, uint64_t start, uint64_t end);
/* mmu_map at a free range found as mmu_find_free does, under one lock, so
 * that threads mapping at once never get the same range; exact: at hint
 * only (-EEXIST if it is not free). 0 with *addr, or -errno (-ENOMEM: no
 * room). */
int mmu_map_free(struct mmu *m, uint64_t hint, uint64_t len, bool exact, int prot, int flags, int fd,
                 off_t off, uint64_t *addr);
int mmu_unmap(struct mmu *m, uint64_t start, uint64_t len);
/* mremap's flags, with Linux's values. */
enum { MMU_REMAP_MAYMOVE = 1, MMU_REMAP_FIXED = 2, MMU_REMAP_DONTUNMAP = 4 };
/* Linux mremap: resize the mapping at [old, old+old_len) in place (shrinking
 * unmaps the tail; growing needs the range after it free) or, with MAYMOVE,
 * move it to a free range; FIXED (with MAYMOVE) moves it to new_addr,
 * replacing what was there; DONTUNMAP (with MAYMOVE, equal lengths) moves it
 * to new_addr if free (else anywhere) and leaves the old range mapped but
 * emptied. The contents come along (private file pages stay private, shared
 * ones shared, growth adds zero pages or more of the file) and the region
 * keeps its prot and flags. old_len 0 maps a second view of a shared mapping.
 * On success *result is the mapping's address; every range unmapped or
 * replaced is in changed_lo/hi. Returns 0 or the kernel's error: -EINVAL (bad
 * flags, misaligned address, zero new_len, FIXED ranges overlapping), -EFAULT
 * (old not mapped, or the range runs past its region), -ENOMEM (cannot grow
 * in place and may not or cannot move), -EPERM (FIXED below the lowest
 * mappable address). */
int mmu_remap(struct mmu *m, uint64_t old, uint64_t old_len, uint64_t new_len, int flags,
              uint64_t new_addr, uint64_t *result);
/* Like Linux mprotect: -ENOMEM when the range starts unmapped (nothing
 * changes) or has a hole (the part before the hole is changed); a refusal
 * part way leaves the part before it changed. */
int mmu_protect(struct mmu *m, uint64_t start, uint64_t len, int prot);
/* Linux brk semantics: returns the new break, or the old one when the request fails. */
uint64_t mmu_brk(struct mmu *m, uint64_t new_brk);

/* Name [start, start+len), which must be mapped, as showing the file open as
 * fd from offset off (page-aligned): for pages filled from a file by a copy,
 * such as the loader's segments. mmu_map names file mappings itself. Only
 * /proc/self/maps reads the names. Returns 0 or -errno. */
int mmu_set_file(struct mmu *m, uint64_t start, uint64_t len, int fd, uint64_t off);
/* Call fn on every region in address order, with the file it shows or NULL.
 * Runs under the read lock: fn must not call into the mmu, nor block. */
void mmu_walk(struct mmu *m, void (*fn)(void *arg, const struct mmu_region *r,
                                        const struct mmu_file *f), void *arg);

/* The region holding addr, or NULL. Caller holds the lock (or is single-threaded). */
const struct mmu_region *mmu_lookup(const struct mmu *m, uint64_t addr);
/* Whether every byte of [addr, addr+len) is mapped with at least prot. */
bool mmu_check(struct mmu *m, uint64_t addr, uint64_t len, int prot);
/* Host pointer for [addr, addr+len) if mmu_check passes, else NULL. */
void *mmu_ptr(struct mmu *m, uint64_t addr, uint64_t len, int prot);
/* Copy between guest and host with checking: 0 or -EFAULT. */
int mmu_read(struct mmu *m, void *dst, uint64_t src, uint64_t len);
int mmu_write(struct mmu *m, uint64_t dst, const void *src, uint64_t len);
/* Called by the host's SIGBUS/SIGSEGV handler: if a copy of guest memory by
 * mmu_read/mmu_write/mmu_strnlen faulted, it ends with -EFAULT (no return). */
void mmu_copy_fault(int sig);
/* memcpy from or to guest memory already checked, false if the host faulted. */
bool mmu_copy_guarded(void *dst, const void *src, uint64_t len);
/* Length of the NUL-terminated guest string at addr if it is readable within
 * max bytes, else -EFAULT (or -ENAMETOOLONG when no NUL within max). */
int64_t mmu_strnlen(struct mmu *m, uint64_t addr, uint64_t max);

/* Internal to mmu/: the file table (mmu_file.c). A file's identity is taken
 * from its descriptor before the write lock; interning it (under the lock)
 * gives the region's file number, 0 when out of memory (the pages then go
 * unnamed, which only /proc/self/maps sees). */
struct mmu_file_id { uint64_t dev, ino; char path[4096]; };
bool mmu_file_identify(int fd, struct mmu_file_id *id);
uint32_t mmu_file_intern(struct mmu *m, const struct mmu_file_id *id);
void mmu_file_free_all(struct mmu *m);

/* Pages holding translated code (mmu_code.c). Store slots never cover them,
 * so every store to translated code reaches the slow path and invalidates. */
#define MMU_CODE_BITS_SIZE (MMU_GUEST_SIZE / MMU_PAGE_SIZE / 8)
/* Mark the page of addr; true if it was not marked before. */
bool mmu_code_mark(struct mmu *m, uint64_t addr);
bool mmu_code_test(const struct mmu *m, uint64_t addr);
void mmu_code_clear(struct mmu *m, uint64_t addr);
void mmu_code_clear_range(struct mmu *m, uint64_t lo, uint64_t hi);
/* Narrow [*lo, *hi) to the pages from its first code page to its last;
 * false if it has none. */
bool mmu_code_span(const struct mmu *m, uint64_t *lo, uint64_t *hi);
/* Narrow [*lo, *hi) to the pages around addr's (unmarked) page that hold no
 * translated code. */
void mmu_code_clip(const struct mmu *m, uint64_t addr, uint64_t *lo, uint64_t *hi);

#endif
