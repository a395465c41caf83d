/* The block translator's internal interface: the translation context handed to
 * every tr_<insn> function, and the operand helpers they are written in. The
 * helpers hide where a guest register lives (today: always the state block at
 * rbp); translate functions never address guest state themselves. */
#ifndef TR_H
#define TR_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_cpu.h"
#include "translator/rv_insn.h"
#include "translator/x86_emit.h"

/* Host register roles in translated code. rbp holds the rv_cpu pointer for the
 * whole run. Eight guest registers live in host registers in every block
 * (tr_host_of, in tr_block.c): rbx, rsi, rdi and r8-r12. r13-r15 hold up to
 * three more, chosen per block among the others it uses most (block-local
 * registers, tr_local_pool: loaded before the first instruction that reads
 * them, or all at entry in a block that loops to itself; written back to
 * the state block only where something outside the block may look: before
 * each exit, helper call and slow-path call, and by the host-fault path from
 * the access table's record of which were dirty there).
 * The three left are the scratch registers of one guest instruction, named
 * by role: T0 (rax) takes results and addresses, T1 (rcx) the second operand
 * and shift counts, T2 (rdx) loaded values and the high half of mul/div. */
#define TR_CPU X86_RBP
#define TR_T0 X86_RAX
#define TR_T1 X86_RCX
#define TR_T2 X86_RDX
extern const int8_t tr_local_pool[];   /* TR_N_LOCAL of them (tr_cache.h) */

/* The host register of each guest register mapped in every block, or
 * X86_NOREG (x0 and the rest). */
extern const int8_t tr_host_of[32];

struct tr_cache;
struct tr_block;

/* Out-of-line code emitted after the block's body: slow-path calls for memory
 * accesses, block exits taken from the middle of a block. */
enum tr_stub_kind {
    TR_STUB_LOAD,        /* memory slot miss: call the slow path, resume the access */
    TR_STUB_STORE,
    TR_STUB_EXIT,        /* chainable exit to pc: `jcc` is the exit's rel32 */
    TR_STUB_CONT,        /* return-stack continuation: a chainable exit to pc placed
                            in the stub area; `jcc` is the imm64 to receive its address */
    TR_STUB_JALR,        /* jalr slot miss: target in rcx */
    TR_STUB_INTR,        /* exit_req set at block entry: leave with pc = the block's */
    TR_STUB_HELPER,      /* an inline fast path gave up: call the instruction's exact
                            helper fn(cpu, insn) as tr_call_checked does, resume */
    TR_STUB_ACCESS,      /* no code: an unchecked access, for the host-fault table */
    TR_STUB_CALL,        /* an inline fast path handed the instruction to its helper
                            fn(cpu, insn, pc) (tr_call), resume */
    TR_STUB_JOIN,        /* a forward branch inside the block whose path stores the
                            locals `dirty` (and `fdirty`) before it reaches resume */
};
#define TR_STUB_ALSO 2
struct tr_stub {
    uint8_t kind;
    uint8_t size;        /* access size in bytes */
    uint32_t site;       /* slot index */
    uint64_t pc;         /* guest pc of the access, or the exit's target */
    uint8_t *jcc;        /* rel32 (or imm64) in the writable view to patch to the stub */
    uint64_t resume;     /* executable address the stub returns to */
    /* TR_STUB_LOAD/STORE: the access is at [base + rcx + imm], base holding
     * x[rs1] (rax when x[rs1] has no host register); the stub returns with
     * rcx = host address - guest address */
    int8_t base;
    uint8_t rs1;
    int32_t imm;
    uint32_t dirty;      /* block-local registers newer than x[] where the stub branches off */
    uint32_t loaded;     /* block-local registers loaded there (reloaded after a call) */
    uint32_t fdirty, floaded; /* the same for block-local F registers, and those loaded */
    /* TR_STUB_HELPER, TR_STUB_CALL: the helper, its argument (and more branches
     * to a TR_STUB_HELPER) */
    const void *fn;
    uint32_t insn;
    bool leave;          /* TR_STUB_HELPER: leave the block after the helper (to the next pc) */
    bool unaligned;      /* TR_STUB_EXIT: jcc may not be patched in place; chain a jmp of the stub's */
    uint8_t *also[TR_STUB_ALSO];
};

#define TR_MAX_INSNS 128
/* A loop whose accesses are checked at its head is translated twice (once
 * unchecked): up to this many instructions, with up to TR_MAX_HOIST such
 * accesses (tr_loop.c). */
#define TR_MAX_LOOP 32
#define TR_MAX_HOIST 12
#define TR_MAX_STUBS (2 * (TR_MAX_INSNS + TR_MAX_LOOP) + 4)

/* A fetched instruction of the block to be. */
struct tr_fetched {
    struct rv_insn in;
    uint32_t word;
    bool ok;        /* decodes, and is allowed at this privilege */
};

/* An access of a loop checked at the loop's head: instruction idx, based on
 * x[base] that every trip moves by step (0: not at all); the address in
 * the trip starting with x[base] = v is v + off. */
struct tr_hoist {
    uint8_t idx, base;
    int32_t off, step;
    uint32_t site;
};

struct tr_ctx {
    struct x86_buf *b;
    struct tr_cache *cache;
    const struct rv_options *opt;
    uint32_t probe_block;    /* the profiler's record of this block (tr_probe.h) */
    uint64_t pc;             /* guest pc of the instruction being translated */
    uint64_t next_pc;        /* pc + its length */
    bool end;                /* the instruction ended the block */
    /* Guest registers whose value is a constant known at translation time
     * (set by lui, auipc, li and addi on a known value; any other write of
     * rd forgets it): x[r] == known_val[r] when bit r of known is set. A
     * jalr through one (auipc+jalr, a call out of range of jal) becomes a
     * direct, chainable exit. The instruction that makes rd known says so
     * in rd_known; the block loop clears the bit otherwise. */
    uint32_t known;
    bool rd_known;
    uint64_t known_val[32];
    /* Where each guest register lives in this block: tr_host_of plus the
     * block-local registers (bits of `locals`). */
    int8_t host_of[32];
    uint32_t locals;
    uint32_t loaded;         /* locals whose host register holds their value */
    uint32_t dirty;          /* locals whose host register is newer than x[] */
    /* F registers kept in xmm8-xmm15 within the block, the same way (only
     * ones every instruction of the block uses as a double in an inline
     * form: tr_fcacheable): fhost[r] is the xmm register or -1. */
    int8_t fhost[32];
    uint32_t flocals, floaded, fdirty;
    /* dirty and fdirty when the instruction being translated began: what
     * the stub of an inline form that hands it to its helper stores */
    uint32_t dirty_at_insn, fdirty_at_insn;
    /* What the block has checked of frm since it began or last ran a CSR
     * instruction: 0 nothing, 1 frm <= RMM, 2 frm <= RUP (tr_fp.c). */
    uint8_t frm_known;
    /* A block whose branch or jump goes back to its own start loops inside
     * itself: the back edge jumps to loop_head (after the entry loads of
     * every local) with locals still in their registers. */
    uint64_t start;
    uint64_t loop_head;
    int loop_end;            /* the index of the back edge, or -1 */
    bool edge_crosses;       /* a back-edge jump crosses a 32-byte boundary */
    /* The loop's accesses checked at its head, and whether the copy being
     * translated is the unchecked one (then tr_mem_addr emits no check for
     * them). idx is the instruction's index in the block. */
    int n_hoist;
    struct tr_hoist hoist[TR_MAX_HOIST];
    int walker;              /* the hoist whose base ends the unchecked run, or -1 */
    bool unchecked;
    /* A branch to fwd_target, a later instruction of the run being
     * translated, jumps there inside the block and leaves its rel32 in
     * fwd_jcc (the run joins the two paths there). */
    uint64_t fwd_target;
    uint8_t *fwd_jcc;
    int idx;
    /* Bit i: only the low 32 bits of instruction i's rd are read before the
     * block may be left or fault (tr_block.c); low_only is the bit of the
     * one being translated: a W result then needs no sign extension. */
    uint64_t rd_low[TR_MAX_INSNS / 64];
    bool low_only;
    bool sites_exhausted;    /* no slot entries left: flush and translate again */
    int n_stubs;
    struct tr_stub stubs[TR_MAX_STUBS];
};

/* The block before code (tr_scan.c). tr_fetch_block fetches and decodes
 * from pc up to the instruction that ends a block (0 if the first fetch
 * faults); tr_last_back_edge is the index of the last branch or jump back
 * to start, or -1; tr_choose_locals and tr_choose_flocals give the most
 * used registers without a host register of their own the block-local
 * ones (a use in the loop f[0..loop_end] weighing more); tr_low_halves
 * sets bit i of low when only the low 32 bits of f[i]'s rd are read before
 * the block may be left or fault; tr_partner is the second half of a fused
 * pair for f[n] among the next instructions not done, or -1;
 * tr_forward_index is the index of a forward branch's target in f[n + 1 ..
 * stop - 1], or -1, and tr_skipped_operands the registers the skipped
 * f[n + 1 .. m - 1] name that the run names again from f[m] on. */
uint32_t tr_fetch_block(struct rv_cpu *cpu, uint64_t pc, struct tr_fetched *f);
int tr_last_back_edge(const struct tr_fetched *f, uint32_t n, uint64_t start);
void tr_choose_locals(struct tr_ctx *ctx, const struct tr_fetched *f, uint32_t n, int loop_end);
void tr_choose_flocals(struct tr_ctx *ctx, const struct tr_fetched *f, uint32_t n, int loop_end);
void tr_low_halves(const struct tr_fetched *f, uint32_t n, uint64_t *low);
int tr_partner(const struct tr_fetched *f, uint32_t n, uint32_t stop, const uint64_t *done);
int tr_forward_index(const struct tr_fetched *f, uint32_t n, uint32_t stop, uint64_t pc);
void tr_skipped_operands(const struct tr_fetched *f, uint32_t n, int m, uint32_t stop, uint32_t *x,
                         uint32_t *fx);

/* The host register holding guest x[r] in the block being translated, or
 * X86_NOREG if x[r] lives in the state block. */
static inline int tr_xreg(const struct tr_ctx *ctx, int r) { return ctx->host_of[r]; }

/* The xmm register holding f[r] in this block, or -1. */
static inline int tr_fxreg(const struct tr_ctx *ctx, int r) { return ctx->fhost[r]; }
/* Instructions whose F operands may live in xmm registers: those that
 * name only doubles (tr_scan.c). */
bool tr_fcacheable(int op);
/* f[r] was written into its xmm register. */
static inline void tr_fdirty(struct tr_ctx *ctx, int r) { ctx->fdirty |= 1u << r; }

typedef bool (*tr_fn)(struct tr_ctx *ctx, const struct rv_insn *in);

/* One translate function per instruction of the table (link error if one is
 * missing). They return false only when the instruction cannot be translated
 * (then the block ends before it). */
#define X(name, text, fmt, mask, match, ext) bool tr_##name(struct tr_ctx *ctx, const struct rv_insn *in);
RV_INSN_LIST(X)
#undef X

/* Two instructions translated as one (tr_alu.c): whether b right after a
 * is such a pair, and its code. */
bool tr_fusable(const struct rv_insn *a, const struct rv_insn *b);
void tr_fused(struct tr_ctx *ctx, const struct rv_insn *a, const struct rv_insn *b);

/* Operand helpers (tr_block.c): the only code that knows where a guest
 * integer register lives. Each takes care of x0 (reads as 0, writes dropped). */
void tr_get_x(struct tr_ctx *ctx, int host, int r);        /* host = x[r] (nothing if host holds x[r]) */
void tr_put_x(struct tr_ctx *ctx, int r, int host);        /* x[r] = host (dropped for x0) */
/* A host register holding x[r]: its own, or `scratch` loaded with it. */
int tr_src_x(struct tr_ctx *ctx, int r, int scratch);
/* The host register to build x[r]'s new value in: its own, or `scratch`
 * (then tr_put_x stores it). */
int tr_dst_x(struct tr_ctx *ctx, int r, int scratch);
/* host = host op x[r], with x[r] as a register, memory or (x0) immediate operand. */
void tr_alu_x(struct tr_ctx *ctx, enum x86_alu op, enum x86_width w, int host, int r);
void tr_set_x_imm(struct tr_ctx *ctx, int r, uint64_t imm);   /* x[r] = imm */
/* x[rd] = imm as the instruction's result: rd's value is known after it. */
void tr_def_const(struct tr_ctx *ctx, int rd, uint64_t imm);
void tr_get_f(struct tr_ctx *ctx, int host, int r);
void tr_put_f(struct tr_ctx *ctx, int r, int host);
/* f[r] in the state block, exact (an xmm-held value stored first), for an
 * operation that reads it there; and after one wrote f[r] there, its xmm
 * register loaded again. */
struct x86_mem tr_f_mem(struct tr_ctx *ctx, int r);
void tr_f_written(struct tr_ctx *ctx, int r);
/* Dirty block-local registers to the state block: before code that leaves
 * the block or lets C code see x[]. */
void tr_sync_locals(struct tr_ctx *ctx);
/* The block-local X (F) registers in the bit set `which` loaded from, or
 * stored to, the state block. */
void tr_load_locals(struct tr_ctx *ctx, uint32_t which);
void tr_store_locals(struct tr_ctx *ctx, uint32_t which);
void tr_load_flocals(struct tr_ctx *ctx, uint32_t which);
void tr_store_flocals(struct tr_ctx *ctx, uint32_t which);
/* Whether a branch or jump to `target` stays in the block's own loop, and
 * if so the exit_req check such a back edge passes first (a thread asked to
 * stop leaves there, at the branch; none in a loop's unchecked copy, whose
 * runs are bounded); it then jumps to ctx->loop_head. */
bool tr_loop_back(struct tr_ctx *ctx, uint64_t target);
/* A jump on a loop's back edge was emitted from `start` to here. */
void tr_note_jump(struct tr_ctx *ctx, uint64_t start);
/* Mapped registers to the state block and back: around helper calls, at the
 * enter/leave trampolines (tr_cache.c) and in slow-path stubs. */
void tr_emit_spill(struct x86_buf *b);
void tr_emit_reload(struct x86_buf *b);
/* Continue at guest pc: a chainable exit (jmp, or jcc when taken). */
void tr_exit_pc(struct tr_ctx *ctx, uint64_t pc);
void tr_exit_jcc(struct tr_ctx *ctx, enum x86_cc cc, uint64_t pc);
/* Push (ctx->next_pc, host code continuing there) on the return stack. */
void tr_ras_push(struct tr_ctx *ctx);
/* The first of `entries` new slot entries for a site (2 for a load/store:
 * the slot and its victim; 1 for a jalr); the block is retranslated after a
 * flush when they run out. */
uint32_t tr_new_site(struct tr_ctx *ctx, uint32_t entries);
struct tr_stub *tr_add_stub(struct tr_ctx *ctx, enum tr_stub_kind kind, uint64_t pc, uint8_t *patch);
/* Leave the block: cpu->pc = pc, return `why` to the dispatcher. */
void tr_exit_const(struct tr_ctx *ctx, enum rv_exit why, uint64_t pc);
/* Leave the block with the next pc already in host register `reg`. */
void tr_exit_reg(struct tr_ctx *ctx, int reg);
/* Call a C helper `fn(cpu, arg1)` returning int; nonzero means the instruction
 * at ctx->pc is illegal after all (e.g. a dynamic rounding mode that is invalid). */
void tr_call_checked(struct tr_ctx *ctx, const void *fn, uint32_t arg1);
/* Call fn(cpu, a1, a2, a3) for its effect; rax holds its return value after. */
void tr_call(struct tr_ctx *ctx, const void *fn, uint64_t a1, uint64_t a2, uint64_t a3);

/* gcc's bracket around a quiet comparison (before sqrt, say): `frflags rX;
 * cmp; fsflags rX`, with cmp a feq, flt or fle not writing rX (tr_system.c).
 * tr_fcmp_bracketed translates cmp and the fsflags after it: ordered
 * operands raise nothing, so fflags stays as it is and fsflags has nothing
 * to do; unordered ones (and a single not NaN-boxed) leave the block at
 * cmp, to run it and the fsflags as they stand (tr_fp.c). */
bool tr_fflags_bracket(const struct tr_ctx *ctx, const struct rv_insn *prev, const struct rv_insn *cmp,
                       const struct rv_insn *next);
void tr_fcmp_bracketed(struct tr_ctx *ctx, const struct rv_insn *in);

/* Whether the host has FMA3 and the OS saves the AVX state it needs
 * (tr_fp.c; CPUID, asked once by tr_cache_init). */
bool tr_fp_host_fma(void);

/* Memory access with the inline-cache fast path (tr_mem.c). The guest address
 * is x[rs1] + imm; the emitted code checks it and returns the host operand to
 * access (it uses rcx, and rax when x[rs1] has no host register). */
struct x86_mem tr_mem_addr(struct tr_ctx *ctx, int rs1, int64_t imm, int size, bool store);

/* Loops checked once per run of trips (tr_loop.c). tr_loop_plan finds the
 * accesses of the loop f[0..loop_end] that can be (their base moves by a
 * constant each trip, or not at all) and gives each its slot; false if
 * none or the loop does not qualify. tr_loop_check emits the check at the
 * loop head: it falls through with cpu->loop_end set when every such
 * access stays in its slot for that many trips, else jumps to the checked
 * copy (the rel32s to patch are returned in `to_checked`, n_hoist of them).
 * tr_loop_fast_head emits the test at the head of the unchecked copy and
 * returns the rel32 of its jump out when the run is over. */
bool tr_loop_plan(struct tr_ctx *ctx, const struct tr_fetched *f, int loop_end);
void tr_loop_check(struct tr_ctx *ctx, uint8_t **to_checked);
uint8_t *tr_loop_fast_head(struct tr_ctx *ctx);
/* The slot planned for the access at ctx->idx, or -1. */
int tr_loop_site(const struct tr_ctx *ctx);

#endif
