/* The signal syscalls sys_signal.c carries out (see sys_impl.h for the X/U
 * entry format). */
#ifndef SYS_SIGNAL_H
#define SYS_SIGNAL_H

#define SYS_SIGNAL_LIST(X, U) \
    X(129, kill,            R_INT, A_INT, A_SIG) \
    X(130, tkill,           R_INT, A_INT, A_SIG) \
    X(131, tgkill,          R_INT, A_INT, A_INT, A_SIG) \
    X(132, sigaltstack,     R_INT, A_PTR, A_PTR) \
    X(133, rt_sigsuspend,   R_INT, A_PTR, A_SIZE) \
    X(134, rt_sigaction,    R_INT, A_SIG, A_PTR, A_PTR, A_SIZE) \
    X(135, rt_sigprocmask,  R_INT, A_INT, A_PTR, A_PTR, A_SIZE) \
    X(136, rt_sigpending,   R_INT, A_PTR, A_SIZE) \
    X(137, rt_sigtimedwait, R_INT, A_PTR, A_PTR, A_PTR, A_SIZE) \
    X(139, rt_sigreturn,    R_INT, A_NONE) \
    X(138, rt_sigqueueinfo, R_INT, A_INT, A_SIG, A_PTR) \
    X(240, rt_tgsigqueueinfo, R_INT, A_INT, A_INT, A_SIG, A_PTR) \
    U(424, pidfd_send_signal)

#endif
