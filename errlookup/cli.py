"""The command-line interface: parsing, calling the core, exit statuses. Nothing else.

Every user error becomes one line on stderr and an ``ExitCode`` here, in
``ErrlookupGroup.main``, for the real program and for tests alike.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from errlookup import __version__
from errlookup.errors import ErrlookupError, ExitCode, InputError, OutputClosed
from errlookup.search import DEFAULT_MIN_SCORE

#: Options the top-level command itself takes; anything else starts a lookup.
_GROUP_OPTIONS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


def _err(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


class ErrlookupGroup(TyperGroup):
    """Makes ``lookup`` the default command and maps every failure to an exit status."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = ["lookup", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise OutputClosed() from None  # before Typer turns it into exit status 1

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        from typer._click import exceptions as click_exc

        try:
            rv = super().main(args, prog_name or "errlookup", complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else ExitCode.OK
        except OutputClosed:
            code = _quiet_broken_pipe()
        except ErrlookupError as exc:
            _err(f"errlookup: {exc.message}")
            code = exc.exit_code
        except click_exc.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else "")
            code = ExitCode.OK
        except click_exc.ClickException as exc:
            hint = " (see 'errlookup --help')" if isinstance(exc, click_exc.UsageError) else ""
            _err(f"errlookup: {exc.format_message()}{hint}")
            code = exc.exit_code
        except (typer.Abort, KeyboardInterrupt):
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            code = _quiet_broken_pipe()
        except OSError as exc:  # writing failed: a full disk, a closed terminal
            _err(f"errlookup: cannot write output: {exc.strerror or exc}")
            code = ExitCode.FILE_ERROR
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


def _quiet_broken_pipe() -> int:
    """``errlookup ... | head`` ends quietly: stop writing to the closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitCode.OK


app = typer.Typer(
    cls=ErrlookupGroup,
    name="errlookup",
    help="Every vendor's meaning of an error code, offline. Run 'errlookup CODE' or 'errlookup \"some words\"'.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source", "-s", metavar="ID", help="Only these sources (repeatable or comma-separated, e.g. askia,salto)."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (see the contract) instead of tables.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"errlookup {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Look up error codes of every vendor at once: errlookup 7302."""


def _session(source: list[str] | None) -> tuple[Any, list[str] | None]:
    """Load the catalogues (reporting bad files on stderr) and check --source."""
    from errlookup.catalog import parse_sources
    from errlookup.state import load_index

    index, problems = load_index()
    for problem in problems:
        _err(f"errlookup: warning: skipped catalogue {problem}")
    return index, parse_sources(source, index.source_ids)


def _finish(results: list[Any], as_json: bool) -> None:
    from errlookup import render

    if as_json:
        typer.echo(render.lookup_json(results))
    else:
        render.print_lookup(results)
    missing = [r for r in results if not r.found]
    for r in missing:
        _err(render.not_found_line(r))
    if missing:
        raise typer.Exit(ExitCode.NOT_FOUND)


@app.command("lookup")
def lookup_cmd(
    queries: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Codes, names, source:code, or words.")],
    source: SourceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every meaning of each code, name or message (the default command).

    Example: errlookup 7302 askia:105 expired_token "rate limit exceeded"
    """
    from errlookup.lookup import resolve

    index, sources = _session(source)
    _finish([resolve(index, q, sources) for q in queries], as_json)


@app.command("search")
def search_cmd(
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words of a message, in any order.")],
    source: SourceOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 10,
    min_score: Annotated[
        float, typer.Option("--min-score", min=0, max=100, help="Lowest score (0-100) to show.")
    ] = DEFAULT_MIN_SCORE,
    as_json: JsonOpt = False,
) -> None:
    """Fuzzy search over every catalogue's messages, descriptions, names and codes.

    Example: errlookup search rate limit exeeded --limit 3
    """
    from errlookup.lookup import Result
    from errlookup.search import search_index, suggest

    index, sources = _session(source)
    query = " ".join(text).replace("\x00", " ").strip()
    if not query:
        raise ErrlookupError("empty search: give some words of a message", ExitCode.USAGE)
    result = Result(query, text_search=True)
    result.matches = search_index(index).search(query, sources, limit=limit, min_score=min_score)
    if not result.matches:
        result.suggestions = suggest(index, query, sources)
    _finish([result], as_json)


@app.command("scan")
def scan_cmd(
    files: Annotated[
        list[str] | None, typer.Argument(metavar="[FILE]...", help="Log files (.gz too); stdin when none or '-'.")
    ] = None,
    summary: Annotated[bool, typer.Option("--summary", help="A table of codes by count instead of the log.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per finding (JSON Lines).")] = False,
    include_success: Annotated[bool, typer.Option("--all", help="Report success codes too (HTTP 2xx, ...).")] = False,
    source: SourceOpt = None,
    line_buffered: Annotated[
        bool, typer.Option("--line-buffered", help="Flush after every line read, even into a pipe.")
    ] = False,
) -> None:
    """Find, explain and count the error codes in logs; every input byte passes through.

    Example: tail -f webhooks.log | errlookup scan
    """
    from errlookup import render
    from errlookup.scan import Scanner, Tally, open_input

    if summary and as_json:
        raise ErrlookupError("--summary and --json cannot be used together", ExitCode.USAGE)
    index, sources = _session(source)
    scanner = Scanner(index, sources, include_success=include_success)
    out = sys.stdout.buffer
    flush = line_buffered or render.use_colour(sys.stdout) or sys.stdout.isatty()
    style = render._Style(render.use_colour(sys.stdout))
    tally = Tally()
    failed = False
    for path in files or ["-"]:
        try:
            stream = open_input(path)
        except ErrlookupError as exc:
            _err(f"errlookup: {exc.message}")
            failed = True
            continue
        label = path
        try:
            for block in scanner.scan_stream(stream):
                if summary:
                    for result in block.lines:
                        tally.add(label, result.findings)
                elif as_json:
                    lines = [render.finding_json(label, f) for r in block.lines for f in r.findings]
                    if lines:
                        out.write(("\n".join(lines) + "\n").encode("utf-8", "replace"))
                else:
                    render.annotate(block, out, style)
                if flush:
                    out.flush()
        except InputError as exc:
            _err(f"errlookup: cannot read {path}: {exc.message}")
            failed = True
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    if summary:
        con = render.console()
        for table in render.summary_tables(tally):
            con.print(table)
    out.flush()
    if failed:
        raise typer.Exit(ExitCode.FILE_ERROR)


@app.command("sources")
def sources_cmd(as_json: JsonOpt = False) -> None:
    """The loaded catalogues: id, name, entry count and where each came from.

    Example: errlookup sources
    """
    from errlookup import render
    from errlookup.state import load_catalogs

    loaded = load_catalogs()
    for problem in loaded.problems:
        _err(f"errlookup: warning: skipped catalogue {problem}")
    if as_json:
        typer.echo(render.sources_json(loaded))
    else:
        render.console().print(render.sources_table(loaded))


def main() -> None:
    """Console-script entry point."""
    app()
