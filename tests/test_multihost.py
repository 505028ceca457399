"""Two app hosts on one PostgreSQL: WeChat's re-deliveries land on the other host, one host dies mid-load.

Runs in the PostgreSQL pass (TEST_DATABASE_URL); each "host" is a gunicorn of its own on its own port.
"""
import collections
import os
import signal
import threading
import time

import requests

from db_support import database_for, postgres_only
from process_support import Gunicorn, kill, rows
from webhook_support import text_xml, wait_for

pytestmark = postgres_only

QUESTION = "海船船员适任证书到期了怎么再有效"



def deliver(server: Gunicorn, body: bytes, query: dict, results: list) -> threading.Thread:
    def run():
        try:
            response = server.post(body, query)
            results.append(server.wechat.read(response.content, encrypted=response.content != b"success"))
        except requests.RequestException as e:
            results.append(e)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def logged(database: str, msg_id: str) -> list:
    return rows(database, "select action, faq_id from messages where msg_id = ?", [msg_id])


def test_redeliveries_on_the_other_host_are_answered_once_with_one_token_fetch(tmp_path, fake_api):
    """Each message goes to host A and its re-delivery to host B at once; replies are late (past WeChat's 5 s),
    so every answer goes out through the customer-service API from whichever host holds the claim."""
    database = database_for(tmp_path)
    settings = {"REPLY_DELAY_SECONDS": 5.5}
    a = Gunicorn(database, fake_api.url, workers=2, **settings).start()
    b = Gunicorn(database, fake_api.url, workers=2, **settings).start()
    try:
        users = [f"o-multi-{n}" for n in range(12)]
        threads, results = [], []
        for n, user in enumerate(users):
            body, query = a.wechat.envelope(text_xml(user, QUESTION, msg_id=str(81000 + n)), "safe")
            threads += [deliver(a, body, query, results), deliver(b, body, query, results)]
        for thread in threads:
            thread.join(30)
        wait_for(lambda: len(fake_api.sent) >= len(users), timeout=40)
        time.sleep(2)  # nothing more may follow
        sent = collections.Counter(m["touser"] for m in fake_api.sent)
        assert sent == {user: 1 for user in users}, sent
        assert all("再有效" in text for text in fake_api.contents())
        for n in range(len(users)):
            assert [r["faq_id"] for r in logged(database, str(81000 + n))] == ["cert-renew"]
        assert fake_api.token_requests == 1
        outbox = rows(database, "select status, count(*) as n from outbox group by status")
        assert outbox == [{"status": "sent", "n": len(users)}]
    finally:
        a.stop()
        b.stop()


def children(pid: int) -> list:
    """The process ids whose parent is ``pid`` (gunicorn's workers), from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


def test_a_host_killed_mid_load_has_its_claims_taken_over_by_the_other(tmp_path, fake_api):
    """Host A dies (SIGKILL, master and workers) with messages in hand; WeChat re-delivers what got no answer,
    and the balancer sends those re-deliveries to host B. Every user gets one answer, each logged once."""
    database = database_for(tmp_path)
    a = Gunicorn(database, fake_api.url, workers=2, REPLY_DELAY_SECONDS=3).start()
    b = Gunicorn(database, fake_api.url, workers=2).start()
    try:
        users = [f"o-killed-{n}" for n in range(8)]
        pushes = [a.wechat.envelope(text_xml(user, QUESTION, msg_id=str(82000 + n)), "safe")
                  for n, user in enumerate(users)]
        first = [[] for _ in users]
        threads = [deliver(a, body, query, first[n]) for n, (body, query) in enumerate(pushes)]
        wait_for(lambda: rows(database, "select key from dedupe where status = 'processing'"))
        for pid in children(a.proc.pid) + [a.proc.pid]:
            kill(pid)  # the whole host, no goodbye
        for thread in threads:
            thread.join(15)
        # WeChat re-delivers every push that got no answer; the balancer now sends it to host B.
        again = [[] for _ in users]
        retries = [deliver(b, body, query, again[n]) for n, (body, query) in enumerate(pushes)
                   if not (first[n] and isinstance(first[n][0], dict))]
        assert retries, "host A died before answering anything"
        for thread in retries:
            thread.join(30)
        time.sleep(4)  # what host B's keeper took over goes out through the outbox
        passive = collections.Counter(users[n] for n in range(len(users))
                                      for r in first[n] + again[n] if isinstance(r, dict) and "再有效" in r["Content"])
        sent = collections.Counter(m["touser"] for m in fake_api.sent)
        assert passive + sent == {user: 1 for user in users}, (passive, sent)
        for n in range(len(users)):
            assert len(logged(database, str(82000 + n))) == 1
        claims = rows(database, "select status, attempts from dedupe")
        assert not [c for c in claims if c["status"] == "processing"]
        assert any(c["attempts"] >= 2 for c in claims), claims  # some were A's when it died, then B's
    finally:
        a.stop(signal.SIGKILL)
        b.stop()


def test_hosts_starting_at_once_on_an_empty_database_migrate_once(tmp_path, fake_api):
    database = database_for(tmp_path)
    hosts = [Gunicorn(database, fake_api.url, workers=2) for _ in range(3)]
    try:
        starters = [threading.Thread(target=h.start, daemon=True) for h in hosts]
        for s in starters:
            s.start()
        for s in starters:
            s.join(120)
        for h in hosts:
            h.wait_until_serving()
        versions = rows(database, "select version from schema_migrations order by version")
        from bot.store import migrations

        assert [v["version"] for v in versions] == [n for n, _, _ in migrations.MIGRATIONS]
        for h in hosts:
            assert "Traceback" not in h.log(), h.log()[-2000:]
    finally:
        for h in hosts:
            h.stop()


def test_the_suite_runs_here_on_postgresql():
    """Guard: this pass really is the PostgreSQL one (the URL reaches the server the tests use)."""
    assert os.environ["TEST_DATABASE_URL"].startswith(("postgresql://", "postgres://"))
