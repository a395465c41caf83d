/* Signal delivery to guest handlers, for the dispatcher (translator/tr_run.c):
 * faults of the guest's own instructions, and signals the guest sent itself,
 * which wait until the syscall that sent them has returned. Signals from
 * other processes and timers are not delivered to handlers yet. */
#ifndef SIG_H
#define SIG_H

#include <stdbool.h>
#include <stdint.h>

struct rv_cpu;

/* The instruction at cpu->pc raised sig (SIGSEGV, SIGBUS, SIGILL or SIGTRAP)
 * at fault address addr (the pc itself for SIGILL and SIGTRAP). If the guest
 * handles sig and does not block it, its frame is pushed and the registers
 * are set to run the handler next: true. Otherwise false: the signal takes
 * its default action, which for these ends the process, and the caller does
 * that (sys_die_by_signal) as Linux forces it even when blocked or ignored. */
bool sig_fault(struct rv_cpu *cpu, int sig, uint64_t addr);

/* Between two guest instructions: act on every pending signal the mask lets
 * through. A handled one gets its frame, on top of the previous one's, so
 * the handler set up last runs first, as on Linux. Cheap when none is. */
void sig_deliver_pending(struct rv_cpu *cpu);

#endif
