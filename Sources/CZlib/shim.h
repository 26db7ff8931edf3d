// zlib (Debian: zlib1g-dev): the deflate codec of an index file's article blocks.
#if !__has_include(<zlib.h>)
#error "zlib.h not found: index files need zlib (Debian: apt-get install -y zlib1g-dev)"
#endif
#include <zlib.h>
