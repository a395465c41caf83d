/* __atomic builtins on 8-, 16-, 32- and 64-bit objects. On rv64 the 32- and
 * 64-bit ones are AMOs (amoadd, amoswap, amoand, ...) and compare-exchange is
 * an lr/sc loop; the 8- and 16-bit ones are lr.w/sc.w loops on the containing
 * word with masks, so the neighbouring bytes must come through untouched.
 * Every result is checked against the same computation done with plain C. */
#include <stdint.h>
#include "guest.h"

#define TEST_TYPE(T, NAME)                                                        \
    static void test_##NAME(void)                                                 \
    {                                                                             \
        static struct { T before; T v; T after; } s;                              \
        T ref = (T)0x5a5a5a5a5a5a5a5aull;                                         \
        uint32_t seed = 7;                                                        \
        s.before = (T)0x1111111111111111ull;                                      \
        s.after = (T)0x2222222222222222ull;                                       \
        s.v = ref;                                                                \
        unsigned long long hash = 0;                                              \
        for (int i = 0; i < 3000; i++) {                                          \
            seed = seed * 1103515245u + 12345u;                                   \
            T arg = (T)(seed >> 3) * (T)0x0101010101010101ull;                    \
            T old;                                                                \
            switch (seed >> 28) {                                                 \
            case 0: old = __atomic_fetch_add(&s.v, arg, __ATOMIC_SEQ_CST); CHECK(old == ref); ref = (T)(ref + arg); break; \
            case 1: old = __atomic_fetch_sub(&s.v, arg, __ATOMIC_ACQ_REL); CHECK(old == ref); ref = (T)(ref - arg); break; \
            case 2: old = __atomic_fetch_and(&s.v, arg | (T)(seed >> 1), __ATOMIC_RELAXED); CHECK(old == ref); ref &= arg | (T)(seed >> 1); break; \
            case 3: old = __atomic_fetch_or(&s.v, arg & (T)0x0100100110010010ull, __ATOMIC_ACQUIRE); CHECK(old == ref); ref |= arg & (T)0x0100100110010010ull; break; \
            case 4: old = __atomic_fetch_xor(&s.v, arg, __ATOMIC_RELEASE); CHECK(old == ref); ref ^= arg; break; \
            case 5: old = __atomic_fetch_nand(&s.v, arg, __ATOMIC_SEQ_CST); CHECK(old == ref); ref = (T)~(ref & arg); break; \
            case 6: old = __atomic_exchange_n(&s.v, arg, __ATOMIC_SEQ_CST); CHECK(old == ref); ref = arg; break; \
            case 7: old = __atomic_add_fetch(&s.v, 1, __ATOMIC_SEQ_CST); ref = (T)(ref + 1); CHECK(old == ref); break; \
            case 8: case 9: {                                                     \
                T expect = (seed & 1) ? ref : (T)(ref + 1);                       \
                int ok = __atomic_compare_exchange_n(&s.v, &expect, arg, 0,       \
                                                     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
                CHECK(ok == (int)(seed & 1) && expect == ref);                    \
                if (ok) ref = arg;                                                \
                break;                                                            \
            }                                                                     \
            case 10: {                                                            \
                T expect = ref;                                                   \
                while (!__atomic_compare_exchange_n(&s.v, &expect, (T)(expect * 3), 1, \
                                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) \
                    ;                                                             \
                ref = (T)(ref * 3);                                               \
                break;                                                            \
            }                                                                     \
            case 11: CHECK(__sync_val_compare_and_swap(&s.v, ref, arg) == ref); ref = arg; break; \
            case 12: CHECK(__sync_fetch_and_add(&s.v, arg) == ref); ref = (T)(ref + arg); break; \
            case 13: __atomic_store_n(&s.v, arg, __ATOMIC_RELEASE); ref = arg; break; \
            default: old = __atomic_load_n(&s.v, __ATOMIC_ACQUIRE); CHECK(old == ref); break; \
            }                                                                     \
            hash = hash * 1000003u ^ (unsigned long long)s.v;                     \
        }                                                                         \
        CHECK(s.v == ref);                                                        \
        CHECK(s.before == (T)0x1111111111111111ull && s.after == (T)0x2222222222222222ull); \
        printf("%-8s final %016llx hash %016llx\n", #NAME, (unsigned long long)s.v, hash); \
    }

TEST_TYPE(uint8_t, u8)
TEST_TYPE(uint16_t, u16)
TEST_TYPE(uint32_t, u32)
TEST_TYPE(uint64_t, u64)
TEST_TYPE(int32_t, s32)
TEST_TYPE(int64_t, s64)

int main(void)
{
    test_u8();
    test_u16();
    test_u32();
    test_u64();
    test_s32();
    test_s64();

    /* test-and-set, fences, a signed min through a compare-exchange loop */
    static volatile unsigned char flag;
    CHECK(__atomic_test_and_set(&flag, __ATOMIC_SEQ_CST) == 0);
    CHECK(__atomic_test_and_set(&flag, __ATOMIC_SEQ_CST) == 1);
    __atomic_clear(&flag, __ATOMIC_SEQ_CST);
    CHECK(flag == 0);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __sync_synchronize();
    static int64_t lo = 5;
    static const int64_t vals[] = { 3, -7, 100, -7, INT64_MIN, 0 };
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        int64_t cur = __atomic_load_n(&lo, __ATOMIC_RELAXED);
        while (vals[i] < cur &&
               !__atomic_compare_exchange_n(&lo, &cur, vals[i], 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
    }
    printf("min via cas %lld\n", (long long)lo);
    CHECK(lo == INT64_MIN);
    return guest_done();
}
