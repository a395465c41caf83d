/* The process syscalls sys_proc.c carries out: ids, limits and usage,
 * futex, and the calls glibc's startup makes (see
 * sys_impl.h for the X/U entry format). */
#ifndef SYS_PROC_H
#define SYS_PROC_H

#define SYS_PROC_LIST(X, U) \
    X(98,  futex,           R_INT, A_PTR, A_FUTEX, A_INT, A_PTR, A_PTR, A_INT) \
    X(99,  set_robust_list, R_INT, A_PTR, A_SIZE) \
    X(123, sched_getaffinity, R_INT, A_INT, A_SIZE, A_PTR) \
    X(124, sched_yield,     R_INT, A_NONE) \
    X(154, setpgid,         R_INT, A_INT, A_INT) \
    X(155, getpgid,         R_INT, A_INT) \
    X(156, getsid,          R_INT, A_INT) \
    X(157, setsid,          R_INT, A_NONE) \
    X(160, uname,           R_INT, A_PTR) \
    X(163, getrlimit,       R_INT, A_INT, A_PTR) \
    X(164, setrlimit,       R_INT, A_INT, A_PTR) \
    X(165, getrusage,       R_INT, A_INT, A_PTR) \
    X(172, getpid,          R_INT, A_NONE) \
    X(173, getppid,         R_INT, A_NONE) \
    X(174, getuid,          R_INT, A_NONE) \
    X(175, geteuid,         R_INT, A_NONE) \
    X(176, getgid,          R_INT, A_NONE) \
    X(177, getegid,         R_INT, A_NONE) \
    X(179, sysinfo,         R_INT, A_PTR) \
    X(259, riscv_flush_icache, R_INT, A_HEX, A_HEX, A_HEX) \
    X(261, prlimit64,       R_INT, A_INT, A_INT, A_PTR, A_PTR) \
    X(278, getrandom,       R_INT, A_PTR, A_SIZE, A_HEX) \
    X(293, rseq,            R_INT, A_PTR, A_INT, A_HEX, A_HEX) \
    U(97, unshare) U(100, get_robust_list) U(104, kexec_load) \
    U(105, init_module) U(106, delete_module) U(116, syslog) U(117, ptrace) \
    U(128, restart_syscall) U(142, reboot) U(161, sethostname) U(162, setdomainname) \
    U(180, mq_open) U(181, mq_unlink) U(182, mq_timedsend) U(183, mq_timedreceive) \
    U(184, mq_notify) U(185, mq_getsetattr) U(217, add_key) U(218, request_key) \
    U(219, keyctl) U(241, perf_event_open) \
    U(268, setns) U(270, process_vm_readv) U(271, process_vm_writev) U(272, kcmp) \
    U(273, finit_module) U(277, seccomp) U(280, bpf) U(281, execveat) \
    U(294, kexec_file_load) U(434, pidfd_open) U(435, clone3) U(449, futex_waitv)

#endif
