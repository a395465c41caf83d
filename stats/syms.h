/* Guest symbol tables: names for guest addresses, read with libelf from the
 * riscv64 ELF files the guest runs (the program, its interpreter, the
 * libraries it maps with PROT_EXEC), for translation-time logs and reports.
 *
 * One table per process, shared by all guest threads: lookups take a read
 * lock, adding and removing files a write lock. Each file's symbols are one
 * sorted array and the files one array sorted by address, so a lookup is two
 * binary searches. */
#ifndef SYMS_H
#define SYMS_H

#include <stddef.h>
#include <stdint.h>

struct syms;

/* NULL when out of memory or libelf cannot be initialised. */
struct syms *syms_new(void);
void syms_free(struct syms *s);

/* Reads the symbol tables (.symtab and .dynsym, merged) of the riscv64 ELF
 * file at host path `path`, whose ELF virtual address v is at guest address
 * v + bias (0 for ET_EXEC, the load address for ET_DYN). Keeps functions,
 * and objects and untyped symbols that have a size or lie in an executable
 * PT_LOAD. The file's label in output is the last component of path.
 * Returns 0, or -errno when the file cannot be read, -ENOEXEC when it is a
 * malformed ELF file, -ENOMEM. A file that is not a riscv64 ELF executable or
 * shared object, or has no symbols, adds nothing and returns 0; so does adding
 * the same path and bias again. A file whose address range overlaps files
 * added earlier replaces them, as a mapping replaces what was there. */
int syms_add_file(struct syms *s, const char *path, uint64_t bias);

/* For an mmap with PROT_EXEC of `path` at guest address `addr` from file
 * offset `off`: finds the PT_LOAD that mapping holds (the executable one when
 * two share the page), and adds the file with the bias that puts that
 * segment where it was mapped. Returns as syms_add_file; 0 when the file is
 * not ELF or no PT_LOAD is at `off`. */
int syms_add_mapping(struct syms *s, const char *path, uint64_t addr, uint64_t off);

/* Forgets every file whose address range meets [lo, hi) (a munmap). */
void syms_remove_range(struct syms *s, uint64_t lo, uint64_t hi);

/* The symbol containing guest address pc: the one with the greatest start
 * <= pc, if pc < start + size, or, for a symbol of size 0, if pc is in the
 * same executable segment. Returns its name and sets *off to pc - start and
 * *file to the file's label (either pointer may be NULL); NULL when there is
 * none. The strings stay valid until syms_free, also after the file is
 * removed. */
const char *syms_lookup(struct syms *s, uint64_t pc, uint64_t *off, const char **file);

/* Writes "name+0xOFF", "name" when pc is the symbol's start, or "0xPC"
 * when no symbol contains pc, into buf (truncated to size); returns buf. */
const char *syms_format(struct syms *s, uint64_t pc, char *buf, size_t size);

#endif
