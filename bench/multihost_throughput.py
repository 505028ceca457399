"""Throughput of 1 host on SQLite, 1 host on PostgreSQL and 2 hosts on one PostgreSQL, 8 senders, same run.

Each host is a gunicorn of its own (``--workers`` each) on its own port. With two hosts, senders alternate
between them and every fifth message is delivered twice at once, the second copy to the other host (WeChat's
retry landing elsewhere behind the balancer), so the run also checks deduplication across hosts: the log must
hold exactly one row per distinct message. Prints a table (messages per second, latency percentiles, errors).

    pg_virtualenv sh -c 'python bench/multihost_throughput.py \
        --pg "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"'
    python bench/multihost_throughput.py --pg postgresql://bot:secret@db/bot -n 100
"""
import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from webhook_common import Pusher, Recorder, bot_env, default_kb, percentile, questions, start_gunicorn, stop  # noqa: E402


def fresh_schema(server: str) -> str:
    """A new schema on the server for one configuration, as a BOT_DATABASE URL."""
    import urllib.parse

    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    parts = urllib.parse.urlsplit(server)
    query = urllib.parse.parse_qsl(parts.query) + [("options", f"-csearch_path={schema}")]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def run(label: str, database: str, hosts: int, args) -> dict:
    """Start ``hosts`` gunicorns on ``database``, push, stop them; the figures of the run."""
    from bot.store.connection import open_db

    open_db(database).close()  # migrate once before the hosts start
    pusher = Pusher()
    asked = questions(args.kb)
    recorder = Recorder(pusher)
    started_hosts = [start_gunicorn("app:app", args.workers, bot_env(database, args.kb)) for _ in range(hosts)]
    bases = [base for _, base in started_hosts]
    try:
        def sender(k):
            with requests.Session() as s, requests.Session() as retry_session:
                for i in range(args.n):
                    here = bases[(k + i) % len(bases)]
                    there = bases[(k + i + 1) % len(bases)]
                    query, body = pusher.text_push(f"{label}-sender-{k}-user-{i % 7}", asked[(k * 31 + i) % len(asked)])
                    if i % 5 == 0:
                        twin = threading.Thread(target=recorder.post, args=(retry_session, there, query, body))
                        twin.start()
                        recorder.post(s, here, query, body)
                        twin.join()
                    else:
                        recorder.post(s, here, query, body)

        began = time.perf_counter()
        with ThreadPoolExecutor(args.senders) as pool:
            list(pool.map(sender, range(args.senders)))
        elapsed = time.perf_counter() - began
    finally:
        for proc, _ in started_hosts:
            stop(proc)
    db = open_db(database, init=False)
    rows, distinct_rows = db.execute("select count(*), count(distinct msg_id) from messages").fetchone()
    db.conn.close()
    errors, latencies = recorder.errors, recorder.latencies
    distinct = args.senders * args.n
    return {"label": label, "hosts": hosts, "elapsed": elapsed, "requests": len(latencies), "distinct": distinct,
            "p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "errors": errors,
            "log_ok": rows == distinct_rows == distinct, "rows": rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("BENCH_DATABASE_URL"),
                        help="PostgreSQL server URL (each configuration gets a schema of its own)")
    parser.add_argument("--senders", type=int, default=8, help="concurrent senders (default 8)")
    parser.add_argument("-n", type=int, default=50, help="distinct messages per sender (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per host (default 2)")
    parser.add_argument("--kb", default=default_kb(), help="knowledge folder the bot serves")
    args = parser.parse_args()
    if not args.pg:
        parser.error("give --pg postgresql://… (or BENCH_DATABASE_URL); see the docstring for a throwaway cluster")

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(run("sqlite-1", os.path.join(tmp, "bot.db"), 1, args))
    results.append(run("pg-1", fresh_schema(args.pg), 1, args))
    results.append(run("pg-2", fresh_schema(args.pg), 2, args))

    base = results[0]["distinct"] / results[0]["elapsed"]
    print(f"knowledge base: {args.kb}; {args.senders} senders × {args.n} distinct messages, every 5th delivered "
          f"twice at once (to the other host when there are two); gunicorn -w {args.workers} per host; "
          f"{os.cpu_count()} CPU cores in all")
    print("| database | hosts | messages/s | vs SQLite | p50 ms | p99 ms | errors | one log row per message |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        rate = r["distinct"] / r["elapsed"]
        print(f"| {'SQLite' if r['label'].startswith('sqlite') else 'PostgreSQL'} | {r['hosts']} | {rate:.1f} | "
              f"{rate / base:.2f}× | {r['p50']:.0f} | {r['p99']:.0f} | {len(r['errors'])} | "
              f"{'yes' if r['log_ok'] else 'NO (' + str(r['rows']) + ')'} |")
    for r in results:
        if r["errors"]:
            print(f"{r['label']} first error: {r['errors'][0]}")
    if any(r["errors"] or not r["log_ok"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
