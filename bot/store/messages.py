"""The ``messages`` table: the log of every message, decision, score and latency."""
from __future__ import annotations

from . import sql


def unanswered_texts(db, since: str) -> list:
    """Texts of the messages handed off or answered with a "did you mean" list since ``since``, oldest first."""
    rows = db.execute(
        "SELECT text FROM messages WHERE action IN ('handoff', 'clarify') AND created_at >= ? "
        "AND text IS NOT NULL AND text != '' ORDER BY created_at, id", [since]).fetchall()
    return [r[0] for r in rows]


def add(db, row: dict) -> int:
    """Log one message (``row``: its columns); return its id."""
    return sql.insert(db, "messages", row)


def count_since(db, user_id: str, since: str) -> int:
    """How many messages (not events) ``user_id`` sent after ``since``."""
    return db.execute("select count(*) from messages where user_id = ? and created_at > ? and msg_type != 'event'",
                      [user_id, since]).fetchone()[0]


def rate_limited_since(db, user_id: str, since: str) -> bool:
    """Whether a message of ``user_id`` after ``since`` was logged as rate_limited."""
    return db.execute("select 1 from messages where user_id = ? and created_at > ? and action = 'rate_limited' "
                      "limit 1", [user_id, since]).fetchone() is not None


def latest_of_user(db, user_id: str, limit: int) -> list:
    """The last ``limit`` messages (not events) of ``user_id`` (created_at, msg_type, text, reply), newest first."""
    return list(db.query("select created_at, msg_type, text, reply from messages where user_id = ? "
                         "and msg_type != 'event' order by id desc limit ?", [user_id, limit]))


def latest_scored_texts(db, user_id: str, limit: int = 5) -> list:
    """Texts of the last ``limit`` text or voice messages of ``user_id`` that the engine scored and answered,
    clarified or handed off, newest first."""
    return [r["text"] for r in db.query("select text from messages where user_id = ? and msg_type in ('text', 'voice') "
                                        "and score is not null and action in ('answer', 'clarify', 'handoff') "
                                        "order by id desc limit ?", [user_id, limit])]


def latest_rows_of_user(db, user_id: str, limit: int) -> list:
    """Every column of the last ``limit`` messages of ``user_id`` (events too), newest first."""
    return list(db.query("select * from messages where user_id = ? order by created_at desc, id desc limit ?",
                         [user_id, limit]))


def of_user_after(db, user_id: str, after_id: int, limit: int) -> list:
    """Every column of the messages of ``user_id`` after message ``after_id``, at most ``limit``, in order."""
    return list(db.query("select * from messages where user_id = ? and id > ? order by id limit ?",
                         [user_id, after_id, limit]))


def texts_outside_handoffs(db, user_id: str, since: str, until: str, limit: int) -> list:
    """id, created_at and text of the last ``limit`` text or voice messages with words that ``user_id`` sent
    from ``since`` to ``until`` outside any handoff, newest first."""
    return list(db.query(
        "select id, created_at, text from messages where user_id = ? and handoff_id is null and created_at <= ? "
        "and created_at >= ? and msg_type in ('text', 'voice') and trim(coalesce(text, '')) != '' "
        "order by id desc limit ?", [user_id, until, since, limit]))


def texts_of_handoff(db, handoff_id: int) -> list:
    """id, created_at and text of the text or voice messages with words in a handoff, in order."""
    return list(db.query(
        "select id, created_at, text from messages where handoff_id = ? and msg_type in ('text', 'voice') "
        "and trim(coalesce(text, '')) != '' order by id", [handoff_id]))
