/* Self-modifying code written from C: riscv instructions stored into a
 * PROT_READ|PROT_WRITE|PROT_EXEC mapping, called through function pointers,
 * overwritten with different instructions and called again after
 * __builtin___clear_cache (the riscv_flush_icache syscall), many times; a
 * function that straddles a page boundary rewritten in its second page; and
 * generated loops that patch code in their own page as they run (with
 * fence.i): an instruction inside the loop itself, and a function the loop
 * calls. The expected results are computed here in C. riscv64 only. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "guest.h"

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, S0 = 8, S1 = 9, A0 = 10, A1 = 11, A2 = 12, S2 = 18 };

/* Instruction encodings (RISC-V unprivileged ISA, RV64I/M base formats). */
static uint32_t i_type(uint32_t opc, int rd, uint32_t f3, int rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | opc;
}
static uint32_t r_type(uint32_t f7, int rs2, int rs1, uint32_t f3, int rd)
{
    return f7 << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | 0x33;
}
static uint32_t s_type(uint32_t f3, int rs2, int rs1, int32_t imm)
{
    uint32_t u = (uint32_t)imm & 0xfff;
    return (u >> 5) << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (u & 31) << 7 | 0x23;
}
static uint32_t b_type(uint32_t f3, int rs1, int rs2, int32_t off)
{
    uint32_t u = (uint32_t)off & 0x1fff;
    return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 |
           f3 << 12 | (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}
static uint32_t addi(int rd, int rs1, int32_t imm) { return i_type(0x13, rd, 0, rs1, imm); }
static uint32_t slli(int rd, int rs1, int sh) { return i_type(0x13, rd, 1, rs1, sh); }
static uint32_t ld(int rd, int rs1, int32_t imm) { return i_type(0x03, rd, 3, rs1, imm); }
static uint32_t lw(int rd, int rs1, int32_t imm) { return i_type(0x03, rd, 2, rs1, imm); }
static uint32_t sd(int rs2, int rs1, int32_t imm) { return s_type(3, rs2, rs1, imm); }
static uint32_t sw(int rs2, int rs1, int32_t imm) { return s_type(2, rs2, rs1, imm); }
static uint32_t jalr(int rd, int rs1, int32_t imm) { return i_type(0x67, rd, 0, rs1, imm); }
static uint32_t lui(int rd, uint32_t imm20) { return imm20 << 12 | (uint32_t)rd << 7 | 0x37; }
static uint32_t bne(int rs1, int rs2, int32_t off) { return b_type(1, rs1, rs2, off); }
#define ADD(rd, a, b) r_type(0x00, b, a, 0, rd)
#define SUB(rd, a, b) r_type(0x20, b, a, 0, rd)
#define MUL(rd, a, b) r_type(0x01, b, a, 0, rd)
#define XOR(rd, a, b) r_type(0x00, b, a, 4, rd)
#define RET jalr(ZERO, RA, 0)
#define FENCE_I 0x0000100fu

typedef uint64_t (*fn2)(uint64_t, uint64_t);

static char *page;                  /* two RWX pages */
#define PG 4096

/* Write instructions at page + off and make them visible to instruction fetch. */
static void emit(size_t off, const uint32_t *w, size_t n)
{
    memcpy(page + off, w, 4 * n);
    __builtin___clear_cache(page + off, page + off + 4 * n);
}

/* Operation k of six, as code and as C. */
static size_t gen_op(uint32_t *w, int k, int32_t imm)
{
    switch (k) {
    case 0: w[0] = ADD(A0, A0, A1); break;
    case 1: w[0] = SUB(A0, A0, A1); break;
    case 2: w[0] = MUL(A0, A0, A1); break;
    case 3: w[0] = XOR(A0, A0, A1); break;
    case 4: w[0] = addi(A0, ZERO, imm); break;
    default: w[0] = slli(A0, A0, imm & 63); break;
    }
    w[1] = RET;
    return 2;
}

static uint64_t c_op(int k, int32_t imm, uint64_t a, uint64_t b)
{
    switch (k) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a ^ b;
    case 4: return (uint64_t)(int64_t)imm;
    default: return a << (imm & 63);
    }
}

int main(void)
{
    page = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(page != MAP_FAILED);
    if (guest_failed)
        return guest_done();
    uint32_t w[64];

    /* One function rewritten 300 times with another operation each time,
     * while a second function in the same page stays as it is. */
    emit(256, w, gen_op(w, 0, 0));
    fn2 f = (fn2)(uintptr_t)page, keep = (fn2)(uintptr_t)(page + 256);
    int wrong = 0;
    uint64_t acc = 1;
    for (int i = 0; i < 300; i++) {
        int k = (i * 7 + i / 6) % 6;
        int32_t imm = (i * 37) % 2000 - 1000;
        emit(0, w, gen_op(w, k, imm));
        uint64_t a = acc | 1, b = (uint64_t)i * 0x10001 + 3;
        uint64_t got = f(a, b);
        wrong += got != c_op(k, imm, a, b);
        wrong += keep(got, 5) != got + 5;
        acc = acc * 31 + got;
    }
    CHECK(wrong == 0);
    printf("rewritten 300 times: %d wrong, %016llx\n", wrong, (unsigned long long)acc);

    /* A function straddling the two pages: three instructions in the first
     * page, the rest in the second, which is what gets rewritten. */
    size_t at = PG - 12;
    wrong = 0;
    for (int32_t k = -300; k < 300; k += 7) {
        uint32_t s[] = { addi(A0, A0, 1), addi(A0, A0, 2), addi(A0, A0, 3), addi(A0, A0, k), RET };
        emit(at, s, 5);
        fn2 g = (fn2)(uintptr_t)(page + at);
        wrong += g(1000, 0) != (uint64_t)(1006 + k);
        /* Only the second page changes from here on. */
        uint32_t t[] = { addi(A0, A0, -k), RET };
        emit(PG, t, 2);
        wrong += g(1000, 0) != (uint64_t)(1006 - k);
    }
    CHECK(wrong == 0);
    printf("page-straddling function: %d wrong\n", wrong);

    /* A loop that patches its own instruction: `addi a0, a0, imm` at `patch`
     * gets imm + 1 every iteration, so n iterations add 0 + 1 + ... + n-1.
     *   a0 = 0, a1 = n, a2 = &patch */
    {
        uint32_t l[] = {
            addi(A0, ZERO, 0),
            addi(A0, A0, 0),            /* patch: the immediate counts up */
            lw(T0, A2, 0),
            lui(T1, 0x100),             /* 1 << 20: one more in the immediate */
            ADD(T0, T0, T1),
            sw(T0, A2, 0),
            FENCE_I,
            addi(A1, A1, -1),
            bne(A1, ZERO, -28),         /* back to patch */
            RET,
        };
        typedef uint64_t (*loop_fn)(uint64_t, uint64_t, uint64_t);
        loop_fn loop = (loop_fn)(uintptr_t)(page + 1024);
        wrong = 0;
        static const uint64_t ns[] = { 1, 2, 64, 65, 500, 1100 };
        for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
            uint64_t n = ns[i];
            emit(1024, l, sizeof l / 4);
            uint64_t got = loop(0, n, (uint64_t)(uintptr_t)(page + 1028));
            wrong += got != n * (n - 1) / 2;
            uint32_t now;
            memcpy(&now, page + 1028, 4);
            wrong += now != addi(A0, A0, (int32_t)n);
        }
        CHECK(wrong == 0);
        printf("self-patching loop: %d wrong\n", wrong);
    }

    /* A loop that rewrites a function in its page and calls it each time:
     * g = `addi a0, zero, i; ret` for i = n..1; the loop sums what g returns.
     *   a0 = n, a1 = &g */
    {
        uint32_t d[] = {
            addi(SP, SP, -32), sd(RA, SP, 0), sd(S0, SP, 8), sd(S1, SP, 16), sd(S2, SP, 24),
            addi(S0, A0, 0), addi(S1, A1, 0), addi(S2, ZERO, 0),
            slli(T0, S0, 20),           /* loop: the word for addi a0, zero, s0 */
            addi(T0, T0, 0x513),
            sw(T0, S1, 0),
            FENCE_I,
            jalr(RA, S1, 0),
            ADD(S2, S2, A0),
            addi(S0, S0, -1),
            bne(S0, ZERO, -28),         /* back to loop */
            addi(A0, S2, 0),
            ld(RA, SP, 0), ld(S0, SP, 8), ld(S1, SP, 16), ld(S2, SP, 24), addi(SP, SP, 32),
            RET,
        };
        uint32_t g[] = { addi(A0, ZERO, 0), RET };
        emit(2048, d, sizeof d / 4);
        emit(3072, g, 2);
        fn2 drive = (fn2)(uintptr_t)(page + 2048);
        wrong = 0;
        static const uint64_t ns[] = { 1, 2, 100, 700, 2047 };
        for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
            uint64_t n = ns[i];
            uint64_t got = drive(n, (uint64_t)(uintptr_t)(page + 3072));
            wrong += got != n * (n + 1) / 2;
        }
        CHECK(wrong == 0);
        printf("loop rewriting its callee: %d wrong\n", wrong);
    }
    return guest_done();
}
