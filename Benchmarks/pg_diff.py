#!/usr/bin/env python3
"""The differential check of issue 11 on a large corpus, through the command line.

Runs the statements of grammar/examples/*.wq and of Tests/PostgresTests/
DifferentialTests.swift, plus the eight benchmark shapes, on the native engine
and on each PostgreSQL URL given, one output file per statement (JSON Lines,
scores to four significant digits), and requires every answer to be identical,
or refused with "not supported on PostgreSQL".

    Benchmarks/pg_diff.py CORPUS URL [URL ...]
"""
import glob, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
warta = os.path.join(root, ".build/release/warta")

def statements():
    src = open(os.path.join(root, "Tests/PostgresTests/DifferentialTests.swift")).read()
    out = [s.replace("\\\\", "\\") for s in re.findall(r'#"(.*?)"#', src)]
    for f in sorted(glob.glob(os.path.join(root, "grammar/examples/*.wq"))):
        for line in open(f):
            l = line.strip()
            if l and not l.startswith(("--", ".", "#!")) and not l.endswith((",", "and", "(")):
                out.append(l)
    for cond in ['mentions "jakarta"', 'mentions "anambas"', 'mentions "presiden" and mentions "jokowi"',
                 'mentions "timnas indonesia"', 'mentions "gempa" or mentions "banjir" or mentions "longsor"',
                 'mentions "jokowi" and not mentions "prabowo"', 'mentions "revisi" near 5 "kpk"',
                 'mentions "korupsi" and date between 2019-09-12 and 2019-09-15']:
        out += [f"count articles where {cond}", f"articles where {cond} limit 10 show id, score",
                f"count articles where {cond} group by date.day"]
    return out

def run(corpus, stmts, folder):
    script = []
    for i, s in enumerate(stmts):
        script += [f".output {folder}/{i:04d}", s]
    script.append(".output")
    p = subprocess.run([warta, "--corpus", corpus, "--format", "jsonl", "--keep-going", "-"], input="\n".join(script) + "\n",
                       capture_output=True, text=True)
    return p.stderr

def main():
    corpus, urls = sys.argv[1], sys.argv[2:]
    stmts = statements()
    tmp = tempfile.mkdtemp()
    os.makedirs(f"{tmp}/native")
    run(corpus, stmts, f"{tmp}/native")
    failed = 0
    for k, url in enumerate(urls):
        os.makedirs(f"{tmp}/{k}")
        errors = run(url, stmts, f"{tmp}/{k}")
        same = refused = 0
        for i, s in enumerate(stmts):
            a = open(f"{tmp}/native/{i:04d}").read() if os.path.exists(f"{tmp}/native/{i:04d}") else ""
            b = open(f"{tmp}/{k}/{i:04d}").read() if os.path.exists(f"{tmp}/{k}/{i:04d}") else ""
            if a == b:
                same += 1
            elif b == "":
                refused += 1
            else:
                failed += 1
                print(f"DIFFERENT on {url}: {s}\n  native: {a[:200]}\n  postgres: {b[:200]}")
        n = errors.count("not supported on PostgreSQL")
        print(f"{url}: {len(stmts)} statements, {same} identical, {refused} without an answer ({n} refused as not supported)")
        if refused > n:
            failed += 1
            print("  an answer is missing without a refusal")
    sys.exit(1 if failed else 0)

main()
