/* The -d log (qemu's items): in_asm, out_asm, exec, cpu, page, unimp,
 * strace, limited to guest ranges by -dfilter. Blocks are named after
 * their guest symbol. */
#ifndef LOG_H
#define LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct rv_cpu;
struct rv_options;
struct rv_proc;
struct syms;
struct tr_block;

/* Parse -d ITEMS into o (log_mask, strace); "help" lists the items on
 * stdout and sets *help. Returns 0, or -1 naming the bad item in *bad. */
int log_parse(struct rv_options *o, const char *items, const char **bad, bool *help);
/* Parse -dfilter RANGES ("A..B", "A+LEN" or "A", comma-separated) into o.
 * Returns 0 or -1. */
int log_parse_filter(struct rv_options *o, const char *ranges);
/* Whether -dfilter lets the block at pc be logged. */
bool log_wanted(const struct rv_options *o, uint64_t pc);

/* The names blocks are logged with (NULL: addresses only). */
void log_start(struct syms *syms);
/* in_asm/out_asm for a new translation. */
void log_block(struct rv_proc *p, const struct tr_block *b);
/* exec/cpu as a block starts running (called from translated code). */
void log_exec(struct rv_cpu *cpu, uint64_t pc);
/* page: the guest memory map. */
void log_page(struct rv_proc *p);

#endif
