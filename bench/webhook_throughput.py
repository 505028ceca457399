"""Webhook throughput: 8 concurrent senders against gunicorn with 2 workers, safe-mode text messages.

Every fifth message is delivered twice at once (WeChat's retry), so the run also checks that dedupe
works across workers. Prints messages per second, latency percentiles, errors (goal 0) and whether the
log holds exactly one row per distinct message.

    python bench/webhook_throughput.py                   # 8 senders × 100 messages
    python bench/webhook_throughput.py --senders 8 -n 250 --kb tests/fixtures/webhook_kb
"""
import argparse
import os
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from webhook_common import Pusher, Recorder, bot_env, default_kb, percentile, questions, start_gunicorn, stop  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=8, help="concurrent senders (default 8)")
    parser.add_argument("-n", type=int, default=100, help="distinct messages per sender (default 100)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--kb", default=default_kb(), help="knowledge folder the bot serves")
    args = parser.parse_args()

    pusher = Pusher()
    asked = questions(args.kb)
    recorder = Recorder(pusher)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = os.path.join(tmp, "bot.db")
        proc, base = start_gunicorn("app:app", args.workers, bot_env(db_path, args.kb))
        try:
            def sender(k):
                with requests.Session() as s, requests.Session() as retry_session:
                    for i in range(args.n):
                        query, body = pusher.text_push(f"sender-{k}-user-{i % 7}", asked[(k * 31 + i) % len(asked)])
                        if i % 5 == 0:
                            twin = threading.Thread(target=recorder.post, args=(retry_session, base, query, body))
                            twin.start()
                            recorder.post(s, base, query, body)
                            twin.join()
                        else:
                            recorder.post(s, base, query, body)

            started = time.perf_counter()
            with ThreadPoolExecutor(args.senders) as pool:
                list(pool.map(sender, range(args.senders)))
            elapsed = time.perf_counter() - started
        finally:
            stop(proc)
        conn = sqlite3.connect(db_path)
        rows = conn.execute("select count(*), count(distinct msg_id) from messages").fetchone()
        conn.close()

    distinct = args.senders * args.n
    errors, latencies = recorder.errors, recorder.latencies
    requests_sent = len(latencies)
    print(f"knowledge base: {args.kb}")
    print(f"gunicorn -w {args.workers}, {args.senders} concurrent senders, {distinct} distinct messages, "
          f"{requests_sent} requests (every 5th delivered twice at once)")
    print(f"throughput: {requests_sent / elapsed:.1f} requests/s, {distinct / elapsed:.1f} distinct messages/s "
          f"over {elapsed:.1f} s")
    print(f"latency: p50 {percentile(latencies, 50):.1f} ms   p99 {percentile(latencies, 99):.1f} ms")
    print(f"errors: {len(errors)}" + (f"  first: {errors[0]}" if errors else ""))
    verdict = "OK" if rows[0] == rows[1] == distinct else "MISMATCH"
    print(f"log rows: {rows[0]} (distinct msg_id {rows[1]}, expected {distinct}) {verdict}")
    if errors or verdict != "OK":
        sys.exit(1)


if __name__ == "__main__":
    main()
