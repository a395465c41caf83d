/* exit from a thread while the others run: three threads spin in loops that
 * make no syscall, main waits in pthread_join (a futex), and a fourth
 * thread, once all are running, prints and calls exit(3). The process ends
 * with status 3, and what stdio buffered in main and in the exiting thread
 * reaches stdout (a pipe or file, so fully buffered) all the same. Under
 * --stats-json and --profile-html the reports are whole (tests/stats.sh). */
#include <sched.h>
#include <stdatomic.h>
#include "guest.h"
#include "watchdog.h"

enum { SPINNERS = 3 };
static atomic_int running;

static void *spin(void *arg)
{
    volatile unsigned long x = (unsigned long)arg;
    atomic_fetch_add(&running, 1);
    for (;;)
        x = x * 6364136223846793005ul + 1442695040888963407ul;
    return NULL;
}

static void *leave(void *arg)
{
    (void)arg;
    while (atomic_load(&running) < SPINNERS)
        sched_yield();
    /* let the spinners run a while in translated code */
    for (volatile int i = 0; i < 2000000; i++)
        ;
    printf("thread: exit(3) with %d threads spinning\n", SPINNERS);
    exit(3);
}

int main(void)
{
    start_alarm_watchdog(20);
    pthread_t t[SPINNERS];
    for (int i = 0; i < SPINNERS; i++)
        t[i] = start_thread(NULL, spin, (void *)(unsigned long)i);
    printf("main: %d threads spinning, one more to exit\n", SPINNERS);
    pthread_t l = start_thread(NULL, leave, NULL);
    stage = "join";
    pthread_join(l, NULL);
    pthread_join(t[0], NULL);
    printf("main: joined, which exit(3) should have prevented\n");
    return 0;
}
