/* --perf-map (perfmap.c). */
#ifndef PERFMAP_H
#define PERFMAP_H

struct syms;
struct tr_block;

/* 0, or -1 with a message on stderr. */
int perfmap_open(void);
void perfmap_block(struct syms *syms, const struct tr_block *b);

#endif
