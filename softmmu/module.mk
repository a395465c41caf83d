SOFTMMU_SRCS := softmmu/tlb.c softmmu/tlb_bare.c softmmu/sv39.c softmmu/htif.c
SRCS += $(SOFTMMU_SRCS)
