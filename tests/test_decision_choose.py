"""decision.choose (answer / clarify / handoff from a ranking) and scoring.total (a score from its parts), the two
pure functions that bench/tune.py replays."""
import pytest

from bot.matching.decision import choose
from bot.matching.scoring import WEIGHTS, Candidate, total

TH = {"answer": 45.0, "clarify": 40.0, "margin": 4.0}


def ranking(*scores):
    return [Candidate(f"f{i}", f"q{i}", s) for i, s in enumerate(scores)]


@pytest.mark.parametrize("scores, topicless, window, size, action, named", [
    ((60, 50), False, 10, 3, "answer", ["f0"]),            # above the answer threshold, clear lead
    ((60, 58, 30), False, 10, 3, "clarify", ["f0", "f1"]),  # a close call: the runner-up is offered too
    ((60,), True, 10, 3, "clarify", ["f0"]),               # names no topic: never answered outright
    ((42, 41, 40.5, 40), False, 10, 3, "clarify", ["f0", "f1", "f2"]),  # at most `size` offered
    ((42, 41, 40.5), False, 10, 2, "clarify", ["f0", "f1"]),
    ((44, 20), False, 10, 3, "clarify", ["f0", "f1"]),     # a lone top gets the runner-up beside it
    ((60, 57, 41), False, 0, 3, "clarify", ["f0", "f1"]),  # 41 is beyond twice the margin of 60
    ((39, 38), False, 10, 3, "handoff", []),               # under the clarify threshold
    ((42, 38, 33), False, 10, 3, "clarify", ["f0", "f1", "f2"]),  # near the top, offered though under the threshold
    ((42, 38, 20), False, 10, 3, "clarify", ["f0", "f1"]),  # 20 is too far behind 42 to be offered
    ((), False, 10, 3, "handoff", []),
])
def test_choose(scores, topicless, window, size, action, named):
    got, chosen = choose(ranking(*scores), TH, topicless, window=window, size=size)
    assert (got, [c.faq_id for c in chosen]) == (action, named)


def test_a_close_call_on_a_fee_that_no_faq_names_goes_to_a_person():
    ranked = ranking(42, 41)
    for c in ranked:
        c.parts["fee_untold"] = 1.0
    assert choose(ranked, TH) == ("handoff", [])
    ranked[1].parts.pop("fee_untold")  # one of them says what it costs: worth offering
    assert choose(ranked, TH)[0] == "clarify"
    assert choose(ranking(60, 40), TH)[0] == "answer"  # a confident answer is left alone


PARTS = {"words_q": 0.5, "words_a": 0.2, "pairs_q": 0.4, "pairs_a": 0.1, "chars_q": 0.6, "chars_a": 0.1,
         "mass_q": 3.0, "mass_a": 1.0,
         "phrasing": 0.3, "fuzzy": 0.6, "keyword": 1.0, "kind": 1.0, "state": 1.0}


@pytest.mark.parametrize("change, direction", [
    ({}, 0), ({"words_q": 0.9}, 1), ({"chars_q": 0.9}, 1), ({"chars_a": 0.0}, -1), ({"keyword": 0.0}, -1),
    ({"kind": -1.0}, -1), ({"state": -1.0}, -1), ({"mass_q": 10.0}, 1),
])
def test_total_moves_with_its_parts(change, direction):
    base = total(PARTS, 4.0)
    moved = total({**PARTS, **change}, 4.0)
    assert (moved > base) - (moved < base) == direction


def test_total_uses_the_weights_given():
    assert total(PARTS, 4.0, {**WEIGHTS, "keyword": 0.0}) < total(PARTS, 4.0)


def test_bench_tune_replays_what_decide_does(monkeypatch):
    """bench/tune.py chooses thresholds and weights by replaying recorded rankings; each replay must be what
    ``decide`` does with the same message, complaints and emergencies included (they never reach matching)."""
    import datetime as dt
    import importlib.util
    import sys
    from pathlib import Path

    from bot.kb.loader import load_knowledge
    from bot.matching import Engine

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("tune", root / "bench" / "tune.py")
    tune = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "tune", tune)  # its dataclass looks its module up by name
    spec.loader.exec_module(tune)
    day = dt.date(2026, 11, 26)
    engine = Engine(load_knowledge(root / "knowledge", day))
    th = engine.thresholds
    messages = ["海船船员适任证书到期了怎么再有效", "船员证书", "今天镇江天气怎么样", "执法人员乱罚款怎么办", "我要曝光你们",
                "救命 船要沉了", "你好", "转人工", "试任证书丢了咋补"]
    for text in messages:
        d = engine.decide(text, day)
        replayed = tune.replay(tune.record(engine, {"q": text, "expect": "handoff"}, day), th,
                               tune.decision.CLARIFY_WINDOW, tune.decision.CLARIFY_SIZE)
        assert (replayed.action, replayed.faq_id) == (d.action, d.faq_id), text
