/* Copy stdin to stdout with read/write and an odd buffer size, so short
 * reads, partial blocks and binary data (NUL bytes) all go through. */
#include <unistd.h>
#include "guest.h"

int main(void)
{
    static char buf[777];
    long total = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(1, buf + done, (size_t)(n - done));
            if (w <= 0)
                return 2;
            done += w;
        }
        total += n;
    }
    fprintf(stderr, "cat: %ld bytes\n", total);
    return n < 0 ? 1 : 0;
}
