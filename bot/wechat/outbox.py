"""Messages the bot sends on its own: late replies and staff replies through WeChat's customer-service API, and
navigation notices (kind ``notice``), which go as a subscription notification when the customer-service window
is closed (see ``_send_notice``).

Every message is stored in the ``outbox`` table before it is sent, so nothing is lost when WeChat or the
network fails: ``retry_due`` sends again later. Statuses: ``pending`` (queued, never tried or not yet
possible), ``sending`` (claimed by one worker right now), ``sent``, ``failed`` (with errcode and last_error, a
Chinese explanation from ``explain``; ``next_attempt_at`` says when to retry, empty when only a new message from
the user can reopen WeChat's 48-hour window), ``cancelled`` (by a member of staff: ``cancelled_by``,
``cancelled_at``) and ``expired`` (still unsent ``QUEUED_REPLY_EXPIRY_HOURS`` after it was written; ``cancelled_at``
says when it was dropped; a row with ``expires_at`` expires then instead). Cancelled and expired messages are
never sent. ``channel`` says how a sent row went: ``custom`` (customer-service API, counted in the 48-hour quota)
or ``template`` (subscription notification, ``msgid`` and the sent event's ``receipt``); a notification the user
refused (43101) stays ``failed`` and is never retried. Framework-free: the webhook, the admin pages and the CLI
share this code.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

from . import notifications as wechat_notifications
from ..clock import iso, parse_iso, utcnow
from ..store import notices as notice_store
from ..store import outbox as store
from .api import make_client
from .message_xml import MAX_REPLY_BYTES, split_for_sending

log = logging.getLogger(__name__)

WINDOW = dt.timedelta(hours=48)
WINDOW_QUOTA = 5
# Waits before the 1st, 2nd, ... retry of a failed send; the last one repeats.
BACKOFF = (dt.timedelta(seconds=30), dt.timedelta(minutes=2), dt.timedelta(minutes=10), dt.timedelta(hours=1))
# A claim older than this belongs to a worker that died mid-send.
CLAIM_TIMEOUT = dt.timedelta(minutes=2)
# WeChat's answers that only a new message from the user can change: no timed retry, a resend when they write.
WAIT_FOR_USER = frozenset({45015, 45047, 43004, 40003})
# WeChat's own trouble (system busy, an access token refused twice): retried on the BACKOFF schedule.
WECHAT_TROUBLE = frozenset({-1, 40001, 40014, 42001})
STATUSES = ("pending", "sending", "sent", "failed", "cancelled", "expired")
# Messages that may still go out, and that staff can therefore cancel.
UNSENT = ("pending", "failed")
NOT_CONFIGURED = "未配置 WECHAT_APP_ID/SECRET，消息暂存在发送队列中"
KINDS = ("late_reply", "staff_reply", "notice")
USER_REFUSED = wechat_notifications.USER_REFUSED
# A notice that neither channel can carry now waits with one of these (like WAIT_FOR_USER), until the user writes
# or accepts the notice template.
NO_WAY_YET = "用户超过48小时未发消息（或客服消息已用完），也未允许本号的订阅通知；用户再次发消息或允许订阅通知后补发"


def explain(errcode: int | None, errmsg: str = "", *, window_open: bool = True, will_retry: bool = True) -> str:
    """Why a message was not delivered and what happens next, in Chinese, for the staff page.

    ``errcode`` is WeChat's (None for a network or HTTP failure, described by ``errmsg``); ``window_open`` whether
    the user wrote within 48 hours when it was sent: a 45015 then means the user most likely unfollowed, not that
    the window closed. ``will_retry``: whether a timed retry is scheduled (not when the window closes first).
    """
    later = "系统会自动重试" if will_retry else "48小时窗口在下次重试前关闭，用户再次发消息后会自动重发"
    if errcode == 45015:
        if window_open:
            return "用户可能已取消关注公众号，消息无法送达；如有需要请通过电话等其他方式联系用户"
        return "用户超过48小时未发消息，微信不允许主动回复；用户再次发消息后会自动重发"
    if errcode == 45047:
        return f"48小时内的{WINDOW_QUOTA}条客服消息已用完；用户再次发消息后会自动重发"
    if errcode == 43004:
        return "用户未关注公众号，消息无法送达；用户关注并发消息后会自动重发"
    if errcode == 40003:
        return "用户的OpenID无效（不是本公众号的用户），消息无法送达"
    if errcode == USER_REFUSED:
        return "用户拒收订阅通知（未允许或已关闭本号的订阅通知），不再重试"
    if errcode == 40037:
        return f"订阅通知模板ID不对（检查 WECHAT_NOTICE_TEMPLATE_ID），{later}"
    if errcode == 47003:
        return f"订阅通知的内容不符合模板要求（检查 WECHAT_NOTICE_TEMPLATE_FIELDS）：{errmsg or '无说明'}；{later}"
    if errcode is None or errcode in WECHAT_TROUBLE:
        detail = f"（{errmsg}）" if errcode is None and errmsg else ""
        return f"微信服务器暂时出错，{later}{detail}"
    return f"微信返回错误码 {errcode}：{errmsg or '无说明'}；{later}"


def cancel(db, outbox_id: int, staff: str, now: dt.datetime | None = None) -> bool:
    """Stop an unsent message from ever being sent; False when it is already sent, being sent or stopped."""
    return store.cancel(db, outbox_id, staff, iso(now))


def cancel_handoff_replies(db, handoff_id: int, staff: str, now: dt.datetime | None = None) -> int:
    """Cancel every unsent staff reply of a handoff; return how many (joins the caller's transaction)."""
    return store.cancel_handoff_replies(db, handoff_id, staff, iso(now))


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
        """Store a message to send; return its outbox id (status 'pending'). (Notices are queued by
        ``bot.service.notices.dispatch``, in the transaction that claims them.)"""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        return store.insert(self.db, {
            "user_id": user_id, "text": text, "kind": kind, "handoff_id": handoff_id, "author": author,
            "status": "pending", "attempts": 0, "parts_sent": 0, "created_at": iso(), "next_attempt_at": iso(),
        })

    def quota(self, user_id: str) -> dict:
        """The user's 48-hour window: open or not, when it ends, messages used and remaining (5 at most)."""
        last = parse_iso(store.last_message_at(self.db, user_id))
        if last is None:
            return {"window_open": False, "window_ends_at": None, "used": 0, "remaining": 0}
        ends = last + WINDOW
        used = store.custom_parts_since(self.db, user_id, iso(last))
        is_open = utcnow() < ends
        return {"window_open": is_open, "window_ends_at": iso(ends), "used": used,
                "remaining": max(0, WINDOW_QUOTA - used) if is_open else 0}

    def send(self, outbox_id: int) -> dict:
        """Try once to send a queued message; return its outbox row afterwards.

        Never raises for API or network errors: they are stored in the row (errcode, last_error, attempts,
        next_attempt_at) for ``retry_due``.
        """
        row = store.get(self.db, outbox_id)
        if row["status"] in ("sent", "cancelled", "expired"):
            return row
        now = utcnow()
        if self._expire(now, outbox_id):
            return store.get(self.db, outbox_id)
        if not self.configured:
            self._update(outbox_id, status="pending", last_error=NOT_CONFIGURED,
                         next_attempt_at=iso(now + BACKOFF[-1]))
            return store.get(self.db, outbox_id)
        if not self._claim(outbox_id, now):
            return store.get(self.db, outbox_id)
        parts = split_for_sending(row["text"], MAX_REPLY_BYTES)
        done = row["parts_sent"] or 0
        attempts = (row["attempts"] or 0) + 1
        quota = self.quota(row["user_id"])
        if row["kind"] == "notice" and not done and not (quota["window_open"] and quota["remaining"] >= len(parts)):
            return self._send_notice(row, attempts, quota)
        error = None
        for part in parts[done:]:
            if not quota["window_open"]:
                error = (45015, "")
                break
            if quota["remaining"] <= 0:
                error = (45047, "")
                break
            error = self._send_one(row["user_id"], part)
            if error:
                break
            done += 1
            quota["remaining"] -= 1
            self._update(outbox_id, parts_sent=done, channel="custom", last_attempt_at=iso())
        stamp = iso()
        if error is None:
            self._update(outbox_id, status="sent", channel="custom", sent_at=stamp, attempts=attempts, errcode=None,
                         last_error=None, next_attempt_at=None, last_attempt_at=stamp)
            return store.get(self.db, outbox_id)
        errcode, errmsg = error
        retry_at = None
        if errcode not in WAIT_FOR_USER:
            retry_at = utcnow() + BACKOFF[min(attempts, len(BACKOFF)) - 1]
            if quota["window_ends_at"] and retry_at >= parse_iso(quota["window_ends_at"]):
                retry_at = None
        message = explain(errcode, errmsg, window_open=quota["window_open"], will_retry=retry_at is not None)
        log.warning("客服消息 #%s 发送失败（第%d次）：%s %s", outbox_id, attempts, errcode or "", message)
        self._update(outbox_id, status="failed", attempts=attempts, errcode=errcode, last_error=message,
                     next_attempt_at=iso(retry_at) if retry_at else None, last_attempt_at=stamp)
        return store.get(self.db, outbox_id)

    def retry_due(self) -> int:
        """Send every queued or failed message whose retry time has come; return how many were sent.

        A message that waited for the user (window closed, quota used up) is retried once the user has
        written again; a notification the user refused (43101) never is.
        """
        self.expire_due()
        now = iso()
        sent = 0
        for outbox_id in store.due_ids(self.db, now, 100):
            if self.send(outbox_id)["status"] == "sent":
                sent += 1
        return sent

    def expire_due(self, now: dt.datetime | None = None) -> int:
        """Mark every message unsent QUEUED_REPLY_EXPIRY_HOURS after it was written as expired; return how many."""
        expired = self._expire(now or utcnow())
        if expired:
            log.info("%d 条客服消息超过 %s 小时未能发出，已过期不再发送", expired,
                     self.config.QUEUED_REPLY_EXPIRY_HOURS)
        return expired

    def _expire(self, now: dt.datetime, outbox_id: int | None = None) -> int:
        """Expire one message (or every due one): QUEUED_REPLY_EXPIRY_HOURS after it was written, or at its own
        ``expires_at`` (a notice: when it ends). A message another worker is sending right now is left alone, and
        a refused notification (43101) stays as it is."""
        hours = self.config.QUEUED_REPLY_EXPIRY_HOURS
        # Without an expiry time and with the hours off, the cutoff is one no row can reach.
        cutoff = iso(now - dt.timedelta(hours=hours)) if hours and hours > 0 else ""
        return store.expire(self.db, iso(now), cutoff, outbox_id)

    def _send_notice(self, row: dict, attempts: int, quota: dict) -> dict:
        """A notice the customer-service window cannot carry now: a subscription notification if the user accepted
        the notice template, else it waits (like a reply waiting for the user) until the user writes or accepts."""
        template = self.config.WECHAT_NOTICE_TEMPLATE_ID
        user_id = row["user_id"]
        stamp = iso()
        if not template or notice_store.consent(self.db, user_id, template) != "accept":
            errcode = 45047 if quota["window_open"] else 45015
            self._update(row["id"], status="failed", attempts=attempts, errcode=errcode, last_error=NO_WAY_YET,
                         next_attempt_at=None, last_attempt_at=stamp)
            return store.get(self.db, row["id"])
        payload = json.loads(row["payload"] or "{}")
        error, msgid = None, ""
        try:
            data = wechat_notifications.template_data(self.config.WECHAT_NOTICE_TEMPLATE_FIELDS,
                                                      payload.get("values") or {})
            msgid = wechat_notifications.send(self.client(), user_id, template, data, payload.get("page"))
        except wechat_notifications.TemplateFieldsError as e:
            error = ("fields", str(e))
        except WeChatClientException as e:
            error = (e.errcode, str(e.errmsg or "")) if e.errcode is not None or e.errmsg is not None \
                else (None, f"微信接口HTTP错误：{getattr(e.response, 'status_code', '?')}")
        except requests.RequestException as e:
            error = (None, f"无法连接微信接口：{type(e).__name__}")
        stamp = iso()
        if error is None:
            self._update(row["id"], status="sent", channel="template", msgid=msgid or None, sent_at=stamp,
                         attempts=attempts, parts_sent=1, errcode=None, last_error=None, next_attempt_at=None,
                         last_attempt_at=stamp)
            return store.get(self.db, row["id"])
        errcode, errmsg = error
        if errcode == USER_REFUSED:
            notice_store.set_consent(self.db, user_id, template, "reject", "send", utcnow())
            retry_at = None
        else:
            retry_at = utcnow() + BACKOFF[min(attempts, len(BACKOFF)) - 1]
        message = f"{errmsg}；改正后系统会自动重试" if errcode == "fields" else explain(errcode, errmsg)
        errcode = None if errcode == "fields" else errcode
        log.warning("航行通告订阅通知 #%s 发送失败（第%d次）：%s %s", row["id"], attempts, errcode or "", message)
        self._update(row["id"], status="failed", channel="template", attempts=attempts, errcode=errcode,
                     last_error=message, next_attempt_at=iso(retry_at) if retry_at else None, last_attempt_at=stamp)
        return store.get(self.db, row["id"])

    def _send_one(self, user_id: str, text: str):
        """Call the API once; None on success, else (errcode or None, WeChat's errmsg or what failed)."""
        try:
            self.client().message.send_text(user_id, text)
        except WeChatClientException as e:
            if e.errcode is None and e.errmsg is None:
                status = getattr(e.response, "status_code", "?")
                return None, f"微信接口HTTP错误：{status}"
            return e.errcode, str(e.errmsg or "")
        except requests.RequestException as e:
            return None, f"无法连接微信接口：{type(e).__name__}"
        return None

    def _claim(self, outbox_id: int, now: dt.datetime) -> bool:
        """Mark the row as being sent by us; False when another worker has it or it was sent meanwhile."""
        return store.claim(self.db, outbox_id, iso(now + CLAIM_TIMEOUT), iso(now))

    def _update(self, outbox_id: int, **changes) -> None:
        store.update(self.db, outbox_id, changes)
