/* Running the host's /bin/sh and utilities, as a riscv64 program on a real
 * machine runs its own: system() with exit statuses and output in order,
 * popen for reading and for writing, fork + exec of /bin/sh -c with argv and
 * environment checked through a pipe, posix_spawn and posix_spawnp with file
 * actions and a signal mask, an exec that fails (the child's status 127).
 * Only the shell's builtins and coreutils run, so every runner prints the
 * same. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

extern char **environ;

static void describe(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

/* All a file descriptor gives until EOF, as a string. */
static void slurp(int fd, char *buf, size_t size)
{
    size_t got = 0;
    ssize_t n;
    while (got < size - 1 && ((n = read(fd, buf + got, size - 1 - got)) > 0 || (n < 0 && errno == EINTR)))
        if (n > 0)
            got += n;
    buf[got] = 0;
}

static void test_system(void)
{
    stage = "system";
    printf("system(NULL) says a shell exists: %d\n", system(NULL) != 0);
    CHECK(system(NULL) != 0);
    int st = system("exit 3");
    describe("system(\"exit 3\")", st);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
    printf("before the shell's line\n");
    setenv("FROM_PARENT", "a value with spaces", 1);
    st = system("echo from the shell; printf '%s\\n' \"$FROM_PARENT\"");
    printf("after it\n");
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    st = system("kill -TERM $$");
    describe("system(\"kill -TERM $$\")", st);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
}

static void test_popen(void)
{
    stage = "popen";
    FILE *f = popen("echo one; echo two; seq 3 5", "r");
    CHECK(f != NULL);
    char line[64];
    int n = 0;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        printf("popen read %d: %s\n", ++n, line);
    }
    int st = f ? pclose(f) : -1;
    CHECK(n == 5 && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    f = popen("wc -c; exit 4", "w");
    CHECK(f != NULL);
    for (int i = 0; f && i < 1000; i++)
        fputc('a' + i % 26, f);
    st = f ? pclose(f) : -1;        /* wc prints its count to our stdout */
    describe("popen write then exit 4", st);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 4);
}

static void test_fork_exec(void)
{
    stage = "fork + exec /bin/sh";
    int out[2];
    CHECK(pipe(out) == 0);
    pid_t p = fork_checked();
    if (p == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        char *env[] = {"ONLY_VAR=only value", NULL};
        execle("/bin/sh", "sh", "-c", "echo \"$0|$1|$2|$ONLY_VAR|${FROM_PARENT-not passed}\"; exit 5", "zero",
               "one", "two words", (char *)NULL, env);
        _exit(126);
    }
    close(out[1]);
    char buf[256];
    slurp(out[0], buf, sizeof buf);
    close(out[0]);
    int st = 0;
    waitpid(p, &st, 0);
    printf("sh -c printed: %s", buf);
    describe("sh -c ... exit 5", st);
    CHECK(!strcmp(buf, "zero|one|two words|only value|not passed\n") && WIFEXITED(st) && WEXITSTATUS(st) == 5);

    p = fork_checked();
    if (p == 0) {
        execlp("no-such-program-anywhere", "x", (char *)NULL);
        _exit(errno == ENOENT ? 127 : 1);
    }
    waitpid(p, &st, 0);
    describe("execlp of a missing program", st);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 127);
}

/* posix_spawn of PATH with the pipe's write end as stdout; what it printed. */
static int spawn_capture(const char *path, char **argv, const sigset_t *mask, char *buf, size_t size)
{
    int out[2];
    CHECK(pipe(out) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, out[1]);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    if (mask) {
        posix_spawnattr_setsigmask(&at, mask);
        posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
    }
    pid_t p = -1;
    int r = posix_spawn(&p, path, &fa, &at, argv, environ);
    close(out[1]);
    slurp(out[0], buf, size);
    close(out[0]);
    int st = -1;
    if (r == 0)
        waitpid(p, &st, 0);
    else
        printf("posix_spawn %s: %s\n", path, strerror(r));
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return st;
}

static void test_posix_spawn(void)
{
    stage = "posix_spawn";
    char buf[256];
    char *sh_argv[] = {"sh", "-c", "echo \"$1\"; exit 6", "sh", "spawned arg", NULL};
    int st = spawn_capture("/bin/sh", sh_argv, NULL, buf, sizeof buf);
    printf("posix_spawn sh printed: %s", buf);
    describe("posix_spawn sh", st);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 6 && !strcmp(buf, "spawned arg\n"));

    /* The mask the child starts with, as the kernel reports it: SIGUSR1 is
     * bit 9 on both riscv64 and x86-64. (Not through sh, which clears it.) */
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    char *grep_argv[] = {"grep", "SigBlk", "/proc/self/status", NULL};
    st = spawn_capture("/bin/grep", grep_argv, &mask, buf, sizeof buf);
    printf("posix_spawn with a mask: %s", buf);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(buf, "SigBlk:\t0000000000000200\n"));

    char *argv2[] = {"sh", "-c", "exit 8", NULL};
    pid_t p;
    int r = posix_spawnp(&p, "sh", NULL, NULL, argv2, environ);     /* found through PATH */
    st = 0;
    if (r == 0)
        waitpid(p, &st, 0);
    describe("posix_spawnp sh", st);
    CHECK(r == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 8);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    test_system();
    test_popen();
    test_fork_exec();
    test_posix_spawn();
    return guest_done();
}
