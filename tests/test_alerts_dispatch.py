"""Sending alerts from the table: the robot's rate limit (merging), retries with back-off, leases that survive a
killed process, several dispatchers on one database, escalation, and the app's background thread."""
from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from alert_support import FakeRobot, add_handoff, alert_config, alert_rows
from bot import create_app
from bot.service import handoffs
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.service.alert_channels import WECOM_MAX_BYTES
from bot.service.alert_dispatcher import (
    BACKOFF, MERGED_INTO, RATE_WAIT, RATE_WINDOW, WECOM_PER_MINUTE, AlertDispatcher,
)
from bot.service.alerts import configured_channels, queue_alerts
from webhook_support import wait_for
from db_support import database_for

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = str(ROOT / "tests" / "fixtures" / "webhook_kb")


def distress(db, config, words: str, at: dt.datetime, user_id: str = "o-user-1") -> int:
    """A new urgent handoff and its distress alerts, committed together as the conversation does it."""
    with db.atomic():
        handoff_id = add_handoff(db, [(words, "请立即拨打12395。")], at=at, user_id=user_id)
        queue_alerts(db, configured_channels(config), handoff_id, "distress", f"h{handoff_id}:m1", words, at)
    return handoff_id


def test_rate_limited_answer_backs_off_and_the_waiting_alerts_go_out_merged(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url)
    db = open_db(config.BOT_DATABASE, init=False)
    dispatcher = AlertDispatcher(config)
    wecom_robot.script = ["rate"]
    t0 = utcnow()
    first = distress(db, config, "一号船着火了", t0, "o-1")

    assert dispatcher.run_once(t0) == 0
    [row] = alert_rows(db)
    assert row["status"] == "failed" and "45009" in row["last_error"]
    assert row["next_attempt_at"] == iso(t0 + RATE_WINDOW)

    later = t0 + dt.timedelta(seconds=10)
    distress(db, config, "二号船碰撞了", later, "o-2")
    distress(db, config, "有人落水了", later, "o-3")
    assert dispatcher.run_once(later) == 0  # held back: the robot's minute is not over
    assert len(wecom_robot.bodies) == 1

    assert dispatcher.run_once(t0 + RATE_WINDOW + dt.timedelta(seconds=1)) == 3
    assert len(wecom_robot.bodies) == 2
    merged = wecom_robot.contents()[1]
    assert merged.startswith("【紧急】3条告警合并发送")
    assert len(merged.encode("utf-8")) <= WECOM_MAX_BYTES
    for words in ("一号船着火了", "二号船碰撞了", "有人落水了"):
        assert words in merged
    rows = alert_rows(db)
    assert [r["status"] for r in rows] == ["sent"] * 3
    assert rows[0]["handoff_id"] == first and rows[0]["attempts"] == 2
    assert [r["response"] for r in rows[1:]] == [f"{MERGED_INTO}{rows[0]['id']}"] * 2


@pytest.mark.parametrize("sent_this_minute, bodies_now, bodies_after_the_minute", [
    (0, 3, 3),                       # room for all: one message each
    (WECOM_PER_MINUTE - 1, 1, 1),    # one message left this minute: all three in it
    (WECOM_PER_MINUTE, 0, 1),        # the minute is full: they wait, then go out as one
])
def test_over_the_robots_limit_alerts_are_merged_not_dropped(tmp_path, wecom_robot, sent_this_minute, bodies_now,
                                                             bodies_after_the_minute):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url)
    db = open_db(config.BOT_DATABASE, init=False)
    now = utcnow()
    for i in range(sent_this_minute):  # sent by any worker in the last 30 seconds
        db["alerts"].insert({"handoff_id": None, "channel": "wecom", "reason": "test", "dedupe_key": f"old{i}",
                             "status": "sent", "attempts": 1, "created_at": iso(now), "response": '{"errcode":0}',
                             "sent_at": iso(now - dt.timedelta(seconds=30))})
    for i, words in enumerate(("船舱进水", "机舱着火", "船员落水")):
        distress(db, config, words, now, f"o-{i}")
    dispatcher = AlertDispatcher(config)

    dispatcher.run_once(now)
    assert len(wecom_robot.bodies) == bodies_now
    if not bodies_now:
        assert {r["last_error"] for r in alert_rows(db, reason="distress")} == {RATE_WAIT}
    dispatcher.run_once(now + dt.timedelta(seconds=31))
    assert len(wecom_robot.bodies) == bodies_after_the_minute
    assert all(words in "".join(wecom_robot.contents()) for words in ("船舱进水", "机舱着火", "船员落水"))
    assert [r["status"] for r in alert_rows(db, reason="distress")] == ["sent"] * 3


def test_a_robot_that_hangs_times_out_and_the_alert_is_retried_after_a_back_off(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, ALERT_TIMEOUT_SECONDS=0.3)
    db = open_db(config.BOT_DATABASE, init=False)
    dispatcher = AlertDispatcher(config)
    wecom_robot.script = ["hang"]
    t0 = utcnow()
    distress(db, config, "船搁浅了", t0)

    assert dispatcher.run_once(t0) == 0
    [row] = alert_rows(db)
    assert (row["status"], row["attempts"]) == ("failed", 1)
    assert row["last_error"].startswith("超时")
    assert row["next_attempt_at"] == iso(t0 + BACKOFF[0])

    assert dispatcher.run_once(t0 + BACKOFF[0] - dt.timedelta(seconds=1)) == 0
    assert len(wecom_robot.bodies) == 1
    assert dispatcher.run_once(t0 + BACKOFF[0]) == 1
    [row] = alert_rows(db)
    assert (row["status"], row["attempts"], row["last_error"]) == ("sent", 2, None)
    assert "船搁浅了" in wecom_robot.contents()[1]


def test_back_off_grows_then_repeats_its_last_step(tmp_path, alert_webhook):
    config = alert_config(tmp_path, ALERT_WEBHOOK_URL=alert_webhook.url)
    alert_webhook.default = "http500"
    db = open_db(config.BOT_DATABASE, init=False)
    dispatcher = AlertDispatcher(config)
    now = utcnow().replace(microsecond=0)
    distress(db, config, "船上有人受伤", now)
    waits = []
    for _ in range(len(BACKOFF) + 1):
        dispatcher.run_once(now)
        [row] = alert_rows(db)
        retry_at = dt.datetime.fromisoformat(row["next_attempt_at"])
        waits.append(retry_at - now)
        now = retry_at
    assert waits == [*BACKOFF, BACKOFF[-1]]
    assert row["attempts"] == len(BACKOFF) + 1 and row["status"] == "failed"


KILLED_PROCESS = textwrap.dedent("""
    import sys, time
    from bot import create_app
    from bot.clock import utcnow
    from bot.store.connection import open_db
    from bot.service.alerts import configured_channels, queue_alerts
    sys.path.insert(0, "tests")
    from alert_support import add_handoff

    database, robot_url, kb_dir = sys.argv[1:4]
    app = create_app({"BOT_DATABASE": database, "BOT_KNOWLEDGE_DIR": kb_dir, "ALERT_WECOM_WEBHOOK_URL": robot_url,
                      "ALERT_TIMEOUT_SECONDS": 60, "ALERT_LEASE_SECONDS": 1, "ALERT_POLL_SECONDS": 0.05,
                      "ALERT_ESCALATE_MINUTES": 0})
    db = open_db(database, init=False)
    with db.atomic():
        handoff_id = add_handoff(db, [("救命 船沉了", "请立即拨打12395。")], at=utcnow())
        queue_alerts(db, ["wecom"], handoff_id, "distress", f"h{handoff_id}:m1", "救命 船沉了")
    app.extensions["alerts"].kick()
    time.sleep(60)
""")


def test_an_alert_whose_process_was_killed_mid_send_is_sent_by_the_next_one(tmp_path, wecom_robot):
    database = database_for(tmp_path)
    with FakeRobot(default="hang") as silent:
        process = subprocess.Popen([sys.executable, "-c", KILLED_PROCESS, database, silent.url, KB_DIR], cwd=ROOT,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            assert silent.received.wait(20), "the first process never called the robot"
            [row] = alert_rows(open_db(database, init=False))
            assert (row["status"], row["attempts"]) == ("sending", 1)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)

    app = create_app({"BOT_DATABASE": database, "BOT_KNOWLEDGE_DIR": KB_DIR, "ALERT_ESCALATE_MINUTES": 0,
                      "ALERT_WECOM_WEBHOOK_URL": wecom_robot.url, "ALERT_POLL_SECONDS": 0.05})
    try:
        db = open_db(database, init=False)
        row = wait_for(lambda: [r for r in alert_rows(db) if r["status"] == "sent"], timeout=8)[0]
        assert row["attempts"] == 2
        assert ["救命 船沉了" in c for c in wecom_robot.contents()] == [True]
    finally:
        app.extensions["alerts"].stop()


def test_two_dispatchers_on_one_database_send_each_alert_once(tmp_path, alert_webhook):
    config = alert_config(tmp_path, ALERT_WEBHOOK_URL=alert_webhook.url)
    db = open_db(config.BOT_DATABASE, init=False)
    now = utcnow()
    for i in range(30):
        distress(db, config, f"第{i}号船遇险", now, f"o-{i}")
    workers = [AlertDispatcher(config) for _ in range(3)]
    threads = [threading.Thread(target=w.run_once) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)

    ids = sorted(body["alert_id"] for body in alert_webhook.bodies)
    assert ids == [r["id"] for r in alert_rows(db)]
    assert {r["status"] for r in alert_rows(db)} == {"sent"}


def test_unclaimed_urgent_handoff_is_escalated_each_period_until_claimed(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, ALERT_ESCALATE_MINUTES=5)
    db = open_db(config.BOT_DATABASE, init=False)
    opened = utcnow() - dt.timedelta(minutes=1)
    handoff_id = distress(db, config, "机舱着火了", opened)
    calm = add_handoff(db, [("证书怎么补办", "已为您转接人工。")], at=opened, priority="high", user_id="o-calm")
    first, second = AlertDispatcher(config), AlertDispatcher(config)

    first.run_once(opened + dt.timedelta(minutes=4))
    assert len(wecom_robot.bodies) == 1  # the distress alert only

    at_five = opened + dt.timedelta(minutes=5, seconds=10)
    runs = [threading.Thread(target=d.run_once, args=(at_five,)) for d in (first, second)]
    for t in runs:
        t.start()
    for t in runs:
        t.join(10)
    first.run_once(opened + dt.timedelta(minutes=10, seconds=30))
    escalations = alert_rows(db, reason="escalation")
    opened_at = db["handoffs"].get(handoff_id)["created_at"]
    assert [(r["dedupe_key"], r["waited_minutes"], r["status"]) for r in escalations] == [
        (f"h{handoff_id}:{opened_at}:esc1:wecom", 5, "sent"), (f"h{handoff_id}:{opened_at}:esc2:wecom", 10, "sent")]
    assert len(wecom_robot.bodies) == 3
    assert wecom_robot.contents()[1].startswith(f"【紧急求助·无人认领】转人工 #{handoff_id} 已等待 5 分钟无人认领\n"
                                               "用户说：“机舱着火了”")
    assert "已等待 10 分钟无人认领" in wecom_robot.contents()[2]
    assert not alert_rows(db, handoff_id=calm)

    db["handoffs"].update(handoff_id, {"state": "claimed", "claimed_by": "zhangsan"})
    first.run_once(opened + dt.timedelta(minutes=30))
    assert len(alert_rows(db, reason="escalation")) == 2 and len(wecom_robot.bodies) == 3


def test_escalation_queued_before_the_claim_is_not_sent_after_it(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, ALERT_ESCALATE_MINUTES=5)
    db = open_db(config.BOT_DATABASE, init=False)
    opened = utcnow() - dt.timedelta(minutes=6)
    handoff_id = add_handoff(db, [("船舱进水", "请立即拨打12395。")], at=opened)
    dispatcher = AlertDispatcher(config)
    dispatcher.escalate(db)
    db["handoffs"].update(handoff_id, {"state": "claimed", "claimed_by": "lisi"})

    assert dispatcher.run_once() == 0
    [row] = alert_rows(db)
    assert row["status"] == "failed" and row["next_attempt_at"] is None and "认领" in row["last_error"]
    assert not wecom_robot.bodies


def test_the_apps_thread_escalates_in_real_time_and_stops_once_claimed(tmp_path, wecom_robot):
    app = create_app({"BOT_DATABASE": database_for(tmp_path), "BOT_KNOWLEDGE_DIR": KB_DIR,
                      "ALERT_WECOM_WEBHOOK_URL": wecom_robot.url, "ALERT_ESCALATE_MINUTES": 0.01,
                      "ALERT_POLL_SECONDS": 0.05})
    dispatcher = app.extensions["alerts"]
    try:
        db = open_db(app.config["BOT"].BOT_DATABASE, init=False)
        handoff_id = distress(db, app.config["BOT"], "有人落水", utcnow())
        dispatcher.kick()
        wait_for(lambda: len(alert_rows(db, reason="escalation", status="sent")) >= 2, timeout=5)
        handoffs.claim(db, handoff_id, "wangwu")
        time.sleep(0.1)  # an escalation being raised right now may still go out
        count = len(alert_rows(db, reason="escalation"))
        time.sleep(1.5)  # more than two periods
        assert len(alert_rows(db, reason="escalation")) == count
        assert all("无人认领" in c for c in wecom_robot.contents()[1:])
    finally:
        dispatcher.stop()


def test_the_app_sends_an_alert_within_a_moment_of_the_kick(tmp_path, wecom_robot):
    app = create_app({"BOT_DATABASE": database_for(tmp_path), "BOT_KNOWLEDGE_DIR": KB_DIR,
                      "ALERT_WECOM_WEBHOOK_URL": wecom_robot.url, "ALERT_POLL_SECONDS": 30,
                      "WECHAT_API_BASE_URL": "http://127.0.0.1:9"})
    dispatcher = app.extensions["alerts"]
    try:
        assert dispatcher.running
        db = open_db(app.config["BOT"].BOT_DATABASE, init=False)
        time.sleep(0.1)  # the thread's first look is over: only the kick can wake it before 30 s
        distress(db, app.config["BOT"], "船翻了", utcnow())
        kicked = time.monotonic()
        dispatcher.kick()
        assert wecom_robot.received.wait(5)
        assert time.monotonic() - kicked < 2
        wait_for(lambda: alert_rows(db, status="sent"), timeout=5.0)
    finally:
        dispatcher.stop()
    assert not dispatcher.running


def test_an_app_without_channels_warns_and_starts_no_thread(tmp_path, caplog):
    before = {t for t in threading.enumerate() if t.name.startswith("alert")}
    with caplog.at_level(logging.WARNING, logger="bot"):
        app = create_app({"BOT_DATABASE": database_for(tmp_path), "BOT_KNOWLEDGE_DIR": KB_DIR})
    assert not app.extensions["alerts"].running
    assert {t for t in threading.enumerate() if t.name.startswith("alert")} == before
    [record] = [r for r in caplog.records if "告警" in r.getMessage()]
    assert record.levelno == logging.WARNING
    for variable in ("ALERT_WECOM_WEBHOOK_URL", "ALERT_SMTP_HOST", "ALERT_EMAIL_TO", "ALERT_WEBHOOK_URL"):
        assert variable in record.getMessage()
    app.extensions["alerts"].kick()  # harmless


def test_a_dropped_dispatcher_takes_its_thread_with_it(tmp_path, wecom_robot):
    dispatcher = AlertDispatcher(alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url))
    assert dispatcher.start()
    thread = dispatcher._thread
    del dispatcher
    gc.collect()
    wait_for(lambda: not thread.is_alive(), timeout=3)
