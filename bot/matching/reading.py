"""Reading a message the way the knowledge base is read: normalise, drop fillers, numbers as digits, synonyms.

``normalize`` is the one normal form every text goes through (questions, FAQ phrasings, keywords, synonyms):
full-width to half-width (NFKC), traditional to simplified (OpenCC), lower case, numbers written in characters as
digits, punctuation and emoji as spaces. ``strip_fillers`` then drops polite openers, and ``Synonyms`` rewrites
colloquial names as the standard terms. Only the first MAX_TEXT_CHARS characters of a message are read at all
(``clip``). Cutting a text into words is ``tokenizer.py``; repairing typos is ``repair.py``.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import opencc

from .settings import combine

# A message is cut to its first MAX_TEXT_CHARS characters before it is read at all (normalised, checked for
# distress, matched). jieba's HMM is quadratic on a long run of unknown characters: 100,000 of one rare character
# took 30 s through decide(), 100,000 random ones 4 s. WeChat's input box takes far more than 500, but no real
# question runs past a few hundred characters; at 500 the worst case measured (random CJK) costs 30-40 ms.
MAX_TEXT_CHARS = 500

_T2S = opencc.OpenCC("t2s")


def _traditional_chars() -> frozenset:
    """Characters OpenCC's t2s changes; text without any of them is already simplified."""
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values.split() != [key]:
            chars.update(key)
    return frozenset(chars)


_TRADITIONAL = _traditional_chars()

# Polite openers and fillers that carry no intent ("请问", "麻烦问一下").
FILLERS = (
    "麻烦问一下", "麻烦问下", "麻烦请问", "请问一下", "想问一下", "想问下", "请教一下", "打扰一下",
    "我想问一下", "我想问", "问一下", "问下", "请问", "请教", "打扰了", "你好", "您好", "哈喽", "在吗", "在不在",
    "谢谢", "麻烦了", "麻烦你", "麻烦您",
)

_FILLERS_LONGEST_FIRST = sorted(FILLERS, key=len, reverse=True)

# Voice input and many typists write numbers in characters (满五年, 两百吨) where the knowledge base has digits.
# Only a count followed by a unit is converted: 二副 / 三管轮 are ranks, and a lone 一 (一次, 一个) is left as
# written on both sides.
_UNITS = "万|年|个|月|天|日|周|岁|小时|钟头|分钟|吨|总吨|千瓦|米|公里|海里|节|人|名|次|张|份|元|块|页|倍"
_CN_NUMBER = re.compile(rf"(?<![0-9零〇一二两三四五六七八九十百千])([零〇一二两三四五六七八九十百千]+)(?=(?:{_UNITS}))")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SCALES = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """The value of a number below 10,000 written in characters (十五 → 15, 两百 → 200), or None if it is not
    one (二三百 is a range). 万 is kept as a unit, as the knowledge base writes 3万元."""
    section, digit, last_scale = 0, None, None
    for ch in text:
        if ch in "零〇" and section:
            continue  # 一百零五: a placeholder between scales
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 二三百 is "two or three hundred"
            digit = _CN_DIGITS[ch]
        else:
            scale = _CN_SCALES[ch]
            if digit is None and not (ch == "十" and section == 0):
                return None
            if last_scale is not None and scale >= last_scale:
                return None
            section += (1 if digit is None else digit) * scale
            digit, last_scale = None, scale
    return section + (digit or 0)


def _digits(match: re.Match) -> str:
    run = match.group(1)
    value = chinese_number(run) if run != "一" else None
    return run if value is None else str(value)


# Phone numbers, hotlines and years read out digit by digit (幺二三九五, 一三八…, 一九九八年): a run of three or more
# digit characters, or of two with 幺 (only ever a spoken 1), with no 十/百/千 between them. Shorter runs stay as
# written: 一一 / 三四天 / 二三百 are words and ranges, not digits.
_SPOKEN_DIGITS = {**{ch: str(v) for ch, v in _CN_DIGITS.items()}, "幺": "1"}
_DIGIT_RUN = re.compile(r"[零〇幺一二两三四五六七八九]{2,}")


def _spoken_digits(match: re.Match) -> str:
    run = match.group(0)
    if len(run) < 3 and "幺" not in run:
        return run
    return "".join(_SPOKEN_DIGITS[ch] for ch in run)


def spoken_digits(text: str) -> str:
    """Digit-by-digit numbers in characters as digits: 幺二三九五 → 12395, 一九九八年 → 1998年."""
    return _DIGIT_RUN.sub(_spoken_digits, text)


_EMOJI_CODE = re.compile(r"\[[^\[\]]{1,6}\]|/:[^\s]{1,8}")
_NON_WORD = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def normalize(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case; punctuation and emoji become spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    if not _TRADITIONAL.isdisjoint(text):  # the pure-Python converter is slow; most text needs none
        text = _T2S.convert(text)
    text = _EMOJI_CODE.sub(" ", text.lower())
    text = _CN_NUMBER.sub(_digits, spoken_digits(text))
    return " ".join(_NON_WORD.sub(" ", text).split())


def strip_fillers(text: str) -> str:
    """Remove polite openers such as 请问 / 你好 / 麻烦问一下 from normalised text."""
    for filler in _FILLERS_LONGEST_FIRST:
        text = text.replace(filler, " ")
    return " ".join(text.split())


def clip(text: str) -> str:
    """The part of a message the engine reads: its first MAX_TEXT_CHARS characters."""
    return (text or "")[:MAX_TEXT_CHARS]


def read_normalized(text: str) -> str:
    """The normalised form of the part of a message the engine reads, never longer than MAX_TEXT_CHARS."""
    # NFKC spells some characters out as several (㍿ → 株式会社): cut again after normalising.
    return normalize(clip(text))[:MAX_TEXT_CHARS]


def _whole_latin(term: str) -> str:
    """Regex of a term whose latin ends match only as whole words: "dg" is not the start of "dgx", "ais" not
    the end of "raise"."""
    pattern = re.escape(term)
    if term[:1].isascii() and term[:1].isalpha():
        pattern = "(?<![a-z])" + pattern
    if term[-1:].isascii() and term[-1:].isalpha():
        pattern += "(?![a-z])"
    return pattern



def _normalised(mapping: dict) -> dict:
    """A variant → standard map in normal form; entries that normalise to nothing or to themselves are left out."""
    out = {}
    for variant, standard in mapping.items():
        variant, standard = normalize(variant), normalize(standard)
        if variant and standard and variant != standard:
            out[variant] = standard
    return out


class Synonyms:
    """Colloquial variant → standard term, applied in one left-to-right pass, longest match first."""

    def __init__(self, *maps):
        """``maps`` in order, built-in first: each later one is combined with the ones before by the settings rule
        (``settings.combine``: key by key, a later map's standard term winning), after normalising."""
        merged = {}
        for m in maps:
            merged = combine(merged, _normalised(m))
        for variant in list(merged):  # follow chains: 弄丢 → 丢失 → 遗失
            seen, target = {variant}, merged[variant]
            while target in merged and target not in seen:
                seen.add(target)
                target = merged[target]
            merged[variant] = target
        self.map = merged
        # Standard terms match as themselves so that a variant inside a longer standard term is left alone.
        table = {**{v: v for v in merged.values()}, **merged}
        self._table = table
        alternatives = sorted(table, key=len, reverse=True)
        self._re = re.compile("|".join(_whole_latin(a) for a in alternatives)) if alternatives else None

    def __len__(self):
        return len(self.map)

    def apply(self, text: str) -> str:
        """Replace every variant in ``text`` by its standard term."""
        if self._re is None:
            return text
        return self._re.sub(lambda m: self._table[m.group(0)], text)


def is_cjk(text: str) -> bool:
    """True when the text contains at least one Chinese character."""
    return bool(CJK_CHAR.search(text))


def char_bigrams(text: str) -> list:
    """Overlapping two-character pieces inside each space-separated chunk (single characters kept)."""
    out = []
    for chunk in text.split():
        if len(chunk) == 1:
            out.append(chunk)
        out.extend(chunk[i:i + 2] for i in range(len(chunk) - 1))
    return out


def cjk_chars(*texts: str) -> set:
    """The Chinese characters of some texts, each once."""
    return {ch for text in texts for ch in CJK_CHAR.findall(text)}
