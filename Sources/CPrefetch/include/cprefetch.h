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

#endif
