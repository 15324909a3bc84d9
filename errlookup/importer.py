"""Drafting a catalogue from a vendor's table saved as Markdown or CSV.

Columns are recognised by their headers (code, HTTP status, name, message,
description, category, section, remarks); a category written only on the first
row of its range carries down, as on Askia's page; a row without a code is another
message of the code above it, as on IMIconnect's; a Markdown heading such as
``400 Bad Request`` above a table gives its rows that HTTP status, as on VoipNow's.
The draft is valid against the schema and says in its notes that it is a draft.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from errlookup.errors import ErrlookupError, ExitCode

# header words -> field; the first match in this order wins for a column
_HEADERS: list[tuple[str, tuple[str, ...]]] = [
    ("http_status", ("http status code", "http status", "http code", "http", "status code", "statuscode", "status")),
    ("code", ("error code", "result code", "code", "error", "id")),
    ("name", ("name", "symbol", "constant", "enum")),
    ("message", ("message", "msg", "error message", "text")),
    ("description", ("description", "desc", "details", "meaning", "explanation")),
    ("category", ("category", "group", "type", "class")),
    ("section", ("section", "api")),
    ("remarks", ("remarks", "remark", "notes", "note", "comment", "comments")),
]
_HEADING = re.compile(r"^\s*#*\s*(?P<status>[1-5]\d\d)\s+(?P<reason>[A-Za-z][A-Za-z ]+?)\s*$")


def _field_for(header: str) -> str | None:
    """The field a column holds, by its header: whole-header matches first, then the last word."""
    text = re.sub(r"\(.*?\)", "", header).strip().lower()
    best: tuple[int, int, str] | None = None
    for order, (field, words) in enumerate(_HEADERS):
        for word in words:
            if text == word:
                rank = 3
            elif text.endswith(" " + word):
                rank = 2
            elif text.startswith(word + " "):
                rank = 1
            else:
                continue
            if best is None or (rank, -order) > (best[0], best[1]):
                best = (rank, -order, field)
    return best[2] if best else None


def _tables(text: str, fmt: str) -> list[tuple[str | None, list[list[str]]]]:
    """(heading above it, rows including the header row) for each table in the text."""
    if fmt == "csv":
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        return [(None, [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)])]
    tables: list[tuple[str | None, list[list[str]]]] = []
    heading: str | None = None
    current: list[list[str]] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if "|" in stripped:
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---|---| rule under a header
            if current is None:
                current = []
                tables.append((heading, current))
            current.append(cells)
        else:
            current = None
            if stripped:
                heading = stripped.lstrip("#").strip()
    return tables


def _http(cell: str) -> tuple[list[int], bool]:
    return [int(n) for n in re.findall(r"\b[1-5]\d\d\b", cell)], "?" in cell


def draft(path: Path, source: str, name: str | None = None) -> dict[str, Any]:
    """A catalogue (as a JSON-ready dict) drafted from the table(s) in a file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ErrlookupError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", source):
        raise ErrlookupError(f"--source {source!r}: use a short lowercase id such as acme", ExitCode.USAGE)
    fmt = "csv" if path.suffix.lower() in (".csv", ".tsv") or ("|" not in text and "," in text) else "md"
    entries: list[dict[str, Any]] = []
    notes = [
        f"Drafted by 'errlookup catalog import' from {path.name}: check every row against the vendor's page, "
        "fill in vendor, product and url, and record each judgement call here."
    ]
    seen: set[tuple] = set()
    for heading, rows in _tables(text, fmt):
        if len(rows) < 2:
            continue
        header, body = rows[0], rows[1:]
        fields = [_field_for(h) for h in header]
        code_is_http = "code" not in fields and "http_status" in fields
        if code_is_http:
            fields[fields.index("http_status")] = "code"  # a table of HTTP statuses: the status is the code
        if "code" not in fields:
            continue
        heading_match = _HEADING.match(heading or "")
        category: str | None = None
        last_code: str | None = None
        for row in body:
            values: dict[str, str] = {}
            for field, cell in zip(fields, row, strict=False):
                if field and cell and field not in values:
                    values[field] = cell
            code = values.get("code") or last_code
            if code is None:
                continue
            last_code = code
            if values.get("category"):
                category = values["category"]
            http, doubtful = _http(values.get("http_status", ""))
            if not http and heading_match:
                http = [int(heading_match["status"])]
            if not http and code_is_http and re.fullmatch(r"[1-5]\d\d", code):
                http = [int(code)]
            remarks = values.get("remarks")
            entry: dict[str, Any] = {
                "code": code,
                "name": values.get("name"),
                "http_status": http,
                "http_status_doubtful": doubtful,
                "message": values.get("message"),
                "description": values.get("description"),
                "section": values.get("section") or (heading if heading_match else None),
                "category": category,
                "remarks": remarks,
                "legacy": re.findall(r"[Cc]ode was (\d+)", remarks or ""),
                "since": next(iter(re.findall(r"[Oo]nly in ([\d.]+)\+", remarks or "")), None),
                "kind": "success" if _is_success(code, http, category) else "error",
            }
            key = tuple(str(v) for v in entry.values())
            if key in seen:
                continue
            seen.add(key)
            entries.append(entry)
    if not entries:
        raise ErrlookupError(f"{path}: no table with a code column found (headers such as Code, Message)")
    return {
        "$schema": "https://errlookup.invalid/schema/catalog.json",
        "id": source,
        "name": name or source,
        "vendor": None,
        "product": None,
        "url": None,
        "notes": notes,
        "entries": entries,
    }


def _is_success(code: str, http: list[int], category: str | None) -> bool:
    if category and category.lower().startswith("success"):
        return True
    return bool(code.isdigit() and http and int(code) in http and 200 <= int(code) < 300)
