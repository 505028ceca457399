"""Shared pieces of the webhook benchmarks: start a server under gunicorn, play WeChat's server, percentiles."""
from __future__ import annotations

import hashlib
import itertools
import os
import random
import socket
import string
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

import requests
from wechatpy.crypto import WeChatCrypto

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "bench-token"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wxbench000000000"
ACCOUNT = "gh_bench"
_ids = itertools.count(int(time.time() * 1000))


def default_kb() -> str:
    """The bundled knowledge base when it has FAQ files, else the webhook tests' fixture."""
    bundled = os.path.join(ROOT, "knowledge")
    if os.path.isdir(bundled) and any(n.endswith(".yaml") for n in os.listdir(bundled)):
        return bundled
    return os.path.join(ROOT, "tests", "fixtures", "webhook_kb")


def questions(kb_dir: str, limit: int = 60) -> list:
    """Questions to send: the knowledge base's own FAQ questions and their alternates."""
    from bot.kb.loader import load_knowledge

    kb = load_knowledge(kb_dir)
    out = []
    for faq in kb.faqs:
        out.extend([faq.question, *faq.alternates[:1]])
    random.Random(1).shuffle(out)
    return out[:limit]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(target: str, workers: int, env: dict, cwd: str = ROOT) -> tuple:
    """Run ``gunicorn -w N -b 127.0.0.1:PORT target``; return (process, base_url) once it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
           "--log-level", "warning", target]
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    give_up = time.monotonic() + 60
    while time.monotonic() < give_up:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}: {' '.join(cmd)}")
        try:
            requests.get(base + "/wechat", params=signed_query(), timeout=30)
            return proc, base
        except requests.RequestException:
            time.sleep(0.1)
    stop(proc)
    raise SystemExit("gunicorn did not start within 60 s")


def stop(proc) -> None:
    """Stop a server started by start_gunicorn (only that process)."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def sha1(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def signed_query() -> dict:
    timestamp = str(int(time.time()))
    nonce = "".join(random.choices(string.digits, k=9))
    return {"signature": sha1(TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}


class Pusher:
    """Plays WeChat's server in safe mode: encrypts a text push and decrypts the reply."""

    def __init__(self):
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APP_ID)

    def text_push(self, user: str, content: str, msg_id: int | None = None) -> tuple:
        """(query, body) of one encrypted text message."""
        msg_id = msg_id or next(_ids)
        xml = (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>"
               f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
               f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>")
        query = signed_query()
        sealed = self.crypto.encrypt_message(xml, query["nonce"], query["timestamp"])
        encrypt = ET.fromstring(sealed).find("Encrypt").text
        query.update(encrypt_type="aes", msg_signature=sha1(TOKEN, query["timestamp"], query["nonce"], encrypt))
        body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        return query, body.encode("utf-8")

    def reply_text(self, body: bytes) -> str | None:
        """The Content of an encrypted reply, None for "success"."""
        text = body.decode("utf-8")
        if text == "success":
            return None
        root = ET.fromstring(text)
        plain = self.crypto.decrypt_message(text, root.find("MsgSignature").text, root.find("TimeStamp").text,
                                            root.find("Nonce").text)
        return ET.fromstring(plain).find("Content").text


def bot_env(db_path: str, kb_dir: str) -> dict:
    """Environment for serving our app in safe mode on a scratch database."""
    return {"BOT_DATABASE": db_path, "BOT_KNOWLEDGE_DIR": kb_dir, "WECHAT_TOKEN": TOKEN,
            "WECHAT_ENCODING_AES_KEY": AES_KEY, "WECHAT_APP_ID": APP_ID, "SECRET_KEY": "bench"}


def percentile(values: list, p: float) -> float:
    """The p-th percentile (nearest rank) of a list of numbers."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


class Recorder:
    """Posts pushes and keeps every request's latency and every failure (a non-200 or an unreadable reply)."""

    def __init__(self, pusher: Pusher):
        self.pusher = pusher
        self.errors, self.latencies = [], []
        self._lock = threading.Lock()

    def post(self, session: requests.Session, base: str, query: dict, body: bytes) -> None:
        """One delivery to ``base``/wechat, timed."""
        started = time.perf_counter()
        try:
            r = session.post(base + "/wechat", params=query, data=body, timeout=30)
            ok = r.status_code == 200 and (r.content == b"success" or self.pusher.reply_text(r.content))
            problem = None if ok else f"{r.status_code} {r.content[:120]!r}"
        except requests.RequestException as e:
            problem = repr(e)
        with self._lock:
            self.latencies.append((time.perf_counter() - started) * 1000)
            if problem:
                self.errors.append(problem)
