"""In-process speed of text search over every bundled catalogue.

    python3 benchmarks/search_speed.py            # all labelled queries, 20 rounds

Prints the one-off cost of building the search index, then the median and 95th
percentile time of one search (index already built), over the labelled query set in
tests/data/search_queries.json. Target (issue 3): under 10 ms per search.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from errlookup.catalog import load_all  # noqa: E402
from errlookup.index import Index  # noqa: E402
from errlookup.search import SearchIndex  # noqa: E402


def main(rounds: int = 20) -> None:
    queries = [q["query"] for q in json.loads((ROOT / "tests/data/search_queries.json").read_text())]
    index = Index.build(load_all(include_user=False).catalogs)
    t0 = time.perf_counter()
    search = SearchIndex(index)
    search.search("warm up rapidfuzz")
    build_ms = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            search.search(q)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    print(f"entries: {len(index.entries)}, queries: {len(queries)} x {rounds} rounds")
    print(f"search index build (incl. rapidfuzz import): {build_ms:.1f} ms")
    print(f"one search: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
