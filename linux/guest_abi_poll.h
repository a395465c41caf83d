/* More of the riscv64 guest ABI (see guest_abi.h for the rules): epoll,
 * eventfd, timerfd and signalfd, from linux/eventpoll.h, linux/signalfd.h,
 * linux/time_types.h and glibc's bits/eventfd.h and sys/timerfd.h (which
 * copy the kernel's values). */
#ifndef GUEST_ABI_POLL_H
#define GUEST_ABI_POLL_H

#include <stddef.h>
#include <stdint.h>
#include "linux/guest_abi.h"

/* linux/eventpoll.h. riscv64 does not pack struct epoll_event (only x86-64
 * does, to match its 32-bit layout): the 64-bit data is 8-aligned, 16 bytes
 * in all against the host's 12. */
#define RV_EPOLL_CTL_ADD 1
#define RV_EPOLL_CTL_DEL 2
#define RV_EPOLL_CTL_MOD 3
#define RV_EPOLLEXCLUSIVE (1u << 28)
#define RV_EPOLLWAKEUP    (1u << 29)
#define RV_EPOLLONESHOT   (1u << 30)
#define RV_EPOLLET        (1u << 31)
struct rv_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};
_Static_assert(sizeof(struct rv_epoll_event) == 16 && offsetof(struct rv_epoll_event, data) == 8,
               "riscv64 struct epoll_event");

/* eventfd and timerfd flags are O_CLOEXEC and O_NONBLOCK, plus these */
#define RV_EFD_SEMAPHORE 1
#define RV_TFD_TIMER_ABSTIME 1
#define RV_TFD_TIMER_CANCEL_ON_SET 2

/* linux/time_types.h */
struct rv_itimerspec {
    struct rv_timespec it_interval;
    struct rv_timespec it_value;
};
_Static_assert(sizeof(struct rv_itimerspec) == 32, "struct itimerspec");

/* linux/signalfd.h: what a read from a signalfd gives, 128 bytes per signal */
struct rv_signalfd_siginfo {
    uint32_t ssi_signo;
    int32_t ssi_errno;
    int32_t ssi_code;
    uint32_t ssi_pid;
    uint32_t ssi_uid;
    int32_t ssi_fd;
    uint32_t ssi_tid;
    uint32_t ssi_band;
    uint32_t ssi_overrun;
    uint32_t ssi_trapno;
    int32_t ssi_status;
    int32_t ssi_int;
    uint64_t ssi_ptr;
    uint64_t ssi_utime;
    uint64_t ssi_stime;
    uint64_t ssi_addr;
    uint16_t ssi_addr_lsb;
    uint16_t pad2;
    int32_t ssi_syscall;
    uint64_t ssi_call_addr;
    uint32_t ssi_arch;
    uint8_t pad[28];
};
_Static_assert(sizeof(struct rv_signalfd_siginfo) == 128, "struct signalfd_siginfo");
_Static_assert(offsetof(struct rv_signalfd_siginfo, ssi_ptr) == 48, "ssi_ptr");

/* pselect6's sixth argument: the mask and its size */
struct rv_sigset_argpack {
    uint64_t ss;
    uint64_t ss_len;
};

#endif
