/* measure: runs one command for bench/run.py and reports its wall time,
 * CPU time and peak RSS. It exists because Python cannot fork the timed
 * program itself: at execve the kernel carries the old address space's
 * high-water RSS into the new program's ru_maxrss, so every program forked
 * from Python would show at least Python's own RSS. Forked from this small
 * process, it starts from almost nothing.
 *
 *   measure RESULT_FILE TIMEOUT_SECONDS CMD [ARGS...]
 *
 * The command inherits stdin, stdout and stderr. RESULT_FILE gets one line,
 * "WALL USER SYS MAXRSS_KB STATUS TIMED_OUT": seconds, seconds, seconds,
 * KiB, the exit status (128+N for signal N), 1 if TIMEOUT_SECONDS ran out
 * and the command was killed. Exit status 0, or 2 when it could not run
 * the command or write the result. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static pid_t child;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    kill(child, SIGKILL);
}

static double seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: measure RESULT_FILE TIMEOUT_SECONDS CMD [ARGS...]\n");
        return 2;
    }
    char *end;
    double limit = strtod(argv[2], &end);
    if (end == argv[2] || *end || limit <= 0) {
        fprintf(stderr, "measure: bad timeout '%s'\n", argv[2]);
        return 2;
    }
    struct sigaction sa = { .sa_handler = on_alarm };
    sigaction(SIGALRM, &sa, NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    child = fork();
    if (child < 0) {
        perror("measure: fork");
        return 2;
    }
    if (child == 0) {
        execvp(argv[3], argv + 3);
        fprintf(stderr, "measure: %s: %s\n", argv[3], strerror(errno));
        _exit(127);
    }
    struct itimerval it = { .it_value = { (time_t)limit, (suseconds_t)((limit - (double)(time_t)limit) * 1e6) } };
    setitimer(ITIMER_REAL, &it, NULL);
    int status;
    struct rusage ru;
    while (wait4(child, &status, 0, &ru) < 0)
        if (errno != EINTR) {
            perror("measure: wait4");
            return 2;
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(f, "%.6f %.6f %.6f %ld %d %d\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9,
            seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss, code, (int)timed_out);
    return fclose(f) ? 2 : 0;
}
