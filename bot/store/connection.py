"""Connections: an SQLite file by default (WAL, busy timeout, foreign keys; one file serves every worker) or
PostgreSQL when BOT_DATABASE is a ``postgresql://`` URL (a pooled connection, see postgres.py). The schema is
brought up to date when a process first opens the database (see migrations.py)."""
from __future__ import annotations

import os

import sqlite_utils

from . import migrations, postgres

# Every table, children before parents (the order in which to empty them). Their columns and
# constraints are in bot/store/migrations.py.
TABLES = ("handoff_notes", "handoff_views", "alerts", "notice_deliveries", "notices", "notice_subscriptions",
          "template_consents", "outbox", "feedback", "messages", "handoffs", "dedupe", "user_state", "users",
          "departed_users", "push_nonces", "tokens", "login_failures", "form_submissions", "unsent_forms", "staff",
          "kb_version_files", "kb_activations", "kb_versions", "kb_hosts")


def exists(target: str) -> bool:
    """Whether there is a database at ``target`` to open without creating one (a URL names a server: yes)."""
    return postgres.is_url(target) or os.path.exists(target)


def open_db(path: str, init: bool = True) -> sqlite_utils.Database:
    """Open (and create if needed) the database with WAL and a busy timeout so several workers can write.

    ``path`` may also be a PostgreSQL URL: the connection then comes from this process's pool, and
    ``db.conn.close()`` returns it. ``init=False`` skips the schema check, for connections opened after
    start-up migrated the database.
    """
    if postgres.is_url(path):
        db = postgres.connect(path)
        if init:
            init_schema(db)
        return db
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


def init_schema(db: sqlite_utils.Database) -> list:
    """Bring the database to the current schema (see bot/store/migrations.py); return the versions applied."""
    return migrations.upgrade(db.conn)
