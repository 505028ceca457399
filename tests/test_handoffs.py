"""The handoff queue and page: order and filters, claim, notes, resolve, and "turn into FAQ"."""
from __future__ import annotations

from pathlib import Path

import pytest

from admin_support import (  # noqa: F401
    add_handoff, add_message, add_reply, ago, app, client, db, login, post, queue_ids, staff_client,
)
from bot.service import conversation, handoffs
from bot.kb.loader import load_knowledge, parse_faq_file


def test_queue_order_urgency_then_longest_wait_then_answered(db):
    old = add_handoff(db, "oOld", "船舶被扣押怎么处理", asked=ago(hours=3))
    new = add_handoff(db, "oNew", "罚款怎么缴纳", asked=ago(minutes=10))
    high = add_handoff(db, "oHigh", "我要投诉执法人员", priority="high", asked=ago(minutes=5))
    sos = add_handoff(db, "oSos", "有人落水了", priority="urgent", asked=ago(minutes=1))
    answered = add_handoff(db, "oDone", "已回复过的问题", priority="urgent", asked=ago(hours=5))
    add_reply(db, answered, "oDone", "已为您处理", at=ago(hours=4))
    resolved = add_handoff(db, "oClosed", "解决了的问题", state="resolved", asked=ago(days=1))
    rows = handoffs.list_handoffs(db)
    assert [h.id for h in rows] == [sos, high, old, new, answered]
    assert rows[0].distress and rows[0].awaiting_reply
    assert 3 * 3600 - 5 <= rows[2].waiting_seconds <= 3 * 3600 + 60
    assert not rows[4].awaiting_reply and rows[4].waiting_seconds is None
    assert [h.id for h in handoffs.list_handoffs(db, state="resolved")] == [resolved]
    assert [h.id for h in handoffs.list_handoffs(db, state="all")][-1] == resolved
    assert [h.id for h in handoffs.list_handoffs(db, priority="urgent")] == [sos, answered]
    with pytest.raises(handoffs.HandoffError):
        handoffs.list_handoffs(db, state="bogus")


def test_waiting_runs_from_the_first_unanswered_message(db):
    h = add_handoff(db, "oUser", "证书怎么补办", messages=[
        (ago(hours=6), "证书怎么补办", "已转人工"),
        (ago(hours=4), "还在吗", ""),
        (ago(hours=1), "我明天要出海", ""),
    ])
    assert 6 * 3600 - 5 <= handoffs.get_handoff(db, h).waiting_seconds <= 6 * 3600 + 60
    add_reply(db, h, "oUser", "请带身份证到窗口办理", at=ago(hours=3))
    row = handoffs.get_handoff(db, h)
    assert row.awaiting_reply and 3600 - 5 <= row.waiting_seconds <= 3600 + 60
    assert row.last_reply_at


def test_window_open_or_closed(db):
    fresh = add_handoff(db, "oFresh", "问题一", asked=ago(hours=47))
    stale = add_handoff(db, "oStale", "问题二", asked=ago(hours=49))
    assert handoffs.get_handoff(db, fresh).window_open
    assert not handoffs.get_handoff(db, stale).window_open


def test_queue_page_rows(staff_client, db):
    sos = add_handoff(db, "oSos", "有人落水了快救命", priority="urgent", asked=ago(minutes=2))
    normal = add_handoff(db, "oNormal", "船舶被扣押<怎么>处理", asked=ago(hours=2, minutes=5), claimed_by="lisi",
                         state="claimed")
    stale = add_handoff(db, "oStale", "两天前的问题", asked=ago(hours=50))
    html = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert queue_ids(html) == [sos, stale, normal]
    sos_row = html[html.index(f'data-id="{sos}"'):html.index(f'data-id="{stale}"')]
    assert 'class="distress' in html[html.index(f'data-id="{sos}"') - 40:html.index(f'data-id="{sos}"')]
    assert "紧急" in sos_row and "有人落水了快救命" in sos_row and "2分钟" in sos_row and "开放" in sos_row
    normal_row = html[html.index(f'data-id="{normal}"'):]
    assert "2小时5分" in normal_row and "lisi" in normal_row and "处理中" in normal_row
    assert "船舶被扣押&lt;怎么&gt;处理" in normal_row
    stale_row = html[html.index(f'data-id="{stale}"'):html.index(f'data-id="{normal}"')]
    assert "已关闭" in stale_row
    assert queue_ids(staff_client.get("/admin/handoffs?state=claimed").get_data(as_text=True)) == [normal]
    assert queue_ids(staff_client.get("/admin/handoffs?priority=urgent").get_data(as_text=True)) == [sos]
    assert "没有" in staff_client.get("/admin/handoffs?state=resolved").get_data(as_text=True)


def test_user_writing_again_joins_the_open_handoff_and_moves_it_up(app, staff_client, db):
    engine = app.extensions["knowledge"].engine()
    waiting = add_handoff(db, "oWaiting", "船舶被扣押怎么处理", asked=ago(minutes=30))
    recent = add_handoff(db, "oRecent", "罚款怎么交", asked=ago(hours=2))
    add_reply(db, recent, "oRecent", "请到窗口缴纳", at=ago(hours=1, minutes=50))
    older = add_handoff(db, "oOlder", "码头施工要审批吗", asked=ago(hours=3))
    add_reply(db, older, "oOlder", "需要办理水上水下活动许可", at=ago(hours=2, minutes=50))
    assert queue_ids(staff_client.get("/admin/handoffs").get_data(as_text=True)) == [waiting, recent, older]

    outcome = conversation.respond(db, engine, "oOlder", "那审批要多久能下来")
    assert outcome.handoff_id == older
    assert queue_ids(staff_client.get("/admin/handoffs").get_data(as_text=True)) == [waiting, older, recent]
    page = staff_client.get(f"/admin/handoffs/{older}").get_data(as_text=True)
    assert "那审批要多久能下来" in page and "需要办理水上水下活动许可" in page


def test_handoff_page_shows_transcript_and_notes(staff_client, db):
    add_message(db, "oUser", "船员证书丢了", at=ago(minutes=20), faq_id="cert-lost", reply="证书遗失的，可以申请补发。")
    h = add_handoff(db, "oUser", "补办要多久", asked=ago(minutes=10))
    db["handoff_notes"].insert({"handoff_id": h, "author": "lisi", "text": "已电话联系", "created_at": ago(minutes=5)})
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    for text in ("船员证书丢了", "证书遗失的，可以申请补发。", "补办要多久", "已为您转接人工客服。", "已电话联系", "lisi"):
        assert text in page
    transcript = page[page.index('aria-label="对话记录"'):]
    assert transcript.index("船员证书丢了") < transcript.index("补办要多久")
    assert "还可发送 <strong>5</strong> 条" in page


def test_stored_transcript_is_used_when_the_log_has_nothing(db):
    h = add_handoff(db, "oUser", "问题")
    db.execute("delete from messages")
    entries = handoffs.conversation(db, handoffs.get_handoff(db, h))
    assert [(e["who"], e["text"]) for e in entries] == [("user", "问题"), ("bot", "已为您转接人工客服。")]


def test_claim_take_over_note_and_resolve(app, staff_client, db):
    from bot.service import staff

    staff.create_user(db, "lisi", "lisi-password")
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理")
    assert post(staff_client, f"/admin/handoffs/{h}/claim").status_code == 302
    row = db["handoffs"].get(h)
    assert row["state"] == "claimed" and row["claimed_by"] == "zhangsan" and row["claimed_at"]

    other = app.test_client()
    login(other, "lisi", "lisi-password")
    page = other.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "改由我处理" in page
    r = post(other, f"/admin/handoffs/{h}/claim", follow_redirects=True)
    assert "已由“zhangsan”认领" in r.get_data(as_text=True)
    assert db["handoffs"].get(h)["claimed_by"] == "zhangsan"
    post(other, f"/admin/handoffs/{h}/claim", take_over="1")
    assert db["handoffs"].get(h)["claimed_by"] == "lisi"

    r = post(staff_client, f"/admin/handoffs/{h}/note", text="  已电话联系，等对方补材料 ", follow_redirects=True)
    assert "备注已保存" in r.get_data(as_text=True)
    assert [n["text"] for n in handoffs.notes(db, h)] == ["已电话联系，等对方补材料"]
    r = post(staff_client, f"/admin/handoffs/{h}/note", text="   ", follow_redirects=True)
    assert "备注不能为空" in r.get_data(as_text=True)

    r = post(staff_client, f"/admin/handoffs/{h}/resolve")
    assert r.location == "/admin/handoffs"
    row = db["handoffs"].get(h)
    assert row["state"] == "resolved" and row["resolved_by"] == "zhangsan" and row["resolved_at"]
    assert h not in queue_ids(staff_client.get("/admin/handoffs").get_data(as_text=True))
    assert queue_ids(staff_client.get("/admin/handoffs?state=resolved").get_data(as_text=True)) == [h]
    with pytest.raises(handoffs.HandoffError):
        handoffs.claim(db, h, "lisi")


def test_actions_on_a_missing_handoff_are_404(staff_client):
    for action in ("claim", "note", "resolve", "reply"):
        assert post(staff_client, f"/admin/handoffs/42/{action}", text="x").status_code == 404
    assert staff_client.get("/admin/handoffs/42/faq").status_code == 404


# ---- turn into FAQ -------------------------------------------------------------------------------------

def test_turn_into_faq_prefills_and_saves_a_draft(app, staff_client, db):
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理")
    add_reply(db, h, "oUser", "第一次回复", at=ago(minutes=3))
    add_reply(db, h, "oUser", "请携带船舶证书到海事处办理。\n需要船长签字。", at=ago(minutes=2))
    add_reply(db, h, "oUser", "没发出去的回复", at=ago(minutes=1), status="failed")
    page = staff_client.get(f"/admin/handoffs/{h}/faq").get_data(as_text=True)
    assert 'value="船舶被扣押怎么处理"' in page
    assert "请携带船舶证书到海事处办理。\n需要船长签字。</textarea>" in page
    assert f'value="handoff-{h}"' in page

    kb_dir = app.config["BOT"].BOT_KNOWLEDGE_DIR
    curated = {p.name: p.read_bytes() for p in Path(kb_dir).glob("*.yaml")}
    form = {"category": "船舶安全", "id": f"handoff-{h}", "question": "船舶被扣押怎么处理",
            "alternates": "船被扣了怎么办\r\n\r\n船舶滞留怎么解除", "answer": "请携带船舶证书到海事处办理。\r\n需要船长签字。",
            "source": f"人工客服回复 handoff #{h}"}
    r = post(staff_client, f"/admin/handoffs/{h}/faq", **form)
    assert r.status_code == 302
    draft = Path(kb_dir) / "drafts" / f"handoff-{h}.yaml"
    faq, = parse_faq_file(draft)
    assert (faq.id, faq.category, faq.question) == (f"handoff-{h}", "船舶安全", "船舶被扣押怎么处理")
    assert faq.alternates == ("船被扣了怎么办", "船舶滞留怎么解除")
    assert faq.answer == "请携带船舶证书到海事处办理。\n需要船长签字。"
    assert faq.source == f"人工客服回复 handoff #{h}"
    text = draft.read_text(encoding="utf-8")
    assert "answer: |" in text and "草稿" in text
    assert "草稿已保存为 drafts/" in staff_client.get(r.location).get_data(as_text=True)

    form["answer"] = "第二版答案"
    post(staff_client, f"/admin/handoffs/{h}/faq", **form)
    second = draft.with_name(f"handoff-{h}-2.yaml")
    assert parse_faq_file(second)[0].answer == "第二版答案"
    assert parse_faq_file(draft)[0].answer.startswith("请携带")
    assert {p.name: p.read_bytes() for p in Path(kb_dir).glob("*.yaml")} == curated
    assert f"handoff-{h}" not in load_knowledge(kb_dir).by_id
    assert f"handoff-{h}" not in app.extensions["knowledge"].engine().kb.by_id


@pytest.mark.parametrize("field, value, message", [
    ("id", "cert-lost", "已被知识库里的FAQ使用"),
    ("id", "Bad ID", "格式不对"),
    ("answer", "  ", "答案不能为空"),
    ("question", "", "问题不能为空"),
])
def test_bad_drafts_are_refused_and_kept_in_the_form(app, staff_client, db, field, value, message):
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理")
    form = {"category": "船舶安全", "id": "ship-detained", "question": "船舶被扣押怎么处理", "alternates": "",
            "answer": "请到海事处办理。", "source": "人工客服回复 handoff #1", field: value}
    r = post(staff_client, f"/admin/handoffs/{h}/faq", **form)
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert message in page and "船舶安全" in page
    drafts = Path(app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts"
    assert not drafts.exists() or not list(drafts.iterdir())


@pytest.mark.parametrize("seconds, text", [
    (None, "—"), (42, "42秒"), (600, "10分钟"), (3600, "1小时"), (7500, "2小时5分"), (90000, "1天1小时"),
    (172800, "2天"),
])
def test_duration_text(seconds, text):
    assert handoffs.duration_text(seconds) == text
