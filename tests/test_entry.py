"""The fast entry point and the Typer app give the same answers to the same command lines."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import subprocess_env

from errlookup.entry import FAST_OPTIONS, parse_fast

LINES = [
    ["7302"],
    ["lookup", "askia:105", "expired_token"],
    ["--json", "7302", "3"],
    ["7302", "--json", "--source", "imiconnect"],
    ["--source=rev23,askia", "401"],
    ["-s", "nope", "401"],
    ["nosuchcode_xyz"],
    ["rate limit exeeded"],
    ["scan"],
    ["scan", "--json"],
    ["scan", "--summary", "--all"],
    ["scan", "-s", "askia", "--line-buffered"],
    ["scan", "--summary", "--json"],
]
LOG = b'salto: status=500 code=1100\n{"StatusCode": 401, "Response": {"ResultCode": 102}}\nHTTP/1.1 200 OK\n'


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_both_paths_agree(argv: list[str], tmp_path) -> None:
    assert parse_fast(argv) is not None, "this line should take the fast path"
    results = []
    for slow in ("", "1"):
        env = subprocess_env(ERRLOOKUP_NO_FAST_PATH=slow, ERRLOOKUP_DATA_DIR=str(tmp_path / "d"),
                             ERRLOOKUP_CACHE_DIR=str(tmp_path / "c"), COLUMNS="80")  # fmt: skip
        done = subprocess.run([sys.executable, "-m", "errlookup", *argv], input=LOG, capture_output=True,
                              env=env, timeout=60)  # fmt: skip
        results.append((done.returncode, done.stdout, done.stderr))
    assert results[0] == results[1]


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["-h"], ["--version"], ["search", "x"], ["sources"], ["--", "-1"], ["7302", "--bogus"],
     ["--source"], ["scan", "--json=1"], ["catalog", "list"]],
)  # fmt: skip
def test_everything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse_fast(argv) is None


def test_fast_options_are_the_apps_options() -> None:
    from typer.main import get_command

    from errlookup.cli import app

    commands = get_command(app).commands
    for name, options in FAST_OPTIONS.items():
        params = {opt: p for p in commands[name].params for opt in p.opts if opt.startswith("-")}
        assert set(options) == set(params), name
        for option, (dest, takes_value) in options.items():
            assert params[option].name == dest
            assert takes_value == (not params[option].is_flag)


@pytest.mark.parametrize("args", [["7302"], ["scan", "-"]])
def test_a_full_disk_is_one_line_and_status_1_on_the_fast_path(args: list[str]) -> None:
    """The fast path leaves without the interpreter's teardown; the last flush is still guarded."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "errlookup", *args],
            input=b"error 7302\n", stdout=full, stderr=subprocess.PIPE, env=subprocess_env(), timeout=60,
        )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["errlookup: cannot write output: No space left on device"]


def test_the_fast_path_exit_status_survives_the_fast_exit() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "errlookup", "nosuchcodeatall"], capture_output=True, env=subprocess_env(), timeout=60
    )
    assert proc.returncode == 1
    assert "no entry matches 'nosuchcodeatall'" in proc.stderr.decode()


#: What a command's start-up leaves out: each costs milliseconds on every TAB press and
#: every `tail -f | errlookup scan` (typer pulls in pydantic; rich.table alone is 45 ms).
#: A lookup's table and the summary are Rich's (which imports dataclasses).
HEAVY = {"typer", "click", "pydantic", "rapidfuzz", "json", "rich", "dataclasses"}
NOT_FOR = {
    ("7302",): HEAVY - {"rich", "dataclasses"},
    ("scan",): HEAVY,
    ("scan", "--summary"): HEAVY - {"rich", "dataclasses"},
    ("scan", "--json"): HEAVY - {"json"},
}


@pytest.mark.parametrize("argv", list(NOT_FOR), ids=" ".join)
def test_the_fast_path_does_not_import_what_it_does_not_use(argv: tuple[str, ...], tmp_path) -> None:
    env = subprocess_env(ERRLOOKUP_DATA_DIR=str(tmp_path / "d"), ERRLOOKUP_CACHE_DIR=str(tmp_path / "c"))
    for _ in range(2):  # the second run starts from the cache, as every run after a first does
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "errlookup", *argv], input=LOG,
                              capture_output=True, env=env, timeout=60)  # fmt: skip
    # "import time: self | cumulative | name", a line for each module as it is imported
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0] for line in done.stderr.decode().splitlines() if "|" in line
    }
    assert done.returncode == 0 and done.stdout
    assert {"errlookup", "re"} <= imported  # what the parse reads is there
    assert imported & NOT_FOR[argv] == set()
