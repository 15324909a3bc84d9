"""The README shows what the program really prints, and every command is documented."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
from conftest import ROOT, subprocess_env

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_blocks() -> list[tuple[str, str]]:
    """(command, output) of every ```console block that runs errlookup."""
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ "), block
        blocks.append((command[2:], output))
    return blocks


@pytest.mark.parametrize(("command", "output"), console_blocks(), ids=lambda v: v[:40])
def test_readme_examples_are_real_output(command: str, output: str, tmp_path) -> None:
    shell = command.replace("errlookup", f"{shlex.quote(sys.executable)} -m errlookup")
    env = subprocess_env(HOME=str(tmp_path), ERRLOOKUP_DATA_DIR=str(tmp_path / "d"), COLUMNS="80")
    result = subprocess.run(["bash", "-c", shell + " 2>&1"], capture_output=True, text=True, env=env, timeout=60)
    got = [line.rstrip() for line in result.stdout.splitlines()]
    assert got == [line.rstrip() for line in output.splitlines()]


def test_the_two_commands_open_the_readme_and_ci_runs_the_second() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)[:2]
    assert "pip install" in commands[0] and "errlookup 7302" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert README.index(commands[0]) < README.index("## What it does")


def test_every_command_is_documented_with_an_example() -> None:
    from typer.main import get_command

    from errlookup.cli import app

    def walk(group, prefix):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, f"{prefix} {name}")
            else:
                yield f"{prefix} {name}", command

    for path, command in walk(get_command(app), "errlookup"):
        assert path in README or path == "errlookup lookup", path
        assert command.help and "Example:" in command.help, path


def test_the_catalogue_example_in_the_readme_is_valid() -> None:
    import json

    from errlookup.catalog import problems

    example = re.search(r"```json\n(\{.*?\n\})\n```", README, flags=re.S)
    assert example, "the README shows a catalogue"
    assert problems(json.loads(example.group(1))) == []
