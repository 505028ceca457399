"""Typo repair on the fixture knowledge base: toneless pinyin, confused initials and finals, look-alike characters,
and a repaired reading believed only when it clearly beats the text as typed."""
import datetime as dt
from pathlib import Path

import pytest

from bot.kb.loader import load_knowledge
from bot.matching import Candidate, Engine, repair
from bot.matching.repair import HOMOPHONE_GAIN, pinyin_key, shape_key

FIXTURE_KB = Path(__file__).parent / "fixtures" / "engine_kb"
DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(FIXTURE_KB))


@pytest.mark.parametrize("a, b", [
    ("证", "正"),      # same sound, other tone
    ("适任", "拾任"),  # sh / sh, other tones
    ("资", "知"),      # z / zh
    ("此", "吃"),      # c / ch
    ("内", "累"),      # n / l
    ("服", "护"),      # f / h
    ("行", "心"),      # ing / in
    ("证", "怎"),      # eng / en
    ("航", "含"),      # ang / an
])
def test_confusable_sounds_share_a_key(a, b):
    assert pinyin_key(a) == pinyin_key(b)


@pytest.mark.parametrize("a, b", [("已交", "己交"), ("登录", "豋录"), ("账号", "帐号"), ("未办", "末办")])
def test_lookalike_characters_share_a_key(a, b):
    assert shape_key(a) == shape_key(b)


@pytest.mark.parametrize("typed, repaired, faq_id", [
    ("海员正怎么申请", "海员证", "seapass-apply"),                           # toneless
    ("适任正书到期了怎么换发", "适任证书", "cert-renew-inland"),             # zh / z, other tone
    ("在哪里查询最新的航心通告", "航行通告", "notice-where"),                # ing / in
    ("累河船员适任证书到期了怎么换发", "内河", "cert-renew-inland"),         # n / l
    ("船员拾任证书遗失了怎么补办", "适任证书", "cert-lost"),                 # other tone
    ("船员服物簿怎么申请", "船员服务簿", "book-apply"),
    ("船员服务簿遗湿了怎么补办", "遗失", "book-lost"),                       # s / sh in an ordinary word
    ("运输危险货悟的船舶需要什么证书", "危险货物", "dg-certificate"),
    ("海事通APP注册不了或者豋录不上怎么办", "登录", "haishitong-account"),   # look-alike character
    ("海事通APP注册不了或者灯录不上怎么办", "登录", "haishitong-account"),   # a common word, not a domain term
])
def test_repair(engine, typed, repaired, faq_id):
    assert repaired in engine.analyse(typed)["corrected"]
    d = engine.decide(typed, DAY)
    assert (d.action, d.faq_id) == ("answer", faq_id)


@pytest.mark.parametrize("typed", ["船舶进出港报告怎么报", "海员证快到期了怎么换发", "船舶载运危险货物进出港怎么申报",
                                   "你们办公室在哪"])
def test_words_typed_right_are_left_alone(engine, typed):
    a = engine.analyse(typed)
    assert a["corrected"] == a["cleaned"]


def _ranked(score):
    return [Candidate("faq", "question", score)]


@pytest.mark.parametrize("plain, repaired, believed", [
    (60.0, 60.0 + HOMOPHONE_GAIN - 0.5, "plain"),   # the text as typed already matches about as well
    (60.0, 40.0, "plain"),
    (30.0, 30.0 + HOMOPHONE_GAIN + 0.5, "repaired"),
    (0.0, 50.0, "repaired"),
])
def test_repair_believed_only_when_clearly_better(plain, repaired, believed):
    p, r = {"which": "plain"}, {"which": "repaired"}
    chosen, _ = repair.believed(p, _ranked(plain) if plain else [], r, _ranked(repaired))
    assert chosen["which"] == believed
