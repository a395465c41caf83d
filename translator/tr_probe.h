/* The translator's one instrumentation hook. What translated code counts is
 * decided here at translation time, for every point the translator passes:
 * a block's start (and each trip of a loop inside it), a load/store/jalr/
 * return fast-path hit, a return-stack miss. Nothing is emitted for what
 * nobody asked for, so a plain run pays nothing.
 *
 * - --count-hits: a hit bumps the thread's rv_counters (one add).
 * - A profiler (stats/prof.c) installs struct tr_probes in the code cache:
 *   it hands out counters keyed by (kind, guest pc), so they survive
 *   flushes and retranslation, and is told of every new translation. Its
 *   counters are the thread's RV_PROF array (rv_cpu.h): a block counts its
 *   executions in counter id, its samples in id + 1; a site counts hits in
 *   id (under --count-hits), misses in id + 1 and slot refills in id + 2,
 *   the misses and refills from the slow paths in C. */
#ifndef TR_PROBE_H
#define TR_PROBE_H

#include <stdbool.h>
#include <stdint.h>

struct tr_ctx;
struct tr_block;
struct rv_cpu;

enum tr_probe_kind { TR_PROBE_BLOCK, TR_PROBE_LOAD, TR_PROBE_STORE, TR_PROBE_JALR, TR_PROBE_RETURN,
                     TR_PROBE_KINDS };

/* Counters per record of each kind: blocks (executions, samples), sites
 * (hits, misses, refills). */
enum { TR_PROBE_EXECS = 0, TR_PROBE_SAMPLES = 1, TR_PROBE_HITS = 0, TR_PROBE_MISSES = 1, TR_PROBE_REFILLS = 2 };

/* What a thread does outside translated code, for the profiler's samples
 * (rv_cpu.prof_where). */
enum tr_where { TR_WHERE_DISPATCH, TR_WHERE_TRANSLATE, TR_WHERE_SLOW, TR_WHERE_SYSCALL, TR_WHERE_KINDS };

/* No counter: the profiler is full, or does not count this. */
#define TR_PROBE_NONE UINT32_MAX

struct tr_probes {
    /* The first counter of the record for (kind, pc), or TR_PROBE_NONE.
     * Called with the code cache locked, at translation time. */
    uint32_t (*counter)(void *arg, enum tr_probe_kind kind, uint64_t pc);
    /* A block was translated (its code is in place, not yet run): its
     * block counter, or TR_PROBE_NONE. */
    void (*translated)(void *arg, struct rv_cpu *cpu, const struct tr_block *b);
    /* A load/store of record id missed its slot at guest address addr (the
     * slow path, on the thread that missed; its counters are bumped). */
    void (*miss)(void *arg, struct rv_cpu *cpu, uint32_t id, uint64_t addr);
    /* Called as each block whose start `traced` accepts starts running,
     * with the guest registers in cpu (-d exec, cpu). Blocks then have no
     * loop inside, so that every trip is a start. NULL: none. */
    void (*exec)(struct rv_cpu *cpu, uint64_t pc);
    bool (*traced)(void *arg, uint64_t pc);
    void *arg;
};

/* Emit what `kind` counts at this point of ctx's block, for the guest
 * instruction at pc: a block start (TR_PROBE_BLOCK, pc the block's), else a
 * fast-path hit when hit, a return-stack miss when not. site is the slot
 * number of a load/store/jalr (its first for a load/store pair), which the
 * slow paths then find the record by; TR_PROBE_NONE for returns. Flags are
 * clobbered, no register is. */
void tr_probe(struct tr_ctx *ctx, enum tr_probe_kind kind, bool hit, uint64_t pc, uint32_t site);

struct tr_cache;
/* Install a profiler's hook in a cache no thread runs yet: 0, or -1 when
 * the site table cannot be reserved. */
int tr_probe_install(struct tr_cache *c, const struct tr_probes *p);

/* The site's counter record for the slow paths, or TR_PROBE_NONE. */
uint32_t tr_probe_site(const struct rv_cpu *cpu, uint32_t site);
/* A slow path's miss (and refill when refilled) at slot number site. */
void tr_probe_miss(struct rv_cpu *cpu, uint32_t site, uint64_t addr);
void tr_probe_refill(struct rv_cpu *cpu, uint32_t site);

#endif
