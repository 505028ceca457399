"""The staff page 航行通告推送: subscribers by place and, per notice, how many got it and how (test client and
headless Chromium, one screenshot)."""
from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from werkzeug.serving import make_server

from admin_support import PASSWORD, database, login, make_app, write_kb
from bot import clock
from bot.service import staff
from bot.wechat import inbox as inbox_module
from bot.clock import today_local
from bot.clock import iso
from bot.wechat.outbox import Sender
from bot.service import notices
from bot.store import notices as store
from conftest import SHOTS

TEMPLATE = "TPL-notice-0001"


def notices_kb(folder):
    write_kb(folder)
    today = today_local()
    day = lambda n: (today + dt.timedelta(days=n)).isoformat()  # noqa: E731
    (folder / "03-notices.yaml").write_text(f"""\
category: 航行通告
faqs:
  - id: notice-jiaoshan
    question: 焦山水道测量作业
    answer: 测量船在焦山水道下段作业，注意避让。
    valid_from: {day(-1)}
    valid_until: {day(10)}
  - id: notice-dagang
    question: 大港港区码头施工
    answer: 大港港区码头前沿施工。
    valid_from: {day(5)}
    valid_until: {day(12)}
  - id: notice-sample
    question: 世业洲夹江桥梁施工（示例通告）
    answer: （示例，非真实通告）世业洲夹江施工。
    example: true
    valid_from: {day(-1)}
    valid_until: {day(30)}
""", encoding="utf-8")
    with open(folder / "settings.yaml", "a", encoding="utf-8") as fh:
        fh.write("notice_places: [焦山, 大港, 和畅洲]\n")



@pytest.fixture
def app(tmp_path, fake_api, monkeypatch):
    monkeypatch.setattr(inbox_module, "MAINTENANCE_SECONDS", float("inf"))
    monkeypatch.setattr(inbox_module, "NOTICE_CHECK_SECONDS", float("inf"))
    notices_kb(tmp_path / "kb")
    app = make_app(tmp_path, WECHAT_API_BASE_URL=fake_api.url, WECHAT_NOTICE_TEMPLATE_ID=TEMPLATE,
                   BOT_INSECURE_COOKIES=True)
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
        populate(app, db, fake_api)
    return app


def populate(app, db, fake_api):
    """Six subscribers; the active 焦山 notice sent by customer-service message, by notification, refused, waiting."""
    now = clock.utcnow()
    long_ago = now - dt.timedelta(days=5)
    users = {"o-cs": ("焦山",), "o-tpl": (), "o-refuse": (), "o-wait": ("焦山",), "o-dagang": ("大港",),
             "o-hcz": ("和畅洲",)}
    for user, places in users.items():
        written = now if user == "o-cs" else long_ago
        db.execute("insert into users (user_id, first_seen, last_message_at, subscribed) values (?, ?, ?, 1)",
                   [user, iso(written), iso(written)])
        store.subscribe(db, user, places, long_ago)
    for user in ("o-tpl", "o-refuse"):
        store.set_consent(db, user, TEMPLATE, "accept", "popup", long_ago)
    fake_api.refusing.add("o-refuse")
    kb = app.extensions["knowledge"].engine().kb
    assert notices.dispatch(db, kb) == 4
    Sender(db, app.config["BOT"]).retry_due()


def test_the_page_shows_subscribers_by_place_and_each_notice_by_channel(app, fake_api):
    client = app.test_client()
    assert login(client).status_code == 302
    page = client.get("/admin/notices").get_data(as_text=True)
    assert "航行通告推送" in page and "通告推送</a>" in page
    places = dict(re.findall(r'<tr><td data-label="地点">([^<]+)</td><td class="num" data-label="用户数">(\d+)</td>', page))
    assert places == {"全部地点（全辖区）": "2", "焦山": "2", "大港": "1", "和畅洲": "1"}
    assert re.search(r'id="subscriber-count">6<', page)
    row = re.search(r'<tr data-faq="notice-jiaoshan">(.*?)</tr>', page, re.S).group(1)
    cells = dict(re.findall(r'data-outcome="(\w+)">(\d*)</td>', row))
    assert cells == {"custom": "1", "template": "1", "waiting": "1", "sending": "", "refused": "1", "expired": "",
                     "cancelled": ""}
    assert "生效中" in row and "开始推送" in row
    assert "示例，不推送" in re.search(r'<tr data-faq="notice-sample">(.*?)</tr>', page, re.S).group(1)
    assert "未生效" in re.search(r'<tr data-faq="notice-dagang">(.*?)</tr>', page, re.S).group(1)
    assert [m["touser"] for m in fake_api.notified] == ["o-tpl"]
    assert "未配置 WECHAT_NOTICE_TEMPLATE_ID" not in page


def test_without_a_template_the_page_says_who_cannot_be_reached(tmp_path):
    notices_kb(tmp_path / "kb")
    app = make_app(tmp_path)
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
    client = app.test_client()
    login(client)
    page = client.get("/admin/notices").get_data(as_text=True)
    assert "未配置 WECHAT_NOTICE_TEMPLATE_ID" in page and "还没有用户订阅航行通告" in page


def test_the_notice_page_in_the_browser(app, chromium):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    try:
        page = context.new_page()
        base = f"http://127.0.0.1:{server.server_port}"
        page.goto(base + "/admin/login")
        page.fill("input[name=username]", "zhangsan")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/handoffs")
        page.click("text=通告推送")
        page.wait_for_url("**/admin/notices")
        assert page.inner_text("#subscriber-count") == "6"
        row = page.locator('tr[data-faq="notice-jiaoshan"]')
        assert row.locator('td[data-outcome="custom"]').inner_text() == "1"
        assert row.locator('td[data-outcome="refused"]').inner_text() == "1"
        table = page.locator("table.notice-deliveries").bounding_box()
        assert table["width"] <= 1366
        page.screenshot(path=str(SHOTS / "notices.png"), full_page=True)
        # On a phone the tables stack into labelled rows and nothing runs off the screen.
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(SHOTS / "notices-phone.png"), full_page=True)
    finally:
        context.close()
        server.shutdown()
        thread.join(5)
