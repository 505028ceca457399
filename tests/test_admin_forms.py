"""Forms of the staff pages: a one-time key makes every submission act once, and a form posted after the login
lapsed is kept and comes back on its page after logging in again, nothing of it done.

The concurrency tests post over real HTTP to two servers (two "workers") on one database, with WeChat's API
stand-in answering slowly, as a double click or a retry from a second tab would.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import re
import threading
import time

import pytest
import requests
from werkzeug.serving import make_server

from admin_support import (  # noqa: F401
    PASSWORD, add_handoff, add_reply, api_app, app, client, csrf, database, db, login, make_app, post,
    staff_client,
)
from bot.service import staff
from bot.admin import auth
from bot.clock import utcnow
from bot.store import form_submissions

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)


def forms(page: str) -> list:
    """``[(attributes, {hidden field: value})]`` of every form on the page."""
    out = []
    for attrs, body in FORM.findall(page):
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
        out.append((attrs, hidden))
    return out


def form_of(page: str, action: str) -> dict:
    """The hidden fields (csrf_token, form_key, ...) of the POST form posting to ``action``."""
    for attrs, hidden in forms(page):
        if f'action="{action}"' in attrs and 'method="post"' in attrs:
            return hidden
    raise AssertionError(f"no form posting to {action}")


def follow(client, response) -> str:
    """The page a redirect leads to."""
    assert response.status_code == 302, response.status_code
    return client.get(response.location).get_data(as_text=True)


# ---- the keys ----------------------------------------------------------------------------------------------

def test_every_state_changing_form_carries_the_token_and_its_own_key(staff_client, db):
    open_one = add_handoff(db, "oUser1", "船被扣了怎么办")
    add_reply(db, open_one, "oUser1", "已转交", status="failed")
    db["outbox"].update(1, {"last_error": "微信接口返回错误 -1", "errcode": -1})
    urgent = add_handoff(db, "oUser2", "有人落水了", priority="urgent", claimed_by="lisi")
    done = add_handoff(db, "oUser3", "已经办好了", state="resolved")
    keys, posts = [], 0
    for url in (f"/admin/handoffs/{open_one}", f"/admin/handoffs/{urgent}", f"/admin/handoffs/{done}",
                f"/admin/handoffs/{open_one}/faq", "/admin/handoffs", "/admin/dashboard", "/admin/log"):
        page = staff_client.get(url).get_data(as_text=True)
        for attrs, hidden in forms(page):
            if 'method="post"' not in attrs:
                continue
            posts += 1
            assert hidden.get("csrf_token") == csrf(staff_client), (url, attrs)
            assert re.fullmatch(r"[0-9a-f]{32}", hidden.get("form_key", "")), (url, attrs)
            keys.append(hidden["form_key"])
    assert posts >= 12
    assert len(set(keys)) == len(keys)  # a new key for every form drawn


def test_a_repeated_key_acts_once_and_follows_the_first(staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    page = staff_client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True)
    fields = form_of(page, f"/admin/handoffs/{handoff}/note")
    first = staff_client.post(f"/admin/handoffs/{handoff}/note", data={**fields, "text": "已电话联系"})
    again = staff_client.post(f"/admin/handoffs/{handoff}/note", data={**fields, "text": "已电话联系"})
    assert first.location == again.location == f"/admin/handoffs/{handoff}#notes"
    assert auth.REPEATED in follow(staff_client, again)
    assert [n["text"] for n in db.query("select text from handoff_notes")] == ["已电话联系"]
    row = form_submissions.submission(db, fields["form_key"])
    assert row["staff"] == "zhangsan" and row["endpoint"] == "admin.note" and row["finished_at"]
    assert row["location"] == f"/admin/handoffs/{handoff}#notes"


def test_a_refused_submission_gives_its_key_back(staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    fields = form_of(staff_client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True),
                     f"/admin/handoffs/{handoff}/reply")
    refused = staff_client.post(f"/admin/handoffs/{handoff}/reply", data={**fields, "text": "  "})
    assert refused.status_code == 409 and "回复内容不能为空" in refused.get_data(as_text=True)
    assert form_submissions.submission(db, fields["form_key"]) is None
    sent = staff_client.post(f"/admin/handoffs/{handoff}/reply", data={**fields, "text": "请带上证书原件"})
    assert sent.status_code == 302
    assert [r["text"] for r in db.query("select text from outbox")] == ["请带上证书原件"]


def test_a_post_from_a_page_without_keys_is_still_acted_on(staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    r = post(staff_client, f"/admin/handoffs/{handoff}/note", text="旧页面的备注")  # csrf_token only
    assert r.status_code == 302
    assert db["handoff_notes"].count == 1


@pytest.mark.parametrize("key", ["short", "x" * 65, "含中文的校验码含中文的校验码含中文的", "a b c d e f g h i j k l"])
def test_a_malformed_key_is_refused_in_chinese(staff_client, db, key):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    r = post(staff_client, f"/admin/handoffs/{handoff}/note", text="备注", form_key=key)
    assert r.status_code == 400 and "表单校验码无效" in r.get_data(as_text=True)
    assert db["handoff_notes"].count == 0


def test_claims_and_unsent_forms_older_than_a_day_are_pruned(db):
    old = utcnow() - form_submissions.KEEP - dt.timedelta(minutes=1)
    assert form_submissions.claim(db, "k" * 32, "zhangsan", "admin.note", now=old)
    assert not form_submissions.claim(db, "k" * 32, "zhangsan", "admin.note", now=old)
    stale = form_submissions.keep_unsent(db, "zhangsan", "/admin/handoffs/1", "/admin/handoffs/1/note",
                                         {"text": ["旧备注"]}, now=old)
    assert form_submissions.unsent(db, stale) is None  # too old to be shown, even before it is pruned
    assert form_submissions.claim(db, "n" * 32, "zhangsan", "admin.note")
    assert [r["key"] for r in db.query("select key from form_submissions")] == ["n" * 32]
    assert db["unsent_forms"].count == 0


def test_unsent_forms_are_bounded(db, monkeypatch):
    monkeypatch.setattr(form_submissions, "MAX_UNSENT", 3)
    ids = [form_submissions.keep_unsent(db, None, "/admin/handoffs", "/admin/handoffs/1/note",
                                        {"text": ["备" * 20000], **{f"f{n}": ["x"] for n in range(60)}})
           for _ in range(5)]
    assert [r["id"] for r in db.query("select id from unsent_forms order by created_at")] == ids[2:]
    fields = form_submissions.unsent(db, ids[-1])["fields"]
    assert len(fields) == form_submissions.MAX_FIELDS and len(fields["text"][0]) == form_submissions.MAX_FIELD_CHARS


# ---- the same key, at the same time, on two workers --------------------------------------------------------

@contextlib.contextmanager
def serve(flask_app):
    """``flask_app`` on a free loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, flask_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture
def workers(api_app, tmp_path, fake_api):
    """Two apps (two workers) on the same database and stand-in API, each served over HTTP: their base URLs."""
    second = make_app(tmp_path, WECHAT_API_BASE_URL=fake_api.url, BOT_INSECURE_COOKIES=True)
    with serve(api_app) as one, serve(second) as two:
        yield [(api_app, one), (second, two)]


def signed_in(base: str) -> requests.Session:
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(base + "/admin/login").text).group(1)
    r = browser.post(base + "/admin/login", data={"csrf_token": token, "username": "zhangsan", "password": PASSWORD},
                     allow_redirects=False)
    assert r.status_code == 302
    return browser


def post_twice_at_once(workers, path: str, data: dict) -> list:
    """POST the same form to both workers at the same moment from one browser's session; the two responses,
    each with ``.page``: the page its redirect leads to."""
    (_, one), (_, two) = workers
    first = signed_in(one)
    token = re.search(r'name="csrf_token" value="([^"]+)"', first.get(one + "/admin/handoffs").text).group(1)
    second = requests.Session()
    second.cookies.update(first.cookies)
    start = threading.Barrier(2)
    responses = [None, None]
    data = {"csrf_token": token, **data}

    def send(n, browser, base):
        start.wait()
        responses[n] = browser.post(base + path, data=data, allow_redirects=False, timeout=30)

    threads = [threading.Thread(target=send, args=(n, b, u)) for n, (b, u) in enumerate(((first, one), (second, two)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for response, (browser, base) in zip(responses, ((first, one), (second, two))):
        response.page = browser.get(base + response.headers["Location"].split("#")[0]).text
    return responses


def counted(workers, endpoint: str, pause: float) -> list:
    """Wrap ``endpoint``'s view on every worker so it takes ``pause`` seconds; the list of its runs."""
    runs = []
    for flask_app, _ in workers:
        view = flask_app.view_functions[endpoint]

        def slow(*args, _view=view, **kwargs):
            runs.append(endpoint)
            time.sleep(pause)
            return _view(*args, **kwargs)

        flask_app.view_functions[endpoint] = slow
    return runs


def test_the_same_reply_posted_twice_at_once_is_sent_once(workers, fake_api):
    (flask_app, base), _ = workers
    with database(flask_app) as db:
        handoff = add_handoff(db, "oSailor01", "船舶被扣押怎么处理")
    fake_api.delay = 1.5
    runs = counted(workers, "admin.reply", 0)
    text = "您好，请携带船舶证书和扣押文书到辖区海事处办理。"
    data = {"form_key": "f" * 32, "text": text}
    responses = post_twice_at_once(workers, f"/admin/handoffs/{handoff}/reply", data)
    assert [r.status_code for r in responses] == [302, 302]
    assert {r.headers["Location"] for r in responses} == {f"/admin/handoffs/{handoff}#reply"}
    assert runs == ["admin.reply"]
    assert fake_api.contents() == [text]
    with database(flask_app) as db:
        assert [r["text"] for r in db.query("select text from outbox")] == [text]
    pages = [r.page for r in responses]
    assert sum(auth.REPEATED in p for p in pages) == 1
    assert sum("回复已通过微信发送给用户" in p for p in pages) == 1


@pytest.mark.parametrize("endpoint, action, data", [
    ("admin.note", "note", {"text": "已电话联系船东"}),
    ("admin.claim", "claim", {}),
])
def test_the_same_note_or_claim_posted_twice_at_once_is_done_once(workers, endpoint, action, data):
    (flask_app, _), _ = workers
    with database(flask_app) as db:
        handoff = add_handoff(db, "oSailor01", "船舶被扣押怎么处理")
    runs = counted(workers, endpoint, 1.0)
    responses = post_twice_at_once(workers, f"/admin/handoffs/{handoff}/{action}", {"form_key": "c" * 32, **data})
    assert [r.status_code for r in responses] == [302, 302]
    assert runs == [endpoint]
    assert sum(auth.REPEATED in r.page for r in responses) == 1
    with database(flask_app) as db:
        assert db["handoff_notes"].count == (1 if action == "note" else 0)
        assert db["handoffs"].get(handoff)["claimed_by"] == ("zhangsan" if action == "claim" else None)
        assert db["form_submissions"].count == 1


# ---- a form posted after the login lapsed ------------------------------------------------------------------

def restored(page: str):
    """The data-restore of the page's forms.js tag (None when there is none)."""
    found = re.search(r"<script src=\"/admin/static/forms.js\" defer data-restore='([^']*)'>", page)
    return json.loads(html.unescape(found.group(1))) if found else None


def log_out_elsewhere(client) -> None:
    """Log out in "another tab": the same browser's cookie, the logout form of a freshly drawn page."""
    fields = form_of(client.get("/admin/handoffs").get_data(as_text=True), "/admin/logout")
    assert client.post("/admin/logout", data=fields).status_code == 302


def test_a_reply_sent_after_logging_out_in_another_tab_comes_back_after_the_login(staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    fields = form_of(staff_client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True),
                     f"/admin/handoffs/{handoff}/reply")
    log_out_elsewhere(staff_client)
    text = "您好，船舶被扣押后请携带证书到海事处办理。"
    r = staff_client.post(f"/admin/handoffs/{handoff}/reply", data={**fields, "text": text},
                          headers={"Referer": f"http://localhost/admin/handoffs/{handoff}"})
    assert r.location == f"/admin/login?next=/admin/handoffs/{handoff}"
    login_page = staff_client.get(r.location).get_data(as_text=True)
    assert auth.LOGIN_LAPSED in login_page
    assert f'name="next" value="/admin/handoffs/{handoff}"' in login_page
    r = post(staff_client, "/admin/login", username="zhangsan", password=PASSWORD, next=f"/admin/handoffs/{handoff}")
    assert r.location == f"/admin/handoffs/{handoff}"
    page = staff_client.get(r.location).get_data(as_text=True)
    assert auth.NOT_SENT in page
    assert restored(page) == {"action": f"/admin/handoffs/{handoff}/reply", "fields": {"text": [text]}}
    assert db["outbox"].count == 0  # nothing was sent
    again = staff_client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True)
    assert restored(again) is None and auth.NOT_SENT not in again
    assert db["unsent_forms"].count == 0


@pytest.mark.parametrize("action, data", [
    ("note", {"text": "已电话联系，等待对方补材料"}),
    ("claim", {}),
    ("retry/{reply}", {}),
    ("resolve", {"note": "已通知搜救中心"}),
])
def test_notes_claims_retries_posted_without_a_session_are_kept_not_done(client, db, action, data):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    reply = add_reply(db, handoff, "oUser1", "已转交", status="failed")
    url = f"/admin/handoffs/{handoff}/" + action.format(reply=reply)
    token = csrf(client)  # a session whose login lapsed still has its token
    r = client.post(url, data={"csrf_token": token, "form_key": "a" * 32, **data})
    assert r.location == f"/admin/login?next=/admin/handoffs/{handoff}"
    assert login_and_follow(client, f"/admin/handoffs/{handoff}").count(auth.NOT_SENT) == 1
    h = db["handoffs"].get(handoff)
    assert h["state"] == "pending" and h["claimed_by"] is None
    assert db["handoff_notes"].count == 0 and db["outbox"].get(reply)["attempts"] == 1
    assert db["form_submissions"].count == 0


def login_and_follow(client, next_url: str) -> str:
    r = post(client, "/admin/login", username="zhangsan", password=PASSWORD, next=next_url)
    assert r.location == next_url
    return client.get(r.location).get_data(as_text=True)


def test_a_long_note_is_kept_in_the_database_not_the_cookie(client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    note = "海事" * 1000
    r = client.post(f"/admin/handoffs/{handoff}/note", data={"csrf_token": csrf(client), "text": note})
    assert len(r.headers["Set-Cookie"]) < 1000
    page = login_and_follow(client, f"/admin/handoffs/{handoff}")
    assert restored(page)["fields"] == {"text": [note]}


def test_the_page_with_its_query_is_taken_from_the_referer(client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    r = client.post(f"/admin/handoffs/{handoff}/claim", data={"csrf_token": csrf(client)},
                    headers={"Referer": "http://localhost/admin/handoffs?state=all&priority=urgent"})
    assert r.location == "/admin/login?next=/admin/handoffs?state%3Dall%26priority%3Durgent"
    r = client.post(f"/admin/handoffs/{handoff}/claim", data={"csrf_token": csrf(client)},
                    headers={"Referer": "https://elsewhere.example/admin/handoffs?state=all"})
    assert r.location == f"/admin/login?next=/admin/handoffs/{handoff}"


@pytest.mark.parametrize("headers, kept", [
    ({}, False),
    ({"Sec-Fetch-Site": "cross-site"}, False),
    ({"Sec-Fetch-Site": "same-origin"}, True),
])
def test_a_form_is_kept_only_when_it_came_from_our_pages(client, db, headers, kept):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    r = client.post(f"/admin/handoffs/{handoff}/reply", data={"csrf_token": "from-elsewhere", "text": "转账到某账户"},
                    headers=headers)
    assert r.location == f"/admin/login?next=/admin/handoffs/{handoff}"
    assert db["unsent_forms"].count == int(kept)
    page = login_and_follow(client, f"/admin/handoffs/{handoff}")
    assert (auth.NOT_SENT in page) is kept
    assert db["outbox"].count == 0


def test_a_kept_form_is_not_shown_to_another_account(app, client, db):
    with database(app) as conn:
        staff.create_user(conn, "lisi", "lisi-password")
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    assert login(client).status_code == 302
    fields = form_of(client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True),
                     f"/admin/handoffs/{handoff}/note")
    log_out_elsewhere(client)
    client.post(f"/admin/handoffs/{handoff}/note", data={**fields, "text": "张三的备注"})
    r = post(client, "/admin/login", username="lisi", password="lisi-password", next=f"/admin/handoffs/{handoff}")
    page = client.get(r.location).get_data(as_text=True)
    assert "张三的备注" not in page and auth.NOT_SENT not in page
    assert db["unsent_forms"].count == 0


def test_logging_out_twice_keeps_nothing(staff_client, db):
    fields = form_of(staff_client.get("/admin/handoffs").get_data(as_text=True), "/admin/logout")
    assert staff_client.post("/admin/logout", data=fields).status_code == 302
    r = staff_client.post("/admin/logout", data=fields)
    assert r.location.startswith("/admin/login")
    assert db["unsent_forms"].count == 0
