/* Threads and processes: clone (a guest thread on a host thread of its own,
 * or a forked process), exit of one thread and of all, thread ids. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/crash.h"
#include "linux/sig.h"
#include "linux/sys_impl.h"
#include "linux/thread.h"
#include "translator/tr_exec.h"

/* linux/sched.h */
#define RV_CSIGNAL              0x000000ffull
#define RV_CLONE_VM             0x00000100ull
#define RV_CLONE_FS             0x00000200ull
#define RV_CLONE_FILES          0x00000400ull
#define RV_CLONE_SIGHAND        0x00000800ull
#define RV_CLONE_PIDFD          0x00001000ull
#define RV_CLONE_PTRACE         0x00002000ull
#define RV_CLONE_VFORK          0x00004000ull
#define RV_CLONE_PARENT         0x00008000ull
#define RV_CLONE_THREAD         0x00010000ull
#define RV_CLONE_NEWNS          0x00020000ull
#define RV_CLONE_SYSVSEM        0x00040000ull
#define RV_CLONE_SETTLS         0x00080000ull
#define RV_CLONE_PARENT_SETTID  0x00100000ull
#define RV_CLONE_CHILD_CLEARTID 0x00200000ull
#define RV_CLONE_DETACHED       0x00400000ull
#define RV_CLONE_UNTRACED       0x00800000ull
#define RV_CLONE_CHILD_SETTID   0x01000000ull
#define RV_CLONE_IO             0x80000000ull

/* What a thread needs of a new thread's share of the process: its own
 * host thread takes these. */
#define THREAD_FLAGS (RV_CLONE_VM | RV_CLONE_FS | RV_CLONE_FILES | RV_CLONE_SIGHAND | RV_CLONE_THREAD)

/* Host threads of guest threads: room for the dispatcher, the translator
 * and host signal handlers; guest stacks are guest memory. */
#define HOST_STACK_SIZE (1u << 20)

/* The guest thread id is the host's for the thread running it. */
int64_t sys_gettid(struct rv_cpu *c, const uint64_t *a)
{
    (void)a;
    return (int64_t)c->tid;
}

int64_t sys_set_tid_address(struct rv_cpu *c, const uint64_t *a)
{
    thread_of(c)->clear_child_tid = a[0];
    return (int64_t)c->tid;
}

static void put_tid(struct rv_cpu *c, uint64_t addr, int32_t tid)
{
    if (addr)
        mmu_write(sys_mmu(c), addr, &tid, sizeof tid);   /* a bad address is ignored, as by Linux */
}

struct clone_start {
    struct rv_cpu *parent;
    uint64_t flags, sp, ptid, tls, ctid;
    sem_t started;
    int32_t tid;             /* or -errno */
};

static void *thread_main(void *arg)
{
    struct clone_start *s = arg;
    struct rv_cpu *p = s->parent;
    struct rv_thread *t = thread_new(p->proc, thread_of(p)->sigmask);
    if (!t) {
        s->tid = -EAGAIN;
        sem_post(&s->started);
        return NULL;
    }
    struct rv_cpu *c = t->cpu;
    /* The parent's registers as they are after its ecall (pc is past it). */
    memcpy(c->x, p->x, sizeof c->x);
    memcpy(c->f, p->f, sizeof c->f);
    c->pc = p->pc;
    c->fflags = p->fflags;
    c->frm = p->frm;
    c->x[10] = 0;
    if (s->sp)
        c->x[2] = s->sp;
    if (s->flags & RV_CLONE_SETTLS)
        c->x[4] = s->tls;
    if (s->flags & RV_CLONE_PARENT_SETTID)
        put_tid(c, s->ptid, t->tid);
    if (s->flags & RV_CLONE_CHILD_SETTID)
        put_tid(c, s->ctid, t->tid);
    if (s->flags & RV_CLONE_CHILD_CLEARTID)
        t->clear_child_tid = s->ctid;
    sig_thread_start(t);
    s->tid = t->tid;
    sem_post(&s->started);   /* s is the parent's: gone from here on */
    linux_run(t);
}

static int64_t clone_thread(struct rv_cpu *c, uint64_t flags, uint64_t sp, uint64_t ptid,
                            uint64_t tls, uint64_t ctid)
{
    struct clone_start s = { .parent = c, .flags = flags, .sp = sp, .ptid = ptid, .tls = tls, .ctid = ctid };
    pthread_attr_t attr;
    pthread_t th;

    sem_init(&s.started, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, HOST_STACK_SIZE);
    /* The new host thread starts with every signal blocked, until it is
     * the guest thread's and takes that mask (linux_run). */
    uint64_t old = sig_host_mask_set(~0ull);
    __atomic_add_fetch(&c->proc->n_threads, 1, __ATOMIC_ACQ_REL);
    int err = pthread_create(&th, &attr, thread_main, &s);
    sig_host_mask_set(old);
    pthread_attr_destroy(&attr);
    if (err) {
        __atomic_sub_fetch(&c->proc->n_threads, 1, __ATOMIC_ACQ_REL);
        sem_destroy(&s.started);
        return -EAGAIN;
    }
    while (sem_wait(&s.started) < 0)
        ;
    sem_destroy(&s.started);
    if (s.tid < 0)
        __atomic_sub_fetch(&c->proc->n_threads, 1, __ATOMIC_ACQ_REL);
    return s.tid;
}

/* A new process: the host forks, and the child carries on with this thread
 * alone and a code cache of its own. vfork and CLONE_VM without a thread
 * (posix_spawn) are forks too: the child cannot share our translator, and
 * what it changes before exec stays its own, as under qemu. */
static int64_t clone_process(struct rv_cpu *c, uint64_t flags, uint64_t sp, uint64_t ptid,
                             uint64_t tls, uint64_t ctid)
{
    struct rv_thread *t = thread_of(c);
    struct mmu *m = sys_mmu(c);
    if ((flags & RV_CSIGNAL) > RV_NSIG)
        return -EINVAL;
    fflush(NULL);
    int fd = tr_exec_fork_begin(c);
    if (fd < 0)
        return fd == -ENOMEM ? -ENOMEM : -EAGAIN;
    pthread_rwlock_wrlock(&m->lock);
    pthread_mutex_lock(&c->proc->sig_lock);
    pid_t pid = fork();
    if (pid == 0) {
        /* The locks' owner is a thread of the parent's by glibc's account (an
         * rwlock knows its writer by tid, which the child's thread does not
         * have): start them afresh. */
        pthread_mutex_init(&c->proc->sig_lock, NULL);
        pthread_rwlock_init(&m->lock, NULL);
    } else {
        pthread_mutex_unlock(&c->proc->sig_lock);
        pthread_rwlock_unlock(&m->lock);
    }
    if (pid != 0) {
        tr_exec_fork_end(c, fd, false, NULL);
        if (pid < 0)
            return -errno;
        if (flags & RV_CLONE_PARENT_SETTID)
            put_tid(c, ptid, pid);
        return pid;
    }
    int err = tr_exec_fork_end(c, fd, true, thread_forget);
    if (err)
        rv_internal_error("the forked child cannot copy the code cache: %s", strerror(-err));
    c->proc->n_threads = 1;
    if (c->proc->report.forked)
        c->proc->report.forked(c->proc);
    /* the reports are the parent's; a grandchild's map is the child's */
    c->proc->report = (struct rv_report){ .forked = c->proc->report.forked };
    t->tid = (int32_t)gettid();
    c->tid = (uint64_t)t->tid;
    if (sp)
        c->x[2] = sp;
    if (flags & RV_CLONE_SETTLS)
        c->x[4] = tls;
    if (flags & RV_CLONE_CHILD_SETTID)
        put_tid(c, ctid, t->tid);
    if (flags & RV_CLONE_CHILD_CLEARTID)
        t->clear_child_tid = ctid;
    return 0;
}

/* riscv64 takes clone's arguments in the CLONE_BACKWARDS order: flags,
 * stack, parent tid, tls, child tid. */
int64_t sys_clone(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t flags = a[0];
    if (flags & RV_CLONE_THREAD) {
        /* The combinations Linux refuses, and the ones a thread cannot do
         * without (its own host thread shares everything else). */
        if ((flags & THREAD_FLAGS) != THREAD_FLAGS || (flags & RV_CLONE_VFORK))
            return -EINVAL;
        return clone_thread(c, flags, a[1], a[2], a[3], a[4]);
    }
    if (flags & (RV_CLONE_SIGHAND | RV_CLONE_FILES | RV_CLONE_FS | RV_CLONE_PIDFD | RV_CLONE_NEWNS |
                 RV_CLONE_PARENT))
        return (flags & RV_CLONE_SIGHAND) && !(flags & RV_CLONE_VM) ? -EINVAL : -ENOSYS;
    return clone_process(c, flags, a[1], a[2], a[3], a[4]);
}

/* The thread group leader's status, kept when it exits before the others:
 * the process's exit status is the leader's (unless exit_group). */
static int leader_status;

/* exit ends the calling thread; the last one to go ends the process.
 * exit(), not _exit(): stdio is flushed and --stats prints from an atexit
 * handler. */
int64_t sys_exit(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    int status = (int)(a[0] & 0xff);
    if (t->tid == getpid())
        leader_status = status;
    if (__atomic_sub_fetch(&c->proc->n_threads, 1, __ATOMIC_ACQ_REL) == 0) {
        c->proc->exit_status = leader_status;
        exit(leader_status);
    }
    /* CLONE_CHILD_CLEARTID: pthread_join waits on this word. */
    if (t->clear_child_tid) {
        uint32_t zero = 0;
        uint32_t *word = mmu_ptr(sys_mmu(c), t->clear_child_tid, 4, MMU_W);
        if (word && mmu_write(sys_mmu(c), t->clear_child_tid, &zero, 4) == 0)
            syscall(SYS_futex, word, 1 /* FUTEX_WAKE */, 1, NULL, NULL, 0);
    }
    sig_host_mask_set(~0ull);
    sig_thread_start(NULL);
    thread_free(t);
    pthread_exit(NULL);
}

int64_t sys_exit_group(struct rv_cpu *c, const uint64_t *a)
{
    crash_provoke(c);
    c->proc->exit_status = (int)(a[0] & 0xff);
    exit((int)(a[0] & 0xff));
}
