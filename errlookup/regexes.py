"""The scanner's regular expressions, compiled once and kept between runs.

Compiling the scanner's patterns takes about 20 ms, a third of a scan's start-up.
CPython compiles a pattern in two steps: parsing it and generating the regex engine's
code, in Python (the slow part), then building the pattern object from that code, in
C. The code is kept in the user cache folder, keyed by the exact Python build and the
engine's version (``_sre.MAGIC``); a pattern built from it is equal to what
``re.compile`` builds (pattern objects compare their code), which is checked before
anything is stored. Another Python, a changed internal API or a corrupt or unwritable
cache only means compiling as ``re.compile`` does.
"""

from __future__ import annotations

import _sre
import contextlib
import re
import sys
from typing import Any, AnyStr

_FORMAT = 1
_KEY = (_FORMAT, sys.version, sys.implementation.name, getattr(_sre, "MAGIC", None))
#: Most programs kept: the scanner's own, and those of a few sets of user catalogues.
MAX_PROGRAMS = 600

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_stored: dict[tuple[Any, int], Program] | None = None  # read from the cache on first use
_new: dict[tuple[Any, int], Program] = {}


#: The file in the user cache folder (errlookup/cache.py writes it atomically).
CACHE_NAME = "regexes.marshal"


def _load() -> dict[tuple[Any, int], Program]:
    from errlookup import cache

    data = cache.load(_KEY, CACHE_NAME)
    programs = data.get("programs") if data else None
    return programs if isinstance(programs, dict) else {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile``, from the kept code when there is some."""
    global _stored
    if _stored is None:
        _stored = _load()
    key = (pattern, flags)
    program = _stored.get(key)
    if program is not None:
        with contextlib.suppress(Exception):  # the engine refuses code it cannot run
            return _sre.compile(pattern, *program)
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags)  # compiled a second time, on a miss only, to be checked
    if program is not None:
        with contextlib.suppress(Exception):
            if _sre.compile(pattern, *program) == compiled:
                _new[key] = program
    return compiled


def _program(pattern: AnyStr, flags: int) -> Program | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, or None on another Python."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        code = [int(c) for c in code]  # plain ints: the compiler's named constants do not marshal
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return None


def save() -> None:
    """Keep the code of the patterns compiled in this run, if any was new."""
    if not _new:
        return
    from errlookup import cache

    programs = {**(_stored or {}), **_new}
    if len(programs) > MAX_PROGRAMS:
        programs = dict(_new)
    _new.clear()
    cache.store(_KEY, {"programs": programs}, CACHE_NAME)
