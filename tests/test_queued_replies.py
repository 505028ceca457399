"""Replies that have not gone out yet: cancelled by staff, cancelled or kept when the handoff is resolved, expired
after QUEUED_REPLY_EXPIRY_HOURS; and the schema change (migration 4) that makes room for these statuses.

The app runs on a real SQLite file and talks to the stand-in WeChat API; "the user writes again" goes through the
real conversation code, and the Sender's retry_due is what would send a held reply.
"""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from admin_support import (  # noqa: F401
    add_handoff, add_reply, ago, api_app, db, post, staff_client,
)
from bot.service import conversation, handoffs
from bot.config import Config
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.wechat.outbox import Sender
from bot.store import migrations
from db_support import database_for, sqlite_only


@pytest.fixture
def app(api_app):
    """The app talking to the stand-in API (staff_client and db follow it)."""
    return api_app


def sender_of(app, db) -> Sender:
    return Sender(db, app.config["BOT"])


def user_writes(app, db, user_id: str, text: str = "在吗？还有人吗"):
    """The user sends a message: the real conversation code logs it and reopens WeChat's 48-hour window."""
    return conversation.respond(db, app.extensions["knowledge"].engine(), user_id, text)


def held_reply(app, db, staff_client, text="迟到的回复", asked_hours=49) -> tuple:
    """A handoff whose user last wrote ``asked_hours`` ago and a staff reply held by the closed window."""
    h = add_handoff(db, "oUser", "两天前的问题", asked=ago(hours=asked_hours))
    post(staff_client, f"/admin/handoffs/{h}/reply", text=text)
    row, = handoffs.replies(db, h)
    assert (row["status"], row["errcode"]) == ("failed", 45015)
    return h, row["id"]


# ---- cancelling one reply -------------------------------------------------------------------------------

def test_staff_cancel_a_held_reply_and_it_is_never_sent(app, staff_client, db, fake_api):
    h, outbox_id = held_reply(app, db, staff_client)
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert f'action="/admin/handoffs/{h}/cancel/{outbox_id}"' in page and "取消发送" in page
    assert "用户超过48小时未发消息" in page  # 45015 with the window closed: it waits for the user

    r = post(staff_client, f"/admin/handoffs/{h}/cancel/{outbox_id}", follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "已取消这条回复" in page
    row = db["outbox"].get(outbox_id)
    assert (row["status"], row["cancelled_by"]) == ("cancelled", "zhangsan") and row["cancelled_at"]
    assert "已取消（zhangsan " in page and "取消发送" not in page and "重新发送" not in page

    user_writes(app, db, "oUser")
    assert sender_of(app, db).retry_due() == 0
    assert fake_api.sent == []
    r = post(staff_client, f"/admin/handoffs/{h}/retry/{outbox_id}", follow_redirects=True)
    assert "已取消或已过期，不会再发送" in r.get_data(as_text=True) and fake_api.sent == []


def test_a_sent_reply_cannot_be_cancelled_and_another_handoffs_reply_is_404(app, staff_client, db, fake_api):
    h = add_handoff(db, "oUser", "问题")
    post(staff_client, f"/admin/handoffs/{h}/reply", text="已发出的回复")
    row, = handoffs.replies(db, h)
    r = post(staff_client, f"/admin/handoffs/{h}/cancel/{row['id']}", follow_redirects=True)
    assert "这条回复已经发出，无法取消" in r.get_data(as_text=True)
    assert db["outbox"].get(row["id"])["status"] == "sent"
    other = add_handoff(db, "oOther", "别的问题")
    failed = add_reply(db, other, "oOther", "失败的回复", status="failed")
    assert post(staff_client, f"/admin/handoffs/{h}/cancel/{failed}").status_code == 404
    assert db["outbox"].get(failed)["status"] == "failed"


def test_cancelling_twice_is_harmless(db):
    h = add_handoff(db, "oUser", "问题")
    outbox_id = add_reply(db, h, "oUser", "排队中的回复", status="pending")
    assert handoffs.cancel_reply(db, h, outbox_id, "zhangsan")["status"] == "cancelled"
    row = handoffs.cancel_reply(db, h, outbox_id, "lisi")
    assert (row["status"], row["cancelled_by"]) == ("cancelled", "zhangsan")


# ---- resolving with unsent replies ------------------------------------------------------------------------

def test_resolving_asks_what_to_do_with_unsent_replies(app, staff_client, db, fake_api):
    h, outbox_id = held_reply(app, db, staff_client)
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "还有 <strong>1</strong> 条回复没有发出" in page
    assert 'name="unsent" value="cancel" required' in page and 'name="unsent" value="keep"' in page
    assert "24小时内未发出则作废" in page

    r = post(staff_client, f"/admin/handoffs/{h}/resolve")  # no choice made (an old page, a script)
    assert r.status_code == 409
    assert "还有 1 条回复没有发出：请选择取消这些回复，还是继续发送" in r.get_data(as_text=True)
    assert db["handoffs"].get(h)["state"] == "claimed" and db["outbox"].get(outbox_id)["status"] == "failed"

    r = post(staff_client, f"/admin/handoffs/{h}/resolve", unsent="cancel")
    assert r.status_code == 302
    assert db["handoffs"].get(h)["state"] == "resolved"
    row = db["outbox"].get(outbox_id)
    assert (row["status"], row["cancelled_by"]) == ("cancelled", "zhangsan")
    assert [n["text"] for n in handoffs.notes(db, h)] == ["标记为已解决，取消了 1 条未发出的回复"]

    # Days later the user writes again: the stale reply stays unsent (issue 12, item 3).
    user_writes(app, db, "oUser")
    assert sender_of(app, db).retry_due() == 0 and fake_api.sent == []


def test_resolving_and_keeping_the_replies_sends_them_when_the_user_writes(app, staff_client, db, fake_api):
    h, outbox_id = held_reply(app, db, staff_client, text="请带上证书原件")
    r = post(staff_client, f"/admin/handoffs/{h}/resolve", unsent="keep", follow_redirects=True)
    assert "1 条未发出的回复会继续发送" in r.get_data(as_text=True)
    assert db["handoffs"].get(h)["state"] == "resolved" and db["outbox"].get(outbox_id)["status"] == "failed"
    db.execute("update outbox set last_attempt_at = ? where id = ?", [ago(minutes=1), outbox_id])
    user_writes(app, db, "oUser")
    assert sender_of(app, db).retry_due() == 1
    assert fake_api.contents() == ["请带上证书原件"]


def test_resolve_in_the_library_checks_and_applies_the_choice_in_one_transaction(db):
    h = add_handoff(db, "oUser", "问题")
    sent = add_reply(db, h, "oUser", "已发出", status="sent")
    waiting = [add_reply(db, h, "oUser", f"未发出{n}", status=s) for n, s in enumerate(("pending", "failed"))]
    with pytest.raises(handoffs.UnsentReplies) as refused:
        handoffs.resolve(db, h, "zhangsan", note="电话已联系")
    assert refused.value.count == 2
    assert handoffs.notes(db, h) == [] and db["handoffs"].get(h)["state"] == "pending"  # nothing half done
    with pytest.raises(handoffs.HandoffError, match="未知的选择"):
        handoffs.resolve(db, h, "zhangsan", unsent="later")
    handoffs.resolve(db, h, "zhangsan", note="电话已联系", unsent="cancel")
    assert [db["outbox"].get(i)["status"] for i in [sent, *waiting]] == ["sent", "cancelled", "cancelled"]
    assert [n["text"] for n in handoffs.notes(db, h)] == ["标记为已解决：电话已联系",
                                                          "标记为已解决，取消了 2 条未发出的回复"]
    plain = add_handoff(db, "oPlain", "问题")
    assert handoffs.resolve(db, plain, "zhangsan").state == "resolved"  # nothing unsent: nothing to ask


def test_an_urgent_handoff_is_resolved_with_its_note_and_the_choice(app, staff_client, db):
    h = add_handoff(db, "oSos", "有人落水了", priority="urgent", asked=ago(hours=49))
    outbox_id = add_reply(db, h, "oSos", "搜救船已出发", status="failed")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    form = page[page.index('id="resolve"'):page.index("</form>", page.index('id="resolve"'))]
    assert 'name="note"' in form and 'name="unsent" value="cancel"' in form
    r = post(staff_client, f"/admin/handoffs/{h}/resolve", note="人员已获救", unsent="cancel")
    assert r.status_code == 302 and db["outbox"].get(outbox_id)["status"] == "cancelled"


# ---- expiry ---------------------------------------------------------------------------------------------

def test_a_held_reply_expires_and_is_never_sent(app, staff_client, db, fake_api):
    h, outbox_id = held_reply(app, db, staff_client)
    db.execute("update outbox set created_at = ? where id = ?", [ago(hours=25), outbox_id])
    user_writes(app, db, "oUser")
    assert sender_of(app, db).retry_due() == 0
    row = db["outbox"].get(outbox_id)
    assert row["status"] == "expired" and row["cancelled_at"] and row["cancelled_by"] is None
    assert fake_api.sent == []
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "已过期（24小时内未能发出，不再发送）" in page and "取消发送" not in page
    assert "条回复没有发出" not in page  # nothing left to decide on resolve
    assert sender_of(app, db).send(outbox_id)["status"] == "expired" and fake_api.sent == []


@pytest.mark.parametrize("hours, age, status", [
    (24, dt.timedelta(hours=23, minutes=59), "sent"),
    (24, dt.timedelta(hours=24, seconds=1), "expired"),
    (0.5, dt.timedelta(minutes=31), "expired"),
    (0, dt.timedelta(days=30), "sent"),  # 0: never expires
])
def test_expiry_follows_the_setting(tmp_path, fake_api, hours, age, status):
    db = open_db(database_for(tmp_path))
    db["users"].insert({"user_id": "u1", "first_seen": iso(), "last_message_at": iso()})
    sender = Sender(db, Config(WECHAT_APP_ID="wx", WECHAT_APP_SECRET="s", WECHAT_API_BASE_URL=fake_api.url,
                               QUEUED_REPLY_EXPIRY_HOURS=hours, BOT_DATABASE=":memory:"))
    outbox_id = sender.queue("u1", "排队的消息")
    db.execute("update outbox set created_at = ? where id = ?", [iso(utcnow() - age), outbox_id])
    assert sender.send(outbox_id)["status"] == status
    assert len(fake_api.sent) == (status == "sent")


def test_retry_due_expires_old_queued_messages_of_every_kind_but_not_one_being_sent(tmp_path, fake_api):
    db = open_db(database_for(tmp_path))
    db["users"].insert({"user_id": "u1", "first_seen": iso(), "last_message_at": iso()})
    sender = Sender(db, Config(WECHAT_APP_ID="wx", WECHAT_APP_SECRET="s", WECHAT_API_BASE_URL=fake_api.url,
                               BOT_DATABASE=":memory:"))
    late = sender.queue("u1", "迟到的自动回复", kind="late_reply")
    busy = sender.queue("u1", "另一个进程正在发")
    fresh = sender.queue("u1", "刚写的")
    db.execute("update outbox set created_at = ? where id in (?, ?)", [ago(hours=30), late, busy])
    db.execute("update outbox set status = 'sending', next_attempt_at = ? where id = ?", [ago(seconds=-60), busy])
    assert sender.retry_due() == 1
    assert [db["outbox"].get(i)["status"] for i in (late, busy, fresh)] == ["expired", "sending", "sent"]
    assert fake_api.contents() == ["刚写的"]


# ---- the schema ---------------------------------------------------------------------------------------

@sqlite_only
def test_migration_4_rebuilds_the_outbox_keeping_every_row(tmp_path, monkeypatch):
    path = database_for(tmp_path)
    monkeypatch.setattr(migrations, "MIGRATIONS", [m for m in migrations.MIGRATIONS if m[0] <= 2])
    monkeypatch.setattr(migrations, "LATEST", 2)
    old = open_db(path)
    hid = old["handoffs"].insert({"user_id": "u1", "state": "pending", "created_at": "t", "updated_at": "t"}).last_pk
    for status in ("pending", "sending", "sent", "failed"):
        old["outbox"].insert({"user_id": "u1", "text": status, "kind": "staff_reply", "handoff_id": hid,
                              "status": status, "created_at": "t", "errcode": 45015 if status == "failed" else None})
    with pytest.raises(sqlite3.IntegrityError):
        old["outbox"].insert({"user_id": "u1", "text": "x", "kind": "staff_reply", "status": "cancelled",
                              "created_at": "t"})
    old.conn.close()
    monkeypatch.undo()

    db = open_db(path)
    assert migrations.current_version(db.conn) == migrations.LATEST
    rows = list(db.query("select id, text, status, errcode, handoff_id, attempts from outbox order by id"))
    assert [(r["text"], r["status"], r["errcode"], r["handoff_id"], r["attempts"]) for r in rows] == [
        ("pending", "pending", None, hid, 0), ("sending", "sending", None, hid, 0), ("sent", "sent", None, hid, 0),
        ("failed", "failed", 45015, hid, 0)]
    db["outbox"].update(rows[0]["id"], {"status": "cancelled", "cancelled_by": "zhangsan", "cancelled_at": iso()})
    db["outbox"].update(rows[1]["id"], {"status": "expired"})
    with pytest.raises(sqlite3.IntegrityError):
        db["outbox"].update(rows[2]["id"], {"status": "lost"})
    indexes = {r["name"] for r in db.query("select name from sqlite_master where type = 'index' "
                                           "and tbl_name = 'outbox' and sql is not null")}
    assert {"idx_outbox_status", "idx_outbox_user_id", "idx_outbox_handoff_id"} <= indexes
    db["handoffs"].delete(hid)  # the foreign key still holds: the link goes, the row stays
    assert {r["handoff_id"] for r in db.query("select handoff_id from outbox")} == {None}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {"cancelled_by", "cancelled_at"} <= set(db["outbox"].columns_dict)
    assert db["handoff_views"].columns_dict == {"handoff_id": int, "staff": str, "seen_at": str}

