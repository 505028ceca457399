"""Receiving WeChat pushes: drop WeChat's retries, answer within the deadline, send late answers later.

WeChat waits 5 seconds for a reply and delivers a message up to three times. Each delivery's key is
claimed in the ``dedupe`` table before anything else (so every gunicorn worker sees it), the conversation
runs in a worker thread, and a reply not ready within ``REPLY_DEADLINE_SECONDS`` is answered with
"success" and delivered through the customer-service API from the outbox instead. Framework-free.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from . import conversation
from .db import iso, open_db, utcnow
from .delivery import Sender
from .wechat_xml import Inbound

log = logging.getLogger(__name__)

DUPLICATE_POLL_SECONDS = 0.05
MAINTENANCE_SECONDS = 30.0
DEDUPE_KEEP = dt.timedelta(days=2)
REPLY_THREADS = 8


class _Job:
    """One message being answered; the lock decides whether the request or the outbox delivers the reply."""

    def __init__(self):
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.ready = False
        self.late = False
        self.reply = ""


class Inbox:
    """Turns each distinct WeChat push into exactly one conversation turn and one reply."""

    def __init__(self, config, engine_source, alerts=None):
        """``engine_source()`` returns the engine to answer with (the hot-reloaded one); ``alerts`` is the
        alert dispatcher that emergencies wake (None: nobody is alerted)."""
        self.config = config
        self.engine_source = engine_source
        self.alerts = alerts
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(max_workers=REPLY_THREADS, thread_name_prefix="wechat-reply")
        self._maintained = 0.0
        self._maintain_lock = threading.Lock()

    def db(self):
        """This thread's connection (SQLite connections stay in the thread that opened them)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_db(self.config.BOT_DATABASE, init=False)
        return db

    def receive(self, inbound: Inbound) -> str:
        """The reply text for one push; "" means answer "success" (nothing to say, a retry, or a late reply)."""
        self._maintain()
        key = inbound.dedupe_key
        claimed = self.db().execute(
            "insert or ignore into dedupe (key, created_at, status) values (?, ?, 'processing')", [key, iso()]
        ).rowcount == 1
        if not claimed:
            return self._earlier_reply(key)
        job = _Job()
        self._pool.submit(self._answer, job, self.engine_source(), inbound)
        if not job.done.wait(self.config.REPLY_DEADLINE_SECONDS):
            with job.lock:
                if not job.ready:
                    job.late = True
                    log.info("回复超时，改用客服消息发送：%s", key)
                    return ""
            job.done.wait()
        return job.reply

    def _answer(self, job: _Job, engine, inbound: Inbound) -> None:
        db = self.db()
        status = "done"
        try:
            if self.config.REPLY_DELAY_SECONDS:
                time.sleep(self.config.REPLY_DELAY_SECONDS)
            reply = conversation.handle(db, engine, inbound.from_user, inbound, alerts=self.alerts)
        except Exception:
            log.exception("处理消息 %s 时出错", inbound.dedupe_key)
            reply, status = "", "error"
        with job.lock:
            late = job.late
            if not late:
                job.reply, job.ready = reply, True
        # The row is written before the request answers: written after, it would compete for SQLite's write
        # lock with the next message's dedupe claim, and a busy wait sleeps a whole millisecond.
        try:
            db.execute("update dedupe set status = ?, reply = ? where key = ?",
                       ["late" if late else status, reply, inbound.dedupe_key])
            if late and reply:
                sender = Sender(db, self.config)
                sender.send(sender.queue(inbound.from_user, reply, kind="late_reply"))
        except Exception:
            log.exception("记录消息 %s 的回复时出错", inbound.dedupe_key)
        finally:
            job.done.set()

    def _earlier_reply(self, key: str) -> str:
        """A retry: the reply the first delivery gave, waiting briefly while it is still being worked out."""
        give_up = time.monotonic() + self.config.REPLY_DEADLINE_SECONDS
        while True:
            rows = list(self.db().query("select status, reply from dedupe where key = ?", [key]))
            if rows and rows[0]["status"] == "done":
                return rows[0]["reply"] or ""
            if not rows or rows[0]["status"] != "processing" or time.monotonic() >= give_up:
                return ""
            time.sleep(DUPLICATE_POLL_SECONDS)

    def _maintain(self) -> None:
        """Now and then, off the request path: resend what failed and forget old dedupe keys."""
        now = time.monotonic()
        with self._maintain_lock:
            if now - self._maintained < MAINTENANCE_SECONDS:
                return
            self._maintained = now
        self._pool.submit(self.maintain)

    def maintain(self) -> int:
        """Retry due outbox messages and prune old dedupe keys; return how many messages were sent."""
        db = self.db()
        try:
            db.execute("delete from dedupe where created_at < ?", [iso(utcnow() - DEDUPE_KEEP)])
            return Sender(db, self.config).retry_due()
        except Exception:
            log.exception("重发客服消息时出错")
            return 0
