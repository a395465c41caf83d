/* The syscalls sys_exec.c carries out: execve and the waits for children
 * (see sys_impl.h for the X/U entry format). */
#ifndef SYS_EXEC_H
#define SYS_EXEC_H

#define SYS_EXEC_LIST(X, U) \
    X(95,  waitid,          R_INT, A_INT, A_INT, A_PTR, A_HEX, A_PTR) \
    X(221, execve,          R_INT, A_STR, A_PTR, A_PTR) \
    X(260, wait4,           R_INT, A_INT, A_PTR, A_HEX, A_PTR)

#endif
