"""What an alert says, composed at send time from the handoff row so it shows the latest state.

A duty officer reading it on a phone needs, in this order: what happened and the user's own words, when
(Beijing time), the handoff number and the link to its page, then the whole exchange: every user message of the
handoff and what the bot already told the user. ``AlertMessage`` renders that for each channel: a plain text
(cut cleanly to a byte budget for the WeCom robot, keeping the head), an e-mail subject, a JSON payload.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ..clock import local, utcnow
from ..matching.distress_kinds import kind_label
from ..store import alerts as store

ELLIPSIS = "…"
CUT_NOTE = "…（内容过长已截断，完整记录见处理链接）"
QUOTE_CHARS = 300
STATE_LABELS = {"pending": "待处理，无人认领", "claimed": "处理中", "resolved": "已解决"}
HEADLINES = {
    "distress": "【紧急求助】",
    "follow_up": "【紧急求助·用户追加消息】",
    "escalation": "【紧急求助·无人认领】",
    "test": "【告警测试】",
    "opinion": "【舆情风险】",
}


@dataclass
class AlertMessage:
    """One alert as a duty officer reads it; ``text()``, ``subject()`` and ``payload()`` render it."""

    alert_id: int | None
    reason: str
    handoff_id: int | None
    url: str
    created_at_beijing: str
    head: list = field(default_factory=list)
    user_words: list = field(default_factory=list)   # [(Beijing "MM-DD HH:MM", text)], oldest first
    bot_replies: list = field(default_factory=list)  # the same, oldest first
    trigger_text: str = ""
    waited_minutes: int | None = None
    distress_kind: str = ""  # the kind of emergency the bot read ("person_in_water", "self_harm" …), or ""

    def body_lines(self) -> list:
        """The lines after the head: the user's words, then the bot's replies."""
        lines = []
        if self.user_words:
            lines.append("")
            lines.append(f"用户的话（{len(self.user_words)}条）：")
            lines.extend(f"{at} {text}" for at, text in self.user_words)
        if self.bot_replies:
            lines.append("")
            lines.append("机器人已答复用户：")
            lines.extend(f"{at} {text}" for at, text in self.bot_replies)
        return lines

    def text(self, max_bytes: int | None = None) -> str:
        """The whole alert as plain text; with ``max_bytes``, cut to that many UTF-8 bytes keeping the head."""
        full = "\n".join(self.head + self.body_lines())
        return full if max_bytes is None else fit_bytes(full, max_bytes)

    def subject(self) -> str:
        """An e-mail subject line in Chinese, starting with 【紧急】."""
        if self.reason == "test":
            return "【紧急】告警通道测试（无需处理）"
        if self.reason == "opinion":
            words = one_line(self.trigger_text, 40)
            return f"【舆情风险】转人工 #{self.handoff_id}" + (f"：{words}" if words else "")
        number = f"转人工 #{self.handoff_id}"
        if self.reason == "escalation":
            return f"【紧急】{number} 已等待 {self.waited_minutes or 0} 分钟无人认领"
        words = one_line(self.trigger_text, 40)
        what = "用户追加消息" if self.reason == "follow_up" else "水上遇险求助"
        label = kind_label(self.distress_kind)
        return f"【紧急】{what}" + (f"（{label}）" if label else "") + f" {number}" + (f"：{words}" if words else "")

    def payload(self) -> dict:
        """The JSON a paging or SMS gateway receives from the generic webhook."""
        return {
            "alert_id": self.alert_id,
            "handoff_id": self.handoff_id,
            "reason": self.reason,
            "title": self.subject(),
            "text": self.text(),
            "url": self.url,
            "trigger_text": self.trigger_text,
            "user_words": [text for _, text in self.user_words],
            "bot_replies": [text for _, text in self.bot_replies],
            "created_at_beijing": self.created_at_beijing,
            "waited_minutes": self.waited_minutes,
            "distress_kind": self.distress_kind,
            "distress_label": kind_label(self.distress_kind),
        }


def compose(db, alert: dict, base_url: str = "", now: dt.datetime | None = None) -> AlertMessage:
    """The message for one ``alerts`` row, read from its handoff as it is now.

    A handoff deleted meanwhile (the user unsubscribed) still yields an alert from the words stored with it.
    """
    reason = alert["reason"]
    handoff_id = alert["handoff_id"]
    if reason == "test" or handoff_id is None:
        return _test_message(alert, base_url, now)
    url = handoff_url(base_url, handoff_id)
    handoff = store.handoff(db, handoff_id)
    trigger = (alert.get("trigger_text") or (handoff or {}).get("key_message") or "").strip()
    started = (handoff or {}).get("created_at") or alert["created_at"]
    waited = alert.get("waited_minutes")
    opinion = bool(handoff) and handoff.get("category") == "opinion"
    headline = "【舆情风险·无人认领】" if opinion and reason == "escalation" else HEADLINES.get(reason, "【紧急】")
    head = [f"{headline}转人工 #{handoff_id}"]
    if reason == "escalation":
        head[0] += f" 已等待 {waited or 0} 分钟无人认领"
        if trigger or handoff:
            head.append(f"用户说：“{one_line(trigger or handoff['question'], QUOTE_CHARS)}”")
        head.append(f"{'反映' if opinion else '求助'}时间：{local(started)}（北京时间）")
    else:
        label = "用户又说" if reason == "follow_up" else "用户说"
        head.append(f"{label}：“{one_line(trigger, QUOTE_CHARS)}”")
        head.append(f"时间：{local(alert['created_at'])}（北京时间）")
    kind = "" if opinion or handoff is None else (handoff.get("distress_kind") or "")
    if kind_label(kind):
        head.append(f"类型：{kind_label(kind)}（机器人识别，请以用户的话为准）")
    head.append(f"处理：{url}")
    if handoff is None:
        head.append("状态：转人工记录已删除（用户已取消关注），请按上面的话处理")
        return AlertMessage(alert.get("id"), reason, handoff_id, url, local(started), head, trigger_text=trigger,
                            waited_minutes=waited)
    state = STATE_LABELS.get(handoff["state"], handoff["state"] or "")
    if handoff.get("claimed_by") and handoff["state"] != "pending":
        state += f"（{handoff['claimed_by']}）"
    head.append(f"状态：{state}")
    user_words, bot_replies = _transcript(handoff)
    return AlertMessage(alert.get("id"), reason, handoff_id, url, local(started), head, user_words, bot_replies,
                        trigger, waited, kind)


def merged_text(messages: list, max_bytes: int) -> str:
    """Several alerts as one text of at most ``max_bytes`` (the WeCom robot's rate limit forced merging them).

    Each alert gets an equal share of the room, its head first, so none is pushed out by a long one.
    """
    title = f"【紧急】{len(messages)}条告警合并发送（企业微信机器人限速）"
    room = max_bytes - len(title.encode("utf-8"))
    parts = [title]
    for index, message in enumerate(messages):
        share = room // (len(messages) - index)
        block = "\n" + f"—— {index + 1} ——\n" + message.text()
        block = fit_bytes(block, share, ELLIPSIS)
        room -= len(block.encode("utf-8"))
        parts.append(block)
    return fit_bytes("".join(parts), max_bytes)


def handoff_url(base_url: str, handoff_id: int) -> str:
    """The handoff's staff page: absolute with ``PUBLIC_BASE_URL``, else the path alone."""
    return f"{(base_url or '').rstrip('/')}/admin/handoffs/{handoff_id}"


def fit_bytes(text: str, max_bytes: int, note: str = CUT_NOTE) -> str:
    """``text`` if it fits in ``max_bytes`` of UTF-8, else its head cut on a character boundary plus ``note``."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    note_bytes = note.encode("utf-8")
    if len(note_bytes) >= max_bytes:
        note, note_bytes = "", b""
    head = data[: max_bytes - len(note_bytes)].decode("utf-8", errors="ignore")
    return head.rstrip() + note


def one_line(text: str | None, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + ELLIPSIS


def _transcript(handoff: dict) -> tuple:
    try:
        entries = json.loads(handoff.get("transcript") or "[]")
    except ValueError:
        entries = []
    user_words, bot_replies = [], []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not entry.get("text"):
            continue
        at = local(entry.get("at"), "%m-%d %H:%M") if entry.get("at") else ""
        target = user_words if entry.get("who") == "user" else bot_replies
        target.append((at, " ".join(str(entry["text"]).split())))
    return user_words, bot_replies


def _test_message(alert: dict, base_url: str, now: dt.datetime | None) -> AlertMessage:
    when = local(now or utcnow())
    url = f"{(base_url or '').rstrip('/')}/admin/handoffs"
    head = [f"{HEADLINES['test']}海事局微信问答助手的值班告警通道测试，无需处理。",
            f"时间：{when}（北京时间）", f"人工队列：{url}"]
    return AlertMessage(alert.get("id"), "test", None, url, when, head, trigger_text=alert.get("trigger_text") or "")
