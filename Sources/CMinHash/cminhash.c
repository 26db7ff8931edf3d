#include "cminhash.h"

/* Four functions at a time over all the shingles: their minimums stay in
   registers, one load a shingle. */
static void lower_scalar(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                         const uint64_t *a, const uint64_t *b) {
    size_t h = 0;
    for (; h + 4 <= hashes; h += 4) {
        uint64_t l0 = UINT64_MAX, l1 = UINT64_MAX, l2 = UINT64_MAX, l3 = UINT64_MAX;
        for (size_t i = 0; i < count; i++) {
            uint64_t x = mixed[i];
            uint64_t v0 = x * a[h] + b[h], v1 = x * a[h + 1] + b[h + 1];
            uint64_t v2 = x * a[h + 2] + b[h + 2], v3 = x * a[h + 3] + b[h + 3];
            l0 = v0 < l0 ? v0 : l0;
            l1 = v1 < l1 ? v1 : l1;
            l2 = v2 < l2 ? v2 : l2;
            l3 = v3 < l3 ? v3 : l3;
        }
        sig[h] = l0; sig[h + 1] = l1; sig[h + 2] = l2; sig[h + 3] = l3;
    }
    for (; h < hashes; h++) {
        uint64_t least = UINT64_MAX;
        for (size_t i = 0; i < count; i++) {
            uint64_t v = mixed[i] * a[h] + b[h];
            least = v < least ? v : least;
        }
        sig[h] = least;
    }
}

void warta_minhash_lower_portable(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                                  const uint64_t *a, const uint64_t *b) {
    lower_scalar(sig, hashes, mixed, count, a, b);
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

/* Up to 32 functions (four registers of eight) a pass over the shingles. */
__attribute__((target("avx512f,avx512dq")))
static void lower_avx512(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                         const uint64_t *a, const uint64_t *b) {
    size_t h = 0;
    while (h + 8 <= hashes) {
        size_t vectors = (hashes - h) / 8;
        if (vectors > 4) vectors = 4;
        __m512i va[4], vb[4], least[4];
        for (size_t k = 0; k < vectors; k++) {
            va[k] = _mm512_loadu_si512((const void *)(a + h + 8 * k));
            vb[k] = _mm512_loadu_si512((const void *)(b + h + 8 * k));
            least[k] = _mm512_set1_epi64(-1);
        }
        if (vectors == 3) {
            /* The usual signature (24 functions), unrolled. */
            for (size_t i = 0; i < count; i++) {
                __m512i x = _mm512_set1_epi64((long long)mixed[i]);
                least[0] = _mm512_min_epu64(least[0], _mm512_add_epi64(_mm512_mullo_epi64(x, va[0]), vb[0]));
                least[1] = _mm512_min_epu64(least[1], _mm512_add_epi64(_mm512_mullo_epi64(x, va[1]), vb[1]));
                least[2] = _mm512_min_epu64(least[2], _mm512_add_epi64(_mm512_mullo_epi64(x, va[2]), vb[2]));
            }
        } else {
            for (size_t i = 0; i < count; i++) {
                __m512i x = _mm512_set1_epi64((long long)mixed[i]);
                for (size_t k = 0; k < vectors; k++)
                    least[k] = _mm512_min_epu64(least[k], _mm512_add_epi64(_mm512_mullo_epi64(x, va[k]), vb[k]));
            }
        }
        for (size_t k = 0; k < vectors; k++) _mm512_storeu_si512((void *)(sig + h + 8 * k), least[k]);
        h += 8 * vectors;
    }
    if (h < hashes) lower_scalar(sig + h, hashes - h, mixed, count, a + h, b + h);
}

/* AVX512F and AVX512DQ, and the operating system saving their registers (XCR0). */
static int has_avx512dq(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 27))) return 0;  /* OSXSAVE */
    unsigned int lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 0xE6) != 0xE6) return 0;  /* SSE, AVX, opmask and both halves of the ZMM state */
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 16)) && (ebx & (1u << 17));  /* AVX512F, AVX512DQ */
}

void warta_minhash_lower(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                         const uint64_t *a, const uint64_t *b) {
    /* 0 not yet known, 1 without, 2 with: a race only asks cpuid twice. */
    static volatile int avx512 = 0;
    int known = avx512;
    if (known == 0) { known = has_avx512dq() ? 2 : 1; avx512 = known; }
    if (known == 2) lower_avx512(sig, hashes, mixed, count, a, b);
    else lower_scalar(sig, hashes, mixed, count, a, b);
}
#else
void warta_minhash_lower(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                         const uint64_t *a, const uint64_t *b) {
    lower_scalar(sig, hashes, mixed, count, a, b);
}
#endif
