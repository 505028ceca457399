"""Full pinyin typed without picking the characters (``ren diao shui li le``), read back as Chinese.

Someone in a hurry, on a phone without a Chinese keyboard or with shaking hands, sends the letters an input method
would have turned into characters. This does what the input method would: the letters are cut into syllables and
the syllables into the likeliest words of jieba's general dictionary (the cut whose words' frequencies have the
highest product, as jieba cuts text). A caller may favour words of its own: the distress model favours its key words
and the river's, so ``ren diao shui li le`` reads 人掉水里了 (not 水力, hydraulic power) and ``zhuang chuan`` 撞船 (not
装船), and it reads the message like any other.

Only runs of two syllables or more are converted, and only words that parse as pinyin: English words ("man
overboard", "fire") stay as they are. In a run that mixes the two, only three or more one-syllable pinyin words in a
row are converted (``PinyinReader.convert``). The table of readings (words of the dictionary used at least
``MIN_FREQ`` times) takes two seconds to build and is kept in this user's cache folder (``memo.py``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .memo import cache_folder, trusted_folder, write_cached

MIN_FREQ = 20  # 78,000 words of jieba's 350,000; rarer ones are seldom what a hurried writer meant
MAX_WORD = 4  # syllables per dictionary word
TABLE_VERSION = "1"
# A favoured word outranks every other word of its reading, and is counted at least as common as this (a word of
# jieba's dictionary at about the 7,000th place): enough to be read as a word of its own.
FAVOURED_FLOOR = 1000
# A run of letters, words apart by spaces or punctuation: the candidates for conversion.
LATIN_RUN = re.compile(r"[a-z]+(?:[\s,.!?，。！？、']+[a-z]+)*")
LATIN_WORD = re.compile(r"[a-z]+")


def _dictionary():
    from .tokenizer import Tokenizer

    return Tokenizer.base()


def _build_table() -> dict:
    """{"ren diao": (word, frequency)}: the most frequent word for each reading."""
    from pypinyin import lazy_pinyin

    freq = _dictionary().FREQ
    table = {}
    for word, f in freq.items():
        if f >= MIN_FREQ and len(word) <= MAX_WORD and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            key = " ".join(lazy_pinyin(word))
            if f > table.get(key, ("", 0))[1]:
                table[key] = (word, f)
    return table


def _load_table() -> dict:
    """The reading table, from this user's cache when jieba's dictionary has not changed since."""
    dictionary = _dictionary()
    path = cache_folder() / f"pinyin-{TABLE_VERSION}-{MIN_FREQ}-{len(dictionary.FREQ)}-{dictionary.total}.tsv"
    try:
        if path.exists() and trusted_folder(path.parent):
            table = {}
            for line in path.read_text(encoding="utf-8").splitlines():
                key, word, f = line.split("\t")
                table[key] = (word, int(f))
            return table
    except (OSError, ValueError):
        pass
    table = _build_table()
    text = "\n".join(f"{k}\t{w}\t{f}" for k, (w, f) in table.items())
    try:
        write_cached(path, lambda fh: fh.write(text.encode("utf-8")))
    except OSError:
        pass  # a cache we cannot write only costs start-up time
    return table


class PinyinReader:
    """Turns runs of toneless pinyin in a text into Chinese characters."""

    def __init__(self, table: dict, favoured=()):
        """``table``: {reading: (word, frequency)}; ``favoured``: words read in preference to any other word of the
        same reading."""
        from pypinyin import lazy_pinyin

        self.table = dict(table)
        for word in favoured:
            key = " ".join(lazy_pinyin(word))
            self.table[key] = (word, max(self.table.get(key, ("", 0))[1] + 1, FAVOURED_FLOOR))
        self.syllables = {k for k in self.table if " " not in k}
        self.longest = max((len(s) for s in self.syllables), default=0)
        self.total = sum(f for _, f in self.table.values()) or 1

    def split(self, letters: str) -> list | None:
        """The fewest syllables that spell ``letters`` exactly (renbujian → ren bu jian), or None."""
        best = [None] * (len(letters) + 1)
        best[0] = []
        for i in range(len(letters)):
            if best[i] is None:
                continue
            for j in range(i + 1, min(len(letters), i + self.longest) + 1):
                if letters[i:j] in self.syllables and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                    best[j] = best[i] + [letters[i:j]]
        return best[-1]

    def words(self, syllables: list) -> str:
        """The likeliest characters for a run of syllables: the cut into dictionary words whose frequencies have
        the highest product, as jieba cuts text."""
        n = len(syllables)
        route = [(0.0, 0)] * (n + 1)
        for i in range(n - 1, -1, -1):
            options = []
            for j in range(i + 1, min(n, i + MAX_WORD) + 1):
                hit = self.table.get(" ".join(syllables[i:j]))
                if hit:
                    options.append((math.log(hit[1] / self.total) + route[j][0], j))
            route[i] = max(options) if options else (-1e9, i + 1)
        out, i = [], 0
        while i < n:
            j = route[i][1]
            hit = self.table.get(" ".join(syllables[i:j]))
            out.append(hit[0] if hit else syllables[i])
            i = j
        return "".join(out)

    def convert(self, text: str) -> str:
        """``text`` with each run of two or more pinyin syllables (lower case) written in characters.

        In a run that mixes pinyin with English ("jiu ming chuan zhao huo le ship name …"), only three or more words
        in a row that are one syllable each are converted; the rest is left as typed. Longer English words split
        into syllables too ("name", "ocean"), and two short ones would take "he can" of "he can not swim"."""
        def replace(m):
            words = LATIN_WORD.findall(m.group(0))
            parts = [self.split(w) for w in words]
            if all(p is not None for p in parts):
                return self.words([s for p in parts for s in p]) if sum(len(p) for p in parts) >= 2 else m.group(0)
            out, run = [], []
            for word, part in [*zip(words, parts), ("", None)]:
                if part is not None and len(part) == 1:
                    run.append((word, part))
                    continue
                if len(run) >= 3:
                    out.append(self.words([s for _, p in run for s in p]))
                else:
                    out.extend(w for w, _ in run)
                run = []
                if word:
                    out.append(word)
            return " ".join(out)

        return LATIN_RUN.sub(replace, text)


@lru_cache(maxsize=4)
def pinyin_reader(favoured: tuple = ()) -> PinyinReader:
    """One reader per set of favoured words, built once per process."""
    return PinyinReader(_load_table(), favoured)
