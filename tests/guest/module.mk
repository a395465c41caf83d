# Guest programs for tests/guest.sh and tests/bad_input.sh, under
# build/tests/guest/: each C program riscv64 static at -O0 (O0/NAME) and -O2
# (O2/NAME), dynamically linked at -O2 (dyn/NAME: plain riscv64-linux-gnu-gcc,
# a PIE with /lib/ld-linux-riscv64-lp64d.so.1 as its interpreter) and x86-64
# at -O2 (native/NAME, for comparing output); the dl_* programs, about dynamic
# linking itself, only dynamically linked; each assembly program static
# (asm/NAME), and some also position-independent (pie/NAME: ET_DYN without an
# interpreter). The same base name in every folder keeps argv[0]'s last
# component equal across builds.
RV_CC        ?= riscv64-linux-gnu-gcc
RV_LD        ?= riscv64-linux-gnu-ld
GUEST_OUT    := $(B)/tests/guest
# No contraction into fused multiply-add and no assumptions about the rounding
# mode, so the riscv and x86-64 builds compute the same thing.
GUEST_CFLAGS := -std=gnu11 -Wall -Wextra $(WERROR) -ffp-contract=off -frounding-math
GUEST_LIBS   := -lm -latomic
GUEST_DL     := $(basename $(notdir $(wildcard tests/guest/dl_*.c)))
GUEST_C      := $(filter-out $(GUEST_DL),$(basename $(notdir $(wildcard tests/guest/*.c))))
GUEST_S      := $(basename $(notdir $(wildcard tests/guest/*.S)))
# riscv inline assembly, or output only riscv64 gives (quad long double): no
# native build
GUEST_RVONLY := fcvt_rv fp_mxcsr held_ldouble ic_smc sig_ill sig_fetch_straddle sig_access_straddle sig_oddpc \
                sig_fetchbus sig_fault_regs amo_edges fwd_join crash_regs sig_badjump ic_smc_mt ic_ccfill sys_fuzz \
                ic_unmap_mt sig_badframe
GUEST_PIE    := hello isa rvc smc
# facts only a static program has (AT_BASE 0, program headers at their link
# addresses): no dynamic build; dl_auxv checks the dynamic ones
GUEST_NODYN  := auxv

GUEST_H      := tests/guest/guest.h tests/guest/watchdog.h tests/guest/rv_enc.h
GUEST_O0     := $(GUEST_C:%=$(GUEST_OUT)/O0/%)
GUEST_O2     := $(GUEST_C:%=$(GUEST_OUT)/O2/%)
GUEST_NATIVE := $(filter-out $(GUEST_RVONLY),$(GUEST_C))
GUEST_NATIVE := $(GUEST_NATIVE:%=$(GUEST_OUT)/native/%)
GUEST_ASM    := $(GUEST_S:%=$(GUEST_OUT)/asm/%)
GUEST_PIEBIN := $(GUEST_PIE:%=$(GUEST_OUT)/pie/%)
GUEST_DYN    := $(filter-out $(GUEST_NODYN),$(GUEST_C)) $(GUEST_DL)
GUEST_DYN    := $(GUEST_DYN:%=$(GUEST_OUT)/dyn/%)
GUEST_BINS   := $(GUEST_O0) $(GUEST_O2) $(GUEST_DYN) $(GUEST_NATIVE) $(GUEST_ASM) $(GUEST_PIEBIN)

$(GUEST_O0): $(GUEST_OUT)/O0/%: tests/guest/%.c $(GUEST_H)
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O0 -static $< -o $@ $(GUEST_LIBS)
$(GUEST_O2): $(GUEST_OUT)/O2/%: tests/guest/%.c $(GUEST_H)
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O2 -static $< -o $@ $(GUEST_LIBS)
# dl_dlopen is not linked against libm: dlopen must load it.
$(GUEST_DYN): $(GUEST_OUT)/dyn/%: tests/guest/%.c $(GUEST_H)
	@mkdir -p $(@D)
	$(RV_CC) $(GUEST_CFLAGS) -O2 $< -o $@ $(if $(filter dl_dlopen,$*),,$(GUEST_LIBS))
$(GUEST_NATIVE): $(GUEST_OUT)/native/%: tests/guest/%.c $(GUEST_H)
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
