"""Everything that turns core results into text: Rich tables, JSON, stderr lines.

Vendor text is always wrapped in ``rich.text.Text`` and never parsed as markup, so a
message such as ``[bold]`` or a terminal escape in a catalogue or a log prints as the
characters it is.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from errlookup.catalog import LoadResult
    from errlookup.lookup import Result
    from errlookup.model import Entry, Match

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def clean(text: str) -> str:
    """Control characters (terminal escapes among them) shown as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def console(file: IO[str] | None = None) -> Console:
    """A console that colours only a terminal and honours NO_COLOR (Rich does both)."""
    from rich.console import Console

    return Console(file=file or sys.stdout, highlight=False, markup=False, emoji=False)


def http_text(entry: Entry) -> str:
    text = " / ".join(str(s) for s in entry.http_status)
    return f"{text} ???" if text and entry.http_status_doubtful else text


_TEXT_WORD = re.compile(r"[A-Za-z0-9]+")


def _message_cell(entry: Entry, matched: frozenset[str] = frozenset()) -> Text:
    from rich.text import Text

    from errlookup.search import words

    cell = Text(clean(entry.message or entry.description or ""))
    if entry.message and entry.description:
        cell.append("\n")
        cell.append(clean(entry.description), style="dim")
    if matched:
        # a word is highlighted when it folds to a word the search matched ("exceeded"
        # for the typed "exeeded", "unauthorized" for "unauthorised")
        for found in _TEXT_WORD.finditer(cell.plain):
            if any(w in matched for w in words(found.group())):
                cell.stylize("bold yellow", found.start(), found.end())
    return cell


def _place(entry: Entry) -> str:
    return " / ".join(p for p in (entry.section, entry.category) if p)


def _remarks(entry: Entry) -> str:
    return entry.remarks or ""


def _widths(columns: list[tuple[str, Any]], matches: Sequence[Match], total: int) -> list[tuple[str, int | None]]:
    """Column widths that fit ``total`` columns: codes never wrap, text wraps on words.

    Codes keep their natural width; the message keeps at least 24 columns; the other
    text columns share what is left in proportion to their length, never narrower
    than their longest word (up to 12), so words wrap rather than break.
    """
    natural: dict[str, int] = {}
    longest_word: dict[str, int] = {}
    for title, getter in columns:
        if getter is None:
            continue
        values = [getter(m) for m in matches]
        natural[title] = max([len(title), *(len(v) for v in values)])
        longest_word[title] = max([len(title), *(len(w) for v in values for w in v.split())])
    room = total - 3 * len(columns) - 1  # padding and dividers of the SIMPLE_HEAD box
    widths: dict[str, int | None] = {}
    for title in ("Source", "Code", "Score", "HTTP"):
        if title in natural:
            widths[title] = natural[title]
            room -= natural[title]
    side = [t for t in natural if t not in widths]
    lowest = {t: min(longest_word[t], 12) for t in side}
    want = sum(natural[t] for t in side)
    if want + 24 <= room:
        widths.update((t, natural[t]) for t in side)
    else:
        budget = max(room - 24, sum(lowest.values()))
        spare = budget - sum(lowest.values())
        extra = sum(natural[t] - lowest[t] for t in side) or 1
        for t in side:
            widths[t] = lowest[t] + spare * (natural[t] - lowest[t]) // extra
    widths["Message"] = max(room - sum(widths[t] or 0 for t in side), 12)
    return [(title, widths[title]) for title, _ in columns]


def lookup_table(result: Result, width: int = 80) -> Any:
    """One table per query; the messages of one code are grouped under one code cell."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    matches = result.matches
    fuzzy = any(m.match == "fuzzy" for m in matches)
    columns: list[tuple[str, Any]] = [
        ("Source", lambda m: m.entry.source),
        ("Code", lambda m: _code_label(m)),
    ]
    if fuzzy:
        columns.append(("Score", lambda m: f"{m.score:.0f}"))
    optional = [
        ("HTTP", lambda m: http_text(m.entry)),
        ("Name", lambda m: m.entry.name or ""),
    ]
    columns.extend(c for c in optional if any(c[1](m) for m in matches))
    columns.append(("Message", None))
    has_section = any(m.entry.section for m in matches)
    has_category = any(m.entry.category for m in matches)
    place = "Section/Category" if has_section and has_category else "Section" if has_section else "Category"
    if has_section or has_category:
        columns.append((place, lambda m: _place(m.entry)))
    if any(m.entry.remarks for m in matches):
        columns.append(("Remarks", lambda m: _remarks(m.entry)))

    count = len(matches)
    table = Table(
        title=Text(f"{clean(result.query)}: {count} match{'es' if count != 1 else ''}"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=False,
    )
    for title, column_width in _widths(columns, matches, width):
        no_wrap = title in ("Source", "Code", "Score", "HTTP")
        table.add_column(title, width=column_width, no_wrap=no_wrap, overflow="fold")
    previous: tuple[str, str | None] | None = None
    for i, m in enumerate(matches):
        group = (m.entry.source, m.entry.code)
        same = group == previous and m.entry.code is not None
        cells: list[Any] = []
        for title, getter in columns:
            if title == "Message":
                cells.append(_message_cell(m.entry, m.matched))
            elif same and (title in ("Source", "Code") or getter(m) == getter(matches[i - 1])):
                cells.append(Text(""))  # the group's first row already says it
            else:
                cells.append(Text(clean(getter(m))))
        nxt = matches[i + 1].entry if i + 1 < count else None
        end = nxt is not None and ((nxt.source, nxt.code) != group or nxt.code is None)
        table.add_row(*cells, end_section=end)
        previous = group
    return table


def _code_label(m: Match) -> str:
    code = m.entry.code if m.entry.code is not None else "(none)"
    if m.match == "legacy":
        return f"{code} (was {m.query.split(':')[-1].strip()})"
    return code


def print_lookup(results: Iterable[Result], out: IO[str] | None = None) -> None:
    con = console(out)
    for result in results:
        if result.found:
            con.print(lookup_table(result, con.width))


def lookup_json(results: Iterable[Result]) -> str:
    return json.dumps([m.to_json() for r in results for m in r.matches], ensure_ascii=False, indent=2)


def not_found_line(result: Result) -> str:
    line = f"errlookup: no entry matches {clean(result.query)!r}"
    if result.suggestions:
        line += "; did you mean " + ", ".join(clean(s) for s in result.suggestions) + "?"
    return line


def sources_table(loaded: LoadResult) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Id", no_wrap=True)
    table.add_column("Name", ratio=2, overflow="fold")
    table.add_column("Entries", justify="right")
    table.add_column("Origin", ratio=2, overflow="fold")
    for c in loaded.catalogs:
        origin = c.origin if not c.replaces_bundled else f"{c.origin} (replaces bundled)"
        table.add_row(Text(c.id), Text(clean(c.name)), str(len(c.entries)), Text(clean(origin)))
    return table


def sources_json(loaded: LoadResult) -> str:
    rows = [
        {
            "id": c.id,
            "name": c.name,
            "entries": len(c.entries),
            "origin": c.origin,
            "path": c.path,
            "replaces_bundled": c.replaces_bundled,
            "vendor": c.vendor,
            "product": c.product,
            "url": c.url,
        }
        for c in loaded.catalogs
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
