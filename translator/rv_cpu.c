/* Allocation of a guest thread's state: the fixed part and its slot array in
 * one reservation, so translated code reaches every slot from rbp. */
#include <stddef.h>
#include <sys/mman.h>
#include "translator/fp_mxcsr.h"
#include "translator/rv_cpu.h"

/* LeakSanitizer does not look into mmap'd memory, and the fixed part holds
 * the only pointers to the thread's other state (cpu->thread). */
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#define LSAN_ROOT(cpu) __lsan_register_root_region(cpu, offsetof(struct rv_cpu, mem_slots))
#define LSAN_UNROOT(cpu) __lsan_unregister_root_region(cpu, offsetof(struct rv_cpu, mem_slots))
#else
#define LSAN_ROOT(cpu) ((void)(cpu))
#define LSAN_UNROOT(cpu) ((void)(cpu))
#endif

struct rv_cpu *rv_cpu_new(struct rv_proc *proc)
{
    struct rv_cpu *cpu = mmap(NULL, RV_CPU_ALLOC_SIZE, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (cpu == MAP_FAILED)
        return NULL;
    cpu->proc = proc;
    cpu->tlb_mask = TLB_MAX - 1;
    for (int i = 0; i < TLB_MAX; i++)
        cpu->tlb[i].page = TLB_EMPTY;
    for (int i = 0; i < RV_RAS_SIZE; i++)
        cpu->ras[i].guest = 1;   /* odd: matches no return target */
    for (unsigned m = 0; m < sizeof cpu->fflags_of_mxcsr; m++)
        cpu->fflags_of_mxcsr[m] = (uint8_t)fp_mxcsr_fflags(m);
    for (int i = 0; i < 2; i++) {
        cpu->fp_sign[i] = 1ull << 63;
        cpu->fp_magnitude[i] = ~(1ull << 63);
    }
    LSAN_ROOT(cpu);
    return cpu;
}

void rv_cpu_free(struct rv_cpu *cpu)
{
    LSAN_UNROOT(cpu);
    munmap(cpu, RV_CPU_ALLOC_SIZE);
}
