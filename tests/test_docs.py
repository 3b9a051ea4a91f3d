"""The README opens with the run and test commands; docs/cli.md matches ``--help``; every command has help."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest

from cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RUN_COMMAND = 'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && policykg demo'
TEST_COMMAND = "python -m pytest -q"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli_reference", ROOT / "docs" / "gen_cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main, info_name="policykg")
    return [
        (name, cmd) for name in main.list_commands(ctx) if (cmd := main.get_command(ctx, name)) is not None
    ]


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert first_block is not None
    assert text.index("```") < text.index("\n## "), "the commands come before the first section"
    assert first_block.group(1).splitlines() == [RUN_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(TEST_COMMAND)}$", script, re.MULTILINE)


def test_cli_reference_is_up_to_date() -> None:
    generator = load_generator()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == generator.reference(), "docs/cli.md is stale: run python docs/gen_cli_reference.py"


@pytest.mark.parametrize(("name", "command"), commands())
def test_every_command_has_help_and_is_documented(name: str, command: click.Command) -> None:
    assert command.help and command.get_short_help_str().strip()
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"{name} {param.opts[0]} has no help"
    assert f"## policykg {name}\n" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"policykg {name}" in README.read_text(encoding="utf-8")
