#!/usr/bin/env python3
"""Start-up time of warta (issue 10), measured in one run on this machine.

    Benchmarks/startup.py WARTA [INDEX.widx] [--runs N] [--word WORD]

Measures, each as a fresh process:

- `warta --version` (beside `/bin/true`, what any process costs);
- `warta --corpus seeds -c 'count articles where mentions "To Lam"'`: start,
  map the index of the five bundled articles that the first run kept in the
  cache (a temporary WARTA_CACHE_DIR), answer, exit; beside a one-shot
  `sqlite3` query on an FTS5 table of the same five articles (warta's own
  export, tokenize='unicode61 remove_diacritics 2');
- the same with `--no-cache`: load, clean, analyse and index them first;
- with an index file: `warta --corpus INDEX.widx -c 'count articles where
  mentions "WORD"'` (open: the file is mapped and only its header read;
  then the first count).

Prints a Markdown table of medians and ratios. Uses hyperfine (-N, --warmup
3) when it is installed, else times the processes itself (a little slower:
Python's fork and exec are counted). Needs Debian's `sqlite3` command for
the FTS5 row (apt-get install sqlite3); without it that row is left out.
Exits 1 if warta and FTS5 disagree on the count.
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(os.path.dirname(HERE), "seeds")
SEEDS_STATEMENT = 'count articles where mentions "To Lam"'
FTS5_QUERY = "SELECT count(*) FROM t WHERE t MATCH '\"to lam\"';"
TOKENIZE = "unicode61 remove_diacritics 2"


def fts5_database(warta, folder):
    """An FTS5 table of warta's export of the seeds, in a temporary file."""
    export = subprocess.run([warta, "--corpus", SEEDS, "--format", "jsonl", "-c",
                             "articles show id, title, text, date"],
                            check=True, capture_output=True, text=True).stdout
    db = os.path.join(folder, "seeds.db")
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, id UNINDEXED, date UNINDEXED, "
                "tokenize='%s')" % TOKENIZE)
    with con:
        for line in export.splitlines():
            a = json.loads(line)
            con.execute("INSERT INTO t(title, text, id, date) VALUES (?, ?, ?, ?)",
                        (a.get("title") or "", a.get("text") or "", a["id"], a.get("date")))
        con.execute("INSERT INTO t(t) VALUES ('optimize')")
    con.close()
    return db


def output(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout.strip()


def time_with_hyperfine(commands, runs, folder):
    """Median seconds of each command (argv lists), by hyperfine -N."""
    out = os.path.join(folder, "hyperfine.json")
    argv = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", out, "--style", "none"]
    argv += [" ".join(shell_quote(a) for a in c) for c in commands]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return [r["median"] for r in json.load(f)["results"]]


def time_by_hand(commands, runs):
    medians = []
    for c in commands:
        for _ in range(3):
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        medians.append(statistics.median(times))
    return medians


def shell_quote(s):
    """Quoting hyperfine's -N splitter reads like a shell's."""
    if s and all(ch.isalnum() or ch in "-_./=:" for ch in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def ms(seconds):
    return "%.2f ms" % (seconds * 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warta", help="the warta binary")
    parser.add_argument("index", nargs="?", help="an index file (warta index FILE -o INDEX.widx)")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per command (default 50)")
    parser.add_argument("--word", default="jakarta", help="the word counted in the index file (default jakarta)")
    args = parser.parse_args()
    warta = os.path.abspath(args.warta)
    sqlite = shutil.which("sqlite3")

    with tempfile.TemporaryDirectory() as folder:
        os.environ["WARTA_CACHE_DIR"] = os.path.join(folder, "cache")  # inherited by warta and hyperfine
        rows = []  # (what, argv)
        rows.append(("`/bin/true` (any process)", ["/bin/true"]))
        rows.append(("`warta --version`", [warta, "--version"]))
        seeds = [warta, "--corpus", SEEDS, "-c", SEEDS_STATEMENT]
        rows.append(("`warta -c` on seeds/ (cached index: open, count)", seeds))
        status = 0
        warta_count = output(seeds)
        cold = [warta, "--no-cache", "--corpus", SEEDS, "-c", SEEDS_STATEMENT]
        rows.append(("`warta --no-cache -c` on seeds/ (load, index, count)", cold))
        if output(cold) != warta_count:
            print("startup.py: warta counts differently with --no-cache", file=sys.stderr)
            status = 1
        if sqlite:
            db = fts5_database(warta, folder)
            fts5 = [sqlite, db, FTS5_QUERY]
            rows.append(("`sqlite3` FTS5 one-shot on the same five", fts5))
            fts5_count = output(fts5)
            if fts5_count != warta_count:
                print("startup.py: warta counts %s, FTS5 %s" % (warta_count, fts5_count), file=sys.stderr)
                status = 1
        else:
            print("startup.py: no sqlite3 command (apt-get install sqlite3): the FTS5 row is left out", file=sys.stderr)
        if args.index:
            index = os.path.abspath(args.index)
            rows.append(("`warta -c` on %s (open, first count)" % os.path.basename(index),
                         [warta, "--corpus", index, "-c", 'count articles where mentions "%s"' % args.word]))
        commands = [argv for _, argv in rows]
        if shutil.which("hyperfine"):
            medians, how = time_with_hyperfine(commands, args.runs, folder), "hyperfine -N --warmup 3"
        else:
            medians, how = time_by_hand(commands, args.runs), "Python subprocess, warmup 3"
    by_name = dict(zip([w for w, _ in rows], medians))
    true_row, version_row, seeds_row = rows[0][0], rows[1][0], rows[2][0]
    fts5_row = "`sqlite3` FTS5 one-shot on the same five"

    def ratio(what, base, name):
        return "%.2f× %s" % (by_name[what] / by_name[base], name) if base in by_name else ""

    notes = {version_row: ratio(version_row, true_row, "/bin/true")}
    if fts5_row in by_name:
        notes[seeds_row] = ratio(seeds_row, fts5_row, "FTS5 (target: at most 1.5×)")
    if args.index:
        notes[rows[-1][0]] = "target: under 5 ms"
    print("warta start-up, %s, median of %d runs (%s)\n" % (time.strftime("%Y-%m-%d %H:%M"), args.runs, how))
    print("| what | median | ratio |")
    print("|---|---:|---|")
    for (what, _), median in zip(rows, medians):
        print("| %s | %s | %s |" % (what, ms(median), notes.get(what, "")))
    print("\nCount of \"To Lam\" in seeds/: warta %s%s" % (warta_count, ", FTS5 %s" % fts5_count if sqlite else ""))
    return status


if __name__ == "__main__":
    sys.exit(main())
