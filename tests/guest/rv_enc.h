/* RISC-V instruction encodings (unprivileged ISA, RV64I/M base formats) for
 * the guest programs that write code at run time. */
#ifndef RV_ENC_H
#define RV_ENC_H

#include <stdint.h>

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, S0 = 8, S1 = 9, A0 = 10, A1 = 11, A2 = 12 };

static inline uint32_t rv_i(uint32_t opc, int rd, uint32_t f3, int rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | opc;
}
static inline uint32_t rv_r(uint32_t f7, int rs2, int rs1, uint32_t f3, int rd)
{
    return f7 << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | 0x33;
}
static inline uint32_t rv_b(uint32_t f3, int rs1, int rs2, int32_t off)
{
    uint32_t u = (uint32_t)off & 0x1fff;
    return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 |
           f3 << 12 | (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}
static inline uint32_t rv_addi(int rd, int rs1, int32_t imm) { return rv_i(0x13, rd, 0, rs1, imm); }
static inline uint32_t rv_xori(int rd, int rs1, int32_t imm) { return rv_i(0x13, rd, 4, rs1, imm); }
static inline uint32_t rv_andi(int rd, int rs1, int32_t imm) { return rv_i(0x13, rd, 7, rs1, imm); }
static inline uint32_t rv_slli(int rd, int rs1, int sh) { return rv_i(0x13, rd, 1, rs1, sh); }
static inline uint32_t rv_jalr(int rd, int rs1, int32_t imm) { return rv_i(0x67, rd, 0, rs1, imm); }
static inline uint32_t rv_beq(int rs1, int rs2, int32_t off) { return rv_b(0, rs1, rs2, off); }
static inline uint32_t rv_add(int rd, int a, int b) { return rv_r(0x00, b, a, 0, rd); }
static inline uint32_t rv_mul(int rd, int a, int b) { return rv_r(0x01, b, a, 0, rd); }
static inline uint32_t rv_xor(int rd, int a, int b) { return rv_r(0x00, b, a, 4, rd); }
#define RV_RET rv_jalr(ZERO, RA, 0)

#endif
