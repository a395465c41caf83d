/* The files guest regions show, for /proc/self/maps: the host's device,
 * inode and path of each, as the kernel prints them. The table only grows
 * while every entry is in use: before it grows, entries no region refers to
 * any more are freed, so a guest mapping file after file keeps it about as
 * large as the number of files mapped at once. */
#include "mmu/mmu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool mmu_file_identify(int fd, struct mmu_file_id *id)
{
    struct stat st;
    char link[32];
    if (fstat(fd, &st) != 0)
        return false;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, id->path, sizeof id->path - 1);
    if (n <= 0)
        return false;
    id->path[n] = 0;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    return true;
}

/* Free the entries no region refers to; the number freed. */
static size_t collect(struct mmu *m)
{
    bool *used = calloc(m->n_files, sizeof *used);
    size_t freed = 0;
    if (!used)
        return 0;
    for (size_t i = 0; i < m->n_regions; i++)
        if (m->regions[i].file)
            used[m->regions[i].file - 1] = true;
    for (size_t i = 0; i < m->n_files; i++)
        if (m->files[i].path && !used[i]) {
            free(m->files[i].path);
            m->files[i].path = NULL;
            freed++;
        }
    free(used);
    return freed;
}

static size_t free_entry(const struct mmu *m)
{
    for (size_t i = 0; i < m->n_files; i++)
        if (!m->files[i].path)
            return i;
    return m->n_files;
}

uint32_t mmu_file_intern(struct mmu *m, const struct mmu_file_id *id)
{
    for (size_t i = 0; i < m->n_files; i++) {
        const struct mmu_file *f = &m->files[i];
        if (f->path && f->dev == id->dev && f->ino == id->ino && !strcmp(f->path, id->path))
            return (uint32_t)(i + 1);
    }
    size_t i = free_entry(m);
    if (i == m->n_files && collect(m))
        i = free_entry(m);
    if (i == m->n_files) {
        size_t n = m->n_files ? m->n_files * 2 : 16;
        struct mmu_file *f = n <= UINT32_MAX ? realloc(m->files, n * sizeof *f) : NULL;
        if (!f)
            return 0;
        memset(f + m->n_files, 0, (n - m->n_files) * sizeof *f);
        m->files = f;
        m->n_files = n;
    }
    char *path = strdup(id->path);
    if (!path)
        return 0;
    m->files[i] = (struct mmu_file){ id->dev, id->ino, path };
    return (uint32_t)(i + 1);
}

void mmu_file_free_all(struct mmu *m)
{
    for (size_t i = 0; i < m->n_files; i++)
        free(m->files[i].path);
    free(m->files);
    m->files = NULL;
    m->n_files = 0;
}
