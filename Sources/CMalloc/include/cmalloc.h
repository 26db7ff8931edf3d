#ifndef WARTA_CMALLOC_H
#define WARTA_CMALLOC_H

/* glibc's allocator settings (malloc.h), which Swift's Glibc module leaves out.
   Elsewhere these do nothing. */
#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
static inline void warta_tune_allocator(void) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
}
static inline void warta_release_free_memory(void) { malloc_trim(0); }
#else
static inline void warta_tune_allocator(void) {}
static inline void warta_release_free_memory(void) {}
#endif

#endif
