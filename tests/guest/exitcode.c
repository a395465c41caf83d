/* Exit statuses reach the host unchanged, and exit() runs atexit handlers
 * and flushes stdio first. The argument picks the way out. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

static void bye(void)
{
    printf("atexit handler ran\n");
}

int main(int argc, char **argv)
{
    atexit(bye);
    const char *how = argc > 1 ? argv[1] : "0";
    printf("leaving with %s\n", how);     /* stays buffered until exit flushes it */
    if (!strcmp(how, "ret42"))
        return 42;
    if (!strcmp(how, "_exit7")) {
        fflush(stdout);
        _exit(7);                          /* no atexit handler, no flush */
    }
    exit(atoi(how));
}
