/* --profile-html: the profile as one self-contained page. Nothing is
 * fetched (a Content-Security-Policy says so), charts are inline SVG, and
 * every string that comes from the guest or a disassembler is escaped and
 * made valid UTF-8, since symbol names are whatever bytes the ELF file has. */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include "linux/proc.h"
#include "stats/prof.h"
#include "stats/stats.h"
#include "stats/syms.h"
#include "translator/rv_insn.h"

#define TOP 30          /* rows of the block and site tables */

/* System fonts only. The block table has fixed column widths so that long
 * disassembly scrolls inside its <pre> instead of widening the page; the two
 * <pre>s sit side by side when the cell is wide enough, stacked when not. */
static const char style[] =
    "body{margin:0 auto;max-width:1600px;padding:1em 2em;background:#fafafa;color:#222;"
    "font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}"
    "h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #ccc}"
    "nav a{margin-right:1em;color:#2457a6}"
    "section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5em 1em 1em;margin:1em 0}"
    "code,pre,.addr{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;"
    "font-size:12px}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e3e3;padding:3px 6px;"
    "text-align:left;vertical-align:baseline}th{background:#f0f0f0}"
    ".num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}.wide{overflow-x:auto}"
    ".sym,.regions{overflow-wrap:anywhere}"
    "#summary table{width:auto}#summary th{padding-right:2em}#hot-blocks table{table-layout:fixed}"
    "div.code{display:flex;flex-wrap:wrap;gap:6px}td code{white-space:nowrap}"
    "div.code pre{flex:1 1 18em;min-width:0;margin:0;padding:4px 6px;overflow:auto;max-height:24em;"
    "background:#f6f8fa;border:1px solid #e1e4e8;border-radius:4px}pre.host{flex-grow:1.5}"
    "svg.chart{width:100%;max-width:900px;height:auto;display:block}"
    "svg text{font:13px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#222}"
    ".track{fill:#e9ecef}.rest{fill:#e57373}.hit{fill:#43a047}.miss{fill:#d9534f}.share{fill:#4a7bd0}"
    ".axis{stroke:#555}.grid{stroke:#e3e3e3}.line{fill:none;stroke:#4a7bd0;stroke-width:2}"
    ".dot{fill:#4a7bd0}.note{color:#666}";

static double pct(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* The length of the well-formed UTF-8 sequence at s that HTML allows as
 * text (no C0 controls but tab and newline, no DEL or C1 controls, no
 * surrogates or overlong forms), or 0. */
static int text_char(const unsigned char *s)
{
    static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
    int len = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!len)
        return 0;
    uint32_t c = len == 1 ? s[0] : s[0] & (0x7f >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
        return 0;
    return len;
}

static void esc(FILE *f, const char *str)
{
    for (const unsigned char *s = (const unsigned char *)str; *s;) {
        int len = text_char(s);
        if (!len) {
            fputs("\xef\xbf\xbd", f);   /* U+FFFD for each byte that is not text */
            s++;
            continue;
        }
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fwrite(s, 1, (size_t)len, f);
        }
        s += len;
    }
}

static void escf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void escf(FILE *f, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    esc(f, buf);
}

static void sym_cell(FILE *f, struct syms *syms, uint64_t pc)
{
    char buf[256];
    if (syms)
        syms_format(syms, pc, buf, sizeof buf);
    else
        snprintf(buf, sizeof buf, "0x%" PRIx64, pc);
    fputs("<td class=\"sym\">", f);
    esc(f, buf);
    fputs("</td>", f);
}

/* A horizontal bar chart: each bar fills frac of its track. */
struct bar {
    const char *label;
    double frac;
    const char *fill, *track;   /* CSS classes of the bar and of its track: "rest" when the
                                   track beyond the bar is the rest of a whole (misses) */
    char text[128];
};

static void bars(FILE *f, const char *title, const struct bar *b, size_t n)
{
    enum { W = 900, LABEL = 170, TRACK = 400, ROW = 26 };
    fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %d %zu\" role=\"img\"><title>", W, n * ROW + 8);
    esc(f, title);
    fputs("</title>\n", f);
    for (size_t i = 0; i < n; i++) {
        size_t y = 4 + i * ROW;
        double frac = b[i].frac < 0 ? 0 : b[i].frac > 1 ? 1 : b[i].frac;
        fprintf(f, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", LABEL - 8, y + 17);
        esc(f, b[i].label);
        fprintf(f, "</text><rect class=\"%s\" x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\" rx=\"3\"/>",
                b[i].track, LABEL, y + 3, TRACK, ROW - 8);
        fprintf(f, "<rect class=\"bar %s\" x=\"%d\" y=\"%zu\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>", b[i].fill,
                LABEL, y + 3, frac * TRACK, ROW - 8);
        fprintf(f, "<text x=\"%d\" y=\"%zu\">", LABEL + TRACK + 10, y + 17);
        esc(f, b[i].text);
        fputs("</text>\n", f);
    }
    fputs("</svg>\n", f);
}

static void summary(FILE *f, const char *prog, const struct prof_report *r, const struct stats_run *run)
{
    struct bar b[1 + TR_WHERE_KINDS] = { { "translated code", pct(r->code_samples, r->samples) / 100, "share",
                                           "track", "" } };
    snprintf(b[0].text, sizeof b[0].text, "%.1f%% (%" PRIu64 ")", pct(r->code_samples, r->samples),
             r->code_samples);
    for (int i = 0; i < TR_WHERE_KINDS; i++) {
        b[1 + i] = (struct bar){ prof_where_name[i], pct(r->where[i], r->samples) / 100, "share", "track", "" };
        snprintf(b[1 + i].text, sizeof b[1 + i].text, "%.1f%% (%" PRIu64 ")", pct(r->where[i], r->samples),
                 r->where[i]);
    }
    fputs("<section id=\"summary\"><h2>Summary</h2><table>\n<tr><th>program</th><td><code>", f);
    esc(f, prog);
    fprintf(f, "</code></td></tr>\n<tr><th>wall time</th><td>%.3f s</td></tr>\n", run->wall_seconds);
    fprintf(f, "<tr><th>samples</th><td>%" PRIu64 " (%.3f s of thread CPU time)</td></tr>\n", r->samples,
            (double)r->samples * r->sample_seconds);
    fprintf(f, "<tr><th>in translated code</th><td>%.1f%% of samples</td></tr>\n",
            pct(r->code_samples, r->samples));
    for (int i = 0; i < TR_WHERE_KINDS; i++) {
        fputs("<tr><th>", f);
        esc(f, prof_where_name[i]);
        fprintf(f, "</th><td>%.1f%% of samples</td></tr>\n", pct(r->where[i], r->samples));
    }
    fprintf(f, "<tr><th>executed guest instructions</th><td>%" PRIu64 "</td></tr>\n", r->executed);
    fprintf(f, "<tr><th>blocks profiled</th><td>%zu</td></tr>\n", r->n_blocks);
    fprintf(f, "<tr><th>hits counted</th><td>%s</td></tr>\n</table>\n",
            r->exact_hits ? "yes (--count-hits)" : "no: misses only (run with --count-hits for hits)");
    bars(f, "where the samples fell", b, sizeof b / sizeof b[0]);
    fputs("</section>\n", f);
}

/* Inline-cache hits are counted only under --count-hits (r->exact_hits,
 * from the same option as the threads' counters); the TLB's always, in
 * its slow path. */
static void hit_rates(FILE *f, const struct prof_report *r, const struct stats_run *run)
{
    const struct rv_counters *t = &run->total;
    const struct { const char *name; uint64_t hits, misses; bool exact; } k[] = {
        { "load", t->ic_load_hits, t->ic_load_misses, r->exact_hits },
        { "store", t->ic_store_hits, t->ic_store_misses, r->exact_hits },
        { "jalr", t->ic_jalr_hits, t->ic_jalr_misses, r->exact_hits },
        { "return", t->ic_ret_hits, t->ic_ret_misses, r->exact_hits },
        { "TLB", t->tlb_hits, t->tlb_misses, true },
    };
    enum { N = sizeof k / sizeof k[0] };
    uint64_t most = 1;
    for (int i = 0; i < N; i++)
        if (!k[i].exact && k[i].misses > most)
            most = k[i].misses;
    struct bar b[N];
    for (int i = 0; i < N; i++) {
        uint64_t all = k[i].hits + k[i].misses;
        if (k[i].exact) {
            /* truncated, not rounded: a kind that missed never shows 100% */
            double rate = (double)(uint64_t)(pct(k[i].hits, all) * 100) / 100;
            b[i] = (struct bar){ k[i].name, rate / 100, "hit", all ? "rest" : "track", "" };
            snprintf(b[i].text, sizeof b[i].text, "%.2f%% hit rate (%" PRIu64 " hits, %" PRIu64 " misses)",
                     rate, k[i].hits, k[i].misses);
        } else {
            b[i] = (struct bar){ k[i].name, (double)k[i].misses / (double)most, "miss", "track", "" };
            snprintf(b[i].text, sizeof b[i].text, "%" PRIu64 " misses (hits not counted)", k[i].misses);
        }
    }
    fputs("<section id=\"hit-rates\"><h2>Inline-cache and TLB hit rates</h2>\n", f);
    if (r->exact_hits)
        fputs("<p class=\"note\">Green: hits, red: misses, of every access of the kind.</p>\n", f);
    else
        fputs("<p class=\"note\">Hits were not counted (run with --count-hits): the inline-cache bars "
              "compare misses, the TLB bar is its hit rate.</p>\n", f);
    bars(f, "hit rate per kind", b, N);
    fputs("</section>\n", f);
}

static void guest_code(FILE *f, const struct prof_block *b)
{
    for (uint32_t off = 0; b->guest && off + 2 <= b->guest_len;) {
        uint32_t word = b->guest[off] | (uint32_t)b->guest[off + 1] << 8;
        int len = rv_insn_len((uint16_t)word);
        if (off + (uint32_t)len > b->guest_len)
            break;
        if (len == 4)
            word |= (uint32_t)b->guest[off + 2] << 16 | (uint32_t)b->guest[off + 3] << 24;
        struct rv_insn in;
        char text[96];
        rv_decode(word, &in);
        rv_disasm(&in, b->pc + off, text, sizeof text);
        fprintf(f, "%" PRIx64 "  %0*x%s  ", b->pc + off, len * 2, word, len == 2 ? "    " : "");
        esc(f, text);
        fputc('\n', f);
        off += (uint32_t)len;
    }
}

static void host_code(FILE *f, csh h, const struct prof_block *b)
{
    cs_insn *insn;
    size_t n = b->host ? cs_disasm(h, b->host, b->host_len, b->host_addr, 0, &insn) : 0;
    for (size_t i = 0; i < n; i++) {
        escf(f, "%" PRIx64 "  %s %s", insn[i].address, insn[i].mnemonic, insn[i].op_str);
        fputc('\n', f);
    }
    if (n)
        cs_free(insn, n);
    else
        fputs("(no host code)", f);
}

static void hot_blocks(FILE *f, struct syms *syms, const struct prof_report *r)
{
    csh h;
    bool have_cs = cs_open(CS_ARCH_X86, CS_MODE_64, &h) == CS_ERR_OK;
    size_t n = r->n_blocks < TOP ? r->n_blocks : TOP;
    fprintf(f, "<section id=\"hot-blocks\"><h2>Hot blocks (top %zu of %zu)</h2>\n", n, r->n_blocks);
    fputs("<table><colgroup><col style=\"width:3em\"><col style=\"width:9em\"><col style=\"width:14em\">"
          "<col style=\"width:5.5em\"><col style=\"width:7em\"><col style=\"width:7.5em\"><col></colgroup>\n"
          "<thead><tr><th class=\"num\">#</th><th>guest pc</th><th>symbol</th><th class=\"num\">samples</th>"
          "<th class=\"num\">executions</th><th class=\"num\">translations</th>"
          "<th>guest code (riscv64) | host code (x86-64)</th></tr></thead><tbody>\n", f);
    for (size_t i = 0; i < n; i++) {
        const struct prof_block *b = &r->blocks[i];
        fprintf(f, "<tr class=\"block\" data-pc=\"0x%" PRIx64 "\"><td class=\"num\">%zu</td>"
                   "<td class=\"addr\">0x%" PRIx64 "</td>", b->pc, i + 1, b->pc);
        sym_cell(f, syms, b->pc);
        fprintf(f, "<td class=\"num\">%.2f%%</td><td class=\"num\">%" PRIu64 "</td><td class=\"num\">%" PRIu32
                   "</td>", pct(b->samples, r->samples), b->execs, b->translations);
        fputs("<td><div class=\"code\"><pre class=\"guest\">", f);
        guest_code(f, b);
        fputs("</pre><pre class=\"host\">", f);
        if (have_cs)
            host_code(f, h, b);
        else
            fputs("(capstone could not be opened)", f);
        fputs("</pre></div></td></tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
    if (!n)
        fputs("<p class=\"note\">No blocks were profiled.</p>\n", f);
    fputs("</section>\n", f);
    if (have_cs)
        cs_close(&h);
}

static void sites(FILE *f, struct syms *syms, const struct prof_report *r)
{
    size_t n = r->n_sites < TOP ? r->n_sites : TOP;
    fprintf(f, "<section id=\"sites\"><h2>Hot sites (top %zu of %zu, most misses first)</h2>\n", n, r->n_sites);
    fputs("<div class=\"wide\"><table><thead><tr><th>kind</th><th>pc</th><th>symbol</th><th>instruction</th>"
          "<th class=\"num\">hits</th><th class=\"num\">misses</th><th class=\"num\">refills</th>"
          "<th>regions of the misses</th></tr></thead><tbody>\n", f);
    for (size_t i = 0; i < n; i++) {
        const struct prof_site *s = &r->sites[i];
        struct rv_insn in;
        char text[96];
        rv_decode(s->insn, &in);
        rv_disasm(&in, s->pc, text, sizeof text);
        fputs("<tr class=\"site\"><td>", f);
        esc(f, prof_kind_name[s->kind]);
        fprintf(f, "</td><td class=\"addr\">0x%" PRIx64 "</td>", s->pc);
        sym_cell(f, syms, s->pc);
        fputs("<td><code>", f);
        esc(f, text);
        if (r->exact_hits)
            fprintf(f, "</code></td><td class=\"num\">%" PRIu64 "</td>", s->hits);
        else
            fputs("</code></td><td class=\"num\">-</td>", f);
        fprintf(f, "<td class=\"num\">%" PRIu64 "</td><td class=\"num\">%" PRIu64 "</td><td class=\"regions\">",
                s->misses, s->refills);
        for (int j = 0; j < s->n_regions; j++) {
            const struct prof_region *g = &s->regions[j];
            fputs("<div>", f);
            esc(f, g->name[0] ? g->name : "anonymous");
            fprintf(f, " <code>[0x%" PRIx64 ", 0x%" PRIx64 ")</code> %" PRIu64 " misses</div>", g->lo, g->hi,
                    g->misses);
        }
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody></table></div>\n", f);
    if (!n)
        fputs("<p class=\"note\">No site missed.</p>\n", f);
    fputs("</section>\n", f);
}

static void mix(FILE *f, const struct prof_report *r)
{
    struct bar b[PROF_CLASSES];
    for (int i = 0; i < PROF_CLASSES; i++) {
        b[i] = (struct bar){ prof_class_name[i], pct(r->mix[i], r->executed) / 100, "share", "track", "" };
        snprintf(b[i].text, sizeof b[i].text, "%" PRIu64 " (%.2f%%)", r->mix[i], pct(r->mix[i], r->executed));
    }
    fprintf(f, "<section id=\"mix\"><h2>Instruction mix</h2>\n<p>%" PRIu64 " guest instructions executed; "
               "%" PRIu64 " of them compressed (16-bit): <b>%.2f%%</b>.</p>\n",
            r->executed, r->compressed_executed, pct(r->compressed_executed, r->executed));
    bars(f, "executed instructions per class", b, PROF_CLASSES);
    fputs("</section>\n", f);
}

/* The least of 1, 2 or 5 times a power of ten that splits range into at
 * most `ticks` steps. */
static double tick_step(double range, int ticks)
{
    double raw = range / ticks, step = 1;
    while (step < raw)
        step *= 10;
    while (step / 10 >= raw)
        step /= 10;
    if (step / 5 >= raw)
        step /= 5;
    else if (step / 2 >= raw)
        step /= 2;
    return step;
}

static void tick_text(char *buf, size_t n, double v)
{
    if (v >= 1e6)
        snprintf(buf, n, "%gM", v / 1e6);
    else if (v >= 1e4)
        snprintf(buf, n, "%gk", v / 1e3);
    else
        snprintf(buf, n, "%g", v);
}

static void translation(FILE *f, const struct prof_report *r)
{
    enum { W = 900, H = 340, L = 80, RM = 24, T = 16, BM = 56, PW = W - L - RM, PH = H - T - BM };
    fputs("<section id=\"translation\"><h2>Translation over time</h2>\n", f);
    if (!r->n_tpoints) {
        fputs("<p class=\"note\">No translation was recorded.</p></section>\n", f);
        return;
    }
    const struct prof_tpoint *last = &r->tpoints[r->n_tpoints - 1];
    fprintf(f, "<p>%" PRIu64 " blocks, %" PRIu64 " guest instructions translated by %.3f s.</p>\n", last->blocks,
            last->insns, last->t);
    double tmax = 0, imax = 0;
    for (size_t i = 0; i < r->n_tpoints; i++) {
        tmax = r->tpoints[i].t > tmax ? r->tpoints[i].t : tmax;
        imax = (double)r->tpoints[i].insns > imax ? (double)r->tpoints[i].insns : imax;
    }
    /* Axes from 0 to the first tick at or past the largest value, so a
     * single point or a run with nothing translated still has a scale. */
    double xs = tick_step(tmax > 0 ? tmax : 1, 6), ys = tick_step(imax > 0 ? imax : 1, 5);
    double xtop = xs, ytop = ys;
    while (xtop < tmax)
        xtop += xs;
    while (ytop < imax)
        ytop += ys;
    char buf[32];
    fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\"><title>guest instructions translated "
               "over time</title>\n", W, H);
    for (int i = 0; i * ys <= ytop * (1 + 1e-9); i++) {
        double y = T + PH - i * ys / ytop * PH;
        tick_text(buf, sizeof buf, i * ys);
        fprintf(f, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                   "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", L, y, L + PW, y, L - 6, y + 4, buf);
    }
    for (int i = 0; i * xs <= xtop * (1 + 1e-9); i++) {
        double x = L + i * xs / xtop * PW;
        tick_text(buf, sizeof buf, i * xs);
        fprintf(f, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                   "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, T + PH, x, T + PH + 5, x,
                T + PH + 20, buf);
    }
    fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
               "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", L, T, L, T + PH, L, T + PH,
            L + PW, T + PH);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since start</text>\n", L + PW / 2, H - 8);
    fprintf(f, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">guest instructions "
               "translated</text>\n", T + PH / 2);
    fputs("<polyline class=\"line\" points=\"", f);
    for (size_t i = 0; i < r->n_tpoints; i++)
        fprintf(f, "%s%.1f,%.1f", i ? " " : "", L + r->tpoints[i].t / xtop * PW,
                T + PH - (double)r->tpoints[i].insns / ytop * PH);
    fprintf(f, "\"/>\n<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n</svg>\n</section>\n",
            L + last->t / xtop * PW, T + PH - (double)last->insns / ytop * PH);
}

static void threads(FILE *f, const struct prof_report *r, const struct stats_run *run)
{
#define COL(name, field, hit) { name, offsetof(struct rv_counters, field), hit }
    static const struct { const char *name; size_t off; bool hit; } col[] = {
        COL("blocks translated", blocks_translated, false), COL("lookups", lookups, false),
        COL("load hits", ic_load_hits, true), COL("load misses", ic_load_misses, false),
        COL("store hits", ic_store_hits, true), COL("store misses", ic_store_misses, false),
        COL("jalr hits", ic_jalr_hits, true), COL("jalr misses", ic_jalr_misses, false),
        COL("return hits", ic_ret_hits, true), COL("return misses", ic_ret_misses, false),
        COL("TLB misses", tlb_misses, false), COL("syscalls", syscalls, false), COL("signals", signals, false),
    };
#undef COL
    enum { N = sizeof col / sizeof col[0] };
    fprintf(f, "<section id=\"threads\"><h2>Threads (%zu)</h2>\n"
               "<div class=\"wide\"><table><thead><tr><th>tid</th><th>alive</th>", run->n_threads);
    for (int c = 0; c < N; c++)
        if (!col[c].hit || r->exact_hits)
            fprintf(f, "<th class=\"num\">%s</th>", col[c].name);
    fputs("</tr></thead><tbody>\n", f);
    for (size_t i = 0; i < run->n_threads; i++) {
        const struct stats_thread *t = &run->threads[i];
        fprintf(f, "<tr class=\"thread\"><td>%" PRIu64 "</td><td>%s</td>", t->tid, t->alive ? "yes" : "no");
        for (int c = 0; c < N; c++)
            if (!col[c].hit || r->exact_hits)
                fprintf(f, "<td class=\"num\">%" PRIu64 "</td>",
                        *(const uint64_t *)((const char *)&t->cnt + col[c].off));
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table></div>\n", f);
    if (!r->exact_hits)
        fputs("<p class=\"note\">Hits were not counted (run with --count-hits).</p>\n", f);
    fputs("</section>\n", f);
}

void prof_write_html(FILE *f, struct rv_proc *p, struct syms *syms, const struct prof_report *r,
                     const struct stats_run *run)
{
    const char *prog = p->argv && p->argv[0] ? p->argv[0] : "?";
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>rvdbt profile: ", f);
    esc(f, prog);
    fprintf(f, "</title>\n<style>%s</style></head>\n<body>\n<h1>rvdbt profile: <code>", style);
    esc(f, prog);
    fputs("</code></h1>\n<nav><a href=\"#summary\">summary</a><a href=\"#hit-rates\">hit rates</a>"
          "<a href=\"#hot-blocks\">hot blocks</a><a href=\"#sites\">sites</a><a href=\"#mix\">mix</a>"
          "<a href=\"#translation\">translation</a><a href=\"#threads\">threads</a></nav>\n", f);
    summary(f, prog, r, run);
    hit_rates(f, r, run);
    hot_blocks(f, syms, r);
    sites(f, syms, r);
    mix(f, r);
    translation(f, r);
    threads(f, r, run);
    fputs("</body></html>\n", f);
}
