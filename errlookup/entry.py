"""The console-script entry point: a fast path for the hottest commands, Typer for the rest.

A plain look-up or a scan with only simple options is parsed here, without
importing Typer (which imports pydantic on first use, about 70 ms): the start-up
of a look-up is most of its cost. Anything else (help, other commands, unusual
option forms, ``--``) goes to the Typer app, which stays the definition of the
interface; the tests run the same command lines through both paths and compare.

Exit statuses are decided in one place, ``guarded``, for both paths.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from errlookup import complete
from errlookup.errors import ErrlookupError, ExitCode, OutputClosed

#: Set to 1 to always go through Typer (tests compare both paths with it).
NO_FAST_ENV = "ERRLOOKUP_NO_FAST_PATH"

# The options the fast path understands, per command: name -> (parameter, takes a value).
# tests/test_entry.py checks them against the Typer app's own parameters.
FAST_OPTIONS: dict[str, dict[str, tuple[str, bool]]] = {
    "lookup": {"--json": ("as_json", False), "--source": ("source", True), "-s": ("source", True)},
    "scan": {
        "--json": ("as_json", False),
        "--summary": ("summary", False),
        "--all": ("include_success", False),
        "--line-buffered": ("line_buffered", False),
        "--source": ("source", True),
        "-s": ("source", True),
    },
}


def guarded(run: Callable[[], int]) -> int:
    """Run a command and turn every way it can end into an exit status and at most one line."""
    from errlookup.actions import say

    try:
        return int(run())
    except OutputClosed:
        return quiet_broken_pipe()
    except ErrlookupError as exc:
        say(f"errlookup: {exc.message}")
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return quiet_broken_pipe()
    except OSError as exc:  # writing failed: a full disk, a closed terminal
        say(f"errlookup: cannot write output: {exc.strerror or exc}")
        return ExitCode.FILE_ERROR


def quiet_broken_pipe() -> int:
    """``errlookup ... | head`` ends quietly: stop writing to the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitCode.OK


def parse_fast(argv: Sequence[str]) -> tuple[str, dict[str, object]] | None:
    """(command, arguments) when the fast path can run this command line, else None."""
    if not argv:
        return None
    if argv[0] in ("scan", "lookup"):
        command, args = argv[0], list(argv[1:])
    elif argv[0] in complete.COMMANDS:  # another command: Typer's
        return None
    else:
        command, args = "lookup", list(argv)  # lookup is the default command
    options = FAST_OPTIONS[command]
    values: dict[str, object] = {}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("-") and arg != "-":
            name, eq, inline = arg.partition("=")
            spec = options.get(name)
            if spec is None or (eq and not spec[1]):
                return None  # help, --version, an unknown or unusual option: Typer says what to
            param, takes_value = spec
            if takes_value:
                if eq:
                    value = inline
                elif i + 1 < len(args):
                    i += 1
                    value = args[i]
                else:
                    return None
                values.setdefault(param, [])
                values[param].append(value)  # type: ignore[attr-defined]
            else:
                values[param] = True
        else:
            positional.append(arg)
        i += 1
    if command == "lookup":
        if not positional:
            return None  # Typer says a query is missing
        values["queries"] = positional
    else:
        values["files"] = positional or None
    return command, values


SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_ERRLOOKUP_COMPLETE"


def completion_script(shell: str) -> str:
    """The completion script for a shell (the files in completions/ are these, committed)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="errlookup", complete_var=COMPLETE_VAR, shell=shell) + "\n"


def _shell_option(argv: Sequence[str]) -> int:
    """``--show-completion zsh`` / ``--install-completion fish`` for the shell named.

    Typer 0.29 takes these options as flags and detects the shell itself, so the name
    after them would be read as a query; here the named shell wins.
    """
    option, shell = argv
    if option == "--show-completion":
        sys.stdout.write(completion_script(shell))
        return ExitCode.OK
    from typer._completion_shared import install

    def run() -> int:
        _, path = install(shell=shell, prog_name="errlookup", complete_var=COMPLETE_VAR)
        sys.stdout.write(f"{shell} completion installed in {path}; it works in new {shell} sessions\n")
        return ExitCode.OK

    return guarded(run)


def _complete_fast() -> int:
    """Answer a shell's completion request without Typer, in Typer's protocol."""
    request = complete.request()
    if request is None:
        return ExitCode.OK
    shell, args, incomplete = request
    try:
        items = complete.complete(args, incomplete)
    except Exception:  # a TAB press must never print a traceback into the shell
        items = []
    text, code = complete.answer(shell, items)
    if not (shell == "fish" and os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args"):
        sys.stdout.write(text + "\n")  # as Typer does: a line even when there is nothing to offer
    return code


def main() -> None:
    """Console-script entry point."""
    argv = sys.argv[1:]
    no_fast = bool(os.environ.get(NO_FAST_ENV))
    if COMPLETE_VAR in os.environ and not no_fast:
        leave(_complete_fast())
    if len(argv) == 2 and argv[0] in ("--show-completion", "--install-completion") and argv[1] in SHELLS:
        sys.exit(_shell_option(argv))
    fast = None if no_fast or COMPLETE_VAR in os.environ else parse_fast(argv)
    if fast is None:
        from errlookup.cli import app

        app(prog_name="errlookup")
        return
    command, values = fast
    from errlookup import actions

    leave(guarded(lambda: getattr(actions, command)(**values)))


def _flush() -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    return ExitCode.OK


def leave(code: int) -> NoReturn:
    """Exit the fast path without tearing the interpreter down: freeing the loaded
    catalogues and patterns object by object costs about 29 million instructions
    (8-10 ms, a tenth of a look-up). Nothing of ours runs at exit (no atexit handlers,
    no threads, workers already reaped); output is flushed first, under the same guard."""
    flushed = guarded(_flush)
    os._exit(code or flushed)
