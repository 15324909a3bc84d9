"""The catalogues and index of this process, loaded once and shared by every command."""

from __future__ import annotations

from functools import cache

from errlookup.catalog import LoadResult, load_all
from errlookup.errors import CatalogError
from errlookup.index import Index


@cache
def load_catalogs() -> LoadResult:
    return load_all()


@cache
def _index() -> Index:
    loaded = load_catalogs()
    return Index.build(loaded.catalogs, loaded.tables)


def load_index() -> tuple[Index, list[CatalogError]]:
    """The exact-lookup index over every loaded catalogue, and the files that were skipped."""
    return _index(), load_catalogs().problems


def reset() -> None:
    """Forget what was loaded (tests change the user folders between runs)."""
    load_catalogs.cache_clear()
    _index.cache_clear()
