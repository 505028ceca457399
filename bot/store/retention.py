"""How long users' words are kept: after BOT_RETENTION_DAYS the text goes, the counts stay.

The dashboard counts messages, answers and handoffs by day, so rows are kept and only what a person
wrote or was told is cleared: message text and replies, the transcript and question of handoffs closed
before the cut-off, sent customer-service messages and delivered alerts.
"""
from __future__ import annotations

import datetime as dt

from ..clock import utcnow

REDACTED = "（已超过保存期限，内容已删除）"


def purge_old_text(db, days: int, now: dt.datetime | None = None) -> int:
    """Clear the words of everything older than ``days`` days; return how many message rows were cleared."""
    if days <= 0:
        return 0
    cutoff = ((now or utcnow()) - dt.timedelta(days=days)).astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    with db.conn:
        cleared = db.execute(
            "update messages set text = null, normalized = null, reply = null, candidates = null "
            "where created_at < ? and (text is not null or reply is not null or normalized is not null)",
            [cutoff]).rowcount
        db.execute("update handoffs set question = ?, transcript = '[]', key_message = null "
                   "where state = 'resolved' and resolved_at < ? and question is distinct from ?", [REDACTED, cutoff, REDACTED])
        db.execute("update handoff_notes set text = ? where created_at < ? and text != ? and handoff_id in "
                   "(select id from handoffs where state = 'resolved')", [REDACTED, cutoff, REDACTED])
        db.execute("update outbox set text = ? where (status in ('sent', 'cancelled', 'expired') "
                   "or (status = 'failed' and next_attempt_at is null)) "
                   "and created_at < ? and text != ?",
                   [REDACTED, cutoff, REDACTED])
        db.execute("update alerts set trigger_text = null where status in ('sent', 'failed') and created_at < ? "
                   "and trigger_text is not null", [cutoff])
    return cleared
