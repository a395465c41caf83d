SOFTMMU_SRCS := softmmu/tlb.c
SRCS += $(SOFTMMU_SRCS)
