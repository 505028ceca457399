"""An open handoff page stays current: the updates endpoint it polls, the queue row's newest message and count, and,
in headless Chromium, a user's new message appearing while a reply is being typed (the typed text survives) and
two members of staff seeing each other on the same handoff.

New messages arrive through the real conversation code on the app's database; the browser set-up is
test_browser_admin.py's. Screenshots go to /tmp/admin-shots/ (handoff-live*.png).
"""
from __future__ import annotations

import pytest

from admin_support import (  # noqa: F401
    PASSWORD, add_handoff, add_message, add_reply, ago, api_app, client, database, db, staff_client,
)
from bot.service import conversation, handoffs, staff
from bot.admin import queue as queue_pages
from conftest import SHOTS
from test_browser_admin import live_server, push  # noqa: F401


@pytest.fixture
def app(api_app):
    """The app talking to the stand-in API, with accounts zhangsan and lisi."""
    with database(api_app) as conn:
        staff.create_user(conn, "lisi", PASSWORD)
    return api_app


def user_writes(app, db, user_id: str, text: str):
    """A message from the user, answered and logged by the real conversation code."""
    return conversation.respond(db, app.extensions["knowledge"].engine(), user_id, text)


def row_of(html: str, handoff_id: int) -> str:
    start = html.index(f'data-id="{handoff_id}"')
    return html[start:html.index("</tr>", start)]


# ---- the updates endpoint -------------------------------------------------------------------------------

def test_updates_return_what_the_page_has_not_shown(app, staff_client, db):
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理", asked=ago(minutes=10))
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    after, replies_after = handoffs.last_ids(db, "oUser")
    assert f'data-after="{after}"' in page and f'data-replies-after="{replies_after}"' in page
    assert 'data-updates-url="/admin/handoffs/%d/updates"' % h in page and "handoff.js" in page

    url = f"/admin/handoffs/{h}/updates?after={after}&replies_after={replies_after}"
    data = staff_client.get(url).get_json()
    assert data["entries"] == [] and (data["after"], data["replies_after"]) == (after, replies_after)
    assert (data["state"], data["presence"]) == ("pending", "")

    outcome = user_writes(app, db, "oUser", "好的，那要带身份证吗")
    assert outcome.handoff_id == h
    add_reply(db, h, "oUser", "请带身份证原件", author="lisi", status="failed")
    data = staff_client.get(url).get_json()
    assert [(e["who"], e["label"], e["text"]) for e in data["entries"]] == [
        ("user", "用户", "好的，那要带身份证吗"), ("bot", "机器人", outcome.reply), ("staff", "客服 lisi", "请带身份证原件")]
    assert data["entries"][2]["status_text"] == "发送失败" and data["entries"][0]["status"] is None
    assert data["after"] > after and data["replies_after"] > replies_after
    again = staff_client.get(f"/admin/handoffs/{h}/updates?after={data['after']}"
                             f"&replies_after={data['replies_after']}").get_json()
    assert again["entries"] == []


def test_updates_bring_a_shown_replys_delivery_up_to_date(app, staff_client, db):
    """A reply the page shows while it is waiting or being sent is asked about again (``unsettled``) until it has a
    final status; only this user's replies are answered, and what is not an id is left out."""
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理", asked=ago(minutes=10))
    sending = add_reply(db, h, "oUser", "请带身份证原件", status="sending")
    done = add_reply(db, h, "oUser", "还有船舶证书", status="sent")
    other = add_reply(db, add_handoff(db, "oOther", "别的问题", asked=ago(minutes=5)), "oOther", "别人的回复",
                      status="sending")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert f'data-outbox-id="{sending}"' in page and f'data-outbox-id="{done}"' not in page

    after, replies_after = handoffs.last_ids(db, "oUser")
    url = (f"/admin/handoffs/{h}/updates?after={after}&replies_after={replies_after}"
           f"&unsettled={sending},{other},x,-1")
    assert staff_client.get(url).get_json()["statuses"] == [
        {"outbox_id": sending, "status": "sending", "status_text": "正在发送"}]
    db["outbox"].update(sending, {"status": "sent"})
    data = staff_client.get(url).get_json()
    assert data["statuses"] == [{"outbox_id": sending, "status": "sent", "status_text": "已送达微信"}]
    assert data["entries"] == []
    assert staff_client.get(f"/admin/handoffs/{h}/updates").get_json()["statuses"] == []


@pytest.mark.parametrize("query", ["?after=abc", "?after=-5", "?after=99999999999999999999999999",
                                   "?replies_after=1e9", "?after=%C2%B2", "?after=%EF%BC%91", ""])
def test_updates_take_any_query_without_failing(staff_client, db, query):
    h = add_handoff(db, "oUser", "问题")
    r = staff_client.get(f"/admin/handoffs/{h}/updates{query}")
    assert r.status_code == 200 and isinstance(r.get_json()["entries"], list)


def test_updates_need_a_login_and_an_existing_handoff(client, staff_client, db):
    h = add_handoff(db, "oUser", "问题")
    r = client.get(f"/admin/handoffs/{h}/updates")
    assert r.status_code == 302 and "/admin/login" in r.location
    assert staff_client.get("/admin/handoffs/9999/updates").status_code == 404


# ---- the queue row ------------------------------------------------------------------------------------

def test_queue_row_shows_the_newest_message_and_how_many_came_since_the_last_reply(app, staff_client, db):
    h = add_handoff(db, "oUser", "证书怎么补办", messages=[
        (ago(hours=6), "证书怎么补办", "已为您转接人工客服。"),
        (ago(hours=4), "还在吗", ""),
        (ago(hours=2), "我明天要出海", ""),
    ])
    row = row_of(staff_client.get("/admin/handoffs").get_data(as_text=True), h)
    assert "</span>我明天要出海</div>" in row and "3 条消息未回复" in row

    add_reply(db, h, "oUser", "请带身份证到窗口办理", at=ago(hours=3))
    row = row_of(staff_client.get("/admin/handoffs").get_data(as_text=True), h)
    assert "上次回复后又来 1 条" in row

    user_writes(app, db, "oUser", "窗口几点开门")
    row = row_of(staff_client.get("/admin/handoffs").get_data(as_text=True), h)
    assert "</span>窗口几点开门</div>" in row and "上次回复后又来 2 条" in row
    got = handoffs.get_handoff(db, h)
    assert (got.new_messages, got.latest_user_message["text"]) == (2, "窗口几点开门")

    add_reply(db, h, "oUser", "早上九点")
    row = row_of(staff_client.get("/admin/handoffs").get_data(as_text=True), h)
    assert "又来" not in row and "未回复" not in row


def test_a_picture_as_the_newest_message_is_named_in_chinese(staff_client, db):
    h = add_handoff(db, "oUser", "证书怎么补办")
    add_message(db, "oUser", None, msg_type="image", handoff_id=h, action="handoff")
    assert "[图片]" in row_of(staff_client.get("/admin/handoffs").get_data(as_text=True), h)


# ---- in the browser -------------------------------------------------------------------------------------

@pytest.fixture
def browser(chromium, monkeypatch):
    """Headless Chromium; handoff pages poll every second."""
    monkeypatch.setattr(queue_pages, "HANDOFF_POLL_SECONDS", 1)
    return chromium


def staff_page(browser, base: str, name: str, path: str):
    """A page of its own browser context, logged in as ``name`` and showing ``path``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto(base + path)
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**" + path)
    return page


def shoot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


def test_a_new_message_appears_while_a_reply_is_typed(app, live_server, browser, fake_api):
    assert "人工" in push(live_server, "oSailor01", "船舶在锚地被扣押了怎么办，我要找人工客服")
    with database(app) as db:
        h = next(db.query("select id from handoffs where user_id = 'oSailor01'"))["id"]
    path = f"/admin/handoffs/{h}"
    page = staff_page(browser, live_server, "zhangsan", path)
    page.evaluate("window.__samePage = true")
    assert page.is_hidden("#presence")

    typed = "您好，船舶被扣押后请携带船舶证书"
    page.click("#reply-text")
    page.keyboard.type(typed)
    with database(app) as db:
        user_writes(app, db, "oSailor01", "好的，那要带身份证吗")
    page.wait_for_selector(".transcript .msg.user.fresh >> text=好的，那要带身份证吗")
    assert page.evaluate("window.__samePage") is True  # no reload
    assert page.input_value("#reply-text") == typed
    assert page.evaluate("document.activeElement.id") == "reply-text"
    page.keyboard.type("和扣押文书")  # the caret is where it was
    typed += "和扣押文书"
    assert page.input_value("#reply-text") == typed
    fresh = page.locator(".transcript .msg.fresh")
    assert fresh.first.locator(".who").inner_text().startswith("用户 · ")
    texts = page.locator(".transcript > .msg .text").all_inner_texts()
    assert texts.index("好的，那要带身份证吗") > texts.index("船舶在锚地被扣押了怎么办，我要找人工客服")
    assert page.locator(".transcript > .msg").last.is_visible()

    other = staff_page(browser, live_server, "lisi", path)
    page.wait_for_function("() => document.getElementById('presence').textContent === 'lisi 也在查看此记录'")
    assert page.is_visible("#presence")
    shoot(page, "handoff-live")

    page.click("#reply button[type=submit]")
    page.wait_for_selector("text=回复已通过微信发送给用户")
    assert fake_api.contents() == [typed]
    other.wait_for_function(
        "() => document.getElementById('presence').textContent.startsWith('此记录由 zhangsan 处理中')")
    other.wait_for_selector(f".transcript .msg.staff.fresh >> text={typed}")
    # The other page may have seen the reply while it was being sent: its next poll says it was delivered.
    other.wait_for_function("() => document.querySelector('.transcript .msg.staff.fresh .status')"
                            ".textContent.includes('已送达微信')")
    assert "已送达微信" in other.locator(".transcript .msg.staff.fresh .status").inner_text()
    assert other.locator(".transcript .msg.staff.fresh .status[data-outbox-id]").count() == 0
    shoot(other, "handoff-live-other")

    # lisi answers anyway: the box asks first, and the text survives the question.
    other.fill("#reply-text", "我补充一句：请带身份证")
    other.click("#reply button[type=submit]")
    other.wait_for_selector("text=此记录由 zhangsan 处理中，仍要回复吗？")
    assert other.input_value("#reply-text") == "我补充一句：请带身份证" and len(fake_api.sent) == 1
    other.check("input[name=confirm_other]")
    other.click("#reply button[type=submit]")
    other.wait_for_selector("text=回复已通过微信发送给用户")
    assert fake_api.contents() == [typed, "我补充一句：请带身份证"]
    with database(app) as db:
        assert db["handoffs"].get(h)["claimed_by"] == "zhangsan"


def test_a_reply_shown_while_it_was_being_sent_turns_delivered_without_a_reload(app, live_server, browser):
    """The page polls again about a reply it shows as being sent, and says so once WeChat has it."""
    with database(app) as db:
        h = add_handoff(db, "oSailor02", "船舶被扣押怎么处理", asked=ago(minutes=10))
        reply = add_reply(db, h, "oSailor02", "请带身份证原件", status="sending")
    page = staff_page(browser, live_server, "zhangsan", f"/admin/handoffs/{h}")
    page.evaluate("window.__samePage = true")
    status = page.locator(f".transcript .status[data-outbox-id='{reply}']")
    assert status.inner_text() == "正在发送"
    with database(app) as db:
        db["outbox"].update(reply, {"status": "sent"})
    page.wait_for_function("() => !document.querySelector('.transcript .status[data-outbox-id]')")
    assert page.locator(".transcript .msg.staff .status").inner_text() == "已送达微信"
    assert page.evaluate("window.__samePage") is True  # no reload
