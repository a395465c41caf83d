/* --stats output: misses are always exact; hits only under --count-hits. */
#include <time.h>
#include "linux/proc.h"
#include "linux/stats.h"
#include "linux/sys.h"
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

/* a += b, counter by counter (struct rv_counters is all uint64_t). */
static void add_counters(struct rv_counters *a, const struct rv_counters *b)
{
    uint64_t *x = (uint64_t *)a;
    const uint64_t *y = (const uint64_t *)b;
    for (size_t i = 0; i < sizeof *a / sizeof *x; i++)
        x[i] += y[i];
}

void stats_thread_exit(struct rv_proc *p, const struct rv_counters *cnt)
{
    pthread_mutex_lock(&p->sig_lock);
    add_counters(&p->exited, cnt);
    pthread_mutex_unlock(&p->sig_lock);
}

/* The run's wall time counts from rvdbt's start, before the guest loads. */
static struct timespec started;
__attribute__((constructor)) static void note_start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &started);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) * 1e-9;
}

void stats_print(FILE *f, struct rv_proc *p)
{
    /* The totals over every thread: those gone, and those still running
     * (read as they are; the process is about to end). */
    struct rv_counters sum = p->exited;
    struct tr_cache *c = p->cache;
    pthread_mutex_lock(&c->lock);
    for (const struct rv_cpu *o = c->cpus; o; o = o->next_cpu)
        add_counters(&sum, &o->cnt);
    pthread_mutex_unlock(&c->lock);
    const struct rv_counters *n = &sum;
    bool exact = p->opt.count_hits;
    fprintf(f, "rvdbt stats:\n");
    fprintf(f, "  translation: %llu blocks, %llu guest instructions, %llu host bytes (%.2f bytes/insn)\n",
            (unsigned long long)n->blocks_translated, (unsigned long long)n->guest_insns_translated,
            (unsigned long long)c->host_bytes,
            n->guest_insns_translated ? (double)c->host_bytes / (double)n->guest_insns_translated : 0.0);
    fprintf(f, "  time:        %.3f s translating, %.3f s in all\n",
            (double)n->translate_ns * 1e-9, seconds_since(&started));
    fprintf(f, "  dispatch:    %llu block lookups, %llu found translated (%.2f%%)\n",
            (unsigned long long)n->lookups, (unsigned long long)n->lookup_hits,
            n->lookups ? 100.0 * (double)n->lookup_hits / (double)n->lookups : 0.0);
    fprintf(f, "  code cache:  %zu of %zu bytes used, %llu flushes\n", c->used, c->size,
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
}
