"""User catalogues load beside the bundled ones; a bad file is named, skipped, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errlookup.catalog import load_all, validate_file

ACME = {
    "$schema": "./schema.json",
    "id": "acme",
    "name": "Acme Payments API",
    "entries": [
        {"code": "card_declined", "http_status": [402], "message": "The card was declined."},
        {"code": "7302", "message": "Acme's own 7302"},
    ],
}


def test_user_catalogue_is_loaded_and_searchable(run, user_catalogs) -> None:
    user_catalogs("acme.json", ACME)
    data = json.loads(run("--json", "7302").stdout)
    assert {d["source"] for d in data} == {"imiconnect", "acme"}
    assert json.loads(run("--json", "-s", "acme", "card_declined").stdout)[0]["http_status"] == [402]
    sources = run("sources").stdout
    assert "acme" in sources and "acme.json" in sources


def test_user_data_folder_is_read(run, isolated_home: Path) -> None:
    folder = isolated_home / "data" / "catalogs"
    folder.mkdir(parents=True)
    (folder / "acme.json").write_text(json.dumps(ACME), encoding="utf-8")
    assert run("acme:card_declined").exit_code == 0


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "invalid JSON at line 1 column 2"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        ({**ACME, "entries": [{"code": 7302}]}, "$.entries[0].code: expected string or null, got 7302"),
        ({**ACME, "entries": [{"message": "x"}]}, '$.entries[0]: missing required key "code"'),
        ({**ACME, "id": "Bad Id"}, '$.id: "Bad Id" does not match'),
        (
            {**ACME, "entries": [{"code": "x", "http_status": [700]}]},
            "$.entries[0].http_status[0]: must be at most 599",
        ),
        ([1, 2], "$: expected object, got [1, 2]"),
    ],
)
def test_invalid_catalogue_is_one_line_naming_file_and_path(run, user_catalogs, content, problem) -> None:
    if isinstance(content, bytes):
        path = user_catalogs("bad.json", "")
        path.write_bytes(content)
    else:
        path = user_catalogs("bad.json", content)
    result = run("7302")
    assert result.exit_code == 0  # the other catalogues still answer
    assert "Rate limit exceeded" in result.stdout
    warning = result.stderr.splitlines()
    assert len(warning) == 1
    assert warning[0].startswith(f"errlookup: warning: skipped catalogue {path}: ")
    assert problem in warning[0]


def test_validate_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"id": "x", "entries": [{"code": 1}, {"code": "a", "kind": "oops"}]}), encoding="utf-8")
    problems = validate_file(path)
    assert problems == [
        f'{path}: $: missing required key "name"',
        f"{path}: $.entries[0].code: expected string or null, got 1",
        f'{path}: $.entries[1].kind: must be one of "error", "success", got "oops"',
    ]


def test_user_catalogue_with_a_bundled_id_replaces_it(run, user_catalogs) -> None:
    user_catalogs("askia.json", {**ACME, "id": "askia", "name": "Askia, patched"})
    data = json.loads(run("sources", "--json").stdout)
    askia = next(d for d in data if d["id"] == "askia")
    assert askia["replaces_bundled"] is True and askia["entries"] == 2
    assert {"(replaces", "bundled)"} <= set(run("sources").stdout.split())
    assert run("askia:105").exit_code == 1


def test_a_malformed_bundled_catalogue_is_skipped_too(tmp_path: Path) -> None:
    from conftest import ROOT

    bundled = tmp_path / "bundled"
    bundled.mkdir()
    for name in ("schema.json", "salto.json"):
        (bundled / name).write_bytes((ROOT / "catalogs" / name).read_bytes())
    (bundled / "broken.json").write_text('{"id": "broken", "name": "x", "entries": [', encoding="utf-8")
    loaded = load_all(bundled=bundled, include_user=False)
    assert loaded.ids == ["salto"]
    assert len(loaded.problems) == 1 and "broken.json" in str(loaded.problems[0])


def test_unreadable_catalogue_folder_is_not_an_error(run, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ERRLOOKUP_CATALOGS", str(tmp_path / "does-not-exist"))
    result = run("7302")
    assert result.exit_code == 0 and result.stderr == ""
