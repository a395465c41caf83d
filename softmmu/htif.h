/* HTIF, the host-target interface of the Spike simulator, through which
 * bare-metal test images (riscv-tests, and QEMU's spike machine) talk to the
 * host: the guest writes a command into the 64-bit word `tohost`; the host
 * acts on it, clears tohost, and may answer in `fromhost`.
 *
 *   device 0, command 0, payload odd:  exit; payload >> 1 is the status
 *                                      (riscv-tests: 0 pass, N failed test N)
 *   device 0, command 0, payload even: syscall proxy; the payload is the
 *                                      physical address of the arguments
 *                                      (write and exit are understood)
 *   device 1, command 1:               write the low byte to the console
 */
#ifndef HTIF_H
#define HTIF_H

#include <stdbool.h>
#include <stdint.h>
#include "translator/rv_cpu.h"

/* Whether physical [pa, pa + len) overlaps tohost. */
static inline bool htif_touches(const struct rv_priv *p, uint64_t pa, uint64_t len)
{
    return pa < p->tohost + 8 && p->tohost < pa + len;
}

/* An access touched physical [pa, pa + len): if that overlaps tohost and a
 * command waits there, act on it. The slow path calls this after every
 * store to tohost (it does those itself), and before loads and AMOs there,
 * so that a command an AMO wrote is seen when the guest next looks at
 * tohost. Does not return when the command ends the run. */
void htif_check(struct rv_cpu *cpu, uint64_t pa, uint64_t len);

#endif
