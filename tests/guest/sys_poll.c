/* Waiting and event descriptors: epoll (whose struct epoll_event is 16
 * bytes on riscv64 and 12 on x86-64) on pipes and an eventfd, level and
 * edge triggered, with data words that use all 64 bits; eventfd counting and
 * semaphore mode; timerfd one-shot and periodic, relative and absolute;
 * ppoll and pselect6 with timeouts and masks; signalfd's checks. (Where
 * qemu-riscv64 7.2 departs from Linux, the case is in tests/unit/test_sys.c
 * instead: epoll_pwait2, which it lacks, epoll_wait into an unwritable
 * buffer with nothing ready, signalfd with a 4-byte mask.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == EBADF ? "EBADF" : e == EFAULT ? "EFAULT" : e == EEXIST ? "EEXIST"
         : e == ENOENT ? "ENOENT" : e == EAGAIN ? "EAGAIN" : e == EPERM ? "EPERM" : "other";
}

static void test_epoll(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK(ep >= 0 && (fcntl(ep, F_GETFD) & FD_CLOEXEC));
    int p[2], q[2];
    CHECK(pipe(p) == 0 && pipe(q) == 0);
    int efd = eventfd(0, EFD_NONBLOCK);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ull };
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
    ev = (struct epoll_event){ .events = EPOLLIN | EPOLLET, .data.u64 = 0xfedcba9876543210ull };
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev) == 0);
    ev = (struct epoll_event){ .events = EPOLLIN | EPOLLOUT, .data.fd = efd };
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev) == 0);
    int r = epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    printf("epoll_ctl add twice: %d %s\n", r, err(errno));
    r = epoll_ctl(ep, EPOLL_CTL_MOD, p[1] + 100, &ev);
    printf("epoll_ctl mod bad fd: %d %s\n", r, err(errno));

    struct epoll_event out[8];
    memset(out, 0, sizeof out);
    int n = epoll_wait(ep, out, 8, 0);
    printf("epoll_wait, eventfd writable: %d events %#x data %d\n", n, out[0].events,
           out[0].data.fd == efd);
    CHECK(write(p[1], "a", 1) == 1 && write(q[1], "bc", 2) == 2);
    uint64_t one = 1;
    CHECK(write(efd, &one, 8) == 8);
    memset(out, 0, sizeof out);
    n = epoll_wait(ep, out, 8, 1000);
    unsigned seen = 0;
    for (int i = 0; i < n; i++) {
        if (out[i].data.u64 == 0x1122334455667788ull && out[i].events == EPOLLIN)
            seen |= 1;
        else if (out[i].data.u64 == 0xfedcba9876543210ull && out[i].events == EPOLLIN)
            seen |= 2;
        else if (out[i].data.fd == efd && out[i].events == (EPOLLIN | EPOLLOUT))
            seen |= 4;
    }
    printf("epoll_wait: %d events, all three with their data: %d\n", n, seen == 7);
    /* one slot: the rest stay ready */
    n = epoll_wait(ep, out, 1, 0);
    printf("epoll_wait maxevents 1: %d\n", n);
    /* edge-triggered q reports once until new data comes */
    CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0);
    CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL) == 0);
    n = epoll_wait(ep, out, 8, 0);
    printf("epoll_wait edge-triggered, no new data: %d\n", n);
    CHECK(write(q[1], "d", 1) == 1);
    sigset_t none;
    sigemptyset(&none);
    n = epoll_pwait(ep, out, 8, 1000, &none);
    printf("epoll_pwait after new data: %d %d\n", n, n == 1 && out[0].data.u64 == 0xfedcba9876543210ull);
    r = epoll_wait(ep, out, 0, 0);
    printf("epoll_wait maxevents 0: %d %s\n", r, err(errno));
    r = epoll_ctl(ep, EPOLL_CTL_ADD, p[0], (struct epoll_event *)8);
    printf("epoll_ctl bad event pointer: %d %s\n", r, err(errno));
    close(ep);
    close(p[0]);
    close(p[1]);
    close(q[0]);
    close(q[1]);
    close(efd);
}

static void test_eventfd(void)
{
    int fd = eventfd(5, EFD_CLOEXEC | EFD_NONBLOCK);
    uint64_t v = 0, add = 3;
    CHECK(write(fd, &add, 8) == 8 && read(fd, &v, 8) == 8);
    printf("eventfd: %llu\n", (unsigned long long)v);
    int r = (int)read(fd, &v, 8);
    printf("eventfd empty: %d %s\n", r, err(errno));
    r = (int)read(fd, &v, 4);
    printf("eventfd short read: %d %s\n", r, err(errno));
    close(fd);
    fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    CHECK(read(fd, &v, 8) == 8 && v == 1 && read(fd, &v, 8) == 8 && v == 1);
    r = (int)read(fd, &v, 8);
    printf("eventfd semaphore: two reads of 1, then %d %s\n", r, err(errno));
    close(fd);
    r = eventfd(0, 0x12345);
    printf("eventfd bad flags: %d %s\n", r, err(errno));
}

static void test_timerfd(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    CHECK(fd >= 0);
    struct itimerspec its = { .it_value = { 0, 20000000 } }, cur, old;
    CHECK(timerfd_settime(fd, 0, &its, NULL) == 0 && timerfd_gettime(fd, &cur) == 0);
    printf("timerfd armed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
                                  cur.it_value.tv_nsec <= 20000000);
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int n = poll(&pfd, 1, 2000);
    uint64_t count = 0;
    CHECK(read(fd, &count, 8) == 8);
    printf("timerfd fired: poll %d revents %#x count %llu\n", n, pfd.revents, (unsigned long long)count);
    its = (struct itimerspec){ .it_interval = { 0, 5000000 }, .it_value = { 0, 5000000 } };
    CHECK(timerfd_settime(fd, 0, &its, &old) == 0);
    printf("timerfd old value disarmed: %d\n", old.it_value.tv_sec == 0 && old.it_value.tv_nsec == 0);
    struct timespec wait = { 0, 30000000 };
    nanosleep(&wait, NULL);
    CHECK(read(fd, &count, 8) == 8);
    printf("timerfd periodic: more than one expiry %d\n", count > 1);
    CHECK(timerfd_gettime(fd, &cur) == 0 && cur.it_interval.tv_nsec == 5000000);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    its = (struct itimerspec){ .it_value = now };
    CHECK(timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL) == 0);
    n = poll(&pfd, 1, 2000);
    printf("timerfd absolute, in the past: poll %d\n", n);
    its.it_value.tv_nsec = 1000000000;
    int r = timerfd_settime(fd, 0, &its, NULL);
    printf("timerfd bad nsec: %d %s\n", r, err(errno));
    close(fd);
    r = timerfd_create(12345, 0);
    printf("timerfd bad clock: %d %s\n", r, err(errno));
}

static void test_poll_select(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct pollfd fds[2] = { { .fd = p[0], .events = POLLIN }, { .fd = p[1], .events = POLLOUT } };
    struct timespec ts = { 0, 10000000 };
    int n = ppoll(fds, 2, &ts, NULL);
    printf("ppoll: %d revents %#x %#x\n", n, fds[0].revents, fds[1].revents);
    ts = (struct timespec){ 0, 20000000 };
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    n = ppoll(fds, 1, &ts, &mask);
    printf("ppoll timeout with a mask: %d, time left %ld.%09ld\n", n, (long)ts.tv_sec, ts.tv_nsec);
    n = (int)syscall(SYS_ppoll, fds, 1, NULL, &mask, 4);
    printf("ppoll sigsetsize 4: %d %s\n", n, err(errno));
    n = (int)syscall(SYS_ppoll, fds, 1ul << 32 | 1, &ts, NULL, 8);
    printf("ppoll nfds is 32 bits: %d revents %#x\n", n, fds[0].revents);
    CHECK(write(p[1], "x", 1) == 1);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    ts = (struct timespec){ 1, 0 };
    n = pselect(p[1] + 1, &rd, &wr, NULL, &ts, &mask);
    printf("pselect: %d read %d write %d\n", n, FD_ISSET(p[0], &rd), FD_ISSET(p[1], &wr));
    char c;
    CHECK(read(p[0], &c, 1) == 1);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    ts = (struct timespec){ 0, 10000000 };
    n = pselect(p[0] + 1, &rd, NULL, NULL, &ts, NULL);
    printf("pselect timeout: %d read %d\n", n, FD_ISSET(p[0], &rd));
    n = pselect(-1, NULL, NULL, NULL, &ts, NULL);
    printf("pselect nfds -1: %d %s\n", n, err(errno));
    close(p[0]);
    close(p[1]);
}

static void test_signalfd(void)
{
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    int fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC));
    struct signalfd_siginfo si;
    int r = (int)read(fd, &si, sizeof si);
    printf("signalfd, nothing pending: %d %s\n", r, err(errno));
    sigaddset(&mask, SIGUSR1);
    printf("signalfd update: %d\n", signalfd(fd, &mask, 0) == fd);
    r = (int)syscall(SYS_signalfd4, -1, &mask, 8, 0x7fff0000);
    printf("signalfd bad flags: %d %s\n", r, err(errno));
    r = signalfd(0, &mask, 0);
    printf("signalfd on a non-signalfd: %d %s\n", r, err(errno));
    close(fd);
}

int main(void)
{
    test_epoll();
    test_eventfd();
    test_timerfd();
    test_poll_select();
    test_signalfd();
    return guest_done();
}
