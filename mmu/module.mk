MMU_SRCS := mmu/mmu.c
SRCS += $(MMU_SRCS)
