"""Reading input for the scanner: streams cut into units of whole lines, files opened.

Constant memory whatever the input: a unit is at most a block of whole lines, or a
piece of a line too long to hold whole (``MAX_LINE``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

if TYPE_CHECKING:
    from errlookup.scan import Finding

#: Bytes read at a time; a line is held whole up to MAX_LINE bytes, longer ones in pieces.
#: Each block costs a fixed amount besides its bytes (the block filter's dozen searches,
#: a task and a result passed between processes, the wake-ups that go with them): the
#: benchmark scan took 9-11% less CPU time with 512 KiB blocks than with 256 KiB, and
#: 5% less again with 1 MiB (interleaved runs of 25-31 each); 2 MiB was no better. The
#: parallel scan cuts the end of a file finer (parallel._tapering).
BLOCK = 1 << 20
#: A piece costs about ten times its size while it is read (its text, lower-cased copy,
#: shape, the close reading's joined text): 4 MiB pieces kept a 200 MiB line's scan at
#: 41-43 MiB and one full of codes at 54-60 MiB, 8 MiB pieces at 63-71 and 83-95 MiB.
MAX_LINE = 4 << 20


class Unit(NamedTuple):
    """A run of input to scan: whole lines (``number`` lines came before), or a piece of
    an over-long line."""

    data: bytes
    number: int
    piece: bool = False


class StreamState:
    """What one piece of an over-long line leaves for the next."""

    __slots__ = ("carry", "chars", "more", "overlap")

    def __init__(self) -> None:
        self.carry: list[Finding] = []
        self.more = 0  # findings past those carried, counted (see scan.CARRY_KEEP)
        self.overlap = ""  # the end of the piece before, read again with the next
        self.chars = 0  # characters of the line's pieces so far (its findings' columns count them)

    @property
    def idle(self) -> bool:
        return not self.carry and not self.overlap


def units(stream: BinaryIO, numbered: bool = True, size: Callable[[int], int] | None = None) -> Iterator[Unit]:
    """Cut a byte stream into units as it is read: whole lines where it can, constant memory.

    ``numbered=False`` leaves each unit's ``number`` at 0: counting the lines is a pass
    over every byte, wasted when no line number is shown. ``size(bytes read so far)``
    says how much to read next (at most BLOCK); BLOCK when not given.
    """
    from errlookup.errors import InputError

    number = 0
    pending: list[bytes] = []  # the start of a line read so far (kept in parts: no quadratic copying)
    held = 0
    read = getattr(stream, "read1", stream.read)
    done = 0
    while True:
        try:
            chunk = read(BLOCK if size is None else size(done))
        except (OSError, EOFError) as exc:
            raise InputError(getattr(exc, "strerror", None) or str(exc)) from None
        if not chunk:
            break
        done += len(chunk)
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            pending.append(chunk)
            held += len(chunk)
            if held >= MAX_LINE:
                piece = b"".join(pending)
                pending, held = [], 0
                keep = _cut_short(piece)  # a character cut in two goes whole to the next piece
                if keep:
                    pending, held = [piece[-keep:]], keep
                    piece = piece[:-keep]  # the piece before it is let go at once
                yield Unit(piece, number, piece=True)
                del piece  # not held while the next piece is read
            continue
        # one copy: the line begun in earlier chunks and this chunk's whole lines, joined
        whole = b"".join([*pending, memoryview(chunk)[:cut]]) if pending else chunk[:cut]
        rest = chunk[cut:]
        pending, held = ([rest], len(rest)) if rest else ([], 0)
        yield Unit(whole, number)
        if numbered:
            number += whole.count(b"\n")
    if pending:
        yield Unit(b"".join(pending), number)  # the last line, without a line ending


def _cut_short(data: bytes) -> int:
    """How many bytes at the end of ``data`` begin a UTF-8 character that they do not
    finish (0 to 3). A piece of an over-long line ends before them, so that the pieces,
    decoded one by one, count the line's characters (its findings' columns) as the
    whole line would."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return 0  # ASCII: whole
        if byte >= 0xC0:  # a lead byte: how long its character is
            return back if back < (2 if byte < 0xE0 else 3 if byte < 0xF0 else 4) else 0
    return 0  # continuation bytes only (or none): not a character this could finish


def open_input(path: str) -> BinaryIO:
    """A binary stream for a path (``-`` is stdin); ``.gz`` files are read decompressed."""
    import sys

    from errlookup.errors import ErrlookupError

    if path == "-":
        return sys.stdin.buffer
    try:
        fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
        if fh.peek(2)[:2] == b"\x1f\x8b":
            import gzip

            return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
        return fh
    except FileNotFoundError:
        raise ErrlookupError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise ErrlookupError(f"cannot read {path}: is a folder") from None
    except PermissionError:
        raise ErrlookupError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise ErrlookupError(f"cannot read {path}: {exc.strerror or exc}") from None
