"""What each command does, between parsing and the core: load, call, render, exit status.

Shared by the Typer app (``cli.py``) and the fast entry point (``entry.py``), so
the two cannot drift apart. Each returns an exit status; user errors are raised as
``ErrlookupError`` and turned into a line and a status in ``entry.guarded``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from errlookup.errors import ErrlookupError, ExitCode, InputError

if TYPE_CHECKING:
    from errlookup.scan import Scanner
    from errlookup.tally import Tally


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
    from functools import partial

    from errlookup import clib, parallel, render
    from errlookup.scan import Scanner
    from errlookup.stream import open_input
    from errlookup.tally import Tally

    if summary and as_json:
        raise ErrlookupError("--summary and --json cannot be used together", ExitCode.USAGE)
    index, sources = session(source)
    clib.keep_freed_memory()  # before the first block: the workers inherit it
    scanner = Scanner(
        index,
        sources,
        include_success=include_success,
        report_unknown=summary,
        line_numbers=summary or as_json,  # annotations show none
    )
    out = sys.stdout.buffer
    colour = render.use_colour(sys.stdout)
    flush = line_buffered or colour or sys.stdout.isatty()
    style = render.Style(colour)
    tally = Tally()
    positions: dict[int, int] | None = None  # each entry's place in the index's entries (parallel summary)
    failed = False
    for path in files or ["-"]:
        try:
            stream = open_input(path)
        except ErrlookupError as exc:
            say(f"errlookup: {exc.message}")
            failed = True
            continue
        try:
            tally.begin(path)
            workers = parallel.workers_for(stream, interactive=flush)
            if workers and summary:
                if positions is None:
                    positions = {id(e): i for i, e in enumerate(index.entries)}
                _count_in_parallel(scanner, stream, path, tally, workers, positions)
                continue
            if workers:
                inserts = (
                    partial(render.json_inserts, path) if as_json else partial(render.annotation_inserts, style=style)
                )
                parallel.scan(scanner, stream, inserts, out, workers, passthrough=not as_json)
                continue
            for block in scanner.scan_stream(stream):
                if summary:
                    for result in block.lines:
                        tally.add(path, result.findings)
                elif as_json:
                    out.write(render.json_lines(path, block))
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
        for table in render.summary_tables(tally, con.width):
            con.print(table)
    out.flush()
    return ExitCode.FILE_ERROR if failed else ExitCode.OK


def _count_in_parallel(
    scanner: Scanner, stream: BinaryIO, path: str, tally: Tally, workers: int, positions: dict[int, int]
) -> None:
    """The summary's counts of a large file, its blocks read by worker processes: each
    sends its findings' best entries as their places in the index's entries
    (``positions``; the workers' copy of the index is this one's)."""
    import io
    from functools import partial

    from errlookup import parallel
    from errlookup.tally import rows_of

    entries = scanner.index.entries

    def take(_data: bytes, rows: Any) -> None:
        tally.add_rows(path, rows, entries)

    parallel.scan(scanner, stream, partial(rows_of, positions=positions), io.BytesIO(), workers, take=take)


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


def catalog_path() -> int:
    from errlookup.catalog import CATALOGS_ENV, user_catalog_dirs

    dirs = user_catalog_dirs()
    sys.stdout.write(f"{dirs[0]}\n")
    for extra in dirs[1:]:
        sys.stdout.write(f"{extra}  (from {CATALOGS_ENV})\n")
    return ExitCode.OK


def catalog_list() -> int:
    """The user's catalogue files, each with its id and entry count, or why it is skipped."""
    from errlookup.catalog import load_file, user_files
    from errlookup.errors import CatalogError

    files = user_files()
    if not files:
        say("errlookup: no user catalogues (see 'errlookup catalog path')")
    for path in files:
        try:
            catalog = load_file(path)
            sys.stdout.write(f"{catalog.id}\t{len(catalog.entries)} entries\t{path}\n")
        except CatalogError as exc:
            sys.stdout.write(f"-\tinvalid: {exc.problem}\t{path}\n")
    return ExitCode.OK


def catalog_validate(files: Sequence[str]) -> int:
    from pathlib import Path

    from errlookup.catalog import load_file, validate_file

    bad = False
    for name in files:
        problems = validate_file(Path(name))
        if problems:
            bad = True
            for line in problems:
                sys.stdout.write(line + "\n")
        else:
            catalog = load_file(Path(name))
            sys.stdout.write(f"{name}: valid ({catalog.id}, {len(catalog.entries)} entries)\n")
    return ExitCode.FILE_ERROR if bad else ExitCode.OK


def catalog_add(file: str, force: bool = False) -> int:
    from pathlib import Path

    from errlookup.catalog import add

    target, catalog = add(Path(file), force)
    sys.stdout.write(f"added {catalog.id} ({len(catalog.entries)} entries) as {target}\n")
    return ExitCode.OK


def catalog_remove(source: str) -> int:
    from errlookup.catalog import remove

    for path in remove(source):
        sys.stdout.write(f"removed {path}\n")
    return ExitCode.OK


def catalog_import(file: str, source: str, name: str | None = None, output: str | None = None) -> int:
    import json
    from pathlib import Path

    from errlookup.catalog import problems
    from errlookup.importer import draft

    document = draft(Path(file), source, name)
    found = problems(document)
    if found:  # a bug here, not the user's: say so rather than write an invalid file
        raise ErrlookupError(f"the draft from {file} is not valid ({found[0][0]}: {found[0][1]})")
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ErrlookupError(f"cannot write {output}: {exc.strerror or exc}") from None
        count = len(document["entries"])
        say(f"errlookup: drafted {count} entries into {output}; check them, then 'errlookup catalog add {output}'")
    else:
        sys.stdout.write(text)
    return ExitCode.OK
