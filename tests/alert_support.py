"""Test helpers for duty alerts: stand-ins for the WeCom group robot, a paging webhook and an SMTP server.

All of them are real servers on 127.0.0.1, so the code under test makes real HTTP and SMTP connections.
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler

from aiosmtpd.controller import Controller

from bot.config import Config
from bot.clock import iso
from bot.store.connection import open_db
from bot.store import sql
from webhook_support import LoopbackServer
from db_support import database_for

HANG_LIMIT_SECONDS = 30.0


class FakeRobot(LoopbackServer):
    """An HTTP endpoint playing the WeCom group robot (or a paging gateway's webhook).

    ``script`` holds how to answer the next requests, consumed in order: "ok", "rate" (errcode 45009),
    "http500" or "hang" (never answers until the server closes); when empty, ``default`` applies.
    ``bodies`` records every request's JSON; ``received`` is set at each request.
    """

    def __init__(self, default: str = "ok"):
        self.bodies = []
        self.script = []
        self.default = default
        self.received = threading.Event()
        self.closing = threading.Event()
        self.lock = threading.Lock()
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with robot.lock:
                    robot.bodies.append(body)
                    action = robot.script.pop(0) if robot.script else robot.default
                robot.received.set()
                if action == "hang":
                    robot.closing.wait(HANG_LIMIT_SECONDS)
                    return
                if action == "http500":
                    return self._json({"error": "internal"}, 500)
                if action == "rate":
                    return self._json({"errcode": 45009, "errmsg": "api freq out of limit"})
                self._json({"errcode": 0, "errmsg": "ok"})

            def _json(self, data, status=200):
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        super().__init__(Handler)
        self.url = self.base_url + "/cgi-bin/webhook/send?key=test-key"

    def __exit__(self, *exc):
        self.closing.set()  # a request held open on purpose lets go, so the server can stop
        super().__exit__(*exc)

    def contents(self) -> list:
        """The robot texts received so far."""
        return [b["text"]["content"] for b in self.bodies]


class _Inbox:
    def __init__(self):
        self.messages = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        self.received.set()
        return "250 Message accepted for delivery"


class FakeSMTP:
    """A local SMTP server (aiosmtpd) keeping every envelope it accepts in ``messages``.

    ``users`` (name → password), when given, offers AUTH over plain text (fine on loopback, for a test).
    """

    def __init__(self, users: dict | None = None):
        self.inbox = _Inbox()
        self.port = free_port()
        options = {}
        if users is not None:
            def authenticate(server, session, envelope, mechanism, auth_data):
                from aiosmtpd.smtp import AuthResult

                ok = users.get(auth_data.login.decode()) == auth_data.password.decode()
                return AuthResult(success=ok, handled=False)

            options = {"authenticator": authenticate, "auth_require_tls": False}
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)

    @property
    def messages(self) -> list:
        """The envelopes received so far."""
        return self.inbox.messages

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def alert_config(tmp_path, **overrides) -> Config:
    """Settings for a dispatcher on a fresh database in ``tmp_path``: no channel unless given, quick timings,
    no escalation unless ``ALERT_ESCALATE_MINUTES`` is given."""
    values = {"BOT_DATABASE": database_for(tmp_path), "PUBLIC_BASE_URL": "https://msa.example.cn",
              "ALERT_POLL_SECONDS": 0.05, "ALERT_TIMEOUT_SECONDS": 2.0, "ALERT_LEASE_SECONDS": 10.0,
              "ALERT_ESCALATE_MINUTES": 0.0}
    values.update(overrides)
    config = Config(**values)
    open_db(config.BOT_DATABASE).close()
    return config


def add_handoff(db, exchange, *, at: dt.datetime, priority: str = "urgent", state: str = "pending",
                user_id: str = "o-user-1", claimed_by: str | None = None, distress_kind: str | None = None) -> int:
    """A handoff as the conversation stores it: ``exchange`` is [(user words, bot reply)], one minute apart,
    the last one at ``at``; the last user words are the key message, ``distress_kind`` the kind read in them."""
    transcript = []
    start = at - dt.timedelta(minutes=len(exchange) - 1)
    for index, (words, reply) in enumerate(exchange):
        stamp = iso(start + dt.timedelta(minutes=index))
        transcript.append({"at": stamp, "who": "user", "text": words})
        if reply:
            transcript.append({"at": stamp, "who": "bot", "text": reply})
    return sql.insert(db, "handoffs", {
        "user_id": user_id, "question": exchange[-1][0], "priority": priority, "state": state,
        "transcript": json.dumps(transcript, ensure_ascii=False), "reason": "distress",
        "created_at": iso(start), "updated_at": iso(at), "last_user_message_at": iso(at),
        "key_message": exchange[-1][0], "key_message_at": iso(at), "claimed_by": claimed_by,
        "distress_kind": distress_kind,
    })


def alert_rows(db, **where) -> list:
    """Rows of the alerts table, oldest first, filtered by equal columns."""
    clause = " and ".join(f"{k} = ?" for k in where) or "true"
    return list(db.query(f"select * from alerts where {clause} order by id", list(where.values())))
