"""Counting findings for ``scan --summary``: by source and code, unknown codes apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from zlib import crc32

from errlookup.model import Entry
from errlookup.scan import Block, Finding

#: Unknown codes counted one by one, at most. When a new one comes and there are this many,
#: the less frequent half are let go and their findings counted together (lossy
#: counting): the frequent codes stay, wherever in the log they begin, and the total stays
#: exact. A log of random numbers under an error key held a record for each: 430,000 of
#: them took 2.4 GB and 212 s to summarise.
MAX_UNKNOWN = 10_000

#: Bits of the filter that remembers which unknown codes were let go (1 MiB, made at the
#: first letting go): a code seen again after it was let go is told by it, so its count
#: is shown as a lower bound. 430,000 codes let go leave 1% of new codes marked so too.
GONE_BITS = 1 << 23

#: What a scanning worker sends of a finding for the summary: its line, its best entry
#: (its position in the index's entries, or -1), code, kind and context.
Row = tuple[int, int, str, str, str]


class Seen:
    """How often one code was seen, and where first and last."""

    __slots__ = ("contexts", "count", "earlier", "entry", "first", "last")

    def __init__(self, entry: Entry | None = None) -> None:
        self.count = 0
        #: Seen before this count began (an unknown code let go, then seen again): ``count``
        #: and ``first`` are then a lower bound and an upper one.
        self.earlier = False
        self.first: tuple[str, int] = ("", 0)
        self.last: tuple[str, int] = ("", 0)
        self.entry = entry
        self.contexts: set[str] = set()

    def add(self, path: str, line: int) -> None:
        if not self.count:
            self.first = (path, line)
        self.count += 1
        self.last = (path, line)


class Tally:
    """Counts for ``scan --summary``: known codes by source and code, unknown codes apart."""

    __slots__ = ("_counted", "_gone", "known", "lines_with_findings", "paths", "unknown", "unknown_beyond")

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], Seen] = {}
        self.unknown: dict[str, Seen] = {}
        self.unknown_beyond = 0  # findings of the unknown codes let go (see MAX_UNKNOWN)
        self.lines_with_findings = 0
        self.paths: list[str] = []
        self._counted: tuple[str, int] | None = None  # the line counted last
        self._gone: bytearray | None = None  # a Bloom filter of the unknown codes let go

    def begin(self, path: str) -> None:
        """A file's findings come next: its line 1 is another line than the last file's."""
        self._file(path)
        self._counted = None

    def add(self, path: str, findings: Sequence[Finding]) -> None:
        """The findings of one line, or of one piece of an over-long line (they come in turn)."""
        self._file(path)
        if findings:
            self._line(path, findings[0].line)
        for f in findings:
            self._count(path, f.line, f.best, f.code, f.kind, f.context)

    def add_rows(self, path: str, rows: Sequence[Row], entries: Sequence[Entry]) -> None:
        """Findings of numbered lines as a scanning worker sent them (``rows_of``), ``entries`` the index's."""
        self._file(path)
        for line, at, code, kind, context in rows:
            self._line(path, line)
            self._count(path, line, entries[at] if at >= 0 else None, code, kind, context)

    def _file(self, path: str) -> None:
        if path not in self.paths:
            self.paths.append(path)

    def _line(self, path: str, line: int) -> None:
        """Count a line with findings once, though the pieces of an over-long one come apart
        (told apart by number: unnumbered lines, all 0, count once a call of ``add``)."""
        if not line or (path, line) != self._counted:
            self.lines_with_findings += 1
            self._counted = (path, line)

    def _count(self, path: str, line: int, best: Entry | None, code: str, kind: str, context: str) -> None:
        if best is None:
            key = f"HTTP {code}" if kind == "http" else code
            seen = self.unknown.get(key)
            if seen is None:
                if len(self.unknown) >= MAX_UNKNOWN:
                    self._let_go()
                seen = self.unknown[key] = Seen()
                seen.earlier = self._was_let_go(key)
        else:
            seen = self.known.setdefault((best.source, best.code or code), Seen(entry=best))
        seen.contexts.add(context)
        seen.add(path, line)

    def _let_go(self) -> None:
        """Forget the less frequent half of the unknown codes, keeping count of their findings."""
        middle = sorted(s.count for s in self.unknown.values())[len(self.unknown) // 2]
        if self._gone is None:
            self._gone = bytearray(GONE_BITS // 8)
        gone = self._gone
        for key in [k for k, s in self.unknown.items() if s.count <= middle]:
            self.unknown_beyond += self.unknown.pop(key).count
            for bit in _bits(key):
                gone[bit >> 3] |= 1 << (bit & 7)

    def _was_let_go(self, key: str) -> bool:
        """Whether this unknown code may have been let go before (never a false no)."""
        gone = self._gone
        return gone is not None and all(gone[bit >> 3] & (1 << (bit & 7)) for bit in _bits(key))

    @property
    def total(self) -> int:
        known = sum(s.count for s in self.known.values())
        return known + sum(s.count for s in self.unknown.values()) + self.unknown_beyond


def _bits(key: str) -> tuple[int, int]:
    """The filter's two bits for a code: the same in every run (str's hash is not)."""
    data = key.encode("utf-8", "surrogatepass")
    return crc32(data) % GONE_BITS, crc32(data, 0x9E3779B9) % GONE_BITS


def rows_of(block: Block, positions: Mapping[int, int]) -> list[Row]:
    """A block's findings for the summary, as plain data a worker can send back:
    ``positions`` maps each entry's identity to its place in the index's entries."""
    return [
        (f.line, positions[id(best)] if (best := f.best) is not None else -1, f.code, f.kind, f.context)
        for result in block.lines
        for f in result.findings
    ]
