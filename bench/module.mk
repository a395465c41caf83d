# The benchmark programs (bench/*.c, one program each, sharing bench.h),
# each built three ways under build/bench/: native/NAME (x86-64, gcc -O2),
# static/NAME (riscv64 -static) and dyn/NAME (riscv64, dynamically linked).
# `make bench` times them (bench/run.py); tests/bench_check.sh runs them at
# their smallest scale in `make check`.
BENCH_OUT    := $(B)/bench
BENCH_NAMES  := $(basename $(notdir $(wildcard bench/*.c)))
# -ffp-contract=off: riscv64 has fused multiply-add and gcc would contract
# a*b+c into it, x86-64 without -march has not, and the checksums would
# differ between the native and the riscv64 builds.
BENCH_CFLAGS := -O2 -std=gnu11 -Wall -Wextra $(WERROR) -ffp-contract=off
BENCH_NATIVE := $(BENCH_NAMES:%=$(BENCH_OUT)/native/%)
BENCH_STATIC := $(BENCH_NAMES:%=$(BENCH_OUT)/static/%)
BENCH_DYN    := $(BENCH_NAMES:%=$(BENCH_OUT)/dyn/%)

$(BENCH_NATIVE): $(BENCH_OUT)/native/%: bench/%.c bench/bench.h
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $< -o $@ -lm
$(BENCH_STATIC): $(BENCH_OUT)/static/%: bench/%.c bench/bench.h
	@mkdir -p $(@D)
	$(RV_CC) $(BENCH_CFLAGS) -static $< -o $@ -lm
$(BENCH_DYN): $(BENCH_OUT)/dyn/%: bench/%.c bench/bench.h
	@mkdir -p $(@D)
	$(RV_CC) $(BENCH_CFLAGS) $< -o $@ -lm

# bench/run.py's launcher: times one run and reads its rusage.
$(BENCH_OUT)/measure: bench/tools/measure.c
	@mkdir -p $(@D)
	$(CC) -O2 -Wall -Wextra $(WERROR) $< -o $@

bench-progs: $(BENCH_NATIVE) $(BENCH_STATIC) $(BENCH_DYN) $(BENCH_OUT)/measure
tests: bench-progs

# RUNS=N runs per benchmark and runner (median), ONLY=a,b a subset,
# SCALE=N one scale for all (SCALE=1: a quick look that times nothing real).
bench: bench-progs $(B)/rvdbt
	@python3 bench/run.py $(if $(RUNS),--runs $(RUNS)) $(if $(ONLY),--only $(ONLY)) \
	    $(if $(SCALE),--scale $(SCALE))

# Resident memory under translation and thread churn (bench/rss_churn.py):
# SECONDS=N per run (default 120), RVDBT_ARGS="..." options for rvdbt.
$(BENCH_OUT)/churn: bench/tools/churn.c
	@mkdir -p $(@D)
	$(RV_CC) $(BENCH_CFLAGS) -static $< -o $@ -lpthread
rss-churn: $(BENCH_OUT)/churn $(B)/rvdbt
	@python3 bench/rss_churn.py $(if $(SECONDS),--seconds $(SECONDS)) \
	    $(if $(RVDBT_ARGS),--rvdbt-args "$(RVDBT_ARGS)")

.PHONY: bench bench-progs rss-churn
