"""The ``staff`` and ``login_failures`` tables: accounts, session versions and failed logins.

The policy (password rules, throttling limits, tokens) is in bot/service/staff.py; this module only reads and writes.
"""
from __future__ import annotations


def insert(db, username: str, password_hash: str, created_at: str, session_version: int) -> None:
    """Add an account row."""
    with db.conn:
        db.conn.execute("insert into staff (username, password_hash, created_at, session_version) values (?, ?, ?, ?)",
                        [username, password_hash, created_at, session_version])


def row(db, username: str) -> dict | None:
    """username, password_hash, created_at and session_version of an account, or None."""
    rows = list(db.query("select username, password_hash, created_at, session_version from staff "
                         "where username = ?", [username]))
    return rows[0] if rows else None


def rows(db) -> list:
    """Every account (username, created_at, session_version), sorted by name."""
    return list(db.query("select username, created_at, session_version from staff order by username"))


def set_password_hash(db, username: str, password_hash: str) -> bool:
    """New password hash and session version, and the account's failures forgotten; False if no such account."""
    with db.conn:
        cursor = db.conn.execute(
            "update staff set password_hash = ?, session_version = session_version + 1 where username = ?",
            [password_hash, username])
        if cursor.rowcount:
            db.conn.execute("delete from login_failures where username = ?", [username])
    return cursor.rowcount > 0


def bump_session_version(db, username: str) -> None:
    """End every session of the account."""
    with db.conn:
        db.conn.execute("update staff set session_version = session_version + 1 where username = ?", [username])


def delete(db, username: str) -> bool:
    """Remove the account; False if there was none."""
    with db.conn:
        cursor = db.conn.execute("delete from staff where username = ?", [username])
    return cursor.rowcount > 0


def failure_times(db, column: str, value: str, since: str) -> list:
    """Stored times (ISO text) of failed logins with ``column`` (address or username) = ``value`` after ``since``,
    newest first."""
    assert column in ("address", "username")
    return [r["at"] for r in db.query(f"select at from login_failures where {column} = ? and at > ? order by at desc",
                                      [value, since])]


def clear_failures(db, address: str, username: str) -> None:
    """Forget the failures of an address and of an account (after a successful login)."""
    with db.conn:
        db.conn.execute("delete from login_failures where address = ? or username = ?", [address, username])


def record_failure(db, address: str, username: str, at: str, forget_before: str) -> None:
    """Store a failed login; failures older than ``forget_before`` go."""
    with db.conn:
        db.conn.execute("delete from login_failures where at <= ?", [forget_before])
        db.conn.execute("insert into login_failures (address, at, username) values (?, ?, ?)", [address, at, username])
