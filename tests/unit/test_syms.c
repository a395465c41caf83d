/* The guest symbol tables against binutils: every function that
 * riscv64-linux-gnu-nm lists in a static program and in a shared object
 * (placed at a bias, directly or through the mmap that ld.so would do, with
 * the PT_LOAD offsets riscv64-linux-gnu-readelf shows) must come back by
 * name at its start, 4 bytes in and at its last byte. Then removal,
 * formatting, files that are not riscv64 ELF, and lookups on several threads
 * while another adds and removes a library.
 *
 * Usage: test_syms [STATIC SHARED]; by default syms_prog and syms_prog.so,
 * which tests/module.mk builds next to this binary. */
#include <ctype.h>
#include <libgen.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats/syms.h"
#include "tests/unit/t.h"

#define BIAS 0x40000000ull
#define BIAS2 0x50000000ull

struct nsym {
    uint64_t addr, size;
    char type;              /* nm's letter */
    char name[160];
};

struct load {
    uint64_t off, vaddr, filesz, memsz;
    bool x;
};

struct elf {
    const char *path;
    struct nsym *v;         /* sorted by address */
    size_t n;
    struct load loads[16];
    size_t nloads;
};

static void die(const char *what, const char *path)
{
    fprintf(stderr, "test_syms: %s %s\n", what, path);
    exit(2);
}

static int nsym_cmp(const void *a, const void *b)
{
    const struct nsym *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static FILE *run(const char *tool, const char *args, const char *path)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "riscv64-linux-gnu-%s %s '%s'", tool, args, path);
    FILE *p = popen(cmd, "r");
    if (!p)
        die("cannot run", cmd);
    return p;
}

static void read_loads(struct elf *e)
{
    FILE *p = run("readelf", "-lW", e->path);
    char line[512];
    while (fgets(line, sizeof line, p)) {
        struct load l;
        int at = 0;
        if (sscanf(line, " LOAD %lx %lx %*x %lx %lx %n", &l.off, &l.vaddr, &l.filesz, &l.memsz, &at) < 4)
            continue;
        char *align = strstr(line + at, "0x");    /* the flags ("R E") end where Align begins */
        if (align)
            *align = 0;
        l.x = strchr(line + at, 'E') != NULL;
        if (e->nloads < sizeof e->loads / sizeof e->loads[0])
            e->loads[e->nloads++] = l;
    }
    if (pclose(p) != 0 || e->nloads == 0)
        die("no PT_LOAD from readelf -lW for", e->path);
}

static bool in_load(const struct elf *e, uint64_t a, bool exec)
{
    for (size_t i = 0; i < e->nloads; i++)
        if (a >= e->loads[i].vaddr && a - e->loads[i].vaddr < e->loads[i].memsz && (!exec || e->loads[i].x))
            return true;
    return false;
}

/* nm's defined symbols that lie in a PT_LOAD: absolute ones (A) and TLS
 * offsets are no addresses. */
static void read_elf(struct elf *e, const char *path)
{
    e->path = path;
    read_loads(e);
    FILE *p = run("nm", "-S --defined-only", path);
    char line[512];
    size_t cap = 0;
    while (fgets(line, sizeof line, p)) {
        /* "ADDR [SIZE] TYPE NAME": split into words first, as a type
         * letter such as D would also read as a hex size. */
        struct nsym y = { 0 };
        char w[4][160];
        int n = sscanf(line, "%159s %159s %159s %159s", w[0], w[1], w[2], w[3]);
        if (n < 3)
            continue;
        y.addr = strtoull(w[0], NULL, 16);
        y.size = n == 4 ? strtoull(w[1], NULL, 16) : 0;
        y.type = w[n - 2][0];
        snprintf(y.name, sizeof y.name, "%s", w[n - 1]);
        if (toupper((unsigned char)y.type) == 'A' || !in_load(e, y.addr, false))
            continue;
        if (e->n == cap) {
            cap = cap ? 2 * cap : 1024;
            e->v = realloc(e->v, cap * sizeof *e->v);
            if (!e->v)
                die("out of memory reading", path);
        }
        e->v[e->n++] = y;
    }
    if (pclose(p) != 0 || e->n == 0)
        die("no symbols from nm for", path);
    qsort(e->v, e->n, sizeof *e->v, nsym_cmp);
}

static bool is_text(const struct elf *e, const struct nsym *y)
{
    return strchr("tTWi", y->type) && in_load(e, y->addr, true);
}

static bool is_global(char type)
{
    return isupper((unsigned char)type) || type == 'i' || type == 'u';
}

/* Whether name may answer for address a: one of nm's names there, and a
 * global one when there is one (syms prefers them over locals). */
static bool names(const struct elf *e, uint64_t a, const char *name)
{
    bool any_global = false, found = false;
    for (size_t i = 0; i < e->n; i++)
        if (e->v[i].addr == a)
            any_global |= is_global(e->v[i].type);
    for (size_t i = 0; i < e->n; i++)
        if (e->v[i].addr == a && (!any_global || is_global(e->v[i].type)) && !strcmp(e->v[i].name, name))
            found = true;
    return found;
}

/* Whether some other symbol starts in (a, pc]: then pc belongs to it. */
static bool other_start(const struct elf *e, uint64_t a, uint64_t pc)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->v[i].addr > a && e->v[i].addr <= pc)
            return true;
    return false;
}

static const struct nsym *by_name(const struct elf *e, const char *name)
{
    for (size_t i = 0; i < e->n; i++)
        if (!strcmp(e->v[i].name, name))
            return &e->v[i];
    die("nm does not list", name);
    return NULL;
}

static int skipped;

/* Every sized function of e, at bias: its start, start + 4, its last byte.
 * Returns how many functions were checked. */
static size_t check_funcs(struct syms *s, const struct elf *e, uint64_t bias, const char *label)
{
    size_t checked = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct nsym *y = &e->v[i];
        if (!is_text(e, y) || y->size == 0 || (i > 0 && y->addr == e->v[i - 1].addr))
            continue;
        uint64_t offs[3] = { 0, 4, y->size - 1 };
        for (int k = 0; k < 3; k++) {
            if (offs[k] >= y->size || (k > 0 && other_start(e, y->addr, y->addr + offs[k]))) {
                skipped += k > 0 && offs[k] < y->size;
                continue;
            }
            uint64_t off = 99;
            const char *file = NULL;
            const char *got = syms_lookup(s, bias + y->addr + offs[k], &off, &file);
            CHECK(got && names(e, y->addr, got) && off == offs[k] && file && !strcmp(file, label),
                  "%s %s+%#lx at %#lx: got %s+%#lx in %s", label, y->name, offs[k], bias + y->addr + offs[k],
                  got ? got : "NULL", off, file ? file : "NULL");
        }
        checked++;
    }
    return checked;
}

#define LOOKUP_AT(s, pc) syms_lookup((s), (pc), NULL, NULL)

static void test_static(const struct elf *e)
{
    struct syms *s = syms_new();
    CHECK(syms_add_file(s, e->path, 0) == 0, "add %s", e->path);
    size_t n = check_funcs(s, e, 0, "syms_prog");
    CHECK(n > 500, "only %zu functions in the static program", n);

    /* The alias is global, the function it names local: the alias wins. */
    uint64_t off;
    const struct nsym *local = by_name(e, "syms_local");
    const char *got = syms_lookup(s, local->addr + 2, &off, NULL);
    CHECK(got && !strcmp(got, "syms_alias") && off == 2, "syms_local+2: got %s", got ? got : "NULL");
    const struct nsym *weak = by_name(e, "syms_weak");
    got = LOOKUP_AT(s, weak->addr + weak->size - 2);
    CHECK(got && !strcmp(got, "syms_weak"), "weak function: got %s", got ? got : "NULL");
    const struct nsym *table = by_name(e, "syms_table");
    got = syms_lookup(s, table->addr + 8, &off, NULL);
    CHECK(got && !strcmp(got, "syms_table") && off == 8, "object: got %s+%#lx", got ? got : "NULL", off);
    /* The mapping symbols in syms_asm do not hide it; the label without a
     * size covers the code after it. */
    const struct nsym *a = by_name(e, "syms_asm");
    got = LOOKUP_AT(s, a->addr + a->size - 1);
    CHECK(got && !strcmp(got, "syms_asm"), "after mapping symbols: got %s", got ? got : "NULL");
    const struct nsym *ns = by_name(e, "syms_nosize");
    got = syms_lookup(s, ns->addr + 12, &off, NULL);
    CHECK(got && !strcmp(got, "syms_nosize") && off == 12, "label without size: got %s+%#lx",
          got ? got : "NULL", off);
    /* Unsized symbols name code, but in data they are markers (_edata). */
    for (size_t i = 0; i < e->n; i++) {
        const struct nsym *y = &e->v[i];
        if (y->size != 0)
            continue;
        got = LOOKUP_AT(s, y->addr);
        if (is_text(e, y))
            CHECK(got && names(e, y->addr, got), "unsized %s: got %s", y->name, got ? got : "NULL");
        else if (!in_load(e, y->addr, true))
            CHECK(!got || strcmp(got, y->name), "data marker %s named", y->name);
    }

    /* Nothing below the first symbol, nor past the image. */
    CHECK(LOOKUP_AT(s, e->v[0].addr - 1) == NULL, "below the first symbol %s", e->v[0].name);
    CHECK(LOOKUP_AT(s, 0) == NULL && LOOKUP_AT(s, 0x1000) == NULL, "low addresses");
    uint64_t end = 0;
    for (size_t i = 0; i < e->nloads; i++)
        if (e->loads[i].vaddr + e->loads[i].memsz > end)
            end = e->loads[i].vaddr + e->loads[i].memsz;
    CHECK(LOOKUP_AT(s, end + 0x10) == NULL && LOOKUP_AT(s, UINT64_MAX) == NULL, "past the image");
    /* Between the code and the data: the last function has ended. */
    for (size_t i = 0; i < e->nloads; i++)
        if (e->loads[i].x && !in_load(e, e->loads[i].vaddr + e->loads[i].memsz + 4, false))
            CHECK(LOOKUP_AT(s, e->loads[i].vaddr + e->loads[i].memsz + 4) == NULL, "after segment %zu", i);

    char buf[64];
    const struct nsym *g = by_name(e, "syms_global");
    CHECK(!strcmp(syms_format(s, g->addr, buf, sizeof buf), "syms_global"), "format at start: %s", buf);
    CHECK(!strcmp(syms_format(s, g->addr + 6, buf, sizeof buf), "syms_global+0x6"), "format +6: %s", buf);
    CHECK(!strcmp(syms_format(s, 0x123, buf, sizeof buf), "0x123"), "format without symbol: %s", buf);
    CHECK(!strcmp(syms_format(s, g->addr + 6, buf, 8), "syms_gl"), "format truncated: %s", buf);

    /* The same file again changes nothing. */
    CHECK(syms_add_file(s, e->path, 0) == 0, "add again");
    CHECK(check_funcs(s, e, 0, "syms_prog") == n, "after adding again");

    /* The program's own PT_LOAD mapped where it belongs gives bias 0. */
    struct syms *m = syms_new();
    for (size_t i = 0; i < e->nloads; i++)
        if (e->loads[i].x)
            CHECK(syms_add_mapping(m, e->path, e->loads[i].vaddr & ~0xfffull, e->loads[i].off & ~0xfffull) == 0,
                  "map segment %zu", i);
    CHECK(check_funcs(m, e, 0, "syms_prog") == n, "static program through its mapping");
    syms_free(m);
    syms_free(s);
}

static void test_shared(const struct elf *e)
{
    struct syms *s = syms_new();
    CHECK(syms_add_file(s, e->path, BIAS) == 0, "add %s at %#llx", e->path, BIAS);
    CHECK(check_funcs(s, e, BIAS, "syms_prog.so") >= 4, "shared object's functions");
    const struct nsym *g = by_name(e, "syms_global");
    CHECK(LOOKUP_AT(s, g->addr) == NULL, "unbiased address of a biased file");

    /* Names stay valid after removal; lookups stop. */
    const char *kept = LOOKUP_AT(s, BIAS + g->addr);
    syms_remove_range(s, BIAS + g->addr, BIAS + g->addr + 1);
    CHECK(LOOKUP_AT(s, BIAS + g->addr) == NULL, "removed by a range inside it");
    CHECK(kept && !strcmp(kept, "syms_global"), "name kept after removal");
    CHECK(syms_add_file(s, e->path, BIAS) == 0 && LOOKUP_AT(s, BIAS + g->addr) != NULL, "added again after removal");
    syms_remove_range(s, 0, BIAS);
    CHECK(LOOKUP_AT(s, BIAS + g->addr) != NULL, "a range below it keeps it");

    /* A second copy elsewhere, then one that overlaps the first replaces
     * it: the old copy's syms_global lies below the new one's span. */
    CHECK(syms_add_file(s, e->path, BIAS2) == 0, "second copy");
    CHECK(check_funcs(s, e, BIAS, "syms_prog.so") >= 4 && check_funcs(s, e, BIAS2, "syms_prog.so") >= 4,
          "two copies");
    uint64_t moved = BIAS + ((g->addr + 0x1000) & ~0xfffull);
    CHECK(syms_add_file(s, e->path, moved) == 0, "overlapping copy");
    CHECK(check_funcs(s, e, moved, "syms_prog.so") >= 4, "overlapping copy's functions");
    CHECK(LOOKUP_AT(s, BIAS + g->addr) == NULL, "overlapped copy gone");
    CHECK(check_funcs(s, e, BIAS2, "syms_prog.so") >= 4, "the copy elsewhere stays");
    syms_remove_range(s, 0, UINT64_MAX);
    CHECK(LOOKUP_AT(s, BIAS2 + g->addr) == NULL && LOOKUP_AT(s, moved + g->addr) == NULL, "all removed");
    syms_free(s);
}

/* Through mmap: each executable segment mapped where ld.so puts it for load
 * address BIAS must give the bias BIAS, and so must ld.so's first mapping,
 * the whole image from offset 0. */
static void test_mapping(const struct elf *e)
{
    size_t want = 0;
    for (size_t i = 0; i < e->nloads; i++) {
        const struct load *l = &e->loads[i];
        if (!l->x)
            continue;
        struct syms *s = syms_new();
        uint64_t addr = BIAS + (l->vaddr & ~0xfffull), off = l->off & ~0xfffull;
        CHECK(syms_add_mapping(s, e->path, addr, off) == 0, "map segment %zu at %#lx", i, addr);
        size_t n = check_funcs(s, e, BIAS, "syms_prog.so");
        CHECK(n >= 4, "segment %zu: %zu functions", i, n);
        want = n;
        syms_free(s);
    }
    CHECK(want > 0, "no executable PT_LOAD in %s", e->path);

    struct syms *s = syms_new();
    CHECK(syms_add_mapping(s, e->path, BIAS, 0) == 0, "whole image at %#llx", BIAS);
    CHECK(syms_add_mapping(s, e->path, BIAS, 0) == 0, "the same mapping again");
    CHECK(check_funcs(s, e, BIAS, "syms_prog.so") == want, "whole-image mapping");
    /* The same file through syms_add_file at that bias is already there. */
    CHECK(syms_add_file(s, e->path, BIAS) == 0, "add after mapping");
    CHECK(check_funcs(s, e, BIAS, "syms_prog.so") == want, "after add");
    syms_free(s);

    s = syms_new();
    CHECK(syms_add_mapping(s, e->path, BIAS, 1ull << 40) == 0, "offset past every segment");
    const struct nsym *g = by_name(e, "syms_global");
    CHECK(LOOKUP_AT(s, BIAS + g->addr) == NULL, "offset past every segment adds nothing");
    syms_free(s);
}

/* Files that are not riscv64 ELF programs add nothing and are no error;
 * a missing one is. */
static void test_bad(const struct elf *st, const char *self)
{
    struct syms *s = syms_new();
    CHECK(syms_add_file(s, st->path, 0) == 0, "add %s", st->path);
    const struct nsym *g = by_name(st, "syms_global");

    char text[] = "/tmp/test_syms.XXXXXX";
    int fd = mkstemp(text);
    if (fd < 0)
        die("cannot create", text);
    const char msg[] = "int main(void) { return 0; }\n";
    if (write(fd, msg, sizeof msg - 1) != (ssize_t)(sizeof msg - 1))
        die("cannot write", text);
    close(fd);
    CHECK(syms_add_file(s, text, 0) == 0, "a C source file");
    CHECK(syms_add_file(s, text, g->addr) == 0, "a C source file over the program");
    CHECK(syms_add_mapping(s, text, g->addr, 0) == 0, "a C source file mapped");
    if (truncate(text, 0) != 0)
        die("cannot truncate", text);
    CHECK(syms_add_file(s, text, 0) == 0, "an empty file");
    unlink(text);
    CHECK(syms_add_file(s, "/tmp", 0) == 0, "a directory");
    CHECK(syms_add_file(s, "/dev/null", 0) == 0, "a device");
    CHECK(syms_add_file(s, self, 0) == 0, "an x86-64 ELF file");
    const char *got = LOOKUP_AT(s, g->addr);
    CHECK(got && !strcmp(got, "syms_global"), "the program is still there: got %s", got ? got : "NULL");

    CHECK(syms_add_file(s, "/nonexistent/libfoo.so", 0) < 0, "a missing file");
    CHECK(syms_add_mapping(s, "/nonexistent/libfoo.so", BIAS, 0) < 0, "a missing file mapped");
    syms_free(s);
    syms_free(NULL);
}

/* Readers check the static program's functions (always there) and the
 * library's (there or not, but never wrong, and the name readable after
 * the writer removed it) while a writer adds and removes the library. */
struct race {
    struct syms *s;
    const struct elf *st, *so;
    atomic_bool done;
    atomic_int wrong;
    atomic_long lookups;
};

static void *reader(void *arg)
{
    struct race *r = arg;
    const struct nsym *g = by_name(r->so, "syms_global");
    for (size_t i = 0; !atomic_load(&r->done) || i < 20000; i++) {
        const struct nsym *y = &r->st->v[i % r->st->n];
        const char *got = LOOKUP_AT(r->s, y->addr);
        if (is_text(r->st, y) && (!got || !names(r->st, y->addr, got)))
            atomic_fetch_add(&r->wrong, 1);
        uint64_t off;
        got = syms_lookup(r->s, ((i & 1) ? BIAS2 : BIAS) + g->addr + 2, &off, NULL);
        if (got && (strcmp(got, "syms_global") || off != 2))
            atomic_fetch_add(&r->wrong, 1);
        atomic_fetch_add(&r->lookups, 2);
    }
    return NULL;
}

static void test_threads(const struct elf *st, const struct elf *so)
{
    struct race r = { .s = syms_new(), .st = st, .so = so };
    CHECK(syms_add_file(r.s, st->path, 0) == 0, "add %s", st->path);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        if (pthread_create(&t[i], NULL, reader, &r) != 0)
            die("cannot start a thread for", "the race");
    int bad = 0;
    for (int i = 0; i < 300; i++) {
        bad += syms_add_file(r.s, so->path, BIAS) != 0;
        bad += syms_add_mapping(r.s, so->path, BIAS2, 0) != 0;
        syms_remove_range(r.s, BIAS, BIAS + 0x1000);
        if (i & 1)
            syms_remove_range(r.s, BIAS2, BIAS2 + 0x100000);
    }
    atomic_store(&r.done, true);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    CHECK(bad == 0, "%d adds failed during the race", bad);
    CHECK(atomic_load(&r.wrong) == 0, "%d wrong lookups of %ld during the race", atomic_load(&r.wrong),
          atomic_load(&r.lookups));
    syms_free(r.s);
}

int main(int argc, char **argv)
{
    char *self = strdup(argv[0]), *dir = dirname(self);
    char st_path[600], so_path[600];
    snprintf(st_path, sizeof st_path, "%s", argc > 1 ? argv[1] : "");
    snprintf(so_path, sizeof so_path, "%s", argc > 2 ? argv[2] : "");
    if (argc <= 1)
        snprintf(st_path, sizeof st_path, "%s/syms_prog", dir);
    if (argc <= 2)
        snprintf(so_path, sizeof so_path, "%s/syms_prog.so", dir);
    struct elf st = { 0 }, so = { 0 };
    read_elf(&st, st_path);
    read_elf(&so, so_path);

    test_static(&st);
    test_shared(&so);
    test_mapping(&so);
    test_bad(&st, argv[0]);
    test_threads(&st, &so);
    if (skipped)
        printf("test_syms: %d probes skipped, inside a function where another symbol starts\n", skipped);

    free(st.v);
    free(so.v);
    free(self);
    return t_done("test_syms");
}
