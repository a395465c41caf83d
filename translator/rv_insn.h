/* Decoded RISC-V instructions. The instruction table (rv_insn_table.h) is the one
 * description of the ISA: it generates enum rv_op, the decoder, the guest
 * disassembler, the translator's dispatch table and the decoder tests. */
#ifndef RV_INSN_H
#define RV_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "translator/rv_insn_table.h"

enum rv_op {
    RV_OP_illegal = 0,
#define X(name, text, fmt, mask, match, ext) RV_OP_##name,
    RV_INSN_LIST(X)
#undef X
    RV_OP_COUNT
};

/* A decoded instruction. Compressed instructions decode to the op of the
 * instruction they expand to (c.addi -> addi), with len == 2 and the 16-bit
 * encoding in raw. Fields an instruction does not have are 0. */
struct rv_insn {
    uint16_t op;      /* enum rv_op */
    uint8_t len;      /* 2 or 4 */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;       /* FP rounding mode field (7 = DYN) */
    uint8_t aqrl;     /* AMO/LR/SC: aq << 1 | rl */
    uint16_t csr;     /* Zicsr: CSR number */
    int64_t imm;      /* sign-extended immediate; shift amount; zimm of csrr*i;
                         fence: pred << 4 | succ (fm in bits 8..11) */
    uint32_t raw;     /* encoding as fetched (low 16 bits for compressed) */
};

/* Decode the instruction whose first bytes are in `word` (for a compressed
 * instruction only the low 16 bits are used). Returns false for an illegal or
 * reserved encoding, with out->op == RV_OP_illegal and out->len still set. */
bool rv_decode(uint32_t word, struct rv_insn *out);

/* The integer registers the instruction reads and writes, as masks over
 * x1..x31 (x0 never set), from its format: which fields it has and which
 * register file each names. Implicit uses (ecall's a0-a7) are not included. */
void rv_x_operands(const struct rv_insn *in, uint32_t *reads, uint32_t *writes);

/* The same for the F registers (f0 counts). */
void rv_f_operands(const struct rv_insn *in, uint32_t *reads, uint32_t *writes);

/* The operand layout of an instruction (RV_FMT_NONE for illegal). */
enum rv_fmt rv_fmt_of(int op);
/* Its extension (enum rv_ext), or -1 for illegal. */
int rv_ext_of(int op);

/* Length of the instruction starting with these 16 bits: 2 or 4. */
static inline int rv_insn_len(uint16_t lo) { return (lo & 3) == 3 ? 4 : 2; }

/* Guest disassembly ("addi a0, sp, 16"), using ABI register names; returns the
 * length written like snprintf. Used by -d in_asm, profiles and error messages. */
int rv_disasm(const struct rv_insn *in, uint64_t pc, char *buf, size_t n);

extern const char *const rv_op_text[RV_OP_COUNT];  /* "fcvt.w.s" */
extern const char *const rv_xreg_name[32];         /* ABI names: zero, ra, sp, ... */
extern const char *const rv_freg_name[32];         /* ft0, ... */

#endif
