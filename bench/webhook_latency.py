"""Webhook latency: safe-mode text messages over HTTP, our app beside a bare wechatpy echo handler.

Both run under gunicorn (1 worker each) in the same run; requests alternate between them so both see the
same machine load. Prints p50 / p99 in ms for each and the ratio (goal: ours ≤ 1.5 × the echo handler).

    python bench/webhook_latency.py                 # 300 messages each, bundled knowledge base
    python bench/webhook_latency.py -n 1000 --kb tests/fixtures/webhook_kb
"""
import argparse
import os
import sqlite3
import sys
import tempfile
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from webhook_common import (  # noqa: E402
    ROOT, Pusher, bot_env, default_kb, percentile, questions, start_gunicorn, stop,
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="messages sent to each server (default 300)")
    parser.add_argument("--kb", default=default_kb(), help="knowledge folder the bot serves")
    args = parser.parse_args()

    pusher = Pusher()
    asked = questions(args.kb)
    with tempfile.TemporaryDirectory() as tmp:
        env = bot_env(os.path.join(tmp, "bot.db"), args.kb)
        bot, bot_url = start_gunicorn("app:app", 1, env)
        echo = None
        timings = {"bot": [], "echo": []}
        try:
            echo, echo_url = start_gunicorn("webhook_echo_app:app", 1, env, cwd=os.path.join(ROOT, "bench"))
            with requests.Session() as s:
                for i in range(20):  # warm up both (imports, jieba, first SQLite pages)
                    for url in (bot_url, echo_url):
                        query, body = pusher.text_push(f"warm-{i}", asked[i % len(asked)])
                        s.post(url + "/wechat", params=query, data=body, timeout=10)
                for i in range(args.n):
                    question = asked[i % len(asked)]
                    for name, url in (("bot", bot_url), ("echo", echo_url)):
                        query, body = pusher.text_push(f"user-{i % 50}", question)
                        started = time.perf_counter()
                        r = s.post(url + "/wechat", params=query, data=body, timeout=10)
                        timings[name].append((time.perf_counter() - started) * 1000)
                        if r.status_code != 200 or not pusher.reply_text(r.content):
                            raise SystemExit(f"{name}: unexpected answer {r.status_code} {r.content[:200]!r}")
        finally:
            stop(bot)
            if echo is not None:
                stop(echo)
        conn = sqlite3.connect(os.path.join(tmp, "bot.db"))
        logged = [r[0] for r in conn.execute("select latency_ms from messages where user_id like 'user-%'")]
        conn.close()

    print(f"knowledge base: {args.kb}  messages per server: {args.n}  (safe mode, HTTP, gunicorn -w 1)")
    figures = {}
    for name in ("echo", "bot"):
        p50, p99 = percentile(timings[name], 50), percentile(timings[name], 99)
        figures[name] = (p50, p99)
        print(f"{name:>5}: p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
    r50 = figures["bot"][0] / figures["echo"][0]
    r99 = figures["bot"][1] / figures["echo"][1]
    print(f"ratio: p50 {r50:.2f}×   p99 {r99:.2f}×   (goal ≤ 1.5×)")
    print(f"of the bot's time, answering (engine + conversation, the log's latency_ms): "
          f"p50 {percentile(logged, 50):.2f} ms   p99 {percentile(logged, 99):.2f} ms")


if __name__ == "__main__":
    main()
