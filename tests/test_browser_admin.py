"""End to end in headless Chromium: a signed WeChat push creates a handoff, staff log in, reply, resolve.

The app runs on a real loopback HTTP server, WeChat's API is the local stand-in, and the browser is Debian's
chromium driven by Playwright. Without chromium the test is skipped locally but fails when CI is set.
Screenshots of each page go to /tmp/admin-shots/.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from admin_support import PASSWORD, api_app, database, fake_api, queue_ids  # noqa: F401
from bot.knowledge import parse_faq_file
from webhook_support import WeChatServer, text_xml, wait_for

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("ADMIN_SHOTS", "/tmp/admin-shots"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _need_chromium():
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"chromium not found at {CHROMIUM}: CI must install Debian's chromium package")
    pytest.skip(f"chromium not found at {CHROMIUM}")


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
def page():
    """A fresh headless Chromium page (1366×900, Chinese locale)."""
    _need_chromium()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
        context.set_default_timeout(15000)
        yield context.new_page()
        context.close()
        browser.close()


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
