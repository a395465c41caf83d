# Unit tests: each links only the objects of the subsystem it checks, so one
# subsystem's tests build while another is being changed.
UNIT_TESTS := $(B)/tests/test_x86 $(B)/tests/test_x86_room $(B)/tests/test_decode $(B)/tests/test_mmu \
              $(B)/tests/test_loader $(B)/tests/test_sys $(B)/tests/test_fp $(B)/tests/test_sv39 \
              $(B)/tests/test_tlb $(B)/tests/test_signal $(B)/tests/test_path $(B)/tests/test_syms

$(B)/tests/test_x86: $(B)/tests/unit/test_x86.o $(X86_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -lcapstone -o $@
$(B)/tests/test_x86_room: $(B)/tests/unit/test_x86_room.o $(X86_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -o $@
$(B)/tests/test_decode: $(B)/tests/unit/test_decode.o $(DECODE_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -o $@
$(B)/tests/test_mmu: $(B)/tests/unit/test_mmu.o $(MMU_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -lpthread -o $@
# linux_start (program, interpreter, stack, first registers) needs the rest;
# syscalls run on guest threads, which belong to the translator's code cache.
$(B)/tests/test_loader: $(B)/tests/unit/test_loader.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@
$(B)/tests/test_sys: $(B)/tests/unit/test_sys.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@
$(B)/tests/test_path: $(B)/tests/unit/test_path.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@
$(B)/tests/test_signal: $(B)/tests/unit/test_signal.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@
$(B)/tests/test_fp: $(B)/tests/unit/test_fp.o $(FP_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -lm -o $@
$(B)/tests/test_sv39: $(B)/tests/unit/test_sv39.o $(B)/softmmu/sv39.o
	$(CC) $(CFLAGS) $^ -o $@
# The slow path needs a whole process: address space, code cache, translator.
$(B)/tests/test_tlb: $(B)/tests/unit/test_tlb.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

tests: $(UNIT_TESTS)
unit-tests: $(UNIT_TESTS)
.PHONY: unit-tests

# The reference side of test_fp's differential test: a riscv64 program that
# test_fp runs under qemu-riscv64 (it looks for it next to itself).
RV_CC ?= riscv64-linux-gnu-gcc
$(B)/tests/fp_oracle: tests/unit/fp_oracle.c
	@mkdir -p $(dir $@)
	$(RV_CC) -O2 -static -Wall -Wextra -Werror $< -o $@
$(B)/tests/test_fp: | $(B)/tests/fp_oracle

# test_loader's inputs, looked for next to it: a static riscv64 C program, a
# position-independent one linked without libc or interpreter, the latter's
# object file (an ELF the loader must refuse as ET_REL), and the C program
# linked dynamically.
RV_LD ?= riscv64-linux-gnu-ld
$(B)/tests/loader_static: tests/unit/loader_static.c
	@mkdir -p $(dir $@)
	$(RV_CC) -O2 -static -Wall -Wextra -Werror $< -o $@
$(B)/tests/loader_pie.o: tests/unit/loader_pie.S
	@mkdir -p $(dir $@)
	$(RV_CC) -c $< -o $@
$(B)/tests/loader_pie: $(B)/tests/loader_pie.o
	$(RV_LD) -pie --no-dynamic-linker $< -o $@
$(B)/tests/loader_dyn: tests/unit/loader_static.c
	@mkdir -p $(dir $@)
	$(RV_CC) -O2 -Wall -Wextra -Werror $< -o $@
$(B)/tests/test_loader: | $(B)/tests/loader_static $(B)/tests/loader_pie $(B)/tests/loader_dyn

$(B)/tests/test_syms: $(B)/tests/unit/test_syms.o $(SYMS_SRCS:%.c=$(B)/%.o)
	$(CC) $(CFLAGS) $^ -lelf -lpthread -o $@
# test_syms's inputs, looked for next to it: one C program with a few named
# functions, linked statically and as a shared object.
$(B)/tests/syms_prog: tests/unit/syms_prog.c
	@mkdir -p $(dir $@)
	$(RV_CC) -O2 -static -Wall -Wextra -Werror $< -o $@
$(B)/tests/syms_prog.so: tests/unit/syms_prog.c
	@mkdir -p $(dir $@)
	$(RV_CC) -O2 -shared -fPIC -Wall -Wextra -Werror $< -o $@
$(B)/tests/test_syms: | $(B)/tests/syms_prog $(B)/tests/syms_prog.so

# Guest programs for tests/guest.sh and tests/bad_input.sh.
include tests/guest/module.mk
include tests/fuzz/module.mk
