"""In headless Chromium: a distress message from WeChat reaches the open staff page within seconds.

Staff log in, switch alerts on (notifications granted), and a signed WeChat distress push then updates the
header badge and the title, beeps, shows a notification and a new queue row, all without a reload. Clicking the
notification opens the handoff, which lists the alerts sent; it is resolved with a note and a confirmation, then
reopened. Same server and browser set-up as test_browser_admin.py; screenshots at 1366 and 390 px wide go to
/tmp/admin-shots/.
"""
from __future__ import annotations

import pytest

from admin_support import PASSWORD, add_handoff, ago, api_app, database, queue_ids  # noqa: F401
from bot.admin import urgent as urgent_pages
from conftest import SHOTS
from test_browser_admin import live_server, push  # noqa: F401

# Records every notification the page constructs (and still shows the real one), and counts the beeps' tones.
RECORDER = """
window.__notifications = [];
window.__tones = 0;
(() => {
  const Real = window.Notification;
  function Recorder(title, options) {
    const record = {title: title, body: options && options.body, tag: options && options.tag, onclick: null};
    window.__notifications.push(record);
    let real = null;
    try { real = new Real(title, options); } catch (e) { real = null; }
    return {
      set onclick(f) { record.onclick = f; if (real) real.onclick = f; },
      get onclick() { return record.onclick; },
      close() { if (real) real.close(); },
    };
  }
  Object.defineProperty(Recorder, "permission", {get: () => Real.permission});
  Recorder.requestPermission = (...args) => Real.requestPermission(...args);
  window.Notification = Recorder;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__tones += 1; return create.call(this); };
})();
"""


@pytest.fixture
def context(chromium, monkeypatch):
    """A headless Chromium context with notifications allowed and the recorder installed; pages poll every second."""
    monkeypatch.setattr(urgent_pages, "POLL_SECONDS", 1)
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    context.add_init_script(RECORDER)
    yield context
    context.close()


def shoot(page, name: str) -> None:
    """Full-page screenshots at laptop and phone width."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{name} is wider than a phone"
    page.set_viewport_size({"width": 1366, "height": 900})


def test_a_distress_message_reaches_the_open_staff_page_without_a_reload(api_app, live_server, context):
    with database(api_app) as db:
        first = add_handoff(db, "oSailorA", "有人落水了快救命", priority="urgent", asked=ago(minutes=4),
                            key_message="有人落水了快救命", key_message_at=ago(minutes=4))
    context.grant_permissions(["notifications"], origin=live_server)
    page = context.new_page()
    page.goto(live_server + "/admin/handoffs")
    page.fill("input[name=username]", "zhangsan")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/handoffs")

    assert page.title() == "(1) 紧急求助待认领 · 人工队列 · 海事局公众号客服后台"
    assert page.inner_text("#urgent-badge .n") == "1"
    assert "未配置险情提醒渠道" in page.inner_text(".no-channels")
    toggle = page.locator("#alerts-toggle")
    assert toggle.inner_text() == "开启提醒"
    toggle.click()
    page.wait_for_function("() => document.getElementById('alerts-toggle').textContent === '提醒已开启'")
    assert page.evaluate("Notification.permission") == "granted"
    assert page.evaluate("window.__tones") == 3  # the test beep
    assert page.evaluate("window.__notifications.length") == 0  # handoffs already on the page are not news
    page.evaluate("window.__samePage = true")

    push(live_server, "oSailorB", "船舱进水了，快救命")
    with database(api_app) as db:
        new = next(db.query("select id, priority from handoffs where user_id = 'oSailorB'"))
    assert new["priority"] == "urgent"
    page.wait_for_function("() => document.title.startsWith('(2) 紧急求助待认领 · 人工队列')")
    assert page.evaluate("window.__samePage") is True  # no reload happened
    assert page.inner_text("#urgent-badge .n") == "2"
    notes = page.evaluate("window.__notifications.map(n => ({title: n.title, body: n.body, tag: n.tag}))")
    assert len(notes) == 1
    # The kind the bot read comes with it: in the notification, the page's notice and the queue row.
    assert notes[0]["title"].startswith(f"紧急求助·进水/沉没/倾覆 #{new['id']}（") and "船舱进水了" in notes[0]["body"]
    assert notes[0]["tag"] == f"handoff-{new['id']}"
    assert page.evaluate("window.__tones") == 6
    assert "船舱进水了" in page.inner_text("#urgent-live")
    assert f"新的紧急求助（进水/沉没/倾覆） #{new['id']}" in page.inner_text("#urgent-live")
    page.wait_for_selector(f'table.queue tr[data-id="{new["id"]}"]')  # the table was rebuilt in place
    assert page.inner_text(f'tr[data-id="{new["id"]}"] .distress-kind') == "进水/沉没/倾覆"
    assert page.inner_text("#open-count") == "2"
    assert queue_ids(page.content())[:2] == [new["id"], first] or queue_ids(page.content())[:2] == [first, new["id"]]
    assert "distress" in page.get_attribute(f'tr[data-id="{new["id"]}"]', "class")
    shoot(page, "urgent-queue-live")

    with database(api_app) as db:
        for channel, status, extra in (("wecom", "sent", {"sent_at": ago(seconds=30)}),
                                       ("email", "pending", {"attempts": 2, "last_error": "连接超时",
                                                             "next_attempt_at": ago(seconds=-30)})):
            db["alerts"].insert({"handoff_id": new["id"], "channel": channel, "reason": "distress", "status": status,
                                 "dedupe_key": f"browser:{new['id']}:{channel}", "attempts": 1,
                                 "created_at": ago(seconds=40), **extra})
    with page.expect_navigation(url=f"**/admin/handoffs/{new['id']}"):
        page.evaluate("window.__notifications[0].onclick()")
    alerts = page.inner_text(".alerts-sent")
    assert "企业微信" in alerts and "✓" in alerts and "邮件 失败，重试中（第2次：连接超时）" in alerts
    assert page.title().startswith("(2) 紧急求助待认领 · ")
    shoot(page, "urgent-handoff")

    dialogs, answer = [], {"accept": False}
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept() if answer["accept"] else d.dismiss()))
    note = page.locator("#resolve-note")
    page.click("#resolve button[type=submit]")  # empty: the browser refuses before any confirmation
    assert note.evaluate("e => e.validity.valueMissing") is True and dialogs == []
    note.fill("已通知武汉搜救分中心，船员已转移")
    page.click("#resolve button[type=submit]")  # the confirmation is declined
    assert len(dialogs) == 1 and "紧急求助" in dialogs[0]
    with database(api_app) as db:
        assert db["handoffs"].get(new["id"])["state"] == "pending"
    answer["accept"] = True
    page.click("#resolve button[type=submit]")
    page.wait_for_url("**/admin/handoffs")
    assert len(dialogs) == 2
    assert page.title().startswith("(1) 紧急求助待认领 · ")
    with database(api_app) as db:
        assert db["handoffs"].get(new["id"])["state"] == "resolved"

    page.goto(f"{live_server}/admin/handoffs/{new['id']}")
    page.fill("#reopen textarea", "船员来电：舱内仍在进水")
    page.click("#reopen button[type=submit]")
    page.wait_for_selector("text=已重新打开，回到待处理")
    assert len(dialogs) == 3 and "重新打开" in dialogs[2]
    with database(api_app) as db:
        row = db["handoffs"].get(new["id"])
    assert row["state"] == "pending" and row["reopened_by"] == "zhangsan"
    assert "重新打开：船员来电：舱内仍在进水" in page.inner_text("#notes")
    assert page.title().startswith("(2) 紧急求助待认领 · ")
    shoot(page, "urgent-reopened")

    push(live_server, "oSailorB", "我们在白沙洲大桥下游两公里，船上三个人")
    page.goto(live_server + "/admin/handoffs")
    row = page.inner_text(f'tr[data-id="{new["id"]}"] td.question')
    assert row.startswith("进水/沉没/倾覆 船舱进水了，快救命") and "最新消息" in row and "船上三个人" in row
    shoot(page, "urgent-queue")
