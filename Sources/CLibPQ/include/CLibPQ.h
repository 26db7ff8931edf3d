// The part of libpq (PostgreSQL's C client) that WartaPostgres calls, loaded
// with dlopen the first time a PostgreSQL URL is used: warta starts without
// libpq and the ~30 libraries it needs (gnutls, krb5, ldap…), and runs
// everywhere but PostgreSQL when libpq is not installed.
//
// The declarations are libpq-fe.h's (libpq.so.5, whose ABI has been stable
// since PostgreSQL 8.2), so building needs no libpq headers.
#ifndef WARTA_CLIBPQ_H
#define WARTA_CLIBPQ_H

#include <stddef.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef struct pg_cancel PGcancel;
typedef unsigned int Oid;

typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;

typedef enum {
    PGRES_EMPTY_QUERY = 0,
    PGRES_COMMAND_OK,
    PGRES_TUPLES_OK,
    PGRES_COPY_OUT,
    PGRES_COPY_IN,
    PGRES_BAD_RESPONSE,
    PGRES_NONFATAL_ERROR,
    PGRES_FATAL_ERROR
} ExecStatusType;

typedef struct _PQconninfoOption {
    char *_Nullable keyword;
    char *_Nullable envvar;
    char *_Nullable compiled;
    char *_Nullable val;
    char *_Nullable label;
    char *_Nullable dispchar;
    int dispsize;
} PQconninfoOption;

/// libpq's functions, each under its own name.
typedef struct {
    PGconn *_Nullable (*_Nonnull PQconnectdb)(const char *_Nonnull conninfo);
    ConnStatusType (*_Nonnull PQstatus)(const PGconn *_Nonnull conn);
    char *_Nonnull (*_Nonnull PQerrorMessage)(const PGconn *_Nullable conn);
    void (*_Nonnull PQfinish)(PGconn *_Nonnull conn);
    PGresult *_Nullable (*_Nonnull PQexec)(PGconn *_Nonnull conn, const char *_Nonnull query);
    PGresult *_Nullable (*_Nonnull PQexecParams)(PGconn *_Nonnull conn, const char *_Nonnull command, int nParams,
                                                 const Oid *_Nullable paramTypes,
                                                 const char *_Nullable const *_Nullable paramValues,
                                                 const int *_Nullable paramLengths, const int *_Nullable paramFormats,
                                                 int resultFormat);
    void (*_Nonnull PQclear)(PGresult *_Nonnull res);
    ExecStatusType (*_Nonnull PQresultStatus)(const PGresult *_Nonnull res);
    char *_Nonnull (*_Nonnull PQresultErrorMessage)(const PGresult *_Nonnull res);
    int (*_Nonnull PQntuples)(const PGresult *_Nonnull res);
    int (*_Nonnull PQnfields)(const PGresult *_Nonnull res);
    int (*_Nonnull PQgetisnull)(const PGresult *_Nonnull res, int tup_num, int field_num);
    char *_Nonnull (*_Nonnull PQgetvalue)(const PGresult *_Nonnull res, int tup_num, int field_num);
    PGcancel *_Nullable (*_Nonnull PQgetCancel)(PGconn *_Nonnull conn);
    int (*_Nonnull PQcancel)(PGcancel *_Nonnull cancel, char *_Nonnull errbuf, int errbufsize);
    void (*_Nonnull PQfreeCancel)(PGcancel *_Nonnull cancel);
    PQconninfoOption *_Nullable (*_Nonnull PQconninfoParse)(const char *_Nonnull conninfo, char *_Nullable *_Nullable errmsg);
    void (*_Nonnull PQconninfoFree)(PQconninfoOption *_Nonnull connOptions);
    void (*_Nonnull PQfreemem)(void *_Nonnull ptr);
} WartaLibPQ;

/// Loads libpq once (thread-safe): its functions, or NULL with `*error` set
/// to why not (dlopen's or dlsym's message). WARTA_LIBPQ names another file
/// to load instead of libpq.so.5.
const WartaLibPQ *_Nullable warta_libpq(const char *_Nullable *_Nonnull error);

#endif
