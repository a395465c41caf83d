/* The reference side of test_fp's differential test: a riscv64 program run
 * under qemu-riscv64. Each input line "insn_hex frm a b c" (hex words; frm
 * decimal) names one F/D instruction whose rd is x10/f10 and whose sources
 * are x11-x13/f11-f13. The operand bit patterns go into both f11-f13 and
 * x11-x13, frm is set with fsrm, the instruction runs, and one line
 * "f10 x10 fflags" (hex) comes out.
 *
 * The instruction word is copied into a stub in executable memory, one stub
 * per distinct word, so no code is rewritten while qemu may be running it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

struct oracle_state {
    uint64_t f[4];      /* f10..f13 */
    uint64_t x[4];      /* x10..x13 */
    uint64_t frm;
    uint64_t fflags;
};

void oracle_stub(struct oracle_state *st);
extern const char oracle_slot[], oracle_stub_end[];

__asm__(
    ".pushsection .text\n"
    ".option push\n"
    ".option norvc\n"           /* the slot must be one 4-byte word */
    ".balign 4\n"
    ".globl oracle_stub\n"
    "oracle_stub:\n"
    "  mv t1, a0\n"
    "  fld f10, 0(t1)\n"
    "  fld f11, 8(t1)\n"
    "  fld f12, 16(t1)\n"
    "  fld f13, 24(t1)\n"
    "  ld a0, 32(t1)\n"
    "  ld a1, 40(t1)\n"
    "  ld a2, 48(t1)\n"
    "  ld a3, 56(t1)\n"
    "  ld t0, 64(t1)\n"
    "  fsrm t0\n"
    "  fsflags zero\n"
    ".globl oracle_slot\n"
    "oracle_slot:\n"
    "  nop\n"
    "  frflags t0\n"
    "  sd t0, 72(t1)\n"
    "  fsd f10, 0(t1)\n"
    "  sd a0, 32(t1)\n"
    "  fsrm zero\n"
    "  ret\n"
    ".globl oracle_stub_end\n"
    "oracle_stub_end:\n"
    ".option pop\n"
    ".popsection\n");

#define MAX_STUBS 4096

static struct {
    uint32_t insn;
    void (*fn)(struct oracle_state *);
} stubs[MAX_STUBS];
static int n_stubs;
static char *code;

static void (*stub_for(uint32_t insn))(struct oracle_state *)
{
    size_t size = (size_t)(oracle_stub_end - (const char *)oracle_stub);
    size_t slot = (size_t)(oracle_slot - (const char *)oracle_stub);
    for (int i = 0; i < n_stubs; i++)
        if (stubs[i].insn == insn)
            return stubs[i].fn;
    if (n_stubs == MAX_STUBS)
        return NULL;
    char *p = code + (size_t)n_stubs * ((size + 15) & ~(size_t)15);
    memcpy(p, (const void *)oracle_stub, size);
    memcpy(p + slot, &insn, 4);
    __builtin___clear_cache(p, p + size);
    __asm__ volatile("fence.i" ::: "memory");
    stubs[n_stubs].insn = insn;
    stubs[n_stubs].fn = (void (*)(struct oracle_state *))(void *)p;
    return stubs[n_stubs++].fn;
}

int main(void)
{
    size_t size = (size_t)(oracle_stub_end - (const char *)oracle_stub);
    code = mmap(NULL, MAX_STUBS * ((size + 15) & ~(size_t)15), PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("fp_oracle: mmap");
        return 1;
    }
    unsigned insn, frm;
    unsigned long long a, b, c;
    while (scanf("%x %u %llx %llx %llx", &insn, &frm, &a, &b, &c) == 5) {
        void (*fn)(struct oracle_state *) = stub_for(insn);
        if (!fn) {
            fprintf(stderr, "fp_oracle: more than %d distinct instructions\n", MAX_STUBS);
            return 1;
        }
        struct oracle_state st = {
            .f = { 0, a, b, c }, .x = { 0, a, b, c }, .frm = frm,
        };
        fn(&st);
        printf("%016llx %016llx %02llx\n", (unsigned long long)st.f[0],
               (unsigned long long)st.x[0], (unsigned long long)st.fflags);
    }
    return 0;
}
