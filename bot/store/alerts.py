"""The ``alerts`` table: alerts to the duty staff queued with the decision that raised them, leased to one sender
at a time, their results, the WeCom robot's per-minute count, and what escalation and the message read of the
alert's handoff.

The policy (channels, back-off, rate limit, merging, escalation periods) is in bot/service/alert_dispatcher.py and
bot/service/alerts.py; this module only reads and writes. Statements join the caller's transaction when there is
one, else commit on their own.
"""
from __future__ import annotations


def _dicts(cursor) -> list:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# ---- queueing and reading back ---------------------------------------------------------------------------

def queue(db, rows: list, handoff_id: int | None, reason: str, trigger_text: str, stamp: str,
          waited_minutes: int | None) -> list:
    """Store one pending alert per ``(channel, dedupe_key)`` of ``rows``, skipping keys already stored; return
    the new ids. Inside the caller's transaction (a savepoint), else in one of its own."""
    ids = []
    # A statement with RETURNING keeps SQLite's transaction open until its rows are read: read them all, and
    # commit here when the caller had no transaction of its own.
    with db.atomic():
        for channel, dedupe_key in rows:
            cursor = db.execute(
                "insert into alerts (handoff_id, channel, reason, dedupe_key, status, trigger_text, attempts, "
                "created_at, next_attempt_at, waited_minutes) values (?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?) "
                "on conflict(dedupe_key) do nothing returning id",
                [handoff_id, channel, reason, dedupe_key, trigger_text, stamp, stamp, waited_minutes],
            )
            ids += [row[0] for row in cursor.fetchall()]
    return ids


def of_handoff(db, handoff_id: int) -> list:
    """Every alert row of one handoff, oldest first, as dicts."""
    return _dicts(db.execute("select * from alerts where handoff_id = ? order by id", [handoff_id]))


def any_sent(db, handoff_id: int) -> bool:
    """Whether at least one alert about this handoff was sent."""
    return db.execute("select 1 from alerts where handoff_id = ? and status = 'sent' limit 1",
                      [handoff_id]).fetchone() is not None


def row(db, alert_id: int) -> dict:
    """One alert row as a dict."""
    cursor = db.execute("select * from alerts where id = ?", [alert_id])
    names = [c[0] for c in cursor.description]
    return dict(zip(names, cursor.fetchone()))


# ---- what an alert reads of its handoff ------------------------------------------------------------------------

def unescalated_urgent(db, cutoff: str, with_opinion: bool) -> list:
    """Urgent handoffs still pending that were opened by ``cutoff`` and have no distress (or opinion) alert newer
    than ``cutoff``: ``{id, created_at}``. Public-opinion handoffs only ``with_opinion``."""
    opinion = "" if with_opinion else " and (h.category is null or h.category != 'opinion')"
    return list(db.query(
        """select id, created_at from handoffs h
           where priority = 'urgent' and state = 'pending' and created_at <= ?""" + opinion + """
             and not exists (select 1 from alerts a where a.handoff_id = h.id
                             and a.reason in ('distress', 'opinion') and a.created_at > ?)""",
        [cutoff, cutoff],
    ))


def handoff_state(db, handoff_id: int) -> str | None:
    """The state of the alert's handoff, or None when it was deleted."""
    rows = list(db.query("select state from handoffs where id = ?", [handoff_id]))
    return rows[0]["state"] if rows else None


def handoff(db, handoff_id: int) -> dict | None:
    """The alert's handoff row as it is now, or None when it was deleted."""
    rows = list(db.query("select * from handoffs where id = ?", [handoff_id]))
    return rows[0] if rows else None


# ---- leasing -----------------------------------------------------------------------------------------------

def any_due(db, channel: str, now: str) -> bool:
    """Whether the channel has a row not sent whose time (retry, or end of a lease) has come."""
    return db.execute(
        "select 1 from alerts where channel = ? and status != 'sent' and next_attempt_at <= ? limit 1",
        [channel, now],
    ).fetchone() is not None


def oldest_due(db, channel: str, now: str) -> int | None:
    """The id of the channel's oldest due row, or None."""
    found = db.execute(
        "select id from alerts where channel = ? and status != 'sent' and next_attempt_at <= ? "
        "order by id limit 1", [channel, now],
    ).fetchone()
    return found[0] if found else None


def lease(db, alert_id: int, until: str, now: str, response: str | None) -> bool:
    """Lease a due row (status 'sending' until ``until``, one attempt more) in one atomic UPDATE; False when
    another worker has it or it is not due."""
    cursor = db.execute(
        "update alerts set status = 'sending', next_attempt_at = ?, last_attempt_at = ?, "
        "attempts = coalesce(attempts, 0) + 1, response = ? "
        "where id = ? and status != 'sent' and next_attempt_at <= ?",
        [until, now, response, alert_id, now],
    )
    return cursor.rowcount == 1


def due_wecom(db, now: str, limit: int) -> list:
    """The oldest due WeCom rows, at most ``limit``: ``[(id, last_error)]``."""
    return db.execute(
        "select id, last_error from alerts where channel = 'wecom' and status != 'sent' "
        "and next_attempt_at <= ? order by id limit ?", [now, limit],
    ).fetchall()


def wecom_held(db, marker: str, now: str) -> bool:
    """Whether a WeCom row failed with ``marker`` in its error (the robot's rate limit) and waits past ``now``."""
    return db.execute(
        "select 1 from alerts where channel = 'wecom' and status = 'failed' and last_error like ? "
        "and next_attempt_at > ? limit 1", [f"%{marker}%", now],
    ).fetchone() is not None


def wecom_messages_since(db, since: str, merged_prefix: str) -> int:
    """WeCom rows sent (or being sent) since ``since``, not counting those whose response starts with
    ``merged_prefix`` (merged into another row's message)."""
    return db.execute(
        "select count(*) from alerts where channel = 'wecom' "
        "and ((status = 'sent' and sent_at > ?) or (status = 'sending' and last_attempt_at > ?)) "
        "and (response is null or response not like ?)",
        [since, since, f"{merged_prefix}%"],
    ).fetchone()[0]


def set_last_error(db, ids: list, error: str) -> None:
    """Note ``error`` on the rows ``ids`` (why they wait)."""
    db.execute(f"update alerts set last_error = ? where id in ({', '.join('?' * len(ids))})", [error, *ids])


# ---- results -------------------------------------------------------------------------------------------------

def mark_sent(db, alert_id: int, attempts: int, sent_at: str, response: str | None) -> None:
    """The leased row went out, unless another worker re-leased it meanwhile (its ``attempts`` moved)."""
    db.execute("update alerts set status = 'sent', sent_at = ?, response = ?, last_error = null, "
               "next_attempt_at = null where id = ? and status = 'sending' and attempts = ?",
               [sent_at, response, alert_id, attempts])


def mark_failed(db, alert_id: int, attempts: int, error: str | None, response: str | None,
                retry_at: str | None) -> None:
    """The leased row failed: retried at ``retry_at`` (None: never); unless another worker re-leased it."""
    db.execute("update alerts set status = 'failed', last_error = ?, response = ?, next_attempt_at = ? "
               "where id = ? and status = 'sending' and attempts = ?",
               [error, response, retry_at, alert_id, attempts])
