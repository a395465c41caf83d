/* --profile's text report: where the samples went, the hottest blocks with
 * their guest code (rvdbt's disassembler) beside the host code it became
 * (capstone), the sites that miss most, the instruction mix. */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <string.h>
#include "linux/proc.h"
#include "stats/prof.h"
#include "stats/syms.h"
#include "translator/rv_insn.h"

#define TOP_BLOCKS 10
#define TOP_SITES 10
#define GUEST_COL 44
#define LINE 128
#define BLOCK_SITES 4      /* sites named under a block */
#define BLOCK_ROWS 48      /* code lines shown of a block */

static double pct(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* The guest instructions of b, one line each, into lines[] (at most max). */
static size_t guest_lines(const struct prof_block *b, char lines[][LINE], size_t max)
{
    size_t n = 0;
    for (uint32_t off = 0; b->guest && off + 2 <= b->guest_len && n < max;) {
        uint32_t word = b->guest[off] | (uint32_t)b->guest[off + 1] << 8;
        if (rv_insn_len((uint16_t)word) == 4 && off + 4 <= b->guest_len)
            word |= (uint32_t)b->guest[off + 2] << 16 | (uint32_t)b->guest[off + 3] << 24;
        struct rv_insn in;
        char text[96];
        rv_decode(word, &in);
        rv_disasm(&in, b->pc + off, text, sizeof text);
        snprintf(lines[n++], LINE, "%08" PRIx64 ": %s", b->pc + off, text);
        off += in.len;
    }
    return n;
}

/* The block's sites that missed most, a few of them. */
static void block_rates(FILE *f, const struct prof_report *r, const struct prof_block *b)
{
    int shown = 0;
    for (size_t i = 0; i < r->n_sites && shown < BLOCK_SITES; i++) {
        const struct prof_site *s = &r->sites[i];
        if (s->pc < b->pc || s->pc >= b->pc + b->guest_len || !(s->misses || s->hits))
            continue;
        fprintf(f, "%s%s 0x%" PRIx64 " ", shown ? ", " : "      sites: ", prof_kind_name[s->kind], s->pc);
        if (r->exact_hits)
            fprintf(f, "%.2f%% hits of %" PRIu64, pct(s->hits, s->hits + s->misses), s->hits + s->misses);
        else
            fprintf(f, "%" PRIu64 " misses", s->misses);
        shown++;
    }
    if (shown)
        fputc('\n', f);
}

static void write_block(FILE *f, csh cs, struct syms *syms, const struct prof_report *r, size_t rank)
{
    const struct prof_block *b = &r->blocks[rank];
    char sym[256];
    fprintf(f, "  #%zu 0x%" PRIx64 " %s: %.1f%% of samples, %" PRIu64 " executions, %u instructions, "
               "translated %u time%s\n",
            rank + 1, b->pc, syms ? syms_format(syms, b->pc, sym, sizeof sym) : "", pct(b->samples, r->samples),
            b->execs, b->n_insns, b->translations, b->translations == 1 ? "" : "s");
    block_rates(f, r, b);
    static char guest[256][LINE];
    size_t ng = guest_lines(b, guest, 256);
    cs_insn *insn = NULL;
    size_t nh = b->host ? cs_disasm(cs, b->host, b->host_len, b->host_addr, 0, &insn) : 0;
    fprintf(f, "      %-*s  %s\n", GUEST_COL, "guest", "host");
    size_t rows = ng > nh ? ng : nh;
    for (size_t i = 0; i < rows && i < BLOCK_ROWS; i++) {
        char host[256] = "";
        if (i < nh)
            snprintf(host, sizeof host, "%" PRIx64 ": %s %s", insn[i].address, insn[i].mnemonic, insn[i].op_str);
        fprintf(f, "      %-*s  %s\n", GUEST_COL, i < ng ? guest[i] : "", host);
    }
    if (rows > BLOCK_ROWS)
        fprintf(f, "      ... %zu guest and %zu host instructions in all (--profile-html shows them)\n", ng, nh);
    if (insn)
        cs_free(insn, nh);
}

static void write_site(FILE *f, struct syms *syms, const struct prof_report *r, const struct prof_site *s)
{
    char sym[256], text[96] = "?";
    struct rv_insn in;
    if (s->insn) {
        rv_decode(s->insn, &in);
        rv_disasm(&in, s->pc, text, sizeof text);
    }
    fprintf(f, "  %-6s 0x%" PRIx64 " %-28s %-28s ", prof_kind_name[s->kind], s->pc,
            syms ? syms_format(syms, s->pc, sym, sizeof sym) : "", text);
    if (r->exact_hits)
        fprintf(f, "%10" PRIu64 " hits ", s->hits);
    fprintf(f, "%10" PRIu64 " misses %8" PRIu64 " refills\n", s->misses, s->refills);
    for (int k = 0; k < s->n_regions; k++) {
        const struct prof_region *g = &s->regions[k];
        fprintf(f, "         missed in 0x%" PRIx64 "-0x%" PRIx64 " %s: %" PRIu64 "\n", g->lo, g->hi,
                g->lo == g->hi ? "(unmapped)" : g->name[0] ? g->name : "(anonymous)", g->misses);
    }
}

void prof_write_text(FILE *f, struct rv_proc *p, struct syms *syms, const struct prof_report *r)
{
    (void)p;
    fprintf(f, "rvdbt profile: %" PRIu64 " samples (%.0f us of thread CPU time each)\n", r->samples,
            r->sample_seconds * 1e6);
    fprintf(f, "  %5.1f%% translated code\n", pct(r->code_samples, r->samples));
    for (int w = 0; w < TR_WHERE_KINDS; w++)
        fprintf(f, "  %5.1f%% %s\n", pct(r->where[w], r->samples), prof_where_name[w]);
    csh cs;
    bool have_cs = cs_open(CS_ARCH_X86, CS_MODE_64, &cs) == CS_ERR_OK;
    fprintf(f, "hottest blocks (of %zu):\n", r->n_blocks);
    for (size_t i = 0; i < r->n_blocks && i < TOP_BLOCKS && have_cs; i++)
        if (r->blocks[i].samples || r->blocks[i].execs)
            write_block(f, cs, syms, r, i);
    if (have_cs)
        cs_close(&cs);
    fprintf(f, "sites with the most misses (of %zu):\n", r->n_sites);
    for (size_t i = 0; i < r->n_sites && i < TOP_SITES && r->sites[i].misses; i++)
        write_site(f, syms, r, &r->sites[i]);
    fprintf(f, "instruction mix: %" PRIu64 " guest instructions executed, %.1f%% compressed\n", r->executed,
            pct(r->compressed_executed, r->executed));
    for (int k = 0; k < PROF_CLASSES; k++)
        if (r->mix[k])
            fprintf(f, "  %-8s %14" PRIu64 "  %5.1f%%\n", prof_class_name[k], r->mix[k], pct(r->mix[k], r->executed));
}
