/* Emitter tests: every emit function's bytes are decoded back with capstone
 * (x86-64, Intel syntax) and compared with text built here from register-name
 * tables, for every register in every operand slot and every kind of memory
 * operand; where the API promises a particular encoding, its length too.
 * Expected texts follow capstone 4's conventions (checked against `as`):
 * numbers 0-9 in decimal and others in hex, negative displacements as
 * "- 0x10", and imm32 operands of 32-bit instructions and all immediates of
 * and/or/xor printed unsigned. */
/* capstone's x86.h declares its own enum x86_reg; rename its copy here. */
#define x86_reg cs_x86_reg
#include <capstone/capstone.h>
#undef x86_reg

#include "translator/x86_emit.h"
#include "tests/unit/t.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

static const char *const r64[16] = {
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};
static const char *const r32[16] = {
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
    "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d",
};
static const char *const r16[16] = {
    "ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
    "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w",
};
static const char *const r8[16] = {
    "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
    "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b",
};
static const char *const cc_name[16] = {
    "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g",
};
static const char *const alu_name[8] = { "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp" };

static const enum x86_shift shifts[] = { X86_ROL, X86_ROR, X86_SHL, X86_SHR, X86_SAR };
static const char *shift_name(enum x86_shift op)
{
    switch (op) {
    case X86_ROL: return "rol";
    case X86_ROR: return "ror";
    case X86_SHL: return "shl";
    case X86_SHR: return "shr";
    case X86_SAR: return "sar";
    }
    return "?";
}

static const enum x86_unary unaries[] = { X86_NOT, X86_NEG, X86_MUL, X86_IMUL1, X86_DIV, X86_IDIV };
static const char *unary_name(enum x86_unary op)
{
    switch (op) {
    case X86_NOT: return "not";
    case X86_NEG: return "neg";
    case X86_MUL: return "mul";
    case X86_IMUL1: return "imul";
    case X86_DIV: return "div";
    case X86_IDIV: return "idiv";
    }
    return "?";
}

static const enum x86_width widths[] = { X86_W32, X86_W64 };

/* Immediates at the imm8/imm32 and decimal/hex boundaries. */
static const int32_t imms[] = {
    0, 1, -1, 9, 10, -10, 127, -128, 128, -129, 0x12345678, INT32_MAX, INT32_MIN,
};
#define NIMMS (int)(sizeof imms / sizeof imms[0])

/* ---- text helpers ---- */

/* Rotating static buffers so several formatted pieces fit in one printf. */
static char *ring(void)
{
    static char bufs[8][128];
    static int i;
    return bufs[i++ & 7];
}

static void put_uimm(char *s, size_t size, uint64_t v)
{
    snprintf(s, size, v <= 9 ? "%" PRIu64 : "0x%" PRIx64, v);
}

static const char *uimm(uint64_t v)
{
    char *s = ring();
    put_uimm(s, 128, v);
    return s;
}

static const char *simm(int64_t v)
{
    if (v >= 0)
        return uimm((uint64_t)v);
    uint64_t mag = -(uint64_t)v;
    char *s = ring();
    snprintf(s, 128, mag <= 9 ? "-%" PRIu64 : "-0x%" PRIx64, mag);
    return s;
}

static const char *rw(enum x86_width w, int r)
{
    return w == X86_W64 ? r64[r] : r32[r];
}

static const char *ptr(enum x86_width w)
{
    return w == X86_W64 ? "qword ptr " : "dword ptr ";
}

static bool fits8(int64_t v)
{
    return v >= -128 && v <= 127;
}

/* "[base + index*scale + disp]". capstone prints an absolute address (no base,
 * no index) unsigned, masked to the size of the first operand when that is a
 * register: a source operand after an r32 prints 32 bits, others 64. */
static const char *mem_text_after(struct x86_mem m, bool after_r32)
{
    char *s = ring(), num[24];
    int n = snprintf(s, 128, "[");
    const char *sep = "";
    if (m.base >= 0) {
        n += snprintf(s + n, 128 - n, "%s", r64[m.base]);
        sep = " + ";
    }
    if (m.index >= 0) {
        n += snprintf(s + n, 128 - n, "%s%s", sep, r64[m.index]);
        if (m.scale != 1)
            n += snprintf(s + n, 128 - n, "*%d", m.scale);
        sep = " + ";
    }
    if (!*sep) {
        uint64_t addr = (uint64_t)(int64_t)m.disp;
        put_uimm(num, sizeof num, after_r32 ? (uint32_t)addr : addr);
        n += snprintf(s + n, 128 - n, "%s", num);
    } else if (m.disp != 0) {
        put_uimm(num, sizeof num, m.disp > 0 ? (uint64_t)m.disp : (uint64_t)-(int64_t)m.disp);
        n += snprintf(s + n, 128 - n, " %c %s", m.disp > 0 ? '+' : '-', num);
    }
    snprintf(s + n, 128 - n, "]");
    return s;
}

static const char *mem_text(struct x86_mem m)
{
    return mem_text_after(m, false);
}

/* A memory source after a destination register of width w. */
static const char *mem_src(enum x86_width w, struct x86_mem m)
{
    return mem_text_after(m, w == X86_W32);
}

/* Bytes of ModRM + SIB + displacement for the shortest encoding of m (SDM
 * vol. 2 tables 2-2/2-3): rsp/r12 bases and any index need a SIB; rbp/r13
 * bases need a displacement; no base means SIB with disp32. */
static int mem_len(struct x86_mem m)
{
    if (m.base < 0)
        return 1 + 1 + 4;
    int sib = m.index >= 0 || m.base == X86_RSP || m.base == X86_R12;
    int disp;
    if (m.disp == 0 && m.base != X86_RBP && m.base != X86_R13)
        disp = 0;
    else
        disp = fits8(m.disp) ? 1 : 4;
    return 1 + sib + disp;
}

static bool mem_rex(struct x86_mem m)
{
    return m.base >= 8 || m.index >= 8;
}

/* Byte registers 4-7 are spl..dil only with a REX prefix. */
static bool byte_rex(int r)
{
    return r >= 4;
}

/* Memory operands: every base (and none) with every index (and none) at
 * displacements around the disp8/disp32 and decimal/hex boundaries, scales
 * cycling through 1, 2, 4, 8. */
static struct x86_mem mems[17 * 16 * 9];
static int nmems;

static void build_mems(void)
{
    static const int32_t disps[] = { 0, 8, -0x10, 0x7f, -0x80, 0x80, -0x81, INT32_MAX, INT32_MIN };
    for (int base = -1; base < 16; base++) {
        for (int index = -1; index < 16; index++) {
            if (index == X86_RSP)
                continue;
            for (int d = 0; d < 9; d++) {
                uint8_t scale = (uint8_t)(1 << ((base + index + d + 2) & 3));
                mems[nmems++] = X86_MEM_IDX(base, index, scale, disps[d]);
            }
        }
    }
}

/* ---- emit and compare ---- */

static csh cs;
static uint8_t code[64];
static struct x86_buf buf;
/* Executable view below the writable one, so address arithmetic wraps. */
static const uintptr_t DELTA = (uintptr_t)0 - 0x123456000;

static struct x86_buf *B(void)
{
    memset(code, 0, sizeof code);
    x86_buf_init(&buf, code, sizeof code, DELTA);
    return &buf;
}

static uint64_t exec_addr(const uint8_t *p)
{
    return (uint64_t)((uintptr_t)p + DELTA);
}

/* Decodes what was emitted since B() as exactly one instruction and compares
 * its text with the printf-formatted expectation; len > 0 also pins the
 * length. */
static void expect(int len, const char *fmt, ...)
{
    char want[200], got[200] = "(not decoded)", hex[64] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(want, sizeof want, fmt, ap);
    va_end(ap);

    size_t n = (size_t)(buf.p - code);
    for (size_t i = 0; i < n && i < 20; i++)
        snprintf(hex + 3 * i, sizeof hex - 3 * i, "%02x ", code[i]);
    cs_insn *insn;
    size_t count = cs_disasm(cs, code, n, exec_addr(code), 0, &insn);
    size_t used = 0;
    if (count >= 1) {
        snprintf(got, sizeof got, "%s%s%s", insn[0].mnemonic,
                 insn[0].op_str[0] ? " " : "", insn[0].op_str);
        used = insn[0].size;
    }
    bool ok = count == 1 && used == n && !buf.overflow && strcmp(got, want) == 0 &&
              (len <= 0 || n == (size_t)len);
    CHECK(ok, "want \"%s\" (%d bytes) got \"%s\" (%zu insns, %zu of %zu bytes): %s",
          want, len, got, count, used, n, hex);
    if (count)
        cs_free(insn, count);
}

/* Immediate text of group-1 ALU forms: and/or/xor print masked to the operand
 * size; other 32-bit ops print imm8 signed and imm32 unsigned. */
static const char *alu_imm(enum x86_alu op, enum x86_width w, int32_t imm)
{
    if (op == X86_AND || op == X86_OR || op == X86_XOR)
        return uimm(w == X86_W64 ? (uint64_t)(int64_t)imm : (uint32_t)imm);
    if (w == X86_W64 || fits8(imm))
        return simm(imm);
    return uimm((uint32_t)imm);
}

/* Immediate text of forms that only have imm32 (mov [m], imm; test). */
static const char *imm32_text(enum x86_width w, int32_t imm)
{
    return w == X86_W64 ? simm(imm) : uimm((uint32_t)imm);
}

/* ---- moves ---- */

static void test_mov(void)
{
    for (int wi = 0; wi < 2; wi++) {
        enum x86_width w = widths[wi];
        bool w64 = w == X86_W64;
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                x86_mov_rr(B(), w, d, s);
                expect(2 + (w64 || d >= 8 || s >= 8), "mov %s, %s", rw(w, d), rw(w, s));
            }
        for (int k = 0; k < nmems; k++) {
            struct x86_mem m = mems[k];
            int r = k % 16;
            int len = (w64 || r >= 8 || mem_rex(m)) + 1 + mem_len(m);
            x86_mov_rm(B(), w, r, m);
            expect(len, "mov %s, %s%s", rw(w, r), ptr(w), mem_src(w, m));
            x86_mov_mr(B(), w, m, r);
            expect(len, "mov %s%s, %s", ptr(w), mem_text(m), rw(w, r));
            x86_lea(B(), w, r, m);
            expect(len, "lea %s, %s", rw(w, r), mem_src(w, m));
            x86_imul_rm(B(), w, r, m);
            expect(len + 1, "imul %s, %s%s", rw(w, r), ptr(w), mem_src(w, m));
            int32_t imm = imms[k % NIMMS];
            x86_mov_mi(B(), w, m, imm);
            expect((w64 || mem_rex(m)) + 1 + mem_len(m) + 4, "mov %s%s, %s",
                   ptr(w), mem_text(m), imm32_text(w, imm));
        }
    }
    for (int k = 0; k < nmems; k++) {
        struct x86_mem m = mems[k];
        int r = k % 16;
        x86_mov_mr8(B(), m, r);
        expect((byte_rex(r) || mem_rex(m)) + 1 + mem_len(m), "mov byte ptr %s, %s",
               mem_text(m), r8[r]);
        x86_mov_mr16(B(), m, r);
        expect(1 + (r >= 8 || mem_rex(m)) + 1 + mem_len(m), "mov word ptr %s, %s",
               mem_text(m), r16[r]);
        int rex = r >= 8 || mem_rex(m);
        x86_movzx_rm8(B(), r, m);
        expect(rex + 2 + mem_len(m), "movzx %s, byte ptr %s", r32[r], mem_src(X86_W32, m));
        x86_movzx_rm16(B(), r, m);
        expect(rex + 2 + mem_len(m), "movzx %s, word ptr %s", r32[r], mem_src(X86_W32, m));
        x86_movsx_rm8(B(), r, m);
        expect(1 + 2 + mem_len(m), "movsx %s, byte ptr %s", r64[r], mem_text(m));
        x86_movsx_rm16(B(), r, m);
        expect(1 + 2 + mem_len(m), "movsx %s, word ptr %s", r64[r], mem_text(m));
        x86_movsxd_rm(B(), r, m);
        expect(1 + 1 + mem_len(m), "movsxd %s, dword ptr %s", r64[r], mem_text(m));
    }
    for (int d = 0; d < 16; d++)
        for (int s = 0; s < 16; s++) {
            x86_movzx_rr8(B(), d, s);
            expect((d >= 8 || byte_rex(s)) + 3, "movzx %s, %s", r32[d], r8[s]);
            x86_movzx_rr16(B(), d, s);
            expect((d >= 8 || s >= 8) + 3, "movzx %s, %s", r32[d], r16[s]);
            x86_movsx_rr8(B(), d, s);
            expect(4, "movsx %s, %s", r64[d], r8[s]);
            x86_movsx_rr16(B(), d, s);
            expect(4, "movsx %s, %s", r64[d], r16[s]);
            x86_movsxd_rr(B(), d, s);
            expect(3, "movsxd %s, %s", r64[d], r32[s]);
        }
}

static void test_mov_ri(void)
{
    /* wide: 0 = mov r32 (zero-extends), 1 = mov r64 simm32, 2 = movabs. */
    static const struct { uint64_t v; int wide; const char *imm; } cases[] = {
        { 0, 0, "0" },
        { 9, 0, "9" },
        { 0x7f, 0, "0x7f" },
        { 0x7fffffff, 0, "0x7fffffff" },
        { 0x80000000, 0, "0x80000000" },
        { 0xffffffff, 0, "0xffffffff" },
        { 0x100000000, 2, "0x100000000" },
        { UINT64_MAX, 1, "-1" },
        { (uint64_t)-2, 1, "-2" },
        { (uint64_t)-128, 1, "-0x80" },
        { (uint64_t)(int64_t)INT32_MIN, 1, "-0x80000000" },
        { (uint64_t)(int64_t)INT32_MIN - 1, 2, "0xffffffff7fffffff" },
        { 0xffffffff00000000, 2, "0xffffffff00000000" },
        { (uint64_t)INT64_MIN, 2, "0x8000000000000000" },
        { INT64_MAX, 2, "0x7fffffffffffffff" },
        { 0x123456789abcdef0, 2, "0x123456789abcdef0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int r = 0; r < 16; r++) {
            x86_mov_ri(B(), r, cases[i].v);
            switch (cases[i].wide) {
            case 0: expect(5 + (r >= 8), "mov %s, %s", r32[r], cases[i].imm); break;
            case 1: expect(7, "mov %s, %s", r64[r], cases[i].imm); break;
            default: expect(10, "movabs %s, %s", r64[r], cases[i].imm); break;
            }
            x86_movabs_ri(B(), r, cases[i].v);
            expect(10, "movabs %s, %s", r64[r], uimm(cases[i].v));
        }
    }
}

/* ---- ALU ---- */

static void test_alu(void)
{
    for (int op = 0; op < 8; op++) {
        const char *mn = alu_name[op];
        for (int wi = 0; wi < 2; wi++) {
            enum x86_width w = widths[wi];
            bool w64 = w == X86_W64;
            for (int d = 0; d < 16; d++) {
                for (int s = 0; s < 16; s++) {
                    x86_alu_rr(B(), op, w, d, s);
                    expect(2 + (w64 || d >= 8 || s >= 8), "%s %s, %s", mn, rw(w, d), rw(w, s));
                }
                for (int i = 0; i < NIMMS; i++) {
                    int32_t imm = imms[i];
                    int rex = w64 || d >= 8;
                    /* imm8 when it fits; else imm32, without ModRM for rax */
                    int len = fits8(imm) ? rex + 3 : rex + (d == X86_RAX ? 5 : 6);
                    x86_alu_ri(B(), op, w, d, imm);
                    expect(len, "%s %s, %s", mn, rw(w, d), alu_imm(op, w, imm));
                }
            }
            for (int k = 0; k < nmems; k++) {
                struct x86_mem m = mems[k];
                int r = (k + op) % 16;
                int rex = w64 || mem_rex(m);
                x86_alu_rm(B(), op, w, r, m);
                expect((rex || r >= 8) + 1 + mem_len(m), "%s %s, %s%s",
                       mn, rw(w, r), ptr(w), mem_src(w, m));
                x86_alu_mr(B(), op, w, m, r);
                expect((rex || r >= 8) + 1 + mem_len(m), "%s %s%s, %s",
                       mn, ptr(w), mem_text(m), rw(w, r));
                int32_t imm = imms[(k + op) % NIMMS];
                x86_alu_mi(B(), op, w, m, imm);
                expect(rex + 1 + mem_len(m) + (fits8(imm) ? 1 : 4), "%s %s%s, %s",
                       mn, ptr(w), mem_text(m), alu_imm(op, w, imm));
            }
        }
    }
    for (int wi = 0; wi < 2; wi++) {
        enum x86_width w = widths[wi];
        bool w64 = w == X86_W64;
        for (int a = 0; a < 16; a++) {
            for (int c = 0; c < 16; c++) {
                x86_test_rr(B(), w, a, c);
                expect(2 + (w64 || a >= 8 || c >= 8), "test %s, %s", rw(w, a), rw(w, c));
            }
            for (int i = 0; i < NIMMS; i++) {
                x86_test_ri(B(), w, a, imms[i]);
                expect((w64 || a >= 8) + (a == X86_RAX ? 5 : 6), "test %s, %s",
                       rw(w, a), imm32_text(w, imms[i]));
            }
        }
    }
}

/* ---- shifts, unary, multiply, flags ---- */

static void test_shift_unary(void)
{
    for (int wi = 0; wi < 2; wi++) {
        enum x86_width w = widths[wi];
        bool w64 = w == X86_W64;
        for (int r = 0; r < 16; r++) {
            int rex = w64 || r >= 8;
            for (size_t i = 0; i < sizeof shifts / sizeof shifts[0]; i++) {
                enum x86_shift op = shifts[i];
                for (int n = 0; n < 64; n++) {
                    x86_shift_ri(B(), op, w, r, (uint8_t)n);
                    /* shift by 1 has its own opcode without the imm8 */
                    expect(rex + (n == 1 ? 2 : 3), "%s %s, %s", shift_name(op), rw(w, r),
                           uimm((uint64_t)n));
                }
                x86_shift_rcl(B(), op, w, r);
                expect(rex + 2, "%s %s, cl", shift_name(op), rw(w, r));
            }
            for (size_t i = 0; i < sizeof unaries / sizeof unaries[0]; i++) {
                x86_unary_r(B(), unaries[i], w, r);
                expect(rex + 2, "%s %s", unary_name(unaries[i]), rw(w, r));
            }
            for (int s = 0; s < 16; s++) {
                x86_imul_rr(B(), w, r, s);
                expect((w64 || r >= 8 || s >= 8) + 3, "imul %s, %s", rw(w, r), rw(w, s));
            }
        }
    }
    x86_cqo(B());
    expect(2, "cqo");
    x86_cdq(B());
    expect(1, "cdq");
}

static void test_cc(void)
{
    for (int cc = 0; cc < 16; cc++) {
        for (int r = 0; r < 16; r++) {
            x86_setcc_r(B(), cc, r);
            expect(byte_rex(r) + 3, "set%s %s", cc_name[cc], r8[r]);
        }
        for (int wi = 0; wi < 2; wi++) {
            enum x86_width w = widths[wi];
            for (int d = 0; d < 16; d++)
                for (int s = 0; s < 16; s++) {
                    x86_cmovcc_rr(B(), cc, w, d, s);
                    expect((w == X86_W64 || d >= 8 || s >= 8) + 3, "cmov%s %s, %s",
                           cc_name[cc], rw(w, d), rw(w, s));
                }
        }
    }
}

/* ---- control flow ---- */

/* Reads a rel32 field back as the displacement it holds. */
static int32_t rel_at(const uint8_t *field)
{
    int32_t v;
    memcpy(&v, field, 4);
    return v;
}

/* The aligned forms, started at each offset mod 4: the rel32 lands on a
 * 4-byte boundary behind at most three prefix bytes, and the bytes decode
 * as the one jump to the target. */
static void test_aligned_branches(void)
{
    for (int k = 0; k < 8; k++) {
        for (int cc = -1; cc < 16; cc++) {
            B();
            buf.p += k;
            uint8_t *start = buf.p;
            uint64_t t = exec_addr(code) + 0x4321;
            uint8_t *f = cc < 0 ? x86_jmp_rel32_aligned(&buf, t) : x86_jcc_rel32_aligned(&buf, cc, t);
            size_t n = (size_t)(buf.p - start), op = cc < 0 ? 5 : 6;
            CHECK(f && exec_addr(f) % 4 == 0 && n >= op && n <= op + 3 && f == buf.p - 4,
                  "aligned %d at +%d: field %p, %zu bytes", cc, k, (void *)f, n);
            cs_insn *insn;
            size_t count = cs_disasm(cs, start, n, exec_addr(start), 0, &insn);
            char want[64], mnem[16];
            snprintf(want, sizeof want, "%s", uimm(t));
            snprintf(mnem, sizeof mnem, cc < 0 ? "jmp" : "j%s", cc < 0 ? "" : cc_name[cc]);
            CHECK(count == 1 && insn[0].size == n && strcmp(insn[0].op_str, want) == 0 &&
                  strcmp(insn[0].mnemonic, mnem) == 0,
                  "aligned %d at +%d: %zu insns, \"%s %s\"", cc, k, count,
                  count ? insn[0].mnemonic : "", count ? insn[0].op_str : "");
            if (count)
                cs_free(insn, count);
        }
    }
}

/* n bytes of nops, as capstone reads them, at every n up to 40. */
static void test_nops(void)
{
    static uint8_t room[128];
    for (unsigned n = 0; n <= 40; n++) {
        x86_buf_init(&buf, room, sizeof room, DELTA);
        x86_nops(&buf, n);
        size_t len = (size_t)(buf.p - room);
        cs_insn *insn;
        size_t count = len ? cs_disasm(cs, room, len, exec_addr(room), 0, &insn) : 0;
        size_t got = 0;
        bool nops = true;
        for (size_t i = 0; i < count; i++) {
            got += insn[i].size;
            nops = nops && strcmp(insn[i].mnemonic, "nop") == 0;
        }
        CHECK(len == n && got == n && nops && count == (n + 7) / 8 && !buf.overflow,
              "nops %u: %zu bytes decode as %zu nops", n, len, count);
        if (count)
            cs_free(insn, count);
    }
}

static void test_branches(void)
{
    /* Offsets of the target from the end of the branch: the rel32 range ends,
     * zero, and a branch to itself. */
    static const int64_t offs[] = { 0, 1, -1, 0x1000, -0x1000, INT32_MAX, INT32_MIN };
    CHECK(x86_here(B()) == exec_addr(code), "x86_here at start");
    x86_mfence(&buf);
    CHECK(x86_here(&buf) == exec_addr(code) + 3, "x86_here after 3 bytes");

    for (int i = 0; i < 8; i++) {
        /* i == 7: a branch to its own first byte */
        int64_t off5 = i < 7 ? offs[i] : -5, off6 = i < 7 ? offs[i] : -6;
        uint64_t t5 = exec_addr(code) + 5 + (uint64_t)off5;
        uint64_t t6 = exec_addr(code) + 6 + (uint64_t)off6;

        uint8_t *f = x86_jmp_rel32(B(), t5);
        expect(5, "jmp %s", uimm(t5));
        CHECK(f == code + 1 && rel_at(f) == off5, "jmp rel32 field %p rel %d", (void *)f, rel_at(code + 1));
        f = x86_call_rel32(B(), t5);
        expect(5, "call %s", uimm(t5));
        CHECK(f == code + 1 && rel_at(f) == off5, "call rel32 field");
        for (int cc = 0; cc < 16; cc++) {
            f = x86_jcc_rel32(B(), cc, t6);
            expect(6, "j%s %s", cc_name[cc], uimm(t6));
            CHECK(f == code + 2 && rel_at(f) == off6, "j%s rel32 field", cc_name[cc]);
        }
    }

    /* Patching retargets a branch; its displacement counts from the end of
     * the instruction at its executable address. */
    uint64_t t1 = exec_addr(code) + 0x100, t2 = exec_addr(code) - 0x12345;
    uint8_t *f = x86_jcc_rel32(B(), X86_CC_NE, t1);
    x86_patch_rel32(f, DELTA, t2);
    expect(6, "jne %s", uimm(t2));
    f = x86_jmp_rel32(B(), t1);
    x86_patch_rel32(f, DELTA, t2);
    expect(5, "jmp %s", uimm(t2));
    f = x86_call_rel32(B(), t1);
    x86_patch_rel32(f, DELTA, exec_addr(code) + 5 + INT32_MIN);
    expect(5, "call %s", uimm(exec_addr(code) + 5 + INT32_MIN));
    x86_patch_rel32(NULL, DELTA, t2);   /* from an overflowed emit: ignored */

    /* Target 0 is the forward-branch placeholder: rel32 0 until patched. */
    f = x86_jcc_rel32(B(), X86_CC_AE, 0);
    CHECK(f == code + 2 && rel_at(f) == 0, "jcc placeholder rel %d", rel_at(code + 2));
    expect(6, "jae %s", uimm(exec_addr(code) + 6));
    x86_patch_rel32(f, DELTA, t1);
    expect(6, "jae %s", uimm(t1));
    f = x86_jmp_rel32(B(), 0);
    CHECK(f == code + 1 && rel_at(f) == 0, "jmp placeholder rel %d", rel_at(code + 1));
    x86_patch_rel32(f, DELTA, exec_addr(code) + 5 + INT32_MAX);
    expect(5, "jmp %s", uimm(exec_addr(code) + 5 + INT32_MAX));

    for (int r = 0; r < 16; r++) {
        x86_jmp_r(B(), r);
        expect((r >= 8) + 2, "jmp %s", r64[r]);
        x86_call_r(B(), r);
        expect((r >= 8) + 2, "call %s", r64[r]);
        x86_push_r(B(), r);
        expect((r >= 8) + 1, "push %s", r64[r]);
        x86_pop_r(B(), r);
        expect((r >= 8) + 1, "pop %s", r64[r]);
    }
    for (int k = 0; k < nmems; k++) {
        struct x86_mem m = mems[k];
        x86_jmp_m(B(), m);
        expect(mem_rex(m) + 1 + mem_len(m), "jmp qword ptr %s", mem_text(m));
        x86_call_m(B(), m);
        expect(mem_rex(m) + 1 + mem_len(m), "call qword ptr %s", mem_text(m));
    }
    x86_ret(B());
    expect(1, "ret");
    x86_ud2(B());
    expect(2, "ud2");
    x86_int3(B());
    expect(1, "int3");
    test_aligned_branches();
    test_nops();
}

static void test_atomics(void)
{
    for (int wi = 0; wi < 2; wi++) {
        enum x86_width w = widths[wi];
        for (int k = 0; k < nmems; k++) {
            struct x86_mem m = mems[k];
            int r = (k * 3) % 16;
            int rex = w == X86_W64 || r >= 8 || mem_rex(m);
            x86_xchg_mr(B(), w, m, r);
            expect(rex + 1 + mem_len(m), "xchg %s%s, %s", ptr(w), mem_text(m), rw(w, r));
            x86_lock_xadd_mr(B(), w, m, r);
            expect(1 + rex + 2 + mem_len(m), "lock xadd %s%s, %s", ptr(w), mem_text(m), rw(w, r));
            x86_lock_cmpxchg_mr(B(), w, m, r);
            expect(1 + rex + 2 + mem_len(m), "lock cmpxchg %s%s, %s", ptr(w), mem_text(m), rw(w, r));
        }
    }
    x86_mfence(B());
    expect(3, "mfence");
}

/* ---- SSE, MXCSR, FMA3 ---- */

static const char *xmm(int r)
{
    char *s = ring();
    snprintf(s, 128, "xmm%d", r);
    return s;
}

static const struct { enum x86_sse op; const char *name, *mem; } sse_ops[] = {
    { X86_MOVSS, "movss", "dword" }, { X86_MOVSD, "movsd", "qword" },
    { X86_SQRTSS, "sqrtss", "dword" }, { X86_SQRTSD, "sqrtsd", "qword" },
    { X86_ADDSS, "addss", "dword" }, { X86_ADDSD, "addsd", "qword" },
    { X86_MULSS, "mulss", "dword" }, { X86_MULSD, "mulsd", "qword" },
    { X86_CVTSS2SD, "cvtss2sd", "dword" }, { X86_CVTSD2SS, "cvtsd2ss", "qword" },
    { X86_SUBSS, "subss", "dword" }, { X86_SUBSD, "subsd", "qword" },
    { X86_MINSS, "minss", "dword" }, { X86_MINSD, "minsd", "qword" },
    { X86_DIVSS, "divss", "dword" }, { X86_DIVSD, "divsd", "qword" },
    { X86_MAXSS, "maxss", "dword" }, { X86_MAXSD, "maxsd", "qword" },
    { X86_UCOMISS, "ucomiss", "dword" }, { X86_UCOMISD, "ucomisd", "qword" },
    /* capstone 4 names comis's memory operand xmmword; it reads 4 or 8
     * bytes, as `as` and objdump say */
    { X86_COMISS, "comiss", "xmmword" }, { X86_COMISD, "comisd", "xmmword" },
    { X86_XORPS, "xorps", "xmmword" }, { X86_MOVAPS, "movaps", "xmmword" },
    { X86_ANDPD, "andpd", "xmmword" }, { X86_ANDNPD, "andnpd", "xmmword" },
    { X86_ORPD, "orpd", "xmmword" }, { X86_XORPD, "xorpd", "xmmword" },
};

static void test_sse(void)
{
    for (size_t i = 0; i < sizeof sse_ops / sizeof sse_ops[0]; i++) {
        /* F2, F3 and 66 are one prefix byte ahead of any REX */
        int pfx = (sse_ops[i].op >> 8) != 0;
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                x86_sse_rr(B(), sse_ops[i].op, d, s);
                expect(pfx + (d >= 8 || s >= 8) + 3, "%s %s, %s", sse_ops[i].name, xmm(d), xmm(s));
            }
        for (int k = 0; k < nmems; k++) {
            struct x86_mem m = mems[k];
            int r = (k + (int)i) % 16;
            x86_sse_rm(B(), sse_ops[i].op, r, m);
            expect(pfx + (r >= 8 || mem_rex(m)) + 2 + mem_len(m), "%s %s, %s ptr %s",
                   sse_ops[i].name, xmm(r), sse_ops[i].mem, mem_text(m));
        }
    }
    for (int k = 0; k < nmems; k++) {
        struct x86_mem m = mems[k];
        int r = k % 16, len = 1 + (r >= 8 || mem_rex(m)) + 2 + mem_len(m);
        x86_movss_mr(B(), m, r);
        expect(len, "movss dword ptr %s, %s", mem_text(m), xmm(r));
        x86_movsd_mr(B(), m, r);
        expect(len, "movsd qword ptr %s, %s", mem_text(m), xmm(r));
        x86_ldmxcsr(B(), m);
        expect(mem_rex(m) + 2 + mem_len(m), "ldmxcsr dword ptr %s", mem_text(m));
        x86_stmxcsr(B(), m);
        expect(mem_rex(m) + 2 + mem_len(m), "stmxcsr dword ptr %s", mem_text(m));
    }
}

static void test_sse_convert(void)
{
    static const struct { enum x86_cvt2si op; const char *name, *mem; } to_int[] = {
        { X86_CVTSS2SI, "cvtss2si", "dword" }, { X86_CVTTSS2SI, "cvttss2si", "dword" },
        { X86_CVTSD2SI, "cvtsd2si", "qword" }, { X86_CVTTSD2SI, "cvttsd2si", "qword" },
    };
    static const struct { enum x86_cvtsi2 op; const char *name; } from_int[] = {
        { X86_CVTSI2SS, "cvtsi2ss" }, { X86_CVTSI2SD, "cvtsi2sd" },
    };
    for (int wi = 0; wi < 2; wi++) {
        enum x86_width w = widths[wi];
        bool w64 = w == X86_W64;
        for (size_t i = 0; i < sizeof to_int / sizeof to_int[0]; i++)
            for (int k = 0; k < nmems; k++) {
                struct x86_mem m = mems[k];
                int r = (k + (int)i) % 16;
                x86_cvt2si_rm(B(), to_int[i].op, w, r, m);
                expect(1 + (w64 || r >= 8 || mem_rex(m)) + 2 + mem_len(m), "%s %s, %s ptr %s",
                       to_int[i].name, rw(w, r), to_int[i].mem, mem_src(w, m));
            }
        for (size_t i = 0; i < sizeof from_int / sizeof from_int[0]; i++)
            for (int d = 0; d < 16; d++)
                for (int s = 0; s < 16; s++) {
                    x86_cvtsi2_rr(B(), from_int[i].op, w, d, s);
                    expect(1 + (w64 || d >= 8 || s >= 8) + 3, "%s %s, %s",
                           from_int[i].name, xmm(d), rw(w, s));
                }
    }
}

static void test_vsse(void)
{
    static const struct { enum x86_sse op; const char *name, *mem; } ops[] = {
        { X86_ADDSS, "vaddss", "dword" }, { X86_ADDSD, "vaddsd", "qword" },
        { X86_SUBSS, "vsubss", "dword" }, { X86_SUBSD, "vsubsd", "qword" },
        { X86_MULSS, "vmulss", "dword" }, { X86_MULSD, "vmulsd", "qword" },
        { X86_DIVSS, "vdivss", "dword" }, { X86_DIVSD, "vdivsd", "qword" },
        { X86_SQRTSS, "vsqrtss", "dword" }, { X86_SQRTSD, "vsqrtsd", "qword" },
        { X86_MINSD, "vminsd", "qword" }, { X86_MAXSD, "vmaxsd", "qword" },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++)
                for (int t = 0; t < 16; t += 3) {
                    int u = (t + s) % 16;
                    x86_vsse_rrr(B(), ops[i].op, d, s, u);
                    /* the two-byte VEX unless B is needed */
                    expect(4 + (u >= 8), "%s %s, %s, %s", ops[i].name, xmm(d), xmm(s), xmm(u));
                }
        for (int k = 0; k < nmems; k++) {
            struct x86_mem m = mems[k];
            int d = (k + (int)i) % 16, s = (k * 7) % 16;
            x86_vsse_rrm(B(), ops[i].op, d, s, m);
            expect(2 + mem_rex(m) + 1 + mem_len(m), "%s %s, %s, %s ptr %s", ops[i].name, xmm(d),
                   xmm(s), ops[i].mem, mem_text(m));
        }
    }
}

static void test_fma(void)
{
    static const struct { enum x86_fma op; const char *name, *mem; } fmas[] = {
        { X86_VFMADD231SS, "vfmadd231ss", "dword" }, { X86_VFMADD231SD, "vfmadd231sd", "qword" },
        { X86_VFMSUB231SS, "vfmsub231ss", "dword" }, { X86_VFMSUB231SD, "vfmsub231sd", "qword" },
        { X86_VFNMADD231SS, "vfnmadd231ss", "dword" }, { X86_VFNMADD231SD, "vfnmadd231sd", "qword" },
        { X86_VFNMSUB231SS, "vfnmsub231ss", "dword" }, { X86_VFNMSUB231SD, "vfnmsub231sd", "qword" },
    };
    for (size_t i = 0; i < sizeof fmas / sizeof fmas[0]; i++) {
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                struct x86_mem m = mems[(d * 16 + s) % nmems];
                x86_vfma_rrm(B(), fmas[i].op, d, s, m);
                /* always the three-byte VEX: the 0F 38 map needs it */
                expect(3 + 1 + mem_len(m), "%s %s, %s, %s ptr %s", fmas[i].name, xmm(d), xmm(s),
                       fmas[i].mem, mem_text(m));
            }
        for (int k = 0; k < nmems; k++) {
            struct x86_mem m = mems[k];
            int d = k % 16, s = (k / 16 + (int)i) % 16;
            x86_vfma_rrm(B(), fmas[i].op, d, s, m);
            expect(3 + 1 + mem_len(m), "%s %s, %s, %s ptr %s", fmas[i].name, xmm(d), xmm(s),
                   fmas[i].mem, mem_text(m));
        }
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++)
                for (int t = 0; t < 16; t += 5) {
                    x86_vfma_rrr(B(), fmas[i].op, d, s, (t + d) % 16);
                    expect(5, "%s %s, %s, %s", fmas[i].name, xmm(d), xmm(s), xmm((t + d) % 16));
                }
    }
}

int main(void)
{
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        fprintf(stderr, "test_x86: cs_open failed\n");
        return 1;
    }
    build_mems();
    test_mov();
    test_mov_ri();
    test_alu();
    test_shift_unary();
    test_cc();
    test_branches();
    test_atomics();
    test_sse();
    test_sse_convert();
    test_fma();
    test_vsse();
    cs_close(&cs);
    return t_done("test_x86");
}
