/* The riscv64 Linux user ABI as the guest sees it: structure layouts and the
 * numeric constants the syscall layer translates or checks. Every value here
 * is copied from the riscv64 kernel headers (/usr/riscv64-linux-gnu/include,
 * header named per group) rather than included, so host code never mixes the
 * two ABIs. Types use fixed widths (riscv64 is LP64: long = 64 bits), so the
 * layouts do not depend on the host, and the _Static_asserts pin their sizes
 * and the offsets a mistake would move. Nothing here includes a host header:
 * the checks that a value is the same on the host sit next to the code that
 * relies on it. */
#ifndef GUEST_ABI_H
#define GUEST_ABI_H

#include <stddef.h>
#include <stdint.h>

/* asm-generic/fcntl.h, linux/fcntl.h */
#define RV_O_WRONLY     00000001
#define RV_O_RDWR       00000002
#define RV_O_CREAT      00000100
#define RV_O_EXCL       00000200
#define RV_O_NOCTTY     00000400
#define RV_O_TRUNC      00001000
#define RV_O_APPEND     00002000
#define RV_O_NONBLOCK   00004000
#define RV_O_DSYNC      00010000
#define RV_O_ASYNC      00020000
#define RV_O_DIRECT     00040000
#define RV_O_DIRECTORY  00200000
#define RV_O_NOFOLLOW   00400000
#define RV_O_NOATIME    01000000
#define RV_O_CLOEXEC    02000000
#define RV_O_SYNC       04010000
#define RV_O_PATH      010000000
#define RV_O_TMPFILE   020200000

#define RV_F_DUPFD      0
#define RV_F_GETFD      1
#define RV_F_SETFD      2
#define RV_F_GETFL      3
#define RV_F_SETFL      4
#define RV_F_GETLK      5
#define RV_F_SETLK      6
#define RV_F_SETLKW     7
#define RV_F_SETOWN     8
#define RV_F_GETOWN     9
#define RV_F_SETSIG     10
#define RV_F_GETSIG     11
#define RV_F_SETOWN_EX  15
#define RV_F_GETOWN_EX  16
#define RV_F_OFD_GETLK  36
#define RV_F_OFD_SETLK  37
#define RV_F_OFD_SETLKW 38
#define RV_F_SETLEASE   1024
#define RV_F_GETLEASE   1025
#define RV_F_NOTIFY     1026
#define RV_F_DUPFD_CLOEXEC 1030
#define RV_F_SETPIPE_SZ 1031
#define RV_F_GETPIPE_SZ 1032
#define RV_F_ADD_SEALS  1033
#define RV_F_GET_SEALS  1034
#define RV_FD_CLOEXEC   1
#define RV_F_RDLCK      0
#define RV_F_WRLCK      1
#define RV_F_UNLCK      2

#define RV_AT_FDCWD             (-100)
#define RV_AT_SYMLINK_NOFOLLOW  0x100
#define RV_AT_REMOVEDIR         0x200
#define RV_AT_EACCESS           0x200
#define RV_AT_SYMLINK_FOLLOW    0x400
#define RV_AT_NO_AUTOMOUNT      0x800
#define RV_AT_EMPTY_PATH        0x1000
#define RV_AT_STATX_SYNC_TYPE   0x6000

/* bits/stat.h (glibc's copy of the kernel's values): utimensat's special
 * nanosecond values */
#define RV_UTIME_NOW   ((1l << 30) - 1l)
#define RV_UTIME_OMIT  ((1l << 30) - 2l)

/* asm-generic/mman-common.h, asm-generic/mman.h, linux/mman.h */
#define RV_PROT_READ   0x1
#define RV_PROT_WRITE  0x2
#define RV_PROT_EXEC   0x4
#define RV_MAP_SHARED           0x01
#define RV_MAP_PRIVATE          0x02
#define RV_MAP_SHARED_VALIDATE  0x03
#define RV_MAP_DROPPABLE        0x08
#define RV_MAP_TYPE             0x0f
#define RV_MAP_FIXED            0x10
#define RV_MAP_ANONYMOUS        0x20
#define RV_MAP_GROWSDOWN        0x0100
#define RV_MAP_DENYWRITE        0x0800
#define RV_MAP_EXECUTABLE       0x1000
#define RV_MAP_LOCKED           0x2000
#define RV_MAP_NORESERVE        0x4000
#define RV_MAP_POPULATE         0x008000
#define RV_MAP_NONBLOCK         0x010000
#define RV_MAP_STACK            0x020000
#define RV_MAP_HUGETLB          0x040000
#define RV_MAP_SYNC             0x080000
#define RV_MAP_FIXED_NOREPLACE  0x100000
#define RV_MAP_UNINITIALIZED    0x4000000
#define RV_MADV_NORMAL     0
#define RV_MADV_DONTNEED   4
#define RV_MADV_FREE       8
#define RV_MADV_DONTNEED_LOCKED 24
#define RV_MADV_COLLAPSE   25
#define RV_MS_ASYNC        1
#define RV_MS_INVALIDATE   2
#define RV_MS_SYNC         4

/* linux/time.h */
#define RV_CLOCK_REALTIME           0
#define RV_CLOCK_MONOTONIC          1
#define RV_CLOCK_PROCESS_CPUTIME_ID 2
#define RV_CLOCK_THREAD_CPUTIME_ID  3
#define RV_CLOCK_MONOTONIC_RAW      4
#define RV_CLOCK_REALTIME_COARSE    5
#define RV_CLOCK_MONOTONIC_COARSE   6
#define RV_CLOCK_BOOTTIME           7
#define RV_CLOCK_TAI                11
#define RV_TIMER_ABSTIME            1

/* asm-generic/resource.h */
#define RV_RLIMIT_CPU     0
#define RV_RLIMIT_FSIZE   1
#define RV_RLIMIT_DATA    2
#define RV_RLIMIT_STACK   3
#define RV_RLIMIT_CORE    4
#define RV_RLIMIT_NOFILE  7
#define RV_RLIMIT_AS      9
#define RV_RLIM_NLIMITS   16

/* asm-generic/ioctls.h */
#define RV_TCGETS      0x5401
#define RV_TCSETS      0x5402
#define RV_TCSETSW     0x5403
#define RV_TCSETSF     0x5404
#define RV_TIOCGPGRP   0x540F
#define RV_TIOCSPGRP   0x5410
#define RV_TIOCGWINSZ  0x5413
#define RV_TIOCSWINSZ  0x5414
#define RV_FIONREAD    0x541B
#define RV_FIONBIO     0x5421
#define RV_FIONCLEX    0x5450
#define RV_FIOCLEX     0x5451

/* asm-generic/termbits.h, termbits-common.h: a few flag bits, pinned so the
 * pass-through of c_*flag words is checked */
#define RV_NCCS    19
#define RV_ICANON  0x00002
#define RV_ECHO    0x00008
#define RV_ISIG    0x00001
#define RV_OPOST   0x01
#define RV_ICRNL   0x100
#define RV_CBAUD   0x0000100f
#define RV_VMIN    6
#define RV_VTIME   5

/* asm-generic/signal.h, signal-defs.h */
#define RV_NSIG        64
#define RV_SIGHUP      1
#define RV_SIGINT      2
#define RV_SIGQUIT     3
#define RV_SIGILL      4
#define RV_SIGTRAP     5
#define RV_SIGABRT     6
#define RV_SIGBUS      7
#define RV_SIGFPE      8
#define RV_SIGKILL     9
#define RV_SIGUSR1     10
#define RV_SIGSEGV     11
#define RV_SIGUSR2     12
#define RV_SIGPIPE     13
#define RV_SIGALRM     14
#define RV_SIGTERM     15
#define RV_SIGSTKFLT   16
#define RV_SIGCHLD     17
#define RV_SIGCONT     18
#define RV_SIGSTOP     19
#define RV_SIGTSTP     20
#define RV_SIGTTIN     21
#define RV_SIGTTOU     22
#define RV_SIGURG      23
#define RV_SIGXCPU     24
#define RV_SIGXFSZ     25
#define RV_SIGVTALRM   26
#define RV_SIGPROF     27
#define RV_SIGWINCH    28
#define RV_SIGIO       29
#define RV_SIGPWR      30
#define RV_SIGSYS      31
#define RV_SIGRTMIN    32
#define RV_SIG_DFL     0
#define RV_SIG_IGN     1
#define RV_SIG_BLOCK   0
#define RV_SIG_UNBLOCK 1
#define RV_SIG_SETMASK 2
#define RV_SS_ONSTACK  1
#define RV_SS_DISABLE  2
#define RV_SS_AUTODISARM (1u << 31)
#define RV_MINSIGSTKSZ 2048
#define RV_SA_SIGINFO   0x00000004
#define RV_SA_ONSTACK   0x08000000
#define RV_SA_RESTART   0x10000000
#define RV_SA_NODEFER   0x40000000
#define RV_SA_RESETHAND 0x80000000u

/* asm-generic/siginfo.h: si_code values */
#define RV_SI_USER      0
#define RV_SI_TKILL     (-6)
#define RV_ILL_ILLOPC   1
#define RV_SEGV_MAPERR  1
#define RV_SEGV_ACCERR  2
#define RV_BUS_ADRALN   1
#define RV_BUS_ADRERR   2
#define RV_TRAP_BRKPT   1

/* asm-generic/unistd.h */
#define RV_NR_rt_sigreturn 139

/* linux/futex.h */
#define RV_FUTEX_WAIT          0
#define RV_FUTEX_WAKE          1
#define RV_FUTEX_REQUEUE       3
#define RV_FUTEX_CMP_REQUEUE   4
#define RV_FUTEX_WAKE_OP       5
#define RV_FUTEX_WAIT_BITSET   9
#define RV_FUTEX_WAKE_BITSET   10
#define RV_FUTEX_LOCK_PI       6
#define RV_FUTEX_UNLOCK_PI     7
#define RV_FUTEX_TRYLOCK_PI    8
#define RV_FUTEX_WAIT_REQUEUE_PI 11
#define RV_FUTEX_CMP_REQUEUE_PI 12
#define RV_FUTEX_LOCK_PI2      13
#define RV_FUTEX_PRIVATE_FLAG  128
#define RV_FUTEX_CLOCK_REALTIME 256

/* linux/random.h */
#define RV_GRND_NONBLOCK 1
#define RV_GRND_RANDOM   2
#define RV_GRND_INSECURE 4

/* The riscv64 struct stat: asm-generic/stat.h (bits/struct_stat.h agrees). */
struct rv_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint64_t pad1;
    int64_t st_size;
    int32_t st_blksize;
    int32_t pad2;
    int64_t st_blocks;
    int64_t st_atime_sec;
    uint64_t st_atime_nsec;
    int64_t st_mtime_sec;
    uint64_t st_mtime_nsec;
    int64_t st_ctime_sec;
    uint64_t st_ctime_nsec;
    uint32_t unused4, unused5;
};
_Static_assert(sizeof(struct rv_stat) == 128, "asm-generic struct stat is 128 bytes");
_Static_assert(offsetof(struct rv_stat, st_mode) == 16, "st_mode");
_Static_assert(offsetof(struct rv_stat, st_size) == 48, "st_size");
_Static_assert(offsetof(struct rv_stat, st_blksize) == 56, "st_blksize");
_Static_assert(offsetof(struct rv_stat, st_mtime_sec) == 88, "st_mtime");

/* linux/stat.h (arch-independent) */
struct rv_statx_timestamp {
    int64_t tv_sec;
    uint32_t tv_nsec;
    int32_t reserved;
};
struct rv_statx {
    uint32_t stx_mask;
    uint32_t stx_blksize;
    uint64_t stx_attributes;
    uint32_t stx_nlink;
    uint32_t stx_uid;
    uint32_t stx_gid;
    uint16_t stx_mode;
    uint16_t spare0;
    uint64_t stx_ino;
    uint64_t stx_size;
    uint64_t stx_blocks;
    uint64_t stx_attributes_mask;
    struct rv_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
    uint32_t stx_rdev_major, stx_rdev_minor;
    uint32_t stx_dev_major, stx_dev_minor;
    uint64_t stx_mnt_id;
    uint32_t stx_dio_mem_align;
    uint32_t stx_dio_offset_align;
    uint64_t spare3[12];
};
_Static_assert(sizeof(struct rv_statx) == 256, "struct statx is 256 bytes");
_Static_assert(offsetof(struct rv_statx, stx_atime) == 0x40, "stx_atime");
_Static_assert(offsetof(struct rv_statx, stx_rdev_major) == 0x80, "stx_rdev_major");

/* asm-generic/statfs.h with a 64-bit __statfs_word */
struct rv_statfs {
    int64_t f_type;
    int64_t f_bsize;
    int64_t f_blocks;
    int64_t f_bfree;
    int64_t f_bavail;
    int64_t f_files;
    int64_t f_ffree;
    int32_t f_fsid[2];
    int64_t f_namelen;
    int64_t f_frsize;
    int64_t f_flags;
    int64_t f_spare[4];
};
_Static_assert(sizeof(struct rv_statfs) == 120, "asm-generic struct statfs");

/* linux/dirent.h layout of getdents64 records: the name follows the header,
 * records are padded to 8 bytes. */
struct rv_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    char d_name[];
};
_Static_assert(offsetof(struct rv_dirent64, d_name) == 19, "linux_dirent64 header");

/* asm-generic/fcntl.h struct flock (64-bit: no padding) */
struct rv_flock {
    int16_t l_type;
    int16_t l_whence;
    int32_t pad0;
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    int32_t pad1;
};
_Static_assert(sizeof(struct rv_flock) == 32, "struct flock");

struct rv_f_owner_ex {
    int32_t type;
    int32_t pid;
};

/* linux/time_types.h, linux/time.h */
struct rv_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct rv_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};
struct rv_timezone {
    int32_t tz_minuteswest;
    int32_t tz_dsttime;
};
_Static_assert(sizeof(struct rv_timespec) == 16, "timespec");
_Static_assert(sizeof(struct rv_timeval) == 16, "timeval");

/* linux/uio.h */
struct rv_iovec {
    uint64_t iov_base;
    uint64_t iov_len;
};
#define RV_UIO_MAXIOV 1024

/* asm-generic/poll.h */
#define RV_POLLIN       0x0001
#define RV_POLLPRI      0x0002
#define RV_POLLOUT      0x0004
#define RV_POLLERR      0x0008
#define RV_POLLHUP      0x0010
#define RV_POLLNVAL     0x0020
#define RV_POLLRDNORM   0x0040
#define RV_POLLRDBAND   0x0080
#define RV_POLLWRNORM   0x0100
#define RV_POLLWRBAND   0x0200
#define RV_POLLMSG      0x0400
#define RV_POLLRDHUP    0x2000
struct rv_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};
_Static_assert(sizeof(struct rv_pollfd) == 8, "struct pollfd");

/* linux/posix_types.h: an fd_set is a bit array in 64-bit words, fd n at bit
 * n % 64 of word n / 64; select reads and writes the words covering nfds. */
#define RV_FD_SET_WORD_BITS 64

/* linux/utsname.h new_utsname */
#define RV_UTS_LEN 65
struct rv_utsname {
    char sysname[RV_UTS_LEN];
    char nodename[RV_UTS_LEN];
    char release[RV_UTS_LEN];
    char version[RV_UTS_LEN];
    char machine[RV_UTS_LEN];
    char domainname[RV_UTS_LEN];
};
_Static_assert(sizeof(struct rv_utsname) == 390, "new_utsname");

/* linux/resource.h: rlimit and rlimit64 are the same on a 64-bit guest */
struct rv_rlimit {
    uint64_t rlim_cur;
    uint64_t rlim_max;
};
#define RV_RLIM_INFINITY (~0ull)

struct rv_rusage {
    struct rv_timeval ru_utime;
    struct rv_timeval ru_stime;
    int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
    int64_t ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct rv_rusage) == 144, "struct rusage");

/* linux/sysinfo.h: _f[] is empty on 64-bit, the tail pads to 8 bytes */
struct rv_sysinfo {
    int64_t uptime;
    uint64_t loads[3];
    uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
    uint16_t procs;
    uint16_t pad;
    uint32_t pad2;
    uint64_t totalhigh, freehigh;
    uint32_t mem_unit;
    uint32_t pad3;
};
_Static_assert(sizeof(struct rv_sysinfo) == 112, "struct sysinfo");
_Static_assert(offsetof(struct rv_sysinfo, totalhigh) == 88, "sysinfo.totalhigh");

/* linux/times.h */
struct rv_tms {
    int64_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/* asm-generic/termbits.h: the kernel termios (not glibc's) */
struct rv_termios {
    uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
    uint8_t c_line;
    uint8_t c_cc[RV_NCCS];
};
_Static_assert(sizeof(struct rv_termios) == 36, "kernel termios");

struct rv_winsize {
    uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* asm-generic/signal.h: riscv64 defines no SA_RESTORER, so the kernel
 * sigaction is handler, flags, mask; the kernel sigset is 64 bits. */
struct rv_sigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t mask;
};
_Static_assert(sizeof(struct rv_sigaction) == 24, "riscv64 kernel sigaction");
#define RV_SIGSET_SIZE 8

struct rv_stack {
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t pad;
    uint64_t ss_size;
};
_Static_assert(sizeof(struct rv_stack) == 24, "stack_t");

/* asm-generic/siginfo.h on a 64-bit guest: three ints, then the union of
 * per-cause fields, which holds pointers and so starts at 16; 128 bytes in
 * all (SI_MAX_SIZE). */
struct rv_siginfo {
    int32_t si_signo;
    int32_t si_errno;
    int32_t si_code;
    int32_t pad;
    union {
        struct {
            int32_t pid;
            uint32_t uid;
        } kill;             /* SI_USER, SI_TKILL */
        uint64_t addr;      /* SIGSEGV, SIGBUS, SIGILL, SIGTRAP: the fault address or pc */
        uint8_t room[112];
    } u;
};
_Static_assert(sizeof(struct rv_siginfo) == 128, "siginfo_t is SI_MAX_SIZE bytes");
_Static_assert(offsetof(struct rv_siginfo, u) == 16, "si_pid and si_addr at 16");

/* asm/sigcontext.h, asm/ptrace.h: the integer registers as struct
 * user_regs_struct (the pc in place of x0, then x1..x31), then union
 * __riscv_fp_state, whose q variant makes it 528 bytes aligned to 16. The
 * kernel fills the d variant (f[32] as 64-bit values, then fcsr); so does
 * rvdbt, and leaves the rest zero (the end marker of newer kernels'
 * extension headers). */
struct rv_sigcontext {
    uint64_t regs[32];
    _Alignas(16) union {
        struct {
            uint64_t f[32];
            uint32_t fcsr;
        } d;
        uint8_t room[528];
    } fp;
};
_Static_assert(sizeof(struct rv_sigcontext) == 784, "struct sigcontext");

/* asm/ucontext.h: the kernel sigset, then room to make it 1024 bits, then the
 * 16-aligned machine context; glibc's ucontext_t has the same layout, and its
 * UC_PC (the pc, mcontext.__gregs[0]) is 176. */
struct rv_ucontext {
    uint64_t uc_flags;
    uint64_t uc_link;
    struct rv_stack uc_stack;
    uint64_t uc_sigmask;
    uint8_t sigmask_room[120];
    struct rv_sigcontext uc_mcontext;
};
_Static_assert(offsetof(struct rv_ucontext, uc_stack) == 16, "ucontext.uc_stack");
_Static_assert(offsetof(struct rv_ucontext, uc_sigmask) == 40, "ucontext.uc_sigmask");
_Static_assert(offsetof(struct rv_ucontext, uc_mcontext) == 176, "glibc's UC_PC");
_Static_assert(offsetof(struct rv_ucontext, uc_mcontext.fp) == 432, "ucontext.__fpregs");
_Static_assert(sizeof(struct rv_ucontext) == 960, "ucontext_t");

/* arch/riscv/kernel/signal.c: what a handler finds at its sp */
struct rv_rt_sigframe {
    struct rv_siginfo info;
    struct rv_ucontext uc;
};
_Static_assert(sizeof(struct rv_rt_sigframe) == 1088, "struct rt_sigframe");

/* linux/futex.h: the robust list head a thread registers */
#define RV_ROBUST_LIST_HEAD_SIZE 24

#endif
