/* time.h: a date formatter over fixed time_t values (gmtime_r, strftime with
 * every common conversion, asctime, mktime/timegm round trips, difftime),
 * localtime under TZ=UTC and under a POSIX TZ rule with daylight saving, a
 * calendar computed by hand and checked against gmtime, and the clocks
 * (time, clock, clock_gettime, gettimeofday, nanosleep) checked only for
 * being sane, since their values change from run to run. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "guest.h"

static const time_t stamps[] = {0, 951782400, 1000000000, 1234567890, 1709164800, 2147483647, 4102444799,
                                -86400 * 365, 68169600 + 43200};

static void formats(void)
{
    const char *fmt = "%Y-%m-%d %H:%M:%S | %a %A %b %B | %j %U %W %u %w | %y %C %e %I %p | %G-W%V | %s %%";
    for (size_t i = 0; i < sizeof stamps / sizeof stamps[0]; i++) {
        struct tm tm;
        char buf[200];
        CHECK(gmtime_r(&stamps[i], &tm) != NULL);
        size_t n = strftime(buf, sizeof buf, fmt, &tm);
        printf("%12lld %s (%zu)\n", (long long)stamps[i], buf, n);
        strftime(buf, sizeof buf, "%c | %x | %X | %D | %T | %R | %h %n%t|", &tm);
        printf("             %s\n", buf);
        CHECK(timegm(&tm) == stamps[i]);
    }
    struct tm tm;
    time_t t = 1234567890;
    gmtime_r(&t, &tm);
    char small[8];
    printf("strftime too small: %zu\n", strftime(small, sizeof small, "%Y-%m-%d", &tm));
    printf("asctime: %s", asctime(&tm));
    char cbuf[32];
    printf("asctime_r: %s", asctime_r(&tm, cbuf));
}

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m];
}

static void calendar(void)
{
    /* walk day by day from 1900 to 2100 and compare with gmtime */
    long days = -25567;                   /* 1900-01-01 relative to 1970-01-01 */
    int y = 1900, m = 0, d = 1, wday = 1, bad = 0;
    long leapdays = 0;
    while (y < 2101) {
        if (d == 1 && (m == 0 || m == 6)) {
            time_t t = (time_t)days * 86400 + 3600 * 5 + 7;
            struct tm tm;
            gmtime_r(&t, &tm);
            bad += tm.tm_year != y - 1900 || tm.tm_mon != m || tm.tm_mday != d || tm.tm_wday != wday ||
                   tm.tm_hour != 5 || tm.tm_sec != 7;
        }
        if (m == 1 && d == 29)
            leapdays++;
        days++;
        wday = (wday + 1) % 7;
        if (++d > days_in_month(y, m)) {
            d = 1;
            if (++m == 12) {
                m = 0;
                y++;
            }
        }
    }
    printf("calendar 1900-2100: %d mismatches, %ld leap days\n", bad, leapdays);
    CHECK(bad == 0 && leapdays == 49);
    /* printed like cal(1) for one month */
    struct tm first = {.tm_year = 124, .tm_mon = 1, .tm_mday = 1, .tm_hour = 12};
    time_t t = timegm(&first);
    gmtime_r(&t, &first);
    printf("   February 2024\nSu Mo Tu We Th Fr Sa\n%*s", first.tm_wday * 3, "");
    for (int day = 1; day <= 29; day++)
        printf("%2d%c", day, (first.tm_wday + day) % 7 == 0 || day == 29 ? '\n' : ' ');
}

static void zones(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    time_t t = 1700000000;
    struct tm lt, gt;
    localtime_r(&t, &lt);
    gmtime_r(&t, &gt);
    char buf[100];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z %z", &lt);
    printf("TZ=UTC localtime %s same %d\n", buf, memcmp(&lt, &gt, offsetof(struct tm, tm_isdst)) == 0);
    struct tm in = {.tm_year = 99, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23, .tm_min = 59, .tm_sec = 60};
    time_t mk = mktime(&in);
    strftime(buf, sizeof buf, "%F %T", &in);
    printf("mktime normalises leap second: %lld %s yday %d\n", (long long)mk, buf, in.tm_yday);
    struct tm over = {.tm_year = 120, .tm_mon = 14, .tm_mday = -3, .tm_hour = 50};
    mk = mktime(&over);
    strftime(buf, sizeof buf, "%F %T %A", &over);
    printf("mktime out of range fields: %lld %s\n", (long long)mk, buf);

    setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
    tzset();
    time_t when[] = {1700000000, 1690000000, 1710054000, 1710053999, 1699164000};
    for (size_t i = 0; i < sizeof when / sizeof when[0]; i++) {
        localtime_r(&when[i], &lt);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z %z", &lt);
        printf("EST5EDT %lld -> %s dst %d gmtoff %ld back %lld\n", (long long)when[i], buf, lt.tm_isdst,
               lt.tm_gmtoff, (long long)mktime(&lt));
    }
    printf("tzname %s %s timezone %ld daylight %d\n", tzname[0], tzname[1], timezone, daylight);
    printf("ctime: %s", ctime(&when[0]));
    setenv("TZ", "UTC", 1);
    tzset();
    printf("difftime %.1f %.1f\n", difftime(when[0], when[1]), difftime(0, 1));
    struct tm parsed = {0};
    char *rest = strptime("2023-07-04 08:30:15 tail", "%Y-%m-%d %H:%M:%S", &parsed);
    printf("strptime %d-%d-%d %d:%d:%d rest \"%s\" timegm %lld\n", parsed.tm_year + 1900, parsed.tm_mon + 1,
           parsed.tm_mday, parsed.tm_hour, parsed.tm_min, parsed.tm_sec, rest, (long long)timegm(&parsed));
}

static void clocks(void)
{
    time_t now = time(NULL), now2;
    time(&now2);
    CHECK(now > 1600000000 && now2 >= now && now2 - now < 5);
    struct timespec a, b, res, r;
    CHECK(clock_gettime(CLOCK_REALTIME, &r) == 0);
    CHECK(r.tv_sec >= now && r.tv_sec - now < 5 && r.tv_nsec >= 0 && r.tv_nsec < 1000000000);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0);
    struct timespec nap = {0, 2000000};
    CHECK(nanosleep(&nap, NULL) == 0);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
    long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    CHECK(ns >= 2000000 && ns < 2000000000);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now && tv.tv_usec < 1000000);
    clock_t c0 = clock();
    volatile double x = 0;
    for (int i = 0; i < 300000; i++)
        x += i * 0.5;
    clock_t c1 = clock();
    CHECK(c0 != (clock_t)-1 && c1 >= c0);
    struct timespec cpu;
    CHECK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0);
    printf("clocks sane, CLOCKS_PER_SEC %ld\n", (long)CLOCKS_PER_SEC);
}

int main(void)
{
    formats();
    calendar();
    zones();
    clocks();
    return guest_done();
}
