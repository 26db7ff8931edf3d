#ifndef WARTA_CMINHASH_H
#define WARTA_CMINHASH_H

#include <stddef.h>
#include <stdint.h>

/* The MinHash signature of a set of shingles (warta's MinHash.lower): for each
   function h < `hashes`, sig[h] is the least `mixed[i] * a[h] + b[h]` (modulo 2^64)
   over the `count` mixed shingles, UINT64_MAX for none. Eight functions at a time
   in AVX-512 registers where the processor has them (AVX512F and DQ, checked once
   with cpuid); the same arithmetic one function at a time elsewhere: the
   signatures are the same bit for bit either way. */
void warta_minhash_lower(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                         const uint64_t *a, const uint64_t *b);

/* The same in general registers, whatever the processor (what the tests compare). */
void warta_minhash_lower_portable(uint64_t *sig, size_t hashes, const uint64_t *mixed, size_t count,
                                  const uint64_t *a, const uint64_t *b);

#endif
