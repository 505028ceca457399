"""Alerts to the duty staff when a message is judged an emergency: stored first, sent from the table, retried.

Contract used by the conversation and the staff pages (the sending side is built on these):
- ``configured_channels(config)``: the channels whose environment variables are set;
- ``queue_alerts(db, channels, handoff_id, reason, key, trigger_text, now)``: inside the caller's transaction,
  one pending row per channel, no network I/O, idempotent by ``key``;
- ``handoff_alerts(db, handoff_id)`` and ``any_delivered(db, handoff_id)``: what the handoff page and the
  conversation read back.
Sending lives in ``alert_dispatcher`` (claims, retries, escalation), ``alert_channels`` (WeCom robot, e-mail,
webhook) and ``alert_message`` (what an alert says); after committing, call ``app.extensions["alerts"].kick()``.
"""
from __future__ import annotations

import datetime as dt

from ..clock import iso, utcnow
from ..store import alerts as store

CHANNELS = ("wecom", "email", "webhook")
CHANNEL_LABELS = {"wecom": "企业微信", "email": "邮件", "webhook": "通知接口"}
# opinion: a public-opinion risk (bot/matching/complaint.py), one alert per handoff, a lower tier than distress.
REASONS = ("distress", "follow_up", "escalation", "test", "opinion")


def configured_channels(config) -> list:
    """The alert channels whose settings are present, in a fixed order."""
    out = []
    if getattr(config, "ALERT_WECOM_WEBHOOK_URL", ""):
        out.append("wecom")
    if getattr(config, "ALERT_SMTP_HOST", "") and getattr(config, "ALERT_EMAIL_TO", ""):
        out.append("email")
    if getattr(config, "ALERT_WEBHOOK_URL", ""):
        out.append("webhook")
    return out


def queue_alerts(db, channels, handoff_id: int, reason: str, key: str, trigger_text: str = "",
                 now: dt.datetime | None = None, waited_minutes: int | None = None) -> list:
    """Store one pending alert per channel (nothing is sent here); return the new row ids.

    Runs inside the caller's transaction so the alert exists exactly when the decision that raised it does.
    ``key`` names the alert across processes: the same key twice adds nothing.
    """
    if reason not in REASONS:
        raise ValueError(f"reason must be one of {REASONS}")
    unknown = [c for c in channels if c not in CHANNELS]
    if unknown:
        raise ValueError(f"unknown alert channels {unknown}; known: {CHANNELS}")
    return store.queue(db, [(channel, f"{key}:{channel}") for channel in channels], handoff_id, reason,
                       trigger_text, iso(now or utcnow()), waited_minutes)


def handoff_alerts(db, handoff_id: int) -> list:
    """Every alert of one handoff, oldest first, as dicts (channel, reason, status, attempts, times, error)."""
    return store.of_handoff(db, handoff_id)


def any_delivered(db, handoff_id: int) -> bool:
    """Whether at least one alert about this handoff reached a channel."""
    return store.any_sent(db, handoff_id)


def __getattr__(name):
    # ``alerts.AlertDispatcher`` without a circular import: the dispatcher module imports this one.
    if name == "AlertDispatcher":
        from .alert_dispatcher import AlertDispatcher

        return AlertDispatcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
