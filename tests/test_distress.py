"""The distress model: live emergencies caught on our labelled sets, questions about hazards answered as usual.

The sets (bench/distress.yaml, bench/distress_dev2.yaml) were written from the categories of the issue, apart
from the model; bench/distress_holdout.yaml is measured by ``python -m bot eval --distress`` only, never here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.matching import HAZARD_FOOTER, Engine
from bot.knowledge import load_knowledge
from bot.matching.distress import DistressModel

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "bench" / "distress.yaml", ROOT / "bench" / "distress_dev2.yaml"]
SHARED_DEV = ROOT.parent / "shared" / "bench" / "dev.yaml"
MAX_FALSE_ALARMS = 0.03
MODEL = DistressModel()


def _cases(expect):
    return [pytest.param(c["q"], id=f"{p.stem}:{c['cat']}:{i}") for p in SETS
            for i, c in enumerate(yaml.safe_load(p.read_text(encoding="utf-8"))) if c["expect"] == expect]


def test_the_sets_are_large_enough_and_cover_every_category():
    for path in SETS:
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        live = [c for c in cases if c["expect"] == "emergency"]
        calm = [c for c in cases if c["expect"] == "normal"]
        assert len(live) >= 200 and len(calm) >= 200 and len(live) + len(calm) == len(cases)
        assert {"person_in_water", "fire", "flooding", "collision", "grounding", "propulsion", "medical", "toxic",
                "spill", "missing", "violence", "explicit_call"} <= {c["cat"] for c in live}


@pytest.mark.parametrize("text", _cases("emergency"))
def test_every_emergency_is_caught(text):
    assert MODEL.read(text).emergency, MODEL.read(text).evidence


def test_false_alarms_stay_under_the_target():
    calm = [p.values[0] for p in _cases("normal")]
    alarms = [q for q in calm if MODEL.read(q).emergency]
    assert len(alarms) <= MAX_FALSE_ALARMS * len(calm), alarms


def test_the_shared_dev_sets_emergencies_are_caught_and_nothing_else():
    if not SHARED_DEV.exists():
        pytest.skip("../shared/bench is not beside this checkout")
    cases = yaml.safe_load(SHARED_DEV.read_text(encoding="utf-8"))
    assert all(MODEL.read(c["q"]).emergency for c in cases if c["expect"] == "emergency")
    assert not [c["q"] for c in cases if c["expect"] != "emergency" and MODEL.read(c["q"]).emergency]


@pytest.mark.parametrize("text, emergency", [
    ("isosceles triangle", False), ("ASOS快递能寄到船上吗", False), ("thanks so so much", False),
    ("SOS", True), ("mayday mayday 苏镇货1234", True), ("s o s", True),
    ("求助 网上申请提交不了", False), ("我打算学游泳 海事有培训吗", False), ("船上药箱要配哪些药", False),
    ("求救电话是多少", False), ("救命", True), ("就命啊", True), ("船上有人落睡了", True),
    ("船舶碰撞以后责任怎么认定", False), ("如果船上着火了应该怎么办", False), ("去年我们船搁浅了 要补什么手续", False),
    ("船著火了 快來人", True), ("危险品没报就装船了", False), ("那个签证簿还用得上不", False),
])
def test_words_and_frames(text, emergency):
    assert MODEL.read(text).emergency is emergency


def test_settings_add_words_and_exemptions_but_never_remove_the_built_in_model(tmp_path):
    (tmp_path / "01.yaml").write_text("category: 证书\nfaqs:\n  - id: a\n    question: 海员证怎么办\n    answer: 去窗口办。\n",
                                      encoding="utf-8")
    (tmp_path / "settings.yaml").write_text(
        "distress_words: [船打横了]\nnot_distress: [救命稻草牌救生衣]\nhandoff_words: [找领导]\n", encoding="utf-8")
    engine = Engine(load_knowledge(tmp_path))
    assert engine.decide("船打横了").action == "emergency"  # added
    assert engine.decide("有人落水了").action == "emergency"  # built in, still there
    assert engine.decide("救命稻草牌救生衣哪里买").action != "emergency"  # exempted phrase
    assert engine.decide("救命 船进水了").action == "emergency"
    assert "找领导" in engine.settings["handoff_words"] and "人工" in engine.settings["handoff_words"]


def test_a_question_naming_a_hazard_is_answered_and_ends_with_the_12395_line(tmp_path):
    (tmp_path / "01.yaml").write_text(
        "category: 事故\nfaqs:\n  - id: collision-liability\n    question: 船舶碰撞以后责任怎么认定\n"
        "    alternates: [撞船了责任谁负]\n    answer: 由海事管理机构调查后认定。\n", encoding="utf-8")
    engine = Engine(load_knowledge(tmp_path))
    d = engine.decide("船舶碰撞以后责任怎么认定")
    assert d.action == "answer" and d.reply.endswith(HAZARD_FOOTER)
    plain = engine.decide("海员证怎么办")
    assert HAZARD_FOOTER not in plain.reply


def test_ask_jsonl_without_settings_gives_the_same_recall(tmp_path):
    bare = tmp_path / "kb"
    bare.mkdir()
    (bare / "01.yaml").write_text("category: 证书\nfaqs:\n  - id: a\n    question: 海员证怎么办\n    answer: 去窗口办。\n",
                                  encoding="utf-8")
    cases = yaml.safe_load(SETS[0].read_text(encoding="utf-8"))
    lines = "\n".join(c["q"] for c in cases) + "\n"
    for kb in (bare, ROOT / "knowledge"):
        out = CliRunner().invoke(main, ["ask", "--kb", str(kb), "--jsonl"], input=lines)
        assert out.exit_code == 0, out.output
        actions = [json.loads(line)["action"] for line in out.output.splitlines()]
        caught = sum(a == "emergency" for a, c in zip(actions, cases) if c["expect"] == "emergency")
        assert caught == sum(c["expect"] == "emergency" for c in cases)


def test_eval_reports_distress_recall_and_false_alarms():
    out = CliRunner().invoke(main, ["eval"])
    assert out.exit_code == 0, out.output
    assert "险情召回 distress recall: 100.0%" in out.output and "误报率 false alarms:" in out.output
