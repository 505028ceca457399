"""The kinds of emergency the distress model tells apart, in Chinese for the alerts and the staff pages.

Apart from the vocabulary (``distress_words.py``) so that the staff side can name a handoff's kind without
loading the model's patterns.
"""
from __future__ import annotations

CATEGORY_LABELS = {
    "person_in_water": "人员落水", "fire": "火灾/爆炸", "flooding": "进水/沉没/倾覆", "collision": "碰撞",
    "grounding": "搁浅/触礁", "propulsion": "失去动力/失控/走锚/断缆", "medical": "人员受伤/急病",
    "toxic": "中毒/窒息", "spill": "溢油/泄漏", "missing": "人员失踪/被困", "violence": "船上暴力",
    "self_harm": "轻生风险",
    "call": "呼救", "custom": "险情",
}


def kind_label(kind: str | None) -> str:
    """The Chinese name of a kind of emergency ("" for none or one this code does not know)."""
    return CATEGORY_LABELS.get(kind or "", "")
