/* The auxiliary vector the loader builds (riscv only: AT_HWCAP is
 * architecture-specific). Values are printed as facts about them, never as
 * addresses: AT_PHDR must point at this program's own headers, AT_ENTRY at
 * _start, AT_RANDOM at 16 readable bytes, AT_EXECFN at the path it was run as. */
#include <elf.h>
#include <link.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "guest.h"

extern char _start[];

int main(int argc, char **argv)
{
    (void)argc;
    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(sysconf(_SC_PAGESIZE) == 4096);

    unsigned long hw = getauxval(AT_HWCAP);
    printf("AT_HWCAP letters: ");
    for (int i = 0; i < 26; i++)
        if (hw >> i & 1)
            putchar('a' + i);
    printf("\n");
    const char *need = "imafdc";
    for (const char *p = need; *p; p++)
        CHECK(hw >> (*p - 'a') & 1);

    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    printf("AT_RANDOM %s\n", rnd ? "present" : "missing");
    CHECK(rnd != NULL);
    if (rnd) {
        unsigned sum = 0;
        for (int i = 0; i < 16; i++)
            sum |= rnd[i];
        CHECK(sum != 0);                /* 16 zero bytes would be no randomness */
    }

    const char *execfn = (const char *)getauxval(AT_EXECFN);
    CHECK(execfn != NULL);
    if (execfn) {
        const char *slash = strrchr(execfn, '/');
        printf("AT_EXECFN basename %s, equals argv[0]: %s\n", slash ? slash + 1 : execfn,
               strcmp(execfn, argv[0]) == 0 ? "yes" : "no");
        CHECK(strcmp(execfn, argv[0]) == 0);
    }

    printf("AT_ENTRY is _start: %s\n", getauxval(AT_ENTRY) == (unsigned long)_start ? "yes" : "no");
    CHECK(getauxval(AT_ENTRY) == (unsigned long)_start);

    const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM);
    printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
    CHECK(getauxval(AT_PHENT) == sizeof(ElfW(Phdr)));
    int main_in_load = 0;
    for (unsigned long i = 0; ph && i < phnum; i++)
        if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X) &&
            (unsigned long)main >= ph[i].p_vaddr && (unsigned long)main < ph[i].p_vaddr + ph[i].p_memsz)
            main_in_load = 1;
    printf("AT_PHDR describes a PT_LOAD holding main: %s\n", main_in_load ? "yes" : "no");
    CHECK(main_in_load);

    printf("AT_UID matches getuid: %s\n", getauxval(AT_UID) == getuid() ? "yes" : "no");
    CHECK(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid());
    CHECK(getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
    printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
    CHECK(getauxval(AT_SECURE) == 0);
    printf("AT_BASE %lu (static: no interpreter)\n", getauxval(AT_BASE));
    return guest_done();
}
