/* The ELF loader, the initial stack and process start-up (linux_start: the
 * program, its interpreter, the first registers). The expectations come from
 * reading the test programs' headers here with <elf.h> directly (not through
 * libelf, which the loader uses), from the file bytes, and from Linux's
 * layout rules.
 *
 * Usage: test_loader [STATIC PIE OBJECT DYNAMIC]; by default the four inputs
 * that tests/module.mk builds next to this binary: loader_static, loader_pie,
 * loader_pie.o and loader_dyn (loader_static.c linked dynamically, whose
 * interpreter is looked for in the host root and in START_CROSS_ROOT). */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/proc.h"
#include "linux/start.h"
#include "loader/elf_load.h"
#include "mmu/mmu.h"
#include "tests/unit/t.h"
#include "translator/rv_cpu.h"

#define PG MMU_PAGE_SIZE

struct file {
    uint8_t *data;
    size_t size;
};

static struct file slurp(const char *path)
{
    struct file f = { 0 };
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stderr, "test_loader: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    f.size = st.st_size;
    f.data = malloc(f.size ? f.size : 1);
    if (!f.data || read(fd, f.data, f.size) != (ssize_t)f.size) {
        fprintf(stderr, "test_loader: cannot read %s\n", path);
        exit(2);
    }
    close(fd);
    return f;
}

static Elf64_Ehdr *ehdr(const struct file *f)
{
    return (Elf64_Ehdr *)f->data;
}

static Elf64_Phdr *phdr(const struct file *f, int i)
{
    return (Elf64_Phdr *)(f->data + ehdr(f)->e_phoff) + i;
}

static int prot_of(uint32_t fl)
{
    return (fl & PF_R ? MMU_R : 0) | (fl & PF_W ? MMU_W : 0) | (fl & PF_X ? MMU_X : 0);
}

static void new_mmu(struct mmu *m)
{
    if (mmu_init(m, true) != 0) {
        fprintf(stderr, "test_loader: mmu_init failed\n");
        exit(2);
    }
}

static bool all_zero(const uint8_t *p, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* Every PT_LOAD of f is in m at bias + p_vaddr with its permissions, its file
 * bytes, and zeros after them up to the end of its last page. */
static void check_segments(struct mmu *m, const struct file *f, uint64_t bias, const char *what)
{
    int loads = 0;
    for (int i = 0; i < ehdr(f)->e_phnum; i++) {
        const Elf64_Phdr *p = phdr(f, i);
        if (p->p_type != PT_LOAD)
            continue;
        loads++;
        uint64_t a = p->p_vaddr + bias;
        uint64_t lo = a & ~(PG - 1), hi = MMU_PAGE_ALIGN(a + p->p_memsz);
        bool prot_ok = true;
        for (uint64_t pg = lo; pg < hi; pg += PG) {
            const struct mmu_region *r = mmu_lookup(m, pg);
            prot_ok &= r && r->prot == prot_of(p->p_flags);
        }
        CHECK(prot_ok, "%s: segment %d pages [0x%llx, 0x%llx) mapped with prot %d", what, i,
              (unsigned long long)lo, (unsigned long long)hi, prot_of(p->p_flags));
        if (!prot_ok)
            continue;
        CHECK(memcmp(mmu_host(m, a), f->data + p->p_offset, p->p_filesz) == 0,
              "%s: segment %d holds the file's bytes", what, i);
        CHECK(all_zero(mmu_host(m, a + p->p_filesz), hi - a - p->p_filesz),
              "%s: segment %d zero after its file bytes (bss and page tail)", what, i);
        CHECK(all_zero(mmu_host(m, lo), a - lo), "%s: segment %d zero before its start", what, i);
    }
    CHECK(loads > 0, "%s has PT_LOAD segments", what);
}

static uint64_t highest_end(const struct file *f)
{
    uint64_t hi = 0;
    for (int i = 0; i < ehdr(f)->e_phnum; i++) {
        const Elf64_Phdr *p = phdr(f, i);
        if (p->p_type == PT_LOAD && p->p_vaddr + p->p_memsz > hi)
            hi = p->p_vaddr + p->p_memsz;
    }
    return MMU_PAGE_ALIGN(hi);
}

static void test_static(const char *path, const struct file *f)
{
    struct mmu m;
    new_mmu(&m);
    struct elf_image img;
    char err[256] = "";
    int rc = elf_load(&m, path, ELF_PROGRAM, &img, err, sizeof(err));
    CHECK(rc == 0, "load %s: %s", path, err);
    if (rc) {
        mmu_destroy(&m);
        return;
    }
    const Elf64_Ehdr *e = ehdr(f);
    CHECK(e->e_type == ET_EXEC, "the static test program is ET_EXEC");
    CHECK(img.entry == e->e_entry, "entry 0x%llx == e_entry 0x%llx",
          (unsigned long long)img.entry, (unsigned long long)e->e_entry);
    CHECK(img.load_bias == 0, "no bias for ET_EXEC");
    CHECK(img.phent == sizeof(Elf64_Phdr) && img.phnum == e->e_phnum, "phent/phnum");
    CHECK(img.interp == NULL, "static: no interpreter");
    check_segments(&m, f, 0, "static");

    /* The first PT_LOAD starts at file offset 0, so it carries the program
     * headers: AT_PHDR is its address plus e_phoff. */
    const Elf64_Phdr *text = NULL;
    for (int i = 0; i < e->e_phnum && !text; i++)
        if (phdr(f, i)->p_type == PT_LOAD)
            text = phdr(f, i);
    CHECK(text && text->p_offset == 0 && img.phdr == text->p_vaddr + e->e_phoff,
          "phdr 0x%llx inside the first segment", (unsigned long long)img.phdr);
    CHECK(memcmp(mmu_host(&m, img.phdr), f->data + e->e_phoff, e->e_phnum * sizeof(Elf64_Phdr)) == 0,
          "program headers readable at AT_PHDR");

    uint64_t hi = highest_end(f);
    CHECK(img.hi == hi && img.lo == (text->p_vaddr & ~(PG - 1)), "lo/hi 0x%llx/0x%llx",
          (unsigned long long)img.lo, (unsigned long long)img.hi);
    CHECK(m.brk_start == hi && m.brk == hi, "brk 0x%llx at the page-aligned end 0x%llx",
          (unsigned long long)m.brk, (unsigned long long)hi);
    CHECK(mmu_lookup(&m, hi) == NULL && mmu_lookup(&m, img.lo - 1) == NULL,
          "nothing mapped right outside the image");
    CHECK(mmu_brk(&m, hi + 100) == hi + 100 && mmu_check(&m, hi, 100, MMU_R | MMU_W),
          "the heap grows from there");
    mmu_brk(&m, hi);
    free(img.interp);

    /* The initial stack. */
    char *const argv[] = { "prog", "hello world", "", NULL };
    char *const envp[] = { "A=1", "PATH=/bin:/usr/bin", NULL };
    const char *execfn = "/some/where/prog";
    uint64_t at_base = 0x1234000;
    uint64_t sp = elf_build_stack(&m, &img, at_base, 3, argv, envp, execfn, err, sizeof(err));
    CHECK(sp != 0, "build stack: %s", err);
    if (!sp) {
        mmu_destroy(&m);
        return;
    }
    uint64_t top = MMU_GUEST_SIZE - PG, bottom = top - (8ull << 20);
    const struct mmu_region *r = mmu_lookup(&m, bottom);
    CHECK(r && r->start == bottom && r->end == top && r->prot == (MMU_R | MMU_W) &&
          (r->flags & MMU_F_STACK), "8 MiB RW stack region right below the top page");
    CHECK(mmu_lookup(&m, top) == NULL, "top page left unmapped");
    CHECK(sp % 16 == 0 && sp > bottom && sp < top, "sp 0x%llx 16-byte aligned, in the stack",
          (unsigned long long)sp);

    uint64_t w[64] = { 0 };
    CHECK(top - sp < sizeof(w) && mmu_read(&m, w, sp, top - sp) == 0, "read the stack words");
    CHECK(w[0] == 3, "argc %llu", (unsigned long long)w[0]);
    char s[64];
    uint64_t prev = 0;
    for (int i = 0; i < 3; i++) {
        CHECK(mmu_read(&m, s, w[1 + i], strlen(argv[i]) + 1) == 0 && strcmp(s, argv[i]) == 0,
              "argv[%d] is \"%s\"", i, argv[i]);
        CHECK(w[1 + i] > prev, "argv strings in increasing order");
        prev = w[1 + i];
    }
    CHECK(w[4] == 0, "argv NULL-terminated");
    for (int i = 0; i < 2; i++) {
        CHECK(mmu_read(&m, s, w[5 + i], strlen(envp[i]) + 1) == 0 && strcmp(s, envp[i]) == 0,
              "envp[%d] is \"%s\"", i, envp[i]);
        CHECK(w[5 + i] > prev, "envp strings above the argv strings, in order");
        prev = w[5 + i];
    }
    CHECK(w[7] == 0, "envp NULL-terminated");

    /* auxv: each expected entry exactly once with its value, then AT_NULL. */
    const struct { uint64_t type, value; } want[] = {
        { AT_PHDR, img.phdr }, { AT_PHENT, 56 }, { AT_PHNUM, e->e_phnum },
        { AT_PAGESZ, 4096 }, { AT_BASE, at_base }, { AT_FLAGS, 0 }, { AT_ENTRY, e->e_entry },
        { AT_UID, getuid() }, { AT_EUID, geteuid() }, { AT_GID, getgid() },
        { AT_EGID, getegid() }, { AT_SECURE, 0 },
        /* I, M, A, F, D, C: bits 8, 12, 0, 5, 3, 2 */
        { AT_HWCAP, 0x112d }, { AT_CLKTCK, (uint64_t)sysconf(_SC_CLK_TCK) },
    };
    size_t nwant = sizeof(want) / sizeof(want[0]), nseen = 0, a = 8;
    int seen[64] = { 0 };
    uint64_t random_at = 0, execfn_at = 0;
    for (; a + 1 < 64 && w[a] != AT_NULL; a += 2) {
        nseen++;
        if (w[a] == AT_RANDOM) {
            random_at = w[a + 1];
            seen[AT_RANDOM]++;
            continue;
        }
        if (w[a] == AT_EXECFN) {
            execfn_at = w[a + 1];
            seen[AT_EXECFN]++;
            continue;
        }
        size_t k;
        for (k = 0; k < nwant && want[k].type != w[a]; k++)
            ;
        CHECK(k < nwant, "unexpected auxv entry %llu", (unsigned long long)w[a]);
        if (k == nwant)
            continue;
        seen[w[a]]++;
        CHECK(w[a + 1] == want[k].value, "auxv %llu = 0x%llx, want 0x%llx",
              (unsigned long long)w[a], (unsigned long long)w[a + 1],
              (unsigned long long)want[k].value);
    }
    CHECK(a + 1 < 64 && w[a] == AT_NULL && w[a + 1] == 0, "auxv ends with AT_NULL");
    for (size_t k = 0; k < nwant; k++)
        CHECK(seen[want[k].type] == 1, "auxv entry %llu present once",
              (unsigned long long)want[k].type);
    CHECK(seen[AT_RANDOM] == 1 && seen[AT_EXECFN] == 1 && nseen == nwant + 2,
          "AT_RANDOM and AT_EXECFN present once, nothing else");

    uint64_t auxv_end = sp + 8 * (a + 2);
    CHECK(mmu_check(&m, random_at, 16, MMU_R) && random_at >= auxv_end && random_at + 16 <= w[1],
          "AT_RANDOM: 16 bytes between auxv and the strings");
    size_t n = strlen(execfn) + 1;
    CHECK(mmu_read(&m, s, execfn_at, n) == 0 && strcmp(s, execfn) == 0, "AT_EXECFN string");
    CHECK(execfn_at > prev && execfn_at + n == top - 8, "execfn at the top, 8 bytes below the end");
    uint64_t z = 1;
    CHECK(mmu_read(&m, &z, top - 8, 8) == 0 && z == 0, "zero word at the very top");

    /* The stack area is taken now: a second stack is refused. */
    err[0] = 0;
    CHECK(elf_build_stack(&m, &img, 0, 3, argv, envp, execfn, err, sizeof(err)) == 0 && err[0],
          "second stack refused: %s", err);
    mmu_destroy(&m);

    /* Too much argument text: refused, as execve gives E2BIG. */
    new_mmu(&m);
    size_t big = 3u << 20;
    char *huge = malloc(big);
    memset(huge, 'x', big - 1);
    huge[big - 1] = 0;
    char *const bigv[] = { huge, NULL };
    err[0] = 0;
    CHECK(elf_build_stack(&m, &img, 0, 1, bigv, envp, execfn, err, sizeof(err)) == 0 &&
          strstr(err, "too long"), "huge argv refused: %s", err);
    free(huge);
    mmu_destroy(&m);
}

static void test_pie(const char *path, const struct file *f)
{
    const Elf64_Ehdr *e = ehdr(f);
    CHECK(e->e_type == ET_DYN, "the PIE test program is ET_DYN");
    uint64_t align = PG, lo = UINT64_MAX;
    for (int i = 0; i < e->e_phnum; i++) {
        const Elf64_Phdr *p = phdr(f, i);
        if (p->p_type != PT_LOAD)
            continue;
        if (p->p_align > align)
            align = p->p_align;
        if (p->p_vaddr < lo)
            lo = p->p_vaddr;
    }
    /* Two thirds of the 256 GiB guest space, as Linux's ELF_ET_DYN_BASE on
     * Sv39: 0x2aaaaaaaaa rounded down to the segment alignment. */
    uint64_t want_bias = (0x2aaaaaaaaaull & ~(align - 1)) - (lo & ~(PG - 1));

    struct mmu m;
    new_mmu(&m);
    struct elf_image img, img2;
    char err[256] = "";
    int rc = elf_load(&m, path, ELF_PROGRAM, &img, err, sizeof(err));
    CHECK(rc == 0, "load %s: %s", path, err);
    if (rc) {
        mmu_destroy(&m);
        return;
    }
    CHECK(img.load_bias == want_bias, "bias 0x%llx, want 0x%llx",
          (unsigned long long)img.load_bias, (unsigned long long)want_bias);
    CHECK(img.entry == e->e_entry + want_bias, "entry biased");
    CHECK(img.phdr == want_bias + e->e_phoff, "phdr biased (first segment at offset 0)");
    CHECK(img.lo == want_bias + lo && img.hi == want_bias + highest_end(f), "lo/hi biased");
    CHECK(m.brk_start == img.hi, "brk after the image");
    check_segments(&m, f, want_bias, "pie");
    CHECK(mmu_lookup(&m, lo) == NULL, "nothing at the unbiased address");

    /* Loaded again as an interpreter: top-down below the mmap area's top,
     * the break left alone. */
    rc = elf_load(&m, path, ELF_INTERP, &img2, err, sizeof(err));
    CHECK(rc == 0, "second load: %s", err);
    CHECK(rc == 0 && img2.load_bias != img.load_bias && img2.load_bias % align == 0 &&
          (img2.hi <= img.lo || img2.lo >= img.hi), "second copy at its own place 0x%llx",
          (unsigned long long)img2.load_bias);
    CHECK(rc == 0 && img2.hi <= m.mmap_top && m.mmap_top - img2.hi < align + PG,
          "the interpreter copy right below mmap_top (0x%llx..0x%llx)",
          (unsigned long long)img2.lo, (unsigned long long)img2.hi);
    CHECK(m.brk_start == img.hi && m.brk == img.hi, "the break still after the program");
    if (rc == 0)
        check_segments(&m, f, img2.load_bias, "pie again");
    check_segments(&m, f, img.load_bias, "pie first copy intact");
    mmu_destroy(&m);
}

static char tmpdir[] = "/tmp/test_loader_XXXXXX";

static const char *put_file(const char *name, const void *data, size_t size, mode_t mode)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
        fprintf(stderr, "test_loader: cannot write %s\n", path);
        exit(2);
    }
    close(fd);
    return path;
}

/* elf_load(path) fails with a one-line reason containing `want`. */
static void expect_fail(const char *path, const char *want, const char *what)
{
    struct mmu m;
    new_mmu(&m);
    struct elf_image img;
    char err[256] = "";
    int rc = elf_load(&m, path, ELF_PROGRAM, &img, err, sizeof(err));
    CHECK(rc == -1 && strstr(err, want) && !strchr(err, '\n'),
          "%s: want failure \"%s\", got rc %d \"%s\"", what, want, rc, err);
    mmu_destroy(&m);
}

static void expect_patched(const struct file *f, void (*patch)(struct file *), const char *want,
                           const char *what)
{
    struct file c = { malloc(f->size), f->size };
    memcpy(c.data, f->data, f->size);
    patch(&c);
    expect_fail(put_file("patched", c.data, c.size, 0644), want, what);
    free(c.data);
}

static Elf64_Phdr *nth_load(struct file *f, int n)
{
    for (int i = 0; i < ehdr(f)->e_phnum; i++)
        if (phdr(f, i)->p_type == PT_LOAD && n-- == 0)
            return phdr(f, i);
    return NULL;
}

static void class32(struct file *f) { f->data[EI_CLASS] = ELFCLASS32; }
static void class0(struct file *f) { f->data[EI_CLASS] = ELFCLASSNONE; }
static void class9(struct file *f) { f->data[EI_CLASS] = 9; }
static void bigendian(struct file *f) { f->data[EI_DATA] = ELFDATA2MSB; }
static void core(struct file *f) { ehdr(f)->e_type = ET_CORE; }
static void phoff_end(struct file *f) { ehdr(f)->e_phoff = f->size - 10; }
static void phoff_wild(struct file *f) { ehdr(f)->e_phoff = UINT64_MAX - 16; }
static void phnum0(struct file *f) { ehdr(f)->e_phnum = 0; }
static void phentsize(struct file *f) { ehdr(f)->e_phentsize = 32; }
static void no_loads(struct file *f)
{
    for (int i = 0; i < ehdr(f)->e_phnum; i++)
        if (phdr(f, i)->p_type == PT_LOAD)
            phdr(f, i)->p_type = PT_NOTE;
}
static void filesz_big(struct file *f) { nth_load(f, 1)->p_filesz = nth_load(f, 1)->p_memsz + 1; }
static void above_guest(struct file *f) { nth_load(f, 1)->p_vaddr += MMU_GUEST_SIZE; }
static void wrap_guest(struct file *f)
{
    Elf64_Phdr *p = nth_load(f, 1);
    p->p_vaddr = (UINT64_MAX & ~(PG - 1)) + p->p_offset % PG;
}
static void memsz_huge(struct file *f) { nth_load(f, 1)->p_memsz = UINT64_MAX - 100; }
static void off_past_end(struct file *f) { nth_load(f, 1)->p_offset = f->size + PG; }
static void off_wrap(struct file *f) { nth_load(f, 1)->p_offset = UINT64_MAX - 8; }
static void misaligned(struct file *f) { nth_load(f, 1)->p_vaddr += 8; }
static void overlapping(struct file *f)
{
    Elf64_Phdr *p = nth_load(f, 1);
    p->p_vaddr = nth_load(f, 0)->p_vaddr + p->p_offset % PG;
}
static void at_stack(struct file *f)
{
    /* A program that fits the guest but sits where the stack goes: it
     * loads; the stack then refuses to be built over it. */
    Elf64_Phdr *p = nth_load(f, 1);
    p->p_vaddr = MMU_GUEST_SIZE - (4ull << 20) + p->p_offset % PG;
}
/* PT_NOTE's bytes (notes with embedded NULs) are no interpreter path. */
static void interp_unterminated(struct file *f)
{
    for (int i = 0; i < ehdr(f)->e_phnum; i++)
        if (phdr(f, i)->p_type == PT_NOTE) {
            phdr(f, i)->p_type = PT_INTERP;
            return;
        }
}

static void test_bad(const char *obj_path, const struct file *f)
{
    if (!mkdtemp(tmpdir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char path[512];
    snprintf(path, sizeof(path), "%s/missing", tmpdir);
    expect_fail(path, "cannot open: No such file or directory", "missing file");
    expect_fail(tmpdir, "cannot open: Is a directory", "directory");
    expect_fail("/dev/null", "not a regular file", "character device");
    /* root ignores file permissions, so the unreadable case only means
     * something for an ordinary user. */
    if (geteuid() != 0)
        expect_fail(put_file("unreadable", f->data, f->size, 0), "cannot open: Permission denied",
                    "unreadable file");

    expect_fail(put_file("empty", "", 0, 0644), "not an ELF file", "empty file");
    const char text[] = "#!/bin/sh\necho this is not ELF\n";
    expect_fail(put_file("text", text, sizeof(text) - 1, 0644), "not an ELF file", "shell script");
    expect_fail("/bin/true", "not RISC-V (machine 62)", "x86-64 program");
    expect_fail(obj_path, "not an executable (relocatable object", "object file");

    /* Truncations: inside the magic, inside the ELF header, inside the
     * program headers, inside the second segment's file bytes. */
    const Elf64_Phdr *data = nth_load((struct file *)f, 1);
    size_t phend = ehdr(f)->e_phoff + ehdr(f)->e_phnum * sizeof(Elf64_Phdr);
    const struct { size_t len; const char *want; } cuts[] = {
        { 3, "not an ELF file" }, { 4, "truncated" }, { 10, "truncated" }, { 17, "truncated" },
        { 63, "truncated" }, { 64, "truncated: program headers" }, { 100, "truncated" },
        { phend - 1, "truncated: program headers beyond end of file" },
        { phend, "beyond end of file" }, { data->p_offset, "beyond end of file" },
        { data->p_offset + data->p_filesz - 1, "file range beyond end of file" },
    };
    for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
        char what[64];
        snprintf(what, sizeof(what), "truncated to %zu bytes", cuts[i].len);
        expect_fail(put_file("cut", f->data, cuts[i].len, 0644), cuts[i].want, what);
    }
    struct mmu m;
    struct elf_image img;
    char err[256] = "";
    new_mmu(&m);
    CHECK(elf_load(&m, put_file("whole", f->data, f->size, 0644), ELF_PROGRAM, &img, err, sizeof(err)) == 0,
          "sanity: an unmodified copy loads: %s", err);
    mmu_destroy(&m);

    /* Messages name the program header by its index in the table. */
    char want_filesz[64], want_off[64];
    int data_index = (int)(nth_load((struct file *)f, 1) - phdr(f, 0));
    snprintf(want_filesz, sizeof(want_filesz), "segment %d: filesz", data_index);
    snprintf(want_off, sizeof(want_off), "segment %d: file range beyond end of file", data_index);

    expect_patched(f, class32, "not 64-bit", "ELFCLASS32");
    expect_patched(f, class0, "not 64-bit", "ELFCLASSNONE");
    expect_patched(f, class9, "not 64-bit", "unknown class");
    expect_patched(f, bigendian, "not little-endian", "big-endian");
    expect_patched(f, core, "not an executable (core file", "ET_CORE");
    expect_patched(f, phoff_end, "truncated: program headers beyond end of file", "phoff at end");
    expect_patched(f, phoff_wild, "truncated: program headers beyond end of file", "phoff wild");
    expect_patched(f, phnum0, "no loadable segments", "no program headers");
    expect_patched(f, phentsize, "bad program header size", "phentsize 32");
    expect_patched(f, no_loads, "no loadable segments", "no PT_LOAD");
    expect_patched(f, filesz_big, want_filesz, "filesz > memsz");
    expect_patched(f, above_guest, "outside the guest address space", "segment above the guest");
    expect_patched(f, wrap_guest, "outside the guest address space", "segment wrapping");
    expect_patched(f, memsz_huge, "outside the guest address space", "huge memsz");
    expect_patched(f, off_past_end, want_off, "offset past end");
    expect_patched(f, off_wrap, "beyond end of file", "offset wrapping");
    expect_patched(f, misaligned, "misaligned segment", "vaddr not congruent to offset");
    expect_patched(f, overlapping, "overlapping segments", "overlapping segments");
    expect_patched(f, interp_unterminated, "bad PT_INTERP", "PT_INTERP on a non-string");

    /* Fits the guest but takes the stack's place: loads, then no stack. */
    struct file c = { malloc(f->size), f->size };
    memcpy(c.data, f->data, f->size);
    at_stack(&c);
    new_mmu(&m);
    err[0] = 0;
    int rc = elf_load(&m, put_file("at_stack", c.data, c.size, 0644), ELF_PROGRAM, &img, err, sizeof(err));
    CHECK(rc == 0, "program near the top loads: %s", err);
    char *const argv[] = { "x", NULL };
    err[0] = 0;
    CHECK(rc != 0 || (elf_build_stack(&m, &img, 0, 1, argv, NULL, "x", err, sizeof(err)) == 0 &&
                      err[0]), "stack over the program refused: %s", err);
    free(img.interp);
    mmu_destroy(&m);
    free(c.data);
}

/* Random byte mutations, mostly in the headers where they matter: elf_load
 * must answer each with success or an error line, never a crash. */
static void test_fuzz(const struct file *f)
{
    unsigned seed = 12345;
    struct file c = { malloc(f->size), f->size };
    size_t hdr = ehdr(f)->e_phoff + ehdr(f)->e_phnum * sizeof(Elf64_Phdr);
    int ok = 0, refused = 0, silent = 0;
    for (int iter = 0; iter < 300; iter++) {
        memcpy(c.data, f->data, f->size);
        size_t size = f->size;
        int n = 1 + rand_r(&seed) % 8;
        for (int k = 0; k < n; k++) {
            size_t at = rand_r(&seed) % 4 ? rand_r(&seed) % hdr : rand_r(&seed) % f->size;
            c.data[at] = rand_r(&seed) % 3 ? (uint8_t)rand_r(&seed) : 0xff;
        }
        if (rand_r(&seed) % 10 == 0)
            size = rand_r(&seed) % f->size;
        const char *path = put_file("fuzz", c.data, size, 0644);
        struct mmu m;
        new_mmu(&m);
        struct elf_image img;
        char err[256] = "";
        if (elf_load(&m, path, ELF_PROGRAM, &img, err, sizeof(err)) == 0) {
            ok++;
            free(img.interp);
        } else {
            refused++;
            silent += err[0] == 0 || strchr(err, '\n') != NULL;
        }
        mmu_destroy(&m);
    }
    free(c.data);
    CHECK(ok + refused == 300, "300 mutated files survived (%d loaded, %d refused)", ok, refused);
    CHECK(silent == 0, "every refusal has a one-line reason (%d without)", silent);
    CHECK(refused > 0 && ok > 0, "mutations both loaded and refused (%d/%d)", ok, refused);
}

/* ---- linux_start ---- */

struct started {
    struct rv_proc p;
    struct rv_cpu *cpu;
    int status;
    char err[8192];
};

static void start(struct started *s, const char *path, const char *prefix)
{
    static char *argv[] = { "prog", "arg", NULL };
    static char *envp[] = { "A=1", NULL };
    memset(&s->p, 0, sizeof s->p);
    s->p.opt.prefix = prefix;
    s->cpu = rv_cpu_new(&s->p);
    s->err[0] = 0;
    s->status = linux_start(&s->p, s->cpu, path, argv, envp, s->err, sizeof s->err);
}

static void stop(struct started *s)
{
    free(s->p.exe_path);
    rv_cpu_free(s->cpu);
    mmu_destroy(&s->p.mmu);
}

/* The value of auxv entry type on the initial stack, or -1 if absent. */
static uint64_t auxv(struct started *s, uint64_t type)
{
    struct mmu *m = &s->p.mmu;
    uint64_t at = s->cpu->x[2], w = 0;
    mmu_read(m, &w, at, 8);
    at += 8 * (w + 1) + 8;                  /* argc, argv, NULL */
    for (; mmu_read(m, &w, at - 8, 8) == 0 && w; at += 8)    /* envp */
        ;
    for (uint64_t pair[2]; mmu_read(m, pair, at, 16) == 0 && pair[0] != AT_NULL; at += 16)
        if (pair[0] == type)
            return pair[1];
    return (uint64_t)-1;
}

static const char *region_file(struct started *s, uint64_t addr)
{
    const struct mmu_region *r = mmu_lookup(&s->p.mmu, addr);
    return r && r->file ? s->p.mmu.files[r->file - 1].path : NULL;
}

static uint64_t phdr_vaddr(const struct file *f)
{
    for (int i = 0; i < ehdr(f)->e_phnum; i++)
        if (phdr(f, i)->p_type == PT_PHDR)
            return phdr(f, i)->p_vaddr;
    return (uint64_t)-1;
}

/* A dynamically linked program: the interpreter from `root` (a prefix, or
 * NULL for the default search), in the mmap area; the first pc is its entry;
 * the auxv tells it where the program is; the break follows the program. */
static void check_dynamic(const char *path, const struct file *prog, const char *prefix,
                          const char *want_interp, const char *what)
{
    struct started s;
    struct file interp = slurp(want_interp);
    start(&s, path, prefix);
    CHECK(s.status == 0, "%s: linux_start: %s", what, s.err);
    if (s.status) {
        stop(&s);
        free(interp.data);
        return;
    }
    struct mmu *m = &s.p.mmu;
    uint64_t base = auxv(&s, AT_BASE), entry = auxv(&s, AT_ENTRY), phdr_at = auxv(&s, AT_PHDR);
    uint64_t bias = entry - ehdr(prog)->e_entry;
    CHECK(base && base % PG == 0 && base < m->mmap_top && base > bias + highest_end(prog),
          "%s: AT_BASE 0x%llx page-aligned, in the mmap area above the program", what,
          (unsigned long long)base);
    CHECK(mmu_check(m, base, 64, MMU_R) && memcmp(mmu_host(m, base), interp.data, 64) == 0,
          "%s: the interpreter's ELF header at AT_BASE", what);
    CHECK(s.cpu->pc == base + ehdr(&interp)->e_entry, "%s: pc 0x%llx is the interpreter's entry",
          what, (unsigned long long)s.cpu->pc);
    CHECK(bias == (0x2aaaaaaaaaull & ~(PG - 1)) && s.p.entry == entry,
          "%s: AT_ENTRY 0x%llx the program's entry at ELF_ET_DYN_BASE", what,
          (unsigned long long)entry);
    CHECK(phdr_at == bias + phdr_vaddr(prog) && auxv(&s, AT_PHNUM) == ehdr(prog)->e_phnum &&
          auxv(&s, AT_PHENT) == sizeof(Elf64_Phdr), "%s: AT_PHDR, AT_PHNUM, AT_PHENT", what);
    CHECK(m->brk_start == bias + highest_end(prog) && m->brk == m->brk_start,
          "%s: the break right after the program", what);
    check_segments(m, prog, bias, what);
    const char *named = region_file(&s, base);
    char real[PATH_MAX];
    CHECK(named && realpath(want_interp, real) && !strcmp(named, real),
          "%s: the interpreter's pages named %s (%s)", what, real, named ? named : "nothing");
    named = region_file(&s, entry);
    CHECK(named && s.p.exe_path && !strcmp(named, s.p.exe_path) && realpath(path, real) &&
          !strcmp(s.p.exe_path, real), "%s: the program's pages and exe_path name it", what);
    stop(&s);
    free(interp.data);
}

static void test_start(const char *static_path, const struct file *st, const char *dyn_path,
                       const char *obj_path)
{
    const char *ld = "/lib/ld-linux-riscv64-lp64d.so.1";
    char path[1024];
    struct started s;

    /* A static program: its own entry, no AT_BASE. */
    start(&s, static_path, NULL);
    CHECK(s.status == 0 && s.cpu->pc == ehdr(st)->e_entry && auxv(&s, AT_BASE) == 0 &&
          s.cpu->x[2] % 16 == 0 && s.p.opt.prefix == NULL,
          "static: starts at e_entry, AT_BASE 0, no prefix chosen: %s", s.err);
    stop(&s);

    struct file dyn = slurp(dyn_path);
    CHECK(ehdr(&dyn)->e_type == ET_DYN && phdr_vaddr(&dyn) != (uint64_t)-1,
          "loader_dyn is a PIE with PT_PHDR");
    /* Found in the host root, else in the cross root, which becomes the prefix. */
    bool in_root = access(ld, F_OK) == 0;
    snprintf(path, sizeof path, "%s%s", START_CROSS_ROOT, ld);
    check_dynamic(dyn_path, &dyn, NULL, in_root ? ld : path, "dynamic, no prefix");
    start(&s, dyn_path, NULL);
    CHECK(s.status == 0 && (in_root ? s.p.opt.prefix == NULL : !strcmp(s.p.opt.prefix, START_CROSS_ROOT)),
          "without a prefix and with the loader only under %s, that becomes the prefix", START_CROSS_ROOT);
    stop(&s);

    /* A prefix with its own copy of the loader: that copy is used. */
    struct file real_ld = slurp(in_root ? ld : path);
    snprintf(path, sizeof path, "%s/root/lib", tmpdir);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", path);
    CHECK(system(cmd) == 0, "mkdir %s", path);
    char copy[1100];
    snprintf(copy, sizeof copy, "%s/root%s", tmpdir, ld);
    put_file("root/lib/ld-linux-riscv64-lp64d.so.1", real_ld.data, real_ld.size, 0755);
    snprintf(path, sizeof path, "%s/root", tmpdir);
    check_dynamic(dyn_path, &dyn, path, copy, "dynamic, -L with a copy of the loader");

    /* The interpreter found nowhere: the message names the places tried and -L. */
    snprintf(path, sizeof path, "%s/emptyroot", tmpdir);
    mkdir(path, 0755);
    start(&s, dyn_path, path);
    char want[2048];
    snprintf(want, sizeof want, "%s: interpreter %s not found (tried %s%s, %s); use -L", dyn_path, ld,
             path, ld, ld);
    CHECK(s.status == EXIT_LOAD && strstr(s.err, want) && !strchr(s.err, '\n'),
          "missing interpreter: status %d, \"%s\"", s.status, s.err);
    stop(&s);

    /* Interpreters that are no riscv64 program. */
    const struct { const char *from, *want, *what; } bad[] = {
        { "/bin/true", "not RISC-V (machine 62)", "an x86-64 interpreter" },
        { obj_path, "not an executable (relocatable object", "an object file as interpreter" },
        { NULL, "not an ELF file", "a text file as interpreter" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct file b = bad[i].from ? slurp(bad[i].from) : (struct file){ (uint8_t *)strdup("#!/bin/sh\n"), 10 };
        put_file("root/lib/ld-linux-riscv64-lp64d.so.1", b.data, b.size, 0755);
        snprintf(path, sizeof path, "%s/root", tmpdir);
        start(&s, dyn_path, path);
        snprintf(want, sizeof want, "%s: interpreter %s: %s", dyn_path, copy, bad[i].want);
        CHECK(s.status == EXIT_LOAD && strstr(s.err, want) && !strchr(s.err, '\n'),
              "%s: status %d, \"%s\"", bad[i].what, s.status, s.err);
        stop(&s);
        free(b.data);
    }

    /* No execute permission: refused before the file is read. */
    const char *noexec = put_file("noexec", st->data, st->size, 0644);
    start(&s, noexec, NULL);
    snprintf(want, sizeof want, "%s: cannot execute: Permission denied", noexec);
    CHECK(s.status == EXIT_LOAD && !strcmp(s.err, want), "no execute bit: status %d, \"%s\"",
          s.status, s.err);
    stop(&s);
    free(real_ld.data);
    free(dyn.data);
}

int main(int argc, char **argv)
{
    char *self = strdup(argv[0]), *dir = dirname(self);
    char paths[4][512];
    const char *names[4] = { "loader_static", "loader_pie", "loader_pie.o", "loader_dyn" };
    for (int i = 0; i < 4; i++) {
        if (argc > 1 + i)
            snprintf(paths[i], sizeof(paths[i]), "%s", argv[1 + i]);
        else
            snprintf(paths[i], sizeof(paths[i]), "%s/%s", dir, names[i]);
    }
    struct file st = slurp(paths[0]), pie = slurp(paths[1]);
    test_static(paths[0], &st);
    test_pie(paths[1], &pie);
    test_bad(paths[2], &st);
    test_fuzz(&st);
    test_start(paths[0], &st, paths[3], paths[2]);

    free(st.data);
    free(pie.data);
    free(self);
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "test_loader: could not remove %s\n", tmpdir);
    return t_done("test_loader");
}
