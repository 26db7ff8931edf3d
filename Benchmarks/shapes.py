"""The eight query shapes of issue 10, written once for each tool.

Every shape is asked twice: as a count (no scoring where the tool allows it)
and as a top-10 by BM25 with the title weighted 2x.  `mentions` in warta
searches `title` and `text` (the cleaned body) and a phrase never spans the
two, so FTS5 and tantivy index the two fields separately and every term,
phrase or NEAR group is matched inside one field.

- warta: the statement as a user types it.
- FTS5: the MATCH expression (unindexed `id` and `date` columns are never
  searched) plus an optional SQL filter on the `date` column.
- tantivy: a small tree, turned into Query objects by tantivy_tool.py:
    ("term", w) | ("phrase", [w, ...]) | ("near", a, b, n)
    ("and", q, ...) | ("or", q, ...) | ("andnot", q, q) | ("days", from, to)
  Words are given already analysed (lower case, ASCII): the query side does
  not go through the index's analyzer.
"""

SHAPES = [
    {
        "key": "common",
        "label": "common term",
        "query": "jakarta",
        "warta": 'mentions "jakarta"',
        "fts5": "jakarta",
        "tantivy": ("term", "jakarta"),
    },
    {
        "key": "rare",
        "label": "rare term",
        "query": "anambas",
        "warta": 'mentions "anambas"',
        "fts5": "anambas",
        "tantivy": ("term", "anambas"),
    },
    {
        "key": "and",
        "label": "two-term AND",
        "query": "presiden AND jokowi",
        "warta": 'mentions "presiden" and mentions "jokowi"',
        "fts5": "presiden AND jokowi",
        "tantivy": ("and", ("term", "presiden"), ("term", "jokowi")),
    },
    {
        "key": "phrase",
        "label": "phrase",
        "query": '"timnas indonesia"',
        "warta": 'mentions "timnas indonesia"',
        "fts5": '"timnas indonesia"',
        "tantivy": ("phrase", ["timnas", "indonesia"]),
    },
    {
        "key": "or3",
        "label": "OR of three",
        "query": "gempa OR banjir OR longsor",
        "warta": 'mentions "gempa" or mentions "banjir" or mentions "longsor"',
        "fts5": "gempa OR banjir OR longsor",
        "tantivy": ("or", ("term", "gempa"), ("term", "banjir"), ("term", "longsor")),
    },
    {
        "key": "not",
        "label": "NOT",
        "query": "jokowi NOT prabowo",
        "warta": 'mentions "jokowi" and not mentions "prabowo"',
        "fts5": "jokowi NOT prabowo",
        "tantivy": ("andnot", ("term", "jokowi"), ("term", "prabowo")),
    },
    {
        "key": "near",
        "label": "near 5",
        "query": "revisi NEAR/5 kpk (either order)",
        "warta": 'mentions "revisi" near 5 "kpk"',
        # FTS5's NEAR is unordered: at most 5 tokens between the two, same column.
        "fts5": "NEAR(revisi kpk, 5)",
        # tantivy's slop is ordered: phrase(a b, slop 5) OR phrase(b a, slop 5).
        "tantivy": ("near", "revisi", "kpk", 5),
    },
    {
        "key": "date",
        "label": "term + date range",
        "query": "korupsi, 2019-09-12..2019-09-15",
        "warta": 'mentions "korupsi" and date between 2019-09-12 and 2019-09-15',
        "fts5": "korupsi",
        "fts5_filter": ("date BETWEEN ? AND ?", ("2019-09-12", "2019-09-15")),
        "tantivy": ("and", ("term", "korupsi"), ("days", 20190912, 20190915)),
    },
]

TOP_K = 10


def warta_count(shape):
    return "count articles where " + shape["warta"]


def warta_top(shape):
    return "articles where %s limit %d show id, score" % (shape["warta"], TOP_K)


def warta_ids(shape):
    return "articles where %s show id" % shape["warta"]


# Where the three analyzers can part: does the query word match the text?
# (key, text, query words, what it shows).  bench.py asks each tool on a tiny
# corpus, one article per case, and prints the answers in the report, so a
# tokenization difference is shown whatever the counts say.
TOKEN_PROBES = [
    ("latin", "Café", ["cafe"], "precomposed Latin diacritic"),
    ("combining", "Cafe\u0301s", ["cafes"], "e + combining acute (U+0301) inside a word"),
    ("greek", "\u03ac\u03bb\u03c6\u03b1", ["\u03b1\u03bb\u03c6\u03b1"], "Greek with tonos"),
    ("eszett", "Straße", ["strasse"], "German ß"),
    ("ligature", "\ufb01nal", ["final"], "ligature ﬁ (U+FB01)"),
    ("fullwidth", "\uff2a\uff41\uff4b\uff41\uff52\uff54\uff41", ["jakarta"], "full-width letters"),
    ("superscript", "km\u00b2", ["km2"], "superscript two"),
    ("softhyphen", "Ja\u00adkarta", ["jakarta"], "soft hyphen (U+00AD) inside a word"),
    ("zerowidth", "Ja\u200bkarta", ["jakarta"], "zero-width space (U+200B) inside a word"),
    ("apostrophe", "Jokowi\u2019s", ["jokowi"], "apostrophe splits"),
    ("hyphen", "Kim Jong-un", ["jong", "un"], "hyphen splits"),
    ("digits", "2019Jakarta", ["jakarta"], "letters glued to digits: one token"),
    ("dotted", "\u0130stanbul", ["istanbul"], "Turkish dotted capital I"),
]


def probe_articles():
    """The probe corpus: one article per case, in the export's shape."""
    return [{"id": k, "title": "probe", "text": text, "date": "2019-01-01"} for k, text, _, _ in TOKEN_PROBES]
