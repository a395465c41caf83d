# Every RV64I, M and A instruction with a few operands each, the corner
# values first: sign extension of W results and loads, shift amounts that
# wrap, x0 as a destination, rd equal to a source, link registers, division
# by zero and overflow, AMO old values, LR/SC reservations. Built static and
# as a position-independent ET_DYN (only pc-relative addressing: lla).
#include "check.inc"

    .text
    .globl _start
_start:
    # ---- RV64I register-register ----
    CHK_RR add, 1, 2, 3
    CHK_RR add, -1, 1, 0
    CHK_RR add, 0x7fffffffffffffff, 1, 0x8000000000000000
    CHK_RR sub, 0, 1, 0xffffffffffffffff
    CHK_RR sub, 0x8000000000000000, 1, 0x7fffffffffffffff
    CHK_RR sll, 1, 63, 0x8000000000000000
    CHK_RR sll, 1, 64, 1                        # only 6 bits of the amount
    CHK_RR sll, 0x123, 67, 0x918
    CHK_RR sll, -1, 32, 0xffffffff00000000
    CHK_RR srl, 0x8000000000000000, 63, 1
    CHK_RR srl, -1, 64, 0xffffffffffffffff
    CHK_RR srl, -1, 1, 0x7fffffffffffffff
    CHK_RR srl, -1, 0x7f, 1
    CHK_RR sra, 0x8000000000000000, 63, 0xffffffffffffffff
    CHK_RR sra, 0x8000000000000000, 1, 0xc000000000000000
    CHK_RR sra, 0x7fffffffffffffff, 62, 1
    CHK_RR sra, -8, 65, -4
    CHK_RR slt, -1, 0, 1
    CHK_RR slt, 0, -1, 0
    CHK_RR slt, 0x8000000000000000, 0x7fffffffffffffff, 1
    CHK_RR slt, 5, 5, 0
    CHK_RR sltu, -1, 0, 0
    CHK_RR sltu, 0, -1, 1
    CHK_RR sltu, 5, 5, 0
    CHK_RR sltu, 0x8000000000000000, 0x7fffffffffffffff, 0
    CHK_RR xor, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0
    CHK_RR or, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0
    CHK_RR and, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00

    # ---- register-immediate ----
    CHK_RI addi, 0, -2048, 0xfffffffffffff800
    CHK_RI addi, 0, 2047, 2047
    CHK_RI addi, -1, 1, 0
    CHK_RI addi, 0x7fffffffffffffff, 1, 0x8000000000000000
    CHK_RI slti, -1, 0, 1
    CHK_RI slti, 0, -1, 0
    CHK_RI slti, -2049, -2048, 1
    CHK_RI slti, 0x8000000000000000, -1, 1
    CHK_RI sltiu, 5, -1, 1                      # the immediate is sign-extended first
    CHK_RI sltiu, -1, -1, 0
    CHK_RI sltiu, 0, 1, 1
    CHK_RI sltiu, 1, 1, 0
    CHK_RI sltiu, -2, -1, 1
    CHK_RI xori, 0xff, -1, 0xffffffffffffff00
    CHK_RI xori, 0x123, 0x7ff, 0x6dc
    CHK_RI ori, 0x1000, -2048, 0xfffffffffffff800
    CHK_RI ori, 0x10, 0x0f, 0x1f
    CHK_RI andi, 0xffff00000000ffff, -16, 0xffff00000000fff0
    CHK_RI andi, 0x123, 0x7f0, 0x120
    CHK_RI slli, 1, 63, 0x8000000000000000
    CHK_RI slli, 0x123, 0, 0x123
    CHK_RI slli, -1, 32, 0xffffffff00000000
    CHK_RI srli, -1, 32, 0xffffffff
    CHK_RI srli, -1, 63, 1
    CHK_RI srli, 0x8000000000000000, 0, 0x8000000000000000
    CHK_RI srai, 0x8000000000000000, 32, 0xffffffff80000000
    CHK_RI srai, 0x7fff000000000000, 48, 0x7fff
    CHK_RI srai, -1, 63, -1

    # ---- W forms: 32-bit result, sign-extended ----
    CHK_RR addw, 0x7fffffff, 1, 0xffffffff80000000
    CHK_RR addw, 0xffffffff, 1, 0
    CHK_RR addw, 0x100000000, 5, 5
    CHK_RR subw, 0, 1, 0xffffffffffffffff
    CHK_RR subw, 0x80000000, 1, 0x7fffffff
    CHK_RR subw, 0x180000000, 0, 0xffffffff80000000
    CHK_RR sllw, 1, 31, 0xffffffff80000000
    CHK_RR sllw, 1, 32, 1                       # only 5 bits of the amount
    CHK_RR sllw, 0xffffffff, 4, 0xfffffffffffffff0
    CHK_RR srlw, 0xffffffff80000000, 31, 1
    CHK_RR srlw, -1, 0, 0xffffffffffffffff
    CHK_RR srlw, -1, 4, 0x0fffffff
    CHK_RR srlw, 0x1234567800000010, 36, 1
    CHK_RR sraw, 0x80000000, 31, 0xffffffffffffffff
    CHK_RR sraw, 0x80000000, 4, 0xfffffffff8000000
    CHK_RR sraw, 0x7fffffff, 33, 0x3fffffff
    CHK_RI addiw, 0x7fffffff, 1, 0xffffffff80000000
    CHK_RI addiw, 0x180000000, 0, 0xffffffff80000000
    CHK_RI addiw, 0, -2048, 0xfffffffffffff800
    CHK_RI slliw, 1, 31, 0xffffffff80000000
    CHK_RI slliw, 0x180000001, 0, 0xffffffff80000001
    CHK_RI srliw, 0xffffffff80000000, 0, 0xffffffff80000000
    CHK_RI srliw, 0xffffffff80000000, 1, 0x40000000
    CHK_RI srliw, -1, 31, 1
    CHK_RI sraiw, 0x80000000, 31, 0xffffffffffffffff
    CHK_RI sraiw, 0x80000000, 0, 0xffffffff80000000
    CHK_RI sraiw, 0x123456787ffffff0, 4, 0x07ffffff

    # ---- rd == rs1 == rs2, and x0 as destination ----
    CHK_RR_SAME add, 5, 10
    CHK_RR_SAME sub, 5, 0
    CHK_RR_SAME xor, -1, 0
    CHK_RR_SAME sltu, 7, 0
    CHK_RR_SAME addw, 0x40000000, 0xffffffff80000000
    CHK_RR_SAME mul, 0x80000000, 0x4000000000000000
    CHK_RR_SAME mulhu, -1, 0xfffffffffffffffe
    CHK_RR_SAME div, 7, 1
    CHK_RR_SAME rem, 7, 0
    CHK_X0 add, 1, 2
    CHK_X0 mul, 3, 4
    CHK_X0 sltu, 0, 1
    NEXT_CHECK
    addi zero, zero, 5
    lui zero, 0x12345
    mv a2, zero
    bnez a2, fail

    # ---- lui and auipc ----
    NEXT_CHECK
    lui a0, 0x80000
    li a3, 0xffffffff80000000
    bne a0, a3, fail
    NEXT_CHECK
    lui a0, 0x7ffff
    li a3, 0x7ffff000
    bne a0, a3, fail
    NEXT_CHECK
    lui a0, 0xfffff
    li a3, 0xfffffffffffff000
    bne a0, a3, fail
    NEXT_CHECK
1:  auipc a0, 0
    lla a1, 1b
    bne a0, a1, fail
    NEXT_CHECK
1:  auipc a0, 1
    lla a1, 1b
    li a2, 0x1000
    add a1, a1, a2
    bne a0, a1, fail
    NEXT_CHECK
1:  auipc a0, 0x80000                           # pc - 2^31: the immediate is signed
    lla a1, 1b
    li a2, 0xffffffff80000000
    add a1, a1, a2
    bne a0, a1, fail

    # ---- jal and jalr: link values and targets ----
    NEXT_CHECK
    jal a0, 1f
2:  j fail
1:  lla a1, 2b
    bne a0, a1, fail
    NEXT_CHECK
    lla a0, 1f
    jalr a1, 0(a0)
2:  j fail
1:  lla a2, 2b
    bne a1, a2, fail
    NEXT_CHECK                                  # rd == rs1: target uses the old value
    lla a0, 1f
    jalr a0, 0(a0)
2:  j fail
1:  lla a2, 2b
    bne a0, a2, fail
    NEXT_CHECK                                  # offset added, then bit 0 cleared
    lla a0, 1f
    addi a0, a0, -7
    jalr a2, 8(a0)
    j fail
1:  NEXT_CHECK                                  # negative offset, no link
    lla a0, 1f
    addi a0, a0, 16
    jalr zero, -16(a0)
    j fail
1:

    # ---- branches ----
    CHK_BR beq, 5, 5, 1
    CHK_BR beq, 5, 6, 0
    CHK_BR bne, 5, 6, 1
    CHK_BR bne, 5, 5, 0
    CHK_BR blt, -1, 1, 1
    CHK_BR blt, 1, -1, 0
    CHK_BR blt, 5, 5, 0
    CHK_BR blt, 0x8000000000000000, 0x7fffffffffffffff, 1
    CHK_BR bge, 5, 5, 1
    CHK_BR bge, -1, 1, 0
    CHK_BR bge, 1, -1, 1
    CHK_BR bltu, -1, 1, 0
    CHK_BR bltu, 1, -1, 1
    CHK_BR bltu, 0, 0, 0
    CHK_BR bgeu, -1, 1, 1
    CHK_BR bgeu, 1, -1, 0
    CHK_BR bgeu, 0, 0, 1
    CHK_BR bgeu, 0x8000000000000000, 0x7fffffffffffffff, 1
    NEXT_CHECK                                  # a backward loop: sum 1..1000
    li a0, 0
    li a1, 1000
1:  add a0, a0, a1
    addi a1, a1, -1
    bnez a1, 1b
    li a3, 500500
    bne a0, a3, fail

    # ---- loads: sign and zero extension, negative offsets ----
    CHK_LD lb, ldata, 0, 0xffffffffffffff87
    CHK_LD lb, ldata, 7, 0xffffffffffffff80
    CHK_LD lbu, ldata, 7, 0x80
    CHK_LD lb, ldata, 8, 0x78
    CHK_LD lh, ldata, 0, 0xffffffffffff8687
    CHK_LD lh, ldata, 6, 0xffffffffffff8081
    CHK_LD lhu, ldata, 6, 0x8081
    CHK_LD lh, ldata, 8, 0x7978
    CHK_LD lw, ldata, 0, 0xffffffff84858687
    CHK_LD lw, ldata, 4, 0xffffffff80818283
    CHK_LD lwu, ldata, 4, 0x80818283
    CHK_LD lw, ldata, 12, 0x7f7e7d7c
    CHK_LD ld, ldata, 0, 0x8081828384858687
    CHK_LD ld, ldata, 8, 0x7f7e7d7c7b7a7978
    CHK_LD lb, ldata_mid, -1, 0xffffffffffffff80
    CHK_LD ld, ldata_mid, -8, 0x8081828384858687
    CHK_LD lwu, ldata_mid, -4, 0x80818283

    # ---- stores: only the addressed bytes change ----
    CHK_ST sb, 0, 0xab, 0x11223344556677ab
    CHK_ST sb, 7, 0xcd, 0xcd22334455667788
    CHK_ST sb, 3, 0x1ff, 0x11223344ff667788
    CHK_ST sh, 0, 0xbeef, 0x112233445566beef
    CHK_ST sh, 6, 0x12345, 0x2345334455667788
    CHK_ST sw, 0, 0xdeadbeef, 0x11223344deadbeef
    CHK_ST sw, 4, -1, 0xffffffff55667788
    CHK_ST sd, 0, 0x0102030405060708, 0x0102030405060708

    # ---- fences and ecall ----
    fence
    fence rw, rw
    fence.i
    NEXT_CHECK
    li a0, 1
    lla a1, dot
    li a2, 0                                    # write of 0 bytes returns 0
    li a7, 64
    ecall
    bnez a0, fail
    NEXT_CHECK
    li a0, -1                                   # bad fd: -EBADF (9)
    lla a1, dot
    li a2, 1
    li a7, 64
    ecall
    li a3, -9
    bne a0, a3, fail

    # ---- M ----
    CHK_RR mul, 3, -7, 0xffffffffffffffeb
    CHK_RR mul, 0x100000000, 0x100000000, 0
    CHK_RR mul, 0x8000000000000000, -1, 0x8000000000000000
    CHK_RR mul, 0x123456789, 0x987654321, 0xd77d742cce1833a9
    CHK_RR mulh, -1, -1, 0
    CHK_RR mulh, 0x8000000000000000, 0x8000000000000000, 0x4000000000000000
    CHK_RR mulh, 0x7fffffffffffffff, 2, 0
    CHK_RR mulh, -2, 0x7fffffffffffffff, 0xffffffffffffffff
    CHK_RR mulhsu, -1, -1, 0xffffffffffffffff
    CHK_RR mulhsu, 2, -1, 1
    CHK_RR mulhsu, -2, 3, 0xffffffffffffffff
    CHK_RR mulhu, -1, -1, 0xfffffffffffffffe
    CHK_RR mulhu, 0x8000000000000000, 4, 2
    CHK_RR mulhu, 5, 7, 0
    CHK_RR mulhu, 0x123456789, 0x987654321, 0xa
    CHK_RR div, -7, 2, -3
    CHK_RR div, 7, -2, -3
    CHK_RR div, -7, -2, 3
    CHK_RR div, 5, 0, 0xffffffffffffffff
    CHK_RR div, 0x8000000000000000, -1, 0x8000000000000000
    CHK_RR divu, -1, 2, 0x7fffffffffffffff
    CHK_RR divu, 5, 0, 0xffffffffffffffff
    CHK_RR divu, 7, 2, 3
    CHK_RR rem, -7, 2, -1
    CHK_RR rem, 7, -2, 1
    CHK_RR rem, 5, 0, 5
    CHK_RR rem, 0x8000000000000000, -1, 0
    CHK_RR remu, -1, 10, 5
    CHK_RR remu, 5, 0, 5
    CHK_RR mulw, 0x7fffffff, 2, 0xfffffffffffffffe
    CHK_RR mulw, 0x10000, 0x10000, 0
    CHK_RR mulw, 0x100000003, 0x100000005, 15
    CHK_RR divw, -7, 2, -3
    CHK_RR divw, 0x80000000, -1, 0xffffffff80000000
    CHK_RR divw, 7, 0, 0xffffffffffffffff
    CHK_RR divw, 0x100000007, 2, 3
    CHK_RR divuw, 0xffffffff, 2, 0x7fffffff
    CHK_RR divuw, 5, 0, 0xffffffffffffffff
    CHK_RR divuw, 0x80000000, 1, 0xffffffff80000000
    CHK_RR remw, -7, 2, -1
    CHK_RR remw, 0x80000000, -1, 0
    CHK_RR remw, 7, 0, 7
    CHK_RR remw, 0x80000000, 0, 0xffffffff80000000
    CHK_RR remuw, 0xffffffff, 0x10, 0xf
    CHK_RR remuw, 0x80000005, 0, 0xffffffff80000005
    CHK_RR remuw, 0x100000007, 0x100000003, 1

    # ---- A: AMOs ----
    CHK_AMO_W amoswap.w, 0x11111111, 0x80000000, 0x11111111, 0xffffffff80000000
    CHK_AMO_W amoswap.w, 0x80000000, 1, 0xffffffff80000000, 1
    CHK_AMO_W amoadd.w, 0x7fffffff, 1, 0x7fffffff, 0xffffffff80000000
    CHK_AMO_W amoadd.w, 0xffffffff, 1, 0xffffffffffffffff, 0
    CHK_AMO_W amoadd.w, 1, 0x100000001, 1, 2
    CHK_AMO_W amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xfffffffff0f0f0f0
    CHK_AMO_W amoand.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0x0f000f00
    CHK_AMO_W amoor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xfffffffffff0fff0
    CHK_AMO_W amomin.w, 0x80000000, 1, 0xffffffff80000000, 0xffffffff80000000
    CHK_AMO_W amomin.w, 5, -3, 5, 0xfffffffffffffffd
    CHK_AMO_W amomin.w, 1, 0xffffffff, 1, 0xffffffffffffffff
    CHK_AMO_W amomax.w, 0x80000000, 1, 0xffffffff80000000, 1
    CHK_AMO_W amominu.w, 0x80000000, 1, 0xffffffff80000000, 1
    CHK_AMO_W amominu.w, 3, 0x100000002, 3, 2
    CHK_AMO_W amomaxu.w, 0x80000000, 1, 0xffffffff80000000, 0xffffffff80000000
    CHK_AMO_W amomaxu.w, 1, -1, 1, 0xffffffffffffffff
    CHK_AMO_W amoadd.w.aqrl, 40, 2, 40, 42
    CHK_AMO_D amoswap.d, 0x1111, -1, 0x1111, 0xffffffffffffffff
    CHK_AMO_D amoadd.d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff, 0x8000000000000000
    CHK_AMO_D amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0
    CHK_AMO_D amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00
    CHK_AMO_D amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0
    CHK_AMO_D amomin.d, 0x8000000000000000, 1, 0x8000000000000000, 0x8000000000000000
    CHK_AMO_D amomax.d, 0x8000000000000000, 1, 0x8000000000000000, 1
    CHK_AMO_D amominu.d, 0x8000000000000000, 1, 0x8000000000000000, 1
    CHK_AMO_D amomaxu.d, 0x8000000000000000, 1, 0x8000000000000000, 0x8000000000000000
    CHK_AMO_D amoadd.d.aq, -5, 5, -5, 0
    NEXT_CHECK                                  # rd = x0: memory still updated
    lla a0, scratch
    li a1, 10
    sd a1, 0(a0)
    amoadd.d zero, a1, (a0)
    ld a2, 0(a0)
    li a3, 20
    bne a2, a3, fail
    NEXT_CHECK                                  # rd == rs2: swap through one register
    li a1, 7
    amoswap.d a1, a1, (a0)
    li a3, 20
    bne a1, a3, fail
    ld a2, 0(a0)
    li a3, 7
    bne a2, a3, fail

    # ---- A: LR/SC ----
    NEXT_CHECK                                  # lr.w sign-extends
    lla a0, scratch
    li a1, 0x80000000
    sw a1, 0(a0)
    lr.w a2, (a0)
    li a3, 0xffffffff80000000
    bne a2, a3, fail
    NEXT_CHECK                                  # sc.w after lr.w succeeds (0) and stores
    li a1, 0x1234
    sc.w a4, a1, (a0)
    bnez a4, fail
    lw a2, 0(a0)
    li a3, 0x1234
    bne a2, a3, fail
    NEXT_CHECK                                  # an sc ends the reservation: a second one fails
    li a1, 0x5678
    sc.w a4, a1, (a0)
    beqz a4, fail
    lw a2, 0(a0)
    li a3, 0x1234
    bne a2, a3, fail
    NEXT_CHECK                                  # sc.d to another page than the lr.d fails
    lla a5, far_scratch
    li a1, 0x77
    sd a1, 0(a5)
    lr.d a2, (a0)
    li a1, 0x99
    sc.d a4, a1, (a5)
    beqz a4, fail
    ld a2, 0(a5)
    li a3, 0x77
    bne a2, a3, fail
    NEXT_CHECK                                  # lr.d/sc.d increment loop, 100 times
    li a1, 1000
    sd a1, 0(a0)
    li t0, 100
1:  lr.d.aq a2, (a0)
    addi a2, a2, 1
    sc.d.rl a4, a2, (a0)
    bnez a4, 1b
    addi t0, t0, -1
    bnez t0, 1b
    ld a2, 0(a0)
    li a3, 1100
    bne a2, a3, fail

    j pass

    CHECK_EPILOGUE isa

    .section .rodata
dot:    .ascii "."

    .data
    .balign 8
ldata:  .dword 0x8081828384858687
ldata_mid:
        .dword 0x7f7e7d7c7b7a7978
scratch:
        .dword 0, 0

    .bss
    .balign 4096
    .skip 4096
far_scratch:
    .skip 16
