"""``python -m bot ask``: the single-question form and the ``--jsonl`` format that scripts rely on."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.matching import ACTIONS, Engine
from bot.kb.loader import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KB = ROOT / "tests" / "fixtures" / "engine_kb"
KEYS = {"query", "action", "faq_id", "candidates", "score", "reply"}

# (input line, expected action, or None where the engine's matching decides and any action will do)
LINES = [
    ("海船适任证书快到期了，怎么办理再有效？", "answer"),
    ("适任证书", None),
    ("海员证", None),
    ("救命 有人落水了", "emergency"),
    ("你好", "smalltalk"),
    ("转人工", "handoff"),
    ("", "smalltalk"),
    ("   ", "smalltalk"),
    ("[微笑]😀", None),
    ("你们食堂几点开饭", "handoff"),
    ("船員證書遺失了怎麼辦", None),
    ("谢谢", "smalltalk"),
    ("你们海事的人态度太差了", "complaint"),
    ("我要曝光你们", "opinion"),
]


def ask_jsonl(lines_text: str, at: str = "2026-11-26", kb=FIXTURE_KB) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--kb", str(kb), "--jsonl", "--at", at],
        input=lines_text.encode("utf-8"), capture_output=True, cwd=ROOT, timeout=120,
    )


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(FIXTURE_KB)


@pytest.fixture(scope="module")
def jsonl_run():
    return ask_jsonl("".join(q + "\n" for q, _ in LINES))


def records(proc) -> list:
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")
    assert out.endswith("\n")
    return [json.loads(line) for line in out.split("\n")[:-1]]


def test_one_json_object_per_input_line_in_order(jsonl_run):
    recs = records(jsonl_run)
    assert len(recs) == len(LINES)
    assert [r["query"] for r in recs] == [q for q, _ in LINES]
    for rec, (q, expected) in zip(recs, LINES):
        assert isinstance(rec, dict)
        if expected:
            assert rec["action"] == expected, (q, rec)


def test_the_run_covers_every_action(jsonl_run):
    """So that the per-action checks below are exercised (the bare topics are expected to get a clarify list)."""
    assert {r["action"] for r in records(jsonl_run)} == set(ACTIONS)


def test_record_keys_and_types(jsonl_run, kb):
    for rec in records(jsonl_run):
        assert set(rec) == KEYS, rec
        assert isinstance(rec["query"], str)
        assert rec["action"] in ACTIONS
        assert rec["faq_id"] is None or rec["faq_id"] in kb.by_id
        assert isinstance(rec["candidates"], list)
        assert all(isinstance(c, str) and c in kb.by_id for c in rec["candidates"])
        assert isinstance(rec["score"], (int, float)) and not isinstance(rec["score"], bool)
        assert 0 <= rec["score"] <= 100
        assert isinstance(rec["reply"], str) and rec["reply"].strip()


def test_faq_id_and_candidates_agree_with_the_action(jsonl_run):
    for rec in records(jsonl_run):
        if rec["action"] == "answer":
            assert rec["faq_id"] and rec["candidates"][0] == rec["faq_id"], rec
        elif rec["action"] == "clarify":
            assert len(rec["candidates"]) >= 2, rec
            assert rec["faq_id"] == rec["candidates"][0], rec
        else:
            assert rec["faq_id"] is None, rec


def test_chinese_is_not_escaped(jsonl_run):
    out = jsonl_run.stdout.decode("utf-8")
    assert "\\u" not in out
    assert "海员证" in out and "12395" in out


def test_same_decisions_as_the_library(jsonl_run, kb):
    engine = Engine(kb)
    day = dt.date(2026, 11, 26)
    for rec in records(jsonl_run):
        assert rec == engine.decide(rec["query"], day).to_json()


def test_last_line_without_newline_and_crlf():
    recs = records(ask_jsonl("海员证怎么申请办理？\r\n你好\r\n救命"))
    assert [r["query"] for r in recs] == ["海员证怎么申请办理？", "你好", "救命"]
    assert [r["action"] for r in recs] == ["answer", "smalltalk", "emergency"]


def test_empty_input_gives_no_output():
    proc = ask_jsonl("")
    assert proc.returncode == 0
    assert proc.stdout == b""


@pytest.mark.parametrize("at, dredging, dragon_boat", [
    ("2026-11-26", "notice-dredging-2026", None),
    ("2026-06-15", None, "notice-dragon-boat-2026"),
    ("2027-01-01", None, None),
])
def test_jsonl_answers_as_of_the_at_date(at, dredging, dragon_boat):
    recs = records(ask_jsonl("丹徒直水道疏浚施工到什么时候\n端午龙舟赛水域临时交通管制通告\n", at=at))
    for rec, expected, notice in zip(recs, (dredging, dragon_boat), ("notice-dredging-2026", "notice-dragon-boat-2026")):
        if expected:
            assert (rec["action"], rec["faq_id"]) == ("answer", expected), rec
        else:
            assert rec["faq_id"] != notice and notice not in rec["candidates"], rec


def test_bad_at_date_is_refused():
    proc = ask_jsonl("你好\n", at="2026-13-01")
    assert proc.returncode != 0
    assert b"YYYY-MM-DD" in proc.stderr
    assert proc.stdout == b""


# ---- single question -----------------------------------------------------------

def test_single_question_prints_the_reply(kb):
    result = CliRunner().invoke(main, ["ask", "海员证怎么申请办理？", "--kb", str(FIXTURE_KB), "--at", "2026-11-26"])
    assert result.exit_code == 0, result.output
    expected = Engine(kb).decide("海员证怎么申请办理？", dt.date(2026, 11, 26)).reply
    assert result.output == expected + "\n"


def test_single_question_debug_shows_the_decision():
    result = CliRunner().invoke(
        main, ["ask", "海员证怎么申请办理？", "--kb", str(FIXTURE_KB), "--at", "2026-11-26", "--debug"]
    )
    assert result.exit_code == 0, result.output
    assert "action: answer" in result.output
    assert "seapass-apply" in result.output


def test_broken_knowledge_base_is_a_clear_error(tmp_path):
    bad = tmp_path / "10-bad.yaml"
    bad.write_text("category: 测试\nfaqs:\n  - id: bad\n    question: 海员证\n    answr: 见指南\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "海员证", "--kb", str(tmp_path)],
        capture_output=True, cwd=ROOT, timeout=120,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1
    assert f"{bad}:5" in err
    assert "answer" in err
    assert "Traceback" not in err
