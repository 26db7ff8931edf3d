#!/usr/bin/env python3
"""tantivy side of the benchmark (its Python bindings, in a virtual environment).

    tantivy_tool.py build EXPORT.jsonl DIR   index warta's exported text
    tantivy_tool.py serve DIR < requests     answer requests, one write each
    tantivy_tool.py probe                    the tokenization probes (shapes.py)

Schema: id (stored), title and text (stored, positions, analyzer "fold"),
day (YYYYMMDD integer: indexed, fast, stored).  The analyzer is the closest to
FTS5's unicode61 remove_diacritics 2: simple tokenizer (runs of alphanumeric
characters), lowercase, ASCII folding.  It is not persisted, so it is
registered again after every open.  The writer uses tantivy's defaults
(128 MB heap, one thread per core); there is no merge call in the bindings,
so the index may keep several segments.

Counts do not score: an aggregation (value_count over the fast field day).
Top-10: searcher.search(query, 10), title boosted 2x, ids from stored fields.
Requests and answers: see serving.py.
"""
import json
import os
import shutil
import sys
import time

import tantivy
from tantivy import Document, Filter, FieldType, Index, Occur, Query, SchemaBuilder, TextAnalyzerBuilder, Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402
from shapes import TOKEN_PROBES, TOP_K, probe_articles  # noqa: E402

TITLE_BOOST = 2.0


def analyzer():
    return TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.lowercase()).filter(Filter.ascii_fold()).build()


def schema():
    sb = SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="fold", index_option="position")
    sb.add_text_field("text", stored=True, tokenizer_name="fold", index_option="position")
    sb.add_integer_field("day", stored=True, indexed=True, fast=True)
    return sb.build()


def day_of(date):
    return int(date.replace("-", "")) if date else 0


def build(export, path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    t0 = time.perf_counter()
    index = Index(schema(), path=path)
    index.register_tokenizer("fold", analyzer())
    writer = index.writer()
    n = 0
    with open(export, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            writer.add_document(Document(id=a["id"], title=a.get("title") or "", text=a.get("text") or "",
                                         day=day_of(a.get("date"))))
            n += 1
    writer.commit()
    writer.wait_merging_threads()
    t1 = time.perf_counter()
    index.reload()
    json.dump({"rows": n, "seconds": t1 - t0, "segments": index.searcher().num_segments}, sys.stdout)
    print()


def open_index(path):
    index = Index.open(path)
    index.register_tokenizer("fold", analyzer())
    index.reload()
    return index


class Builder:
    def __init__(self, schema):
        self.schema = schema

    def fields(self, make):
        # `mentions` = title (boosted) or text; each match stays inside one field.
        return Query.boolean_query([
            (Occur.Should, Query.boost_query(make("title"), TITLE_BOOST)),
            (Occur.Should, make("text")),
        ])

    def build(self, node):
        op = node[0]
        s = self.schema
        if op == "term":
            return self.fields(lambda f: Query.term_query(s, f, node[1]))
        if op == "phrase":
            return self.fields(lambda f: Query.phrase_query(s, f, node[1]))
        if op == "near":
            _, a, b, n = node
            return self.fields(lambda f: Query.boolean_query([
                (Occur.Should, Query.phrase_query(s, f, [a, b], n)),
                (Occur.Should, Query.phrase_query(s, f, [b, a], n)),
            ]))
        if op == "and":
            return Query.boolean_query([(Occur.Must, self.build(q)) for q in node[1:]])
        if op == "or":
            return Query.boolean_query([(Occur.Should, self.build(q)) for q in node[1:]])
        if op == "andnot":
            return Query.boolean_query([(Occur.Must, self.build(node[1])), (Occur.MustNot, self.build(node[2]))])
        if op == "days":
            return Query.range_query(s, "day", FieldType.Integer, node[1], node[2])
        raise ValueError(node)


COUNT_AGG = {"n": {"value_count": {"field": "day"}}}


def answer(searcher, builder, kind, shape):
    q = builder.build(shape["tantivy"])
    if kind == "count":
        n = searcher.aggregate(q, COUNT_AGG)["n"]["value"]
        return '{"count": %d}\n' % int(n)
    if kind == "top":
        out = []
        for score, addr in searcher.search(q, TOP_K).hits:
            out.append('{"id": %s, "score": %.4f}\n' % (json.dumps(searcher.doc(addr)["id"][0]), score))
        return "".join(out)
    total = searcher.search(q, 1, count=True).count
    hits = searcher.search(q, max(total, 1)).hits if total else []
    return "".join('{"id": %s}\n' % json.dumps(searcher.doc(a)["id"][0]) for _, a in hits)


def probe():
    """Which probe words match their article: {key: bool}."""
    index = Index(schema())
    index.register_tokenizer("fold", analyzer())
    writer = index.writer()
    for a in probe_articles():
        writer.add_document(Document(id=a["id"], title=a["title"], text=a["text"], day=day_of(a["date"])))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    s = index.schema
    out = {}
    for key, _, words, _ in TOKEN_PROBES:
        q = Query.term_query(s, "text", words[0]) if len(words) == 1 else Query.phrase_query(s, "text", words)
        q = Query.boolean_query([(Occur.Must, q), (Occur.Must, Query.term_query(s, "id", key))])
        out[key] = searcher.search(q, 1, count=True).count > 0
    json.dump(out, sys.stdout)
    print()


class Handle:
    def __init__(self, path):
        self.index = open_index(path)
        self.searcher = self.index.searcher()
        self.builder = Builder(self.index.schema)


def serve(path):
    serving.serve(lambda: Handle(path), lambda h, kind, shape: answer(h.searcher, h.builder, kind, shape))


if __name__ == "__main__":
    serving.main(__doc__, build, serve, probe=probe)
