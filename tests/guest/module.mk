# Guest programs for tests/guest.sh and tests/bad_input.sh, under
# build/tests/guest/: each C program riscv64 static at -O0 (O0/NAME) and -O2
# (O2/NAME) and x86-64 at -O2 (native/NAME, for comparing output); each
# assembly program static (asm/NAME), and some also position-independent
# (pie/NAME: ET_DYN without an interpreter); some C programs also dynamically
# linked (dyn/NAME). The same base name in every folder keeps argv[0]'s last
# component equal across builds.
RV_CC        ?= riscv64-linux-gnu-gcc
RV_LD        ?= riscv64-linux-gnu-ld
GUEST_OUT    := $(B)/tests/guest
# No contraction into fused multiply-add and no assumptions about the rounding
# mode, so the riscv and x86-64 builds compute the same thing.
GUEST_CFLAGS := -std=gnu11 -Wall -Wextra $(WERROR) -ffp-contract=off -frounding-math
GUEST_LIBS   := -lm -latomic
GUEST_C      := $(basename $(notdir $(wildcard tests/guest/*.c)))
GUEST_S      := $(basename $(notdir $(wildcard tests/guest/*.S)))
# riscv inline assembly, or output only riscv64 gives (quad long double): no
# native build
GUEST_RVONLY := fcvt_rv held_ldouble ic_smc sig_ill sig_fetch_straddle sig_access_straddle sig_oddpc
GUEST_PIE    := hello isa rvc smc
# Also linked against the riscv64 sysroot's shared glibc (dyn/NAME, -O2), so
# threads, processes and signals go through ld.so and libc.so.6 too; exitcode
# because proc_exec runs the one beside it.
GUEST_DYN    := exitcode mt_sync mt_create mt_atomic proc_fork proc_wait proc_shell proc_exec \
                sig_async sig_eintr sig_alarm sig_thread sig_fault_mt sig_timer

GUEST_O0     := $(GUEST_C:%=$(GUEST_OUT)/O0/%)
GUEST_O2     := $(GUEST_C:%=$(GUEST_OUT)/O2/%)
GUEST_NATIVE := $(filter-out $(GUEST_RVONLY),$(GUEST_C))
GUEST_NATIVE := $(GUEST_NATIVE:%=$(GUEST_OUT)/native/%)
GUEST_ASM    := $(GUEST_S:%=$(GUEST_OUT)/asm/%)
GUEST_PIEBIN := $(GUEST_PIE:%=$(GUEST_OUT)/pie/%)
GUEST_DYNBIN := $(GUEST_DYN:%=$(GUEST_OUT)/dyn/%)
GUEST_BINS   := $(GUEST_O0) $(GUEST_O2) $(GUEST_NATIVE) $(GUEST_ASM) $(GUEST_PIEBIN) $(GUEST_DYNBIN)

$(GUEST_O0): $(GUEST_OUT)/O0/%: tests/guest/%.c tests/guest/guest.h
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O0 -static $< -o $@ $(GUEST_LIBS)
$(GUEST_O2): $(GUEST_OUT)/O2/%: tests/guest/%.c tests/guest/guest.h
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O2 -static $< -o $@ $(GUEST_LIBS)
$(GUEST_DYNBIN): $(GUEST_OUT)/dyn/%: tests/guest/%.c tests/guest/guest.h
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O2 $< -o $@ $(GUEST_LIBS)
$(GUEST_NATIVE): $(GUEST_OUT)/native/%: tests/guest/%.c tests/guest/guest.h
	@mkdir -p $(@D)
	$(CC) $(GUEST_CFLAGS) -O2 $< -o $@ $(GUEST_LIBS)
$(GUEST_ASM): $(GUEST_OUT)/asm/%: tests/guest/%.S tests/guest/check.inc
	@mkdir -p $(@D)
	$(RV_CC) -nostdlib -static -Wl,--no-relax $< -o $@
$(GUEST_PIEBIN:%=%.o): $(GUEST_OUT)/pie/%.o: tests/guest/%.S tests/guest/check.inc
	@mkdir -p $(@D)
	$(RV_CC) -c $< -o $@
$(GUEST_PIEBIN): %: %.o
	$(RV_LD) -pie --no-dynamic-linker $< -o $@

guest-progs: $(GUEST_BINS)
tests: guest-progs
.PHONY: guest-progs
