"""Look-up and search with a 100,000-entry user catalogue installed (issue 6, target 3).

    python3 benchmarks/large_catalog.py [--entries 100000] [--runs 10]

Writes (once, deterministic) a catalogue whose messages are drawn from the words of
the bundled catalogues, into benchmarks/out/large/, then measures with that folder in
ERRLOOKUP_CATALOGS:

- `errlookup 7302` start to finish, cache built, against `python -c pass` (target 8x);
- one text search in-process, the search index already built (target 100 ms);
- the first run (parsing, validating and caching the catalogue) and the search
  index build, for the record.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "large"
QUERIES = [
    "rate limit exeeded", "invalid access token", "customer profile not found", "pod name already exists",
    "message expired before delivery", "unauthorised request", "db error", "too many requests for the app",
]  # fmt: skip


def generate(count: int) -> Path:
    path = OUT / "catalogs" / f"large-{count}.json"
    if path.exists():
        return path
    words: list[str] = []
    for name in ("askia", "imiconnect", "salto", "voipnow", "rev23"):
        for entry in json.loads((ROOT / "catalogs" / f"{name}.json").read_text())["entries"]:
            text = " ".join(t for t in (entry.get("message"), entry.get("description")) if t)
            words += [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    rnd = random.Random(7)
    entries = [
        {"code": f"L{i:06d}", "message": " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 10))).capitalize(),
         "http_status": [rnd.choice([400, 404, 500])]}
        for i in range(count)
    ]  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"id": "large", "name": "Large", "entries": entries}), encoding="utf-8")
    return path


def wall(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    catalog = generate(args.entries)
    env = {**os.environ, "ERRLOOKUP_CATALOGS": str(catalog.parent), "ERRLOOKUP_CACHE_DIR": str(OUT / "cache"),
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    (OUT / "cache" / "catalogs.marshal").unlink(missing_ok=True)
    python = sys.executable
    first = wall([python, "-m", "errlookup", "7302"], env, 1)
    bare = wall([python, "-c", "pass"], env, args.runs)
    lookup = wall([python, "-m", "errlookup", "7302"], env, args.runs)
    probe = (
        "import statistics, time\nfrom errlookup.state import load_index\nfrom errlookup.search import search_index\n"
        "ix, _ = load_index()\nt = time.perf_counter(); s = search_index(ix); s.search('warm')\n"
        "build = time.perf_counter() - t\ntimes = []\n"
        f"for q in {QUERIES!r} * 3:\n    a = time.perf_counter(); s.search(q); times.append(time.perf_counter() - a)\n"
        "print(build * 1000, statistics.median(times) * 1000, max(times) * 1000)"
    )
    out = subprocess.run([python, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.split()
    build, median, worst = map(float, out)
    print(f"catalogue: {catalog} ({args.entries} entries), python: {python}")
    print(f"first run (parse, validate, cache): {first:.0f} ms")
    print(f"errlookup 7302: {lookup:.0f} ms vs python -c pass {bare:.0f} ms: {lookup / bare:.1f}x (target 8x)")
    print(f"search index build: {build:.0f} ms; one search: median {median:.1f} ms, max {worst:.1f} ms (target 100 ms)")


if __name__ == "__main__":
    main()
