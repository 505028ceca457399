"""Sending the ``alerts`` table: one dispatcher per process, safe with several gunicorn workers and crashes.

Rows are committed together with the decision that raised them (``queue_alerts``), so an alert outlives the
process: whichever dispatcher runs next sends it. A row is claimed before it is sent by an atomic UPDATE that
leases it (status 'sending' until ``ALERT_LEASE_SECONDS`` from now), so two workers never send the same row and
a row left 'sending' by a process that died is sent again once its lease has run out. Failures are stored
(attempts, last_error) and retried with back-off. The WeCom robot's limit of about 20 messages a minute is
counted from the table, so every worker shares it; over the limit, alerts wait and go out merged into one
message rather than being dropped. Urgent handoffs nobody claims are escalated every ALERT_ESCALATE_MINUTES.
Nothing here touches WeChat's API or the outbox: alerts go out whatever state WeChat is in.
"""
from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import threading
import time
import uuid
import weakref

from ..clock import iso, parse_iso, utcnow

from ..store.connection import open_db
from ..store import alerts as store
from ..store import postgres, sql
from .alert_channels import WECOM_MAX_BYTES, WECOM_RATE_LIMITED, ChannelResult, send_email, send_webhook, send_wecom
from .alert_message import AlertMessage, compose, merged_text
from .alerts import CHANNEL_LABELS, configured_channels, queue_alerts

log = logging.getLogger(__name__)

# Waits before the 1st, 2nd, ... retry of a failed send; the last one repeats until the alert goes out.
BACKOFF = (dt.timedelta(seconds=5), dt.timedelta(seconds=15), dt.timedelta(seconds=60), dt.timedelta(minutes=5))
# The WeCom group robot accepts about 20 messages a minute (errcode 45009 beyond that).
WECOM_PER_MINUTE = 20
RATE_WINDOW = dt.timedelta(minutes=1)
# At most this many alerts merged into one robot message: 2048 bytes hold little more than their heads.
WECOM_MERGE_MAX = 10
# Rows of a merged message other than the first carry this in ``response``, so they count as no message.
MERGED_INTO = "合并在告警 #"
# ``last_error`` of a WeCom row held back by the rate limit: once the minute frees it goes out merged.
RATE_WAIT = "企业微信机器人本分钟已发满，等待合并发送"
# Rows given up on purpose (status 'failed', no next attempt).
OBSOLETE_RESOLVED = "转人工已解决，不再发送"
OBSOLETE_CLAIMED = "转人工已有人认领或已解决，不再升级提醒"
OBSOLETE_GONE = "转人工记录已删除，不再升级提醒"
# How long stop() waits for a send in progress before leaving it to die with the daemon thread.
STOP_WAIT_SECONDS = 2.0
MAX_ROWS_PER_RUN = 200

_running = weakref.WeakSet()


class AlertDispatcher:
    """Sends due alerts and raises escalations, from a background thread (``start``) or on demand (``run_once``)."""

    def __init__(self, config):
        self.config = config
        self.channels = configured_channels(config)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lanes: dict = {}
        self._local = threading.local()
        self._pid: int | None = None
        self._lock = threading.Lock()

    # ---- the background thread -----------------------------------------------------------------------

    def start(self) -> bool:
        """Start the background thread (once per process); False when no channel is configured."""
        if not self.channels:
            return False
        with self._lock:
            if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
                return True
            self._pid = os.getpid()
            self._stopping.clear()
            # The thread holds the dispatcher only weakly: an app that is dropped takes its thread with it.
            self._thread = threading.Thread(target=_loop, args=(weakref.ref(self), self._wake, self._stopping,
                                                                 self.config.ALERT_POLL_SECONDS),
                                            name="alert-dispatcher", daemon=True)
            self._thread.start()
            _running.add(self)
        return True

    def kick(self) -> None:
        """Look for due alerts now (call it after the transaction that queued them has committed)."""
        if self._pid is not None and self._pid != os.getpid():
            self.start()  # forked after start (gunicorn --preload): threads do not survive a fork
        self._wake.set()

    def stop(self, timeout: float = STOP_WAIT_SECONDS) -> None:
        """Stop the background thread; a send in progress gets ``timeout`` seconds to finish."""
        self._stopping.set()
        self._wake.set()
        give_up = time.monotonic() + timeout
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        for lane in list(self._lanes.values()):
            if lane is not threading.current_thread():
                lane.join(max(0.0, give_up - time.monotonic()))
        _running.discard(self)

    @property
    def running(self) -> bool:
        """Whether the background thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _round(self) -> None:
        """One wake-up of the background thread: escalate, then hand each channel with due rows to its lane.

        Each channel sends in a thread of its own, so a mail server that hangs cannot hold back the robot.
        """
        db = self._thread_db()
        self.escalate(db)
        for channel in self.channels:
            lane = self._lanes.get(channel)
            if lane is not None and lane.is_alive():
                continue
            if self._stopping.is_set() or not self._due(db, channel):
                continue
            lane = threading.Thread(target=self._lane, args=(channel,), name=f"alert-{channel}", daemon=True)
            self._lanes[channel] = lane
            lane.start()

    def _lane(self, channel: str) -> None:
        db = open_db(self.config.BOT_DATABASE, init=False)
        attempted = 0
        try:
            attempted, _ = self._drain(db, channel, None)
        except Exception:
            log.exception("发送%s告警时出错", CHANNEL_LABELS[channel])
        finally:
            db.close()
            if attempted:
                self._wake.set()  # rows queued while this lane was busy

    def _thread_db(self):
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_db(self.config.BOT_DATABASE, init=False)
        return db

    # ---- on demand ------------------------------------------------------------------------------------

    def run_once(self, now: dt.datetime | None = None) -> int:
        """Raise due escalations and send every due alert of every channel, in this thread; return how many
        alerts were delivered. ``now`` (tests) fixes the clock for the whole run."""
        db = open_db(self.config.BOT_DATABASE, init=False)
        try:
            self.escalate(db, now)
            return sum(self._drain(db, channel, now)[1] for channel in self.channels)
        finally:
            db.close()

    def send_test(self, now: dt.datetime | None = None) -> list:
        """Send a test alert through every configured channel at once; return ``[(channel, ChannelResult)]``.

        The rows are stored like any alert (reason 'test') but a failed test is not retried later.
        """
        db = open_db(self.config.BOT_DATABASE, init=False)
        try:
            stamp = now or utcnow()
            with sql.immediate(db):
                ids = queue_alerts(db, self.channels, None, "test", f"test:{uuid.uuid4().hex}", "", stamp)
                alerts = [self._claim(db, alert_id, stamp) for alert_id in ids]
            results = []
            for alert in alerts:
                result = self._send(alert["channel"], [compose(db, alert, self.config.PUBLIC_BASE_URL, stamp)])
                self._finish(db, alert, result, now, retry=False)
                results.append((alert["channel"], result))
            return results
        finally:
            db.close()

    # ---- escalation -----------------------------------------------------------------------------------

    def escalate(self, db, now: dt.datetime | None = None) -> list:
        """Queue an escalation for every urgent handoff still unclaimed a whole period after it was opened.

        The k-th period's alert has the key ``h<id>:esc<k>``, so however many processes look, each is raised
        once. A handoff whose distress alert is younger than one period (it became urgent late) waits.
        """
        minutes = self.config.ALERT_ESCALATE_MINUTES
        if not self.channels or minutes <= 0:
            return []
        now = now or utcnow()
        period = dt.timedelta(minutes=minutes)
        cutoff = iso(now - period)
        # A public-opinion risk is urgent too, but a lower tier: escalated only when ALERT_OPINION_ESCALATE is on.
        rows = store.unescalated_urgent(db, cutoff, bool(getattr(self.config, "ALERT_OPINION_ESCALATE", False)))
        ids = []
        for row in rows:
            waited = now - parse_iso(row["created_at"])
            periods = int(waited / period)
            if periods < 1:
                continue
            # The opening time is in the key: a handoff number freed by an unsubscribe can come back.
            key = f"h{row['id']}:{row['created_at']}:esc{periods}"
            new = queue_alerts(db, self.channels, row["id"], "escalation", key, "", now,
                               int(waited.total_seconds() // 60))
            if new:
                log.warning("紧急转人工 #%s 已等待 %d 分钟无人认领，升级提醒", row["id"], waited.total_seconds() // 60)
            ids += new
        return ids

    # ---- sending --------------------------------------------------------------------------------------

    def _drain(self, db, channel: str, now: dt.datetime | None) -> tuple:
        """Send this channel's due rows until none is left; return (rows attempted, rows delivered)."""
        attempted = delivered = 0
        while attempted < MAX_ROWS_PER_RUN and not (now is None and self._stopping.is_set()):
            batch = self._claim_wecom(db, now) if channel == "wecom" else self._claim_next(db, channel, now)
            if not batch:
                break
            attempted += len(batch)
            delivered += self._deliver(db, channel, batch, now)
        return attempted, delivered

    def _deliver(self, db, channel: str, batch: list, now: dt.datetime | None) -> int:
        """Send one claimed batch (several rows only for a merged WeCom message); return rows delivered."""
        live = []
        for alert in batch:
            obsolete = self._obsolete(db, alert)
            if obsolete:
                self._finish(db, alert, ChannelResult(False, obsolete), now, retry=False)
            else:
                live.append(alert)
        if not live:
            return 0
        messages = [compose(db, alert, self.config.PUBLIC_BASE_URL, now) for alert in live]
        result = self._send(channel, messages)
        for index, alert in enumerate(live):
            follower = None if index == 0 else ChannelResult(result.ok, f"{MERGED_INTO}{live[0]['id']}",
                                                             result.rate_limited)
            self._finish(db, alert, follower or result, now, answer_failed=result.answer)
        if result.ok:
            merged = f"（{len(live)}条合并）" if len(live) > 1 else ""
            log.info("告警已通过%s发出%s：%s", CHANNEL_LABELS[channel], merged,
                     ", ".join(f"#{a['id']}" for a in live))
        else:
            log.warning("%s告警发送失败：%s（告警 %s）", CHANNEL_LABELS[channel], result.answer,
                        ", ".join(f"#{a['id']}" for a in live))
        return len(live) if result.ok else 0

    def _send(self, channel: str, messages: list) -> ChannelResult:
        """One attempt on one channel; never raises for what the other side does."""
        try:
            if channel == "wecom":
                text = messages[0].text(WECOM_MAX_BYTES) if len(messages) == 1 \
                    else merged_text(messages, WECOM_MAX_BYTES)
                return send_wecom(self.config, text)
            message: AlertMessage = messages[0]
            if channel == "email":
                return send_email(self.config, message.subject(), message.text())
            return send_webhook(self.config, message.payload())
        except Exception as e:  # a bug here must not leave the row 'sending' until the lease runs out
            log.exception("发送%s告警时出错", CHANNEL_LABELS[channel])
            return ChannelResult(False, f"内部错误：{type(e).__name__}")

    def _obsolete(self, db, alert: dict) -> str | None:
        """Why this alert should no longer go out, or None."""
        if alert["reason"] == "test" or alert["handoff_id"] is None:
            return None
        state = store.handoff_state(db, alert["handoff_id"])
        if alert["reason"] == "escalation":
            if state is None:
                return OBSOLETE_GONE
            return OBSOLETE_CLAIMED if state != "pending" else None
        return OBSOLETE_RESOLVED if state == "resolved" else None

    # ---- claiming and recording -----------------------------------------------------------------------

    def _due(self, db, channel: str) -> bool:
        return store.any_due(db, channel, iso())

    def _claim(self, db, alert_id: int, now: dt.datetime | None, follower_of: int | None = None) -> dict | None:
        """Lease one row for this process; None when another worker has it or it is not due."""
        now = now or utcnow()
        if not store.lease(db, alert_id, _iso_ceil(now + dt.timedelta(seconds=self.config.ALERT_LEASE_SECONDS)),
                           iso(now), f"{MERGED_INTO}{follower_of}" if follower_of else None):
            return None
        return store.row(db, alert_id)

    def _claim_next(self, db, channel: str, now: dt.datetime | None) -> list:
        """The oldest due row of a channel, leased to us (as a one-row batch), or []."""
        stamp = iso(now or utcnow())
        while True:
            found = store.oldest_due(db, channel, stamp)
            if found is None:
                return []
            alert = self._claim(db, found, now)
            if alert is not None:
                return [alert]

    def _claim_wecom(self, db, now: dt.datetime | None) -> list:
        """The next WeCom batch, leased to us: one row, or every due row merged when the minute is (nearly) full.

        Counting and claiming happen in one write transaction, so two workers cannot both take the last slot.
        """
        now = now or utcnow()
        stamp, window = iso(now), iso(now - RATE_WINDOW)
        with sql.immediate(db):
            due = store.due_wecom(db, stamp, WECOM_MERGE_MAX)
            if not due:
                return []
            # The robot said 45009 and that row's minute is not over: hold everything back to merge it.
            held = store.wecom_held(db, str(WECOM_RATE_LIMITED), stamp)
            slots = WECOM_PER_MINUTE - self.wecom_messages_since(db, window)
            if held or slots <= 0:
                waiting = [alert_id for alert_id, last_error in due if not _rate_limited(last_error)]
                if waiting:
                    store.set_last_error(db, waiting, RATE_WAIT)
                return []
            limited = any(_rate_limited(last_error) for _, last_error in due)
            ids = [alert_id for alert_id, _ in due] if limited or len(due) > slots else [due[0][0]]
            batch = []
            for alert_id in ids:
                alert = self._claim(db, alert_id, now, follower_of=batch[0]["id"] if batch else None)
                if alert is not None:
                    batch.append(alert)
            return batch

    @staticmethod
    def wecom_messages_since(db, since: str) -> int:
        """Robot messages sent (or being sent) since ``since``: rows merged into another's message count once."""
        return store.wecom_messages_since(db, since, MERGED_INTO)

    def _finish(self, db, alert: dict, result: ChannelResult, now: dt.datetime | None, retry: bool = True,
                answer_failed: str | None = None) -> None:
        """Record the attempt's outcome, unless another worker re-leased the row meanwhile (its attempts moved)."""
        stamp_at = now or utcnow()
        if result.ok:
            store.mark_sent(db, alert["id"], alert["attempts"], iso(stamp_at), result.answer)
            return
        retry_at = None
        if retry:
            wait = RATE_WINDOW if result.rate_limited else BACKOFF[min(alert["attempts"], len(BACKOFF)) - 1]
            retry_at = iso(stamp_at + wait)
        error = answer_failed or result.answer
        store.mark_failed(db, alert["id"], alert["attempts"], error, result.answer if result.answer != error else None,
                          retry_at)


def send_test_alerts(config) -> list:
    """Send a test alert through every configured channel; ``[(channel, ChannelResult)]``, empty when none is."""
    return AlertDispatcher(config).send_test()


def _loop(ref, wake: threading.Event, stopping: threading.Event, poll_seconds: float) -> None:
    while not stopping.is_set():
        dispatcher = ref()
        if dispatcher is None:
            return
        try:
            dispatcher._round()
        except postgres.Closed:
            return  # this process closed its database: it is going
        except Exception:
            log.exception("告警发送线程出错，稍后重试")
        del dispatcher
        wake.wait(poll_seconds)
        wake.clear()


def _rate_limited(last_error: str | None) -> bool:
    """Whether a WeCom row waited for the robot's rate limit (then it goes out merged with the others)."""
    return bool(last_error) and (str(WECOM_RATE_LIMITED) in last_error or last_error == RATE_WAIT)


def _iso_ceil(moment: dt.datetime) -> str:
    """``iso()`` rounded up: stored times have whole seconds, and a lease must never end early."""
    if moment.microsecond:
        moment = moment.replace(microsecond=0) + dt.timedelta(seconds=1)
    return iso(moment)


@atexit.register
def _stop_all() -> None:
    for dispatcher in list(_running):
        dispatcher.stop(timeout=0.5)
