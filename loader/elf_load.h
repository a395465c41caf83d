/* ELF loading through libelf: map a riscv64 program into the guest address
 * space and build the initial stack the way Linux does. */
#ifndef ELF_LOAD_H
#define ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>
#include "mmu/mmu.h"

struct elf_image {
    uint64_t entry;        /* entry point, load bias applied */
    uint64_t load_bias;    /* 0 for ET_EXEC; the base rvdbt chose for ET_DYN (AT_BASE of an interpreter) */
    uint64_t phdr;         /* guest address of the program headers (AT_PHDR) */
    uint64_t phent, phnum;
    uint64_t lo, hi;       /* lowest and highest mapped guest address (hi exclusive) */
    char *interp;          /* PT_INTERP path, malloc'd, or NULL */
};

/* What is being loaded decides where an ET_DYN image goes, as in Linux's
 * load_elf_binary: the program at ELF_ET_DYN_BASE with the program break
 * after it, its interpreter (PT_INTERP) wherever mmap would put it, top-down
 * below the stack, leaving the break alone. */
enum elf_role { ELF_PROGRAM, ELF_INTERP };

/* Load `path` into m. On failure returns -1 and writes one line into err
 * (without the file name: the caller prefixes it), e.g. "not an ELF file".
 * The pages filled from the file are named after it (mmu_set_file). */
int elf_load(struct mmu *m, const char *path, enum elf_role role, struct elf_image *img,
             char *err, size_t errlen);

/* Build the initial stack below the top of the guest space (maps it too):
 * argc, argv, envp, auxv as Linux does for riscv64, 16-byte aligned. at_base is
 * the interpreter's base (0 without one). Returns the guest sp, or 0 with err set. */
uint64_t elf_build_stack(struct mmu *m, const struct elf_image *img, uint64_t at_base,
                         int argc, char *const argv[], char *const envp[],
                         const char *execfn, char *err, size_t errlen);

/* AT_HWCAP for the extensions rvdbt implements: the letters I, M, A, F, D, C. */
#define ELF_RV_HWCAP ((1u << ('i' - 'a')) | (1u << ('m' - 'a')) | (1u << ('a' - 'a')) | \
                      (1u << ('f' - 'a')) | (1u << ('d' - 'a')) | (1u << ('c' - 'a')))

#endif
