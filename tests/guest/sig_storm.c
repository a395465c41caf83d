/* A storm of signals at one thread. First a thread spinning in a pure
 * compute loop gets STORM SIGUSR1s by pthread_kill: it handles at least one
 * (signals pending at once merge into one) and every round of its
 * computation still comes out right. Then a thread blocked in a system call
 * gets STORM of them by tgkill, with and without SA_RESTART, as Linux
 * treats each call: read on an empty pipe and FUTEX_WAIT (no timeout) are
 * restarted under SA_RESTART, so they never return EINTR and end when main
 * writes the byte or wakes the futex; without it they return EINTR; and
 * nanosleep returns EINTR either way. A blocked target is sent signals
 * only once /proc says it sleeps, and, where EINTR is expected, until it
 * has seen one, so what is printed does not depend on timing. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define STORM 10000

static int handled;
static void on_usr1(int sig)
{
    (void)sig;
    __atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

static void use_handler(int flags)
{
    struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = flags };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}

static void pause_ms(int ms)
{
    struct timespec ts = { 0, ms * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* ---- a thread computing ---- */
static volatile int stop;

static uint64_t compute(uint64_t seed)
{
    uint64_t h = seed;
    for (int i = 0; i < 20000; i++)
        h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9u + (uint64_t)i;
    return h;
}

static void *spinner(void *arg)
{
    uint64_t want = *(uint64_t *)arg, rounds = 0, wrong = 0;
    while (!stop || rounds == 0) {
        wrong += compute(7) != want;
        rounds++;
    }
    return (void *)(uintptr_t)wrong;
}

static void test_busy(void)
{
    stage = "signals to a computing thread";
    use_handler(SA_RESTART);
    handled = 0;
    stop = 0;
    uint64_t want = compute(7);
    pthread_t t = start_thread(NULL, spinner, &want);
    for (int i = 0; i < STORM; i++)
        pthread_kill(t, SIGUSR1);
    while (__atomic_load_n(&handled, __ATOMIC_RELAXED) == 0)
        pause_ms(1);
    stop = 1;
    void *wrong;
    pthread_join(t, &wrong);
    printf("busy: handled some: %s, wrong results %lu\n", handled > 0 ? "yes" : "no",
           (unsigned long)(uintptr_t)wrong);
    CHECK(handled > 0 && wrong == NULL);
}

/* ---- a thread blocked in a system call ---- */
static int pipe_fd[2];
static uint32_t futex_word;
static volatile int released;
static pid_t target_tid;
static int eintrs;

static long block_read(void)
{
    char c;
    return read(pipe_fd[0], &c, 1);
}
static void release_read(void)
{
    CHECK(write(pipe_fd[1], "x", 1) == 1);
}

static long block_futex(void)
{
    long r = syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return r < 0 && errno == EAGAIN ? 0 : r;    /* woken before it slept */
}
static void release_futex(void)
{
    __atomic_store_n(&futex_word, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, &futex_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static long block_sleep(void)
{
    struct timespec ts = { 20, 0 };
    return nanosleep(&ts, NULL);
}
static void release_sleep(void)
{
    /* Only a signal ends it: the target checks `released` after EINTR. */
}

struct blocker {
    const char *name;
    long (*block)(void);
    void (*release)(void);
    int restarts;           /* SA_RESTART makes Linux restart it */
};

static void *blocked_thread(void *arg)
{
    const struct blocker *b = arg;
    __atomic_store_n(&target_tid, gettid(), __ATOMIC_SEQ_CST);
    for (;;) {
        long r = b->block();
        if (r >= 0 || errno != EINTR)
            break;
        __atomic_fetch_add(&eintrs, 1, __ATOMIC_SEQ_CST);
        if (released)
            break;
    }
    return NULL;
}

/* Whether thread tid is asleep in the kernel. */
static int sleeping(pid_t tid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
    return asleep(path);
}

static void send(pid_t tid)
{
    syscall(SYS_tgkill, getpid(), tid, SIGUSR1);
}

static void test_blocked(const struct blocker *b, int restart)
{
    char what[80];
    snprintf(what, sizeof what, "signals to a thread blocked in %s%s", b->name, restart ? ", SA_RESTART" : "");
    stage = what;
    use_handler(restart ? SA_RESTART : 0);
    handled = eintrs = 0;
    released = 0;
    target_tid = 0;
    futex_word = 0;
    pthread_t t = start_thread(NULL, blocked_thread, (void *)b);
    pid_t tid;
    while (!(tid = __atomic_load_n(&target_tid, __ATOMIC_SEQ_CST)))
        pause_ms(1);
    while (!sleeping(tid))
        pause_ms(1);
    for (int i = 0; i < STORM; i++)
        send(tid);
    int want_eintr = !(restart && b->restarts);
    while (__atomic_load_n(&handled, __ATOMIC_RELAXED) == 0 ||
           (want_eintr && __atomic_load_n(&eintrs, __ATOMIC_SEQ_CST) == 0)) {
        pause_ms(1);
        if (sleeping(tid))
            send(tid);
    }
    released = 1;
    b->release();
    /* A target that went back to sleep after EINTR needs one more signal. */
    while (pthread_tryjoin_np(t, NULL) == EBUSY) {
        if (!b->restarts || !restart)
            send(tid);
        pause_ms(1);
    }
    printf("%s%s: handled some: %s, %s\n", b->name, restart ? " SA_RESTART" : "", handled > 0 ? "yes" : "no",
           eintrs ? "EINTR" : "restarted");
    CHECK(handled > 0 && (eintrs > 0) == want_eintr);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    if (pipe(pipe_fd) != 0)
        return 1;
    test_busy();
    static const struct blocker blockers[] = {
        { "read", block_read, release_read, 1 },
        { "futex", block_futex, release_futex, 1 },
        { "nanosleep", block_sleep, release_sleep, 0 },
    };
    for (size_t i = 0; i < sizeof blockers / sizeof *blockers; i++)
        for (int restart = 1; restart >= 0; restart--)
            test_blocked(&blockers[i], restart);
    return guest_done();
}
