"""The staff side of the emergency path (issue 9), through the Flask test client and the library.

The queue row's key and newest messages, the unclaimed urgent count in every page's title and header, the JSON
the pages poll, resolving an urgent handoff only with a note, reopening, the alerts sent per channel, and the red
banner when no alert channel is configured. Times are checked in Beijing time from fixed UTC timestamps.
"""
from __future__ import annotations

import re

import pytest

from admin_support import add_handoff, ago, app, client, db, post, staff_client  # noqa: F401
from bot.service import handoffs
from bot.clock import local

# 06:02:11 UTC is 14:02:11 in Beijing.
T0 = "2026-06-12T06:02:11+00:00"
STAFF_PAGES = ("/admin/handoffs", "/admin/handoffs/1", "/admin/dashboard", "/admin/log", "/admin/try?q=证书",
               "/admin/handoffs/1/faq")
NO_CHANNEL = ("未配置险情提醒渠道：紧急求助不会通知任何人，请设置 ALERT_WECOM_WEBHOOK_URL / ALERT_SMTP_HOST / "
              "ALERT_WEBHOOK_URL")


def urgent(db, user: str, text: str, at: str | None = None, **kw) -> int:
    """An urgent handoff opened by a distress message, as the conversation records it."""
    at = at or ago(minutes=3)
    return add_handoff(db, user, text, priority="urgent", key_message=text, key_message_at=at, asked=at, **kw)


def row_of(html: str, handoff_id: int) -> str:
    """The queue row of one handoff."""
    start = html.index(f'data-id="{handoff_id}"')
    return html[start:html.index("</tr>", start)]


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def badge_of(html: str) -> str:
    return re.search(r'<a id="urgent-badge"[^>]*>.*?</a>', html, re.S).group(0)


# ---- 1. the queue row ---------------------------------------------------------------------------------

def test_queue_row_shows_the_key_message_and_the_newest_user_message(staff_client, db):
    sos = add_handoff(db, "oSos", "船舶被扣押怎么处理", priority="urgent", key_message="船舱进水了快来人",
                      key_message_at="2026-06-12T06:02:11+00:00", messages=[
                          ("2026-06-12T06:00:00+00:00", "船舶被扣押怎么处理", "已为您转接人工客服。"),
                          ("2026-06-12T06:02:11+00:00", "船舱进水了快来人", "请立即拨打水上搜救电话12395。"),
                          ("2026-06-12T06:05:30+00:00", "我们在白沙洲大桥下游两公里", ""),
                      ])
    plain = add_handoff(db, "oPlain", "罚款怎么缴纳")
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    row = row_of(html, sos)
    assert re.search(r">船舱进水了快来人</a>", row)  # the distress message, not the question, is the headline
    assert "求助于 06-12 14:02:11" in row
    assert "最新消息 06-12 14:05：</span>我们在白沙洲大桥下游两公里" in row
    assert "最新消息" not in row_of(html, plain) and ">罚款怎么缴纳</a>" in row_of(html, plain)


def test_queue_and_handoff_page_name_the_kind_of_emergency_the_bot_read(staff_client, db):
    water = urgent(db, "oWater", "有人掉江里了", distress_kind="person_in_water")
    self_harm = urgent(db, "oSelf", "我在江边 不想活了", distress_kind="self_harm")
    older = urgent(db, "oOlder", "船上着火了")  # opened before the kind was stored
    unknown = urgent(db, "oUnknown", "快来人", distress_kind="a_kind_added_later")
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert re.search(r'class="tag distress-kind distress-person_in_water"[^>]*>人员落水</span>', row_of(html, water))
    assert re.search(r'class="tag distress-kind distress-self_harm"[^>]*>轻生风险</span>', row_of(html, self_harm))
    assert "distress-kind" not in row_of(html, older) and "distress-kind" not in row_of(html, unknown)
    page = staff_client.get(f"/admin/handoffs/{self_harm}").get_data(as_text=True)
    head = page[page.index('class="handoff-head'):page.index("</div>", page.index('class="meta"'))]
    assert ">轻生风险</span>" in head and "机器人识别的险情类型" in head


def test_newest_message_is_left_out_when_it_is_the_key_one_and_the_question_stands_in_for_a_missing_key(
        staff_client, db):
    same = urgent(db, "oSame", "有人落水了快救命")
    no_key = add_handoff(db, "oNoKey", "船上着火了", priority="urgent",
                         messages=[(ago(minutes=9), "船上着火了", "请立即拨打12395"), (ago(minutes=1), "火更大了", "")])
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert "最新消息" not in row_of(html, same) and ">有人落水了快救命</a>" in row_of(html, same)
    assert ">船上着火了</a>" in row_of(html, no_key) and "火更大了" in row_of(html, no_key)
    h = handoffs.get_handoff(db, no_key)
    assert (h.key_text, h.key_at, h.latest_user_message["text"]) == ("船上着火了", h.created_at, "火更大了")


def test_latest_user_message_skips_bot_entries_and_junk_in_the_transcript(db):
    h = add_handoff(db, "oUser", "问题")
    db.execute("delete from messages")  # the stored transcript stands in when the log has nothing
    db["handoffs"].update(h, {"transcript": '[{"who": "user", "text": "第一句", "at": "%s"}, "junk", 3, '
                                            '{"who": "bot", "text": "机器人的话"}, {"who": "user", "text": "  "}]' % T0})
    assert handoffs.get_handoff(db, h).latest_user_message == {"at": T0, "text": "第一句"}
    db["handoffs"].update(h, {"transcript": "not json"})
    assert handoffs.get_handoff(db, h).latest_user_message is None


# ---- 2. title and header badge ------------------------------------------------------------------------

def test_title_and_badge_count_unclaimed_urgent_handoffs_on_every_staff_page(staff_client, db):
    add_handoff(db, "oNormal", "船被扣了怎么办")
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert title_of(html) == "人工队列 · 海事局公众号客服后台"
    assert " hidden>" in badge_of(html)

    first = urgent(db, "oSos1", "有人落水了")
    urgent(db, "oSos2", "船舶碰撞进水")
    urgent(db, "oClaimed", "船上着火了", claimed_by="lisi", state="claimed")
    urgent(db, "oDone", "已经救起来了", state="resolved")
    add_handoff(db, "oHigh", "我要投诉", priority="high")
    for url in STAFF_PAGES:
        html = staff_client.get(url).get_data(as_text=True)
        assert title_of(html).startswith("(2) 紧急求助待认领 · "), url
        badge = badge_of(html)
        assert 'class="n">2</span>' in badge and "hidden" not in badge, url
        assert 'href="/admin/handoffs?state=pending&amp;priority=urgent"' in badge
    assert title_of(staff_client.get("/admin/handoffs").get_data(as_text=True)) == \
        "(2) 紧急求助待认领 · 人工队列 · 海事局公众号客服后台"

    handoffs.claim(db, first, "zhangsan")
    assert title_of(staff_client.get("/admin/dashboard").get_data(as_text=True)).startswith("(1) 紧急求助待认领 · ")


# ---- 3. the poll ---------------------------------------------------------------------------------------

def test_urgent_json_lists_unclaimed_urgent_handoffs_newest_first(staff_client, db):
    older = urgent(db, "oOld", "有人落水了", at="2026-06-12T05:40:00+00:00")
    newer = urgent(db, "oNew", "船舶起火了", at=T0, distress_kind="fire")
    urgent(db, "oClaimed", "船舶搁浅", claimed_by="lisi", state="claimed")
    add_handoff(db, "oNormal", "罚款怎么缴纳")
    escalated = add_handoff(db, "oEsc", "船舶被扣押怎么处理", priority="urgent", asked="2026-06-12T04:00:00+00:00",
                            key_message="   ")
    r = staff_client.get("/admin/handoffs/urgent.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.headers["Cache-Control"] == "no-store"
    data = r.get_json()
    assert data["unclaimed_urgent"] == 3
    assert [h["id"] for h in data["handoffs"]] == [newer, older, escalated]
    assert data["handoffs"][0] == {"id": newer, "key_message": "船舶起火了", "key_message_at": T0,
                                   "created_at": T0, "time": "14:02:11", "url": f"/admin/handoffs/{newer}",
                                   "kind": "火灾/爆炸"}
    assert data["handoffs"][2]["kind"] == ""  # opened before the kind was stored, or of a kind not known
    assert data["handoffs"][2]["key_message"] == "船舶被扣押怎么处理"  # blank key message: the question
    assert data["poll_seconds"] > 0

    handoffs.claim(db, newer, "zhangsan")
    data = staff_client.get("/admin/handoffs/urgent.json").get_json()
    assert data["unclaimed_urgent"] == 2 and newer not in [h["id"] for h in data["handoffs"]]


def test_urgent_json_needs_a_login(client, db):
    urgent(db, "oSos", "有人落水了")
    r = client.get("/admin/handoffs/urgent.json")
    assert r.status_code == 302 and r.location.startswith("/admin/login")
    assert "有人落水了" not in r.get_data(as_text=True)


def test_pages_poll_with_a_static_script_the_csp_allows(staff_client, client, db):
    sos1, sos2 = urgent(db, "oSos1", "有人落水了"), urgent(db, "oSos2", "船舶起火了")
    r = staff_client.get("/admin/handoffs")
    html = r.get_data(as_text=True)
    assert r.headers["Content-Security-Policy"] == "default-src 'self'; frame-ancestors 'none'"
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/admin/static/forms.js" defer>',
                                                  '<script src="/admin/static/urgent.js" defer>']
    assert not re.search(r"\son[a-z]+=", html)  # no inline handlers either
    body = re.search(r"<body[^>]*>", html).group(0)
    assert 'data-urgent-url="/admin/handoffs/urgent.json"' in body
    assert f'data-urgent-ids="{sos1},{sos2}"' in body or f'data-urgent-ids="{sos2},{sos1}"' in body
    assert 'id="alerts-toggle"' in html and 'id="urgent-live"' in html
    with client.get("/admin/static/urgent.js") as js:
        assert js.status_code == 200
        text = js.get_data(as_text=True)
    for needle in ("new Notification(", "requestPermission", "createOscillator", "开启提醒", "data-confirm",
                   "紧急求助待认领"):
        assert needle in text
    assert "<script" not in client.get("/admin/login").get_data(as_text=True)  # nothing polls before login


def test_the_queue_rebuilds_in_place_and_leaves_flash_messages_for_the_next_full_page(staff_client, db):
    h = add_handoff(db, "oUser", "罚款怎么缴纳")
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="60"></noscript>' in html  # without script: reload
    assert html.count('id="queue-live"') == 1 and 'id="open-count"' in html
    post(staff_client, f"/admin/handoffs/{h}/claim")
    partial = staff_client.get("/admin/handoffs", headers={"X-Partial": "queue"}).get_data(as_text=True)
    assert "已认领，由您处理" not in partial and "处理中" in partial
    assert "已认领，由您处理" in staff_client.get("/admin/handoffs").get_data(as_text=True)


# ---- 4. resolve with a note, reopen ----------------------------------------------------------------------

def test_an_urgent_handoff_is_resolved_only_with_a_note(staff_client, db):
    h = urgent(db, "oSos", "有人落水了快救命")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    form = re.search(r'<form id="resolve".*?</form>', page, re.S).group(0)
    assert 'data-confirm="确认这起紧急求助已经处置完毕' in form
    assert re.search(r'<textarea id="resolve-note" name="note"[^>]* required', form)

    r = post(staff_client, f"/admin/handoffs/{h}/resolve", note="   ")
    assert r.status_code == 409
    assert "紧急求助必须填写处置情况" in r.get_data(as_text=True)
    long_note = "已通知搜救中心" * 300
    r = post(staff_client, f"/admin/handoffs/{h}/resolve", note=long_note)
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert "备注最多2000字" in page and f">{long_note}</textarea>" in page  # what was typed is kept
    assert db["handoffs"].get(h)["state"] == "pending" and db["handoff_notes"].count == 0

    r = post(staff_client, f"/admin/handoffs/{h}/resolve", note=" 已通知武汉搜救分中心，落水人员已获救 ")
    assert r.status_code == 302 and r.location == "/admin/handoffs"
    row = db["handoffs"].get(h)
    assert row["state"] == "resolved" and row["resolved_by"] == "zhangsan" and row["resolved_at"]
    assert [(n["author"], n["text"]) for n in handoffs.notes(db, h)] == [
        ("zhangsan", "标记为已解决：已通知武汉搜救分中心，落水人员已获救")]
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "标记为已解决：已通知武汉搜救分中心，落水人员已获救" in page


def test_library_refuses_to_resolve_an_urgent_handoff_without_a_note_but_not_a_normal_one(db):
    sos = urgent(db, "oSos", "船舶起火")
    with pytest.raises(handoffs.NoteRequired):
        handoffs.resolve(db, sos, "lisi")
    normal = add_handoff(db, "oNormal", "罚款怎么缴纳")
    assert handoffs.resolve(db, normal, "lisi").state == "resolved"
    assert handoffs.notes(db, normal) == []
    other = add_handoff(db, "oOther", "证书怎么补办")
    handoffs.resolve(db, other, "lisi", note="已电话告知")
    assert [n["text"] for n in handoffs.notes(db, other)] == ["标记为已解决：已电话告知"]


def test_a_resolved_handoff_can_be_reopened(staff_client, db):
    h = urgent(db, "oSos", "有人落水了快救命")
    handoffs.resolve(db, h, "lisi", note="人员已获救")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert f'action="/admin/handoffs/{h}/reopen"' in page and "重新打开</button>" in page
    assert title_of(page).startswith(f"#{h}")

    r = staff_client.post(f"/admin/handoffs/{h}/reopen", data={"note": "x"})
    assert r.status_code == 400 and db["handoffs"].get(h)["state"] == "resolved"
    r = post(staff_client, f"/admin/handoffs/{h}/reopen", note="家属来电：仍有一人未找到")
    assert r.status_code == 302 and r.location == f"/admin/handoffs/{h}"
    row = db["handoffs"].get(h)
    assert (row["state"], row["resolved_at"], row["resolved_by"], row["claimed_by"]) == ("pending", None, None, None)
    assert row["reopened_by"] == "zhangsan" and row["reopened_at"]
    assert [n["text"] for n in handoffs.notes(db, h)][-1] == "重新打开：家属来电：仍有一人未找到"
    page = staff_client.get(r.location).get_data(as_text=True)
    assert "已重新打开，回到待处理" in page and "zhangsan 于" in page and "重新打开</span>" in page
    assert '<form id="resolve"' in page and title_of(page).startswith("(1) 紧急求助待认领 · ")

    r = post(staff_client, f"/admin/handoffs/{h}/reopen", follow_redirects=True)
    assert "这条还没有解决，无需重新打开" in r.get_data(as_text=True)
    assert db["handoff_notes"].count == 2
    assert post(staff_client, "/admin/handoffs/999/reopen").status_code == 404


# ---- 5. alerts on the handoff page ----------------------------------------------------------------------

def add_alert(db, handoff_id, channel, reason, status, **fields) -> int:
    row = {"handoff_id": handoff_id, "channel": channel, "reason": reason, "status": status,
           "dedupe_key": f"{reason}:{handoff_id}:{channel}", "attempts": 1, "created_at": T0}
    row.update(fields)
    return db["alerts"].insert(row).last_pk


def test_handoff_page_shows_the_alerts_per_channel_in_beijing_time(staff_client, db):
    h = urgent(db, "oSos", "有人落水了快救命", at=T0)
    add_alert(db, h, "wecom", "distress", "sent", sent_at=T0)
    add_alert(db, h, "email", "distress", "pending", attempts=2, last_error="连接超时",
              next_attempt_at="2026-06-12T06:03:11+00:00")
    add_alert(db, h, "webhook", "escalation", "sent", created_at="2026-06-12T06:12:40+00:00",
              sent_at="2026-06-12T06:12:41+00:00", waited_minutes=10)
    add_alert(db, h, "email", "escalation", "failed", created_at="2026-06-12T06:12:40+00:00", attempts=5,
              last_error="SMTP 550 拒收")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    lines = [re.sub(r"<[^>]+>|\s+", " ", line).split() for line in
             re.findall(r'<div class="alert-line">(.*?)</div>', page, re.S)]
    assert [" ".join(words) for words in lines] == [
        "险情提醒 06-12 14:02:11 已通知： 企业微信 14:02:11 ✓ / 邮件 失败，重试中（第2次：连接超时）",
        "无人认领升级提醒 06-12 14:12:40（已等待10分钟无人认领） 已通知： 通知接口 14:12:41 ✓ / "
        "邮件 失败，已停止重试（共5次：SMTP 550 拒收）",
    ]


def test_alert_states_in_words(db):
    from bot.admin.urgent import channel_status

    base = {"channel": "wecom", "attempts": 0, "last_error": None, "next_attempt_at": T0, "sent_at": None}
    assert channel_status({**base, "status": "pending"}) == "企业微信 等待发送"
    assert channel_status({**base, "status": "sending", "attempts": 1}) == "企业微信 正在发送"
    assert channel_status({**base, "status": "failed", "attempts": 3, "last_error": "HTTP 502"}) == \
        "企业微信 失败，重试中（第3次：HTTP 502）"
    assert channel_status({**base, "status": "failed", "attempts": 3, "next_attempt_at": None}) == \
        "企业微信 失败，已停止重试（共3次：原因不明）"
    assert channel_status({**base, "channel": "email", "status": "sent", "sent_at": "2026-06-12T16:30:00+00:00"}) \
        == "邮件 00:30:00 ✓"


def test_urgent_handoff_without_alerts_says_so_and_a_normal_one_shows_nothing(staff_client, db):
    sos = urgent(db, "oSos", "有人落水了快救命")
    normal = add_handoff(db, "oNormal", "罚款怎么缴纳")
    assert "没有发出险情提醒（未配置提醒渠道）" in staff_client.get(f"/admin/handoffs/{sos}").get_data(as_text=True)
    assert 'class="alerts-sent"' not in staff_client.get(f"/admin/handoffs/{normal}").get_data(as_text=True)


# ---- 6. no alert channel ----------------------------------------------------------------------------------

def test_red_banner_on_every_staff_page_while_no_alert_channel_is_configured(app, staff_client, client, db):
    add_handoff(db, "oUser", "船被扣了怎么办")
    for url in STAFF_PAGES:
        page = staff_client.get(url).get_data(as_text=True)
        assert f'<div class="no-channels" role="alert">{NO_CHANNEL}</div>' in page, url
    assert NO_CHANNEL not in client.get("/admin/login").get_data(as_text=True)
    # Set on the config object, so this runs whether or not Config declares the ALERT_* fields yet.
    app.config["BOT"].ALERT_WEBHOOK_URL = "https://duty.example/alert"
    for url in STAFF_PAGES:
        assert "未配置险情提醒渠道" not in staff_client.get(url).get_data(as_text=True), url
    page = staff_client.get("/admin/handoffs/1").get_data(as_text=True)
    assert "未配置提醒渠道" not in page


def test_chinese_is_text_not_escapes_on_the_pages(staff_client, db):
    h = urgent(db, "oSos", "有人落水了快救命", at=T0)
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "有人落水了快救命" in page
    assert not re.search(r"&#x?[0-9a-f]{4,};|\\u[0-9a-f]{4}", page, re.I)  # CJK never as entities or escapes
    assert f"求助时间：<strong>{local(T0, '%m-%d %H:%M:%S')}</strong>" in page
    assert "求助时间：<strong>06-12 14:02:11</strong>" in page
