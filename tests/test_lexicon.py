"""The built-in maritime lexicon (bot/matching/data/lexicon/): colloquial, older and English names read as the standard term."""
from pathlib import Path

import pytest
import yaml

from bot.matching.lexicon import LEXICON_DIR, built_in_synonyms
from bot.matching.reading import Synonyms, normalize


@pytest.fixture(scope="module")
def synonyms():
    return Synonyms(built_in_synonyms())


@pytest.mark.parametrize("typed, standard", [
    # certificates and documents, with older and colloquial names
    ("船员职务证书到期了", "适任证书"),
    ("大证怎么考", "适任证书"),
    ("服务薄丢了", "船员服务簿"),
    ("小证过期了", "培训合格证"),
    ("船籍证书", "国籍证书"),
    ("安全配员证", "配员证书"),
    ("港口签证怎么办", "进出港报告"),
    ("油类记录本保存几年", "油类记录簿"),
    # abbreviations and English terms mixed into Chinese
    ("COC怎么换发", "适任证书"),
    ("Seaman's Passport 丢了", "海员证"),
    ("Oil Record Book 保存几年", "油类记录簿"),
    ("PSC检查查什么", "港口国监督"),
    ("FSC检查", "船旗国监督"),
    ("DOC和SMC", "符合证明"),
    ("DOC和SMC", "安全管理证书"),
    ("船上AIS坏了", "船舶自动识别系统"),
    ("VTS报告", "船舶交通管理"),
    ("GMDSS证书", "全球海上遇险和安全系统"),
    ("装DG要报吗", "危险货物"),
    ("MARPOL附则", "防污公约"),
    ("ISM审核", "安全管理体系"),
    # offices and systems
    ("港监在哪", "海事局"),
    ("交管中心电话", "船舶交通管理中心"),
    # verbs of the trade
    ("证书延期怎么弄", "再有效"),
    ("补领海员证", "补办"),
    ("续签", "换发"),
    # inland-waterway slang
    ("船老大要什么证", "船长"),
    ("老轨", "轮机长"),
    ("船主要交什么", "船东"),
])
def test_lexicon_maps_to_standard_term(synonyms, typed, standard):
    assert standard in synonyms.apply(normalize(typed))


@pytest.mark.parametrize("typed, untouched", [
    ("dgx", "dgx"),          # an abbreviation only as a whole latin word
    ("raise", "raise"),
    ("documents", "documents"),
    ("换银行卡再报一下", "换银行卡再报一下"),  # a bare 换 / 补 / 报 is not rewritten
])
def test_latin_terms_match_whole_words_only(synonyms, typed, untouched):
    assert synonyms.apply(normalize(typed)) == untouched


@pytest.mark.parametrize("typed", ["换了手机号服务簿要变更吗", "手机号码换了怎么改"])
def test_ones_own_mobile_number_is_not_read_as_a_phone_to_call(synonyms, typed):
    """电话 stands for a number to call (热线, 咨询电话); a user's own 手机号 is another thing (changing it is not
    asking for the office's number), so it keeps its own standard form."""
    read = synonyms.apply(normalize(typed))
    assert "手机号" in read and "电话" not in read


def test_every_group_names_its_source():
    """Each block of entries (separated by blank lines) carries a comment saying where its terms come from."""
    for path in sorted(Path(LEXICON_DIR).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text), dict)
        for block in text.split("\n\n"):
            lines = [ln for ln in block.splitlines() if ln.strip()]
            if any(not ln.startswith("#") for ln in lines):
                assert any(ln.startswith("#") for ln in lines), f"{path.name}: a group without its source:\n{block}"
