/* --perf-map: /tmp/perf-PID.map, the file Linux perf reads to name code
 * without an ELF image: one line per translated block, "START SIZE NAME" in
 * hex, named after the guest code it runs. The code cache gives a flushed
 * block's addresses to no other block while its span lasts
 * (tr_cache.window), so every line stays true for the life of the file. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "stats/perfmap.h"
#include "stats/syms.h"
#include "translator/tr_cache.h"

static FILE *map;

int perfmap_open(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
    map = fopen(path, "w");
    if (!map) {
        fprintf(stderr, "rvdbt: --perf-map: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

void perfmap_block(struct syms *syms, const struct tr_block *b)
{
    char name[256];
    if (!map)
        return;
    /* perf reads the file after the run, or while it runs: whole lines */
    fprintf(map, "%" PRIx64 " %x guest:%s\n", b->host, b->host_len, syms_format(syms, b->pc, name, sizeof name));
    fflush(map);
}
