"""Exact look-up tables over all loaded catalogues, built once per process."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from errlookup.model import Catalog, Entry


def normalize(code: str) -> str:
    """The key a code is filed under: case-folded, numbers without leading zeros."""
    key = code.strip().lower()
    if key.isdigit() and key.isascii():
        key = key.lstrip("0") or "0"
    return key


class Index:
    """Codes, names and legacy codes to entries; answers an exact query in O(1).

    The tables hold entry numbers across all catalogues in order, so that they can be
    cached and read back without making every entry (see ``model.LazyEntries``).
    """

    def __init__(
        self,
        catalogs: list[Catalog],
        by_code: dict[str, list[int]] | None = None,
        by_name: dict[str, list[int]] | None = None,
        by_legacy: dict[str, list[int]] | None = None,
    ) -> None:
        self.catalogs = catalogs
        self.by_code: dict[str, list[int]] = by_code if by_code is not None else {}
        self.by_name: dict[str, list[int]] = by_name if by_name is not None else {}
        self.by_legacy: dict[str, list[int]] = by_legacy if by_legacy is not None else {}
        self._starts: list[int] = []
        self._entries: list[Entry] | None = None
        total = 0
        for catalog in self.catalogs:
            self._starts.append(total)
            total += len(catalog.entries)
        if not (self.by_code or self.by_name or self.by_legacy):
            self._build_tables()

    def _build_tables(self) -> None:
        for gid, entry in enumerate(self.entries):
            if entry.code is not None:
                self.by_code.setdefault(normalize(entry.code), []).append(gid)
            if entry.name:
                self.by_name.setdefault(entry.name.strip().lower(), []).append(gid)
            for old in entry.legacy:
                self.by_legacy.setdefault(normalize(old), []).append(gid)

    @classmethod
    def build(cls, catalogs: Iterable[Catalog], tables: dict[str, dict[str, list[int]]] | None = None) -> Index:
        if tables:
            return cls(list(catalogs), tables["code"], tables["name"], tables["legacy"])
        return cls(list(catalogs))

    def tables(self) -> dict[str, dict[str, list[int]]]:
        return {"code": self.by_code, "name": self.by_name, "legacy": self.by_legacy}

    @property
    def entries(self) -> list[Entry]:
        """Every entry of every catalogue, in order (made on first use)."""
        if self._entries is None:
            self._entries = [e for c in self.catalogs for e in c.entries]
        return self._entries

    def rows(self) -> Iterator[tuple[str, Sequence[Any]]]:
        """(source, row) of every entry in order, without making entries where they are cached."""
        for catalog in self.catalogs:
            raw = getattr(catalog.entries, "rows", None)
            for row in raw() if raw else (e.to_row() for e in catalog.entries):
                yield catalog.id, row

    def entry(self, gid: int) -> Entry:
        at = bisect_right(self._starts, gid) - 1
        return self.catalogs[at].entries[gid - self._starts[at]]

    @property
    def source_ids(self) -> list[str]:
        return [c.id for c in self.catalogs]

    def _lookup(self, table: dict[str, list[int]], key: str, sources: Sequence[str] | None) -> list[Entry]:
        return _only([self.entry(gid) for gid in table.get(key, ())], sources)

    def codes(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return self._lookup(self.by_code, normalize(key), sources)

    def names(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return self._lookup(self.by_name, key.strip().lower(), sources)

    def legacies(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return self._lookup(self.by_legacy, normalize(key), sources)


def _only(entries: list[Entry], sources: Sequence[str] | None) -> list[Entry]:
    if sources is None:
        return entries
    return [e for e in entries if e.source in sources]
