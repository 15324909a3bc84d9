"""Every test runs with its own empty user folders: no test touches the real home."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ERRLOOKUP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ERRLOOKUP_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("ERRLOOKUP_CATALOGS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    from errlookup import state

    state.reset()
    yield home
    state.reset()


@pytest.fixture
def run():
    """Run the CLI in-process like a user would; stdout and stderr stay apart."""
    from typer.testing import CliRunner

    from errlookup.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None):
        from errlookup import state

        state.reset()
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def user_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write catalogues into a folder named by ERRLOOKUP_CATALOGS."""
    folder = tmp_path / "extra-catalogs"
    folder.mkdir()
    monkeypatch.setenv("ERRLOOKUP_CATALOGS", str(folder))

    def write(name: str, document: object | str) -> Path:
        path = folder / name
        text = document if isinstance(document, str) else json.dumps(document)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ERRLOOKUP_")}
    env.update(extra)
    return env
