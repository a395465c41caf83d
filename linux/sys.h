/* The Linux user ABI at the border: guest syscalls, dispatched from a table
 * (number, name, handler, argument kinds) that also drives -strace. */
#ifndef SYS_H
#define SYS_H

#include <stdint.h>
#include <stdio.h>

struct rv_cpu;

/* Carry out the syscall the guest asked for with ecall: number in a7,
 * arguments in a0..a5, result (or -errno) into a0. Returns normally, or does
 * not return when the guest process ends (exit_group, fatal signal). */
void sys_dispatch(struct rv_cpu *cpu);

/* Name of guest syscall nr, or NULL. */
const char *sys_name(uint64_t nr);

/* Numbers below this have a table entry (named or not). */
#define SYS_NR_MAX 464
/* How often the guest called unimplemented syscall nr (which got -ENOSYS);
 * any nr >= SYS_NR_MAX gives the count of all those numbers together. */
uint64_t sys_unimplemented_calls(uint64_t nr);
/* How often the guest called syscall nr, implemented or not (the same
 * grouping past the table). */
uint64_t sys_calls(uint64_t nr);
/* While held, no syscall is counted: each is counted in its thread
 * (cnt.syscalls) and by number (sys_calls) at once, so a report that reads
 * both between hold and release finds them agreeing. cpus: the live threads
 * (the code cache's list, under its lock). */
void sys_counts_hold(const struct rv_cpu *cpus);
void sys_counts_release(void);

/* The guest memory map as /proc/self/maps shows it, written to f. */
struct mmu;
void sys_write_maps(struct mmu *m, FILE *f);

/* rvdbt's own files that stay open while the guest runs (the -D log, the
 * perf map), opened and closed like fopen and fclose: their fd is kept out
 * of the guest's reach (sys_ownfd.c). */
FILE *sys_own_fopen(const char *path, const char *mode);
void sys_own_fclose(FILE *f);

/* End the guest as if killed by signal sig (default action): one line on
 * stderr naming the signal and guest pc, then the host dies of the same signal
 * without a core file, so a shell sees 128+sig. */
_Noreturn void sys_die_by_signal(struct rv_cpu *cpu, int sig, uint64_t pc, uint64_t addr);

#endif
