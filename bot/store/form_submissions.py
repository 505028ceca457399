"""One-time keys of the staff pages' forms, and forms that arrived after their login had lapsed.

Every state-changing form carries a random key. Before acting, the server claims it with an insert that does
nothing when the key is already there, in the database every worker shares: a double click, a second tab or a
browser's retry is acted on once, and ``finish`` records where the first submission went so the repeats can
follow it there. A form posted without a valid session is not acted on: ``keep_unsent`` stores its fields, and
its page shows them again after the login (``unsent`` and ``drop_unsent``). Rows are kept for KEEP.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets

from ..clock import iso, utcnow

KEEP = dt.timedelta(days=1)
# Unsent forms come before any login, so their number and size are bounded: the newest MAX_UNSENT are kept,
# each field cut to MAX_FIELD_CHARS (more than any form of the staff pages accepts).
MAX_UNSENT = 500
MAX_FIELDS = 50
MAX_FIELD_CHARS = 10000


def claim(db, key: str, staff: str, endpoint: str, now: dt.datetime | None = None) -> bool:
    """Claim a form key for one submission; False when it was claimed before (by this or another worker)."""
    now = now or utcnow()
    with db.conn:
        _prune(db, now)
        cursor = db.conn.execute(
            "insert into form_submissions (key, staff, endpoint, created_at) values (?, ?, ?, ?) "
            "on conflict (key) do nothing", [key, staff, endpoint, iso(now)])
    return cursor.rowcount == 1


def _prune(db, now: dt.datetime) -> None:
    """Forget claims and unsent forms older than KEEP (done by every claim and every kept form)."""
    db.conn.execute("delete from form_submissions where created_at < ?", [iso(now - KEEP)])
    db.conn.execute("delete from unsent_forms where created_at < ?", [iso(now - KEEP)])


def submission(db, key: str) -> dict | None:
    """The claim of a key: staff, endpoint, created_at, finished_at (None while running) and location; or None."""
    rows = list(db.query("select * from form_submissions where key = ?", [key]))
    return rows[0] if rows else None


def finish(db, key: str, location: str | None, now: dt.datetime | None = None) -> None:
    """Record that the submission of ``key`` is done and where it sent the browser (None: nowhere)."""
    with db.conn:
        db.conn.execute("update form_submissions set finished_at = ?, location = ? where key = ?",
                        [iso(now), location, key])


def release(db, key: str) -> None:
    """Forget a claim whose submission was refused without acting, so the same form can be sent again."""
    with db.conn:
        db.conn.execute("delete from form_submissions where key = ?", [key])


def keep_unsent(db, staff: str | None, page: str, action: str, fields: dict,
                now: dt.datetime | None = None) -> str:
    """Store a form that was not acted on; return the random id to find it by.

    ``page``: where the form was shown; ``action``: the path it was posted to; ``fields``: name → list of values.
    """
    now = now or utcnow()
    kept = {str(name): [str(v)[:MAX_FIELD_CHARS] for v in values]
            for name, values in list(fields.items())[:MAX_FIELDS]}
    unsent_id = secrets.token_urlsafe(16)
    # Microseconds: the newest MAX_UNSENT are kept, and forms kept within one second must still have an order.
    stamp = now.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
    row = [unsent_id, staff, page, action, json.dumps(kept, ensure_ascii=False), stamp]
    with db.conn:
        _prune(db, now)
        db.conn.execute("insert into unsent_forms (id, staff, page, action, fields, created_at) "
                        "values (?, ?, ?, ?, ?, ?)", row)
        db.conn.execute("delete from unsent_forms where id not in "
                        "(select id from unsent_forms order by created_at desc limit ?)", [MAX_UNSENT])
    return unsent_id


def unsent(db, unsent_id: str, now: dt.datetime | None = None) -> dict | None:
    """A stored unsent form (staff, page, action, fields as name → values), or None when gone or too old."""
    now = now or utcnow()
    rows = list(db.query("select * from unsent_forms where id = ? and created_at >= ?",
                         [unsent_id, iso(now - KEEP)]))
    if not rows:
        return None
    row = rows[0]
    row["fields"] = json.loads(row["fields"])
    return row


def drop_unsent(db, unsent_id: str) -> None:
    """Delete a stored unsent form (it has been shown again, or belongs to someone else)."""
    with db.conn:
        db.conn.execute("delete from unsent_forms where id = ?", [unsent_id])
