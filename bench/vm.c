/* An interpreter loop: a register bytecode VM dispatched with
 * computed goto (one indirect jump per instruction, the shape of CPython's
 * and Lua's inner loops), running a program that sums the Collatz path
 * lengths of 1..n. Check: the same sums computed directly in C. */
#include "bench.h"

enum op { LOADI, MOV, ADDI, ADD, SHR1, MUL3P1, ANDI, JNZ, JLT, JMP, HALT };

struct insn { uint8_t op, a, b, c; int32_t imm; };

/* registers: r0 = i, r1 = n, r2 = x, r3 = steps, r4 = total, r5 = scratch */
static const struct insn program[] = {
    /* 0 */  { LOADI, 0, 0, 0, 1 },
    /* 1 */  { LOADI, 4, 0, 0, 0 },
    /* 2 */  { MOV, 2, 0, 0, 0 },        /* outer: x = i, steps = 0 */
    /* 3 */  { LOADI, 3, 0, 0, 0 },
    /* 4 */  { LOADI, 5, 0, 0, 1 },      /* inner: while 1 < x */
    /* 5 */  { JLT, 5, 2, 0, 7 },
    /* 6 */  { JMP, 0, 0, 0, 14 },
    /* 7 */  { ANDI, 5, 2, 0, 1 },
    /* 8 */  { JNZ, 5, 0, 0, 11 },
    /* 9 */  { SHR1, 2, 2, 0, 0 },
    /* 10 */ { JMP, 0, 0, 0, 12 },
    /* 11 */ { MUL3P1, 2, 2, 0, 0 },
    /* 12 */ { ADDI, 3, 3, 0, 1 },
    /* 13 */ { JMP, 0, 0, 0, 4 },
    /* 14 */ { ADD, 4, 4, 3, 0 },        /* total += steps */
    /* 15 */ { ADDI, 0, 0, 0, 1 },
    /* 16 */ { JLT, 1, 0, 0, 18 },       /* n < i: done */
    /* 17 */ { JMP, 0, 0, 0, 2 },
    /* 18 */ { HALT, 0, 0, 0, 0 },
};

static uint64_t run_vm(const struct insn *code, uint64_t n)
{
    static void *const labels[] = {
        [LOADI] = &&do_loadi, [MOV] = &&do_mov, [ADDI] = &&do_addi, [ADD] = &&do_add,
        [SHR1] = &&do_shr1, [MUL3P1] = &&do_mul3p1, [ANDI] = &&do_andi,
        [JNZ] = &&do_jnz, [JLT] = &&do_jlt, [JMP] = &&do_jmp, [HALT] = &&do_halt,
    };
    uint64_t r[6] = { 0 };
    r[1] = n;
    const struct insn *pc = code;
#define NEXT goto *labels[pc->op]
#define NEXT1 do { pc++; NEXT; } while (0)
    NEXT;
do_loadi: r[pc->a] = (uint64_t)(int64_t)pc->imm; NEXT1;
do_mov: r[pc->a] = r[pc->b]; NEXT1;
do_addi: r[pc->a] = r[pc->b] + (uint64_t)(int64_t)pc->imm; NEXT1;
do_add: r[pc->a] = r[pc->b] + r[pc->c]; NEXT1;
do_shr1: r[pc->a] = r[pc->b] >> 1; NEXT1;
do_mul3p1: r[pc->a] = 3 * r[pc->b] + 1; NEXT1;
do_andi: r[pc->a] = r[pc->b] & (uint64_t)(int64_t)pc->imm; NEXT1;
do_jnz: if (r[pc->a]) { pc = code + pc->imm; NEXT; } NEXT1;
do_jlt: if (r[pc->a] < r[pc->b]) { pc = code + pc->imm; NEXT; } NEXT1;
do_jmp: pc = code + pc->imm; NEXT;
do_halt: return r[4];
#undef NEXT
#undef NEXT1
}

static uint64_t collatz_total(uint64_t n)
{
    uint64_t total = 0;
    for (uint64_t i = 1; i <= n; i++) {
        uint64_t x = i, steps = 0;
        while (x != 1) {
            x = x & 1 ? 3 * x + 1 : x >> 1;
            steps++;
        }
        total += steps;
    }
    return total;
}

static uint64_t vm_run(long scale)
{
    uint64_t h = 0;
    for (long r = 1; r <= 4; r++) {
        uint64_t n = (uint64_t)(scale * 2500 * r / 4);
        uint64_t got = run_vm(program, n), want = collatz_total(n);
        if (got != want)
            bench_fail("Collatz total of 1..%llu: the VM says %llu, C says %llu",
                       (unsigned long long)n, (unsigned long long)got, (unsigned long long)want);
        h = bench_mix(h, got);
    }
    return h;
}

BENCH_MAIN(vm, 32)
