"""What each command does, between parsing and the core: load, call, render, exit status.

Shared by the Typer app (``cli.py``) and the fast entry point (``entry.py``), so
the two cannot drift apart. Each returns an exit status; user errors are raised as
``ErrlookupError`` and turned into a line and a status in ``entry.guarded``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from errlookup.errors import ErrlookupError, ExitCode, InputError


def say(line: str) -> None:
    """One line on stderr; a closed stderr is not worth a traceback."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def session(source: Sequence[str] | None) -> tuple[Any, list[str] | None]:
    """Load the catalogues (reporting bad files on stderr) and check --source."""
    from errlookup.catalog import parse_sources
    from errlookup.state import load_index

    index, problems = load_index()
    for problem in problems:
        say(f"errlookup: warning: skipped catalogue {problem}")
    return index, parse_sources(source, index.source_ids)


def _finish(results: list[Any], as_json: bool) -> int:
    from errlookup import render

    if as_json:
        sys.stdout.write(render.lookup_json(results) + "\n")
    else:
        render.print_lookup(results)
    sys.stdout.flush()
    missing = [r for r in results if not r.found]
    for r in missing:
        say(render.not_found_line(r))
    return ExitCode.NOT_FOUND if missing else ExitCode.OK


def lookup(queries: Sequence[str], source: Sequence[str] | None = None, as_json: bool = False) -> int:
    from errlookup.lookup import resolve

    index, sources = session(source)
    return _finish([resolve(index, q, sources) for q in queries], as_json)


def search(
    text: Sequence[str], source: Sequence[str] | None, limit: int, min_score: float, as_json: bool = False
) -> int:
    from errlookup.lookup import Result
    from errlookup.search import search_index, suggest

    index, sources = session(source)
    query = " ".join(text).replace("\x00", " ").strip()
    if not query:
        raise ErrlookupError("empty search: give some words of a message", ExitCode.USAGE)
    result = Result(query, text_search=True)
    result.matches = search_index(index).search(query, sources, limit=limit, min_score=min_score)
    if not result.matches:
        result.suggestions = suggest(index, query, sources)
    return _finish([result], as_json)


def scan(
    files: Sequence[str] | None,
    summary: bool = False,
    as_json: bool = False,
    include_success: bool = False,
    source: Sequence[str] | None = None,
    line_buffered: bool = False,
) -> int:
    from errlookup import render
    from errlookup.scan import Scanner, Tally, open_input

    if summary and as_json:
        raise ErrlookupError("--summary and --json cannot be used together", ExitCode.USAGE)
    index, sources = session(source)
    scanner = Scanner(index, sources, include_success=include_success, report_unknown=summary)
    out = sys.stdout.buffer
    colour = render.use_colour(sys.stdout)
    flush = line_buffered or colour or sys.stdout.isatty()
    style = render.Style(colour)
    tally = Tally()
    failed = False
    for path in files or ["-"]:
        try:
            stream = open_input(path)
        except ErrlookupError as exc:
            say(f"errlookup: {exc.message}")
            failed = True
            continue
        try:
            for block in scanner.scan_stream(stream):
                if summary:
                    for result in block.lines:
                        tally.add(path, result.findings)
                elif as_json:
                    lines = [render.finding_json(path, f) for r in block.lines for f in r.findings]
                    if lines:
                        out.write(("\n".join(lines) + "\n").encode("utf-8", "replace"))
                else:
                    render.annotate(block, out, style)
                if flush:
                    out.flush()
        except InputError as exc:
            say(f"errlookup: cannot read {path}: {exc.message}")
            failed = True
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    if summary:
        con = render.console()
        for table in render.summary_tables(tally):
            con.print(table)
    out.flush()
    return ExitCode.FILE_ERROR if failed else ExitCode.OK


def sources(as_json: bool = False) -> int:
    from errlookup import render
    from errlookup.state import load_catalogs

    loaded = load_catalogs()
    for problem in loaded.problems:
        say(f"errlookup: warning: skipped catalogue {problem}")
    if as_json:
        sys.stdout.write(render.sources_json(loaded) + "\n")
    else:
        render.console().print(render.sources_table(loaded))
    return ExitCode.OK
