/* Loading a riscv64 ELF program into the guest address space. libelf parses
 * the headers; this file decides what is acceptable and where it goes.
 *
 * Segment contents are copied, not file-mapped: the segments are mapped
 * anonymous RW, filled from the file, then given their final protections.
 * Copying works for any file offset, costs little for programs of a few MB,
 * and keeps the guest immune to the file being rewritten or truncated while
 * it runs (a private file mapping would show the change or SIGBUS the host). */
#include "loader/elf_load.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where ET_DYN programs go: two thirds up the guest space, which is Linux's
 * ELF_ET_DYN_BASE on an Sv39 riscv64 machine (same 256 GiB user space). It
 * leaves the low part to ET_EXEC programs (linked at 0x10000), room above
 * the image for brk to grow, and room below the mmap area and the stack,
 * where interpreters go. */
#define ELF_DYN_BASE ((MMU_GUEST_SIZE / 3 * 2) & ~(MMU_PAGE_SIZE - 1))
/* Linux refuses program header tables above 64 KiB (load_elf_phdrs). */
#define ELF_MAX_PHDRS_SIZE 65536u
/* Larger than any host or guest page size (1 GiB huge pages); a larger
 * p_align can only come from a broken file. */
#define ELF_MAX_ALIGN (1ull << 30)

#define PAGE_DOWN(x) ((x) & ~(MMU_PAGE_SIZE - 1))

struct elf_seg {
    uint64_t vaddr, memsz, off, filesz, align;
    int prot;
    size_t index;           /* program header number, for messages */
};

struct elf_ctx {
    int fd;
    Elf *elf;
    const uint8_t *raw;     /* the whole file, mapped privately */
    size_t size;
    GElf_Ehdr eh;
    size_t phnum;
    struct elf_seg *segs;
    size_t nsegs;
    char *err;
    size_t errlen;
};

static int fail(struct elf_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static int prot_of(uint32_t flags)
{
    return (flags & PF_R ? MMU_R : 0) | (flags & PF_W ? MMU_W : 0) | (flags & PF_X ? MMU_X : 0);
}

/* The identification checks, for files libelf accepted and for those it did
 * not: libelf reports an unknown class or byte order only as "not ELF", and
 * the user deserves to hear which. */
static int check_ident(struct elf_ctx *c)
{
    if (c->size < SELFMAG || memcmp(c->raw, ELFMAG, SELFMAG) != 0)
        return fail(c, "not an ELF file");
    if (c->size < EI_NIDENT)
        return fail(c, "truncated ELF header (%zu bytes)", c->size);
    if (c->raw[EI_CLASS] != ELFCLASS64)
        return fail(c, "not 64-bit (ELF class %u)", c->raw[EI_CLASS]);
    if (c->raw[EI_DATA] != ELFDATA2LSB)
        return fail(c, "not little-endian (ELF data encoding %u)", c->raw[EI_DATA]);
    if (c->raw[EI_VERSION] != EV_CURRENT)
        return fail(c, "unknown ELF version %u", c->raw[EI_VERSION]);
    if (elf_kind(c->elf) != ELF_K_ELF || !gelf_getehdr(c->elf, &c->eh)) {
        if (c->size < sizeof(Elf64_Ehdr))
            return fail(c, "truncated ELF header (%zu bytes)", c->size);
        return fail(c, "bad ELF header: %s", elf_errmsg(-1));
    }
    return 0;
}

static const char *type_name(unsigned type)
{
    switch (type) {
    case ET_NONE: return "no file type";
    case ET_REL: return "relocatable object";
    case ET_CORE: return "core file";
    default: return "unknown file type";
    }
}

static bool phdrs_fit(const struct elf_ctx *c, uint64_t n)
{
    return c->eh.e_phoff <= c->size && n <= (c->size - c->eh.e_phoff) / sizeof(Elf64_Phdr);
}

static int check_header(struct elf_ctx *c)
{
    if (c->eh.e_machine != EM_RISCV)
        return fail(c, "not RISC-V (machine %u)", c->eh.e_machine);
    if (c->eh.e_type != ET_EXEC && c->eh.e_type != ET_DYN)
        return fail(c, "not an executable (%s, ELF type %u)", type_name(c->eh.e_type),
                    c->eh.e_type);
    /* The table's bounds are checked before libelf reads it: libelf reports a
     * table that does not fit as "0 headers", indistinguishable from none. */
    if (c->eh.e_phnum != 0 && c->eh.e_phentsize != sizeof(Elf64_Phdr))
        return fail(c, "bad program header size %u", c->eh.e_phentsize);
    if (c->eh.e_phnum != PN_XNUM && !phdrs_fit(c, c->eh.e_phnum))
        return fail(c, "truncated: program headers beyond end of file");
    if (elf_getphdrnum(c->elf, &c->phnum) != 0)
        return fail(c, "bad program header count: %s", elf_errmsg(-1));
    if (c->phnum == 0)
        return fail(c, "no loadable segments");
    if (c->phnum > ELF_MAX_PHDRS_SIZE / sizeof(Elf64_Phdr))
        return fail(c, "too many program headers (%zu)", c->phnum);
    /* With PN_XNUM the real count came from section 0. */
    if (!phdrs_fit(c, c->phnum))
        return fail(c, "truncated: program headers beyond end of file");
    return 0;
}

static int check_segment(struct elf_ctx *c, const GElf_Phdr *ph, size_t i)
{
    if (ph->p_filesz > ph->p_memsz)
        return fail(c, "segment %zu: filesz 0x%llx > memsz 0x%llx", i,
                    (unsigned long long)ph->p_filesz, (unsigned long long)ph->p_memsz);
    if (ph->p_offset > c->size || ph->p_filesz > c->size - ph->p_offset)
        return fail(c, "segment %zu: file range beyond end of file", i);
    if (ph->p_vaddr >= MMU_GUEST_SIZE || ph->p_memsz > MMU_GUEST_SIZE - ph->p_vaddr)
        return fail(c, "segment %zu (0x%llx, 0x%llx bytes) outside the guest address space", i,
                    (unsigned long long)ph->p_vaddr, (unsigned long long)ph->p_memsz);
    if ((ph->p_vaddr - ph->p_offset) % MMU_PAGE_SIZE)
        return fail(c, "misaligned segment %zu: vaddr 0x%llx and offset 0x%llx differ "
                    "modulo the page size", i, (unsigned long long)ph->p_vaddr,
                    (unsigned long long)ph->p_offset);
    if (ph->p_align > ELF_MAX_ALIGN)
        return fail(c, "segment %zu: alignment 0x%llx too large", i,
                    (unsigned long long)ph->p_align);
    return 0;
}

static int by_vaddr(const void *a, const void *b)
{
    const struct elf_seg *x = a, *y = b;
    return x->vaddr < y->vaddr ? -1 : x->vaddr > y->vaddr;
}

/* Collect and validate the PT_LOAD segments (sorted by address, non-empty,
 * non-overlapping); note PT_PHDR (into *phdr_vaddr, left alone without one)
 * and PT_INTERP on the way. */
static int scan_segments(struct elf_ctx *c, struct elf_image *img, uint64_t *phdr_vaddr)
{
    c->segs = calloc(c->phnum, sizeof(*c->segs));
    if (!c->segs)
        return fail(c, "out of memory");
    for (size_t i = 0; i < c->phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(c->elf, (int)i, &ph))
            return fail(c, "bad program header %zu: %s", i, elf_errmsg(-1));
        if (ph.p_type == PT_PHDR && *phdr_vaddr == UINT64_MAX) {
            *phdr_vaddr = ph.p_vaddr;
        } else if (ph.p_type == PT_INTERP && !img->interp) {
            if (ph.p_offset > c->size || ph.p_filesz > c->size - ph.p_offset ||
                ph.p_filesz < 2 || ph.p_filesz > PATH_MAX)
                return fail(c, "bad PT_INTERP");
            const char *s = (const char *)c->raw + ph.p_offset;
            if (strnlen(s, ph.p_filesz) != ph.p_filesz - 1)
                return fail(c, "bad PT_INTERP: not a NUL-terminated path");
            if (!(img->interp = strdup(s)))
                return fail(c, "out of memory");
        } else if (ph.p_type == PT_LOAD) {
            if (check_segment(c, &ph, i))
                return -1;
            if (ph.p_memsz == 0)
                continue;
            c->segs[c->nsegs++] = (struct elf_seg){
                .vaddr = ph.p_vaddr, .memsz = ph.p_memsz, .off = ph.p_offset,
                .filesz = ph.p_filesz, .align = ph.p_align, .prot = prot_of(ph.p_flags),
                .index = i,
            };
        }
    }
    if (c->nsegs == 0)
        return fail(c, "no loadable segments");
    qsort(c->segs, c->nsegs, sizeof(*c->segs), by_vaddr);
    for (size_t i = 1; i < c->nsegs; i++) {
        const struct elf_seg *p = &c->segs[i - 1], *s = &c->segs[i];
        if (s->vaddr < p->vaddr + p->memsz)
            return fail(c, "overlapping segments %zu and %zu", p->index, s->index);
    }
    return 0;
}

static bool range_busy(const struct mmu *m, uint64_t lo, uint64_t hi)
{
    for (size_t i = 0; i < m->n_regions; i++)
        if (m->regions[i].start < hi && m->regions[i].end > lo)
            return true;
    return false;
}

/* The load bias: 0 for ET_EXEC; for an ET_DYN program, ELF_DYN_BASE (aligned
 * to the largest p_align) when that is free; for an interpreter, or when
 * ELF_DYN_BASE is taken, wherever the mmap allocator finds room (top-down
 * below the stack), as Linux places an interpreter. */
static int choose_bias(struct elf_ctx *c, struct mmu *m, enum elf_role role, uint64_t *bias)
{
    uint64_t lo = PAGE_DOWN(c->segs[0].vaddr), hi = 0, align = MMU_PAGE_SIZE;
    for (size_t i = 0; i < c->nsegs; i++) {
        uint64_t end = MMU_PAGE_ALIGN(c->segs[i].vaddr + c->segs[i].memsz);
        hi = end > hi ? end : hi;
        uint64_t a = c->segs[i].align;
        if (a > align && (a & (a - 1)) == 0)
            align = a;
    }
    if (c->eh.e_type == ET_EXEC) {
        *bias = 0;
        if (range_busy(m, lo, hi))
            return fail(c, "segments overlap an existing mapping");
        return 0;
    }
    uint64_t span = hi - lo, base = ELF_DYN_BASE & ~(align - 1);
    if (role == ELF_INTERP || span > MMU_GUEST_SIZE - base || range_busy(m, base, base + span)) {
        uint64_t got = mmu_find_free(m, 0, span + align);
        if (!got)
            return fail(c, "no room for a 0x%llx byte image", (unsigned long long)span);
        base = (got + align - 1) & ~(align - 1);
    }
    *bias = base - lo;
    return 0;
}

/* Map every segment RW, copy the file bytes in (the rest stays zero: bss and
 * the tail of the last file page), then apply the final protections. All
 * segments are mapped before any is filled because two may share a page. */
static int map_segments(struct elf_ctx *c, struct mmu *m, uint64_t bias)
{
    for (size_t i = 0; i < c->nsegs; i++) {
        const struct elf_seg *s = &c->segs[i];
        uint64_t lo = PAGE_DOWN(s->vaddr + bias), hi = MMU_PAGE_ALIGN(s->vaddr + bias + s->memsz);
        int err = mmu_map(m, lo, hi - lo, MMU_R | MMU_W, 0, -1, 0);
        if (err)
            return fail(c, "cannot map segment %zu at 0x%llx: %s", s->index,
                        (unsigned long long)lo, strerror(-err));
    }
    for (size_t i = 0; i < c->nsegs; i++)
        memcpy(mmu_host(m, c->segs[i].vaddr + bias), c->raw + c->segs[i].off, c->segs[i].filesz);

    /* A page shared by two segments gets the union of their permissions. */
    uint64_t prev_page = UINT64_MAX;
    int prev_prot = 0;
    for (size_t i = 0; i < c->nsegs; i++) {
        const struct elf_seg *s = &c->segs[i];
        uint64_t lo = PAGE_DOWN(s->vaddr + bias), hi = MMU_PAGE_ALIGN(s->vaddr + bias + s->memsz);
        int first = s->prot, err = mmu_protect(m, lo, hi - lo, s->prot);
        if (!err && lo == prev_page) {
            first |= prev_prot;
            err = mmu_protect(m, lo, MMU_PAGE_SIZE, first);
        }
        if (err)
            return fail(c, "cannot protect segment %zu: %s", s->index, strerror(-err));
        prev_page = hi - MMU_PAGE_SIZE;
        prev_prot = prev_page == lo ? first : s->prot;
    }
    /* /proc/self/maps shows the pages holding file bytes as the file, the
     * rest (bss) as anonymous memory, as Linux maps them. */
    for (size_t i = 0; i < c->nsegs; i++) {
        const struct elf_seg *s = &c->segs[i];
        if (s->filesz == 0)
            continue;
        uint64_t lo = PAGE_DOWN(s->vaddr + bias), hi = MMU_PAGE_ALIGN(s->vaddr + bias + s->filesz);
        int err = mmu_set_file(m, lo, hi - lo, c->fd, PAGE_DOWN(s->off));
        if (err)
            return fail(c, "cannot name segment %zu: %s", s->index, strerror(-err));
    }
    return 0;
}

/* AT_PHDR: PT_PHDR when present, else where the PT_LOAD that covers the
 * table in the file put it; 0 when no segment does. */
static uint64_t phdr_addr(const struct elf_ctx *c, uint64_t phdr_vaddr, uint64_t bias)
{
    if (phdr_vaddr != UINT64_MAX)
        return phdr_vaddr + bias;
    uint64_t off = c->eh.e_phoff, len = c->phnum * sizeof(Elf64_Phdr);
    for (size_t i = 0; i < c->nsegs; i++) {
        const struct elf_seg *s = &c->segs[i];
        if (off >= s->off && off - s->off <= s->filesz && len <= s->filesz - (off - s->off))
            return s->vaddr + (off - s->off) + bias;
    }
    return 0;
}

static int load(struct elf_ctx *c, struct mmu *m, const char *path, enum elf_role role,
                struct elf_image *img)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(c, "libelf: %s", elf_errmsg(-1));
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer; it has no effect on the regular files loaded. */
    c->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (c->fd < 0)
        return fail(c, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(c->fd, &st) != 0)
        return fail(c, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail(c, "cannot open: %s", strerror(EISDIR));
    if (!S_ISREG(st.st_mode))
        return fail(c, "not a regular file");
    /* libelf parses our own private mapping of the file: that way the bytes
     * are at hand for the identification checks even when libelf gives up on
     * a file (it refuses some short ones outright), and for copying segments. */
    c->size = (size_t)st.st_size;
    if (c->size == 0)
        return fail(c, "not an ELF file");
    void *raw = mmap(NULL, c->size, PROT_READ | PROT_WRITE, MAP_PRIVATE, c->fd, 0);
    if (raw == MAP_FAILED)
        return fail(c, "cannot read: %s", strerror(errno));
    c->raw = raw;
    c->elf = elf_memory(raw, c->size);

    uint64_t phdr_vaddr = UINT64_MAX, bias = 0;     /* UINT64_MAX: no PT_PHDR */
    if (check_ident(c) || check_header(c) || scan_segments(c, img, &phdr_vaddr) ||
        choose_bias(c, m, role, &bias) || map_segments(c, m, bias))
        return -1;

    const struct elf_seg *last = &c->segs[c->nsegs - 1];
    img->entry = (c->eh.e_entry + bias) & ~1ull;   /* pcs are even (bit 0 is ignored, as by jalr) */
    img->load_bias = bias;
    img->phdr = phdr_addr(c, phdr_vaddr, bias);
    img->phent = c->eh.e_phentsize;
    img->phnum = c->phnum;
    img->lo = PAGE_DOWN(c->segs[0].vaddr + bias);
    img->hi = MMU_PAGE_ALIGN(last->vaddr + bias + last->memsz);
    if (role == ELF_PROGRAM)
        m->brk_start = m->brk = img->hi;
    return 0;
}

int elf_load(struct mmu *m, const char *path, enum elf_role role, struct elf_image *img,
             char *err, size_t errlen)
{
    struct elf_ctx c = { .fd = -1, .err = err, .errlen = errlen };
    memset(img, 0, sizeof(*img));
    int rc = load(&c, m, path, role, img);
    if (rc) {
        free(img->interp);
        img->interp = NULL;
    }
    free(c.segs);
    if (c.elf)
        elf_end(c.elf);
    if (c.raw)
        munmap((void *)c.raw, c.size);
    if (c.fd >= 0)
        close(c.fd);
    return rc;
}
