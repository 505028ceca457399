"""The service's clock: times are kept in UTC, and days are China's (Asia/Shanghai) whatever the server's zone.

A notice valid until 12月31日 ends at midnight in Shanghai, not at midnight where the server happens to run.
Every module reads the time through ``utcnow``, so a test can move the whole process's clock with ``moved``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")

# How far this process's clock is moved from the real time (tests only; zero in production).
_offset = dt.timedelta(0)


def utcnow() -> dt.datetime:
    """The current time in UTC (aware)."""
    return dt.datetime.now(dt.timezone.utc) + _offset


@contextlib.contextmanager
def moved(delta: dt.timedelta):
    """Tests: the process's clock runs ``delta`` ahead (behind, if negative) inside the block; nests."""
    global _offset
    before = _offset
    _offset = before + delta
    try:
        yield
    finally:
        _offset = before


def today_local(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Asia/Shanghai (of ``now`` if given)."""
    return (now or utcnow()).astimezone(LOCAL_TZ).date()


def iso(moment: dt.datetime | None = None) -> str:
    """A UTC timestamp as stored in the database."""
    return (moment or utcnow()).astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> dt.datetime | None:
    """A stored timestamp back to an aware datetime."""
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def local(text_or_moment, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time shown in Asia/Shanghai."""
    moment = parse_iso(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    return moment.astimezone(LOCAL_TZ).strftime(fmt) if moment else ""
