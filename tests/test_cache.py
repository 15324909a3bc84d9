"""The catalogue cache: never stale, never fatal."""

from __future__ import annotations

import _sre
import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

from conftest import subprocess_env

from errlookup import cache
from errlookup.catalog import load_all

ACME = {"id": "acme", "name": "Acme", "entries": [{"code": "card_declined", "message": "Declined"}]}


def test_second_load_comes_from_the_cache_and_matches(isolated_home: Path, monkeypatch) -> None:
    first = load_all()
    assert cache.cache_file().exists()

    def no_reading(path):  # a cache hit reads no catalogue file
        raise AssertionError(f"read {path}")

    monkeypatch.setattr("errlookup.catalog.read_valid", no_reading)
    second = load_all()
    assert [(c.id, c.entries) for c in second.catalogs] == [(c.id, c.entries) for c in first.catalogs]


def test_a_changed_catalogue_is_never_served_stale(run, user_catalogs) -> None:
    path = user_catalogs("acme.json", ACME)
    assert "Declined" in run("--json", "acme:card_declined").stdout
    path.write_text(json.dumps({**ACME, "entries": [{"code": "card_declined", "message": "Now refused"}]}))
    assert "Now refused" in run("--json", "acme:card_declined").stdout
    path.unlink()
    assert "acme" not in {d["id"] for d in json.loads(run("sources", "--json").stdout)}


def test_an_invalid_catalogue_is_reported_from_the_cache_too(run, user_catalogs) -> None:
    user_catalogs("bad.json", {"id": "bad"})
    for _ in range(2):
        result = run("7302")
        assert result.exit_code == 0 and "bad.json" in result.stderr


def test_a_corrupt_cache_is_rebuilt(run) -> None:
    run("7302")
    cache.cache_file().write_bytes(b"\x00garbage")
    assert run("7302").exit_code == 0
    assert cache.cache_file().read_bytes() != b"\x00garbage"


def test_an_unwritable_cache_folder_is_no_problem(run, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ERRLOOKUP_CACHE_DIR", str(blocker / "cache"))  # cannot be made, even by root
    result = run("7302")
    assert result.exit_code == 0 and result.stderr == ""


def test_two_processes_building_at_once_leave_a_whole_cache(tmp_path: Path) -> None:
    env = subprocess_env(ERRLOOKUP_CACHE_DIR=str(tmp_path / "cache"), ERRLOOKUP_DATA_DIR=str(tmp_path / "d"))
    procs = [
        subprocess.Popen([sys.executable, "-m", "errlookup", "--json", "7302"], env=env, stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outputs)) == 1
    files = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert files == ["catalogs.marshal"]  # no temporary file left behind
    again = subprocess.run([sys.executable, "-m", "errlookup", "--json", "7302"], env=env, capture_output=True)
    assert again.stdout == outputs[0]


# ------------------------------------------------------------------ compiled patterns

PATTERN = r"status[ \t]*[:=][ \t]*(?P<val>[45][0-9][0-9])\b"


def fresh_patterns(monkeypatch) -> object:
    from errlookup import regexes

    monkeypatch.setattr(regexes, "_stored", None)
    monkeypatch.setattr(regexes, "_new", {})
    return regexes


def test_a_kept_pattern_is_the_one_re_compile_builds(isolated_home: Path, monkeypatch) -> None:
    regexes = fresh_patterns(monkeypatch)
    cold = regexes.compile(PATTERN)
    regexes.save()
    assert cache.cache_file(regexes.CACHE_NAME).exists()
    regexes = fresh_patterns(monkeypatch)
    warm = regexes.compile(PATTERN)
    assert regexes._new == {}  # built from the kept code, not compiled again
    assert warm == cold == re.compile(PATTERN)  # pattern objects compare their code
    assert warm.search("HTTP status: 503").group("val") == "503"


def test_a_corrupt_or_foreign_pattern_cache_only_means_compiling(isolated_home: Path, monkeypatch) -> None:
    from errlookup import regexes

    path = cache.cache_file(regexes.CACHE_NAME)
    path.parent.mkdir(parents=True, exist_ok=True)
    good = regexes._program(PATTERN, 0)
    for content in (
        b"\x00garbage",
        marshal.dumps({"key": ("another", "python"), "programs": {(PATTERN, 0): good}}),
        marshal.dumps({"key": regexes._KEY, "programs": {(PATTERN, 0): (32, [1, 2, 3], 0, {}, (None,))}}),
    ):
        path.write_bytes(content)
        regexes = fresh_patterns(monkeypatch)
        assert regexes.compile(PATTERN) == re.compile(PATTERN)
        assert list(regexes._new) == [(PATTERN, 0)]  # compiled, and to be kept right this time


def test_scans_give_the_same_output_with_the_patterns_compiled_or_kept(tmp_path: Path) -> None:
    env = subprocess_env(ERRLOOKUP_CACHE_DIR=str(tmp_path / "cache"), ERRLOOKUP_DATA_DIR=str(tmp_path / "d"))
    log = b"".join(
        json.loads(raw)["line"].encode() + b"\n"
        for raw in (Path(__file__).parent / "data" / "scan" / "corpus_seventh.jsonl").read_text().splitlines()
    )
    scan = [sys.executable, "-m", "errlookup", "scan", "--json"]
    cold = subprocess.run(scan, input=log, env=env, capture_output=True, check=True)
    kept = tmp_path / "cache" / "regexes.marshal"
    stamp = kept.stat().st_mtime_ns
    warm = subprocess.run(scan, input=log, env=env, capture_output=True, check=True)
    assert warm.stdout == cold.stdout and cold.stdout.count(b"\n") > 100
    assert kept.stat().st_mtime_ns == stamp  # nothing new to keep: every pattern came from the cache
    programs = marshal.loads(kept.read_bytes())["programs"]
    assert len(programs) > 50
    assert all(
        _sre.compile(pattern, *program) == re.compile(pattern, flags) for (pattern, flags), program in programs.items()
    )
