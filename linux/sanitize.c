/* Built into sanitizer builds only (make check SANITIZE=...): the runtime
 * options, here rather than in ASAN_OPTIONS and friends because rvdbt's
 * environment is the guest's. Every report goes to a file under
 * RVDBT_SAN_REPORTS (the build's, set by the Makefile), where tests/run.sh
 * looks for them: a report in a forked or exec'd rvdbt, whose stderr the
 * guest may have closed, is seen too. The fault signals stay rvdbt's own
 * (its crash report), and so do the signal stack and the core file limit
 * (--core). */
#ifndef RVDBT_SAN_REPORTS
#error "RVDBT_SAN_REPORTS: the folder for sanitizer reports"
#endif

#define COMMON "log_path=" RVDBT_SAN_REPORTS "/report:handle_segv=0:handle_sigbus=0:handle_sigill=0:" \
               "handle_sigfpe=0:handle_abort=0:use_sigaltstack=0:disable_coredump=0:"

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);
const char *__tsan_default_options(void);

const char *__asan_default_options(void)
{
    return COMMON "detect_leaks=1:halt_on_error=1";
}

const char *__ubsan_default_options(void)
{
    return COMMON "print_stacktrace=1:halt_on_error=1";
}

const char *__tsan_default_options(void)
{
    return COMMON "halt_on_error=0:history_size=4";
}

/* Guest memory is the guest's: its threads order their accesses with guest
 * atomics and futexes, which translated code and the host kernel carry out
 * where ThreadSanitizer cannot see, so rvdbt's copies in and out of guest
 * memory on a guest thread's behalf (syscall arguments and results) race
 * only when the guest program itself does. The crash report reads the code
 * cache without its lock on purpose (linux/crash.c). */
const char *__tsan_default_suppressions(void);

const char *__tsan_default_suppressions(void)
{
    return "race:mmu_copy_guarded\n"
           "race:linux/crash.c\n";
}
