"""Counting findings for ``scan --summary``: by source and code, unknown codes apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from errlookup.model import Entry
from errlookup.scan import Finding


@dataclass
class Seen:
    """How often one code was seen, and where first and last."""

    count: int = 0
    first: tuple[str, int] = ("", 0)
    last: tuple[str, int] = ("", 0)
    entry: Entry | None = None
    contexts: set[str] = field(default_factory=set)

    def add(self, path: str, line: int) -> None:
        if not self.count:
            self.first = (path, line)
        self.count += 1
        self.last = (path, line)


@dataclass
class Tally:
    """Counts for ``scan --summary``: known codes by source and code, unknown codes apart."""

    known: dict[tuple[str, str], Seen] = field(default_factory=dict)
    unknown: dict[str, Seen] = field(default_factory=dict)
    lines_with_findings: int = 0
    paths: list[str] = field(default_factory=list)

    def add(self, path: str, findings: Sequence[Finding]) -> None:
        if path not in self.paths:
            self.paths.append(path)
        if findings:
            self.lines_with_findings += 1
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
