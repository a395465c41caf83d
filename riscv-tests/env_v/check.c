/* The trap tests' failure reports (see probe.h): one console line per
 * failed check through HTIF, then the first failed case through tohost. */
#include "env_v/probe.h"

extern volatile uint64_t tohost;
void rvt_pass(void) __attribute__((noreturn));
void rvt_fail(void) __attribute__((noreturn));

static unsigned first_failed;

static void put(const char *s)
{
    for (; *s; s++) {
        while (tohost)
            ;               /* the host has not taken the last character */
        tohost = 0x0101000000000000ull | (uint8_t)*s;
    }
}

static void put_dec(unsigned v)
{
    char buf[12];
    int i = sizeof buf - 1;
    buf[i] = '\0';
    do
        buf[--i] = (char)('0' + v % 10);
    while (v /= 10);
    put(&buf[i]);
}

void probe_check_failed(unsigned line)
{
    uint64_t gp;
    __asm__ volatile("mv %0, gp" : "=r"(gp));
    put("case ");
    put_dec((unsigned)gp);
    put(" failed (line ");
    put_dec(line);
    put(")\n");
    if (!first_failed)
        first_failed = (unsigned)gp;
}

void probe_done(void)
{
    if (!first_failed)
        rvt_pass();
    __asm__ volatile("mv gp, %0" :: "r"((uint64_t)first_failed));
    rvt_fail();
}
