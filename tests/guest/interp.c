/* A small stack-machine interpreter, once as a dense switch (gcc makes a jump
 * table: an indirect jump per bytecode) and once with computed gotos (one
 * indirect jump at the end of every handler). Both run the same bytecode and
 * are checked against the same computations in plain C. */
#include <stdint.h>
#include "guest.h"

enum op {
    PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JMP, JZ, JNZ,
    DUP, DROP, SWAP, INC, AND, SHR, NOT, MAX, HALT,
};

struct vm { int64_t stack[64]; int64_t reg[8]; long steps; };

static int64_t run_switch(const int32_t *code, struct vm *vm)
{
    int64_t *sp = vm->stack;
    long pc = 0;
    for (;;) {
        vm->steps++;
        int32_t op = code[pc++];
        switch (op) {
        case PUSH:  *sp++ = code[pc++]; break;
        case LOAD:  *sp++ = vm->reg[code[pc++]]; break;
        case STORE: vm->reg[code[pc++]] = *--sp; break;
        case ADD:   sp--; sp[-1] += sp[0]; break;
        case SUB:   sp--; sp[-1] -= sp[0]; break;
        case MUL:   sp--; sp[-1] *= sp[0]; break;
        case DIV:   sp--; sp[-1] /= sp[0]; break;
        case MOD:   sp--; sp[-1] %= sp[0]; break;
        case LT:    sp--; sp[-1] = sp[-1] < sp[0]; break;
        case EQ:    sp--; sp[-1] = sp[-1] == sp[0]; break;
        case JMP:   pc = code[pc]; break;
        case JZ:    pc = *--sp == 0 ? code[pc] : pc + 1; break;
        case JNZ:   pc = *--sp != 0 ? code[pc] : pc + 1; break;
        case DUP:   sp[0] = sp[-1]; sp++; break;
        case DROP:  sp--; break;
        case SWAP:  { int64_t t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; } break;
        case INC:   vm->reg[code[pc++]]++; break;
        case AND:   sp--; sp[-1] &= sp[0]; break;
        case SHR:   sp--; sp[-1] >>= sp[0]; break;
        case NOT:   sp[-1] = !sp[-1]; break;
        case MAX:   sp--; if (sp[0] > sp[-1]) sp[-1] = sp[0]; break;
        case HALT:  return sp[-1];
        default:    printf("bad opcode %d at %ld\n", op, pc - 1); return -1;
        }
    }
}

static int64_t run_goto(const int32_t *code, struct vm *vm)
{
    static void *const labels[] = {
        &&l_push, &&l_load, &&l_store, &&l_add, &&l_sub, &&l_mul, &&l_div, &&l_mod,
        &&l_lt, &&l_eq, &&l_jmp, &&l_jz, &&l_jnz, &&l_dup, &&l_drop, &&l_swap,
        &&l_inc, &&l_and, &&l_shr, &&l_not, &&l_max, &&l_halt,
    };
    int64_t *sp = vm->stack;
    const int32_t *pc = code;
#define NEXT do { vm->steps++; goto *labels[*pc++]; } while (0)
    NEXT;
l_push:  *sp++ = *pc++; NEXT;
l_load:  *sp++ = vm->reg[*pc++]; NEXT;
l_store: vm->reg[*pc++] = *--sp; NEXT;
l_add:   sp--; sp[-1] += sp[0]; NEXT;
l_sub:   sp--; sp[-1] -= sp[0]; NEXT;
l_mul:   sp--; sp[-1] *= sp[0]; NEXT;
l_div:   sp--; sp[-1] /= sp[0]; NEXT;
l_mod:   sp--; sp[-1] %= sp[0]; NEXT;
l_lt:    sp--; sp[-1] = sp[-1] < sp[0]; NEXT;
l_eq:    sp--; sp[-1] = sp[-1] == sp[0]; NEXT;
l_jmp:   pc = code + *pc; NEXT;
l_jz:    pc = *--sp == 0 ? code + *pc : pc + 1; NEXT;
l_jnz:   pc = *--sp != 0 ? code + *pc : pc + 1; NEXT;
l_dup:   sp[0] = sp[-1]; sp++; NEXT;
l_drop:  sp--; NEXT;
l_swap:  { int64_t t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; } NEXT;
l_inc:   vm->reg[*pc++]++; NEXT;
l_and:   sp--; sp[-1] &= sp[0]; NEXT;
l_shr:   sp--; sp[-1] >>= sp[0]; NEXT;
l_not:   sp[-1] = !sp[-1]; NEXT;
l_max:   sp--; if (sp[0] > sp[-1]) sp[-1] = sp[0]; NEXT;
l_halt:  return sp[-1];
#undef NEXT
}

/* Jump targets are bytecode indices; the comments give the index of the
 * instruction starting each line. */

/* r0 = sum of i*i % 7 for i < 20000 */
static const int32_t prog_sum[] = {
    /*  0 */ PUSH, 0, STORE, 0, PUSH, 0, STORE, 1,
    /*  8 */ LOAD, 1, PUSH, 20000, LT, JZ, 31,
    /* 15 */ LOAD, 0, LOAD, 1, DUP, MUL, PUSH, 7, MOD, ADD, STORE, 0, INC, 1, JMP, 8,
    /* 31 */ LOAD, 0, HALT,
};

/* count primes below 3000 by trial division: r1 = n, r2 = d, r3 = count */
static const int32_t prog_primes[] = {
    /*  0 */ PUSH, 2, STORE, 1, PUSH, 0, STORE, 3,
    /*  8 */ LOAD, 1, PUSH, 3000, LT, JZ, 47,
    /* 15 */ PUSH, 2, STORE, 2,
    /* 19 */ LOAD, 2, LOAD, 2, MUL, LOAD, 1, SWAP, LT, JNZ, 41,   /* n < d*d: prime */
    /* 30 */ LOAD, 1, LOAD, 2, MOD, JZ, 43,                       /* d divides n */
    /* 37 */ INC, 2, JMP, 19,
    /* 41 */ INC, 3,
    /* 43 */ INC, 1, JMP, 8,
    /* 47 */ LOAD, 3, HALT,
};

/* longest Collatz chain (in steps) for start values below 3000:
 * r1 = start, r2 = x, r3 = steps, r4 = best */
static const int32_t prog_collatz[] = {
    /*  0 */ PUSH, 1, STORE, 1, PUSH, 0, STORE, 4,
    /*  8 */ LOAD, 1, PUSH, 3000, LT, JZ, 71,
    /* 15 */ LOAD, 1, STORE, 2, PUSH, 0, STORE, 3,
    /* 23 */ LOAD, 2, PUSH, 1, EQ, JNZ, 60,
    /* 30 */ LOAD, 2, PUSH, 1, AND, JZ, 49,
    /* 37 */ LOAD, 2, PUSH, 3, MUL, PUSH, 1, ADD, STORE, 2, JMP, 56,
    /* 49 */ LOAD, 2, PUSH, 1, SHR, STORE, 2,
    /* 56 */ INC, 3, JMP, 23,
    /* 60 */ LOAD, 4, LOAD, 3, MAX, STORE, 4, INC, 1, JMP, 8,
    /* 71 */ LOAD, 4, HALT,
};

static int64_t c_sum(void)
{
    int64_t s = 0;
    for (int64_t i = 0; i < 20000; i++)
        s += i * i % 7;
    return s;
}

static int64_t c_primes(void)
{
    int64_t count = 0;
    for (int64_t n = 2; n < 3000; n++) {
        int64_t d = 2;
        while (d * d <= n && n % d)
            d++;
        count += d * d > n;
    }
    return count;
}

static int64_t c_collatz(void)
{
    int64_t best = 0;
    for (int64_t start = 1; start < 3000; start++) {
        int64_t x = start, steps = 0;
        while (x != 1) {
            x = x & 1 ? 3 * x + 1 : x >> 1;
            steps++;
        }
        if (steps > best)
            best = steps;
    }
    return best;
}

static void run(const char *name, const int32_t *code, int64_t expect)
{
    struct vm a = { 0 }, b = { 0 };
    int64_t ra = run_switch(code, &a), rb = run_goto(code, &b);
    printf("%-8s switch %lld (%ld steps) goto %lld (%ld steps) C %lld\n", name, (long long)ra,
           a.steps, (long long)rb, b.steps, (long long)expect);
    CHECK(ra == expect && rb == expect && a.steps == b.steps);
}

int main(void)
{
    run("sum", prog_sum, c_sum());
    run("primes", prog_primes, c_primes());
    run("collatz", prog_collatz, c_collatz());
    return guest_done();
}
