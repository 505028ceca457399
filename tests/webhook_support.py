"""Test helpers for the webhook, conversation and delivery tests.

``WeChatServer`` plays WeChat's server: it builds pushes, signs them, encrypts them with wechatpy's
crypto and reads (decrypts) our replies. ``FakeWeChatAPI`` is a real HTTP server on a loopback port that
stands in for api.weixin.qq.com (token and customer-service send), recording what it receives.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import string
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from wechatpy.crypto import WeChatCrypto

from bot import create_app
from bot.store.connection import TABLES, open_db
from db_support import database_for

HERE = os.path.dirname(os.path.abspath(__file__))
KB_DIR = os.path.join(HERE, "fixtures", "webhook_kb")
TOKEN = "test-token"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wx0123456789abcdef"
ACCOUNT = "gh_maritime"

# Tencent's published sample for the encrypted mode (WXBizMsgCrypt's demo; also in wechatpy's tests).
SAMPLE = {
    "token": "spamtest",
    "aes_key": "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    "app_id": "wx2c2769f8efd9abc2",
    "timestamp": "1409735669",
    "nonce": "1320562132",
    "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
    "body": (
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>"
        "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>"
        "<CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        "<Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId>"
        "<Encrypt><![CDATA[hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1Q"
        "LvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyX"
        "won8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVG"
        "CgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6Oewpusj"
        "Z4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=]]></Encrypt></xml>"
    ),
}

_ids = itertools.count(int(time.time() * 1000))


def sha1_signature(*parts: str) -> str:
    """WeChat's signature, computed independently of the code under test."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def push_xml(user: str, msg_type: str = "text", msg_id=None, create_time=None, **fields) -> str:
    """A push as WeChat sends it; fields become elements (Content, Recognition, Event, EventKey, ...)."""
    nodes = [
        f"<ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>",
        f"<FromUserName><![CDATA[{user}]]></FromUserName>",
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>",
        f"<MsgType><![CDATA[{msg_type}]]></MsgType>",
    ]
    for name, value in fields.items():
        nodes.append(f"<{name}><![CDATA[{value}]]></{name}>")
    if msg_type != "event":
        nodes.append(f"<MsgId>{msg_id or next(_ids)}</MsgId>")
    return "<xml>" + "".join(nodes) + "</xml>"


def text_xml(user: str, content: str, msg_id=None) -> str:
    """A text message push."""
    return push_xml(user, "text", msg_id=msg_id, Content=content)


def event_xml(user: str, event: str, key: str = "", create_time=None) -> str:
    """An event push (subscribe, unsubscribe, CLICK, VIEW, LOCATION ...)."""
    fields = {"Event": event}
    if key:
        fields["EventKey"] = key
    return push_xml(user, "event", create_time=create_time or int(time.time()), **fields)


class WeChatServer:
    """Plays WeChat's server for one account: signs, encrypts and posts pushes, reads the replies."""

    def __init__(self, token=TOKEN, aes_key=AES_KEY, app_id=APP_ID):
        self.token = token
        self.crypto = WeChatCrypto(token, aes_key, app_id) if aes_key else None

    def query(self, timestamp=None, nonce=None, **extra) -> dict:
        """The query string WeChat adds to every request: signature, timestamp, nonce (+ extra)."""
        timestamp = timestamp or str(int(time.time()))
        nonce = nonce or "".join(random.choices(string.digits, k=9))
        return {"signature": sha1_signature(self.token, timestamp, nonce), "timestamp": timestamp,
                "nonce": nonce, **extra}

    def envelope(self, xml: str, mode: str, timestamp=None, nonce=None) -> tuple:
        """(body, query) for one push in ``plain``, ``compat`` (plaintext + Encrypt) or ``safe`` mode;
        signed for now and a random nonce unless ``timestamp`` / ``nonce`` are given."""
        query = self.query(timestamp, nonce)
        if mode == "plain":
            return xml.encode("utf-8"), query
        sealed = self.crypto.encrypt_message(xml, query["nonce"], query["timestamp"])
        encrypt = ET.fromstring(sealed).find("Encrypt").text
        query.update(encrypt_type="aes", msg_signature=sha1_signature(
            self.token, query["timestamp"], query["nonce"], encrypt))
        if mode == "safe":
            body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        else:
            body = xml.replace("</xml>", f"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>")
        return body.encode("utf-8"), query

    def post(self, client, xml: str, mode: str = "plain"):
        """Post a push through the Flask test client; return the response."""
        body, query = self.envelope(xml, mode)
        return client.post("/wechat", query_string=query, data=body, content_type="text/xml")

    def post_http(self, session, base_url: str, xml: str, mode: str = "plain"):
        """Post a push over real HTTP (``requests`` session); return the response."""
        body, query = self.envelope(xml, mode)
        return session.post(base_url + "/wechat", params=query, data=body,
                            headers={"Content-Type": "text/xml"}, timeout=10)

    def read(self, body: bytes | str, encrypted: bool = False) -> dict | None:
        """Our reply as a dict of its elements (decrypted when encrypted); None for "success"."""
        body = body.decode("utf-8") if isinstance(body, bytes) else body
        if body == "success":
            return None
        if encrypted:
            root = ET.fromstring(body)
            body = self.crypto.decrypt_message(
                body, root.find("MsgSignature").text, root.find("TimeStamp").text, root.find("Nonce").text
            )
        root = ET.fromstring(body)
        return {child.tag: child.text or "" for child in root}


class LoopbackServer:
    """A threaded HTTP server on a free 127.0.0.1 port, serving while used as a context manager."""

    def __init__(self, handler):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class FakeWeChatAPI(LoopbackServer):
    """A loopback HTTP server standing in for WeChat's API: /cgi-bin/token, /cgi-bin/message/custom/send,
    /cgi-bin/message/subscribe/bizsend and /cgi-bin/menu/create.

    ``errors`` is a list of errcodes to answer the next sends with (45015, 45047, -1, ...), consumed in order.
    ``sent`` records each accepted message body; ``token_requests`` counts token fetches. Subscription
    notifications: ``notified`` records each accepted bizsend body (answered with a ``msgid``), ``notify_errors``
    are errcodes for the next ones, users in ``refusing`` get 43101 (user refused), and a bizsend without touser,
    template_id or data is refused (47003).
    """

    def __init__(self, secret=None, menu_reply=None):
        """``secret``: the only AppSecret the token endpoint accepts (None: any);
        ``menu_reply``: the answer to menu/create. ``requests`` logs (method, path, query, body) of every call."""
        self.sent = []
        self.rejected = []
        self.errors = []
        self.notified = []
        self.notify_errors = []
        self.refusing = set()
        self.requests = []
        self.menu_reply = menu_reply or {"errcode": 0, "errmsg": "ok"}
        self.token_requests = 0
        self.valid_tokens = set()
        self.delay = 0.0
        self.lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, data, status=200):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                api.requests.append(("GET", url.path, query, None))
                if url.path != "/cgi-bin/token":
                    return self._json({"errcode": 404}, 404)
                if secret is not None and query.get("secret") != [secret]:
                    return self._json({"errcode": 40125, "errmsg": "invalid appsecret"})
                with api.lock:
                    api.token_requests += 1
                    token = f"TOKEN-{api.token_requests}"
                    api.valid_tokens.add(token)
                self._json({"access_token": token, "expires_in": 7200})

            def do_POST(self):
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length) or b"{}")
                api.requests.append(("POST", url.path, parse_qs(url.query), data))
                if url.path == "/cgi-bin/menu/create":
                    return self._json(api.menu_reply)
                if url.path == "/cgi-bin/message/subscribe/bizsend":
                    return self._bizsend(parse_qs(url.query).get("access_token", [""])[0], data)
                if url.path != "/cgi-bin/message/custom/send":
                    return self._json({"errcode": 404}, 404)
                token = parse_qs(url.query).get("access_token", [""])[0]
                if api.delay:
                    time.sleep(api.delay)
                with api.lock:
                    if token not in api.valid_tokens:
                        return self._json({"errcode": 40001, "errmsg": "invalid credential"})
                    if api.errors:
                        code = api.errors.pop(0)
                        api.rejected.append((code, data))
                        return self._json({"errcode": code, "errmsg": f"error {code}"})
                    api.sent.append(data)
                self._json({"errcode": 0, "errmsg": "ok"})

            def _bizsend(self, token, data):
                with api.lock:
                    if token not in api.valid_tokens:
                        return self._json({"errcode": 40001, "errmsg": "invalid credential"})
                    if not (data.get("touser") and data.get("template_id") and isinstance(data.get("data"), dict)):
                        return self._json({"errcode": 47003, "errmsg": "argument invalid!"})
                    if data["touser"] in api.refusing or api.notify_errors:
                        code = 43101 if data["touser"] in api.refusing else api.notify_errors.pop(0)
                        api.rejected.append((code, data))
                        return self._json({"errcode": code, "errmsg": f"error {code}"})
                    api.notified.append(data)
                    msgid = 7000000000 + len(api.notified)
                self._json({"errcode": 0, "errmsg": "ok", "msgid": msgid})

        super().__init__(Handler)
        self.url = self.base_url

    def contents(self) -> list:
        """The texts delivered so far."""
        return [m["text"]["content"] for m in self.sent]


def number_of(content: str, question: str) -> str:
    """The number a numbered list in a reply gives to ``question``."""
    for line in content.splitlines():
        number, _, text = line.partition(". ")
        if text == question:
            return number
    raise AssertionError(f"{question} not offered in {content!r}")


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.02):
    """Poll until ``predicate()`` is truthy; return its value or fail the test."""
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail("condition not met in time")


def make_app(tmp_path, **overrides):
    """An app on a fresh SQLite file and the fixture knowledge base, in compatible mode (plain and encrypted
    pushes both accepted: most tests post plain); ``WECHAT_ALLOW_PLAIN=False`` gives production's safe mode."""
    config = {"BOT_DATABASE": database_for(tmp_path), "BOT_KNOWLEDGE_DIR": KB_DIR, "WECHAT_TOKEN": TOKEN,
              "WECHAT_ENCODING_AES_KEY": AES_KEY, "WECHAT_ALLOW_PLAIN": True, "WECHAT_APP_ID": APP_ID,
              "WECHAT_APP_SECRET": "", "WECHAT_API_BASE_URL": "http://127.0.0.1:9", "TESTING": True}
    config.update(overrides)
    return create_app(config)


def database(app):
    """A connection to the app's database, for checking what it stored."""
    return open_db(app.config["BOT"].BOT_DATABASE, init=False)


def clear(app) -> None:
    """Empty every table of the app's database: each test starts from a fresh state."""
    db = database(app)
    with db.atomic():
        for table in TABLES:
            db.execute(f"delete from {table}")
    db.close()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    """One app per test module: building the engine (jieba) takes a second or two."""
    return make_app(tmp_path_factory.mktemp("webhook"))


@pytest.fixture
def app(shared_app):
    """The app on an emptied database, fixture knowledge base, plain and safe mode accepted."""
    clear(shared_app)
    return shared_app


@pytest.fixture
def client(app):
    """Flask's test client for ``app``."""
    return app.test_client()


@pytest.fixture
def wechat():
    """WeChat's server, for the account ``app`` is configured with."""
    return WeChatServer()


@pytest.fixture
def db(app):
    """A connection to ``app``'s database."""
    conn = database(app)
    yield conn
    conn.close()


