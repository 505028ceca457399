"""Hot reload: edit, break and fix the files of a copied knowledge base while LiveKnowledge serves it."""
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import create_app, get_engine
from bot.cli import main
from bot.live import LiveKnowledge

FIXTURE = Path(__file__).parent / "fixtures" / "kbtools_kb"
QUESTION = "海事局电话多少"
DAY = dt.date(2026, 11, 26)


@pytest.fixture
def kb(tmp_path):
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE, target)
    return target


def contacts(kb) -> Path:
    return kb / "03-contacts.yaml"


def replace(path: Path, old: str, new: str, keep_mtime: bool = False) -> None:
    """Edit a file in place; ``keep_mtime`` puts the old timestamps back, as on a coarse-clock filesystem."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if keep_mtime:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def answer(live: LiveKnowledge) -> str:
    d = live.engine().decide(QUESTION, DAY)
    assert d.action == "answer" and d.faq_id == "contact-hotline", d
    return d.reply


def test_edited_answer_is_served(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    assert "400-80-12395" in answer(live)
    replace(contacts(kb), "400-80-12395（工作时间）", "400-80-12395（7×24小时）")
    assert "7×24小时" in answer(live)
    assert live.last_error is None


def test_same_size_edit_within_one_timestamp_tick_is_noticed(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    size = contacts(kb).stat().st_size
    replace(contacts(kb), "400-80-12395（工作时间）", "400-80-12396（工作时间）", keep_mtime=True)
    assert contacts(kb).stat().st_size == size
    assert "400-80-12396" in answer(live)


def test_new_file_is_picked_up(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    (kb / "04-yachts.yaml").write_text(
        "category: 游艇\nfaqs:\n  - id: yacht-licence\n    question: 游艇驾驶证怎么考？\n"
        "    alternates: [游艇驾照怎么考]\n    answer: 游艇驾驶证考试请向所在地海事管理机构报名。\n",
        encoding="utf-8",
    )
    d = live.engine().decide("游艇驾照怎么考", DAY)
    assert (d.action, d.faq_id) == ("answer", "yacht-licence")


def test_broken_file_keeps_the_last_good_one_until_fixed(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)

    replace(contacts(kb), "  - id: contact-hours\n    question:", "  - id: contact-hours\n   question:")
    assert answer(live) == good, "the last good knowledge base keeps serving"
    error = live.last_error
    assert error is not None and error.path == str(contacts(kb))
    bad_line = next(n for n, line in enumerate(contacts(kb).read_text(encoding="utf-8").splitlines(), 1)
                    if line.startswith("   question:"))
    assert error.line == bad_line
    assert "YAML格式错误" in error.message

    check = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert check.exit_code == 1
    assert f"{contacts(kb)}:{bad_line}: 错误: YAML格式错误" in check.output

    assert live.reload_if_changed() is False, "no new attempt while nothing changed"

    replace(contacts(kb), "  - id: contact-hours\n   question:", "  - id: contact-hours\n    question:")
    replace(contacts(kb), "（工作时间）", "（工作日）")
    assert "（工作日）" in answer(live)
    assert live.last_error is None


def test_failed_reload_is_retried_when_the_file_changes_again(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    replace(contacts(kb), "id: contact-hours", "id: Contact Hours")
    live.engine()
    assert "格式不对" in live.last_error.message
    # Still broken, differently: the new problem is reported.
    replace(contacts(kb), "id: Contact Hours", "id: contact-hotline")
    live.engine()
    assert "重复" in live.last_error.message
    replace(contacts(kb), "id: contact-hotline\n    question: 海事局办事大厅", "id: contact-hours\n    question: 海事局办事大厅")
    assert live.reload_if_changed() is True
    assert live.last_error is None


def test_checks_wait_for_reload_check_seconds(kb):
    live = LiveKnowledge(str(kb), check_seconds=3600)
    good = answer(live)
    replace(contacts(kb), "（工作时间）", "（工作日）")
    assert answer(live) == good, "not checked again within the hour"
    assert live.reload_if_changed() is True
    assert "（工作日）" in answer(live)


def test_removed_folder_keeps_serving_and_says_why(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    shutil.rmtree(kb)
    assert answer(live) == good
    assert "知识库目录无法读取" in live.last_error.message


def test_the_app_serves_the_reloaded_knowledge(kb, tmp_path):
    app = create_app({"BOT_KNOWLEDGE_DIR": str(kb), "BOT_DATABASE": str(tmp_path / "bot.db"),
                      "RELOAD_CHECK_SECONDS": 0.0, "TESTING": True})
    with app.app_context():
        assert "（工作时间）" in get_engine().decide(QUESTION, DAY).reply
    replace(contacts(kb), "（工作时间）", "（工作日）")
    with app.app_context():
        assert "（工作日）" in get_engine().decide(QUESTION, DAY).reply
