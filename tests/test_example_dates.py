"""Example notices date themselves relative to the day the knowledge base is loaded for (``valid_from: -12d``), so a
fresh install serves them and ``kb check`` never finds them expired; a real notice keeps real dates."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.clock import moved, today_local
from bot.errors import KnowledgeError
from bot.kb.loader import bundled_knowledge_dir, collect_knowledge, load_knowledge
from bot.matching import Engine

DAY = dt.date(2027, 3, 10)

NOTICES = """\
category: 航行通告
faqs:
  - id: notice-sample-now
    question: 焦山水道测量作业（示例通告）
    alternates: [焦山水道测量作业通告]
    answer: （示例，非真实通告）{valid_from}至{valid_until}，焦山水道测量作业。
    source: 示例
    example: true
    valid_from: -12d
    valid_until: +45d
  - id: notice-sample-soon
    question: 和畅洲疏浚施工（示例通告）
    alternates: [和畅洲疏浚施工通告]
    answer: （示例，非真实通告）和畅洲疏浚施工，自{valid_from}起。
    source: 示例
    example: true
    valid_from: +3d
    valid_until: +30d
"""


def write(tmp_path, text=NOTICES):
    (tmp_path / "notices.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_offsets_count_from_the_day_loaded_for(tmp_path):
    kb = load_knowledge(write(tmp_path), DAY)
    now, soon = kb.by_id["notice-sample-now"], kb.by_id["notice-sample-soon"]
    assert (now.valid_from, now.valid_until) == (dt.date(2027, 2, 26), dt.date(2027, 4, 24))
    assert (soon.valid_from, soon.valid_until) == (dt.date(2027, 3, 13), dt.date(2027, 4, 9))
    assert now.active(DAY) and not soon.active(DAY) and soon.active(DAY + dt.timedelta(days=3))


def test_the_default_day_is_today_in_shanghai(tmp_path):
    kb = load_knowledge(write(tmp_path))
    assert kb.by_id["notice-sample-now"].valid_from == today_local() - dt.timedelta(days=12)


def test_the_answer_names_the_resolved_dates(tmp_path):
    kb = load_knowledge(write(tmp_path), DAY)
    assert kb.by_id["notice-sample-now"].answer == "（示例，非真实通告）2027年2月26日至2027年4月24日，焦山水道测量作业。"
    assert kb.by_id["notice-sample-soon"].answer.endswith("自2027年3月13日起。")


def test_a_loaded_knowledge_base_keeps_its_dates_while_the_days_pass(tmp_path):
    """Loaded once (a server started today), the upcoming example becomes active three days later: a notice whose
    valid_from day arrives, as a subscriber would be told."""
    engine = Engine(load_knowledge(write(tmp_path)))
    with moved(dt.timedelta(days=3)):
        later = today_local()
    assert engine.decide("和畅洲疏浚施工通告").action != "answer"
    d = engine.decide("和畅洲疏浚施工通告", later)
    assert (d.action, d.faq_id) == ("answer", "notice-sample-soon")


def test_a_real_notice_may_not_use_an_offset(tmp_path):
    kb = write(tmp_path, NOTICES.replace("    example: true\n    valid_from: -12d", "    valid_from: -12d", 1))
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    assert e.value.line == line_of(kb / "notices.yaml", "valid_from: -12d")
    assert "只有示例（example: true）可以这样写" in e.value.message and "具体日期" in e.value.hint


@pytest.mark.parametrize("value", ["12d", "+3天", "+3 d", "+3w", "三天后"])
def test_other_date_text_is_an_error_that_shows_both_forms(tmp_path, value):
    kb, errors = collect_knowledge(write(tmp_path, NOTICES.replace("valid_until: +45d", f"valid_until: {value}")), DAY)
    if value == "12d":  # a sign is optional: 12d is twelve days after
        assert not errors and kb.by_id["notice-sample-now"].valid_until == DAY + dt.timedelta(days=12)
        return
    assert [e.line for e in errors] == [line_of(tmp_path / "notices.yaml", f"valid_until: {value}")]
    assert "YYYY-MM-DD" in errors[0].hint and "+3d" in errors[0].hint


@pytest.mark.parametrize("at", ["2026-11-26", "2027-12-01", "2031-06-30"])
def test_kb_check_on_any_day_finds_no_expired_example(tmp_path, at):
    result = CliRunner().invoke(main, ["kb", "check", str(write(tmp_path)), "--at", at])
    assert result.exit_code == 0, result.output
    assert "过期" not in result.output and "：0 个错误，0 个警告" in result.output, result.output


def test_ask_at_a_day_answers_the_example_active_that_day(tmp_path):
    result = CliRunner().invoke(main, ["ask", "焦山水道测量作业通告", "--kb", str(write(tmp_path)), "--at", "2030-01-05"])
    assert result.exit_code == 0, result.output
    assert "2029年12月24日至2030年2月19日" in result.output


def test_a_fresh_install_serves_the_bundled_example_notices_today():
    kb = load_knowledge(bundled_knowledge_dir())
    examples = [f for f in kb.faqs if f.example and f.dated]
    assert examples and all(f.active(today_local()) for f in examples)
    listing = Engine(kb).decide("最新的航行通告在哪里看")
    assert listing.faq_id == "notice-where-check"
    assert all(f.question in listing.reply for f in examples)
    assert all("{valid_" not in f.answer for f in kb.faqs)
