/* x86-64 emitter. Every instruction goes through put_op (prefixes, REX, opcode)
 * and, when it has a ModRM byte, through enc, the one place that knows the
 * ModRM/SIB corner cases. Public functions reserve room once, then write. */
#include "translator/x86_emit.h"

#include <assert.h>
#include <string.h>

/* No instruction is longer than this, so one check up front covers every
 * byte an emitter writes, immediates included. */
#define X86_MAX_INSN 15

/* Flags folded into the opcode argument of put_op/enc/enc_plain. */
#define P_0F    0x100   /* two-byte opcode 0F xx */
#define P_W     0x200   /* REX.W: 64-bit operand size */
#define P_66    0x400   /* operand-size prefix: 16-bit operand */
#define P_LOCK  0x800
#define P_BREG  0x1000  /* ModRM.reg names a byte register */
#define P_BRM   0x2000  /* ModRM.rm names a byte register (register-direct only) */
#define P_F2    0x4000  /* mandatory prefixes of the SSE scalar forms */
#define P_F3    0x8000

#define PW(w) ((w) == X86_W64 ? P_W : 0)

/* ModRM.rm / SIB encodings with a special meaning. */
#define RM_SIB      4   /* rm=100: a SIB byte follows; also SIB.index=100: no index */
#define RM_NOBASE   5   /* mod=00 with rm=101 (or SIB.base=101): disp32, no base */

void x86_buf_init(struct x86_buf *b, uint8_t *start, size_t size, uintptr_t exec_delta)
{
    b->start = start;
    b->p = start;
    b->end = start + size;
    b->exec_delta = exec_delta;
    b->overflow = false;
}

uint64_t x86_here(const struct x86_buf *b)
{
    return (uint64_t)((uintptr_t)b->p + b->exec_delta);
}

/* Once the buffer has overflowed nothing more is written, so the bytes that
 * are there always end at an instruction boundary. */
static bool room(struct x86_buf *b)
{
    if (b->overflow || b->end - b->p < X86_MAX_INSN) {
        b->overflow = true;
        return false;
    }
    return true;
}

static void put8(struct x86_buf *b, uint8_t v)
{
    *b->p++ = v;
}

static void put32(struct x86_buf *b, uint32_t v)
{
    memcpy(b->p, &v, 4);
    b->p += 4;
}

static void put64(struct x86_buf *b, uint64_t v)
{
    memcpy(b->p, &v, 8);
    b->p += 8;
}

static bool fits_s8(int64_t v)
{
    return v == (int8_t)v;
}

/* Byte registers 4-7 mean ah..bh without a REX prefix and spl..dil with one. */
static bool needs_rex_byte(int reg)
{
    return reg >= X86_RSP && reg <= X86_RDI;
}

/* rex holds the R/X/B bits (or 0x40 alone to force a REX for a byte register). */
static void put_op(struct x86_buf *b, unsigned opc, unsigned rex)
{
    if (opc & P_66)
        put8(b, 0x66);
    if (opc & P_LOCK)
        put8(b, 0xf0);
    if (opc & P_F2)
        put8(b, 0xf2);
    if (opc & P_F3)
        put8(b, 0xf3);
    if (opc & P_W)
        rex |= 0x08;
    if (rex)
        put8(b, 0x40 | rex);
    if (opc & P_0F)
        put8(b, 0x0f);
    put8(b, opc & 0xff);
}

/* Opcodes without ModRM; reg (0 if none) goes into the low three opcode bits. */
static void enc_plain(struct x86_buf *b, unsigned opc, int reg)
{
    put_op(b, opc + (reg & 7), reg >= 8 ? 0x01 : 0);
}

/* The REX.R/X/B bits (0x04/0x02/0x01) that extend the ModRM.reg field, the
 * SIB index and the ModRM.rm or SIB base to registers 8-15. m == NULL means
 * the rm operand is the register rm. */
static unsigned rex_rxb(int reg, int rm, const struct x86_mem *m)
{
    assert(reg >= 0 && reg < 16);
    unsigned rex = (reg & 8) ? 0x04 : 0;
    if (!m) {
        assert(rm >= 0 && rm < 16);
        return rex | ((rm & 8) ? 0x01 : 0);
    }
    assert(m->base >= X86_NOREG && m->base < 16 && m->index >= X86_NOREG && m->index < 16);
    rex |= (m->index >= 0 && (m->index & 8)) ? 0x02 : 0;
    rex |= (m->base >= 0 && (m->base & 8)) ? 0x01 : 0;
    return rex;
}

/* ModRM (+ SIB + displacement) after the opcode; the register numbers'
 * bit 3 went into the REX or VEX prefix before. */
static void put_modrm(struct x86_buf *b, int reg, int rm, const struct x86_mem *m)
{
    unsigned r = (reg & 7) << 3;
    if (!m) {
        put8(b, 0xc0 | r | (rm & 7));
        return;
    }

    int base = m->base, index = m->index;
    assert(index != X86_RSP);   /* SIB.index=100 means "no index" */
    assert(m->scale == 1 || m->scale == 2 || m->scale == 4 || m->scale == 8);
    unsigned ss = m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2 ? 1 : 0;
    unsigned sib_index = index >= 0 ? (unsigned)(index & 7) : RM_SIB;
    if (base < 0) {
        /* No base: mod=00 with SIB.base=101 means index*scale + disp32, or an
         * absolute disp32 with no index either. rm=101 would be rip-relative
         * in 64-bit mode, so the SIB form is the only way. */
        put8(b, 0x00 | r | RM_SIB);
        put8(b, ss << 6 | sib_index << 3 | RM_NOBASE);
        put32(b, (uint32_t)m->disp);
        return;
    }

    /* mod=00 with base rbp/r13 (low bits 101) would mean "no base", so those
     * bases always carry a displacement, a zero disp8 at least. */
    unsigned mod;
    if (m->disp == 0 && (base & 7) != RM_NOBASE)
        mod = 0x00;
    else if (fits_s8(m->disp))
        mod = 0x40;
    else
        mod = 0x80;

    /* rm=100 means "SIB follows", so rsp/r12 as a base need a SIB too. */
    if (index >= 0 || (base & 7) == RM_SIB) {
        put8(b, mod | r | RM_SIB);
        put8(b, ss << 6 | sib_index << 3 | (base & 7));
    } else {
        put8(b, mod | r | (base & 7));
    }
    if (mod == 0x40)
        put8(b, (uint8_t)m->disp);
    else if (mod == 0x80)
        put32(b, (uint32_t)m->disp);
}

/* Opcode + ModRM (+ SIB + displacement). reg is the ModRM.reg field: a
 * register or an opcode extension. m == NULL means the rm operand is the
 * register rm; otherwise it is memory and rm is ignored. */
static void enc(struct x86_buf *b, unsigned opc, int reg, int rm, const struct x86_mem *m)
{
    unsigned rex = rex_rxb(reg, rm, m);
    if ((opc & P_BREG) && needs_rex_byte(reg))
        rex |= 0x40;
    if (!m && (opc & P_BRM) && needs_rex_byte(rm))
        rex |= 0x40;
    put_op(b, opc, rex);
    put_modrm(b, reg, rm, m);
}

/* ---- moves ---- */

void x86_mov_rr(struct x86_buf *b, enum x86_width w, int dst, int src)
{
    if (room(b))
        enc(b, PW(w) | 0x89, src, dst, NULL);
}

void x86_mov_rm(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, PW(w) | 0x8b, dst, 0, &m);
}

void x86_mov_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, PW(w) | 0x89, src, 0, &m);
}

void x86_mov_mr8(struct x86_buf *b, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, P_BREG | 0x88, src, 0, &m);
}

void x86_mov_mr16(struct x86_buf *b, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, P_66 | 0x89, src, 0, &m);
}

void x86_mov_mi(struct x86_buf *b, enum x86_width w, struct x86_mem m, int32_t imm)
{
    if (!room(b))
        return;
    enc(b, PW(w) | 0xc7, 0, 0, &m);
    put32(b, (uint32_t)imm);
}

void x86_mov_ri(struct x86_buf *b, int dst, uint64_t imm)
{
    if (!room(b))
        return;
    if (imm <= UINT32_MAX) {
        enc_plain(b, 0xb8, dst);            /* 32-bit writes zero the upper half */
        put32(b, (uint32_t)imm);
    } else if ((int64_t)imm == (int32_t)imm) {
        enc(b, P_W | 0xc7, 0, dst, NULL);   /* sign-extended imm32 */
        put32(b, (uint32_t)imm);
    } else {
        enc_plain(b, P_W | 0xb8, dst);
        put64(b, imm);
    }
}

void x86_movabs_ri(struct x86_buf *b, int dst, uint64_t imm)
{
    if (!room(b))
        return;
    enc_plain(b, P_W | 0xb8, dst);
    put64(b, imm);
}

void x86_movzx_rm8(struct x86_buf *b, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, P_0F | 0xb6, dst, 0, &m);
}

void x86_movzx_rm16(struct x86_buf *b, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, P_0F | 0xb7, dst, 0, &m);
}

void x86_movsx_rm8(struct x86_buf *b, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, P_W | P_0F | 0xbe, dst, 0, &m);
}

void x86_movsx_rm16(struct x86_buf *b, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, P_W | P_0F | 0xbf, dst, 0, &m);
}

void x86_movsxd_rm(struct x86_buf *b, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, P_W | 0x63, dst, 0, &m);
}

void x86_movzx_rr8(struct x86_buf *b, int dst, int src)
{
    if (room(b))
        enc(b, P_BRM | P_0F | 0xb6, dst, src, NULL);
}

void x86_movzx_rr16(struct x86_buf *b, int dst, int src)
{
    if (room(b))
        enc(b, P_0F | 0xb7, dst, src, NULL);
}

void x86_movsx_rr8(struct x86_buf *b, int dst, int src)
{
    if (room(b))
        enc(b, P_BRM | P_W | P_0F | 0xbe, dst, src, NULL);
}

void x86_movsx_rr16(struct x86_buf *b, int dst, int src)
{
    if (room(b))
        enc(b, P_W | P_0F | 0xbf, dst, src, NULL);
}

void x86_movsxd_rr(struct x86_buf *b, int dst, int src)
{
    if (room(b))
        enc(b, P_W | 0x63, dst, src, NULL);
}

void x86_lea(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, PW(w) | 0x8d, dst, 0, &m);
}

/* ---- ALU ---- */

/* The classic ALU opcodes are op*8 + {1: r/m,r  3: r,r/m  5: eax,imm32}. */
void x86_alu_rr(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, int src)
{
    if (room(b))
        enc(b, PW(w) | (op << 3 | 1), src, dst, NULL);
}

void x86_alu_ri(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, int32_t imm)
{
    if (!room(b))
        return;
    if (fits_s8(imm)) {
        enc(b, PW(w) | 0x83, op, dst, NULL);
        put8(b, (uint8_t)imm);
        return;
    }
    if (dst == X86_RAX)
        enc_plain(b, PW(w) | (op << 3 | 5), 0);    /* no ModRM: one byte shorter */
    else
        enc(b, PW(w) | 0x81, op, dst, NULL);
    put32(b, (uint32_t)imm);
}

void x86_alu_rm(struct x86_buf *b, enum x86_alu op, enum x86_width w, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, PW(w) | (op << 3 | 3), dst, 0, &m);
}

void x86_alu_mr(struct x86_buf *b, enum x86_alu op, enum x86_width w, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, PW(w) | (op << 3 | 1), src, 0, &m);
}

void x86_alu_mi(struct x86_buf *b, enum x86_alu op, enum x86_width w, struct x86_mem m, int32_t imm)
{
    if (!room(b))
        return;
    if (fits_s8(imm)) {
        enc(b, PW(w) | 0x83, op, 0, &m);
        put8(b, (uint8_t)imm);
    } else {
        enc(b, PW(w) | 0x81, op, 0, &m);
        put32(b, (uint32_t)imm);
    }
}

void x86_test_rr(struct x86_buf *b, enum x86_width w, int a, int c)
{
    if (room(b))
        enc(b, PW(w) | 0x85, c, a, NULL);
}

void x86_test_ri(struct x86_buf *b, enum x86_width w, int a, int32_t imm)
{
    if (!room(b))
        return;
    if (a == X86_RAX)
        enc_plain(b, PW(w) | 0xa9, 0);
    else
        enc(b, PW(w) | 0xf7, 0, a, NULL);
    put32(b, (uint32_t)imm);
}

/* ---- shifts, unary, multiply ---- */

void x86_shift_ri(struct x86_buf *b, enum x86_shift op, enum x86_width w, int dst, uint8_t imm)
{
    if (!room(b))
        return;
    if (imm == 1) {
        enc(b, PW(w) | 0xd1, op, dst, NULL);   /* same flags as C1 /op 1, one byte shorter */
    } else {
        enc(b, PW(w) | 0xc1, op, dst, NULL);
        put8(b, imm);
    }
}

void x86_shift_rcl(struct x86_buf *b, enum x86_shift op, enum x86_width w, int dst)
{
    if (room(b))
        enc(b, PW(w) | 0xd3, op, dst, NULL);
}

void x86_unary_r(struct x86_buf *b, enum x86_unary op, enum x86_width w, int reg)
{
    if (room(b))
        enc(b, PW(w) | 0xf7, op, reg, NULL);
}

void x86_imul_rr(struct x86_buf *b, enum x86_width w, int dst, int src)
{
    if (room(b))
        enc(b, PW(w) | P_0F | 0xaf, dst, src, NULL);
}

void x86_imul_rm(struct x86_buf *b, enum x86_width w, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, PW(w) | P_0F | 0xaf, dst, 0, &m);
}

void x86_cqo(struct x86_buf *b)
{
    if (room(b))
        enc_plain(b, P_W | 0x99, 0);
}

void x86_cdq(struct x86_buf *b)
{
    if (room(b))
        enc_plain(b, 0x99, 0);
}

void x86_setcc_r(struct x86_buf *b, enum x86_cc cc, int dst8)
{
    if (room(b))
        enc(b, P_BRM | P_0F | (0x90 + cc), 0, dst8, NULL);
}

void x86_cmovcc_rr(struct x86_buf *b, enum x86_cc cc, enum x86_width w, int dst, int src)
{
    if (room(b))
        enc(b, PW(w) | P_0F | (0x40 + cc), dst, src, NULL);
}

/* ---- control flow ---- */

void x86_patch_rel32(uint8_t *field, uintptr_t exec_delta, uint64_t target)
{
    /* NULL comes from a _rel32 emit that overflowed; the block is discarded,
     * so callers may patch forward branches before their one overflow check. */
    if (!field)
        return;
    /* rel32 counts from the end of the instruction, which the field ends. */
    int64_t rel = (int64_t)(target - ((uintptr_t)field + 4 + exec_delta));
    assert(rel == (int32_t)rel);   /* the code cache keeps targets within +-2 GiB */
    uint32_t v = (uint32_t)rel;
    memcpy(field, &v, 4);
}

/* Writes the rel32 field of a branch whose opcode was just emitted. Target 0
 * is the placeholder of a forward branch that is patched once its target is
 * emitted; it is stored as rel32 0 (fall through) rather than range-checked. */
static uint8_t *put_rel32(struct x86_buf *b, uint64_t target)
{
    uint8_t *field = b->p;
    b->p += 4;
    if (target == 0)
        memset(field, 0, 4);
    else
        x86_patch_rel32(field, b->exec_delta, target);
    return field;
}

/* On overflow these return NULL, which x86_patch_rel32 ignores. */
uint8_t *x86_jmp_rel32(struct x86_buf *b, uint64_t target)
{
    if (!room(b))
        return NULL;
    enc_plain(b, 0xe9, 0);
    return put_rel32(b, target);
}

uint8_t *x86_jcc_rel32(struct x86_buf *b, enum x86_cc cc, uint64_t target)
{
    if (!room(b))
        return NULL;
    enc_plain(b, P_0F | (0x80 + cc), 0);
    return put_rel32(b, target);
}

/* Redundant DS segment prefixes, which a jump ignores, in front of the opcode
 * move the rel32 onto a 4-byte boundary; unlike nops they add nothing to
 * execute. */
static void pad_to_aligned_rel32(struct x86_buf *b, int opcode_len)
{
    while ((x86_here(b) + (uint64_t)opcode_len) & 3)
        put8(b, 0x3e);
}

uint8_t *x86_jmp_rel32_aligned(struct x86_buf *b, uint64_t target)
{
    if (!room(b))
        return NULL;
    pad_to_aligned_rel32(b, 1);
    enc_plain(b, 0xe9, 0);
    return put_rel32(b, target);
}

uint8_t *x86_jcc_rel32_aligned(struct x86_buf *b, enum x86_cc cc, uint64_t target)
{
    if (!room(b))
        return NULL;
    pad_to_aligned_rel32(b, 2);
    enc_plain(b, P_0F | (0x80 + cc), 0);
    return put_rel32(b, target);
}

uint8_t *x86_call_rel32(struct x86_buf *b, uint64_t target)
{
    if (!room(b))
        return NULL;
    enc_plain(b, 0xe8, 0);
    return put_rel32(b, target);
}

/* Near jmp/call/push/pop default to 64-bit operands: no REX.W. */
void x86_jmp_r(struct x86_buf *b, int reg)
{
    if (room(b))
        enc(b, 0xff, 4, reg, NULL);
}

void x86_jmp_m(struct x86_buf *b, struct x86_mem m)
{
    if (room(b))
        enc(b, 0xff, 4, 0, &m);
}

void x86_call_r(struct x86_buf *b, int reg)
{
    if (room(b))
        enc(b, 0xff, 2, reg, NULL);
}

void x86_call_m(struct x86_buf *b, struct x86_mem m)
{
    if (room(b))
        enc(b, 0xff, 2, 0, &m);
}

void x86_ret(struct x86_buf *b)
{
    if (room(b))
        enc_plain(b, 0xc3, 0);
}

void x86_push_r(struct x86_buf *b, int reg)
{
    if (room(b))
        enc_plain(b, 0x50, reg);
}

void x86_pop_r(struct x86_buf *b, int reg)
{
    if (room(b))
        enc_plain(b, 0x58, reg);
}

void x86_ud2(struct x86_buf *b)
{
    if (room(b))
        enc_plain(b, P_0F | 0x0b, 0);
}

void x86_int3(struct x86_buf *b)
{
    if (room(b))
        enc_plain(b, 0xcc, 0);
}

/* ---- atomics ---- */

void x86_xchg_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg)
{
    if (room(b))
        enc(b, PW(w) | 0x87, reg, 0, &m);
}

void x86_lock_xadd_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg)
{
    if (room(b))
        enc(b, P_LOCK | PW(w) | P_0F | 0xc1, reg, 0, &m);
}

void x86_lock_cmpxchg_mr(struct x86_buf *b, enum x86_width w, struct x86_mem m, int reg)
{
    if (room(b))
        enc(b, P_LOCK | PW(w) | P_0F | 0xb1, reg, 0, &m);
}

void x86_mfence(struct x86_buf *b)
{
    if (room(b))
        enc(b, P_0F | 0xae, 6, 0, NULL);   /* 0F AE /6 with mod=11: F0 */
}

/* ---- SSE and MXCSR ---- */

/* The enum values hold the mandatory prefix (none, 66, F2 or F3) above the
 * opcode byte that follows 0F. */
static unsigned sse_opc(unsigned v)
{
    switch (v >> 8) {
    case 0x66: return P_66 | P_0F | (v & 0xff);
    case 0xf2: return P_F2 | P_0F | (v & 0xff);
    case 0xf3: return P_F3 | P_0F | (v & 0xff);
    default: return P_0F | (v & 0xff);
    }
}

void x86_sse_rr(struct x86_buf *b, enum x86_sse op, int dst, int src)
{
    if (room(b))
        enc(b, sse_opc(op), dst, src, NULL);
}

void x86_sse_rm(struct x86_buf *b, enum x86_sse op, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, sse_opc(op), dst, 0, &m);
}

/* The store forms are the load opcodes + 1. */
void x86_movss_mr(struct x86_buf *b, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, sse_opc(X86_MOVSS + 1), src, 0, &m);
}

void x86_movsd_mr(struct x86_buf *b, struct x86_mem m, int src)
{
    if (room(b))
        enc(b, sse_opc(X86_MOVSD + 1), src, 0, &m);
}

void x86_cvt2si_rm(struct x86_buf *b, enum x86_cvt2si op, enum x86_width w, int dst, struct x86_mem m)
{
    if (room(b))
        enc(b, PW(w) | sse_opc(op), dst, 0, &m);
}

void x86_cvtsi2_rr(struct x86_buf *b, enum x86_cvtsi2 op, enum x86_width w, int dst, int src)
{
    if (room(b))
        enc(b, PW(w) | sse_opc(op), dst, src, NULL);
}

void x86_ldmxcsr(struct x86_buf *b, struct x86_mem m)
{
    if (room(b))
        enc(b, P_0F | 0xae, 2, 0, &m);
}

void x86_stmxcsr(struct x86_buf *b, struct x86_mem m)
{
    if (room(b))
        enc(b, P_0F | 0xae, 3, 0, &m);
}

/* Three-byte VEX (C4): inverted R, X, B and the opcode map (2: 0F 38), then
 * W, the inverted second source register, L = 0 (scalar) and pp = 01 (the
 * 66 prefix the FMA forms carry). */
void x86_vfma_rrm(struct x86_buf *b, enum x86_fma op, int dst, int src1, struct x86_mem m)
{
    if (!room(b))
        return;
    assert(src1 >= 0 && src1 < 16);
    unsigned rxb = rex_rxb(dst, 0, &m);
    put8(b, 0xc4);
    put8(b, (~rxb & 7) << 5 | 0x02);
    put8(b, (op & 0x100 ? 0x80 : 0) | (~(unsigned)src1 & 15) << 3 | 0x01);
    put8(b, op & 0xff);
    put_modrm(b, dst, 0, &m);
}

void x86_vfma_rrr(struct x86_buf *b, enum x86_fma op, int dst, int src1, int src2)
{
    if (!room(b))
        return;
    assert(src1 >= 0 && src1 < 16);
    unsigned rb = (dst >= 8 ? 4u : 0) | (src2 >= 8 ? 1u : 0);
    put8(b, 0xc4);
    put8(b, (~rb & 7) << 5 | 0x02);
    put8(b, (op & 0x100 ? 0x80 : 0) | (~(unsigned)src1 & 15) << 3 | 0x01);
    put8(b, op & 0xff);
    put8(b, 0xc0 | (dst & 7) << 3 | (src2 & 7));
}

/* AVX's three-operand forms of the SSE ones: dst = src1 op src2, the rest
 * of dst from src1. VEX carries the mandatory prefix as pp and the second
 * source inverted in vvvv; the two-byte form (C5) serves map 0F when
 * neither X nor B is needed. */
static void vex_0f(struct x86_buf *b, enum x86_sse op, unsigned rxb, int src1)
{
    static const uint8_t pp[256] = { [0x66] = 1, [0xf3] = 2, [0xf2] = 3 };
    assert(src1 >= 0 && src1 < 16);
    unsigned tail = (~(unsigned)src1 & 15) << 3 | pp[(op >> 8) & 0xff];
    if (!(rxb & 3)) {
        put8(b, 0xc5);
        put8(b, (rxb & 4 ? 0 : 0x80) | tail);
    } else {
        put8(b, 0xc4);
        put8(b, (~rxb & 7) << 5 | 0x01);
        put8(b, tail);
    }
    put8(b, op & 0xff);
}

void x86_vsse_rrr(struct x86_buf *b, enum x86_sse op, int dst, int src1, int src2)
{
    if (!room(b))
        return;
    vex_0f(b, op, rex_rxb(dst, src2, NULL), src1);
    put8(b, 0xc0 | (dst & 7) << 3 | (src2 & 7));
}

void x86_vsse_rrm(struct x86_buf *b, enum x86_sse op, int dst, int src1, struct x86_mem m)
{
    if (!room(b))
        return;
    vex_0f(b, op, rex_rxb(dst, 0, &m), src1);
    put_modrm(b, dst, 0, &m);
}

void x86_nops(struct x86_buf *b, unsigned n)
{
    static const uint8_t nop[9][9] = {
        { 0 }, { 0x90 }, { 0x66, 0x90 }, { 0x0f, 0x1f, 0x00 }, { 0x0f, 0x1f, 0x40, 0x00 },
        { 0x0f, 0x1f, 0x44, 0x00, 0x00 }, { 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
    };
    while (n && room(b)) {
        unsigned k = n > 8 ? 8 : n;
        for (unsigned i = 0; i < k; i++)
            put8(b, nop[k][i]);
        n -= k;
    }
}
