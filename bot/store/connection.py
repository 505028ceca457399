"""Connections: an SQLite file by default (WAL, busy timeout, foreign keys; one file serves every worker) or
PostgreSQL when BOT_DATABASE is a ``postgresql://`` URL (a pooled connection, see postgres.py). The schema is
brought up to date when a process first opens the database (see migrations.py)."""
from __future__ import annotations

import os
import sqlite3
import time

import sqlite_utils

from . import migrations, postgres

BUSY_TIMEOUT_MS = 10000  # how long a writer waits for another; start-up under contention waits as long

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
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if path != ":memory:":
        _enable_wal(db)
        # In WAL mode NORMAL still never corrupts the file; it skips the fsync on every commit, which
        # otherwise costs milliseconds on each webhook write.
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    if init:
        init_schema(db)
    return db


def _enable_wal(db: sqlite_utils.Database) -> None:
    """Switch the file to WAL, waiting as long as the busy timeout for another process that holds it.

    The switch upgrades a read lock to a write lock, and SQLite answers "database is locked" at once, without the
    busy handler, when another connection already holds the write lock (it would deadlock waiting): several workers
    starting together on a file still in rollback mode meet exactly that. The other connection's statement ends
    soon, so trying again is enough."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def init_schema(db: sqlite_utils.Database) -> list:
    """Bring the database to the current schema (see bot/store/migrations.py); return the versions applied."""
    return migrations.upgrade(db.conn)
