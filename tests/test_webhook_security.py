"""Only WeChat gets in: plaintext pushes under an AES key, stale and replayed URLs, hostile XML, oversized bodies.

Every push is signed (and encrypted) the way WeChat's server does it (``WeChatServer``); every refusal must be
logged exactly once, naming the status, the reason and the client address.
"""
import logging
import threading
import time
import xml.etree.ElementTree as ET

import pytest
import requests
from werkzeug.serving import make_server

from webhook_support import (  # noqa: F401  (fixtures)
    app, clear, database, event_xml, make_app, push_xml, shared_app, text_xml, wechat,
)

from bot.config import Config
from bot.store.connection import open_db
from bot.wechat.nonces import NONCE_KEEP_SECONDS, PUSH_MAX_AGE_SECONDS, PushNonces, ReplayedPush, StalePush
from bot.wechat.webhook import MAX_PUSH_BYTES
from db_support import database_for

ADDR = "203.0.113.7"
LOST = "船员证书丢失了怎么补办"


@pytest.fixture(scope="module")
def strict_app(tmp_path_factory):
    """Production's safe mode: an EncodingAESKey and WECHAT_ALLOW_PLAIN off."""
    return make_app(tmp_path_factory.mktemp("strict"), WECHAT_ALLOW_PLAIN=False)


@pytest.fixture(scope="module")
def keyless_app(tmp_path_factory):
    """Plain mode: no EncodingAESKey, so only ``signature`` vouches for a push."""
    return make_app(tmp_path_factory.mktemp("keyless"), WECHAT_ENCODING_AES_KEY="", WECHAT_ALLOW_PLAIN=False)


@pytest.fixture
def strict(strict_app):
    clear(strict_app)
    return strict_app


@pytest.fixture
def keyless(keyless_app):
    clear(keyless_app)
    return keyless_app


def send(app, body, query, method="POST"):
    """One request to /wechat from ADDR, as WeChat's server makes it."""
    return app.test_client().open("/wechat", method=method, query_string=query, data=body,
                                  content_type="text/xml", environ_base={"REMOTE_ADDR": ADDR})


def refused(app, caplog, body, query, status, reason):
    """Send, and check the status and the single log record that names it, the reason and the address."""
    caplog.clear()
    with caplog.at_level(logging.INFO):
        r = send(app, body, query)
    assert r.status_code == status, r.data
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"拒绝来自 {ADDR} 的微信推送（{status}）："), messages[0]
    assert reason in messages[0], messages[0]
    return r


def count(app, sql, params=()):
    db = database(app)
    try:
        return db.execute(f"select count(*) from ({sql}) as counted", params).fetchone()[0]
    finally:
        db.close()


def nothing_stored(app):
    for table in ("messages", "handoffs", "dedupe", "users", "alerts"):
        assert count(app, f"select * from {table}") == 0, table


def ago(seconds):
    return str(int(time.time()) - seconds)


# ---- with an AES key, only encrypted pushes ------------------------------------------------------------

def test_plaintext_push_refused_when_an_aes_key_is_set(strict, wechat, caplog):
    body, query = wechat.envelope(text_xml("user-a", LOST), "plain")
    refused(strict, caplog, body, query, 403, "WECHAT_ALLOW_PLAIN")
    nothing_stored(strict)


def test_forged_plaintext_distress_opens_no_handoff(strict, app, wechat, caplog):
    body, query = wechat.envelope(text_xml("user-a", "救命"), "plain")
    refused(strict, caplog, body, query, 403, "拒绝未加密的推送")
    nothing_stored(strict)
    # The same push where plaintext is allowed does open one: the refusal above is what stopped it.
    assert send(app, *wechat.envelope(text_xml("user-a", "救命"), "plain")).status_code == 200
    assert count(app, "select * from handoffs where user_id = 'user-a'") == 1


def test_forged_plaintext_unsubscribe_deletes_nothing(strict, wechat, caplog):
    for text in ("船员证书", "人工"):
        assert send(strict, *wechat.envelope(text_xml("user-a", text), "safe")).status_code == 200
    before = {t: count(strict, f"select * from {t} where user_id = 'user-a'") for t in ("messages", "handoffs",
                                                                                      "users")}
    assert before == {"messages": 2, "handoffs": 1, "users": 1}
    body, query = wechat.envelope(event_xml("user-a", "unsubscribe"), "plain")
    refused(strict, caplog, body, query, 403, "拒绝未加密的推送")
    after = {t: count(strict, f"select * from {t} where user_id = 'user-a'") for t in before}
    assert after == before


def test_compatible_mode_push_is_read_from_its_encrypted_part(strict, wechat):
    sealed, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    encrypt = ET.fromstring(sealed).find("Encrypt").text
    decoy = text_xml("user-a", "救命").replace("</xml>", f"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>")
    r = send(strict, decoy.encode(), query)
    assert r.status_code == 200
    assert "补发" in wechat.read(r.data, encrypted=True)["Content"]
    assert count(strict, "select * from handoffs") == 0


def test_plaintext_accepted_with_allow_plain(app, wechat):
    for mode in ("plain", "compat", "safe"):
        r = send(app, *wechat.envelope(text_xml("user-a", LOST), mode))
        assert r.status_code == 200
        assert "补发" in wechat.read(r.data, encrypted=mode != "plain")["Content"]


def test_allow_plain_comes_from_the_environment():
    assert Config.from_env({}).WECHAT_ALLOW_PLAIN is False
    assert Config.from_env({"WECHAT_ALLOW_PLAIN": "1"}).WECHAT_ALLOW_PLAIN is True


@pytest.mark.parametrize("fixture", ["strict", "keyless", "app"])
def test_get_handshake_works_in_every_mode(request, wechat, fixture):
    r = send(request.getfixturevalue(fixture), b"", {**wechat.query(), "echostr": "8476039372937"}, method="GET")
    assert (r.status_code, r.data) == (200, b"8476039372937")


def test_forged_signature_is_logged_once(strict, wechat, caplog):
    body, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    refused(strict, caplog, body, {**query, "signature": "0" * 40}, 403, "签名校验失败")


# ---- the timestamp's age --------------------------------------------------------------------------------

@pytest.mark.parametrize("skew", [6 * 60, 365 * 24 * 3600, -6 * 60, PUSH_MAX_AGE_SECONDS + 2],
                         ids=["6-minutes-old", "a-year-old", "6-minutes-ahead", "just-past-the-window"])
@pytest.mark.parametrize("mode", ["plain", "safe"])
def test_stale_timestamp_refused(app, wechat, caplog, skew, mode):
    body, query = wechat.envelope(text_xml("user-a", LOST), mode, timestamp=ago(skew))
    refused(app, caplog, body, query, 403, "timestamp")
    nothing_stored(app)


@pytest.mark.parametrize("skew", [-4 * 60, 4 * 60])
def test_timestamp_inside_the_window_accepted(strict, wechat, skew):
    r = send(strict, *wechat.envelope(text_xml("user-a", LOST), "safe", timestamp=ago(skew)))
    assert "补发" in wechat.read(r.data, encrypted=True)["Content"]


@pytest.mark.parametrize("timestamp", ["abc", "1.7e9", " 1700000000", "１７００００００００", "-60"])
def test_non_numeric_timestamp_refused(app, wechat, caplog, timestamp):
    body, query = wechat.envelope(text_xml("user-a", LOST), "plain", timestamp=timestamp)
    refused(app, caplog, body, query, 403, "timestamp 不是秒数")
    nothing_stored(app)


# ---- re-deliveries and replays --------------------------------------------------------------------------

@pytest.mark.parametrize("fixture,mode", [("strict", "safe"), ("app", "plain"), ("keyless", "plain")])
def test_redelivery_with_same_url_and_body_gets_the_first_reply(request, wechat, fixture, mode):
    target = request.getfixturevalue(fixture)
    body, query = wechat.envelope(text_xml("user-a", LOST), mode, timestamp=ago(PUSH_MAX_AGE_SECONDS - 20))
    first = send(target, body, query)
    again = send(target, body, query)
    assert first.status_code == again.status_code == 200
    encrypted = mode == "safe"
    assert wechat.read(again.data, encrypted)["Content"] == wechat.read(first.data, encrypted)["Content"]
    assert "补发" in wechat.read(first.data, encrypted)["Content"]
    assert count(target, "select * from messages") == 1


@pytest.mark.parametrize("fixture", ["app", "keyless"])
def test_plaintext_url_replayed_with_another_body_refused(request, wechat, caplog, fixture):
    target = request.getfixturevalue(fixture)
    body, query = wechat.envelope(text_xml("user-a", LOST), "plain")
    assert send(target, body, query).status_code == 200
    forged = text_xml("user-victim", "救命").encode()
    refused(target, caplog, forged, query, 403, "疑为重放")
    forged = event_xml("user-a", "unsubscribe").encode()
    refused(target, caplog, forged, query, 403, "疑为重放")
    assert count(target, "select * from messages where user_id = 'user-a'") == 1
    assert count(target, "select * from handoffs") == 0


def test_encrypted_url_replayed_as_plaintext_refused_even_with_allow_plain(app, wechat, caplog):
    # ``signature`` does not cover encrypt_type or msg_signature: a copied URL without them looks like plain mode.
    body, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    assert send(app, body, query).status_code == 200
    plain_query = {k: v for k, v in query.items() if k not in ("encrypt_type", "msg_signature")}
    refused(app, caplog, event_xml("user-a", "unsubscribe").encode(), plain_query, 403, "疑为重放")
    assert count(app, "select * from messages where user_id = 'user-a'") == 1


def test_encrypted_url_replayed_with_another_body_refused(strict, wechat, caplog):
    body, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    assert send(strict, body, query).status_code == 200
    other, _ = wechat.envelope(text_xml("user-a", "救命"), "safe", timestamp=query["timestamp"], nonce=query["nonce"])
    refused(strict, caplog, other, query, 403, "疑为重放")
    assert count(strict, "select * from handoffs") == 0


def test_encrypted_body_with_a_foreign_msg_signature_refused(strict, wechat, caplog):
    # The first push with a URL: no nonce to collide with, so msg_signature (over Encrypt) is what refuses it.
    body, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    other, _ = wechat.envelope(text_xml("user-a", "救命"), "safe")
    refused(strict, caplog, other, query, 403, "msg_signature")
    nothing_stored(strict)


def test_replay_refused_by_another_worker(tmp_path, wechat, caplog):
    first, second = make_app(tmp_path), make_app(tmp_path)
    body, query = wechat.envelope(text_xml("user-a", LOST), "plain")
    assert send(first, body, query).status_code == 200
    refused(second, caplog, text_xml("user-a", "救命").encode(), query, 403, "疑为重放")
    assert send(second, body, query).status_code == 200
    assert count(second, "select * from messages") == 1


def test_racing_workers_let_exactly_one_body_through(tmp_path):
    path = database_for(tmp_path)
    open_db(path).close()
    now = str(int(time.time()))
    start = threading.Barrier(8)
    outcomes = []

    def worker(i):
        nonces = PushNonces(path)
        start.wait()
        try:
            nonces.admit(now, "12345", f"body {i % 2}".encode())
            outcomes.append(i % 2)
        except ReplayedPush:
            outcomes.append("refused")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    passed = {o for o in outcomes if o != "refused"}
    assert len(passed) == 1 and outcomes.count("refused") == 4


def test_nonces_are_forgotten_once_they_can_no_longer_pass(tmp_path):
    path = database_for(tmp_path)
    open_db(path).close()
    now = float(int(time.time()))
    nonces = PushNonces(path, clock=lambda: now)
    nonces.admit(str(int(now) + PUSH_MAX_AGE_SECONDS), "ahead", b"a")
    nonces.admit(str(int(now) - PUSH_MAX_AGE_SECONDS), "behind", b"b")
    # Still inside the window of the timestamp that was ahead: both kept.
    assert nonces.prune(now + PUSH_MAX_AGE_SECONDS + 1) == 0
    nonces.clock = lambda: now + 2 * PUSH_MAX_AGE_SECONDS - 1
    with pytest.raises(ReplayedPush):
        nonces.admit(str(int(now) + PUSH_MAX_AGE_SECONDS), "ahead", b"forged")
    assert nonces.prune(now + NONCE_KEEP_SECONDS + 1) == 2
    nonces.clock = lambda: now + NONCE_KEEP_SECONDS + 1
    with pytest.raises(StalePush):
        nonces.admit(str(int(now) + PUSH_MAX_AGE_SECONDS), "ahead", b"forged")


# ---- hostile XML ----------------------------------------------------------------------------------------

def laughs(encoding_name: str, laugh: str = "哈") -> str:
    """A push whose entities expand ten laughs a million-fold (billion laughs, cut short)."""
    entities = f'<!ENTITY a0 "{laugh * 10}">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 6))
    return (f'<?xml version="1.0" encoding="{encoding_name}"?><!DOCTYPE xml [{entities}]>'
            + push_xml("user-a", "text", Content="&a5;").replace("<![CDATA[&a5;]]>", "&a5;"))


ENCODINGS = {
    "utf-16-bom-le": lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
    "utf-16-bom-be": lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
    "utf-16-le": lambda s: s.encode("utf-16-le"),
    "utf-16-be": lambda s: s.encode("utf-16-be"),
    "utf-32-bom-le": lambda s: b"\xff\xfe\x00\x00" + s.encode("utf-32-le"),
    "utf-32-bom-be": lambda s: b"\x00\x00\xfe\xff" + s.encode("utf-32-be"),
    "utf-32-le": lambda s: s.encode("utf-32-le"),
    "utf-32-be": lambda s: s.encode("utf-32-be"),
}


@pytest.mark.parametrize("laugh", ["哈", "lol"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_utf16_and_utf32_entity_bodies_refused(app, wechat, caplog, encoding, laugh):
    body = ENCODINGS[encoding](laughs(encoding[:6].upper(), laugh))
    # An ASCII body without BOM is valid UTF-8 interleaved with NULs; anything else does not decode.
    reason = "不允许的字符" if laugh.isascii() and "bom" not in encoding else "不是UTF-8"
    refused(app, caplog, body, wechat.query(), 400, reason)
    nothing_stored(app)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_utf16_envelope_refused_in_safe_mode(strict, wechat, caplog, encoding):
    sealed, query = wechat.envelope(text_xml("user-a", LOST), "safe")
    hostile = laughs(encoding[:6].upper()).split("<xml>")[0] + sealed.decode()
    refused(strict, caplog, ENCODINGS[encoding](hostile), query, 400, "不是UTF-8")
    nothing_stored(strict)


def test_utf8_entity_body_refused(app, wechat, caplog):
    refused(app, caplog, laughs("UTF-8").encode(), wechat.query(), 400, "DOCTYPE")
    nothing_stored(app)


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/evil.dtd">',
    '<!DOCTYPE xml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>',
])
def test_external_entity_refused(app, wechat, caplog, doctype):
    xml = doctype + push_xml("user-a", "text", Content="&xxe;").replace("<![CDATA[&xxe;]]>", "&xxe;")
    refused(app, caplog, xml.encode(), wechat.query(), 400, "DOCTYPE")
    nothing_stored(app)


def test_entity_inside_the_encrypted_payload_refused(strict, wechat, caplog):
    xml = ('<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           + push_xml("user-a", "text", Content="&xxe;").replace("<![CDATA[&xxe;]]>", "&xxe;"))
    body, query = wechat.envelope(xml, "safe")
    refused(strict, caplog, body, query, 400, "DOCTYPE")
    nothing_stored(strict)


@pytest.mark.parametrize("mode", ["plain", "safe"])
def test_declared_gbk_with_utf8_bytes_is_read_as_utf8(app, wechat, mode):
    # WeChat always sends UTF-8: the body is read as UTF-8 whatever its declaration says.
    xml = '<?xml version="1.0" encoding="GBK"?>' + text_xml("user-a", LOST)
    r = send(app, *wechat.envelope(xml, mode))
    assert "补发" in wechat.read(r.data, encrypted=mode == "safe")["Content"]
    assert count(app, "select * from messages where text = ?", [LOST]) == 1


def test_gbk_bytes_refused(app, wechat, caplog):
    body = ('<?xml version="1.0" encoding="GBK"?>' + text_xml("user-a", LOST)).encode("gbk")
    refused(app, caplog, body, wechat.query(), 400, "不是UTF-8")
    nothing_stored(app)


@pytest.mark.parametrize("body", [b"\x00", "<xml>\x01</xml>".encode(), b"<xml><a>\xef\xbf\xbe</a></xml>"])
def test_characters_xml_cannot_carry_refused(app, wechat, caplog, body):
    refused(app, caplog, body, wechat.query(), 400, "不允许的字符")


# ---- size ---------------------------------------------------------------------------------------------------

def test_two_megabyte_body_is_413_and_logged(app, wechat, caplog):
    body = text_xml("user-a", "x" * (2 * 1024 * 1024)).encode()
    refused(app, caplog, body, wechat.query(), 413, f"超过 {MAX_PUSH_BYTES} 字节")
    nothing_stored(app)


def test_webhook_cap_is_below_flasks(app, wechat, caplog):
    body = text_xml("user-a", "x" * (MAX_PUSH_BYTES + 1)).encode()
    refused(app, caplog, body, wechat.query(), 413, "Content-Length")
    padded = text_xml("user-a", LOST).replace("</xml>", f"<Padding>{'x' * (MAX_PUSH_BYTES - 1024)}</Padding></xml>")
    r = send(app, *wechat.envelope(padded, "plain"))
    assert "补发" in wechat.read(r.data)["Content"]


def test_staff_pages_keep_the_one_megabyte_limit(app):
    client = app.test_client()
    assert client.post("/admin/login", data={"username": "x", "password": "y" * (200 * 1024)}).status_code != 413
    assert client.post("/admin/login", data={"username": "x", "password": "y" * (2 << 20)}).status_code == 413


def test_chunked_body_over_the_cap_is_413_over_http(app, wechat, caplog):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        chunk = b"<Padding>" + b"x" * 8192 + b"</Padding>"

        def body():
            yield b"<xml>"
            for _ in range(MAX_PUSH_BYTES // len(chunk) + 2):
                yield chunk

        with caplog.at_level(logging.INFO):
            r = requests.post(f"http://127.0.0.1:{server.server_port}/wechat", params=wechat.query(), data=body(),
                              headers={"Content-Type": "text/xml"}, timeout=10)
        assert r.status_code == 413
        assert [m for m in caplog.messages if m.startswith("拒绝来自 127.0.0.1 的微信推送（413）")]
    finally:
        server.shutdown()
        thread.join()


# ---- bounded work -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["random", "one character"])
def test_a_100_kb_message_is_answered_within_the_deadline(strict, wechat, kind):
    """Read only up to MAX_TEXT_CHARS: the reply is passive (ready within the deadline), not "success"."""
    import random

    from bot.service.conversation import MAX_LOGGED_CHARS

    rng = random.Random(10)
    filler = ("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(34_000)) if kind == "random"
              else "鿏" * 34_000)
    text = "船员证书丢失了怎么补办" + filler  # about 100 KB of UTF-8
    assert len(text.encode("utf-8")) > 100_000
    body, query = wechat.envelope(text_xml("o-long", text), "safe")
    r = send(strict, body, query)
    assert r.status_code == 200 and r.data != b"success"
    assert wechat.read(r.data, encrypted=True)["Content"]
    [row] = database(strict).query("select text, action from messages")
    assert len(row["text"]) == MAX_LOGGED_CHARS and row["action"] != "error"


def test_a_database_that_cannot_be_reached_gives_no_5xx(tmp_path, wechat, caplog):
    broken = make_app(tmp_path, WECHAT_ALLOW_PLAIN=False)
    db = open_db(broken.config["BOT"].BOT_DATABASE, init=False)
    db.execute("drop table push_nonces")
    db.conn.commit()
    body, query = wechat.envelope(text_xml("o-x", LOST), "safe")
    with caplog.at_level(logging.ERROR):
        r = send(broken, body, query)
    assert r.status_code == 200 and r.data == b"success"
    assert any("检查来自" in rec.getMessage() for rec in caplog.records)
