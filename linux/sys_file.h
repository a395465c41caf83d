/* The file-descriptor syscalls sys_file.c carries out: I/O in its plain,
 * vector and positioned forms, in-kernel copies, open/close/dup/pipe,
 * fcntl, ioctl, locks, syncing, space and advice (see sys_impl.h for the
 * X/U entry format). */
#ifndef SYS_FILE_H
#define SYS_FILE_H

#define SYS_FILE_LIST(X, U) \
    X(23,  dup,             R_INT, A_FD) \
    X(24,  dup3,            R_INT, A_FD, A_FD, A_FDFLAGS) \
    X(25,  fcntl,           R_INT, A_FD, A_FCNTL, A_HEX) \
    X(29,  ioctl,           R_INT, A_FD, A_HEX, A_HEX) \
    X(32,  flock,           R_INT, A_FD, A_INT) \
    X(46,  ftruncate,       R_INT, A_FD, A_LONG) \
    X(47,  fallocate,       R_INT, A_FD, A_INT, A_LONG, A_LONG) \
    X(56,  openat,          R_INT, A_DIRFD, A_STR, A_OFLAGS, A_OCT) \
    X(57,  close,           R_INT, A_FD) \
    X(59,  pipe2,           R_INT, A_PTR, A_FDFLAGS) \
    X(62,  lseek,           R_INT, A_FD, A_LONG, A_WHENCE) \
    X(63,  read,            R_INT, A_FD, A_PTR, A_SIZE) \
    X(64,  write,           R_INT, A_FD, A_BUF, A_SIZE) \
    X(65,  readv,           R_INT, A_FD, A_PTR, A_INT) \
    X(66,  writev,          R_INT, A_FD, A_PTR, A_INT) \
    X(67,  pread64,         R_INT, A_FD, A_PTR, A_SIZE, A_LONG) \
    X(68,  pwrite64,        R_INT, A_FD, A_BUF, A_SIZE, A_LONG) \
    X(69,  preadv,          R_INT, A_FD, A_PTR, A_INT, A_LONG) \
    X(70,  pwritev,         R_INT, A_FD, A_PTR, A_INT, A_LONG) \
    X(71,  sendfile,        R_INT, A_FD, A_FD, A_PTR, A_SIZE) \
    X(75,  vmsplice,        R_INT, A_FD, A_PTR, A_SIZE, A_HEX) \
    X(76,  splice,          R_INT, A_FD, A_PTR, A_FD, A_PTR, A_SIZE, A_HEX) \
    X(77,  tee,             R_INT, A_FD, A_FD, A_SIZE, A_HEX) \
    X(81,  sync,            R_INT, A_NONE) \
    X(82,  fsync,           R_INT, A_FD) \
    X(83,  fdatasync,       R_INT, A_FD) \
    X(84,  sync_file_range, R_INT, A_FD, A_LONG, A_LONG, A_HEX) \
    X(213, readahead,       R_INT, A_FD, A_LONG, A_SIZE) \
    X(223, fadvise64,       R_INT, A_FD, A_LONG, A_LONG, A_INT) \
    X(267, syncfs,          R_INT, A_FD) \
    X(279, memfd_create,    R_INT, A_STR, A_HEX) \
    X(285, copy_file_range, R_INT, A_FD, A_PTR, A_FD, A_PTR, A_SIZE, A_HEX) \
    X(286, preadv2,         R_INT, A_FD, A_PTR, A_INT, A_LONG, A_LONG, A_HEX) \
    X(287, pwritev2,        R_INT, A_FD, A_PTR, A_INT, A_LONG, A_LONG, A_HEX) \
    X(436, close_range,     R_INT, A_INT, A_INT, A_HEX) \
    U(0,   io_setup) U(1, io_destroy) U(2, io_submit) U(3, io_cancel) U(4, io_getevents) \
    U(292, io_pgetevents) \
    U(425, io_uring_setup) U(426, io_uring_enter) U(427, io_uring_register) \
    U(437, openat2) U(438, pidfd_getfd)

#endif
