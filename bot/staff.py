"""Staff accounts for the admin pages: hashed passwords and login throttling. Knows nothing of Flask."""
from __future__ import annotations

import datetime as dt
import re

from werkzeug.security import check_password_hash, generate_password_hash

from .db import iso, utcnow
from .errors import BotError

MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_DELAY_SECONDS = 10.0
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{1,32}$")
# Checked against when the user is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


class StaffError(BotError):
    """A staff account cannot be created as asked."""


class BadCredentials(BotError):
    """Unknown user or wrong password; ``failures`` counts this address's recent failures, this one included."""

    def __init__(self, failures: int):
        self.failures = failures
        super().__init__("用户名或密码错误")


class LoginThrottled(BotError):
    """Too many failed logins from one address within FAILURE_WINDOW."""

    def __init__(self):
        super().__init__("尝试次数过多，请稍后再试")


def create_user(db, username: str, password: str) -> None:
    """Add a staff account with a salted password hash; raise StaffError if the name is taken or unusable."""
    username = (username or "").strip()
    if not USERNAME_RE.match(username):
        raise StaffError("用户名只能包含字母、数字、汉字、“_”“-”“.”，最长32个字符")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise StaffError(f"密码至少需要{MIN_PASSWORD_LENGTH}个字符")
    if exists(db, username):
        raise StaffError(f"用户“{username}”已存在")
    db["staff"].insert({"username": username, "password_hash": generate_password_hash(password), "created_at": iso()})


def exists(db, username: str) -> bool:
    """Whether a staff account of that name exists."""
    return bool(list(db.query("select 1 from staff where username = ?", [username])))


def usernames(db) -> list:
    """All staff account names, sorted."""
    return [r["username"] for r in db.query("select username from staff order by username")]


def failure_count(db, address: str, now: dt.datetime | None = None) -> int:
    """Failed logins from ``address`` within the last FAILURE_WINDOW."""
    since = iso((now or utcnow()) - FAILURE_WINDOW)
    row = next(db.query("select count(*) as n from login_failures where address = ? and at > ?", [address, since]))
    return row["n"]


def authenticate(db, username: str, password: str, address: str, now: dt.datetime | None = None) -> str:
    """Check a login attempt from ``address``; return the username or raise BadCredentials / LoginThrottled."""
    now = now or utcnow()
    if failure_count(db, address, now) >= MAX_FAILURES:
        raise LoginThrottled()
    rows = list(db.query("select username, password_hash from staff where username = ?", [(username or "").strip()]))
    stored = rows[0]["password_hash"] if rows else _DUMMY_HASH
    if check_password_hash(stored, password or "") and rows:
        db.execute("delete from login_failures where address = ?", [address])
        return rows[0]["username"]
    db.execute("delete from login_failures where at <= ?", [iso(now - FAILURE_WINDOW)])
    db["login_failures"].insert({"address": address, "at": iso(now)})
    raise BadCredentials(failure_count(db, address, now))


def failure_delay(failures: int, base_seconds: float) -> float:
    """Seconds to hold a failed login's answer: nothing for the first, then doubling up to MAX_DELAY_SECONDS."""
    if failures <= 1 or base_seconds <= 0:
        return 0.0
    return min(base_seconds * 2 ** (failures - 2), MAX_DELAY_SECONDS)
