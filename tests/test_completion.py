"""Shell completion: the committed scripts, both answering paths, and the real shells."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, subprocess_env

from errlookup import complete
from errlookup.entry import completion_script

SCRIPTS = {"bash": "errlookup.bash", "zsh": "_errlookup", "fish": "errlookup.fish"}


@pytest.mark.parametrize("shell", sorted(SCRIPTS))
def test_committed_scripts_are_generated_from_the_app(shell: str) -> None:
    assert (ROOT / "completions" / SCRIPTS[shell]).read_text(encoding="utf-8") == completion_script(shell)


def test_command_and_option_tables_match_the_typer_app() -> None:
    from typer.main import get_command

    from errlookup.cli import app

    group = get_command(app)
    assert set(group.commands) == set(complete.COMMANDS)
    for name, command in group.commands.items():
        if name in complete.OPTIONS:
            declared = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts) if opt.startswith("-")}
            assert declared | {"--help", "-h"} == set(complete.OPTIONS[name]), name
            takes_value = {o for p in command.params if not getattr(p, "is_flag", False) for o in p.opts}
            assert {o for o in complete.OPTIONS[name] if o in complete.VALUE_OPTIONS} == {
                o for o in takes_value if o.startswith("-")
            }, name


def request(mode: str, line: str, fast: bool, **extra: str) -> subprocess.CompletedProcess:
    env = subprocess_env(_ERRLOOKUP_COMPLETE=f"complete_{mode}", **extra)
    if mode == "bash":
        words = line.split(" ")
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
    if not fast:
        env["ERRLOOKUP_NO_FAST_PATH"] = "1"
    return subprocess.run([sys.executable, "-m", "errlookup"], env=env, capture_output=True, text=True, timeout=60)


CASES = [
    ("bash", "errlookup 730"),
    ("bash", "errlookup expired_t"),
    ("bash", "errlookup objectin"),
    ("bash", "errlookup sc"),
    ("bash", "errlookup --source ask"),
    ("bash", "errlookup lookup -s rev"),
    ("bash", "errlookup scan --"),
    ("bash", "errlookup scan "),
    ("bash", "errlookup search --"),
    ("zsh", "errlookup 730"),
    ("zsh", "errlookup QuotaL"),
    ("zsh", "errlookup scan "),
    ("zsh", "errlookup askia:10"),
    ("fish", "errlookup 730"),
    ("fish", "errlookup --source "),
]


@pytest.mark.parametrize(("mode", "line"), CASES)
def test_fast_path_answers_exactly_like_typer(mode: str, line: str) -> None:
    extra = {"_TYPER_COMPLETE_FISH_ACTION": "get-args"} if mode == "fish" else {}
    fast, slow = request(mode, line, True, **extra), request(mode, line, False, **extra)
    assert (fast.stdout, fast.returncode) == (slow.stdout, slow.returncode)
    assert fast.stderr == "" and slow.stderr == ""


def test_what_completes() -> None:
    assert "7302" in request("bash", "errlookup 730", True).stdout.split()
    assert request("bash", "errlookup OBJECTIN", True).stdout.split() == ["ObjectInUse"]
    assert request("bash", "errlookup --source ask", True).stdout.split() == ["askia"]
    assert request("bash", "errlookup scan ", True).stdout.strip() == ""  # bash then offers file names
    zsh = request("zsh", "errlookup 730", True).stdout
    assert '"7302":"imiconnect - Rate limit exceeded"' in zsh
    fish = request("fish", "errlookup 730", True, _TYPER_COMPLETE_FISH_ACTION="get-args").stdout
    assert "7302\timiconnect - Rate limit exceeded" in fish.splitlines()
    assert request("fish", "errlookup scan ", True, _TYPER_COMPLETE_FISH_ACTION="is-args").returncode == 1


def test_user_catalogue_ids_and_codes_complete(tmp_path: Path) -> None:
    folder = tmp_path / "cats"
    folder.mkdir()
    doc = {"id": "acme", "name": "Acme", "entries": [{"code": "card_declined", "message": "Declined"}]}
    (folder / "acme.json").write_text(json.dumps(doc), encoding="utf-8")
    extra = {"ERRLOOKUP_CATALOGS": str(folder)}
    assert request("bash", "errlookup -s ac", True, **extra).stdout.split() == ["acme"]
    assert request("bash", "errlookup card_", True, **extra).stdout.split() == ["card_declined"]


# ------------------------------------------------------------------ real shells


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    """An `errlookup` on PATH that runs this checkout's code with this interpreter."""
    folder = tmp_path / "bin"
    folder.mkdir()
    launcher = folder / "errlookup"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m errlookup "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return folder


def shell_env(bin_dir: Path, home: Path) -> dict[str, str]:
    return subprocess_env(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", HOME=str(home),
                          PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(home / ".config"))  # fmt: skip


def test_bash_completion_function(bin_dir: Path, tmp_path: Path) -> None:
    script = f"""
        source {ROOT / "completions" / "errlookup.bash"}
        COMP_WORDS=(errlookup 730); COMP_CWORD=1
        _errlookup_completion errlookup
        printf '%s\\n' "${{COMPREPLY[@]}}"
        complete -p errlookup
    """
    out = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True,
                         env=shell_env(bin_dir, tmp_path), timeout=60).stdout.splitlines()  # fmt: skip
    assert "7302" in out
    assert out[-1] == "complete -o default -F _errlookup_completion errlookup"


def test_fish_complete_command(bin_dir: Path, tmp_path: Path) -> None:
    fish = shutil.which("fish")
    assert fish, "fish is installed by scripts/test-deps"
    script = f"source {ROOT / 'completions' / 'errlookup.fish'}; complete -C 'errlookup 730'; complete -C 'errlookup --source sal'"
    out = subprocess.run([fish, "--no-config", "-c", script], capture_output=True, text=True,
                         env=shell_env(bin_dir, tmp_path), timeout=60).stdout.splitlines()  # fmt: skip
    assert "7302\timiconnect - Rate limit exceeded" in out
    assert any(line.startswith("salto") for line in out)


def test_zsh_completion_function(bin_dir: Path, tmp_path: Path) -> None:
    zsh = shutil.which("zsh")
    assert zsh, "zsh is installed by scripts/test-deps"
    # the real function, run by zsh's completion system; _arguments and _files are
    # replaced by stand-ins that print what zsh was asked to offer
    script = f"""
        autoload -U compinit; compinit -u -D 2>/dev/null
        source {ROOT / "completions" / "_errlookup"}
        _arguments() {{ print -r -- "$@" }}
        _files() {{ print -r -- FILES }}
        words=(errlookup 730); CURRENT=2; _errlookup_completion
        words=(errlookup scan ''); CURRENT=3; _errlookup_completion
    """
    out = subprocess.run([zsh, "-f", "-c", script], capture_output=True, text=True,
                         env=shell_env(bin_dir, tmp_path), timeout=60).stdout  # fmt: skip
    assert '"7302":"imiconnect - Rate limit exceeded"' in out
    assert out.rstrip().endswith("FILES")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_honours_the_shell_named(shell: str) -> None:
    out = subprocess.run([sys.executable, "-m", "errlookup", "--show-completion", shell], capture_output=True,
                         text=True, env=subprocess_env(), timeout=60)  # fmt: skip
    assert out.returncode == 0
    assert out.stdout == completion_script(shell)


def test_install_completion_writes_where_the_shell_looks(tmp_path: Path) -> None:
    env = subprocess_env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"))
    out = subprocess.run([sys.executable, "-m", "errlookup", "--install-completion", "fish"], capture_output=True,
                         text=True, env=env, timeout=60)  # fmt: skip
    assert out.returncode == 0, out.stderr
    installed = tmp_path / ".config" / "fish" / "completions" / "errlookup.fish"
    assert installed.read_text(encoding="utf-8").strip() == completion_script("fish").strip()


def test_wheel_puts_the_scripts_where_shells_look(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)  # fmt: skip
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for path in ("share/bash-completion/completions/errlookup", "share/zsh/site-functions/_errlookup",
                 "share/fish/vendor_completions.d/errlookup.fish"):  # fmt: skip
        assert any(n.endswith(".data/data/" + path) for n in names), path


def test_zsh_in_a_pseudo_terminal_lists_codes_with_their_meaning(bin_dir: Path, tmp_path: Path) -> None:
    """A real interactive zsh, TAB pressed after `errlookup 730`, as a person would."""
    import pty
    import select
    import time

    zsh = shutil.which("zsh")
    assert zsh, "zsh is installed by scripts/test-deps"
    (tmp_path / ".zshrc").write_text(
        f"fpath=({ROOT / 'completions'} $fpath)\nautoload -U compinit; compinit -u -D\nPS1='READY> '\n",
        encoding="utf-8",
    )
    env = {**shell_env(bin_dir, tmp_path), "ZDOTDIR": str(tmp_path), "TERM": "xterm"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: an interactive zsh on the pseudo-terminal
        os.execvpe(zsh, [zsh, "-i"], env)

    def read_until(marker: bytes, seconds: float = 30.0) -> bytes:
        seen = b""
        deadline = time.monotonic() + seconds
        while marker not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
        return seen

    try:
        assert b"READY> " in read_until(b"READY> ")
        os.write(fd, b"errlookup 730\t")
        screen = read_until(b"Rate limit exceeded", 3)
        if b"Rate limit exceeded" not in screen:
            os.write(fd, b"\t")  # the first TAB may only load the completion function
            screen += read_until(b"Rate limit exceeded")
        text = screen.decode("utf-8", "replace")
        assert "7302  -- imiconnect - Rate limit exceeded" in text
        assert "7301  -- imiconnect - Message expired" in text
    finally:
        os.write(fd, b"\x03exit\n")
        os.close(fd)
        os.waitpid(pid, 0)
