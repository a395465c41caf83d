/* The socket syscalls sys_net.c carries out (see sys_impl.h for the X/U
 * entry format). */
#ifndef SYS_NET_H
#define SYS_NET_H

#define SYS_NET_LIST(X, U) \
    X(198, socket,          R_INT, A_FAMILY, A_SOCKTYPE, A_INT) \
    X(199, socketpair,      R_INT, A_FAMILY, A_SOCKTYPE, A_INT, A_PTR) \
    X(200, bind,            R_INT, A_FD, A_PTR, A_INT) \
    X(201, listen,          R_INT, A_FD, A_INT) \
    X(202, accept,          R_INT, A_FD, A_PTR, A_PTR) \
    X(203, connect,         R_INT, A_FD, A_PTR, A_INT) \
    X(204, getsockname,     R_INT, A_FD, A_PTR, A_PTR) \
    X(205, getpeername,     R_INT, A_FD, A_PTR, A_PTR) \
    X(206, sendto,          R_INT, A_FD, A_BUF, A_SIZE, A_HEX, A_PTR, A_INT) \
    X(207, recvfrom,        R_INT, A_FD, A_PTR, A_SIZE, A_HEX, A_PTR, A_PTR) \
    X(208, setsockopt,      R_INT, A_FD, A_INT, A_INT, A_PTR, A_INT) \
    X(209, getsockopt,      R_INT, A_FD, A_INT, A_INT, A_PTR, A_PTR) \
    X(210, shutdown,        R_INT, A_FD, A_INT) \
    X(211, sendmsg,         R_INT, A_FD, A_PTR, A_HEX) \
    X(212, recvmsg,         R_INT, A_FD, A_PTR, A_HEX) \
    X(242, accept4,         R_INT, A_FD, A_PTR, A_PTR, A_SOCKTYPE) \
    X(243, recvmmsg,        R_INT, A_FD, A_PTR, A_INT, A_HEX, A_PTR) \
    X(269, sendmmsg,        R_INT, A_FD, A_PTR, A_INT, A_HEX)

#endif
