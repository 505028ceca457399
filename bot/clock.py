"""The service's clock: times are kept in UTC, and days are China's (Asia/Shanghai) whatever the server's zone.

A notice valid until 12月31日 ends at midnight in Shanghai, not at midnight where the server happens to run.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def utcnow() -> dt.datetime:
    """The current time in UTC (aware)."""
    return dt.datetime.now(dt.timezone.utc)


def today_local(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Asia/Shanghai (of ``now`` if given)."""
    return (now or utcnow()).astimezone(LOCAL_TZ).date()
