/* Internal to the sys_*.c files: the syscall list, the handler type and the
 * helpers shared across the families. */
#ifndef SYS_IMPL_H
#define SYS_IMPL_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "linux/guest_abi.h"
#include "linux/proc.h"
#include "linux/sys.h"
#include "mmu/mmu.h"
#include "translator/rv_cpu.h"

/* How -strace shows an argument. A_NONE ends the list. */
enum sys_arg {
    A_NONE, A_INT, A_LONG, A_SIZE, A_HEX, A_OCT, A_PTR, A_FD, A_DIRFD,
    A_STR,      /* NUL-terminated guest string, quoted */
    A_BUF,      /* guest bytes, quoted; the length is the next argument */
    A_SIG,      /* signal number, by name */
};
/* How -strace shows the result. R_NORET: the call does not come back, so its
 * line is printed before it runs. */
enum sys_ret { R_INT, R_HEX, R_NORET };

/* A handler gets the six argument registers a0..a5 and returns the value for
 * a0: the result, or -errno with the guest's errno numbers. */
typedef int64_t sys_fn(struct rv_cpu *c, const uint64_t *a);

struct sys_entry {
    const char *name;
    sys_fn *fn;             /* NULL: known but not implemented (-ENOSYS) */
    uint8_t ret;            /* enum sys_ret */
    uint8_t arg[6];         /* enum sys_arg */
};

/* Every implemented syscall: riscv64 (asm-generic/unistd.h) number, name
 * (handler sys_<name>), result kind, argument kinds. The table, -strace and
 * the handler declarations are all generated from this one list. */
#define SYS_LIST(X) \
    X(17,  getcwd,          R_INT, A_PTR, A_SIZE) \
    X(23,  dup,             R_INT, A_FD) \
    X(24,  dup3,            R_INT, A_FD, A_FD, A_HEX) \
    X(25,  fcntl,           R_INT, A_FD, A_INT, A_HEX) \
    X(29,  ioctl,           R_INT, A_FD, A_HEX, A_HEX) \
    X(32,  flock,           R_INT, A_FD, A_INT) \
    X(34,  mkdirat,         R_INT, A_DIRFD, A_STR, A_OCT) \
    X(35,  unlinkat,        R_INT, A_DIRFD, A_STR, A_HEX) \
    X(36,  symlinkat,       R_INT, A_STR, A_DIRFD, A_STR) \
    X(37,  linkat,          R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_HEX) \
    X(43,  statfs,          R_INT, A_STR, A_PTR) \
    X(44,  fstatfs,         R_INT, A_FD, A_PTR) \
    X(45,  truncate,        R_INT, A_STR, A_LONG) \
    X(46,  ftruncate,       R_INT, A_FD, A_LONG) \
    X(48,  faccessat,       R_INT, A_DIRFD, A_STR, A_OCT) \
    X(49,  chdir,           R_INT, A_STR) \
    X(50,  fchdir,          R_INT, A_FD) \
    X(52,  fchmod,          R_INT, A_FD, A_OCT) \
    X(53,  fchmodat,        R_INT, A_DIRFD, A_STR, A_OCT) \
    X(54,  fchownat,        R_INT, A_DIRFD, A_STR, A_INT, A_INT, A_HEX) \
    X(55,  fchown,          R_INT, A_FD, A_INT, A_INT) \
    X(56,  openat,          R_INT, A_DIRFD, A_STR, A_HEX, A_OCT) \
    X(57,  close,           R_INT, A_FD) \
    X(59,  pipe2,           R_INT, A_PTR, A_HEX) \
    X(61,  getdents64,      R_INT, A_FD, A_PTR, A_SIZE) \
    X(62,  lseek,           R_INT, A_FD, A_LONG, A_INT) \
    X(63,  read,            R_INT, A_FD, A_PTR, A_SIZE) \
    X(64,  write,           R_INT, A_FD, A_BUF, A_SIZE) \
    X(65,  readv,           R_INT, A_FD, A_PTR, A_INT) \
    X(66,  writev,          R_INT, A_FD, A_PTR, A_INT) \
    X(67,  pread64,         R_INT, A_FD, A_PTR, A_SIZE, A_LONG) \
    X(68,  pwrite64,        R_INT, A_FD, A_BUF, A_SIZE, A_LONG) \
    X(69,  preadv,          R_INT, A_FD, A_PTR, A_INT, A_LONG) \
    X(70,  pwritev,         R_INT, A_FD, A_PTR, A_INT, A_LONG) \
    X(71,  sendfile,        R_INT, A_FD, A_FD, A_PTR, A_SIZE) \
    X(72,  pselect6,        R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR) \
    X(73,  ppoll,           R_INT, A_PTR, A_INT, A_PTR, A_PTR, A_SIZE) \
    X(78,  readlinkat,      R_INT, A_DIRFD, A_STR, A_PTR, A_SIZE) \
    X(79,  newfstatat,      R_INT, A_DIRFD, A_STR, A_PTR, A_HEX) \
    X(80,  fstat,           R_INT, A_FD, A_PTR) \
    X(82,  fsync,           R_INT, A_FD) \
    X(83,  fdatasync,       R_INT, A_FD) \
    X(88,  utimensat,       R_INT, A_DIRFD, A_STR, A_PTR, A_HEX) \
    X(93,  exit,            R_NORET, A_INT) \
    X(95,  waitid,          R_INT, A_INT, A_INT, A_PTR, A_HEX, A_PTR) \
    X(94,  exit_group,      R_NORET, A_INT) \
    X(96,  set_tid_address, R_INT, A_PTR) \
    X(98,  futex,           R_INT, A_PTR, A_INT, A_INT, A_PTR, A_PTR, A_INT) \
    X(99,  set_robust_list, R_INT, A_PTR, A_SIZE) \
    X(101, nanosleep,       R_INT, A_PTR, A_PTR) \
    X(113, clock_gettime,   R_INT, A_INT, A_PTR) \
    X(114, clock_getres,    R_INT, A_INT, A_PTR) \
    X(115, clock_nanosleep, R_INT, A_INT, A_INT, A_PTR, A_PTR) \
    X(123, sched_getaffinity, R_INT, A_INT, A_SIZE, A_PTR) \
    X(124, sched_yield,     R_INT, A_NONE) \
    X(129, kill,            R_INT, A_INT, A_SIG) \
    X(130, tkill,           R_INT, A_INT, A_SIG) \
    X(131, tgkill,          R_INT, A_INT, A_INT, A_SIG) \
    X(132, sigaltstack,     R_INT, A_PTR, A_PTR) \
    X(133, rt_sigsuspend,   R_INT, A_PTR, A_SIZE) \
    X(134, rt_sigaction,    R_INT, A_SIG, A_PTR, A_PTR, A_SIZE) \
    X(135, rt_sigprocmask,  R_INT, A_INT, A_PTR, A_PTR, A_SIZE) \
    X(136, rt_sigpending,   R_INT, A_PTR, A_SIZE) \
    X(137, rt_sigtimedwait, R_INT, A_PTR, A_PTR, A_PTR, A_SIZE) \
    X(139, rt_sigreturn,    R_INT, A_NONE) \
    X(153, times,           R_INT, A_PTR) \
    X(154, setpgid,         R_INT, A_INT, A_INT) \
    X(155, getpgid,         R_INT, A_INT) \
    X(156, getsid,          R_INT, A_INT) \
    X(157, setsid,          R_INT, A_NONE) \
    X(160, uname,           R_INT, A_PTR) \
    X(163, getrlimit,       R_INT, A_INT, A_PTR) \
    X(164, setrlimit,       R_INT, A_INT, A_PTR) \
    X(165, getrusage,       R_INT, A_INT, A_PTR) \
    X(166, umask,           R_INT, A_OCT) \
    X(169, gettimeofday,    R_INT, A_PTR, A_PTR) \
    X(172, getpid,          R_INT, A_NONE) \
    X(173, getppid,         R_INT, A_NONE) \
    X(174, getuid,          R_INT, A_NONE) \
    X(175, geteuid,         R_INT, A_NONE) \
    X(176, getgid,          R_INT, A_NONE) \
    X(177, getegid,         R_INT, A_NONE) \
    X(178, gettid,          R_INT, A_NONE) \
    X(179, sysinfo,         R_INT, A_PTR) \
    X(214, brk,             R_HEX, A_HEX) \
    X(215, munmap,          R_INT, A_HEX, A_SIZE) \
    X(216, mremap,          R_HEX, A_HEX, A_SIZE, A_SIZE, A_HEX, A_HEX) \
    X(220, clone,           R_INT, A_HEX, A_HEX, A_PTR, A_HEX, A_PTR) \
    X(221, execve,          R_INT, A_STR, A_PTR, A_PTR) \
    X(222, mmap,            R_HEX, A_HEX, A_SIZE, A_HEX, A_HEX, A_FD, A_LONG) \
    X(226, mprotect,        R_INT, A_HEX, A_SIZE, A_HEX) \
    X(227, msync,           R_INT, A_HEX, A_SIZE, A_HEX) \
    X(233, madvise,         R_INT, A_HEX, A_SIZE, A_INT) \
    X(259, riscv_flush_icache, R_INT, A_HEX, A_HEX, A_HEX) \
    X(260, wait4,           R_INT, A_INT, A_PTR, A_HEX, A_PTR) \
    X(261, prlimit64,       R_INT, A_INT, A_INT, A_PTR, A_PTR) \
    X(276, renameat2,       R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_HEX) \
    X(278, getrandom,       R_INT, A_PTR, A_SIZE, A_HEX) \
    X(283, membarrier,      R_INT, A_INT, A_HEX, A_INT) \
    X(285, copy_file_range, R_INT, A_FD, A_PTR, A_FD, A_PTR, A_SIZE, A_HEX) \
    X(291, statx,           R_INT, A_DIRFD, A_STR, A_HEX, A_HEX, A_PTR) \
    X(293, rseq,            R_INT, A_PTR, A_INT, A_HEX, A_HEX) \
    X(439, faccessat2,      R_INT, A_DIRFD, A_STR, A_OCT, A_HEX)

#define SYS_DECLARE(nr, name, ...) sys_fn sys_##name;
SYS_LIST(SYS_DECLARE)
#undef SYS_DECLARE

static inline struct mmu *sys_mmu(struct rv_cpu *c) { return &c->proc->mmu; }

/* A host syscall that may block, for handlers (linux/safe_syscall.S): a
 * guest signal that arrives just before it blocks still interrupts it.
 * Returns the kernel's result (value or -errno), -EINTR for a signal; the
 * dispatcher restarts it or not as Linux would (sig_after_eintr). */
long sys_safe_syscall(const volatile uint32_t *exit_req, long nr, long a1, long a2, long a3,
                      long a4, long a5, long a6);
#define SYS_SAFE(c, nr, a1, a2, a3, a4, a5, a6) \
    sys_safe_syscall(&(c)->exit_req, (nr), (long)(a1), (long)(a2), (long)(a3), \
                     (long)(a4), (long)(a5), (long)(a6))

/* Guest struct rusage at addr: 0 or -EFAULT. */
struct rusage;
int sys_put_rusage(struct rv_cpu *c, uint64_t addr, const struct rusage *r);

/* The guest result of a host call that returns -1 and sets errno. Guest and
 * host errno numbers agree (both asm-generic/errno*.h, checked in sys_table.c). */
static inline int64_t sys_ret(int64_t r) { return r < 0 ? -(int64_t)errno : r; }

/* The guest string at g, in place: NUL-terminated within PATH_MAX. 0 or
 * -EFAULT/-ENAMETOOLONG. */
int sys_str(struct rv_cpu *c, uint64_t g, const char **s);

/* The host path for the guest path at g (sys_path.c): the guest program's own
 * path for /proc/self/exe; for an absolute path that exists under the prefix
 * (opt.prefix), that one (valid until this thread's next-but-one call);
 * else the guest string in place. 0 or -EFAULT/-ENAMETOOLONG. */
int sys_path(struct rv_cpu *c, uint64_t g, const char **path);
/* The same for a path rvdbt holds itself (a script's interpreter). */
const char *sys_path_host(struct rv_cpu *c, const char *path);

/* The /proc files rvdbt makes up because the host's would describe rvdbt:
 * for such a path (the guest's /proc/self/cmdline and /proc/self/maps), true,
 * with *fd the new descriptor or -errno; else false and the host opens the
 * path. */
bool sys_proc_open(struct rv_cpu *c, const char *path, int flags, int64_t *fd);

/* Guest timespec in and out. 0 or -EFAULT; a bad tv_nsec is left to the host. */
struct timespec;
int sys_get_timespec(struct rv_cpu *c, uint64_t g, struct timespec *ts);
int sys_put_timespec(struct rv_cpu *c, uint64_t g, const struct timespec *ts);

/* Name of guest signal sig ("SIGSEGV", "SIGRT3"), or NULL. */
const char *sys_signame(int sig);

/* The signal frame (sig_frame.c). */
struct rv_proc;
/* Map the page every handler returns to (proc->sigreturn_pc), unless it is
 * mapped already: 0 or -errno. */
int sig_frame_trampoline(struct rv_proc *p);
/* Write a frame 16-aligned below sp: info, and as the ucontext mask, uc_stack
 * and the registers; then set the registers to run handler with it (pc, ra =
 * the trampoline, sp = the frame, a0 = signal, a1 = &info, a2 = &ucontext).
 * false, registers untouched, if the frame cannot be written there. */
bool sig_frame_push(struct rv_cpu *c, uint64_t sp, uint64_t handler, const struct rv_siginfo *info,
                    uint64_t mask, const struct rv_stack *uc_stack);
/* Take every register, the FP state and the pc back from the frame at the
 * guest sp, and give its mask and uc_stack; false if it cannot be read. */
bool sig_frame_pop(struct rv_cpu *c, uint64_t *mask, struct rv_stack *uc_stack);

/* The -strace line for a syscall: the call part alone (done false, for calls
 * that do not return) or the whole line with the result. */
void sys_strace(struct rv_cpu *c, uint64_t nr, const struct sys_entry *e,
                const uint64_t *a, int64_t ret, bool done);

#endif
