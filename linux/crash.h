/* rvdbt's own faults and internal errors: one report, like a tombstone
 * (what happened, the host pc and whether translated code was running, the
 * guest pc, block and registers, the thread's last syscalls, the version),
 * then exit status 70 and no core file unless --core asks for one. */
#ifndef CRASH_H
#define CRASH_H

#include "linux/proc.h"
#include "linux/thread.h"

#define RVDBT_VERSION "0.1"

/* --debug-crash: a crash rvdbt provokes in itself, to test the report. */
enum crash_debug {
    CRASH_NONE,
    CRASH_CODE,        /* a host fault in translated code at a guest pc (tr_cache's debug_crash_pc) */
    CRASH_SYSCALL,     /* a host fault in rvdbt's C code, at the guest's exit_group */
    CRASH_STACK,       /* the host stack overflows, at the guest's exit_group */
    CRASH_INTERNAL,    /* rv_internal_error, at the guest's exit_group */
};

/* Parse the argument of --debug-crash into p->opt and the code cache's
 * debug_crash_pc; -1 if it is none of code:PC, syscall, stack, internal. */
int crash_parse(struct rv_proc *p, const char *arg);

/* Take the host's synchronous signals: a guest access fault goes to the
 * translator, anything else is rvdbt's and reported. Once per process,
 * after the main thread's crash_thread_start. */
void crash_init(struct rv_proc *p);

/* The calling host thread's signal stack, so that a host stack overflow
 * is reported too; crash_thread_end frees it, on the same thread (own), or
 * for a thread that did not come along into a forked child. */
int crash_thread_start(struct rv_thread *t);
void crash_thread_end(struct rv_thread *t, bool own);

/* At the guest's exit_group: the crash --debug-crash asked for, if any. */
void crash_provoke(struct rv_cpu *c);

#endif
