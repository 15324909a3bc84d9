"""Everything that turns core results into text: Rich tables, JSON, stderr lines.

Vendor text is always wrapped in ``rich.text.Text`` and never parsed as markup, so a
message such as ``[bold]`` or a terminal escape in a catalogue or a log prints as the
characters it is.
"""

from __future__ import annotations

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
    from errlookup.scan import Block, Finding
    from errlookup.tally import Tally

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

    Codes keep their natural width; the message keeps at least 45% of the room; the
    other text columns share what is left in proportion to their length, never
    narrower than their longest word (up to 10), so words wrap rather than break.
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
    lowest = {t: min(longest_word[t], 10) for t in side}
    want = sum(natural[t] for t in side)
    message = max(24, room * 9 // 20)  # the message keeps at least 45% of the room
    if want + message <= room:
        widths.update((t, natural[t]) for t in side)
    else:
        budget = max(room - message, sum(lowest.values()))
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
    place = "Section / Category" if has_section and has_category else "Section" if has_section else "Category"
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
    import json

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
    import json

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


# ---------------------------------------------------------------------- scan

PREFIX = "» "


class Style:
    """ANSI styles for annotations; empty strings when colour is off."""

    def __init__(self, colour: bool) -> None:
        on = colour
        self.dim = "\x1b[2m" if on else ""
        self.bold = "\x1b[1m" if on else ""
        self.source = "\x1b[1;36m" if on else ""
        self.warn = "\x1b[1;33m" if on else ""
        self.reset = "\x1b[0m" if on else ""


_PLAIN = Style(False)


def use_colour(stream: IO[Any]) -> bool:
    """Colour only on a terminal, never with NO_COLOR; FORCE_COLOR forces it."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _entry_text(entry: Entry) -> str:
    text = entry.message or entry.description or ""
    if entry.name and entry.name != text:
        return f"{entry.name}: {text}" if text else entry.name
    return text


#: Annotations already made (as text and as UTF-8), by what they depend on: the matches
#: by identity (kept alive by the value, so that no other object can take their
#: identity) and the finding's own facts. A log repeats the same few findings, and the
#: scanner hands out the same tuple of matches for a code whose meaning the line cannot change.
_made: dict[tuple[Any, ...], tuple[object, str, bytes]] = {}


def annotation(finding: Finding, style: Style | None = None) -> str:
    """One ``» `` line explaining a finding; vendor and log text never carry escapes."""
    return _made_for(finding, style or _PLAIN)[1]


def _made_for(finding: Finding, s: Style) -> tuple[object, str, bytes]:
    _, code, _, context, kind, _, matches, success, _, inconsistency = finding  # one unpacking: asked per finding
    key = (id(matches), s.reset, code, kind, success, inconsistency, context)
    made = _made.get(key)
    if made is not None and made[0] is matches:
        return made
    entries = tuple(m.entry for m in matches)
    by_entries = (*key[1:], *map(id, entries))
    made = _made.get(by_entries)
    if made is None:
        text = _annotation(finding, s)
        made = (entries, text, text.encode("utf-8", "replace"))
        if len(_made) > 4096:
            _made.clear()  # bounded, whatever the input
        _made[by_entries] = made
    made = _made[key] = (matches, made[1], made[2])
    return made


def _annotation(finding: Finding, s: Style) -> str:
    best = finding.best
    if best is None:
        what = "HTTP status, in no catalogue" if finding.kind == "http" else f"in no catalogue ({finding.context})"
        return f"{s.dim}{PREFIX}{s.reset}{s.bold}{clean(finding.code)}{s.reset}: {what}"
    code = best.code if best.code is not None else finding.code
    if finding.kind == "http":
        # an HTTP status is the server's, whoever documents it: say so, and whose text it is
        head = f"{s.bold}HTTP {clean(code)}{s.reset}"
    else:
        head = f"{s.source}{best.source}{s.reset} {s.bold}{clean(code)}{s.reset}"
    if best.http_status and not (code.isdigit() and int(code) in best.http_status):
        head += f" (HTTP {http_text(best)})"
    if finding.success:
        head += " (success)"
    line = f"{s.dim}{PREFIX}{s.reset}{head}: {clean(_entry_text(best))}"
    if best.section:
        line += f" {s.dim}[{clean(best.section)}]{s.reset}"
    others: list[str] = []
    for m in finding.matches[1:]:
        label = f"{m.entry.source} {m.entry.code}"
        if m.entry.source != best.source and label not in others:
            others.append(label)
    if finding.kind == "http":
        line += f" {s.dim}({best.source}){s.reset}"
    if others:
        line += f" {s.dim}(also {', '.join(others[:3])}{', ...' if len(others) > 3 else ''}){s.reset}"
    if finding.inconsistency:
        line += f" {s.warn}⚠ {finding.inconsistency}{s.reset}"
    return line


#: Annotation lines written after one input line at most; the rest are counted.
MAX_ANNOTATIONS = 20


def annotate(block: Block, out: IO[bytes], style: Style) -> None:
    """Write a block byte for byte, each line with findings followed by its ``» `` lines.

    The annotations of a last line that has no line ending go before it, so that
    removing every ``» `` line gives back the input exactly.
    """
    from errlookup.parallel import write_between

    write_between(out, block.data, annotation_inserts(block, style))


def annotation_inserts(block: Block, style: Style) -> list[tuple[int, bytes]]:
    """Where in a block the ``» `` lines go, and their bytes (a scanning worker sends these).

    After their line, with its line ending (CR LF or LF); before a last line that has no
    line ending, so that removing the ``» `` lines still gives the input back exactly.
    """
    inserts: list[tuple[int, bytes]] = []
    data = block.data
    for _, end, findings, more in block.lines:
        if end and data[end - 1] == 10:  # "\n"
            at, eol = end, b"\r\n" if end > 1 and data[end - 2] == 13 else b"\n"
        else:
            at, eol = _line_start(data, end), b"\n"
        if more or len(findings) != 1:
            notes = [_made_for(f, style)[2] for f in findings[:MAX_ANNOTATIONS]]  # each made once
            total = len(findings) + more
            if total > MAX_ANNOTATIONS:
                notes.append(f"{PREFIX}... and {total - MAX_ANNOTATIONS} more on this line".encode())
            notes.append(b"")  # a line ending after the last note too
            inserts.append((at, eol.join(notes)))
        else:  # most lines: one finding
            inserts.append((at, _made_for(findings[0], style)[2] + eol))
    return inserts


def _line_start(data: bytes, end: int) -> int:
    return data.rfind(b"\n", 0, end) + 1


def json_lines(path: str, block: Block) -> bytes:
    """The JSON Lines of a block's findings."""
    lines = [finding_json(path, f) for result in block.lines for f in result.findings]
    return ("\n".join(lines) + "\n").encode("utf-8", "replace") if lines else b""


def json_inserts(path: str, block: Block) -> list[tuple[int, bytes]]:
    """JSON Lines take the place of the block (written where the block's text would be)."""
    return [(0, json_lines(path, block))]


def finding_json(path: str, finding: Finding) -> str:
    """One JSON Lines object per finding (the contract's keys first)."""
    import json

    return json.dumps(
        {
            "path": path,
            "line": finding.line,
            "code": finding.code,
            "text": finding.text,
            "matches": [m.to_json() for m in finding.matches],
            "column": finding.column,
            "context": finding.context,
            "kind": finding.kind,
            "success": finding.success,
            "http_status": finding.http_status,
            "inconsistent": finding.inconsistency is not None,
            "inconsistency": finding.inconsistency,
        },
        ensure_ascii=False,
    )


def _where(place: tuple[str, int], many: bool) -> str:
    path, line = place
    return f"{path}:{line}" if many else str(line)


#: Unknown codes the summary lists one by one, the most frequent; one row counts the rest.
UNKNOWN_SHOWN = 50


def summary_tables(tally: Tally, width: int = 80) -> list[Any]:
    """The findings by source and code, most frequent first; then the unknown codes.

    One line a code: numbers and sources are never cut, a long code is cut at 24
    characters, and the message takes what is left of ``width`` (ellipsised).
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    many = len(tally.paths) > 1
    top = max([s.count for s in tally.known.values()] + [s.count for s in tally.unknown.values()] + [1])
    tables = []
    known = sorted(tally.known.items(), key=lambda kv: (-kv[1].count, kv[0]))
    table = Table(
        title=Text(f"{tally.total} findings on {tally.lines_with_findings} lines"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    source_w = max([6] + [len(source) for (source, _), _ in known])
    code_w = max([4] + [len(code) for (_, code), _ in known])
    count_w = max([5] + [len(str(s.count)) for _, s in known])
    first_w = max([5] + [len(_where(s.first, many)) for _, s in known])
    last_w = max([4] + [len(_where(s.last, many)) for _, s in known])
    # what the code and the message share: the width less the fixed columns, two spaces
    # a column and the edges; the code takes up to a third of it
    free = width - (source_w + count_w + first_w + last_w + 12) - 2 * 7 - 6
    code_w = min(code_w, max(8, free // 3))
    table.add_column("Source", no_wrap=True, min_width=source_w)
    table.add_column("Code", no_wrap=True, overflow="ellipsis", max_width=code_w)
    for title, size in (("Count", count_w), ("First", first_w), ("Last", last_w)):
        table.add_column(title, no_wrap=True, min_width=size, justify="right")
    table.add_column("", no_wrap=True, min_width=12)
    table.add_column("Message", no_wrap=True, overflow="ellipsis", max_width=max(10, free - code_w))
    for (source, code), seen in known:
        bar = "█" * max(1, round(12 * seen.count / top))
        text = _entry_text(seen.entry) if seen.entry else ""
        table.add_row(
            Text(source), Text(clean(code)), str(seen.count), _where(seen.first, many), _where(seen.last, many),
            Text(bar, style="cyan"), Text(clean(text)),
        )  # fmt: skip
    tables.append(table)
    if tally.unknown:
        unknown = Table(
            title=Text("Unknown codes (seen in error contexts, in no catalogue)"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        ranked = sorted(tally.unknown.items(), key=lambda kv: (-kv[1].count, kv[0]))
        shown = ranked[:UNKNOWN_SHOWN]
        # a code let go and seen again: its count is at least this, its first line earlier
        counts = [f"{s.count}+" if s.earlier else str(s.count) for _, s in shown]
        firsts = [("≤" if s.earlier else "") + _where(s.first, many) for _, s in shown]
        lasts = [_where(s.last, many) for _, s in shown]
        unknown.add_column("Code", overflow="fold", max_width=24)
        for title, column in (("Count", counts), ("First", firsts), ("Last", lasts)):
            unknown.add_column(title, no_wrap=True, justify="right", min_width=max(map(len, [title, *column])))
        unknown.add_column("", no_wrap=True)
        unknown.add_column("Seen as", overflow="fold", ratio=1)
        for (code, seen), count, first, last in zip(shown, counts, firsts, lasts, strict=True):
            bar = "█" * max(1, round(12 * seen.count / top))
            unknown.add_row(
                Text(clean(code)), count, first, last,
                Text(bar, style="yellow"), Text(clean(", ".join(sorted(seen.contexts)[:3]))),
            )  # fmt: skip
        if any(s.earlier for _, s in shown):
            unknown.caption = Text(
                "+: also seen before this count began, when it was let go with the rarer codes"
                " (those findings are in the last row); its first line is earlier"
            )
            unknown.caption_justify = "left"
        rest = ranked[UNKNOWN_SHOWN:]
        if rest or tally.unknown_beyond:
            codes = f"{len(rest)}{'+' if tally.unknown_beyond else ''} more"  # codes let go are not told apart
            unknown.add_row(Text(codes), str(sum(s.count for _, s in rest) + tally.unknown_beyond), "", "", "", "")
        tables.append(unknown)
    return tables
