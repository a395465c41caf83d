/* fclass.s, fclass.d: one case per class, both signs */
#include "macros.h"

TEST_BEGIN

	/* single precision */
	TEST_FCLASS 1, s, 0x001, 0xff800000	/* -inf */
	TEST_FCLASS 2, s, 0x002, 0xbf800000	/* -normal */
	TEST_FCLASS 3, s, 0x002, 0xff7fffff	/* -MAX */
	TEST_FCLASS 4, s, 0x004, 0x807fffff	/* -subnormal */
	TEST_FCLASS 5, s, 0x008, 0x80000000	/* -0 */
	TEST_FCLASS 6, s, 0x010, 0x00000000	/* +0 */
	TEST_FCLASS 7, s, 0x020, 0x00000001	/* +subnormal */
	TEST_FCLASS 8, s, 0x040, 0x00800000	/* +normal */
	TEST_FCLASS 9, s, 0x080, 0x7f800000	/* +inf */
	TEST_FCLASS 10, s, 0x100, 0x7f800001	/* signaling NaN */
	TEST_FCLASS 11, s, 0x100, 0xff800001	/* negative signaling NaN */
	TEST_FCLASS 12, s, 0x200, 0x7fc00000	/* quiet NaN */
	TEST_FCLASS 13, s, 0x200, 0xffc12345	/* negative quiet NaN with payload */

	/* double precision */
	TEST_FCLASS 14, d, 0x001, 0xfff0000000000000	/* -inf */
	TEST_FCLASS 15, d, 0x002, 0xbff0000000000000	/* -normal */
	TEST_FCLASS 16, d, 0x002, 0xffefffffffffffff	/* -MAX */
	TEST_FCLASS 17, d, 0x004, 0x800fffffffffffff	/* -subnormal */
	TEST_FCLASS 18, d, 0x008, 0x8000000000000000	/* -0 */
	TEST_FCLASS 19, d, 0x010, 0x0000000000000000	/* +0 */
	TEST_FCLASS 20, d, 0x020, 0x0000000000000001	/* +subnormal */
	TEST_FCLASS 21, d, 0x040, 0x0010000000000000	/* +normal */
	TEST_FCLASS 22, d, 0x080, 0x7ff0000000000000	/* +inf */
	TEST_FCLASS 23, d, 0x100, 0x7ff0000000000001	/* signaling NaN */
	TEST_FCLASS 24, d, 0x100, 0xfff0000000000001	/* negative signaling NaN */
	TEST_FCLASS 25, d, 0x200, 0x7ff8000000000000	/* quiet NaN */
	TEST_FCLASS 26, d, 0x200, 0xfff8000000012345	/* negative quiet NaN with payload */
TEST_END
