/* The code-page bitmap: which guest pages the translator has read code from. */
#include "mmu/mmu.h"

static inline uint64_t page_no(uint64_t addr) { return addr / MMU_PAGE_SIZE; }

/* Word w of the bitmap: other threads mark pages while it is read. */
static inline uint64_t bits(const struct mmu *m, uint64_t w)
{
    return __atomic_load_n(&m->code_bits[w], __ATOMIC_RELAXED);
}

bool mmu_code_mark(struct mmu *m, uint64_t addr)
{
    if (addr >= MMU_GUEST_SIZE)
        return false;    /* bare mode's upper virtual addresses are never tracked */
    uint64_t p = page_no(addr), bit = 1ull << (p & 63);
    uint64_t old = __atomic_fetch_or(&m->code_bits[p >> 6], bit, __ATOMIC_RELAXED);
    return !(old & bit);
}

bool mmu_code_test(const struct mmu *m, uint64_t addr)
{
    uint64_t p = page_no(addr);
    return addr < MMU_GUEST_SIZE && (bits(m, p >> 6) >> (p & 63) & 1);
}

void mmu_code_clear(struct mmu *m, uint64_t addr)
{
    uint64_t p = page_no(addr);
    __atomic_fetch_and(&m->code_bits[p >> 6], ~(1ull << (p & 63)), __ATOMIC_RELAXED);
}

/* Page by page for clarity; ranges are clipped only on store-slot refills of
 * writable regions, and a run of unmarked 64-page words is skipped at once. */
void mmu_code_clip(const struct mmu *m, uint64_t addr, uint64_t *lo, uint64_t *hi)
{
    uint64_t p = page_no(addr), first = page_no(*lo), end = page_no(*hi - 1) + 1;
    uint64_t q = p + 1;
    while (q < end) {
        if (!(q & 63) && q + 64 <= end && !bits(m, q >> 6)) {
            q += 64;
            continue;
        }
        if (bits(m, q >> 6) >> (q & 63) & 1)
            break;
        q++;
    }
    if (q < end)
        *hi = q * MMU_PAGE_SIZE;
    q = p;
    while (q > first) {
        if (!(q & 63) && q >= first + 64 && !bits(m, (q >> 6) - 1)) {
            q -= 64;
            continue;
        }
        if (bits(m, (q - 1) >> 6) >> ((q - 1) & 63) & 1)
            break;
        q--;
    }
    if (q > first)
        *lo = q * MMU_PAGE_SIZE;
}

void mmu_code_clear_range(struct mmu *m, uint64_t lo, uint64_t hi)
{
    for (uint64_t p = lo / MMU_PAGE_SIZE, end = (hi + MMU_PAGE_SIZE - 1) / MMU_PAGE_SIZE; p < end;) {
        if (!(p & 63) && p + 64 <= end) {
            __atomic_store_n(&m->code_bits[p >> 6], 0, __ATOMIC_RELAXED);
            p += 64;
        } else {
            __atomic_fetch_and(&m->code_bits[p >> 6], ~(1ull << (p & 63)), __ATOMIC_RELAXED);
            p++;
        }
    }
}

bool mmu_code_span(const struct mmu *m, uint64_t *lo, uint64_t *hi)
{
    if (*lo >= *hi || *lo >= MMU_GUEST_SIZE)
        return false;
    uint64_t first = page_no(*lo), end = page_no((*hi < MMU_GUEST_SIZE ? *hi : MMU_GUEST_SIZE) - 1) + 1;
    uint64_t a = first, b = end;
    while (a < b && !(bits(m, a >> 6) >> (a & 63) & 1))
        a = (a & 63) || bits(m, a >> 6) ? a + 1 : a + 64;
    if (a >= b)
        return false;
    while (!(bits(m, (b - 1) >> 6) >> ((b - 1) & 63) & 1))
        b = !(b & 63) && !bits(m, (b - 1) >> 6) ? b - 64 : b - 1;
    *lo = a * MMU_PAGE_SIZE;
    *hi = b * MMU_PAGE_SIZE;
    return true;
}
