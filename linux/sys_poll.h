/* The waiting and event-descriptor syscalls sys_poll.c carries out: poll,
 * select, epoll, eventfd, timerfd, signalfd (see sys_impl.h for the X/U
 * entry format). */
#ifndef SYS_POLL_H
#define SYS_POLL_H

#define SYS_POLL_LIST(X, U) \
    X(19,  eventfd2,        R_INT, A_INT, A_FDFLAGS) \
    X(20,  epoll_create1,   R_INT, A_FDFLAGS) \
    X(21,  epoll_ctl,       R_INT, A_FD, A_INT, A_FD, A_PTR) \
    X(22,  epoll_pwait,     R_INT, A_FD, A_PTR, A_INT, A_INT, A_PTR, A_SIZE) \
    X(72,  pselect6,        R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR) \
    X(73,  ppoll,           R_INT, A_PTR, A_INT, A_PTR, A_PTR, A_SIZE) \
    X(74,  signalfd4,       R_INT, A_FD, A_PTR, A_SIZE, A_FDFLAGS) \
    X(85,  timerfd_create,  R_INT, A_CLOCK, A_FDFLAGS) \
    X(86,  timerfd_settime, R_INT, A_FD, A_HEX, A_PTR, A_PTR) \
    X(87,  timerfd_gettime, R_INT, A_FD, A_PTR) \
    X(441, epoll_pwait2,    R_INT, A_FD, A_PTR, A_INT, A_PTR, A_PTR, A_SIZE)

#endif
