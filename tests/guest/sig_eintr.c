/* A signal that arrives while the program is blocked in a system call, sent
 * by a child once it sees the parent asleep (/proc/PID/stat state S): read
 * on an empty pipe and write to a full one fail with EINTR without
 * SA_RESTART; with it, the read goes on through several signals and returns
 * the data written after them. nanosleep, poll and pause end with EINTR
 * either way, and nanosleep reports the time left. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

/* Shared with the sender child. */
struct shared {
    volatile int handled;       /* the parent's handler runs */
    volatile int done;          /* the parent's call returned: stop sending */
};
static struct shared *sh;

static void on_usr1(int sig)
{
    (void)sig;
    sh->handled++;
}

static void set_handler(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
}

static void pause_ms(int ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* Whether process PID is asleep in the kernel. */
static int sleeping(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    return asleep(path);
}

/* Forks a child that waits for the parent to sleep, then sends it SIGUSR1
 * COUNT times, each after the last was handled, then writes MSG to FD (if
 * FD >= 0). COUNT 0: keeps sending, one every 50 ms, until sh->done. */
static pid_t start_sender(int count, int fd, const char *msg)
{
    pid_t parent = getpid();
    sh->handled = sh->done = 0;
    pid_t p = fork_checked();
    if (p == 0) {
        for (int sent = 0; count == 0 ? !sh->done : sent < count; sent++) {
            while (!sleeping(parent) && !sh->done)
                pause_ms(5);
            if (sh->done)
                break;
            kill(parent, SIGUSR1);
            if (count == 0) {
                pause_ms(50);
                continue;
            }
            for (int wait = 0; sh->handled <= sent && wait < 10000; wait++)
                pause_ms(1);
        }
        if (fd >= 0)
            write(fd, msg, strlen(msg));
        _exit(0);
    }
    return p;
}

static void stop_sender(pid_t p)
{
    sh->done = 1;
    int st;
    while (waitpid(p, &st, 0) < 0 && errno == EINTR)
        ;
}

static void test_read(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    char buf[32];

    stage = "read without SA_RESTART";
    set_handler(0);
    pid_t p = start_sender(0, -1, NULL);
    ssize_t n = read(fds[0], buf, sizeof buf);
    int err = errno;
    stop_sender(p);
    printf("read without SA_RESTART: %zd %s, handled >= 1 %d\n", n, strerror(err), sh->handled >= 1);
    CHECK(n == -1 && err == EINTR && sh->handled >= 1);

    stage = "read with SA_RESTART";
    set_handler(SA_RESTART);
    p = start_sender(4, fds[1], "hello");
    memset(buf, 0, sizeof buf);
    n = read(fds[0], buf, sizeof buf - 1);
    err = errno;
    stop_sender(p);
    printf("read with SA_RESTART: %zd '%s', handled %d\n", n, n > 0 ? buf : strerror(err), sh->handled);
    CHECK(n == 5 && !strcmp(buf, "hello") && sh->handled == 4);
    close(fds[0]);
    close(fds[1]);
}

static void test_write(void)
{
    stage = "write without SA_RESTART";
    int fds[2];
    CHECK(pipe(fds) == 0);
    /* fill it without blocking, then block on one more byte */
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    long filled = 0;
    ssize_t w;
    while ((w = write(fds[1], chunk, sizeof chunk)) > 0)
        filled += w;
    while (write(fds[1], chunk, 1) == 1)
        filled++;
    fcntl(fds[1], F_SETFL, 0);
    set_handler(0);
    pid_t p = start_sender(0, -1, NULL);
    w = write(fds[1], chunk, 1);
    int err = errno;
    stop_sender(p);
    printf("write to a full pipe: %zd %s, filled > 0 %d\n", w, strerror(err), filled > 0);
    CHECK(w == -1 && err == EINTR);
    close(fds[0]);
    close(fds[1]);
}

static void test_never_restarted(void)
{
    set_handler(SA_RESTART);

    stage = "nanosleep";
    pid_t p = start_sender(0, -1, NULL);
    struct timespec ts = {30, 0}, rem = {0, 0};
    int r = nanosleep(&ts, &rem);
    int err = errno;
    stop_sender(p);
    printf("nanosleep: %d %s, time left reported %d\n", r, strerror(err),
           rem.tv_sec > 0 && rem.tv_sec <= 30);
    CHECK(r == -1 && err == EINTR && rem.tv_sec > 0 && rem.tv_sec <= 30);

    stage = "poll";
    int fds[2];
    CHECK(pipe(fds) == 0);
    p = start_sender(0, -1, NULL);
    struct pollfd pf = {.fd = fds[0], .events = POLLIN};
    r = poll(&pf, 1, 30000);
    err = errno;
    stop_sender(p);
    printf("poll: %d %s\n", r, strerror(err));
    CHECK(r == -1 && err == EINTR);
    close(fds[0]);
    close(fds[1]);

    stage = "pause";
    p = start_sender(0, -1, NULL);
    r = pause();
    err = errno;
    stop_sender(p);
    printf("pause: %d %s, handled >= 1 %d\n", r, strerror(err), sh->handled >= 1);
    CHECK(r == -1 && err == EINTR && sh->handled >= 1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(sh != MAP_FAILED);
    if (sh == MAP_FAILED)
        return guest_done();
    test_read();
    test_write();
    test_never_restarted();
    return guest_done();
}
