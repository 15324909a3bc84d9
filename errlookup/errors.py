"""Exit codes and the user-error hierarchy, mapped to each other in one place (cli)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit statuses (see the contract)."""

    OK = 0
    NOT_FOUND = 1  # a query matched nothing
    FILE_ERROR = 1  # a file could not be read, or a catalogue file is invalid
    USAGE = 2  # unknown option, unknown source id, empty query
    INTERRUPTED = 130  # Ctrl-C


class ErrlookupError(Exception):
    """A problem the user can fix; shown as one line on stderr, never a traceback."""

    exit_code: ExitCode = ExitCode.FILE_ERROR

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0])


class UsageError(ErrlookupError):
    """The command line asks for something that cannot exist (an unknown source id)."""

    exit_code = ExitCode.USAGE


class CatalogError(ErrlookupError):
    """A catalogue file cannot be read or does not follow the schema."""

    exit_code = ExitCode.FILE_ERROR

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class InputError(ErrlookupError):
    """An input stream failed part-way (a truncated .gz, a read error)."""

    exit_code = ExitCode.FILE_ERROR


class OutputClosed(Exception):
    """The reader of our output went away (``| head``); not an error, just stop."""
