/* Guest symbol tables (syms.h). A file's table is built from its ELF symbol
 * tables outside the lock and then published under the write lock, so
 * lookups on other threads wait only for the array insert. Removed files stay
 * on a list until syms_free because callers may still hold their names. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stats/syms.h"

/* Linux maps riscv64 files in 4 KiB pages. */
#define SYMS_PAGE 4096ull

struct sym {
    uint64_t start, size;   /* guest address; st_size, 0 when unknown */
    const char *name;       /* in the file's names block */
};

struct range {
    uint64_t lo, hi;        /* hi exclusive */
};

struct sfile {
    char *path;             /* as given, to recognise the same file added again */
    const char *label;      /* last component of path */
    uint64_t bias;
    uint64_t lo, hi;        /* guest span of all PT_LOADs, hi exclusive */
    struct range *exec;     /* guest ranges of the executable PT_LOADs */
    size_t nexec;
    struct sym *v;          /* sorted by start, one symbol per start */
    size_t n;
    char *names;
    struct sfile *next_retired;
};

struct syms {
    pthread_rwlock_t lock;
    struct sfile **files;   /* sorted by lo; spans do not overlap */
    size_t n, cap;
    struct sfile *retired;  /* removed files, whose names callers may still hold */
};

/* A symbol as read, before the ones sharing a start are merged. */
struct cand {
    uint64_t start, size;
    const char *name;       /* libelf's copy, valid until elf_end */
    unsigned char bind, type;
};

struct syms *syms_new(void)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return NULL;
    struct syms *s = calloc(1, sizeof *s);
    if (s && pthread_rwlock_init(&s->lock, NULL) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static void free_file(struct sfile *f)
{
    free(f->path);
    free(f->exec);
    free(f->v);
    free(f->names);
    free(f);
}

void syms_free(struct syms *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free_file(s->files[i]);
    for (struct sfile *f = s->retired, *next; f; f = next) {
        next = f->next_retired;
        free_file(f);
    }
    free(s->files);
    pthread_rwlock_destroy(&s->lock);
    free(s);
}

/* Whether guest addresses a and b lie in one executable segment of f. */
static bool same_exec(const struct sfile *f, uint64_t a, uint64_t b)
{
    for (size_t i = 0; i < f->nexec; i++)
        if (a >= f->exec[i].lo && a < f->exec[i].hi && b >= f->exec[i].lo && b < f->exec[i].hi)
            return true;
    return false;
}

static int read_segments(Elf *e, struct sfile *f)
{
    size_t n;
    if (elf_getphdrnum(e, &n) != 0)
        return -ENOEXEC;
    f->exec = calloc(n ? n : 1, sizeof *f->exec);
    if (!f->exec)
        return -ENOMEM;
    f->lo = UINT64_MAX;
    f->hi = 0;
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph))
            return -ENOEXEC;
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        uint64_t lo = ph.p_vaddr + f->bias, hi = lo + ph.p_memsz;
        if (hi < lo)
            return -ENOEXEC;    /* would wrap around the address space */
        if (lo < f->lo)
            f->lo = lo;
        if (hi > f->hi)
            f->hi = hi;
        if (ph.p_flags & PF_X)
            f->exec[f->nexec++] = (struct range){ lo, hi };
    }
    return 0;
}

static bool is_func(unsigned char type)
{
    return type == STT_FUNC || type == STT_GNU_IFUNC;
}

static bool wanted(const struct sfile *f, const GElf_Sym *y, const char *name, uint64_t start)
{
    /* $x, $d and the like are RISC-V mapping symbols, not names. */
    if (!name || !name[0] || name[0] == '$')
        return false;
    /* Imports, absolute values and commons are not addresses in this file. */
    if (y->st_shndx == SHN_UNDEF || (y->st_shndx >= SHN_LORESERVE && y->st_shndx != SHN_XINDEX))
        return false;
    if (start < f->lo || start >= f->hi)
        return false;
    unsigned char type = GELF_ST_TYPE(y->st_info);
    if (is_func(type))
        return true;
    /* Untyped symbols of size 0 outside the code are linker markers such
     * as _edata or __bss_start. Sections, files and TLS offsets are skipped. */
    if (type == STT_OBJECT || type == STT_NOTYPE)
        return y->st_size != 0 || same_exec(f, start, start);
    return false;
}

static size_t underscores(const char *s)
{
    size_t n = 0;
    while (s[n] == '_')
        n++;
    return n;
}

/* By start, and among symbols sharing one the one that should name it
 * first: global or weak over local (the exported name), sized over size 0,
 * a function over data, fewer leading underscores (memcpy over __memcpy),
 * then alphabetical so the choice does not depend on table order. */
static int cand_cmp(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    int ga = a->bind != STB_LOCAL, gb = b->bind != STB_LOCAL;
    if (ga != gb)
        return gb - ga;
    int sa = a->size != 0, sb = b->size != 0;
    if (sa != sb)
        return sb - sa;
    int fa = is_func(a->type), fb = is_func(b->type);
    if (fa != fb)
        return fb - fa;
    size_t ua = underscores(a->name), ub = underscores(b->name);
    if (ua != ub)
        return ua < ub ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* Keeps the first of each start (the sorted candidates' best) with its name
 * copied into one block. A chosen name of size 0 takes the largest size at
 * its start: an assembler label beside a sized alias names the same code. */
static int keep_symbols(struct sfile *f, struct cand *c, size_t n)
{
    qsort(c, n, sizeof *c, cand_cmp);
    size_t len = 0, kept = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || c[i].start != c[i - 1].start) {
            len += strlen(c[i].name) + 1;
            kept++;
        }
    f->v = malloc(kept * sizeof *f->v);
    f->names = malloc(len);
    if (!f->v || !f->names)
        return -ENOMEM;
    char *p = f->names;
    bool unsized = false;   /* the current start's chosen symbol has size 0 */
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && c[i].start == c[i - 1].start) {
            struct sym *last = &f->v[f->n - 1];
            if (unsized && c[i].size > last->size)
                last->size = c[i].size;
            continue;
        }
        unsized = c[i].size == 0;
        size_t l = strlen(c[i].name) + 1;
        memcpy(p, c[i].name, l);
        f->v[f->n++] = (struct sym){ c[i].start, c[i].size, p };
        p += l;
    }
    return 0;
}

static int read_symbols(Elf *e, struct sfile *f)
{
    struct cand *c = NULL;
    size_t n = 0, cap = 0, ent = gelf_fsize(e, ELF_T_SYM, 1, EV_CURRENT);
    int rc = 0;
    for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn)) != NULL;) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) {
            rc = -ENOEXEC;
            goto out;
        }
        if (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        if (!d || !ent) {
            rc = -ENOEXEC;
            goto out;
        }
        size_t cnt = d->d_size / ent;
        if (cnt > INT_MAX)
            cnt = INT_MAX;
        for (size_t i = 1; i < cnt; i++) {      /* entry 0 is the null symbol */
            GElf_Sym y;
            if (!gelf_getsym(d, (int)i, &y))
                continue;
            const char *name = elf_strptr(e, sh.sh_link, y.st_name);
            uint64_t start = y.st_value + f->bias;
            if (!wanted(f, &y, name, start))
                continue;
            if (n == cap) {
                size_t ncap = cap ? 2 * cap : 256;
                struct cand *nc = realloc(c, ncap * sizeof *c);
                if (!nc) {
                    rc = -ENOMEM;
                    goto out;
                }
                c = nc;
                cap = ncap;
            }
            c[n++] = (struct cand){ start, y.st_size, name, GELF_ST_BIND(y.st_info),
                                    GELF_ST_TYPE(y.st_info) };
        }
    }
    if (n)
        rc = keep_symbols(f, c, n);
out:
    free(c);
    return rc;
}

/* Opens path for reading with libelf. Returns 1 with *fd and *e set when it
 * is a riscv64 ELF executable or shared object, 0 when it is something else
 * (nothing to close), or -errno. */
static int open_elf(const char *path, int *fd, Elf **e)
{
    /* O_NONBLOCK: opening a FIFO must not stall the guest; it is no ELF file. */
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (*fd < 0)
        return -errno;
    struct stat st;
    int rc = 0;
    if (fstat(*fd, &st) != 0) {
        rc = -errno;
        goto fail;
    }
    if (!S_ISREG(st.st_mode))
        goto fail;
    /* ELF_C_READ rather than ELF_C_READ_MMAP: a file truncated while it
     * is read then gives a read error instead of a SIGBUS in rvdbt. */
    *e = elf_begin(*fd, ELF_C_READ, NULL);
    if (!*e) {
        rc = -ENOEXEC;
        goto fail;
    }
    GElf_Ehdr eh;
    if (elf_kind(*e) != ELF_K_ELF || gelf_getclass(*e) != ELFCLASS64)
        goto fail_elf;
    if (!gelf_getehdr(*e, &eh)) {
        rc = -ENOEXEC;
        goto fail_elf;
    }
    if (eh.e_machine == EM_RISCV && (eh.e_type == ET_EXEC || eh.e_type == ET_DYN))
        return 1;
fail_elf:
    elf_end(*e);
fail:
    close(*fd);
    return rc;
}

static struct sfile *find_same(const struct syms *s, const char *path, uint64_t bias)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->files[i]->bias == bias && !strcmp(s->files[i]->path, path))
            return s->files[i];
    return NULL;
}

static bool known(struct syms *s, const char *path, uint64_t bias)
{
    pthread_rwlock_rdlock(&s->lock);
    bool k = find_same(s, path, bias) != NULL;
    pthread_rwlock_unlock(&s->lock);
    return k;
}

/* Moves files[i] to the retired list: its symbol array goes, its names stay. */
static void retire(struct syms *s, size_t i)
{
    struct sfile *f = s->files[i];
    free(f->v);
    free(f->exec);
    f->v = NULL;
    f->exec = NULL;
    f->n = f->nexec = 0;
    f->next_retired = s->retired;
    s->retired = f;
    memmove(&s->files[i], &s->files[i + 1], (s->n - i - 1) * sizeof *s->files);
    s->n--;
}

/* Inserts f (taking it) unless an equal file is there already. */
static int publish(struct syms *s, struct sfile *f)
{
    int rc = 0;
    pthread_rwlock_wrlock(&s->lock);
    if (find_same(s, f->path, f->bias))
        goto drop;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? 2 * s->cap : 16;
        struct sfile **nf = realloc(s->files, ncap * sizeof *nf);
        if (!nf) {
            rc = -ENOMEM;
            goto drop;
        }
        s->files = nf;
        s->cap = ncap;
    }
    size_t i = 0;
    while (i < s->n) {
        struct sfile *g = s->files[i];
        if (g->lo < f->hi && f->lo < g->hi)
            retire(s, i);
        else if (g->lo < f->lo)
            i++;
        else
            break;
    }
    memmove(&s->files[i + 1], &s->files[i], (s->n - i) * sizeof *s->files);
    s->files[i] = f;
    s->n++;
    pthread_rwlock_unlock(&s->lock);
    return 0;
drop:
    pthread_rwlock_unlock(&s->lock);
    free_file(f);
    return rc;
}

/* Builds the table of an open ELF file and publishes it; consumes fd and e. */
static int add_elf(struct syms *s, const char *path, uint64_t bias, int fd, Elf *e)
{
    int rc = -ENOMEM;
    struct sfile *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path)))
        goto out;
    const char *slash = strrchr(f->path, '/');
    f->label = slash ? slash + 1 : f->path;
    f->bias = bias;
    rc = read_segments(e, f);
    if (rc == 0)
        rc = read_symbols(e, f);
out:
    elf_end(e);
    close(fd);
    if (rc == 0 && f->n)
        return publish(s, f);
    if (f)
        free_file(f);
    return rc;
}

int syms_add_file(struct syms *s, const char *path, uint64_t bias)
{
    if (known(s, path, bias))
        return 0;
    int fd;
    Elf *e;
    int rc = open_elf(path, &fd, &e);
    if (rc <= 0)
        return rc;
    return add_elf(s, path, bias, fd, e);
}

/* The bias that puts the PT_LOAD holding file offset off at addr. The
 * loader maps a segment from its offset rounded down to a page, so off may
 * lie below p_offset; when that page also ends the previous segment, the
 * executable one is what a PROT_EXEC mapping is for. Returns 1 when a
 * segment was found, 0 when none, -ENOEXEC. */
static int mapping_bias(Elf *e, uint64_t addr, uint64_t off, uint64_t *bias)
{
    size_t n;
    if (elf_getphdrnum(e, &n) != 0)
        return -ENOEXEC;
    int found = 0;
    bool found_x = false;
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph))
            return -ENOEXEC;
        uint64_t first = ph.p_offset & ~(SYMS_PAGE - 1);
        if (ph.p_type != PT_LOAD || off < first || off - first >= ph.p_offset - first + ph.p_filesz)
            continue;
        if (found && (found_x || !(ph.p_flags & PF_X)))
            continue;
        /* Wrapping arithmetic: off may be above or below p_offset. */
        *bias = addr + (ph.p_offset - off) - ph.p_vaddr;
        found = 1;
        found_x = ph.p_flags & PF_X;
    }
    return found;
}

int syms_add_mapping(struct syms *s, const char *path, uint64_t addr, uint64_t off)
{
    int fd;
    Elf *e;
    int rc = open_elf(path, &fd, &e);
    if (rc <= 0)
        return rc;
    uint64_t bias = 0;
    rc = mapping_bias(e, addr, off, &bias);
    if (rc <= 0 || known(s, path, bias)) {
        elf_end(e);
        close(fd);
        return rc < 0 ? rc : 0;
    }
    return add_elf(s, path, bias, fd, e);
}

void syms_remove_range(struct syms *s, uint64_t lo, uint64_t hi)
{
    pthread_rwlock_wrlock(&s->lock);
    for (size_t i = 0; i < s->n;) {
        if (s->files[i]->lo < hi && lo < s->files[i]->hi)
            retire(s, i);
        else
            i++;
    }
    pthread_rwlock_unlock(&s->lock);
}

/* The file whose span holds pc, or NULL. */
static const struct sfile *file_at(const struct syms *s, uint64_t pc)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->files[mid]->lo <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || pc >= s->files[lo - 1]->hi)
        return NULL;
    return s->files[lo - 1];
}

static const struct sym *sym_at(const struct sfile *f, uint64_t pc)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->v[mid].start <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct sym *y = &f->v[lo - 1];
    if (y->size ? pc - y->start < y->size : same_exec(f, y->start, pc))
        return y;
    return NULL;
}

const char *syms_lookup(struct syms *s, uint64_t pc, uint64_t *off, const char **file)
{
    const char *name = NULL, *label = NULL;
    uint64_t o = 0;
    pthread_rwlock_rdlock(&s->lock);
    const struct sfile *f = file_at(s, pc);
    const struct sym *y = f ? sym_at(f, pc) : NULL;
    if (y) {
        name = y->name;
        label = f->label;
        o = pc - y->start;
    }
    pthread_rwlock_unlock(&s->lock);
    if (off)
        *off = o;
    if (file)
        *file = label;
    return name;
}

const char *syms_format(struct syms *s, uint64_t pc, char *buf, size_t size)
{
    uint64_t off;
    const char *name = syms_lookup(s, pc, &off, NULL);
    if (!name)
        snprintf(buf, size, "0x%" PRIx64, pc);
    else if (off)
        snprintf(buf, size, "%s+0x%" PRIx64, name, off);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}
