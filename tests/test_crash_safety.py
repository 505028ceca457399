"""No accepted message is lost, none answered twice: gunicorn workers killed mid-answer, stopped gracefully."""
import signal
import threading
import time

import pytest
import requests

from process_support import Gunicorn, claim, kill, owner_pid, rows
from webhook_support import text_xml, wait_for
from db_support import database_for

QUESTION = "海船船员适任证书到期了怎么再有效"



def deliver_in_background(server: Gunicorn, body: bytes, query: dict) -> dict:
    """Post like WeChat does and do not wait: the result (response or error) lands in the returned dict."""
    result = {}

    def run():
        try:
            result["response"] = server.post(body, query)
        except requests.RequestException as e:
            result["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    result["thread"] = thread
    return result


def answered_rows(database: str, msg_id: str) -> list:
    return rows(database, "select action, faq_id, reply from messages where msg_id = ?", [msg_id])


def test_a_worker_killed_mid_answer_the_redelivery_answers_exactly_once(tmp_path, fake_api):
    database = database_for(tmp_path)
    server = Gunicorn(database, fake_api.url, REPLY_DELAY_SECONDS=2).start()
    try:
        msg_id = "70001"
        body, query = server.wechat.envelope(text_xml("o-crash-1", QUESTION, msg_id=msg_id), "safe")
        first = deliver_in_background(server, body, query)
        row = wait_for(lambda: claim(database, f"msg:{msg_id}"))
        assert row["status"] == "processing"
        kill(owner_pid(row))  # the worker dies mid-answer; WeChat's first delivery gets no reply
        first["thread"].join(10)
        assert "error" in first
        server.wait_until_serving()  # gunicorn's master has started a new worker

        again = server.post(body, query)  # WeChat's re-delivery: the same URL and body
        reply = server.wechat.read(again.content, encrypted=again.content != b"success")
        done = wait_for(lambda: (c := claim(database, f"msg:{msg_id}")) and c["status"] != "processing" and c)
        sent = wait_for(lambda: reply or fake_api.contents(), timeout=15) and fake_api.contents()
        # Answered once: in the reply to the re-delivery, or (when the new worker's keeper took it over first)
        # through the customer-service API, never both.
        if reply:
            assert "再有效" in reply["Content"] and sent == []
        else:
            assert len(sent) == 1 and "再有效" in sent[0]
        assert done["attempts"] == 2
        [logged] = answered_rows(database, msg_id)
        assert logged["faq_id"] == "cert-renew"
    finally:
        server.stop()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_killed_mid_answer_without_redelivery_is_answered_through_the_outbox(tmp_path, fake_api, workers):
    """With one worker its replacement finds the dead worker's claim at start-up; with two the survivor does."""
    database = database_for(tmp_path)
    server = Gunicorn(database, fake_api.url, workers=workers, REPLY_DELAY_SECONDS=2).start()
    try:
        msg_id = "71001"
        body, query = server.wechat.envelope(text_xml("o-crash-2", QUESTION, msg_id=msg_id), "safe")
        inflight = deliver_in_background(server, body, query)
        row = wait_for(lambda: claim(database, f"msg:{msg_id}"))
        kill(owner_pid(row))
        inflight["thread"].join(10)
        assert "error" in inflight
        # No re-delivery comes: the claim is taken over and the reply goes through the customer-service API.
        wait_for(lambda: fake_api.sent, timeout=30)
        time.sleep(1.5)  # nothing more may follow
        assert [m["touser"] for m in fake_api.sent] == ["o-crash-2"]
        assert "再有效" in fake_api.contents()[0]
        assert len(answered_rows(database, msg_id)) == 1
        assert claim(database, f"msg:{msg_id}")["status"] == "late"
    finally:
        server.stop()


def test_sigterm_finishes_the_message_being_answered(tmp_path, fake_api):
    database = database_for(tmp_path)
    server = Gunicorn(database, fake_api.url, REPLY_DELAY_SECONDS=2).start()
    msg_id = "72001"
    body, query = server.wechat.envelope(text_xml("o-term", QUESTION, msg_id=msg_id), "safe")
    inflight = deliver_in_background(server, body, query)
    wait_for(lambda: claim(database, f"msg:{msg_id}"))
    server.proc.send_signal(signal.SIGTERM)  # gunicorn's graceful stop, as systemd or a deploy sends it
    inflight["thread"].join(20)
    server.stop()
    reply = server.wechat.read(inflight["response"].content, encrypted=True)
    assert "再有效" in reply["Content"]
    assert claim(database, f"msg:{msg_id}")["status"] == "done"
    assert len(answered_rows(database, msg_id)) == 1


def test_gunicorn_with_four_workers_starts_on_a_file_of_the_previous_schema(tmp_path, fake_api):
    from test_migrations import old_file

    from bot.store import migrations

    database = old_file(tmp_path / "old.db")
    server = Gunicorn(database, fake_api.url, workers=4).start()
    try:
        body, query = server.wechat.envelope(text_xml("o-after-upgrade", QUESTION, msg_id="73001"), "safe")
        reply = server.wechat.read(server.post(body, query).content, encrypted=True)
        assert "再有效" in reply["Content"]
    finally:
        err = server.stop()
    assert "Worker failed to boot" not in err and "Traceback" not in err
    versions = rows(database, "select version from schema_migrations order by version")
    assert [r["version"] for r in versions] == [n for n, _, _ in migrations.MIGRATIONS]
    assert len(rows(database, "select * from messages")) == 5
