X86_SRCS    := translator/x86_emit.c
DECODE_SRCS := translator/rv_decode.c translator/rv_decode_c.c translator/rv_disasm.c
FP_SRCS     := translator/fp_helpers.c translator/fp_convert.c
TR_SRCS     := translator/tr_block.c translator/tr_operand.c translator/tr_scan.c translator/tr_alu.c translator/tr_mem.c translator/tr_loop.c translator/tr_branch.c \
               translator/tr_system.c translator/tr_priv.c translator/tr_csr.c translator/tr_atomic.c translator/tr_fp.c translator/tr_cache.c translator/tr_chain.c translator/tr_exec.c \
               translator/rv_cpu.c translator/tr_probe.c
SRCS += $(X86_SRCS) $(DECODE_SRCS) $(FP_SRCS) $(TR_SRCS)
