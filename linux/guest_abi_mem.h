/* More of the riscv64 guest ABI (see guest_abi.h for the rules): the memory
 * calls' constants beyond guest_abi.h's, from asm-generic/mman-common.h and
 * asm-generic/mman.h. */
#ifndef GUEST_ABI_MEM_H
#define GUEST_ABI_MEM_H

#define RV_MADV_REMOVE        9
#define RV_MADV_DONTFORK      10
#define RV_MADV_WIPEONFORK    18
#define RV_MADV_POPULATE_WRITE 23
#define RV_MADV_HWPOISON      100
#define RV_MADV_SOFT_OFFLINE  101

#define RV_MLOCK_ONFAULT 0x01
#define RV_MCL_CURRENT   1
#define RV_MCL_FUTURE    2
#define RV_MCL_ONFAULT   4

#endif
