/* The code cache: translated blocks in host memory that is never writable and
 * executable at once (one memfd mapped twice: a writable view the emitter
 * writes through and an executable view the host runs), and the lookup from
 * guest pc to translated block. Shared by all guest threads of a process. */
#ifndef TR_CACHE_H
#define TR_CACHE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "translator/rv_cpu.h"
#include "translator/tr_probe.h"

/* A chained exit into a block: the rel32 field patched to jump to it, and
 * the stub it jumped to before, restored when the block is invalidated. */
struct tr_chain_in {
    uint64_t field;          /* exec address of the rel32 */
    uint64_t stub;           /* exec address of its exit stub */
};

/* Where a memory access sits in a block: the host instruction that touches
 * guest memory, the guest instruction it belongs to, and which block-local
 * registers hold values x[] does not have yet there. */
/* Host registers r13-r15 hold a block's block-local guest registers (tr.h). */
#define TR_N_LOCAL 3
#define TR_N_FLOCAL 8    /* block-local F registers, in xmm8-xmm15 */
struct tr_access {
    uint32_t host_off;       /* from the block's host start */
    uint32_t guest_off;      /* from the block's guest pc */
    uint8_t dirty[TR_N_LOCAL]; /* guest register in tr_local_pool[k], 0 if clean */
    uint8_t fdirty[TR_N_FLOCAL]; /* 1 + the F register in xmm8 + k, 0 if clean */
};

struct tr_block {
    uint64_t pc;             /* guest address of the first instruction */
    uint64_t host;           /* executable address of the translation */
    uint64_t host_fwd;       /* the same after its exit_req check: forward chained exits enter here */
    uint32_t guest_len;      /* bytes of guest code covered */
    uint32_t host_len;
    uint32_t n_insns;
    struct tr_block *next;   /* hash chain */
    bool valid;              /* false once invalidated (its code stays until a flush) */
    uint32_t n_in, cap_in;
    struct tr_chain_in *in;  /* chained exits that jump here */
    uint32_t n_access;
    struct tr_access *access; /* in host order, to map a host fault to its guest pc */
    uint32_t probe;          /* the profiler's counter record (tr_probe.h), or TR_PROBE_NONE */
};

struct tr_cache {
    uint8_t *rw, *rx;        /* the two views of the same memory */
    /* The views are size bytes: the trampolines, then windows of `window`
     * bytes (the cache's size as asked for), one in use at a time, from
     * `base`. A flush empties the window and moves to the next one, whose
     * addresses no translation has had (a perf map's lines stay true), or
     * back to the first when there is none (wraps counts those). */
    size_t size, used, window, base;
    uint64_t wraps;
    uintptr_t exec_delta;    /* rx - rw */
    struct tr_block **hash;  /* TR_HASH_SIZE chains */
    struct tr_block *blocks; /* pool; reset by a flush */
    size_t n_blocks, max_blocks;
    uint64_t enter;          /* int enter(struct rv_cpu *cpu, uint64_t host_code) */
    uint64_t leave;          /* jump here with eax = enum rv_exit to return from enter */
    uint64_t jtable_stub;    /* jalr table entries of untranslated targets point here */
    /* Called by load/store stubs with the guest address in rax, the site
     * word in edx and the guest pc in rcx: store the mapped registers, call
     * tlb_load_slow/tlb_store_slow, load them again, return the host
     * address in rax. One copy instead of the spill code in every stub. */
    uint64_t load_slow, store_slow;
    /* Per 64 KiB window of guest code, one entry per 2-byte slot: the host
     * code of the block starting there minus jtable_stub, so that the zero
     * of a page never written means "not translated" and a table costs
     * only the pages its entries touch. */
    int64_t **jtab;
    uint32_t n_jtabs;        /* tables allocated since the last flush */
    size_t stubs_end;        /* the fixed code above ends here; flushes keep it */
    uint32_t n_sites;        /* slot entries handed out */
    uint64_t flushes;
    uint64_t host_bytes;     /* emitted over the whole run */
    bool no_chain;           /* --no-chain: every block exit returns to the dispatcher */
    uint64_t debug_crash_pc; /* --debug-crash=code:PC (0: none): a host fault where that instruction's code starts */
    bool fma;                /* fused multiply-adds run as FMA3: the host has it (and no --no-fma) */
    /* The profiler's hook (tr_probe.h), NULL functions when none, and the
     * counter record of each site number (TR_PROBE_NONE if none), for the
     * slow paths; allocated with the first probe. */
    struct tr_probes probes;
    uint32_t *site_probe;
    uint64_t exec_call;      /* the trampoline calling probes.exec, 0 if none */
    /* Host address - guest address for every guest byte when that is one
     * constant a disp32 holds (Linux mode, guest space reserved low): the
     * load/store fast path then addresses [base + disp] and reads no
     * addend. 0 otherwise (bare mode, or a reservation placed high). */
    int32_t guest_disp;

    /* Threads (tr_exec.c). lock serialises every change of the cache
     * (translation, chaining, jalr tables, invalidation) and the list of
     * threads; a flush additionally stops every thread in translated code
     * first (exclusive), since it frees code they may be running. */
    pthread_mutex_t lock;
    pthread_cond_t cond;     /* signalled when n_running drops or exclusive ends */
    struct rv_cpu *cpus;     /* every thread of the process, via next_cpu */
    uint32_t n_running;      /* threads in translated code */
    bool exclusive;          /* a thread waits for (or holds) the world stopped */
};

#define TR_JTAB_BITS 16      /* a jalr slot covers one window of 2^16 bytes of guest code */
#define TR_JTAB_MAX 256      /* tables alive at once: 64 MiB of address space at most */
#define TR_JTAB_BYTES ((size_t)8 << (TR_JTAB_BITS - 1))   /* one table: 256 KiB reserved */

#define TR_HASH_SIZE (1u << 16)
#define TR_DEFAULT_CACHE_SIZE (64u << 20)

static inline uint32_t tr_cache_hash(uint64_t pc)
{
    return (uint32_t)((pc >> 1) ^ (pc >> 17)) & (TR_HASH_SIZE - 1);
}

/* A cache of `size` bytes of code; span > size reserves that many bytes of
 * addresses for its windows (at most TR_MAX_SPAN: every block must reach
 * the trampolines with a rel32). */
#define TR_MAX_SPAN (1ull << 30)
int tr_cache_init(struct tr_cache *c, size_t size, size_t span);
void tr_cache_destroy(struct tr_cache *c);
/* fork: a copy of the code memory as it is (a memfd, or -errno), and, in
 * the child, that copy put in place of the shared one (0 or -errno; the fd
 * is closed). */
int tr_cache_snapshot(const struct tr_cache *c);
int tr_cache_adopt(struct tr_cache *c, int fd);
struct tr_block *tr_cache_lookup(const struct tr_cache *c, uint64_t pc);
/* Forget every translation (and every thread's slots and return stack,
 * since site numbers and code are reused). Only while no other thread runs
 * translated code: tr_exec.c's callers stop them first. */
void tr_cache_flush(struct tr_cache *c);

static inline int tr_enter(const struct tr_cache *c, struct rv_cpu *cpu, uint64_t host)
{
    return ((int (*)(struct rv_cpu *, uint64_t))c->enter)(cpu, host);
}

/* Chaining and jalr tables (tr_chain.c). */
/* field: the exit's rel32, with bit 0 set if it jumps backward. */
void tr_chain_patch(struct tr_cache *c, uint64_t field, struct tr_block *to);
/* Fill jalr slot `site` of cpu for the window holding pc, whose block is b. */
void tr_jtab_fill(struct tr_cache *c, struct rv_cpu *cpu, uint32_t site, struct tr_block *b);
/* Record b in the jalr table of its window, if that window has one. */
void tr_jtab_set(struct tr_cache *c, struct tr_block *b);
/* Drop the translations overlapping [start, end): unchain them, clear their
 * jalr table entries, remove them from the lookup. */
void tr_cache_invalidate(struct tr_cache *c, struct rv_cpu *cpu, uint64_t start, uint64_t end);

/* The memory access at host pc `rip` in translated code and its guest pc,
 * if there is one (a host fault there is the guest's: a file mapping read
 * past its end raises SIGBUS in the host). */
const struct tr_access *tr_cache_access_at(const struct tr_cache *c, uint64_t rip, uint64_t *guest_pc);
/* A trampoline after the others that calls fn(cpu, rax) with the mapped
 * registers in the state block, as the slow paths' do; for a cache that
 * has no translations yet. Returns its executable address. */
uint64_t tr_cache_add_call(struct tr_cache *c, const void *fn);
/* The block whose code holds host address rip, or NULL. */
const struct tr_block *tr_cache_block_at(const struct tr_cache *c, uint64_t rip);

/* Translate the block at pc (tr_block.c), c->lock held. Returns NULL when
 * the first instruction cannot be fetched (cpu->fault_addr says where), or
 * with *full set when the cache must be flushed first. */
struct tr_block *tr_translate(struct tr_cache *c, struct rv_cpu *cpu, uint64_t pc, bool *full);

#endif
