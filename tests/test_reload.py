"""Hot reload: edit, break and fix the files of a copied knowledge base while LiveKnowledge serves it."""
import datetime as dt
import errno
import logging
import os
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import create_app, get_engine
from bot.cli import main
from bot.kb.live import LiveKnowledge
from db_support import database_for

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
    app = create_app({"BOT_KNOWLEDGE_DIR": str(kb), "BOT_DATABASE": database_for(tmp_path),
                      "RELOAD_CHECK_SECONDS": 0.0, "TESTING": True})
    with app.app_context():
        assert "（工作时间）" in get_engine().decide(QUESTION, DAY).reply
    replace(contacts(kb), "（工作时间）", "（工作日）")
    with app.app_context():
        assert "（工作日）" in get_engine().decide(QUESTION, DAY).reply


# ---- whatever is wrong with a file, the last good knowledge keeps serving ----------------------------------


def test_non_utf8_dictionary_keeps_the_last_good_one_and_names_the_line(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    dictionary = kb / "dictionary.txt"
    dictionary.write_bytes("适任证书 2000 n\n海员证\n".encode("utf-8") + "服务簿 500 n\n".encode("gbk"))

    assert answer(live) == good, "the message that triggers the reload is answered by the last good one"
    error = live.last_error
    assert (error.path, error.line) == (str(dictionary), 3)
    assert "UTF-8" in error.message

    check = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert check.exit_code == 1
    assert f"{dictionary}:3: 错误: 文件不是UTF-8编码" in check.output
    assert isinstance(check.exception, SystemExit), "an exit code, not a traceback"

    dictionary.write_text("适任证书 2000 n\n海员证\n服务簿 500 n\n", encoding="utf-8")
    assert live.reload_if_changed() is True
    assert live.last_error is None


def test_binary_blob_named_yaml_keeps_serving(kb):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    blob = kb / "04-blob.yaml"
    blob.write_bytes(random.Random(10).randbytes(4096))
    assert answer(live) == good
    assert live.last_error.path == str(blob) and live.last_error.line
    check = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert check.exit_code == 1
    assert f"{blob}:{live.last_error.line}: 错误: 文件不是UTF-8编码" in check.output


@pytest.mark.parametrize("code, words", [(errno.ENOENT, "不见了"), (errno.EACCES, "没有权限")], ids=["gone", "refused"])
def test_file_gone_or_refused_between_listing_and_reading_keeps_serving(kb, monkeypatch, code, words):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    real = Path.read_bytes
    refused = []

    def read_bytes(self):
        # The fingerprint reads the file; the loader's read, just after, fails (replaced by an editor, or locked).
        if self.name == contacts(kb).name and len(refused) < 2:
            refused.append(self)
            if len(refused) == 2:
                raise OSError(code, os.strerror(code), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    replace(contacts(kb), "（工作时间）", "（工作日）")
    assert answer(live) == good
    assert (live.last_error.path, live.last_error.line) == (str(contacts(kb)), None)
    assert words in live.last_error.message

    replace(contacts(kb), "（工作日）", "（工作日全天）")
    assert "（工作日全天）" in answer(live), "the next change loads again"
    assert live.last_error is None


def test_unreadable_file_is_a_change_the_loader_explains(kb, monkeypatch):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == contacts(kb).name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert answer(live) == good
    assert live.last_error.path == str(contacts(kb)) and "没有权限" in live.last_error.message
    monkeypatch.undo()
    assert live.reload_if_changed() is True, "readable again: a change"
    assert live.last_error is None


def test_unreadable_folder_is_logged_once_and_its_return_reloads(kb, caplog):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)
    saved = kb.with_name("saved")
    kb.rename(saved)
    with caplog.at_level(logging.ERROR, logger="bot.kb.live"):
        for _ in range(3):
            assert answer(live) == good
    assert len(caplog.records) == 1, "said once, not at every check"
    assert live.last_error.path == str(kb) and "知识库目录无法读取" in live.last_error.message
    saved.rename(kb)
    assert live.reload_if_changed() is True
    assert live.last_error is None


def test_unexpected_error_while_loading_keeps_serving_and_logs_a_traceback(kb, monkeypatch, caplog):
    live = LiveKnowledge(str(kb), check_seconds=0)
    good = answer(live)

    def broken(directory):
        raise ValueError("a bug in loading")

    monkeypatch.setattr("bot.kb.live.load_knowledge", broken)
    replace(contacts(kb), "（工作时间）", "（工作日）")
    with caplog.at_level(logging.ERROR, logger="bot.kb.live"):
        assert answer(live) == good
    error = live.last_error
    assert error.path == str(kb) and error.line is None
    assert "ValueError" in error.message and "a bug in loading" in error.message
    [record] = caplog.records
    assert record.exc_info and record.exc_info[0] is ValueError
    assert str(kb) in record.getMessage()

    monkeypatch.undo()
    replace(contacts(kb), "（工作日）", "（工作日全天）")
    assert "（工作日全天）" in answer(live)


def test_the_app_answers_while_a_broken_file_is_reloaded(kb, tmp_path):
    app = create_app({"BOT_KNOWLEDGE_DIR": str(kb), "BOT_DATABASE": database_for(tmp_path),
                      "RELOAD_CHECK_SECONDS": 0.0, "TESTING": True})
    (kb / "dictionary.txt").write_bytes("服务簿 500 n\n".encode("gbk"))
    with app.app_context():
        assert "400-80-12395" in get_engine().decide(QUESTION, DAY).reply
