"""Scanning a large file on every core: blocks go to worker processes, output comes back in order.

Worker processes are forked after the catalogues are loaded, so each starts with
the scanner ready; each is told which bytes of the file to read and sends back only
what to insert between the lines (annotations), or the JSON lines. At most a few
blocks are in flight, so memory stays bounded whatever the input size. An over-long line
(cut into pieces) is scanned in this process, in order, since its pieces share
state.
"""

from __future__ import annotations

import io
import os
import signal
import stat
import sys
from collections import deque
from collections.abc import Callable
from typing import IO, Any, BinaryIO

from errlookup.scan import Block, Scanner
from errlookup.stream import StreamState, Unit, units

#: Inputs smaller than this are scanned in one process (starting workers costs more).
MIN_SIZE = 4 << 20

_scanner: Scanner | None = None
_render: Callable[[Block], list[tuple[int, bytes]]] | None = None


def workers_for(stream: BinaryIO, interactive: bool) -> int:
    """How many worker processes suit this input: none for streams, small or compressed files, one core."""
    if interactive or sys.platform == "win32" or (os.cpu_count() or 1) < 2 or not isinstance(stream, io.BufferedReader):
        return 0
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return 0
    if not stat.S_ISREG(info.st_mode) or info.st_size < MIN_SIZE:
        return 0
    return min(os.cpu_count() or 1, 4)


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _work(fd: int, offset: int, size: int, number: int) -> list[tuple[int, bytes]]:
    """Scan one block read from the file itself; send back only what goes between its lines."""
    assert _scanner is not None and _render is not None
    data = os.pread(fd, size, offset)
    return _render(_scanner.scan_unit(Unit(data, number), StreamState()))


def write_between(out: IO[bytes], data: bytes, inserts: list[tuple[int, bytes]], passthrough: bool = True) -> None:
    """Write a block with text inserted at offsets (annotations after their lines); or,
    when the block itself is not to be written (JSON Lines), the inserts alone."""
    if not passthrough:
        out.write(b"".join(text for _, text in inserts))
        return
    at = 0
    for offset, text in inserts:
        out.write(data[at:offset])
        out.write(text)
        at = offset
    out.write(data[at:])


def scan(
    scanner: Scanner,
    stream: BinaryIO,
    render: Callable[[Block], list[tuple[int, bytes]]],
    out: IO[bytes],
    workers: int,
    passthrough: bool = True,
) -> None:
    """Scan a regular file with ``workers`` processes, writing each block and ``render(block)`` in order.

    Each worker reads its block from the file itself, so only the (small) inserts travel
    between processes; this process reads the file too, to write it out.
    """
    import multiprocessing

    global _scanner, _render
    _scanner, _render = scanner, render
    state = StreamState()
    fd = stream.fileno()
    offset = stream.tell()
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupt)
    window: deque[tuple[bytes, Any]] = deque()

    def write_oldest() -> None:
        data, pending = window.popleft()
        write_between(out, data, pending.get(), passthrough)

    try:
        for unit in units(stream, scanner.line_numbers):
            start, offset = offset, offset + len(unit.data)
            if unit.piece or not state.idle:
                while window:
                    write_oldest()
                write_between(out, unit.data, render(scanner.scan_unit(unit, state)), passthrough)
                continue
            args = (fd, start, len(unit.data), unit.number)
            window.append((unit.data, pool.apply_async(_work, args)))
            while len(window) > 2 * workers:
                write_oldest()
        while window:
            write_oldest()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
