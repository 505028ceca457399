"""The staff pages at laptop and phone width (1366×900 and 390×844) in headless Chromium.

For the queue, a handoff, the log, the try box (with a result) and the dashboard, each filled with long text (an
openid, a URL, a long message without breaks): the page never scrolls sideways, nothing sticks out past the right
edge, the header sits above the content instead of over it and stays short on a phone, and the tap targets in the
header are big enough for a thumb. Full-page screenshots go to a folder under tmp_path and are copied to
/tmp/layout-shots/ (LAYOUT_SHOTS) for a person to look at. Same server and browser set-up as test_browser_admin.py.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from admin_support import PASSWORD, add_handoff, add_message, add_reply, ago, api_app, database  # noqa: F401
from bot.kb.loader import CANNED_REPLIES_FILE, bundled_knowledge_dir
from test_browser_admin import live_server  # noqa: F401

LAYOUT_SHOTS = Path(os.environ.get("LAYOUT_SHOTS", "/tmp/layout-shots"))
SIZES = {1366: 900, 390: 844}
PHONE = 390
# On a phone the header may take two short rows (brand and account, then the four page links), not a screenful.
PHONE_HEADER_MAX = 130
# The smallest tap target we accept in the header on a phone (WCAG 2.5.8 asks for 24 px; a thumb wants more).
PHONE_TAP_MIN = 32

OPENID = "oVx3_Long-OpenID-Without-Breaks-0123456789abcdefXYZ"
URL = "https://www.msa.gov.cn/html/xxgk/tzgg/hsfw/" + "verylongpathsegment" * 4 + "/index.html"
LONG_MESSAGE = ("我们的船在长江口锚地抛锚等待引航，" * 6 + "证书编号ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJ，"
                + "网上说明在 " + URL + " 请尽快回复。")
TRY_QUESTION = "船员证书丢失了怎么补办，编号CERT-0000-1111-2222-3333-4444-5555-6666-7777-8888"

# Every element in the header or main whose box reaches past either side of the viewport (SVG insides are the
# chart's own business: the svg element itself is checked).
MEASURE = """() => {
  const vw = window.innerWidth;
  const header = document.querySelector('header.top').getBoundingClientRect();
  const main = document.querySelector('main').getBoundingClientRect();
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const outside = [];
  for (const e of document.querySelectorAll('header.top *, main *')) {
    if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') continue;
    const r = e.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) outside.push(describe(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const small = [];
  for (const e of document.querySelectorAll('header.top a, header.top button')) {
    const r = e.getBoundingClientRect();
    if (r.width && r.height < %d) small.push(describe(e) + ' ' + Math.round(r.height) + 'px');
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, headerTop: header.top,
          headerBottom: header.bottom, headerHeight: header.height, mainTop: main.top, outside: outside.slice(0, 12),
          small: small};
}""" % PHONE_TAP_MIN


@pytest.fixture
def seeded(api_app, fake_api):
    """A queue, a handoff and a log with long unbroken text, and two weeks of messages for the dashboard; the
    handoff has a reply that WeChat keeps refusing (so its retry line shows), the bundled canned replies and one
    handoff whose 48-hour window closes within the hour."""
    fake_api.errors = [45015] * 50
    kb = Path(api_app.config["BOT"].BOT_KNOWLEDGE_DIR)
    shutil.copy(Path(bundled_knowledge_dir()) / CANNED_REPLIES_FILE, kb / CANNED_REPLIES_FILE)
    with database(api_app) as db:
        urgent = add_handoff(db, OPENID, "有人落水了快救命", priority="urgent", asked=ago(minutes=3),
                             key_message="有人落水了快救命", key_message_at=ago(minutes=3))
        long_one = add_handoff(db, "oSailorLong01", LONG_MESSAGE, asked=ago(hours=2), claimed_by="zhangsan",
                               messages=[(ago(hours=2), LONG_MESSAGE, "已为您转接人工客服。"),
                                         (ago(minutes=40), "还在吗？" + URL, ""),
                                         (ago(minutes=5), "好的，谢谢，我等您的消息", "")])
        add_reply(db, long_one, "oSailorLong01", "您好，请把证书照片发过来，我们核对后回复。", at=ago(minutes=90))
        add_reply(db, long_one, "oSailorLong01", "办理说明见 " + URL, at=ago(minutes=30))
        failed = add_reply(db, long_one, "oSailorLong01", "引航申请请向长江口引航站提交，电话见官网。",
                           at=ago(minutes=10), status="failed")
        db["outbox"].update(failed, {"errcode": 45015, "last_error": "回复时间已超过48小时"})
        add_handoff(db, "oSailorPlain02", "船舶所有权登记需要带什么材料，可以网上办吗", asked=ago(minutes=25))
        add_handoff(db, OPENID[::-1], "加微信领取海事补贴" + URL, asked=ago(hours=47, minutes=15))
        for day in range(14):
            for n in range(day % 5 + 1):
                add_message(db, f"oUser{day:02d}{n}", "船员证书丢了", at=ago(days=day, minutes=n + 10),
                            action="answer", faq_id="cert-lost", reply="证书遗失的，可以在海事政务服务网申请补发。",
                            score=91.0)
            add_message(db, f"oUser{day:02d}x", "适任证书快过期了怎么办", at=ago(days=day, minutes=30),
                        action="answer", faq_id="cert-renew", reply="适任证书有效期届满前12个月内可以申请再有效。")
        add_message(db, OPENID, LONG_MESSAGE, at=ago(minutes=50), action="answer",
                    faq_id="an-old-faq-id-that-is-no-longer-in-the-knowledge-base-but-still-in-the-log",
                    reply="很长的回复：" + "请携带身份证、船员服务簿和体检证明到海事处办理。" * 6 + URL, score=62.0)
        add_message(db, "oSailorPlain02", "引航申请怎么提交" + URL, at=ago(minutes=20), action="handoff",
                    reply="已为您转接人工客服。")
        add_message(db, OPENID, "", at=ago(minutes=15), action="smalltalk", msg_type="image", reply="")
    return {"urgent": urgent, "handoff": long_one, "app": api_app}


@pytest.fixture
def browser(chromium):
    """Headless Chromium."""
    return chromium


def _publish_with_a_long_host(seeded: dict) -> None:
    """For the knowledge version page: a published version (with its check report) and a host with a long name."""
    import datetime as dt

    from bot.kb.publish import publish
    from bot.store import knowledge_versions

    app = seeded["app"]
    with database(app) as db:
        publish(db, app.config["BOT"].BOT_KNOWLEDGE_DIR, "zhangsan-" + OPENID)  # the second call changes nothing
        knowledge_versions.report_host(db, "container-" + OPENID + ":4242", None, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
                                       "无法加载发布的版本 1：" + URL)


def _open(page, base: str, name: str, seeded: dict) -> None:
    """Load page ``name`` the way staff reach it."""
    if name == "try":
        page.goto(base + "/admin/try")
        page.fill("input[name=q]", TRY_QUESTION)
        page.click("form.try button[type=submit]")
        page.wait_for_selector(".decision")
        return
    if name == "knowledge":
        _publish_with_a_long_host(seeded)
    path = {"knowledge": "/admin/knowledge", "queue": "/admin/handoffs", "handoff": f"/admin/handoffs/{seeded['handoff']}", "log": "/admin/log",
            "dashboard": "/admin/dashboard", "queue-select": "/admin/handoffs?who=unclaimed&select=1&q=" + URL[:50],
            "queue-bulk": "/admin/handoffs?select=1", "faq-draft": f"/admin/handoffs/{seeded['handoff']}/faq"}[name]
    page.goto(base + path)


@pytest.mark.parametrize("name", ["queue", "handoff", "log", "try", "dashboard", "queue-bulk", "queue-select",
                                  "faq-draft", "knowledge"])
def test_page_fits_a_laptop_and_a_phone(name, api_app, live_server, seeded, browser, tmp_path):
    shots = tmp_path / "layout-shots"
    shots.mkdir()
    LAYOUT_SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto(live_server + "/admin/login")
    page.fill("input[name=username]", "zhangsan")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/handoffs")
    try:
        for width, height in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            _open(page, live_server, name, seeded)
            page.wait_for_load_state("load")
            shot = shots / f"{name}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            shutil.copy(shot, LAYOUT_SHOTS / shot.name)
            m = page.evaluate(MEASURE)
            where = f"{name} at {width} px"
            assert m["scrollWidth"] <= m["innerWidth"], f"{where} is {m['scrollWidth']} px wide: {m['outside']}"
            assert not m["outside"], f"{where}: past the edge: {m['outside']}"
            assert m["headerTop"] >= 0 and m["headerBottom"] <= m["mainTop"], f"{where}: the header covers the page"
            if width == PHONE:
                assert m["headerHeight"] <= PHONE_HEADER_MAX, f"{where}: the header is {m['headerHeight']} px tall"
                assert not m["small"], f"{where}: tap targets too small: {m['small']}"
    finally:
        context.close()


def test_the_login_page_keeps_its_brand_on_a_phone(live_server, browser, tmp_path):
    context = browser.new_context(viewport={"width": PHONE, "height": SIZES[PHONE]}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_server + "/admin/login")
        shot = tmp_path / f"login-{PHONE}.png"
        page.screenshot(path=str(shot), full_page=True)
        LAYOUT_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, LAYOUT_SHOTS / shot.name)
        assert page.is_visible("header.top .brand") and "客服后台" in page.inner_text("header.top")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    finally:
        context.close()
