/* A program that closes every fd but 0-2, as daemons and shells do (with
 * close_range, then close on each number up to its fd limit), opens a file
 * several times, so that it gets the lowest numbers again, and writes
 * lines through each, running code it had not run before in between. The
 * file must then hold exactly what the program wrote: under an emulator
 * whose own files (a log, a perf map) share the fd table, none of their
 * lines may land in it. tests/dlog.sh and tests/profile.sh run it under
 * -D and --perf-map. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "guest.h"

#define OPENS 6
#define LINES 40

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Code run only after the fds were closed: new blocks for the emulator to
 * translate, and log, while the program's files hold the low numbers. */
static __attribute__((noinline)) int after_close_line(char *buf, size_t size, int k, int i)
{
    double v[16];
    for (int j = 0; j < 16; j++)
        v[j] = (double)((k * 31 + i * 17 + j * 7) % 23) / 3.0;
    qsort(v, 16, sizeof *v, by_value);
    return snprintf(buf, size, "fd %d line %d: %.3f %.3f %.3e\n", k, i, v[0], v[15], v[7] * 1e5);
}

int main(void)
{
    syscall(SYS_close_range, 3u, ~0u, 0u);
    struct rlimit rl;
    long limit = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536 ? (long)rl.rlim_cur : 65536;
    for (long fd = 3; fd < limit; fd++)
        close((int)fd);

    const char *path = "closeall.txt";
    int fds[OPENS];
    for (int k = 0; k < OPENS; k++) {
        fds[k] = open(path, O_WRONLY | O_CREAT | O_APPEND | (k == 0 ? O_TRUNC : 0), 0644);
        CHECK(fds[k] >= 0);
    }
    static char want[OPENS * LINES * 80];
    size_t len = 0;
    for (int i = 0; i < LINES; i++)
        for (int k = 0; k < OPENS; k++) {
            char line[80];
            int n = after_close_line(line, sizeof line, k, i);
            CHECK(write(fds[k], line, (size_t)n) == n);
            memcpy(want + len, line, (size_t)n);
            len += (size_t)n;
        }
    for (int k = 0; k < OPENS; k++)
        close(fds[k]);

    static char got[sizeof want + 4096];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, got, sizeof got) : -1;
    if (fd >= 0)
        close(fd);
    unlink(path);
    int same = n == (ssize_t)len && memcmp(got, want, len) == 0;
    printf("fds reused from 3: %s; the file holds only the program's %zu bytes: %s\n",
           fds[0] == 3 ? "yes" : "no", len, same ? "yes" : "no");
    CHECK(fds[0] == 3 && same);
    return guest_done();
}
