# rvdbt: one Makefile, a module.mk per folder, objects under build/.
# `make` builds build/rvdbt, `make check` tests, `make demo` shows it working,
# `make bench` measures (bench/module.mk).

CC       ?= gcc
WERROR   ?= $(if $(CI),-Werror,)
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra $(WERROR) -MMD -MP -I. -D_GNU_SOURCE $(SAN_CFLAGS)
LDFLAGS  += $(SAN_CFLAGS)
LDLIBS   += -lelf -lcapstone -lpthread -lm
B        := build

all: $(B)/rvdbt

# Each module.mk appends its sources to one of these lists.
SRCS :=
include translator/module.mk
include mmu/module.mk
include softmmu/module.mk
include loader/module.mk
include linux/module.mk
include stats/module.mk

OBJS     := $(patsubst %.S,$(B)/%.o,$(SRCS:%.c=$(B)/%.o))
MAIN_OBJ := $(B)/linux/main.o
LIB_OBJS := $(filter-out $(MAIN_OBJ),$(OBJS))

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/rvdbt: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

include tests/module.mk
include riscv-tests/module.mk
include riscv-tests/env_v/module.mk
include bench/module.mk

deps:
	@scripts/deps.sh

# SANITIZE=address,undefined or SANITIZE=thread: `make check` builds rvdbt
# and the unit tests once more with those sanitizers, into $(B)/san-KIND,
# and runs the suite on them (tests/run.sh, RVDBT_BUILD); guest programs and
# host tools stay the plain build's. Without SANITIZE, `make check` still
# builds the address,undefined one and runs a subset on it.
comma    := ,
SAN_KIND := $(or $(SANITIZE),address$(comma)undefined)
SAN_B    := $(B)/san-$(subst $(comma),-,$(SAN_KIND))

san-build:
	@$(MAKE) --no-print-directory SANITIZE= B=$(SAN_B) \
	    SAN_CFLAGS="-fsanitize=$(SAN_KIND) -fno-omit-frame-pointer" $(SAN_B)/rvdbt unit-tests

check: deps
	@$(MAKE) --no-print-directory all tests san-build
	@$(if $(SANITIZE),RVDBT_BUILD=$(SAN_B) SANITIZE=$(SANITIZE),SAN_SUBSET=$(SAN_B)) tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo.sh

# Real Debian riscv64 programs under qemu-riscv64 and rvdbt; the sysroot is
# fetched once per machine into ~/.cache/rvdbt (scripts/sysroot.sh).
sysroot: deps
	@$(MAKE) --no-print-directory all
	@tests/sysroot.sh

# ISA conformance suite; REF=qemu runs it on the reference emulators instead.
riscv-tests: riscv-tests-build $(if $(filter qemu,$(REF)),,$(B)/rvdbt)
	@riscv-tests/run.sh

clean:
	rm -rf $(B)

.PHONY: all deps check demo clean tests riscv-tests sysroot san-build

-include $(shell find $(B) -name '*.d' 2>/dev/null)
