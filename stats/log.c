/* The -d log (log.h). */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "linux/proc.h"
#include "linux/sys.h"
#include "stats/log.h"
#include "stats/syms.h"
#include "translator/rv_insn.h"
#include "translator/tr_cache.h"

static const struct { const char *name; int bit; const char *what; } items[] = {
    { "in_asm", RV_LOG_IN_ASM, "the guest code of each translated block" },
    { "out_asm", RV_LOG_OUT_ASM, "the host code each block became" },
    { "exec", RV_LOG_EXEC, "each block as it starts running" },
    { "cpu", RV_LOG_CPU, "the guest registers as each block starts running" },
    { "strace", 0, "each syscall with its arguments and result (as -strace)" },
    { "page", RV_LOG_PAGE, "the guest memory map once the program is loaded" },
    { "unimp", RV_LOG_UNIMP, "each unimplemented syscall or instruction the guest meets" },
};
#define N_ITEMS (sizeof items / sizeof items[0])

static struct syms *log_syms;

int log_parse(struct rv_options *o, const char *list, const char **bad, bool *help)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    *help = false;
    for (char *save, *it = strtok_r(buf, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
        size_t i;
        if (!strcmp(it, "help")) {
            printf("-d items (comma-separated; -D FILE writes them to FILE, -dfilter limits the\n"
                   "block items to guest address ranges):\n");
            for (i = 0; i < N_ITEMS; i++)
                printf("  %-8s %s\n", items[i].name, items[i].what);
            *help = true;
            continue;
        }
        for (i = 0; i < N_ITEMS; i++)
            if (!strcmp(it, items[i].name))
                break;
        if (i == N_ITEMS) {
            *bad = list + (it - buf);
            return -1;
        }
        o->log_mask |= items[i].bit;
        if (!items[i].bit)
            o->strace = true;
    }
    return 0;
}

int log_parse_filter(struct rv_options *o, const char *ranges)
{
    char *copy = strdup(ranges);
    if (!copy)
        return -1;
    for (char *save, *it = strtok_r(copy, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
        char *end;
        uint64_t lo = strtoull(it, &end, 0), hi;
        if (end == it)
            goto bad;
        if (!strncmp(end, "..", 2)) {
            char *e2;
            hi = strtoull(end + 2, &e2, 0);     /* inclusive, as qemu's */
            if (e2 == end + 2 || *e2 || hi < lo)
                goto bad;
            hi++;
        } else if (*end == '+') {
            char *e2;
            uint64_t len = strtoull(end + 1, &e2, 0);
            if (e2 == end + 1 || *e2 || !len)
                goto bad;
            hi = lo + len;
        } else if (!*end) {
            hi = lo + 1;
        } else {
            goto bad;
        }
        struct rv_range *r = realloc(o->dfilter, (size_t)(o->n_dfilter + 1) * sizeof *r);
        if (!r)
            goto bad;
        o->dfilter = r;
        o->dfilter[o->n_dfilter++] = (struct rv_range){ lo, hi };
    }
    free(copy);
    return o->n_dfilter ? 0 : -1;
bad:
    free(copy);
    return -1;
}

bool log_wanted(const struct rv_options *o, uint64_t pc)
{
    if (!o->dfilter)
        return true;
    for (int i = 0; i < o->n_dfilter; i++)
        if (pc >= o->dfilter[i].lo && pc < o->dfilter[i].hi)
            return true;
    return false;
}

void log_start(struct syms *syms)
{
    log_syms = syms;
}

static const char *name(uint64_t pc, char *buf, size_t size)
{
    return log_syms ? syms_format(log_syms, pc, buf, size) : "";
}

static void log_guest(FILE *f, struct mmu *m, const struct tr_block *b)
{
    char sym[256];
    fprintf(f, "IN: %s\n", name(b->pc, sym, sizeof sym));
    fprintf(f, "guest block 0x%" PRIx64 ", %u instructions\n", b->pc, b->n_insns);
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
        fprintf(f, "  0x%010" PRIx64 ":  %0*x  %s\n", pc, in.len * 2, in.len == 2 ? word & 0xffff : word, text);
        pc += in.len;
    }
}

static void log_host(FILE *f, const struct tr_cache *c, const struct tr_block *b)
{
    csh h;
    cs_insn *insn;
    char sym[256];
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
        return;
    const uint8_t *code = (const uint8_t *)(uintptr_t)(b->host - c->exec_delta);
    size_t n = cs_disasm(h, code, b->host_len, b->host, 0, &insn);
    fprintf(f, "OUT: %s\n", name(b->pc, sym, sizeof sym));
    fprintf(f, "host code 0x%" PRIx64 ", %u bytes, %zu instructions\n", b->host, b->host_len, n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  0x%" PRIx64 ":  %s %s\n", insn[i].address, insn[i].mnemonic, insn[i].op_str);
    cs_free(insn, n);
    cs_close(&h);
}

void log_block(struct rv_proc *p, const struct tr_block *b)
{
    const struct rv_options *o = &p->opt;
    if (!(o->log_mask & (RV_LOG_IN_ASM | RV_LOG_OUT_ASM)) || !log_wanted(o, b->pc))
        return;
    if (o->log_mask & RV_LOG_IN_ASM)
        log_guest(o->log, &p->mmu, b);
    if (o->log_mask & RV_LOG_OUT_ASM)
        log_host(o->log, p->cache, b);
    fputc('\n', o->log);
}

void log_exec(struct rv_cpu *cpu, uint64_t pc)
{
    const struct rv_options *o = &cpu->proc->opt;
    FILE *f = o->log;
    char sym[256];
    if (o->log_mask & RV_LOG_EXEC)
        fprintf(f, "Trace %" PRIu64 ": 0x%010" PRIx64 " %s\n", cpu->tid, pc, name(pc, sym, sizeof sym));
    if (!(o->log_mask & RV_LOG_CPU))
        return;
    fprintf(f, " pc       %016" PRIx64 "\n", pc);
    for (int r = 0; r < 32; r++)
        fprintf(f, " x%-2d/%-4s %016" PRIx64 "%s", r, rv_xreg_name[r], r ? cpu->x[r] : 0, r % 4 == 3 ? "\n" : "");
    for (int r = 0; r < 32; r++)
        fprintf(f, " f%-2d      %016" PRIx64 "%s", r, cpu->f[r], r % 4 == 3 ? "\n" : "");
    fprintf(f, " fcsr     %08x\n", cpu->fflags | cpu->frm << 5);
}

void log_page(struct rv_proc *p)
{
    fprintf(p->opt.log, "guest memory map:\n");
    sys_write_maps(&p->mmu, p->opt.log);
}
