/* 32-bit instruction decoder, driven by RV_INSN_LIST: find the line whose
 * mask/match the word satisfies, then pull out the operand fields its format
 * names. Compressed instructions go to rv_decode_c.c. */
#include <pthread.h>
#include <string.h>
#include "translator/rv_insn.h"
#include "translator/rv_decode_c.h"

struct line {
    uint32_t mask, match;
    uint8_t fmt, ext;
};

static const struct line lines[RV_OP_COUNT] = {
#define X(name, text, fmt, mask, match, ext) [RV_OP_##name] = { mask, match, fmt, ext },
    RV_INSN_LIST(X)
#undef X
};

/* Every line fixes the major opcode (bits 6:2, bits 1:0 being 11), so the
 * lines are grouped by it and a lookup scans one group: at most 30 lines (the
 * OP-FP group) instead of all of them. Built once, on first use. */
static uint8_t group_start[33];
static uint8_t group_ops[RV_OP_COUNT];
static pthread_once_t group_once = PTHREAD_ONCE_INIT;

_Static_assert(RV_OP_COUNT <= 256, "group_ops holds ops in a byte");

static unsigned group_of(uint32_t w) { return (w >> 2) & 31; }

static void group_build(void)
{
    uint8_t fill[32];

    for (int op = 1; op < RV_OP_COUNT; op++)
        group_start[group_of(lines[op].match) + 1]++;
    for (int g = 0; g < 32; g++) {
        group_start[g + 1] += group_start[g];
        fill[g] = group_start[g];
    }
    for (int op = 1; op < RV_OP_COUNT; op++)
        group_ops[fill[group_of(lines[op].match)]++] = (uint8_t)op;
}

static int lookup(uint32_t w)
{
    unsigned g = group_of(w);

    pthread_once(&group_once, group_build);
    for (unsigned i = group_start[g]; i < group_start[g + 1]; i++) {
        int op = group_ops[i];
        if ((w & lines[op].mask) == lines[op].match)
            return op;
    }
    return RV_OP_illegal;
}

/* Which fields each format has; the immediate is handled separately. */
enum { F_RD = 1, F_RS1 = 2, F_RS2 = 4, F_RS3 = 8, F_RM = 16, F_AQRL = 32, F_CSR = 64 };

static const uint8_t fmt_fields[RV_FMT_COUNT] = {
    [RV_FMT_R] = F_RD | F_RS1 | F_RS2,
    [RV_FMT_I] = F_RD | F_RS1,
    [RV_FMT_IM] = F_RD | F_RS1,
    [RV_FMT_FL] = F_RD | F_RS1,
    [RV_FMT_S] = F_RS1 | F_RS2,
    [RV_FMT_FS] = F_RS1 | F_RS2,
    [RV_FMT_B] = F_RS1 | F_RS2,
    [RV_FMT_U] = F_RD,
    [RV_FMT_J] = F_RD,
    [RV_FMT_SH6] = F_RD | F_RS1,
    [RV_FMT_SH5] = F_RD | F_RS1,
    [RV_FMT_CSR] = F_RD | F_RS1 | F_CSR,
    [RV_FMT_CSRI] = F_RD | F_CSR,
    [RV_FMT_AMO] = F_RD | F_RS1 | F_RS2 | F_AQRL,
    [RV_FMT_LR] = F_RD | F_RS1 | F_AQRL,
    [RV_FMT_R4] = F_RD | F_RS1 | F_RS2 | F_RS3 | F_RM,
    [RV_FMT_FRM] = F_RD | F_RS1 | F_RS2 | F_RM,
    [RV_FMT_F1RM] = F_RD | F_RS1 | F_RM,
    [RV_FMT_F1RM_XF] = F_RD | F_RS1 | F_RM,
    [RV_FMT_F1RM_FX] = F_RD | F_RS1 | F_RM,
    [RV_FMT_FR] = F_RD | F_RS1 | F_RS2,
    [RV_FMT_FR_X] = F_RD | F_RS1 | F_RS2,
    [RV_FMT_F1_XF] = F_RD | F_RS1,
    [RV_FMT_F1_FX] = F_RD | F_RS1,
    [RV_FMT_FENCE] = 0,
    [RV_FMT_SFENCE] = F_RS1 | F_RS2,
    [RV_FMT_NONE] = 0,
};

/* Of those fields, the ones naming integer registers. */
static const uint8_t fmt_x_fields[RV_FMT_COUNT] = {
    [RV_FMT_R] = F_RD | F_RS1 | F_RS2,
    [RV_FMT_I] = F_RD | F_RS1,
    [RV_FMT_IM] = F_RD | F_RS1,
    [RV_FMT_FL] = F_RS1,
    [RV_FMT_S] = F_RS1 | F_RS2,
    [RV_FMT_FS] = F_RS1,
    [RV_FMT_B] = F_RS1 | F_RS2,
    [RV_FMT_U] = F_RD,
    [RV_FMT_J] = F_RD,
    [RV_FMT_SH6] = F_RD | F_RS1,
    [RV_FMT_SH5] = F_RD | F_RS1,
    [RV_FMT_CSR] = F_RD | F_RS1,
    [RV_FMT_CSRI] = F_RD,
    [RV_FMT_AMO] = F_RD | F_RS1 | F_RS2,
    [RV_FMT_LR] = F_RD | F_RS1,
    [RV_FMT_F1RM_XF] = F_RD,
    [RV_FMT_F1RM_FX] = F_RS1,
    [RV_FMT_FR_X] = F_RD,
    [RV_FMT_F1_XF] = F_RD,
    [RV_FMT_F1_FX] = F_RS1,
    [RV_FMT_SFENCE] = F_RS1 | F_RS2,
};

enum rv_fmt rv_fmt_of(int op)
{
    return op > RV_OP_illegal && op < RV_OP_COUNT ? lines[op].fmt : RV_FMT_NONE;
}

int rv_ext_of(int op)
{
    return op > RV_OP_illegal && op < RV_OP_COUNT ? lines[op].ext : -1;
}

void rv_x_operands(const struct rv_insn *in, uint32_t *reads, uint32_t *writes)
{
    unsigned f = in->op < RV_OP_COUNT ? fmt_x_fields[lines[in->op].fmt] : 0;
    uint32_t r = 0, w = 0;
    if (f & F_RS1) r |= 1u << in->rs1;
    if (f & F_RS2) r |= 1u << in->rs2;
    if (f & F_RD) w |= 1u << in->rd;
    *reads = r & ~1u;
    *writes = w & ~1u;
}

void rv_f_operands(const struct rv_insn *in, uint32_t *reads, uint32_t *writes)
{
    int fmt = in->op < RV_OP_COUNT ? lines[in->op].fmt : RV_FMT_NONE;
    unsigned f = fmt_fields[fmt] & ~(fmt_x_fields[fmt] | F_RM | F_AQRL | F_CSR);
    uint32_t r = 0, w = 0;
    if (f & F_RS1) r |= 1u << in->rs1;
    if (f & F_RS2) r |= 1u << in->rs2;
    if (f & F_RS3) r |= 1u << in->rs3;
    if (f & F_RD) w |= 1u << in->rd;
    *reads = r;
    *writes = w;
}

static uint32_t bits(uint32_t w, int hi, int lo)
{
    return (w >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* Sign-extend the low n bits of v. */
static int64_t sext(uint64_t v, int n)
{
    return (int64_t)(v << (64 - n)) >> (64 - n);
}

static int64_t immediate(int fmt, uint32_t w)
{
    switch (fmt) {
    case RV_FMT_I: case RV_FMT_IM: case RV_FMT_FL:
        return sext(bits(w, 31, 20), 12);
    case RV_FMT_S: case RV_FMT_FS:
        return sext(bits(w, 31, 25) << 5 | bits(w, 11, 7), 12);
    case RV_FMT_B:
        return sext(bits(w, 31, 31) << 12 | bits(w, 7, 7) << 11 |
                    bits(w, 30, 25) << 5 | bits(w, 11, 8) << 1, 13);
    case RV_FMT_U:
        return sext(w & 0xfffff000u, 32);
    case RV_FMT_J:
        return sext(bits(w, 31, 31) << 20 | bits(w, 19, 12) << 12 |
                    bits(w, 20, 20) << 11 | bits(w, 30, 21) << 1, 21);
    case RV_FMT_SH6:
        return bits(w, 25, 20);
    case RV_FMT_SH5:
        return bits(w, 24, 20);
    case RV_FMT_CSRI:
        return bits(w, 19, 15);
    case RV_FMT_FENCE:
        return bits(w, 31, 20);
    default:
        return 0;
    }
}

bool rv_decode(uint32_t w, struct rv_insn *out)
{
    memset(out, 0, sizeof *out);
    if ((w & 3) != 3) {
        out->len = 2;
        out->raw = w & 0xffff;
        return rv_decode_c(w & 0xffff, out);
    }
    out->len = 4;
    out->raw = w;

    int op = lookup(w);
    if (op == RV_OP_illegal)
        return false;
    int fmt = lines[op].fmt;
    unsigned f = fmt_fields[fmt];
    /* rm 5 and 6 are reserved; 7 (dynamic) is decoded and frm is checked
     * when the instruction runs. */
    if ((f & F_RM) && (bits(w, 14, 12) == 5 || bits(w, 14, 12) == 6))
        return false;

    out->op = (uint16_t)op;
    if (f & F_RD) out->rd = bits(w, 11, 7);
    if (f & F_RS1) out->rs1 = bits(w, 19, 15);
    if (f & F_RS2) out->rs2 = bits(w, 24, 20);
    if (f & F_RS3) out->rs3 = bits(w, 31, 27);
    if (f & F_RM) out->rm = bits(w, 14, 12);
    if (f & F_AQRL) out->aqrl = bits(w, 26, 25);
    if (f & F_CSR) out->csr = bits(w, 31, 20);
    out->imm = immediate(fmt, w);
    return true;
}
