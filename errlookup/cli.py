"""The command-line interface: parsing, calling the core, exit statuses. Nothing else.

Every command is a thin function over ``errlookup.actions``; every way a command
can end becomes an exit status in ``errlookup.entry.guarded``, which
``ErrlookupGroup.main`` calls for the real program and for tests alike.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from errlookup import __version__, actions
from errlookup.actions import say
from errlookup.entry import guarded
from errlookup.errors import ExitCode, OutputClosed
from errlookup.search import DEFAULT_MIN_SCORE

#: Options the top-level command itself takes; anything else starts a lookup.
_GROUP_OPTIONS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


class ErrlookupGroup(TyperGroup):
    """Makes ``lookup`` the default command and maps every failure to an exit status."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = ["lookup", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """At the top level a TAB offers codes and names too: lookup is the default command."""
        from typer._click.shell_completion import CompletionItem

        from errlookup.complete import codes

        items = super().shell_complete(ctx, incomplete)
        if incomplete and not incomplete.startswith("-"):
            items.extend(CompletionItem(v, help=_markup_safe(h)) for v, h in codes(incomplete))
        return items

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise OutputClosed() from None  # before Typer turns it into exit status 1

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        from typer._click import exceptions as click_exc

        def run() -> int:
            try:
                rv = super(ErrlookupGroup, self).main(
                    args, prog_name or "errlookup", complete_var, standalone_mode=False, **extra
                )
            except click_exc.NoArgsIsHelpError as exc:
                typer.echo(exc.ctx.get_help() if exc.ctx else "")
                return ExitCode.OK
            except click_exc.ClickException as exc:
                hint = " (see 'errlookup --help')" if isinstance(exc, click_exc.UsageError) else ""
                say(f"errlookup: {exc.format_message()}{hint}")
                return exc.exit_code
            except typer.Abort:
                return ExitCode.INTERRUPTED
            return rv if isinstance(rv, int) else ExitCode.OK

        code = guarded(run)
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


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


def _markup_safe(text: str) -> str:
    """Typer renders completion help as Rich markup; vendor text must print as it is."""
    from rich.markup import escape

    return escape(text)


def _complete_sources(incomplete: str) -> list[tuple[str, str]]:
    from errlookup.complete import source_ids

    return [(v, _markup_safe(h)) for v, h in source_ids(incomplete)]


def _complete_codes(incomplete: str) -> list[tuple[str, str]]:
    from errlookup.complete import codes

    return [(v, _markup_safe(h)) for v, h in codes(incomplete)] if incomplete else []


def _complete_files(incomplete: str) -> list[str]:
    return []  # nothing offered: the shell offers file names


SourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        metavar="ID",
        help="Only these sources (repeatable or comma-separated, e.g. askia,salto).",
        autocompletion=_complete_sources,
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


@app.command("lookup")
def lookup_cmd(
    queries: Annotated[
        list[str],
        typer.Argument(metavar="QUERY", help="Codes, names, source:code, or words.", autocompletion=_complete_codes),
    ],
    source: SourceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every meaning of each code, name or message (the default command).

    Example: errlookup 7302 askia:105 expired_token "rate limit exceeded"
    """
    _exit(actions.lookup(queries, source, as_json))


@app.command("search")
def search_cmd(
    text: Annotated[list[str], typer.Argument(metavar="TEXT", help="Words of a message, in any order.")],
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
    _exit(actions.search(text, source, limit, min_score, as_json))


@app.command("scan")
def scan_cmd(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE", help="Log files (.gz too); stdin when none or '-'.", autocompletion=_complete_files
        ),
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
    _exit(actions.scan(files, summary, as_json, include_success, source, line_buffered))


@app.command("sources")
def sources_cmd(as_json: JsonOpt = False) -> None:
    """The loaded catalogues: id, name, entry count and where each came from.

    Example: errlookup sources
    """
    _exit(actions.sources(as_json))


catalog_app = typer.Typer(
    name="catalog",
    help="Manage user catalogues: path, list, validate, add, remove, import.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(catalog_app)


@catalog_app.command("path")
def catalog_path_cmd() -> None:
    """Where user catalogues are read from (the first is where 'add' puts them).

    Example: errlookup catalog path
    """
    _exit(actions.catalog_path())


@catalog_app.command("list")
def catalog_list_cmd() -> None:
    """The user catalogue files, with id and entry count, or why one is skipped.

    Example: errlookup catalog list
    """
    _exit(actions.catalog_list())


@catalog_app.command("validate")
def catalog_validate_cmd(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="Catalogue files to check.")],
) -> None:
    """Check catalogue files against the schema; every problem with its JSON path.

    Example: errlookup catalog validate acme.json
    """
    _exit(actions.catalog_validate(files))


@catalog_app.command("add")
def catalog_add_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A valid catalogue file.")],
    force: Annotated[bool, typer.Option("--force", help="Replace a different catalogue with the same id.")] = False,
) -> None:
    """Validate a catalogue and copy it into the user folder.

    Example: errlookup catalog add acme.json
    """
    _exit(actions.catalog_add(file, force))


@catalog_app.command("remove")
def catalog_remove_cmd(
    source: Annotated[str, typer.Argument(metavar="ID", help="Id of a user catalogue.")],
) -> None:
    """Delete a user catalogue from the user folder (bundled ones stay).

    Example: errlookup catalog remove acme
    """
    _exit(actions.catalog_remove(source))


@catalog_app.command("import")
def catalog_import_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A vendor's table saved as Markdown or CSV.")],
    source: Annotated[str, typer.Option("--source", "-s", metavar="ID", help="Id for the new catalogue.")],
    name: Annotated[str | None, typer.Option("--name", help="Display name (default: the id).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Draft a valid catalogue from a vendor's error table (Markdown or CSV).

    Example: errlookup catalog import errors.md --source acme --name "Acme API" -o acme.json
    """
    _exit(actions.catalog_import(file, source, name, output))


def _exit(code: int) -> None:
    if code:
        raise typer.Exit(code)
