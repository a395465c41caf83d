/* Decoder and disassembler tests, generated from the instruction tables.
 *
 * The expected operands come from field layouts written here a second time in
 * the ISA manual's own notation ("31:25=12|10:5" means bits 31:25 of the word
 * hold imm[12] and imm[10:5]), not from the decoder's code. The disassembler is
 * checked against riscv64-linux-gnu-objdump -M no-aliases, which also checks
 * every mask/match in the tables against binutils' opcode tables. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/unit/t.h"
#include "translator/rv_insn.h"

struct line {
    const char *name, *text;
    int fmt;             /* enum rv_fmt or enum rv_cfmt */
    uint32_t mask, match;
    int op;
};

static const struct line l32[] = {
#define X(name, text, fmt, mask, match, ext) { #name, text, fmt, mask, match, RV_OP_##name },
    RV_INSN_LIST(X)
#undef X
};
static const struct line l16[] = {
#define X(cname, text, cfmt, mask, match, op) { #cname, text, cfmt, mask, match, RV_OP_##op },
    RV_CINSN_LIST(X)
#undef X
};
enum { N32 = sizeof l32 / sizeof l32[0], N16 = sizeof l16 / sizeof l16[0] };

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* ---- independent field layouts ---- */

/* Register fields: "11:7" is a full register field, "9:7'" a 3-bit field
 * naming x8-x15, "sp"/"ra" an implied register, NULL none. */
struct layout {
    const char *rd, *rs1, *rs2, *rs3;
    bool rm, aqrl, csr;
    const char *imm;     /* "hi:lo=spec hi:lo=spec"; NULL: no immediate */
    bool is_signed;
};

#define RR "11:7", "19:15"
static const struct layout lay32[RV_FMT_COUNT] = {
    [RV_FMT_R] = { RR, "24:20", NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_I] = { RR, NULL, NULL, 0, 0, 0, "31:20=11:0", 1 },
    [RV_FMT_IM] = { RR, NULL, NULL, 0, 0, 0, "31:20=11:0", 1 },
    [RV_FMT_FL] = { RR, NULL, NULL, 0, 0, 0, "31:20=11:0", 1 },
    [RV_FMT_S] = { NULL, "19:15", "24:20", NULL, 0, 0, 0, "31:25=11:5 11:7=4:0", 1 },
    [RV_FMT_FS] = { NULL, "19:15", "24:20", NULL, 0, 0, 0, "31:25=11:5 11:7=4:0", 1 },
    [RV_FMT_B] = { NULL, "19:15", "24:20", NULL, 0, 0, 0, "31:25=12|10:5 11:7=4:1|11", 1 },
    [RV_FMT_U] = { "11:7", NULL, NULL, NULL, 0, 0, 0, "31:12=31:12", 1 },
    [RV_FMT_J] = { "11:7", NULL, NULL, NULL, 0, 0, 0, "31:12=20|10:1|11|19:12", 1 },
    [RV_FMT_SH6] = { RR, NULL, NULL, 0, 0, 0, "25:20=5:0", 0 },
    [RV_FMT_SH5] = { RR, NULL, NULL, 0, 0, 0, "24:20=4:0", 0 },
    [RV_FMT_CSR] = { RR, NULL, NULL, 0, 0, 1, NULL, 0 },
    [RV_FMT_CSRI] = { "11:7", NULL, NULL, NULL, 0, 0, 1, "19:15=4:0", 0 },
    [RV_FMT_AMO] = { RR, "24:20", NULL, 0, 1, 0, NULL, 0 },
    [RV_FMT_LR] = { RR, NULL, NULL, 0, 1, 0, NULL, 0 },
    [RV_FMT_R4] = { RR, "24:20", "31:27", 1, 0, 0, NULL, 0 },
    [RV_FMT_FRM] = { RR, "24:20", NULL, 1, 0, 0, NULL, 0 },
    [RV_FMT_F1RM] = { RR, NULL, NULL, 1, 0, 0, NULL, 0 },
    [RV_FMT_F1RM_XF] = { RR, NULL, NULL, 1, 0, 0, NULL, 0 },
    [RV_FMT_F1RM_FX] = { RR, NULL, NULL, 1, 0, 0, NULL, 0 },
    [RV_FMT_FR] = { RR, "24:20", NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_FR_X] = { RR, "24:20", NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_F1_XF] = { RR, NULL, NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_F1_FX] = { RR, NULL, NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_FENCE] = { NULL, NULL, NULL, NULL, 0, 0, 0, "31:20=11:0", 0 },
    [RV_FMT_SFENCE] = { NULL, "19:15", "24:20", NULL, 0, 0, 0, NULL, 0 },
    [RV_FMT_NONE] = { NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0 },
};

/* The RVC expansions, from the "RVC instruction set listings" of the manual. */
static const struct layout lay16[RV_CFMT_COUNT] = {
    [RV_CFMT_CIW] = { "4:2'", "sp", NULL, NULL, 0, 0, 0, "12:5=5:4|9:6|2|3", 0 },
    [RV_CFMT_CL_W] = { "4:2'", "9:7'", NULL, NULL, 0, 0, 0, "12:10=5:3 6:5=2|6", 0 },
    [RV_CFMT_CL_D] = { "4:2'", "9:7'", NULL, NULL, 0, 0, 0, "12:10=5:3 6:5=7:6", 0 },
    [RV_CFMT_CS_W] = { NULL, "9:7'", "4:2'", NULL, 0, 0, 0, "12:10=5:3 6:5=2|6", 0 },
    [RV_CFMT_CS_D] = { NULL, "9:7'", "4:2'", NULL, 0, 0, 0, "12:10=5:3 6:5=7:6", 0 },
    [RV_CFMT_CI_ADDI] = { "11:7", "11:7", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:0", 1 },
    [RV_CFMT_CI_LI] = { "11:7", NULL, NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:0", 1 },
    [RV_CFMT_CI_LUI] = { "11:7", NULL, NULL, NULL, 0, 0, 0, "12:12=17 6:2=16:12", 1 },
    [RV_CFMT_CI_ADDI16SP] = { "sp", "sp", NULL, NULL, 0, 0, 0, "12:12=9 6:2=4|6|8:7|5", 1 },
    [RV_CFMT_CI_SLLI] = { "11:7", "11:7", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:0", 0 },
    [RV_CFMT_CI_LWSP] = { "11:7", "sp", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:2|7:6", 0 },
    [RV_CFMT_CI_LDSP] = { "11:7", "sp", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:3|8:6", 0 },
    [RV_CFMT_CSS_SWSP] = { NULL, "sp", "6:2", NULL, 0, 0, 0, "12:7=5:2|7:6", 0 },
    [RV_CFMT_CSS_SDSP] = { NULL, "sp", "6:2", NULL, 0, 0, 0, "12:7=5:3|8:6", 0 },
    [RV_CFMT_CR_MV] = { "11:7", NULL, "6:2", NULL, 0, 0, 0, NULL, 0 },
    [RV_CFMT_CR_ADD] = { "11:7", "11:7", "6:2", NULL, 0, 0, 0, NULL, 0 },
    [RV_CFMT_CR_JR] = { NULL, "11:7", NULL, NULL, 0, 0, 0, NULL, 0 },
    [RV_CFMT_CR_JALR] = { "ra", "11:7", NULL, NULL, 0, 0, 0, NULL, 0 },
    [RV_CFMT_CA] = { "9:7'", "9:7'", "4:2'", NULL, 0, 0, 0, NULL, 0 },
    [RV_CFMT_CB_BRANCH] = { NULL, "9:7'", NULL, NULL, 0, 0, 0, "12:10=8|4:3 6:2=7:6|2:1|5", 1 },
    [RV_CFMT_CB_SHIFT] = { "9:7'", "9:7'", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:0", 0 },
    [RV_CFMT_CB_ANDI] = { "9:7'", "9:7'", NULL, NULL, 0, 0, 0, "12:12=5 6:2=4:0", 1 },
    [RV_CFMT_CJ] = { NULL, NULL, NULL, NULL, 0, 0, 0, "12:2=11|4|9:8|10|6|7|3:1|5", 1 },
    [RV_CFMT_NONE] = { NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0 },
};

static unsigned field(uint32_t w, int hi, int lo) { return (w >> lo) & ((1u << (hi - lo + 1)) - 1); }

static uint8_t reg_of(const char *spec, uint32_t w)
{
    int hi, lo;
    if (!spec) return 0;
    if (!strcmp(spec, "sp")) return 2;
    if (!strcmp(spec, "ra")) return 1;
    sscanf(spec, "%d:%d", &hi, &lo);
    return (uint8_t)(field(w, hi, lo) + (strchr(spec, '\'') ? 8 : 0));
}

/* Gather an immediate from "hi:lo=spec ..." groups; each spec lists, from the
 * field's top bit down, which immediate bits it holds. */
static int64_t imm_of(const char *groups, bool is_signed, uint32_t w)
{
    uint64_t v = 0;
    int top = 0;
    const char *p = groups;
    char *e;

    if (!groups) return 0;
    while (*p) {
        int pos = (int)strtol(p, &e, 10), lo;
        lo = (int)strtol(e + 1, &e, 10);
        p = e + 1;                                  /* past '=' */
        while (*p && *p != ' ') {
            int a = (int)strtol(p, &e, 10), b = a;
            if (*e == ':') b = (int)strtol(e + 1, &e, 10);
            for (int i = a; i >= b; i--, pos--)
                v |= (uint64_t)((w >> pos) & 1) << i;
            top = a > top ? a : top;
            p = *e == '|' ? e + 1 : e;
        }
        CHECK(pos == lo - 1, "layout group in \"%s\" does not fill its field", groups);
        while (*p == ' ') p++;
    }
    if (is_signed && (v >> top & 1))
        v |= ~0ull << top;
    return (int64_t)v;
}

static struct rv_insn expect(const struct layout *l, int op, int len, uint32_t w)
{
    struct rv_insn e = { .op = (uint16_t)op, .len = (uint8_t)len, .raw = w };
    e.rd = reg_of(l->rd, w), e.rs1 = reg_of(l->rs1, w);
    e.rs2 = reg_of(l->rs2, w), e.rs3 = reg_of(l->rs3, w);
    e.rm = l->rm ? (uint8_t)field(w, 14, 12) : 0;
    e.aqrl = l->aqrl ? (uint8_t)field(w, 26, 25) : 0;
    e.csr = l->csr ? (uint16_t)field(w, 31, 20) : 0;
    e.imm = imm_of(l->imm, l->is_signed, w);
    return e;
}

static bool same(const struct rv_insn *a, const struct rv_insn *b)
{
    return a->op == b->op && a->len == b->len && a->rd == b->rd && a->rs1 == b->rs1 &&
           a->rs2 == b->rs2 && a->rs3 == b->rs3 && a->rm == b->rm && a->aqrl == b->aqrl &&
           a->csr == b->csr && a->imm == b->imm && a->raw == b->raw;
}

static void check_decode(uint32_t w, const struct rv_insn *e, const char *what)
{
    struct rv_insn d;
    bool ok = rv_decode(w, &d);
    CHECK(ok && same(&d, e),
          "%s %#x: got ok=%d op=%s len=%d rd=%d rs1=%d rs2=%d rs3=%d rm=%d aqrl=%d csr=%#x imm=%lld; "
          "want op=%s rd=%d rs1=%d rs2=%d rs3=%d rm=%d aqrl=%d csr=%#x imm=%lld", what, w, ok,
          rv_op_text[d.op], d.len, d.rd, d.rs1, d.rs2, d.rs3, d.rm, d.aqrl, d.csr, (long long)d.imm,
          rv_op_text[e->op], e->rd, e->rs1, e->rs2, e->rs3, e->rm, e->aqrl, e->csr, (long long)e->imm);
}

static void check_illegal(uint32_t w, int len, const char *what)
{
    struct rv_insn d;
    bool ok = rv_decode(w, &d);
    CHECK(!ok && d.op == RV_OP_illegal && d.len == len, "%s %#x: decoded as %s (len %d)",
          what, w, rv_op_text[d.op], d.len);
}

static bool has_rm(const struct line *l) { return lay32[l->fmt].rm; }

/* A random encoding of a 32-bit line, with a legal rm where it has one. */
static uint32_t sample32(const struct line *l)
{
    uint32_t w = (rnd() & ~l->mask) | l->match;
    if (has_rm(l) && (field(w, 14, 12) == 5 || field(w, 14, 12) == 6))
        w &= ~0x4000u;
    return w;
}

/* The most specific 16-bit line matching h (ties are reported), or -1. */
static int cline_of(uint32_t h)
{
    int best = -1, bits = -1, tie = 0;
    for (int i = 0; i < N16; i++) {
        if ((h & l16[i].mask) != l16[i].match) continue;
        int b = __builtin_popcount(l16[i].mask);
        if (b > bits) best = i, bits = b, tie = 0;
        else if (b == bits) tie = 1;
    }
    CHECK(!tie, "16-bit encoding %#x matches two lines of equal mask size", h);
    return best;
}

static void test_tables(void)
{
    for (int i = 0; i < N32; i++) {
        const struct line *a = &l32[i];
        CHECK((a->match & ~a->mask) == 0 && (a->mask & 0x7f) == 0x7f && (a->match & 3) == 3,
              "%s: match outside mask or opcode not fixed", a->name);
        char want[32];
        snprintf(want, sizeof want, "%s", a->name);
        for (char *p = want; *p; p++) if (*p == '_') *p = '.';
        CHECK(!strcmp(want, a->text) && !strcmp(rv_op_text[a->op], a->text),
              "%s: text \"%s\" does not match name", a->name, a->text);
        for (int j = i + 1; j < N32; j++)
            CHECK(((a->match ^ l32[j].match) & a->mask & l32[j].mask) != 0,
                  "%s and %s overlap", a->name, l32[j].name);
    }
    for (int i = 0; i < N16; i++)
        CHECK((l16[i].match & ~l16[i].mask) == 0 && (l16[i].mask & 0xe003) == 0xe003 &&
              (l16[i].match & 3) != 3, "%s: bad mask/match", l16[i].name);
    /* All 2^16 encodings: the decoder picks the most specific line. */
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 3) == 3) continue;
        int c = cline_of(h);
        struct rv_insn d;
        bool ok = rv_decode(h, &d);
        int want = c < 0 ? RV_OP_illegal : l16[c].op;
        if (!(ok == (want != RV_OP_illegal) && d.op == want && d.len == 2))
            CHECK(0, "%#06x: decoded as %s, want %s", h, rv_op_text[d.op], rv_op_text[want]);
    }
}

static void test_lines(void)
{
    for (int i = 0; i < N32; i++) {
        const struct line *l = &l32[i];
        for (int k = 0; k < 300; k++) {
            uint32_t w = sample32(l);
            struct rv_insn e = expect(&lay32[l->fmt], l->op, 4, w);
            check_decode(w, &e, l->name);
            if (has_rm(l)) {
                check_illegal((w & ~0x7000u) | 5u << 12, 4, "rm=5");
                check_illegal((w & ~0x7000u) | 6u << 12, 4, "rm=6");
            }
        }
    }
    for (int i = 0; i < N16; i++) {
        const struct line *l = &l16[i];
        for (int k = 0; k < 300; k++) {
            uint32_t h = (rnd() & ~l->mask & 0xffff) | l->match;
            if (cline_of(h) != i) continue;      /* a more specific line's */
            if (l->op == RV_OP_illegal) {
                check_illegal(h, 2, l->name);
                continue;
            }
            struct rv_insn e = expect(&lay16[l->fmt], l->op, 2, h);
            check_decode(h | (rnd() << 16), &e, l->name);   /* upper half ignored */
        }
    }
}

/* Random words: no line means illegal; one line means that op. */
static void test_random32(void)
{
    for (int k = 0; k < 400000; k++) {
        uint32_t w = (rnd() << 16 ^ rnd() ^ rnd() >> 9) | 3;
        int hit = -1;
        for (int i = 0; i < N32; i++)
            if ((w & l32[i].mask) == l32[i].match) hit = i;
        if (hit < 0 || (has_rm(&l32[hit]) && (field(w, 14, 12) == 5 || field(w, 14, 12) == 6))) {
            check_illegal(w, 4, "random word");
        } else {
            struct rv_insn e = expect(&lay32[l32[hit].fmt], l32[hit].op, 4, w);
            check_decode(w, &e, "random word");
        }
    }
}

/* ---- disassembly against objdump ---- */

#define OBJDUMP "riscv64-linux-gnu-objdump -D -b binary -m riscv:rv64 -M no-aliases"
#define VMA 0x10000ull
enum { MAX_ENC = 24000 };

/* Valid encodings binutils 2.40 prints as .4byte: fence with fm other than 0
 * or tso, or with its ignored rd/rs1 set; fence.i with its reserved fields
 * set; the always-exact conversions with an rm other than rne. */
static bool objdump_lacks(const struct rv_insn *d)
{
    switch (d->op) {
    case RV_OP_fence: return (d->raw & 0x000f8f80) || ((d->raw >> 28) && d->imm != 0x833);
    case RV_OP_fence_i: return (d->raw & 0xffff8f80) != 0;
    case RV_OP_fcvt_d_w: case RV_OP_fcvt_d_wu: case RV_OP_fcvt_d_s: return d->rm != 0;
    default: return false;
    }
}

static bool is_our_mnemonic(const char *m)
{
    for (int i = 0; i < N32; i++) if (!strcmp(m, l32[i].text)) return true;
    for (int i = 0; i < N16; i++) if (!strcmp(m, l16[i].text)) return true;
    return false;
}

/* Collapse whitespace runs to one space and drop objdump's "# value" notes. */
static void squash(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '#') break;
        if (*p == ' ' || *p == '\t' || *p == '\n') {
            if (o > s && o[-1] != ' ') *o++ = ' ';
        } else {
            *o++ = *p;
        }
    }
    while (o > s && o[-1] == ' ') o--;
    *o = '\0';
}

/* Differences in objdump's text that are choices, not errors:
 * - shift-by-0 HINTs are "c.slli64 a0" there, "c.slli a0,0x0" here;
 * - CSRs other than the six the guest ABI uses print by number here, while
 *   objdump names the privileged ones, so its name is replaced by our number. */
static void normalize(char *obj, const char *ours, size_t n)
{
    char tmp[128];
    if (!strncmp(obj, "c.s", 3) && !strncmp(obj + 6, "64 ", 3)) {
        snprintf(tmp, sizeof tmp, "%.6s %.16s,0x0", obj, obj + 9);
        snprintf(obj, n, "%s", tmp);
    }
    const char *oc = strchr(ours, ','), *bc = strchr(obj, ',');
    if (!strncmp(ours, "csrr", 4) && oc && bc && !strncmp(oc + 1, "0x", 2) && bc[1] != '0') {
        const char *bend = strchr(bc + 1, ','), *oend = strchr(oc + 1, ',');
        if (bend && oend) {
            snprintf(tmp, sizeof tmp, "%.*s%.*s%s", (int)(bc + 1 - obj), obj,
                     (int)(oend - oc - 1), oc + 1, bend);
            snprintf(obj, n, "%s", tmp);
        }
    }
}

static int gather(uint32_t *w)
{
    int n = 0;
    for (int i = 0; i < N32; i++)
        for (int k = 0; k < 24; k++) {
            uint32_t x = sample32(&l32[i]);
            /* half with the fields objdump insists on zeroed */
            if (k & 1 && l32[i].fmt == RV_FMT_FENCE) x &= 0x8ff0707f;
            if (k & 1 && l32[i].fmt == RV_FMT_NONE) x = l32[i].match;
            if (k & 1 && (l32[i].op == RV_OP_fcvt_d_w || l32[i].op == RV_OP_fcvt_d_wu ||
                          l32[i].op == RV_OP_fcvt_d_s)) x &= ~0x7000u;
            w[n++] = x;
        }
    /* Every fixed bit of every line flipped, so that objdump checks where
     * each mask ends (no 48-bit lengths, no 16/32-bit switch). */
    for (int i = 0; i < N32; i++)
        for (int b = 2; b < 32; b++) {
            uint32_t x = sample32(&l32[i]) ^ (l32[i].mask & 1u << b);
            if ((x & 0x1c) != 0x1c) w[n++] = x;
        }
    for (int i = 0; i < N16; i++)
        for (int b = 2; b < 16; b++)
            w[n++] = ((rnd() & ~l16[i].mask & 0xffff) | l16[i].match) ^ (l16[i].mask & 1u << b);
    for (int i = 0; i < N16; i++)
        for (int k = 0; k < 24 && l16[i].op != RV_OP_illegal; k++) {
            uint32_t h = (rnd() & ~l16[i].mask & 0xffff) | l16[i].match;
            if (cline_of(h) == i) w[n++] = h;
        }
    /* bits 4:2 = 111 would be a 48-bit or longer instruction to objdump */
    for (int k = 0; k < 3000; k++) {
        uint32_t x = (rnd() << 16 ^ rnd()) | 3;
        if ((x & 0x1c) != 0x1c) w[n++] = x;
    }
    for (int k = 0; k < 3000; k++) {
        uint32_t h = rnd() & 0xffff;
        if ((h & 3) != 3) w[n++] = h;
    }
    return n;
}

static void test_objdump(void)
{
    static uint32_t w[MAX_ENC];
    static char *obj[MAX_ENC * 2];    /* objdump's text by offset / 2 */
    char path[] = "/tmp/test_decode_XXXXXX", cmd[256], line[512];
    int n = gather(w), fd = mkstemp(path), size = 0;
    int compared = 0, lacked = 0, ndiff = 0;
    bool seen32[RV_OP_COUNT] = { false }, seen16[N16] = { false };

    CHECK(n < MAX_ENC && fd >= 0, "gather or mkstemp");
    FILE *f = fdopen(fd, "wb");
    for (int i = 0; i < n; i++) {
        int len = rv_insn_len((uint16_t)w[i]);
        fwrite(&w[i], 1, (size_t)len, f);    /* little-endian host */
        size += len;
    }
    fclose(f);
    snprintf(cmd, sizeof cmd, OBJDUMP " --adjust-vma=%#llx %s", VMA, path);
    FILE *p = popen(cmd, "r");
    CHECK(p != NULL, "popen %s", cmd);
    while (p && fgets(line, sizeof line, p)) {
        unsigned long long addr;
        int at = -1;
        if (sscanf(line, " %llx:%n", &addr, &at) < 1 || at < 0) continue;
        char *t = strchr(line + at + 1, '\t');      /* past the hex bytes */
        if (!t || addr < VMA || addr - VMA >= (unsigned)size) continue;
        squash(t);
        obj[(addr - VMA) / 2] = strdup(t);
    }
    CHECK(p && pclose(p) == 0, "%s failed", cmd);
    unlink(path);

    uint64_t off = 0;
    for (int i = 0; i < n; off += (uint64_t)rv_insn_len((uint16_t)w[i]), i++) {
        struct rv_insn d;
        char ours[128], theirs[128], mn[64];
        bool ok = rv_decode(w[i], &d);
        rv_disasm(&d, VMA + off, ours, sizeof ours);
        squash(ours);
        snprintf(theirs, sizeof theirs, "%s", obj[off / 2] ? obj[off / 2] : "(missing)");
        normalize(theirs, ours, sizeof theirs);
        sscanf(theirs, "%63[^ ]", mn);
        char *sfx = strstr(mn, ".aq");
        if (!sfx) sfx = strstr(mn, ".rl");
        if (sfx) *sfx = '\0';
        bool bad;
        /* When we reject, objdump must not know the encoding either, except for
         * c.addi16sp sp,0 (reserved) and a reserved rm, which it prints as
         * "unknown". */
        size_t tl = strlen(theirs);
        if (!ok)
            bad = is_our_mnemonic(mn) && w[i] != 0x6101 &&
                  !(tl > 8 && !strcmp(theirs + tl - 8, ",unknown"));
        else if (!strncmp(theirs, ".4byte", 6) && objdump_lacks(&d))
            lacked++, bad = false;
        else {
            compared++, bad = strcmp(ours, theirs) != 0;
            if (d.len == 4) seen32[d.op] = true;
            else seen16[cline_of(w[i] & 0xffff)] = true;
        }
        if (!bad) CHECK(1, " ");
        else if (ndiff++ < 12)
            CHECK(0, "disasm of %#x at %#llx: ours \"%s\", objdump \"%s\"", w[i],
                  (unsigned long long)(VMA + off), ours, theirs);
        else
            t_fail++;
    }
    for (int i = 0; i < MAX_ENC * 2; i++) free(obj[i]);
    for (int i = 0; i < N32; i++)
        CHECK(seen32[l32[i].op], "%s never compared with objdump", l32[i].name);
    for (int i = 0; i < N16; i++)
        CHECK(seen16[i] || l16[i].op == RV_OP_illegal, "%s never compared with objdump", l16[i].name);
    fprintf(stderr, "test_decode: %d disassemblies compared with objdump, %d it cannot "
            "decode skipped, %d differences\n", compared, lacked, ndiff);
}

/* Encodings worked out by hand from the manual, so that a wrong mask or match
 * in the table cannot hide behind the table-driven checks. */
static void test_fixed(void)
{
    struct { uint32_t w; int op; } known[] = {
        { 0x00c58533, RV_OP_add }, { 0x40c58533, RV_OP_sub }, { 0xff010513, RV_OP_addi },
        { 0x00813503, RV_OP_ld }, { 0xfea13c23, RV_OP_sd }, { 0x000500e7, RV_OP_jalr },
        { 0x0000006f, RV_OP_jal }, { 0x00b50063, RV_OP_beq }, { 0x03f51513, RV_OP_slli },
        { 0x01f5151b, RV_OP_slliw }, { 0x40355513, RV_OP_srai }, { 0x00000073, RV_OP_ecall },
        { 0x00100073, RV_OP_ebreak }, { 0x0ff0000f, RV_OP_fence }, { 0x8330000f, RV_OP_fence },
        { 0x0000100f, RV_OP_fence_i }, { 0x30200073, RV_OP_mret }, { 0x10200073, RV_OP_sret },
        { 0x10500073, RV_OP_wfi }, { 0x12b50073, RV_OP_sfence_vma }, { 0x1005a52f, RV_OP_lr_w }, { 0x1ec5b52f, RV_OP_sc_d },
        { 0x0ac5a52f, RV_OP_amoswap_w }, { 0xc0051553, RV_OP_fcvt_w_s }, { 0x4015f553, RV_OP_fcvt_s_d },
        { 0x42058553, RV_OP_fcvt_d_s }, { 0x6ac5f543, RV_OP_fmadd_d }, { 0xe2059553, RV_OP_fclass_d },
        { 0xf2058553, RV_OP_fmv_d_x }, { 0x02c5853b, RV_OP_mulw }, { 0x0012d573, RV_OP_csrrwi },
        /* compressed, including HINTs */
        { 0x0800, RV_OP_addi }, { 0x6588, RV_OP_ld }, { 0x0001, RV_OP_addi }, { 0x0005, RV_OP_addi },
        { 0x4001, RV_OP_addi }, { 0x7001, RV_OP_lui }, { 0x8006, RV_OP_add }, { 0x9006, RV_OP_add },
        { 0x0502, RV_OP_slli }, { 0x0012, RV_OP_slli }, { 0x8101, RV_OP_srli }, { 0x8501, RV_OP_srai },
        { 0x2501, RV_OP_addiw }, { 0x7139, RV_OP_addi }, { 0x8082, RV_OP_jalr }, { 0x9002, RV_OP_ebreak },
        { 0xa001, RV_OP_jal }, { 0x2000, RV_OP_fld }, { 0x9d2d, RV_OP_addw },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        struct rv_insn d;
        CHECK(rv_decode(known[i].w, &d) && d.op == known[i].op, "%#x: decoded as %s, want %s",
              known[i].w, rv_op_text[d.op], rv_op_text[known[i].op]);
    }
    struct rv_insn d;
    rv_decode(0x7139, &d);   /* c.addi16sp sp,-64 */
    CHECK(d.rd == 2 && d.rs1 == 2 && d.imm == -64, "c.addi16sp sp,-64: imm %lld", (long long)d.imm);
    rv_decode(0x7001, &d);   /* c.lui zero,0xfffe0 (HINT) */
    CHECK(d.rd == 0 && d.imm == -0x20000, "c.lui zero: imm %lld", (long long)d.imm);

    /* Reserved: 0, addi4spn 0, addi16sp 0, lui 0 (rd = zero and a0), lwsp/ldsp
     * rd = zero, jr zero, addiw rd = zero, quadrant 0 funct3 100, subw/addw
     * row's reserved ops. W shifts with shamt[5] = 1. */
    uint32_t rsv16[] = { 0x0000, 0x0004, 0x6101, 0x6501, 0x6001, 0x4002, 0x4006, 0x6002,
                         0x8002, 0x2001, 0x203d, 0x8000, 0x9c41, 0x9c61 };
    for (size_t i = 0; i < sizeof rsv16 / sizeof rsv16[0]; i++)
        check_illegal(rsv16[i], 2, "reserved compressed");
    check_illegal(0x0215151b, 4, "slliw shamt[5]");
    check_illegal(0x0215551b, 4, "srliw shamt[5]");
    check_illegal(0x4215551b, 4, "sraiw shamt[5]");
    check_illegal(0x0000507b, 4, "no line");

    /* rv_disasm counts like snprintf when the buffer is short. */
    char big[64], small[6];
    rv_decode(0x00813503, &d);
    int len = rv_disasm(&d, 0, big, sizeof big);
    CHECK(len == (int)strlen(big) && rv_disasm(&d, 0, small, sizeof small) == len &&
          !strncmp(big, small, sizeof small - 1) && small[sizeof small - 1] == '\0',
          "short buffer: \"%s\" %d vs \"%s\"", big, len, small);
    check_illegal(0xffffffff, 4, "all ones");
}

int main(void)
{
    test_tables();
    test_lines();
    test_random32();
    test_fixed();
    test_objdump();
    return t_done("test_decode");
}
