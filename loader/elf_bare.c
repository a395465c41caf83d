/* Loading a bare-metal image: segments go to their physical addresses,
 * into RAM that is readable, writable and executable (M-mode sees memory
 * without protections; what S and U may do is the page tables' business),
 * and the HTIF words are found in the symbol table. */
#include "loader/elf_bare.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RWX (MMU_R | MMU_W | MMU_X)
#define PAGE_DOWN(x) ((x) & ~(MMU_PAGE_SIZE - 1))

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static bool in_ram(uint64_t lo, uint64_t hi)
{
    return lo >= ELF_BARE_RAM_BASE && hi <= ELF_BARE_RAM_BASE + ELF_BARE_RAM_SIZE;
}

/* Symbol values are virtual addresses: the segment holding one says where
 * it is in physical memory. */
static uint64_t to_phys(Elf *elf, size_t phnum, uint64_t va)
{
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_LOAD && va >= ph.p_vaddr &&
            va - ph.p_vaddr < ph.p_memsz)
            return va - ph.p_vaddr + ph.p_paddr;
    }
    return va;
}

static void find_symbols(Elf *elf, size_t phnum, struct elf_bare *out)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        for (size_t i = 0; d && i < sh.sh_size / sh.sh_entsize; i++) {
            GElf_Sym sym;
            const char *name;
            if (!gelf_getsym(d, (int)i, &sym) || !(name = elf_strptr(elf, sh.sh_link, sym.st_name)))
                continue;
            if (!strcmp(name, "tohost"))
                out->tohost = to_phys(elf, phnum, sym.st_value);
            else if (!strcmp(name, "fromhost"))
                out->fromhost = to_phys(elf, phnum, sym.st_value);
        }
    }
}

static int load(int fd, Elf *elf, struct mmu *m, struct elf_bare *out, char *err, size_t errlen)
{
    GElf_Ehdr eh;
    size_t phnum;
    struct stat st;
    if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh))
        return fail(err, errlen, "not an ELF file");
    if (gelf_getclass(elf) != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, "not a 64-bit little-endian ELF file");
    if (eh.e_machine != EM_RISCV)
        return fail(err, errlen, "not RISC-V (machine %u)", eh.e_machine);
    if (eh.e_type != ET_EXEC)
        return fail(err, errlen, "not an executable linked at fixed addresses (ELF type %u)", eh.e_type);
    if (elf_getphdrnum(elf, &phnum) != 0 || fstat(fd, &st) != 0)
        return fail(err, errlen, "bad program headers: %s", elf_errmsg(-1));

    int e = mmu_map(m, ELF_BARE_RAM_BASE, ELF_BARE_RAM_SIZE, RWX, 0, -1, 0);
    if (e)
        return fail(err, errlen, "cannot map RAM: %s", strerror(-e));
    /* Map everything before copying anything: segments may share pages. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < phnum; i++) {
            GElf_Phdr ph;
            if (!gelf_getphdr(elf, (int)i, &ph))
                return fail(err, errlen, "bad program header %zu", i);
            if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
                continue;
            uint64_t pa = ph.p_paddr, end = pa + ph.p_memsz;
            if (pa >= MMU_GUEST_SIZE || ph.p_memsz > MMU_GUEST_SIZE - pa || ph.p_filesz > ph.p_memsz ||
                ph.p_offset > (uint64_t)st.st_size || ph.p_filesz > (uint64_t)st.st_size - ph.p_offset)
                return fail(err, errlen, "segment %zu (physical 0x%llx, 0x%llx bytes) does not fit", i,
                            (unsigned long long)pa, (unsigned long long)ph.p_memsz);
            if (pass == 0 && !in_ram(pa, end)) {
                uint64_t lo = PAGE_DOWN(pa);
                e = mmu_map(m, lo, MMU_PAGE_ALIGN(end) - lo, RWX, 0, -1, 0);
                if (e)
                    return fail(err, errlen, "cannot map segment %zu: %s", i, strerror(-e));
            }
            if (pass == 1 && pread(fd, m->base + pa, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz)
                return fail(err, errlen, "cannot read segment %zu", i);
        }
    }
    out->entry = eh.e_entry;
    find_symbols(elf, phnum, out);
    if (!out->tohost)
        return fail(err, errlen, "no symbol tohost: a bare image reports its result through tohost");
    if (!mmu_check(m, out->tohost, 8, MMU_W))
        return fail(err, errlen, "tohost (0x%llx) is not in memory", (unsigned long long)out->tohost);
    if (out->fromhost && !mmu_check(m, out->fromhost, 8, MMU_W))
        out->fromhost = 0;
    return 0;
}

int elf_load_bare(struct mmu *m, const char *path, struct elf_bare *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, errlen, "libelf: %s", elf_errmsg(-1));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, "cannot open: %s", strerror(errno));
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    int rc = elf ? load(fd, elf, m, out, err, errlen) : fail(err, errlen, "not an ELF file");
    if (elf)
        elf_end(elf);
    close(fd);
    return rc;
}
