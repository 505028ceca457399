"""Cutting a normalised text into content words: a jieba tokenizer of our own, with the domain dictionary.

Each Engine has its own ``Tokenizer`` (never jieba's global one), built from the built-in and the knowledge
folder's dictionary lines plus the knowledge base's keywords and standard terms; jieba's main dictionary is loaded
once per process and copied. ``tokens`` is what the index and the scorer compare: search-mode words and their parts,
function words (STOPWORDS) dropped.
"""
from __future__ import annotations

import logging
import threading

import jieba

from .reading import is_cjk

jieba.setLogLevel(logging.WARNING)

# Function words that say nothing about which FAQ is meant.
STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 呀 么 嘛 哦 哈 呗 啦 噢 喔 哇 诶 哎 嗯 是 我 你 您 他 她 它 我们 你们 他们 咱 咱们 在 和 与 及 或 "
    "也 还 就 都 又 这 那 这个 那个 个 一 一下 一个 些 一些 有 没 没有 被 把 让 给 对 从 向 到 上 里 中 下 后 前 "
    "要 想 可以 得 地 着 过 不 请 这样 那样 现在 然后 如果 但是 因为 所以 已经 自己 之 其 为 以 于 而 "
    "一直 真的 听说 那边 这边 人家 东西 是不是 是否 有没有 能不能 会不会 要不要 还是 就是 一般 大概 "
    "应该 需要 得 去 来 用 弄 搞 整 干 做 啥时候 时候 之前 以前 以后 之后 今年 明年 去年 今天 明天 "
    "已 再 才 先 多 很 太 挺 比较 大家 各位 老师 同志 师傅 领导 我家 我的 我们的 朋友 一点 点 "
    "怎么 怎么办 怎样 怎么样 如何 呃 唉 喂 嗯嗯 那么 的话".split()
)


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
