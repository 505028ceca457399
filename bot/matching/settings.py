"""The built-in settings, and the one rule by which a knowledge folder's own settings combine with the built-ins.

The built-in values live in ``data/settings.yaml`` (same keys and form as a folder's ``settings.yaml``). Whatever a
folder says is combined with what is built in by ``combine``, and only by it:

- a **list** adds: the built-in entries first, then the folder's entries not already there; nothing built in is
  ever removed (handoff_words, distress_words, distress_patterns, not_distress, menu);
- a **mapping** merges key by key, the folder's value winning for a key both have, by this same rule one level
  down (thresholds, smalltalk texts; synonyms, variant → standard term, in ``reading.Synonyms``);
- **anything else** (a text, a number) is replaced by the folder's value.

A key the folder leaves out keeps the built-in value. ``bot/kb/loader.py`` validates a folder's settings.yaml and
calls ``combine``; the matching code only reads the combined result (``KnowledgeBase.settings``). The jieba
dictionary adds in the same way, line by line: the folder's lines are read after the built-in ones, and a line
that repeats a built-in one is read again rather than dropped, as jieba counts every line it reads
(``lexicon.tokenizer_words``).
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

BUILT_IN_FILE = Path(__file__).with_name("data") / "settings.yaml"


def _read_built_in() -> dict:
    with open(BUILT_IN_FILE, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


BUILT_IN_SETTINGS = _read_built_in()


def built_in_settings() -> dict:
    """A fresh copy of the built-in settings (the caller may change it)."""
    return copy.deepcopy(BUILT_IN_SETTINGS)


def combine(built_in, folder):
    """``folder``'s value combined with the ``built_in`` one: lists add, mappings merge key by key (the folder's
    value wins), anything else is replaced. Neither argument is changed; the result shares nothing with them."""
    if isinstance(built_in, dict) and isinstance(folder, dict):
        out = copy.deepcopy(built_in)
        for key, value in folder.items():
            out[key] = combine(built_in[key], value) if key in built_in else copy.deepcopy(value)
        return out
    if isinstance(built_in, list) and isinstance(folder, list):
        out = copy.deepcopy(built_in)
        for entry in folder:
            if entry not in out:
                out.append(copy.deepcopy(entry))
        return out
    return copy.deepcopy(folder)
