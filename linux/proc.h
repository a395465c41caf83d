/* Process-wide state of the guest: its address space, what was loaded, the
 * options it runs with. One per rvdbt process; every guest thread's rv_cpu
 * points at it. */
#ifndef PROC_H
#define PROC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "mmu/mmu.h"
#include "translator/rv_cpu.h"

/* -d items (stats/log.c): what the log shows. */
enum {
    RV_LOG_IN_ASM = 1,      /* the guest code of each translated block */
    RV_LOG_OUT_ASM = 2,     /* the host code it became */
    RV_LOG_UNIMP = 4,       /* each unimplemented syscall or instruction the guest meets */
    RV_LOG_EXEC = 8,        /* each block as it runs */
    RV_LOG_CPU = 16,        /* the guest registers as each block starts */
    RV_LOG_PAGE = 32,       /* the guest memory map once the program is loaded */
};

/* -dfilter: the guest address ranges the block items are limited to. */
struct rv_range { uint64_t lo, hi; };

struct rv_options {
    bool strace;            /* -strace: one line per guest syscall on stderr */
    bool stats;             /* --stats: counters on exit */
    const char *stats_file; /* --stats=FILE: there instead of stderr */
    const char *stats_json; /* --stats-json FILE */
    bool profile;           /* --profile or --profile-html: count and sample (stats/prof.h) */
    bool profile_text;      /* --profile[=FILE]: the text report */
    const char *profile_file; /* --profile=FILE: there instead of stderr */
    const char *profile_html; /* --profile-html FILE */
    bool perf_map;          /* --perf-map: /tmp/perf-PID.map */
    bool count_hits;        /* --count-hits: fast paths count their hits */
    bool ic_miss;           /* --ic-miss: slots are never filled, every access takes the slow path */
    bool high_base;         /* --high-base: guest memory reserved where the host chooses, not low */
    bool bare;              /* --bare: a bare-metal image on the privileged architecture */
    const char *argv0;      /* -0: argv[0] for the guest */
    const char *prefix;     /* where the guest's absolute paths are looked up first (sys_path):
                               -L, else $RVDBT_LD_PREFIX, else $QEMU_LD_PREFIX, else the
                               default linux_start may choose; NULL: the host root only */
    int log_mask;           /* -d ITEMS: RV_LOG_* bits (strace sets `strace`) */
    FILE *log;              /* -D FILE, else stderr */
    struct rv_range *dfilter; /* -dfilter: NULL for everything */
    int n_dfilter;
    int debug_crash;        /* --debug-crash: enum crash_debug (linux/crash.h) */
    uint64_t debug_crash_pc; /* --debug-crash=code:PC */
    bool core;              /* --core: a crash leaves a core file, not exit status 70 */
};

/* Guest sigaction as recorded by rt_sigaction; handler is RV_SIG_DFL,
 * RV_SIG_IGN or the guest address of the handler (linux/sys_signal.c). */
struct rv_sigaction_rec {
    uint64_t handler, flags, restorer, mask;
};

struct tr_cache;
struct rv_proc;

/* How a run ended, for the reports. */
enum rv_end { RV_END_EXIT, RV_END_SIGNAL, RV_END_TIMEOUT };

/* The reports on the run (stats/, set up by main), told what they cannot
 * see from here: a thread starting and ending (on its own host thread), and
 * an end of the run that does not go through exit(). NULL: no reports. */
struct rv_report {
    void (*thread_start)(struct rv_proc *p, struct rv_cpu *cpu);
    void (*thread_exit)(struct rv_proc *p, struct rv_cpu *cpu);
    void (*end)(struct rv_proc *p, enum rv_end how, int status);
    void (*forked)(struct rv_proc *p);      /* in the child, which reports nothing */
};

struct rv_proc {
    struct mmu mmu;
    struct tr_cache *cache;  /* translations, shared by the threads */
    struct rv_options opt;
    char *exe_path;         /* absolute host path of the guest program: /proc/self/exe */
    char **argv;            /* the guest's argv, NULL-terminated: /proc/self/cmdline */
    char **opt_words;       /* rvdbt's own arguments, those before PROGRAM, as given, for a
                               guest execve to run rvdbt again alike; -0, -E and -U among
                               them concern the first program only, and opt.prefix holds
                               the prefix even when linux_start chose it */
    int n_opt_words;
    uint64_t entry;         /* guest entry point */
    uint32_t tlb_size;      /* --tlb-size: entries of each thread's TLB */
    /* Dispositions are the process's; rt_sigaction changes them under
     * sig_lock (linux/sys_signal.c). */
    pthread_mutex_t sig_lock;
    struct rv_sigaction_rec sigact[65];
    uint64_t sigreturn_pc;  /* where handlers return to: `li a7, 139; ecall`, mapped
                               with the first handler (linux/sig_frame.c); 0 before */
    int n_threads;          /* guest threads alive (atomic) */
    int exit_status;        /* what the guest asked exit/exit_group for */
    struct rv_report report;
};

#endif
