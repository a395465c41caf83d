/* Decoder internals shared by rv_decode.c, rv_decode_c.c and rv_disasm.c; not
 * part of the decoder API (rv_insn.h). */
#ifndef RV_DECODE_C_H
#define RV_DECODE_C_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_insn.h"

/* The lines of RV_CINSN_LIST, in order. */
enum rv_cline {
#define X(cname, text, cfmt, mask, match, op) RV_C_##cname,
    RV_CINSN_LIST(X)
#undef X
    RV_C_COUNT
};

/* The RV_CINSN_LIST line a 16-bit encoding is (the matching line with the most
 * mask bits), or -1 if none matches. Reserved lines are returned as such. */
int rv_cline_of(uint16_t h);

/* Decode a compressed instruction into the base instruction it expands to.
 * `out` is zeroed by the caller, with len and raw set. Returns false (op left
 * RV_OP_illegal) for an encoding that is no line or a reserved line. */
bool rv_decode_c(uint16_t h, struct rv_insn *out);

#endif
