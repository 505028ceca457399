"""The ``dedupe`` table: one claim (a lease) per WeChat delivery, so that each message is answered once.

The policy (lease lengths, who takes over what, when a message is handed to a person) is in bot/wechat/inbox.py;
this module only reads and writes the claims.
"""
from __future__ import annotations

from . import sql

COLUMNS = "key, status, reply, owner, lease_until, attempts, payload"


def claim(db, key: str, created_at: str, user_id: str, payload: str, owner: str, lease_until: str) -> bool:
    """Claim a delivery for ``owner`` until ``lease_until``; False when it is claimed already (a re-delivery)."""
    return db.execute(
        "insert into dedupe (key, created_at, status, user_id, payload, owner, lease_until, attempts) "
        "values (?, ?, 'processing', ?, ?, ?, ?, 1) on conflict (key) do nothing",
        [key, created_at, user_id, payload, owner, lease_until],
    ).rowcount == 1


def row(db, key: str) -> dict | None:
    """The claim on ``key`` (key, status, reply, owner, lease_until, attempts, payload), or None."""
    cursor = db.execute(f"select {COLUMNS} from dedupe where key = ?", [key])
    found = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], found)) if found else None


def others_processing(db, owner: str) -> list:
    """The claims still being answered by an owner other than ``owner`` (or by none)."""
    return list(db.query(f"select {COLUMNS} from dedupe where status = 'processing' and (owner is null or owner != ?)",
                         [owner]))


def take_over(db, key: str, owner: str, lease_until: str, old_owner, old_lease_until) -> bool:
    """Move a claim still being answered from ``old_owner`` (with ``old_lease_until``) to ``owner`` and count the
    attempt; True when this call won it (of several at once, exactly one does)."""
    return db.execute(
        "update dedupe set owner = ?, lease_until = ?, attempts = attempts + 1 "
        "where key = ? and status = 'processing' "
        "and owner is not distinct from ? and lease_until is not distinct from ?",
        [owner, lease_until, key, old_owner, old_lease_until],
    ).rowcount == 1


def renew(db, owner: str, lease_until: str) -> int:
    """Set the lease of every claim ``owner`` is answering to ``lease_until`` (also to release them: a past time);
    return how many."""
    return db.execute("update dedupe set lease_until = ? where owner = ? and status = 'processing'",
                      [lease_until, owner]).rowcount


def mark_answered(db, key: str, owner: str, status: str, reply: str, finished_at: str) -> int:
    """Mark ``owner``'s claim on ``key``, still being answered, ``status`` ('done' or 'late') with ``reply``, and drop
    its payload; return how many claims were marked (0: the claim is no longer ``owner``'s)."""
    return db.execute(
        "update dedupe set status = ?, reply = ?, payload = null, finished_at = ? "
        "where key = ? and owner = ? and status = 'processing'",
        [status, reply, finished_at, key, owner]).rowcount


def mark_failed(db, key: str, owner: str, reply: str, finished_at: str) -> None:
    """Mark ``owner``'s claim on ``key`` failed, with the ``reply`` given instead of an answer."""
    db.execute("update dedupe set status = 'failed', reply = ?, payload = null, finished_at = ? "
               "where key = ? and owner = ?", [reply, finished_at, key, owner])


def forget_before(db, created_before: str) -> None:
    """Delete the claims created before ``created_before``, whatever their state."""
    db.execute("delete from dedupe where created_at < ?", [created_before])


def forget_user(db, user_id: str, key_prefix: str) -> None:
    """Delete the claims of ``user_id``'s deliveries, and those whose key starts with ``key_prefix``, except the
    ones still being answered."""
    db.execute("delete from dedupe where (user_id = ? or key like ? escape '\\') and status != 'processing'",
               [user_id, sql.like_escape(key_prefix) + "%"])


