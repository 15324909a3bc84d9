"""Installed the ways users install it, errlookup answers from any folder.

hatchling's force-include puts ``catalogs/`` into wheels only; an editable install
reads it beside the package. Both are installed into fresh virtual environments
(with the system site-packages, so no download is needed for the dependencies).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, subprocess_env


def _venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(where)], check=True)
    return where / "bin"


def _pip(bin_dir: Path, *args: str) -> None:
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", *args],
        check=True,
        env=subprocess_env(PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )


def _answers_7302(bin_dir: Path, cwd: Path) -> str:
    env = subprocess_env(HOME=str(cwd), ERRLOOKUP_DATA_DIR=str(cwd / "data"), ERRLOOKUP_CACHE_DIR=str(cwd / "cache"))
    table = subprocess.run([str(bin_dir / "errlookup"), "7302"], cwd=cwd, env=env, capture_output=True, text=True)
    assert table.returncode == 0, table.stderr
    assert "Rate limit exceeded" in table.stdout
    data = json.loads(
        subprocess.run(
            [str(bin_dir / "python"), "-m", "errlookup", "--json", "askia:105"], cwd=cwd, env=env,
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    assert data[0]["name"] == "ObjectInUse"
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import errlookup.catalog as c; print(c.bundled_dir())"],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return where.stdout.strip()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (found,) = out.glob("errlookup-*.whl")
    return found


def test_wheel_carries_the_catalogues(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for source in ("salto", "rev23", "imiconnect", "voipnow", "askia", "schema"):
        assert f"errlookup/catalogs/{source}.json" in names
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_install_answers_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    bin_dir = _venv(tmp_path / "venv")
    _pip(bin_dir, str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bundled = _answers_7302(bin_dir, elsewhere)
    assert bundled.startswith(str(tmp_path / "venv")), bundled


def test_editable_install_answers_from_another_folder(tmp_path: Path) -> None:
    bin_dir = _venv(tmp_path / "venv")
    _pip(bin_dir, "-e", str(ROOT))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert _answers_7302(bin_dir, elsewhere) == str(ROOT / "catalogs")
