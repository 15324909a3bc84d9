"""Finding, reading and validating catalogue files (bundled and the user's)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from errlookup.errors import CatalogError, UsageError
from errlookup.model import Catalog, Entry, LazyEntries

#: Environment variable naming extra catalogue folders (separated by os.pathsep).
CATALOGS_ENV = "ERRLOOKUP_CATALOGS"
#: Environment variable that relocates the user data folder (tests, portable installs).
DATA_DIR_ENV = "ERRLOOKUP_DATA_DIR"


def bundled_dir() -> Path:
    """The bundled catalogues: inside the package in a wheel, beside it in a checkout.

    hatchling's force-include copies the top-level ``catalogs/`` into wheels only;
    an editable install still imports the package from the source tree.
    """
    here = Path(__file__).resolve().parent
    inside = here / "catalogs"
    return inside if inside.is_dir() else here.parent / "catalogs"


def schema_path() -> Path:
    """The published catalogue schema, bundled with the catalogues (the cache's key reads its stamp)."""
    return bundled_dir() / "schema.json"


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("errlookup", appauthor=False)


def user_catalog_dirs() -> list[Path]:
    """Folders searched for user catalogues, in load order (later ones win on an id)."""
    dirs = [user_data_dir() / "catalogs"]
    extra = os.environ.get(CATALOGS_ENV, "")
    dirs.extend(Path(p) for p in extra.split(os.pathsep) if p.strip())
    return dirs


def _catalog_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if p.name != "schema.json" and p.is_file())
    except OSError:
        return []


def read_bytes(path: Path) -> bytes:
    """A catalogue file's bytes, every way reading can fail as a one-line CatalogError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(str(path), "no such file") from None
    except IsADirectoryError:
        raise CatalogError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise CatalogError(str(path), f"cannot read: {exc.strerror or exc}") from None


def read_json(path: Path, data: bytes | None = None) -> object:
    """Parse one file (or its bytes, already read), every way it can fail as a one-line CatalogError."""
    import json

    if data is None:
        data = read_bytes(path)
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise CatalogError(str(path), "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CatalogError(str(path), f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise CatalogError(str(path), "invalid JSON: nested too deeply") from None


def problems(document: object) -> list[tuple[str, str]]:
    """Every schema problem in a parsed catalogue, as (JSON path, problem) pairs."""
    from errlookup.schema import catalog_validator

    return list(catalog_validator().errors(document))


def validate_file(path: Path) -> list[str]:
    """All problems of one catalogue file as ``file: $.path: problem`` lines (empty when valid)."""
    try:
        document = read_json(path)
    except CatalogError as exc:
        return [str(exc)]
    return [f"{path}: {where}: {what}" for where, what in problems(document)]


def read_valid(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """Read and validate one catalogue document; the first problem is raised as a CatalogError."""
    document = read_json(path, data)
    found = problems(document)
    if found:
        where, what = found[0]
        more = f" (and {len(found) - 1} more problem{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
        raise CatalogError(str(path), f"{where}: {what}{more}")
    assert isinstance(document, dict)
    return document


def load_file(path: Path, origin: str = "user") -> Catalog:
    """Read and validate one catalogue; the first problem is raised as a CatalogError."""
    return from_document(read_valid(path), path, origin)


def from_document(document: dict[str, Any], path: Path, origin: str) -> Catalog:
    source = document["id"]
    return Catalog(
        id=source,
        name=document["name"],
        entries=tuple(Entry.from_json(source, raw) for raw in document["entries"]),
        origin="bundled" if origin == "bundled" else str(path),
        path=str(path),
        vendor=document.get("vendor"),
        product=document.get("product"),
        url=document.get("url"),
        error_format=document.get("error_format", {}),
        notes=tuple(document.get("notes", ())),
        scan_keys=tuple(document.get("scan", {}).get("keys", ())),
        scan_hints=tuple(document.get("scan", {}).get("hints", ())),
    )


class LoadResult:
    """The catalogues that loaded, and the files that did not (with why)."""

    __slots__ = ("catalogs", "problems", "tables")

    def __init__(
        self,
        catalogs: list[Catalog] | None = None,
        problems: list[CatalogError] | None = None,
        tables: dict[str, dict[str, list[int]]] | None = None,
    ) -> None:
        self.catalogs: list[Catalog] = [] if catalogs is None else catalogs
        self.problems: list[CatalogError] = [] if problems is None else problems
        #: The exact-lookup tables, when they came from the cache (see Index.build).
        self.tables = tables

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.catalogs]


_META = ("id", "name", "origin", "path", "vendor", "product", "url", "error_format", "notes", "replaces_bundled",
         "scan_keys", "scan_hints")  # fmt: skip


def load_all(
    bundled: Path | None = None, user_dirs: Sequence[Path] | None = None, include_user: bool = True
) -> LoadResult:
    """Load bundled then user catalogues; a bad file is recorded and skipped, never fatal.

    The result is cached (see ``errlookup.cache``): an unchanged set of files is read
    back as rows and tables, without parsing, validating or making every entry.
    """
    from errlookup import cache

    sources: list[tuple[Path, str]] = [(p, "bundled") for p in _catalog_files(bundled or bundled_dir())]
    if include_user:
        for folder in user_catalog_dirs() if user_dirs is None else user_dirs:
            sources.extend((p, "user") for p in _catalog_files(folder))
    key = cache.fingerprint([p for p, _ in sources])
    cached = cache.load(key)
    if cached is not None:
        return LoadResult(
            catalogs=[
                Catalog(**dict(zip(_META, meta, strict=True)), entries=LazyEntries(meta[0], chunks, count))
                for meta, chunks, count in cached["catalogs"]
            ],
            problems=[CatalogError(path, problem) for path, problem in cached["problems"]],
            tables=cached["tables"],
        )
    result = LoadResult()
    by_id: dict[str, int] = {}
    for path, origin in sources:
        try:
            catalog = from_document(read_valid(path), path, origin)
        except CatalogError as exc:
            result.problems.append(exc)
            continue
        if catalog.id in by_id:
            previous = result.catalogs[by_id[catalog.id]]
            if previous.origin == "bundled" or previous.replaces_bundled:
                catalog = catalog._replace(replaces_bundled=True)
            result.catalogs[by_id[catalog.id]] = catalog
        else:
            by_id[catalog.id] = len(result.catalogs)
            result.catalogs.append(catalog)
    if key is not None:
        from errlookup.index import Index

        result.tables = Index.build(result.catalogs).tables()
        cache.store(
            key,
            {
                "catalogs": [
                    (tuple(_plain(getattr(c, name)) for name in _META), LazyEntries.pack(c.entries), len(c.entries))
                    for c in result.catalogs
                ],
                "problems": [(p.path, p.problem) for p in result.problems],
                "tables": result.tables,
            },
        )
    return result


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


def parse_sources(values: Iterable[str] | None, known: Sequence[str]) -> list[str] | None:
    """Turn repeatable, comma-separated --source values into ids; None means every source."""
    if not values:
        return None
    wanted: list[str] = []
    for value in values:
        for part in value.split(","):
            sid = part.strip().lower()
            if not sid:
                continue
            if sid not in known:
                raise UsageError(f"unknown source {part.strip()!r} (known: {', '.join(known)})")
            if sid not in wanted:
                wanted.append(sid)
    if not wanted:
        raise UsageError("--source needs at least one source id")
    return wanted


def user_catalogs_dir() -> Path:
    """Where ``catalog add`` puts catalogues (created only when something is added)."""
    return user_data_dir() / "catalogs"


def add(path: Path, force: bool = False) -> tuple[Path, Catalog]:
    """Validate a catalogue and copy it into the user folder as ``<id>.json``.

    An existing file with other content is never overwritten unless ``force``.
    """
    data = read_bytes(path)
    catalog = from_document(read_valid(path, data), path, "user")
    folder = user_catalogs_dir()
    target = folder / f"{catalog.id}.json"
    if target.exists() and target.read_bytes() != data and not force:
        from errlookup.errors import ErrlookupError

        raise ErrlookupError(f"{target} already holds another catalogue '{catalog.id}'; use --force to replace it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".json.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        from errlookup.errors import ErrlookupError

        raise ErrlookupError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target, catalog


def remove(source: str) -> list[Path]:
    """Delete the user catalogues with this id from the user folder; the files removed."""
    import json

    from errlookup.errors import ErrlookupError

    removed: list[Path] = []
    for path in _catalog_files(user_catalogs_dir()):
        try:
            document = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if isinstance(document, dict) and document.get("id") == source:
            try:
                path.unlink()
            except OSError as exc:
                raise ErrlookupError(f"cannot remove {path}: {exc.strerror or exc}") from None
            removed.append(path)
    if not removed:
        raise ErrlookupError(f"no user catalogue with id {source!r} in {user_catalogs_dir()}")
    return removed


def user_files() -> list[Path]:
    """Every user catalogue file, in load order."""
    return [p for folder in user_catalog_dirs() for p in _catalog_files(folder)]
