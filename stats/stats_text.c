/* --stats: the readable summary. Misses are always exact; hits only under
 * --count-hits. */
#include "linux/proc.h"
#include "linux/sys.h"
#include "stats/stats.h"
#include "translator/tr_cache.h"

static void rate(FILE *f, const char *kind, uint64_t hits, uint64_t misses, bool exact)
{
    if (exact) {
        uint64_t total = hits + misses;
        fprintf(f, "  %-8s %12llu hits %10llu misses  %6.2f%% hit rate\n", kind,
                (unsigned long long)hits, (unsigned long long)misses,
                total ? 100.0 * (double)hits / (double)total : 0.0);
    } else {
        fprintf(f, "  %-8s %12s hits %10llu misses  (hits counted with --count-hits)\n", kind, "-",
                (unsigned long long)misses);
    }
}

/* Every unimplemented syscall the guest made (it got -ENOSYS): number, name,
 * calls; numbers past the table together on one line. */
static void print_unimplemented(FILE *f)
{
    bool any = false;
    for (uint64_t nr = 0; nr <= SYS_NR_MAX; nr++) {
        uint64_t calls = sys_unimplemented_calls(nr);
        if (!calls)
            continue;
        if (!any)
            fprintf(f, "  unimplemented syscalls (the guest got ENOSYS):\n");
        any = true;
        const char *name = nr < SYS_NR_MAX ? sys_name(nr) : NULL;
        if (nr == SYS_NR_MAX)
            fprintf(f, "    >=%-4llu %-24s %10llu calls\n", (unsigned long long)nr, "(unknown)",
                    (unsigned long long)calls);
        else
            fprintf(f, "    %-6llu %-24s %10llu calls\n", (unsigned long long)nr,
                    name ? name : "(unknown)", (unsigned long long)calls);
    }
}

void stats_write_text(FILE *f, struct rv_proc *p, const struct stats_run *r)
{
    const struct tr_cache *c = p->cache;
    const struct rv_counters *n = &r->total;
    bool exact = p->opt.count_hits;
    fprintf(f, "rvdbt stats:\n");
    fprintf(f, "  translation: %llu blocks, %llu guest instructions, %llu host bytes (%.2f bytes/insn)\n",
            (unsigned long long)n->blocks_translated, (unsigned long long)n->guest_insns_translated,
            (unsigned long long)c->host_bytes,
            n->guest_insns_translated ? (double)c->host_bytes / (double)n->guest_insns_translated : 0.0);
    fprintf(f, "  time:        %.3f s translating, %.3f s in all\n",
            (double)n->translate_ns * 1e-9, r->wall_seconds);
    fprintf(f, "  dispatch:    %llu block lookups, %llu found translated (%.2f%%)\n",
            (unsigned long long)n->lookups, (unsigned long long)n->lookup_hits,
            n->lookups ? 100.0 * (double)n->lookup_hits / (double)n->lookups : 0.0);
    fprintf(f, "  code cache:  %zu of %zu bytes used, %llu flushes\n", c->used - c->base, c->window,
            (unsigned long long)c->flushes);
    fprintf(f, "  inline caches:\n");
    rate(f, "load", n->ic_load_hits, n->ic_load_misses, exact);
    rate(f, "store", n->ic_store_hits, n->ic_store_misses, exact);
    rate(f, "jalr", n->ic_jalr_hits, n->ic_jalr_misses, exact);
    rate(f, "return", n->ic_ret_hits, n->ic_ret_misses, exact);
    fprintf(f, "  software TLB (behind the slots): %llu hits, %llu misses\n",
            (unsigned long long)n->tlb_hits, (unsigned long long)n->tlb_misses);
    fprintf(f, "  chaining:    %llu exits patched to jump block to block, %llu translations invalidated\n",
            (unsigned long long)n->chain_patches, (unsigned long long)n->invalidations);
    fprintf(f, "  syscalls:    %llu\n", (unsigned long long)n->syscalls);
    print_unimplemented(f);
    fprintf(f, "  signals:     %llu handlers run\n", (unsigned long long)n->signals);
    fprintf(f, "  threads:     %zu\n", r->n_threads);
    if (r->end == RV_END_SIGNAL)
        fprintf(f, "  ended:       killed by signal %d\n", r->status);
    else if (r->end == RV_END_TIMEOUT)
        fprintf(f, "  ended:       stopped by --timeout\n");
}
