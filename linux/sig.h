/* Signals for the Linux loop (linux/run.c) and the syscalls that wait:
 * faults of the guest's own instructions, signals that arrive as host
 * signals (linux/sys_signal.c says how), and restarting interrupted calls. */
#ifndef SIG_H
#define SIG_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

struct rv_cpu;
struct rv_proc;
struct rv_thread;

/* Process start: take over ignored dispositions from the host (as exec
 * keeps them) and install the host handlers the defaults need. */
void sig_init(struct rv_proc *p);
/* A new host thread runs guest thread t: its host signals go to t. */
void sig_thread_start(struct rv_thread *t);
/* The host handler of every signal the guest may receive; main.c's fault
 * handler passes on the fault signals that were sent rather than raised. */
void sig_host_signal(int sig, siginfo_t *si, void *uc);
/* The host's handler of sig is rvdbt's (the profiler's timer signal), which
 * passes the guest's instances to sig_host_signal: the guest's dispositions
 * no longer change it. Before sig_init. */
void sig_host_own(int sig);
/* The host thread's mask (all 64 signals, 32 and 33 too): set, returning
 * the old one. */
uint64_t sig_host_mask_set(uint64_t mask);
/* Set the host thread's mask to mirror t's guest mask. */
void sig_host_mask_sync(struct rv_thread *t);
/* The host signal set for a guest mask (without rvdbt's fault signals). */
void sig_host_set(uint64_t guest_mask, sigset_t *set);

/* The instruction at cpu->pc raised sig (SIGSEGV, SIGBUS, SIGILL or SIGTRAP)
 * at fault address addr (the pc itself for SIGILL and SIGTRAP). If the guest
 * handles sig and does not block it, its frame is pushed and the registers
 * are set to run the handler next: true. Otherwise false: the signal takes
 * its default action, which for these ends the process, and the caller does
 * that (sys_die_by_signal) as Linux forces it even when blocked or ignored. */
bool sig_fault(struct rv_cpu *cpu, int sig, uint64_t addr);

/* Whether a pending signal is not blocked (sig_deliver_pending would act). */
bool sig_deliverable(struct rv_cpu *cpu);

/* Between two guest instructions: act on every pending signal the mask lets
 * through. A handled one gets its frame, on top of the previous one's, so
 * the handler set up last runs first, as on Linux. Cheap when none is. */
void sig_deliver_pending(struct rv_cpu *cpu);

/* A syscall that waits with a temporary signal mask (rt_sigsuspend, ppoll,
 * pselect6, epoll_pwait): wait_masked blocks every host signal, installs
 * mask as the guest's and gives the host mask to wait with; it returns
 * -EINTR if a signal is deliverable already (then do not wait). The host
 * call that waits must take host_mask atomically (ppoll, pselect,
 * epoll_pwait, sigsuspend). wait_done follows in every case. */
int sig_wait_masked(struct rv_cpu *cpu, uint64_t mask, sigset_t *host_mask);
void sig_wait_done(struct rv_cpu *cpu);

/* What a syscall that failed with EINTR does (Linux's -ERESTARTSYS logic):
 * run again at once (no handler is due: the signal was ignored or stopped
 * us), again after the handlers (all of them SA_RESTART), or fail. */
enum sig_eintr { SIG_EINTR_KEEP, SIG_EINTR_RESTART_NOW, SIG_EINTR_RESTART_AFTER };
enum sig_eintr sig_after_eintr(struct rv_cpu *cpu, uint64_t nr, const uint64_t *a);

#endif
