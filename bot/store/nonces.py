"""The ``push_nonces`` table: which body was first seen with a WeChat (timestamp, nonce) pair."""
from __future__ import annotations


def remember(db, timestamp: str, nonce: str, digest: str, seen_at: str) -> str:
    """Store the pair with ``digest`` unless it is already stored; return the digest stored first.

    Two workers or hosts receiving the same pair at once both insert-or-keep, then read the row that won.
    """
    db.execute("insert into push_nonces (timestamp, nonce, body_hash, seen_at) values (?, ?, ?, ?) "
               "on conflict (timestamp, nonce) do nothing", [timestamp, nonce, digest, seen_at])
    row = db.execute("select body_hash from push_nonces where timestamp = ? and nonce = ?", [timestamp, nonce]).fetchone()
    return row[0] if row else digest


def forget_before(db, seen_before: str) -> int:
    """Delete the pairs seen before ``seen_before``; return how many."""
    return db.execute("delete from push_nonces where seen_at < ?", [seen_before]).rowcount
