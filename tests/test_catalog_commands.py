"""``errlookup catalog ...``: managing user catalogues, and drafting one from a table."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import subprocess_env

IMPORT = Path(__file__).parent / "data" / "import"
ACME = {"id": "acme", "name": "Acme", "entries": [{"code": "card_declined", "message": "The card was declined."}]}


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_path_names_the_user_folder_and_the_extra_folders(run, isolated_home: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ERRLOOKUP_CATALOGS", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    lines = run("catalog", "path").stdout.splitlines()
    assert lines[0] == str(isolated_home / "data" / "catalogs")
    assert lines[1].startswith(str(tmp_path / "a")) and lines[2].startswith(str(tmp_path / "b"))


def test_validate_reports_every_problem_and_exits_1(run, tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", ACME)
    bad = write(tmp_path / "bad.json", {"id": "Bad", "entries": [{"code": 1, "kind": "x"}]})
    result = run("catalog", "validate", str(good), str(bad))
    assert result.exit_code == 1
    assert f"{good}: valid (acme, 1 entries)" in result.stdout
    problems = [line for line in result.stdout.splitlines() if line.startswith(str(bad))]
    assert problems == [
        f'{bad}: $: missing required key "name"',
        f'{bad}: $.id: "Bad" does not match ^[a-z][a-z0-9_-]{{0,31}}$',
        f"{bad}: $.entries[0].code: expected string or null, got 1",
        f'{bad}: $.entries[0].kind: must be one of "error", "success", got "x"',
    ]
    assert run("catalog", "validate", str(good)).exit_code == 0
    assert run("catalog", "validate", str(tmp_path / "none.json")).exit_code == 1


def test_add_copies_never_overwrites_silently_and_remove_deletes(run, isolated_home: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "mine.json", ACME)
    added = run("catalog", "add", str(source))
    target = isolated_home / "data" / "catalogs" / "acme.json"
    assert added.exit_code == 0 and target.read_bytes() == source.read_bytes()
    assert run("acme:card_declined").exit_code == 0
    assert run("catalog", "add", str(source)).exit_code == 0  # the same file again is fine
    changed = write(tmp_path / "changed.json", {**ACME, "name": "Acme v2"})
    refused = run("catalog", "add", str(changed))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert json.loads(target.read_text())["name"] == "Acme"
    assert run("catalog", "add", "--force", str(changed)).exit_code == 0
    assert json.loads(target.read_text())["name"] == "Acme v2"
    listed = run("catalog", "list").stdout
    assert "acme\t1 entries" in listed
    assert run("catalog", "remove", "acme").exit_code == 0
    assert not target.exists()
    assert run("catalog", "remove", "acme").exit_code == 1
    assert run("acme:card_declined").exit_code == 1


def test_add_refuses_an_invalid_catalogue(run, isolated_home: Path, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", {"id": "x", "name": "x", "entries": [{"code": 5}]})
    result = run("catalog", "add", str(bad))
    assert result.exit_code == 1
    assert result.stderr == f"errlookup: {bad}: $.entries[0].code: expected string or null, got 5\n"
    assert not (isolated_home / "data" / "catalogs").exists()


@pytest.mark.parametrize(
    ("table", "checks"),
    [
        ("askia.md", [("2", "legacy", ["3"]), ("1", "category", "success [0-100]"), ("125", "since", "5.4.8"),
                      ("100", "description", "General error")]),
        ("voipnow.md", [("expired_token", "http_status", [401]), ("fields_invalid", "section", "400 Bad Request")]),
        ("salto.csv", [("1100", "message", "The request received is invalid"), ("1101", "http_status_doubtful", True)]),
        ("imiconnect.md", [("7302", "description", "Returned when the rate limit exceeded.")]),
        ("rev23.csv", [("404", "http_status", [404]), ("200", "kind", "success")]),
    ],
)  # fmt: skip
def test_import_drafts_a_valid_catalogue_from_each_page_shape(run, tmp_path: Path, table: str, checks) -> None:
    out = tmp_path / "draft.json"
    result = run("catalog", "import", str(IMPORT / table), "--source", "draft", "--name", "Draft", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert run("catalog", "validate", str(out)).exit_code == 0
    entries = json.loads(out.read_text())["entries"]
    for code, field, value in checks:
        assert next(e for e in entries if e["code"] == code)[field] == value, (code, field)
    if table == "imiconnect.md":  # a row without a code is another message of the code above
        assert [e["message"] for e in entries if e["code"] == "7003"] == [
            "any one of [customerid,msisdn] is mandatory", "param 'text' is missing for android"]  # fmt: skip


def test_import_to_stdout_then_add_then_lookup(run, tmp_path: Path) -> None:
    drafted = run("catalog", "import", str(IMPORT / "voipnow.md"), "--source", "pbx")
    path = tmp_path / "pbx.json"
    path.write_text(drafted.stdout, encoding="utf-8")
    assert run("catalog", "add", str(path)).exit_code == 0
    assert json.loads(run("--json", "pbx:expired_token").stdout)[0]["http_status"] == [401]


def test_import_errors_are_one_line(run, tmp_path: Path) -> None:
    plain = tmp_path / "notes.md"
    plain.write_text("no table here\n", encoding="utf-8")
    result = run("catalog", "import", str(plain), "--source", "x")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert run("catalog", "import", str(plain), "--source", "Bad Id").exit_code == 2


def test_read_only_home_works_and_nothing_is_written_unless_asked(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    env = subprocess_env(HOME=str(home), XDG_DATA_HOME=str(home / "share"), XDG_CACHE_HOME=str(home / "cache"))
    try:
        for args in (["7302"], ["sources"], ["rate limit exceeded"], ["scan"], ["catalog", "list"]):
            result = subprocess.run([sys.executable, "-m", "errlookup", *args], input=b"error 7302\n",
                                    capture_output=True, env=env, timeout=60)  # fmt: skip
            assert result.returncode == 0, (args, result.stderr)
            assert b"Traceback" not in result.stderr
        # only the cache of parsed catalogues may appear, and only where caches go
        assert [p.name for p in home.iterdir()] in ([], ["cache"])
        assert not (home / "share").exists()
        # a data folder that cannot be made (even root cannot make a folder inside a file)
        blocker = tmp_path / "a-file"
        blocker.write_text("", encoding="utf-8")
        catalog = write(tmp_path / "acme.json", ACME)
        added = subprocess.run([sys.executable, "-m", "errlookup", "catalog", "add", str(catalog)], capture_output=True,
                               text=True, env={**env, "ERRLOOKUP_DATA_DIR": str(blocker / "data")}, timeout=60)  # fmt: skip
        assert added.returncode == 1
        assert added.stderr.startswith("errlookup: cannot write") and added.stderr.count("\n") == 1
    finally:
        home.chmod(stat.S_IRWXU)
