/* -d in_asm,out_asm: the guest code of each translated block (rvdbt's own
 * disassembler) and the host code it became (capstone). */
#ifndef TR_LOG_H
#define TR_LOG_H

#include <stdbool.h>
#include <stdio.h>

struct tr_block;
struct tr_cache;
struct mmu;

/* TR_LOG_UNIMP: each unimplemented syscall the guest makes (linux/sys_table.c). */
enum { TR_LOG_IN_ASM = 1, TR_LOG_OUT_ASM = 2, TR_LOG_UNIMP = 4 };

/* Parse "-d" items ("in_asm,out_asm"); returns the mask or -1 naming the bad
 * item in *bad. */
int tr_log_parse(const char *items, const char **bad);
void tr_log_block(FILE *f, int mask, struct mmu *m, const struct tr_cache *c, const struct tr_block *b);

#endif
