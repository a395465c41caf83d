/* Internal to the sys_*.c files: the syscall list, the handler type and the
 * helpers shared across the families. */
#ifndef SYS_IMPL_H
#define SYS_IMPL_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "linux/guest_abi.h"
#include "linux/guest_abi_file.h"
#include "linux/guest_abi_mem.h"
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
    /* flag words and enumerations, by name (sys_strace.c's tables) */
    A_OFLAGS,   /* open flags: O_RDONLY|O_CLOEXEC */
    A_FDFLAGS,  /* flags of a call making an fd: O_CLOEXEC|O_NONBLOCK, 0 */
    A_PROT,     /* PROT_READ|PROT_WRITE, PROT_NONE */
    A_MFLAGS,   /* mmap flags: MAP_PRIVATE|MAP_ANONYMOUS */
    A_ATFLAGS,  /* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH */
    A_FAMILY,   /* socket domain: AF_INET */
    A_SOCKTYPE, /* SOCK_STREAM|SOCK_CLOEXEC */
    A_FCNTL,    /* fcntl command: F_SETFL */
    A_CLOCK,    /* clock id: CLOCK_MONOTONIC */
    A_FUTEX,    /* futex op: FUTEX_WAIT|FUTEX_PRIVATE_FLAG */
    A_WHENCE,   /* lseek: SEEK_SET */
};
/* How -strace shows the result. R_NORET: the call does not come back, so its
 * line is printed before it runs. */
enum sys_ret { R_INT, R_HEX, R_OCT, R_NORET };

/* A handler gets the six argument registers a0..a5 and returns the value for
 * a0: the result, or -errno with the guest's errno numbers. */
typedef int64_t sys_fn(struct rv_cpu *c, const uint64_t *a);

struct sys_entry {
    const char *name;
    sys_fn *fn;             /* NULL: known but not implemented (-ENOSYS) */
    uint8_t ret;            /* enum sys_ret */
    uint8_t arg[6];         /* enum sys_arg */
};

/* The syscalls, one X-macro list per family in linux/sys_<family>.h, each
 * next to the sys_<family>.c that carries them out:
 *   X(riscv64 number (asm-generic/unistd.h), name (handler sys_<name>),
 *     result kind, argument kinds...)   implemented
 *   U(number, name)                     known to the guest ABI, not carried
 *                                       out: -ENOSYS, counted, named by
 *                                       -strace and --stats
 * The table (sys_table.c), -strace and the handler declarations are all
 * generated from these lists. */
#include "linux/sys_file.h"
#include "linux/sys_fs.h"
#include "linux/sys_mem.h"
#include "linux/sys_proc.h"
#include "linux/sys_signal.h"
#include "linux/sys_time.h"
#include "linux/sys_net.h"
#include "linux/sys_poll.h"
#include "linux/sys_id.h"
#include "linux/sys_thread.h"
#include "linux/sys_exec.h"

#define SYS_FAMILIES(X, U) \
    SYS_FILE_LIST(X, U) SYS_FS_LIST(X, U) SYS_MEM_LIST(X, U) SYS_PROC_LIST(X, U) \
    SYS_SIGNAL_LIST(X, U) SYS_TIME_LIST(X, U) SYS_NET_LIST(X, U) SYS_POLL_LIST(X, U) \
    SYS_ID_LIST(X, U) SYS_THREAD_LIST(X, U) SYS_EXEC_LIST(X, U)

#define SYS_DECLARE(nr, name, ...) sys_fn sys_##name;
#define SYS_SKIP(nr, name)
SYS_FAMILIES(SYS_DECLARE, SYS_SKIP)
#undef SYS_DECLARE
#undef SYS_SKIP

/* The handler of every U entry and of numbers no list names: counts the
 * call, logs it under -d unimp, returns -ENOSYS (sys_table.c). */
sys_fn sys_unimplemented;

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

/* The host address of the guest buffer [g, g+*len) for a host call that
 * reads (prot MMU_R) or writes (MMU_W) it itself, or NULL for -EFAULT when
 * the range leaves the guest space (the kernel's access_ok). The host kernel
 * then stops at the first page the guest cannot access, as the guest's
 * kernel would: host protections mirror the region map, except that
 * execute-only pages are host-readable, so a buffer read from one is cut
 * short (*len) before it, or NULL (-EFAULT) if that leaves nothing. */
void *sys_ubuf(struct rv_cpu *c, uint64_t g, uint64_t *len, int prot);

/* A host address the host kernel refuses with -EFAULT (in the kernel half),
 * with g's offset in its page kept (futex checks alignment before access).
 * It goes where a guest pointer cannot be given, so that the host kernel
 * still makes the checks Linux makes before it touches that memory (a bad
 * fd, flags, a length), in Linux's order, and says -EFAULT only after. */
#define SYS_KFAULT(g) ((void *)(uintptr_t)(0xffff800000000000ull | ((uint64_t)(g) & 0xfff)))

/* sys_ubuf, or SYS_KFAULT where it gives nothing. */
void *sys_ubuf_or_fault(struct rv_cpu *c, uint64_t g, uint64_t *len, int prot);

/* Host iovecs for the guest's iovec array at g (cnt entries, at most
 * UIO_MAXIOV) through sys_ubuf: the number to hand the host, or -errno. */
struct iovec;
int64_t sys_iov_in(struct rv_cpu *c, uint64_t g, uint64_t cnt, int prot, struct iovec *iov);

/* The guest string at g, in place: NUL-terminated within PATH_MAX. 0 or
 * -EFAULT/-ENAMETOOLONG. */
int sys_str(struct rv_cpu *c, uint64_t g, const char **s);

/* The host path for the guest path at g (sys_path.c): the guest program's own
 * path for /proc/self/exe; for an absolute path that exists under the prefix
 * (opt.prefix), that one (valid until this thread's next-but-one call);
 * else the guest string in place. 0 or -EFAULT/-ENAMETOOLONG. */
int sys_path(struct rv_cpu *c, uint64_t g, const char **path);
/* The path for a call that hands it to the host kernel and nothing else: a
 * bad one (unreadable, too long) becomes one the host kernel fails the same
 * way (SYS_KFAULT, a string longer than PATH_MAX), so the call's other
 * arguments are checked first, in Linux's order. */
const char *sys_path_arg(struct rv_cpu *c, uint64_t g);
/* The same for a string that is not a path (sys_str's). */
const char *sys_str_arg(struct rv_cpu *c, uint64_t g);
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

/* Guest itimerspec in and out (sys_time.c): 0 or -EFAULT. */
struct itimerspec;
int sys_itimerspec_in(struct rv_cpu *c, uint64_t g, struct itimerspec *its);
int sys_itimerspec_out(struct rv_cpu *c, uint64_t g, const struct itimerspec *its);

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

/* rvdbt's own fds (sys_ownfd.c): whether fd is one; those in [first, last],
 * in increasing order, into fds (room for SYS_OWN_MAX), their count; whether
 * a call's fd arguments (A_FD, A_DIRFD) name one. */
#define SYS_OWN_MAX 4
bool sys_own_fd(int fd);
int sys_own_fds_in(unsigned first, unsigned last, unsigned *fds);
bool sys_names_own_fd(const struct sys_entry *e, const uint64_t *a);

#endif
