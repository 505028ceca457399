"""The knowledge base we ship: `kb check` finds no error and `kb test` passes every FAQ's examples, on any day.

CI runs the README's test command, so this is where CI runs both curator checks on knowledge/. The example notices
date themselves relative to the day checked (knowledge/README.md, notices.yaml), so a fresh install checks clean
today, a year from now, and on the day the bundled questions are evaluated at."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.clock import today_local

TODAY = today_local()
DAYS = [None, TODAY.isoformat(), (TODAY + dt.timedelta(days=365)).isoformat(),
        (TODAY + dt.timedelta(days=3 * 365 + 100)).isoformat(), "2026-11-26"]


def at(day):
    return ["--at", day] if day else []


@pytest.mark.parametrize("day", DAYS)
def test_kb_check_is_clean_on_the_bundled_knowledge(day):
    result = CliRunner().invoke(main, ["kb", "check", *at(day)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert "：0 个错误，0 个警告" in lines[-1], result.output
    # Unverified FAQs are listed apart and are not warnings (knowledge/README.md, 五、修改流程).
    assert all(": 未核实: " in line for line in lines[:-1]), result.output


@pytest.mark.parametrize("day", [None, (TODAY + dt.timedelta(days=365)).isoformat()])
def test_kb_test_passes_on_the_bundled_knowledge(day):
    result = CliRunner().invoke(main, ["kb", "test", *at(day)])
    assert result.exit_code == 0, result.output
    assert "失败 0" in result.output and "跳过 0 条FAQ" in result.output
