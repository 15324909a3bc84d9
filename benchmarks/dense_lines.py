"""Whether the close reading stays linear on long lines full of codes.

    python3 benchmarks/dense_lines.py            # 256 KiB and 2 MiB lines, each shape

A minified JSON body or a log without line breaks can hold thousands of codes on one
line. For each shape of finding, makes one line with a code every KiB, at two sizes,
and times ``Scanner.scan_line`` on it (in-process, best of 3): the time per MiB should
not grow with the line. Before 2026-12-02 several shapes read the whole line again for
each finding (14-16x the time for 4x the line).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from errlookup.scan import Scanner  # noqa: E402
from errlookup.state import load_index  # noqa: E402

SHAPES = {
    "key code": ' "code": 7302 ',
    "key code, two sources": ' "code": 401 ',
    "ResultCode": " ResultCode=809 ",
    "CamelCase name": " QuotaLockFailed ",
    "phrase": " error code 7302 ",
    "code and its message": " 7014 Customer not found ",
    "status line": " HTTP/1.1 503 Service Unavailable ",
    "tab-separated status": "\t/x\t503\tGET\t",
    "snake_case code": " access_denied ",
    "hint word": " cca ResultCode=102 ",
}


def seconds(scanner: Scanner, line: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        scanner.scan_line(line)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    index, _ = load_index()
    scanner = Scanner(index, report_unknown=True)
    small, large = 256, 2048  # KiB
    print(f"{'shape':24s} {small} KiB: ms/MiB   {large} KiB: ms/MiB   growth")
    for name, shape in SHAPES.items():
        unit = "x" * (1024 - len(shape)) + shape
        per_mib = [seconds(scanner, unit * kib) * 1000 / (kib / 1024) for kib in (small, large)]
        print(f"{name:24s} {per_mib[0]:14.1f} {per_mib[1]:17.1f} {per_mib[1] / per_mib[0]:9.2f}x")


if __name__ == "__main__":
    main()
