"""Small helpers every store module writes with: one transaction rule, one way to insert, update and read a row.

Why not sqlite-utils' ``db[table].insert/update``: inside their own transaction they read the table's shape
first and then write, and in WAL mode a write after a read fails at once with "database is locked" when another
worker committed in between (SQLite cannot wait for a snapshot that went stale). A statement that starts its
own transaction with the write, or a ``BEGIN IMMEDIATE`` transaction, waits its turn instead.
"""
from __future__ import annotations

import contextlib


@contextlib.contextmanager
def writing(db):
    """The caller's transaction if one is open (the statements join it), else one of their own, committed at the
    end. Start a read-then-write with ``BEGIN IMMEDIATE`` instead: here the first statement should be the write."""
    if db.conn.in_transaction:
        yield db.conn
    else:
        with db.conn:
            yield db.conn


def begin_immediate(db) -> None:
    """Start a write transaction at once (BEGIN IMMEDIATE: what it reads stays true until it commits; a
    database-wide write lock on SQLite, an advisory lock on PostgreSQL); the caller commits or rolls back."""
    db.conn.execute("BEGIN IMMEDIATE")


@contextlib.contextmanager
def immediate(db):
    """``begin_immediate`` as a block: committed at its end, rolled back on an exception."""
    begin_immediate(db)
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def insert(db, table: str, row: dict, returning: str | None = "id"):
    """Insert ``row`` into ``table``; return the new row's ``returning`` column (None when not asked)."""
    names = list(row)
    statement = f"insert into {table} ({', '.join(names)}) values ({', '.join('?' for _ in names)})"
    with writing(db) as conn:
        if returning is None:
            conn.execute(statement, [row[n] for n in names])
            return None
        # Every row of a RETURNING statement is read before the commit: SQLite keeps it open until then.
        found = conn.execute(f"{statement} returning {returning}", [row[n] for n in names]).fetchall()
    return found[0][0] if found else None


def update(db, table: str, key, changes: dict, key_column: str = "id") -> int:
    """Set ``changes`` on the row whose ``key_column`` is ``key``; return how many rows changed (0 or 1)."""
    if not changes:
        return 0
    sets = ", ".join(f"{name} = ?" for name in changes)
    with writing(db) as conn:
        return conn.execute(f"update {table} set {sets} where {key_column} = ?", [*changes.values(), key]).rowcount


def get(db, table: str, key, key_column: str = "id") -> dict | None:
    """The row whose ``key_column`` is ``key``, as a dict, or None."""
    rows = list(db.query(f"select * from {table} where {key_column} = ?", [key]))
    return rows[0] if rows else None


def like_escape(text: str) -> str:
    """``text`` for a LIKE pattern with ``escape '\\'``: its %, _ and \\ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
