# ISA conformance suite (see riscv-tests/README.md).  Every isa/NAME.S is
# built twice from one source: a bare M-mode image (env_bare.S, bare.ld) and
# a Linux user program (env_user.S).  isa-user/NAME.S are user programs only:
# they check behaviour the ISA leaves to the execution environment.
# Tests are picked up by wildcard so that adding one is adding its file.

RVT_CC    ?= riscv64-linux-gnu-gcc
RVT_FLAGS := -march=rv64gc -mabi=lp64d -nostdlib -nostartfiles -static -fno-pie \
             -Iriscv-tests -MMD -MP
RVT_OUT   := $(B)/riscv-tests

RVT_BOTH  := $(basename $(notdir $(wildcard riscv-tests/isa/*.S)))
RVT_UONLY := $(basename $(notdir $(wildcard riscv-tests/isa-user/*.S)))
RVT_IMAGES := $(RVT_BOTH:%=$(RVT_OUT)/bare/%) \
              $(RVT_BOTH:%=$(RVT_OUT)/user/%) $(RVT_UONLY:%=$(RVT_OUT)/user/%)

$(RVT_OUT)/obj/bare/%.o: riscv-tests/%.S
	@mkdir -p $(dir $@)
	$(RVT_CC) $(RVT_FLAGS) -DRVT_BARE -c $< -o $@

$(RVT_OUT)/obj/user/%.o: riscv-tests/%.S
	@mkdir -p $(dir $@)
	$(RVT_CC) $(RVT_FLAGS) -DRVT_USER -c $< -o $@

# --no-relax keeps every instruction as written (no gp-relative rewrites:
# gp holds the case number).  fence_i keeps its code in a writable section,
# so neither link warns about a writable and executable segment.
$(RVT_OUT)/bare/%: $(RVT_OUT)/obj/bare/isa/%.o $(RVT_OUT)/obj/bare/env_bare.o riscv-tests/bare.ld
	@mkdir -p $(dir $@)
	$(RVT_CC) $(RVT_FLAGS) -Wl,-T,riscv-tests/bare.ld -Wl,--no-relax -Wl,--build-id=none \
		-Wl,--no-warn-rwx-segments $(filter %.o,$^) -o $@

RVT_ULINK = $(RVT_CC) $(RVT_FLAGS) -Wl,--no-relax -Wl,--no-warn-rwx-segments $^ -o $@

$(RVT_OUT)/user/%: $(RVT_OUT)/obj/user/isa/%.o $(RVT_OUT)/obj/user/env_user.o
	@mkdir -p $(dir $@)
	$(RVT_ULINK)

$(RVT_OUT)/user/%: $(RVT_OUT)/obj/user/isa-user/%.o $(RVT_OUT)/obj/user/env_user.o
	@mkdir -p $(dir $@)
	$(RVT_ULINK)

RVT_OBJS := $(RVT_BOTH:%=$(RVT_OUT)/obj/bare/isa/%.o) $(RVT_BOTH:%=$(RVT_OUT)/obj/user/isa/%.o) \
            $(RVT_UONLY:%=$(RVT_OUT)/obj/user/isa-user/%.o) \
            $(RVT_OUT)/obj/bare/env_bare.o $(RVT_OUT)/obj/user/env_user.o
# Objects reached only through pattern rules would otherwise be deleted.
.SECONDARY: $(RVT_OBJS)

riscv-tests-build: $(RVT_IMAGES)

.PHONY: riscv-tests-build
tests: riscv-tests-build
