/* F and D computational instructions call their exact C helpers
 * (fp_helpers.c); loads and stores are in tr_mem.c. */
#include "translator/fp_helpers.h"
#include "translator/tr.h"

static bool tr_fp(struct tr_ctx *ctx, const struct rv_insn *in)
{
    fp_helper_fn fn = fp_helper_for(in->op);
    tr_call_checked(ctx, (const void *)fn, in->raw);
    return true;
}

#define FP(name) bool tr_##name(struct tr_ctx *ctx, const struct rv_insn *in) { return tr_fp(ctx, in); }
#define FP_SD(op) FP(op##_s) FP(op##_d)
FP_SD(fadd) FP_SD(fsub) FP_SD(fmul) FP_SD(fdiv) FP_SD(fsqrt)
FP_SD(fsgnj) FP_SD(fsgnjn) FP_SD(fsgnjx) FP_SD(fmin) FP_SD(fmax)
FP_SD(feq) FP_SD(flt) FP_SD(fle) FP_SD(fclass)
FP_SD(fmadd) FP_SD(fmsub) FP_SD(fnmsub) FP_SD(fnmadd)
FP_SD(fcvt_w) FP_SD(fcvt_wu) FP_SD(fcvt_l) FP_SD(fcvt_lu)
FP(fcvt_s_w) FP(fcvt_s_wu) FP(fcvt_s_l) FP(fcvt_s_lu)
FP(fcvt_d_w) FP(fcvt_d_wu) FP(fcvt_d_l) FP(fcvt_d_lu)
FP(fcvt_s_d) FP(fcvt_d_s)
FP(fmv_x_w) FP(fmv_w_x) FP(fmv_x_d) FP(fmv_d_x)
