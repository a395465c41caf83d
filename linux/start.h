/* Process start-up: what Linux's execve does for a new program, done for the
 * guest before its first instruction runs. */
#ifndef START_H
#define START_H

#include <stddef.h>

struct rv_proc;
struct rv_cpu;

/* rvdbt's exit statuses of its own (the guest's are passed through). */
enum { EXIT_LOAD = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 70, EXIT_TIMEOUT = 124 };

/* Where Debian's libc6-riscv64-cross installs the riscv64 libraries: the
 * prefix rvdbt uses when none is given and the host root has no riscv64
 * dynamic loader. */
#define START_CROSS_ROOT "/usr/riscv64-linux-gnu"

/* Reserve the guest address space, check and load the program at path (and
 * its interpreter, looked up under p->opt.prefix), build the stack with argv
 * (NULL-terminated; argv[0] as the guest sees it) and envp, and set up cpu
 * to run the first instruction. With p->opt.bare, load a bare-metal image
 * instead. A program with an interpreter and no p->opt.prefix may set it to
 * START_CROSS_ROOT. Returns 0, or an exit status with one line in err
 * (without "rvdbt: " or a newline). */
int linux_start(struct rv_proc *p, struct rv_cpu *cpu, const char *path, char **argv,
                char **envp, char *err, size_t errlen);

#endif
