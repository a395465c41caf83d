MMU_SRCS := mmu/mmu.c mmu/mmu_code.c
SRCS += $(MMU_SRCS)
