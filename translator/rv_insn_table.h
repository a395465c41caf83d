/* The one description of the guest ISA (RV64GC user level, plus the four
 * privileged instructions of bare mode). Everything that
 * knows instructions is generated from these two lists: enum rv_op (rv_insn.h),
 * the decoder (rv_decode.c, rv_decode_c.c), the disassembler (rv_disasm.c), the
 * translator's dispatch table and the decoder tests.
 *
 * RV_INSN_LIST: X(name, "text", fmt, mask, match, ext), one line per 32-bit
 * instruction. An encoding w is the instruction when (w & mask) == match. Lines
 * never overlap and every line fixes the major opcode (bits 6:0); the decoder
 * relies on both and tests/unit/test_decode.c checks them. Fields an
 * instruction has (registers, rm, aq/rl, immediates) are left out of the mask;
 * fmt says which they are. Fixed fields (rs2 of fsqrt/fcvt/lr, funct3 of
 * fsgnj/feq/fmv) are part of the mask and match. */
#ifndef RV_INSN_TABLE_H
#define RV_INSN_TABLE_H

/* Operand layouts of 32-bit instructions. Layouts that encode alike but name
 * other register files or print differently are separate values, so the
 * disassembler and translator need nothing beyond this table. */
enum rv_fmt {
    RV_FMT_R,       /* rd, rs1, rs2 */
    RV_FMT_I,       /* rd, rs1, imm[11:0] */
    RV_FMT_IM,      /* I layout written rd, imm(rs1): integer loads, jalr */
    RV_FMT_FL,      /* I layout, fd: flw, fld */
    RV_FMT_S,       /* rs2, imm(rs1) */
    RV_FMT_FS,      /* S layout, fs2: fsw, fsd */
    RV_FMT_B,       /* rs1, rs2, pc-relative imm[12:1] */
    RV_FMT_U,       /* rd, imm[31:12] (imm holds the value with low 12 bits 0) */
    RV_FMT_J,       /* rd, pc-relative imm[20:1] */
    RV_FMT_SH6,     /* rd, rs1, shamt[5:0] (RV64 slli/srli/srai) */
    RV_FMT_SH5,     /* rd, rs1, shamt[4:0] (W shifts; shamt[5] = 1 is no line) */
    RV_FMT_CSR,     /* rd, csr, rs1 */
    RV_FMT_CSRI,    /* rd, csr, zimm (zimm in imm, from the rs1 field) */
    RV_FMT_AMO,     /* rd, rs2, (rs1), aq/rl */
    RV_FMT_LR,      /* rd, (rs1), aq/rl; rs2 fixed 0 */
    RV_FMT_R4,      /* fd, fs1, fs2, fs3, rm */
    RV_FMT_FRM,     /* fd, fs1, fs2, rm */
    RV_FMT_F1RM,    /* fd, fs1, rm; rs2 fixed (fsqrt, fcvt.s.d, fcvt.d.s) */
    RV_FMT_F1RM_XF, /* rd, fs1, rm; rs2 fixed (fcvt.w.s and kin) */
    RV_FMT_F1RM_FX, /* fd, rs1, rm; rs2 fixed (fcvt.s.w and kin) */
    RV_FMT_FR,      /* fd, fs1, fs2 without rm (fsgnj, fmin, fmax) */
    RV_FMT_FR_X,    /* rd, fs1, fs2 without rm (feq, flt, fle) */
    RV_FMT_F1_XF,   /* rd, fs1 without rm; rs2 fixed (fmv.x.w, fclass) */
    RV_FMT_F1_FX,   /* fd, rs1 without rm; rs2 fixed (fmv.w.x) */
    RV_FMT_FENCE,   /* imm = fm << 8 | pred << 4 | succ; rd, rs1 ignored */
    RV_FMT_SFENCE,  /* rs1, rs2 (sfence.vma: address, ASID) */
    RV_FMT_NONE,    /* no operands (ecall, ebreak, fence.i, mret, sret, wfi) */
    RV_FMT_COUNT
};

enum rv_ext {
    RV_EXT_I, RV_EXT_M, RV_EXT_A, RV_EXT_F, RV_EXT_D, RV_EXT_ZICSR, RV_EXT_ZIFENCEI,
    RV_EXT_PRIV     /* privileged instructions: illegal in Linux user mode */
};

#define RV_AMO(X, name, text, f5, fn3, ext) \
    X(name, text, RV_FMT_AMO, 0xf800707f, (f5) << 27 | (fn3) << 12 | 0x2f, ext)

#define RV_INSN_LIST(X) \
    X(lui,       "lui",       RV_FMT_U,    0x0000007f, 0x00000037, RV_EXT_I) \
    X(auipc,     "auipc",     RV_FMT_U,    0x0000007f, 0x00000017, RV_EXT_I) \
    X(jal,       "jal",       RV_FMT_J,    0x0000007f, 0x0000006f, RV_EXT_I) \
    X(jalr,      "jalr",      RV_FMT_IM,   0x0000707f, 0x00000067, RV_EXT_I) \
    X(beq,       "beq",       RV_FMT_B,    0x0000707f, 0x00000063, RV_EXT_I) \
    X(bne,       "bne",       RV_FMT_B,    0x0000707f, 0x00001063, RV_EXT_I) \
    X(blt,       "blt",       RV_FMT_B,    0x0000707f, 0x00004063, RV_EXT_I) \
    X(bge,       "bge",       RV_FMT_B,    0x0000707f, 0x00005063, RV_EXT_I) \
    X(bltu,      "bltu",      RV_FMT_B,    0x0000707f, 0x00006063, RV_EXT_I) \
    X(bgeu,      "bgeu",      RV_FMT_B,    0x0000707f, 0x00007063, RV_EXT_I) \
    X(lb,        "lb",        RV_FMT_IM,   0x0000707f, 0x00000003, RV_EXT_I) \
    X(lh,        "lh",        RV_FMT_IM,   0x0000707f, 0x00001003, RV_EXT_I) \
    X(lw,        "lw",        RV_FMT_IM,   0x0000707f, 0x00002003, RV_EXT_I) \
    X(ld,        "ld",        RV_FMT_IM,   0x0000707f, 0x00003003, RV_EXT_I) \
    X(lbu,       "lbu",       RV_FMT_IM,   0x0000707f, 0x00004003, RV_EXT_I) \
    X(lhu,       "lhu",       RV_FMT_IM,   0x0000707f, 0x00005003, RV_EXT_I) \
    X(lwu,       "lwu",       RV_FMT_IM,   0x0000707f, 0x00006003, RV_EXT_I) \
    X(sb,        "sb",        RV_FMT_S,    0x0000707f, 0x00000023, RV_EXT_I) \
    X(sh,        "sh",        RV_FMT_S,    0x0000707f, 0x00001023, RV_EXT_I) \
    X(sw,        "sw",        RV_FMT_S,    0x0000707f, 0x00002023, RV_EXT_I) \
    X(sd,        "sd",        RV_FMT_S,    0x0000707f, 0x00003023, RV_EXT_I) \
    X(addi,      "addi",      RV_FMT_I,    0x0000707f, 0x00000013, RV_EXT_I) \
    X(slti,      "slti",      RV_FMT_I,    0x0000707f, 0x00002013, RV_EXT_I) \
    X(sltiu,     "sltiu",     RV_FMT_I,    0x0000707f, 0x00003013, RV_EXT_I) \
    X(xori,      "xori",      RV_FMT_I,    0x0000707f, 0x00004013, RV_EXT_I) \
    X(ori,       "ori",       RV_FMT_I,    0x0000707f, 0x00006013, RV_EXT_I) \
    X(andi,      "andi",      RV_FMT_I,    0x0000707f, 0x00007013, RV_EXT_I) \
    X(slli,      "slli",      RV_FMT_SH6,  0xfc00707f, 0x00001013, RV_EXT_I) \
    X(srli,      "srli",      RV_FMT_SH6,  0xfc00707f, 0x00005013, RV_EXT_I) \
    X(srai,      "srai",      RV_FMT_SH6,  0xfc00707f, 0x40005013, RV_EXT_I) \
    X(add,       "add",       RV_FMT_R,    0xfe00707f, 0x00000033, RV_EXT_I) \
    X(sub,       "sub",       RV_FMT_R,    0xfe00707f, 0x40000033, RV_EXT_I) \
    X(sll,       "sll",       RV_FMT_R,    0xfe00707f, 0x00001033, RV_EXT_I) \
    X(slt,       "slt",       RV_FMT_R,    0xfe00707f, 0x00002033, RV_EXT_I) \
    X(sltu,      "sltu",      RV_FMT_R,    0xfe00707f, 0x00003033, RV_EXT_I) \
    X(xor,       "xor",       RV_FMT_R,    0xfe00707f, 0x00004033, RV_EXT_I) \
    X(srl,       "srl",       RV_FMT_R,    0xfe00707f, 0x00005033, RV_EXT_I) \
    X(sra,       "sra",       RV_FMT_R,    0xfe00707f, 0x40005033, RV_EXT_I) \
    X(or,        "or",        RV_FMT_R,    0xfe00707f, 0x00006033, RV_EXT_I) \
    X(and,       "and",       RV_FMT_R,    0xfe00707f, 0x00007033, RV_EXT_I) \
    X(addiw,     "addiw",     RV_FMT_I,    0x0000707f, 0x0000001b, RV_EXT_I) \
    X(slliw,     "slliw",     RV_FMT_SH5,  0xfe00707f, 0x0000101b, RV_EXT_I) \
    X(srliw,     "srliw",     RV_FMT_SH5,  0xfe00707f, 0x0000501b, RV_EXT_I) \
    X(sraiw,     "sraiw",     RV_FMT_SH5,  0xfe00707f, 0x4000501b, RV_EXT_I) \
    X(addw,      "addw",      RV_FMT_R,    0xfe00707f, 0x0000003b, RV_EXT_I) \
    X(subw,      "subw",      RV_FMT_R,    0xfe00707f, 0x4000003b, RV_EXT_I) \
    X(sllw,      "sllw",      RV_FMT_R,    0xfe00707f, 0x0000103b, RV_EXT_I) \
    X(srlw,      "srlw",      RV_FMT_R,    0xfe00707f, 0x0000503b, RV_EXT_I) \
    X(sraw,      "sraw",      RV_FMT_R,    0xfe00707f, 0x4000503b, RV_EXT_I) \
    /* fence: any fm/pred/succ (fence.tso is fm=1000); rd, rs1 are HINT space */ \
    X(fence,     "fence",     RV_FMT_FENCE, 0x0000707f, 0x0000000f, RV_EXT_I) \
    X(ecall,     "ecall",     RV_FMT_NONE, 0xffffffff, 0x00000073, RV_EXT_I) \
    X(ebreak,    "ebreak",    RV_FMT_NONE, 0xffffffff, 0x00100073, RV_EXT_I) \
    /* imm, rs1, rd of fence.i are reserved and must be ignored */ \
    X(fence_i,   "fence.i",   RV_FMT_NONE, 0x0000707f, 0x0000100f, RV_EXT_ZIFENCEI) \
    X(mret,      "mret",      RV_FMT_NONE, 0xffffffff, 0x30200073, RV_EXT_PRIV) \
    X(sret,      "sret",      RV_FMT_NONE, 0xffffffff, 0x10200073, RV_EXT_PRIV) \
    X(wfi,       "wfi",       RV_FMT_NONE, 0xffffffff, 0x10500073, RV_EXT_PRIV) \
    X(sfence_vma, "sfence.vma", RV_FMT_SFENCE, 0xfe007fff, 0x12000073, RV_EXT_PRIV) \
    X(csrrw,     "csrrw",     RV_FMT_CSR,  0x0000707f, 0x00001073, RV_EXT_ZICSR) \
    X(csrrs,     "csrrs",     RV_FMT_CSR,  0x0000707f, 0x00002073, RV_EXT_ZICSR) \
    X(csrrc,     "csrrc",     RV_FMT_CSR,  0x0000707f, 0x00003073, RV_EXT_ZICSR) \
    X(csrrwi,    "csrrwi",    RV_FMT_CSRI, 0x0000707f, 0x00005073, RV_EXT_ZICSR) \
    X(csrrsi,    "csrrsi",    RV_FMT_CSRI, 0x0000707f, 0x00006073, RV_EXT_ZICSR) \
    X(csrrci,    "csrrci",    RV_FMT_CSRI, 0x0000707f, 0x00007073, RV_EXT_ZICSR) \
    X(mul,       "mul",       RV_FMT_R,    0xfe00707f, 0x02000033, RV_EXT_M) \
    X(mulh,      "mulh",      RV_FMT_R,    0xfe00707f, 0x02001033, RV_EXT_M) \
    X(mulhsu,    "mulhsu",    RV_FMT_R,    0xfe00707f, 0x02002033, RV_EXT_M) \
    X(mulhu,     "mulhu",     RV_FMT_R,    0xfe00707f, 0x02003033, RV_EXT_M) \
    X(div,       "div",       RV_FMT_R,    0xfe00707f, 0x02004033, RV_EXT_M) \
    X(divu,      "divu",      RV_FMT_R,    0xfe00707f, 0x02005033, RV_EXT_M) \
    X(rem,       "rem",       RV_FMT_R,    0xfe00707f, 0x02006033, RV_EXT_M) \
    X(remu,      "remu",      RV_FMT_R,    0xfe00707f, 0x02007033, RV_EXT_M) \
    X(mulw,      "mulw",      RV_FMT_R,    0xfe00707f, 0x0200003b, RV_EXT_M) \
    X(divw,      "divw",      RV_FMT_R,    0xfe00707f, 0x0200403b, RV_EXT_M) \
    X(divuw,     "divuw",     RV_FMT_R,    0xfe00707f, 0x0200503b, RV_EXT_M) \
    X(remw,      "remw",      RV_FMT_R,    0xfe00707f, 0x0200603b, RV_EXT_M) \
    X(remuw,     "remuw",     RV_FMT_R,    0xfe00707f, 0x0200703b, RV_EXT_M) \
    X(lr_w,      "lr.w",      RV_FMT_LR,   0xf9f0707f, 0x1000202f, RV_EXT_A) \
    X(sc_w,      "sc.w",      RV_FMT_AMO,  0xf800707f, 0x1800202f, RV_EXT_A) \
    RV_AMO(X, amoswap_w, "amoswap.w", 0x01, 2, RV_EXT_A) \
    RV_AMO(X, amoadd_w,  "amoadd.w",  0x00, 2, RV_EXT_A) \
    RV_AMO(X, amoxor_w,  "amoxor.w",  0x04, 2, RV_EXT_A) \
    RV_AMO(X, amoand_w,  "amoand.w",  0x0c, 2, RV_EXT_A) \
    RV_AMO(X, amoor_w,   "amoor.w",   0x08, 2, RV_EXT_A) \
    RV_AMO(X, amomin_w,  "amomin.w",  0x10, 2, RV_EXT_A) \
    RV_AMO(X, amomax_w,  "amomax.w",  0x14, 2, RV_EXT_A) \
    RV_AMO(X, amominu_w, "amominu.w", 0x18, 2, RV_EXT_A) \
    RV_AMO(X, amomaxu_w, "amomaxu.w", 0x1c, 2, RV_EXT_A) \
    X(lr_d,      "lr.d",      RV_FMT_LR,   0xf9f0707f, 0x1000302f, RV_EXT_A) \
    X(sc_d,      "sc.d",      RV_FMT_AMO,  0xf800707f, 0x1800302f, RV_EXT_A) \
    RV_AMO(X, amoswap_d, "amoswap.d", 0x01, 3, RV_EXT_A) \
    RV_AMO(X, amoadd_d,  "amoadd.d",  0x00, 3, RV_EXT_A) \
    RV_AMO(X, amoxor_d,  "amoxor.d",  0x04, 3, RV_EXT_A) \
    RV_AMO(X, amoand_d,  "amoand.d",  0x0c, 3, RV_EXT_A) \
    RV_AMO(X, amoor_d,   "amoor.d",   0x08, 3, RV_EXT_A) \
    RV_AMO(X, amomin_d,  "amomin.d",  0x10, 3, RV_EXT_A) \
    RV_AMO(X, amomax_d,  "amomax.d",  0x14, 3, RV_EXT_A) \
    RV_AMO(X, amominu_d, "amominu.d", 0x18, 3, RV_EXT_A) \
    RV_AMO(X, amomaxu_d, "amomaxu.d", 0x1c, 3, RV_EXT_A) \
    X(flw,       "flw",       RV_FMT_FL,   0x0000707f, 0x00002007, RV_EXT_F) \
    X(fsw,       "fsw",       RV_FMT_FS,   0x0000707f, 0x00002027, RV_EXT_F) \
    X(fmadd_s,   "fmadd.s",   RV_FMT_R4,   0x0600007f, 0x00000043, RV_EXT_F) \
    X(fmsub_s,   "fmsub.s",   RV_FMT_R4,   0x0600007f, 0x00000047, RV_EXT_F) \
    X(fnmsub_s,  "fnmsub.s",  RV_FMT_R4,   0x0600007f, 0x0000004b, RV_EXT_F) \
    X(fnmadd_s,  "fnmadd.s",  RV_FMT_R4,   0x0600007f, 0x0000004f, RV_EXT_F) \
    X(fadd_s,    "fadd.s",    RV_FMT_FRM,  0xfe00007f, 0x00000053, RV_EXT_F) \
    X(fsub_s,    "fsub.s",    RV_FMT_FRM,  0xfe00007f, 0x08000053, RV_EXT_F) \
    X(fmul_s,    "fmul.s",    RV_FMT_FRM,  0xfe00007f, 0x10000053, RV_EXT_F) \
    X(fdiv_s,    "fdiv.s",    RV_FMT_FRM,  0xfe00007f, 0x18000053, RV_EXT_F) \
    X(fsqrt_s,   "fsqrt.s",   RV_FMT_F1RM, 0xfff0007f, 0x58000053, RV_EXT_F) \
    X(fsgnj_s,   "fsgnj.s",   RV_FMT_FR,   0xfe00707f, 0x20000053, RV_EXT_F) \
    X(fsgnjn_s,  "fsgnjn.s",  RV_FMT_FR,   0xfe00707f, 0x20001053, RV_EXT_F) \
    X(fsgnjx_s,  "fsgnjx.s",  RV_FMT_FR,   0xfe00707f, 0x20002053, RV_EXT_F) \
    X(fmin_s,    "fmin.s",    RV_FMT_FR,   0xfe00707f, 0x28000053, RV_EXT_F) \
    X(fmax_s,    "fmax.s",    RV_FMT_FR,   0xfe00707f, 0x28001053, RV_EXT_F) \
    X(fcvt_w_s,  "fcvt.w.s",  RV_FMT_F1RM_XF, 0xfff0007f, 0xc0000053, RV_EXT_F) \
    X(fcvt_wu_s, "fcvt.wu.s", RV_FMT_F1RM_XF, 0xfff0007f, 0xc0100053, RV_EXT_F) \
    X(fcvt_l_s,  "fcvt.l.s",  RV_FMT_F1RM_XF, 0xfff0007f, 0xc0200053, RV_EXT_F) \
    X(fcvt_lu_s, "fcvt.lu.s", RV_FMT_F1RM_XF, 0xfff0007f, 0xc0300053, RV_EXT_F) \
    X(fmv_x_w,   "fmv.x.w",   RV_FMT_F1_XF, 0xfff0707f, 0xe0000053, RV_EXT_F) \
    X(feq_s,     "feq.s",     RV_FMT_FR_X, 0xfe00707f, 0xa0002053, RV_EXT_F) \
    X(flt_s,     "flt.s",     RV_FMT_FR_X, 0xfe00707f, 0xa0001053, RV_EXT_F) \
    X(fle_s,     "fle.s",     RV_FMT_FR_X, 0xfe00707f, 0xa0000053, RV_EXT_F) \
    X(fclass_s,  "fclass.s",  RV_FMT_F1_XF, 0xfff0707f, 0xe0001053, RV_EXT_F) \
    X(fcvt_s_w,  "fcvt.s.w",  RV_FMT_F1RM_FX, 0xfff0007f, 0xd0000053, RV_EXT_F) \
    X(fcvt_s_wu, "fcvt.s.wu", RV_FMT_F1RM_FX, 0xfff0007f, 0xd0100053, RV_EXT_F) \
    X(fcvt_s_l,  "fcvt.s.l",  RV_FMT_F1RM_FX, 0xfff0007f, 0xd0200053, RV_EXT_F) \
    X(fcvt_s_lu, "fcvt.s.lu", RV_FMT_F1RM_FX, 0xfff0007f, 0xd0300053, RV_EXT_F) \
    X(fmv_w_x,   "fmv.w.x",   RV_FMT_F1_FX, 0xfff0707f, 0xf0000053, RV_EXT_F) \
    X(fld,       "fld",       RV_FMT_FL,   0x0000707f, 0x00003007, RV_EXT_D) \
    X(fsd,       "fsd",       RV_FMT_FS,   0x0000707f, 0x00003027, RV_EXT_D) \
    X(fmadd_d,   "fmadd.d",   RV_FMT_R4,   0x0600007f, 0x02000043, RV_EXT_D) \
    X(fmsub_d,   "fmsub.d",   RV_FMT_R4,   0x0600007f, 0x02000047, RV_EXT_D) \
    X(fnmsub_d,  "fnmsub.d",  RV_FMT_R4,   0x0600007f, 0x0200004b, RV_EXT_D) \
    X(fnmadd_d,  "fnmadd.d",  RV_FMT_R4,   0x0600007f, 0x0200004f, RV_EXT_D) \
    X(fadd_d,    "fadd.d",    RV_FMT_FRM,  0xfe00007f, 0x02000053, RV_EXT_D) \
    X(fsub_d,    "fsub.d",    RV_FMT_FRM,  0xfe00007f, 0x0a000053, RV_EXT_D) \
    X(fmul_d,    "fmul.d",    RV_FMT_FRM,  0xfe00007f, 0x12000053, RV_EXT_D) \
    X(fdiv_d,    "fdiv.d",    RV_FMT_FRM,  0xfe00007f, 0x1a000053, RV_EXT_D) \
    X(fsqrt_d,   "fsqrt.d",   RV_FMT_F1RM, 0xfff0007f, 0x5a000053, RV_EXT_D) \
    X(fsgnj_d,   "fsgnj.d",   RV_FMT_FR,   0xfe00707f, 0x22000053, RV_EXT_D) \
    X(fsgnjn_d,  "fsgnjn.d",  RV_FMT_FR,   0xfe00707f, 0x22001053, RV_EXT_D) \
    X(fsgnjx_d,  "fsgnjx.d",  RV_FMT_FR,   0xfe00707f, 0x22002053, RV_EXT_D) \
    X(fmin_d,    "fmin.d",    RV_FMT_FR,   0xfe00707f, 0x2a000053, RV_EXT_D) \
    X(fmax_d,    "fmax.d",    RV_FMT_FR,   0xfe00707f, 0x2a001053, RV_EXT_D) \
    X(fcvt_s_d,  "fcvt.s.d",  RV_FMT_F1RM, 0xfff0007f, 0x40100053, RV_EXT_D) \
    X(fcvt_d_s,  "fcvt.d.s",  RV_FMT_F1RM, 0xfff0007f, 0x42000053, RV_EXT_D) \
    X(feq_d,     "feq.d",     RV_FMT_FR_X, 0xfe00707f, 0xa2002053, RV_EXT_D) \
    X(flt_d,     "flt.d",     RV_FMT_FR_X, 0xfe00707f, 0xa2001053, RV_EXT_D) \
    X(fle_d,     "fle.d",     RV_FMT_FR_X, 0xfe00707f, 0xa2000053, RV_EXT_D) \
    X(fclass_d,  "fclass.d",  RV_FMT_F1_XF, 0xfff0707f, 0xe2001053, RV_EXT_D) \
    X(fcvt_w_d,  "fcvt.w.d",  RV_FMT_F1RM_XF, 0xfff0007f, 0xc2000053, RV_EXT_D) \
    X(fcvt_wu_d, "fcvt.wu.d", RV_FMT_F1RM_XF, 0xfff0007f, 0xc2100053, RV_EXT_D) \
    X(fcvt_l_d,  "fcvt.l.d",  RV_FMT_F1RM_XF, 0xfff0007f, 0xc2200053, RV_EXT_D) \
    X(fcvt_lu_d, "fcvt.lu.d", RV_FMT_F1RM_XF, 0xfff0007f, 0xc2300053, RV_EXT_D) \
    X(fmv_x_d,   "fmv.x.d",   RV_FMT_F1_XF, 0xfff0707f, 0xe2000053, RV_EXT_D) \
    X(fcvt_d_w,  "fcvt.d.w",  RV_FMT_F1RM_FX, 0xfff0007f, 0xd2000053, RV_EXT_D) \
    X(fcvt_d_wu, "fcvt.d.wu", RV_FMT_F1RM_FX, 0xfff0007f, 0xd2100053, RV_EXT_D) \
    X(fcvt_d_l,  "fcvt.d.l",  RV_FMT_F1RM_FX, 0xfff0007f, 0xd2200053, RV_EXT_D) \
    X(fcvt_d_lu, "fcvt.d.lu", RV_FMT_F1RM_FX, 0xfff0007f, 0xd2300053, RV_EXT_D) \
    X(fmv_d_x,   "fmv.d.x",   RV_FMT_F1_FX, 0xfff0707f, 0xf2000053, RV_EXT_D)

/* Operand layouts of compressed instructions, named after the RVC format and
 * the instructions using them. Each says how the 16-bit fields expand into the
 * operands of the base instruction. rd'/rs1'/rs2' are x8-x15 (or f8-f15). */
enum rv_cfmt {
    RV_CFMT_CIW,        /* addi4spn: addi rd', sp, nzuimm[9:2] */
    RV_CFMT_CL_W,       /* lw rd', uimm[6:2](rs1') */
    RV_CFMT_CL_D,       /* ld/fld rd', uimm[7:3](rs1') */
    RV_CFMT_CS_W,       /* sw rs2', uimm[6:2](rs1') */
    RV_CFMT_CS_D,       /* sd/fsd rs2', uimm[7:3](rs1') */
    RV_CFMT_CI_ADDI,    /* addi/addiw rd, rd, imm[5:0] */
    RV_CFMT_CI_LI,      /* addi rd, zero, imm[5:0] */
    RV_CFMT_CI_LUI,     /* lui rd, imm[17:12] */
    RV_CFMT_CI_ADDI16SP,/* addi sp, sp, nzimm[9:4] */
    RV_CFMT_CI_SLLI,    /* slli rd, rd, shamt[5:0] */
    RV_CFMT_CI_LWSP,    /* lw rd, uimm[7:2](sp) */
    RV_CFMT_CI_LDSP,    /* ld/fld rd, uimm[8:3](sp) */
    RV_CFMT_CSS_SWSP,   /* sw rs2, uimm[7:2](sp) */
    RV_CFMT_CSS_SDSP,   /* sd/fsd rs2, uimm[8:3](sp) */
    RV_CFMT_CR_MV,      /* add rd, zero, rs2 */
    RV_CFMT_CR_ADD,     /* add rd, rd, rs2 */
    RV_CFMT_CR_JR,      /* jalr zero, 0(rs1) */
    RV_CFMT_CR_JALR,    /* jalr ra, 0(rs1) */
    RV_CFMT_CA,         /* op rd', rd', rs2' */
    RV_CFMT_CB_BRANCH,  /* beq/bne rs1', zero, imm[8:1] */
    RV_CFMT_CB_SHIFT,   /* srli/srai rd', rd', shamt[5:0] */
    RV_CFMT_CB_ANDI,    /* andi rd', rd', imm[5:0] */
    RV_CFMT_CJ,         /* jal zero, imm[11:1] */
    RV_CFMT_NONE,       /* ebreak */
    RV_CFMT_COUNT
};

/* RV_CINSN_LIST: X(cname, "c.text", cfmt, mask, match, op), one line per RV64C
 * instruction; op names the base instruction it expands to (enum rv_op without
 * the RV_OP_ prefix). RV64C has no c.jal (that encoding is c.addiw) and no
 * c.flw/c.fsw (c.ld/c.sd). Lines overlap: an encoding is the matching line with
 * the most mask bits, and the test checks that one such line is unique for all
 * 2^16 encodings. Lines whose op is `illegal` carve the reserved encodings out
 * of a broader line. Code points the spec calls HINTs (rd = zero, shift by 0,
 * add of 0) are not carved out: they decode to a base instruction with no
 * effect, as the spec permits. */
#define RV_CINSN_LIST(X) \
    X(c_addi4spn,   "c.addi4spn", RV_CFMT_CIW,        0xe003, 0x0000, addi) \
    X(c_fld,        "c.fld",      RV_CFMT_CL_D,       0xe003, 0x2000, fld) \
    X(c_lw,         "c.lw",       RV_CFMT_CL_W,       0xe003, 0x4000, lw) \
    X(c_ld,         "c.ld",       RV_CFMT_CL_D,       0xe003, 0x6000, ld) \
    X(c_fsd,        "c.fsd",      RV_CFMT_CS_D,       0xe003, 0xa000, fsd) \
    X(c_sw,         "c.sw",       RV_CFMT_CS_W,       0xe003, 0xc000, sw) \
    X(c_sd,         "c.sd",       RV_CFMT_CS_D,       0xe003, 0xe000, sd) \
    X(c_addi,       "c.addi",     RV_CFMT_CI_ADDI,    0xe003, 0x0001, addi) \
    X(c_addiw,      "c.addiw",    RV_CFMT_CI_ADDI,    0xe003, 0x2001, addiw) \
    X(c_li,         "c.li",       RV_CFMT_CI_LI,      0xe003, 0x4001, addi) \
    X(c_lui,        "c.lui",      RV_CFMT_CI_LUI,     0xe003, 0x6001, lui) \
    X(c_addi16sp,   "c.addi16sp", RV_CFMT_CI_ADDI16SP, 0xef83, 0x6101, addi) \
    X(c_srli,       "c.srli",     RV_CFMT_CB_SHIFT,   0xec03, 0x8001, srli) \
    X(c_srai,       "c.srai",     RV_CFMT_CB_SHIFT,   0xec03, 0x8401, srai) \
    X(c_andi,       "c.andi",     RV_CFMT_CB_ANDI,    0xec03, 0x8801, andi) \
    X(c_sub,        "c.sub",      RV_CFMT_CA,         0xfc63, 0x8c01, sub) \
    X(c_xor,        "c.xor",      RV_CFMT_CA,         0xfc63, 0x8c21, xor) \
    X(c_or,         "c.or",       RV_CFMT_CA,         0xfc63, 0x8c41, or) \
    X(c_and,        "c.and",      RV_CFMT_CA,         0xfc63, 0x8c61, and) \
    X(c_subw,       "c.subw",     RV_CFMT_CA,         0xfc63, 0x9c01, subw) \
    X(c_addw,       "c.addw",     RV_CFMT_CA,         0xfc63, 0x9c21, addw) \
    X(c_j,          "c.j",        RV_CFMT_CJ,         0xe003, 0xa001, jal) \
    X(c_beqz,       "c.beqz",     RV_CFMT_CB_BRANCH,  0xe003, 0xc001, beq) \
    X(c_bnez,       "c.bnez",     RV_CFMT_CB_BRANCH,  0xe003, 0xe001, bne) \
    X(c_slli,       "c.slli",     RV_CFMT_CI_SLLI,    0xe003, 0x0002, slli) \
    X(c_fldsp,      "c.fldsp",    RV_CFMT_CI_LDSP,    0xe003, 0x2002, fld) \
    X(c_lwsp,       "c.lwsp",     RV_CFMT_CI_LWSP,    0xe003, 0x4002, lw) \
    X(c_ldsp,       "c.ldsp",     RV_CFMT_CI_LDSP,    0xe003, 0x6002, ld) \
    X(c_jr,         "c.jr",       RV_CFMT_CR_JR,      0xf07f, 0x8002, jalr) \
    X(c_mv,         "c.mv",       RV_CFMT_CR_MV,      0xf003, 0x8002, add) \
    X(c_ebreak,     "c.ebreak",   RV_CFMT_NONE,       0xffff, 0x9002, ebreak) \
    X(c_jalr,       "c.jalr",     RV_CFMT_CR_JALR,    0xf07f, 0x9002, jalr) \
    X(c_add,        "c.add",      RV_CFMT_CR_ADD,     0xf003, 0x9002, add) \
    X(c_fsdsp,      "c.fsdsp",    RV_CFMT_CSS_SDSP,   0xe003, 0xa002, fsd) \
    X(c_swsp,       "c.swsp",     RV_CFMT_CSS_SWSP,   0xe003, 0xc002, sw) \
    X(c_sdsp,       "c.sdsp",     RV_CFMT_CSS_SDSP,   0xe003, 0xe002, sd) \
    /* reserved: nzuimm = 0 (this includes 0x0000, the defined illegal insn) */ \
    X(c_addi4spn_0, "c.addi4spn", RV_CFMT_CIW,        0xffe3, 0x0000, illegal) \
    X(c_addiw_x0,   "c.addiw",    RV_CFMT_CI_ADDI,    0xef83, 0x2001, illegal) \
    /* reserved: nzimm = 0, whatever rd (rd = sp is c.addi16sp) */ \
    X(c_lui_0,      "c.lui",      RV_CFMT_CI_LUI,     0xf07f, 0x6001, illegal) \
    X(c_addi16sp_0, "c.addi16sp", RV_CFMT_CI_ADDI16SP, 0xffff, 0x6101, illegal) \
    X(c_lwsp_x0,    "c.lwsp",     RV_CFMT_CI_LWSP,    0xef83, 0x4002, illegal) \
    X(c_ldsp_x0,    "c.ldsp",     RV_CFMT_CI_LDSP,    0xef83, 0x6002, illegal) \
    X(c_jr_x0,      "c.jr",       RV_CFMT_CR_JR,      0xffff, 0x8002, illegal)

#endif
