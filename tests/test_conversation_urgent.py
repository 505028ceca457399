"""The conversation once an emergency is judged: truthful replies, alerts stored with the decision, follow-ups.

Alerts are stored by the conversation and sent by the dispatcher (tests/test_alerts*.py send them for real);
here the dispatcher is built but not started, so the rows can be read as the conversation left them.
"""
from __future__ import annotations

import pytest

from webhook_support import KB_DIR

from bot.config import Config
from bot.service.conversation import (ALERTING, FOLLOW_UP, FOLLOW_UP_PASSED_ON, FOLLOW_UP_PASSING_ON, FOLLOW_UP_SELF_HARM,
                                     NOT_ALERTING, respond)
from bot.store.connection import open_db
from bot.matching import Engine
from bot.kb.loader import load_knowledge
from bot.service.alert_dispatcher import AlertDispatcher
from bot.wechat.message_xml import Inbound
from db_support import database_for


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(KB_DIR))


@pytest.fixture
def db(tmp_path):
    db = open_db(database_for(tmp_path))
    yield db
    db.conn.close()


@pytest.fixture
def alerts(tmp_path):
    """A dispatcher with two channels configured, never started: it only has to be woken."""
    return AlertDispatcher(Config.from_env({}, BOT_DATABASE=database_for(tmp_path),
                                           ALERT_WEBHOOK_URL="http://127.0.0.1:9/alert",
                                           ALERT_WECOM_WEBHOOK_URL="http://127.0.0.1:9/robot"))


def _alerts(db):
    return list(db.query("select * from alerts order by id"))


def test_without_a_channel_the_reply_claims_no_alert_and_none_is_stored(db, engine):
    out = respond(db, engine, "u1", "救命 有人落水了")
    assert out.action == "emergency" and "12395" in out.reply
    assert NOT_ALERTING in out.reply and "已通知" not in out.reply and "已同时" not in out.reply
    assert _alerts(db) == []


def test_an_emergency_stores_one_alert_per_channel_with_the_handoff(db, engine, alerts):
    out = respond(db, engine, "u1", "船着火了 机舱全是烟", alerts=alerts)
    assert ALERTING in out.reply
    rows = _alerts(db)
    assert sorted(r["channel"] for r in rows) == ["webhook", "wecom"]
    assert {r["handoff_id"] for r in rows} == {out.handoff_id}
    assert {r["reason"] for r in rows} == {"distress"} and {r["status"] for r in rows} == {"pending"}
    assert rows[0]["trigger_text"] == "船着火了 机舱全是烟"
    handoff = db["handoffs"].get(out.handoff_id)
    assert handoff["priority"] == "urgent" and handoff["key_message"] == "船着火了 机舱全是烟"


def test_every_further_message_is_part_of_the_emergency_never_office_hours(db, engine, alerts):
    first = respond(db, engine, "u1", "我们船撞了 在进水", alerts=alerts)
    follow = respond(db, engine, "u1", "船已经倾斜了，还有三个人在船上", alerts=alerts)
    assert follow.action == "emergency" and follow.handoff_id == first.handoff_id
    assert FOLLOW_UP in follow.reply and FOLLOW_UP_PASSING_ON in follow.reply
    assert "工作时间" not in follow.reply and FOLLOW_UP_PASSED_ON not in follow.reply
    fresh = [r for r in _alerts(db) if r["reason"] == "follow_up"]
    assert len(fresh) == 2 and {r["trigger_text"] for r in fresh} == {"船已经倾斜了，还有三个人在船上"}
    # An ordinary-looking message and a location are passed on too.
    assert respond(db, engine, "u1", "海员证怎么办", alerts=alerts).action == "emergency"
    where = Inbound(from_user="u1", msg_type="location", fields={"Label": "焦山附近", "Location_X": "32.2",
                                                                 "Location_Y": "119.5"})
    assert respond(db, engine, "u1", where, alerts=alerts).action == "emergency"
    assert any("焦山附近" in r["trigger_text"] for r in _alerts(db))
    assert db["handoffs"].get(first.handoff_id)["key_message"] == "我们船撞了 在进水"


@pytest.mark.parametrize("text", ["还在冒", "火压不住", "他们还在打，拦不住", "定位发你了，快点", "第二个也下去了"])
def test_a_follow_up_that_says_little_is_part_of_the_open_emergency(db, engine, alerts, text):
    # Alone these say nothing of a ship or the water (bench/distress_dev21.yaml); after an emergency they are news.
    assert not engine.is_distress(text)
    first = respond(db, engine, "u1", "机舱着火了 快来", alerts=alerts)
    follow = respond(db, engine, "u1", text, alerts=alerts)
    assert follow.action == "emergency" and follow.handoff_id == first.handoff_id
    assert any(r["reason"] == "follow_up" and r["trigger_text"] == text for r in _alerts(db))


def test_passed_on_is_said_only_after_an_alert_went_out(db, engine, alerts):
    first = respond(db, engine, "u1", "有人掉江里了", alerts=alerts)
    db.execute("update alerts set status = 'sent', sent_at = created_at where handoff_id = ? and channel = 'wecom'",
               [first.handoff_id])
    db.conn.commit()
    follow = respond(db, engine, "u1", "人还没上来", alerts=alerts)
    assert FOLLOW_UP_PASSED_ON in follow.reply


def test_a_normal_handoff_becomes_urgent_and_keeps_the_distress_message(db, engine, alerts):
    first = respond(db, engine, "u1", "人工", alerts=alerts)
    assert first.action == "handoff"
    out = respond(db, engine, "u1", "船搁浅了 动不了 船上五个人", alerts=alerts)
    assert out.action == "emergency" and out.handoff_id == first.handoff_id
    handoff = db["handoffs"].get(out.handoff_id)
    assert handoff["priority"] == "urgent" and handoff["key_message"] == "船搁浅了 动不了 船上五个人"
    assert {r["reason"] for r in _alerts(db)} == {"distress"}


def test_a_risk_of_suicide_gets_the_self_harm_reply_with_both_hotlines_and_an_alert(db, engine, alerts):
    # The one writing may be the one in danger: 12395 and the psychological assistance hotline 12356, not the
    # checklist of a ship in trouble; the duty staff are alerted like any emergency.
    out = respond(db, engine, "u1", "遗书写好了 放在枕头底下 我现在在江边", alerts=alerts)
    assert out.action == "emergency"
    assert out.reply.startswith(engine.settings["self_harm_text"].strip()) and ALERTING in out.reply
    assert "12395" in out.reply and "12356" in out.reply and "船名" not in out.reply
    assert {r["reason"] for r in _alerts(db)} == {"distress"}
    assert db["handoffs"].get(out.handoff_id)["priority"] == "urgent"
    follow = respond(db, engine, "u1", "我不想说了", alerts=alerts)
    assert follow.action == "emergency" and follow.handoff_id == out.handoff_id
    assert follow.reply.startswith(FOLLOW_UP_SELF_HARM) and FOLLOW_UP_PASSING_ON in follow.reply


def test_a_ship_in_trouble_keeps_the_emergency_reply_and_its_follow_ups(db, engine, alerts):
    out = respond(db, engine, "u1", "我们船撞了 在进水", alerts=alerts)
    assert out.reply.startswith(engine.settings["emergency_text"].strip()) and "12356" not in out.reply
    follow = respond(db, engine, "u1", "人都穿好救生衣了", alerts=alerts)
    assert follow.reply.startswith(FOLLOW_UP) and "12356" not in follow.reply


def test_the_handoff_keeps_the_kind_of_emergency_the_engine_read(db, engine, alerts):
    water = respond(db, engine, "u1", "有人掉江里了 快来", alerts=alerts)
    assert db["handoffs"].get(water.handoff_id)["distress_kind"] == "person_in_water"
    self_harm = respond(db, engine, "u2", "遗书写好了 放在枕头底下 我现在在江边", alerts=alerts)
    assert db["handoffs"].get(self_harm.handoff_id)["distress_kind"] == "self_harm"
    # A follow-up says nothing new about the kind; a handoff that becomes urgent takes the kind of its distress.
    respond(db, engine, "u1", "好像是个小孩", alerts=alerts)
    assert db["handoffs"].get(water.handoff_id)["distress_kind"] == "person_in_water"
    plain = respond(db, engine, "u3", "人工", alerts=alerts)
    assert db["handoffs"].get(plain.handoff_id)["distress_kind"] is None
    respond(db, engine, "u3", "船搁浅了 动不了 船上五个人", alerts=alerts)
    assert db["handoffs"].get(plain.handoff_id)["distress_kind"] == "grounding"


def test_follow_ups_read_the_stored_kind_and_an_older_handoff_has_its_key_message_read_again(db, engine, alerts):
    out = respond(db, engine, "u1", "遗书写好了 放在枕头底下 我现在在江边", alerts=alerts)
    # The stored kind decides, not a second reading of the key message.
    db.execute("update handoffs set key_message = '船着火了' where id = ?", [out.handoff_id])
    db.conn.commit()
    assert respond(db, engine, "u1", "嗯", alerts=alerts).reply.startswith(FOLLOW_UP_SELF_HARM)
    # A handoff opened before the kind was stored (schema version 8) has none: its key message is read again.
    db.execute("update handoffs set distress_kind = null, key_message = '我在江边 不想活了' where id = ?",
               [out.handoff_id])
    db.conn.commit()
    assert respond(db, engine, "u1", "嗯嗯", alerts=alerts).reply.startswith(FOLLOW_UP_SELF_HARM)
    db.execute("update handoffs set key_message = '船着火了' where id = ?", [out.handoff_id])
    db.conn.commit()
    follow = respond(db, engine, "u1", "还在", alerts=alerts)
    assert follow.reply.startswith(FOLLOW_UP) and not follow.reply.startswith(FOLLOW_UP_SELF_HARM)
