/* Zicsr on fflags, frm, fcsr: every read-modify-write form, the field
 * views of fcsr, masking of written values, sticky flags. */
#include "macros.h"

/* fcsr must read v */
.macro FCSR_IS v
	csrr t0, fcsr
	EXPECT t0, \v
.endm

TEST_BEGIN
	CASE 1				/* fcsr is frm << 5 | fflags */
	li a1, 0xff
	csrw fcsr, a1
	FCSR_IS 0xff
	frrm a0
	EXPECT a0, 7
	frflags a0
	EXPECT a0, 0x1f
	CASE 2				/* bits above 7 read as zero */
	li a1, -1
	fscsr a1
	FCSR_IS 0xff
	CASE 3				/* csrrw returns the old value */
	li a1, 0x25
	csrrw a0, fcsr, a1
	EXPECT a0, 0xff
	FCSR_IS 0x25
	CASE 4				/* csrrs on fflags leaves frm alone */
	li a1, 0x2
	csrrs a0, fflags, a1
	EXPECT a0, 0x05
	FCSR_IS 0x27
	CASE 5				/* csrrc on fflags */
	li a1, 0x1
	csrrc a0, fflags, a1
	EXPECT a0, 0x07
	FCSR_IS 0x26
	CASE 6				/* csrrwi on frm leaves fflags alone */
	csrrwi a0, frm, 3
	EXPECT a0, 1
	FCSR_IS 0x66
	CASE 7				/* csrrsi */
	csrrsi a0, fflags, 0x10
	EXPECT a0, 0x06
	FCSR_IS 0x76
	CASE 8				/* csrrci */
	csrrci a0, fflags, 0x06
	EXPECT a0, 0x16
	FCSR_IS 0x70
	CASE 9				/* csrrs and csrrc with x0, csrrsi and csrrci with 0: reads only */
	csrrs a0, fcsr, x0
	EXPECT a0, 0x70
	csrrc a0, frm, x0
	EXPECT a0, 3
	csrrsi a0, fflags, 0
	EXPECT a0, 0x10
	csrrci a0, fcsr, 0
	EXPECT a0, 0x70
	FCSR_IS 0x70
	CASE 10				/* fflags keeps 5 bits, frm 3 */
	li a1, 0xff
	csrw fflags, a1
	FCSR_IS 0x7f
	li a1, 0xfa
	csrw frm, a1
	FCSR_IS 0x5f
	CASE 11				/* csrrwi on fcsr */
	csrrwi a0, fcsr, 0x1f
	EXPECT a0, 0x5f
	FCSR_IS 0x1f
	CASE 12				/* rd == rs1 */
	li a0, 0x03
	csrrw a0, fflags, a0
	EXPECT a0, 0x1f
	FCSR_IS 0x03
	CASE 13				/* rd == x0 still writes */
	li a1, 0x88
	csrrw x0, fcsr, a1
	FCSR_IS 0x88
	csrrs x0, fflags, 1
	FCSR_IS 0x89
	CASE 14				/* the pseudo-instructions that swap */
	li a1, 0x2
	fsrm a0, a1
	EXPECT a0, 4
	li a1, 0x4
	fsflags a0, a1
	EXPECT a0, 0x09
	fsrmi a0, 1
	EXPECT a0, 2
	fsflagsi a0, 0x10
	EXPECT a0, 0x04
	li a1, 0
	fscsr a0, a1
	EXPECT a0, 0x30

	CASE 15				/* floating-point operations only ever set flags */
	fscsr x0
	li a1, 0x3f800000
	fmv.w.x fa1, a1
	fmv.w.x fa2, x0
	fdiv.s fa0, fa1, fa2		/* 1 / 0: DZ */
	FCSR_IS DZ
	li a1, 0x40400000
	fmv.w.x fa2, a1
	fdiv.s fa0, fa1, fa2		/* 1 / 3: NX */
	FCSR_IS DZ|NX
	fadd.s fa0, fa1, fa1		/* exact: leaves both */
	FCSR_IS DZ|NX
	CASE 16				/* and never frm */
	li a1, 0x40
	fscsr a1
	fdiv.s fa0, fa1, fa2, rne
	FCSR_IS 0x41
	CASE 17				/* integer moves and loads of f registers set no flags */
	fscsr x0
	fmv.x.w a0, fa0
	fmv.d.x fa3, a0
	fsgnj.s fa3, fa1, fa2
	fclass.s a0, fa3
	FCSR_IS 0
TEST_END
