"""The app as production runs it, in real processes: gunicorn started, posted to over HTTP, killed."""
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

import requests

from bot.store.connection import exists, open_db
from bot.store.postgres import is_url
from webhook_support import AES_KEY, APP_ID, KB_DIR, TOKEN, WeChatServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """``gunicorn -w N app:app`` on a free port with the webhook fixture knowledge base and the given settings."""

    def __init__(self, database: str, api_url: str, workers: int = 1, **settings):
        self.database = database
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "BOT_DATABASE": database, "BOT_KNOWLEDGE_DIR": KB_DIR, "WECHAT_TOKEN": TOKEN,
                    "WECHAT_ENCODING_AES_KEY": AES_KEY, "WECHAT_APP_ID": APP_ID, "WECHAT_APP_SECRET": "secret",
                    "WECHAT_API_BASE_URL": api_url, "SECRET_KEY": "test-secret", "PYTHONUNBUFFERED": "1",
                    **{k: str(v) for k, v in settings.items()}}
        self.workers = workers
        self.proc = None
        self.wechat = WeChatServer()
        # A file, not a pipe: a pipe nobody reads fills up and stalls gunicorn's logging.
        folder = tempfile.mkdtemp(prefix="gunicorn-") if is_url(database) else os.path.dirname(os.path.abspath(database))
        self.log_path = os.path.join(folder, f"gunicorn-{self.port}.log")

    def start(self, timeout: float = 60.0) -> "Gunicorn":
        """Start and wait until every worker answers the GET handshake."""
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}",
                 "--graceful-timeout", "20", "--log-level", "warning", "app:app"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            self.wait_until_serving(timeout)
        except AssertionError:
            self.stop(signal.SIGKILL)
            raise
        return self

    def log(self) -> str:
        """What gunicorn and the app wrote to stderr so far."""
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def wait_until_serving(self, timeout: float = 60.0) -> None:
        give_up = time.monotonic() + timeout
        while time.monotonic() < give_up:
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.proc.returncode}: {self.log()[-3000:]}")
            try:
                query = self.wechat.query(echostr="up")
                if requests.get(self.url + "/wechat", params=query, timeout=5).text == "up":
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not answer in time: {self.log()[-3000:]}")

    def post(self, body: bytes, query: dict, timeout: float = 15.0) -> requests.Response:
        """One push (a delivery, or WeChat's re-delivery when ``body`` and ``query`` repeat an earlier one)."""
        return requests.post(self.url + "/wechat", params=query, data=body,
                             headers={"Content-Type": "text/xml"}, timeout=timeout)

    def stop(self, sig=signal.SIGTERM, timeout: float = 30.0) -> str:
        """Stop gunicorn (master and workers) with ``sig``; return what it wrote to stderr."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.log() if self.proc is not None else ""


def claim(database: str, key: str) -> dict | None:
    """The dedupe row (delivery claim) of ``key``, read with a connection of its own."""
    found = rows(database, "select * from dedupe where key = ?", [key])
    return found[0] if found else None


def rows(database: str, sql: str, params=()) -> list:
    """Rows as dicts, read with a connection of its own (on SQLite or PostgreSQL)."""
    if not exists(database):
        return []
    db = open_db(database, init=False)
    try:
        return list(db.query(sql, list(params)))
    except sqlite3.OperationalError:
        return []
    finally:
        db.conn.close()


def owner_pid(row: dict) -> int:
    """The process id in a claim's owner (host:pid:token)."""
    return int(row["owner"].split(":")[1])


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
