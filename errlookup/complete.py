"""What a TAB press offers: subcommands, options, source ids, codes and names.

Used by the Typer app's completion callbacks and by the fast completion path in
``entry.py`` (which answers the same shell protocol without importing Typer).
Returns (value, help) pairs and never prints.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

#: Most codes and names offered at once; a TAB that would list more is too early.
MAX_ITEMS = 200

# Subcommands and their options, as the Typer app defines them; tests/test_completion.py
# checks this table against the app so the two never drift apart.
COMMANDS: dict[str, str] = {
    "lookup": "Every meaning of each code, name or message (the default command).",
    "search": "Fuzzy search over every catalogue's messages, descriptions, names and codes.",
    "scan": "Find, explain and count the error codes in logs; every input byte passes through.",
    "sources": "The loaded catalogues: id, name, entry count and where each came from.",
    "catalog": "Manage user catalogues: path, list, validate, add, remove, import.",
}
OPTIONS: dict[str, list[str]] = {
    "": ["--version", "--install-completion", "--show-completion", "--help", "-h"],
    "lookup": ["--source", "-s", "--json", "--help", "-h"],
    "search": ["--source", "-s", "--limit", "-n", "--min-score", "--json", "--help", "-h"],
    "scan": ["--summary", "--json", "--all", "--source", "-s", "--line-buffered", "--help", "-h"],
    "sources": ["--json", "--help", "-h"],
}
VALUE_OPTIONS = {"--source", "-s", "--limit", "-n", "--min-score"}


def source_ids(incomplete: str = "") -> list[tuple[str, str]]:
    from errlookup.state import load_catalogs

    prefix, _, last = incomplete.rpartition(",")
    head = f"{prefix}," if prefix else ""
    return [(head + c.id, c.name) for c in load_catalogs().catalogs if c.id.startswith(last.lower())]


def codes(incomplete: str) -> list[tuple[str, str]]:
    """Codes and names starting with the typed text (any case), each with what it means."""
    from errlookup.state import load_index

    index, _ = load_index()
    typed = incomplete.lower()
    source, sep, rest = typed.partition(":")
    scope = None
    if sep and source in index.source_ids:
        scope, typed = source, rest
    found: dict[str, str] = {}
    for entry in index.entries:
        if scope and entry.source != scope:
            continue
        for label in (entry.code, entry.name):
            if label and label.lower().startswith(typed):
                value = f"{scope}:{label}" if scope else label
                if value not in found:
                    text = entry.message or entry.description or entry.name or ""
                    # no colon after the source: zsh's completion spec would show it escaped
                    found[value] = f"{entry.source} - {text}"[:80]
        if len(found) >= MAX_ITEMS:
            break
    return sorted(found.items(), key=lambda kv: (not kv[0][:1].isdigit(), len(kv[0]), kv[0].lower()))


def complete(args: Sequence[str], incomplete: str) -> list[tuple[str, str]] | None:
    """Completions for a command line; None means "offer file names" (scan's FILE)."""
    words = list(args)
    command = ""
    if words and words[0] in COMMANDS:
        command = words.pop(0)
    if words and words[-1] in VALUE_OPTIONS:
        if words[-1] in ("--source", "-s"):
            return source_ids(incomplete)
        return []
    if incomplete.startswith("-"):
        return [(o, "") for o in OPTIONS.get(command or "", OPTIONS[""]) if o.startswith(incomplete)]
    if command == "scan":
        return None
    if command in ("sources", "catalog"):
        return []
    if not command and not words:
        subcommands = [(c, h) for c, h in COMMANDS.items() if c.startswith(incomplete)]
        return subcommands + (codes(incomplete) if incomplete else [])
    if command in ("lookup", ""):
        return codes(incomplete) if incomplete else []
    return []


def split_line(line: str) -> list[str]:
    """Shell-like split that tolerates an unfinished quote (as a shell line may have)."""
    import shlex

    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def request() -> tuple[str, list[str], str] | None:
    """(shell, args, incomplete) from the environment of a completion request, if any."""
    mode = os.environ.get("_ERRLOOKUP_COMPLETE", "")
    if mode == "complete_bash":
        words = split_line(os.environ.get("COMP_WORDS", ""))
        cword = int(os.environ.get("COMP_CWORD", "0") or 0)
        incomplete = words[cword] if cword < len(words) else ""
        return "bash", words[1:cword], incomplete
    if mode in ("complete_zsh", "complete_fish"):
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        words = split_line(line)[1:]
        incomplete = ""
        if words and not line.endswith(" "):
            incomplete = words.pop()
        return mode.removeprefix("complete_"), words, incomplete
    return None


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def answer(shell: str, items: list[tuple[str, str]] | None) -> tuple[str, int]:
    """The text a shell's completion script expects (Typer's protocol), and the exit status."""
    if shell == "bash":
        return "\n".join(v for v, _ in items or []), 0
    if shell == "zsh":
        if not items:
            return "_files", 0
        lines = [f'"{_zsh_escape(v)}":"{_zsh_escape(h)}"' if h else f'"{_zsh_escape(v)}"' for v, h in items]
        return "_arguments '*: :((" + "\n".join(lines) + "))'", 0
    # fish asks twice: "is-args" (are there arguments to offer, or files?) then "get-args"
    action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":
        return "", 0 if items else 1
    return "\n".join(f"{v}\t{_one_line(h)}" if h else v for v, h in items or []), 0


def _one_line(text: str) -> str:
    import re

    return re.sub(r"\s", " ", text)
