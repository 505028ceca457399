"""The knowledge base we ship: `kb check` finds no error and `kb test` passes every FAQ's examples.

CI runs the README's test command, so this is where CI runs both curator checks on knowledge/."""
from click.testing import CliRunner

from bot.cli import main


def test_kb_check_is_clean_on_the_bundled_knowledge():
    result = CliRunner().invoke(main, ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "0 个错误" in result.output


def test_kb_test_passes_on_the_bundled_knowledge():
    result = CliRunner().invoke(main, ["kb", "test"])
    assert result.exit_code == 0, result.output
    assert "失败 0" in result.output
