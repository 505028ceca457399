"""The reporting queries of the dashboard and the log search (bot/service/stats.py), over ``messages``,
``handoffs`` and ``outbox``: counts per Shanghai day, per action and per FAQ, handoff times, complaints and the
search itself.

Read only. What the figures mean and how they are shaped is in bot/service/stats.py.
"""
from __future__ import annotations

from . import sql
from .dialect import local_day

# Events (subscribing, menu clicks) are not messages people wrote: the figures leave them out.
PEOPLE_WROTE = "coalesce(msg_type, '') != 'event'"
# A handoff's kind as staff last re-classified it, else as the bot recognised it (see bot.service.handoffs).
HANDOFF_KIND = "(case when staff_label = 'none' then null else coalesce(staff_label, category) end)"


def messages_per_day(db, start: str, end: str) -> dict:
    """``{day: count}`` of messages people wrote (not events) from ``start`` to before ``end``, by Shanghai day
    (YYYY-MM-DD)."""
    rows = db.query(
        f"select {local_day(db)} as day, count(*) as n from messages where created_at >= ? and created_at < ? "
        f"and {PEOPLE_WROTE} group by day",
        [start, end],
    )
    return {r["day"]: r["n"] for r in rows}


def actions_since(db, since: str) -> list:
    """``[(action, count)]`` of the messages people wrote since ``since``."""
    return [(r["action"], r["n"])
            for r in db.query(f"select action, count(*) as n from messages where created_at >= ? and {PEOPLE_WROTE} "
                              "group by action", [since])]


def handoff_times(db, since: str) -> list:
    """Each handoff opened since ``since``: created_at, claimed_at and first_reply_at (a staff reply that went out
    on a later automatic retry is in the outbox only: its sending time)."""
    return list(db.query(
        "select created_at, claimed_at, coalesce(first_reply_at, (select min(o.sent_at) from outbox o "
        "where o.handoff_id = h.id and o.kind = 'staff_reply' and o.status = 'sent')) as first_reply_at "
        "from handoffs h where created_at >= ?", [since],
    ))


def top_faqs(db, since: str, limit: int) -> list:
    """``[(faq_id, count)]`` of the FAQs answered most often since ``since``, most first."""
    rows = db.query(
        "select faq_id, count(*) as n from messages where created_at >= ? and action = 'answer' "
        "and faq_id is not null and faq_id != '' group by faq_id order by n desc, faq_id limit ?",
        [since, limit],
    )
    return [(r["faq_id"], r["n"]) for r in rows]


def handed_off_texts(db, since: str, limit: int = 5000) -> list:
    """Texts (or None) of the text and voice messages handed off since ``since`` that opened a handoff or had none
    (not those written into a handoff already open), newest first."""
    return [r["text"] for r in db.query(
        "select m.text from messages m left join handoffs h on h.id = m.handoff_id "
        "where m.created_at >= ? and m.action = 'handoff' and coalesce(m.msg_type, 'text') in ('text', 'voice') "
        "and (h.id is null or h.created_at >= m.created_at) order by m.created_at desc limit ?",
        [since, limit],
    )]


def complaints_per_day(db, start: str, end: str) -> dict:
    """``{(day, kind): count}`` of the handoffs opened from ``start`` to before ``end`` that are complaints or
    public-opinion risks (HANDOFF_KIND), by Shanghai day (YYYY-MM-DD)."""
    rows = db.query(
        f"select {local_day(db)} as day, {HANDOFF_KIND} as kind, count(*) as n from handoffs "
        f"where created_at >= ? and created_at < ? and {HANDOFF_KIND} is not null group by day, kind",
        [start, end],
    )
    return {(r["day"], r["kind"]): r["n"] for r in rows}


def latest_complaints(db, limit: int) -> list:
    """The newest handoffs that are complaints or public-opinion risks (or that the bot took for one), newest first:
    ``{"id", "created_at", "kind", "category", "staff_label", "text", "state", "claimed_by"}``."""
    return list(db.query(
        f"select id, created_at, {HANDOFF_KIND} as kind, category, staff_label, state, claimed_by, "
        "coalesce(nullif(trim(key_message), ''), question, '') as text from handoffs "
        "where category is not null or staff_label in ('complaint', 'opinion') "
        "order by created_at desc, id desc limit ?", [limit]))


def labelled_handoffs(db, since: str | None = None) -> list:
    """category and staff_label of the handoffs staff re-classified (opened since ``since``, when given)."""
    where, params = "staff_label is not null", []
    if since:
        where, params = where + " and created_at >= ?", [since]
    return list(db.query(f"select category, staff_label from handoffs where {where}", params))


def search_messages(db, user: str = "", text: str = "", faq: str = "", action: str = "", start: str | None = None,
                    end: str | None = None, limit: int = 100, offset: int = 0) -> tuple:
    """Logged messages matching every filter given, newest first, and how many match in all: (rows, total).

    ``user`` and ``text`` match parts (text also in the normalised text and the reply), ``faq`` and ``action``
    exactly; ``start`` and ``end`` bound created_at (from ``start``, before ``end``).
    """
    where, params = [], []
    if user:
        where.append("user_id like ? escape '\\'")
        params.append(f"%{sql.like_escape(user)}%")
    if text:
        where.append("(text like ? escape '\\' or normalized like ? escape '\\' or reply like ? escape '\\')")
        params += [f"%{sql.like_escape(text)}%"] * 3
    if faq:
        where.append("faq_id = ?")
        params.append(faq)
    if action:
        where.append("action = ?")
        params.append(action)
    if start:
        where.append("created_at >= ?")
        params.append(start)
    if end:
        where.append("created_at < ?")
        params.append(end)
    clause = (" where " + " and ".join(where)) if where else ""
    total = next(db.query(f"select count(*) as n from messages{clause}", params))["n"]
    rows = list(db.query(
        f"select * from messages{clause} order by created_at desc, id desc limit ? offset ?",
        params + [limit, offset],
    ))
    return rows, total

