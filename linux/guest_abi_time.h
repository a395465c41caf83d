/* More of the riscv64 guest ABI (see guest_abi.h for the rules): interval
 * timers, POSIX timers and clock adjustment, from linux/time.h,
 * asm-generic/siginfo.h and linux/timex.h. */
#ifndef GUEST_ABI_TIME_H
#define GUEST_ABI_TIME_H

#include <stddef.h>
#include <stdint.h>
#include "linux/guest_abi.h"

/* linux/time.h */
#define RV_ITIMER_REAL    0
#define RV_ITIMER_VIRTUAL 1
#define RV_ITIMER_PROF    2
struct rv_itimerval {
    struct rv_timeval it_interval;
    struct rv_timeval it_value;
};
_Static_assert(sizeof(struct rv_itimerval) == 32, "struct itimerval");

/* asm-generic/siginfo.h: sigevent is 64 bytes (SIGEV_MAX_SIZE); after the
 * value, signal and notify kind comes a union whose int is the thread id of
 * SIGEV_THREAD_ID. The value is handed back untouched in the signal's
 * siginfo, so a guest pointer in it stays the guest's. */
#define RV_SIGEV_SIGNAL    0
#define RV_SIGEV_NONE      1
#define RV_SIGEV_THREAD    2
#define RV_SIGEV_THREAD_ID 4
struct rv_sigevent {
    uint64_t sigev_value;
    int32_t sigev_signo;
    int32_t sigev_notify;
    union {
        int32_t pad[12];
        int32_t tid;
    } un;
};
_Static_assert(sizeof(struct rv_sigevent) == 64 && offsetof(struct rv_sigevent, un) == 16,
               "struct sigevent");

/* linux/timex.h: struct timex with 64-bit longs; the tail is eleven unnamed
 * ints of padding. */
struct rv_timex {
    uint32_t modes;
    int32_t pad0;
    int64_t offset, freq, maxerror, esterror;
    int32_t status;
    int32_t pad1;
    int64_t constant, precision, tolerance;
    struct rv_timeval time;
    int64_t tick, ppsfreq, jitter;
    int32_t shift;
    int32_t pad2;
    int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
    int32_t tai;
    int32_t pad3[11];
};
_Static_assert(sizeof(struct rv_timex) == 208 && offsetof(struct rv_timex, time) == 72 &&
               offsetof(struct rv_timex, tai) == 160, "struct timex");

#endif
