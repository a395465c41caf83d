/* Compressed (RV64C) decoder, driven by RV_CINSN_LIST: find the line, then
 * expand its fields into the operands of the base instruction. */
#include <pthread.h>
#include "translator/rv_decode_c.h"

struct cline {
    uint16_t mask, match;
    uint8_t cfmt;
    uint8_t op;
};

static const struct cline clines[RV_C_COUNT] = {
#define X(cname, text, cfmt, mask, match, op) \
    [RV_C_##cname] = { mask, match, cfmt, RV_OP_##op },
    RV_CINSN_LIST(X)
#undef X
};

/* Line + 1 for every 16-bit encoding, 0 for none. There are only 2^16
 * encodings, and overlapping lines resolve by mask size, so the whole answer is
 * precomputed once: lines are written in order of increasing mask bits, so the
 * most specific line is written last. */
static uint8_t cline_plus1[1 << 16];
static pthread_once_t cline_once = PTHREAD_ONCE_INIT;

static void cline_build(void)
{
    for (int nbits = 0; nbits <= 16; nbits++) {
        for (int i = 0; i < RV_C_COUNT; i++) {
            if (__builtin_popcount(clines[i].mask) != nbits)
                continue;
            /* Walk every subset of the free bits. */
            unsigned free = ~clines[i].mask & 0xffffu, sub = 0;
            do {
                cline_plus1[clines[i].match | sub] = (uint8_t)(i + 1);
                sub = (sub - free) & free;
            } while (sub);
        }
    }
}

int rv_cline_of(uint16_t h)
{
    pthread_once(&cline_once, cline_build);
    return cline_plus1[h] - 1;
}

static unsigned bit(uint16_t h, int n) { return (h >> n) & 1; }
static unsigned bits(uint16_t h, int hi, int lo) { return (h >> lo) & ((1u << (hi - lo + 1)) - 1); }
static int64_t sext6(unsigned v) { return (int64_t)(v ^ 0x20) - 0x20; }

/* The 6-bit immediate split as imm[5] = h[12], imm[4:0] = h[6:2] (CI, CB). */
static unsigned ci_imm6(uint16_t h) { return bit(h, 12) << 5 | bits(h, 6, 2); }

/* rd'/rs1'/rs2': 3-bit fields naming x8-x15. */
static uint8_t creg(unsigned r3) { return (uint8_t)(8 + r3); }

/* Offsets scaled by 4 (word) and 8 (doubleword) for CL/CS, CI sp-loads and
 * CSS sp-stores. */
static unsigned cl_w_off(uint16_t h) { return bits(h, 12, 10) << 3 | bit(h, 6) << 2 | bit(h, 5) << 6; }
static unsigned cl_d_off(uint16_t h) { return bits(h, 12, 10) << 3 | bits(h, 6, 5) << 6; }
static unsigned lwsp_off(uint16_t h) { return bit(h, 12) << 5 | bits(h, 6, 4) << 2 | bits(h, 3, 2) << 6; }
static unsigned ldsp_off(uint16_t h) { return bit(h, 12) << 5 | bits(h, 6, 5) << 3 | bits(h, 4, 2) << 6; }
static unsigned swsp_off(uint16_t h) { return bits(h, 12, 9) << 2 | bits(h, 8, 7) << 6; }
static unsigned sdsp_off(uint16_t h) { return bits(h, 12, 10) << 3 | bits(h, 9, 7) << 6; }

static int64_t cb_off(uint16_t h)
{
    unsigned v = bit(h, 12) << 8 | bits(h, 11, 10) << 3 | bits(h, 6, 5) << 6 |
                 bits(h, 4, 3) << 1 | bit(h, 2) << 5;
    return (int64_t)(v ^ 0x100) - 0x100;
}

static int64_t cj_off(uint16_t h)
{
    unsigned v = bit(h, 12) << 11 | bit(h, 11) << 4 | bits(h, 10, 9) << 8 |
                 bit(h, 8) << 10 | bit(h, 7) << 6 | bit(h, 6) << 7 |
                 bits(h, 5, 3) << 1 | bit(h, 2) << 5;
    return (int64_t)(v ^ 0x800) - 0x800;
}

static unsigned addi4spn_imm(uint16_t h)
{
    return bits(h, 12, 11) << 4 | bits(h, 10, 7) << 6 | bit(h, 6) << 2 | bit(h, 5) << 3;
}

static int64_t addi16sp_imm(uint16_t h)
{
    unsigned v = bit(h, 12) << 9 | bit(h, 6) << 4 | bit(h, 5) << 6 |
                 bits(h, 4, 3) << 7 | bit(h, 2) << 5;
    return (int64_t)(v ^ 0x200) - 0x200;
}

bool rv_decode_c(uint16_t h, struct rv_insn *o)
{
    int line = rv_cline_of(h);
    if (line < 0 || clines[line].op == RV_OP_illegal)
        return false;

    uint8_t rd = (uint8_t)bits(h, 11, 7), rs2 = (uint8_t)bits(h, 6, 2);
    uint8_t rdp = creg(bits(h, 4, 2)), rs1p = creg(bits(h, 9, 7));

    switch (clines[line].cfmt) {
    case RV_CFMT_CIW:
        o->rd = rdp, o->rs1 = 2, o->imm = addi4spn_imm(h);
        break;
    case RV_CFMT_CL_W:
        o->rd = rdp, o->rs1 = rs1p, o->imm = cl_w_off(h);
        break;
    case RV_CFMT_CL_D:
        o->rd = rdp, o->rs1 = rs1p, o->imm = cl_d_off(h);
        break;
    case RV_CFMT_CS_W:
        o->rs2 = rdp, o->rs1 = rs1p, o->imm = cl_w_off(h);
        break;
    case RV_CFMT_CS_D:
        o->rs2 = rdp, o->rs1 = rs1p, o->imm = cl_d_off(h);
        break;
    case RV_CFMT_CI_ADDI:
        o->rd = o->rs1 = rd, o->imm = sext6(ci_imm6(h));
        break;
    case RV_CFMT_CI_LI:
        o->rd = rd, o->imm = sext6(ci_imm6(h));
        break;
    case RV_CFMT_CI_LUI:
        o->rd = rd, o->imm = sext6(ci_imm6(h)) * 4096;
        break;
    case RV_CFMT_CI_ADDI16SP:
        o->rd = o->rs1 = 2, o->imm = addi16sp_imm(h);
        break;
    case RV_CFMT_CI_SLLI:
        o->rd = o->rs1 = rd, o->imm = ci_imm6(h);
        break;
    case RV_CFMT_CI_LWSP:
        o->rd = rd, o->rs1 = 2, o->imm = lwsp_off(h);
        break;
    case RV_CFMT_CI_LDSP:
        o->rd = rd, o->rs1 = 2, o->imm = ldsp_off(h);
        break;
    case RV_CFMT_CSS_SWSP:
        o->rs2 = rs2, o->rs1 = 2, o->imm = swsp_off(h);
        break;
    case RV_CFMT_CSS_SDSP:
        o->rs2 = rs2, o->rs1 = 2, o->imm = sdsp_off(h);
        break;
    case RV_CFMT_CR_MV:
        o->rd = rd, o->rs2 = rs2;
        break;
    case RV_CFMT_CR_ADD:
        o->rd = o->rs1 = rd, o->rs2 = rs2;
        break;
    case RV_CFMT_CR_JR:
        o->rs1 = rd;
        break;
    case RV_CFMT_CR_JALR:
        o->rd = 1, o->rs1 = rd;
        break;
    case RV_CFMT_CA:
        o->rd = o->rs1 = rs1p, o->rs2 = rdp;
        break;
    case RV_CFMT_CB_BRANCH:
        o->rs1 = rs1p, o->imm = cb_off(h);
        break;
    case RV_CFMT_CB_SHIFT:
        o->rd = o->rs1 = rs1p, o->imm = ci_imm6(h);
        break;
    case RV_CFMT_CB_ANDI:
        o->rd = o->rs1 = rs1p, o->imm = sext6(ci_imm6(h));
        break;
    case RV_CFMT_CJ:
        o->imm = cj_off(h);
        break;
    case RV_CFMT_NONE:
        break;
    }
    o->op = clines[line].op;
    return true;
}
