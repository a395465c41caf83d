/* The path and metadata syscalls sys_fs.c carries out: stat in its forms,
 * directories, links, permissions, times, file system statistics, inotify
 * (see sys_impl.h for the X/U entry format). */
#ifndef SYS_FS_H
#define SYS_FS_H

#define SYS_FS_LIST(X, U) \
    X(17,  getcwd,          R_INT, A_PTR, A_SIZE) \
    X(26,  inotify_init1,   R_INT, A_FDFLAGS) \
    X(27,  inotify_add_watch, R_INT, A_FD, A_STR, A_HEX) \
    X(28,  inotify_rm_watch, R_INT, A_FD, A_INT) \
    X(33,  mknodat,         R_INT, A_DIRFD, A_STR, A_OCT, A_HEX) \
    X(34,  mkdirat,         R_INT, A_DIRFD, A_STR, A_OCT) \
    X(35,  unlinkat,        R_INT, A_DIRFD, A_STR, A_ATFLAGS) \
    X(36,  symlinkat,       R_INT, A_STR, A_DIRFD, A_STR) \
    X(37,  linkat,          R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_ATFLAGS) \
    X(43,  statfs,          R_INT, A_STR, A_PTR) \
    X(44,  fstatfs,         R_INT, A_FD, A_PTR) \
    X(45,  truncate,        R_INT, A_STR, A_LONG) \
    X(48,  faccessat,       R_INT, A_DIRFD, A_STR, A_OCT) \
    X(49,  chdir,           R_INT, A_STR) \
    X(50,  fchdir,          R_INT, A_FD) \
    X(52,  fchmod,          R_INT, A_FD, A_OCT) \
    X(53,  fchmodat,        R_INT, A_DIRFD, A_STR, A_OCT) \
    X(54,  fchownat,        R_INT, A_DIRFD, A_STR, A_INT, A_INT, A_ATFLAGS) \
    X(55,  fchown,          R_INT, A_FD, A_INT, A_INT) \
    X(61,  getdents64,      R_INT, A_FD, A_PTR, A_SIZE) \
    X(78,  readlinkat,      R_INT, A_DIRFD, A_STR, A_PTR, A_SIZE) \
    X(79,  newfstatat,      R_INT, A_DIRFD, A_STR, A_PTR, A_ATFLAGS) \
    X(80,  fstat,           R_INT, A_FD, A_PTR) \
    X(88,  utimensat,       R_INT, A_DIRFD, A_STR, A_PTR, A_ATFLAGS) \
    X(276, renameat2,       R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_HEX) \
    X(291, statx,           R_INT, A_DIRFD, A_STR, A_ATFLAGS, A_HEX, A_PTR) \
    X(439, faccessat2,      R_INT, A_DIRFD, A_STR, A_OCT, A_ATFLAGS) \
    X(452, fchmodat2,       R_INT, A_DIRFD, A_STR, A_OCT, A_ATFLAGS) \
    U(5,   setxattr) U(6, lsetxattr) U(7, fsetxattr) U(8, getxattr) U(9, lgetxattr) \
    U(10,  fgetxattr) U(11, listxattr) U(12, llistxattr) U(13, flistxattr) \
    U(14,  removexattr) U(15, lremovexattr) U(16, fremovexattr) \
    U(18,  lookup_dcookie) U(38, renameat) U(39, umount2) U(40, mount) U(41, pivot_root) \
    U(42,  nfsservctl) U(51, chroot) U(58, vhangup) U(60, quotactl) U(89, acct) \
    U(224, swapon) U(225, swapoff) U(262, fanotify_init) U(263, fanotify_mark) \
    U(264, name_to_handle_at) U(265, open_by_handle_at) \
    U(428, open_tree) U(429, move_mount) U(430, fsopen) U(431, fsconfig) U(432, fsmount) \
    U(433, fspick) U(442, mount_setattr) U(443, quotactl_fd) \
    U(444, landlock_create_ruleset) U(445, landlock_add_rule) U(446, landlock_restrict_self) \
    U(451, cachestat)

#endif
