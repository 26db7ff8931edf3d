#!/usr/bin/env python3
"""FTS5 side of the benchmark (Python's sqlite3 module, SQLite's own FTS5).

    fts5_tool.py build EXPORT.jsonl DB     index warta's exported text
    fts5_tool.py serve DB < requests       answer requests, one write each
    fts5_tool.py probe                     the tokenization probes (shapes.py)

The table: fts5(title, text, id UNINDEXED, date UNINDEXED) with
tokenize='unicode61 remove_diacritics 2'.  title and text are separate
columns, so a phrase or a NEAR group never spans them; the content is stored
(like tantivy's stored fields and like warta, which can show every article).
After the inserts, 'optimize' merges the b-trees into one, as one would for a
read-only index.

Requests and answers: see serving.py.
"""
import json
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402
from shapes import TOKEN_PROBES, TOP_K, probe_articles  # noqa: E402

TOKENIZE = "unicode61 remove_diacritics 2"


def build(export, db):
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, text, id UNINDEXED, date UNINDEXED, "
        "tokenize='%s')" % TOKENIZE)

    def rows():
        with open(export, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                yield (a.get("title") or "", a.get("text") or "", a["id"], a.get("date"))

    with con:
        con.executemany("INSERT INTO t(title, text, id, date) VALUES (?, ?, ?, ?)", rows())
    t1 = time.perf_counter()
    with con:
        con.execute("INSERT INTO t(t) VALUES ('optimize')")
    con.close()
    t2 = time.perf_counter()
    n = sqlite3.connect(db).execute("SELECT count(*) FROM t").fetchone()[0]
    json.dump({"rows": n, "insert_s": t1 - t0, "optimize_s": t2 - t1,
               "sqlite": sqlite3.sqlite_version}, sys.stdout)
    print()


def open_db(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    # Read through the OS page cache without copying, as tantivy does (mmap).
    con.execute("PRAGMA mmap_size = %d" % (1 << 40))
    return con


def sql_for(shape, kind):
    where = "t MATCH ?"
    params = [shape["fts5"]]
    if "fts5_filter" in shape:
        clause, extra = shape["fts5_filter"]
        where += " AND " + clause
        params += list(extra)
    if kind == "count":
        return "SELECT count(*) FROM t WHERE " + where, params
    if kind == "top":
        return ("SELECT id, bm25(t, 2.0, 1.0) FROM t WHERE %s ORDER BY bm25(t, 2.0, 1.0) LIMIT %d"
                % (where, TOP_K)), params
    return "SELECT id FROM t WHERE " + where, params


def answer(con, kind, shape):
    sql, params = sql_for(shape, kind)
    if kind == "count":
        n = con.execute(sql, params).fetchone()[0]
        return '{"count": %d}\n' % n
    if kind == "top":
        # bm25() is lower-is-better in FTS5; print it negated like a score.
        return "".join('{"id": %s, "score": %.4f}\n' % (json.dumps(i), -s)
                       for i, s in con.execute(sql, params))
    return "".join('{"id": %s}\n' % json.dumps(i) for (i,) in con.execute(sql, params))


def probe():
    """Which probe words match their article: {key: bool}."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, id UNINDEXED, tokenize='%s')" % TOKENIZE)
    for a in probe_articles():
        con.execute("INSERT INTO t(title, text, id) VALUES (?, ?, ?)", (a["title"], a["text"], a["id"]))
    out = {}
    for key, _, words, _ in TOKEN_PROBES:
        phrase = '"%s"' % " ".join(words).replace('"', '""')
        out[key] = con.execute("SELECT count(*) FROM t WHERE t MATCH ? AND id = ?", (phrase, key)).fetchone()[0] > 0
    json.dump(out, sys.stdout)
    print()


def serve(db):
    serving.serve(lambda: open_db(db), answer)


if __name__ == "__main__":
    serving.main(__doc__, build, serve, probe=probe)
