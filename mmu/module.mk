MMU_SRCS := mmu/mmu.c mmu/mmu_code.c mmu/mmu_file.c
SRCS += $(MMU_SRCS)
