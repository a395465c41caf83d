/* The emitter's contract at the end of its buffer: an emit that does not
 * fit (every one reserves X86_MAX_INSN bytes) writes nothing and sets the
 * sticky overflow flag, one that fits writes nothing past the end, and the
 * rel32 forms return NULL exactly when they overflowed. Every emit function
 * is called once with its longest operands. (The bytes themselves are
 * test_x86's.) */
#include <string.h>
#include "translator/x86_emit.h"
#include "tests/unit/t.h"

/* Calls emitter number i with operands that give it its longest encoding;
 * false past the last one. */
static bool emit_nth(struct x86_buf *b, int i)
{
    struct x86_mem m = X86_MEM_IDX(X86_R13, X86_R12, 8, 0x12345678);
    uint8_t *f = NULL;
    bool rel = false;
    switch (i) {
    case 0: x86_mov_rr(b, X86_W64, X86_R8, X86_R9); break;
    case 1: x86_mov_rm(b, X86_W64, X86_R8, m); break;
    case 2: x86_mov_mr(b, X86_W64, m, X86_R8); break;
    case 3: x86_mov_mr8(b, m, X86_R8); break;
    case 4: x86_mov_mr16(b, m, X86_R8); break;
    case 5: x86_mov_mi(b, X86_W64, m, INT32_MIN); break;
    case 6: x86_mov_ri(b, X86_R8, UINT64_MAX / 3); break;
    case 7: x86_movabs_ri(b, X86_R8, 0); break;
    case 8: x86_movzx_rm8(b, X86_R8, m); break;
    case 9: x86_movzx_rm16(b, X86_R8, m); break;
    case 10: x86_movsx_rm8(b, X86_R8, m); break;
    case 11: x86_movsx_rm16(b, X86_R8, m); break;
    case 12: x86_movsxd_rm(b, X86_R8, m); break;
    case 13: x86_movzx_rr8(b, X86_R8, X86_R9); break;
    case 14: x86_movzx_rr16(b, X86_R8, X86_R9); break;
    case 15: x86_movsx_rr8(b, X86_R8, X86_R9); break;
    case 16: x86_movsx_rr16(b, X86_R8, X86_R9); break;
    case 17: x86_movsxd_rr(b, X86_R8, X86_R9); break;
    case 18: x86_lea(b, X86_W64, X86_R8, m); break;
    case 19: x86_alu_rr(b, X86_SUB, X86_W64, X86_R8, X86_R9); break;
    case 20: x86_alu_ri(b, X86_SUB, X86_W64, X86_R8, INT32_MIN); break;
    case 21: x86_alu_rm(b, X86_SUB, X86_W64, X86_R8, m); break;
    case 22: x86_alu_mr(b, X86_SUB, X86_W64, m, X86_R8); break;
    case 23: x86_alu_mi(b, X86_SUB, X86_W64, m, INT32_MIN); break;
    case 24: x86_test_rr(b, X86_W64, X86_R8, X86_R9); break;
    case 25: x86_test_ri(b, X86_W64, X86_R8, INT32_MIN); break;
    case 26: x86_shift_ri(b, X86_SAR, X86_W64, X86_R8, 3); break;
    case 27: x86_shift_rcl(b, X86_SAR, X86_W64, X86_R8); break;
    case 28: x86_unary_r(b, X86_IDIV, X86_W64, X86_R8); break;
    case 29: x86_imul_rr(b, X86_W64, X86_R8, X86_R9); break;
    case 30: x86_cqo(b); break;
    case 31: x86_cdq(b); break;
    case 32: x86_setcc_r(b, X86_CC_G, X86_R8); break;
    case 33: x86_cmovcc_rr(b, X86_CC_G, X86_W64, X86_R8, X86_R9); break;
    case 34: f = x86_jmp_rel32(b, x86_here(b)); rel = true; break;
    case 35: f = x86_jcc_rel32(b, X86_CC_G, x86_here(b)); rel = true; break;
    case 36: f = x86_call_rel32(b, x86_here(b)); rel = true; break;
    case 37: x86_jmp_r(b, X86_R8); break;
    case 38: x86_jmp_m(b, m); break;
    case 39: x86_call_r(b, X86_R8); break;
    case 40: x86_call_m(b, m); break;
    case 41: x86_ret(b); break;
    case 42: x86_push_r(b, X86_R8); break;
    case 43: x86_pop_r(b, X86_R8); break;
    case 44: x86_ud2(b); break;
    case 45: x86_int3(b); break;
    case 46: x86_xchg_mr(b, X86_W64, m, X86_R8); break;
    case 47: x86_lock_xadd_mr(b, X86_W64, m, X86_R8); break;
    case 48: x86_lock_cmpxchg_mr(b, X86_W64, m, X86_R8); break;
    case 49: x86_mfence(b); break;
    case 50: f = x86_jmp_rel32_aligned(b, x86_here(b)); rel = true; break;
    case 51: f = x86_jcc_rel32_aligned(b, X86_CC_G, x86_here(b)); rel = true; break;
    case 52: x86_sse_rr(b, X86_UCOMISD, 8, 9); break;
    case 53: x86_sse_rm(b, X86_SQRTSD, 8, m); break;
    case 54: x86_movss_mr(b, m, 8); break;
    case 55: x86_movsd_mr(b, m, 8); break;
    case 56: x86_cvt2si_rm(b, X86_CVTTSD2SI, X86_W64, X86_R8, m); break;
    case 57: x86_cvtsi2_rr(b, X86_CVTSI2SD, X86_W64, 8, X86_R9); break;
    case 58: x86_ldmxcsr(b, m); break;
    case 59: x86_stmxcsr(b, m); break;
    case 60: x86_vfma_rrm(b, X86_VFNMSUB231SD, 8, 9, m); break;
    case 61: x86_nops(b, 8); break;
    case 62: x86_vfma_rrr(b, X86_VFMADD231SD, 8, 9, 15); break;
    default: return false;
    }
    /* the _rel32 forms return NULL exactly when they overflowed */
    if (rel)
        CHECK((f == NULL) == b->overflow, "emitter %d: rel32 field %p with overflow %d",
          i, (void *)f, b->overflow);
    return true;
}

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

static void test_overflow(void)
{
    uint8_t area[48];
    struct x86_buf b;
    int i;
    for (i = 0; ; i++) {
        /* 14 bytes of room: less than the 15 every emit reserves */
        memset(area, 0xaa, sizeof area);
        x86_buf_init(&b, area, 14, 0);
        if (!emit_nth(&b, i))
            break;
        CHECK(b.overflow && b.p == area && all_bytes(area, sizeof area, 0xaa),
              "emitter %d with 14 bytes: overflow %d, %td bytes written", i, b.overflow, b.p - area);

        /* 15 bytes: fits, and nothing goes past end */
        memset(area, 0xaa, sizeof area);
        x86_buf_init(&b, area, 15, 0);
        emit_nth(&b, i);
        CHECK(!b.overflow && b.p > area && all_bytes(area + 15, sizeof area - 15, 0xaa),
              "emitter %d with 15 bytes: overflow %d, %td bytes", i, b.overflow, b.p - area);
    }
    CHECK(i == 63, "all %d emitters checked", i);

    /* Sticky: once an emit did not fit, later ones write nothing either. */
    memset(area, 0xaa, sizeof area);
    x86_buf_init(&b, area, 20, 0);
    x86_movabs_ri(&b, X86_RAX, 0);
    CHECK(!b.overflow && b.p == area + 10, "first movabs fits");
    x86_ret(&b);
    CHECK(b.overflow && b.p == area + 10, "ret with 10 bytes left overflows");
    CHECK(x86_jmp_rel32(&b, 0) == NULL, "jmp after overflow returns NULL");
    x86_buf_init(&b, area + 10, 38, 0);
    b.overflow = true;
    x86_ret(&b);
    CHECK(b.p == area + 10, "sticky even with room");
    CHECK(all_bytes(area + 10, sizeof area - 10, 0xaa), "nothing written after the overflow");
}

int main(void)
{
    test_overflow();
    return t_done("test_x86_room");
}
