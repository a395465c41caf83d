/* sys_border's guest, shared between its files: the arena, the generator
 * of arguments and the output of one call (sys_border_args.c); the calls,
 * by family (sys_border_file.c, _mem.c, _proc.c, _net.c); their list and
 * main (sys_border_guest.c). */
#ifndef SYS_BORDER_H
#define SYS_BORDER_H
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <linux/falloc.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/stat.h>

#define PG 4096UL

/* The arena: A B N C R H D E, one page each. N is PROT_NONE, R read-only
 * (zeros), H and E unmapped; A B C D are writable and refilled with a
 * pattern without NUL bytes before each call. */
enum { P_A, P_B, P_N, P_C, P_R, P_H, P_D, P_E, NPAGES };
#define ARENA 0x1000000000UL    /* free under qemu, rvdbt and natively */
extern uint8_t *ar;
#define PAGE(i) (ar + (i) * PG)
void arena_build(void);
bool writable(uint64_t p);
void arena_fill(void);
/* Copy len bytes to guest p as far as they land in writable arena pages. */
void put(uint64_t p, const void *data, size_t len);
/* Overwrite what varies between runs: len bytes at p (those that are in the
 * arena's writable pages). */
void blank(uint64_t p, size_t len);
#define BLANK(p, type, field) blank((p) + offsetof(type, field), sizeof ((type *)0)->field)
bool inside(uint64_t p, size_t len);
uint32_t arena_sum(void);
extern uint64_t rng;
uint64_t rnd(void);
unsigned rn(unsigned n);
#define PICK(arr) (arr)[rn(sizeof(arr) / sizeof((arr)[0]))]
extern char line[2048];
extern size_t ll;
void out(const char *fmt, ...);
long sc(long nr, long a, long b, long c, long d, long e, long f);
#define SC6(nr, a, b, c, d, e, f) sc(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define SC(nr, ...) SC_(nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define SC_(nr, a, b, c, d, e, f, ...) SC6(nr, a, b, c, d, e, f)
/* Pointer kinds. slot 1 is a second buffer of the same call. */
enum {
    K_NULL, K_GOOD, K_PGSTART, K_END, K_STR_NONE, K_STR_RO, K_STR_HOLE, K_RO, K_NONE,
    K_HOLE, K_INTO_D, K_TEXT, K_KERN, K_M1, K_TOP, K_TOPPAGE, K_X86TOP, K_NONCANON,
    K_UNALIGNED, NKINDS
};
extern const char *const kname[NKINDS];
/* A function's code: the "text" pointer kind. */
void text_fn(void);
uint64_t ptr_of(int k, uint64_t size, int slot);
/* A pointer argument for an object of size bytes: mostly good ones, so that
 * the call gets past it to its other arguments. */
uint64_t arg_ptr(const char *name, uint64_t size, int slot);
uint64_t arg_ptr_k(const char *name, uint64_t size, int slot, int *kind);
int64_t arg_len(const char *name, int64_t natural);
int64_t arg_of(const char *name, const int64_t *set, unsigned n, bool garbage);
/* ARG: one of the values; FLAGS: sometimes with garbage bits flipped in its
 * low 32 bits (only flag words that cannot turn harmful that way). */
#define ARG(name, ...) ({ static const int64_t s_[] = { __VA_ARGS__ }; \
                          arg_of(name, s_, sizeof s_ / sizeof s_[0], false); })
#define FLAGS(name, ...) ({ static const int64_t s_[] = { __VA_ARGS__ }; \
                            arg_of(name, s_, sizeof s_ / sizeof s_[0], true); })
/* fds: 100 + kind for those opened at start */
enum {
    D_FILE, D_RO, D_DIR, D_PIPE_R, D_PIPE_W, D_SOCK, D_SOCK2, D_UDP, D_EVENT, D_EPOLL,
    D_NULL, D_PATH, D_MEMFD, NOPEN,
    D_CLOSED = NOPEN, D_NEG, D_HUGE, D_BIG, D_CWD, NFDS
};
extern const char *const dname[NFDS];
#define FD_BASE 100
#define FD_CLOSED 200
#define FD_SCRATCH 240      /* dup3 and F_DUPFD targets, closed again */
extern int scratch_dir_fd;
int64_t fd_of(int k);
/* safe: not /dev/null, for calls that change the file behind the fd */
int64_t arg_fd_k(const char *name, bool safe, int *kind);
int64_t arg_fd(const char *name, bool safe);
int64_t arg_dirfd(const char *name, bool safe);
/* Paths: strings relative to the scratch directory, or bad pointers. Only
 * calls that do not change anything may get an absolute one. */
uint64_t arg_path(const char *name, bool may_abs);
extern long result;
extern bool no_sum;
extern const char *ret_text;
void ret_norm_fd(void);
uint64_t arg_in_ptr(const char *name, uint64_t size, int slot, bool no_null);
void close_pair(uint64_t p);

struct k_sigaction {
    uint64_t handler, flags;
#ifdef __x86_64__
    uint64_t restorer;
#endif
    uint64_t mask;
};

#define NR_(name) SYS_##name

/* the program break at start (sys_border_mem.c) */
extern uint64_t brk0;

/* the calls, one per family file */
void c_read(void);
void c_write(void);
void c_pread(void);
void c_pwrite(void);
void c_readv(void);
void c_writev(void);
void c_preadv(void);
void c_lseek(void);
void c_openat(void);
void c_close(void);
void c_dup(void);
void c_pipe2(void);
void c_fcntl(void);
void c_ioctl(void);
void c_flock(void);
void c_fsync(void);
void c_ftruncate(void);
void c_fallocate(void);
void c_sendfile(void);
void c_copy_file_range(void);
void c_fstat(void);
void c_newfstatat(void);
void c_statx(void);
void c_getdents(void);
void c_readlinkat(void);
void c_getcwd(void);
void c_faccessat(void);
void c_mkdir_unlink(void);
void c_renameat2(void);
void c_symlink_link(void);
void c_fchmodat(void);
void c_fchmod(void);
void c_truncate(void);
void c_utimensat(void);
void c_statfs(void);
void c_chdir(void);
void c_mmap(void);
void c_munmap(void);
void c_mprotect(void);
void c_madvise(void);
void c_mremap(void);
void c_msync(void);
void c_mincore(void);
void c_brk(void);
void c_rt_sigaction(void);
void c_rt_sigprocmask(void);
void c_rt_sigpending(void);
void c_sigaltstack(void);
void c_kill(void);
void c_rt_sigtimedwait(void);
void c_clock_gettime(void);
void c_nanosleep(void);
void c_gettimeofday(void);
void c_times(void);
void c_itimer(void);
void c_uname(void);
void c_sysinfo(void);
void c_getrusage(void);
void c_getrandom(void);
void c_sched_getaffinity(void);
void c_prlimit(void);
void c_getrlimit(void);
void c_ids(void);
void c_getgroups(void);
void c_sched_misc(void);
void c_umask(void);
void c_prctl(void);
void c_getcpu(void);
void c_capget(void);
void c_futex(void);
void c_set_robust_list(void);
void c_ppoll(void);
void c_pselect6(void);
void c_epoll(void);
void c_eventfd(void);
void c_socket(void);
void c_bind_connect(void);
void c_getsockname(void);
void c_sendmsg(void);
void c_recvmsg(void);
void c_sendto_recvfrom(void);
void c_sockopt(void);
void c_sock_misc(void);

#endif
