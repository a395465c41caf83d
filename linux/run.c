/* Linux user mode's loop around the generic execute loop: syscalls, guest
 * faults and signals, for one guest thread on its host thread. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "linux/crash.h"
#include "linux/proc.h"
#include "linux/sig.h"
#include "linux/sys.h"
#include "linux/thread.h"
#include "translator/tr_exec.h"

struct rv_thread *thread_new(struct rv_proc *proc, uint64_t sigmask)
{
    struct rv_thread *t = calloc(1, sizeof *t);
    struct rv_cpu *cpu = t ? rv_cpu_new(proc) : NULL;
    if (!cpu) {
        free(t);
        return NULL;
    }
    t->cpu = cpu;
    cpu->thread = t;
    cpu->tlb_mask = proc->tlb_size - 1;
    t->tid = (int32_t)gettid();
    cpu->tid = (uint64_t)t->tid;
    t->sigmask = sigmask;
    t->altstack.ss_flags = RV_SS_DISABLE;
    if (crash_thread_start(t) != 0) {
        rv_cpu_free(cpu);
        free(t);
        return NULL;
    }
    tr_exec_attach(cpu);
    if (proc->report.thread_start)
        proc->report.thread_start(proc, cpu);
    return t;
}

void thread_free(struct rv_thread *t)
{
    tr_exec_detach(t->cpu);
    struct rv_proc *p = t->cpu->proc;
    if (p->report.thread_exit)
        p->report.thread_exit(p, t->cpu);
    rv_cpu_free(t->cpu);
    crash_thread_end(t, true);
    free(t);
}

void thread_forget(struct rv_cpu *cpu)
{
    struct rv_thread *t = thread_of(cpu);
    crash_thread_end(t, false);
    rv_cpu_free(cpu);
    free(t);
}

_Noreturn void linux_run(struct rv_thread *t)
{
    struct rv_cpu *cpu = t->cpu;
    /* The mask is not saved: the landing sets the host mask from the guest
     * thread's own, which may have changed since. */
    int sig = sigsetjmp(cpu->fault_jmp, 0);
    if (sig) {
        tr_exec_landed(cpu);
        sig_host_mask_sync(t);
        if (!sig_fault(cpu, sig, cpu->fault_addr))
            sys_die_by_signal(cpu, sig, cpu->pc, cpu->fault_addr);
    }
    sig_host_mask_sync(t);
    for (;;) {
        switch (tr_exec(cpu)) {
        case RV_EXIT_ECALL:
            /* pc moves past the ecall first, so a syscall that sets the pc
             * (rt_sigreturn) simply overwrites it. */
            cpu->pc += 4;
            sys_dispatch(cpu);
            tr_exec_sync(cpu);
            break;
        case RV_EXIT_FETCH: {
            int fsig = cpu->fault_bus_adrerr ? SIGBUS : SIGSEGV;   /* a file page past its end */
            if (!sig_fault(cpu, fsig, cpu->fault_addr))
                sys_die_by_signal(cpu, fsig, cpu->pc, cpu->fault_addr);
            break;
        }
        case RV_EXIT_EBREAK:
            if (!sig_fault(cpu, SIGTRAP, cpu->pc))
                sys_die_by_signal(cpu, SIGTRAP, cpu->pc, 0);
            break;
        case RV_EXIT_ILLEGAL:
            if (cpu->proc->opt.log_mask & RV_LOG_UNIMP)
                fprintf(cpu->proc->opt.log, "unimplemented instruction 0x%0*x at pc 0x%llx\n",
                        (cpu->fault_insn & 3) == 3 ? 8 : 4, cpu->fault_insn, (unsigned long long)cpu->pc);
            if (sig_fault(cpu, SIGILL, cpu->pc))
                break;
            fprintf(stderr, "rvdbt: illegal instruction 0x%0*x at pc 0x%llx\n",
                    (cpu->fault_insn & 3) == 3 ? 8 : 4, cpu->fault_insn, (unsigned long long)cpu->pc);
            sys_die_by_signal(cpu, SIGILL, cpu->pc, 0);
        default:    /* RV_EXIT_INTERRUPT */
            break;
        }
        sig_deliver_pending(cpu);
    }
}
