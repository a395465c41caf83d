# Bare-mode environments and trap tests (see riscv-tests/env_v/README.md).
# Every isa/NAME.S body is linked twice more: with env_p (U-mode on physical
# addresses, like riscv-tests' "p" environment) into bare-p/NAME, and with
# env_v + vm.c (U-mode under Sv39 with demand paging, like "v") into
# bare-v/NAME. Each env_v/trap_*.c is a test of its own, linked with the
# M-mode env_bare.S and the probe helpers into bare-trap/NAME. The
# user-priv/NAME programs check that Linux user mode refuses each privileged
# instruction (SIGILL); the bare-cli/NAME images, how rvdbt --bare reports.

ENVV_CFLAGS := -march=rv64gc -mabi=lp64d -mcmodel=medany -O2 -Wall -Wextra -Werror \
               -ffreestanding -fno-builtin -fno-jump-tables -fno-tree-loop-distribute-patterns \
               -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables \
               -Iriscv-tests -MMD -MP
ENVV_LINK = $(RVT_CC) $(RVT_FLAGS) -Wl,-T,riscv-tests/bare.ld -Wl,--no-relax -Wl,--build-id=none \
            -Wl,--no-warn-rwx-segments $(filter %.o,$^) -o $@

ENVV_OBJ   := $(RVT_OUT)/obj/env_v
ENVV_TRAPS := $(basename $(notdir $(wildcard riscv-tests/env_v/trap_*.c)))
ENVV_UPRIV := mret sret wfi sfence_vma csrr_mstatus csrr_satp
ENVV_CLI   := fail5 console putchar syscall spin notohost
ENVV_IMAGES := $(RVT_BOTH:%=$(RVT_OUT)/bare-p/%) $(RVT_BOTH:%=$(RVT_OUT)/bare-v/%) \
               $(ENVV_TRAPS:%=$(RVT_OUT)/bare-trap/%) $(ENVV_UPRIV:%=$(RVT_OUT)/user-priv/%) \
               $(ENVV_CLI:%=$(RVT_OUT)/bare-cli/%)

$(ENVV_OBJ)/%.o: riscv-tests/env_v/%.S
	@mkdir -p $(dir $@)
	$(RVT_CC) $(RVT_FLAGS) -c $< -o $@

$(ENVV_OBJ)/%.o: riscv-tests/env_v/%.c
	@mkdir -p $(dir $@)
	$(RVT_CC) $(ENVV_CFLAGS) -c $< -o $@

$(RVT_OUT)/bare-p/%: $(RVT_OUT)/obj/bare/isa/%.o $(ENVV_OBJ)/env_p.o riscv-tests/bare.ld
	@mkdir -p $(dir $@)
	$(ENVV_LINK)

$(RVT_OUT)/bare-v/%: $(RVT_OUT)/obj/bare/isa/%.o $(ENVV_OBJ)/env_v.o $(ENVV_OBJ)/vm.o riscv-tests/bare.ld
	@mkdir -p $(dir $@)
	$(ENVV_LINK)

$(RVT_OUT)/bare-trap/%: $(ENVV_OBJ)/%.o $(ENVV_OBJ)/probe.o $(ENVV_OBJ)/check.o $(RVT_OUT)/obj/bare/env_bare.o \
                        riscv-tests/bare.ld
	@mkdir -p $(dir $@)
	$(ENVV_LINK)

$(RVT_OUT)/user-priv/%: riscv-tests/env_v/user_priv.S
	@mkdir -p $(dir $@) $(ENVV_OBJ)
	$(RVT_CC) $(RVT_FLAGS) -MF $(ENVV_OBJ)/user_priv-$*.d -DI_$* $< -o $@

$(RVT_OUT)/bare-cli/%: riscv-tests/env_v/cli.S riscv-tests/bare.ld
	@mkdir -p $(dir $@) $(ENVV_OBJ)
	$(RVT_CC) $(RVT_FLAGS) -MF $(ENVV_OBJ)/cli-$*.d -DC_$* -Wl,-T,riscv-tests/bare.ld -Wl,--no-relax \
		-Wl,--build-id=none -Wl,--no-warn-rwx-segments $< -o $@

.SECONDARY: $(ENVV_OBJ)/env_p.o $(ENVV_OBJ)/env_v.o $(ENVV_OBJ)/vm.o $(ENVV_OBJ)/probe.o $(ENVV_OBJ)/check.o \
            $(ENVV_TRAPS:%=$(ENVV_OBJ)/%.o)

riscv-tests-env-build: $(ENVV_IMAGES)
tests: riscv-tests-env-build

.PHONY: riscv-tests-env-build
