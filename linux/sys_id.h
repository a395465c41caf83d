/* The identity, credential, scheduling-policy and machine-description
 * syscalls sys_id.c carries out (see sys_impl.h for the X/U entry format). */
#ifndef SYS_ID_H
#define SYS_ID_H

#define SYS_ID_LIST(X, U) \
    X(30,  ioprio_set,      R_INT, A_INT, A_INT, A_INT) \
    X(31,  ioprio_get,      R_INT, A_INT, A_INT) \
    X(90,  capget,          R_INT, A_PTR, A_PTR) \
    X(91,  capset,          R_INT, A_PTR, A_PTR) \
    X(92,  personality,     R_HEX, A_HEX) \
    X(118, sched_setparam,  R_INT, A_INT, A_PTR) \
    X(119, sched_setscheduler, R_INT, A_INT, A_INT, A_PTR) \
    X(120, sched_getscheduler, R_INT, A_INT) \
    X(121, sched_getparam,  R_INT, A_INT, A_PTR) \
    X(122, sched_setaffinity, R_INT, A_INT, A_SIZE, A_PTR) \
    X(125, sched_get_priority_max, R_INT, A_INT) \
    X(126, sched_get_priority_min, R_INT, A_INT) \
    X(127, sched_rr_get_interval, R_INT, A_INT, A_PTR) \
    X(140, setpriority,     R_INT, A_INT, A_INT, A_INT) \
    X(141, getpriority,     R_INT, A_INT, A_INT) \
    X(143, setregid,        R_INT, A_INT, A_INT) \
    X(144, setgid,          R_INT, A_INT) \
    X(145, setreuid,        R_INT, A_INT, A_INT) \
    X(146, setuid,          R_INT, A_INT) \
    X(147, setresuid,       R_INT, A_INT, A_INT, A_INT) \
    X(148, getresuid,       R_INT, A_PTR, A_PTR, A_PTR) \
    X(149, setresgid,       R_INT, A_INT, A_INT, A_INT) \
    X(150, getresgid,       R_INT, A_PTR, A_PTR, A_PTR) \
    X(151, setfsuid,        R_INT, A_INT) \
    X(152, setfsgid,        R_INT, A_INT) \
    X(158, getgroups,       R_INT, A_INT, A_PTR) \
    X(159, setgroups,       R_INT, A_INT, A_PTR) \
    X(166, umask,           R_OCT, A_OCT) \
    X(167, prctl,           R_INT, A_INT, A_HEX, A_HEX, A_HEX, A_HEX) \
    X(168, getcpu,          R_INT, A_PTR, A_PTR, A_PTR) \
    X(258, riscv_hwprobe,   R_INT, A_PTR, A_SIZE, A_SIZE, A_PTR, A_HEX) \
    X(274, sched_setattr,   R_INT, A_INT, A_PTR, A_HEX) \
    X(275, sched_getattr,   R_INT, A_INT, A_PTR, A_SIZE, A_HEX)

#endif
