/* Guest disassembler, driven by the instruction tables. The output follows
 * `objdump -M no-aliases` (binutils 2.40) so that the decoder test can use
 * objdump as its oracle: ABI register names, operands separated by ',' with no
 * space, loads/stores as off(base), branch and jump targets as absolute hex
 * addresses, shift amounts and lui/auipc immediates in hex, other immediates
 * in decimal. Compressed instructions print under their own c.* mnemonic and
 * operands, as objdump does, not as the base instruction they expand to; the
 * one exception is the shift-by-0 HINT, "c.slli a0,0x0" where objdump says
 * "c.slli64 a0" (a name from RV128). Illegal encodings print as .2byte/.4byte. */
#include <stdarg.h>
#include <stdio.h>
#include "translator/rv_insn.h"
#include "translator/rv_decode_c.h"

const char *const rv_op_text[RV_OP_COUNT] = {
    [RV_OP_illegal] = "illegal",
#define X(name, text, fmt, mask, match, ext) [RV_OP_##name] = text,
    RV_INSN_LIST(X)
#undef X
};

const char *const rv_xreg_name[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *const rv_freg_name[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

static const uint8_t op_fmt[RV_OP_COUNT] = {
#define X(name, text, fmt, mask, match, ext) [RV_OP_##name] = fmt,
    RV_INSN_LIST(X)
#undef X
};

static const struct { const char *text; uint8_t cfmt, op; } cline_info[RV_C_COUNT] = {
#define X(cname, text, cfmt, mask, match, op) [RV_C_##cname] = { text, cfmt, RV_OP_##op },
    RV_CINSN_LIST(X)
#undef X
};

/* An snprintf-like cursor: keeps counting past the end of the buffer so the
 * caller gets the length the whole text needs. */
struct out {
    char *buf;
    size_t n, len;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(o->len < o->n ? o->buf + o->len : NULL,
                      o->len < o->n ? o->n - o->len : 0, fmt, ap);
    va_end(ap);
    if (r > 0)
        o->len += (size_t)r;
}

static const char *xr(unsigned r) { return rv_xreg_name[r & 31]; }
static const char *fr(unsigned r) { return rv_freg_name[r & 31]; }

static const char *csr_name(unsigned csr)
{
    switch (csr) {
    case 0x001: return "fflags";
    case 0x002: return "frm";
    case 0x003: return "fcsr";
    case 0xc00: return "cycle";
    case 0xc01: return "time";
    case 0xc02: return "instret";
    default: return NULL;
    }
}

static void put_csr(struct out *o, unsigned csr)
{
    const char *name = csr_name(csr);
    if (name)
        put(o, ",%s", name);
    else
        put(o, ",0x%x", csr);
}

/* The rounding mode operand, left out when dynamic as objdump does. The
 * conversions that are always exact ignore rm; binutils 2.40 knows them only
 * with rm = rne and then prints no rm, so rne is left out for them too. */
static void put_rm(struct out *o, const struct rv_insn *in)
{
    static const char *const names[8] = { "rne", "rtz", "rdn", "rup", "rmm", NULL, NULL, "dyn" };
    bool exact = in->op == RV_OP_fcvt_d_w || in->op == RV_OP_fcvt_d_wu || in->op == RV_OP_fcvt_d_s;

    if (in->rm == 7 || (exact && in->rm == 0))
        return;
    if (names[in->rm & 7])
        put(o, ",%s", names[in->rm & 7]);
    else
        put(o, ",%u", in->rm);
}

/* Fence sets as objdump prints them, including its "unknown" for an empty set. */
static void put_fence_set(struct out *o, unsigned set)
{
    if ((set & 15) == 0) {
        put(o, "unknown");
        return;
    }
    for (int i = 3; i >= 0; i--)
        if (set & (1u << i))
            put(o, "%c", "wroi"[i]);
}

static const char *const aqrl_suffix[4] = { "", ".rl", ".aq", ".aqrl" };

static void disasm32(struct out *o, const struct rv_insn *in, uint64_t pc)
{
    const char *t = rv_op_text[in->op];
    long long imm = (long long)in->imm;
    uint64_t target = pc + (uint64_t)in->imm;

    switch (op_fmt[in->op]) {
    case RV_FMT_R:
        put(o, "%s %s,%s,%s", t, xr(in->rd), xr(in->rs1), xr(in->rs2));
        break;
    case RV_FMT_I:
        put(o, "%s %s,%s,%lld", t, xr(in->rd), xr(in->rs1), imm);
        break;
    case RV_FMT_IM:
        put(o, "%s %s,%lld(%s)", t, xr(in->rd), imm, xr(in->rs1));
        break;
    case RV_FMT_FL:
        put(o, "%s %s,%lld(%s)", t, fr(in->rd), imm, xr(in->rs1));
        break;
    case RV_FMT_S:
        put(o, "%s %s,%lld(%s)", t, xr(in->rs2), imm, xr(in->rs1));
        break;
    case RV_FMT_FS:
        put(o, "%s %s,%lld(%s)", t, fr(in->rs2), imm, xr(in->rs1));
        break;
    case RV_FMT_B:
        put(o, "%s %s,%s,0x%llx", t, xr(in->rs1), xr(in->rs2), (unsigned long long)target);
        break;
    case RV_FMT_U:
        put(o, "%s %s,0x%llx", t, xr(in->rd), (unsigned long long)(in->imm >> 12) & 0xfffff);
        break;
    case RV_FMT_J:
        put(o, "%s %s,0x%llx", t, xr(in->rd), (unsigned long long)target);
        break;
    case RV_FMT_SH6:
    case RV_FMT_SH5:
        put(o, "%s %s,%s,0x%llx", t, xr(in->rd), xr(in->rs1), imm);
        break;
    case RV_FMT_CSR:
        put(o, "%s %s", t, xr(in->rd));
        put_csr(o, in->csr);
        put(o, ",%s", xr(in->rs1));
        break;
    case RV_FMT_CSRI:
        put(o, "%s %s", t, xr(in->rd));
        put_csr(o, in->csr);
        put(o, ",%lld", imm);
        break;
    case RV_FMT_AMO:
    case RV_FMT_LR:
        put(o, "%s%s %s,", t, aqrl_suffix[in->aqrl & 3], xr(in->rd));
        if (op_fmt[in->op] == RV_FMT_AMO)
            put(o, "%s,", xr(in->rs2));
        put(o, "(%s)", xr(in->rs1));
        break;
    case RV_FMT_R4:
        put(o, "%s %s,%s,%s,%s", t, fr(in->rd), fr(in->rs1), fr(in->rs2), fr(in->rs3));
        put_rm(o, in);
        break;
    case RV_FMT_FRM:
        put(o, "%s %s,%s,%s", t, fr(in->rd), fr(in->rs1), fr(in->rs2));
        put_rm(o, in);
        break;
    case RV_FMT_F1RM:
        put(o, "%s %s,%s", t, fr(in->rd), fr(in->rs1));
        put_rm(o, in);
        break;
    case RV_FMT_F1RM_XF:
        put(o, "%s %s,%s", t, xr(in->rd), fr(in->rs1));
        put_rm(o, in);
        break;
    case RV_FMT_F1RM_FX:
        put(o, "%s %s,%s", t, fr(in->rd), xr(in->rs1));
        put_rm(o, in);
        break;
    case RV_FMT_FR:
        put(o, "%s %s,%s,%s", t, fr(in->rd), fr(in->rs1), fr(in->rs2));
        break;
    case RV_FMT_FR_X:
        put(o, "%s %s,%s,%s", t, xr(in->rd), fr(in->rs1), fr(in->rs2));
        break;
    case RV_FMT_F1_XF:
        put(o, "%s %s,%s", t, xr(in->rd), fr(in->rs1));
        break;
    case RV_FMT_F1_FX:
        put(o, "%s %s,%s", t, fr(in->rd), xr(in->rs1));
        break;
    case RV_FMT_FENCE:
        /* fm = 1000 with rw,rw is the one fm value the spec names. */
        if (in->imm == 0x833) {
            put(o, "fence.tso");
            break;
        }
        put(o, "%s ", t);
        put_fence_set(o, (unsigned)in->imm >> 4);
        put(o, ",");
        put_fence_set(o, (unsigned)in->imm);
        break;
    case RV_FMT_SFENCE:
        put(o, "%s %s,%s", t, xr(in->rs1), xr(in->rs2));
        break;
    case RV_FMT_NONE:
        put(o, "%s", t);
        break;
    }
}

static void disasm16(struct out *o, const struct rv_insn *in, int line, uint64_t pc)
{
    const char *t = cline_info[line].text;
    long long imm = (long long)in->imm;
    uint64_t target = pc + (uint64_t)in->imm;
    /* Register operands of c.fld/c.fsd/c.fldsp/c.fsdsp are f registers. */
    int fmt = op_fmt[in->op];
    const char *rd = fmt == RV_FMT_FL ? fr(in->rd) : xr(in->rd);
    const char *rs2 = fmt == RV_FMT_FS ? fr(in->rs2) : xr(in->rs2);

    switch (cline_info[line].cfmt) {
    case RV_CFMT_CIW:
        put(o, "%s %s,sp,%lld", t, rd, imm);
        break;
    case RV_CFMT_CL_W:
    case RV_CFMT_CL_D:
    case RV_CFMT_CI_LWSP:
    case RV_CFMT_CI_LDSP:
        put(o, "%s %s,%lld(%s)", t, rd, imm, xr(in->rs1));
        break;
    case RV_CFMT_CS_W:
    case RV_CFMT_CS_D:
    case RV_CFMT_CSS_SWSP:
    case RV_CFMT_CSS_SDSP:
        put(o, "%s %s,%lld(%s)", t, rs2, imm, xr(in->rs1));
        break;
    case RV_CFMT_CI_ADDI:
    case RV_CFMT_CI_LI:
    case RV_CFMT_CB_ANDI:
    case RV_CFMT_CI_ADDI16SP:
        put(o, "%s %s,%lld", t, rd, imm);
        break;
    case RV_CFMT_CI_LUI:
        put(o, "%s %s,0x%llx", t, rd, (unsigned long long)(in->imm >> 12) & 0xfffff);
        break;
    case RV_CFMT_CI_SLLI:
    case RV_CFMT_CB_SHIFT:
        put(o, "%s %s,0x%llx", t, rd, imm);
        break;
    case RV_CFMT_CR_MV:
    case RV_CFMT_CR_ADD:
    case RV_CFMT_CA:
        put(o, "%s %s,%s", t, rd, rs2);
        break;
    case RV_CFMT_CR_JR:
    case RV_CFMT_CR_JALR:
        put(o, "%s %s", t, xr(in->rs1));
        break;
    case RV_CFMT_CB_BRANCH:
        put(o, "%s %s,0x%llx", t, xr(in->rs1), (unsigned long long)target);
        break;
    case RV_CFMT_CJ:
        put(o, "%s 0x%llx", t, (unsigned long long)target);
        break;
    case RV_CFMT_NONE:
        put(o, "%s", t);
        break;
    }
}

int rv_disasm(const struct rv_insn *in, uint64_t pc, char *buf, size_t n)
{
    struct out o = { buf, n, 0 };

    if (n)
        buf[0] = '\0';
    if (in->op == RV_OP_illegal || in->op >= RV_OP_COUNT) {
        put(&o, ".%dbyte 0x%x", in->len == 2 ? 2 : 4, in->raw);
        return (int)o.len;
    }
    /* A compressed instruction prints as its own line; a hand-made rv_insn
     * whose raw does not encode its op prints as the base instruction. */
    int line = in->len == 2 ? rv_cline_of((uint16_t)in->raw) : -1;
    if (line >= 0 && cline_info[line].op == in->op)
        disasm16(&o, in, line, pc);
    else
        disasm32(&o, in, pc);
    return (int)o.len;
}
