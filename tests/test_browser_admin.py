"""End to end in headless Chromium: a signed WeChat push creates a handoff, staff log in, reply, resolve.

The app runs on a real loopback HTTP server, WeChat's API is the local stand-in, and the browser is Debian's
chromium driven by Playwright. Without chromium the test is skipped locally but fails when CI is set.
Screenshots of each page go to /tmp/admin-shots/.
"""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from admin_support import PASSWORD, add_handoff, add_reply, ago, api_app, database, queue_ids  # noqa: F401
from conftest import SHOTS
from bot.kb.loader import CANNED_REPLIES_FILE, bundled_knowledge_dir, parse_canned_replies, parse_faq_file
from webhook_support import WeChatServer, text_xml, wait_for

@pytest.fixture
def live_server(api_app):
    """The app served over HTTP on a free loopback port."""
    server = make_server("127.0.0.1", 0, api_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def page(chromium):
    """A fresh headless Chromium page (1366×900, Chinese locale)."""
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    yield context.new_page()
    context.close()


def push(base_url: str, user: str, text: str) -> str:
    """A signed plain-mode push from WeChat's server; return the reply text the user would see."""
    r = WeChatServer().post_http(requests.Session(), base_url, text_xml(user, text), mode="plain")
    assert r.status_code == 200, r.text
    reply = WeChatServer().read(r.content)
    return reply["Content"] if reply else ""


def test_staff_answer_a_handoff_from_wechat_in_the_browser(api_app, live_server, fake_api, page):
    assert "人工" in push(live_server, "oSailor01", "船舶在锚地被扣押了怎么办，我要找人工客服")
    push(live_server, "oSailor02", "有人落水了，快救命")
    assert "补发" in push(live_server, "oSailor03", "船员证书丢了怎么补办")
    with database(api_app) as db:
        handoffs = {r["user_id"]: r for r in db.query("select * from handoffs")}
    normal, distress = handoffs["oSailor01"], handoffs["oSailor02"]
    assert distress["priority"] == "urgent" and normal["state"] == "pending"

    page.goto(live_server + "/admin/handoffs")
    assert "/admin/login" in page.url
    page.screenshot(path=str(SHOTS / "login.png"))
    page.fill("input[name=username]", "zhangsan")
    page.fill("input[name=password]", "wrong-password")
    page.click("button[type=submit]")
    assert "用户名或密码错误" in page.inner_text(".flash.error")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/handoffs")

    assert queue_ids(page.content()) == [distress["id"], normal["id"]]
    red_row = page.locator(f'tr[data-id="{distress["id"]}"]')
    assert "distress" in red_row.get_attribute("class")
    assert red_row.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 236, 234)"
    assert "船舶在锚地被扣押了怎么办" in page.inner_text("table.queue")
    page.screenshot(path=str(SHOTS / "queue.png"), full_page=True)

    page.click(f'tr[data-id="{normal["id"]}"] td.question a')
    page.wait_for_url(f"**/admin/handoffs/{normal['id']}")
    assert "船舶在锚地被扣押了怎么办" in page.inner_text(".transcript")
    assert "还可发送 5 条" in page.inner_text(".reply-bar")
    page.fill("textarea[name=text] >> nth=1", "先在这里记一下：已联系锚地")
    page.click("#notes button[type=submit]")
    assert "已联系锚地" in page.inner_text("#notes")

    fake_api.errors = [45015]
    reply = "您好，船舶被扣押后请携带船舶证书和扣押文书到辖区海事处办理，电话 12395。"
    page.fill("#reply-text", reply)
    page.click("#reply button[type=submit]")
    assert "45015" in page.inner_text(".flash.error")
    assert reply in page.inner_text(".transcript")
    page.screenshot(path=str(SHOTS / "handoff-failed.png"), full_page=True)
    page.click(".transcript .fail button")
    assert "重新发送成功" in page.inner_text(".flash.ok")
    wait_for(lambda: fake_api.contents() == [reply])
    assert fake_api.sent[0]["touser"] == "oSailor01"
    assert "已送达微信" in page.inner_text(".transcript")
    assert "还可发送 4 条" in page.inner_text(".reply-bar")

    push(live_server, "oSailor01", "好的，那要带身份证吗")
    page.reload()
    assert "那要带身份证吗" in page.inner_text(".transcript")
    page.screenshot(path=str(SHOTS / "handoff.png"), full_page=True)

    page.click("text=整理成FAQ草稿")
    assert page.input_value("input[name=question]") == normal["question"]
    assert page.input_value("textarea[name=answer]") == reply
    page.fill("input[name=category]", "船舶安全管理")
    page.fill("input[name=id]", "ship-detained-anchorage")
    page.screenshot(path=str(SHOTS / "faq-draft.png"), full_page=True)
    page.click("form.faq-form button[type=submit]")
    assert "草稿已保存为 drafts/ship-detained-anchorage.yaml" in page.inner_text(".flash.ok")
    draft = Path(api_app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts" / "ship-detained-anchorage.yaml"
    assert parse_faq_file(draft)[0].answer == reply

    page.click("text=标记为已解决")
    page.wait_for_url("**/admin/handoffs")
    assert queue_ids(page.content()) == [distress["id"]]
    with database(api_app) as db:
        row = db["handoffs"].get(normal["id"])
    assert row["state"] == "resolved" and row["resolved_by"] == "zhangsan" and row["first_reply_at"]

    page.click("text=数据概览")
    page.wait_for_url("**/admin/dashboard")
    assert page.locator("svg.chart").count() == 3
    assert page.locator("svg.chart rect.bar").count() >= 14
    box = page.locator("svg.chart").first.bounding_box()
    assert box["width"] > 500 and box["height"] > 100
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.click("text=试一试提问")
    page.fill("input[name=q]", "船员证书丢了怎么补办")
    page.click("form.try button")
    assert "cert-lost" in page.inner_text(".decision")
    page.screenshot(path=str(SHOTS / "try.png"), full_page=True)

    page.click("text=对话记录")
    page.fill("input[name=text]", "落水")
    page.click("form.search button")
    assert "有人落水了" in page.inner_text("table.log")
    page.screenshot(path=str(SHOTS / "log.png"), full_page=True)

    page.click("text=退出登录")
    page.wait_for_url("**/admin/login**")
    page.goto(live_server + "/admin/dashboard")
    assert "/admin/login" in page.url


SEND_RECORDER = """() => {
  const button = document.querySelector('#reply button[type=submit]');
  const submits = [];
  new MutationObserver(() => {
    if (button.disabled) sessionStorage.setItem('disabled-after', String(submits.length));
  }).observe(button, {attributes: true});
  document.addEventListener('submit', event => {
    submits.push(event.defaultPrevented ? 'stopped' : 'sent');
    sessionStorage.setItem('submits', submits.join(','));
  });
}"""


def sign_in(page, base_url: str, path: str = "/admin/handoffs") -> None:
    """Log in as zhangsan through the login form and land on ``path``."""
    page.goto(base_url + path)
    page.fill("input[name=username]", "zhangsan")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"**{path}")


def test_a_double_click_on_send_sends_the_reply_once(api_app, live_server, fake_api, page, tmp_path):
    with database(api_app) as db:
        handoff = add_handoff(db, "oSailor01", "船舶在锚地被扣押了怎么办")
    sign_in(page, live_server, f"/admin/handoffs/{handoff}")
    fake_api.delay = 1.5  # WeChat answers slowly: the page stays while the first send is under way
    reply = "您好，请携带船舶证书和扣押文书到辖区海事处办理。"
    page.fill("#reply-text", reply)
    # The old page cannot be asked while its form is being sent: it writes down, in the tab's sessionStorage,
    # when the button became disabled and which submits went ahead.
    page.evaluate(SEND_RECORDER)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.locator("#reply button[type=submit]").dblclick(no_wait_after=True)
    page.wait_for_selector(".flash.ok")
    assert "回复已通过微信发送给用户" in page.inner_text(".flash.ok")
    record = page.evaluate("() => ({disabled: sessionStorage.getItem('disabled-after'), "
                           "submits: sessionStorage.getItem('submits')})")
    # Disabled once the first click's submit went ahead, so the second click met a disabled button.
    assert record == {"disabled": "1", "submits": "sent"}
    assert posts == [f"{live_server}/admin/handoffs/{handoff}/reply"]
    assert fake_api.contents() == [reply]
    with database(api_app) as db:
        assert [r["text"] for r in db.query("select text from outbox")] == [reply]
    assert page.locator("#reply button[type=submit]").is_enabled()  # the new page's button
    page.screenshot(path=str(tmp_path / "reply-sent-once.png"), full_page=True)


def test_a_reply_typed_while_logged_out_in_another_tab_comes_back_after_the_login(api_app, live_server, fake_api,
                                                                                  page, tmp_path):
    with database(api_app) as db:
        handoff = add_handoff(db, "oSailor01", "船舶在锚地被扣押了怎么办")
    sign_in(page, live_server, f"/admin/handoffs/{handoff}")
    reply = "您好，船舶被扣押后请携带证书和扣押文书到辖区海事处办理，电话 12395。"
    page.fill("#reply-text", reply)

    other = page.context.new_page()
    other.goto(live_server + "/admin/handoffs")
    other.click("text=退出登录")
    other.wait_for_url("**/admin/login**")
    other.close()

    page.click("#reply button[type=submit]")
    page.wait_for_url("**/admin/login**")
    assert "登录已失效，刚才提交的内容没有发送" in page.inner_text(".flash.error")
    page.screenshot(path=str(tmp_path / "login-after-lapse.png"), full_page=True)
    page.fill("input[name=username]", "zhangsan")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"**/admin/handoffs/{handoff}")
    assert "您上次提交的内容没有发送（登录已失效），请确认后重新提交" in page.inner_text(".flash.error")
    assert page.input_value("#reply-text") == reply
    assert page.evaluate("document.activeElement.id") == "reply-text"
    assert page.input_value("#notes textarea[name=text]") == ""
    assert fake_api.contents() == []  # nothing went out on its own
    page.screenshot(path=str(tmp_path / "reply-restored.png"), full_page=True)
    page.click("#reply button[type=submit]")
    page.wait_for_selector(".flash.ok")
    wait_for(lambda: fake_api.contents() == [reply])


def test_addresses_that_are_not_pages_answer_in_chinese(api_app, live_server, page, tmp_path):
    with database(api_app) as db:
        handoff = add_handoff(db, "oSailor01", "船舶在锚地被扣押了怎么办")
    sign_in(page, live_server)
    for name, path, status in (("405", f"/admin/handoffs/{handoff}/reply", 405), ("404", "/admin/no-such-page", 404),
                               ("404-id", "/admin/handoffs/99999999999999999999", 404)):
        response = page.goto(live_server + path)
        assert response.status == status
        assert f"（{status}）" in page.inner_text("h1")
        assert "退出登录" in page.inner_text("header.top")
        page.screenshot(path=str(tmp_path / f"error-{name}.png"), full_page=True)
    page.goto(live_server + f"/admin/handoffs/{handoff}/reply")
    page.click("text=回到原来的页面")
    page.wait_for_url(f"**/admin/handoffs/{handoff}")


def test_the_try_box_takes_a_long_question(api_app, live_server, page, tmp_path):
    sign_in(page, live_server, "/admin/try")
    question = ("船员证书丢了怎么补办，" * 200)[:2000]
    page.fill("input[name=q]", question)
    page.click("form.try button[type=submit]")
    page.wait_for_selector(".decision")
    assert "cert-lost" in page.inner_text(".decision")
    assert "机器人只读取前 500 字" in page.inner_text(".decision")
    assert "q=" not in page.url
    page.screenshot(path=str(tmp_path / "try-long.png"), full_page=True)


def test_a_canned_reply_goes_into_the_reply_box_at_the_cursor_and_is_not_sent(api_app, live_server, fake_api,
                                                                              page, tmp_path):
    kb = Path(api_app.config["BOT"].BOT_KNOWLEDGE_DIR)
    shutil.copy(Path(bundled_knowledge_dir()) / CANNED_REPLIES_FILE, kb / CANNED_REPLIES_FILE)
    canned = {c.title: c.text for c in parse_canned_replies(kb / CANNED_REPLIES_FILE)}
    with database(api_app) as db:
        handoff = add_handoff(db, "oSailor01", "船进水了，怎么办", asked=ago(hours=47, minutes=40))
    sign_in(page, live_server, f"/admin/handoffs/{handoff}")
    assert "窗口即将关闭（剩余" in page.inner_text(".handoff-head")
    page.fill("#reply-text", "您好。请注意安全。")
    page.evaluate("() => { const box = document.getElementById('reply-text'); box.focus(); "
                  "box.setSelectionRange(3, 3); }")
    title = next(t for t in canned if "险情" in t)
    page.click(f"button.canned-reply:has-text('{title}')")
    assert page.input_value("#reply-text") == "您好。" + canned[title] + "请注意安全。"
    page.screenshot(path=str(SHOTS / "handoff-canned.png"), full_page=True)
    page.wait_for_timeout(300)
    assert fake_api.sent == []
    with database(api_app) as db:
        assert list(db.query("select * from outbox")) == []

    page.fill("#reply-text", "")
    page.click("button.canned-reply:has-text('材料清单')")
    page.click("#reply button[type=submit]")
    assert "回复里还有要填写的地方" in page.inner_text("#reply .flash.error")
    assert "【请填写" in page.input_value("#reply-text") and fake_api.sent == []


def test_the_faq_draft_choices_fill_the_form(api_app, live_server, fake_api, page, tmp_path):
    with database(api_app) as db:
        handoff = add_handoff(db, "oSailor01", "船员证书丢了怎么补办（用户要求转人工）", messages=[
            (ago(minutes=9), "船员证书丢了怎么补办", "补发需要……"), (ago(minutes=8), "人工", "已为您转接人工客服。"),
            (ago(minutes=7), "我的是内河的证", "")])
        add_reply(db, handoff, "oSailor01", "内河证书遗失的，提交申请表和身份证明。", at=ago(minutes=6))
        add_reply(db, handoff, "oSailor01", "还要写一份遗失情况说明。", at=ago(minutes=5))
        add_reply(db, handoff, "oSailor01", "已取消的一条", at=ago(minutes=4), status="cancelled")
    sign_in(page, live_server, f"/admin/handoffs/{handoff}/faq")
    assert page.input_value("input[name=question]") == "船员证书丢了怎么补办"
    assert page.input_value("textarea[name=answer]") == "内河证书遗失的，提交申请表和身份证明。\n\n还要写一份遗失情况说明。"
    assert "已取消的一条" not in page.inner_text("main")
    assert page.locator("#draft-choice button.refill").is_hidden()
    page.screenshot(path=str(SHOTS / "faq-draft-choices.png"), full_page=True)
    page.locator("input[name=answer_from]").first.uncheck()
    assert page.input_value("textarea[name=answer]") == "还要写一份遗失情况说明。"
    page.locator("input[name=alternate_from]").nth(2).check()
    page.locator("input[name=question_from]").nth(2).check()
    assert page.input_value("input[name=question]") == "我的是内河的证"
    assert page.input_value("textarea[name=alternates]") == ""  # the question is no other phrasing of itself
    page.locator("input[name=question_from]").first.check()
    assert page.input_value("textarea[name=alternates]") == "我的是内河的证"
    page.fill("input[name=id]", "crew-cert-lost-inland")
    page.click("form.faq-form button[type=submit]")
    assert "草稿已保存为 drafts/crew-cert-lost-inland.yaml" in page.inner_text(".flash.ok")
    faq, = parse_faq_file(Path(api_app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts" / "crew-cert-lost-inland.yaml")
    assert (faq.question, faq.alternates, faq.answer) == ("船员证书丢了怎么补办", ("我的是内河的证",), "还要写一份遗失情况说明。")
