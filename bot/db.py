"""The SQLite database: schema, connection settings and time helpers. One file serves every worker."""
from __future__ import annotations

import datetime as dt
import os

import sqlite_utils

from .clock import LOCAL_TZ, utcnow  # noqa: F401  (most modules take the clock from here)

# Columns of every table; created at start-up if missing. Times are ISO-8601 strings in UTC.
SCHEMA = {
    # Every inbound message and what the bot did with it.
    "messages": (
        {"id": int, "created_at": str, "user_id": str, "msg_type": str, "msg_id": str, "text": str,
         "normalized": str, "action": str, "faq_id": str, "score": float, "candidates": str,
         "latency_ms": float, "reply": str, "handoff_id": int, "event": str},
        {"pk": "id"},
    ),
    # WeChat retries: the key of each delivery seen (MsgId, or FromUserName+CreateTime) and the reply we gave.
    "dedupe": ({"key": str, "created_at": str, "status": str, "reply": str}, {"pk": "key"}),
    # Per-user conversation state (numbered options, rest of a long answer), expires after 10 idle minutes.
    "user_state": ({"user_id": str, "updated_at": str, "state": str}, {"pk": "user_id"}),
    # Users we have heard from: the 48-hour customer-service window runs from last_message_at.
    "users": ({"user_id": str, "first_seen": str, "last_message_at": str, "subscribed": int}, {"pk": "user_id"}),
    # The human queue. state: pending / claimed / resolved; priority: urgent / high / normal.
    "handoffs": (
        {"id": int, "user_id": str, "question": str, "transcript": str, "priority": str, "state": str,
         "reason": str, "created_at": str, "updated_at": str, "last_user_message_at": str, "claimed_by": str,
         "claimed_at": str, "first_reply_at": str, "resolved_at": str, "resolved_by": str,
         # The message that matters most (the distress one for an urgent handoff) and when it came.
         "key_message": str, "key_message_at": str, "reopened_at": str, "reopened_by": str},
        {"pk": "id"},
    ),
    "handoff_notes": ({"id": int, "handoff_id": int, "author": str, "text": str, "created_at": str}, {"pk": "id"}),
    # Messages to send through the customer-service API (late replies, staff replies), retried until sent.
    "outbox": (
        {"id": int, "user_id": str, "text": str, "kind": str, "handoff_id": int, "author": str, "status": str,
         "attempts": int, "errcode": int, "last_error": str, "created_at": str, "sent_at": str,
         "next_attempt_at": str, "parts_sent": int, "last_attempt_at": str},
        {"pk": "id"},
    ),
    # Alerts to the duty staff (distress, follow-ups, escalations, tests), one row per channel, sent from here.
    # status: pending / sending / sent / failed; dedupe_key makes each alert exist once whatever process raises it.
    "alerts": (
        {"id": int, "handoff_id": int, "channel": str, "reason": str, "dedupe_key": str, "status": str,
         "trigger_text": str, "attempts": int, "last_error": str, "response": str, "created_at": str,
         "next_attempt_at": str,
         "last_attempt_at": str, "sent_at": str, "waited_minutes": int},
        {"pk": "id"},
    ),
    # WeChat access token shared by all workers.
    "tokens": ({"name": str, "value": str, "expires_at": str}, {"pk": "name"}),
    "staff": ({"username": str, "password_hash": str, "created_at": str}, {"pk": "username"}),
    "login_failures": ({"id": int, "address": str, "at": str}, {"pk": "id"}),
}

INDEXES = {
    "messages": [["user_id"], ["created_at"], ["faq_id"], ["action"], ["handoff_id"]],
    "handoffs": [["user_id"], ["state"]],
    "outbox": [["status"], ["user_id"]],
    "dedupe": [["created_at"]],
    "login_failures": [["address"]],
    "alerts": [["status"], ["handoff_id"]],
}

UNIQUE_INDEXES = {"alerts": [["dedupe_key"]]}


def open_db(path: str, init: bool = True) -> sqlite_utils.Database:
    """Open (and create if needed) the database with WAL and a busy timeout so several workers can write.

    ``init=False`` skips the schema check, for connections opened after start-up created the tables.
    """
    if path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 10000")
    if path != ":memory:":
        db.enable_wal()
        # In WAL mode NORMAL still never corrupts the file; it skips the fsync on every commit, which
        # otherwise costs milliseconds on each webhook write.
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    if init:
        init_schema(db)
    return db


def init_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns and indexes (idempotent)."""
    for name, (columns, opts) in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(columns, **opts)
        else:
            missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
            for col, typ in missing.items():
                table.add_column(col, typ)
        for cols in INDEXES.get(name, []):
            table.create_index(cols, if_not_exists=True)
        for cols in UNIQUE_INDEXES.get(name, []):
            table.create_index(cols, unique=True, if_not_exists=True)


def iso(moment: dt.datetime | None = None) -> str:
    """A UTC timestamp as stored in the database."""
    return (moment or utcnow()).astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> dt.datetime | None:
    """A stored timestamp back to an aware datetime."""
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def local(text_or_moment, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time shown in Asia/Shanghai."""
    moment = parse_iso(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    return moment.astimezone(LOCAL_TZ).strftime(fmt) if moment else ""
