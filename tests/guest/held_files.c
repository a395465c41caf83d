/* Files through stdio and the POSIX calls together, as a small file utility
 * would use them, all with relative paths inside a fresh temporary directory
 * under the current one: fopen in every mode, fwrite/fread of binary
 * records, fseek/ftell/rewind/fgetpos/fsetpos, append mode, setvbuf in the
 * three buffering modes, tmpfile, freopen, fdopen/fileno, dup, errno and
 * strerror for failures (perror goes to stderr), then a directory tree built
 * with mkdir, walked recursively (opendir/readdir/stat, sorted), renamed,
 * copied, and removed again with unlink/rmdir. Also poll and select on a
 * pipe, and in-kernel copies with sendfile and copy_file_range. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "guest.h"

struct record {
    int id;
    char name[20];
    double value;
    unsigned flags;
};

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EACCES: return "EACCES";
    case EINVAL: return "EINVAL";
    default: return "other";
    }
}

static void records(void)
{
    FILE *f = fopen("records.bin", "w+b");
    CHECK(f != NULL);
    if (!f)
        return;
    struct record r;
    for (int i = 0; i < 100; i++) {
        memset(&r, 0, sizeof r);
        r.id = i;
        snprintf(r.name, sizeof r.name, "rec-%03d", i * 7);
        r.value = i * 1.25 - 40;
        r.flags = (unsigned)i * 0x01010101u;
        CHECK(fwrite(&r, sizeof r, 1, f) == 1);
    }
    printf("records: ftell %ld (%zu each)\n", ftell(f), sizeof r);
    CHECK(fseek(f, 42 * (long)sizeof r, SEEK_SET) == 0);
    CHECK(fread(&r, sizeof r, 1, f) == 1);
    printf("record 42: %d %s %g %08x\n", r.id, r.name, r.value, r.flags);
    fpos_t pos;
    CHECK(fgetpos(f, &pos) == 0);
    CHECK(fseek(f, -(long)sizeof r, SEEK_END) == 0);
    CHECK(fread(&r, sizeof r, 1, f) == 1);
    printf("last record: %d %s\n", r.id, r.name);
    CHECK(fread(&r, sizeof r, 1, f) == 0 && feof(f));
    CHECK(fsetpos(f, &pos) == 0);
    CHECK(fread(&r, sizeof r, 1, f) == 1);
    printf("after fsetpos: %d\n", r.id);
    /* update one record in place, then read everything back */
    CHECK(fseek(f, 10 * (long)sizeof r, SEEK_SET) == 0);
    r.id = -10;
    strcpy(r.name, "patched");
    CHECK(fwrite(&r, sizeof r, 1, f) == 1);
    rewind(f);
    struct record all[120];
    size_t n = fread(all, sizeof all[0], 120, f);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += all[i].value + all[i].id;
    printf("read back %zu records, sum %.2f, #10 %d %s\n", n, sum, all[10].id, all[10].name);
    CHECK(fclose(f) == 0);
}

static void modes(void)
{
    FILE *f = fopen("text.txt", "w");
    CHECK(f != NULL);
    fputs("line one\n", f);
    fprintf(f, "line %s\n", "two");
    fputc('3', f);
    fputc('\n', f);
    fclose(f);
    f = fopen("text.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    f = fopen("text.txt", "a+");
    fputs("appended again\n", f);
    rewind(f);                            /* reads from the start, writes still append */
    char line[64];
    CHECK(fgets(line, sizeof line, f) != NULL);
    printf("a+ first line: %s", line);
    fputs("third append\n", f);
    fclose(f);
    f = fopen("text.txt", "r+");
    CHECK(fseek(f, 5, SEEK_SET) == 0);
    fputs("ONE", f);
    fseek(f, 0, SEEK_CUR);                /* switching from writing to reading */
    int lines = 0;
    rewind(f);
    while (fgets(line, sizeof line, f)) {
        lines++;
        printf("  %d: %s", lines, line);
    }
    fclose(f);
    struct stat st;
    CHECK(stat("text.txt", &st) == 0);
    printf("text.txt %lld bytes\n", (long long)st.st_size);

    errno = 0;
    f = fopen("no/such/file", "r");
    printf("fopen missing: %p %s (%s)\n", (void *)f, errname(errno), strerror(errno));
    perror("perror says");
    errno = 0;
    f = fopen(".", "w");
    printf("fopen dir for writing: %s\n", errname(errno));
    f = fopen("text.txt", "r");
    int c = fputc('x', f);
    printf("write to read-only stream: %d ferror %d\n", c, ferror(f) != 0);
    clearerr(f);
    fclose(f);
}

static void buffering(void)
{
    static char fullbuf[64];
    FILE *f = fopen("buffered.txt", "w");
    CHECK(setvbuf(f, fullbuf, _IOFBF, sizeof fullbuf) == 0);
    fputs("held in the buffer", f);
    struct stat st;
    stat("buffered.txt", &st);
    printf("full buffering: %lld bytes on disk before fflush", (long long)st.st_size);
    fflush(f);
    stat("buffered.txt", &st);
    printf(", %lld after\n", (long long)st.st_size);
    fclose(f);

    f = fopen("line.txt", "w");
    CHECK(setvbuf(f, NULL, _IOLBF, 0) == 0);
    fputs("partial", f);
    stat("line.txt", &st);
    long before = (long)st.st_size;
    fputs(" line\nnext", f);
    stat("line.txt", &st);
    printf("line buffering: %ld then %lld\n", before, (long long)st.st_size);
    fclose(f);

    f = fopen("unbuf.txt", "w");
    CHECK(setvbuf(f, NULL, _IONBF, 0) == 0);
    fputs("abc", f);
    stat("unbuf.txt", &st);
    printf("unbuffered: %lld\n", (long long)st.st_size);
    fclose(f);

    /* stdout itself: line buffered on a terminal, fully buffered here, both fine */
    FILE *t = tmpfile();
    CHECK(t != NULL);
    for (int i = 0; i < 1000; i++)
        fprintf(t, "%d,", i * i);
    long size = ftell(t);
    rewind(t);
    long sum = 0;
    int v;
    while (fscanf(t, "%d,", &v) == 1)
        sum += v;
    printf("tmpfile: %ld bytes, sum %ld\n", size, sum);
    fclose(t);

    int fd = open("fd.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
    FILE *g = fdopen(fd, "w+");
    CHECK(g != NULL && fileno(g) == fd);
    fprintf(g, "via fdopen %d\n", 1);
    fflush(g);
    int fd2 = dup(fd);
    CHECK(lseek(fd2, 0, SEEK_SET) == 0);
    char buf[32] = {0};
    CHECK(read(fd2, buf, sizeof buf - 1) > 0);
    printf("dup read: %s", buf);
    close(fd2);
    fclose(g);
    errno = 0;
    ssize_t w = write(fd, "x", 1);
    printf("closed fd write: %zd %s\n", w, errname(errno));

    CHECK(freopen("text.txt", "r", stdin) != NULL);
    CHECK(fgets(buf, sizeof buf, stdin) != NULL);
    printf("freopen stdin: %s", buf);
}

static long walk(const char *path, int depth)
{
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, errname(errno));
        return 0;
    }
    char *names[32];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 32)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (int i = 1; i < n; i++)           /* insertion sort: the listing order is the file system's */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    long total = 0;
    for (int i = 0; i < n; i++) {
        char sub[256];
        struct stat st;
        snprintf(sub, sizeof sub, "%s/%s", path, names[i]);
        CHECK(stat(sub, &st) == 0);
        printf("%*s%s%s", depth * 2, "", names[i], S_ISDIR(st.st_mode) ? "/\n" : "");
        if (S_ISDIR(st.st_mode))
            total += walk(sub, depth + 1);
        else {
            printf(" %lld\n", (long long)st.st_size);
            total += st.st_size;
        }
        free(names[i]);
    }
    return total;
}

static int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        char subs[32][512];
        int n = 0;
        while ((e = readdir(d)) && n < 32)
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                snprintf(subs[n++], 512, "%s/%s", path, e->d_name);
        closedir(d);
        for (int i = 0; i < n; i++)
            remove_tree(subs[i]);
        return rmdir(path);
    }
    return unlink(path);
}

static void tree(void)
{
    CHECK(mkdir("tree", 0755) == 0);
    errno = 0;
    printf("mkdir again: %s\n", mkdir("tree", 0755) == 0 ? "ok" : errname(errno));
    CHECK(mkdir("tree/a", 0755) == 0);
    CHECK(mkdir("tree/a/deep", 0700) == 0);
    CHECK(mkdir("tree/b", 0755) == 0);
    const char *files[] = {"tree/top.txt", "tree/a/one.c", "tree/a/deep/x.bin", "tree/b/empty", "tree/b/z"};
    for (int i = 0; i < 5; i++) {
        FILE *f = fopen(files[i], "w");
        CHECK(f != NULL);
        for (int k = 0; k < i * 37; k++)
            fputc('a' + k % 26, f);
        fclose(f);
    }
    errno = 0;
    printf("mkdir under a file: %s\n", mkdir("tree/top.txt/x", 0755) == 0 ? "ok" : errname(errno));
    printf("access: %d %d %d\n", access("tree/a/one.c", R_OK | W_OK), access("tree/nope", F_OK),
           access("tree/a", X_OK));
    printf("total %ld\n", walk("tree", 0));

    /* rename a file over directories and a directory, copy with fread/fwrite */
    CHECK(rename("tree/a/one.c", "tree/b/moved.c") == 0);
    CHECK(rename("tree/a/deep", "tree/deeper") == 0);
    errno = 0;
    printf("rename onto non-empty dir: %s\n", rename("tree/b", "tree/deeper") == 0 ? "ok" : errname(errno));
    FILE *in = fopen("tree/deeper/x.bin", "rb"), *out = fopen("tree/copy.bin", "wb");
    char buf[16];
    size_t got, copied = 0;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0)
        copied += fwrite(buf, 1, got, out);
    fclose(in);
    fclose(out);
    printf("copied %zu\n", copied);
    errno = 0;
    printf("rmdir non-empty: %s\n", rmdir("tree/b") == 0 ? "ok" : errname(errno));
    errno = 0;
    printf("unlink dir: %s\n", unlink("tree/b") == 0 ? "ok" : errname(errno));
    printf("total %ld\n", walk("tree", 0));

    /* chdir into the tree and use paths relative to it */
    char cwd[512], inner[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(chdir("tree/b") == 0);
    CHECK(getcwd(inner, sizeof inner) != NULL);
    printf("cwd ends with /tree/b: %d\n", strlen(inner) > 7 && !strcmp(inner + strlen(inner) - 7, "/tree/b"));
    CHECK(access("../copy.bin", F_OK) == 0);
    CHECK(chdir("..") == 0);
    CHECK(chdir("..") == 0);
    CHECK(getcwd(inner, sizeof inner) != NULL && !strcmp(cwd, inner));
    printf("remove_tree %d\n", remove_tree("tree"));
    errno = 0;
    printf("stat removed: %s\n", stat("tree", &(struct stat){0}) == 0 ? "exists" : errname(errno));
}

static void waiting_and_copies(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct pollfd fds[3] = {{p[0], POLLIN, -1}, {p[1], POLLOUT, -1}, {-1, POLLIN, -1}};
    int r = poll(fds, 3, 0);
    printf("poll empty pipe: %d revents %x %x %x\n", r, fds[0].revents, fds[1].revents, fds[2].revents);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = poll(fds, 1, 30);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("poll timeout: %d, waited at least 30 ms: %d\n", r, ms >= 29);
    CHECK(write(p[1], "ping", 4) == 4);
    r = poll(fds, 2, 1000);
    printf("poll with data: %d revents %x\n", r, fds[0].revents);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    struct timeval tv = {1, 0};
    r = select(p[1] + 1, &rd, &wr, NULL, &tv);
    printf("select: %d read %d write %d\n", r, FD_ISSET(p[0], &rd) != 0, FD_ISSET(p[1], &wr) != 0);
    char buf[8];
    CHECK(read(p[0], buf, sizeof buf) == 4);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    tv = (struct timeval){0, 20000};
    r = select(p[0] + 1, &rd, NULL, NULL, &tv);
    printf("select drained: %d read %d time left %ld.%06ld\n", r, FD_ISSET(p[0], &rd) != 0, (long)tv.tv_sec,
           (long)tv.tv_usec);
    close(p[1]);
    r = poll(fds, 1, 1000);
    printf("poll after close of the write end: %d revents %x\n", r, fds[0].revents);
    close(p[0]);

    int src = open("records.bin", O_RDONLY), dst = open("sent.bin", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(src >= 0 && dst >= 0);
    off_t off = 40;
    ssize_t n = sendfile(dst, src, &off, 120);
    printf("sendfile %zd, offset now %ld, file position %ld\n", n, (long)off, (long)lseek(src, 0, SEEK_CUR));
    n = sendfile(dst, src, NULL, 80);
    printf("sendfile from the position %zd, position now %ld\n", n, (long)lseek(src, 0, SEEK_CUR));
    loff_t in = 3960, out = 1000;
    n = copy_file_range(src, &in, dst, &out, 100, 0);
    printf("copy_file_range %zd (to the end), offsets %ld %ld\n", n, (long)in, (long)out);
    close(dst);
    struct stat st;
    CHECK(stat("sent.bin", &st) == 0);
    printf("sent.bin %lld bytes\n", (long long)st.st_size);
    FILE *f = fopen("sent.bin", "rb");
    struct record rec;
    CHECK(fread(&rec, sizeof rec, 1, f) == 1);
    printf("first sent record %d %s\n", rec.id, rec.name);
    fseek(f, 1000, SEEK_SET);
    CHECK(fread(&rec, sizeof rec, 1, f) == 1);
    printf("copied record %d %s\n", rec.id, rec.name);
    fclose(f);
    close(src);
    CHECK(unlink("sent.bin") == 0);
}

int main(void)
{
    char tmpl[] = "held-files-XXXXXX";
    CHECK(mkdtemp(tmpl) != NULL);
    CHECK(chdir(tmpl) == 0);
    records();
    waiting_and_copies();
    modes();
    buffering();
    tree();
    CHECK(unlink("records.bin") == 0 && unlink("text.txt") == 0 && unlink("buffered.txt") == 0);
    CHECK(unlink("line.txt") == 0 && unlink("unbuf.txt") == 0 && unlink("fd.txt") == 0);
    CHECK(chdir("..") == 0);
    CHECK(rmdir(tmpl) == 0);
    return guest_done();
}
