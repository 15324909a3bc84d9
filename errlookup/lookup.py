"""Resolving queries: exact codes, names, legacy codes, ``source:code``, then text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from errlookup.errors import UsageError
from errlookup.index import Index
from errlookup.model import Match

# A query that reads like an identifier (a number, snake_case, CamelCase, dotted or
# dashed) is a code or a name; if nothing has it, the answer is "did you mean", not a
# text search that would find something loosely related.
_CODE_LIKE = re.compile(r"-?\d+|[\w.-]*(?:_|\d|[a-z][A-Z])[\w.-]*")
#: Longest query looked at; longer ones are certainly not codes and only slow search.
MAX_QUERY = 1000


class Result:
    """What one query found; ``suggestions`` is filled when it found nothing."""

    __slots__ = ("matches", "query", "suggestions", "text_search")

    def __init__(self, query: str, text_search: bool = False) -> None:
        self.query = query
        self.matches: list[Match] = []
        self.suggestions: list[str] = []
        self.text_search = text_search

    def __repr__(self) -> str:
        return f"Result(query={self.query!r}, matches={self.matches!r}, suggestions={self.suggestions!r})"

    @property
    def found(self) -> bool:
        return bool(self.matches)


def split_source(query: str, index: Index) -> tuple[str | None, str]:
    """``askia:105`` -> ("askia", "105"); a prefix that is no source id is part of the query."""
    head, sep, tail = query.partition(":")
    if sep and head.strip().lower() in index.source_ids and tail.strip():
        return head.strip().lower(), tail.strip()
    return None, query


def is_code_like(query: str) -> bool:
    return " " not in query and bool(_CODE_LIKE.fullmatch(query))


def exact(index: Index, query: str, sources: Sequence[str] | None = None) -> list[Match]:
    """Code, name and legacy matches, in that order, each entry once."""
    seen: set[int] = set()
    out: list[Match] = []
    for kind, entries in (
        ("exact", index.codes(query, sources)),
        ("name", index.names(query, sources)),
        ("legacy", index.legacies(query, sources)),
    ):
        for entry in entries:
            if id(entry) not in seen:
                seen.add(id(entry))
                out.append(Match(query, entry, kind))  # type: ignore[arg-type]
    return out


def resolve(
    index: Index,
    query: str,
    sources: Sequence[str] | None = None,
    *,
    limit: int | None = None,
    min_score: float | None = None,
    search_text: bool = True,
) -> Result:
    """Everything one query means; text that is no code or name goes to fuzzy search."""
    cleaned = query.replace("\x00", " ").strip()
    if not cleaned:
        raise UsageError("empty query: give a code, a name or some words of a message")
    cleaned = cleaned[:MAX_QUERY]
    source, key = split_source(cleaned, index)
    scope = sources
    if source is not None:
        scope = [source] if sources is None or source in sources else []
    result = Result(query)
    result.matches = [Match(query, m.entry, m.match) for m in exact(index, key, scope)]
    if result.matches:
        return result
    from errlookup import search

    if search_text and not is_code_like(key):
        result.text_search = True
        result.matches = search.search_index(index).search(
            key,
            scope,
            limit=search.DEFAULT_LIMIT if limit is None else limit,
            min_score=search.DEFAULT_MIN_SCORE if min_score is None else min_score,
            label=query,
        )
    if not result.matches:
        result.suggestions = search.suggest(index, key, scope)
    return result
