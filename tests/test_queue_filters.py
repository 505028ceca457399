"""The queue for a small office: filters (mine, unclaimed, state, text) kept in the address, bulk close of off-topic
handoffs, windows about to close, reopen; real SQLite in tmp_path and the real app through the test client."""
from __future__ import annotations

import re

import pytest

from admin_support import (add_handoff, add_message, add_reply, ago, app, db, post, queue_ids,  # noqa: F401
                           staff_client)
from bot.service import handoffs
from bot.store import sql


@pytest.fixture
def queue(db):
    """Four open handoffs and a resolved one: mine, lisi's, two unclaimed (one urgent), one resolved."""
    ids = {
        "mine": add_handoff(db, "oMine", "船舶国籍证书丢了怎么补", claimed_by="zhangsan", state="claimed",
                            asked=ago(minutes=30)),
        "lisi": add_handoff(db, "oLisi", "海员证到期了怎么换", claimed_by="lisi", state="claimed",
                            asked=ago(minutes=20)),
        "free": add_handoff(db, "oFree", "加微信领红包 100%中奖", asked=ago(minutes=10),
                            messages=[(ago(minutes=10), "加微信领红包 100%中奖", "已为您转接人工客服。"),
                                      (ago(minutes=9), "优惠码 AB_12 速来", "")]),
        "urgent": add_handoff(db, "oUrgent", "船进水了", priority="urgent", asked=ago(minutes=5),
                              key_message="船进水了 快来人", key_message_at=ago(minutes=5)),
        "done": add_handoff(db, "oDone", "船员证书丢了怎么补办", state="resolved", asked=ago(hours=3)),
    }
    db["handoffs"].update(ids["done"], {"resolved_at": ago(hours=2), "resolved_by": "lisi", "claimed_by": "lisi"})
    return ids


def ids_of(client, **args) -> set:
    r = client.get("/admin/handoffs", query_string=args)
    assert r.status_code == 200
    return set(queue_ids(r.get_data(as_text=True)))


def test_mine_and_unclaimed(staff_client, queue):
    assert ids_of(staff_client, who="mine") == {queue["mine"]}
    assert ids_of(staff_client, who="unclaimed") == {queue["free"], queue["urgent"]}
    assert ids_of(staff_client, who="unclaimed", priority="urgent") == {queue["urgent"]}
    assert ids_of(staff_client, who="mine", state="resolved") == set()
    assert ids_of(staff_client, state="resolved") == {queue["done"]}
    assert ids_of(staff_client, who="nobody", state="bogus") == set(queue.values()) - {queue["done"]}


@pytest.mark.parametrize("text, expected", [
    ("国籍证书", ["mine"]),                    # the question
    ("快来人", ["urgent"]),                    # the key message only
    ("优惠码", ["free"]),                      # a later message of the user in the handoff
    ("100%", ["free"]),                        # % taken literally
    ("%", ["free"]),
    ("AB_1", ["free"]),                        # _ taken literally
    ("A_", []),
    ("证书丢了", ["mine"]),                    # resolved ones only under their state
    ("  海员证   到期 ", []),                   # spaces collapse, not dropped
    ("海员证", ["lisi"]),
])
def test_text_search(staff_client, queue, text, expected):
    assert ids_of(staff_client, q=text) == {queue[k] for k in expected}


def test_search_combines_with_the_other_filters_and_is_bounded(staff_client, queue, db):
    assert ids_of(staff_client, q="证书丢了", state="all") == {queue["mine"], queue["done"]}
    assert ids_of(staff_client, q="证书丢了", state="all", who="mine") == {queue["mine"]}
    long = "国籍证书" + "x" * 500
    page = staff_client.get("/admin/handoffs", query_string={"q": long}).get_data(as_text=True)
    assert f'value="{long[:handoffs.MAX_SEARCH_CHARS]}"' in page and 'maxlength="50"' in page
    assert sql.like_escape("a%b_c\\") == "a\\%b\\_c\\\\"


def test_filters_are_kept_in_the_links(staff_client, queue):
    page = staff_client.get("/admin/handoffs?who=mine&q=证书&priority=normal").get_data(as_text=True)
    links = re.findall(r'href="(/admin/handoffs\?[^"]*)"', page)
    resolved = next(link for link in links if "state=resolved" in link)
    assert "who=mine" in resolved and "priority=normal" in resolved and "q=%E8%AF%81%E4%B9%A6" in resolved
    assert '<input type="hidden" name="who" value="mine">' in page  # the search form keeps them too
    assert any("select=1" in link and "who=mine" in link for link in links)


def test_bulk_close_closes_the_ticked_handoffs_with_the_reason(staff_client, queue, db):
    waiting = add_reply(db, queue["free"], "oFree", "这条还没发出", status="failed")
    page = staff_client.get("/admin/handoffs?select=1").get_data(as_text=True)
    assert 'id="queue-live"' not in page and 'name="form_key"' in page and "未发出的回复会被取消" in page
    assert f'name="ids" value="{queue["urgent"]}"' not in page  # urgent rows have no live checkbox
    r = post(staff_client, "/admin/handoffs/close", ids=[queue["free"], queue["lisi"], queue["urgent"]],
             reason="广告", form_key="k" * 32)
    assert r.status_code == 302 and "select" not in r.location
    for key in ("free", "lisi"):
        h = handoffs.get_handoff(db, queue[key])
        assert (h.state, h.resolved_by) == ("resolved", "zhangsan")
    assert handoffs.get_handoff(db, queue["lisi"]).claimed_by == "lisi"
    assert handoffs.get_handoff(db, queue["urgent"]).state == "pending"
    assert db["outbox"].get(waiting)["status"] == "cancelled"
    assert [n["text"] for n in handoffs.notes(db, queue["free"])] == ["批量关闭：广告（取消了 1 条未发出的回复）"]
    assert [n["text"] for n in handoffs.notes(db, queue["lisi"])] == ["批量关闭：广告"]
    flash = staff_client.get(r.location).get_data(as_text=True)
    assert "已关闭 2 条" in flash and "取消了 1 条未发出的回复" in flash and f"紧急求助 #{queue['urgent']} 没有关闭" in flash

    again = post(staff_client, "/admin/handoffs/close", ids=[queue["mine"]], reason="广告", form_key="k" * 32)
    assert again.status_code == 302
    assert handoffs.get_handoff(db, queue["mine"]).state == "claimed"  # the same key is not acted on twice


def test_bulk_close_needs_a_reason_and_keeps_the_ticks(staff_client, queue, db):
    r = post(staff_client, "/admin/handoffs/close", ids=[queue["free"]], reason="  ", who="unclaimed")
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert "请填写批量关闭的原因" in page
    assert f'name="ids" value="{queue["free"]}" form="bulk-close" aria-label="选择 #{queue["free"]}" checked' in page
    assert handoffs.get_handoff(db, queue["free"]).state == "pending"
    assert post(staff_client, "/admin/handoffs/close", reason="广告").status_code == 409


def test_bulk_close_leaves_a_handoff_that_turned_urgent(db, queue):
    db["handoffs"].update(queue["free"], {"priority": "urgent"})
    done = handoffs.close_off_topic(db, [queue["free"], queue["done"], 999], "zhangsan", "广告")
    assert (done.closed, done.urgent, done.already_resolved, done.missing) == ([], [queue["free"]], [queue["done"]],
                                                                             [999])
    with pytest.raises(handoffs.HandoffError):
        handoffs.close_off_topic(db, range(handoffs.MAX_BULK + 1), "zhangsan", "广告")


def test_a_bulk_closed_handoff_is_reopened_from_its_page(staff_client, queue, db):
    handoffs.close_off_topic(db, [queue["free"]], "zhangsan", "误判")
    page = staff_client.get(f"/admin/handoffs/{queue['free']}").get_data(as_text=True)
    assert 'id="reopen"' in page and "批量关闭：误判" in page
    r = post(staff_client, f"/admin/handoffs/{queue['free']}/reopen", note="用户又问了正事")
    assert r.status_code == 302
    h = handoffs.get_handoff(db, queue["free"])
    assert (h.state, h.claimed_by, h.reopened_by) == ("pending", None, "zhangsan")


def test_a_window_closing_within_the_hour_is_tagged(staff_client, db):
    closing = add_handoff(db, "oClosing", "证书怎么换", asked=ago(hours=47, minutes=30))
    open_one = add_handoff(db, "oOpen", "船检怎么约", asked=ago(hours=46, minutes=50))
    closed = add_handoff(db, "oClosed", "海员证怎么办", asked=ago(hours=49))
    h = handoffs.get_handoff(db, closing)
    assert h.window_closing and h.window_minutes_left == 30
    assert not handoffs.get_handoff(db, open_one).window_closing
    assert not handoffs.get_handoff(db, closed).window_closing
    page = staff_client.get("/admin/handoffs").get_data(as_text=True)
    assert page.count("窗口即将关闭（剩余30分钟）") == 1
    row = re.search(rf'data-id="{closing}">(.*?)</tr>', page, re.S).group(1)
    assert "窗口即将关闭（剩余30分钟）" in row
    assert "窗口即将关闭（剩余30分钟）" in staff_client.get(f"/admin/handoffs/{closing}").get_data(as_text=True)
    assert "窗口即将关闭" not in staff_client.get(f"/admin/handoffs/{open_one}").get_data(as_text=True)


def test_the_row_shows_the_newest_message_and_how_many_came_since_the_last_reply(staff_client, db):
    h = add_handoff(db, "oRow", "船舶登记要什么材料", asked=ago(minutes=30))
    add_reply(db, h, "oRow", "请准备申请书和来历证明。", at=ago(minutes=20))
    add_message(db, "oRow", "来历证明是什么", at=ago(minutes=10), action="handoff", handoff_id=h)
    add_message(db, "oRow", "发票可以吗", at=ago(minutes=5), action="handoff", handoff_id=h)
    row = re.search(rf'data-id="{h}">(.*?)</tr>', staff_client.get("/admin/handoffs").get_data(as_text=True),
                    re.S).group(1)
    assert "发票可以吗" in row and "上次回复后又来 2 条" in row
