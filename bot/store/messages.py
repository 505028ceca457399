"""The ``messages`` table: the log of every message, decision, score and latency."""
from __future__ import annotations


def unanswered_texts(db, since: str) -> list:
    """Texts of the messages handed off or answered with a "did you mean" list since ``since``, oldest first."""
    rows = db.execute(
        "SELECT text FROM messages WHERE action IN ('handoff', 'clarify') AND created_at >= ? "
        "AND text IS NOT NULL AND text != '' ORDER BY created_at, id", [since]).fetchall()
    return [r[0] for r in rows]
