#ifndef WARTA_CPREFETCH_H
#define WARTA_CPREFETCH_H

/* Asks for the cache line at `p` ahead of its use (a hint: it never faults and
   may be dropped). Swift has no such intrinsic; this inlines into the caller. */
static inline void warta_prefetch(const void *p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p, 0, 3);
#else
    (void)p;
#endif
}

/* Asks the kernel to back the 2 MiB pages lying wholly within [p, p + n) with
   huge pages (Linux's transparent huge pages, when set to "madvise"), before
   they are first touched. For a table of megabytes read at random (the term
   table): one TLB entry covers 2 MiB, not 4 KiB. A hint: elsewhere, or when
   refused, nothing changes. */
#if defined(__linux__)
#include <sys/mman.h>
#include <stdint.h>
static inline void warta_huge(void *p, unsigned long n) {
    uintptr_t lo = ((uintptr_t)p + (2u << 20) - 1) & ~(uintptr_t)((2u << 20) - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(uintptr_t)((2u << 20) - 1);
    if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
}
#else
static inline void warta_huge(void *p, unsigned long n) { (void)p; (void)n; }
#endif

#endif
