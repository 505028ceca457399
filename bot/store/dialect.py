"""What the SQL of SQLite and PostgreSQL cannot share, as small named fragments (date arithmetic, for now).

Upserts are written once in the syntax both accept (``ON CONFLICT``); locking and placeholders are handled
by the PostgreSQL connection (bot/store/postgres.py).
"""
from __future__ import annotations


def is_postgres(db) -> bool:
    """Whether ``db`` (as returned by bot.store.connection.open_db), or its ``db.conn``, is PostgreSQL's."""
    return getattr(db, "is_postgres", False)


def local_day(db, column: str = "created_at") -> str:
    """SQL for the Asia/Shanghai calendar day (YYYY-MM-DD) of a stored UTC ISO timestamp column."""
    if is_postgres(db):
        return f"to_char(({column})::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
    return f"date({column}, '+8 hours')"
