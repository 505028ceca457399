"""Two members of staff on one handoff: atomic claims, who else is looking, and a question before answering a
handoff someone else has claimed. Real SQLite files, the real Flask app and the stand-in WeChat API."""
from __future__ import annotations

import datetime as dt
import threading

import pytest

from admin_support import (  # noqa: F401
    PASSWORD, add_handoff, api_app, database, db, login, post, staff_client,
)
from bot.service import handoffs, staff
from bot.clock import iso, utcnow


@pytest.fixture
def app(api_app):
    """The app talking to the stand-in API, with accounts zhangsan and lisi."""
    with database(api_app) as conn:
        staff.create_user(conn, "lisi", PASSWORD)
    return api_app


@pytest.fixture
def lisi(app):
    """A second browser, logged in as lisi."""
    c = app.test_client()
    assert login(c, "lisi").status_code == 302
    return c


def claim_at_once(app, handoff_id: int, names: list) -> dict:
    """Every name claims the handoff from its own thread and connection at the same instant; name -> outcome."""
    gate = threading.Barrier(len(names))
    outcome = {}

    def run(name):
        with database(app) as conn:
            gate.wait()
            try:
                handoffs.claim(conn, handoff_id, name)
                outcome[name] = "claimed"
            except handoffs.AlreadyClaimed as e:
                outcome[name] = f"refused:{e.claimed_by}"

    threads = [threading.Thread(target=run, args=(name,)) for name in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcome


def test_two_staff_claiming_at_the_same_moment_exactly_one_gets_it(app, db):
    for round_ in range(15):
        h = add_handoff(db, f"oUser{round_}", "船舶被扣押怎么处理")
        outcome = claim_at_once(app, h, ["zhangsan", "lisi", "wangwu"])
        winners = [name for name, result in outcome.items() if result == "claimed"]
        assert len(winners) == 1, outcome
        assert sorted(outcome.values()) == sorted(["claimed"] + [f"refused:{winners[0]}"] * 2)
        row = db["handoffs"].get(h)
        assert (row["state"], row["claimed_by"]) == ("claimed", winners[0])


def test_claiming_again_keeps_the_claim_time_and_taking_over_stays_explicit(db):
    h = add_handoff(db, "oUser", "问题")
    first = handoffs.claim(db, h, "zhangsan", now=utcnow() - dt.timedelta(minutes=5))
    again = handoffs.claim(db, h, "zhangsan")
    assert again.claimed_at == first.claimed_at
    with pytest.raises(handoffs.AlreadyClaimed, match="已由“zhangsan”认领") as refused:
        handoffs.claim(db, h, "lisi")
    assert refused.value.claimed_by == "zhangsan"
    taken = handoffs.claim(db, h, "lisi", take_over=True)
    assert taken.claimed_by == "lisi" and taken.claimed_at > first.claimed_at
    handoffs.resolve(db, h, "lisi")
    with pytest.raises(handoffs.HandoffError, match="已解决"):
        handoffs.claim(db, h, "zhangsan", take_over=True)


def test_replying_to_a_handoff_someone_else_claimed_asks_first(staff_client, lisi, db, fake_api):
    h = add_handoff(db, "oUser", "船舶被扣押怎么处理", claimed_by="lisi", state="claimed")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "此记录由 lisi 处理中" in page and 'name="confirm_other"' in page

    text = "您好，请携带扣押文书到海事处。"
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text=text)
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert "此记录由 lisi 处理中，仍要回复吗？" in page
    assert f">{text}</textarea>" in page  # the typed text is kept
    assert db["outbox"].count == 0 and fake_api.sent == []

    r = post(staff_client, f"/admin/handoffs/{h}/reply", text=text, confirm_other="1")
    assert r.status_code == 302
    assert fake_api.contents() == [text]
    row = db["handoffs"].get(h)
    assert (row["state"], row["claimed_by"]) == ("claimed", "lisi")  # answering does not take it over
    # lisi's own reply needs no confirmation.
    assert post(lisi, f"/admin/handoffs/{h}/reply", text="补充一句").status_code == 302
    assert fake_api.contents() == [text, "补充一句"]


def test_a_claim_between_opening_the_page_and_sending_is_caught(staff_client, db, fake_api):
    h = add_handoff(db, "oUser", "问题")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert 'name="confirm_other"' not in page
    handoffs.claim(db, h, "lisi")  # lisi claims while zhangsan types
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text="我来回复")
    assert r.status_code == 409 and "此记录由 lisi 处理中，仍要回复吗？" in r.get_data(as_text=True)
    assert fake_api.sent == [] and db["handoffs"].get(h)["claimed_by"] == "lisi"


def test_replying_to_an_unclaimed_handoff_claims_it_once(app, db, fake_api):
    from bot.wechat.outbox import Sender

    h = add_handoff(db, "oUser", "问题")
    gate = threading.Barrier(2)
    outcome = {}

    def run(name):
        with database(app) as conn:
            sender = Sender(conn, app.config["BOT"])
            gate.wait()
            try:
                outcome[name] = handoffs.reply(conn, sender, h, name, f"{name}的回复")["status"]
            except handoffs.ClaimedByOther as e:
                outcome[name] = f"asked:{e.claimed_by}"

    threads = [threading.Thread(target=run, args=(name,)) for name in ("zhangsan", "lisi")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winner = db["handoffs"].get(h)["claimed_by"]
    loser = ({"zhangsan", "lisi"} - {winner}).pop()
    assert outcome == {winner: "sent", loser: f"asked:{winner}"}
    assert fake_api.contents() == [f"{winner}的回复"]


def test_the_page_shows_who_else_has_it_open(staff_client, lisi, db):
    h = add_handoff(db, "oUser", "问题")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert 'id="presence" class="flash presence" role="status" hidden' in page
    lisi.get(f"/admin/handoffs/{h}")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert "lisi 也在查看此记录" in page
    assert handoffs.viewers(db, h, exclude="lisi") == ["zhangsan"]
    data = staff_client.get(f"/admin/handoffs/{h}/updates").get_json()
    assert data["presence"] == "lisi 也在查看此记录"

    handoffs.claim(db, h, "lisi")
    data = staff_client.get(f"/admin/handoffs/{h}/updates").get_json()
    assert data["presence"] == "此记录由 lisi 处理中；lisi 也在查看此记录"
    assert data["claimed_by"] == "lisi" and data["state_label"] == "处理中"

    # lisi closes the page: after VIEWING_FRESH without a poll, lisi is no longer listed.
    db.execute("update handoff_views set seen_at = ? where staff = 'lisi'",
               [iso(utcnow() - handoffs.VIEWING_FRESH - dt.timedelta(seconds=1))])
    assert staff_client.get(f"/admin/handoffs/{h}/updates").get_json()["presence"] == "此记录由 lisi 处理中"
    assert lisi.get(f"/admin/handoffs/{h}/updates").get_json()["presence"] == "zhangsan 也在查看此记录"


def test_presence_rows_go_with_their_handoff(db):
    h = add_handoff(db, "oUser", "问题")
    handoffs.mark_viewing(db, h, "zhangsan")
    db["handoffs"].delete(h)
    assert db["handoff_views"].count == 0
