STATS_SRCS := stats/stats.c stats/stats_text.c stats/stats_json.c stats/prof.c stats/prof_text.c stats/perfmap.c stats/log.c stats/prof_html.c
SRCS += $(STATS_SRCS)
# The guest symbol tables need only libelf and pthreads, so test_syms links
# them alone.
SYMS_SRCS := stats/syms.c
SRCS += $(SYMS_SRCS)
