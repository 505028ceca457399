"""The emergency path on the staff pages: who has been told, and who still has to act.

Every staff page carries the number of unclaimed urgent handoffs in its title and header, and polls
``urgent.json`` (``static/urgent.js``) so a new distress handoff is heard within seconds, not at the queue's
next reload. Every page also warns in red when no alert channel is configured, because then nobody outside
this page learns of an emergency. The handoff page lists the alerts sent about the handoff, per channel.
"""
from __future__ import annotations

import itertools

from flask import current_app, jsonify, url_for

from .. import example_content_warning, get_db
from ..service import handoffs
from ..clock import local
from ..matching.distress_kinds import kind_label
from ..service import alerts
from . import bp

# How often the pages ask for new urgent handoffs; the queue still rebuilds its table once a minute.
POLL_SECONDS = 5
NEWEST_URGENT = 10
TITLE_PREFIX = "({n}) 紧急求助待认领 · "
MISSING_CHANNELS = ("未配置险情提醒渠道：紧急求助不会通知任何人，请设置 ALERT_WECOM_WEBHOOK_URL / ALERT_SMTP_HOST / "
                    "ALERT_WEBHOOK_URL")
REASON_LABELS = {"distress": "险情提醒", "follow_up": "追加提醒", "escalation": "无人认领升级提醒", "test": "测试提醒",
                 "opinion": "舆情风险提醒"}


@bp.context_processor
def _urgent_context():
    waiting = handoffs.unclaimed_urgent(get_db())
    return {"urgent_count": len(waiting), "urgent_ids": ",".join(str(h["id"]) for h in waiting),
            "urgent_poll_seconds": POLL_SECONDS, "title_prefix": TITLE_PREFIX,
            "alert_channels": alerts.configured_channels(current_app.config["BOT"]),
            "missing_channels": MISSING_CHANNELS, "example_content": example_content_warning(current_app)}


@bp.route("/handoffs/urgent.json")
def urgent_json():
    """The unclaimed urgent count and the newest unclaimed urgent handoffs, for the pages' alert poll."""
    waiting = handoffs.unclaimed_urgent(get_db())
    return jsonify({
        "unclaimed_urgent": len(waiting),
        "poll_seconds": POLL_SECONDS,
        "handoffs": [{
            "id": h["id"], "key_message": h["key_message"], "key_message_at": h["key_message_at"],
            "created_at": h["created_at"], "time": local(h["key_message_at"], "%H:%M:%S"),
            "kind": kind_label(h["distress_kind"]),
            "url": url_for("admin.handoff", handoff_id=h["id"]),
        } for h in waiting[:NEWEST_URGENT]],
    })


def alert_groups(db, handoff_id: int) -> list:
    """The handoff's alerts as the page shows them: one entry per alert raised, each with a line per channel.

    ``[{"reason", "label", "at", "waited_minutes", "channels": [{"channel", "status", "text"}]}]``, oldest first.
    An alert raised once is stored as one row per channel sharing a key (``<key>:<channel>``).
    """
    rows = alerts.handoff_alerts(db, handoff_id)
    groups = []
    for _, members in itertools.groupby(rows, key=lambda r: (r.get("dedupe_key") or "").rpartition(":")[0]
                                        or f"{r['reason']}@{r['created_at']}"):
        members = list(members)
        first = members[0]
        groups.append({
            "reason": first["reason"], "label": REASON_LABELS.get(first["reason"], first["reason"] or "提醒"),
            "at": first["created_at"], "waited_minutes": first.get("waited_minutes"),
            "channels": [{"channel": r["channel"], "status": r["status"], "text": channel_status(r)}
                         for r in members],
        })
    return groups


def channel_status(row: dict) -> str:
    """One channel's state in words: "企业微信 14:02:11 ✓", "邮件 失败，重试中（第2次：连接超时）"."""
    label = alerts.CHANNEL_LABELS.get(row["channel"], row["channel"] or "未知渠道")
    status, attempts = row["status"], row.get("attempts") or 0
    error = row.get("last_error") or "原因不明"
    if status == "sent":
        return f"{label} {local(row.get('sent_at') or row.get('last_attempt_at'), '%H:%M:%S')} ✓"
    if status == "sending":
        return f"{label} 正在发送"
    if status == "pending" and not attempts:
        return f"{label} 等待发送"
    if status == "pending" or row.get("next_attempt_at"):
        return f"{label} 失败，重试中（第{attempts}次：{error}）"
    return f"{label} 失败，已停止重试（共{attempts}次：{error}）"
