"""General Chinese synonyms: which words mean the same (data/thesaurus.txt, from 同义词词林扩展版).

A knowledge base from a customer has no synonyms of its own at first, and users paraphrase: 证书掉了 for 证书遗失,
变更 for 更改. ``Thesaurus`` links a question's word to the knowledge base's words of the same synonym group, for
scoring to give partial credit (``scoring.RELATED_WORD_CREDIT``). Curated synonyms (data/synonyms.yaml, the
lexicon, a folder's synonyms.yaml) still map words outright; this only adds evidence.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .reading import is_cjk

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

    def __init__(self, vocabulary):
        """``vocabulary``: the knowledge base's words; only Chinese words of two characters or more are linked to
        (a single character is too ambiguous a target: 用 is in the group of 费用)."""
        self._groups = synonym_groups()
        members = defaultdict(set)
        for word in vocabulary:
            if len(word) >= 2 and is_cjk(word):
                for g in self._groups.get(word, ()):
                    members[g].add(word)
        self._members = dict(members)

    def related(self, word: str) -> frozenset:
        """The knowledge base's words that share a synonym group with ``word`` (``word`` itself excluded)."""
        out = set()
        for g in self._groups.get(word, ()):
            out |= self._members.get(g, set())
        out.discard(word)
        return frozenset(out)
