"""The /wechat webhook, driven by real signed and encrypted pushes (WeChat's server played by wechatpy's crypto)."""
import json
import random
import threading
import xml.etree.ElementTree as ET

import pytest
import requests
from werkzeug.serving import make_server
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException

from webhook_support import (  # noqa: F401  (fixtures)
    ACCOUNT, AES_KEY, APP_ID, SAMPLE, WeChatServer, app, client, database, db, event_xml,
    make_app, number_of, push_xml, sha1_signature, shared_app, text_xml, wait_for, wechat,
)

from bot.wechat.message_xml import MAX_REPLY_BYTES, MORE_HINT


def rows(db, sql="select * from messages order by id", params=()):
    return list(db.query(sql, params))


# ---- GET handshake -------------------------------------------------------------------------------------

def test_get_handshake_echoes_echostr(client, wechat):
    r = client.get("/wechat", query_string={**wechat.query(), "echostr": "8476039372937"})
    assert r.status_code == 200
    assert r.data == b"8476039372937"


@pytest.mark.parametrize("tamper", [
    {"signature": "0" * 40},
    {"signature": ""},
    {"timestamp": "1"},
    {"nonce": "other"},
    {"signature": "签名"},
])
def test_get_with_forged_signature_is_403(client, wechat, tamper):
    query = {**wechat.query(timestamp="1700000000", nonce="42"), "echostr": "x", **tamper}
    assert client.get("/wechat", query_string=query).status_code == 403


def test_get_without_parameters_is_403(client):
    assert client.get("/wechat").status_code == 403


def test_wrong_token_is_403(client):
    r = client.get("/wechat", query_string={**WeChatServer(token="another").query(), "echostr": "x"})
    assert r.status_code == 403


# ---- the three modes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["plain", "compat", "safe"])
def test_text_message_answered_in_every_mode(client, wechat, db, mode):
    r = wechat.post(client, text_xml("user-a", "船员证书丢失了怎么补办"), mode)
    assert r.status_code == 200
    reply = wechat.read(r.data, encrypted=mode != "plain")
    assert reply["MsgType"] == "text"
    assert reply["ToUserName"] == "user-a"
    assert reply["FromUserName"] == ACCOUNT
    assert "补发" in reply["Content"]
    if mode != "plain":
        assert b"<Encrypt>" in r.data and "补发".encode() not in r.data
    [row] = rows(db)
    assert (row["user_id"], row["action"], row["faq_id"]) == ("user-a", "answer", "cert-lost")


def test_tencent_published_sample(tmp_path):
    app = make_app(tmp_path, WECHAT_TOKEN=SAMPLE["token"], WECHAT_ENCODING_AES_KEY=SAMPLE["aes_key"],
                   WECHAT_APP_ID=SAMPLE["app_id"], WECHAT_ALLOW_PLAIN=False)
    # The sample was signed in 2014: replay it at the moment WeChat sent it.
    app.extensions["wechat_nonces"].clock = lambda: int(SAMPLE["timestamp"]) + 2
    query = {"signature": sha1_signature(SAMPLE["token"], SAMPLE["timestamp"], SAMPLE["nonce"]),
             "timestamp": SAMPLE["timestamp"], "nonce": SAMPLE["nonce"], "encrypt_type": "aes",
             "msg_signature": SAMPLE["msg_signature"]}
    r = app.test_client().post("/wechat", query_string=query, data=SAMPLE["body"])
    assert r.status_code == 200
    server = WeChatServer(SAMPLE["token"], SAMPLE["aes_key"], SAMPLE["app_id"])
    reply = server.read(r.data, encrypted=True)
    assert reply["ToUserName"] == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
    assert reply["FromUserName"] == "gh_10f6c3c3ac5a"
    assert "人工" in reply["Content"]
    db = database(app)
    [row] = rows(db)
    assert (row["user_id"], row["text"], row["msg_id"]) == (
        "oyORnuP8q7ou2gfYjqLzSIWZf0rs", "abcdteT", "6054768590064713728")
    tampered = {**query, "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fb"}
    assert app.test_client().post("/wechat", query_string=tampered, data=SAMPLE["body"]).status_code == 403


def test_safe_mode_forged_msg_signature_is_403(client, wechat, db):
    body, query = wechat.envelope(text_xml("user-a", "你好"), "safe")
    query["msg_signature"] = "f" * 40
    assert client.post("/wechat", query_string=query, data=body).status_code == 403
    assert rows(db) == []


def test_safe_mode_with_plain_signature_forged_is_403(client, wechat):
    body, query = wechat.envelope(text_xml("user-a", "你好"), "safe")
    query["signature"] = "f" * 40
    assert client.post("/wechat", query_string=query, data=body).status_code == 403


def test_safe_mode_push_for_another_app_is_400(client, db):
    other = WeChatServer(app_id="wxanotherapp000000")
    r = other.post(client, text_xml("user-a", "你好"), "safe")
    assert r.status_code == 400
    assert rows(db) == []


def test_undecryptable_body_is_400_and_logged(client, wechat, caplog):
    encrypt = "bm90IGEgcmVhbCBjaXBoZXJ0ZXh0"
    query = wechat.query()
    query.update(encrypt_type="aes",
                 msg_signature=sha1_signature(wechat.token, query["timestamp"], query["nonce"], encrypt))
    body = f"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    with caplog.at_level("WARNING", logger="bot.wechat.webhook"):
        r = client.post("/wechat", query_string=query, data=body)
    assert r.status_code == 400
    assert any("400" in m for m in caplog.messages)


def test_compatible_mode_without_aes_key_reads_plaintext(tmp_path):
    app = make_app(tmp_path, WECHAT_ENCODING_AES_KEY="")
    server = WeChatServer()
    r = server.post(app.test_client(), text_xml("user-a", "船员证书丢失了怎么补办"), "compat")
    assert r.status_code == 200
    assert "补发" in server.read(r.data)["Content"]


def test_safe_mode_without_aes_key_is_400(tmp_path):
    app = make_app(tmp_path, WECHAT_ENCODING_AES_KEY="")
    r = WeChatServer().post(app.test_client(), text_xml("user-a", "你好"), "safe")
    assert r.status_code == 400


# ---- bad bodies ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    b"",
    b"not xml at all",
    b"<xml><FromUserName>u</FromUserName>",
    b"<other><FromUserName>u</FromUserName><MsgType>text</MsgType></other>",
    b"<xml><ToUserName>gh</ToUserName></xml>",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><FromUserName>&a;</FromUserName>'
    b"<MsgType>text</MsgType></xml>",
    "<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>坏".encode("gbk"),
])
def test_malformed_body_is_400_and_logged(client, wechat, db, caplog, body):
    with caplog.at_level("WARNING", logger="bot.wechat.webhook"):
        r = client.post("/wechat", query_string=wechat.query(), data=body)
    assert r.status_code == 400
    assert caplog.records, "a log line names the problem"
    assert rows(db) == []


def test_body_over_one_megabyte_is_413(client, wechat):
    body = text_xml("user-a", "x" * (1024 * 1024)).encode()
    assert client.post("/wechat", query_string=wechat.query(), data=body).status_code == 413


def test_random_bodies_never_give_5xx(client, wechat):
    rng = random.Random(7)
    pieces = [b"<xml>", b"</xml>", b"<MsgType>", b"text", b"event", b"</MsgType>", b"<FromUserName>", b"u",
              b"</FromUserName>", b"<Encrypt>", b"</Encrypt>", b"<![CDATA[", b"]]>", b"\x00", b"\xff", b"&", b"<"]
    for _ in range(150):
        body = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for extra in ({}, {"encrypt_type": "aes", "msg_signature": "x"}):
            r = client.post("/wechat", query_string={**wechat.query(), **extra}, data=body)
            assert r.status_code < 500, body


def test_wrong_method_is_not_5xx(client, wechat):
    assert client.put("/wechat", query_string=wechat.query()).status_code == 405


# ---- message types -------------------------------------------------------------------------------------

@pytest.mark.parametrize("msg_type,fields,word", [
    ("image", {"PicUrl": "http://x/y.jpg", "MediaId": "m1"}, "图片"),
    ("video", {"MediaId": "m1", "ThumbMediaId": "t1"}, "视频"),
    ("shortvideo", {"MediaId": "m1", "ThumbMediaId": "t1"}, "小视频"),
    ("location", {"Location_X": "30.5", "Location_Y": "114.3", "Scale": "15", "Label": "武汉港"}, "位置"),
    ("link", {"Title": "t", "Description": "d", "Url": "http://x"}, "链接"),
    ("file", {"Title": "a.pdf", "FileKey": "k", "FileMd5": "m", "FileTotalLen": "10"}, "文件"),
])
def test_non_text_messages_say_what_the_bot_can_do(client, wechat, db, msg_type, fields, word):
    r = wechat.post(client, push_xml("user-a", msg_type, **fields), "safe")
    content = wechat.read(r.data, encrypted=True)["Content"]
    assert word in content and "船员证书" in content and "人工" in content
    [row] = rows(db)
    assert (row["msg_type"], row["action"]) == (msg_type, "unsupported")


def test_voice_with_recognition_is_answered_as_text(client, wechat, db):
    xml = push_xml("user-a", "voice", MediaId="m", Format="amr", Recognition="船员证书丢失了怎么补办。")
    content = wechat.read(wechat.post(client, xml).data)["Content"]
    assert "补发" in content
    [row] = rows(db)
    assert (row["msg_type"], row["text"], row["faq_id"]) == ("voice", "船员证书丢失了怎么补办。", "cert-lost")


def test_voice_without_recognition_asks_to_type(client, wechat, db):
    content = wechat.read(wechat.post(client, push_xml("user-a", "voice", MediaId="m", Format="amr")).data)["Content"]
    assert "文字" in content
    assert rows(db)[0]["action"] == "unsupported"


def test_subscribe_gets_welcome_with_topics_and_person(client, wechat, db):
    content = wechat.read(wechat.post(client, event_xml("user-new", "subscribe"), "safe").data, True)["Content"]
    assert content.startswith("您好，欢迎关注测试海事局")
    for topic in ("船员证书", "船舶登记", "航行通告"):
        assert topic in content
    assert "人工" in content
    [row] = rows(db)
    assert (row["msg_type"], row["action"], row["event"]) == ("event", "welcome", "subscribe")
    assert db["users"].get("user-new")["subscribed"] == 1


def test_unsubscribe_deletes_state_and_personal_data(client, wechat, db):
    wechat.post(client, text_xml("user-a", "船员证书"))
    wechat.post(client, text_xml("user-a", "人工"))
    wechat.post(client, text_xml("user-b", "船员证书"))
    assert db["handoffs"].count == 1
    r = wechat.post(client, event_xml("user-a", "unsubscribe"), "safe")
    assert r.data == b"success"
    for table in ("messages", "user_state", "users", "handoffs", "outbox"):
        assert rows(db, f"select * from {table} where user_id = ?", ["user-a"]) == [], table
    assert rows(db, "select * from dedupe where key like '%user-a%'") == []
    assert len(rows(db, "select * from messages where user_id = 'user-b'")) == 1


def test_menu_click_answers_mapped_faq(client, wechat, db):
    content = wechat.read(wechat.post(client, event_xml("user-a", "CLICK", "MENU_RENEW")).data)["Content"]
    assert "再有效" in content
    [row] = rows(db)
    assert (row["action"], row["faq_id"], row["event"]) == ("menu", "cert-renew", "click:MENU_RENEW")


def test_menu_click_lists_category_and_number_picks(client, wechat):
    content = wechat.read(wechat.post(client, event_xml("user-a", "CLICK", "MENU_CREW")).data)["Content"]
    assert "1. 海船船员适任证书到期了怎么再有效" in content and "3. 船员适任考试怎么报名" in content
    content = wechat.read(wechat.post(client, text_xml("user-a", "3")).data)["Content"]
    assert "理论考试" in content


def test_unknown_menu_key_gets_the_topics(client, wechat):
    content = wechat.read(wechat.post(client, event_xml("user-a", "CLICK", "NO_SUCH_KEY")).data)["Content"]
    assert "船员证书" in content


@pytest.mark.parametrize("event,key", [("VIEW", "https://example.com"), ("LOCATION", ""),
                                       ("TEMPLATESENDJOBFINISH", ""), ("SCAN", "123")])
def test_other_events_get_success(client, wechat, db, event, key):
    r = wechat.post(client, event_xml("user-a", event, key), "safe")
    assert (r.status_code, r.data) == (200, b"success")
    [row] = rows(db)
    assert row["action"] == "event"


def test_unknown_message_type_gets_capabilities(client, wechat):
    content = wechat.read(wechat.post(client, push_xml("user-a", "miniprogrampage", Title="t")).data)["Content"]
    assert "人工" in content


# ---- retries ---------------------------------------------------------------------------------------------

def test_retry_gets_same_reply_and_no_new_log_row(client, wechat, db):
    xml = text_xml("user-a", "船员证书", msg_id=9001)
    replies = [wechat.read(wechat.post(client, xml, "safe").data, True)["Content"] for _ in range(3)]
    assert replies[0] == replies[1] == replies[2]
    assert "您是想问" in replies[0]
    assert len(rows(db)) == 1
    assert db["dedupe"].get("msg:9001")["status"] == "done"


def test_event_retry_keyed_by_sender_and_time(client, wechat, db):
    xml = event_xml("user-a", "subscribe", create_time=1700000000)
    first = wechat.post(client, xml).data
    assert wechat.post(client, xml).data == first
    assert len(rows(db)) == 1
    wechat.post(client, event_xml("user-a", "subscribe", create_time=1700000001))
    assert len(rows(db)) == 2


def test_dedupe_survives_restart(tmp_path, wechat):
    xml = text_xml("user-a", "船员证书丢失了怎么补办", msg_id=777)
    first = wechat.read(wechat.post(make_app(tmp_path).test_client(), xml).data)["Content"]
    second_app = make_app(tmp_path)
    assert wechat.read(wechat.post(second_app.test_client(), xml).data)["Content"] == first
    assert database(second_app)["messages"].count == 1


def test_concurrent_retries_yield_one_log_row(tmp_path, wechat):
    app = make_app(tmp_path, REPLY_DELAY_SECONDS=0.3)
    xml = text_xml("user-a", "船员证书丢失了怎么补办", msg_id=4242)
    results = []

    def deliver():
        results.append(wechat.post(app.test_client(), xml).data)

    threads = [threading.Thread(target=deliver) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    contents = {wechat.read(r)["Content"] for r in results if r != b"success"}
    assert len(contents) == 1 and "补发" in contents.pop()
    assert database(app)["messages"].count == 1


# ---- long replies ----------------------------------------------------------------------------------------

def test_long_answer_is_cut_at_2048_bytes_and_continues_with_more(client, wechat, db):
    first = wechat.read(wechat.post(client, text_xml("user-a", "船舶所有权登记需要什么材料"), "safe").data, True)
    content = first["Content"]
    assert len(content.encode("utf-8")) <= MAX_REPLY_BYTES
    assert content.endswith(MORE_HINT.strip())
    body = content[: -len(MORE_HINT.strip())].rstrip()
    assert body.endswith("。")
    second = wechat.read(wechat.post(client, text_xml("user-a", "更多"), "safe").data, True)["Content"]
    assert len(second.encode("utf-8")) <= MAX_REPLY_BYTES
    assert second.startswith("补充说明") and "1. 船舶国籍证书怎么办理" in second
    third = wechat.read(wechat.post(client, text_xml("user-a", "更多")).data)["Content"]
    assert "没有更多" in third
    assert [r["action"] for r in rows(db)] == ["answer", "more", "no_option"]


def test_reply_containing_cdata_end_is_well_formed(client, wechat):
    for mode in ("plain", "safe"):
        r = wechat.post(client, text_xml("user-a", "特殊符号测试问题"), mode)
        content = wechat.read(r.data, encrypted=mode == "safe")["Content"]
        answer, _, prompt = content.partition("\n\n")
        assert answer == "示例标记 <![CDATA[x]]> 与 a]]>b 以及 & < > 符号都应原样显示。"
        assert prompt == "以上回答有帮助吗？回复“有用”或“没用”。"


# ---- conversation through the webhook ----------------------------------------------------------------------

def test_clarify_then_number_over_webhook(client, wechat, db):
    content = wechat.read(wechat.post(client, text_xml("user-a", "船员证书"), "safe").data, True)["Content"]
    assert content.startswith("您是想问")
    number = number_of(content, "海船船员适任证书到期了怎么再有效")
    content = wechat.read(wechat.post(client, text_xml("user-a", number), "safe").data, True)["Content"]
    assert "再有效" in content
    assert [(r["action"], r["faq_id"]) for r in rows(db)][1] == ("answer", "cert-renew")
    assert rows(db)[0]["action"] == "clarify"


def test_handoff_over_webhook(client, wechat, db):
    content = wechat.read(wechat.post(client, text_xml("user-a", "转人工")).data)["Content"]
    assert "工作日 9:00-17:00" in content
    [h] = rows(db, "select * from handoffs")
    assert (h["user_id"], h["state"], h["priority"]) == ("user-a", "pending", "normal")


def test_every_push_logged_with_its_outcome(client, wechat, db):
    wechat.post(client, text_xml("user-a", "船员证书丢失了怎么补办", msg_id=555), "safe")
    [row] = rows(db)
    assert row["msg_id"] == "555" and row["msg_type"] == "text"
    assert row["created_at"].endswith("+00:00")
    assert row["normalized"] == "船员证书丢失了怎么补办"
    assert row["latency_ms"] >= 0
    assert json.loads(row["candidates"])[0] == {"faq_id": "cert-lost", "score": row["score"]}
    assert "补发" in row["reply"]


# ---- deadline and late delivery ----------------------------------------------------------------------------

def test_slow_reply_answers_success_then_arrives_by_customer_service_api(tmp_path, wechat, fake_api):
    app = make_app(tmp_path, REPLY_DEADLINE_SECONDS=0.2, REPLY_DELAY_SECONDS=0.6, WECHAT_APP_SECRET="secret",
                   WECHAT_API_BASE_URL=fake_api.url)
    client = app.test_client()
    xml = text_xml("user-slow", "船员证书丢失了怎么补办", msg_id=31337)
    r = wechat.post(client, xml, "safe")
    assert (r.status_code, r.data) == (200, b"success")
    assert wechat.post(client, xml, "safe").data == b"success"  # WeChat's retry while the answer is on its way
    wait_for(lambda: fake_api.sent)
    [sent] = fake_api.sent
    assert sent["touser"] == "user-slow" and sent["msgtype"] == "text" and "补发" in sent["text"]["content"]
    db = database(app)
    wait_for(lambda: db["outbox"].count and list(db.query("select status from outbox"))[0]["status"] == "sent")
    [row] = rows(db, "select * from outbox")
    assert (row["kind"], row["user_id"], row["status"]) == ("late_reply", "user-slow", "sent")
    assert db["messages"].count == 1
    assert db["dedupe"].get("msg:31337")["status"] == "late"


def test_late_reply_that_fails_is_kept_and_retried(tmp_path, wechat, fake_api):
    app = make_app(tmp_path, REPLY_DEADLINE_SECONDS=0.1, REPLY_DELAY_SECONDS=0.3, WECHAT_APP_SECRET="secret",
                   WECHAT_API_BASE_URL=fake_api.url)
    fake_api.errors = [-1]
    assert wechat.post(app.test_client(), text_xml("user-slow", "船员证书丢失了怎么补办")).data == b"success"
    db = database(app)
    wait_for(lambda: list(db.query("select * from outbox where status = 'failed'")))
    db.execute("update outbox set next_attempt_at = '2000-01-01T00:00:00+00:00'")
    assert app.extensions["wechat_inbox"].maintain() == 1
    assert "补发" in fake_api.contents()[0]


# ---- over real HTTP ----------------------------------------------------------------------------------------

def test_over_http_on_a_loopback_port(app, wechat):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with requests.Session() as s:
            r = s.get(base + "/wechat", params={**wechat.query(), "echostr": "abc"}, timeout=10)
            assert (r.status_code, r.text) == (200, "abc")
            r = wechat.post_http(s, base, text_xml("user-http", "船员证书"), "safe")
            assert r.status_code == 200
            number = number_of(wechat.read(r.content, encrypted=True)["Content"], "船员证书丢失了怎么补办")
            r = wechat.post_http(s, base, text_xml("user-http", number), "safe")
            assert "补发" in wechat.read(r.content, encrypted=True)["Content"]
            body, query = wechat.envelope(text_xml("user-http", "x"), "safe")
            query["msg_signature"] = "0" * 40
            assert s.post(base + "/wechat", params=query, data=body, timeout=10).status_code == 403
            assert s.post(base + "/wechat", params=wechat.query(), data=b"<xml>", timeout=10).status_code == 400
    finally:
        server.shutdown()
        thread.join()


def test_reply_encryption_uses_our_app_id(client, wechat):
    r = wechat.post(client, text_xml("user-a", "你好"), "safe")
    root = ET.fromstring(r.data)
    args = (r.data.decode(), root.find("MsgSignature").text, root.find("TimeStamp").text, root.find("Nonce").text)
    assert "<Content>" in WeChatCrypto(wechat.token, AES_KEY, APP_ID).decrypt_message(*args)
    with pytest.raises(InvalidAppIdException):
        WeChatCrypto(wechat.token, AES_KEY, "wxsomeoneelse00000").decrypt_message(*args)
