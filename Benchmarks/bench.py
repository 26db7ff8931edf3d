#!/usr/bin/env python3
"""Side-by-side benchmark: warta, SQLite FTS5 and tantivy on click_id.jsonl.

Run through Benchmarks/run, which builds warta and the tantivy virtual
environment and then calls this script.  See Benchmarks/README.md for the
method; in short:

- One export: the text warta indexes (`articles show id, title, text, date`
  after its boilerplate cleaning), fed to FTS5 and tantivy, so all three search
  the same words.
- Build time and index size: each tool indexes the scale's corpus in a fresh
  process (warta: `warta index CORPUS -o FILE.widx`, the file's size; a warta
  without that command is timed in memory: load + index from WARTA_TRACE,
  size n/a).
- Open time: wall time from spawning a fresh process to the answer of one
  count (`jakarta`), page cache warm.
- Warm latency: one process per tool and pass is handed every request at once
  on standard input (warta reads a pipe to the end, then runs each statement
  and writes its answer with one write(2); the FTS5 and tantivy servers do the
  same).  The driver timestamps each answer as it arrives: the time between
  two answers is the second request's whole cost (parse, search, render,
  write), measured outside the tool.  Answers that arrive in one read share
  the interval evenly.  The pipe trick, (T(all) - T(1)) / N, is reported
  beside it as a cross-check.
- Counts must agree; the script exits 1 otherwise, after writing the report
  with the differing articles and the characters around the words.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
sys.path.insert(0, HERE)
from shapes import SHAPES, TOKEN_PROBES, TOP_K, probe_articles, warta_count, warta_ids, warta_top  # noqa: E402

TOOLS = ["warta", "fts5", "tantivy"]
TOOL_NAMES = {"warta": "warta", "fts5": "FTS5", "tantivy": "tantivy"}
OPEN_SHAPE = 0  # the open-time probe: count of the common term


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Processes, timed from outside


class Run:
    """One child process: when each chunk of its output arrived, its rusage."""

    def __init__(self, argv, stdin_path=None, env=None, cwd=None, rss=False):
        self.argv = argv
        rss_path = os.path.join(ARGS.work, "rss.txt")
        if rss and TIME:
            # Peak memory through /usr/bin/time: a child forked from this
            # driver would report the driver's own high-water mark.
            argv = [TIME, "-f", "%M", "-o", rss_path] + argv
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        self.err_path = os.path.join(ARGS.work, "stderr.txt")
        err = open(self.err_path, "wb")
        self.t0 = time.perf_counter_ns()
        p = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=err,
                             env=env, cwd=cwd, close_fds=True)
        fd = p.stdout.fileno()
        events = []
        read = os.read
        clock = time.perf_counter_ns
        while True:
            b = read(fd, 1 << 20)
            t = clock()
            if not b:
                break
            events.append((t, b))
        _, status, ru = os.wait4(p.pid, 0)
        self.t_exit = time.perf_counter_ns()
        p.returncode = os.waitstatus_to_exitcode(status)
        p.stdout.close()
        if stdin is not subprocess.DEVNULL:
            stdin.close()
        err.close()
        self.returncode = p.returncode
        self.events = events
        self.maxrss_kb = ru.ru_maxrss
        if rss and TIME:
            with open(rss_path) as f:
                self.maxrss_kb = int(f.read().split()[-1])
        with open(self.err_path, "rb") as f:
            self.stderr = f.read().decode("utf-8", "replace")
        if self.returncode != 0:
            raise SystemExit("bench: %s exited %d\n%s" % (" ".join(argv), self.returncode, self.stderr[-3000:]))

    @property
    def wall_s(self):
        return (self.t_exit - self.t0) / 1e9

    @property
    def stdout(self):
        return b"".join(b for _, b in self.events).decode("utf-8")

    def first_answer_s(self):
        return (self.events[0][0] - self.t0) / 1e9 if self.events else None

    def answers(self, expected_lines):
        """Splits the stream into answers.

        expected_lines(i, answers_so_far) gives the number of lines of answer
        i.  Returns [(text, completion time ns, read)], where answers
        completed by the same read get evenly spaced times between the
        previous completion and that read, and the number of such shared
        reads.
        """
        out = []
        pending = []  # lines of the answer being read
        want = expected_lines(0, out, [])  # None: no answer is expected any more
        prev_t = self.t0
        shared = 0
        buf = b""

        reads = 0

        def complete(done, t):
            nonlocal prev_t, shared, reads
            if len(done) > 1:
                shared += 1
            step = (t - prev_t) / len(done)
            for k, text in enumerate(done):
                out.append((text, prev_t + step * (k + 1), reads))
            prev_t = t
            reads += 1

        for t, chunk in self.events:
            buf += chunk
            *lines, buf = buf.split(b"\n")
            done = []
            for line in lines:
                pending.append(line.decode("utf-8"))
                # an answer of no lines (a top-10 of nothing) completes with the next one
                while want is not None and len(pending) >= want:
                    done.append("\n".join(pending[:want]))
                    pending = pending[want:]
                    want = expected_lines(len(out) + len(done), out, done)
            if done:
                complete(done, t)
        trailing = []
        while want == 0:
            trailing.append("")
            want = expected_lines(len(out) + len(trailing), out, trailing)
        if trailing:
            complete(trailing, self.t_exit)
        if buf.strip() or pending:
            raise SystemExit("bench: %s: unexpected output after %d answers: %r"
                             % (self.argv[0], len(out), (pending, buf[:200])))
        return out, shared


def base_ids(ids):
    """The articles behind ids, a copy ID-rN (10x) counted as ID."""
    return {re.sub(r"-r\d+$", "", i) for i in ids}


def count_of(text):
    return json.loads(text)["count"]


def ids_of(text):
    return [json.loads(l)["id"] for l in text.splitlines() if l.strip()]


# --------------------------------------------------------------------------
# The tools


class Tool:
    name = ""

    def requests(self, plan):
        """Writes the request file for the plan [(kind, shape)], returns its path."""
        raise NotImplementedError

    def serve(self, plan, scale):
        raise NotImplementedError


def python_server(python, script, index, plan, rss):
    """Runs `script serve INDEX` with the plan's requests on standard input (see serving.py)."""
    path = os.path.join(ARGS.work, "requests.json")
    with open(path, "w") as f:
        f.write("".join('["%s", %d]\n' % (k, i) for k, i in plan))
    return Run([python, os.path.join(HERE, script), "serve", index], path, rss=rss)


class Warta(Tool):
    name = "warta"

    def __init__(self, binary):
        self.binary = binary
        self.index_mode = self.has_index_command()

    def has_index_command(self):
        # Today `warta index --help` prints the main help (index is taken as
        # a script name); the subcommand exists once its help names it.
        try:
            p = subprocess.run([self.binary, "index", "--help"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return p.returncode == 0 and "warta index" in p.stdout

    def index_path(self, scale):
        return os.path.join(ARGS.work, "warta_x%d.widx" % scale)

    def source(self, scale):
        # The one line to change when `warta index` lands: query the index file.
        return self.index_path(scale) if self.index_mode else DATA[scale]["corpus"]

    def statements(self, plan):
        out = []
        for kind, i in plan:
            s = SHAPES[i]
            out.append({"count": warta_count, "top": warta_top, "ids": warta_ids}[kind](s))
        return "".join(x + "\n" for x in out)

    def run(self, plan, scale, env=None, rss=False):
        path = os.path.join(ARGS.work, "requests.wq")
        with open(path, "w") as f:
            f.write(self.statements(plan))
        return Run([self.binary, "--corpus", self.source(scale), "--format", "jsonl"], path, env=env, rss=rss)

    def build(self, scale):
        """Returns (build seconds, index bytes or None, extra, open samples)."""
        if self.index_mode:
            out = self.index_path(scale)
            r = Run([self.binary, "index", DATA[scale]["corpus"], "-o", out], rss=True)
            return r.wall_s, os.path.getsize(out), {"rss_mb": r.maxrss_kb / 1024}, []
        env = dict(os.environ, WARTA_TRACE="1")
        r = self.run([("count", OPEN_SHAPE)], scale, env=env, rss=True)
        m = re.search(r"trace: load (\d+) ms, index (\d+) ms", r.stderr)
        if not m:
            raise SystemExit("bench: warta printed no trace line:\n" + r.stderr[-2000:])
        load, index = int(m.group(1)) / 1e3, int(m.group(2)) / 1e3
        # In memory, opening is the whole load: the same process is an open sample.
        return load + index, None, {"load_s": load, "index_s": index, "rss_mb": r.maxrss_kb / 1024,
                                   "wall_s": r.wall_s}, [(r.first_answer_s(), r.wall_s)]

    def open_samples(self, scale, reps):
        if not self.index_mode:
            return []  # taken from the build process
        out = []
        for _ in range(reps):
            r = self.run([("count", OPEN_SHAPE)], scale)
            out.append((r.first_answer_s(), r.wall_s))
        return out

    def serve(self, plan, scale, rss=False):
        return self.run(plan, scale, rss=rss)


class FTS5(Tool):
    name = "fts5"

    def __init__(self):
        self.sqlite_cli = shutil.which("sqlite3")

    def db(self, scale):
        return os.path.join(ARGS.work, "fts5_x%d.db" % scale)

    def build(self, scale):
        r = Run([sys.executable, os.path.join(HERE, "fts5_tool.py"), "build", DATA[scale]["export"], self.db(scale)], rss=True)
        info = json.loads(r.stdout)
        self.version = "SQLite " + info["sqlite"]
        return r.wall_s, os.path.getsize(self.db(scale)), {"rss_mb": r.maxrss_kb / 1024}, []

    def open_samples(self, scale, reps):
        out = []
        for _ in range(reps):
            if self.sqlite_cli:
                r = Run([self.sqlite_cli, "-readonly", self.db(scale),
                         "SELECT count(*) FROM t WHERE t MATCH '%s'" % SHAPES[OPEN_SHAPE]["fts5"]])
            else:
                r = self.serve([("count", OPEN_SHAPE)], scale)
            out.append((r.first_answer_s(), r.wall_s))
        return out

    def serve(self, plan, scale, rss=False):
        return python_server(sys.executable, "fts5_tool.py", self.db(scale), plan, rss)


class Tantivy(Tool):
    name = "tantivy"

    def __init__(self, python):
        self.python = python
        self.startup = []
        self.version = "tantivy-py " + subprocess.run(
            [python, "-c", "import importlib.metadata as m; print(m.version('tantivy'))"],
            capture_output=True, text=True, check=True).stdout.strip()

    def dir(self, scale):
        return os.path.join(ARGS.work, "tantivy_x%d" % scale)

    def size(self, scale):
        total = 0
        for root, _, files in os.walk(self.dir(scale)):
            total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
        return total

    def build(self, scale):
        r = Run([self.python, os.path.join(HERE, "tantivy_tool.py"), "build", DATA[scale]["export"], self.dir(scale)], rss=True)
        info = json.loads(r.stdout)
        return r.wall_s, self.size(scale), {"rss_mb": r.maxrss_kb / 1024, "segments": info["segments"]}, []

    def open_samples(self, scale, reps):
        out = []
        for _ in range(reps):
            r = self.serve([("count", OPEN_SHAPE)], scale)
            out.append((r.first_answer_s(), r.wall_s))
            # what of it is Python's start-up and the import of the bindings
            self.startup.append(Run([self.python, "-c", "import tantivy"]).wall_s)
        return out

    def serve(self, plan, scale, rss=False):
        return python_server(self.python, "tantivy_tool.py", self.dir(scale), plan, rss)


# --------------------------------------------------------------------------
# Data: 1x, 10x with fresh ids, and the text warta indexes


DATA = {}


def sha1_file(path):
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def replicate(src, dst, times):
    """Copies every article `times` times; copy r > 0 gets the id `ID-rR`."""
    if os.path.exists(dst):
        return
    tmp = dst + ".part"
    with open(src, encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    with open(tmp, "w", encoding="utf-8") as out:
        for r in range(times):
            for line in lines:
                if r == 0:
                    out.write(line if line.endswith("\n") else line + "\n")
                else:
                    a = json.loads(line)
                    a["id"] = "%s-r%d" % (a["id"], r)
                    out.write(json.dumps(a, ensure_ascii=False) + "\n")
    os.replace(tmp, dst)


def prepare(scale, warta):
    data_dir = os.path.join(ARGS.work, "data")
    os.makedirs(data_dir, exist_ok=True)
    if scale == 1:
        corpus = ARGS.corpus
    else:
        corpus = os.path.join(data_dir, "click_id_x%d.jsonl" % scale)
        log("replicating the corpus %dx into %s" % (scale, corpus))
        replicate(ARGS.corpus, corpus, scale)
    # The export depends on warta's cleaning: key it by the binary and the corpus.
    key = hashlib.sha1((WARTA_SHA + str(os.path.getsize(corpus)) + corpus).encode()).hexdigest()[:12]
    export = os.path.join(data_dir, "export_x%d_%s.jsonl" % (scale, key))
    if not os.path.exists(export):
        log("exporting what warta indexes at %dx (articles show id, title, text, date)" % scale)
        with open(export + ".part", "wb") as f:
            subprocess.run([warta.binary, "--corpus", corpus, "--format", "jsonl", "-c",
                            "articles show id, title, text, date"], stdout=f, check=True)
        os.replace(export + ".part", export)
    with open(export, encoding="utf-8") as f:
        articles = sum(1 for l in f if l.strip())
    with open(corpus, encoding="utf-8") as f:
        raw = sum(1 for l in f if l.strip())
    DATA[scale] = {"corpus": corpus, "export": export, "articles": articles, "raw_lines": raw,
                   "corpus_bytes": os.path.getsize(corpus), "export_bytes": os.path.getsize(export)}
    log("%dx: %d articles, export %.1f MB" % (scale, articles, os.path.getsize(export) / 1e6))


# --------------------------------------------------------------------------
# Measuring


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def latency_plan(warmup, n):
    plan = []
    for i in range(len(SHAPES)):
        plan += [("count", i)] * (warmup + n)
        plan += [("top", i)] * (warmup + n)
    return plan


def run_latency(tool, scale, warmup, n):
    plan = latency_plan(warmup, n)
    r = tool.serve(plan, scale, rss=True)
    counts = {}

    def expected(k, done_before, done_now):
        if k >= len(plan):
            return None
        kind, i = plan[k]
        if kind == "count":
            return 1
        if i not in counts:
            # the count block of the shape came first: read its answer
            texts = [a[0] for a in done_before] + list(done_now)
            j = plan.index(("count", i))
            counts[i] = count_of(texts[j])
        return min(TOP_K, counts[i])

    answers, shared = r.answers(expected)
    if len(answers) != len(plan):
        raise SystemExit("bench: %s gave %d answers for %d requests" % (tool.name, len(answers), len(plan)))
    samples = {}
    results = {}
    deltas = []
    prev = r.t0
    for (kind, i), (text, t, read) in zip(plan, answers):
        delta = (t - prev) / 1e6
        prev = t
        deltas.append(delta)
        # The first read carries the start-up (loading, for warta): an answer
        # that came with it has no interval of its own and is no sample.
        samples.setdefault((kind, i), []).append(None if read == answers[0][2] else delta)
        results.setdefault((kind, i), set()).add(text)
    measured = {k: [x for x in v[warmup:] if x is not None] for k, v in samples.items()}
    dropped = sum(1 for v in samples.values() for x in v[warmup:] if x is None)
    total_ms = sum(deltas[1:])  # the first answer carries the start-up
    return {"samples": measured, "results": results, "shared_reads": shared, "dropped": dropped, "wall_s": r.wall_s,
            "first_answer_s": r.first_answer_s(), "sum_after_first_ms": total_ms, "requests": len(plan),
            "rss_mb": r.maxrss_kb / 1024}


def measure_scale(scale, tools):
    log("=== %dx ===" % scale)
    res = {"build": {t.name: [] for t in tools}, "size": {}, "build_extra": {t.name: [] for t in tools},
           "open": {t.name: [] for t in tools}, "lat": {t.name: [] for t in tools},
           "t1": {t.name: [] for t in tools}}
    for p in range(ARGS.passes):
        order = tools[p % len(tools):] + tools[:p % len(tools)]
        for t in order:
            log("%dx pass %d/%d: build %s" % (scale, p + 1, ARGS.passes, t.name))
            secs, size, extra, opens = t.build(scale)
            res["build"][t.name].append(secs)
            res["size"][t.name] = size
            res["build_extra"][t.name].append(extra)
            res["open"][t.name] += opens
            res["t1"][t.name] += [w for _, w in opens]
        for t in order:
            log("%dx pass %d/%d: open %s" % (scale, p + 1, ARGS.passes, t.name))
            opens = t.open_samples(scale, ARGS.open_reps)
            res["open"][t.name] += opens
            if t.name == "fts5":
                # the pipe trick needs T(1) of the same program that answered the pipe
                res["t1"][t.name].append(t.serve([("count", OPEN_SHAPE)], scale).wall_s)
            else:
                res["t1"][t.name] += [w for _, w in opens]
        for t in order:
            log("%dx pass %d/%d: warm latency %s (%d requests)"
                % (scale, p + 1, ARGS.passes, t.name, 2 * len(SHAPES) * (ARGS.warmup + ARGS.queries)))
            res["lat"][t.name].append(run_latency(t, scale, ARGS.warmup, ARGS.queries))
    return res


def summarize(res, tools):
    """Medians over passes, pooled p99, counts and their agreement."""
    s = {"build": {}, "size": res["size"], "open": {}, "open_exit": {}, "lat": {}, "counts": {}, "tops": {},
         "consistent": {}, "extra": {}, "pipe": {}, "shared": {}, "rss": {}}
    for t in tools:
        n = t.name
        s["build"][n] = statistics.median(res["build"][n])
        s["open"][n] = statistics.median(o for o, _ in res["open"][n])
        s["open_exit"][n] = statistics.median(w for _, w in res["open"][n])
        extras = res["build_extra"][n]
        s["extra"][n] = {k: statistics.median(e[k] for e in extras) for k in extras[0]}
        passes = res["lat"][n]
        s["rss"][n] = max(p["rss_mb"] for p in passes)
        s["shared"][n] = (sum(p["shared_reads"] for p in passes), sum(p["requests"] for p in passes),
                          sum(p["dropped"] for p in passes))
        # pipe trick: (T(all) - T(1)) / N against the mean of the timed answers
        t1 = statistics.median(res["t1"][n])
        per = [(p["wall_s"] - t1) * 1e3 / (p["requests"] - 1) for p in passes]
        mean = [p["sum_after_first_ms"] / (p["requests"] - 1) for p in passes]
        s["pipe"][n] = (statistics.median(per), statistics.median(mean))
        for i in range(len(SHAPES)):
            for kind in ("count", "top"):
                per_pass = [p["samples"][(kind, i)] for p in passes]
                pooled = [x for xs in per_pass for x in xs]
                # A pass whose every answer of this kind came in the first read (with the
                # start-up) has no interval to time: it is left out; with none left, "n/a".
                timed = [xs for xs in per_pass if xs]
                s["lat"][(n, kind, i)] = (statistics.median(statistics.median(xs) for xs in timed) if timed else None,
                                          percentile(pooled, 99) if pooled else None, len(pooled))
                answers = set().union(*(p["results"][(kind, i)] for p in passes))
                # Within a process every repetition must answer the same. Across
                # passes a top-10 may pick other copies among equal scores (10x:
                # each article ten times; tantivy's segments differ per build).
                s["consistent"][(n, kind, i)] = len(answers) == 1 if kind == "count" else \
                    all(len({tuple(ids_of(a)) for a in p["results"][(kind, i)]}) == 1 for p in passes)
                if kind == "count":
                    s["counts"][(n, i)] = count_of(sorted(answers)[0])
                else:
                    s["tops"][(n, i)] = ids_of(sorted(answers)[0])
    return s


# --------------------------------------------------------------------------
# When counts differ: which articles, and the characters around the words


def query_words(shape):
    return [w for w in re.findall(r"[a-z0-9]+", shape["fts5"].lower()) if w not in ("and", "or", "not", "near")
            and not w.isdigit()]


def diagnose(scale, shape_index, tools):
    shape = SHAPES[shape_index]
    sets = {}
    for t in tools:
        r = t.serve([("count", shape_index), ("ids", shape_index)], scale)

        def expected(k, before, now):
            if k == 0:
                return 1
            if k == 1:
                return count_of(([a[0] for a in before] + list(now))[0])
            return None

        answers, _ = r.answers(expected)
        sets[t.name] = set(ids_of(answers[1][0])) if len(answers) > 1 else set()
    words = query_words(shape)
    lines = []
    wanted = set()
    for a in tools:
        for b in tools:
            if a.name < b.name:
                only_a = sorted(sets[a.name] - sets[b.name])
                only_b = sorted(sets[b.name] - sets[a.name])
                lines.append("- only %s, not %s: %d (%s)" % (TOOL_NAMES[a.name], TOOL_NAMES[b.name], len(only_a),
                                                              ", ".join(only_a[:5])))
                lines.append("- only %s, not %s: %d (%s)" % (TOOL_NAMES[b.name], TOOL_NAMES[a.name], len(only_b),
                                                              ", ".join(only_b[:5])))
                wanted |= set(only_a[:3]) | set(only_b[:3])
    texts = {}
    with open(DATA[scale]["export"], encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in wanted:
                texts[a["id"]] = a
    for id_ in sorted(wanted):
        a = texts.get(id_)
        if not a:
            continue
        for field in ("title", "text"):
            body = a.get(field) or ""
            low = body.lower()
            for w in words:
                for m in list(re.finditer(re.escape(w[:4]), low))[:3]:
                    ctx = body[max(0, m.start() - 40):m.end() + len(w) + 40]
                    odd = sorted({"U+%04X" % ord(c) for c in ctx if ord(c) > 127 or not c.isprintable()})
                    lines.append("  - `%s` %s: `%s`%s" % (id_, field, ctx.replace("\n", " ").replace("`", "'"),
                                                          (" (" + " ".join(odd) + ")") if odd else ""))
    return lines


# --------------------------------------------------------------------------
# Tokenization probes: where the three analyzers part


def run_probes(warta, tantivy):
    """{tool: {probe key: whether the query words match the probe's text}}."""
    corpus = os.path.join(ARGS.work, "probes.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for a in probe_articles():
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    statements = os.path.join(ARGS.work, "probes.wq")
    with open(statements, "w", encoding="utf-8") as f:
        for key, _, words, _ in TOKEN_PROBES:
            f.write('count articles where id = "%s" and mentions "%s"\n' % (key, " ".join(words)))
    lines = Run([warta.binary, "--corpus", corpus, "--format", "jsonl"], statements).stdout.splitlines()
    out = {"warta": {key: count_of(l) > 0 for (key, _, _, _), l in zip(TOKEN_PROBES, lines)}}
    out["fts5"] = json.loads(Run([sys.executable, os.path.join(HERE, "fts5_tool.py"), "probe"]).stdout)
    out["tantivy"] = json.loads(Run([tantivy.python, os.path.join(HERE, "tantivy_tool.py"), "probe"]).stdout)
    return out


def shown(text):
    """Text for a Markdown cell, invisible and combining characters spelled out."""
    out = []
    for c in text:
        if c.isprintable() and not 0x300 <= ord(c) <= 0x36F:
            out.append(c)
        else:
            out.append("\\u%04X" % ord(c))
    return "".join(out)


def probe_table(probes):
    out = ["## Tokenization: where the analyzers part", "",
           "Each case is one article; does the query match it? (Run live on a tiny corpus by "
           "`Benchmarks/run`.) A row in bold is a case where the tools differ.", "",
           "| case | text | query | warta | FTS5 | tantivy |", "|---|---|---|:-:|:-:|:-:|"]
    for key, text, words, what in TOKEN_PROBES:
        answers = [probes[t][key] for t in TOOLS]
        mark = "**" if len(set(answers)) > 1 else ""
        out.append("| %s%s%s | `%s` | `%s` | %s |" % (mark, what, mark, shown(text), " ".join(words),
                                                    " | ".join("yes" if a else "no" for a in answers)))
    return out


# --------------------------------------------------------------------------
# The report


def fmt_time(seconds):
    if seconds is None:
        return "n/a"
    ms = seconds * 1e3
    if ms >= 1000:
        return "%.2f s" % seconds
    if ms >= 100:
        return "%.0f ms" % ms
    if ms >= 10:
        return "%.1f ms" % ms
    if ms >= 1:
        return "%.2f ms" % ms
    return "%.3f ms" % ms


def fmt_size(b):
    if b is None:
        return "n/a (in-memory)"
    return "%.1f MB" % (b / 1e6)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    r = a / b
    return ("%.2f×" if r < 10 else "%.1f×" if r < 100 else "%.0f×") % r


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.1f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    return {"nproc": os.cpu_count(), "arch": platform.machine(), "cpu": cpu, "memory": mem,
            "kernel": platform.release()}


def report(results, tools, started, load_before, load_after, disagreements, probes):
    m = machine()
    w, f, tv = (t.name for t in tools)
    out = []
    out.append("# Benchmarks: warta, SQLite FTS5 and tantivy on CLICK-ID")
    out.append("")
    out.append("Generated by `Benchmarks/run%s` (see `Benchmarks/README.md`); do not edit by hand."
               % ARGS.command_suffix)
    out.append("")
    out.append("- Date: %s (UTC)" % started.strftime("%Y-%m-%d %H:%M"))
    out.append("- Machine: %s cores (`nproc`), %s, %s, %s memory, Linux %s; load average %s at start, %s at end "
               "(the cores are shared with other work: expect noise)"
               % (m["nproc"], m["arch"], m["cpu"], m["memory"], m["kernel"], load_before, load_after))
    out.append("- warta: commit %s, release build, %s" % (ARGS.commit_info,
               "reading an index file (build = `warta index CORPUS -o FILE.widx`, open = a fresh `warta --corpus FILE.widx`)"
               if tools[0].index_mode else "in memory (no index file yet: build = load + index, open = the same load)"))
    out.append("- FTS5: %s through Python's sqlite3 module, `tokenize='unicode61 remove_diacritics 2'`; "
               "open time with Debian's `sqlite3` command" % tools[1].version)
    out.append("- tantivy: %s (Python %s), simple tokenizer + lowercase + ASCII folding"
               % (tools[2].version, platform.python_version()))
    out.append("- Corpus: click_id.jsonl, 25,421 articles (CLICK-ID raw articles, William & Sari (2020), CC BY 4.0); "
               "10x = ten copies with fresh ids. FTS5 and tantivy index the text warta indexes "
               "(`articles show id, title, text, date`, after boilerplate cleaning).")
    out.append("- %d passes; warm latency: %d timed queries per shape, kind, tool and pass (after %d warm-ups); "
               "median = median of the pass medians, p99 over all passes' queries."
               % (ARGS.passes, ARGS.queries, ARGS.warmup))
    out.append("")
    for scale in sorted(results):
        s = results[scale]
        d = DATA[scale]
        out.append("## %dx: %s articles" % (scale, format(d["articles"], ",")))
        out.append("")
        out.append("| figure | warta | FTS5 | tantivy | warta / FTS5 | warta / tantivy |")
        out.append("|---|---:|---:|---:|---:|---:|")
        b = s["build"]
        out.append("| build time | %s | %s | %s | %s | %s |" % (fmt_time(b[w]), fmt_time(b[f]), fmt_time(b[tv]),
                                                            ratio(b[w], b[f]), ratio(b[w], b[tv])))
        z = s["size"]
        out.append("| index size | %s | %s | %s | %s | %s |" % (fmt_size(z[w]), fmt_size(z[f]), fmt_size(z[tv]),
                                                            ratio(z[w], z[f]), ratio(z[w], z[tv])))
        o = s["open"]
        out.append("| open (fresh process, first count) | %s | %s | %s | %s | %s |"
                   % (fmt_time(o[w]), fmt_time(o[f]), fmt_time(o[tv]), ratio(o[w], o[f]), ratio(o[w], o[tv])))
        rss = s["rss"]
        out.append("| peak memory while querying | %.0f MB | %.0f MB | %.0f MB | %s | %s |"
                   % (rss[w], rss[f], rss[tv], ratio(rss[w], rss[f]), ratio(rss[w], rss[tv])))
        out.append("")
        out.append("Warm latency per query (a whole statement: parse, search, render, write), median / p99:")
        out.append("")
        out.append("| shape | matches | kind | warta | FTS5 | tantivy | warta / FTS5 | warta / tantivy |")
        out.append("|---|---:|---|---:|---:|---:|---:|---:|")
        for i, shape in enumerate(SHAPES):
            counts = [s["counts"][(t.name, i)] for t in tools]
            matches = format(counts[0], ",") if len(set(counts)) == 1 else \
                "**%s**" % " / ".join(format(c, ",") for c in counts)
            for kind, label in (("count", "count"), ("top", "top-10")):
                cells = []
                for t in tools:
                    med, p99, _ = s["lat"][(t.name, kind, i)]
                    cells.append("%s / %s" % (fmt_time(None if med is None else med / 1e3),
                                              fmt_time(None if p99 is None else p99 / 1e3)))
                lw = s["lat"][(w, kind, i)]
                lf = s["lat"][(f, kind, i)]
                lt = s["lat"][(tv, kind, i)]
                rf = "%s / %s" % (ratio(lw[0], lf[0]), ratio(lw[1], lf[1]))
                rt = "%s / %s" % (ratio(lw[0], lt[0]), ratio(lw[1], lt[1]))
                first = kind == "count"
                out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    ("%s `%s`" % (shape["label"], shape["query"])) if first else "",
                    matches if first else "", label, cells[0], cells[1], cells[2], rf, rt))
        out.append("")
        agree = all(len({s["counts"][(t.name, i)] for t in tools}) == 1 for i in range(len(SHAPES)))
        out.append("Counts: %s%s." % ("all three tools return the same number of matches for every shape"
                                      if agree else "**the tools disagree** (see below)",
                                      "" if "tenfold" not in s else
                                      ", exactly ten times the 1x counts" if s["tenfold"] else
                                      "; **not** ten times the 1x counts"))
        overlaps = []
        for i, shape in enumerate(SHAPES):
            tw = base_ids(s["tops"][(w, i)])
            overlaps.append("%s %d/%d/%d" % (shape["key"], len(tw & base_ids(s["tops"][(f, i)])),
                                             len(tw & base_ids(s["tops"][(tv, i)])), len(tw)))
        out.append("Top-10 overlap with warta's articles (FTS5/tantivy/warta's distinct articles; three BM25 "
                   "variants, so rankings may differ%s): " % ("; a copy `ID-rN` counts as `ID`" if scale > 1 else "")
                   + ", ".join(overlaps) + ".")
        ex = s["extra"]
        notes = []
        if "load_s" in ex[w]:
            notes.append("warta build = load %s (JSON, cleaning) + index %s; its whole process took %s and peaked "
                         "at %.0f MB" % (fmt_time(ex[w]["load_s"]), fmt_time(ex[w]["index_s"]),
                                          fmt_time(ex[w]["wall_s"]), ex[w]["rss_mb"]))
        if tools[0].index_mode:
            notes.append("warta build = one `warta index` process (JSON, cleaning, analysis and indexing on every core, "
                         "copies, layout, checksums, write); it peaked at %.0f MB" % ex[w]["rss_mb"])
        notes.append("FTS5 and tantivy build = a fresh Python process reading the export and indexing it "
                     "(FTS5 includes `optimize`; tantivy used its default writer and kept %d segments)"
                     % ex[tv].get("segments", 0))
        if tools[2].startup:
            notes.append("of tantivy's open time, starting Python and importing the bindings alone takes %s"
                         % fmt_time(statistics.median(tools[2].startup)))
        pipe = ", ".join("%s %s vs %s" % (TOOL_NAMES[t.name], fmt_time(s["pipe"][t.name][0] / 1e3),
                                          fmt_time(s["pipe"][t.name][1] / 1e3))
                         for t in tools if t.name != "warta" or tools[0].index_mode)
        notes.append("pipe-trick cross-check, mean per query (T(all) − T(1)) / N vs the mean of the timed answers: "
                     + pipe + ("" if tools[0].index_mode else
                               "; not for warta while it loads the corpus at every start: the load varies from "
                               "run to run by more than all its queries take"))
        shared = ", ".join("%s %d of %d" % (TOOL_NAMES[t.name], *s["shared"][t.name][:2]) for t in tools)
        dropped = ", ".join("%s %d" % (TOOL_NAMES[t.name], s["shared"][t.name][2]) for t in tools)
        notes.append("reads that carried several answers (their interval shared evenly): " + shared +
                     "; timed answers left out because they came in the same read as the first answer "
                     "(which carries the start-up): " + dropped)
        incons = [k for k, v in s["consistent"].items() if not v]
        if incons:
            notes.append("**answers changed between repetitions**: " + ", ".join("%s %s %s" % k for k in incons))
        out.append("")
        for n in notes:
            out.append("- " + n)
        out.append("")
        if disagreements.get(scale):
            out.append("### Count disagreements at %dx" % scale)
            out.append("")
            out += disagreements[scale]
            out.append("")
    out += probe_table(probes)
    out.append("")
    out.append("None of these parting cases occurs around the eight queries' words in this corpus, or the counts "
               "above would differ (the run would exit 1 and list the articles and characters involved).")
    out.append("")
    out.append("## Method")
    out.append("")
    out += METHOD
    return "\n".join(out) + "\n"


METHOD = [
    "- **Same text.** warta drops boilerplate (\"Baca juga\" lines, captions printed twice) before indexing, "
    "so FTS5 and tantivy are given warta's own export of each scale (`articles show id, title, text, date`). "
    "title and text are separate fields everywhere: a phrase or a NEAR group never spans them.",
    "- **Same words.** warta: maximal runs of Unicode letters and digits, lower-cased, diacritics removed. "
    "FTS5 `unicode61 remove_diacritics 2`: runs of letters, numbers and private-use characters, case and "
    "diacritics folded. tantivy simple + lowercase + ascii_fold: runs of alphanumeric characters, folded to "
    "ASCII where a fold exists. Where they part is the table above.",
    "- **NEAR.** warta's `near 5` and FTS5's `NEAR(a b, 5)` allow at most 5 words between, either order, same "
    "field. tantivy's slop is ordered, so its query is phrase(a b, slop 5) OR phrase(b a, slop 5) per field.",
    "- **Counts do not score** where the tool allows it: FTS5 `SELECT count(*) … MATCH`; tantivy a "
    "`value_count` aggregation over the fast field `day`; warta `count articles where …`. "
    "**Top-10** is BM25 with the title weighted 2×: FTS5 `ORDER BY bm25(t, 2.0, 1.0) LIMIT 10`, tantivy "
    "`search(q, 10)` with the title clauses boosted 2, warta `… limit 10 show id, score`; all three return "
    "ids (and scores) of the ten.",
    "- **Date range.** FTS5 filters an UNINDEXED `date` column; tantivy a fast-field range on `day` "
    "(YYYYMMDD); warta `date between`.",
    "- **Warm latency** is timed outside every tool: each gets all of a pass's requests on standard input at "
    "once (warta reads a pipe to the end before running), answers each with one write(2), and the driver "
    "timestamps the answers as they arrive. The FTS5 and tantivy servers are small Python programs "
    "(`Benchmarks/fts5_tool.py`, `Benchmarks/tantivy_tool.py`), so their figures include Python's per-query "
    "overhead (a few µs), as warta's include parsing its language and rendering JSON. FTS5 reads through "
    "mmap (`PRAGMA mmap_size`), as tantivy does.",
    "- **Open** is the wall time from spawning a fresh process to its first answer (a count of `jakarta`) with "
    "the page cache warm: Debian's `sqlite3` command for FTS5, Python plus the bindings for tantivy (the "
    "interpreter's own start-up is part of it), and for warta the whole load and indexing of the corpus "
    "while it has no index file.",
    "- **Build** is the wall time of a fresh process indexing the corpus (FTS5 and tantivy read the export: "
    "they do no cleaning); for warta, the `warta index` process (a build of warta from before index files: "
    "its traced load + index time).",
]


# --------------------------------------------------------------------------


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def main():
    global ARGS, WARTA_SHA
    ap = argparse.ArgumentParser(description="warta vs FTS5 vs tantivy on click_id.jsonl")
    ap.add_argument("--scale", default="all", choices=["1", "10", "all"])
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--queries", type=int, default=100, help="timed queries per shape, kind, tool and pass (>= 50)")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--open-reps", type=int, default=3, help="fresh-process opens per tool and pass")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--warta", required=True)
    ap.add_argument("--tantivy-python", required=True)
    ap.add_argument("--commit-info", default="unknown")
    ap.add_argument("--output", required=True)
    ap.add_argument("--command-suffix", default="")
    ARGS = ap.parse_args()
    if ARGS.queries < 50:
        ap.error("--queries must be at least 50 (p99)")
    os.makedirs(ARGS.work, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = loadavg()
    WARTA_SHA = sha1_file(ARGS.warta)
    warta = Warta(ARGS.warta)
    tools = [warta, FTS5(), Tantivy(ARGS.tantivy_python)]
    tools[1].version = "SQLite " + __import__("sqlite3").sqlite_version
    log("warta %s (%s)" % (ARGS.commit_info, "index file" if warta.index_mode else "in memory"))
    scales = [1, 10] if ARGS.scale == "all" else [int(ARGS.scale)]
    results = {}
    disagreements = {}
    failed = []
    for scale in scales:
        prepare(scale, warta)
        raw = measure_scale(scale, tools)
        s = summarize(raw, tools)
        results[scale] = s
        with open(os.path.join(ARGS.work, "raw_x%d.json" % scale), "w") as fh:
            json.dump({"build": raw["build"], "size": raw["size"], "open": raw["open"], "t1": raw["t1"],
                       "extra": raw["build_extra"],
                       "lat": {t: [{"%s %d" % k: v for k, v in p["samples"].items()} for p in ps]
                               for t, ps in raw["lat"].items()}}, fh)
        for i, shape in enumerate(SHAPES):
            counts = {t.name: s["counts"][(t.name, i)] for t in tools}
            if len(set(counts.values())) != 1:
                msg = "%dx %s (%s): %s" % (scale, shape["label"], shape["query"],
                                           ", ".join("%s %d" % (TOOL_NAMES[k], v) for k, v in counts.items()))
                failed.append(msg)
                log("COUNTS DISAGREE: " + msg)
                lines = ["**%s** `%s`: %s" % (shape["label"], shape["query"],
                                               ", ".join("%s %d" % (TOOL_NAMES[k], v) for k, v in counts.items())), ""]
                lines += diagnose(scale, i, tools)
                lines.append("")
                disagreements.setdefault(scale, []).extend(lines)
            if not all(s["consistent"][(t.name, k, i)] for t in tools for k in ("count", "top")):
                log("warning: %dx %s: some tool's answers changed between repetitions" % (scale, shape["label"]))
        if scale == 1 and 10 in scales:
            log("1x done")
    if 1 in results and 10 in results:
        same = all(results[10]["counts"][(t.name, i)] == 10 * results[1]["counts"][(t.name, i)]
                   for t in tools for i in range(len(SHAPES)))
        log("10x counts are %s10 times the 1x counts" % ("" if same else "NOT "))
        results[10]["tenfold"] = same
    probes = run_probes(warta, tools[2])
    text = report(results, tools, started, load_before, loadavg(), disagreements, probes)
    os.makedirs(os.path.dirname(os.path.abspath(ARGS.output)), exist_ok=True)
    with open(ARGS.output, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    log("wrote " + ARGS.output)
    if failed:
        for m in failed:
            print("bench: counts disagree: " + m, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
