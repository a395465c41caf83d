/* The clock, sleep, timer and process-time syscalls sys_time.c carries out
 * (see sys_impl.h for the X/U entry format). */
#ifndef SYS_TIME_H
#define SYS_TIME_H

#define SYS_TIME_LIST(X, U) \
    X(101, nanosleep,       R_INT, A_PTR, A_PTR) \
    X(102, getitimer,       R_INT, A_INT, A_PTR) \
    X(103, setitimer,       R_INT, A_INT, A_PTR, A_PTR) \
    X(107, timer_create,    R_INT, A_CLOCK, A_PTR, A_PTR) \
    X(108, timer_gettime,   R_INT, A_INT, A_PTR) \
    X(109, timer_getoverrun, R_INT, A_INT) \
    X(110, timer_settime,   R_INT, A_INT, A_HEX, A_PTR, A_PTR) \
    X(111, timer_delete,    R_INT, A_INT) \
    X(112, clock_settime,   R_INT, A_CLOCK, A_PTR) \
    X(113, clock_gettime,   R_INT, A_CLOCK, A_PTR) \
    X(114, clock_getres,    R_INT, A_CLOCK, A_PTR) \
    X(115, clock_nanosleep, R_INT, A_CLOCK, A_HEX, A_PTR, A_PTR) \
    X(153, times,           R_INT, A_PTR) \
    X(169, gettimeofday,    R_INT, A_PTR, A_PTR) \
    X(170, settimeofday,    R_INT, A_PTR, A_PTR) \
    X(171, adjtimex,        R_INT, A_PTR) \
    X(266, clock_adjtime,   R_INT, A_CLOCK, A_PTR)

#endif
