"""What each alert channel sends and what a duty officer reads: the WeCom robot, e-mail and the generic webhook.

Every channel talks to a real local server (alert_support); the dispatcher runs in the test's thread.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest

from alert_support import FakeSMTP, add_handoff, alert_config, alert_rows
from bot.clock import iso
from bot.store.connection import open_db
from bot.service.alert_channels import WECOM_MAX_BYTES
from bot.service.alert_dispatcher import AlertDispatcher
from bot.service.alert_message import CUT_NOTE
from bot.service.alerts import any_delivered, queue_alerts

# 14:03 in Beijing.
AT = dt.datetime(2026, 11, 26, 6, 3, tzinfo=dt.timezone.utc)
DISTRESS = "救命 船进水了 在芜湖长江大桥下游"
EXCHANGE = [("你好", "您好，我是海事局智能助手。"),
            (DISTRESS, "请立即拨打水上遇险求救电话12395，我们已通知值班人员。")]


def distress_alert(config, channels, exchange=EXCHANGE, reason="distress", trigger=DISTRESS, user_id="o-user-1",
                   distress_kind=None):
    """A handoff with one queued alert per channel; returns (db, handoff id)."""
    db = open_db(config.BOT_DATABASE, init=False)
    handoff_id = add_handoff(db, exchange, at=AT, user_id=user_id, distress_kind=distress_kind)
    with db.atomic():
        queue_alerts(db, channels, handoff_id, reason, f"h{handoff_id}:m1", trigger, AT)
    return db, handoff_id


@pytest.mark.parametrize("mention, expected", [
    ("13800000000, 13900000000", ["13800000000", "13900000000"]),
    ("@all", ["@all"]),
    ("", None),
])
def test_wecom_alert_has_the_words_time_link_and_mentions(tmp_path, wecom_robot, mention, expected):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, ALERT_WECOM_MENTION=mention)
    db, handoff_id = distress_alert(config, ["wecom"])

    assert AlertDispatcher(config).run_once() == 1

    [body] = wecom_robot.bodies
    assert body["msgtype"] == "text"
    assert body["text"].get("mentioned_mobile_list") == expected
    content = body["text"]["content"]
    lines = content.splitlines()
    assert lines[0] == f"【紧急求助】转人工 #{handoff_id}"
    assert lines[1] == f"用户说：“{DISTRESS}”"
    assert "时间：2026-11-26 14:03（北京时间）" in content
    assert f"处理：https://msa.example.cn/admin/handoffs/{handoff_id}" in content
    assert "11-26 14:02 你好" in content and f"11-26 14:03 {DISTRESS}" in content
    assert "拨打水上遇险求救电话12395" in content
    assert "类型：" not in content  # no kind stored: none is guessed
    [row] = alert_rows(db)
    assert (row["status"], row["attempts"], row["last_error"]) == ("sent", 1, None)
    assert '"errcode": 0' in row["response"]
    assert any_delivered(db, handoff_id)


def test_every_channel_names_the_kind_of_emergency_the_bot_read(tmp_path, wecom_robot, smtp_server, alert_webhook):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, ALERT_WEBHOOK_URL=alert_webhook.url,
                          ALERT_SMTP_HOST="127.0.0.1", ALERT_SMTP_PORT=smtp_server.port,
                          ALERT_EMAIL_FROM="bot@msa.example.cn", ALERT_EMAIL_TO="duty1@msa.example.cn")
    words = "我站在江边 不想活了"
    db, handoff_id = distress_alert(config, ["wecom", "email", "webhook"], [(words, "请拨打12395")], trigger=words,
                                    distress_kind="self_harm")

    assert AlertDispatcher(config).run_once() == 3

    lines = wecom_robot.contents()[0].splitlines()
    assert lines[:2] == [f"【紧急求助】转人工 #{handoff_id}", f"用户说：“{words}”"]
    assert "类型：轻生风险（机器人识别，请以用户的话为准）" in lines[2:4]
    mail = email.message_from_bytes(smtp_server.messages[0].original_content, policy=email.policy.default)
    assert mail["Subject"] == f"【紧急】水上遇险求助（轻生风险） 转人工 #{handoff_id}：{words}"
    [payload] = alert_webhook.bodies
    assert (payload["distress_kind"], payload["distress_label"]) == ("self_harm", "轻生风险")
    assert "类型：轻生风险" in payload["text"]


def test_follow_up_leads_with_the_new_words(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url)
    exchange = EXCHANGE + [("水已经到膝盖了 快来人", "已转告值班人员，请拨打12395。")]
    distress_alert(config, ["wecom"], exchange, reason="follow_up", trigger="水已经到膝盖了 快来人")

    AlertDispatcher(config).run_once()

    lines = wecom_robot.contents()[0].splitlines()
    assert lines[0].startswith("【紧急求助·用户追加消息】转人工 #")
    assert lines[1] == "用户又说：“水已经到膝盖了 快来人”"


def test_wecom_content_is_cut_to_2048_bytes_on_a_character_keeping_the_head(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url)
    # Three- and four-byte characters, so a byte cut could land inside one.
    chatter = [(f"第{i}条：船舶在锚地抛锚后走锚了🚢" * 12, "请说明船名和位置。" * 10) for i in range(10)]
    db, handoff_id = distress_alert(config, ["wecom"], chatter + [(DISTRESS, "请立即拨打12395。")])

    AlertDispatcher(config).run_once()

    content = wecom_robot.contents()[0]
    size = len(content.encode("utf-8"))
    assert WECOM_MAX_BYTES - 8 <= size <= WECOM_MAX_BYTES
    assert "\ufffd" not in content and content.endswith(CUT_NOTE)
    assert content.startswith(f"【紧急求助】转人工 #{handoff_id}\n用户说：“{DISTRESS}”")
    assert f"https://msa.example.cn/admin/handoffs/{handoff_id}" in content
    assert alert_rows(db)[0]["status"] == "sent"


def test_without_public_base_url_the_link_is_the_path(tmp_path, wecom_robot):
    config = alert_config(tmp_path, ALERT_WECOM_WEBHOOK_URL=wecom_robot.url, PUBLIC_BASE_URL="")
    _, handoff_id = distress_alert(config, ["wecom"])

    AlertDispatcher(config).run_once()

    assert f"处理：/admin/handoffs/{handoff_id}\n" in wecom_robot.contents()[0]


def test_email_alert_reaches_the_smtp_server(tmp_path, smtp_server):
    config = alert_config(tmp_path, ALERT_SMTP_HOST="127.0.0.1", ALERT_SMTP_PORT=smtp_server.port,
                          ALERT_EMAIL_FROM="bot@msa.example.cn",
                          ALERT_EMAIL_TO="duty1@msa.example.cn, duty2@msa.example.cn")
    db, handoff_id = distress_alert(config, ["email"])

    assert AlertDispatcher(config).run_once() == 1

    [envelope] = smtp_server.messages
    assert sorted(envelope.rcpt_tos) == ["duty1@msa.example.cn", "duty2@msa.example.cn"]
    mail = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert mail["Subject"] == f"【紧急】水上遇险求助 转人工 #{handoff_id}：{DISTRESS}"
    assert mail["From"] == "bot@msa.example.cn"
    body = mail.get_body().get_content()
    assert mail.get_body().get_content_charset() == "utf-8"
    for part in (DISTRESS, "你好", "2026-11-26 14:03（北京时间）", f"转人工 #{handoff_id}",
                 f"https://msa.example.cn/admin/handoffs/{handoff_id}", "12395"):
        assert part in body
    assert alert_rows(db)[0]["status"] == "sent"


@pytest.mark.parametrize("user, password, starttls, sent, error", [
    ("duty-bot", "right", False, True, None),
    ("duty-bot", "wrong", False, False, "SMTP 535"),
    ("", "", True, False, "STARTTLS"),
])
def test_email_login_and_starttls(tmp_path, user, password, starttls, sent, error):
    with FakeSMTP(users={"duty-bot": "right"}) as server:
        config = alert_config(tmp_path, ALERT_SMTP_HOST="127.0.0.1", ALERT_SMTP_PORT=server.port,
                              ALERT_SMTP_USER=user, ALERT_SMTP_PASSWORD=password, ALERT_SMTP_STARTTLS=starttls,
                              ALERT_EMAIL_TO="duty@msa.example.cn")
        db, _ = distress_alert(config, ["email"])
        AlertDispatcher(config).run_once()
        [row] = alert_rows(db)
        assert (row["status"] == "sent") is sent
        assert len(server.messages) == (1 if sent else 0)
        if error:
            assert error in row["last_error"] and row["next_attempt_at"]


def test_webhook_alert_posts_what_a_paging_gateway_needs(tmp_path, alert_webhook):
    config = alert_config(tmp_path, ALERT_WEBHOOK_URL=alert_webhook.url)
    db, handoff_id = distress_alert(config, ["webhook"])

    assert AlertDispatcher(config).run_once() == 1

    [payload] = alert_webhook.bodies
    assert payload["handoff_id"] == handoff_id and payload["reason"] == "distress"
    assert payload["url"] == f"https://msa.example.cn/admin/handoffs/{handoff_id}"
    assert payload["user_words"] == ["你好", DISTRESS]
    assert payload["bot_replies"] == [reply for _, reply in EXCHANGE]
    assert payload["created_at_beijing"] == "2026-11-26 14:02"
    assert payload["waited_minutes"] is None and payload["trigger_text"] == DISTRESS
    assert (payload["distress_kind"], payload["distress_label"]) == ("", "")
    assert DISTRESS in payload["text"] and "【紧急】" in payload["title"]
    assert alert_rows(db)[0]["status"] == "sent"


def test_webhook_http_500_is_a_failure_kept_for_retry(tmp_path, alert_webhook):
    config = alert_config(tmp_path, ALERT_WEBHOOK_URL=alert_webhook.url)
    alert_webhook.default = "http500"
    db, _ = distress_alert(config, ["webhook"])
    now = dt.datetime.now(dt.timezone.utc)

    assert AlertDispatcher(config).run_once(now) == 0

    [row] = alert_rows(db)
    assert (row["status"], row["attempts"]) == ("failed", 1)
    assert row["last_error"].startswith("HTTP 500")
    assert row["next_attempt_at"] == iso(now + dt.timedelta(seconds=5))


def test_a_deleted_handoffs_distress_alert_still_goes_out_but_a_resolved_ones_does_not(tmp_path, alert_webhook):
    config = alert_config(tmp_path, ALERT_WEBHOOK_URL=alert_webhook.url)
    db, gone = distress_alert(config, ["webhook"])
    _, resolved = distress_alert(config, ["webhook"], trigger="船上有人晕倒", user_id="o-user-2")
    db["handoffs"].delete(gone)  # the user unsubscribed right after writing
    db["handoffs"].update(resolved, {"state": "resolved"})

    assert AlertDispatcher(config).run_once() == 1

    [payload] = alert_webhook.bodies
    assert payload["handoff_id"] == gone and payload["trigger_text"] == DISTRESS
    assert "转人工记录已删除" in payload["text"]
    skipped = alert_rows(db, handoff_id=resolved)[0]
    assert skipped["status"] == "failed" and skipped["next_attempt_at"] is None and "已解决" in skipped["last_error"]


def test_queue_alerts_is_idempotent_by_key_and_refuses_unknown_reasons(tmp_path):
    config = alert_config(tmp_path)
    db = open_db(config.BOT_DATABASE, init=False)
    assert len(queue_alerts(db, ["wecom", "email"], 7, "distress", "h7:m1", "救命")) == 2
    assert queue_alerts(db, ["wecom", "email"], 7, "distress", "h7:m1", "救命") == []
    with pytest.raises(ValueError):
        queue_alerts(db, ["wecom"], 7, "panic", "h7:m2", "救命")
    assert len(alert_rows(db)) == 2
