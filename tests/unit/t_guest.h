/* A guest thread as rvdbt makes one, for unit tests that drive syscalls:
 * it belongs to a code cache, and host signals reach it. */
#ifndef T_GUEST_H
#define T_GUEST_H

#include "linux/proc.h"
#include "linux/sig.h"
#include "linux/thread.h"
#include "tests/unit/t.h"
#include "translator/tr_cache.h"

static inline struct rv_thread *t_guest_thread(struct rv_proc *proc)
{
    static struct tr_cache cache;
    CHECK(tr_cache_init(&cache, 1u << 20, 1u << 20) == 0, "tr_cache_init");
    proc->cache = &cache;
    proc->tlb_size = 1;
    proc->n_threads = 1;
    struct rv_thread *t = thread_new(proc, 0);
    CHECK(t != NULL, "thread_new");
    if (!t)
        exit(1);
    sig_init(proc);
    sig_thread_start(t);
    return t;
}

#endif
