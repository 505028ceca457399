"""Staff replies through WeChat's customer-service API, against a local stand-in for the API.

Covers delivery, 45015 / 45047 / network failures with a retry that then succeeds, WeChat's 5-message
quota in the 48-hour window, and the access token shared through SQLite.
"""
from __future__ import annotations

import pytest

from admin_support import (  # noqa: F401
    CLOSED_PORT_URL, add_handoff, add_reply, ago, api_app, database, db, post, queue_ids, staff_client,
)
from bot.service import handoffs
from bot.clock import parse_iso, utcnow
from bot.wechat.outbox import Sender


@pytest.fixture
def app(api_app):
    """Here the app talks to the stand-in API (staff_client and db follow it)."""
    return api_app


def test_reply_reaches_the_user_through_wechat(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "船舶被扣押怎么处理")
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text="  您好，请提供船名和扣押文书编号。 ")
    assert r.status_code == 302 and r.location.endswith(f"/admin/handoffs/{h}#reply")
    assert fake_api.sent == [{"touser": "oUser1", "msgtype": "text", "text": {"content": "您好，请提供船名和扣押文书编号。"}}]
    row, = handoffs.replies(db, h)
    assert (row["status"], row["author"], row["kind"], row["user_id"]) == ("sent", "zhangsan", "staff_reply", "oUser1")
    handoff = db["handoffs"].get(h)
    assert handoff["state"] == "claimed" and handoff["claimed_by"] == "zhangsan" and handoff["first_reply_at"]
    page = staff_client.get(r.location).get_data(as_text=True)
    assert "回复已通过微信发送给用户" in page and "已送达微信" in page
    assert "还可发送 <strong>4</strong> 条" in page
    queue = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert "已回复" in queue


def test_45015_failure_keeps_the_reply_and_a_retry_then_succeeds(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "船舶被扣押怎么处理", asked=ago(minutes=30))
    fake_api.errors = [45015]
    text = "您好，扣押需要到海事处现场办理解除手续。"
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text=text, follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "回复未能送达" in page and "45015" in page and "重新发送" in page
    assert text in page  # nothing typed is lost
    row, = handoffs.replies(db, h)
    assert (row["status"], row["errcode"], row["text"]) == ("failed", 45015, text)
    assert fake_api.sent == [] and fake_api.rejected[0][1]["text"]["content"] == text
    assert db["handoffs"].get(h)["first_reply_at"] is None
    assert "1 条回复未送达" in staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert queue_ids(staff_client.get("/admin/handoffs").get_data(as_text=True)) == [h]

    r = post(staff_client, f"/admin/handoffs/{h}/retry/{row['id']}", follow_redirects=True)
    assert "重新发送成功" in r.get_data(as_text=True)
    assert fake_api.contents() == [text]
    row, = handoffs.replies(db, h)
    assert row["status"] == "sent" and row["attempts"] == 2
    assert db["handoffs"].get(h)["first_reply_at"] == row["sent_at"]
    assert "未送达" not in staff_client.get("/admin/handoffs").get_data(as_text=True)
    # Retrying a reply already sent sends nothing twice.
    post(staff_client, f"/admin/handoffs/{h}/retry/{row['id']}")
    assert fake_api.contents() == [text]


def test_45015_while_the_user_wrote_recently_says_they_probably_unfollowed(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "船舶被扣押怎么处理", asked=ago(hours=1))
    fake_api.errors = [45015]
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text="您好", follow_redirects=True)
    page = r.get_data(as_text=True)
    flash = page[page.index('class="flash error"'):page.index("</div>", page.index('class="flash error"'))]
    assert "用户可能已取消关注公众号，消息无法送达" in flash and "（错误码 45015）" in flash
    assert "48小时" not in flash and "自动重发" not in flash


def test_wechat_system_error_says_it_will_retry(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "问题")
    fake_api.errors = [-1]
    page = post(staff_client, f"/admin/handoffs/{h}/reply", text="您好", follow_redirects=True).get_data(as_text=True)
    assert "微信服务器暂时出错，系统会自动重试（错误码 -1）" in page and "system error" not in page


def test_45047_quota_failure_is_shown(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "问题")
    fake_api.errors = [45047]
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text="回复内容", follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "45047" in page and "48小时内的5条客服消息已用完" in page and "回复内容" in page


def test_network_failure_then_retry(api_app, staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "问题")
    api_app.config["BOT"].WECHAT_API_BASE_URL = CLOSED_PORT_URL
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text="网络断了也不丢", follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "无法连接微信接口" in page and "网络断了也不丢" in page
    row, = handoffs.replies(db, h)
    assert row["status"] == "failed"
    api_app.config["BOT"].WECHAT_API_BASE_URL = fake_api.url
    post(staff_client, f"/admin/handoffs/{h}/retry/{row['id']}")
    assert fake_api.contents() == ["网络断了也不丢"]


def test_five_replies_within_the_window_then_it_waits_for_the_user(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "问题")
    for n in range(5):
        post(staff_client, f"/admin/handoffs/{h}/reply", text=f"第{n + 1}条")
    assert len(fake_api.sent) == 5
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "5 条回复已用完" in page
    post(staff_client, f"/admin/handoffs/{h}/reply", text="第6条")
    assert len(fake_api.sent) == 5  # never asked WeChat
    last = handoffs.replies(db, h)[-1]
    assert (last["text"], last["status"], last["errcode"]) == ("第6条", "failed", 45047)


def test_closed_window_is_shown_and_the_reply_waits(staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "两天前的问题", asked=ago(hours=49))
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "已超过48小时" in page
    post(staff_client, f"/admin/handoffs/{h}/reply", text="迟到的回复")
    assert fake_api.sent == []
    row, = handoffs.replies(db, h)
    assert row["status"] == "failed" and row["errcode"] == 45015 and row["text"] == "迟到的回复"


@pytest.mark.parametrize("text, message", [("   ", "回复内容不能为空"), ("长" * 601, "回复最多600字")])
def test_unsendable_text_comes_back_in_the_box(staff_client, db, fake_api, text, message):
    h = add_handoff(db, "oUser1", "问题")
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text=text)
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert message in page
    assert f">{text}</textarea>" in page
    assert db["outbox"].count == 0 and fake_api.sent == []


def test_access_token_is_cached_in_sqlite_for_every_worker(api_app, staff_client, db, fake_api):
    h = add_handoff(db, "oUser1", "问题")
    post(staff_client, f"/admin/handoffs/{h}/reply", text="一")
    post(staff_client, f"/admin/handoffs/{h}/reply", text="二")
    assert fake_api.token_requests == 1
    token, = db["tokens"].rows
    assert token["value"] == "TOKEN-1"
    left = (parse_iso(token["expires_at"]) - utcnow()).total_seconds()
    assert 7000 < left <= 7200
    with database(api_app) as other_worker:
        sender = Sender(other_worker, api_app.config["BOT"])
        sender.send(sender.queue("oUser1", "三", kind="staff_reply", handoff_id=h, author="zhangsan"))
    assert fake_api.token_requests == 1 and fake_api.contents() == ["一", "二", "三"]


def test_retry_of_another_handoffs_reply_is_404(staff_client, db, fake_api):
    a = add_handoff(db, "oUserA", "问题A")
    b = add_handoff(db, "oUserB", "问题B")
    outbox_id = add_reply(db, a, "oUserA", "失败的回复", status="failed")
    assert post(staff_client, f"/admin/handoffs/{b}/retry/{outbox_id}").status_code == 404
