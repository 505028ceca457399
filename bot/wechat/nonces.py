"""Replayed WeChat pushes: a push is good for five minutes, and each (timestamp, nonce) for one body.

In plain mode WeChat's ``signature`` covers only the token, timestamp and nonce, so a URL query copied from an
access log signs any body. A push whose timestamp is more than PUSH_MAX_AGE_SECONDS from now (either way) is
refused; inside that window the first body seen for a (timestamp, nonce) pair is remembered, by its SHA-256, in
the ``push_nonces`` table that every worker shares. The same body again is WeChat re-delivering (the inbox answers
it from its dedupe row); any other body is refused. Rows go once their pair can no longer pass the age check.
Framework-free.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time

from ..clock import iso

from ..store.connection import open_db
from ..store import nonces as nonce_store
from ..errors import BadRequest

# WeChat re-delivers within seconds; five minutes also absorbs clock drift between WeChat and us.
PUSH_MAX_AGE_SECONDS = 300
# A pair first seen now may carry a timestamp up to the window ahead of us, which stays valid for another window.
NONCE_KEEP_SECONDS = 2 * PUSH_MAX_AGE_SECONDS
PRUNE_EVERY_SECONDS = 30.0
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


class StalePush(BadRequest):
    """A push whose timestamp is not Unix seconds within PUSH_MAX_AGE_SECONDS of now."""

    def __init__(self, message):
        super().__init__(message, status=403)


class ReplayedPush(BadRequest):
    """A timestamp and nonce already seen with another body: a copied URL carrying a forged push."""

    def __init__(self, message):
        super().__init__(message, status=403)


def check_fresh(timestamp: str | None, now: float) -> None:
    """Raise StalePush unless ``timestamp`` is Unix seconds within PUSH_MAX_AGE_SECONDS of ``now``."""
    if not timestamp or not _TIMESTAMP.fullmatch(timestamp):
        raise StalePush(f"timestamp 不是秒数：{(timestamp or '')[:20]!r}")
    skew = int(timestamp) - now
    if abs(skew) > PUSH_MAX_AGE_SECONDS:
        raise StalePush(f"timestamp 与当前时间相差 {skew:+.0f} 秒，超过 {PUSH_MAX_AGE_SECONDS} 秒")


def body_hash(body: bytes) -> str:
    """The fingerprint a (timestamp, nonce) pair is remembered with: SHA-256 of the raw request body."""
    return hashlib.sha256(body).hexdigest()


class PushNonces:
    """The (timestamp, nonce) pairs of recent pushes, in the database every worker shares.

    ``clock()`` gives the current Unix time (tests replay a published sample under its own time).
    """

    def __init__(self, database: str, clock=time.time):
        self.database = database
        self.clock = clock
        self._local = threading.local()
        self._pruned = 0.0
        self._prune_lock = threading.Lock()

    def db(self):
        """This thread's connection (SQLite connections stay in the thread that opened them)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_db(self.database, init=False)
        return db

    def admit(self, timestamp: str | None, nonce: str | None, body: bytes) -> None:
        """Let a push through or raise StalePush / ReplayedPush; remembers its pair with the body's hash.

        Two workers receiving the same pair at once both insert-or-keep and then compare with the row that
        won, so exactly the body stored first passes.
        """
        now = self.clock()
        check_fresh(timestamp, now)
        self._maybe_prune(now)
        digest = body_hash(body)
        if nonce_store.remember(self.db(), timestamp, nonce or "", digest, _iso(now)) != digest:
            raise ReplayedPush(f"timestamp={timestamp} nonce={(nonce or '')[:40]!r} 已随另一条消息出现过，疑为重放")

    def prune(self, now: float | None = None) -> int:
        """Forget the pairs that can no longer pass the age check; return how many were deleted."""
        now = self.clock() if now is None else now
        return nonce_store.forget_before(self.db(), _iso(now - NONCE_KEEP_SECONDS))

    def _maybe_prune(self, now: float) -> None:
        tick = time.monotonic()
        with self._prune_lock:
            if tick - self._pruned < PRUNE_EVERY_SECONDS:
                return
            self._pruned = tick
        self.prune(now)


def _iso(unix: float) -> str:
    return iso(dt.datetime.fromtimestamp(unix, dt.timezone.utc))
