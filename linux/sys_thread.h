/* The syscalls sys_thread.c carries out: clone (threads and forks), the
 * exit of a thread and of the process, thread ids (see sys_impl.h for the
 * X/U entry format). */
#ifndef SYS_THREAD_H
#define SYS_THREAD_H

#define SYS_THREAD_LIST(X, U) \
    X(93,  exit,            R_NORET, A_INT) \
    X(94,  exit_group,      R_NORET, A_INT) \
    X(96,  set_tid_address, R_INT, A_PTR) \
    X(178, gettid,          R_INT, A_NONE) \
    X(220, clone,           R_INT, A_HEX, A_HEX, A_PTR, A_HEX, A_PTR)

#endif
