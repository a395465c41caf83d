/* long sys_safe_syscall(const volatile uint32_t *exit_req, long nr,
 *                       long a1, long a2, long a3, long a4, long a5, long a6)
 *
 * A host syscall that a guest signal cannot slip past: the host signal
 * handler records the signal and sets *exit_req, and if it interrupts this
 * code between the check and the syscall instruction (the window
 * [sys_safe_syscall_start, sys_safe_syscall_end)), it moves the pc to
 * sys_safe_syscall_eintr (sig_host_signal). Once the syscall instruction
 * runs, a signal interrupts the call itself, which the kernel ends with
 * -EINTR, as handlers are installed without SA_RESTART. Returns the
 * kernel's result: the value, or -errno. */
    .text
    .globl sys_safe_syscall
    .globl sys_safe_syscall_start
    .globl sys_safe_syscall_end
    .globl sys_safe_syscall_eintr
    .type sys_safe_syscall, @function
sys_safe_syscall:
    .cfi_startproc
    mov %rdi, %r11          /* free until the syscall clobbers it */
    mov %rsi, %rax
    mov %rdx, %rdi
    mov %rcx, %rsi
    mov %r8, %rdx
    mov %r9, %r10
    mov 8(%rsp), %r8
    mov 16(%rsp), %r9
sys_safe_syscall_start:
    cmpl $0, (%r11)
    jne sys_safe_syscall_eintr
    syscall
sys_safe_syscall_end:
    ret
sys_safe_syscall_eintr:
    mov $-4, %rax           /* -EINTR */
    ret
    .cfi_endproc
    .size sys_safe_syscall, . - sys_safe_syscall
    .section .note.GNU-stack, "", @progbits

/* The return from rvdbt's host signal handlers, for the raw rt_sigaction
 * that installs them (SA_RESTORER: the host C library's sigaction refuses
 * signals 32 and 33, which guests use). */
    .text
    .globl sig_host_restorer
    .type sig_host_restorer, @function
sig_host_restorer:
    mov $15, %eax           /* rt_sigreturn */
    syscall
    .size sig_host_restorer, . - sig_host_restorer
    .section .note.GNU-stack, "", @progbits
