// zlib (Debian: zlib1g-dev): the deflate codec of an index file's article blocks.
#include <zlib.h>
