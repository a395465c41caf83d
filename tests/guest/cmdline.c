/* /proc/self/cmdline (and /proc/PID/cmdline) list the program's own argv,
 * each string ending in a NUL, whatever runs it: not the translator's or
 * emulator's command line. argv[0] is printed without its directory, which
 * differs between the builds; the whole of it is compared with argv. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

static char buf[1 << 16];

/* The file's contents into buf; its length, or -1. */
static long slurp(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    long got = 0, n;
    while (got < (long)sizeof buf && (n = read(fd, buf + got, sizeof buf - (size_t)got)) > 0)
        got += n;
    close(fd);
    return got;
}

/* Whether buf[0..len) is exactly argv, NUL after each string. */
static int same_as_argv(long len, int argc, char **argv)
{
    long at = 0;
    for (int i = 0; i < argc; i++) {
        long n = (long)strlen(argv[i]) + 1;
        if (at + n > len || memcmp(buf + at, argv[i], (size_t)n))
            return 0;
        at += n;
    }
    return at == len;
}

int main(int argc, char **argv)
{
    long len = slurp("/proc/self/cmdline");
    CHECK(len > 0);
    if (len <= 0)
        return guest_done();
    int strings = 0;
    for (long at = 0; at < len; at += (long)strlen(buf + at) + 1, strings++) {
        const char *s = buf + at;
        if (at == 0 && strrchr(s, '/'))
            s = strrchr(s, '/') + 1;
        printf("cmdline[%d] \"%s\"\n", strings, s);
    }
    printf("%d strings, %d arguments, ends in NUL: %s\n", strings, argc, buf[len - 1] ? "no" : "yes");
    CHECK(same_as_argv(len, argc, argv));

    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)getpid());
    long len2 = slurp(path);
    printf("/proc/PID/cmdline the same: %s\n", len2 == len && same_as_argv(len2, argc, argv) ? "yes" : "no");
    return guest_done();
}
