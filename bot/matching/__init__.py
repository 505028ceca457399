"""Matching: what the bot makes of a message, from its text to a decision and a reply.

Read in this order:

- ``settings.py``  the built-in settings (``data/settings.yaml``) and the one rule for combining a knowledge
                   folder's settings with them;
- ``lexicon.py``   the built-in synonyms, maritime lexicon and jieba dictionary (``data/``);
- ``reading.py``   normalising a text (full/half width, traditional, numbers, fillers) and applying synonyms;
- ``tokenizer.py`` our own jieba tokenizer and the function words it drops;
- ``repair.py``    typo repair by toneless pinyin and look-alike characters;
- ``kinds.py``     the kind of answer a question asks for;
- ``thesaurus.py`` general Chinese synonyms (同义词词林, ``data/thesaurus.txt``) for partial credit;
- ``index.py``     the index over a knowledge base (``memo.py``: its on-disk cache of cut texts);
- ``embedding.py`` an optional sentence-embedding model (BOT_EMBEDDING_MODEL) that adds a "semantic" score part;
- ``scoring.py``   candidates and their scores, the weights, the thresholds test;
- ``distress.py``  the distress model: a live emergency, or a question about a hazard (its vocabulary in
  ``distress_words.py``, the kinds of emergency it tells apart in ``distress_kinds.py``);
- ``complaint.py`` the complaint model: a grievance about the office, a public-opinion risk, or a question;
- ``smalltalk.py`` a greeting, thanks or goodbye alone, and asking for a person;
- ``replies.py``   answer, "did you mean" and handoff texts;
- ``decision.py``  ``Engine``, which ties these together in ``decide``.
- ``evaluate.py``  labelled-question evaluation and leave-one-out, over ``decide``.

The public names below load on first use, so ``import bot.matching`` (and ``bot.kb.loader``, which reads the
built-in settings) costs nothing heavy; jieba, OpenCC, pypinyin and rapidfuzz load when an engine is built.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Engine": "decision", "Decision": "decision", "ACTIONS": "decision",
    "Candidate": "scoring",
    "MAX_TEXT_CHARS": "reading", "clip": "reading", "read_normalized": "reading",
    "HAZARD_FOOTER": "replies", "NOTHING_TO_READ": "replies",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
