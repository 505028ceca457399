"""Staff accounts for the admin pages: hashed passwords, session versions and login throttling. Knows nothing of Flask.

Throttling never sleeps: a refused attempt is answered at once with how long to wait. Two limits, both over the
last FAILURE_WINDOW: an address with ADDRESS_MAX_FAILURES failures is refused whatever the account; an account
with ACCOUNT_MAX_FAILURES failures (from any addresses) is refused, except from a browser where that account has
logged in before (the known-browser token), so that guessing from many addresses is slowed while an attacker
elsewhere cannot lock a member of staff out of their own browser. Each session carries its account's
``session_version``; logout, a new password or removal changes or deletes it, and every older session dies.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import secrets
from dataclasses import dataclass

from itsdangerous import BadData, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

from ..clock import iso, parse_iso, utcnow
from ..errors import BotError
from ..store import staff as accounts

FAILURE_WINDOW = dt.timedelta(minutes=15)
ADDRESS_MAX_FAILURES = 10
ACCOUNT_MAX_FAILURES = 5
KNOWN_BROWSER_MAX_AGE = dt.timedelta(days=90)
MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{1,32}$")
# Checked against when the user is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password")
# Failures are recorded under the name as typed; longer ones are cut so a flood of them stays small.
_MAX_RECORDED_NAME = 64


class StaffError(BotError):
    """A staff account cannot be created or changed as asked."""


class UnknownStaff(StaffError):
    """No staff account has that name."""

    def __init__(self, username: str):
        self.username = username
        super().__init__(f"没有名为“{username}”的账号")


class BadCredentials(BotError):
    """Unknown user or wrong password. ``left``: failures this browser may still have before it is refused;
    when this one used the last, ``retry_after`` and ``limit`` say for how long and why (as LoginThrottled)."""

    def __init__(self, left: int, retry_after: int = 0, limit: str | None = None):
        self.left = left
        self.retry_after = retry_after
        self.limit = limit
        super().__init__("用户名或密码错误")


class LoginThrottled(BotError):
    """Too many failed logins lately from this address, or for this account from browsers it never used."""

    def __init__(self, retry_after: int, limit: str):
        self.retry_after = retry_after
        self.limit = limit
        super().__init__(refusal_text(retry_after, limit))


@dataclass(frozen=True)
class Account:
    """A staff account as the admin pages and the CLI see it (never the password hash)."""

    username: str
    created_at: str
    session_version: int


def refusal_text(retry_after: int, limit: str) -> str:
    """Why and how long logins are refused, for the login page (``limit``: "address" or "account")."""
    who = "该账号" if limit == "account" else "您所在的网络地址"
    return f"{who}登录失败次数过多，请{wait_text(retry_after)}后再试"


def wait_text(seconds: int) -> str:
    """A wait for the login page: seconds under a minute, else whole minutes rounded up."""
    if seconds < 60:
        return f"{max(seconds, 1)}秒"
    return f"{math.ceil(seconds / 60)}分钟"


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise StaffError(f"密码至少需要{MIN_PASSWORD_LENGTH}个字符")


def _new_session_version() -> int:
    # Random, so a user re-created under an old name cannot match a session of the removed one (1 in 2**48).
    return secrets.randbelow(1 << 48) + 1


def create_user(db, username: str, password: str) -> None:
    """Add a staff account with a salted password hash; raise StaffError if the name is taken or unusable."""
    username = (username or "").strip()
    if not USERNAME_RE.match(username):
        raise StaffError("用户名只能包含字母、数字、汉字、“_”“-”“.”，最长32个字符")
    _check_password(password)
    if exists(db, username):
        raise StaffError(f"用户“{username}”已存在")
    accounts.insert(db, username, generate_password_hash(password), iso(), _new_session_version())


def exists(db, username: str) -> bool:
    """Whether a staff account of that name exists."""
    return accounts.row(db, username) is not None


def account(db, username: str) -> Account | None:
    """The account of that name, or None."""
    found = accounts.row(db, username)
    return Account(found["username"], found["created_at"], found["session_version"]) if found else None


def list_users(db) -> list:
    """Every staff account, sorted by name."""
    return [Account(**r) for r in accounts.rows(db)]


def usernames(db) -> list:
    """All staff account names, sorted."""
    return [a.username for a in list_users(db)]


def set_password(db, username: str, password: str) -> None:
    """Give the account a new password, end all its sessions and lift its login pause (guesses at the old password
    no longer matter); raise UnknownStaff or StaffError (too short)."""
    _check_password(password)
    if not accounts.set_password_hash(db, username, generate_password_hash(password)):
        raise UnknownStaff(username)


def end_sessions(db, username: str) -> None:
    """End every session of the account (logout): a copied session cookie stops working too."""
    accounts.bump_session_version(db, username)


def remove_user(db, username: str) -> None:
    """Delete the account, which ends its sessions; raise UnknownStaff if there is none of that name."""
    if not accounts.delete(db, username):
        raise UnknownStaff(username)


def _password_hash(db, username: str) -> str | None:
    found = accounts.row(db, username)
    return found["password_hash"] if found else None


def _browser_serializer(secret_key: str, password_hash: str) -> URLSafeTimedSerializer:
    # Keyed by the password hash too (its salt is new each time): a new password, or an account re-created under
    # the same name, forgets the browsers of the old one.
    return URLSafeTimedSerializer(secret_key, salt="staff-known-browser|" + password_hash)


def browser_token(db, secret_key: str, username: str) -> str:
    """The known-browser token given to a browser that just logged in as ``username`` (signed, not secret)."""
    stored = _password_hash(db, username)
    if stored is None:
        raise UnknownStaff(username)
    return _browser_serializer(secret_key, stored).dumps(username)


def knows_browser(db, secret_key: str, token: str | None, username: str) -> bool:
    """Whether ``token`` shows that this browser logged in as ``username`` within KNOWN_BROWSER_MAX_AGE, since
    the account's password was last set."""
    username = (username or "").strip()
    stored = _password_hash(db, username) if token else None
    if stored is None:
        return False
    try:
        name = _browser_serializer(secret_key, stored).loads(token, max_age=KNOWN_BROWSER_MAX_AGE.total_seconds())
    except BadData:
        return False
    return name == username


def _recent_failures(db, column: str, value: str, now: dt.datetime) -> list:
    """Times of the failures with ``column`` = ``value`` within the window, newest first."""
    return [parse_iso(at) for at in accounts.failure_times(db, column, value, iso(now - FAILURE_WINDOW))]


def _limits(db, username: str, address: str, known_browser: bool, now: dt.datetime) -> list:
    """(limit name, failure times newest first, maximum) for each limit that applies to this attempt."""
    limits = [("address", _recent_failures(db, "address", address, now), ADDRESS_MAX_FAILURES)]
    if not known_browser:
        name = _recorded_name(username)
        limits.append(("account", _recent_failures(db, "username", name, now), ACCOUNT_MAX_FAILURES))
    return limits


def _recorded_name(username: str) -> str:
    return (username or "").strip()[:_MAX_RECORDED_NAME]


def retry_after(db, username: str, address: str, *, known_browser: bool = False,
                now: dt.datetime | None = None) -> tuple:
    """``(seconds, limit)``: how long a login for ``username`` from ``address`` is refused (0 and None: it is not)
    and which limit refuses it ("address" or "account"). A limit holds until its oldest counted failure leaves
    the window."""
    now = now or utcnow()
    wait, which = 0, None
    for limit, times, maximum in _limits(db, username, address, known_browser, now):
        if len(times) >= maximum:
            seconds = math.ceil((times[maximum - 1] + FAILURE_WINDOW - now).total_seconds())
            if seconds > wait:
                wait, which = seconds, limit
    return wait, which


def attempts_left(db, username: str, address: str, *, known_browser: bool = False,
                  now: dt.datetime | None = None) -> int:
    """How many more failures this attempt's address and account may have before being refused."""
    now = now or utcnow()
    return max(0, min(maximum - len(times) for _, times, maximum in _limits(db, username, address, known_browser, now)))


def authenticate(db, username: str, password: str, address: str, *, known_browser: bool = False,
                 now: dt.datetime | None = None) -> Account:
    """Check a login attempt from ``address``; return the account or raise LoginThrottled / BadCredentials.

    ``known_browser``: the browser showed a valid known-browser token for this name (see ``knows_browser``),
    which exempts it from the per-account limit but not from the per-address one. A refused attempt is not
    checked and not counted; a success clears the failures of its address and of its account.
    """
    now = now or utcnow()
    wait, limit = retry_after(db, username, address, known_browser=known_browser, now=now)
    if wait > 0:
        raise LoginThrottled(wait, limit)
    found = accounts.row(db, (username or "").strip())
    stored = found["password_hash"] if found else _DUMMY_HASH
    if check_password_hash(stored, password or "") and found:
        accounts.clear_failures(db, address, found["username"])
        return account(db, found["username"])
    accounts.record_failure(db, address, _recorded_name(username), iso(now), iso(now - FAILURE_WINDOW))
    left = attempts_left(db, username, address, known_browser=known_browser, now=now)
    if left:
        raise BadCredentials(left)
    raise BadCredentials(0, *retry_after(db, username, address, known_browser=known_browser, now=now))
