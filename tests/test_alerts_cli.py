"""``python -m bot alert test``: one test alert through every configured channel, one answer line per channel."""
from __future__ import annotations

import email
import email.policy

import pytest
from click.testing import CliRunner

from alert_support import alert_rows
from bot.cli import main
from bot.store.connection import open_db
from db_support import database_for

NO_CHANNEL = {"ALERT_WECOM_WEBHOOK_URL": "", "ALERT_SMTP_HOST": "", "ALERT_EMAIL_TO": "", "ALERT_WEBHOOK_URL": ""}


@pytest.fixture
def runner():
    """Click's runner for the ``python -m bot`` commands."""
    return CliRunner()


def test_alert_test_sends_through_every_channel_and_reports_each(tmp_path, runner, wecom_robot, alert_webhook,
                                                                smtp_server):
    database = database_for(tmp_path)
    env = {"ALERT_WECOM_WEBHOOK_URL": wecom_robot.url, "ALERT_WECOM_MENTION": "@all",
           "ALERT_SMTP_HOST": "127.0.0.1", "ALERT_SMTP_PORT": str(smtp_server.port),
           "ALERT_EMAIL_TO": "duty@msa.example.cn", "ALERT_WEBHOOK_URL": alert_webhook.url,
           "PUBLIC_BASE_URL": "https://msa.example.cn"}

    result = runner.invoke(main, ["alert", "test", "--db", database], env=env)

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split("：")[0] for line in lines] == ["企业微信（wecom）", "邮件（email）", "通知接口（webhook）"]
    assert all("：成功" in line for line in lines)
    assert '"errcode": 0' in lines[0] and "duty@msa.example.cn" in lines[1] and "HTTP 200" in lines[2]
    assert wecom_robot.contents()[0].startswith("【告警测试】")
    assert wecom_robot.bodies[0]["text"]["mentioned_mobile_list"] == ["@all"]
    assert "https://msa.example.cn/admin/handoffs" in wecom_robot.contents()[0]
    mail = email.message_from_bytes(smtp_server.messages[0].original_content, policy=email.policy.default)
    assert mail["Subject"].startswith("【紧急】") and "测试" in mail["Subject"]
    assert alert_webhook.bodies[0]["reason"] == "test"
    rows = alert_rows(open_db(database, init=False))
    assert [(r["channel"], r["reason"], r["status"]) for r in rows] == [
        ("wecom", "test", "sent"), ("email", "test", "sent"), ("webhook", "test", "sent")]


def test_alert_test_shows_a_failing_channel_and_exits_non_zero(tmp_path, runner, wecom_robot, alert_webhook):
    database = database_for(tmp_path)
    alert_webhook.default = "http500"
    env = {**NO_CHANNEL, "ALERT_WECOM_WEBHOOK_URL": wecom_robot.url, "ALERT_WEBHOOK_URL": alert_webhook.url}

    result = runner.invoke(main, ["alert", "test", "--db", database], env=env)

    assert result.exit_code == 1
    wecom, webhook = result.output.splitlines()
    assert wecom.startswith("企业微信（wecom）：成功")
    assert webhook.startswith("通知接口（webhook）：失败") and "HTTP 500" in webhook
    failed = alert_rows(open_db(database, init=False), channel="webhook")[0]
    assert failed["status"] == "failed" and failed["next_attempt_at"] is None  # a test is not retried later


def test_alert_test_with_no_channel_says_so(tmp_path, runner):
    result = runner.invoke(main, ["alert", "test", "--db", database_for(tmp_path)], env=NO_CHANNEL)

    assert result.exit_code != 0
    assert "没有配置任何告警渠道" in result.output and "ALERT_WECOM_WEBHOOK_URL" in result.output
