"""The one rule by which a knowledge folder's settings combine with the built-in ones (bot/matching/settings.py):
lists add, mappings merge key by key with the folder's value winning, texts and numbers are replaced."""
import copy

import pytest

from bot.kb.loader import parse_settings
from bot.matching.reading import Synonyms
from bot.matching.settings import BUILT_IN_SETTINGS, built_in_settings, combine


@pytest.mark.parametrize("built_in, folder, combined", [
    # a list adds: the built-in entries first, nothing built in removed, an entry already there not repeated
    (["人工", "客服"], ["找领导"], ["人工", "客服", "找领导"]),
    (["人工", "客服"], ["客服", "找领导", "找领导"], ["人工", "客服", "找领导"]),
    (["人工", "客服"], [], ["人工", "客服"]),
    ([], [{"name": "船员服务", "key": "MENU_CREW"}], [{"name": "船员服务", "key": "MENU_CREW"}]),
    # a mapping merges key by key, the folder's value winning
    ({"answer": 43.5, "clarify": 41.0, "margin": 3.0}, {"answer": 50.0},
     {"answer": 50.0, "clarify": 41.0, "margin": 3.0}),
    ({"greeting": "您好", "thanks": "不客气"}, {"thanks": "谢谢您"}, {"greeting": "您好", "thanks": "谢谢您"}),
    ({"帐号": "账号", "船员证": "适任证书"}, {"帐号": "用户名", "户头": "账户"},
     {"帐号": "用户名", "船员证": "适任证书", "户头": "账户"}),
    # a text or a number is replaced
    ("工作日 8:30-17:30", "周一至周五 9:00-17:00", "周一至周五 9:00-17:00"),
    (43.5, 50.0, 50.0),
    # the settings as a whole: the same rule one level down, and a key the folder leaves out keeps the built-in value
    ({"thresholds": {"answer": 43.5, "margin": 3.0}, "handoff_words": ["人工"], "welcome": "欢迎", "menu": []},
     {"thresholds": {"margin": 5.0}, "handoff_words": ["找领导"], "welcome": "欢迎关注"},
     {"thresholds": {"answer": 43.5, "margin": 5.0}, "handoff_words": ["人工", "找领导"], "welcome": "欢迎关注",
      "menu": []}),
])
def test_the_rule(built_in, folder, combined):
    assert combine(built_in, folder) == combined


def test_combining_changes_neither_side_and_shares_nothing():
    built_in, folder = built_in_settings(), {"handoff_words": ["找领导"], "thresholds": {"answer": 50.0}}
    before = (copy.deepcopy(built_in), copy.deepcopy(folder))
    out = combine(built_in, folder)
    out["handoff_words"].append("改了")
    out["thresholds"]["clarify"] = 0.0
    out["smalltalk"]["bye"] = "改了"
    assert (built_in, folder) == before
    assert built_in_settings() == BUILT_IN_SETTINGS


def test_a_folder_settings_file_is_combined_by_the_rule(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("thresholds: {answer: 50}\nhandoff_words: [找领导, 人工]\noffice_hours: 全天\n"
                    "smalltalk: {bye: 再会}\n", encoding="utf-8")
    settings = parse_settings(path)
    assert settings == combine(BUILT_IN_SETTINGS, {"thresholds": {"answer": 50.0}, "handoff_words": ["找领导", "人工"],
                                                   "office_hours": "全天", "smalltalk": {"bye": "再会"}})
    assert settings["thresholds"] == {**BUILT_IN_SETTINGS["thresholds"], "answer": 50.0}
    assert settings["handoff_words"] == [*BUILT_IN_SETTINGS["handoff_words"], "找领导"]
    assert settings["smalltalk"]["greeting"] == BUILT_IN_SETTINGS["smalltalk"]["greeting"]


def test_without_a_settings_file_the_built_in_settings_apply(tmp_path):
    assert parse_settings(tmp_path / "settings.yaml") == BUILT_IN_SETTINGS


def test_synonyms_combine_by_the_same_rule_after_normalising():
    synonyms = Synonyms({"帐号": "账号", "船员证": "适任证书"}, {"帳號": "用户名"})
    assert synonyms.map == {"帐号": "用户名", "船员证": "适任证书"}
