"""Full pinyin typed without picking characters is read back as Chinese (bot/matching/ime.py)."""
from __future__ import annotations

import os
import tempfile

from bot.kb.loader import load_knowledge
from bot.matching import Engine, ime
from bot.matching.distress import PINYIN_FAVOURED, DistressModel
from bot.matching.ime import PinyinReader, pinyin_reader

# A table of readings small enough to reason about: the reader picks the most frequent word of a reading, and
# cuts a run into the words whose frequencies have the highest product.
TABLE = {
    "ren": ("人", 300), "diao": ("掉", 80), "shui": ("水", 100), "li": ("里", 200), "le": ("了", 900),
    "shui li": ("水里", 20), "zhuang": ("装", 90), "chuan": ("穿", 110), "zhuang chuan": ("装船", 30),
}


def test_letters_are_cut_into_the_fewest_syllables():
    reader = PinyinReader(TABLE)
    assert reader.split("rendiaoshuili") == ["ren", "diao", "shui", "li"]
    assert reader.split("overboard") is None


def test_a_run_becomes_the_likeliest_words():
    assert PinyinReader(TABLE).convert("ren diao shui li le") == "人掉水里了"


def test_a_favoured_word_wins_over_a_more_common_one_of_the_same_sound():
    assert PinyinReader(TABLE).convert("zhuang chuan le") == "装船了"
    assert PinyinReader(TABLE, favoured=("撞船",)).convert("zhuang chuan le") == "撞船了"


def test_english_words_and_single_syllables_stay_as_they_are():
    reader = PinyinReader(TABLE)
    assert reader.convert("man overboard 快来") == "man overboard 快来"
    assert reader.convert("psc检查") == "psc检查"
    assert reader.convert("le") == "le"


def test_the_real_dictionary_reads_a_hurried_message():
    reader = pinyin_reader(PINYIN_FAVOURED)
    assert reader.convert("ren diao jiang li le") == "人掉江里了"
    assert reader.convert("jin shui le chuan yao chen le") == "进水了船要沉了"
    assert reader.convert("zhao huo le") == "着火了"


def test_the_distress_model_reads_pinyin_as_the_words_it_spells():
    model = DistressModel()
    assert model.read("ren diao jiang li le kuai lai").emergency
    assert model.read("zhao huo le ji cang").emergency
    assert not model.read("qing wen chuan yuan zheng zen me huan").emergency


def test_an_emergency_typed_in_pinyin_gets_the_emergency_reply(tmp_path):
    (tmp_path / "01.yaml").write_text("category: 证书\nfaqs:\n  - id: a\n    question: 海员证怎么办\n    answer: 去窗口办。\n",
                                      encoding="utf-8")
    decision = Engine(load_knowledge(tmp_path)).decide("Ren Diao Jiang Li Le, kuai lai!")
    assert decision.action == "emergency" and "12395" in decision.reply


def test_the_table_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(ime, "MIN_FREQ", 5000)  # a small table keeps the test quick
    built = ime._load_table()
    cached = list((tmp_path / f"faqbot-cache-{os.getuid()}").glob("pinyin-*.tsv"))
    assert len(cached) == 1 and built["ren"] == ("人", built["ren"][1])

    def no_rebuild():
        raise AssertionError("rebuilt although cached")

    monkeypatch.setattr(ime, "_build_table", no_rebuild)
    assert ime._load_table() == built
