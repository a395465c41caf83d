/* Control flow: a small bytecode virtual machine run twice, once with a
 * switch dispatch loop (a jump table) and once with computed gotos, whose
 * runtime errors (division by zero, stack overflow, bad opcode) longjmp out;
 * then classic recursion (Ackermann, Towers of Hanoi, N-Queens, permutations,
 * mutual recursion, 30000-deep recursion on the stack), setjmp/longjmp
 * through recursive frames with VLAs, nested handlers, and longjmp(env, 0). */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

enum op { PUSH, ADD, SUB, MUL, DIV, MOD, DUP, SWAP, OVER, DROP, JMP, JZ, LT, CALL, RET, LOAD, STORE, PRINT, HALT,
          NOPS };

static jmp_buf vm_error;
static const char *vm_why;

static void vm_fail(const char *why)
{
    vm_why = why;
    longjmp(vm_error, 1);
}

#define STACK 256

struct vm {
    int64_t stack[STACK];
    int sp;
    int rstack[64];
    int rsp;
    int64_t vars[8];
    long steps;
    char out[512];
    size_t outlen;
};

static void push(struct vm *m, int64_t v)
{
    if (m->sp == STACK)
        vm_fail("stack overflow");
    m->stack[m->sp++] = v;
}

static int64_t pop(struct vm *m)
{
    if (m->sp == 0)
        vm_fail("stack underflow");
    return m->stack[--m->sp];
}

static void emit(struct vm *m, int64_t v)
{
    if (m->outlen < sizeof m->out - 24)
        m->outlen += (size_t)snprintf(m->out + m->outlen, sizeof m->out - m->outlen, "%lld ", (long long)v);
}

static void run_switch(struct vm *m, const int64_t *code)
{
    int pc = 0;
    for (;;) {
        m->steps++;
        int64_t a, b;
        switch ((enum op)code[pc++]) {
        case PUSH: push(m, code[pc++]); break;
        case ADD: b = pop(m); a = pop(m); push(m, a + b); break;
        case SUB: b = pop(m); a = pop(m); push(m, a - b); break;
        case MUL: b = pop(m); a = pop(m); push(m, a * b); break;
        case DIV: b = pop(m); a = pop(m); if (!b) vm_fail("division by zero"); push(m, a / b); break;
        case MOD: b = pop(m); a = pop(m); if (!b) vm_fail("division by zero"); push(m, a % b); break;
        case DUP: a = pop(m); push(m, a); push(m, a); break;
        case SWAP: b = pop(m); a = pop(m); push(m, b); push(m, a); break;
        case OVER: b = pop(m); a = pop(m); push(m, a); push(m, b); push(m, a); break;
        case DROP: pop(m); break;
        case JMP: pc = (int)code[pc]; break;
        case JZ: a = pop(m); pc = a ? pc + 1 : (int)code[pc]; break;
        case LT: b = pop(m); a = pop(m); push(m, a < b); break;
        case CALL:
            if (m->rsp == 64)
                vm_fail("call stack overflow");
            m->rstack[m->rsp++] = pc + 1;
            pc = (int)code[pc];
            break;
        case RET:
            if (m->rsp == 0)
                return;
            pc = m->rstack[--m->rsp];
            break;
        case LOAD: push(m, m->vars[code[pc++]]); break;
        case STORE: m->vars[code[pc++]] = pop(m); break;
        case PRINT: emit(m, pop(m)); break;
        case HALT: return;
        default: vm_fail("bad opcode");
        }
    }
}

static void run_goto(struct vm *m, const int64_t *code)
{
    static void *const labels[NOPS] = {&&l_push, &&l_add, &&l_sub, &&l_mul, &&l_div, &&l_mod, &&l_dup, &&l_swap,
                                       &&l_over, &&l_drop, &&l_jmp, &&l_jz, &&l_lt, &&l_call, &&l_ret, &&l_load,
                                       &&l_store, &&l_print, &&l_halt};
    int pc = 0;
    int64_t a, b;
#define NEXT                                                   \
    do {                                                       \
        m->steps++;                                            \
        if ((uint64_t)code[pc] >= NOPS)                        \
            vm_fail("bad opcode");                             \
        goto *labels[code[pc++]];                              \
    } while (0)
    NEXT;
l_push: push(m, code[pc++]); NEXT;
l_add: b = pop(m); a = pop(m); push(m, a + b); NEXT;
l_sub: b = pop(m); a = pop(m); push(m, a - b); NEXT;
l_mul: b = pop(m); a = pop(m); push(m, a * b); NEXT;
l_div: b = pop(m); a = pop(m); if (!b) vm_fail("division by zero"); push(m, a / b); NEXT;
l_mod: b = pop(m); a = pop(m); if (!b) vm_fail("division by zero"); push(m, a % b); NEXT;
l_dup: a = pop(m); push(m, a); push(m, a); NEXT;
l_swap: b = pop(m); a = pop(m); push(m, b); push(m, a); NEXT;
l_over: b = pop(m); a = pop(m); push(m, a); push(m, b); push(m, a); NEXT;
l_drop: pop(m); NEXT;
l_jmp: pc = (int)code[pc]; NEXT;
l_jz: a = pop(m); pc = a ? pc + 1 : (int)code[pc]; NEXT;
l_lt: b = pop(m); a = pop(m); push(m, a < b); NEXT;
l_call:
    if (m->rsp == 64)
        vm_fail("call stack overflow");
    m->rstack[m->rsp++] = pc + 1;
    pc = (int)code[pc];
    NEXT;
l_ret:
    if (m->rsp == 0)
        return;
    pc = m->rstack[--m->rsp];
    NEXT;
l_load: push(m, m->vars[code[pc++]]); NEXT;
l_store: m->vars[code[pc++]] = pop(m); NEXT;
l_print: emit(m, pop(m)); NEXT;
l_halt: return;
#undef NEXT
}

/* programs */
static const int64_t prog_fib[] = {   /* print fib(0..29) iteratively */
    PUSH, 0, STORE, 0, PUSH, 1, STORE, 1, PUSH, 0, STORE, 2,
    /* 12: loop */ LOAD, 2, PUSH, 30, LT, JZ, 42,
    LOAD, 0, PRINT, LOAD, 0, LOAD, 1, ADD, LOAD, 1, STORE, 0, STORE, 1,
    LOAD, 2, PUSH, 1, ADD, STORE, 2, JMP, 12,
    /* 42 */ HALT};
static const int64_t prog_rec[] = {   /* recursive sum 1..n via CALL: f(n) = n ? n + f(n-1) : 0 */
    PUSH, 60, CALL, 6, PRINT, HALT,
    /* 6: f */ DUP, JZ, 16, DUP, PUSH, 1, SUB, CALL, 6, ADD, /* 16 */ RET};
static const int64_t prog_primes[] = { /* count primes below 3000 by trial division */
    PUSH, 0, STORE, 3, PUSH, 2, STORE, 0,
    /* 8: outer */ LOAD, 0, PUSH, 3000, LT, JZ, 63,
    PUSH, 2, STORE, 1,
    /* 19: inner, prime once n < i * i */ LOAD, 0, LOAD, 1, LOAD, 1, MUL, LT, JZ, 31, JMP, 47,
    /* 31 */ LOAD, 0, LOAD, 1, MOD, JZ, 54,
    LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 19,
    /* 47: prime */ LOAD, 3, PUSH, 1, ADD, STORE, 3,
    /* 54: next */ LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 8,
    /* 63 */ LOAD, 3, PRINT, HALT};
static const int64_t prog_div0[] = {PUSH, 7, PUSH, 3, SUB, PUSH, 4, SUB, PUSH, 1, SWAP, DIV, PRINT, HALT};
static const int64_t prog_overflow[] = {PUSH, 1, DUP, JMP, 2};
static const int64_t prog_deep[] = {CALL, 0};
static const int64_t prog_badop[] = {PUSH, 1, 99};

static void run_both(const char *name, const int64_t *code)
{
    for (int mode = 0; mode < 2; mode++) {
        static struct vm m;
        memset(&m, 0, sizeof m);
        vm_why = NULL;
        if (!setjmp(vm_error)) {
            if (mode)
                run_goto(&m, code);
            else
                run_switch(&m, code);
        }
        printf("%-8s %-6s steps %-7ld sp %d %s%s%s\n", name, mode ? "goto" : "switch", m.steps, m.sp,
               vm_why ? "error: " : "out: ", vm_why ? vm_why : "", vm_why ? "" : m.out);
    }
}

static long ackermann(long m, long n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static long hanoi_moves;
static unsigned long hanoi_hash;

static void hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi_hash = hanoi_hash * 7 + (unsigned long)(from * 3 + to);
    hanoi(n - 1, via, to, from);
}

static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2)
{
    if (row == n)
        return 1;
    int count = 0;
    for (int c = 0; c < n; c++) {
        unsigned a = 1u << c, b = 1u << (row + c), d = 1u << (row - c + n);
        if (!(cols & a) && !(d1 & b) && !(d2 & d))
            count += queens(n, row + 1, cols | a, d1 | b, d2 | d);
    }
    return count;
}

static void permute(char *s, int k, int n, int *count, char *last)
{
    if (k == n) {
        if ((*count)++ < 3)
            printf(" %s", s);
        strcpy(last, s);
        return;
    }
    for (int i = k; i < n; i++) {
        char t = s[k];
        s[k] = s[i];
        s[i] = t;
        permute(s, k + 1, n, count, last);
        s[i] = s[k];
        s[k] = t;
    }
}

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

static long deep(long n, volatile char *pad)
{
    volatile char local[64];
    local[n % 64] = (char)n;
    (void)pad;
    return n == 0 ? 0 : 1 + deep(n - 1, local) + (local[n % 64] != (char)n);
}

static jmp_buf outer, inner;

static void dive(int depth, int target)
{
    int vla[depth + 1];
    for (int i = 0; i <= depth; i++)
        vla[i] = i * depth;
    if (depth == target)
        longjmp(depth % 2 ? outer : inner, vla[depth] + 1);
    if (depth < target)
        dive(depth + 1, target);
}

int main(void)
{
    run_both("fib", prog_fib);
    run_both("rec", prog_rec);
    run_both("primes", prog_primes);
    run_both("div0", prog_div0);
    run_both("overflow", prog_overflow);
    run_both("deep", prog_deep);
    run_both("badop", prog_badop);

    printf("ackermann(2,3)=%ld (3,5)=%ld\n", ackermann(2, 3), ackermann(3, 5));
    hanoi(16, 0, 2, 1);
    printf("hanoi 16: %ld moves hash %lx\n", hanoi_moves, hanoi_hash);
    for (int n = 4; n <= 9; n++)
        printf("queens(%d)=%d ", n, queens(n, 0, 0, 0, 0));
    printf("\n");
    char s[] = "abcdef", last[8];
    int count = 0;
    printf("permutations:");
    permute(s, 0, 6, &count, last);
    printf(" ... %s (%d)\n", last, count);
    printf("even(10001)=%d odd(7777)=%d\n", is_even(10001), is_odd(7777));
    printf("deep recursion %ld\n", deep(30000, NULL));

    for (int target = 3; target <= 6; target++) {
        volatile int where = 0;
        int r = setjmp(outer);
        if (r) {
            where = 1;
        } else {
            r = setjmp(inner);
            if (r)
                where = 2;
            else
                dive(0, target);
        }
        printf("longjmp to target %d: handler %d value %d\n", target, where, r);
    }
    jmp_buf zero;
    volatile int passes = 0;
    int r = setjmp(zero);
    passes++;
    if (passes == 1)
        longjmp(zero, 0);                 /* setjmp then returns 1 */
    printf("longjmp(env, 0) made setjmp return %d after %d passes\n", r, passes);
    return guest_done();
}
