LOADER_SRCS := loader/elf_load.c loader/elf_stack.c
SRCS += $(LOADER_SRCS)
