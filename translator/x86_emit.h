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

#endif
