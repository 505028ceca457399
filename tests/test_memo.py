"""The on-disk cache of tokenised knowledge texts: round trip, pruning, and refusing an unsafe folder."""
import os
import tempfile

import pytest

from bot.matching import memo
from bot.matching import Engine
from bot.kb.loader import load_knowledge


@pytest.fixture(autouse=True)
def own_tempdir(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def test_round_trip_and_pruning():
    for i in range(memo.MEMO_KEEP + 3):
        memo.save_memo(f"k{i}", {"text": (f"v{i}", "a b", "ab")})
    assert memo.load_memo(f"k{memo.MEMO_KEEP + 2}") == {"text": (f"v{memo.MEMO_KEEP + 2}", "a b", "ab")}
    assert len(list(memo.memo_path("x").parent.glob("cut-*.pickle"))) == memo.MEMO_KEEP
    assert memo.load_memo("never-saved") == {}


def test_a_folder_others_can_write_is_not_trusted():
    memo.save_memo("k", {"text": ("v", "", "")})
    folder = memo.memo_path("k").parent
    os.chmod(folder, 0o777)
    assert memo.load_memo("k") == {}, "a pickle from a world-writable folder could run anyone's code"
    os.chmod(folder, 0o700)
    assert memo.load_memo("k") == {"text": ("v", "", "")}


def test_an_engine_built_from_the_cache_answers_the_same(tmp_path):
    kb = load_knowledge(os.path.join(os.path.dirname(__file__), "fixtures", "engine_kb"))
    cold = Engine(kb)
    assert list(memo.memo_path("x").parent.glob("cut-*.pickle")), "the first build writes the cache"
    warm = Engine(kb)
    for q in ("船员证丢了怎么补办", "海事通登不上", "明天天气怎么样"):
        a, b = cold.decide(q), warm.decide(q)
        assert (a.action, a.faq_id, a.score) == (b.action, b.faq_id, b.score)
