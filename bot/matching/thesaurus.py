"""General Chinese synonyms: which words mean the same (data/thesaurus.txt, from 同义词词林扩展版).

A knowledge base from a customer has no synonyms of its own at first, and users paraphrase: 证书掉了 for 证书遗失,
变更 for 更改. ``Thesaurus`` links a question's word to the knowledge base's words of the same synonym group, and to
those nearest it among general word vectors (``vectors.py``: 转账 → 汇款, 可靠 → 安全), for scoring to give partial
credit (``scoring.RELATED_WORD_CREDIT``). Curated synonyms (data/synonyms.yaml, the lexicon, a folder's
synonyms.yaml) still map words outright; this only adds evidence.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .reading import is_cjk
from .vectors import NEIGHBOUR_COSINE

# A neighbour by word vectors this near (丢失 / 遗失: 0.80) counts as a synonym; a looser one (游艇 / 船员: 0.59) as
# much less, on a straight line down to nothing at NEIGHBOUR_COSINE. Chosen by hand; on bench/tune.py's sets at
# 47/46/4, against full credit for every neighbour (objective 134.72) and a line to 0.65 (134.02), 0.8 (133.34) hands
# off more out-of-scope finance questions (60.0 % against 58.0 and 58.5), with the dev sets' top-1 within 0.4 and
# leave-one-out about a point lower: a loose neighbour makes wrong answers more than right ones.
FULL_COSINE = 0.8

THESAURUS = Path(__file__).with_name("data") / "thesaurus.txt"


@lru_cache(maxsize=1)
def synonym_groups() -> dict:
    """word → the numbers of the synonym groups it belongs to (read once per process)."""
    groups = defaultdict(list)
    with THESAURUS.open(encoding="utf-8") as f:
        n = 0
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            for word in line.split()[1:]:
                groups[word].append(n)
            n += 1
    return {w: tuple(g) for w, g in groups.items()}


class Thesaurus:
    """The synonym groups restricted to one knowledge base's vocabulary."""

    def __init__(self, vocabulary, vectors=None):
        """``vocabulary``: the knowledge base's words; only Chinese words of two characters or more are linked to
        (a single character is too ambiguous a target: 用 is in the group of 费用). ``vectors``: general word
        vectors (``vectors.WordVectors``) whose neighbours are linked too, or None."""
        self._groups = synonym_groups()
        members = defaultdict(set)
        for word in vocabulary:
            if len(word) >= 2 and is_cjk(word):
                for g in self._groups.get(word, ()):
                    members[g].add(word)
        self._members = dict(members)
        self._targets = vectors.targets(vocabulary) if vectors is not None else None

    def related(self, word: str) -> dict:
        """``{kb word: strength}``: the knowledge base's words that share a synonym group with ``word`` (strength
        1), or are among its nearest by word vectors (strength rising from 0 at the vectors' NEIGHBOUR_COSINE to 1
        at FULL_COSINE); ``word`` itself excluded."""
        out = {}
        if self._targets is not None:
            for near, cosine in self._targets.neighbours(word):
                out[near] = min(1.0, (cosine - NEIGHBOUR_COSINE) / (FULL_COSINE - NEIGHBOUR_COSINE))
        for g in self._groups.get(word, ()):
            for w in self._members.get(g, ()):
                out[w] = 1.0
        out.pop(word, None)
        return out
