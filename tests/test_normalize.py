"""Text normalisation: what every question goes through before matching."""
import pytest

from bot.matching.reading import chinese_number, normalize, strip_fillers


@pytest.mark.parametrize("raw, expected", [
    ("ＰＳＣ", "psc"),
    ("ＰＳＣ检查？", "psc检查"),
    ("ＦＳＣ，ＰＳＣ！", "fsc psc"),
    ("１２３９５", "12395"),
    ("海事通ＡＰＰ", "海事通app"),
    ("海员证　怎么办", "海员证 怎么办"),  # ideographic space
])
def test_full_width_becomes_half_width(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    "海员证，怎么办？",
    "【通知】海员证（新）“办理”！",
    "海员证：怎么办；急……",
    "《船员条例》、第6条",
])
def test_full_width_punctuation_is_removed(raw):
    out = normalize(raw)
    assert not set(out) & set("，。？！：；、“”‘’（）【】《》…·")
    assert "海员证" in out or "船员条例" in out


@pytest.mark.parametrize("raw, expected", [
    ("船員證書過期", "船员证书过期"),
    ("船員證書遺失了怎麼辦", "船员证书遗失了怎么办"),
    ("海員證", "海员证"),
    ("適任證書", "适任证书"),
    ("進出港報告", "进出港报告"),
])
def test_traditional_becomes_simplified(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("PSC", "psc"),
    ("HaiShiTong APP", "haishitong app"),
    ("FSC检查", "fsc检查"),
])
def test_lower_case(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("😀海员证", "海员证"),
    ("海员证👍👍", "海员证"),
    ("海员证[微笑]怎么办", "海员证 怎么办"),
    ("[捂脸]证书丢了[流泪]", "证书丢了"),
    ("海员证/:rose", "海员证"),
    ("[微笑]", ""),
    ("🚢⚓", ""),
])
def test_emoji_and_wechat_codes_are_removed(raw, expected):
    assert normalize(raw) == expected


def test_empty_and_none():
    assert normalize("") == ""
    assert normalize(None) == ""
    assert normalize("   \t\n ") == ""


@pytest.mark.parametrize("raw, expected", [
    ("证快满五年了", "证快满5年了"),
    ("两百吨的船", "200吨的船"),
    ("提前二十四小时报", "提前24小时报"),
    ("一千五百总吨", "1500总吨"),
    ("一百零五天", "105天"),
    ("罚款十万元", "罚款10万元"),  # 万 stays a unit, as in 3万元
    ("十一个月", "11个月"),
])
def test_counts_written_in_characters_become_digits(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    "二副证书",        # a rank, not a count
    "三管轮",
    "一次性船位报告",  # a lone 一 is left as written
    "一网通办",
    "二三百吨",        # a range, not a number
    "万吨轮",
])
def test_words_that_only_contain_numerals_are_left_alone(raw):
    assert normalize(raw) == raw


def test_chinese_number_values():
    assert [chinese_number(t) for t in ("十", "十五", "二十", "两百", "三千零八", "九十九")] == [10, 15, 20, 200, 3008, 99]
    assert chinese_number("二三") is None
    assert chinese_number("百十") is None


@pytest.mark.parametrize("raw, expected", [
    ("幺二三九五", "12395"),                       # 幺 is a spoken 1
    ("打一三八零零一二三四五六", "打13800123456"),
    ("〇五一一八五", "051185"),
    ("幺幺零", "110"),
    ("一九九八年上的船", "1998年上的船"),
    ("幺九", "19"),                                # two digits, one of them 幺
    ("一个", "一个"),                              # words and counts are left as they are
    ("一下", "一下"),
    ("一一", "一一"),
    ("三四天", "三四天"),                          # a range, not digits
    ("二三百", "二三百"),
    ("十一月", "11月"),
    ("一百零五元", "105元"),
    ("二副证", "二副证"),
])
def test_digits_read_out_become_digits(raw, expected):
    assert normalize(raw) == expected


FILLER_CASES = [
    ("请问海员证怎么办", "海员证怎么办"),
    ("你好，请问海员证怎么办？", "海员证怎么办"),
    ("麻烦问一下 服务簿在哪办", "服务簿在哪办"),
    ("您好 麻烦问一下，海事通怎么注册", "海事通怎么注册"),
    ("我想问一下海员证", "海员证"),
    ("想问下 证书丢了", "证书丢了"),
]


@pytest.mark.parametrize("raw, expected", FILLER_CASES, ids=[f"filler-{n}" for n in range(1, len(FILLER_CASES) + 1)])
def test_strip_fillers(raw, expected):
    assert strip_fillers(normalize(raw)) == expected


def test_strip_fillers_keeps_a_question_without_fillers():
    assert strip_fillers("海船适任证书再有效") == "海船适任证书再有效"
