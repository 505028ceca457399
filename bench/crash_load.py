"""Crash and load: messages lost and duplicated while gunicorn workers are killed with SIGKILL mid-run.

Senders play WeChat's server in safe mode: each message comes from its own user and, when it gets no answer
(the connection dies with its worker, or nothing comes within 5 s), is delivered again, three deliveries in
all. A local HTTP server stands in for WeChat's customer-service API. After the run the script waits for the
outbox to drain and counts, per message: answered (a passive reply or one customer-service message), lost
(neither), duplicated (more than one of them, or more than one log row). Lost and duplicated must be 0.
It runs twice, without and with crashes, and prints the throughput of each.

    python bench/crash_load.py                             # 8 senders × 150 messages, a kill every 2 s
    python bench/crash_load.py -n 400 --kill-every 1 --answer-delay 0.05
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from webhook_common import Pusher, bot_env, default_kb, questions, start_gunicorn, stop  # noqa: E402

DELIVERIES = 3
WECHAT_TIMEOUT = 5.0


class CustomerServiceAPI:
    """WeChat's token and customer-service endpoints on loopback; records every message sent, by user."""

    def __init__(self):
        self.sent = {}
        self.lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, data):
                raw = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self):
                self._json({"access_token": "BENCH-TOKEN", "expires_in": 7200})

            def do_POST(self):
                data = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if urlsplit(self.path).path == "/cgi-bin/message/custom/send":
                    with api.lock:
                        api.sent.setdefault(data["touser"], []).append(data["text"]["content"])
                self._json({"errcode": 0, "errmsg": "ok"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def worker_pids(master_pid: int) -> list:
    """gunicorn's workers: the children of its master."""
    try:
        with open(f"/proc/{master_pid}/task/{master_pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def run(args, kb: str, asked: list, crash: bool) -> dict:
    pusher = Pusher()
    api = CustomerServiceAPI()
    passive, kills, lock = {}, [0], threading.Lock()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = os.path.join(tmp, "bot.db")
        env = {**bot_env(db_path, kb), "WECHAT_APP_SECRET": "bench", "WECHAT_API_BASE_URL": api.url,
               "REPLY_DELAY_SECONDS": str(args.answer_delay)}
        proc, base = start_gunicorn("app:app", args.workers, env)
        done = threading.Event()

        def killer():
            rng = random.Random(7)
            while not done.wait(args.kill_every):
                pids = worker_pids(proc.pid)
                if pids:
                    os.kill(rng.choice(pids), signal.SIGKILL)
                    kills[0] += 1

        def sender(s):
            session = requests.Session()
            for i in range(args.n):
                user = f"o-bench-{s}-{i}"
                query, body = pusher.text_push(user, asked[(s * args.n + i) % len(asked)])
                replies = []
                for _ in range(DELIVERIES):
                    try:
                        r = session.post(base + "/wechat", params=query, data=body, timeout=WECHAT_TIMEOUT,
                                         headers={"Content-Type": "text/xml"})
                    except requests.RequestException:
                        session = requests.Session()
                        continue  # no answer: WeChat delivers again
                    if r.status_code == 200:
                        text = pusher.reply_text(r.content)
                        if text:
                            replies.append(text)
                        break
                with lock:
                    passive[user] = replies

        if crash:
            threading.Thread(target=killer, daemon=True).start()
        started = time.perf_counter()
        with ThreadPoolExecutor(args.senders) as pool:
            list(pool.map(sender, range(args.senders)))
        elapsed = time.perf_counter() - started
        done.set()
        # Let the keepers take over what dead workers held and the outbox send what was late.
        give_up = time.monotonic() + 90
        while time.monotonic() < give_up:
            conn = sqlite3.connect(db_path)
            busy = conn.execute("select (select count(*) from dedupe where status = 'processing') + "
                                "(select count(*) from outbox where status != 'sent')").fetchone()[0]
            conn.close()
            if not busy:
                break
            time.sleep(0.5)
        time.sleep(1.0)
        conn = sqlite3.connect(db_path)
        logged = dict(conn.execute("select user_id, count(*) from messages group by user_id").fetchall())
        conn.close()
        stop(proc)
    sent = len(passive)
    answered = lost = duplicated = 0
    for user, replies in passive.items():
        deliveries = len(replies) + len(api.sent.get(user, []))
        if deliveries == 0:
            lost += 1
        else:
            answered += 1
        if deliveries > 1 or logged.get(user, 0) > 1:
            duplicated += 1
    return {"sent": sent, "answered": answered, "lost": lost, "duplicated": duplicated, "kills": kills[0],
            "late": sum(1 for u in passive if api.sent.get(u)), "seconds": elapsed, "per_second": sent / elapsed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=8, help="concurrent senders (default 8)")
    parser.add_argument("-n", type=int, default=150, help="distinct messages per sender (default 150)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--kill-every", type=float, default=2.0, help="seconds between SIGKILLs (default 2)")
    parser.add_argument("--answer-delay", type=float, default=0.02,
                        help="REPLY_DELAY_SECONDS: widens the window in which a kill lands mid-answer (default 0.02)")
    parser.add_argument("--kb", default=default_kb(), help="knowledge folder the bot serves")
    args = parser.parse_args()
    asked = questions(args.kb)
    results = {"without crashes": run(args, args.kb, asked, crash=False),
               "with crashes": run(args, args.kb, asked, crash=True)}
    print(f"{args.senders} senders × {args.n} messages, {args.workers} gunicorn workers, "
          f"answer delay {args.answer_delay:g} s, a worker killed every {args.kill_every:g} s in the second run")
    for name, r in results.items():
        print(f"{name:16} sent {r['sent']:5}  answered {r['answered']:5}  lost {r['lost']}  "
              f"duplicated {r['duplicated']}  late (outbox) {r['late']:4}  workers killed {r['kills']:3}  "
              f"{r['per_second']:6.1f} msg/s")
    calm, crashed = results["without crashes"], results["with crashes"]
    print(f"throughput with crashes / without: {crashed['per_second'] / calm['per_second']:.2f}")
    if crashed["lost"] or crashed["duplicated"] or calm["lost"] or calm["duplicated"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
