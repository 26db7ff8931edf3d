"""What fts5_tool.py and tantivy_tool.py share: the request loop and main().

A request is a JSON line [kind, shape] with kind count | top | ids.  A server
reads all of standard input first (as warta does with a pipe), then answers
each request with a single write(2), so the driver times every answer from
outside the same way for all three tools:

    count  {"count": N}
    top    {"id": ID, "score": S} for each of the best ten
    ids    {"id": ID} for every match
"""
import json
import os
import sys

from shapes import SHAPES


def serve(open_index, answer):
    """open_index() -> handle; answer(handle, kind, shape) -> the answer's text."""
    requests = [json.loads(l) for l in sys.stdin.read().splitlines() if l.strip()]
    handle = open_index()
    for kind, i in requests:
        data = answer(handle, kind, SHAPES[i]).encode()
        while data:
            data = data[os.write(1, data):]


def main(doc, build, serve_path, probe):
    """build(export, path) | serve_path(path) | probe(), from the command line."""
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "build":
        build(args[1], args[2])
    elif len(args) == 2 and args[0] == "serve":
        serve_path(args[1])
    elif args == ["probe"]:
        probe()
    else:
        sys.exit(doc)
