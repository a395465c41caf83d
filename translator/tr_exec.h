/* The generic execute loop: run a guest thread's translated code until
 * something the environment must handle (a syscall, a trap, a signal), with
 * the code cache shared by every thread of the process. The environment's
 * loop (linux/run.c, or bare mode's in tr_priv.c) calls tr_exec again. */
#ifndef TR_EXEC_H
#define TR_EXEC_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_cpu.h"

/* A thread joins (leaves) its process's code cache. attach also makes cpu
 * the host thread's current guest thread, for tr_host_fault. */
void tr_exec_attach(struct rv_cpu *cpu);
/* The guest thread attached to the calling host thread, or NULL
 * (async-signal-safe). */
struct rv_cpu *tr_exec_current(void);
void tr_exec_detach(struct rv_cpu *cpu);

/* Run from cpu->pc. Returns RV_EXIT_ECALL, RV_EXIT_EBREAK, RV_EXIT_ILLEGAL,
 * RV_EXIT_PRIV (cpu->pc is that instruction), RV_EXIT_FETCH or
 * RV_EXIT_INTERRUPT; handles chaining, jalr misses and fence.i itself. */
int tr_exec(struct rv_cpu *cpu);

/* After a siglongjmp out of translated code (a guest fault found by a slow
 * path or a host fault): the thread no longer runs translated code. */
void tr_exec_landed(struct rv_cpu *cpu);

/* After a syscall: carry out what it changed. A flush asked for by
 * riscv_flush_icache; after munmap, mprotect, mremap, brk or a replacing
 * mmap, no thread runs translated code with a slot or TLB entry that could
 * cover the change, and translations of code there are gone, when this
 * returns (the other threads are stopped meanwhile). */
void tr_exec_sync(struct rv_cpu *cpu);

/* A store by cpu (in translated code, from a slow path) into [lo, hi),
 * which holds translated code: drop those translations first. */
void tr_exec_invalidate(struct rv_cpu *cpu, uint64_t lo, uint64_t hi);

/* Ask cpu's thread to leave translated code within one block. */
static inline void tr_exec_kick(struct rv_cpu *cpu) { cpu->exit_req = 1; }

/* fork: begin stops every change of the cache (waiting out a flush) and
 * returns a copy of the code for the child (a descriptor, or -errno, and
 * then nothing is stopped); end, in both processes with that descriptor,
 * resumes in the parent and in the child (where only cpu's thread exists)
 * makes the copy the child's code cache: 0, or -errno and the child
 * cannot run. In the child, forget(o) is called for every other thread's
 * state first, to free it. */
int tr_exec_fork_begin(struct rv_cpu *cpu);
int tr_exec_fork_end(struct rv_cpu *cpu, int fd, bool child, void (*forget)(struct rv_cpu *));

/* Called by the host's SIGSEGV/SIGBUS handler with its ucontext: if the
 * fault is a guest access in translated code, it becomes the guest's fault
 * (does not return; the guest registers held in host registers are saved
 * from the context first). */
void tr_host_fault(int sig, uint64_t host_addr, void *ucontext);

/* The guest registers as translated code interrupted with ucontext had
 * them: those mapped to host registers from the context, those a local
 * held dirty at access a (if not NULL) from theirs, the rest from the
 * state block. x may be cpu->x (f then cpu->f). */
struct tr_access;
void tr_exec_host_regs(const struct rv_cpu *cpu, const void *ucontext, const struct tr_access *a,
                       uint64_t x[32], uint64_t f[32]);

#endif
