"""The README documents every setting and every command (staff and operators read it, not the code)."""
from dataclasses import fields
from pathlib import Path

import click

from bot.cli import main
from bot.config import Config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
TEST_ONLY = {"TESTING"}


def test_every_setting_is_in_the_readme():
    missing = [f.name for f in fields(Config) if f.name not in TEST_ONLY and f"`{f.name}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def _commands(group, prefix=""):
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from _commands(command, path + " ")
        else:
            yield path


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands(main) if f"python -m bot {c}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_the_readme_starts_with_the_run_and_test_commands():
    head = README.split("## ")[0]
    assert "pip install -r requirements.txt && python app.py" in head
    assert "pip install -r requirements.txt && python -m pytest -q" in head
