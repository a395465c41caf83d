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
SYS_BORDER_SRC := $(addprefix tests/fuzz/sys_border_,guest.c args.c file.c mem.c proc.c net.c)
$(FUZZ_OUT)/sys_border_guest: $(SYS_BORDER_SRC) tests/fuzz/sys_border.h
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -Wall -Wextra $(WERROR) -I. $(SYS_BORDER_SRC) -o $@
$(FUZZ_OUT)/sys_border_native: $(SYS_BORDER_SRC) tests/fuzz/sys_border.h
	@mkdir -p $(@D)
	$(CC) -O2 -Wall -Wextra $(WERROR) -I. $(SYS_BORDER_SRC) -o $@

fuzz-progs: $(FUZZ_OUT)/sys_border_guest $(FUZZ_OUT)/sys_border_native

fuzz-sys: fuzz-progs $(B)/rvdbt
	nice -n 10 tests/fuzz/sys_border.sh $(if $(N),-n $(N)) $(if $(SEED),--seed $(SEED))

.PHONY: fuzz-sys
# elf_fuzz: libFuzzer on process start-up (tests/fuzz/elf_fuzz.c). Its own
# build of rvdbt's objects with clang, ASan and UBSan in build/fuzz-elf/,
# coverage-instrumented where start-up runs (loader, address space,
# start.c), so that libFuzzer's cov/ft figures are about that code.
# `make fuzz-elf SECONDS=N` (default 60) installs clang if missing, builds
# the seeds and runs it (tests/fuzz/elf_fuzz.sh).
FUZZ_CC    ?= clang
FZ         := $(B)/fuzz-elf
FZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -std=gnu11 -Wall -Wextra -MMD -MP -I. -D_GNU_SOURCE $(FZ_SAN)
FZ_COV     := $(LOADER_SRCS) $(MMU_SRCS) linux/start.c
FZ_SRCS    := $(filter-out linux/main.c,$(SRCS)) tests/fuzz/elf_fuzz.c
FZ_OBJS    := $(patsubst %.S,$(FZ)/%.o,$(FZ_SRCS:%.c=$(FZ)/%.o))

$(FZ)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FZ_CFLAGS) $(if $(filter $<,$(FZ_COV)),-fsanitize=fuzzer-no-link) -c $< -o $@
$(FZ)/%.o: %.S
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FZ_CFLAGS) -c $< -o $@
$(FZ)/elf_fuzz: $(FZ_OBJS)
	$(FUZZ_CC) $(FZ_SAN) -fsanitize=fuzzer $^ $(LDLIBS) -o $@

# The seeds are build outputs: the guest programs (static, dynamic, PIE
# without an interpreter), test_loader's and test_syms's inputs (an object
# file, a shared object); elf_fuzz.sh adds the real interpreter.
FZ_SEED_BINS := guest-progs $(B)/tests/loader_static $(B)/tests/loader_pie $(B)/tests/loader_dyn \
                $(B)/tests/syms_prog.so $(FZ)/seed-shared-page $(FZ)/seed-dyn-exec
# Two layouts the other seeds lack: segments sharing a page, and a
# dynamically linked ET_EXEC (whose fixed addresses an ET_EXEC interpreter
# can collide with).
$(FZ)/seed-shared-page: tests/fuzz/elf_seed.S tests/fuzz/elf_seed.ld
	@mkdir -p $(@D)
	$(RV_CC) -nostdlib -static -Wl,--build-id=none -Wl,-T,tests/fuzz/elf_seed.ld $< -o $@
$(FZ)/seed-dyn-exec: tests/unit/loader_static.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -no-pie $< -o $@

fuzz-elf-build: $(FZ)/elf_fuzz $(FZ_SEED_BINS)
	@:

fuzz-elf:
	@scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-elf-build
	@tests/fuzz/elf_fuzz.sh $(or $(SECONDS),60)

.PHONY: fuzz-elf fuzz-elf-build

# elf_mut: rvdbt on structurally mutated ELF files (a host program, no
# clang); tests/run.sh runs 1,000 of them.
$(FUZZ_OUT)/elf_mut: tests/fuzz/elf_mut.c
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) $< -o $@

fuzz-progs: $(FUZZ_OUT)/elf_mut
