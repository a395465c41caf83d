LOADER_SRCS := loader/elf_load.c loader/elf_stack.c loader/elf_bare.c
SRCS += $(LOADER_SRCS)
