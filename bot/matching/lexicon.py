"""What the engine knows before it reads a knowledge folder: the built-in data files in ``data/``.

- ``data/synonyms.yaml`` and ``data/lexicon/*.yaml``: colloquial, older and foreign names → the standard term, in
  the same form as a knowledge folder's synonyms.yaml (the lexicon files name the public source of each group);
- ``data/dictionary.txt``: maritime terms for jieba, in the form of a folder's dictionary.txt;
- ``data/settings.yaml``: the built-in settings (read by ``settings.py``).

A folder's own synonyms and dictionary add to these by the rule in ``settings.py``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..kb.loader import KnowledgeBase, parse_dictionary, parse_synonyms

DATA_DIR = Path(__file__).with_name("data")
LEXICON_DIR = DATA_DIR / "lexicon"


@lru_cache(maxsize=None)
def built_in_synonyms() -> dict:
    """Built-in synonyms, variant → standard term: data/synonyms.yaml, then the lexicon files in name order (a
    later file's entry wins)."""
    merged = dict(parse_synonyms(DATA_DIR / "synonyms.yaml"))
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        merged.update(parse_synonyms(path))
    return merged


@lru_cache(maxsize=None)
def built_in_words() -> tuple:
    """Built-in jieba dictionary lines, (word, frequency or None, tag or None), from data/dictionary.txt."""
    return tuple(parse_dictionary(DATA_DIR / "dictionary.txt"))


def tokenizer_words(kb: KnowledgeBase) -> list:
    """The dictionary lines jieba reads for ``kb``: the built-in ones, then the folder's (every line, in order:
    jieba counts a repeated line's frequency again, so none is dropped)."""
    return list(built_in_words()) + list(kb.user_words)
