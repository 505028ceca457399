"""Text processing for matching: normalisation, jieba tokenisation, synonyms and pinyin keys."""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from pathlib import Path
from functools import lru_cache

import jieba
import opencc
from pypinyin import lazy_pinyin

jieba.setLogLevel(logging.WARNING)

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

# Function words that say nothing about which FAQ is meant.
STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 呀 么 嘛 哦 哈 呗 啦 噢 喔 哇 诶 哎 嗯 是 我 你 您 他 她 它 我们 你们 他们 咱 咱们 在 和 与 及 或 "
    "也 还 就 都 又 这 那 这个 那个 个 一 一下 一个 些 一些 有 没 没有 被 把 让 给 对 从 向 到 上 里 中 下 后 前 "
    "要 想 可以 得 地 着 过 不 请 这样 那样 现在 然后 如果 但是 因为 所以 已经 自己 之 其 为 以 于 而 "
    "一直 真的 听说 那边 这边 人家 东西 是不是 是否 有没有 能不能 会不会 要不要 还是 就是 一般 大概 "
    "应该 需要 得 去 来 用 弄 搞 整 干 做 啥时候 时候 之前 以前 以后 之后 今年 明年 去年 今天 明天 "
    "已 再 才 先 多 很 太 挺 比较 大家 各位 老师 同志 师傅 领导 我家 我的 我们的 朋友 一点 点 "
    "怎么 怎么办 怎样 怎么样 如何".split()
)

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


_EMOJI_CODE = re.compile(r"\[[^\[\]]{1,6}\]|/:[^\s]{1,8}")
_NON_WORD = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def normalize(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case; punctuation and emoji become spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    if not _TRADITIONAL.isdisjoint(text):  # the pure-Python converter is slow; most text needs none
        text = _T2S.convert(text)
    text = _EMOJI_CODE.sub(" ", text.lower())
    text = _CN_NUMBER.sub(_digits, text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def strip_fillers(text: str) -> str:
    """Remove polite openers such as 请问 / 你好 / 麻烦问一下 from normalised text."""
    for filler in _FILLERS_LONGEST_FIRST:
        text = text.replace(filler, " ")
    return " ".join(text.split())


class Synonyms:
    """Colloquial variant → standard term, applied in one left-to-right pass, longest match first."""

    def __init__(self, *maps):
        merged = {}
        for m in maps:
            for variant, standard in m.items():
                variant, standard = normalize(variant), normalize(standard)
                if variant and standard and variant != standard:
                    merged[variant] = standard
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
        self._re = re.compile("|".join(re.escape(a) for a in alternatives)) if alternatives else None

    def __len__(self):
        return len(self.map)

    def apply(self, text: str) -> str:
        """Replace every variant in ``text`` by its standard term."""
        if self._re is None:
            return text
        return self._re.sub(lambda m: self._table[m.group(0)], text)


# Southern accents and voice input blur these initials and finals.
_FUZZY = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ing", "in"), ("eng", "en"), ("ang", "an"))


@lru_cache(maxsize=20000)
def char_pinyin(ch: str) -> str:
    """Toneless, accent-tolerant pinyin of one character (the character itself if it has none)."""
    if not _CJK.match(ch):
        return ch
    py = lazy_pinyin(ch)[0]
    for a, b in _FUZZY:
        py = py.replace(a, b)
    if py.startswith("l"):
        py = "n" + py[1:]
    return py


def pinyin_key(word: str) -> str:
    """Homophone key of a word: the accent-tolerant pinyin of each character, joined."""
    return "|".join(char_pinyin(c) for c in word)


def is_cjk(text: str) -> bool:
    """True when the text contains at least one Chinese character."""
    return bool(_CJK.search(text))


class Tokenizer:
    """A jieba tokenizer of our own (never the global one) carrying the domain dictionary."""

    _base = None  # jieba's main dictionary, loaded once per process and copied for each instance
    _base_lock = threading.Lock()

    @classmethod
    def base(cls) -> jieba.Tokenizer:
        """jieba's main dictionary, loaded on first use."""
        with cls._base_lock:
            if cls._base is None:
                base = jieba.Tokenizer()
                base.initialize()
                cls._base = base
        return cls._base

    def __init__(self, user_words=(), extra_words=()):
        Tokenizer.base()
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ = dict(Tokenizer._base.FREQ)
        self._jieba.total = Tokenizer._base.total
        self._jieba.initialized = True
        for word, freq, tag in user_words:
            self._jieba.add_word(word, freq, tag)
        for word in extra_words:
            if len(word) >= 2 and self._jieba.FREQ.get(word) is None:
                self._jieba.add_word(word)

    def general_frequency(self, word: str) -> int:
        """How common a word is in jieba's general dictionary (0 for domain terms it does not know)."""
        return Tokenizer._base.FREQ.get(word, 0)

    def segment(self, text: str) -> list:
        """Plain jieba segmentation of one chunk (no search-mode parts, nothing dropped)."""
        return self._jieba.lcut(text, HMM=True)

    def tokens(self, text: str) -> list:
        """Content tokens in order: search-mode cut (words and their parts), stopwords and spaces dropped."""
        out = []
        for chunk in text.split():
            for tok in self._jieba.cut_for_search(chunk):
                tok = tok.strip()
                if not tok or tok in STOPWORDS:
                    continue
                if 2 <= len(tok) <= 3 and is_cjk(tok) and not self._jieba.FREQ.get(tok):
                    # A word jieba's HMM guessed ("哪补", "船要") is usually a content character glued to a
                    # function one: keep the characters, so both sides of a comparison cut the same way.
                    out.extend(ch for ch in tok if ch not in STOPWORDS)
                else:
                    out.append(tok)
                    if len(tok) > 4:
                        # Search mode only adds two- and three-character parts: 海船适任证书 should also
                        # yield 适任证书, as the FAQs that say it plainly do.
                        out.extend(tok[i:i + 4] for i in range(len(tok) - 3) if self._jieba.FREQ.get(tok[i:i + 4]))
        return out


def char_bigrams(text: str) -> list:
    """Overlapping two-character pieces inside each space-separated chunk (single characters kept)."""
    out = []
    for chunk in text.split():
        if len(chunk) == 1:
            out.append(chunk)
        out.extend(chunk[i:i + 2] for i in range(len(chunk) - 1))
    return out
