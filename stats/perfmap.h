/* --perf-map (perfmap.c). */
#ifndef PERFMAP_H
#define PERFMAP_H

struct syms;
struct tr_block;
struct tr_cache;

/* 0, or -1 with a message on stderr. */
int perfmap_open(void);
/* The cache's trampolines, once all are emitted. */
void perfmap_stubs(const struct tr_cache *c);
void perfmap_block(struct syms *syms, const struct tr_block *b);
/* In a forked child: its own map, a copy of the parent's so far. */
void perfmap_forked(void);

#endif
