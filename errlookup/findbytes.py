"""Finding a literal in a block of bytes several times faster than ``bytes.find``.

The block filter looks for a dozen literals in every block of input. ``bytes.find``
goes through a block at about 1.4 GB/s; the C library's ``strstr`` (glibc's, with
vector instructions) at 6-20 GB/s (measured on 256 KiB blocks: 0.4-1.4 ms against
5.9-7.9 ms per 8 MiB for each literal). A call through ctypes costs about twice a call
of ``bytes.find`` (0.4 us), so the gain is in the bytes skipped, not in the calls.

``strstr`` ends at a NUL byte: a block that holds one, and any machine whose C library
ctypes cannot reach, gets ``bytes.find``; both give the same offsets.
"""

from __future__ import annotations

from collections.abc import Callable

Find = Callable[[bytes, int], int]

_UNSET = object()
_strstr: object = _UNSET


def _load_strstr() -> Callable[[int, bytes], int | None] | None:
    from errlookup.clib import libc

    function = getattr(libc(), "strstr", None)
    if function is None:
        return None  # no ctypes, or no C library to reach by name (Windows)
    import ctypes  # there, since the C library was reached through it

    function.restype = ctypes.c_void_p
    function.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
    return function  # type: ignore[no-any-return]


def finder(data: bytes) -> Find:
    """A ``find(literal, start)`` over ``data`` that returns what ``data.find`` would.

    ``literal`` must not be empty nor hold a NUL byte.
    """
    global _strstr
    if _strstr is _UNSET:
        _strstr = _load_strstr()
    strstr = _strstr
    if strstr is None or type(data) is not bytes or b"\0" in data:  # memchr: a pass costs little
        return data.find
    import ctypes

    buffer = ctypes.c_char_p(data)  # points into the bytes object itself (kept alive below)
    base: int = ctypes.cast(buffer, ctypes.c_void_p).value or 0
    size = len(data)

    def find(literal: bytes, start: int = 0, _keep: object = buffer) -> int:
        if start >= size:
            return -1
        at = strstr(base + start, literal)  # type: ignore[operator]
        return -1 if at is None else at - base

    return find
