"""Published knowledge versions: their files, which one is current, and which version each host serves.

``kb_versions`` holds one row per ``kb publish`` (a number, who, when, the checksum of its files and the
``kb check`` summary of it) and ``kb_version_files`` its files. Which version is current is the newest row of
``kb_activations``: publishing and rolling back both append a row (who, when, which version), so nothing is
ever deleted and the history of what was served stays readable. ``kb_hosts`` has one row per serving process
(``hostname:pid``): the version it serves (NULL: its own knowledge folder), since when, when it last said so,
and why it could not load the current version when it could not.

Every statement is in the portable subset of bot/store/__init__.py.
"""
from __future__ import annotations

import datetime as dt

from ..clock import iso, utcnow

# A host row not refreshed for this long belongs to a process that is gone: it is deleted.
FORGET_HOSTS_AFTER = dt.timedelta(days=1)


def add_version(db, files: dict, *, checksum: str, published_by: str, source: str, check_summary: str,
                check_report: str, faq_count: int, now: dt.datetime | None = None) -> int:
    """Store a version (``files``: name → text) and make it current, in one transaction; return its number."""
    stamp = iso(now)
    with db.conn:
        number = db.conn.execute(
            "insert into kb_versions (published_at, published_by, checksum, source, check_summary, check_report, "
            "faq_count, file_count) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
            [stamp, published_by, checksum, source, check_summary, check_report, faq_count, len(files)],
        ).fetchall()[0][0]
        for name in sorted(files):
            db.conn.execute("insert into kb_version_files (version, path, content) values (?, ?, ?)",
                            [number, name, files[name]])
        db.conn.execute("insert into kb_activations (version, action, activated_by, activated_at) "
                        "values (?, 'publish', ?, ?)", [number, published_by, stamp])
    return number


def activate(db, number: int, by: str, now: dt.datetime | None = None) -> None:
    """Make an existing version current again (a rollback), recorded with who and when."""
    with db.conn:
        db.conn.execute("insert into kb_activations (version, action, activated_by, activated_at) "
                        "values (?, 'rollback', ?, ?)", [number, by, iso(now)])


def current_number(db) -> int | None:
    """The number of the current version, or None when nothing was ever published (hosts serve their folder).

    The query every host runs every few seconds: one row by primary key.
    """
    row = db.conn.execute("select version from kb_activations order by id desc limit 1").fetchone()
    return row[0] if row else None


def version(db, number: int) -> dict | None:
    """One version's row (id, published_at, published_by, checksum, source, check_summary, check_report,
    faq_count, file_count), or None."""
    rows = list(db.query("select * from kb_versions where id = ?", [number]))
    return rows[0] if rows else None


def current(db) -> dict | None:
    """The current version's row (see ``version``) with ``activated_at``, ``activated_by`` and ``action`` of the
    activation that made it current; None when nothing was published."""
    rows = list(db.query(
        "select v.*, a.activated_at, a.activated_by, a.action from kb_activations a "
        "join kb_versions v on v.id = a.version order by a.id desc limit 1"))
    return rows[0] if rows else None


def files(db, number: int) -> dict:
    """The files of a version: name → text (empty when there is no such version)."""
    return {r["path"]: r["content"] for r in
            db.query("select path, content from kb_version_files where version = ? order by path", [number])}


def versions(db, limit: int = 100) -> list:
    """The newest ``limit`` versions, newest first (rows as ``version`` gives them)."""
    return list(db.query("select * from kb_versions order by id desc limit ?", [limit]))


def activations(db, limit: int = 100) -> list:
    """The newest ``limit`` changes of the current version, newest first: id, version, action ('publish' or
    'rollback'), activated_by, activated_at."""
    return list(db.query("select * from kb_activations order by id desc limit ?", [limit]))


def report_host(db, host: str, number: int | None, since: dt.datetime, error: str | None,
                now: dt.datetime | None = None) -> None:
    """Record what a host serves (``number`` None: its own folder), since when, and the error of its last failed
    load (None when the current version loaded)."""
    now = now or utcnow()
    with db.conn:
        db.conn.execute(
            "insert into kb_hosts (host, version, since, seen_at, error) values (?, ?, ?, ?, ?) "
            "on conflict (host) do update set version = excluded.version, since = excluded.since, "
            "seen_at = excluded.seen_at, error = excluded.error",
            [host, number, iso(since), iso(now), error])
        db.conn.execute("delete from kb_hosts where seen_at < ?", [iso(now - FORGET_HOSTS_AFTER)])


def touch_host(db, host: str, now: dt.datetime | None = None) -> bool:
    """Refresh a host's ``seen_at``; False when it has no row (then ``report_host`` it)."""
    with db.conn:
        return db.conn.execute("update kb_hosts set seen_at = ? where host = ?", [iso(now), host]).rowcount == 1


def hosts(db) -> list:
    """Every host's row (host, version, since, seen_at, error), most recently seen first."""
    return list(db.query("select * from kb_hosts order by seen_at desc, host"))


def remove_host(db, host: str) -> None:
    """Forget a host (its process is stopping)."""
    with db.conn:
        db.conn.execute("delete from kb_hosts where host = ?", [host])
