// libdeflate (Debian: libdeflate-dev): the zlib-format streams of an index file's article
// blocks and its CRC-32 checksums, two to three times zlib's speed, byte-compatible streams.
#if !__has_include(<libdeflate.h>)
#error "libdeflate.h not found: index files need libdeflate (Debian: apt-get install -y libdeflate-dev)"
#endif
#include <libdeflate.h>
