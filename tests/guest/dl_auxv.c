/* What the kernel tells a dynamically linked program and its loader, and
 * what /proc/self/maps says about the process: printed as facts, never as
 * addresses, and checked against what the program can find out itself
 * (dl_iterate_phdr, its own symbols, stat of the files named). */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "guest.h"

extern char _start[];
static int data_var[4096] = { 1 };      /* a few pages of .data: some lie in a rw-p page */

struct objs { uintptr_t main_addr, ldso_addr; const ElfW(Phdr) *main_phdr; size_t main_phnum; int ldso_seen; };

static int each_obj(struct dl_phdr_info *info, size_t size, void *arg)
{
    struct objs *o = arg;
    (void)size;
    if (!o->main_phdr) {    /* the program itself comes first */
        o->main_addr = info->dlpi_addr;
        o->main_phdr = info->dlpi_phdr;
        o->main_phnum = info->dlpi_phnum;
    } else if (strstr(info->dlpi_name, "ld-linux-riscv64")) {
        o->ldso_addr = info->dlpi_addr;
        o->ldso_seen = 1;
    }
    return 0;
}

static const char *yes(int b) { return b ? "yes" : "no"; }

/* ---- /proc/self/maps ---- */

struct line { uintptr_t lo, hi, off; char perms[5]; unsigned maj, min; unsigned long ino; const char *name; };
static char maps[1 << 17], maps2[1 << 17];
static struct line lines[512];
static int nlines;

static int slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY), n = 0, r;
    if (fd < 0)
        return -1;
    while ((r = (int)read(fd, buf + n, size - 1 - n)) > 0)
        n += r;
    close(fd);
    buf[n] = 0;
    return n;
}

/* Parses every line; false if one is not in the kernel's format: the name,
 * when there is one, starts after spaces that pad the line to column 73. */
static int parse_maps(void)
{
    char *p = maps;
    nlines = 0;
    while (*p && nlines < 512) {
        char *nl = strchr(p, '\n');
        if (!nl)
            return 0;
        *nl = 0;
        struct line *l = &lines[nlines++];
        int used = 0;
        if (sscanf(p, "%lx-%lx %4s %lx %x:%x %lu %n", &l->lo, &l->hi, l->perms, &l->off, &l->maj,
                   &l->min, &l->ino, &used) != 7 || used == 0)
            return 0;
        l->name = p[used] ? p + used : NULL;
        if (l->name && used != 73)
            return 0;
        p = nl + 1;
    }
    return *p == 0;
}

static const struct line *line_of(uintptr_t a)
{
    for (int i = 0; i < nlines; i++)
        if (a >= lines[i].lo && a < lines[i].hi)
            return &lines[i];
    return NULL;
}

static int names_file(const struct line *l, const char *path)
{
    struct stat st;
    return l && l->name && stat(path, &st) == 0 && st.st_ino == l->ino &&
           major(st.st_dev) == l->maj && minor(st.st_dev) == l->min;
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The file offset of the program's byte at a, from its program headers. */
static long file_offset(const struct objs *o, uintptr_t a)
{
    for (size_t i = 0; i < o->main_phnum; i++) {
        const ElfW(Phdr) *ph = &o->main_phdr[i];
        uintptr_t v = o->main_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && a >= v && a < v + ph->p_filesz)
            return (long)(ph->p_offset + (a - v));
    }
    return -1;
}

static sigjmp_buf jb;
static void on_segv(int sig) { (void)sig; siglongjmp(jb, 1); }

int main(int argc, char **argv)
{
    (void)argc;
    struct objs o = { 0 };
    dl_iterate_phdr(each_obj, &o);

    /* ---- the auxiliary vector ---- */
    uintptr_t at_base = getauxval(AT_BASE);
    const ElfW(Ehdr) *ld = (const ElfW(Ehdr) *)at_base;
    int ld_ok = at_base && !memcmp(ld->e_ident, ELFMAG, SELFMAG) && ld->e_type == ET_DYN;
    printf("AT_BASE holds the loader's ELF header: %s\n", yes(ld_ok));
    CHECK(ld_ok);
    printf("AT_BASE is where dl_iterate_phdr puts the loader: %s\n",
           yes(o.ldso_seen && o.ldso_addr == at_base));
    CHECK(o.ldso_seen && o.ldso_addr == at_base);
    printf("AT_ENTRY is the program's _start: %s\n", yes(getauxval(AT_ENTRY) == (uintptr_t)_start));
    CHECK(getauxval(AT_ENTRY) == (uintptr_t)_start);
    printf("AT_PHDR/AT_PHNUM are the program's headers: %s\n",
           yes(getauxval(AT_PHDR) == (uintptr_t)o.main_phdr && getauxval(AT_PHNUM) == o.main_phnum));
    CHECK(getauxval(AT_PHDR) == (uintptr_t)o.main_phdr && getauxval(AT_PHNUM) == o.main_phnum);
    printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
    CHECK(getauxval(AT_PHENT) == sizeof(ElfW(Phdr)));
    int main_in_x = 0;
    for (size_t i = 0; o.main_phdr && i < o.main_phnum; i++) {
        const ElfW(Phdr) *ph = &o.main_phdr[i];
        uintptr_t v = o.main_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) && (uintptr_t)main >= v &&
            (uintptr_t)main < v + ph->p_memsz)
            main_in_x = 1;
    }
    printf("main lies in an executable PT_LOAD of the program: %s\n", yes(main_in_x));
    CHECK(main_in_x);
    printf("the program is position-independent, loaded above 0: %s\n", yes(o.main_addr != 0));
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN equals argv[0]: %s\n", yes(execfn && !strcmp(execfn, argv[0])));
    CHECK(execfn && !strcmp(execfn, argv[0]));
    printf("AT_PAGESZ %lu, AT_SECURE %lu\n", getauxval(AT_PAGESZ), getauxval(AT_SECURE));

    /* ---- /proc/self/exe ---- */
    char exe[4096], real[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    int exe_ok = n > 0 && realpath(argv[0], real) && !strcmp(exe, real);
    printf("readlink /proc/self/exe is the program's real path: %s\n", yes(exe_ok));
    CHECK(exe_ok);
    struct stat st_exe, st_prog;
    int fd = open("/proc/self/exe", O_RDONLY);
    char magic[4] = { 0 };
    int open_ok = fd >= 0 && read(fd, magic, 4) == 4 && !memcmp(magic, ELFMAG, 4) &&
                  fstat(fd, &st_exe) == 0 && stat(argv[0], &st_prog) == 0 &&
                  st_exe.st_ino == st_prog.st_ino;
    printf("open /proc/self/exe opens the program: %s\n", yes(open_ok));
    CHECK(open_ok);
    if (fd >= 0)
        close(fd);

    /* ---- /proc/self/maps ---- */
    void *heap = malloc(64);
    int stack_var = 0;
    CHECK(slurp("/proc/self/maps", maps, sizeof maps) > 0);
    int parsed = parse_maps();
    printf("maps: every line in the kernel's format: %s\n", yes(parsed));
    CHECK(parsed);
    int sorted = nlines > 0;
    for (int i = 0; i < nlines; i++)
        sorted &= lines[i].lo < lines[i].hi && (i == 0 || lines[i - 1].hi <= lines[i].lo) &&
                  lines[i].lo % 4096 == 0 && lines[i].hi % 4096 == 0;
    printf("maps: sorted, page-aligned, no overlaps: %s\n", yes(sorted));
    CHECK(sorted);

    const struct line *l = line_of((uintptr_t)main);
    int main_ok = l && !strcmp(l->perms, "r-xp") && l->name && !strcmp(l->name, exe) &&
                  names_file(l, exe) &&
                  (long)(l->off + ((uintptr_t)main - l->lo)) == file_offset(&o, (uintptr_t)main);
    printf("maps: main's line is r-xp, the program, at main's file offset: %s\n", yes(main_ok));
    CHECK(main_ok);
    l = line_of((uintptr_t)&data_var[2048]);
    int data_ok = l && !strcmp(l->perms, "rw-p") && names_file(l, exe) &&
                  (long)(l->off + ((uintptr_t)&data_var[2048] - l->lo)) ==
                      file_offset(&o, (uintptr_t)&data_var[2048]);
    printf("maps: .data's line is rw-p, the program, at its file offset: %s\n", yes(data_ok));
    CHECK(data_ok);
    l = line_of((uintptr_t)printf);
    int libc_ok = l && !strcmp(l->perms, "r-xp") && l->name && !strcmp(base(l->name), "libc.so.6") &&
                  names_file(l, l->name);
    printf("maps: printf's line is r-xp, libc.so.6, that file's inode: %s\n", yes(libc_ok));
    CHECK(libc_ok);
    l = line_of(at_base);
    int ld_line = l && l->lo == at_base && l->off == 0 && l->name &&
                  !strcmp(base(l->name), "ld-linux-riscv64-lp64d.so.1") && names_file(l, l->name);
    printf("maps: AT_BASE starts the loader's line, offset 0: %s\n", yes(ld_line));
    CHECK(ld_line);
    l = line_of((uintptr_t)&stack_var);
    int stack_ok = l && !strcmp(l->perms, "rw-p") && l->name && !strcmp(l->name, "[stack]");
    printf("maps: a local variable's line is rw-p [stack]: %s\n", yes(stack_ok));
    CHECK(stack_ok);
    /* Linux names the brk area [heap]; qemu-riscv64 leaves it unnamed. */
    l = line_of((uintptr_t)heap);
    int heap_ok = l && !strcmp(l->perms, "rw-p") && l->ino == 0 &&
                  (!l->name || !strcmp(l->name, "[heap]"));
    printf("maps: a malloc'd block's line is rw-p, anonymous: %s\n", yes(heap_ok));
    CHECK(heap_ok);

    /* Every readable line is the guest's own memory: its first byte reads
     * (a file page past the end of its file may give SIGBUS, never SIGSEGV). */
    struct sigaction sa = { .sa_handler = on_segv };
    sigaction(SIGSEGV, &sa, NULL);
    int unreadable = 0;
    for (int i = 0; i < nlines; i++) {
        if (lines[i].perms[0] != 'r')
            continue;
        if (!sigsetjmp(jb, 1))
            (void)*(volatile char *)lines[i].lo;
        else
            unreadable++;
    }
    printf("maps: readable lines that cannot be read: %d\n", unreadable);
    CHECK(unreadable == 0);

    char own[64];
    snprintf(own, sizeof own, "/proc/%d/maps", (int)getpid());
    slurp("/proc/self/maps", maps, sizeof maps);
    slurp(own, maps2, sizeof maps2);
    printf("maps: /proc/PID/maps reads as /proc/self/maps: %s\n", yes(!strcmp(maps, maps2)));
    CHECK(!strcmp(maps, maps2));
    free(heap);
    return guest_done();
}
