# fp_diff: differential test of rvdbt against qemu-riscv64 for the F, D and M
# instructions. The guest (riscv64, static) and the driver (host) both build
# from the instruction list in fp_diff_ops.h. tests/run.sh runs the short
# mode (50 cases per instruction); `make fuzz-fp` runs 1,000,000 per
# instruction (about a minute; SEED=N picks another seed).
FUZZ_OUT := $(B)/tests/fuzz
FUZZ_HDR := tests/fuzz/fp_diff_ops.h

$(FUZZ_OUT)/fp_diff_guest: tests/fuzz/fp_diff_guest.c tests/fuzz/fp_diff_snips.S $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -Wall -Wextra $(WERROR) -I. $(filter %.c %.S,$^) -o $@
$(FUZZ_OUT)/fp_diff: tests/fuzz/fp_diff.c tests/fuzz/fp_diff_gen.c tests/fuzz/fp_diff_gen.h $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) $(filter %.c,$^) -o $@

fuzz-progs: $(FUZZ_OUT)/fp_diff_guest $(FUZZ_OUT)/fp_diff
tests: fuzz-progs

fuzz-fp: fuzz-progs $(B)/rvdbt
	$(FUZZ_OUT)/fp_diff --long $(if $(SEED),--seed $(SEED))

.PHONY: fuzz-progs fuzz-fp

# rand_diff: random RV64GC sequences, rvdbt in each mode against qemu.
# tests/run.sh runs 5,000 sequences per mode, and 2,000 on four guest
# threads; `make fuzz N=... SEED=... THREADS=...` runs any number.
RAND_HDR := tests/fuzz/rand_diff.h tests/fuzz/rand_gen.h translator/rv_insn_table.h
$(FUZZ_OUT)/rand_guest: tests/fuzz/rand_guest.c tests/fuzz/rand_harness.S tests/fuzz/rand_diff.h
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -Wall -Wextra $(WERROR) -I. $(filter %.c %.S,$^) -o $@
$(FUZZ_OUT)/rand_diff: tests/fuzz/rand_diff.c tests/fuzz/rand_gen.c $(RAND_HDR)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) $(filter %.c,$^) -o $@

fuzz-progs: $(FUZZ_OUT)/rand_guest $(FUZZ_OUT)/rand_diff

fuzz: fuzz-progs $(B)/rvdbt
	$(FUZZ_OUT)/rand_diff $(if $(N),-n $(N)) $(if $(SEED),--seed $(SEED)) $(if $(THREADS),--threads $(THREADS))

.PHONY: fuzz

# sys_border: generated syscalls with hostile arguments, rvdbt against qemu
# (and the native build of the same guest as the kernel's word where they
# differ). tests/run.sh runs 2,000 calls; `make fuzz-sys N=... SEED=...`
# runs any number, niced.
$(FUZZ_OUT)/sys_border_guest: tests/fuzz/sys_border_guest.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -Wall -Wextra $(WERROR) $< -o $@
$(FUZZ_OUT)/sys_border_native: tests/fuzz/sys_border_guest.c
	@mkdir -p $(@D)
	$(CC) -O2 -Wall -Wextra $(WERROR) $< -o $@

fuzz-progs: $(FUZZ_OUT)/sys_border_guest $(FUZZ_OUT)/sys_border_native

fuzz-sys: fuzz-progs $(B)/rvdbt
	nice -n 10 tests/fuzz/sys_border.sh $(if $(N),-n $(N)) $(if $(SEED),--seed $(SEED))

.PHONY: fuzz-sys
