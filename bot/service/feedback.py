"""Whether an answer helped: the words a user replies with, when the answer asks, and what 没用 offers instead.

After an answer the user may reply **有用** or **没用** (or a variant below) about the FAQ last answered to them, for
FEEDBACK_TTL after the answer; a new question, a "did you mean" list or a handoff ends that. Only a whole message
counts: "救生衣有用吗" is a question, and numbers keep picking from a list. The answer ends with the ``prompt`` of the
settings' ``feedback:`` when its ``ask`` says so: ``on`` (every answer), ``off`` (never) or ``below`` (a match score
below ``below_score``, or a pick from a "did you mean" list). 没用 offers the answered question's next best FAQs as
numbers (the "did you mean" mechanism), or a person. The conversation (bot/service/conversation.py) keeps the
target in the user's state and logs each rating through bot/store/feedback.py.
"""
from __future__ import annotations

import datetime as dt
import re

# A rating counts this long after the answer (the user may read it and try what it says first).
FEEDBACK_TTL = dt.timedelta(minutes=30)
# The whole message, normalised and without spaces (punctuation and emoji are gone by then).
_PARTICLES = "[了啊呀呢哦啦吧嘛哈]*"
_HELPFUL = re.compile(r"^(这个|这条)?(回答)?(很|挺|非常|确实|还是|真)?(有用|有帮助|管用|解决了)(的)?" + _PARTICLES
                      + r"(谢谢|多谢|感谢|谢了)?(你|您)?" + _PARTICLES + "$")
_UNHELPFUL = re.compile(r"^(这个|这条)?(回答)?(还是|都|根本|一点都|一点也|完全)?"
                        r"(没用|没有用|没什么用|没啥用|无用|不管用|没帮助|没有帮助|没帮上|答非所问)(的)?" + _PARTICLES + "$")
# The words, as the README and the prompt name them.
HELPFUL_WORD, UNHELPFUL_WORD = "有用", "没用"
# 没用 offers up to this many of the question's next best FAQs that scored at least this share of the answer
# threshold. Chosen by hand: of the answers wrong on ../shared/bench/dev.yaml and ../shared/bench/finance/dev.yaml
# the right FAQ, when it was a candidate at all, scored 35.6 to 66.4 with the answer threshold at 47 (the meaning part
# of the score lifts every candidate, so the 0.5 chosen before it, on runner-ups of 29.5 to 61 at 45, let far ones in).
MAX_ALTERNATIVES = 3
ALTERNATIVE_SHARE = 0.75

THANKS = "感谢您的反馈！还有问题可以随时提问。"
# 没用: SORRY, then the "did you mean" list of the next best FAQs, or ASK_PERSON when there are none.
SORRY = "抱歉没能帮到您。"
ASK_PERSON = "可以换个说法再问一次，或回复“人工”转工作人员。"
NOTHING_TO_RATE = ("没有可以评价的回答（回答后30分钟内可以回复“有用”或“没用”）。有问题请直接输入；"
                   "需要工作人员请回复“人工”。")


def verdict(compact: str) -> bool | None:
    """True for 有用, False for 没用 (and their variants), None for anything else; ``compact`` is the normalised
    message without spaces."""
    if _HELPFUL.match(compact):
        return True
    if _UNHELPFUL.match(compact):
        return False
    return None


def prompt(settings: dict, score: float | None, chosen: bool = False) -> str:
    """The line an answer ends with, or "": per ``feedback.ask``; ``score`` is the answer's match score (None when
    the user chose the FAQ), ``chosen`` that it was picked from a "did you mean" list."""
    config = settings.get("feedback") or {}
    ask = config.get("ask", "on")
    if ask == "off":
        return ""
    if ask == "below":
        doubtful = chosen or (score is not None and score < config.get("below_score", 0.0))
        if not doubtful:
            return ""
    return (config.get("prompt") or "").strip()


def alternatives(candidates: list, answered: str, settings: dict) -> dict:
    """``{faq_id: score}`` of the next best FAQs for a question answered by ``answered``, best first.

    ``candidates``: the ranking as logged (``[{"faq_id", "score"}]``, best first)."""
    floor = ALTERNATIVE_SHARE * settings["thresholds"]["answer"]
    out = {}
    for c in candidates:
        if c["faq_id"] != answered and c["score"] >= floor and len(out) < MAX_ALTERNATIVES:
            out[c["faq_id"]] = c["score"]
    return out


def target(faq_id: str, at: str, score: float | None = None, asked_at: str | None = None,
           alternatives: dict | None = None) -> dict:
    """What the user's state keeps about the answer a rating would be about: the FAQ, when it was answered, its
    match score, when the question was asked (its log row) and the next best FAQs ``{faq_id: score}``."""
    return {"faq_id": faq_id, "at": at, "score": score, "asked_at": asked_at, "alternatives": alternatives or {}}


def expired(rated: dict, now: dt.datetime, parse) -> bool:
    """Whether a target from the user's state is too old to be rated (``parse`` reads its stored time)."""
    at = parse(rated.get("at"))
    return at is None or now - at > FEEDBACK_TTL

