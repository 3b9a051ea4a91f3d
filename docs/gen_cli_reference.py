"""Write docs/cli.md, the CLI reference, from the ``--help`` of every policykg command.

Run ``python docs/gen_cli_reference.py`` after changing a command; ``tests/test_docs.py``
fails while docs/cli.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli import main

REFERENCE = Path(__file__).with_name("cli.md")
WIDTH = 100
"""Terminal width the help is formatted for (the group caps its help at 100 columns too)."""

HEADER = """# policykg command reference

Generated from `--help` by `python docs/gen_cli_reference.py`; do not edit by hand.

"""


def reference() -> str:
    """The whole reference as Markdown: the group's help, then each command's."""
    root = click.Context(main, info_name="policykg", terminal_width=WIDTH, **main.context_settings)
    parts = [HEADER, "## policykg\n\n```\n" + main.get_help(root) + "\n```\n"]
    for name in main.list_commands(root):
        command = main.get_command(root, name)
        if command is None or command.hidden:
            continue
        ctx = click.Context(
            command, info_name=name, parent=root, terminal_width=WIDTH, max_content_width=WIDTH
        )
        parts.append(f"\n## policykg {name}\n\n```\n" + command.get_help(ctx) + "\n```\n")
    return "".join(parts)


def main_script() -> int:
    text = reference()
    if "--check" in sys.argv[1:]:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
        return 0 if current == text else 1
    REFERENCE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main_script())
