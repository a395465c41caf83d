/* Memory syscalls beyond mmap/munmap: msync on a shared file mapping,
 * mincore, the mlock family, membarrier, the madvise kinds (DONTNEED zeroing
 * private memory and restoring file contents, FREE, the hints). What
 * qemu-riscv64 7.2 gets wrong (MAP_FIXED_NOREPLACE, mlock2, madvise's
 * refusals, mprotect over holes) is in sys_native.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/membarrier.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "guest.h"

#define PG 4096

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == ENOMEM ? "ENOMEM" : e == EEXIST ? "EEXIST" : e == EFAULT ? "EFAULT"
         : e == EACCES ? "EACCES" : e == EPERM ? "EPERM" : e == EBUSY ? "EBUSY" : "other";
}

static void test_msync_mincore(void)
{
    char path[] = "rvdbt-sys-mem-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && ftruncate(fd, 2 * PG) == 0);
    char *m = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED);
    memcpy(m + 100, "synced", 6);
    printf("msync: %d", msync(m, 2 * PG, MS_SYNC));
    char buf[8] = "";
    CHECK(pread(fd, buf, 6, 100) == 6);
    printf(" file has \"%s\"", buf);
    int r = msync(m + 1, PG, MS_SYNC);
    printf(", unaligned %d %s", r, err(errno));
    r = msync(m, PG, MS_SYNC | MS_ASYNC);
    printf(", SYNC|ASYNC %d %s\n", r, err(errno));

    unsigned char vec[3] = { 0xff, 0xff, 0xff };
    r = mincore(m, 2 * PG, vec);
    printf("mincore: %d first page resident %d, vec[2] untouched %d", r, vec[0] & 1, vec[2] == 0xff);
    r = mincore(m + 1, PG, vec);
    printf(", unaligned %d %s", r, err(errno));
    munmap(m + PG, PG);
    r = mincore(m, 2 * PG, vec);
    printf(", over a hole %d %s", r, err(errno));
    r = mincore(m, PG, (unsigned char *)8);
    printf(", bad vector %d %s\n", r, err(errno));
    munmap(m, PG);
    close(fd);
    unlink(path);
}

static void test_mlock(void)
{
    char *a = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED);
    printf("mlock: %d", mlock(a + 10, PG));
    printf(", munlock %d", munlock(a, 4 * PG));
    munmap(a + 2 * PG, PG);
    int r;
    r = mlock(a, 4 * PG);
    printf(", over a hole %d %s\n", r, err(errno));
    r = mlockall(0);
    printf("mlockall(0): %d %s", r, err(errno));
    r = mlockall(MCL_ONFAULT);
    printf(", ONFAULT alone %d %s", r, err(errno));
    printf(", munlockall %d\n", munlockall());
    munmap(a, 4 * PG);
}

static void test_membarrier(void)
{
    int q = (int)syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    printf("membarrier query: private expedited %d", q > 0 && (q & MEMBARRIER_CMD_PRIVATE_EXPEDITED));
    int r = (int)syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    printf(", before registering %d %s", r, err(errno));
    printf(", register %d", (int)syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
    printf(", then %d", (int)syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
    r = (int)syscall(SYS_membarrier, 1 << 20, 0, 0);
    printf(", unknown command %d %s\n", r, err(errno));
}

static void test_madvise(void)
{
    char *a = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(a, 'x', 2 * PG);
    int r = madvise(a, PG, MADV_DONTNEED);
    printf("madvise DONTNEED: %d reads %d", r, a[10]);
    printf(", second page kept %c\n", a[PG + 10]);
    int h[5] = { madvise(a, 2 * PG, MADV_NORMAL), madvise(a, 2 * PG, MADV_RANDOM),
                 madvise(a, 2 * PG, MADV_SEQUENTIAL), madvise(a, 2 * PG, MADV_WILLNEED),
                 madvise(a, 2 * PG, MADV_DONTDUMP) };
    printf("madvise hints: %d %d %d %d %d", h[0], h[1], h[2], h[3], h[4]);
    printf(", FREE %d", madvise(a + PG, PG, MADV_FREE));
    a[PG] = 'y';
    printf(" then written %c", a[PG]);
    r = madvise(a + 1, PG, MADV_NORMAL);
    printf(", unaligned %d %s\n", r, err(errno));
    munmap(a, 2 * PG);

    char path[] = "rvdbt-sys-mem-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, "file contents", 13) == 13);
    char *m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(m != MAP_FAILED);
    memcpy(m, "FILE", 4);
    printf("private file page written: %.13s", m);
    r = madvise(m, PG, MADV_DONTNEED);
    printf(", DONTNEED %d, reads the file again: %.13s\n", r, m);
    munmap(m, PG);
    close(fd);
    unlink(path);
}

int main(void)
{
    test_msync_mincore();
    test_mlock();
    test_membarrier();
    test_madvise();
    return guest_done();
}
