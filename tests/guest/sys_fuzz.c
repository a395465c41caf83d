/* Every syscall number from 0 to 1023, each called CALLS times with random
 * arguments from a fixed seed: the program must end as Linux ends it,
 * never with a host fault or an internal error of the emulator. The calls
 * run in forked children, a batch of numbers each, so that a call that
 * ends its caller (exit, a signal it sends itself, a fault) ends only the
 * child; the parent records, per call, whether it returned or how the
 * child ended, and starts a new child at the next call. What is printed is
 * that record, for the numbers where a call did not return, and a summary:
 * only "returned", not the value or errno, which differ where one emulator
 * implements a call the other answers with ENOSYS, or checks the arguments
 * in another order (EFAULT before EINVAL).
 *
 * The arguments are drawn from: 0, 0-3 and 0-4095 (fds, flags, sizes,
 * signal numbers), -1, a pointer into a zero-filled scratch buffer with
 * PROT_NONE pages either side, and garbage with the top bit set (an address
 * no user space has, a size nothing can map). No other pointers: a small
 * random address could land in the program's own memory, which lies
 * elsewhere under each emulator.
 *
 * The guest may run as root, on the host's kernel: nothing it does with
 * these arguments may reach past the child. Hence the child first closes
 * every fd it inherited and puts private pipes at 0, 1 and 2 (an fchmod of
 * fd 0 must not chmod /dev/null, a write must not reach the test's output),
 * and the scratch holds only zeros, so every path is "" (which names
 * nothing without AT_EMPTY_PATH, and then only the child's own pipes), and
 * no dirfd is ever AT_FDCWD. The calls below are not made at all, or made
 * with arguments tied down (see `tie_down`), for the reason given with
 * each. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define NRS 1024
#define CALLS 8
#define BATCH 64
#define SCRATCH (64 * 1024)

/* Not called, and why. */
static const struct {
    int nr;
    const char *why;
} excluded[] = {
    /* another process or program, or a thread on a random stack */
    { __NR_clone, "process" }, { __NR_clone3, "process" }, { __NR_execve, "program" },
    { __NR_execveat, "program" }, { __NR_ptrace, "process" },
    /* other processes, by a random pid (root may act on any) or on every
     * process of the user (who 0) */
    { __NR_process_vm_readv, "pid" }, { __NR_process_vm_writev, "pid" }, { __NR_setpriority, "pid" },
    { __NR_ioprio_set, "pid" }, { __NR_sched_setscheduler, "pid" }, { __NR_sched_setparam, "pid" },
    { __NR_sched_setattr, "pid" }, { __NR_sched_setaffinity, "pid" }, { __NR_prlimit64, "pid" },
    { __NR_migrate_pages, "pid" }, { __NR_move_pages, "pid" },
    /* the child's own limits: a zero RLIMIT_CPU or RLIMIT_AS kills it at a
     * moment, or fails an allocation of the emulator's, that depends on the
     * emulator rather than on the guest */
    { __NR_setrlimit, "limits" },
    /* the address space: where a random range lands depends on the layout,
     * which differs between emulators, and it may unmap the test's own code,
     * stack or record; MAP_POPULATE with a huge size could fill the host's
     * memory; mlockall could pin the emulator's whole reservation */
    { __NR_mmap, "memory" }, { __NR_munmap, "memory" }, { __NR_mremap, "memory" },
    { __NR_mprotect, "memory" }, { __NR_pkey_mprotect, "memory" }, { __NR_madvise, "memory" },
    { __NR_process_madvise, "memory" }, { __NR_brk, "memory" }, { __NR_remap_file_pages, "memory" },
    { 462 /* mseal */, "memory" }, { __NR_mlockall, "memory" },
    /* registers from whatever lies on the stack */
    { __NR_rt_sigreturn, "sigreturn" },
    /* the host: its kernel, filesystems, clock, names, log, terminal */
    { __NR_reboot, "host" }, { __NR_kexec_load, "host" }, { __NR_kexec_file_load, "host" },
    { __NR_init_module, "host" }, { __NR_finit_module, "host" }, { __NR_delete_module, "host" },
    { __NR_mount, "host" }, { __NR_umount2, "host" }, { __NR_pivot_root, "host" }, { __NR_chroot, "host" },
    { __NR_swapon, "host" }, { __NR_swapoff, "host" }, { __NR_acct, "host" }, { __NR_quotactl, "host" },
    { __NR_quotactl_fd, "host" }, { __NR_open_tree, "host" }, { __NR_move_mount, "host" },
    { __NR_fsopen, "host" }, { __NR_fsconfig, "host" }, { __NR_fsmount, "host" }, { __NR_fspick, "host" },
    { __NR_mount_setattr, "host" }, { __NR_sethostname, "host" }, { __NR_setdomainname, "host" },
    { __NR_settimeofday, "host" }, { __NR_clock_settime, "host" }, { __NR_adjtimex, "host" },
    { __NR_clock_adjtime, "host" }, { __NR_syslog, "host" }, { __NR_vhangup, "host" },
    { __NR_name_to_handle_at, "host" }, { __NR_open_by_handle_at, "host" },
    /* whole-machine or slow: flushes every filesystem */
    { __NR_sync, "host" },
    /* kernel objects shared beyond the process: BPF programs, perf events,
     * fanotify marks, io_uring rings (I/O the kernel does from shared
     * memory, past any emulator), keyrings of the session, System V IPC ids
     * and POSIX message queue names (system-wide) */
    { __NR_bpf, "shared" }, { __NR_perf_event_open, "shared" }, { __NR_fanotify_init, "shared" },
    { __NR_fanotify_mark, "shared" }, { __NR_io_uring_setup, "shared" }, { __NR_io_uring_enter, "shared" },
    { __NR_io_uring_register, "shared" }, { __NR_keyctl, "shared" }, { __NR_add_key, "shared" },
    { __NR_request_key, "shared" }, { __NR_msgget, "shared" }, { __NR_msgctl, "shared" },
    { __NR_msgrcv, "shared" }, { __NR_msgsnd, "shared" }, { __NR_semget, "shared" }, { __NR_semctl, "shared" },
    { __NR_semop, "shared" }, { __NR_semtimedop, "shared" }, { __NR_shmget, "shared" },
    { __NR_shmctl, "shared" }, { __NR_shmat, "shared" }, { __NR_shmdt, "shared" }, { __NR_mq_open, "shared" },
    { __NR_mq_unlink, "shared" },
    /* a filter or strict mode applies to the emulator's own host calls too,
     * so where the child dies depends on the emulator */
    { __NR_seccomp, "seccomp" },
};

static const char *why_excluded(int nr)
{
    for (size_t i = 0; i < sizeof excluded / sizeof *excluded; i++)
        if (excluded[i].nr == nr)
            return excluded[i].why;
    return NULL;
}

static int stop_signal(long sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static long page_or_less(long len)
{
    return (unsigned long)len > 4096 ? 128 : len;
}

static uint8_t *scratch;

static long readable(long p)
{
    return (uint8_t *)p >= scratch && (uint8_t *)p < scratch + SCRATCH ? p : (long)(uintptr_t)scratch;
}

/* Arguments the call may not have as drawn. Signals go only to this
 * process (a random pid could be any process, 0 and -1 whole groups), and
 * never a stop signal, which would leave the child stopped rather than
 * ended; SIGALRM keeps its handler (it ends blocking calls, see
 * `call_one`); no fd gets an owner for SIGIO, which could be any pid;
 * sockets are of the local kind (no packet leaves the machine, and netlink
 * as root could reconfigure the host's network); prctl neither turns on
 * seccomp nor rewrites the memory map's markers. And what crashes
 * qemu-riscv64 7.2 (the oracle: SIGSEGV, or an assertion and exit 127)
 * where Linux fails the call (EBADF, ENOTSOCK, EFAULT, EINVAL): a length it
 * allocates on its own stack, kept to 128 when past a page (socket address
 * lengths, the cpu mask length of sched_getaffinity), and a socket address
 * it cannot read, which becomes the scratch; and close_range's end is kept
 * below 1024, since qemu visits every number up to it (billions: it would
 * hang where Linux returns at once). */
static void tie_down(int nr, long *a)
{
    /* where each call that sends a signal has its pid, tid and signal (-1:
     * none) */
    static const struct {
        int nr;
        signed char pid, tid, sig;
    } senders[] = {
        { __NR_kill, 0, -1, 1 }, { __NR_tkill, -1, 0, 1 }, { __NR_tgkill, 0, 1, 2 },
        { __NR_rt_sigqueueinfo, 0, -1, 1 }, { __NR_rt_tgsigqueueinfo, 0, 1, 2 },
        { __NR_pidfd_send_signal, -1, -1, 1 }, { __NR_pidfd_open, 0, -1, -1 },
    };
    /* A dirfd is an int: no argument may look like AT_FDCWD in its low 32
     * bits, however unlikely garbage is to (paths relative to the test's
     * directory would then resolve). */
    for (int i = 0; i < 6; i++)
        if ((int)a[i] == AT_FDCWD)
            a[i] ^= 1;
    for (size_t i = 0; i < sizeof senders / sizeof *senders; i++) {
        if (senders[i].nr != nr)
            continue;
        if (senders[i].pid >= 0)
            a[senders[i].pid] = getpid();
        if (senders[i].tid >= 0)
            a[senders[i].tid] = gettid();
        if (senders[i].sig >= 0 && stop_signal(a[senders[i].sig]))
            a[senders[i].sig] = 0;
    }
    switch (nr) {
    case __NR_rt_sigaction:
        if (a[0] == SIGALRM)
            a[0] = 0;
        break;
    case __NR_fcntl:
        if (a[1] == F_SETOWN)
            a[1] = F_GETOWN;
        if (a[1] == F_SETOWN_EX)
            a[1] = F_GETOWN_EX;
        break;
    case __NR_socket:
    case __NR_socketpair:
        a[0] = AF_UNIX;
        break;
    case __NR_bind:
    case __NR_connect:
        a[1] = readable(a[1]);
        a[2] = page_or_less(a[2]);
        break;
    case __NR_sendto:
        a[4] = readable(a[4]);
        a[5] = page_or_less(a[5]);
        break;
    case __NR_sched_getaffinity:
        a[1] = page_or_less(a[1]);
        break;
    case __NR_close_range:
        if ((unsigned)a[1] > 1023u)
            a[1] = 1023;
        break;
    case __NR_prctl:
        if (a[0] == PR_SET_SECCOMP || a[0] == PR_SET_MM)
            a[0] = PR_GET_SECCOMP;
        break;
    }
}

/* ---- the record, shared with the children ---- */
enum { NOT_RUN, RETURNED_OK, RETURNED_ERR, KILLED, EXITED, HUNG, SKIPPED };
struct outcome {
    int kind, detail;       /* detail: errno, signal or exit status */
};
struct record {
    volatile int at_nr, at_call;        /* the call under way */
    struct outcome out[NRS][CALLS];
};
static struct record *rec;

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static long draw(uint64_t *s)
{
    uint64_t r = rng_next(s);
    switch (r % 8) {
    case 0: return 0;
    case 1: case 2: return (long)(r >> 8 & 3);
    case 3: return (long)(r >> 8 & 4095);
    case 4: return -1;
    case 5: return (long)(uintptr_t)(scratch + (r >> 8 & 3) * 256);
    default: return (long)(r | 1ull << 63);
    }
}

static void on_alarm(int sig)
{
    (void)sig;
}

/* The child's surroundings, before any random call. */
static void child_setup(void)
{
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        _exit(121);
    /* 0 reads end-of-file, 1 and 2 write into a pipe nobody reads (EPIPE,
     * SIGPIPE ignored) */
    close(in[1]);
    close(out[0]);
    if (dup2(in[0], 0) != 0 || dup2(out[1], 1) != 1 || dup2(out[1], 2) != 2)
        _exit(122);
    if (syscall(__NR_close_range, 3, ~0u, 0) != 0)
        _exit(123);
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa = { .sa_handler = on_alarm };   /* no SA_RESTART */
    sigaction(SIGALRM, &sa, NULL);
}

/* One call; a call that blocks is ended after 20 ms by SIGALRM (EINTR). */
static void call_one(int nr, int k)
{
    uint64_t s = (uint64_t)nr * 0x9e3779b97f4a7c15u + (uint64_t)k * 0xbf58476d1ce4e5b9u + 1;
    for (int i = 0; i < 4; i++)
        rng_next(&s);
    long a[6];
    for (int i = 0; i < 6; i++)
        a[i] = draw(&s);
    tie_down(nr, a);
    memset(scratch, 0, SCRATCH);
    rec->at_nr = nr;
    rec->at_call = k;
    struct itimerval guard = { .it_value = { 0, 20000 } }, off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &guard, NULL);
    errno = 0;
    long r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    int e = errno;
    setitimer(ITIMER_REAL, &off, NULL);
    rec->out[nr][k] = r == -1 ? (struct outcome){ RETURNED_ERR, e } : (struct outcome){ RETURNED_OK, 0 };
}

static _Noreturn void child(int nr, int k, int end)
{
    child_setup();
    for (; nr < end; nr++, k = 0)
        for (; k < CALLS; k++)
            if (!why_excluded(nr))
                call_one(nr, k);
    rec->at_nr = end;
    _exit(0);
}

/* Runs calls from (nr, k) up to number end in a child; returns where to
 * go on from. */
static void run_batch(int *nr, int *k, int end)
{
    rec->at_nr = *nr;
    rec->at_call = *k;
    pid_t p = fork_checked();
    if (p == 0)
        child(*nr, *k, end);
    int st = 0, waited = 0;
    pid_t r;
    while ((r = waitpid(p, &st, WNOHANG)) == 0 && waited < 10000) {
        nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
        waited++;
    }
    int hung = r == 0;
    if (hung) {
        kill(p, SIGKILL);
        waitpid(p, &st, 0);
    }
    int at = rec->at_nr, ak = rec->at_call;
    if (at >= end && !hung && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
        *nr = end;
        *k = 0;
        return;
    }
    struct outcome *o = &rec->out[at][ak];
    *o = hung ? (struct outcome){ HUNG, 0 } :
         WIFSIGNALED(st) ? (struct outcome){ KILLED, WTERMSIG(st) } :
                           (struct outcome){ EXITED, WEXITSTATUS(st) };
    *nr = ak + 1 < CALLS ? at : at + 1;
    *k = ak + 1 < CALLS ? ak + 1 : 0;
}

static void print_outcome(const struct outcome *o)
{
    switch (o->kind) {
    case RETURNED_OK: case RETURNED_ERR: printf(" returned"); break;
    case KILLED: printf(" killed by signal %d", o->detail); break;
    case EXITED: printf(" exit %d", o->detail); break;
    case HUNG: printf(" hung"); break;
    default: printf(" -"); break;
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    rec = mmap(NULL, sizeof *rec, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    uint8_t *area = mmap(NULL, SCRATCH + 2 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (rec == MAP_FAILED || area == MAP_FAILED || mprotect(area + 4096, SCRATCH, PROT_READ | PROT_WRITE) != 0) {
        printf("setup failed\n");
        return 1;
    }
    scratch = area + 4096;
    for (int nr = 0, k = 0; nr < NRS;) {
        int end = (nr / BATCH + 1) * BATCH;
        run_batch(&nr, &k, end);
    }
    int counts[SKIPPED + 1] = { 0 };
    for (int nr = 0; nr < NRS; nr++) {
        const char *why = why_excluded(nr);
        if (why) {
            counts[SKIPPED]++;
            continue;
        }
        int ended = 0;
        for (int k = 0; k < CALLS; k++) {
            counts[rec->out[nr][k].kind]++;
            ended |= rec->out[nr][k].kind != RETURNED_OK && rec->out[nr][k].kind != RETURNED_ERR;
        }
        if (!ended)
            continue;
        printf("syscall %d:", nr);
        for (int k = 0; k < CALLS; k++)
            print_outcome(&rec->out[nr][k]);
        printf("\n");
    }
    printf("calls: %d returned, %d killed, %d exited, %d hung, %d not run; numbers skipped: %d\n",
           counts[RETURNED_OK] + counts[RETURNED_ERR], counts[KILLED], counts[EXITED], counts[HUNG],
           counts[NOT_RUN], counts[SKIPPED]);
    CHECK(counts[NOT_RUN] == 0);
    return guest_done();
}
