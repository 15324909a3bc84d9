"""Exact look-up tables over all loaded catalogues, built once per process."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from errlookup.model import Catalog, Entry


def normalize(code: str) -> str:
    """The key a code is filed under: case-folded, numbers without leading zeros."""
    key = code.strip().lower()
    if key.isdigit() and key.isascii():
        key = key.lstrip("0") or "0"
    return key


@dataclass
class Index:
    """Codes, names and legacy codes to entries; answers an exact query in O(1)."""

    catalogs: list[Catalog]
    entries: list[Entry] = field(default_factory=list)
    by_code: dict[str, list[Entry]] = field(default_factory=dict)
    by_name: dict[str, list[Entry]] = field(default_factory=dict)
    by_legacy: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for catalog in self.catalogs:
            for entry in catalog.entries:
                self.entries.append(entry)
                if entry.code is not None:
                    self.by_code.setdefault(normalize(entry.code), []).append(entry)
                if entry.name:
                    self.by_name.setdefault(entry.name.strip().lower(), []).append(entry)
                for old in entry.legacy:
                    self.by_legacy.setdefault(normalize(old), []).append(entry)

    @classmethod
    def build(cls, catalogs: Iterable[Catalog]) -> Index:
        return cls(list(catalogs))

    @property
    def source_ids(self) -> list[str]:
        return [c.id for c in self.catalogs]

    def codes(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return _only(self.by_code.get(normalize(key), []), sources)

    def names(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return _only(self.by_name.get(key.strip().lower(), []), sources)

    def legacies(self, key: str, sources: Sequence[str] | None = None) -> list[Entry]:
        return _only(self.by_legacy.get(normalize(key), []), sources)


def _only(entries: list[Entry], sources: Sequence[str] | None) -> list[Entry]:
    if sources is None:
        return entries
    return [e for e in entries if e.source in sources]
