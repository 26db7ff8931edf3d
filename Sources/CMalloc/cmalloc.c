// Everything is in include/cmalloc.h (static inline); a C target needs a source file.
#include "cmalloc.h"
