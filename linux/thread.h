/* A guest thread: everything one guest thread owns. Each runs on a host
 * thread of its own, whose host tid is the guest tid, so thread-directed
 * host calls (tgkill, futex wakes, SIGEV_THREAD_ID) need no translation. */
#ifndef THREAD_H
#define THREAD_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "linux/guest_abi.h"
#include "translator/rv_cpu.h"

struct rv_proc;

#define THREAD_RECENT_SYS 8

struct rv_thread {
    struct rv_cpu *cpu;          /* guest registers, slots, TLB, return stack */
    int32_t tid;

    /* Signals (sys_signal.c). The host thread's signal mask mirrors
     * sigmask, so the host kernel itself picks the thread a process-wide
     * signal goes to and keeps blocked ones pending; the host handler only
     * records an unblocked arrival in `pending` and kicks the thread out of
     * translated code. */
    uint64_t sigmask;
    uint64_t pending;            /* atomic: set by the host handler */
    struct rv_siginfo pending_info[RV_NSIG + 1];
    struct rv_stack altstack;    /* size 0 when disabled */
    /* rt_sigsuspend, ppoll and friends ran with a temporary mask: the
     * frame of the handler they woke for saves saved_mask instead, and
     * without one it comes back at once (Linux's restore_sigmask). */
    bool restore_mask;
    uint64_t saved_mask;

    uint64_t clear_child_tid;    /* CLONE_CHILD_CLEARTID / set_tid_address */

    /* The last syscalls, for a crash report (linux/crash.c): recent[n_sys %
     * THREAD_RECENT_SYS] is the next one's, done false while it runs. */
    struct thread_sys {
        uint64_t nr, a[6];
        int64_t ret;
        bool done;
    } recent[THREAD_RECENT_SYS];
    uint64_t n_sys;
    bool counting;               /* atomic: between its two counts of a syscall (sys_counts_hold) */
    void *host_altstack;         /* the host signal stack a crash is reported on */
};

static inline struct rv_thread *thread_of(const struct rv_cpu *cpu)
{
    return (struct rv_thread *)cpu->thread;
}

/* A thread of proc with fresh state (registers zero, no signals pending,
 * the mask given), attached to its code cache; NULL if out of memory.
 * Called on the host thread that will run it. */
struct rv_thread *thread_new(struct rv_proc *proc, uint64_t sigmask);
void thread_free(struct rv_thread *t);
/* The state of a thread that did not come along into a forked child, freed
 * without the exit it never made (tr_exec_fork_end's forget). */
void thread_forget(struct rv_cpu *cpu);

/* Run the guest thread on this host thread until it exits (linux/run.c). */
_Noreturn void linux_run(struct rv_thread *t);

#endif
