"""Importing the package and asking the CLI for help stay light: nothing heavy loads until it is used."""
import subprocess
import sys

HEAVY = ("flask", "jieba", "opencc", "pypinyin", "rapidfuzz", "sqlite_utils", "wechatpy")


def loaded_after(code: str) -> list:
    probe = f"{code}\nimport sys\nprint('LOADED:', *[m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1].split()[1:]


def test_import_bot_loads_nothing_heavy():
    assert loaded_after("import bot") == []


def test_cli_help_loads_nothing_heavy():
    code = ("import sys\nfrom bot.cli import main\nsys.argv = ['bot', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert loaded_after(code) == []
