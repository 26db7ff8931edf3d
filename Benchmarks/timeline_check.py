#!/usr/bin/env python3
"""Issue 12's acceptance: `count articles where mentions "jokowi" group by
date.day` gives, for every day from the corpus's first date to its last, the
same counts as FTS5 over the same cleaned text, with `total` that day's
number of articles. Usage: Benchmarks/timeline_check.py WARTA CORPUS"""
import datetime, json, sqlite3, subprocess, sys
from collections import Counter

warta, corpus = sys.argv[1], sys.argv[2]
out = subprocess.run([warta, "--corpus", corpus, "--format", "jsonl", "-c", "articles show id, title, text, date",
                      "-c", 'count articles where mentions "jokowi" group by date.day'],
                     check=True, capture_output=True, text=True).stdout
rows = [json.loads(l) for l in out.splitlines()]
arts = [r for r in rows if "id" in r]
got = [(g["group"], g["count"], g["total"]) for g in rows if "group" in g]
db = sqlite3.connect(":memory:")
db.execute("create virtual table t using fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
db.executemany("insert into t(rowid, title, text) values (?, ?, ?)", [(i, a["title"], a["text"]) for i, a in enumerate(arts)])
hits = Counter(arts[i]["date"] for (i,) in db.execute("select rowid from t where t match 'jokowi'"))
totals = Counter(a["date"] for a in arts)
days = sorted(d for d in totals if d)
want, d = [], datetime.date.fromisoformat(days[0])
while d <= datetime.date.fromisoformat(days[-1]):
    want.append((d.isoformat(), hits.get(d.isoformat(), 0), totals.get(d.isoformat(), 0)))
    d += datetime.timedelta(days=1)
if totals.get(None):
    want.append((None, hits.get(None, 0), totals[None]))
print(f"{len(want)} groups expected, {len(got)} printed: {'same' if want == got else 'DIFFERENT'}")
sys.exit(0 if want == got else 1)
