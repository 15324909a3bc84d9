"""Counting findings for ``scan --summary``: by source and code, unknown codes apart."""

from __future__ import annotations

from collections.abc import Sequence

from errlookup.model import Entry
from errlookup.scan import Finding


class Seen:
    """How often one code was seen, and where first and last."""

    __slots__ = ("contexts", "count", "entry", "first", "last")

    def __init__(self, entry: Entry | None = None) -> None:
        self.count = 0
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

    __slots__ = ("_counted", "known", "lines_with_findings", "paths", "unknown")

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], Seen] = {}
        self.unknown: dict[str, Seen] = {}
        self.lines_with_findings = 0
        self.paths: list[str] = []
        self._counted: tuple[str, int] | None = None  # the line counted last

    def add(self, path: str, findings: Sequence[Finding]) -> None:
        """The findings of one line, or of one piece of an over-long line (they come in turn)."""
        if path not in self.paths:
            self.paths.append(path)
        if findings and (path, findings[0].line) != self._counted:
            self.lines_with_findings += 1
            self._counted = (path, findings[0].line)
        for f in findings:
            best = f.best
            if best is None:
                key = f"HTTP {f.code}" if f.kind == "http" else f.code
                seen = self.unknown.setdefault(key, Seen())
            else:
                seen = self.known.setdefault((best.source, best.code or f.code), Seen(entry=best))
            seen.contexts.add(f.context)
            seen.add(path, f.line)

    @property
    def total(self) -> int:
        return sum(s.count for s in self.known.values()) + sum(s.count for s in self.unknown.values())
