/* Integer corner cases of RV64IM. On riscv each operation is the instruction
 * itself (inline asm, so the compiler cannot fold or avoid it); elsewhere it
 * is a C model of the ISA manual's definition. The native build therefore
 * prints what the manual says, and the runner compares qemu and rvdbt to it. */
#include <inttypes.h>
#include <stdint.h>
#include "guest.h"

typedef uint64_t u64;
typedef int64_t s64;

#ifdef __riscv
#define RR(insn)                                                            \
    static u64 op_##insn(u64 a, u64 b)                                      \
    {                                                                       \
        u64 r;                                                              \
        __asm__ volatile(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));   \
        return r;                                                           \
    }
RR(add) RR(sub) RR(sll) RR(srl) RR(sra) RR(slt) RR(sltu)
RR(addw) RR(subw) RR(sllw) RR(srlw) RR(sraw)
RR(mul) RR(mulh) RR(mulhsu) RR(mulhu) RR(div) RR(divu) RR(rem) RR(remu)
RR(mulw) RR(divw) RR(divuw) RR(remw) RR(remuw)

#define SHI(insn, sh)                                                       \
    static u64 op_##insn##_##sh(u64 a)                                      \
    {                                                                       \
        u64 r;                                                              \
        __asm__ volatile(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "i"(sh));  \
        return r;                                                           \
    }
#else
static u64 sext32(u64 x) { return (u64)(s64)(int32_t)(uint32_t)x; }
static u64 op_add(u64 a, u64 b) { return a + b; }
static u64 op_sub(u64 a, u64 b) { return a - b; }
static u64 op_sll(u64 a, u64 b) { return a << (b & 63); }
static u64 op_srl(u64 a, u64 b) { return a >> (b & 63); }
static u64 op_sra(u64 a, u64 b) { return (u64)((s64)a >> (b & 63)); }
static u64 op_slt(u64 a, u64 b) { return (s64)a < (s64)b; }
static u64 op_sltu(u64 a, u64 b) { return a < b; }
static u64 op_addw(u64 a, u64 b) { return sext32(a + b); }
static u64 op_subw(u64 a, u64 b) { return sext32(a - b); }
static u64 op_sllw(u64 a, u64 b) { return sext32((uint32_t)a << (b & 31)); }
static u64 op_srlw(u64 a, u64 b) { return sext32((uint32_t)a >> (b & 31)); }
static u64 op_sraw(u64 a, u64 b) { return (u64)(s64)((int32_t)a >> (b & 31)); }
static u64 op_mul(u64 a, u64 b) { return a * b; }
static u64 op_mulh(u64 a, u64 b)
{
    return (u64)(((__int128)(s64)a * (__int128)(s64)b) >> 64);
}
static u64 op_mulhsu(u64 a, u64 b)
{
    return (u64)(((__int128)(s64)a * (__int128)(unsigned __int128)b) >> 64);
}
static u64 op_mulhu(u64 a, u64 b)
{
    return (u64)(((unsigned __int128)a * b) >> 64);
}
/* Division never traps on RISC-V: x/0 is all ones, x%0 is x, and the one
 * overflow (MIN / -1) gives MIN with remainder 0. */
static u64 op_div(u64 a, u64 b)
{
    if (b == 0) return ~(u64)0;
    if ((s64)a == INT64_MIN && (s64)b == -1) return a;
    return (u64)((s64)a / (s64)b);
}
static u64 op_divu(u64 a, u64 b) { return b ? a / b : ~(u64)0; }
static u64 op_rem(u64 a, u64 b)
{
    if (b == 0) return a;
    if ((s64)a == INT64_MIN && (s64)b == -1) return 0;
    return (u64)((s64)a % (s64)b);
}
static u64 op_remu(u64 a, u64 b) { return b ? a % b : a; }
static u64 op_mulw(u64 a, u64 b) { return sext32((uint32_t)a * (uint32_t)b); }
static u64 op_divw(u64 a, u64 b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    if (y == 0) return ~(u64)0;
    if (x == INT32_MIN && y == -1) return sext32((uint32_t)x);
    return (u64)(s64)(x / y);
}
static u64 op_divuw(u64 a, u64 b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return y ? sext32(x / y) : ~(u64)0;
}
static u64 op_remw(u64 a, u64 b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    if (y == 0) return sext32((uint32_t)x);
    if (x == INT32_MIN && y == -1) return 0;
    return (u64)(s64)(x % y);
}
static u64 op_remuw(u64 a, u64 b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return sext32(y ? x % y : x);
}

#define SHI(insn, sh) static u64 op_##insn##_##sh(u64 a) { return model_##insn(a, sh); }
static u64 model_slli(u64 a, int sh) { return a << sh; }
static u64 model_srli(u64 a, int sh) { return a >> sh; }
static u64 model_srai(u64 a, int sh) { return (u64)((s64)a >> sh); }
static u64 model_slliw(u64 a, int sh) { return sext32((uint32_t)a << sh); }
static u64 model_srliw(u64 a, int sh) { return sext32((uint32_t)a >> sh); }
static u64 model_sraiw(u64 a, int sh) { return (u64)(s64)((int32_t)a >> sh); }
#endif

SHI(slli, 0) SHI(slli, 1) SHI(slli, 31) SHI(slli, 32) SHI(slli, 63)
SHI(srli, 0) SHI(srli, 1) SHI(srli, 31) SHI(srli, 32) SHI(srli, 63)
SHI(srai, 0) SHI(srai, 1) SHI(srai, 31) SHI(srai, 32) SHI(srai, 63)
SHI(slliw, 0) SHI(slliw, 1) SHI(slliw, 31)
SHI(srliw, 0) SHI(srliw, 1) SHI(srliw, 31)
SHI(sraiw, 0) SHI(sraiw, 1) SHI(sraiw, 31)

static const struct { const char *name; u64 (*fn)(u64, u64); } binops[] = {
#define B(n) { #n, op_##n }
    B(add), B(sub), B(sll), B(srl), B(sra), B(slt), B(sltu),
    B(addw), B(subw), B(sllw), B(srlw), B(sraw),
    B(mul), B(mulh), B(mulhsu), B(mulhu), B(div), B(divu), B(rem), B(remu),
    B(mulw), B(divw), B(divuw), B(remw), B(remuw),
#undef B
};

static const struct { const char *name; u64 (*fn)(u64); } shops[] = {
#define S(n, sh) { #n " " #sh, op_##n##_##sh }
    S(slli, 0), S(slli, 1), S(slli, 31), S(slli, 32), S(slli, 63),
    S(srli, 0), S(srli, 1), S(srli, 31), S(srli, 32), S(srli, 63),
    S(srai, 0), S(srai, 1), S(srai, 31), S(srai, 32), S(srai, 63),
    S(slliw, 0), S(slliw, 1), S(slliw, 31),
    S(srliw, 0), S(srliw, 1), S(srliw, 31),
    S(sraiw, 0), S(sraiw, 1), S(sraiw, 31),
#undef S
};

static const u64 vals[] = {
    0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 65,
    ~(u64)0, (u64)-2, (u64)-7, (u64)-32,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0xffffffff80000000,
    0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000001,
    0x123456789abcdef0, 0xfedcba9876543210, 0x00000000deadbeef,
};
#define NVALS (sizeof vals / sizeof vals[0])

/* Values the manual states outright, so a wrong model or a wrong oracle both
 * show up here and not only as a difference between runs. */
static void spec_checks(void)
{
    const u64 m1 = ~(u64)0, min64 = 0x8000000000000000;
    CHECK(op_div(5, 0) == m1);
    CHECK(op_divu(5, 0) == m1);
    CHECK(op_rem(5, 0) == 5);
    CHECK(op_remu(5, 0) == 5);
    CHECK(op_rem((u64)-5, 0) == (u64)-5);
    CHECK(op_div(min64, m1) == min64);
    CHECK(op_rem(min64, m1) == 0);
    CHECK(op_divw(0x80000000, m1) == 0xffffffff80000000);
    CHECK(op_remw(0x80000000, m1) == 0);
    CHECK(op_divw(7, 0) == m1);
    CHECK(op_divuw(7, 0) == m1);
    CHECK(op_remw(0x80000000, 0) == 0xffffffff80000000);
    CHECK(op_remuw(0x1ffffffff, 0) == m1);
    CHECK(op_div((u64)-7, 2) == (u64)-3);      /* rounds toward zero */
    CHECK(op_rem((u64)-7, 2) == (u64)-1);      /* sign of the dividend */
    CHECK(op_mulhu(m1, m1) == m1 - 1);
    CHECK(op_mulh(m1, m1) == 0);
    CHECK(op_mulh(min64, min64) == 0x4000000000000000);
    CHECK(op_mulhsu(m1, m1) == m1);
    CHECK(op_mulhsu(2, m1) == 1);
    CHECK(op_mulw(0x10000, 0x10000) == 0);
    CHECK(op_mulw(0x7fffffff, 2) == (u64)-2);
    CHECK(op_addw(0x7fffffff, 1) == 0xffffffff80000000);
    CHECK(op_subw(0, 0x100000000) == 0);
    CHECK(op_sllw(1, 31) == 0xffffffff80000000);
    CHECK(op_sllw(1, 32) == 1);                 /* shift amount is 5 bits */
    CHECK(op_srlw(0xffffffff00000000, 0) == 0);
    CHECK(op_srlw(m1, 0) == m1);
    CHECK(op_srlw(m1, 1) == 0x7fffffff);
    CHECK(op_sraw(0x80000000, 31) == m1);
    CHECK(op_sll(1, 64) == 1);                  /* shift amount is 6 bits */
    CHECK(op_sll(1, 63) == min64);
    CHECK(op_sra(min64, 63) == m1);
    CHECK(op_srl(min64, 63) == 1);
    CHECK(op_slt(m1, 0) == 1);
    CHECK(op_sltu(m1, 0) == 0);
    CHECK(op_slt(0, min64) == 0);
    CHECK(op_sltu(0, min64) == 1);
    CHECK(op_srliw_0(0xffffffff80000000) == 0xffffffff80000000);
    CHECK(op_srliw_1(0xffffffff80000000) == 0x40000000);
    CHECK(op_sraiw_31(0x80000000) == m1);
    CHECK(op_slliw_31(3) == 0xffffffff80000000);
    CHECK(op_srai_63(min64) == m1);
    CHECK(op_srli_63(min64) == 1);
}

int main(void)
{
    spec_checks();
    for (size_t o = 0; o < sizeof binops / sizeof binops[0]; o++)
        for (size_t i = 0; i < NVALS; i++)
            for (size_t j = 0; j < NVALS; j++)
                printf("%s %016" PRIx64 " %016" PRIx64 " = %016" PRIx64 "\n", binops[o].name,
                       vals[i], vals[j], binops[o].fn(vals[i], vals[j]));
    for (size_t o = 0; o < sizeof shops / sizeof shops[0]; o++)
        for (size_t i = 0; i < NVALS; i++)
            printf("%s %016" PRIx64 " = %016" PRIx64 "\n", shops[o].name, vals[i],
                   shops[o].fn(vals[i]));
    return guest_done();
}
