STATS_SRCS := stats/stats.c stats/stats_text.c stats/stats_json.c
SRCS += $(STATS_SRCS)
# The guest symbol tables need only libelf and pthreads, so test_syms links
# them alone.
SYMS_SRCS := stats/syms.c
SRCS += $(SYMS_SRCS)
