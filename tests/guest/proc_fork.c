/* fork and waitpid: children's exit statuses reaped in an order of the
 * parent's choosing, children ended by signals (their own SIGKILL, abort, a
 * null store, the parent's SIGTERM) seen as WIFSIGNALED with the signal; the
 * child's copy of memory and its own pid and parent pid; pipes both ways,
 * with more data than a pipe holds so both sides block; vfork with _exit;
 * fork from a second thread, the child having that thread only. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

/* waitpid for one child, retried across signals; the raw status. */
static int reap(pid_t pid)
{
    int st = -1;
    pid_t r;
    while ((r = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
        ;
    CHECK(r == pid);
    return st;
}

static void describe(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

static void test_exit_statuses(void)
{
    stage = "exit statuses";
    pid_t kids[5];
    for (int i = 0; i < 5; i++) {
        kids[i] = fork_checked();
        if (kids[i] == 0)
            _exit(i * 50 + 5);
        CHECK(kids[i] > 0);
    }
    for (int i = 4; i >= 0; i--) {      /* newest first: each waitpid picks its own */
        int st = reap(kids[i]);
        char what[32];
        snprintf(what, sizeof what, "child %d", i);
        describe(what, st);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == i * 50 + 5);
    }
    pid_t none = waitpid(-1, NULL, 0);
    int err = errno;
    printf("no children left: %d %s\n", (int)none, strerror(err));
    CHECK(none == -1 && err == ECHILD);

    /* exit() flushes the child's own stdio buffer, holding what it printed */
    pid_t p = fork_checked();
    if (p == 0) {
        setvbuf(stdout, NULL, _IOFBF, BUFSIZ);
        printf("child's buffered line\n");
        exit(3);
    }
    describe("exit() child", reap(p));
}

static volatile uintptr_t null_addr;    /* the compiler cannot see the store is to 0 */

static void test_signaled(void)
{
    stage = "killed children";
    pid_t p = fork_checked();
    if (p == 0) {
        raise(SIGKILL);
        _exit(0);
    }
    int st = reap(p);
    describe("raise(SIGKILL)", st);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    p = fork_checked();
    if (p == 0)
        abort();
    st = reap(p);
    describe("abort()", st);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);

    p = fork_checked();
    if (p == 0) {
        *(volatile int *)null_addr = 1;
        _exit(0);
    }
    st = reap(p);
    describe("null store", st);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);

    /* The child waits in pause() until the parent's SIGTERM ends it. A pipe
     * tells the parent the child is there (its SIGTERM is still default). */
    int ready[2];
    CHECK(pipe(ready) == 0);
    p = fork_checked();
    if (p == 0) {
        close(ready[0]);
        write(ready[1], "r", 1);
        for (;;)
            pause();
    }
    close(ready[1]);
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    close(ready[0]);
    CHECK(kill(p, SIGTERM) == 0);
    st = reap(p);
    describe("parent's SIGTERM", st);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
}

static int shared_value = 100;

static void test_memory_and_ids(void)
{
    stage = "memory and ids";
    pid_t parent = getpid();
    int *heap = malloc(sizeof *heap);
    *heap = 7;
    pid_t p = fork_checked();
    if (p == 0) {
        int ok = shared_value == 100 && *heap == 7 && getppid() == parent && getpid() != parent;
        shared_value = 1;
        *heap = 1;
        _exit(ok ? 0 : 1);
    }
    int st = reap(p);
    printf("child saw the parent's memory and ids: %d; parent's copy after: %d %d\n",
           WIFEXITED(st) && WEXITSTATUS(st) == 0, shared_value, *heap);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && shared_value == 100 && *heap == 7);
    free(heap);
}

/* Parent sends BIG bytes down one pipe; the child sums them and sends each
 * byte back incremented up the other, while still reading: both pipes fill,
 * so both processes block in turn. */
#define BIG (256 * 1024)

static void test_pipes(void)
{
    stage = "pipes";
    int down[2], up[2];
    CHECK(pipe(down) == 0 && pipe(up) == 0);
    pid_t p = fork_checked();
    if (p == 0) {
        close(down[1]);
        close(up[0]);
        unsigned char buf[4096];
        uint64_t sum = 0;
        ssize_t n;
        while ((n = read(down[0], buf, sizeof buf)) > 0) {
            for (ssize_t i = 0; i < n; i++) {
                sum += buf[i];
                buf[i]++;
            }
            for (ssize_t done = 0; done < n;) {
                ssize_t w = write(up[1], buf + done, n - done);
                if (w <= 0)
                    _exit(2);
                done += w;
            }
        }
        write(up[1], &sum, sizeof sum);     /* after EOF: the trailer */
        _exit(n == 0 ? 0 : 3);
    }
    close(down[0]);
    close(up[1]);

    /* A writer thread would need threads; alternate instead: write a chunk,
     * then read back whatever has come so far. */
    static unsigned char out[BIG], back[BIG + sizeof(uint64_t)];
    uint64_t want = 0;
    for (int i = 0; i < BIG; i++) {
        out[i] = (unsigned char)(i * 131 + (i >> 9));
        want += out[i];
    }
    size_t sent = 0, got = 0;
    while (sent < BIG) {
        ssize_t w = write(down[1], out + sent, BIG - sent < 8192 ? BIG - sent : 8192);
        CHECK(w > 0);
        if (w <= 0)
            break;
        sent += w;
        while (got + 8192 < sent) {     /* keep the child's replies draining */
            ssize_t r = read(up[0], back + got, sizeof back - got);
            CHECK(r > 0);
            if (r <= 0)
                break;
            got += r;
        }
    }
    close(down[1]);     /* EOF for the child */
    ssize_t r;
    while ((r = read(up[0], back + got, sizeof back - got)) > 0)
        got += r;
    close(up[0]);
    int st = reap(p);
    int bad = 0;
    for (int i = 0; i < BIG && got >= BIG; i++)
        bad += back[i] != (unsigned char)(out[i] + 1);
    uint64_t sum = 0;
    if (got == sizeof back)
        memcpy(&sum, back + BIG, sizeof sum);
    printf("pipes: got %zu bytes back, %d wrong, child's sum right %d, child %s\n", got, bad,
           sum == want, WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ok" : "failed");
    CHECK(got == sizeof back && bad == 0 && sum == want && WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void test_vfork(void)
{
    stage = "vfork";
    pid_t p = vfork();
    if (p == 0)
        _exit(42);
    CHECK(p > 0);
    int st = reap(p);
    describe("vfork child", st);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
}

static void *forking_thread(void *arg)
{
    pid_t *tid = arg;
    *tid = gettid();
    pid_t p = fork_checked();
    if (p == 0) {
        /* The child is a copy of this thread alone: it is its process's
         * only thread, so its tid is its pid. */
        _exit(gettid() == getpid() ? 9 : 1);
    }
    return (void *)(intptr_t)reap(p);
}

static void test_fork_from_thread(void)
{
    stage = "fork from a thread";
    pthread_t t;
    pid_t tid = 0;
    void *st;
    t = start_thread(NULL, forking_thread, &tid);
    CHECK(pthread_join(t, &st) == 0);
    describe("fork from a thread", (int)(intptr_t)st);
    CHECK(WIFEXITED((int)(intptr_t)st) && WEXITSTATUS((int)(intptr_t)st) == 9);
    CHECK(tid != getpid());
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);   /* nothing buffered to be copied by fork */
    start_alarm_watchdog(50);
    test_exit_statuses();
    test_signaled();
    test_memory_and_ids();
    test_pipes();
    test_vfork();
    test_fork_from_thread();
    return guest_done();
}
