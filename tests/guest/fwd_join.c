/* A branch forward to a later instruction of the same block is a jump
 * inside the block's code, and the translation states of its two paths are
 * joined there (docs/ARCHITECTURE.md, "Chaining"). These blocks have the
 * shapes where that goes wrong if the join loses track of a block-local
 * register: one first loaded on the skipped path and written there by a
 * helper (an F comparison of a single that is not NaN-boxed), one made
 * dirty on one path only, a load's slow path on the skipped path, and two
 * branches to one target. Each starts a block of its own (the jump in
 * front), in which t0-t2 are used often enough to live in host registers.
 * riscv only; qemu-riscv64 is the oracle. */
#include <inttypes.h>
#include <stdint.h>
#include "guest.h"

typedef uint64_t u64;

/* flt.s on an unboxed single goes to its helper, which writes t0 in the
 * state block; the code after the helper must reload t0 although the join
 * after the skipped part no longer counts it loaded (and nothing after the
 * join in the block reads t0, which would count it loaded again). */
static u64 helper_on_skipped_path(u64 a, u64 b)
{
    u64 t, unboxed = 0x00000000bf800000ull;
    __asm__ volatile("li t0, 77\n\t"
                     "j 0f\n\t"
                     "0:\n\t"
                     "fmv.d.x ft1, %[u]\n\t"
                     "fmv.w.x ft0, zero\n\t"
                     "csrwi fflags, 6\n\t"
                     "beq %[a], %[b], 1f\n\t"
                     "frflags t0\n\t"
                     "flt.s t0, ft0, ft1\n\t"
                     "fsflags t0\n\t"
                     "csrr t0, fflags\n\t"
                     "1:\n\t"
                     "j 2f\n\t"
                     "2:\n\t"
                     "mv %[t], t0\n\t"
                     : [t] "=r"(t)
                     : [a] "r"(a), [b] "r"(b), [u] "r"(unboxed)
                     : "t0", "ft0", "ft1", "memory");
    return t;
}

/* t1 dirty on the fall-through only; t2 loaded from memory (first through
 * the load's slow path) on the skipped path only. */
static u64 dirty_on_one_path(u64 c, const u64 *p)
{
    u64 t;
    __asm__ volatile("j 0f\n\t"
                     "0:\n\t"
                     "li t1, 5\n\t"
                     "li t2, 3\n\t"
                     "beqz %[c], 1f\n\t"
                     "ld t2, 0(%[p])\n\t"
                     "addi t1, t1, 10\n\t"
                     "add t1, t1, t2\n\t"
                     "1:\n\t"
                     "addi t1, t1, 1\n\t"
                     "add t1, t1, t2\n\t"
                     "mv %[t], t1\n\t"
                     : [t] "=r"(t)
                     : [c] "r"(c), [p] "r"(p)
                     : "t1", "t2", "memory");
    return t;
}

/* Two branches to one target, the second on the first's fall-through, each
 * path with its own dirty set. */
static u64 two_branches_one_target(u64 c1, u64 c2)
{
    u64 t;
    __asm__ volatile("j 0f\n\t"
                     "0:\n\t"
                     "li t0, 1\n\t"
                     "li t1, 2\n\t"
                     "beqz %[c1], 1f\n\t"
                     "addi t0, t0, 100\n\t"
                     "beqz %[c2], 1f\n\t"
                     "addi t1, t1, 200\n\t"
                     "slli t0, t0, 1\n\t"
                     "1:\n\t"
                     "add t0, t0, t1\n\t"
                     "add t0, t0, t1\n\t"
                     "mv %[t], t0\n\t"
                     : [t] "=r"(t)
                     : [c1] "r"(c1), [c2] "r"(c2)
                     : "t0", "t1", "memory");
    return t;
}

int main(void)
{
    static u64 cell = 1000;
    for (int i = 0; i < 3; i++) {
        CHECK(helper_on_skipped_path(1, 2) == 0);   /* fsflags wrote flt's 0 */
        CHECK(helper_on_skipped_path(2, 2) == 77);
        CHECK(dirty_on_one_path(1, &cell) == 5 + 10 + 1000 + 1 + 1000);
        CHECK(dirty_on_one_path(0, &cell) == 5 + 1 + 3);
        CHECK(two_branches_one_target(0, 0) == 1 + 2 + 2);
        CHECK(two_branches_one_target(1, 0) == 101 + 2 + 2);
        CHECK(two_branches_one_target(1, 1) == 202 + 202 + 202);
    }
    printf("fwd_join %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", helper_on_skipped_path(1, 2),
           dirty_on_one_path(1, &cell), two_branches_one_target(1, 1));
    return guest_done();
}
