# The compressed (C) instructions spelled out one by one, since gcc output
# only uses some of them: immediates at the ends of their ranges, sign
# extension of c.addiw/c.addw/c.subw, stack-relative loads and stores, c.jalr
# linking to pc+2 (not pc+4), 32-bit instructions at 2-byte-aligned
# addresses, and one 32-bit instruction that straddles a page boundary.
#include "check.inc"

.macro EXPECT reg, want
    li t5, \want
    bne \reg, t5, fail
.endm

    .text
    .globl _start
_start:
    NEXT_CHECK
    c.li a0, -32
    EXPECT a0, -32
    NEXT_CHECK
    c.li a0, 31
    EXPECT a0, 31
    NEXT_CHECK
    c.lui a0, 1
    EXPECT a0, 0x1000
    NEXT_CHECK
    c.lui a0, 0x1f
    EXPECT a0, 0x1f000
    NEXT_CHECK
    c.lui a0, 0xfffff
    EXPECT a0, 0xfffffffffffff000
    NEXT_CHECK
    c.lui a0, 0xfffe0
    EXPECT a0, 0xfffffffffffe0000
    NEXT_CHECK
    li a0, 100
    c.addi a0, -32
    EXPECT a0, 68
    NEXT_CHECK
    c.addi a0, 31
    EXPECT a0, 99
    NEXT_CHECK
    li a0, 0x7fffffff
    c.addiw a0, 1
    EXPECT a0, 0xffffffff80000000
    NEXT_CHECK
    li a0, 0x180000000
    c.addiw a0, 0                               # sext.w
    EXPECT a0, 0xffffffff80000000

    # ---- stack pointer forms ----
    NEXT_CHECK
    mv s0, sp
    c.addi16sp sp, -512
    addi a0, s0, -512
    bne sp, a0, fail
    NEXT_CHECK
    c.addi4spn a0, sp, 1020
    addi a1, sp, 1020
    bne a0, a1, fail
    NEXT_CHECK
    li a0, 0x1122334455667788
    c.sdsp a0, 8(sp)
    c.ldsp a1, 8(sp)
    bne a0, a1, fail
    NEXT_CHECK
    li a0, 0x89abcdef
    c.swsp a0, 4(sp)
    c.lwsp a1, 4(sp)
    EXPECT a1, 0xffffffff89abcdef
    NEXT_CHECK
    li a0, 0x400921fb54442d18
    fmv.d.x fa0, a0
    c.fsdsp fa0, 16(sp)
    c.fldsp fa1, 16(sp)
    fmv.x.d a1, fa1
    bne a0, a1, fail
    NEXT_CHECK
    c.sdsp a0, 504(sp)                          # largest c.sdsp offset
    ld a1, 504(sp)
    bne a0, a1, fail
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    bne sp, s0, fail

    # ---- register-based loads and stores ----
    NEXT_CHECK
    lla a0, cdata
    c.lw a1, 0(a0)
    EXPECT a1, 0xffffffff84858687
    NEXT_CHECK
    c.lw a1, 124(a0)                            # largest c.lw offset
    EXPECT a1, 0x7f7e7d7c
    NEXT_CHECK
    c.ld a1, 0(a0)
    EXPECT a1, 0x8081828384858687
    NEXT_CHECK
    c.ld a1, 120(a0)
    EXPECT a1, 0x7f7e7d7c01020304
    NEXT_CHECK
    lla a0, cscratch
    li a2, -1
    sd a2, 0(a0)
    li a1, 0x12345678
    c.sw a1, 4(a0)
    ld a2, 0(a0)
    EXPECT a2, 0x12345678ffffffff
    NEXT_CHECK
    li a1, 0x0102030405060708
    c.sd a1, 248(a0)                            # largest c.sd offset
    ld a2, 248(a0)
    bne a1, a2, fail
    NEXT_CHECK
    li a1, 0xc00921fb54442d18
    fmv.d.x fa2, a1
    c.fsd fa2, 8(a0)
    c.fld fa3, 8(a0)
    fmv.x.d a2, fa3
    bne a1, a2, fail

    # ---- shifts and ALU ----
    NEXT_CHECK
    li a0, 1
    c.slli a0, 63
    EXPECT a0, 0x8000000000000000
    NEXT_CHECK
    c.srai a0, 32
    EXPECT a0, 0xffffffff80000000
    NEXT_CHECK
    c.srli a0, 63
    EXPECT a0, 1
    NEXT_CHECK
    li a0, 0x12345678
    c.andi a0, -32
    EXPECT a0, 0x12345660
    NEXT_CHECK
    c.andi a0, 31
    EXPECT a0, 0
    NEXT_CHECK
    li a0, 10
    li a1, 3
    c.sub a0, a1
    EXPECT a0, 7
    NEXT_CHECK
    c.xor a0, a1
    EXPECT a0, 4
    NEXT_CHECK
    c.or a0, a1
    EXPECT a0, 7
    NEXT_CHECK
    li a1, 0x1c
    c.and a0, a1
    EXPECT a0, 4
    NEXT_CHECK
    li a0, 0x7fffffff
    li a1, 1
    c.addw a0, a1
    EXPECT a0, 0xffffffff80000000
    NEXT_CHECK
    li a0, 0x100000000
    c.subw a0, a1
    EXPECT a0, 0xffffffffffffffff
    NEXT_CHECK
    li a1, 0x55
    c.mv a0, a1
    EXPECT a0, 0x55
    NEXT_CHECK
    c.add a0, a1
    EXPECT a0, 0xaa
    NEXT_CHECK
    c.mv t1, a0                                 # full register set for c.mv/c.add
    c.add t1, t1
    EXPECT t1, 0x154
    c.nop

    # ---- control transfer ----
    NEXT_CHECK
    c.j 1f
    j fail
1:  NEXT_CHECK
    li a0, 0
    c.beqz a0, 1f
    j fail
1:  NEXT_CHECK
    c.bnez a0, fail
    NEXT_CHECK
    li a0, -1
    c.bnez a0, 1f
    j fail
1:  NEXT_CHECK
    c.beqz a0, fail
    NEXT_CHECK
    lla a0, 1f
    c.jr a0
    j fail
1:  NEXT_CHECK                                  # c.jalr links to the next 2-byte slot
    lla a0, 2f
    c.jalr a0
1:  j fail
2:  lla a1, 1b
    bne ra, a1, fail
    NEXT_CHECK                                  # jalr (4 bytes) then links to pc+4
    .option push
    .option norvc
    lla a0, 2f
    jalr ra, 0(a0)
1:  j fail
    .option pop
2:  lla a1, 1b
    bne ra, a1, fail

    # ---- a 32-bit instruction at an address that is 2 mod 4 ----
    NEXT_CHECK
    .balign 4
    c.nop
    .option push
    .option norvc
    addi a0, zero, 123
    .option pop
    EXPECT a0, 123

    # ---- a 32-bit instruction across a page boundary ----
    NEXT_CHECK
    li a0, 0
    j 1f
    .balign 4096
    .rept 2047
    c.addi a0, 1
    .endr
    .option push
    .option norvc
1:  addi a0, a0, 1000                           # at page start + 4094 if reached by fallthrough
    .option pop
    EXPECT a0, 1000
    NEXT_CHECK
    li a0, 0
    jal zero, 3f
    .balign 4096
2:  .rept 2047
    c.addi a0, 1
    .endr
    .option push
    .option norvc
    addi a0, a0, 1000                           # straddles: 2 bytes on each page
    .option pop
    EXPECT a0, 3047
    j 4f
3:  j 2b
4:

    j pass

    CHECK_EPILOGUE rvc

    .data
    .balign 8
cdata:
    .dword 0x8081828384858687
    .skip 112
    .dword 0x7f7e7d7c01020304
cscratch:
    .skip 256
