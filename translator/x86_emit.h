/* x86-64 emitter: one function per instruction form, each writing bytes into an
 * x86_buf and nothing else. Names say the instruction and the operand form:
 *   _rr  reg, reg        _ri  reg, imm       _rm  reg <- [mem]
 *   _mr  [mem] <- reg    _mi  [mem], imm     _r   one reg operand
 * `w` selects the operand width: X86_W32 or X86_W64 (REX.W). 32-bit forms
 * zero-extend the destination into 64 bits, as the hardware does.
 * The buffer has a sticky overflow flag, checked once per block by the caller:
 * emitters never fail and never write past `end`. */
#ifndef X86_EMIT_H
#define X86_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum x86_reg {
    X86_RAX, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI, X86_RDI,
    X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14, X86_R15,
    X86_NOREG = -1,
};

enum x86_width { X86_W32 = 0, X86_W64 = 1 };

/* Condition codes, numbered as in the Jcc/SETcc/CMOVcc opcodes. */
enum x86_cc {
    X86_CC_O, X86_CC_NO, X86_CC_B, X86_CC_AE, X86_CC_E, X86_CC_NE, X86_CC_BE, X86_CC_A,
    X86_CC_S, X86_CC_NS, X86_CC_P, X86_CC_NP, X86_CC_L, X86_CC_GE, X86_CC_LE, X86_CC_G,
};

/* A memory operand [base + index*scale + disp]. base may be X86_NOREG only with
 * an index (then disp32 with no base); index X86_NOREG means none; rsp cannot
 * be an index. */
struct x86_mem {
    int8_t base;
    int8_t index;
    uint8_t scale;   /* 1, 2, 4 or 8 */
    int32_t disp;
};
#define X86_MEM(b, d)            ((struct x86_mem){ (b), X86_NOREG, 1, (d) })
#define X86_MEM_IDX(b, i, s, d)  ((struct x86_mem){ (b), (i), (s), (d) })

struct x86_buf {
    uint8_t *start;      /* where bytes are written (the writable view) */
    uint8_t *p;          /* next byte */
    uint8_t *end;
    uintptr_t exec_delta; /* executable address of a byte = its write address + exec_delta */
    bool overflow;       /* sticky: set when an emit did not fit; nothing is written past end */
};

void x86_buf_init(struct x86_buf *b, uint8_t *start, size_t size, uintptr_t exec_delta);
/* Executable address of the next byte to be emitted. */
uint64_t x86_here(const struct x86_buf *b);

/* moves */
void x86_mov_rr(struct x86_buf *b, enum x86_width w, int dst, int src);
void x86_mov_rm(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m);
void x86_mov_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int src);
void x86_mov_mr8(struct x86_buf *b, struct x86_mem m, int src);   /* byte store; any reg (REX for spl..dil) */
void x86_mov_mr16(struct x86_buf *b, struct x86_mem m, int src);
void x86_mov_mi(struct x86_buf *b, enum x86_width w, struct x86_mem m, int32_t imm); /* W64: sign-extended imm32 */
/* Load any 64-bit constant with the shortest encoding (mov r32,imm32 when it
 * zero-extends; mov r64,simm32 when it sign-extends; movabs otherwise). Does not
 * touch flags. */
void x86_mov_ri(struct x86_buf *b, int dst, uint64_t imm);
void x86_movabs_ri(struct x86_buf *b, int dst, uint64_t imm);     /* always the 10-byte form (patchable) */
void x86_movzx_rm8(struct x86_buf *b, int dst, struct x86_mem m);  /* movzx r32, byte [m] */
void x86_movzx_rm16(struct x86_buf *b, int dst, struct x86_mem m);
void x86_movsx_rm8(struct x86_buf *b, int dst, struct x86_mem m);  /* movsx r64, byte [m] */
void x86_movsx_rm16(struct x86_buf *b, int dst, struct x86_mem m);
void x86_movsxd_rm(struct x86_buf *b, int dst, struct x86_mem m);  /* movsxd r64, dword [m] */
void x86_movzx_rr8(struct x86_buf *b, int dst, int src);           /* movzx r32, r8 (REX for spl..dil) */
void x86_movzx_rr16(struct x86_buf *b, int dst, int src);
void x86_movsx_rr8(struct x86_buf *b, int dst, int src);           /* movsx r64, r8 */
void x86_movsx_rr16(struct x86_buf *b, int dst, int src);
void x86_movsxd_rr(struct x86_buf *b, int dst, int src);           /* movsxd r64, r32 */
void x86_lea(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m);

/* two-operand ALU: add, or, adc, sbb, and, sub, xor, cmp */
enum x86_alu { X86_ADD = 0, X86_OR = 1, X86_ADC = 2, X86_SBB = 3, X86_AND = 4, X86_SUB = 5, X86_XOR = 6, X86_CMP = 7 };
void x86_alu_rr(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, int src);
void x86_alu_ri(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, int32_t imm); /* imm8 form when it fits */
void x86_alu_rm(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, struct x86_mem m);
void x86_alu_mr(struct x86_buf *b, enum x86_alu op, enum x86_width w, struct x86_mem m, int src);
void x86_alu_mi(struct x86_buf *b, enum x86_alu op, enum x86_width w, struct x86_mem m, int32_t imm);
void x86_test_rr(struct x86_buf *b, enum x86_width w, int a, int c);
void x86_test_ri(struct x86_buf *b, enum x86_width w, int a, int32_t imm);

/* shifts and rotates */
enum x86_shift { X86_ROL = 0, X86_ROR = 1, X86_SHL = 4, X86_SHR = 5, X86_SAR = 7 };
void x86_shift_ri(struct x86_buf *b, enum x86_shift op, enum x86_width w, int dst, uint8_t imm);
void x86_shift_rcl(struct x86_buf *b, enum x86_shift op, enum x86_width w, int dst); /* by cl */

/* unary group 3: not, neg, mul, imul, div, idiv (one operand; mul..idiv use rdx:rax) */
enum x86_unary { X86_NOT = 2, X86_NEG = 3, X86_MUL = 4, X86_IMUL1 = 5, X86_DIV = 6, X86_IDIV = 7 };
void x86_unary_r(struct x86_buf *b, enum x86_unary op, enum x86_width w, int reg);
void x86_imul_rr(struct x86_buf *b, enum x86_width w, int dst, int src);    /* imul r, r/m (two operand) */
void x86_imul_rm(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m);
void x86_cqo(struct x86_buf *b);    /* sign-extend rax into rdx */
void x86_cdq(struct x86_buf *b);    /* sign-extend eax into edx */

void x86_setcc_r(struct x86_buf *b, enum x86_cc cc, int dst8);   /* REX for spl..dil */
void x86_cmovcc_rr(struct x86_buf *b, enum x86_cc cc, enum x86_width w, int dst, int src);

/* control flow. The _rel32 forms return the write address of their rel32 field
 * so the caller can patch it later with x86_patch_rel32; `target` is an
 * executable address. */
uint8_t *x86_jmp_rel32(struct x86_buf *b, uint64_t target);
uint8_t *x86_jcc_rel32(struct x86_buf *b, enum x86_cc cc, uint64_t target);
uint8_t *x86_call_rel32(struct x86_buf *b, uint64_t target);
/* The same jumps with their rel32 4-byte aligned, so patching it is one
 * atomic store while other threads may execute it (1-3 prefix bytes). */
uint8_t *x86_jmp_rel32_aligned(struct x86_buf *b, uint64_t target);
uint8_t *x86_jcc_rel32_aligned(struct x86_buf *b, enum x86_cc cc, uint64_t target);
/* n bytes of nops, at most 8 bytes each (the recommended multi-byte forms). */
void x86_nops(struct x86_buf *b, unsigned n);
void x86_patch_rel32(uint8_t *field, uintptr_t exec_delta, uint64_t target);
void x86_jmp_r(struct x86_buf *b, int reg);
void x86_jmp_m(struct x86_buf *b, struct x86_mem m);
void x86_call_r(struct x86_buf *b, int reg);
void x86_call_m(struct x86_buf *b, struct x86_mem m);
void x86_ret(struct x86_buf *b);
void x86_push_r(struct x86_buf *b, int reg);
void x86_pop_r(struct x86_buf *b, int reg);
void x86_ud2(struct x86_buf *b);
void x86_int3(struct x86_buf *b);

/* atomics (for AMOs and LR/SC inline later) */
void x86_xchg_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg);        /* implicitly locked */
void x86_lock_xadd_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg);
void x86_lock_cmpxchg_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg); /* compares rax/eax */
void x86_mfence(struct x86_buf *b);

/* SSE scalar arithmetic, compares and moves: xmm <- xmm or memory, with
 * xmm0-xmm15 given by number. A value holds the instruction's mandatory
 * prefix (none, 66, F2, F3) above its opcode byte after 0F. The ss forms
 * read 32 bits of memory, the sd forms 64; movss/movsd loads zero the rest
 * of the register, their register forms merge into the low element. */
enum x86_sse {
    X86_MOVSS = 0xf310, X86_MOVSD = 0xf210,
    X86_SQRTSS = 0xf351, X86_SQRTSD = 0xf251,
    X86_ADDSS = 0xf358, X86_ADDSD = 0xf258,
    X86_MULSS = 0xf359, X86_MULSD = 0xf259,
    X86_CVTSS2SD = 0xf35a, X86_CVTSD2SS = 0xf25a,
    X86_SUBSS = 0xf35c, X86_SUBSD = 0xf25c,
    X86_MINSS = 0xf35d, X86_MINSD = 0xf25d,
    X86_DIVSS = 0xf35e, X86_DIVSD = 0xf25e,
    X86_MAXSS = 0xf35f, X86_MAXSD = 0xf25f,
    /* set ZF, PF, CF (all three: unordered); ucomis raises invalid for a
     * signaling NaN only, comis for any NaN */
    X86_UCOMISS = 0x002e, X86_UCOMISD = 0x662e,
    X86_COMISS = 0x002f, X86_COMISD = 0x662f,
    X86_XORPS = 0x0057,                     /* all 128 bits */
    /* all 128 bits; memory 16-aligned. andnpd is ~dst & src */
    X86_ANDPD = 0x6654, X86_ANDNPD = 0x6655, X86_ORPD = 0x6656, X86_XORPD = 0x6657,
    X86_MOVAPS = 0x0028,                    /* all 128 bits (a register copy; memory 16-aligned) */
};
void x86_sse_rr(struct x86_buf *b, enum x86_sse op, int dst, int src);
void x86_sse_rm(struct x86_buf *b, enum x86_sse op, int dst, struct x86_mem m);
void x86_movss_mr(struct x86_buf *b, struct x86_mem m, int src);   /* movss dword [m], xmm */
void x86_movsd_mr(struct x86_buf *b, struct x86_mem m, int src);   /* movsd qword [m], xmm */

/* Float to integer: r32/r64 <- the scalar at [m], rounded by MXCSR (cvt)
 * or truncated (cvtt); a NaN or out-of-range value gives the "integer
 * indefinite" 1 << (bits - 1) and raises invalid. */
enum x86_cvt2si {
    X86_CVTSS2SI = 0xf32d, X86_CVTTSS2SI = 0xf32c,
    X86_CVTSD2SI = 0xf22d, X86_CVTTSD2SI = 0xf22c,
};
void x86_cvt2si_rm(struct x86_buf *b, enum x86_cvt2si op, enum x86_width w, int dst, struct x86_mem m);
/* Signed integer r32/r64 to float: xmm's low element, the rest kept. */
enum x86_cvtsi2 { X86_CVTSI2SS = 0xf32a, X86_CVTSI2SD = 0xf22a };
void x86_cvtsi2_rr(struct x86_buf *b, enum x86_cvtsi2 op, enum x86_width w, int dst, int src);

void x86_ldmxcsr(struct x86_buf *b, struct x86_mem m);   /* MXCSR <- dword [m] */
void x86_stmxcsr(struct x86_buf *b, struct x86_mem m);   /* dword [m] <- MXCSR */

/* FMA3 (VEX-encoded; the host must have it), the 231 forms with one
 * rounding: dst = src1 * [m] + dst (vfmadd), src1 * [m] - dst (vfmsub),
 * -(src1 * [m]) + dst (vfnmadd), -(src1 * [m]) - dst (vfnmsub). Bit 8 of
 * the value is VEX.W: the sd forms. */
enum x86_fma {
    X86_VFMADD231SS = 0x0b9, X86_VFMADD231SD = 0x1b9,
    X86_VFMSUB231SS = 0x0bb, X86_VFMSUB231SD = 0x1bb,
    X86_VFNMADD231SS = 0x0bd, X86_VFNMADD231SD = 0x1bd,
    X86_VFNMSUB231SS = 0x0bf, X86_VFNMSUB231SD = 0x1bf,
};
void x86_vfma_rrm(struct x86_buf *b, enum x86_fma op, int dst, int src1, struct x86_mem m);
void x86_vfma_rrr(struct x86_buf *b, enum x86_fma op, int dst, int src1, int src2);   /* src2 an xmm */

/* AVX (the FMA3 hosts have it): dst = src1 op src2 or [m] for the scalar
 * arithmetic of enum x86_sse, the rest of dst from src1. */
void x86_vsse_rrr(struct x86_buf *b, enum x86_sse op, int dst, int src1, int src2);
void x86_vsse_rrm(struct x86_buf *b, enum x86_sse op, int dst, int src1, struct x86_mem m);

#endif
