/* --profile: where time goes and which guest code is hot, keyed by guest pc
 * so that it survives code-cache flushes and retranslation.
 *
 * - Execution counts: every translated block bumps its counter each time
 *   its first instruction runs (translator/tr_probe.h), in the thread's own
 *   counter array; a thread that ends adds its array to the process's.
 * - Samples: a timer per thread on its CPU time (SIGPROF with a cookie, so
 *   a guest's own SIGPROF still reaches it) maps the interrupted host pc to
 *   its block, or to what the thread does outside translated code
 *   (translating, slow paths, syscalls, the dispatcher and helpers).
 * - Sites: each load, store, jalr and return site's misses, slot refills
 *   and (under --count-hits) hits; the regions the misses fell in.
 * - Instruction mix: executions times each block's static mix. */
#ifndef PROF_H
#define PROF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "translator/tr_probe.h"

struct rv_proc;
struct rv_cpu;
struct syms;
struct tr_block;

/* Instruction classes of the mix (howvec-like), from the table's extension
 * and format of each instruction. */
enum prof_class { PROF_ALU, PROF_LOAD, PROF_STORE, PROF_BRANCH, PROF_JUMP, PROF_MUL, PROF_ATOMIC, PROF_FP,
                  PROF_CSR, PROF_SYSTEM, PROF_CLASSES };
extern const char *const prof_class_name[PROF_CLASSES];
extern const char *const prof_where_name[TR_WHERE_KINDS];
extern const char *const prof_kind_name[TR_PROBE_KINDS];

#define PROF_REGIONS 4      /* distinct regions kept per site */

struct prof_region {
    uint64_t lo, hi;        /* the guest region a miss fell in */
    uint64_t misses;
    char name[64];          /* "[heap]", "[stack]", a file's path, or "" (anonymous) */
};

struct prof_site {
    uint64_t pc;
    enum tr_probe_kind kind;
    uint32_t insn;          /* the instruction's encoding */
    uint64_t hits, misses, refills;   /* hits only under --count-hits */
    struct prof_region regions[PROF_REGIONS];
    int n_regions;
};

struct prof_block {
    uint64_t pc;
    uint32_t guest_len, n_insns;
    uint64_t execs, samples;
    uint32_t translations;  /* times translated (flushes, invalidation) */
    const uint8_t *guest;   /* the guest code as last translated */
    const uint8_t *host;    /* the host code of the last translation */
    uint32_t host_len;
    uint64_t host_addr;     /* where that code ran */
    uint32_t mix[PROF_CLASSES];
    uint32_t compressed;    /* instructions of the block that are 16-bit */
};

/* A point of translation over time: blocks and guest instructions
 * translated so far, at seconds since the start. */
struct prof_tpoint {
    double t;
    uint64_t blocks, insns;
};

struct prof_report {
    uint64_t samples;           /* all samples taken */
    uint64_t code_samples;      /* of them, in translated code */
    uint64_t where[TR_WHERE_KINDS];
    double sample_seconds;      /* thread CPU time per sample */
    struct prof_block *blocks;  /* hottest first (samples, then executions) */
    size_t n_blocks;
    struct prof_site *sites;    /* most misses first */
    size_t n_sites;
    uint64_t mix[PROF_CLASSES]; /* executed guest instructions per class */
    uint64_t executed, compressed_executed;
    struct prof_tpoint *tpoints;
    size_t n_tpoints;
    bool exact_hits;
};

/* Set up profiling for the process before any guest code is translated:
 * fills the profiler's part of the translator hook. 0, or -1 with a message
 * on stderr. */
int prof_start(struct rv_proc *p, struct tr_probes *probes);
/* A block was translated (the hook's `translated`, called by stats/). */
void prof_translated(struct rv_cpu *cpu, const struct tr_block *b);
/* Sampling on the calling thread, which runs cpu (each guest thread, as it
 * starts and as it ends). */
void prof_thread_start(struct rv_cpu *cpu);
void prof_thread_exit(struct rv_cpu *cpu);

/* Everything counted so far, summed over threads. */
void prof_report(struct rv_proc *p, struct prof_report *r);
void prof_report_free(struct prof_report *r);

/* The report as text: the hottest blocks with their guest and host code
 * side by side, the hot sites, the instruction mix. */
void prof_write_text(FILE *f, struct rv_proc *p, struct syms *syms, const struct prof_report *r);

/* The same as one self-contained HTML page (no external scripts, styles or
 * fonts; charts as inline SVG): hit-rate bars per kind, the hot-block table
 * with both disassemblies side by side, the hot sites, the instruction
 * mix, translation over time, per-thread counters (from run). */
struct stats_run;
void prof_write_html(FILE *f, struct rv_proc *p, struct syms *syms, const struct prof_report *r,
                     const struct stats_run *run);

#endif
