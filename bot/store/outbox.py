"""The ``outbox`` table: messages the bot sends on its own (late replies, staff replies, notices), queued, claimed
for sending by one worker at a time, their results, expiry and cancellation; and the counts of WeChat's
48-hour window (5 customer-service messages after the user's last message, read from ``users``).

The statuses and the policy (back-off, what waits for the user) are in bot/wechat/outbox.py; this module only reads
and writes. Statements join the caller's transaction when there is one, else commit on their own.
"""
from __future__ import annotations

from . import sql

# Messages that may still go out (and that staff can therefore cancel).
_UNSENT = "status in ('pending', 'failed')"


def insert(db, row: dict) -> int:
    """Queue a message (``row`` holds its columns); return its id."""
    return sql.insert(db, "outbox", row)


def get(db, outbox_id: int) -> dict | None:
    """One outbox row as a dict, or None."""
    return sql.get(db, "outbox", outbox_id)


def update(db, outbox_id: int, changes: dict) -> None:
    """Set ``changes`` on one outbox row."""
    sql.update(db, "outbox", outbox_id, changes)


def cancel(db, outbox_id: int, staff: str, at: str) -> bool:
    """Mark an unsent message cancelled by ``staff``; False when it is sent, being sent or already stopped."""
    cursor = db.execute(
        "update outbox set status = 'cancelled', cancelled_by = ?, cancelled_at = ?, next_attempt_at = null "
        f"where id = ? and {_UNSENT}", [staff, at, outbox_id])
    return cursor.rowcount == 1


def cancel_handoff_replies(db, handoff_id: int, staff: str, at: str) -> int:
    """Cancel every unsent staff reply of a handoff; return how many."""
    cursor = db.execute(
        "update outbox set status = 'cancelled', cancelled_by = ?, cancelled_at = ?, next_attempt_at = null "
        f"where handoff_id = ? and kind = 'staff_reply' and {_UNSENT}", [staff, at, handoff_id])
    return cursor.rowcount


def cancel_ids(db, ids: list, by: str, at: str) -> int:
    """Cancel those of the messages ``ids`` still unsent, naming ``by`` as who stopped them; return how many."""
    if not ids:
        return 0
    cursor = db.execute(
        "update outbox set status = 'cancelled', cancelled_by = ?, cancelled_at = ?, next_attempt_at = null "
        f"where id in ({', '.join('?' for _ in ids)}) and {_UNSENT}", [by, at, *ids])
    return cursor.rowcount


def last_message_at(db, user_id: str) -> str | None:
    """When the user last wrote (the start of WeChat's 48-hour window), as stored, or None."""
    rows = list(db.query("select last_message_at from users where user_id = ?", [user_id]))
    return rows[0]["last_message_at"] if rows else None


def custom_parts_since(db, user_id: str, since: str) -> int:
    """Customer-service messages (parts) sent to the user by attempts made since ``since`` (the window's quota)."""
    return db.execute(
        "select coalesce(sum(parts_sent), 0) from outbox where user_id = ? and last_attempt_at >= ? "
        "and channel = 'custom'",
        [user_id, since],
    ).fetchone()[0]


def due_ids(db, now: str, limit: int = 100) -> list:
    """Ids of the messages to try now, oldest first: queued or failed ones whose retry time has come, claims
    whose worker died, and those that waited for the user (not a refused notification) once the user wrote."""
    rows = db.query(
        """select o.id from outbox o left join users u on u.user_id = o.user_id
           where (o.status in ('pending', 'failed') and o.next_attempt_at <= ?)
              or (o.status = 'sending' and o.next_attempt_at <= ?)
              or (o.status = 'failed' and o.next_attempt_at is null and coalesce(o.errcode, 0) != 43101
                  and u.last_message_at > coalesce(o.last_attempt_at, ''))
           order by o.id limit """ + str(int(limit)),
        [now, now],
    )
    return [r["id"] for r in rows]


def expire(db, now: str, cutoff: str, outbox_id: int | None = None) -> int:
    """Mark expired the unsent messages (or the one ``outbox_id``) written by ``cutoff`` without an expiry time, or
    whose ``expires_at`` has come; a claim still live and a refused notification (43101) stay. Return how many."""
    one, params = ("", []) if outbox_id is None else (" and id = ?", [outbox_id])
    cursor = db.execute(
        "update outbox set status = 'expired', cancelled_at = ?, next_attempt_at = null "
        "where ((expires_at is null and created_at <= ?) or expires_at <= ?) "
        "and (status in ('pending', 'failed') or (status = 'sending' and next_attempt_at <= ?)) "
        "and coalesce(errcode, 0) != 43101" + one,
        [now, cutoff, now, now, *params])
    return cursor.rowcount


def claim(db, outbox_id: int, until: str, now: str) -> bool:
    """Take the row for sending (status 'sending' until ``until``) in one atomic UPDATE; False when another
    worker holds a live claim or the row was sent or stopped meanwhile."""
    cursor = db.execute(
        "update outbox set status = 'sending', next_attempt_at = ? where id = ? and "
        "(status in ('pending', 'failed') or (status = 'sending' and next_attempt_at <= ?))",
        [until, outbox_id, now],
    )
    return cursor.rowcount == 1


def set_receipt(db, outbox_id: int, receipt: str) -> None:
    """Keep WeChat's answer about a subscription notification that reached the user."""
    db.execute("update outbox set receipt = ? where id = ?", [receipt, outbox_id])


def notification_failed(db, outbox_id: int, errcode: int, error: str, receipt: str, retry_at: str | None) -> None:
    """A subscription notification WeChat could not deliver: failed, with its answer; retried at ``retry_at``
    (None: never)."""
    db.execute("update outbox set status = 'failed', errcode = ?, last_error = ?, receipt = ?, "
               "next_attempt_at = ? where id = ?", [errcode, error, receipt, retry_at, outbox_id])
