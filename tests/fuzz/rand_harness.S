/* rand_diff's guest side in assembly. rand_run(ctx, code) saves the C
 * side's registers in ctx, points gp at ctx and jumps to a code page laid
 * out as prologue, random sequence, epilogue. The prologue and epilogue are
 * templates the guest copies into each page: they address ctx through gp
 * alone (gp is never a destination in a sequence), so they run at any
 * address. The ctx layout is struct rd_ctx in rand_guest.c. */
#define IN_X     0
#define IN_F     256
#define IN_FCSR  512
#define OUT_X    520
#define OUT_F    776
#define OUT_FCSR 1032
#define SAVE     1040

    .option norvc
    .text

    .globl rand_run
rand_run:
    sd ra, SAVE+0(a0)
    sd sp, SAVE+8(a0)
    sd s0, SAVE+16(a0)
    sd s1, SAVE+24(a0)
    .irp r, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    sd s\r, SAVE+16+8*\r(a0)
    .endr
    sd tp, SAVE+112(a0)
    sd gp, SAVE+120(a0)
    mv gp, a0
    jr a1

    .globl rand_prologue, rand_prologue_end
rand_prologue:
    ld t0, IN_FCSR(gp)
    csrw fcsr, t0
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fld f\r, IN_F+8*\r(gp)
    .endr
    .irp r, 1,2,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\r, IN_X+8*\r(gp)
    .endr
rand_prologue_end:

    .globl rand_epilogue, rand_epilogue_end
rand_epilogue:
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\r, OUT_X+8*\r(gp)
    .endr
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fsd f\r, OUT_F+8*\r(gp)
    .endr
    csrr t0, fcsr
    sd t0, OUT_FCSR(gp)
    ld ra, SAVE+0(gp)
    ld sp, SAVE+8(gp)
    ld s0, SAVE+16(gp)
    ld s1, SAVE+24(gp)
    .irp r, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld s\r, SAVE+16+8*\r(gp)
    .endr
    ld tp, SAVE+112(gp)
    ld gp, SAVE+120(gp)
    ret
rand_epilogue_end:
