"""Scanning a large file on every core: blocks go to worker processes, output comes back in order.

Worker processes are forked after the catalogues are loaded, so each starts with
the scanner ready; each block goes out as bytes and comes back as the bytes to
write (the block itself, with its annotations or JSON lines). At most a few blocks
are in flight, so memory stays bounded whatever the input size. An over-long line
(cut into pieces) is scanned in this process, in order, since its pieces share
state.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable
from typing import IO, Any, BinaryIO

from errlookup.scan import Block, Scanner, StreamState, Unit, units

#: Inputs smaller than this are scanned in one process (starting workers costs more).
MIN_SIZE = 4 << 20

_scanner: Scanner | None = None
_render: Callable[[Block], bytes] | None = None


def workers_for(stream: BinaryIO, interactive: bool) -> int:
    """How many worker processes suit this input: none for streams, small files or one core."""
    if interactive or sys.platform == "win32" or (os.cpu_count() or 1) < 2:
        return 0
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0
    if size < MIN_SIZE:
        return 0
    return min(os.cpu_count() or 1, 4)


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _work(data: bytes, number: int, final: bool) -> bytes:
    assert _scanner is not None and _render is not None
    return _render(_scanner.scan_unit(Unit(data, number, final), StreamState()))


def scan(scanner: Scanner, stream: BinaryIO, render: Callable[[Block], bytes], out: IO[bytes], workers: int) -> None:
    """Scan a stream with ``workers`` processes, writing ``render(block)`` of each block in order."""
    import multiprocessing

    global _scanner, _render
    _scanner, _render = scanner, render
    state = StreamState()
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupt)
    window: deque[Any] = deque()
    try:
        for unit in units(stream):
            if unit.piece or not state.idle:
                while window:
                    out.write(window.popleft().get())
                out.write(render(scanner.scan_unit(unit, state)))
                continue
            window.append(pool.apply_async(_work, (unit.data, unit.number, unit.final)))
            while len(window) > 2 * workers:
                out.write(window.popleft().get())
        while window:
            out.write(window.popleft().get())
        pool.close()
    finally:
        pool.terminate()
        pool.join()
