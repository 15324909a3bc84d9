"""Scanning a large file on every core: blocks go to worker processes, output comes back in order.

Worker processes are forked after the catalogues are loaded, so each starts with
the scanner ready; each is told which bytes of the file to read and sends back only
what to insert between the lines (annotations), or the JSON lines. At most a few
blocks are in flight, so memory stays bounded whatever the input size. An over-long line
(cut into pieces) is scanned in this process, in order, since its pieces share
state.

The workers are plain forked processes with a pipe each way, not a
``multiprocessing`` pool: importing and starting that costs about 25 ms, and its
helper threads take CPU from the workers. Each block goes to the worker with the
fewest blocks in hand (cores of a shared machine run at different speeds); a worker
does its blocks in order, so the oldest block is always the next result of its worker.
"""

from __future__ import annotations

import contextlib
import gc
import io
import marshal
import os
import select
import signal
import stat
import struct
import sys
from collections import deque
from collections.abc import Callable
from typing import IO, Any, BinaryIO

from errlookup.errors import ErrlookupError
from errlookup.scan import Block, Scanner
from errlookup.stream import BLOCK, StreamState, Unit, units

#: Inputs smaller than this are scanned in one process (starting workers costs more).
MIN_SIZE = 4 << 20

Inserts = list[tuple[int, bytes]]
_TASK = struct.Struct("<qqq")  # offset, size, number of lines before the block
_HEAD = struct.Struct("<bq")  # ok (1) or failed (0), length of what follows


#: At most this many workers: each holds blocks in memory, and this one process writes every block.
MAX_WORKERS = 8


def cpus() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def workers_for(stream: BinaryIO, interactive: bool) -> int:
    """How many worker processes suit this input: none for streams, small or compressed files, one core."""
    if interactive or sys.platform == "win32" or cpus() < 2 or not isinstance(stream, io.BufferedReader):
        return 0
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return 0
    if not stat.S_ISREG(info.st_mode) or info.st_size < MIN_SIZE:
        return 0
    return min(cpus(), MAX_WORKERS)


def write_between(out: IO[bytes], data: bytes, inserts: Inserts, passthrough: bool = True) -> None:
    """Write a block with text inserted at offsets (annotations after their lines); or,
    when the block itself is not to be written (JSON Lines), the inserts alone."""
    if not passthrough:
        out.write(b"".join(text for _, text in inserts))
        return
    if not inserts:
        out.write(data)
        return
    view = memoryview(data)
    pieces = []
    at = 0
    for offset, text in inserts:
        pieces.append(view[at:offset])
        pieces.append(text)
        at = offset
    pieces.append(view[at:])
    out.write(b"".join(pieces))  # one write a block: a write call costs more than copying


def _read_exactly(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _serve(scanner: Scanner, render: Callable[[Block], Inserts], fd: int, tasks: int, results: int) -> None:
    """A worker's life: read a task, scan that block of the file, send back its inserts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    gc.disable()  # a block's objects are freed by reference counting; the collector only costs (3%)
    while True:
        try:
            offset, size, number = _TASK.unpack(_read_exactly(tasks, _TASK.size))
        except EOFError:
            return  # no more work
        try:
            data = os.pread(fd, size, offset)
            payload, ok = marshal.dumps(render(scanner.scan_unit(Unit(data, number), StreamState()))), 1
        except Exception as exc:  # sent to the parent, which stops with it
            payload, ok = f"{type(exc).__name__}: {exc}".encode(), 0
        message = _HEAD.pack(ok, len(payload)) + payload
        view = memoryview(message)
        while view:
            view = view[os.write(results, view) :]


class _Worker:
    """One forked worker: a pipe to send it tasks, one to read its results from.

    Results are read as soon as they arrive (``pump``), whichever worker sends them: a
    worker whose result does not fit in its pipe would otherwise wait, idle, until the
    older blocks of the other workers were written.
    """

    __slots__ = ("buffer", "done", "pending", "pid", "results", "tasks")

    def __init__(self, scanner: Scanner, render: Callable[[Block], Inserts], fd: int) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                os.close(task_w)
                os.close(result_r)
                _serve(scanner, render, fd, task_r, result_w)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(task_r)
        os.close(result_w)
        self.pid, self.tasks, self.results = pid, task_w, result_r
        self.buffer = bytearray()
        self.done: deque[Inserts] = deque()
        self.pending = 0  # tasks sent and not yet written

    def send(self, offset: int, size: int, number: int) -> None:
        os.write(self.tasks, _TASK.pack(offset, size, number))
        self.pending += 1

    def pump(self) -> None:
        """Read what the worker has sent; keep each complete result."""
        chunk = os.read(self.results, 1 << 20)
        if not chunk:
            raise ErrlookupError("a scanning worker process ended unexpectedly")
        self.buffer += chunk
        while len(self.buffer) >= _HEAD.size:
            ok, size = _HEAD.unpack_from(self.buffer)
            if len(self.buffer) < _HEAD.size + size:
                break
            payload = bytes(self.buffer[_HEAD.size : _HEAD.size + size])
            del self.buffer[: _HEAD.size + size]
            if not ok:
                raise ErrlookupError(f"a scanning worker failed: {payload.decode(errors='replace')}")
            self.done.append(marshal.loads(payload))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.tasks)
        with contextlib.suppress(OSError):
            os.close(self.results)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)


def _load(worker: _Worker) -> int:
    """Tasks a worker has yet to finish, counting the results it sent that wait to be read."""
    return worker.pending - len(worker.done)


#: The smallest block the last part of a file is cut into (see _tapering).
MIN_BLOCK = 1 << 16


def _tapering(start: int, stream: BinaryIO, workers: int) -> Callable[[int], int]:
    """Block sizes that shrink towards the end of the file (a quarter of what is left per
    worker, at least MIN_BLOCK), so that the workers finish together: with whole blocks,
    one worker sat idle for its last 10-19 ms while the other scanned its last block
    (the 32 MiB benchmark); now their last results are 0.4-1.7 ms apart."""
    try:
        total = os.fstat(stream.fileno()).st_size - start
    except OSError:
        return lambda done: BLOCK

    def size(done: int) -> int:
        return max(MIN_BLOCK, min(BLOCK, (total - done) // (2 * workers)))

    return size


def scan(
    scanner: Scanner,
    stream: BinaryIO,
    render: Callable[[Block], Any],
    out: IO[bytes],
    workers: int,
    passthrough: bool = True,
    take: Callable[[bytes, Any], None] | None = None,
) -> None:
    """Scan a regular file with ``workers`` processes, writing each block and ``render(block)`` in order.

    Each worker reads its block from the file itself, so only the (small) inserts travel
    between processes; this process reads the file too, to write it out. With ``take``,
    each block and what ``render`` made of it (plain data: it travels by marshal) go
    to ``take`` in order instead, and nothing is written (the summary's counts).
    """
    if take is None:

        def take(data: bytes, inserts: Any) -> None:
            write_between(out, data, inserts, passthrough)

    state = StreamState()
    fd = stream.fileno()
    offset = stream.tell()
    out.flush()  # nothing buffered may be written twice by a forked copy
    pool: list[_Worker] = []
    try:
        gc.freeze()  # what is loaded stays put: forked copies share it, collections skip it
        pool.extend(_Worker(scanner, render, fd) for _ in range(workers))
        window: deque[tuple[bytes, _Worker]] = deque()
        held = 0  # bytes of the blocks in the window
        # The window is bounded by bytes, not blocks: with the end of a file cut small, a
        # count let a worker wait 15-27 ms for tasks behind the other's last large block.
        # Three blocks a worker let one run on while the other's core is slowed a while
        # (shared machines): two left a worker waiting 30 ms in one scan of five.
        most = min(3 * workers, 24) * BLOCK

        by_fd = {w.results: w for w in pool}

        def write_oldest() -> None:
            nonlocal held
            data, worker = window.popleft()
            held -= len(data)
            while not worker.done:
                for fd in select.select(list(by_fd), [], [])[0]:
                    by_fd[fd].pump()
            worker.pending -= 1
            take(data, worker.done.popleft())

        for unit in units(stream, scanner.line_numbers, _tapering(offset, stream, workers)):
            start, offset = offset, offset + len(unit.data)
            if unit.piece or not state.idle:
                while window:
                    write_oldest()
                take(unit.data, render(scanner.scan_unit(unit, state)))
                continue
            worker = min(pool, key=_load)
            worker.send(start, len(unit.data), unit.number)
            window.append((unit.data, worker))
            held += len(unit.data)
            while held > most:
                write_oldest()
        while window:
            write_oldest()
    finally:
        for worker in pool:
            worker.stop()
