/* File system calls through libc: a private temporary directory, files
 * written, sought, read back, stat'ed (the guest struct stat layout differs
 * from the host's), truncated, renamed, linked and removed, and the directory
 * listed with readdir (getdents64). Names are printed relative to the
 * temporary directory and sorted, so the output is the same everywhere. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "guest.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir)
{
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) {
        char path[300];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        CHECK(lstat(path, &st) == 0);
        printf(" %s(%s %lld)", names[i],
               S_ISDIR(st.st_mode) ? "dir" : S_ISLNK(st.st_mode) ? "link" : S_ISREG(st.st_mode) ? "file" : "?",
               S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
        free(names[i]);
    }
    printf("\n");
}

static const char *err(int e)
{
    return e == ENOENT ? "ENOENT" : e == ENOTEMPTY ? "ENOTEMPTY" : e == EEXIST ? "EEXIST"
         : e == EISDIR ? "EISDIR" : e == EBADF ? "EBADF" : e == 0 ? "0" : "other";
}

int main(void)
{
    /* in the current directory: the test runner gives each run a scratch one */
    char tmpl[] = "rvdbt-files-XXXXXX", base[256], want_cwd[300];
    umask(022);
    CHECK(getcwd(base, sizeof base) != NULL);
    CHECK(mkdtemp(tmpl) != NULL);
    CHECK(chdir(tmpl) == 0);
    snprintf(want_cwd, sizeof want_cwd, "%s/%s", base, tmpl);

    /* write, seek, read back */
    int fd = open("a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello ", 6) == 6);
    CHECK(write(fd, "world\n", 6) == 6);
    printf("lseek cur %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("lseek set 2 -> %ld\n", (long)lseek(fd, 2, SEEK_SET));
    CHECK(write(fd, "LL", 2) == 2);
    printf("lseek end+4 -> %ld\n", (long)lseek(fd, 4, SEEK_END));
    CHECK(write(fd, "tail", 4) == 4);          /* leaves a 4-byte hole of zeros */
    CHECK(pwrite(fd, "W", 1, 6) == 1);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("fstat size %lld mode %o reg %d\n", (long long)st.st_size, (unsigned)(st.st_mode & 07777),
           S_ISREG(st.st_mode));
    CHECK(st.st_size == 20);
    CHECK(close(fd) == 0);
    CHECK(close(fd) == -1 && errno == EBADF);

    char buf[64] = { 0 };
    fd = open("a.txt", O_RDONLY);
    CHECK(fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf);
    printf("read %zd:", n);
    for (ssize_t i = 0; i < n; i++)
        printf(buf[i] >= ' ' && buf[i] < 127 ? "%c" : "\\%o", buf[i]);
    printf("\n");
    CHECK(n == 20 && memcmp(buf, "heLLo World\n\0\0\0\0tail", 20) == 0);
    CHECK(read(fd, buf, sizeof buf) == 0);
    char c = 0;
    CHECK(pread(fd, &c, 1, 4) == 1 && c == 'o');
    CHECK(close(fd) == 0);

    /* stat by name; O_APPEND; ftruncate; dup2 */
    CHECK(stat("a.txt", &st) == 0 && st.st_size == 20);
    fd = open("a.txt", O_WRONLY | O_APPEND);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "+", 1) == 1);
    CHECK(fstat(fd, &st) == 0);
    printf("after append %lld\n", (long long)st.st_size);
    CHECK(ftruncate(fd, 5) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 5);
    int fd2 = dup2(fd, 17);
    CHECK(fd2 == 17);
    CHECK(write(17, "!", 1) == 1);
    CHECK(close(fd) == 0 && close(17) == 0);
    CHECK(stat("a.txt", &st) == 0);
    printf("after truncate and write via dup: %lld\n", (long long)st.st_size);

    /* stdio on top */
    FILE *f = fopen("b.txt", "w+");
    CHECK(f != NULL);
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d\n", i);
    printf("ftell %ld\n", ftell(f));
    CHECK(fseek(f, 0, SEEK_SET) == 0);
    int lines = 0;
    char line[32];
    while (fgets(line, sizeof line, f))
        lines++;
    printf("fgets read %d lines\n", lines);
    CHECK(lines == 1000);
    CHECK(fclose(f) == 0);

    /* directories, links, rename, unlink */
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(mkdir("sub", 0755) == -1);
    printf("mkdir again: %s\n", err(errno));
    fd = open("sub/c.bin", O_CREAT | O_WRONLY, 0600);
    static char big[70000];
    memset(big, 'x', sizeof big);
    CHECK(write(fd, big, sizeof big) == (ssize_t)sizeof big);
    CHECK(close(fd) == 0);
    CHECK(symlink("a.txt", "link") == 0);
    char target[64];
    ssize_t tl = readlink("link", target, sizeof target - 1);
    CHECK(tl == 5);
    target[tl > 0 ? tl : 0] = 0;
    printf("readlink: %s\n", target);
    CHECK(link("b.txt", "hard") == 0);
    CHECK(stat("hard", &st) == 0);
    printf("hard link count %ld\n", (long)st.st_nlink);
    list(".");
    list("sub");

    CHECK(rename("b.txt", "renamed.txt") == 0);
    CHECK(access("b.txt", F_OK) == -1 && errno == ENOENT);
    CHECK(access("renamed.txt", R_OK | W_OK) == 0);
    CHECK(unlink("hard") == 0);
    CHECK(rmdir("sub") == -1);
    printf("rmdir non-empty: %s\n", err(errno));
    CHECK(open("missing", O_RDONLY) == -1);
    printf("open missing: %s\n", err(errno));
    list(".");

    CHECK(unlink("sub/c.bin") == 0);
    CHECK(rmdir("sub") == 0);
    CHECK(unlink("link") == 0 && unlink("a.txt") == 0 && unlink("renamed.txt") == 0);
    list(".");
    char cwd[256];
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, want_cwd) == 0);
    CHECK(chdir("..") == 0);
    CHECK(rmdir(tmpl) == 0);
    CHECK(access(tmpl, F_OK) == -1);
    return guest_done();
}
