"""The reply texts the engine writes: an answer with its related follow-ups, the "did you mean" list, the handoff
text, the list of navigation notices in force, and the fixed lines (the hazard footer, the prompt for a message
with nothing to read). Plain functions of the knowledge base and its settings, read at the time of the reply.
"""
from __future__ import annotations

import datetime as dt

from ..kb.loader import FAQ, KnowledgeBase

# In an answer's text, replaced by the list of notices in force on the day of the reply.
NOTICES_PLACEHOLDER = "{notices}"
# The reply to a message that is only punctuation or emoji (？ 。 👍): nothing to answer, nothing for a person.
NOTHING_TO_READ = "收到。有问题请直接输入文字，例如“船员证书丢了怎么补办”；需要人工服务请回复“人工”。"
# Ends an answer to a question that names a hazard ("船舶碰撞后怎么定责任"), in case it is happening after all.
HAZARD_FOOTER = "如果险情正在发生，请立即拨打12395水上遇险求救电话。"


def handoff_text(settings: dict) -> str:
    """The handoff reply with office hours filled in."""
    return settings["handoff_text"].strip().replace("{office_hours}", settings["office_hours"])


def active_notices(kb: KnowledgeBase, day: dt.date) -> list:
    """Dated FAQs (navigation notices) valid on ``day``, soonest ending first."""
    notices = [f for f in kb.faqs if f.dated and f.active(day)]
    return sorted(notices, key=lambda f: (f.valid_until or dt.date.max, f.id))


def render_notices(kb: KnowledgeBase, day: dt.date) -> str:
    """The list of notices valid on ``day`` (or a line saying there are none)."""
    notices = active_notices(kb, day)
    if not notices:
        return "目前没有正在有效期内的航行通告。"
    lines = []
    for f in notices:
        until = f"（有效至{f.valid_until.month}月{f.valid_until.day}日）" if f.valid_until else ""
        lines.append(f"· {f.question}{until}")
    return "\n".join(lines)


def render_answer(kb: KnowledgeBase, faq: FAQ, day: dt.date) -> tuple:
    """Answer text plus numbered related follow-ups; returns (text, option ids)."""
    text = faq.answer.strip()
    if NOTICES_PLACEHOLDER in text:
        text = text.replace(NOTICES_PLACEHOLDER, render_notices(kb, day))
    related = [kb.by_id[r] for r in faq.related if r in kb.by_id and kb.by_id[r].active(day)][:3]
    if related:
        lines = [f"{i}. {r.question}" for i, r in enumerate(related, 1)]
        text += "\n\n您可能还想了解：\n" + "\n".join(lines) + "\n回复数字即可查看。"
    return text, [r.id for r in related]


def render_clarify(candidates) -> str:
    """The "did you mean" list."""
    lines = [f"{i}. {c.question}" for i, c in enumerate(candidates, 1)]
    return "您是想问：\n" + "\n".join(lines) + "\n回复数字即可；都不是请回复“人工”。"


def complaint_text(settings: dict, kind: str, penalty: bool = False) -> str:
    """The acknowledgement of a complaint ("complaint") or public-opinion risk ("opinion"), in the office's words:
    received, who follows up and when, the independent channels; for a penalty, 行政复议 / 行政诉讼 too."""
    text = settings["opinion_text" if kind == "opinion" else "complaint_text"].strip()
    text = text.replace("{follow_up}", settings["complaint_follow_up"].strip().rstrip("。"))
    text = text.replace("{office_hours}", settings["office_hours"])
    if penalty and settings.get("complaint_penalty_text", "").strip():
        text += "\n" + settings["complaint_penalty_text"].strip()
    return text
