"""Navigation-notice subscription (信息发布): commands, places, the template, and end to end through the webhook
against the local WeChat API stand-in, with the clock moved across valid_from."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot import clock
from bot.wechat import inbox as inbox_module
from bot.clock import today_local
from bot.store.connection import open_db
from bot.kb.loader import FAQ, load_knowledge
from bot.service import notices
from bot.store import notices as store
from bot.wechat.notifications import TemplateFieldsError, field_map, format_value, template_data
from bot.wechat.message_xml import parse_message
from db_support import sqlite_only
from webhook_support import KB_DIR, ACCOUNT, WeChatServer, event_xml, make_app, text_xml, wait_for

TEMPLATE = "TPL-notice-0001"
PLACES = ["焦山", "大港", "和畅洲"]


# ---- commands and places -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, action, places, unknown", [
    ("订阅通告", notices.SUBSCRIBE, (), ""),
    ("我要订阅航行通告", notices.SUBSCRIBE, (), ""),
    ("订阅通告 焦山", notices.SUBSCRIBE, ("焦山",), ""),
    ("订阅通告：焦山、大港", notices.SUBSCRIBE, ("焦山", "大港"), ""),
    ("订阅焦山和大港的航行通告", notices.SUBSCRIBE, ("焦山", "大港"), ""),
    ("订阅和畅洲通告", notices.SUBSCRIBE, ("和畅洲",), ""),
    ("订阅通告焦山水道", notices.SUBSCRIBE, ("焦山",), ""),
    ("订阅通告 南京", notices.SUBSCRIBE, (), "南京"),
    ("退订通告", notices.UNSUBSCRIBE, (), ""),
    ("取消订阅通告", notices.UNSUBSCRIBE, (), ""),
    ("退订通告 焦山", notices.UNSUBSCRIBE, ("焦山",), ""),
])
def test_subscription_commands(text, action, places, unknown):
    assert notices.read_command(text, PLACES) == notices.Command(action, places, unknown)


@pytest.mark.parametrize("text", ["订阅通告怎么收不到", "航行通告在哪里看", "订阅号是什么", "焦山水道有施工吗",
                                  "订阅通告为什么没有推送给我"])
def test_questions_about_notices_are_not_commands(text):
    assert notices.read_command(text, PLACES) is None


def test_without_configured_places_the_words_typed_are_the_places():
    assert notices.read_command("订阅通告 焦山水道 大港", []).places == ("焦山", "大港")


def faq(**kw) -> FAQ:
    base = dict(id="n1", category="航行通告", question="焦山水道测量作业", answer="测量船在焦山水道作业。",
                valid_from=dt.date(2026, 11, 1), valid_until=dt.date(2026, 12, 31))
    return FAQ(**{**base, **kw})


def test_a_notice_is_about_the_known_places_its_text_names_or_those_it_lists():
    assert notices.places_of(faq(), PLACES) == ("焦山",)
    assert notices.places_of(faq(answer="大港至焦山水道之间施工。"), PLACES) == ("大港", "焦山")
    assert notices.places_of(faq(question="辖区大风预警", answer="全线大风。"), PLACES) == ()
    assert notices.places_of(faq(places=("和畅洲北汊", "高资")), PLACES) == ("和畅洲", "高资")


def test_a_subscription_covers_its_places_and_every_notice_of_the_whole_jurisdiction():
    assert notices.covers([store.ALL], ("焦山",))
    assert notices.covers(["焦山"], ("焦山", "大港")) and notices.covers(["焦山"], ())
    assert not notices.covers(["大港"], ("焦山",)) and not notices.covers([], ())


def test_template_fields_are_formatted_for_their_kind():
    values = {"title": "焦山水道下段航道内水下地形测量作业（示例通告）", "start": "2026-11-01", "end": "", "place": "焦山"}
    data = template_data("thing1=title,time2=start,time3=end,thing4=place", values)
    assert data == {"thing1": {"value": "焦山水道下段航道内水下地形测量作业（示…"}, "time2": {"value": "2026年11月1日"},
                    "thing4": {"value": "焦山"}}
    assert len(data["thing1"]["value"]) == 20
    assert format_value("phrase3", "已生效并开始施工") == "已生效并…"
    with pytest.raises(TemplateFieldsError):
        field_map("thing1=headline")
    with pytest.raises(TemplateFieldsError):
        field_map("")


def consent_xml(user: str, event: str, items: list, create_time=None) -> str:
    """WeChat's subscription-notification event, with its nested List of templates."""
    tag = {"subscribe_msg_popup_event": "SubscribeMsgPopupEvent", "subscribe_msg_change_event": "SubscribeMsgChangeEvent",
           "subscribe_msg_sent_event": "SubscribeMsgSentEvent"}[event]
    lists = "".join("<List>" + "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in item.items()) + "</List>"
                    for item in items)
    return (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>"
            f"<CreateTime>{create_time or int(dt.datetime.now().timestamp())}</CreateTime>"
            f"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{event}]]></Event>"
            f"<{tag}>{lists}</{tag}></xml>")


def test_the_nested_template_list_of_a_consent_event_is_read():
    inbound = parse_message(consent_xml("o1", "subscribe_msg_popup_event", [
        {"TemplateId": "A", "SubscribeStatusString": "accept", "PopupScene": "2"},
        {"TemplateId": "B", "SubscribeStatusString": "reject", "PopupScene": "2"}]))
    assert inbound.event == "subscribe_msg_popup_event"
    assert inbound.fields["SubscribeMsgPopupEvent"] == [
        {"TemplateId": "A", "SubscribeStatusString": "accept", "PopupScene": "2"},
        {"TemplateId": "B", "SubscribeStatusString": "reject", "PopupScene": "2"}]


# ---- end to end ---------------------------------------------------------------------------------------------

def write_kb(folder, today: dt.date):
    """The webhook fixture's knowledge base with dated notices around ``today`` and the places to subscribe for."""
    shutil.copytree(KB_DIR, folder)
    day = lambda n: (today + dt.timedelta(days=n)).isoformat()  # noqa: E731
    (folder / "03-notices.yaml").write_text(f"""\
category: 航行通告
faqs:
  - id: notice-where
    question: 在哪里查航行通告
    keywords: [航行通告]
    answer: |
      目前有效的航行通告：
      {{notices}}
  - id: notice-hechangzhou
    question: 和畅洲北汊疏浚施工
    answer: 挖泥船在和畅洲北汊航道疏浚，过往船舶减速慢行。
    valid_from: {day(-1)}
    valid_until: {day(30)}
  - id: notice-jiaoshan
    question: 焦山水道测量作业
    answer: 测量船在焦山水道下段作业，注意避让。
    source: 镇江海事局 https://js.msa.gov.cn/notice/1
    valid_from: {day(3)}
    valid_until: {day(10)}
  - id: notice-dagang
    question: 大港港区码头施工
    answer: 大港港区码头前沿施工，船舶靠离泊请听从指挥。
    valid_from: {day(3)}
    valid_until: {day(12)}
  - id: notice-wind
    question: 辖区大风封航预告
    answer: 预计有8级大风，届时实施交通管制。
    valid_from: {day(3)}
    valid_until: {day(14)}
  - id: notice-sample
    question: 世业洲夹江桥梁施工（示例通告）
    answer: （示例，非真实通告）世业洲夹江施工。
    example: true
    valid_from: {day(-1)}
    valid_until: {day(30)}
""", encoding="utf-8")
    settings = (folder / "settings.yaml").read_text(encoding="utf-8").replace(
        "  - name: 航行通告\n    key: MENU_NOTICES\n    faq: notice-where\n",
        "  - name: 航行通告\n    items:\n      - {name: 最新通告, key: MENU_NOTICES, faq: notice-where}\n"
        "      - {name: 订阅通告, key: MENU_NOTICE_SUBSCRIBE, action: subscribe_notices}\n")
    (folder / "settings.yaml").write_text(settings + "notice_places: [焦山, 大港, 和畅洲]\n", encoding="utf-8")
    return folder


class Bot:
    """An app on the stand-in WeChat API, spoken to as WeChat would."""

    def __init__(self, tmp_path, fake_api, **overrides):
        self.kb = write_kb(tmp_path / "kb", today_local())
        self.api = fake_api
        self.app = make_app(tmp_path, BOT_KNOWLEDGE_DIR=str(self.kb), WECHAT_APP_SECRET="secret",
                            WECHAT_API_BASE_URL=fake_api.url, WECHAT_NOTICE_TEMPLATE_ID=TEMPLATE, **overrides)
        self.client = self.app.test_client()
        self.wechat = WeChatServer()
        self.inbox = self.app.extensions["wechat_inbox"]
        self.db = open_db(self.app.config["BOT"].BOT_DATABASE, init=False)

    def say(self, user: str, text: str) -> str:
        reply = self.wechat.read(self.wechat.post(self.client, text_xml(user, text)).data)
        return reply["Content"] if reply else ""

    def event(self, xml: str) -> str:
        reply = self.wechat.read(self.wechat.post(self.client, xml).data)
        return reply["Content"] if reply else ""

    def consent(self, user: str, status: str, event: str = "subscribe_msg_popup_event") -> None:
        assert self.event(consent_xml(user, event, [{"TemplateId": TEMPLATE, "SubscribeStatusString": status,
                                                      "PopupScene": "2"}])) == ""

    def dispatch(self) -> int:
        return self.inbox.dispatch_notices()

    def rows(self, user: str) -> list:
        """The user's notice rows: (faq id, outbox status, channel, errcode)."""
        return sorted((r["faq_id"], r["status"], r["channel"], r["errcode"]) for r in self.db.query(
            "select n.faq_id, o.status, o.channel, o.errcode from notice_deliveries d join notices n "
            "on n.notice_key = d.notice_key join outbox o on o.id = d.outbox_id where d.user_id = ?", [user]))

    def pushed(self, user: str) -> list:
        """Notices the stand-in delivered to the user as customer-service messages, in order."""
        return [m["text"]["content"].splitlines()[0] for m in self.api.sent
                if m["touser"] == user and m["text"]["content"].startswith("【航行通告】")]

    def notified(self, user: str) -> list:
        return [m for m in self.api.notified if m["touser"] == user]



@pytest.fixture
def bot(tmp_path, fake_api, monkeypatch):
    # The keeper thread's own rounds would race the steps below; the test runs them itself.
    monkeypatch.setattr(inbox_module, "MAINTENANCE_SECONDS", float("inf"))
    monkeypatch.setattr(inbox_module, "NOTICE_CHECK_SECONDS", float("inf"))
    b = Bot(tmp_path, fake_api)
    yield b
    b.db.close()


def test_subscribing_in_chat_and_from_the_menu(bot):
    reply = bot.say("o-all", "订阅通告")
    assert "已为您订阅航行通告" in reply and "可订地点：焦山、大港、和畅洲" in reply
    # The notices already active are listed to pick from (the example is served in a local trial, so listed too).
    assert "1. 和畅洲北汊疏浚施工" in reply and "回复数字查看" in reply
    assert "挖泥船" in bot.say("o-all", "1")
    assert "您已订阅全部航行通告" in bot.say("o-all", "订阅通告")

    reply = bot.say("o-places", "订阅通告 焦山 大港")
    assert "已为您订阅大港、焦山的航行通告" in reply and "和畅洲北汊" not in reply
    assert "已退订焦山的航行通告，仍订阅：大港" in bot.say("o-places", "退订通告 焦山")
    assert "没有找到“南京”这个地点" in bot.say("o-places", "订阅通告 南京")
    assert store.places(bot.db, "o-places") == ["大港"]
    assert "现在改为只订阅以上地点" in bot.say("o-all", "订阅通告 和畅洲")

    assert "已为您订阅航行通告" in bot.event(event_xml("o-menu", "CLICK", "MENU_NOTICE_SUBSCRIBE"))
    assert store.places(bot.db, "o-menu") == [store.ALL]
    assert "已退订航行通告" in bot.say("o-menu", "退订通告")
    assert "您没有订阅航行通告" in bot.say("o-menu", "退订通告")
    actions = [r["action"] for r in bot.db.query("select action from messages where user_id = 'o-menu' order by id")]
    assert actions == [notices.SUBSCRIBE, notices.UNSUBSCRIBE, notices.UNSUBSCRIBE]

    # Accepting the notice template in WeChat's popup subscribes a user who had not subscribed.
    bot.consent("o-popup", "accept")
    assert store.places(bot.db, "o-popup") == [store.ALL]
    assert store.consent(bot.db, "o-popup", TEMPLATE) == "accept"
    bot.consent("o-popup", "reject", "subscribe_msg_change_event")
    assert store.consent(bot.db, "o-popup", TEMPLATE) == "reject"
    # Unfollowing the account forgets it all.
    bot.event(event_xml("o-popup", "unsubscribe"))
    assert store.places(bot.db, "o-popup") == [] and store.consent(bot.db, "o-popup", TEMPLATE) is None


def test_notices_reach_each_subscriber_once_across_valid_from(bot, fake_api):
    today = today_local()
    bot.say("o-jiaoshan", "订阅通告 焦山")
    bot.say("o-all", "订阅通告")
    bot.say("o-dagang", "订阅通告 大港")
    bot.consent("o-dagang", "accept")
    bot.say("o-refuser", "订阅通告")
    bot.consent("o-refuser", "accept")
    bot.event(event_xml("o-menu", "CLICK", "MENU_NOTICE_SUBSCRIBE"))
    bot.say("o-left", "订阅通告")
    bot.say("o-left", "退订通告")
    bot.say("o-nobody", "你好")

    # Today: the notice already active (和畅洲, no example) goes to those whose subscription covers it, by
    # customer-service message (they all wrote just now).
    bot.dispatch()
    wait_for(lambda: len(fake_api.sent) >= 3)
    for user in ("o-all", "o-refuser", "o-menu"):
        assert bot.pushed(user) == ["【航行通告】和畅洲北汊疏浚施工"], user
    for user in ("o-jiaoshan", "o-dagang", "o-left", "o-nobody"):
        assert bot.pushed(user) == [], user
    assert not fake_api.notified
    assert bot.dispatch() == 0 and len(fake_api.sent) == 3

    # Three days later, at 08:00 in Shanghai: every 48-hour window has closed; o-jiaoshan writes first.
    at = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(8), clock.LOCAL_TZ)
    with clock.moved(at - clock.utcnow()):
        bot.say("o-jiaoshan", "早上好")
        fake_api.refusing.add("o-refuser")
        assert bot.dispatch() == 13  # 焦山: 4 subscribers, 大港: 4, the whole jurisdiction: 5
        sends = len(fake_api.sent)

        # o-jiaoshan: its window is open, customer-service messages (the 焦山 one and the one for everybody).
        assert sorted(bot.pushed("o-jiaoshan")) == ["【航行通告】焦山水道测量作业", "【航行通告】辖区大风封航预告"]
        # o-dagang accepted the template: subscription notifications, formatted for their fields.
        got = bot.notified("o-dagang")
        assert sorted(m["data"]["thing1"]["value"] for m in got) == ["大港港区码头施工", "辖区大风封航预告"]
        dagang = next(m for m in got if m["data"]["thing1"]["value"] == "大港港区码头施工")
        start, end = today + dt.timedelta(days=3), today + dt.timedelta(days=12)
        assert dagang["template_id"] == TEMPLATE and dagang["data"]["thing4"]["value"] == "大港"
        assert dagang["data"]["time2"]["value"] == f"{start.year}年{start.month}月{start.day}日"
        assert dagang["data"]["time3"]["value"] == f"{end.year}年{end.month}月{end.day}日"
        jiaoshan = [m for m in fake_api.rejected if m[1]["touser"] == "o-refuser"]
        # o-refuser: the first notification was refused (43101): recorded, consent withdrawn, nothing retried.
        assert [code for code, _ in jiaoshan] == [43101]
        assert store.consent(bot.db, "o-refuser", TEMPLATE) == "reject"
        refuser = bot.rows("o-refuser")
        assert [r[1:] for r in refuser].count(("failed", "template", 43101)) == 1
        # o-all, o-menu: neither window nor consent; they wait. o-left and o-nobody get nothing.
        assert {f: (status, errcode) for f, status, _, errcode in bot.rows("o-all")} == {
            "notice-hechangzhou": ("sent", None), "notice-jiaoshan": ("failed", 45015),
            "notice-dagang": ("failed", 45015), "notice-wind": ("failed", 45015)}
        assert bot.rows("o-left") == [] and bot.rows("o-nobody") == []

        # Another worker, a restart: nothing is queued or sent again.
        assert bot.dispatch() == 0
        bot.inbox.maintain()
        assert len(fake_api.sent) == sends and len(fake_api.notified) == 2 and len(fake_api.rejected) == 1

    # A minute later o-all writes: its waiting notices follow by customer-service message, once.
    with clock.moved(at + dt.timedelta(minutes=1) - clock.utcnow()):
        bot.say("o-all", "在吗")
        bot.inbox.maintain()
        assert sorted(bot.pushed("o-all")) == ["【航行通告】和畅洲北汊疏浚施工", "【航行通告】大港港区码头施工",
                                               "【航行通告】焦山水道测量作业", "【航行通告】辖区大风封航预告"]
        bot.inbox.maintain()
        assert len(bot.pushed("o-all")) == 4
        # o-refuser writes: refused notifications are not retried, its waiting ones go by customer-service message.
        bot.say("o-refuser", "收到")
        bot.inbox.maintain()
        assert "【航行通告】焦山水道测量作业" not in bot.pushed("o-refuser")
        assert len(bot.pushed("o-refuser")) == 3

        # WeChat's sent events: one delivered, one the user refused after all.
        for msgid, status in ((7000000001, "success"), (7000000002, "failed:user refuse to accept the msg")):
            bot.event(consent_xml("o-dagang", "subscribe_msg_sent_event", [
                {"TemplateId": TEMPLATE, "MsgID": msgid, "ErrorCode": "0" if status == "success" else "20001",
                 "ErrorStatus": status}], create_time=int(dt.datetime.now().timestamp()) + msgid % 10))
        receipts = {r["msgid"]: (r["status"], r["receipt"]) for r in bot.db.query(
            "select msgid, status, receipt from outbox where channel = 'template' and user_id = 'o-dagang'")}
        assert receipts == {"7000000001": ("sent", "success"),
                            "7000000002": ("failed", "failed:user refuse to accept the msg")}

        # The staff page's figures: per notice, how many got it and how.
        counts = {n["faq_id"]: n["counts"] for n in notices.overview(bot.db, load_knowledge(str(bot.kb)), TEMPLATE)
                  ["notices"]}
        assert counts["notice-jiaoshan"] == {"custom": 2, "refused": 1, "waiting": 1}
        assert counts["notice-sample"] == {}

    # After the notices end, what never reached o-menu is dropped.
    with clock.moved(dt.timedelta(days=20)):
        bot.inbox.maintain()
        assert {status for _, status, _, _ in bot.rows("o-menu")} == {"sent", "expired"}
        assert bot.dispatch() == 0


def test_a_notice_published_already_active_goes_out_at_the_next_run(bot, fake_api):
    bot.say("o-all", "订阅通告")
    assert bot.dispatch() == 1
    text = (bot.kb / "03-notices.yaml").read_text(encoding="utf-8") + f"""\
  - id: notice-fog
    question: 焦山水道大雾管制
    answer: 焦山水道能见度不良，实施单向通航。
    valid_from: {today_local().isoformat()}
    valid_until: {today_local().isoformat()}
"""
    (bot.kb / "03-notices.yaml").write_text(text, encoding="utf-8")
    wait_for(lambda: "notice-fog" in bot.app.extensions["knowledge"].engine().kb.by_id)
    assert bot.dispatch() == 1
    wait_for(lambda: "【航行通告】焦山水道大雾管制" in bot.pushed("o-all"))
    # Subscribing after a notice became active: it is in the reply, not pushed.
    assert "焦山水道大雾管制" in bot.say("o-late", "订阅通告")
    assert bot.dispatch() == 0 and bot.rows("o-late") == []


def test_unsubscribing_stops_the_notices_still_on_their_way(bot, fake_api):
    bot.say("o-user", "订阅通告 焦山")
    bot.say("o-user", "订阅通告 和畅洲")
    with clock.moved(dt.timedelta(days=3)):
        bot.dispatch()
        assert {faq: status for faq, status, _, _ in bot.rows("o-user")} == {
            "notice-jiaoshan": "failed", "notice-wind": "failed", "notice-hechangzhou": "failed"}
    with clock.moved(dt.timedelta(days=3, minutes=1)):
        assert "仍订阅：和畅洲" in bot.say("o-user", "退订通告 焦山")
        bot.inbox.maintain()
        rows = {faq: status for faq, status, _, _ in bot.rows("o-user")}
        # The 焦山 notice is cancelled; the one for the whole jurisdiction still goes (it covers 和畅洲 too).
        assert rows == {"notice-jiaoshan": "cancelled", "notice-wind": "sent", "notice-hechangzhou": "sent"}


DISPATCH = """
import datetime as dt, sys
from bot.store.connection import open_db
from bot.kb.loader import load_knowledge
from bot.service import notices
db = open_db(sys.argv[1], init=False)
print(notices.dispatch(db, load_knowledge(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])))
"""


def test_workers_and_processes_running_the_job_at_once_queue_each_notice_once(bot, fake_api):
    users = [f"o-{i:02d}" for i in range(40)]
    now = clock.utcnow()
    for user in users:
        store.subscribe(bot.db, user, (), now)
    kb = bot.app.extensions["knowledge"].engine().kb
    later = now + dt.timedelta(days=3)
    database = bot.app.config["BOT"].BOT_DATABASE
    root = str(Path(__file__).resolve().parent.parent)
    processes = [subprocess.Popen([sys.executable, "-c", DISPATCH, database, str(bot.kb), later.isoformat()],
                                  cwd=root, stdout=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONPATH": root}) for _ in range(2)]
    results, start = [], threading.Barrier(3)

    def worker():
        db = open_db(database, init=False)
        try:
            start.wait()
            results.append(notices.dispatch(db, kb, later))
        finally:
            db.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for process in processes:
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0
        results.append(int(out.strip().splitlines()[-1]))
    assert len(results) == 5
    assert sum(results) == 40 * 4  # 和畅洲, 焦山, 大港 and the jurisdiction-wide one, each to all 40
    rows = bot.db.execute("select count(*), count(distinct d.notice_key || '/' || d.user_id) from notice_deliveries d "
                          "join outbox o on o.id = d.outbox_id").fetchone()
    assert tuple(rows) == (160, 160)
    assert bot.db.execute("select count(*) from outbox where kind = 'notice'").fetchone()[0] == 160


@sqlite_only  # the trigger is written in SQLite's dialect
def test_a_notice_deleted_while_it_is_dispatched_is_skipped_not_a_crash(bot):
    """The tests empty the tables while a keeper may be dispatching: a notice whose row is gone between its insert and
    its read is left for the next run. A real trigger deletes each notice as it is stored."""
    bot.say("o-all", "订阅通告")
    db = open_db(bot.app.config["BOT"].BOT_DATABASE, init=False)
    try:
        db.execute("create trigger vanish after insert on notices begin "
                   "delete from notices where notice_key = new.notice_key; end")
        kb = bot.app.extensions["knowledge"].engine().kb
        assert notices.dispatch(db, kb, dt.datetime.now(dt.timezone.utc)) == 0
        db.execute("drop trigger vanish")
        assert notices.dispatch(db, kb, dt.datetime.now(dt.timezone.utc)) >= 1
    finally:
        db.close()


def test_a_notification_wechat_fails_to_take_is_retried_and_sent_once(bot, fake_api):
    bot.say("o-tpl", "订阅通告 大港")
    bot.consent("o-tpl", "accept")
    at = clock.utcnow() + dt.timedelta(days=3)
    with clock.moved(at - clock.utcnow()):
        fake_api.notify_errors = [-1]
        assert bot.dispatch() == 2  # 大港 and the jurisdiction-wide notice
        assert sorted(r[1:] for r in bot.rows("o-tpl")) == [("failed", "template", -1), ("sent", "template", None)]
        bot.inbox.maintain()
        assert len(fake_api.notified) == 1  # not yet: the retry waits 30 seconds
    with clock.moved(at + dt.timedelta(minutes=1) - clock.utcnow()):
        bot.inbox.maintain()
        bot.inbox.maintain()
    assert [r[1:] for r in bot.rows("o-tpl")] == [("sent", "template", None)] * 2
    assert sorted(m["data"]["thing1"]["value"] for m in fake_api.notified) == ["大港港区码头施工", "辖区大风封航预告"]


def test_the_bundled_knowledge_offers_the_places_and_a_subscribe_button():
    from bot.kb.loader import bundled_knowledge_dir
    from bot.wechat.menu import build_menu

    kb = load_knowledge(bundled_knowledge_dir())
    assert {"焦山", "大港", "和畅洲"} <= set(notices.known_places(kb))
    leaves = [leaf for b in kb.settings["menu"] for leaf in b.get("items", [b])]
    assert {"name": "订阅通告", "key": "MENU_NOTICE_SUBSCRIBE", "action": "subscribe_notices"} in [
        {k: v for k, v in leaf.items() if k != "line"} for leaf in leaves]
    assert {"type": "click", "name": "订阅通告", "key": "MENU_NOTICE_SUBSCRIBE"} in [
        s for b in build_menu(kb.settings["menu"])["button"] for s in b.get("sub_button", [b])]
    jiaoshan = next(f for f in kb.faqs if f.dated and "焦山" in f.question)
    assert notices.places_of(jiaoshan, notices.known_places(kb)) == ("焦山",)


def test_a_menu_button_with_an_unknown_action_is_refused(tmp_path):
    from bot.errors import KnowledgeError

    shutil.copytree(KB_DIR, tmp_path / "kb")
    settings = tmp_path / "kb" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "    faq: notice-where\n", "    action: subscribe_everything\n"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="subscribe_everything"):
        load_knowledge(str(tmp_path / "kb"))
