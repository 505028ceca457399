"""Messages the bot sends on its own through WeChat's customer-service API: late replies and staff replies.

Every message is stored in the ``outbox`` table before it is sent, so nothing is lost when WeChat or the
network fails: ``retry_due`` sends again later. Statuses: ``pending`` (queued, never tried or not yet
possible), ``sending`` (claimed by one worker right now), ``sent``, ``failed`` (with errcode and last_error;
``next_attempt_at`` says when to retry, empty when only a new message from the user can reopen WeChat's
48-hour window). Framework-free: the webhook, the admin pages and the CLI share this code.
"""
from __future__ import annotations

import datetime as dt
import logging

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

from .db import iso, parse_iso, utcnow
from .wechat_api import make_client
from .wechat_xml import MAX_REPLY_BYTES, split_for_sending

log = logging.getLogger(__name__)

WINDOW = dt.timedelta(hours=48)
WINDOW_QUOTA = 5
# Waits before the 1st, 2nd, ... retry of a failed send; the last one repeats.
BACKOFF = (dt.timedelta(seconds=30), dt.timedelta(minutes=2), dt.timedelta(minutes=10), dt.timedelta(hours=1))
# A claim older than this belongs to a worker that died mid-send.
CLAIM_TIMEOUT = dt.timedelta(minutes=2)
# WeChat's answers that only a new message from the user can change.
WAIT_FOR_USER = {
    45015: "用户超过48小时未发消息，微信不允许主动回复；用户再次发消息后会自动重发",
    45047: "已达到48小时内的客服消息条数上限；用户再次发消息后会自动重发",
    43004: "用户未关注公众号",
    40003: "用户OpenID无效",
}
NOT_CONFIGURED = "未配置 WECHAT_APP_ID/SECRET，消息暂存在发送队列中"
KINDS = ("late_reply", "staff_reply")


class Sender:
    """Queue and send customer-service text messages, within WeChat's 48-hour window and 5-message quota."""

    def __init__(self, db, config):
        self.db = db
        self.config = config
        self._client = None

    @property
    def configured(self) -> bool:
        """Whether AppID and AppSecret are set (without them nothing can be sent)."""
        return bool(self.config.WECHAT_APP_ID and self.config.WECHAT_APP_SECRET)

    def client(self) -> WeChatClient:
        """The wechatpy client, built on first use."""
        if self._client is None:
            self._client = make_client(self.config, self.db)
        return self._client

    def queue(self, user_id: str, text: str, kind: str = "late_reply", handoff_id: int | None = None,
              author: str | None = None) -> int:
        """Store a message to send; return its outbox id (status 'pending')."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        return self.db["outbox"].insert({
            "user_id": user_id, "text": text, "kind": kind, "handoff_id": handoff_id, "author": author,
            "status": "pending", "attempts": 0, "parts_sent": 0, "created_at": iso(), "next_attempt_at": iso(),
        }).last_pk

    def quota(self, user_id: str) -> dict:
        """The user's 48-hour window: open or not, when it ends, messages used and remaining (5 at most)."""
        rows = list(self.db.query("select last_message_at from users where user_id = ?", [user_id]))
        last = parse_iso(rows[0]["last_message_at"]) if rows else None
        if last is None:
            return {"window_open": False, "window_ends_at": None, "used": 0, "remaining": 0}
        ends = last + WINDOW
        used = self.db.execute(
            "select coalesce(sum(parts_sent), 0) from outbox where user_id = ? and last_attempt_at >= ?",
            [user_id, iso(last)],
        ).fetchone()[0]
        is_open = utcnow() < ends
        return {"window_open": is_open, "window_ends_at": iso(ends), "used": used,
                "remaining": max(0, WINDOW_QUOTA - used) if is_open else 0}

    def send(self, outbox_id: int) -> dict:
        """Try once to send a queued message; return its outbox row afterwards.

        Never raises for API or network errors: they are stored in the row (errcode, last_error, attempts,
        next_attempt_at) for ``retry_due``.
        """
        row = self.db["outbox"].get(outbox_id)
        if row["status"] == "sent":
            return row
        now = utcnow()
        if not self.configured:
            self._update(outbox_id, status="pending", last_error=NOT_CONFIGURED,
                         next_attempt_at=iso(now + BACKOFF[-1]))
            return self.db["outbox"].get(outbox_id)
        if not self._claim(outbox_id, now):
            return self.db["outbox"].get(outbox_id)
        parts = split_for_sending(row["text"], MAX_REPLY_BYTES)
        done = row["parts_sent"] or 0
        attempts = (row["attempts"] or 0) + 1
        quota = self.quota(row["user_id"])
        error = None
        for part in parts[done:]:
            if not quota["window_open"]:
                error = (45015, WAIT_FOR_USER[45015])
                break
            if quota["remaining"] <= 0:
                error = (45047, WAIT_FOR_USER[45047])
                break
            error = self._send_one(row["user_id"], part)
            if error:
                break
            done += 1
            quota["remaining"] -= 1
            self._update(outbox_id, parts_sent=done, last_attempt_at=iso())
        stamp = iso()
        if error is None:
            self._update(outbox_id, status="sent", sent_at=stamp, attempts=attempts, errcode=None, last_error=None,
                         next_attempt_at=None, last_attempt_at=stamp)
            return self.db["outbox"].get(outbox_id)
        errcode, message = error
        retry_at = None
        if errcode not in WAIT_FOR_USER:
            retry_at = utcnow() + BACKOFF[min(attempts, len(BACKOFF)) - 1]
            if quota["window_ends_at"] and retry_at >= parse_iso(quota["window_ends_at"]):
                retry_at = None
        log.warning("客服消息 #%s 发送失败（第%d次）：%s %s", outbox_id, attempts, errcode or "", message)
        self._update(outbox_id, status="failed", attempts=attempts, errcode=errcode, last_error=message,
                     next_attempt_at=iso(retry_at) if retry_at else None, last_attempt_at=stamp)
        return self.db["outbox"].get(outbox_id)

    def retry_due(self) -> int:
        """Send every queued or failed message whose retry time has come; return how many were sent.

        A message that waited for the user (window closed, quota used up) is retried once the user has
        written again.
        """
        now = iso()
        rows = list(self.db.query(
            """select o.id from outbox o left join users u on u.user_id = o.user_id
               where (o.status in ('pending', 'failed') and o.next_attempt_at <= ?)
                  or (o.status = 'sending' and o.next_attempt_at <= ?)
                  or (o.status = 'failed' and o.next_attempt_at is null
                      and u.last_message_at > coalesce(o.last_attempt_at, ''))
               order by o.id limit 100""",
            [now, now],
        ))
        sent = 0
        for r in rows:
            if self.send(r["id"])["status"] == "sent":
                sent += 1
        return sent

    def _send_one(self, user_id: str, text: str):
        """Call the API once; None on success, else (errcode or None, message)."""
        try:
            self.client().message.send_text(user_id, text)
        except WeChatClientException as e:
            if e.errcode is None and e.errmsg is None:
                status = getattr(e.response, "status_code", "?")
                return None, f"微信接口HTTP错误：{status}"
            return e.errcode, WAIT_FOR_USER.get(e.errcode) or f"微信接口返回错误 {e.errcode}：{e.errmsg}"
        except requests.RequestException as e:
            return None, f"无法连接微信接口：{type(e).__name__}"
        return None

    def _claim(self, outbox_id: int, now: dt.datetime) -> bool:
        """Mark the row as being sent by us; False when another worker has it or it was sent meanwhile."""
        cursor = self.db.execute(
            "update outbox set status = 'sending', next_attempt_at = ? where id = ? and "
            "(status in ('pending', 'failed') or (status = 'sending' and next_attempt_at <= ?))",
            [iso(now + CLAIM_TIMEOUT), outbox_id, iso(now)],
        )
        return cursor.rowcount == 1

    def _update(self, outbox_id: int, **changes) -> None:
        self.db["outbox"].update(outbox_id, changes)
