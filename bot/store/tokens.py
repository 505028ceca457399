"""The ``tokens`` table: WeChat's access token shared by every worker and host, and the lease on fetching it.

WeChat retires the old token each time a new one is fetched, so two hosts fetching at once would leave one
of them with a dead token. Fetching therefore takes a lease (a row ``<name>:fetching`` that names its holder
and expires): one host fetches, the others wait for the token it stores.
"""
from __future__ import annotations

import datetime as dt

from ..clock import iso, parse_iso, utcnow


def read(db, name: str) -> tuple:
    """(value, expires_at as datetime or None) of a stored token, or (None, None)."""
    rows = list(db.query("select value, expires_at from tokens where name = ?", [name]))
    if not rows:
        return None, None
    return rows[0]["value"], parse_iso(rows[0]["expires_at"])


def store(db, name: str, value: str, expires_at: dt.datetime | None) -> None:
    """Insert or replace a token."""
    db.execute("insert into tokens (name, value, expires_at) values (?, ?, ?) on conflict(name) do update set "
               "value = excluded.value, expires_at = excluded.expires_at",
               [name, value, iso(expires_at) if expires_at else ""])


def forget(db, name: str) -> None:
    """Delete a token."""
    db.execute("delete from tokens where name = ?", [name])


def claim_fetch(db, name: str, holder: str, seconds: float) -> bool:
    """Take the lease on fetching ``name`` for ``seconds`` unless a live lease is held by someone else."""
    now = utcnow()
    cursor = db.execute(
        "insert into tokens (name, value, expires_at) values (?, ?, ?) on conflict(name) do update set "
        "value = excluded.value, expires_at = excluded.expires_at where tokens.expires_at <= ? or tokens.value = ?",
        [f"{name}:fetching", holder, iso(now + dt.timedelta(seconds=seconds)), iso(now), holder])
    return cursor.rowcount == 1


def release_fetch(db, name: str, holder: str) -> None:
    """Give the lease back (only if ``holder`` still has it)."""
    db.execute("delete from tokens where name = ? and value = ?", [f"{name}:fetching", holder])
