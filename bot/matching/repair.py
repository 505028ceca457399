"""Typo repair: respell pinyin-input and look-alike slips as words of the knowledge base's own vocabulary.

A slip is a run of characters jieba makes no word of (or only a word rare in general Chinese) that sounds like a
vocabulary word in accent-tolerant, toneless pinyin (试任 → 适任, 海是通 → 海事通, 累河 → 内河) or looks like one
(豋录 → 登录). The repaired reading is only a proposal: ``believed`` keeps it only when it matches clearly better
than the text as typed, so ordinary words that merely sound like a domain term (有船 / 油船) stay as typed.
"""
from __future__ import annotations

from functools import lru_cache

from pypinyin import lazy_pinyin

from .reading import is_cjk

# jieba's general-dictionary frequency under which a word counts as a domain term (typo-repair target).
# Chosen by hand, not tuned (commit 3210f0b names no question set).
RARE_IN_GENERAL_CHINESE = 100
# Points by which a typo-repaired reading must beat the text as typed before it is believed.
# Chosen by hand, not tuned (commit ce3f019 names no question set).
HOMOPHONE_GAIN = 8.0

# Southern accents and voice input blur these initials and finals.
_FUZZY = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ing", "in"), ("eng", "en"), ("ang", "an"))


# Southern accents also merge f with hu (飞/灰, 发/花, 福/湖) and l with n (流/牛).
_F_AS_HU = {"u": "hu", "ei": "hui", "en": "hun"}


@lru_cache(maxsize=20000)
def char_pinyin(ch: str) -> str:
    """Toneless, accent-tolerant pinyin of one character (the character itself if it has none)."""
    if not is_cjk(ch):
        return ch
    py = lazy_pinyin(ch)[0]
    for a, b in _FUZZY:
        py = py.replace(a, b)
    if py.startswith("l"):
        py = "n" + py[1:]
    elif py.startswith("f"):
        py = _F_AS_HU.get(py[1:], "hu" + py[1:])
    return py


def pinyin_key(word: str) -> str:
    """Homophone key of a word: the accent-tolerant pinyin of each character, joined."""
    return "|".join(char_pinyin(c) for c in word)


# Characters that look alike and are typed (or recognised by handwriting input) one for another; each group reads as
# its first member. Pairs that also sound alike (帐/账, 豋/登) are folded here too.
LOOKALIKES = ("已己巳", "未末", "土士", "拨拔", "候侯", "戌戍戊", "日曰", "干千于", "折拆", "券卷", "账帐", "登豋",
              "侍待", "撤撒", "辨辩辫", "即既", "另叧", "冒昌", "鸟乌", "住往", "历厉", "赢嬴羸", "汩汨")
_SHAPE = {ch: group[0] for group in LOOKALIKES for ch in group[1:]}


def shape_key(word: str) -> str:
    """Look-alike key of a word: each character replaced by the first of its look-alike group."""
    return "".join(_SHAPE.get(c, c) for c in word)


def believed(plain: dict, plain_ranked: list, repaired: dict, repaired_ranked: list) -> tuple:
    """(reading, ranking) to go on: the repaired one only when it scores clearly above the text as typed."""
    best = repaired_ranked[0].score if repaired_ranked else 0.0
    if not repaired_ranked or (plain_ranked and plain_ranked[0].score + HOMOPHONE_GAIN > best):
        return plain, plain_ranked
    return repaired, repaired_ranked


class TypoRepair:
    """The repair targets of one knowledge base, by sound and by shape; ``correct`` respells a text."""

    def __init__(self, tokenizer, vocab: set, df_words: dict):
        """``vocab``: the knowledge base's words (two characters or more); ``df_words``: in how many FAQs each
        word occurs (where two words share a key, the more frequent wins)."""
        self.tokenizer = tokenizer
        self.vocab = vocab
        self._by_sound, self._by_sound_any, self._by_shape = {}, {}, {}
        # Words rare in general Chinese are repair targets for any slip: a domain term (适任, 海事通) is what a pinyin
        # slip misses, while 正在 / 不再 / 提前 are ordinary words the user more likely meant as typed. Every other
        # word of the vocabulary (登录, 购买) is a target only for characters jieba cannot make a word of (豋录,
        # 够买): 公室 is a word of its own and stays. Where two share a key, the more frequent in the knowledge base wins.
        for w in sorted(vocab, key=lambda w: (-df_words.get(w, 0), w)):
            if tokenizer.general_frequency(w) < RARE_IN_GENERAL_CHINESE:
                self._by_sound.setdefault(pinyin_key(w), w)
            self._by_sound_any.setdefault(pinyin_key(w), w)
            self._by_shape.setdefault(shape_key(w), w)
        self._sound_lengths = sorted({len(w) for w in vocab if len(w) <= 6}, reverse=True)

    def correct(self, text: str) -> str:
        """Repair pinyin-input typos: a run of single characters or words rare in general Chinese that sounds
        exactly like a domain term is replaced by it (试任证书 → 适任证书, 海是通 / 海事同 → 海事通)."""
        out = []
        for chunk in text.split():
            words = self.tokenizer.segment(chunk)
            fixed, run, loose = [], [], ""
            for w in words + [None]:
                if w is not None and is_cjk(w) and w not in self.vocab and (
                        len(w) == 1 or self.tokenizer.general_frequency(w) < RARE_IN_GENERAL_CHINESE):
                    run.append(w)
                    unknown = len(w) == 1 or self.tokenizer.general_frequency(w) == 0
                    loose += ("1" if unknown else "0") * len(w)
                    continue
                piece = "".join(run)
                respelt = self._respell(piece, loose)
                if piece and respelt == piece and fixed and is_cjk(fixed[-1]):
                    # The slip may continue a known word (海事 + 同登 for 海事通登): respell the two together.
                    joined = self._respell(fixed[-1] + piece, "0" * len(fixed[-1]) + loose)
                    if joined != fixed[-1] + piece:
                        fixed[-1], respelt = joined, ""
                fixed.append(respelt)
                run, loose = [], ""
                if w is not None:
                    fixed.append(w)
            out.append("".join(fixed))
        return " ".join(out)

    def _respell(self, run: str, loose: str) -> str:
        """``run`` with pieces that sound or look like a vocabulary word replaced by it; ``loose`` marks ("1") the
        characters jieba could make no word of, the only ones any vocabulary word may replace."""
        i, out = 0, []
        while i < len(run):
            for n in self._sound_lengths:
                piece = run[i:i + n]
                if len(piece) < n or n < 2:
                    continue
                candidates = [self._by_sound.get(pinyin_key(piece))]
                if "0" not in loose[i:i + n]:
                    candidates += [self._by_sound_any.get(pinyin_key(piece)), self._by_shape.get(shape_key(piece))]
                word = next((c for c in candidates if c and c != piece and set(c) & set(piece)), None)
                if word:
                    out.append(word)
                    i += n
                    break
            else:
                out.append(run[i])
                i += 1
        return "".join(out)
