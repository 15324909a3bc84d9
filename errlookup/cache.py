"""A cache of the parsed, validated catalogues, so a start-up need not re-read them
(and, in a file of its own, of the scanner's compiled patterns: errlookup/regexes.py).

Keyed by every catalogue file's path, size and modification time (and the schema's,
and errlookup's version): any change to any of them is a miss, so stale data is never
served. The cache is written atomically (a temporary file renamed over it), so two
processes building it at once both leave a whole file; a corrupt or unreadable cache
is a miss, and an unwritable cache folder just means no cache.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from errlookup import __version__

CACHE_ENV = "ERRLOOKUP_CACHE_DIR"
_FORMAT = 3
#: The catalogues' file in the cache folder (regexes.py keeps another beside it).
CATALOGS_FILE = "catalogs.marshal"


def cache_file(name: str = CATALOGS_FILE) -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        folder = Path(override)
    else:
        from platformdirs import user_cache_path

        folder = user_cache_path("errlookup", appauthor=False)
    return folder / name


def fingerprint(paths: Sequence[Path]) -> tuple[Any, ...] | None:
    """What the cache must match; None when a file cannot even be looked at."""
    from errlookup.catalog import schema_path  # not errlookup.schema: that imports json

    stamps = []
    for path in (schema_path(), *paths):
        try:
            st = path.stat()
        except OSError:
            return None
        stamps.append((str(path), st.st_size, st.st_mtime_ns))
    return (_FORMAT, __version__, tuple(stamps))


def load(key: tuple[Any, ...] | None, name: str = CATALOGS_FILE) -> dict[str, Any] | None:
    """What was cached for exactly this key (catalogue rows, problems, tables), or None."""
    if key is None:
        return None
    try:
        data = marshal.loads(cache_file(name).read_bytes())
    except Exception:  # missing, unreadable, truncated or not ours: rebuild
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data


def store(key: tuple[Any, ...] | None, content: dict[str, Any], name: str = CATALOGS_FILE) -> None:
    if key is None:
        return
    target = cache_file(name)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps({**content, "key": key}))
        os.replace(tmp, target)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()
