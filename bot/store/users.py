"""The ``users``, ``user_state`` and ``departed_users`` tables: who wrote when, each user's conversation state, the
departures (unsubscribes) still remembered, and the deletion of everything stored about a user when they go.

The policy (what the state holds and for how long, what a departure means for a message) is in
bot/service/conversation.py; this module only reads and writes.
"""
from __future__ import annotations


def touch(db, user_id: str, stamp: str, subscribed: bool) -> None:
    """Record that the user wrote at ``stamp`` (a new user is subscribed; ``subscribed`` marks a known one so)."""
    db.execute(
        "insert into users (user_id, first_seen, last_message_at, subscribed) values (?, ?, ?, 1) "
        "on conflict(user_id) do update set last_message_at = excluded.last_message_at"
        + (", subscribed = 1" if subscribed else ""),
        [user_id, stamp, stamp],
    )


def state_row(db, user_id: str) -> dict | None:
    """The user's stored state (updated_at, state as JSON text), or None."""
    # A plain execute: this runs on every message, and ``db.query`` adds a savepoint.
    cursor = db.execute("select updated_at, state from user_state where user_id = ?", [user_id])
    found = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], found)) if found else None


def save_state(db, user_id: str, stamp: str, state: str) -> None:
    """Store the user's state (JSON text), updated at ``stamp``."""
    db.execute(
        "insert into user_state (user_id, updated_at, state) values (?, ?, ?) "
        "on conflict(user_id) do update set updated_at = excluded.updated_at, state = excluded.state",
        [user_id, stamp, state],
    )


def depart(db, key: str, departed_at: str) -> None:
    """Remember the departure of the user hashed to ``key`` at ``departed_at`` (the later one when remembered)."""
    db.execute("insert into departed_users (user_id, departed_at) values (?, ?) on conflict(user_id) do update "
               "set departed_at = case when excluded.departed_at > departed_users.departed_at "
               "then excluded.departed_at else departed_users.departed_at end",
               [key, departed_at])


def departed_at(db, key: str) -> str | None:
    """When the user hashed to ``key`` departed, or None."""
    found = db.execute("select departed_at from departed_users where user_id = ?", [key]).fetchone()
    return found[0] if found else None


def forget_departure(db, key: str) -> None:
    """Forget the departure of the user hashed to ``key``."""
    db.execute("delete from departed_users where user_id = ?", [key])


def forget_departures_before(db, departed_before: str) -> None:
    """Forget the departures before ``departed_before``."""
    db.execute("delete from departed_users where departed_at < ?", [departed_before])


def forget_handoff_traces(db, user_id: str) -> None:
    """Delete the staff notes on the user's handoffs and their alerts already sent or failed."""
    db.execute("delete from handoff_notes where handoff_id in (select id from handoffs where user_id = ?)",
               [user_id])
    db.execute("delete from alerts where status in ('sent', 'failed') and handoff_id in "
               "(select id from handoffs where user_id = ?)", [user_id])


def forget_rows(db, user_id: str) -> None:
    """Delete the user's handoffs, outbox messages, log, state and profile."""
    for table in ("handoffs", "outbox", "messages", "user_state", "users"):
        db.execute(f"delete from {table} where user_id = ?", [user_id])
