"""The conversation logic without the web layer: state, numbers, 更多, follow-ups, handoffs, deletion, the log."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from webhook_support import KB_DIR, number_of

from bot.cli import main
from bot.service.conversation import STATE_TTL, handle, respond, terminal_message
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.matching import Engine
from bot.kb.loader import load_knowledge
from bot.wechat.message_xml import MAX_REPLY_BYTES, MORE_HINT, Inbound, cut_reply, split_for_sending, utf8_len
from db_support import database_for


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(KB_DIR))


@pytest.fixture
def db(tmp_path):
    conn = open_db(database_for(tmp_path))
    yield conn
    conn.close()


def log(db, user="u1"):
    return list(db.query("select * from messages where user_id = ? order by id", [user]))


def handoffs(db):
    return list(db.query("select * from handoffs order by id"))


# ---- clarify, numbers, follow-ups --------------------------------------------------------------------------

def test_clarify_then_number_picks_that_faq(db, engine):
    reply = handle(db, engine, "u1", "船员证书")
    assert reply.startswith("您是想问")
    for question, faq_id in (("船员证书丢失了怎么补办", "cert-lost"), ("海船船员适任证书到期了怎么再有效", "cert-renew")):
        handle(db, engine, "u1", "船员证书")
        out = respond(db, engine, "u1", number_of(reply, question))
        assert (out.action, out.faq_id) == ("answer", faq_id)


@pytest.mark.parametrize("typed", ["２", "第2个", "二", " 2 "])
def test_number_variants(db, engine, typed):
    reply = handle(db, engine, "u1", "船员证书")
    wanted = reply.splitlines()[2].partition(". ")[2]
    assert respond(db, engine, "u1", typed).reply != ""
    assert engine.kb.by_id[log(db)[-1]["faq_id"]].question == wanted


def test_number_out_of_range_keeps_the_options(db, engine):
    reply = handle(db, engine, "u1", "船员证书")
    out = respond(db, engine, "u1", "7")
    assert out.action == "no_option" and "1 到 2" in out.reply
    assert respond(db, engine, "u1", number_of(reply, "船员证书丢失了怎么补办")).faq_id == "cert-lost"


def test_number_without_options_does_not_hand_off(db, engine):
    out = respond(db, engine, "u1", "1")
    assert out.action == "no_option" and "失效" in out.reply
    assert handoffs(db) == []


def test_state_expires_after_ten_idle_minutes(db, engine):
    start = utcnow()
    handle(db, engine, "u1", "船员证书", now=start)
    late = start + STATE_TTL + dt.timedelta(seconds=1)
    assert respond(db, engine, "u1", "1", now=late).action == "no_option"
    handle(db, engine, "u1", "船员证书", now=late)
    assert respond(db, engine, "u1", "1", now=late + STATE_TTL - dt.timedelta(seconds=1)).action == "answer"


def test_state_is_per_user(db, engine):
    handle(db, engine, "u1", "船员证书")
    assert respond(db, engine, "u2", "1").action == "no_option"


def test_answer_offers_related_as_numbered_follow_ups(db, engine):
    out = respond(db, engine, "u1", "海船船员适任证书到期了怎么再有效")
    assert out.options == ["cert-lost", "cert-exam"]
    assert "1. 船员证书丢失了怎么补办" in out.reply and "2. 船员适任考试怎么报名" in out.reply
    follow = respond(db, engine, "u1", "2")
    assert (follow.action, follow.faq_id) == ("answer", "cert-exam")


def test_follow_up_of_a_follow_up(db, engine):
    handle(db, engine, "u1", "海船船员适任证书到期了怎么再有效")
    assert respond(db, engine, "u1", "1").faq_id == "cert-lost"
    assert respond(db, engine, "u1", "1").faq_id == "cert-renew"


# ---- long answers --------------------------------------------------------------------------------------------

def test_more_continues_a_long_answer(db, engine):
    full, _ = engine.render_answer(engine.kb.by_id["ship-register"], dt.date.today())
    first = respond(db, engine, "u1", "船舶所有权登记需要什么材料")
    assert utf8_len(first.reply) <= MAX_REPLY_BYTES and first.reply.endswith(MORE_HINT)
    second = respond(db, engine, "u1", "更多")
    assert second.action == "more" and second.faq_id == "ship-register"
    assert second.reply.endswith("\n\n以上回答有帮助吗？回复“有用”或“没用”。")  # the feedback prompt ends the last part
    joined = first.reply[: -len(MORE_HINT)] + second.reply.rpartition("\n\n")[0]
    assert joined.replace("\n", "") == full.replace("\n", "")
    assert respond(db, engine, "u1", "1").faq_id == "ship-nationality"


def test_more_without_anything_left(db, engine):
    assert respond(db, engine, "u1", "更多").action == "no_option"


def test_cut_reply_limits_and_sentence_boundaries():
    text = "".join(f"第{i}句话说明一件事情。" for i in range(400))
    parts, rest = [], text
    while rest:
        head, rest = cut_reply(rest)
        parts.append(head)
    assert len(parts) > 2
    for head in parts[:-1]:
        assert utf8_len(head) <= MAX_REPLY_BYTES
        assert head.endswith("。" + MORE_HINT)
    assert "".join(p.replace(MORE_HINT, "") for p in parts) == text


def test_cut_reply_without_sentence_end_and_with_four_byte_characters():
    text = "🚢" * 1000
    head, rest = cut_reply(text)
    assert utf8_len(head) <= MAX_REPLY_BYTES
    assert head.replace(MORE_HINT, "") + rest == text


def test_short_reply_is_not_cut():
    assert cut_reply("短回复。") == ("短回复。", "")


def test_split_for_sending():
    text = "海事。" * 1500
    parts = split_for_sending(text)
    assert all(utf8_len(p) <= MAX_REPLY_BYTES for p in parts) and "".join(parts) == text


# ---- handoffs ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["人工", "转人工", "找客服"])
def test_asking_for_a_person_opens_a_handoff(db, engine, words):
    handle(db, engine, "u1", "船员证书丢失了怎么补办")
    out = respond(db, engine, "u1", words)
    assert out.action == "handoff"
    assert "工作日 9:00-17:00" in out.reply
    [h] = handoffs(db)
    assert (h["user_id"], h["state"], h["priority"], h["reason"]) == ("u1", "pending", "normal", "asked_for_person")
    assert h["question"].startswith("船员证书丢失了怎么补办")
    transcript = json.loads(h["transcript"])
    assert [e["who"] for e in transcript] == ["user", "bot", "user", "bot"]
    assert transcript[0]["text"] == "船员证书丢失了怎么补办" and transcript[2]["text"] == words
    assert log(db)[-1]["handoff_id"] == h["id"]


def test_no_match_opens_a_handoff_with_the_question(db, engine):
    out = respond(db, engine, "u1", "今天江面风大不大")
    assert out.action == "handoff"
    [h] = handoffs(db)
    assert (h["question"], h["reason"]) == ("今天江面风大不大", "no_match")


@pytest.mark.parametrize("text,priority", [("我要投诉你们窗口", "high"), ("我要举报有船偷排", "high"),
                                           ("救命 有人落水了", "urgent")])
def test_handoff_priority(db, engine, text, priority):
    out = respond(db, engine, "u1", text)
    [h] = handoffs(db)
    assert h["priority"] == priority
    if priority == "urgent":
        assert out.action == "emergency"
        assert out.reply.startswith(engine.settings["emergency_text"].strip())


def test_one_open_handoff_per_user_and_later_messages_join(db, engine):
    handle(db, engine, "u1", "人工")
    [h] = handoffs(db)
    answer = respond(db, engine, "u1", "船员证书丢失了怎么补办")
    assert answer.action == "answer" and "补发" in answer.reply  # the bot still answers what it can
    again = respond(db, engine, "u1", "转人工")
    assert "已补充给人工客服" in again.reply
    assert len(handoffs(db)) == 1
    assert [m["handoff_id"] for m in log(db)] == [h["id"]] * 3
    joined = handoffs(db)[0]
    assert len(json.loads(joined["transcript"])) == 6
    assert joined["last_user_message_at"] >= h["last_user_message_at"]


def test_distress_escalates_an_open_handoff(db, engine):
    handle(db, engine, "u1", "人工")
    out = respond(db, engine, "u1", "船进水了 救命")
    assert out.action == "emergency"
    [h] = handoffs(db)
    assert h["priority"] == "urgent"


def test_resolved_handoff_lets_a_new_one_open(db, engine):
    handle(db, engine, "u1", "人工")
    db.execute("update handoffs set state = 'resolved'")
    handle(db, engine, "u1", "人工")
    assert [h["state"] for h in handoffs(db)] == ["resolved", "pending"]


def test_handoffs_are_per_user(db, engine):
    handle(db, engine, "u1", "人工")
    handle(db, engine, "u2", "人工")
    assert sorted(h["user_id"] for h in handoffs(db)) == ["u1", "u2"]


# ---- unsubscribe -----------------------------------------------------------------------------------------

def test_unsubscribe_deletes_the_users_data_only(db, engine):
    handle(db, engine, "u1", "船员证书")
    handle(db, engine, "u1", "人工")
    db["handoff_notes"].insert({"handoff_id": handoffs(db)[0]["id"], "author": "staff", "text": "note",
                                 "created_at": iso()})
    db["outbox"].insert({"user_id": "u1", "text": "t", "kind": "staff_reply", "status": "pending", "created_at": iso()})
    handle(db, engine, "u2", "船员证书")
    assert handle(db, engine, "u1", Inbound(from_user="u1", msg_type="event", event="unsubscribe")) == ""
    for table in ("messages", "user_state", "users", "handoffs", "outbox"):
        assert list(db.query(f"select * from {table} where user_id = 'u1'")) == [], table
    assert db["handoff_notes"].count == 0
    assert len(log(db, "u2")) == 1 and db["users"].get("u2")


# ---- the log ---------------------------------------------------------------------------------------------

def test_every_message_logged_with_outcome(db, engine):
    before = utcnow()
    handle(db, engine, "u1", "船员证书丢失了怎么补办！")
    [row] = log(db)
    assert row["created_at"].endswith("+00:00") and row["created_at"] >= before.isoformat(timespec="seconds")
    assert (row["user_id"], row["msg_type"], row["text"]) == ("u1", "text", "船员证书丢失了怎么补办！")
    assert row["normalized"] == "船员证书丢失了怎么补办"
    assert (row["action"], row["faq_id"]) == ("answer", "cert-lost")
    candidates = json.loads(row["candidates"])
    assert candidates[0] == {"faq_id": "cert-lost", "score": row["score"]} and row["score"] > 0
    assert row["latency_ms"] >= 0 and "补发" in row["reply"]


def test_log_keeps_chinese_readable(db, engine):
    handle(db, engine, "u1", "船员证书")
    raw = db.execute("select candidates from messages").fetchone()[0]
    assert "\\u" not in raw


def test_users_last_message_at_updated(db, engine):
    t1 = utcnow() - dt.timedelta(hours=1)
    handle(db, engine, "u1", "你好", now=t1)
    handle(db, engine, "u1", "谢谢")
    user = db["users"].get("u1")
    assert user["first_seen"] < user["last_message_at"]


def test_non_user_events_do_not_open_the_window(db, engine):
    handle(db, engine, "u1", Inbound(from_user="u1", msg_type="event", event="templatesendjobfinish"))
    assert db["users"].count == 0
    assert log(db)[0]["action"] == "event"


# ---- terminal chat -------------------------------------------------------------------------------------------

def test_terminal_message_commands():
    assert terminal_message("me", "/click MENU_CREW").event_key == "MENU_CREW"
    assert terminal_message("me", "/subscribe").event == "subscribe"
    assert terminal_message("me", "船员证书\n").content == "船员证书"


def test_chat_command_uses_the_same_conversation_and_database(tmp_path):
    path = database_for(tmp_path, "chat.db")
    result = CliRunner().invoke(main, ["chat", "--kb", KB_DIR, "--db", path],
                                input="船员证书\n1\n/click MENU_RENEW\n人工\n")
    assert result.exit_code == 0, result.output
    assert "您是想问" in result.output and "再有效" in result.output and "工作日 9:00-17:00" in result.output
    db = open_db(path)
    assert [r["action"] for r in log(db, "local-user")] == ["clarify", "answer", "menu", "handoff"]
    assert db["handoffs"].count == 1


def test_chat_debug_shows_decision_and_candidates(tmp_path):
    result = CliRunner().invoke(main, ["chat", "--kb", KB_DIR, "--db", database_for(tmp_path, "c.db"), "--debug",
                                       "--user", "tester"], input="船员证书\n")
    assert result.exit_code == 0, result.output
    assert "[clarify]" in result.output and "close_call" in result.output and "cert-lost" in result.output


def test_chat_shows_replies_exactly_as_wechat(tmp_path):
    result = CliRunner().invoke(main, ["chat", "--kb", KB_DIR, "--db", database_for(tmp_path, "c.db")],
                                input="船舶所有权登记需要什么材料\n")
    first = result.output.split(MORE_HINT.strip())[0]
    assert MORE_HINT.strip() in result.output and utf8_len(first) <= MAX_REPLY_BYTES


@pytest.mark.parametrize("text", ["？", "。。。", "👍", "[微笑]", "!!", "？？？。", "🙏🙏"])
def test_only_punctuation_or_emoji_gets_a_prompt_not_a_handoff(db, engine, text):
    out = respond(db, engine, "u1", text)
    assert (out.action, out.decision.reason) == ("smalltalk", "empty")
    assert "直接输入" in out.reply and "人工" in out.reply
    assert handoffs(db) == []
