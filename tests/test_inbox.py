"""The inbox's guarantees inside one process: leases, failures, busy threads, floods, unsubscribe races, upkeep."""
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from webhook_support import make_app, text_xml, event_xml, wait_for

from bot.service import conversation
from bot.cli import main
from bot.config import Config
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.matching import Engine
from bot.wechat.inbox import BUSY, MAX_ATTEMPTS, REPLY_THREADS, Inbox
from bot.kb.loader import load_knowledge
from bot.store.backup import BackupError, backup
from bot.store.retention import REDACTED, purge_old_text
from bot.wechat.message_xml import parse_message
from webhook_support import KB_DIR
from db_support import database_for, sqlite_only

QUESTION = "海船船员适任证书到期了怎么再有效"


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(KB_DIR))



def inbox_for(tmp_path, engine, api_url="http://127.0.0.1:9", **settings) -> Inbox:
    """An inbox on the test's database (created and migrated), as one worker process holds it."""
    database = database_for(tmp_path)
    open_db(database).close()
    values = {"BOT_DATABASE": database, "WECHAT_APP_ID": "wxapp", "WECHAT_APP_SECRET": "secret",
              "WECHAT_API_BASE_URL": api_url, "API_TIMEOUT_SECONDS": 2.0}
    values.update(settings)
    return Inbox(Config(**values), lambda: engine)


def message(user: str, text: str, msg_id: str) -> object:
    return parse_message(text_xml(user, text, msg_id=msg_id))


def rows(inbox: Inbox, sql: str, params=()) -> list:
    db = open_db(inbox.config.BOT_DATABASE, init=False)
    try:
        return [dict(r) for r in db.query(sql, params)]
    finally:
        db.close()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# ---- leases ------------------------------------------------------------------------------------------------

def test_a_slow_but_living_owner_keeps_its_claim(tmp_path, engine):
    slow = inbox_for(tmp_path, engine, REPLY_DELAY_SECONDS=4.5, REPLY_DEADLINE_SECONDS=0.5)
    other = inbox_for(tmp_path, engine, REPLY_DEADLINE_SECONDS=4.5)
    push = message("o-slow", QUESTION, "80001")
    assert slow.receive(push) == ""  # too slow for the deadline: the reply will go by the outbox
    assert other.receive(push) == ""  # a re-delivery to another worker waits, and does not answer it again
    wait_for(lambda: rows(slow, "select status from dedupe")[0]["status"] != "processing", timeout=10)
    [row] = rows(slow, "select status, attempts, owner from dedupe")
    assert (row["status"], row["attempts"], row["owner"]) == ("late", 1, slow.owner)
    assert len(rows(slow, "select * from messages where msg_id = '80001'")) == 1
    assert len(rows(slow, "select * from outbox where user_id = 'o-slow'")) == 1


def test_a_claim_left_by_a_dead_process_is_answered_when_the_app_starts(tmp_path, fake_api):
    database = database_for(tmp_path)
    db = open_db(database)
    push = message("o-orphan", QUESTION, "80002")
    db.execute("insert into dedupe (key, created_at, status, user_id, payload, owner, lease_until, attempts) "
               "values (?, ?, 'processing', ?, ?, ?, ?, 1)",
               [push.dedupe_key, iso(), "o-orphan", __import__("bot.wechat.inbox", fromlist=["_payload"])._payload(push),
                f"{os.uname().nodename}:{dead_pid()}:dead", iso(utcnow() + dt.timedelta(seconds=60))])
    db.conn.commit()
    make_app(tmp_path, WECHAT_APP_SECRET="secret", WECHAT_API_BASE_URL=fake_api.url)
    wait_for(lambda: fake_api.sent, timeout=10)
    assert "再有效" in fake_api.contents()[0]
    assert db.execute("select status, attempts from dedupe").fetchone() == ("late", 2)


def test_a_message_that_keeps_killing_its_worker_is_handed_to_a_person(tmp_path, engine):
    inbox = inbox_for(tmp_path, engine)
    push = message("o-poison", QUESTION, "80003")
    db = inbox.db()
    from bot.wechat.inbox import _payload
    db.execute("insert into dedupe (key, created_at, status, user_id, payload, owner, lease_until, attempts) "
               "values (?, ?, 'processing', ?, ?, 'elsewhere:1:x', ?, ?)",
               [push.dedupe_key, iso(), "o-poison", _payload(push), iso(utcnow() - dt.timedelta(seconds=1)),
                MAX_ATTEMPTS])
    db.conn.commit()
    assert inbox.receive(push) == conversation.APOLOGY_HANDED_OVER  # WeChat's re-delivery takes it over
    [handoff] = rows(inbox, "select user_id, priority, reason, state from handoffs")
    assert handoff == {"user_id": "o-poison", "priority": "high", "reason": "error", "state": "pending"}
    assert rows(inbox, "select action from messages") == [{"action": "error"}]


# ---- failures inside answering ------------------------------------------------------------------------------

def fail_writes(inbox: Inbox, when: str) -> None:
    """A real failure inside answering: the log table refuses rows (a full disk, a corrupt page …)."""
    db = inbox.db()
    if getattr(db, "is_postgres", False):
        db.execute("create function refuse() returns trigger language plpgsql as $$ begin "
                   "raise exception 'database or disk is full'; end $$")
        db.execute(f"create trigger refuse before insert on messages for each row when ({when}) "
                   "execute function refuse()")
    else:
        db.execute(f"create trigger refuse before insert on messages when {when} "
                   "begin select raise(abort, 'database or disk is full'); end")
    db.conn.commit()


def test_a_failure_while_answering_apologises_and_opens_a_handoff(tmp_path, engine):
    inbox = inbox_for(tmp_path, engine)
    fail_writes(inbox, "new.action != 'error'")
    reply = inbox.receive(message("o-fail", QUESTION, "80004"))
    assert reply == conversation.APOLOGY_HANDED_OVER and "12395" in reply
    [handoff] = rows(inbox, "select user_id, question, priority, reason from handoffs")
    assert handoff == {"user_id": "o-fail", "question": QUESTION, "priority": "high", "reason": "error"}
    assert rows(inbox, "select status, reply from dedupe") == [{"status": "done", "reply": reply}]
    # WeChat's re-delivery gets the same apology, and nothing is done twice.
    assert inbox.receive(message("o-fail", QUESTION, "80004")) == reply
    assert len(rows(inbox, "select * from handoffs")) == 1


def test_when_even_the_handoff_cannot_be_stored_the_apology_promises_nothing(tmp_path, engine):
    inbox = inbox_for(tmp_path, engine)
    fail_writes(inbox, "true")
    reply = inbox.receive(message("o-fail", QUESTION, "80005"))
    assert reply == conversation.APOLOGY and "人工" not in reply and "12395" in reply
    assert rows(inbox, "select * from handoffs") == []
    assert rows(inbox, "select status from dedupe") == [{"status": "failed"}]


# ---- bounded work --------------------------------------------------------------------------------------------

def test_when_every_reply_thread_is_busy_a_new_message_hears_so_at_once(tmp_path, engine, fake_api):
    inbox = inbox_for(tmp_path, engine, fake_api.url, REPLY_DELAY_SECONDS=1.0, REPLY_DEADLINE_SECONDS=4.5)
    replies = {}

    def send(n):
        replies[n] = inbox.receive(message(f"o-busy-{n}", QUESTION, f"8100{n}"))

    threads = [threading.Thread(target=send, args=(n,)) for n in range(REPLY_THREADS)]
    for t in threads:
        t.start()
    wait_for(lambda: len(rows(inbox, "select * from dedupe")) == REPLY_THREADS)
    assert inbox.receive(message("o-busy-x", QUESTION, "81999")) == BUSY
    for t in threads:
        t.join()
    assert all("再有效" in replies[n] for n in range(REPLY_THREADS))
    wait_for(lambda: fake_api.sent, timeout=10)
    assert [m["touser"] for m in fake_api.sent] == ["o-busy-x"] and "再有效" in fake_api.contents()[0]


def test_a_flood_is_logged_without_the_engine_and_told_once(tmp_path, engine):
    db = open_db(database_for(tmp_path))
    now = utcnow()
    replies = [conversation.respond(db, engine, "o-flood", QUESTION, now + dt.timedelta(seconds=n))
               for n in range(conversation.FLOOD_LIMIT + 5)]
    assert all(r.action == "answer" for r in replies[:conversation.FLOOD_LIMIT])
    limited = replies[conversation.FLOOD_LIMIT:]
    assert [r.action for r in limited] == ["rate_limited"] * 5
    assert [r.reply for r in limited] == [conversation.SLOW_DOWN, "", "", "", ""]
    assert all(r.decision is None for r in limited)  # the engine was not asked
    logged = list(db.query("select action, score, text from messages where action = 'rate_limited'"))
    assert len(logged) == 5 and all(r["score"] is None and r["text"] == QUESTION for r in logged)
    later = conversation.respond(db, engine, "o-flood", QUESTION, now + dt.timedelta(minutes=5))
    assert later.action == "answer"
    other = conversation.respond(db, engine, "o-calm", QUESTION, now + dt.timedelta(seconds=30))
    assert other.action == "answer"


# ---- unsubscribe --------------------------------------------------------------------------------------------

def test_a_message_still_being_answered_cannot_bring_back_a_user_who_left(tmp_path, engine):
    slow = inbox_for(tmp_path, engine, REPLY_DELAY_SECONDS=1.0)
    quick = inbox_for(tmp_path, engine)
    sent_at = int(time.time())
    answer = {}
    thread = threading.Thread(target=lambda: answer.update(reply=slow.receive(message("o-leaving", "人工", "82001"))))
    thread.start()
    wait_for(lambda: rows(quick, "select * from dedupe"))
    assert quick.receive(parse_message(event_xml("o-leaving", "unsubscribe", create_time=sent_at + 1))) == ""
    thread.join()
    assert answer["reply"] == ""
    for table in ("messages", "handoffs", "users", "user_state", "outbox"):
        assert rows(quick, f"select * from {table}") == [], table
    # WeChat re-delivering an earlier message after the unsubscribe stores nothing either.
    late = parse_message(text_xml("o-leaving", QUESTION, msg_id="82002").replace(
        f"<CreateTime>{int(time.time())}", f"<CreateTime>{sent_at}"))
    assert quick.receive(late) == ""
    assert rows(quick, "select * from messages") == []
    # Subscribing again starts afresh.
    assert "欢迎" in quick.receive(parse_message(event_xml("o-leaving", "subscribe", create_time=sent_at + 60))) or \
        rows(quick, "select action from messages") == [{"action": "welcome"}]
    assert rows(quick, "select action from messages") == [{"action": "welcome"}]
    assert rows(quick, "select user_id from departed_users") == []


# ---- retention and backup ------------------------------------------------------------------------------------

def test_retention_clears_old_words_and_keeps_the_counts(tmp_path, engine):
    db = open_db(database_for(tmp_path))
    old, recent = utcnow() - dt.timedelta(days=200), utcnow() - dt.timedelta(days=10)
    conversation.respond(db, engine, "o-old", QUESTION, old)
    conversation.respond(db, engine, "o-old", "人工", old + dt.timedelta(minutes=1))
    db.execute("update handoffs set state = 'resolved', resolved_at = ?", [iso(old + dt.timedelta(hours=1))])
    db.conn.commit()
    conversation.respond(db, engine, "o-new", QUESTION, recent)
    assert purge_old_text(db, 180) == 2
    messages = list(db.query("select user_id, action, text, reply, faq_id from messages order by id"))
    assert [(m["user_id"], m["action"]) for m in messages] == [("o-old", "answer"), ("o-old", "handoff"),
                                                               ("o-new", "answer")]
    assert [m["text"] for m in messages] == [None, None, QUESTION]
    assert messages[0]["reply"] is None and messages[0]["faq_id"] == "cert-renew"
    [handoff] = db.query("select question, transcript from handoffs")
    assert handoff == {"question": REDACTED, "transcript": "[]"}
    assert purge_old_text(db, 180) == 0
    assert purge_old_text(db, 0) == 0


@sqlite_only
def test_backup_is_a_consistent_copy_taken_while_writing(tmp_path, engine):
    source = database_for(tmp_path)
    db = open_db(source)
    stop = threading.Event()

    def write():
        writer = open_db(source, init=False)
        n = 0
        while not stop.is_set():
            conversation.respond(writer, engine, f"o-{n % 50}", QUESTION)
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    wait_for(lambda: db["messages"].count > 20)
    copy = database_for(tmp_path, "copy.db")
    size = backup(source, copy)
    stop.set()
    thread.join()
    conn = sqlite3.connect(copy)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from messages").fetchone()[0] > 20
    assert size == os.path.getsize(copy)
    with pytest.raises(BackupError, match="已存在"):
        backup(source, copy)
    with pytest.raises(BackupError, match="不存在"):
        backup(database_for(tmp_path, "none.db"), database_for(tmp_path, "x.db"))


@sqlite_only
def test_cli_db_backup(tmp_path):
    source = database_for(tmp_path)
    open_db(source).close()
    r = CliRunner().invoke(main, ["db", "backup", database_for(tmp_path, "b.db"), "--db", source])
    assert r.exit_code == 0 and "已备份到" in r.output
    r = CliRunner().invoke(main, ["db", "backup", database_for(tmp_path, "b.db"), "--db", source])
    assert r.exit_code == 1 and "已存在" in r.output


def test_retention_clears_old_unsent_replies_that_will_never_go_but_not_waiting_ones(tmp_path):
    db = open_db(database_for(tmp_path))
    old = iso(utcnow() - dt.timedelta(days=200))
    for status, next_attempt in (("sent", None), ("cancelled", None), ("expired", None), ("failed", None),
                                 ("failed", old), ("pending", old)):
        db["outbox"].insert({"user_id": "o", "text": f"{status} words", "kind": "staff_reply", "status": status,
                             "created_at": old, "next_attempt_at": next_attempt})
    purge_old_text(db, 180)
    texts = [r["text"] for r in db.query("select text from outbox order by id")]
    assert texts == [REDACTED] * 4 + ["failed words", "pending words"]
