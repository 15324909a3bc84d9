"""Throughput and memory of ``errlookup scan`` against a plain Python copy loop.

    python3 benchmarks/scan_speed.py [--mib 32] [--runs 15]

Generates (once, deterministic) a mixed log of at least --mib MiB in
benchmarks/out/: ordinary application, access and JSON log lines, about 3% of them
lines with error codes taken from the labelled corpus. Then times, with the log on
standard input and the output to /dev/null:

- baseline: a plain Python loop that reads the lines and writes them;
- errlookup scan (annotate mode),

one run of each in turn, --runs times, so that a machine whose speed drifts (shared
virtual machines do) slows both alike; it reports the medians and their ratio. The
package's bytecode is compiled first, as an installed errlookup has it (pip compiles
it; without it every start compiles the sources again, ~25 ms). Peak memory is each
command's own, from the kernel's accounting. Target (issue 4): scan within 3x of the
baseline, peak memory under 100 MiB.

Both run without PYTHONUNBUFFERED, whatever the caller's environment: with it the copy
loop's standard output is unbuffered, one write system call a line, which made the
baseline half as slow again on the development machine (and the ratio look better).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"

NORMAL = [
    "{ts} INFO worker[{pid}] processed batch {n} in {ms} ms",
    '10.0.{a}.{b} - - [01/May/2024:12:00:{s:02d} +0000] "GET /api/v1/items/{n} HTTP/1.1" 200 {size} "-" "Mozilla/5.0"',
    "{ts} DEBUG sqlalchemy.engine: SELECT id, name FROM users WHERE id = {n} LIMIT {s}",
    '{{"ts":"{ts}","level":"info","msg":"request done","status":200,"duration_ms":{ms},"bytes":{size}}}',
    "{ts} INFO scheduler: job {n} finished, next run in {s}s",
    'time={ts} level=info msg="cache hit" key=user:{n} ttl={s}',
    '10.1.{a}.{b} - - [01/May/2024:12:01:{s:02d} +0000] "POST /webhooks/{n} HTTP/1.1" 204 0 "-" "hook/1.0"',
]


def generate(mib: int) -> Path:
    path = OUT / f"mixed-{mib}mib.log"
    if path.exists() and path.stat().st_size >= mib << 20:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = [json.loads(line) for line in (ROOT / "tests/data/scan/corpus.jsonl").read_text().splitlines()]
    coded = [c["line"] for c in corpus if c["findings"]]
    rnd = random.Random(42)
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < mib << 20:
            if rnd.random() < 0.03:
                line = rnd.choice(coded)
            else:
                line = rnd.choice(NORMAL).format(
                    ts=f"2024-05-01T12:{rnd.randrange(60):02d}:{rnd.randrange(60):02d}.{rnd.randrange(1000):03d}Z",
                    pid=rnd.randrange(1, 99999), n=rnd.randrange(1, 10**6), ms=rnd.randrange(1, 5000),
                    size=rnd.randrange(100, 10**6), a=rnd.randrange(256), b=rnd.randrange(256), s=rnd.randrange(60),
                )  # fmt: skip
            fh.write(line + "\n")
            size += len(line.encode()) + 1
    return path


#: The environment of both commands: the caller's, without what changes the baseline's buffering.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def peak_mib(cmd: list[str], log: Path) -> float:
    """Peak resident memory of one run, from the kernel's accounting of that child alone."""
    with log.open("rb") as stdin:
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def run_once(cmd: list[str], log: Path) -> float:
    with log.open("rb") as stdin:
        start = time.perf_counter()
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True, env=ENV)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=32)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    log = generate(args.mib)
    python = sys.executable
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "errlookup")], check=True, stdout=subprocess.DEVNULL)
    baseline = [python, str(ROOT / "benchmarks" / "copy_lines.py")]
    scan = [python, "-m", "errlookup", "scan"]
    lines = sum(1 for _ in log.open("rb"))
    print(f"log: {log} ({log.stat().st_size / 2**20:.1f} MiB, {lines} lines), python: {python}, cpus: {os.cpu_count()}")
    run_once(baseline, log), run_once(scan, log)  # warm the page cache and the catalogue cache
    base_runs, scan_runs = [], []
    for _ in range(args.runs):
        base_runs.append(run_once(baseline, log))
        scan_runs.append(run_once(scan, log))
    base_s, scan_s = statistics.median(base_runs), statistics.median(scan_runs)
    print(f"baseline median {base_s:.3f} s, scan median {scan_s:.3f} s: {scan_s / base_s:.2f}x ({args.runs} runs each)")
    # the target is the medians' ratio; the fastest runs show what the machine gives when
    # nothing else on its host takes from it (its speed drifts by a third within minutes)
    pairs = statistics.median(s / b for b, s in zip(base_runs, scan_runs, strict=True))
    print(f"each scan against the baseline run just before it: median {pairs:.2f}x")
    fast_base, fast_scan = min(base_runs), min(scan_runs)
    print(f"fastest runs: baseline {fast_base:.3f} s, scan {fast_scan:.3f} s: {fast_scan / fast_base:.2f}x")
    print(f"peak memory: baseline {peak_mib(baseline, log):.1f} MiB, scan {peak_mib(scan, log):.1f} MiB")


if __name__ == "__main__":
    main()
