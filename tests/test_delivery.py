"""Sending through WeChat's customer-service API, against a real loopback HTTP server standing in for WeChat."""
import datetime as dt

import pytest

from webhook_support import FakeWeChatAPI  # noqa: F401  (fixture)

from bot.config import Config
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.wechat.outbox import NOT_CONFIGURED, Sender, explain
from bot.wechat.api import TokenStorage
from bot.wechat.message_xml import MAX_REPLY_BYTES, split_for_sending, utf8_len
from db_support import database_for


@pytest.fixture
def db(tmp_path):
    conn = open_db(database_for(tmp_path))
    yield conn
    conn.close()


def config(api_url, **overrides):
    values = {"WECHAT_APP_ID": "wxapp", "WECHAT_APP_SECRET": "secret", "WECHAT_API_BASE_URL": api_url,
              "API_TIMEOUT_SECONDS": 2.0, "BOT_DATABASE": ":memory:"}
    values.update(overrides)
    return Config(**values)


def user_wrote(db, user_id="user-1", ago=dt.timedelta(0)):
    stamp = iso(utcnow() - ago)
    db.execute("insert into users (user_id, first_seen, last_message_at, subscribed) values (?, ?, ?, 1) "
               "on conflict(user_id) do update set last_message_at = excluded.last_message_at",
               [user_id, stamp, stamp])


@pytest.fixture
def sender(db, fake_api):
    user_wrote(db)
    return Sender(db, config(fake_api.url))


def test_queue_then_send(sender, db, fake_api):
    db["handoffs"].insert({"id": 3, "user_id": "user-1", "state": "claimed", "created_at": iso(), "updated_at": iso()})
    outbox_id = sender.queue("user-1", "您好，您的证书已办好。", kind="staff_reply", handoff_id=3, author="alice")
    row = db["outbox"].get(outbox_id)
    assert (row["status"], row["kind"], row["handoff_id"], row["author"]) == ("pending", "staff_reply", 3, "alice")
    row = sender.send(outbox_id)
    assert row["status"] == "sent" and row["sent_at"] and row["attempts"] == 1
    assert fake_api.sent == [{"touser": "user-1", "msgtype": "text", "text": {"content": "您好，您的证书已办好。"}}]


def test_sent_row_is_not_sent_twice(sender, fake_api):
    outbox_id = sender.queue("user-1", "一次")
    sender.send(outbox_id)
    assert sender.send(outbox_id)["status"] == "sent"
    assert len(fake_api.sent) == 1


def test_token_cached_in_database_and_shared_between_workers(sender, db, fake_api, tmp_path):
    sender.send(sender.queue("user-1", "第一条"))
    [token] = list(db.query("select * from tokens"))
    assert token["value"] == "TOKEN-1" and token["expires_at"] > iso()
    other_worker = Sender(open_db(database_for(tmp_path), init=False), config(fake_api.url))
    other_worker.send(other_worker.queue("user-1", "第二条"))
    assert fake_api.token_requests == 1
    assert fake_api.contents() == ["第一条", "第二条"]


def test_expired_or_revoked_token_is_fetched_again(sender, db, fake_api):
    sender.send(sender.queue("user-1", "a"))
    fake_api.valid_tokens.clear()
    assert sender.send(sender.queue("user-1", "b"))["status"] == "sent"
    assert fake_api.token_requests == 2


def test_token_storage_respects_expiry(db):
    storage = TokenStorage(db)
    storage.set("k", "v", 7200)
    assert storage.get("k") == "v"
    storage.set("k", "old", 60)  # inside the safety margin: treated as expired
    assert storage.get("k") is None
    storage.delete("k")
    assert storage.get("k", "default") == "default"


@pytest.mark.parametrize("errcode, explained", [
    # WeChat says 45015 although the user wrote just now: they have most likely unfollowed.
    (45015, "用户可能已取消关注公众号，消息无法送达"),
    (45047, "用户再次发消息后会自动重发"),
])
def test_window_errors_wait_for_the_user(sender, db, fake_api, errcode, explained):
    fake_api.errors = [errcode]
    outbox_id = sender.queue("user-1", "稍后回复")
    row = sender.send(outbox_id)
    assert (row["status"], row["errcode"], row["attempts"]) == ("failed", errcode, 1)
    assert row["next_attempt_at"] is None and explained in row["last_error"]
    assert sender.retry_due() == 0
    db.execute("update outbox set last_attempt_at = ?", [iso(utcnow() - dt.timedelta(minutes=1))])
    user_wrote(db)
    assert sender.retry_due() == 1
    assert fake_api.contents() == ["稍后回复"]


def test_other_errors_are_retried_later(sender, db, fake_api):
    fake_api.errors = [-1]
    outbox_id = sender.queue("user-1", "重试我")
    row = sender.send(outbox_id)
    assert row["status"] == "failed" and row["errcode"] == -1 and row["next_attempt_at"] > iso()
    assert sender.retry_due() == 0
    db.execute("update outbox set next_attempt_at = ?", [iso(utcnow() - dt.timedelta(seconds=1))])
    assert sender.retry_due() == 1
    row = db["outbox"].get(outbox_id)
    assert (row["status"], row["attempts"], row["errcode"], row["last_error"]) == ("sent", 2, None, None)


def test_network_failure_never_raises(db):
    user_wrote(db)
    with FakeWeChatAPI() as api:
        dead_url = api.url
    sender = Sender(db, config(dead_url, API_TIMEOUT_SECONDS=0.5))
    row = sender.send(sender.queue("user-1", "网络断了"))
    assert row["status"] == "failed" and row["errcode"] is None
    assert "无法连接" in row["last_error"] or "获取access_token" in row["last_error"]
    assert row["next_attempt_at"]


def test_unconfigured_app_id_keeps_the_message_queued(db, fake_api):
    user_wrote(db)
    sender = Sender(db, config(fake_api.url, WECHAT_APP_ID="", WECHAT_APP_SECRET=""))
    row = sender.send(sender.queue("user-1", "没有配置"))
    assert row["status"] == "pending" and row["last_error"] == NOT_CONFIGURED
    assert "未配置 WECHAT_APP_ID/SECRET" in NOT_CONFIGURED
    assert fake_api.token_requests == 0 and fake_api.sent == []


def test_long_text_is_split_at_2048_bytes(sender, fake_api, db):
    text = "".join(f"第{i}条注意事项请仔细阅读。" for i in range(150))
    row = sender.send(sender.queue("user-1", text))
    assert row["status"] == "sent" and row["parts_sent"] == len(fake_api.sent) > 1
    assert all(utf8_len(c) <= MAX_REPLY_BYTES for c in fake_api.contents())
    assert "".join(fake_api.contents()) == text


def test_partly_sent_text_resumes_where_it_stopped(sender, fake_api, db):
    text = "船舶。" * 600
    parts = split_for_sending(text)
    assert len(parts) == 3
    outbox_id = sender.queue("user-1", text)
    db.execute("update outbox set parts_sent = 1, last_attempt_at = ? where id = ?", [iso(), outbox_id])
    assert sender.send(outbox_id)["status"] == "sent"
    assert fake_api.contents() == parts[1:]
    assert sender.quota("user-1")["used"] == 3


def test_quota_counts_messages_since_the_users_last_message(sender, db, fake_api):
    q = sender.quota("user-1")
    assert q["window_open"] and q["used"] == 0 and q["remaining"] == 5
    assert q["window_ends_at"] > iso(utcnow() + dt.timedelta(hours=47))
    for i in range(5):
        assert sender.send(sender.queue("user-1", f"第{i}条"))["status"] == "sent"
    assert sender.quota("user-1")["remaining"] == 0
    row = sender.send(sender.queue("user-1", "第六条"))
    assert (row["status"], row["errcode"]) == ("failed", 45047)
    assert len(fake_api.sent) == 5
    db.execute("update outbox set last_attempt_at = ?",
               [iso(utcnow() - dt.timedelta(minutes=5))])
    user_wrote(db)
    assert sender.quota("user-1")["remaining"] == 5
    assert sender.retry_due() == 1


def test_quota_window_closed_after_48_hours(db, fake_api):
    user_wrote(db, ago=dt.timedelta(hours=49))
    sender = Sender(db, config(fake_api.url))
    assert sender.quota("user-1")["window_open"] is False
    row = sender.send(sender.queue("user-1", "太晚了"))
    assert (row["status"], row["errcode"]) == ("failed", 45015)
    assert fake_api.sent == []


def test_quota_of_unknown_user(sender):
    assert sender.quota("nobody") == {"window_open": False, "window_ends_at": None, "used": 0, "remaining": 0}


def test_stale_claim_is_taken_over(sender, db, fake_api):
    outbox_id = sender.queue("user-1", "卡住的消息")
    db.execute("update outbox set status = 'sending', next_attempt_at = ? where id = ?",
               [iso(utcnow() - dt.timedelta(seconds=1)), outbox_id])
    assert sender.retry_due() == 1


def test_fresh_claim_is_left_alone(sender, db, fake_api):
    outbox_id = sender.queue("user-1", "另一个进程正在发")
    db.execute("update outbox set status = 'sending', next_attempt_at = ? where id = ?",
               [iso(utcnow() + dt.timedelta(minutes=1)), outbox_id])
    assert sender.send(outbox_id)["status"] == "sending"
    assert fake_api.sent == []


def test_unknown_kind_rejected(sender):
    with pytest.raises(ValueError):
        sender.queue("user-1", "x", kind="spam")


OPEN, CLOSED = True, False
TROUBLE = "微信服务器暂时出错，系统会自动重试"


@pytest.mark.parametrize("errcode, errmsg, window_open, will_retry, text", [
    # 45015 while the user wrote within 48 hours: most likely unfollowed; nothing promises a resend.
    (45015, "response out of time limit", OPEN, False,
     "用户可能已取消关注公众号，消息无法送达；如有需要请通过电话等其他方式联系用户"),
    (45015, "", CLOSED, False, "用户超过48小时未发消息，微信不允许主动回复；用户再次发消息后会自动重发"),
    (45047, "out of response count limit", OPEN, False, "48小时内的5条客服消息已用完；用户再次发消息后会自动重发"),
    (-1, "system error", OPEN, True, TROUBLE),
    (40001, "invalid credential", OPEN, True, TROUBLE),
    (42001, "access_token expired", OPEN, True, TROUBLE),
    (None, "无法连接微信接口：ConnectionError", OPEN, True, TROUBLE + "（无法连接微信接口：ConnectionError）"),
    (None, "微信接口HTTP错误：502", OPEN, True, TROUBLE + "（微信接口HTTP错误：502）"),
    (-1, "system error", OPEN, False, "微信服务器暂时出错，48小时窗口在下次重试前关闭，用户再次发消息后会自动重发"),
    (43004, "require subscribe", OPEN, False, "用户未关注公众号，消息无法送达；用户关注并发消息后会自动重发"),
    (40003, "invalid openid", OPEN, False, "用户的OpenID无效（不是本公众号的用户），消息无法送达"),
    (48001, "api unauthorized", OPEN, True, "微信返回错误码 48001：api unauthorized；系统会自动重试"),
    (45009, "", OPEN, True, "微信返回错误码 45009：无说明；系统会自动重试"),
])
def test_every_errcode_is_explained_with_what_happens_next(errcode, errmsg, window_open, will_retry, text):
    assert explain(errcode, errmsg, window_open=window_open, will_retry=will_retry) == text


@pytest.mark.parametrize("errors, errcode, retried_later, text", [
    ([43004], 43004, False, "用户未关注公众号"),
    ([40003], 40003, False, "用户的OpenID无效"),
    ([48001], 48001, True, "微信返回错误码 48001：error 48001；系统会自动重试"),
    ([-1], -1, True, TROUBLE),
])
def test_the_sender_stores_the_explanation(sender, fake_api, errors, errcode, retried_later, text):
    fake_api.errors = list(errors)
    row = sender.send(sender.queue("user-1", "回复"))
    assert (row["status"], row["errcode"]) == ("failed", errcode)
    assert text in row["last_error"]
    assert bool(row["next_attempt_at"]) is retried_later
