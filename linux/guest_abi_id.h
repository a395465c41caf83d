/* More of the riscv64 guest ABI (see guest_abi.h for the rules): prctl,
 * capabilities, personality and riscv_hwprobe, from linux/prctl.h,
 * linux/capability.h, linux/personality.h and, for what postdates these
 * headers (Linux 6.1), the kernel's own uapi files of later versions:
 * asm/hwprobe.h (6.4 on) and prctl.h's riscv options (6.5, 6.10). */
#ifndef GUEST_ABI_ID_H
#define GUEST_ABI_ID_H

#include <stdint.h>

/* linux/prctl.h: the options rvdbt carries out or refuses by name */
#define RV_PR_SET_PDEATHSIG   1
#define RV_PR_GET_PDEATHSIG   2
#define RV_PR_GET_DUMPABLE    3
#define RV_PR_SET_DUMPABLE    4
#define RV_PR_GET_KEEPCAPS    7
#define RV_PR_SET_KEEPCAPS    8
#define RV_PR_GET_TIMING      13
#define RV_PR_SET_TIMING      14
#define RV_PR_SET_NAME        15
#define RV_PR_GET_NAME        16
#define RV_PR_GET_SECCOMP     21
#define RV_PR_CAPBSET_READ    23
#define RV_PR_CAPBSET_DROP    24
#define RV_PR_GET_SECUREBITS  27
#define RV_PR_SET_SECUREBITS  28
#define RV_PR_SET_TIMERSLACK  29
#define RV_PR_GET_TIMERSLACK  30
#define RV_PR_TASK_PERF_EVENTS_DISABLE 31
#define RV_PR_TASK_PERF_EVENTS_ENABLE  32
#define RV_PR_MCE_KILL        33
#define RV_PR_MCE_KILL_GET    34
#define RV_PR_SET_MM          35
#define RV_PR_SET_CHILD_SUBREAPER 36
#define RV_PR_GET_CHILD_SUBREAPER 37
#define RV_PR_SET_NO_NEW_PRIVS 38
#define RV_PR_GET_NO_NEW_PRIVS 39
#define RV_PR_GET_TID_ADDRESS 40
#define RV_PR_SET_THP_DISABLE 41
#define RV_PR_GET_THP_DISABLE 42
#define RV_PR_CAP_AMBIENT     47
#define RV_PR_SET_IO_FLUSHER  57
#define RV_PR_GET_IO_FLUSHER  58
#define RV_PR_SCHED_CORE      62
#define RV_PR_SET_MEMORY_MERGE 67
#define RV_PR_GET_MEMORY_MERGE 68
#define RV_PR_RISCV_SET_ICACHE_FLUSH_CTX 71
/* the context is FENCEI_ON (0) or OFF (1), the scope PER_PROCESS (0) or
 * PER_THREAD (1) */
#define RV_PR_RISCV_CTX_SW_FENCEI_OFF 1
#define RV_PR_RISCV_SCOPE_PER_THREAD  1
#define RV_PR_SET_PTRACER     0x59616d61
#define RV_PR_SET_VMA         0x53564d41
#define RV_PR_SET_VMA_ANON_NAME 0
#define RV_TASK_COMM_LEN      16

/* linux/capability.h: the header, then one (v1) or two (v2, v3) data
 * records of three 32-bit masks */
struct rv_cap_header {
    uint32_t version;
    int32_t pid;
};
struct rv_cap_data {
    uint32_t effective, permitted, inheritable;
};

/* linux/personality.h */
#define RV_PER_QUERY 0xffffffffu

/* asm/hwprobe.h: key/value pairs; unknown keys come back as key -1 */
struct rv_hwprobe {
    int64_t key;
    uint64_t value;
};
#define RV_HWPROBE_KEY_MVENDORID        0
#define RV_HWPROBE_KEY_MARCHID          1
#define RV_HWPROBE_KEY_MIMPID           2
#define RV_HWPROBE_KEY_BASE_BEHAVIOR    3
#define RV_HWPROBE_BASE_BEHAVIOR_IMA    (1ull << 0)
#define RV_HWPROBE_KEY_IMA_EXT_0        4
#define RV_HWPROBE_IMA_FD               (1ull << 0)
#define RV_HWPROBE_IMA_C                (1ull << 1)
#define RV_HWPROBE_KEY_CPUPERF_0        5
#define RV_HWPROBE_MISALIGNED_FAST      3
#define RV_HWPROBE_KEY_ZICBOZ_BLOCK_SIZE 6
#define RV_HWPROBE_KEY_HIGHEST_VIRT_ADDRESS 7
#define RV_HWPROBE_KEY_TIME_CSR_FREQ    8
#define RV_HWPROBE_KEY_MISALIGNED_SCALAR_PERF 9
#define RV_HWPROBE_KEY_MISALIGNED_VECTOR_PERF 10
#define RV_HWPROBE_MISALIGNED_VECTOR_UNSUPPORTED 4
#define RV_HWPROBE_KEY_VENDOR_EXT_THEAD_0 11
#define RV_HWPROBE_KEY_ZICBOM_BLOCK_SIZE 12
#define RV_HWPROBE_KEY_VENDOR_EXT_SIFIVE_0 13
#define RV_HWPROBE_KEY_VENDOR_EXT_MIPS_0 14
#define RV_HWPROBE_KEY_ZICBOP_BLOCK_SIZE 15
#define RV_HWPROBE_KEY_IMA_EXT_1        16
#define RV_HWPROBE_WHICH_CPUS           (1u << 0)

#endif
