#include "CLibPQ.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __APPLE__
static const char *const library = "libpq.5.dylib";
#else
static const char *const library = "libpq.so.5";
#endif

static WartaLibPQ functions;
static const WartaLibPQ *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *path = getenv("WARTA_LIBPQ");
    if (path == NULL || *path == 0) path = library;
    // RTLD_LOCAL: libpq's symbols stay out of the global scope.
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(failure, sizeof failure, "%s", dlerror());
        return;
    }
#define BIND(name)                                                                      \
    do {                                                                                \
        void *symbol = dlsym(handle, #name);                                            \
        if (symbol == NULL) {                                                           \
            snprintf(failure, sizeof failure, "%s has no function " #name, path);       \
            return;                                                                     \
        }                                                                               \
        *(void **)&functions.name = symbol;                                             \
    } while (0)
    BIND(PQconnectdb);
    BIND(PQstatus);
    BIND(PQerrorMessage);
    BIND(PQfinish);
    BIND(PQexec);
    BIND(PQexecParams);
    BIND(PQclear);
    BIND(PQresultStatus);
    BIND(PQresultErrorMessage);
    BIND(PQntuples);
    BIND(PQnfields);
    BIND(PQgetisnull);
    BIND(PQgetvalue);
    BIND(PQgetCancel);
    BIND(PQcancel);
    BIND(PQfreeCancel);
    BIND(PQconninfoParse);
    BIND(PQconninfoFree);
    BIND(PQfreemem);
#undef BIND
    loaded = &functions;
}

const WartaLibPQ *warta_libpq(const char **error) {
    pthread_once(&once, load);
    *error = loaded ? NULL : failure;
    return loaded;
}
