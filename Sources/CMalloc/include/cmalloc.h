#ifndef WARTA_CMALLOC_H
#define WARTA_CMALLOC_H

/* glibc's allocator settings (malloc.h), which Swift's Glibc module leaves out.
   Elsewhere these do nothing. */
#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
/* By default glibc maps every block over 128 KiB on its own and unmaps it when
   freed (the next one faults its pages in again), and hands the top of the heap
   back to the kernel whenever 128 KiB are free. Here: blocks up to 32 MiB from
   the heap, the heap grown 64 MiB at a time and not trimmed as it goes. What a
   build leaves is handed back at once when it is freed (warta_release_free_memory,
   called by freeInBackground), so a shell that opened a big corpus does not keep
   the memory its build needed. */
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
