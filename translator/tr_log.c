/* Block dumps for -d. */
#include <capstone/capstone.h>
#include <string.h>
#include "mmu/mmu.h"
#include "translator/rv_insn.h"
#include "translator/tr_cache.h"
#include "translator/tr_log.h"

int tr_log_parse(const char *items, const char **bad)
{
    static const struct { const char *name; int bit; } known[] = {
        { "in_asm", TR_LOG_IN_ASM }, { "out_asm", TR_LOG_OUT_ASM }, { "unimp", TR_LOG_UNIMP },
    };
    int mask = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", items);
    for (char *save, *it = strtok_r(buf, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
        size_t i;
        for (i = 0; i < sizeof known / sizeof known[0]; i++)
            if (!strcmp(it, known[i].name))
                break;
        if (i == sizeof known / sizeof known[0]) {
            *bad = items + (it - buf);
            return -1;
        }
        mask |= known[i].bit;
    }
    return mask;
}

static void log_guest(FILE *f, struct mmu *m, const struct tr_block *b)
{
    fprintf(f, "IN: guest block 0x%llx, %u instructions\n", (unsigned long long)b->pc, b->n_insns);
    for (uint64_t pc = b->pc; pc < b->pc + b->guest_len;) {
        uint32_t word = 0;
        if (mmu_read(m, &word, pc, 2) < 0)
            break;
        if (rv_insn_len((uint16_t)word) == 4 && mmu_read(m, &word, pc, 4) < 0)
            break;
        struct rv_insn in;
        char text[96];
        rv_decode(word, &in);
        rv_disasm(&in, pc, text, sizeof text);
        fprintf(f, "  0x%010llx:  %0*x  %s\n", (unsigned long long)pc, in.len * 2,
                in.len == 2 ? word & 0xffff : word, text);
        pc += in.len;
    }
}

static void log_host(FILE *f, const struct tr_cache *c, const struct tr_block *b)
{
    csh h;
    cs_insn *insn;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
        return;
    const uint8_t *code = (const uint8_t *)(uintptr_t)(b->host - c->exec_delta);
    size_t n = cs_disasm(h, code, b->host_len, b->host, 0, &insn);
    fprintf(f, "OUT: host code 0x%llx, %u bytes, %zu instructions\n",
            (unsigned long long)b->host, b->host_len, n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  0x%llx:  %s %s\n", (unsigned long long)insn[i].address, insn[i].mnemonic, insn[i].op_str);
    cs_free(insn, n);
    cs_close(&h);
}

void tr_log_block(FILE *f, int mask, struct mmu *m, const struct tr_cache *c, const struct tr_block *b)
{
    if (!(mask & (TR_LOG_IN_ASM | TR_LOG_OUT_ASM)))
        return;
    if (mask & TR_LOG_IN_ASM)
        log_guest(f, m, b);
    if (mask & TR_LOG_OUT_ASM)
        log_host(f, c, b);
    fputc('\n', f);
}
