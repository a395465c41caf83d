/* rand_diff's generator. Instructions come from translator/rv_insn_table.h
 * (the one ISA description): an entry's match with its free fields filled
 * at random, then the fields that must stay safe fixed up:
 *  - rd is never sp, gp, tp or s0: sp and s0 point into the scratch buffer
 *    (every load, store and AMO is based on one of them, with an offset that
 *    stays inside it), gp points at the harness's save area, tp is an
 *    input that must survive for the C side;
 *  - no jumps out of the sequence, no ecall/ebreak/fence.i/privileged ones;
 *  - rounding modes are the five static ones and DYN, and a CSR write never
 *    makes frm invalid (DYN would then raise SIGILL and end the run);
 *  - LR is followed at once by its SC, in one unit; an SC alone (which
 *    fails) is drawn now and then;
 *  - AMOs use an 8-aligned address in the buffer;
 *  - a third of the accesses first set a random register to an address in
 *    the buffer (addi rX, s0 or sp) and use that as the base, so that every
 *    guest register is a base now and then;
 *  - jumps (jal, jalr, c.j, c.jr, c.jalr, branches) go forward to the start
 *    of a later unit or to the end of the sequence;
 *  - loops (rand_gen.h) run a body of units up to 15 times, with accesses
 *    through a walker register that moves by a constant step each trip
 *    (so the translator's loops and their checks at the head are tested);
 *  - shift-and-add array indexing, which the translator fuses.
 * Compressed words are drawn at random and decoded with the same table's
 * RV_CINSN_LIST, keeping those whose fields are safe. */
#include <string.h>
#include "tests/fuzz/rand_gen.h"
#include "translator/rv_insn_table.h"

struct rg_insn {
    const char *text;
    int fmt;
    uint32_t mask, match;
    int ext;
};

#define X(name, text, fmt, mask, match, ext) { text, fmt, mask, match, ext },
static const struct rg_insn insns[] = { RV_INSN_LIST(X) };
#undef X
#define NINSNS (sizeof insns / sizeof insns[0])

struct rg_cinsn {
    const char *text;
    int fmt;
    uint16_t mask, match;
    bool illegal;
};
#define X(cname, text, cfmt, mask, match, op) { text, cfmt, mask, match, !strcmp(#op, "illegal") },
static const struct rg_cinsn cinsns[] = { RV_CINSN_LIST(X) };
#undef X
#define NCINSNS (sizeof cinsns / sizeof cinsns[0])

uint64_t rg_rand(struct rg_rng *r)
{
    /* splitmix64: any seed, including 0, gives a full-period stream */
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static unsigned below(struct rg_rng *r, unsigned n)
{
    return (unsigned)(rg_rand(r) % n);
}

/* Registers a loop body must not write: its counter and walker. */
static uint32_t reserved;

#define RG_COUNTER 31u

static bool safe_rd(unsigned rd)
{
    return rd != 2 && rd != 3 && rd != 4 && rd != 8 && !(reserved >> rd & 1);
}

/* Destinations crowd onto a few registers now and then, so results feed
 * later instructions and registers alias. */
static unsigned pick_rd(struct rg_rng *r)
{
    static const unsigned few[] = { 0, 1, 5, 10, 11, 15, 31 };
    for (;;) {
        unsigned rd = below(r, 3) ? below(r, 32) : few[below(r, 7)];
        if (safe_rd(rd))
            return rd;
    }
}

static unsigned pick_rs(struct rg_rng *r)
{
    static const unsigned few[] = { 0, 1, 5, 10, 11, 15, 31 };
    return below(r, 3) ? below(r, 32) : few[below(r, 7)];
}

static unsigned pick_rm(struct rg_rng *r)
{
    static const unsigned rms[] = { 0, 1, 2, 3, 4, 7 };
    return rms[below(r, 6)];
}

static uint32_t imm12(struct rg_rng *r)
{
    static const int32_t edge[] = { 0, 1, -1, 2047, -2048, 31, 32, 63, 64 };
    int32_t v = below(r, 3) ? (int32_t)below(r, 4096) - 2048 : edge[below(r, 9)];
    return (uint32_t)v & 0xfff;
}

/* A base register (s0 or sp) and an offset that keeps an access of `width`
 * bytes inside the buffer; aligned half of the time. */
static void mem_operand(struct rg_rng *r, unsigned width, unsigned *base, int32_t *off)
{
    bool s0 = below(r, 2);
    int32_t boff = s0 ? RD_S0_OFF : RD_SP_OFF;
    int32_t o = (int32_t)below(r, RD_BUF_BYTES - width + 1) - boff;
    if (s0 && !below(r, 4))     /* across the page boundary at s0 */
        o = (int32_t)below(r, 2 * width) - (int32_t)width;
    else if (below(r, 2))
        o &= ~(int32_t)(width - 1);
    if (o + boff < 0)
        o += (int32_t)width;
    *base = s0 ? 8 : 2;
    *off = o;
}

static uint32_t with_rd(uint32_t w, unsigned rd) { return (w & ~(31u << 7)) | rd << 7; }
static uint32_t with_rs1(uint32_t w, unsigned rs) { return (w & ~(31u << 15)) | rs << 15; }
static uint32_t with_rs2(uint32_t w, unsigned rs) { return (w & ~(31u << 20)) | rs << 20; }
static uint32_t with_rm(uint32_t w, unsigned rm) { return (w & ~(7u << 12)) | rm << 12; }
static uint32_t with_i(uint32_t w, uint32_t imm) { return (w & 0xfffff) | (imm & 0xfff) << 20; }
static uint32_t with_s(uint32_t w, uint32_t imm)
{
    return (w & 0x01fff07f) | (imm >> 5 & 0x7f) << 25 | (imm & 31) << 7;
}

static uint32_t addi(unsigned rd, unsigned rs, int32_t imm)
{
    return with_i(0x13 | rd << 7 | rs << 15, (uint32_t)imm);
}

/* Now and then replaces base by a random register set to an address in the
 * buffer by an addi ahead of the access (the unit's first word), moving the
 * offset to match; with aligned8 the register holds an 8-aligned address
 * and *off becomes 0. avoid is a register the unit writes before its last
 * use of the base (an LR's rd), or 0. */
static unsigned rebase(struct rg_rng *r, struct rg_unit *u, unsigned base, int32_t *off,
                       bool aligned8, unsigned avoid)
{
    unsigned rx;
    int32_t d;
    if (below(r, 3))
        return base;
    do
        rx = pick_rd(r);
    while (rx == 0 || rx == avoid);
    if (aligned8) {
        d = 8 * (int32_t)below(r, RD_BUF_BYTES / 8) - (base == 8 ? RD_S0_OFF : RD_SP_OFF);
        *off = 0;
    } else {
        d = (int32_t)below(r, 513) - 256;
        *off -= d;
    }
    u->w[u->n++] = addi(rx, base, d);
    return rx;
}

static unsigned width_of(const char *text)
{
    if (text[0] == 'f')
        text++;
    switch (text[1]) {
    case 'b': return 1;
    case 'h': return 2;
    case 'w': return 4;
    default: return 8;
    }
}

/* The CSR forms: reads and writes of fflags, frm and fcsr that keep frm
 * valid. */
static uint32_t gen_csr(struct rg_rng *r)
{
    unsigned rd = pick_rd(r), rs = pick_rs(r), z = below(r, 32);
    uint32_t csr = 1 + below(r, 3);     /* fflags, frm, fcsr */
    uint32_t f3;
    switch (below(r, 6)) {
    case 0:             /* csrr */
        f3 = 2, rs = 0;
        break;
    case 1:             /* csrrw/s/c fflags, rs */
        f3 = 1 + below(r, 3), csr = 1;
        break;
    case 2:             /* csrrwi: fflags any, fcsr (frm 0), frm 0-4 */
        f3 = 5;
        if (csr == 2)
            z = below(r, 5);
        rs = z;
        break;
    case 3:             /* csrrsi fflags */
        f3 = 6, csr = 1, rs = z;
        break;
    case 4:             /* csrrci: clearing bits keeps frm within 0-4 */
        f3 = 7, rs = z;
        break;
    default:            /* csrrw fcsr/frm, x0: back to RNE */
        f3 = 1, csr = 2 + below(r, 2), rs = 0;
        break;
    }
    return csr << 20 | rs << 15 | f3 << 12 | rd << 7 | 0x73;
}

/* One 32-bit instruction from the table, or false if the entry drawn is one
 * the sequences leave out. */
static bool gen_word(struct rg_rng *r, struct rg_unit *u)
{
    const struct rg_insn *in = &insns[below(r, NINSNS)];
    uint32_t w = (uint32_t)rg_rand(r) & ~in->mask;
    unsigned base;
    int32_t off;
    w |= in->match;
    u->kind = RG_PLAIN;
    u->n = 0;
    if (in->ext == RV_EXT_PRIV || in->ext == RV_EXT_ZIFENCEI)
        return false;
    if (in->ext == RV_EXT_ZICSR) {
        u->w[u->n++] = gen_csr(r);
        return true;
    }
    switch (in->fmt) {
    case RV_FMT_R: case RV_FMT_I: case RV_FMT_U: case RV_FMT_SH6: case RV_FMT_SH5:
    case RV_FMT_F1RM_XF: case RV_FMT_FR_X: case RV_FMT_F1_XF:
        w = with_rd(w, pick_rd(r));
        if (in->fmt == RV_FMT_R || in->fmt == RV_FMT_I || in->fmt == RV_FMT_SH6 ||
            in->fmt == RV_FMT_SH5)
            w = with_rs1(w, pick_rs(r));
        if (in->fmt == RV_FMT_R)
            w = with_rs2(w, pick_rs(r));
        if (in->fmt == RV_FMT_I)
            w = with_i(w, imm12(r));
        if (in->fmt == RV_FMT_F1RM_XF)
            w = with_rm(w, pick_rm(r));
        break;
    case RV_FMT_R4: case RV_FMT_FRM: case RV_FMT_F1RM: case RV_FMT_F1RM_FX:
        w = with_rm(w, pick_rm(r));
        if (in->fmt == RV_FMT_F1RM_FX)
            w = with_rs1(w, pick_rs(r));
        break;
    case RV_FMT_FR: case RV_FMT_F1_FX:
        if (in->fmt == RV_FMT_F1_FX)
            w = with_rs1(w, pick_rs(r));
        break;
    case RV_FMT_IM:
        if (!strcmp(in->text, "jalr")) {
            unsigned rx;
            do
                rx = pick_rd(r);
            while (rx == 0);
            u->skip = (uint8_t)(1 + below(r, 6));
            u->w[u->n++] = 0x17 | rx << 7;                  /* auipc rx, 0 */
            if (below(r, 2)) {
                u->kind = RG_JALR;
                u->w[u->n++] = 0x67 | pick_rd(r) << 7 | rx << 15;
            } else {
                u->kind = RG_CJR;
                u->w[u->n++] = addi(rx, rx, 0);
                u->w[u->n++] = (below(r, 2) ? 0x8002u : 0x9002u) | rx << 7;
            }
            return true;
        }
        /* fall through */
    case RV_FMT_FL:
        mem_operand(r, width_of(in->text), &base, &off);
        base = rebase(r, u, base, &off, false, 0);
        w = with_i(with_rs1(w, base), (uint32_t)off);
        if (in->fmt == RV_FMT_IM)
            w = with_rd(w, pick_rd(r));
        break;
    case RV_FMT_S: case RV_FMT_FS:
        mem_operand(r, width_of(in->text), &base, &off);
        base = rebase(r, u, base, &off, false, 0);
        w = with_s(with_rs1(w, base), (uint32_t)off);
        if (in->fmt == RV_FMT_S)
            w = with_rs2(w, pick_rs(r));
        break;
    case RV_FMT_AMO:
        /* an SC of its own finds no reservation (every LR's SC ends it): it fails */
        if (!strncmp(in->text, "sc.", 3) && below(r, 4))
            return false;
        off = 0;
        base = rebase(r, u, below(r, 2) ? 8 : 2, &off, true, 0);
        w = with_rs2(with_rs1(with_rd(w, pick_rd(r)), base), pick_rs(r));
        break;
    case RV_FMT_LR: {
        unsigned rd = pick_rd(r);
        off = 0;
        base = rebase(r, u, below(r, 2) ? 8 : 2, &off, true, rd);
        u->w[u->n++] = with_rs1(with_rd(w, rd), base);
        /* sc of the same width: funct5 3 instead of 2, aq/rl random */
        u->w[u->n++] = with_rs2(with_rs1(with_rd((w & ~(0x1fu << 27)) | 3u << 27, pick_rd(r)),
                                         base), pick_rs(r));
        return true;
    }
    case RV_FMT_B: case RV_FMT_J:
        u->kind = in->fmt == RV_FMT_B ? RG_BRANCH : RG_JAL;
        u->skip = (uint8_t)(1 + below(r, 6));
        w &= in->fmt == RV_FMT_B ? 0x01fff07f : 0xfff;
        if (in->fmt == RV_FMT_B)
            w = with_rs2(with_rs1(w, pick_rs(r)), pick_rs(r));
        else
            w = with_rd(w, pick_rd(r));
        break;
    case RV_FMT_FENCE:
        w = 0x0ff0000f;     /* fence rw,rw; other fm values are reserved */
        break;
    default:                /* ecall, ebreak, sfence: not in user sequences */
        return false;
    }
    u->w[u->n++] = w;
    return true;
}

static const struct rg_cinsn *cdecode(uint16_t h)
{
    const struct rg_cinsn *best = NULL;
    for (size_t i = 0; i < NCINSNS; i++)
        if ((h & cinsns[i].mask) == cinsns[i].match &&
            (!best || __builtin_popcount(cinsns[i].mask) > __builtin_popcount(best->mask)))
            best = &cinsns[i];
    return best;
}

/* A compressed instruction, or false if the word drawn is not a safe one. */
static bool gen_half(struct rg_rng *r, struct rg_unit *u)
{
    uint16_t h = (uint16_t)rg_rand(r);
    if ((h & 3) == 3)
        return false;
    u->kind = RG_PLAIN;
    u->n = 1;
    unsigned rdp = h >> 2 & 7, rs1p = h >> 7 & 7, rd = h >> 7 & 31;
    const struct rg_cinsn *c = cdecode(h);
    if (!c || c->illegal)
        return false;
    switch (c->fmt) {
    case RV_CFMT_CIW:
        if (rdp == 0)
            return false;
        break;
    case RV_CFMT_CL_W: case RV_CFMT_CL_D:
        h &= (uint16_t)~(7u << 7);      /* base s0 */
        if (rdp == 0 && strcmp(c->text, "c.fld"))
            return false;
        break;
    case RV_CFMT_CS_W: case RV_CFMT_CS_D:
        h &= (uint16_t)~(7u << 7);
        break;
    case RV_CFMT_CI_ADDI: case RV_CFMT_CI_LI: case RV_CFMT_CI_LUI: case RV_CFMT_CI_SLLI:
    case RV_CFMT_CI_LWSP: case RV_CFMT_CR_MV: case RV_CFMT_CR_ADD:
        if (!safe_rd(rd))
            return false;
        break;
    case RV_CFMT_CI_LDSP:
        if (strcmp(c->text, "c.fldsp") && !safe_rd(rd))
            return false;
        break;
    case RV_CFMT_CSS_SWSP: case RV_CFMT_CSS_SDSP:
        break;
    case RV_CFMT_CA: case RV_CFMT_CB_SHIFT: case RV_CFMT_CB_ANDI:
        if (rs1p == 0)
            return false;
        break;
    case RV_CFMT_CB_BRANCH:
        u->kind = RG_CBRANCH;
        u->skip = (uint8_t)(1 + below(r, 6));
        h &= 0xe383;
        break;
    case RV_CFMT_CJ:
        u->kind = RG_CJ;
        u->skip = (uint8_t)(1 + below(r, 6));
        h &= 0xe003;
        break;
    default:            /* jr, jalr, ebreak, addi16sp */
        return false;
    }
    u->w[0] = h;
    return true;
}

static unsigned unit_bytes_of(const struct rg_unit *u)
{
    unsigned n = 0;
    for (unsigned i = 0; i < u->n; i++)
        n += (u->w[i] & 3) == 3 ? 4 : 2;
    return n;
}

/* An access through the walker, or its step (one in four). */
static void gen_walk(struct rg_rng *r, struct rg_unit *u, unsigned walk, int32_t step)
{
    static const uint32_t ops[] = {
        0x0003, 0x1003, 0x2003, 0x3003, 0x4003, 0x5003, 0x6003,   /* lb..lwu */
        0x0023, 0x1023, 0x2023, 0x3023,                           /* sb..sd */
        0x2007, 0x3007, 0x2027, 0x3027,                           /* flw fld fsw fsd */
    };
    u->kind = RG_WALK;
    u->n = 1;
    if (!below(r, 4)) {
        u->w[0] = addi(walk, walk, step);
        return;
    }
    uint32_t w = ops[below(r, sizeof ops / sizeof ops[0])] | walk << 15;
    uint32_t imm = (uint32_t)((int32_t)below(r, 65) - 32) & 0xfff;
    unsigned reg = (w & 0x7f) == 0x03 ? pick_rd(r) : below(r, 32);
    if ((w & 0x5f) == 0x03)    /* loads: rd */
        w = with_i(with_rd(w, reg), imm);
    else if ((w & 0x7f) == 0x07)
        w = with_i(with_rd(w, below(r, 32)), imm);
    else
        w = with_s(with_rs2(w, (w & 0x7f) == 0x23 ? pick_rs(r) : reg), imm);
    u->w[0] = w;
}

/* A loop's first unit; the walker starts within 200 bytes of s0, so 16
 * steps of at most 16 bytes and an offset of at most 32 stay in the
 * buffer, and cross the page boundary at s0 now and then. */
static unsigned gen_loop(struct rg_rng *r, struct rg_unit *u, int32_t *step)
{
    static const int32_t steps[] = { 1, 2, 4, 8, 12, 16, -1, -4, -8, -12, -16 };
    static const unsigned walkers[] = { 5, 6, 7, 28, 29, 30 };
    unsigned walk = walkers[below(r, 6)];
    *step = steps[below(r, sizeof steps / sizeof steps[0])];
    u->kind = RG_LOOP;
    u->n = 2;
    u->w[0] = addi(RG_COUNTER, 0, 1 + (int32_t)below(r, 15));
    u->w[1] = addi(walk, 8, (int32_t)below(r, 401) - 200);
    return walk;
}

/* Array indexing as RV64GC writes it, which the translator fuses into one
 * lea: slli rd, rs, k; add rd, rd, rb (or rb, rd), sometimes with an addi
 * between that may or may not touch their registers. */
static void gen_index(struct rg_rng *r, struct rg_unit *u)
{
    unsigned rd;
    do
        rd = pick_rd(r);
    while (rd == 0);
    u->kind = RG_PLAIN;
    u->n = 0;
    u->w[u->n++] = 0x1013 | rd << 7 | pick_rs(r) << 15 | below(r, 5) << 20;   /* slli */
    if (below(r, 2))
        u->w[u->n++] = addi(pick_rd(r), pick_rs(r), (int32_t)below(r, 64) - 32);
    unsigned rb = pick_rs(r);
    u->w[u->n++] = 0x0033 | rd << 7 | (below(r, 2) ? rd << 15 | rb << 20 : rb << 15 | rd << 20);
}

/* gcc's quiet comparison: frflags t; feq/flt/fle (single or double) rd,
 * fa, fb; fsflags t, which the translator runs as one ordered compare;
 * now and then rd is t, which it must not. */
static void gen_bracket(struct rg_rng *r, struct rg_unit *u)
{
    unsigned t, rd;
    do
        t = pick_rd(r);
    while (t == 0);
    do
        rd = below(r, 8) ? pick_rd(r) : t;
    while (rd == t && below(r, 8));
    uint32_t f7 = below(r, 2) ? 0x51 : 0x50;   /* D or S */
    u->kind = RG_PLAIN;
    u->n = 3;
    u->w[0] = 0x00102073 | t << 7;                                   /* csrrs t, fflags, x0 */
    u->w[1] = 0x53 | f7 << 25 | below(r, 3) << 12 | rd << 7 | below(r, 32) << 15 | below(r, 32) << 20;
    u->w[2] = 0x00101073 | t << 15;                                  /* csrrw x0, fflags, t */
}

static void gen_back(struct rg_unit *u)
{
    u->kind = RG_BACK;
    u->n = 3;
    u->w[0] = 0x7013 | RG_COUNTER << 7 | RG_COUNTER << 15 | 15u << 20;   /* andi */
    u->w[1] = addi(RG_COUNTER, RG_COUNTER, -1);
    u->w[2] = 0x4063 | RG_COUNTER << 20;                                  /* blt x0, x31 */
}

void rg_gen_seq(struct rg_rng *r, struct rg_seq *s)
{
    unsigned len = below(r, 8) ? 5 + below(r, 56) : 61 + below(r, RG_MAX_UNITS - 60);
    unsigned bytes = 0;
    unsigned half = below(r, 4);    /* share of compressed forms: 0-3 in 8 */
    /* in a loop: its number, body units still to come, walker and step */
    unsigned loops = 0, loop = 0, body = 0, walk = 0;
    int32_t step = 0;
    s->n = 0;
    s->split = (uint16_t)rg_rand(r);
    reserved = 0;
    while (s->n < len) {
        struct rg_unit *u = &s->u[s->n];
        bool ok = true;
        if (loop && !body) {
            gen_back(u);
        } else if (!loop && s->n + 4 < len && !below(r, 12)) {
            walk = gen_loop(r, u, &step);
        } else if (loop && !below(r, 3)) {
            gen_walk(r, u, walk, step);
        } else if (!below(r, 16)) {
            gen_index(r, u);
        } else if (!below(r, 24)) {
            gen_bracket(r, u);
        } else {
            ok = below(r, 8) < half ? gen_half(r, u) : gen_word(r, u);
        }
        if (!ok)
            continue;
        bytes += unit_bytes_of(u);
        if (bytes > RD_MAX_BYTES)
            break;
        if (u->kind == RG_LOOP) {
            loop = ++loops;
            body = 1 + below(r, 10);
            reserved = 1u << RG_COUNTER | 1u << walk;
        } else if (u->kind == RG_BACK) {
            u->loop = (uint16_t)loop;
            loop = 0;
            reserved = 0;
        } else if (loop) {
            body--;
        }
        u->loop = (uint16_t)(u->kind == RG_BACK ? u->loop : loop);
        s->n++;
    }
    reserved = 0;
}

static uint64_t pick_x(struct rg_rng *r)
{
    static const uint64_t edge[] = {
        0, 1, ~0ull, 1ull << 63, (1ull << 63) - 1, 0x80000000, 0x7fffffff,
        0xffffffff, 0xffffffff80000000, 0x100000000, 2, 31, 32, 63, 64,
    };
    switch (below(r, 4)) {
    case 0: case 1: return edge[below(r, sizeof edge / sizeof edge[0])];
    case 2: return (uint64_t)(int64_t)(int32_t)rg_rand(r);
    default: return rg_rand(r);
    }
}

static uint64_t pick_f(struct rg_rng *r)
{
    static const uint32_t fs[] = {
        0, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000,
        0x7f800001, 0xffc00000, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x4f000000,
        0xcf000000, 0x5f000000,
    };
    static const uint64_t ds[] = {
        0, 1ull << 63, 0x3ff0000000000000, 0xbff0000000000000, 0x7ff0000000000000,
        0xfff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001, 1,
        0x000fffffffffffff, 0x7fefffffffffffff, 0x41e0000000000000, 0xc3e0000000000000,
        0x43f0000000000000,
    };
    switch (below(r, 6)) {
    case 0: case 1:     /* a NaN-boxed single */
        return 0xffffffff00000000ull | fs[below(r, sizeof fs / sizeof fs[0])];
    case 2:             /* a random NaN-boxed single */
        return 0xffffffff00000000ull | (uint32_t)rg_rand(r);
    case 3:             /* an unboxed single: reads as the canonical NaN */
        return (uint64_t)below(r, 0xffff) << 32 | fs[below(r, sizeof fs / sizeof fs[0])];
    case 4:
        return ds[below(r, sizeof ds / sizeof ds[0])];
    default:
        return rg_rand(r);
    }
}

void rg_gen_state(struct rg_rng *r, struct rd_case *c)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < 32; i++) {
        c->x[i] = pick_x(r);
        c->f[i] = pick_f(r);
    }
    c->fcsr = below(r, 5) << 5 | below(r, 32);
    for (size_t i = 0; i < RD_BUF_BYTES; i += 8) {
        uint64_t v = below(r, 2) ? pick_f(r) : pick_x(r);
        memcpy(c->buf + i, &v, 8);
    }
}

static uint32_t enc_branch(const struct rg_unit *u, int32_t d)
{
    uint32_t o = (uint32_t)d, w = u->w[0];
    switch (u->kind) {
    case RG_BRANCH:
        return w | (o >> 12 & 1) << 31 | (o >> 5 & 0x3f) << 25 | (o >> 1 & 15) << 8 |
               (o >> 11 & 1) << 7;
    case RG_JAL:
        return w | (o >> 20 & 1) << 31 | (o >> 1 & 0x3ff) << 21 | (o >> 11 & 1) << 20 |
               (o >> 12 & 0xff) << 12;
    case RG_CBRANCH:
        return w | (o >> 8 & 1) << 12 | (o >> 3 & 3) << 10 | (o >> 6 & 3) << 5 |
               (o >> 1 & 3) << 3 | (o >> 5 & 1) << 2;
    default:    /* RG_CJ */
        return w | (o >> 11 & 1) << 12 | (o >> 4 & 1) << 11 | (o >> 8 & 3) << 9 |
               (o >> 10 & 1) << 8 | (o >> 6 & 1) << 7 | (o >> 7 & 1) << 6 |
               (o >> 1 & 7) << 3 | (o >> 5 & 1) << 2;
    }
}

/* The index of loop unit i's RG_LOOP, or -1 if the shrinker dropped it. */
static int loop_head(const struct rg_seq *s, unsigned i)
{
    unsigned l = s->u[i].loop;
    for (int j = (int)i - 1; l && j >= 0 && s->u[j].loop == l; j--)
        if (s->u[j].kind == RG_LOOP)
            return j;
    return l && s->u[i].kind == RG_LOOP ? (int)i : -1;
}

void rg_layout(const struct rg_seq *s, struct rd_case *c)
{
    uint32_t off[RG_MAX_UNITS + 1];
    off[0] = 0;
    for (unsigned i = 0; i < s->n; i++)
        off[i + 1] = off[i] + unit_bytes_of(&s->u[i]);
    c->nbytes = off[s->n];
    c->split = (uint32_t)((uint64_t)s->split * c->nbytes >> 16) & ~1u;
    for (unsigned i = 0; i < s->n; i++) {
        const struct rg_unit *u = &s->u[i];
        uint8_t *p = c->code + off[i];
        int head = loop_head(s, i);
        for (unsigned k = 0; k < u->n; k++) {
            uint32_t w = u->w[k];
            /* the target: a later unit's start; out of reach, the next one;
             * inside another loop, that loop's RG_LOOP */
            unsigned t = i + 1 + u->skip > s->n ? s->n : i + 1 + u->skip;
            if (t < s->n && s->u[t].loop && s->u[t].loop != u->loop && s->u[t].kind != RG_LOOP) {
                int h = loop_head(s, t);
                if (h >= 0)
                    t = (unsigned)h;
            }
            int32_t d = (int32_t)(off[t] - off[i]);
            int32_t lim = u->kind == RG_CBRANCH ? 254 : u->kind >= RG_JALR ? 2047 : 4094;
            if (d > lim)
                d = (int32_t)(off[i + 1] - off[i]);
            if (u->kind == RG_BRANCH || u->kind == RG_JAL || u->kind == RG_CBRANCH ||
                u->kind == RG_CJ)
                w = enc_branch(u, d);
            else if ((u->kind == RG_JALR || u->kind == RG_CJR) && k == 1)  /* the jalr or the addi */
                w = with_i(w, (uint32_t)d);
            else if (u->kind == RG_WALK && head < 0)
                w = addi(0, 0, 0);
            else if (u->kind == RG_BACK && k == 2) {
                struct rg_unit b = { .kind = RG_BRANCH, .w = { w } };
                w = enc_branch(&b, head >= 0 && (unsigned)head + 1 < i ?
                               (int32_t)(off[head + 1] - (off[i] + 8)) : 4);
            }
            unsigned len = (w & 3) == 3 ? 4 : 2;
            memcpy(p, &w, len);
            p += len;
        }
    }
}
