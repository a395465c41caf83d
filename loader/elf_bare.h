/* Loading a bare-metal image (--bare): an ELF linked to run without an
 * operating system, such as riscv-tests' images at 0x80000000. */
#ifndef ELF_BARE_H
#define ELF_BARE_H

#include <stddef.h>
#include <stdint.h>
#include "mmu/mmu.h"

/* RAM the machine has besides the image, as on Spike and QEMU's spike
 * machine: from 0x80000000. The v environment of riscv-tests takes page
 * tables and user pages from memory after its image. */
#define ELF_BARE_RAM_BASE 0x80000000ull
#define ELF_BARE_RAM_SIZE (256ull << 20)

struct elf_bare {
    uint64_t entry;        /* e_entry */
    uint64_t tohost;       /* physical address of the symbol `tohost` */
    uint64_t fromhost;     /* of `fromhost`, or 0 when the image has none */
};

/* Map RAM read/write/execute and copy every PT_LOAD segment to its physical
 * address (p_paddr), with a segment outside RAM mapped on its own pages.
 * The image must define `tohost` (the only way it can end the run). On
 * failure returns -1 with one line in err (without the file name). */
int elf_load_bare(struct mmu *m, const char *path, struct elf_bare *out, char *err, size_t errlen);

#endif
