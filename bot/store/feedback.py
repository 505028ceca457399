"""The ``feedback`` table: whether an answer helped (有用 / 没用), one row per reply of a user, per FAQ.

A row names the FAQ rated, whether it helped, the score the answer was matched with (NULL when the user chose
the FAQ from a list or the menu) and the logged message that asked the question (``question_id``, NULL when there
was no question of the user's own, as for a menu click). The row holds nothing of the user: their words stay in
``messages``, so the retention upkeep clears them there and unsubscribing deletes them (the link becomes NULL,
the anonymous vote stays counted).

Every statement is in the portable subset of bot/store/__init__.py.
"""
from __future__ import annotations


def add(db, *, faq_id: str, helpful: bool, score: float | None, user_id: str, asked_at: str | None,
        stamp: str) -> None:
    """Log one rating, inside the caller's transaction; ``asked_at`` is when ``user_id`` asked the question."""
    question_id = None
    if asked_at:
        # The engine's answer or "did you mean" list (a number picked from a list has no score).
        row = db.execute("select id from messages where user_id = ? and created_at = ? "
                         "and action in ('answer', 'clarify') and score is not null order by id desc limit 1",
                         [user_id, asked_at]).fetchone()
        question_id = row[0] if row else None
    db.execute("insert into feedback (created_at, faq_id, helpful, score, question_id) values (?, ?, ?, ?, ?)",
               [stamp, faq_id, 1 if helpful else 0, score, question_id])


def per_faq(db, since: str) -> list:
    """``[{"faq_id", "helpful", "unhelpful", "total"}]`` of the ratings since ``since``, least helpful first.

    Least helpful: the lowest share of 有用 counting one vote more each way ((有用 + 1) / (total + 2)), so that
    a single 没用 does not outrank a FAQ that many found unhelpful; then most 没用 first.
    """
    rows = db.execute("select faq_id, sum(helpful) as helpful, count(*) as total from feedback "
                      "where created_at >= ? group by faq_id", [since]).fetchall()
    out = [{"faq_id": faq_id, "helpful": int(helpful or 0), "unhelpful": total - int(helpful or 0), "total": total}
           for faq_id, helpful, total in rows]
    out.sort(key=lambda r: ((r["helpful"] + 1) / (r["total"] + 2), -r["unhelpful"], r["faq_id"]))
    return out


def unhelpful_questions(db, since: str, limit: int = 5000) -> list:
    """``[(question text, faq_id)]`` of the answers rated 没用 since ``since``, newest first (text still kept)."""
    rows = db.execute(
        "select m.text, f.faq_id from feedback f join messages m on m.id = f.question_id "
        "where f.helpful = 0 and f.created_at >= ? and m.text is not null and m.text != '' "
        "order by f.created_at desc, f.id desc limit ?", [since, limit]).fetchall()
    return [(text, faq_id) for text, faq_id in rows]
