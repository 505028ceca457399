"""The FAQ draft from a handoff: the question in the user's own words, the answer from the replies delivered.

Through real parts: signed WeChat pushes open the handoff, staff replies go through the reply form to the stand-in
WeChat API (one refused and then cancelled), and the draft page and the written YAML are read back.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from admin_support import add_handoff, add_reply, ago, api_app, database, login, post  # noqa: F401
from bot.service import handoffs
from bot.service import faq_drafts
from bot.kb.loader import parse_faq_file
from webhook_support import WeChatServer, text_xml

QUESTION = "船员证书丢失了怎么补办"
LATER = "补办要带身份证原件吗"
FIRST_REPLY = "您好，内河船员证书遗失的，请提交申请表、身份证明和遗失情况说明。"
SECOND_REPLY = "身份证要带原件，窗口核对后退还。"
REFUSED_REPLY = "这条没能送达，已取消。"


@pytest.fixture
def staff(api_app):
    c = api_app.test_client()
    assert login(c).status_code == 302
    return c


def push(client, user: str, text: str) -> None:
    r = WeChatServer().post(client, text_xml(user, text))
    assert r.status_code == 200


@pytest.fixture
def asked_for_person(api_app, staff, fake_api):
    """A user asks a question (answered), then "人工", then adds a detail; staff send two replies, a third is
    refused by WeChat and cancelled. Returns the handoff's id."""
    wechat = api_app.test_client()
    push(wechat, "oSailor01", QUESTION)
    push(wechat, "oSailor01", "人工")
    push(wechat, "oSailor01", LATER)
    with database(api_app) as db:
        [h] = db.query("select * from handoffs")
    assert h["question"] == QUESTION + handoffs.ASKED_FOR_PERSON_LABEL
    for text in (FIRST_REPLY, SECOND_REPLY):
        assert post(staff, f"/admin/handoffs/{h['id']}/reply", text=text).status_code == 302
    fake_api.errors = [45047]
    assert post(staff, f"/admin/handoffs/{h['id']}/reply", text=REFUSED_REPLY).status_code == 302
    with database(api_app) as db:
        [refused] = db.query("select id from outbox where text = ?", [REFUSED_REPLY])
    assert post(staff, f"/admin/handoffs/{h['id']}/cancel/{refused['id']}").status_code == 302
    return h["id"]


def checked(page: str, name: str) -> list:
    """The values of the ticked inputs called ``name``."""
    return re.findall(rf'name="{name}" value="([^"]+)"[^>]* checked', page)


def test_the_default_question_is_the_users_question_without_the_label(api_app, staff, asked_for_person):
    page = staff.get(f"/admin/handoffs/{asked_for_person}/faq").get_data(as_text=True)
    assert f'<input name="question" value="{QUESTION}" required>' in page
    assert "用户要求转人工" not in page
    with database(api_app) as db:
        sources = faq_drafts.draft_sources(db, asked_for_person)
    assert [m["text"] for m in sources.messages] == [QUESTION, "人工", LATER]
    assert sources.question == sources.messages[0]["key"]
    assert checked(page, "question_from") == [sources.question]
    assert checked(page, "alternate_from") == []


def test_the_answer_joins_the_delivered_replies_and_leaves_the_cancelled_one_out(api_app, staff, asked_for_person):
    page = staff.get(f"/admin/handoffs/{asked_for_person}/faq").get_data(as_text=True)
    assert f"{FIRST_REPLY}\n\n{SECOND_REPLY}</textarea>" in page
    assert REFUSED_REPLY not in page
    with database(api_app) as db:
        sources = faq_drafts.draft_sources(db, asked_for_person)
    assert [r["text"] for r in sources.replies] == [FIRST_REPLY, SECOND_REPLY]
    assert checked(page, "answer_from") == [r["key"] for r in sources.replies]


def test_other_choices_fill_the_form_and_the_draft_is_written_from_it(api_app, staff, asked_for_person):
    with database(api_app) as db:
        sources = faq_drafts.draft_sources(db, asked_for_person)
    first, person, later = (m["key"] for m in sources.messages)
    first_reply, second_reply = (r["key"] for r in sources.replies)
    # The choice form as a browser without script sends it: LATER is the question, QUESTION another phrasing,
    # only the second reply the answer.
    page = staff.get(f"/admin/handoffs/{asked_for_person}/faq", query_string=[
        ("chosen", "1"), ("question_from", later), ("alternate_from", first), ("alternate_from", later),
        ("answer_from", second_reply)]).get_data(as_text=True)
    assert f'<input name="question" value="{LATER}" required>' in page
    assert f'rows="3">{QUESTION}</textarea>' in page
    assert f'rows="8" required>{SECOND_REPLY}</textarea>' in page
    assert checked(page, "question_from") == [later] and checked(page, "answer_from") == [second_reply]

    draft = faq_drafts.draft_faq(None, asked_for_person, question=first, alternates=[later, person, "m999999"],
                               answer=[second_reply, first_reply], sources=sources)
    assert (draft["question"], draft["alternates"]) == (QUESTION, ["人工", LATER])
    assert draft["answer"] == f"{FIRST_REPLY}\n\n{SECOND_REPLY}"  # in the order they were sent

    form = {"category": "船员证书", "id": "crew-cert-lost-id", "question": draft["question"],
            "alternates": LATER, "answer": draft["answer"], "source": draft["source"]}
    r = post(staff, f"/admin/handoffs/{asked_for_person}/faq", **form)
    assert r.status_code == 302
    faq, = parse_faq_file(Path(api_app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts" / "crew-cert-lost-id.yaml")
    assert (faq.question, faq.alternates) == (QUESTION, (LATER,))
    assert faq.answer == f"{FIRST_REPLY}\n\n{SECOND_REPLY}"


def test_unticking_every_reply_leaves_the_answer_empty(api_app, staff, asked_for_person):
    page = staff.get(f"/admin/handoffs/{asked_for_person}/faq?chosen=1").get_data(as_text=True)
    assert 'rows="8" required></textarea>' in page
    assert checked(page, "answer_from") == []


def test_a_handoff_opened_by_its_own_question_defaults_to_that_message(api_app, staff):
    with database(api_app) as db:
        earlier = "船舶所有权登记需要什么材料"
        h = add_handoff(db, "oSailor02", "船被海事扣了怎么办", messages=[
            (ago(minutes=9), "船被海事扣了怎么办", "已为您转接人工客服。"),
            (ago(minutes=5), "在焦山锚地", ""),
        ])
        db["messages"].insert({"created_at": ago(minutes=20), "user_id": "oSailor02", "msg_type": "text",
                               "text": earlier, "normalized": earlier, "action": "answer", "reply": "……"})
        add_reply(db, h, "oSailor02", "请带上船舶证书到海事处。", at=ago(minutes=3))
        add_reply(db, h, "oSailor02", "还在等待发送", at=ago(minutes=2), status="pending")
        sources = faq_drafts.draft_sources(db, h)
    assert [m["text"] for m in sources.messages] == [earlier, "船被海事扣了怎么办", "在焦山锚地"]
    assert sources.question == sources.messages[1]["key"]
    assert [r["text"] for r in sources.replies] == ["请带上船舶证书到海事处。"]
    page = staff.get(f"/admin/handoffs/{h}/faq").get_data(as_text=True)
    assert 'value="船被海事扣了怎么办" required' in page and "还在等待发送" not in page


def test_the_stored_transcript_serves_when_the_log_has_nothing(api_app):
    with database(api_app) as db:
        h = add_handoff(db, "oSailor03", "海员证丢了" + handoffs.ASKED_FOR_PERSON_LABEL,
                        messages=[(ago(minutes=5), "人工", "已为您转接人工客服。")])
        db.execute("delete from messages")
        sources = faq_drafts.draft_sources(db, h)
        draft = faq_drafts.draft_faq(db, h)
    assert [m["text"] for m in sources.messages] == ["海员证丢了", "人工"]
    assert sources.question == "q" and draft["question"] == "海员证丢了" and draft["answer"] == ""
