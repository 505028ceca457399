"""Evaluation: the figures of labelled-question evaluation, the case files, and leave-one-out over a knowledge
base's own phrasings (library and ``eval --loo``)."""
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.matching import Engine
from bot.errors import KnowledgeError
from bot.matching.evaluate import (
    evaluate, format_loo_report, format_report, held_out_phrasings, leave_one_out, load_cases, without_phrasing,
)
from bot.kb.loader import FAQ, load_knowledge

ENGINE_KB = Path(__file__).parent / "fixtures" / "engine_kb"
DAY = dt.date(2026, 11, 26)

# Phrasings that share no word, character pair or synonym with anything else in LOO_KB: only an index that
# holds them can find their FAQ.
UNRELATED = ("蝴蝶飞进葡萄园", "老槐树下的石凳", "月亮湾的灯塔几点亮")

LOO_KB = """\
category: 测试
faqs:
  - id: seapass-lost
    question: 海员证丢了怎么补办？
    alternates:
      - 海员证遗失了怎么补办
      - 海员证丢失补办要什么材料
      - 海员证不见了在哪里补办
    keywords: [海员证, 补办]
    answer: 海员证遗失的，向海事管理机构申请补发，提交申请表即可。
  - id: book-apply
    question: 船员服务簿怎么申请？
    alternates:
      - 船员服务簿在哪里申请办理
      - 第一次申请船员服务簿要什么材料
    keywords: [服务簿]
    answer: 船员服务簿可在海事一网通办提交申请，材料包括身份证明和照片。
  - id: ship-registration
    question: 船舶国籍证书到期了怎么换发？
    alternates:
      - 船舶国籍证书有效期满怎么换发
    keywords: [国籍证书]
    answer: 船舶国籍证书有效期为5年，到期前向船籍港登记机关申请换发。
  - id: vhf-channel
    question: 甚高频无线电应当守听哪个频道？
    alternates: [蝴蝶飞进葡萄园, 老槐树下的石凳]
    answer: 航行中应当在第16频道连续守听。
  - id: pilot-booking
    question: 引航怎么预约？
    alternates: [月亮湾的灯塔几点亮]
    answer: 通过引航站的预约系统提前24小时申请。
  - id: old-notice
    question: 长江口航道疏浚施工航行通告
    alternates: [月亮湾的灯塔几点亮了吗]
    answer: 施工期间船舶减速慢行。
    valid_until: 2020-01-31
  - id: hotline
    question: 海事服务热线电话是多少？
    answer: 请拨打12395。
"""


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(ENGINE_KB))


@pytest.fixture
def loo_dir(tmp_path):
    (tmp_path / "01-test.yaml").write_text(LOO_KB, encoding="utf-8")
    return tmp_path


# ---- evaluate ---------------------------------------------------------------------------------

# (question, expect, counts as top-1, counts as resolved, a wrong answer, a false alarm)
CASES = [
    ("船舶进出港报告怎么报？", "port-report", True, True, False, False),       # answered
    ("服务簿", "book-lost", False, True, False, False),                       # in the clarify list
    ("船员适任证书遗失了怎么补办？", "book-lost", False, False, True, False),   # another FAQ answered
    ("我想买一台洗衣机", "handoff", True, True, False, False),                  # out of scope, handed off
    ("海员证怎么申请办理？", "handoff", False, False, True, False),             # out of scope, answered anyway
    ("救命，有人落水了！", "emergency", True, True, False, False),              # distress caught
    ("人工", "emergency", False, False, False, False),                         # distress missed
    ("船舶进出港报告怎么报？", "normal", True, True, False, False),             # a near miss left alone
    ("救命，有人落水了！", "normal", False, False, False, True),                # a false alarm
]


def test_evaluate_counts_every_kind_of_case(engine):
    cases = [{"q": q, "expect": expect} for q, expect, *_ in CASES]
    result = evaluate(engine.decide, cases, DAY)
    rows = {(r["q"], r["expect"]): r for r in result["misses"]}
    for q, expect, top1, resolved, wrong, false_alarm in CASES:
        if top1:
            assert (q, expect) not in rows
        else:
            row = rows[(q, expect)]
            assert (row["resolved"], row["wrong"], row["false_alarm"]) == (resolved, wrong, false_alarm), row
    assert result["cases"] == 9
    assert result["top1"] == 44.4            # 4 of 9
    assert result["resolved"] == 55.6        # the 4, and the clarify list holding book-lost
    assert result["wrong"] == 22.2           # 2 of 9 (an answer to the "normal" near miss is not wrong)
    assert result["in_scope_top1"] == 33.3   # 1 of the 3 FAQ cases
    assert result["oos_handoff"] == 50.0
    assert (result["distress"], result["distress_caught"]) == (50.0, "1/2")
    assert (result["false_alarms"], result["false_alarms_count"]) == (14.3, "1/7")
    assert len(result["misses"]) == 5


def test_a_set_without_some_kind_of_case_reports_it_as_not_applicable(engine):
    result = evaluate(engine.decide, [{"q": "船舶进出港报告怎么报？", "expect": "port-report"}], DAY)
    assert (result["top1"], result["oos_handoff"], result["distress"]) == (100.0, None, None)
    report = format_report(result)
    assert "top-1 准确率: 100.0%" in report
    assert "范围外转人工 out-of-scope handed off: n/a" in report and "险情识别 distress caught: n/a" in report
    assert "None" not in report


# ---- load_cases -------------------------------------------------------------------------------

def test_load_cases_reads_questions_and_expectations_as_text(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text("- {q: 海员证丢了, expect: seapass-lost}\n- {q: 12395, expect: handoff}\n", encoding="utf-8")
    assert load_cases(path) == [{"q": "海员证丢了", "expect": "seapass-lost"}, {"q": "12395", "expect": "handoff"}]


@pytest.mark.parametrize("text", [
    "q: 海员证丢了\nexpect: seapass-lost\n",          # a mapping, not a list
    "- {q: 海员证丢了}\n",                           # no expect
    "- {expect: handoff}\n",                         # no question
    "- 海员证丢了\n",                                 # not a {q, expect} item
    "",                                              # empty file
])
def test_load_cases_rejects_a_file_that_is_not_a_list_of_cases(tmp_path, text):
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        load_cases(path)
    assert str(path) in str(e.value)


# ---- leave-one-out: the pieces ----------------------------------------------------------------

def _faq(**kw):
    return FAQ(id="a", category="c", question="海员证丢了怎么补办？", answer="去补。", **kw)


def test_held_out_phrasings_are_the_alternates_then_the_examples_each_wording_once():
    faq = _faq(alternates=("海员证遗失补办", "海员证丢了怎么补办", "海员证不见了"),
               examples=("海员证遗失补办！", "海员证被偷了"))
    # 海员证丢了怎么补办 restates the question; 海员证遗失补办！ is 海员证遗失补办 once normalised.
    assert held_out_phrasings(faq) == ["海员证遗失补办", "海员证不见了", "海员证被偷了"]


def test_without_phrasing_takes_out_every_copy_of_the_wording_and_nothing_else():
    faq = _faq(alternates=("海员证遗失补办", "海员证不见了"), examples=("海员证遗失补办！", "海员证被偷了"),
               keywords=("海员证",))
    out = without_phrasing(faq, "海员证遗失补办")
    assert out.alternates == ("海员证不见了",) and out.examples == ("海员证被偷了",)
    assert (out.question, out.keywords, out.answer) == (faq.question, faq.keywords, faq.answer)
    assert faq.alternates == ("海员证遗失补办", "海员证不见了")  # the original is untouched


# ---- leave-one-out on a knowledge base ---------------------------------------------------------

def test_leave_one_out_lists_the_faqs_whose_phrasings_do_not_find_them(loo_dir):
    result = leave_one_out(load_knowledge(loo_dir), DAY)
    assert result["method"] == "leave-one-out" and result["day"] == "2026-11-26"
    assert result["folds"] == 3 and result["faqs"] == 7 and result["faqs_tested"] == 5
    assert result["cases"] == 9  # 3 + 2 + 1 + 2 + 1: the expired notice and the FAQ without alternates add none
    ids = [f["id"] for f in result["not_found"]]
    assert ids[:2] == ["vhf-channel", "pilot-booking"]  # worst first: 2 of 2, then 1 of 1
    assert "seapass-lost" not in ids
    vhf = result["not_found"][0]
    assert (vhf["question"], vhf["phrasings"], vhf["missed"]) == ("甚高频无线电应当守听哪个频道？", 2, 2)
    assert {m["q"] for m in vhf["misses"]} == {"蝴蝶飞进葡萄园", "老槐树下的石凳"}
    assert all(m["outcome"] == "handoff" for m in vhf["misses"])
    assert result["skipped"] == ["old-notice"] and result["without_phrasings"] == ["hotline"]
    assert result["oos_handoff"] is None and result["distress"] is None
    assert result["in_scope_top1"] == result["top1"]


def test_a_held_out_phrasing_is_not_in_the_index_that_answers_it(loo_dir):
    kb = load_knowledge(loo_dir)
    # With its alternate indexed, the unrelated wording finds its FAQ by exact match ...
    for text in UNRELATED:
        d = Engine(kb).decide(text, DAY)
        assert d.action == "answer" and d.faq_id in ("vhf-channel", "pilot-booking"), (text, d.action)
    # ... under leave-one-out it cannot: the engine answering it was built without it.
    missed = {m["q"] for f in leave_one_out(kb, DAY)["not_found"] for m in f["misses"]}
    assert set(UNRELATED) <= missed


def test_each_fold_is_built_without_the_phrasings_it_asks_and_with_every_standard_question(loo_dir):
    kb = load_knowledge(loo_dir)
    asked = []

    class Recording:
        def __init__(self, fold_kb):
            self.kb, self.engine = fold_kb, Engine(fold_kb)

        def decide(self, text, day):
            assert all(text not in (*f.alternates, *f.examples) for f in self.kb.faqs), text
            assert [f.question for f in self.kb.faqs] == [f.question for f in kb.faqs]
            asked.append(text)
            return self.engine.decide(text, day)

    result = leave_one_out(kb, DAY, build=Recording)
    expected = [p for f in kb.faqs if f.active(DAY) for p in held_out_phrasings(f)]
    assert sorted(asked) == sorted(expected) and len(asked) == result["cases"]
    assert len(kb.by_id["seapass-lost"].alternates) == 3  # the knowledge base itself is untouched


def test_the_leave_one_out_report_names_what_happened_to_each_missed_phrasing(loo_dir):
    result = leave_one_out(load_knowledge(loo_dir), DAY)
    report = format_loo_report(result, loo_dir)
    assert f"用例 cases: {result['cases']}" in report and f"top-1 准确率: {result['top1']}%" in report
    assert "范围外转人工 out-of-scope handed off: n/a" in report
    assert "vhf-channel  2/2 条说法没找到本条  甚高频无线电应当守听哪个频道？" in report
    assert "“蝴蝶飞进葡萄园” → 转人工" in report
    assert "hotline" in report and "old-notice" in report


def test_the_leave_one_out_report_describes_an_other_answer_and_a_clarify_list_without_the_faq():
    result = {
        "day": "2026-11-26", "folds": 1, "faqs": 3, "faqs_tested": 1, "without_phrasings": [], "skipped": [],
        "cases": 2, "top1": 0.0, "resolved": 0.0, "wrong": 50.0, "in_scope_top1": 0.0, "oos_handoff": None,
        "distress": None, "distress_caught": "0/0", "false_alarms": 0.0, "false_alarms_count": "0/2",
        "not_found": [{"id": "a", "question": "甲？", "phrasings": 2, "missed": 2, "misses": [
            {"q": "甲乙", "outcome": "answered_other", "action": "answer", "faq_id": "b", "options": [],
             "score": 60.0},
            {"q": "甲丙", "outcome": "clarify_without", "action": "clarify", "faq_id": "b", "options": ["b", "c"],
             "score": 42.0},
        ]}],
    }
    report = format_loo_report(result, "kb")
    assert "“甲乙” → 答成 b（得分 60）" in report
    assert "“甲丙” → 澄清 [b, c]，不含本条（得分 42）" in report


# ---- the command --------------------------------------------------------------------------------

def test_eval_loo_prints_the_figures_and_the_faqs_not_found(loo_dir):
    out = CliRunner().invoke(main, ["eval", "--loo", "--kb", str(loo_dir), "--at", "2026-11-26"])
    assert out.exit_code == 0, out.output
    assert "留一法 leave-one-out" in out.output and "用例 cases: 9" in out.output
    assert "top-1 准确率:" in out.output and "答错率 wrong answers:" in out.output
    assert "vhf-channel  2/2" in out.output and "pilot-booking  1/1" in out.output
    assert "seapass-lost" not in out.output


def test_eval_loo_json(loo_dir):
    out = CliRunner().invoke(main, ["eval", "--loo", "--kb", str(loo_dir), "--at", "2026-11-26", "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result == leave_one_out(load_knowledge(loo_dir), DAY)
    assert [f["id"] for f in result["not_found"]][:2] == ["vhf-channel", "pilot-booking"]


def test_eval_loo_reads_the_served_knowledge_folder(loo_dir, monkeypatch):
    monkeypatch.setenv("BOT_KNOWLEDGE_DIR", str(loo_dir))
    out = CliRunner().invoke(main, ["eval", "--loo", "--at", "2026-11-26"])
    assert out.exit_code == 0, out.output
    assert str(loo_dir) in out.output and "vhf-channel" in out.output


def test_eval_loo_does_not_mix_with_a_case_file(loo_dir, tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text("- {q: 海员证丢了, expect: seapass-lost}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "--loo", "--kb", str(loo_dir), "--cases", str(cases)])
    assert out.exit_code == 2 and "--loo" in out.output
