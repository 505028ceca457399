"""Receiving WeChat pushes: every accepted message answered or handed over exactly once, whatever dies when.

WeChat waits 5 seconds for a reply and delivers a message up to three times. Each delivery's key is
claimed in the ``dedupe`` table before anything else, as a lease: the claiming process is its owner and
renews it every second while it works. The message is recorded and the claim marked answered in one
transaction, so a message is never answered twice. A re-delivery finding a claim whose lease ran out (its
owner died) takes it over and answers it; the keeper thread of every process does the same for claims no
re-delivery came back for, sending the reply through the customer-service outbox. A reply not ready within
``REPLY_DEADLINE_SECONDS`` goes through the outbox too. Framework-free.
"""
from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import json
import logging
import os
import secrets
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ..service import conversation
from ..clock import iso, parse_iso, utcnow
from ..store.connection import exists as database_exists, open_db
from ..store import claims, postgres, users
from .outbox import Sender
from ..errors import BotError
from .message_xml import Inbound

log = logging.getLogger(__name__)

DUPLICATE_POLL_SECONDS = 0.05
MAINTENANCE_SECONDS = 30.0
RETENTION_CHECK_SECONDS = 3600.0
# How often the keeper looks for navigation notices that became active (bot/service/notices.py).
NOTICE_CHECK_SECONDS = 60.0
DEDUPE_KEEP = dt.timedelta(days=2)
REPLY_THREADS = 8
# The owner renews its claims every RENEW_SECONDS; a claim not renewed for LEASE_SECONDS has lost its owner.
# WeChat re-delivers about 5 s after a delivery it got no answer to, so a dead owner's claim has expired by then.
RENEW_SECONDS = 1.0
LEASE_SECONDS = 3.0
RECOVER_SECONDS = 2.0
# A message whose answering has been started this many times (each owner died on it) is handed to a person.
MAX_ATTEMPTS = 3
# When every reply thread is busy the push is answered at once with this, and the reply follows by the outbox.
BUSY = "消息已收到，正在排队处理，答复稍后发给您。紧急情况请立即拨打12395水上遇险求救电话。"


class LeaseLost(BotError):
    """Our claim on a delivery was taken over by another process: its answer, not ours, is the one recorded."""


class _Job:
    """One message being answered; the lock decides whether the request or the outbox delivers the reply."""

    def __init__(self, late: bool = False):
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.passive = False  # the answer is being committed for the waiting request to return
        self.late = late  # the request gave up: the answer goes by the outbox
        self.reply = ""
        self.outbox_id = None


class Inbox:
    """Turns each distinct WeChat push into exactly one conversation turn and one reply."""

    def __init__(self, config, engine_source, alerts=None):
        """``engine_source()`` returns the engine to answer with (the hot-reloaded one); ``alerts`` is the
        alert dispatcher that emergencies wake (None: nobody is alerted)."""
        self.config = config
        self.engine_source = engine_source
        self.alerts = alerts
        self._local = threading.local()
        self._lock = threading.Lock()
        self._inflight = 0
        self._pid = None
        self._pool = None
        self._keeper = None
        self._stop = threading.Event()
        self.owner = ""
        if config.WECHAT_NOTICE_TEMPLATE_ID:
            from .notifications import TemplateFieldsError, field_map

            try:
                field_map(config.WECHAT_NOTICE_TEMPLATE_FIELDS)
            except TemplateFieldsError as e:
                log.error("航行通告的订阅通知发不出去：%s", e)
        self._start()

    # ---- the process's threads --------------------------------------------------------------------------

    def _start(self) -> None:
        """Start (or, in a forked child, restart) the reply threads and the keeper; called on every push."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._local = threading.local()
            self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
            self._pool = ThreadPoolExecutor(max_workers=REPLY_THREADS, thread_name_prefix="wechat-reply")
            self._inflight = 0
            self._stop = threading.Event()
            self._keeper = threading.Thread(target=self._keep, name="wechat-keeper", daemon=True)
            self._keeper.start()
        atexit.register(self.close)

    def close(self, timeout: float = 25.0) -> None:
        """Graceful shutdown: finish what is being answered, then release the claims still held.

        Released claims (their owner is going) are taken over at once by the other processes.
        """
        if self._pid != os.getpid() or self._stop.is_set():
            return
        pool = self._pool
        finished = threading.Event()
        threading.Thread(target=lambda: (pool.shutdown(wait=True), finished.set()), daemon=True).start()
        finished.wait(timeout)
        self._stop.set()
        if not database_exists(self.config.BOT_DATABASE):
            return
        try:
            db = open_db(self.config.BOT_DATABASE, init=False)
            released = claims.renew(db, self.owner, iso(utcnow() - dt.timedelta(seconds=1)))
            db.conn.commit()
            db.close()
            if released:
                log.warning("进程退出：%d 条未答完的消息交给其他进程处理", released)
        except postgres.Closed:
            pass  # the database was closed first: its claims lapse with their leases
        except Exception:
            log.exception("进程退出时释放消息认领出错")

    def db(self):
        """This thread's connection (SQLite connections stay in the thread that opened them)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_db(self.config.BOT_DATABASE, init=False)
        return db

    def _keep(self) -> None:
        """The keeper: renew our claims, answer claims whose owner died, and the periodic upkeep."""
        last_recover = last_maintain = last_retention = last_notices = 0.0
        while not self._stop.wait(RENEW_SECONDS):
            now = time.monotonic()
            try:
                if self._inflight:
                    self.renew()
                if now - last_recover >= RECOVER_SECONDS:
                    last_recover = now
                    self.recover()
                if now - last_maintain >= MAINTENANCE_SECONDS:
                    last_maintain = now
                    self.maintain()
                if now - last_notices >= NOTICE_CHECK_SECONDS:
                    last_notices = now
                    self.dispatch_notices()
                if now - last_retention >= RETENTION_CHECK_SECONDS:
                    last_retention = now
                    self.apply_retention()
            except postgres.Closed:
                return  # this process closed its database: it is going
            except Exception:
                log.exception("消息认领维护出错")

    # ---- receiving ----------------------------------------------------------------------------------------

    def receive(self, inbound: Inbound) -> str:
        """The reply text for one push; "" means answer "success" (nothing to say, a retry, or a late reply)."""
        self._start()
        key = inbound.dedupe_key
        now = utcnow()
        claimed = claims.claim(self.db(), key, iso(now), inbound.from_user, _payload(inbound), self.owner,
                               iso(now + dt.timedelta(seconds=LEASE_SECONDS)))
        if not claimed:
            return self._redelivery(inbound, time.monotonic() + self.config.REPLY_DEADLINE_SECONDS)
        return self._run(inbound, 1, time.monotonic() + self.config.REPLY_DEADLINE_SECONDS)

    def _run(self, inbound: Inbound, attempts: int, give_up: float) -> str:
        """Answer a delivery we hold the claim on: passively if ready before ``give_up``, else by the outbox."""
        with self._lock:
            busy = self._inflight >= REPLY_THREADS
            self._inflight += 1
        job = _Job(late=busy)
        self._pool.submit(self._answer, job, inbound, attempts)
        if busy:
            log.warning("回复线程全忙，先回复“请稍候”，答复稍后用客服消息发送：%s", inbound.dedupe_key)
            return BUSY
        if not job.done.wait(max(0.0, give_up - time.monotonic())):
            with job.lock:
                if not job.passive:
                    job.late = True
                    log.info("回复超时，改用客服消息发送：%s", inbound.dedupe_key)
                    return ""
            job.done.wait()
        return job.reply

    def _redelivery(self, inbound: Inbound, give_up: float) -> str:
        """A retry: the reply the first delivery gave, waiting while it is worked out; taken over if its owner died."""
        key = inbound.dedupe_key
        while True:
            row = self._claim_row(key)
            if row is None:
                return ""
            if row["status"] == "done":
                return row["reply"] or ""
            if row["status"] != "processing":
                return ""  # late: the reply goes (or went) by the outbox
            if self._expired(row) and self._take_over(row):
                log.warning("消息 %s 的处理进程已失联（%s），由本进程接手", key, row["owner"])
                return self._run(_inbound(row) or inbound, row["attempts"] + 1, give_up)
            if time.monotonic() >= give_up:
                return ""
            time.sleep(DUPLICATE_POLL_SECONDS)

    def _answer(self, job: _Job, inbound: Inbound, attempts: int) -> None:
        db = self.db()
        try:
            if self.config.REPLY_DELAY_SECONDS:
                time.sleep(self.config.REPLY_DELAY_SECONDS)
            finish = self._finisher(job, inbound)
            try:
                if attempts > MAX_ATTEMPTS:
                    raise RuntimeError(f"已尝试处理 {attempts - 1} 次都未完成")
                reply = conversation.respond(db, self.engine_source(), inbound.from_user, inbound,
                                             alerts=self.alerts, finish=finish,
                                             notice_template=self.config.WECHAT_NOTICE_TEMPLATE_ID).reply
            except LeaseLost:
                reply = ""
            except Exception:
                log.exception("处理消息 %s 时出错，转人工并致歉", inbound.dedupe_key)
                reply = self._apologise(db, job, inbound, finish)
            with job.lock:
                job.reply = reply
            if job.outbox_id is not None:
                Sender(db, self.config).send(job.outbox_id)
        except Exception:
            log.exception("发送消息 %s 的答复时出错（已在发送队列中，稍后重试）", inbound.dedupe_key)
        finally:
            with self._lock:
                self._inflight -= 1
            job.done.set()

    def _finisher(self, job: _Job, inbound: Inbound):
        """The step that marks the delivery answered, inside the transaction that records the message."""
        def finish(db, outcome) -> None:
            with job.lock:
                if not job.late:
                    job.passive = True
                late = job.late
            reply = outcome.reply or ""
            marked = claims.mark_answered(db, inbound.dedupe_key, self.owner, "late" if late and reply else "done",
                                          reply, iso())
            if marked != 1:
                raise LeaseLost(inbound.dedupe_key)
            if late and reply:
                job.outbox_id = Sender(db, self.config).queue(inbound.from_user, reply, kind="late_reply")
        return finish

    def _apologise(self, db, job: _Job, inbound: Inbound, finish) -> str:
        """Answering failed: a handoff and an apology; if even that cannot be stored, an apology that promises nothing."""
        if db.conn.in_transaction:
            db.conn.rollback()
        try:
            return conversation.record_failure(db, inbound.from_user, inbound, finish=finish).reply
        except LeaseLost:
            return ""
        except Exception:
            log.exception("无法为消息 %s 转人工", inbound.dedupe_key)
        if db.conn.in_transaction:
            db.conn.rollback()
        try:
            claims.mark_failed(db, inbound.dedupe_key, self.owner, conversation.APOLOGY, iso())
            db.conn.commit()
        except Exception:
            log.exception("无法记录消息 %s 的处理结果", inbound.dedupe_key)
        return "" if job.late else conversation.APOLOGY

    # ---- leases -------------------------------------------------------------------------------------------

    def _claim_row(self, key: str) -> dict | None:
        return claims.row(self.db(), key)

    def _expired(self, row: dict) -> bool:
        """Whether a claim's owner is gone: its lease ran out, or it is a process of this machine that has exited."""
        lease = parse_iso(row["lease_until"])
        if lease is None or lease < utcnow():
            return True
        host, _, rest = (row["owner"] or "").partition(":")
        pid = rest.partition(":")[0]
        return host == socket.gethostname() and pid.isdigit() and not _alive(int(pid))

    def _take_over(self, row: dict) -> bool:
        """Claim a delivery whose owner is gone; True when this process won it (exactly one does)."""
        return claims.take_over(self.db(), row["key"], self.owner, iso(utcnow() + dt.timedelta(seconds=LEASE_SECONDS)),
                                row["owner"], row["lease_until"])

    def renew(self) -> int:
        """Extend the leases of the deliveries this process is answering; return how many."""
        return claims.renew(self.db(), self.owner, iso(utcnow() + dt.timedelta(seconds=LEASE_SECONDS)))

    def recover(self) -> int:
        """Answer, through the outbox, deliveries whose owner died and that no re-delivery took over."""
        rows = claims.others_processing(self.db(), self.owner)
        taken = 0
        for row in rows:
            inbound = _inbound(row)
            if inbound is None or not self._expired(row) or not self._take_over(row):
                continue
            log.warning("接手失联进程（%s）未答完的消息 %s，答复用客服消息发送", row["owner"], row["key"])
            with self._lock:
                self._inflight += 1
            self._pool.submit(self._answer, _Job(late=True), inbound, row["attempts"] + 1)
            taken += 1
        return taken

    # ---- upkeep -------------------------------------------------------------------------------------------

    def maintain(self) -> int:
        """Retry due outbox messages and prune old dedupe keys and departures; return how many messages were sent."""
        db = self.db()
        try:
            cutoff = iso(utcnow() - DEDUPE_KEEP)
            # A claim this old cannot be answered any more (WeChat's 48-hour window has closed), whatever its state.
            claims.forget_before(db, cutoff)
            users.forget_departures_before(db, cutoff)
            return Sender(db, self.config).retry_due()
        except postgres.Closed:
            raise  # the keeper stops
        except Exception:
            log.exception("重发客服消息时出错")
            return 0

    def dispatch_notices(self, now: dt.datetime | None = None) -> int:
        """Queue the navigation notices that became active for their subscribers and send what can go now;
        return how many were queued (any number of processes may run this at once: see bot/service/notices.py)."""
        from ..service import notices

        db = self.db()
        try:
            queued = notices.dispatch(db, self.engine_source().kb, now)
            if queued:
                log.info("航行通告：%d 条推送已排队", queued)
                Sender(db, self.config).retry_due()
            return queued
        except postgres.Closed:
            raise  # the keeper stops
        except Exception:
            log.exception("推送航行通告时出错")
            return 0

    def apply_retention(self) -> int:
        """Clear the words of messages older than BOT_RETENTION_DAYS; return how many were cleared."""
        from ..store.retention import purge_old_text

        cleared = purge_old_text(self.db(), self.config.BOT_RETENTION_DAYS)
        if cleared:
            log.info("已删除 %d 条超过 %d 天的消息内容（保留计数）", cleared, self.config.BOT_RETENTION_DAYS)
        return cleared


def _payload(inbound: Inbound) -> str:
    """The message as stored with its claim, so whoever takes the claim over can answer it."""
    return json.dumps(dataclasses.asdict(inbound), ensure_ascii=False)


def _inbound(row: dict) -> Inbound | None:
    try:
        return Inbound(**json.loads(row["payload"]))
    except (TypeError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
