"""Test helpers for the staff pages: an app on a temporary knowledge base, logged-in clients, handoff rows.

WeChat's side (signed pushes, the stand-in customer-service API) comes from ``webhook_support``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from bot import create_app
from bot.service import staff
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from webhook_support import TOKEN
from db_support import database_for

PASSWORD = "海事-correct-horse"
CLOSED_PORT_URL = "http://127.0.0.1:9"

KB_FILES = {
    "01-crew.yaml": """\
category: 船员证书
faqs:
  - id: cert-renew
    question: 海船船员适任证书到期了怎么再有效
    alternates:
      - 适任证书快过期了怎么办
    keywords: [再有效, 到期]
    answer: 适任证书有效期届满前12个月内可以申请再有效。
  - id: cert-lost
    question: 船员证书丢失了怎么补办
    alternates:
      - 船员证书丢了
    keywords: [补办, 遗失]
    answer: 证书遗失的，可以在海事政务服务网申请补发。
""",
    "02-ship.yaml": """\
category: 船舶登记
faqs:
  - id: ship-register
    question: 船舶所有权登记需要什么材料
    alternates:
      - 新船怎么办理登记
    keywords: [所有权登记]
    answer: 船舶所有权登记需提交申请书、船舶来历证明和船舶技术资料。
""",
    "settings.yaml": """\
office_hours: 工作日 9:00-17:00
""",
}


def write_kb(folder: Path) -> Path:
    """A small knowledge base of our own (tests add drafts and edit files in it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in KB_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_app(tmp_path, **overrides):
    """An app on a fresh database and a temporary copy of the knowledge base; Secure cookies as in production
    (the Flask test client sends them back over http)."""
    kb = tmp_path / "kb"
    if not kb.exists():
        write_kb(kb)
    config = {"BOT_DATABASE": database_for(tmp_path), "BOT_KNOWLEDGE_DIR": str(kb), "WECHAT_TOKEN": TOKEN,
              "WECHAT_ENCODING_AES_KEY": "", "WECHAT_APP_ID": "wx-test-app", "WECHAT_APP_SECRET": "test-secret",
              "WECHAT_API_BASE_URL": CLOSED_PORT_URL, "API_TIMEOUT_SECONDS": 2.0,
              "RELOAD_CHECK_SECONDS": 0.0, "REPLY_DEADLINE_SECONDS": 4.0, "TESTING": True}
    config.update(overrides)
    return create_app(config)


def ago(**delta) -> str:
    """A stored timestamp this long before now."""
    return iso(utcnow() - dt.timedelta(**delta))


def add_handoff(db, user_id: str, question: str, *, priority: str = "normal", state: str = "pending",
                asked: str | None = None, claimed_by: str | None = None, messages=None,
                key_message: str | None = None, key_message_at: str | None = None,
                distress_kind: str | None = None) -> int:
    """A handoff as the conversation code creates it, with its user and log rows.

    ``messages``: ``[(at, text, reply)]``, the user's messages that belong to the handoff (default: the question,
    ``asked`` ago). The user's last message time is the last of these. ``key_message``: the distress message
    that made it urgent (and ``key_message_at`` when it came), ``distress_kind`` the kind the model read in it.
    """
    asked = asked or ago(minutes=5)
    messages = messages or [(asked, question, "已为您转接人工客服。")]
    last = max(at for at, _, _ in messages)
    db.execute(
        "insert into users (user_id, first_seen, last_message_at, subscribed) values (?, ?, ?, 1) "
        "on conflict(user_id) do update set last_message_at = excluded.last_message_at",
        [user_id, asked, last],
    )
    transcript = [{"at": at, "who": who, "text": t} for at, text, reply in messages
                  for who, t in (("user", text), ("bot", reply)) if t]
    handoff_id = db["handoffs"].insert({
        "user_id": user_id, "question": question, "transcript": json.dumps(transcript, ensure_ascii=False),
        "priority": priority, "state": state, "reason": "no_match", "created_at": messages[0][0],
        "updated_at": last, "last_user_message_at": last, "claimed_by": claimed_by,
        "claimed_at": asked if claimed_by else None, "key_message": key_message, "key_message_at": key_message_at,
        "distress_kind": distress_kind,
    }).last_pk
    for at, text, reply in messages:
        add_message(db, user_id, text, at=at, action="emergency" if priority == "urgent" else "handoff",
                    reply=reply, handoff_id=handoff_id)
    return handoff_id


def add_message(db, user_id: str, text: str, *, at: str | None = None, action: str = "answer",
                faq_id: str | None = None, reply: str = "", handoff_id: int | None = None,
                msg_type: str = "text", score: float | None = None) -> int:
    """One row of the message log, as the conversation code writes it."""
    return db["messages"].insert({
        "created_at": at or iso(), "user_id": user_id, "msg_type": msg_type, "text": text, "normalized": text,
        "action": action, "faq_id": faq_id, "score": score, "candidates": "[]", "latency_ms": 3.0, "reply": reply,
        "handoff_id": handoff_id,
    }).last_pk


def csrf(client) -> str:
    """The CSRF token of the client's session (a page is fetched first so there is one)."""
    with client.session_transaction() as session:
        token = session.get("csrf")
    if token:
        return token
    page = client.get("/admin/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def post(client, url: str, follow_redirects: bool = False, **form):
    """A form POST with the session's CSRF token."""
    return client.post(url, data={"csrf_token": csrf(client), **form}, follow_redirects=follow_redirects)


def login(client, username: str = "zhangsan", password: str = PASSWORD):
    """Log in through the login form; return the response."""
    return post(client, "/admin/login", username=username, password=password)


@pytest.fixture
def app(tmp_path):
    """The app with one staff account, zhangsan."""
    app = make_app(tmp_path)
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
    return app


class database:
    """``with database(app) as db``: a connection to the app's database, closed afterwards."""

    def __init__(self, app):
        self.db = open_db(app.config["BOT"].BOT_DATABASE, init=False)

    def __enter__(self):
        return self.db

    def __exit__(self, *exc):
        self.db.conn.close()


@pytest.fixture
def db(app):
    """A connection to ``app``'s database."""
    with database(app) as conn:
        yield conn


@pytest.fixture
def client(app):
    """A test client without a session."""
    return app.test_client()


@pytest.fixture
def staff_client(app):
    """A test client logged in as zhangsan."""
    c = app.test_client()
    assert login(c).status_code == 302
    return c



@pytest.fixture
def api_app(tmp_path, fake_api):
    """The app talking to the stand-in WeChat API, with one staff account; the browser tests serve it to Chromium
    over plain http, where a Secure cookie would not come back."""
    app = make_app(tmp_path, WECHAT_API_BASE_URL=fake_api.url, BOT_INSECURE_COOKIES=True)
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
    return app


def add_reply(db, handoff_id: int, user_id: str, text: str, *, at: str | None = None, status: str = "sent",
              author: str = "zhangsan") -> int:
    """A staff reply in the outbox, as the Sender leaves it."""
    at = at or iso()
    return db["outbox"].insert({
        "user_id": user_id, "text": text, "kind": "staff_reply", "handoff_id": handoff_id, "author": author,
        "status": status, "attempts": 1, "parts_sent": 1 if status == "sent" else 0, "created_at": at,
        "sent_at": at if status == "sent" else None, "last_attempt_at": at,
    }).last_pk


def queue_ids(html: str) -> list:
    """The handoff numbers of the queue page's rows, top to bottom."""
    return [int(n) for n in re.findall(r'<tr class="[^"]*" data-id="(\d+)"', html)]
