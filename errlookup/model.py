"""The data every layer shares: catalogue entries, catalogues and look-up matches.

Records that never change are ``NamedTuple`` classes, not dataclasses: every command
imports this module at start-up, where importing ``dataclasses`` (it brings
``inspect``) and making its classes cost about 10 ms, measured; a NamedTuple costs 0.1 ms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

MatchKind = Literal["exact", "name", "legacy", "fuzzy"]


class Entry(NamedTuple):
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

    def to_row(self) -> tuple[Any, ...]:
        """The entry as a plain tuple (for the catalogue cache); ``from_row`` reverses it."""
        return (
            self.code, self.name, self.http_status, self.http_status_doubtful, self.message, self.description,
            self.section, self.category, self.remarks, self.legacy, self.since, self.kind, self.note,
        )  # fmt: skip

    @classmethod
    def from_row(cls, source: str, row: Sequence[Any]) -> Entry:
        return cls(source, *row)

    @property
    def text(self) -> str:
        """The entry's main human text: its message, else its description, else its name."""
        return self.message or self.description or self.name or ""

    @property
    def is_success(self) -> bool:
        return self.kind == "success"


class LazyEntries(Sequence[Entry]):
    """A catalogue's entries kept as cached rows and made into ``Entry`` objects on use.

    A look-up in a catalogue of 100,000 entries touches a handful of them; making
    them all at every start would cost more than the look-up itself. The rows come
    in chunks of ``CHUNK`` marshalled rows, each unpacked the first time one of its
    entries is wanted.
    """

    CHUNK = 512
    __slots__ = ("_chunks", "_count", "_made", "_rows", "_source")

    def __init__(self, source: str, chunks: Sequence[bytes], count: int) -> None:
        self._source = source
        self._chunks = chunks
        self._count = count
        self._rows: list[list[Any] | None] = [None] * len(chunks)
        self._made: dict[int, Entry] = {}

    @classmethod
    def pack(cls, entries: Sequence[Entry]) -> list[bytes]:
        import marshal

        rows = [e.to_row() for e in entries]
        return [marshal.dumps(rows[i : i + cls.CHUNK]) for i in range(0, len(rows), cls.CHUNK)]

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int) -> Entry:  # type: ignore[override]
        entry = self._made.get(i)
        if entry is None:
            if not 0 <= i < self._count:
                raise IndexError(i)
            chunk, at = divmod(i, self.CHUNK)
            rows = self._rows[chunk]
            if rows is None:
                import marshal

                rows = self._rows[chunk] = marshal.loads(self._chunks[chunk])
            entry = self._made[i] = Entry.from_row(self._source, rows[at])
        return entry

    def __iter__(self) -> Iterator[Entry]:
        for i in range(self._count):
            yield self[i]

    def rows(self) -> Iterator[Sequence[Any]]:
        """The raw rows, without making entries (for building the search index)."""
        import marshal

        for chunk, packed in enumerate(self._chunks):
            rows = self._rows[chunk]
            yield from rows if rows is not None else marshal.loads(packed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class Catalog(NamedTuple):
    """One source's catalogue file, loaded and validated."""

    id: str
    name: str
    entries: Sequence[Entry]
    origin: str  # "bundled" or the user's file path
    path: str
    vendor: str | None = None
    product: str | None = None
    url: str | None = None
    error_format: Mapping[str, Any] = MappingProxyType({})  # read-only: one default for all
    notes: tuple[str, ...] = ()
    replaces_bundled: bool = False
    #: Keys whose values are this source's codes (``ResultCode``, ``error.code``).
    scan_keys: tuple[str, ...] = ()
    #: Words that point at this source when they stand on the same log line.
    scan_hints: tuple[str, ...] = ()


class Match(NamedTuple):
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
