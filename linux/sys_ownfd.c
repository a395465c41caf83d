/* rvdbt's own long-lived files (the -D log, the perf map) share the fd table
 * with the guest. A guest that closes every fd it did not open (daemons do,
 * and so do shells before exec) and then opens files would get their
 * numbers, and rvdbt would write its lines into the guest's files. So their
 * fds sit at the top of the guest's RLIMIT_NOFILE range, and the guest
 * cannot name them: a syscall given one as an fd fails with EBADF, as for a
 * number nothing has open, and close_range passes over them. */
#include <fcntl.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <unistd.h>
#include "linux/sys_impl.h"

/* fd + 1 of each own file, 0 for a free entry. Written by the main thread
 * before the guest runs and by a forked child before it goes on; read by
 * every guest thread's syscalls. */
static _Atomic int own[SYS_OWN_MAX];

bool sys_own_fd(int fd)
{
    if (fd < 0)
        return false;
    for (int i = 0; i < SYS_OWN_MAX; i++)
        if (atomic_load_explicit(&own[i], memory_order_relaxed) - 1 == fd)
            return true;
    return false;
}

int sys_own_fds_in(unsigned first, unsigned last, unsigned *fds)
{
    int n = 0;
    for (int i = 0; i < SYS_OWN_MAX; i++) {
        int v = atomic_load_explicit(&own[i], memory_order_relaxed);
        if (v > 0 && (unsigned)(v - 1) >= first && (unsigned)(v - 1) <= last) {
            int j = n++;
            for (; j > 0 && fds[j - 1] > (unsigned)(v - 1); j--)
                fds[j] = fds[j - 1];
            fds[j] = (unsigned)(v - 1);
        }
    }
    return n;
}

/* Where an own fd goes: as high as the soft limit lets F_DUPFD place it,
 * leaving room for all of them. */
static int high_fd(int fd)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur <= 64)
        return fd;
    int up = fcntl(fd, F_DUPFD_CLOEXEC, (int)(rl.rlim_cur - SYS_OWN_MAX));
    return up >= 0 ? up : fd;
}

FILE *sys_own_fopen(const char *path, const char *mode)
{
    FILE *f = fopen(path, mode);
    if (!f)
        return NULL;
    int up = high_fd(fileno(f));
    if (up != fileno(f)) {
        FILE *g = fdopen(up, mode);
        if (g) {
            fclose(f);
            f = g;
        } else {
            close(up);
        }
    }
    for (int i = 0; i < SYS_OWN_MAX; i++) {
        int none = 0;
        if (atomic_compare_exchange_strong(&own[i], &none, fileno(f) + 1))
            break;
    }
    return f;
}

void sys_own_fclose(FILE *f)
{
    int v = fileno(f) + 1;
    for (int i = 0; i < SYS_OWN_MAX; i++) {
        int want = v;
        atomic_compare_exchange_strong(&own[i], &want, 0);
    }
    fclose(f);
}

bool sys_names_own_fd(const struct sys_entry *e, const uint64_t *a)
{
    for (int i = 0; i < 6 && e->arg[i] != A_NONE; i++)
        if ((e->arg[i] == A_FD || e->arg[i] == A_DIRFD) && sys_own_fd((int)a[i]))
            return true;
    return false;
}
