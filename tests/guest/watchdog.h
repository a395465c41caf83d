/* What the thread, process and signal tests share: a watchdog that ends a
 * stuck test with a line naming where it was (status 99) rather than let
 * it hang, and thread and process creation that end the test with a line
 * when they fail (a fork's -1 passed on to kill() would signal every
 * process the user may signal). */
#ifndef WATCHDOG_H
#define WATCHDOG_H

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the test is doing now, for the watchdog's line. */
static const char *volatile stage = "start";

static inline void on_watchdog(int sig)
{
    (void)sig;
    static const char msg[] = "watchdog: stuck in ";
    write(1, msg, sizeof msg - 1);
    write(1, stage, strlen(stage));
    write(1, "\n", 1);
    _exit(99);
}

/* SIGALRM after seconds (tests of SIGALRM itself set up their own). */
static inline void start_alarm_watchdog(unsigned seconds)
{
    signal(SIGALRM, on_watchdog);
    alarm(seconds);
}

/* Whether the process or thread whose /proc stat file is path sleeps in
 * the kernel (state S). */
static inline int asleep(const char *path)
{
    char buf[256];
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *paren = strrchr(buf, ')');    /* the name may hold spaces */
    return paren && paren[1] == ' ' && paren[2] == 'S';
}

static inline pthread_t start_thread(const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
    pthread_t t;
    int r = pthread_create(&t, attr, fn, arg);
    if (r != 0) {
        printf("pthread_create failed: %s\n", strerror(r));
        exit(1);
    }
    return t;
}

static inline pid_t fork_checked(void)
{
    fflush(stdout);
    pid_t p = fork();
    if (p < 0) {
        printf("fork failed: %s\n", strerror(errno));
        exit(1);
    }
    return p;
}

#endif
