/* Code replaced underneath its translations by the address space rather than
 * by stores: a file mapping of code replaced in place (mmap MAP_FIXED) by
 * another part of the file, back and forth, called from one hot call site;
 * code unmapped and mapped again at the same address with other contents;
 * and an anonymous MAP_FIXED mapping over code, filled with new code. Linux
 * runs the new code in each case (the kernel keeps instruction fetch coherent
 * for pages it maps; stores need __builtin___clear_cache). The functions are
 * "return k" in the machine's own code, so the native build checks too. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

#define PG 4096
typedef long (*fn_t)(void);

/* "return k" (0 <= k < 2048) as machine code; returns its length. */
static size_t ret_const(unsigned char *p, int k)
{
#if defined(__riscv)
    uint32_t w[2] = { (uint32_t)k << 20 | 10u << 7 | 0x13, 0x00008067 };   /* addi a0, zero, k; ret */
#elif defined(__x86_64__)
    unsigned char w[6] = { 0xb8, (unsigned char)k, (unsigned char)(k >> 8), 0, 0, 0xc3 }; /* mov eax, k; ret */
#else
#error "no code for this machine"
#endif
    memcpy(p, w, sizeof w);
    return sizeof w;
}

static __attribute__((noinline)) long call(fn_t f)
{
    return f();
}

int main(void)
{
    /* A file of four pages of code: page i returns 100 + i. */
    char path[] = "ic_remap.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return guest_done();
    unlink(path);
    static unsigned char file[4 * PG];
    for (int i = 0; i < 4; i++)
        ret_const(file + i * PG, 100 + i);
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file);

    unsigned char *a = mmap(NULL, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    CHECK(a != MAP_FAILED);
    if (a == MAP_FAILED)
        return guest_done();

    /* The same address, its file page replaced in place, round and round. */
    int wrong = 0;
    long sum = 0;
    for (int round = 0; round < 40; round++) {
        int page = (round * 3) % 4;
        CHECK(mmap(a, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, (off_t)page * PG) == a);
        for (int i = 0; i < 50; i++) {
            long got = call((fn_t)(uintptr_t)a);
            wrong += got != 100 + page;
            sum += got;
        }
    }
    printf("file pages mapped over each other: %d wrong, sum %ld\n", wrong, sum);
    CHECK(wrong == 0);

    /* Unmapped, then mapped again at the same address with another page. */
    wrong = 0;
    for (int round = 0; round < 10; round++) {
        int page = round % 4;
        CHECK(munmap(a, PG) == 0);
        CHECK(mmap(a, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, (off_t)page * PG) == a);
        wrong += call((fn_t)(uintptr_t)a) != 100 + page;
    }
    printf("unmapped and mapped again: %d wrong\n", wrong);
    CHECK(wrong == 0);

    /* Fresh anonymous memory over the code, then new code stored into it. */
    wrong = 0;
    for (int round = 0; round < 10; round++) {
        CHECK(mmap(a, PG, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == a);
        size_t n = ret_const(a, 200 + round);
        __builtin___clear_cache((char *)a, (char *)a + n);
        wrong += call((fn_t)(uintptr_t)a) != 200 + round;
        CHECK(mmap(a, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, 0) == a);
        wrong += call((fn_t)(uintptr_t)a) != 100;
    }
    printf("anonymous code over file code: %d wrong\n", wrong);
    CHECK(wrong == 0);
    close(fd);
    return guest_done();
}
