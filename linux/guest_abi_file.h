/* More of the riscv64 guest ABI (see guest_abi.h for the rules): the
 * constants and records of the file and file-system calls in sys_file.c and
 * sys_fs.c, copied from /usr/riscv64-linux-gnu/include (header per group). */
#ifndef GUEST_ABI_FILE_H
#define GUEST_ABI_FILE_H

#include <stdint.h>

/* linux/fs.h: preadv2/pwritev2 flags */
#define RV_RWF_HIPRI   0x01
#define RV_RWF_DSYNC   0x02
#define RV_RWF_SYNC    0x04
#define RV_RWF_NOWAIT  0x08
#define RV_RWF_APPEND  0x10

/* linux/falloc.h */
#define RV_FALLOC_FL_KEEP_SIZE   0x01
#define RV_FALLOC_FL_PUNCH_HOLE  0x02
#define RV_FALLOC_FL_ZERO_RANGE  0x10

/* linux/fadvise.h (the values other than s390's) */
#define RV_POSIX_FADV_NORMAL     0
#define RV_POSIX_FADV_RANDOM     1
#define RV_POSIX_FADV_SEQUENTIAL 2
#define RV_POSIX_FADV_WILLNEED   3
#define RV_POSIX_FADV_DONTNEED   4
#define RV_POSIX_FADV_NOREUSE    5

/* linux/memfd.h */
#define RV_MFD_CLOEXEC       0x0001u
#define RV_MFD_ALLOW_SEALING 0x0002u
#define RV_MFD_HUGETLB       0x0004u

/* linux/close_range.h */
#define RV_CLOSE_RANGE_UNSHARE (1u << 1)
#define RV_CLOSE_RANGE_CLOEXEC (1u << 2)

/* linux/inotify.h: the event record read from an inotify fd; the name
 * (len bytes, NUL-padded) follows. The flags are the O_ ones. */
#define RV_IN_ACCESS      0x00000001
#define RV_IN_MODIFY      0x00000002
#define RV_IN_CREATE      0x00000100
#define RV_IN_DELETE      0x00000200
#define RV_IN_IGNORED     0x00008000
#define RV_IN_ONLYDIR     0x01000000
#define RV_IN_MASK_ADD    0x20000000
#define RV_IN_ISDIR       0x40000000
#define RV_IN_ONESHOT     0x80000000u
struct rv_inotify_event {
    int32_t wd;
    uint32_t mask;
    uint32_t cookie;
    uint32_t len;
};
_Static_assert(sizeof(struct rv_inotify_event) == 16, "struct inotify_event header");

#endif
