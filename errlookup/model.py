"""The data every layer shares: catalogue entries, catalogues and look-up matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

MatchKind = Literal["exact", "name", "legacy", "fuzzy"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of one code at one source, as its documentation states it."""

    source: str
    code: str | None
    name: str | None = None
    http_status: tuple[int, ...] = ()
    http_status_doubtful: bool = False
    message: str | None = None
    description: str | None = None
    section: str | None = None
    category: str | None = None
    remarks: str | None = None
    legacy: tuple[str, ...] = ()
    since: str | None = None
    kind: str = "error"
    note: str | None = None

    @classmethod
    def from_json(cls, source: str, raw: dict[str, Any]) -> Entry:
        return cls(
            source=source,
            code=raw.get("code"),
            name=raw.get("name"),
            http_status=tuple(raw.get("http_status", ())),
            http_status_doubtful=raw.get("http_status_doubtful", False),
            message=raw.get("message"),
            description=raw.get("description"),
            section=raw.get("section"),
            category=raw.get("category"),
            remarks=raw.get("remarks"),
            legacy=tuple(raw.get("legacy", ())),
            since=raw.get("since"),
            kind=raw.get("kind", "error"),
            note=raw.get("note"),
        )

    @property
    def text(self) -> str:
        """The entry's main human text: its message, else its description, else its name."""
        return self.message or self.description or self.name or ""

    @property
    def is_success(self) -> bool:
        return self.kind == "success"


@dataclass(frozen=True, slots=True)
class Catalog:
    """One source's catalogue file, loaded and validated."""

    id: str
    name: str
    entries: tuple[Entry, ...]
    origin: str  # "bundled" or the user's file path
    path: str
    vendor: str | None = None
    product: str | None = None
    url: str | None = None
    error_format: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    replaces_bundled: bool = False
    #: Keys whose values are this source's codes (``ResultCode``, ``error.code``).
    scan_keys: tuple[str, ...] = ()
    #: Words that point at this source when they stand on the same log line.
    scan_hints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found for a query, and how it was found."""

    query: str
    entry: Entry
    match: MatchKind
    score: float = 100.0
    #: Words of the entry (lower-cased, spelling folded) that a fuzzy query matched.
    matched: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object for this match (lookup --json, scan matches)."""
        e = self.entry
        return {
            "query": self.query,
            "source": e.source,
            "code": e.code,
            "name": e.name,
            "http_status": list(e.http_status),
            "message": e.message,
            "description": e.description,
            "section": e.section,
            "category": e.category,
            "remarks": e.remarks,
            "match": self.match,
            "score": round(float(self.score), 1),
            "http_status_doubtful": e.http_status_doubtful,
            "legacy": list(e.legacy),
            "since": e.since,
            "kind": e.kind,
        }
