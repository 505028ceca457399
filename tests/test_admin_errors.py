"""No framework page and no 500 under /admin: every error is a Chinese page in the site's layout, and the
addresses, numbers, dates and files that used to raise are handled. Staff never see internal English labels.
"""
from __future__ import annotations

import errno
import logging
import re
from pathlib import Path

import pytest
from werkzeug.exceptions import (
    BadRequest, Conflict, Forbidden, InternalServerError, MethodNotAllowed, NotFound, RequestEntityTooLarge,
    TooManyRequests,
)

from admin_support import (  # noqa: F401
    PASSWORD, add_handoff, add_message, add_reply, ago, app, client, csrf, db, post, staff_client,
)
from bot.service import handoffs, stats
from bot.admin import ERRORS, _error_response
from bot.service import faq_drafts
from test_admin import admin_urls

ENGLISH = ("Not Found", "Method Not Allowed", "Internal Server Error", "Bad Request", "Traceback", "Werkzeug",
           "The requested URL", "Redirecting...")
HUGE = "99999999999999999999"


def chinese_page(response, status: int) -> str:
    """The response's page, checked to be our Chinese error page with that status."""
    assert response.status_code == status, (response.request.path, response.status_code)
    text = response.get_data(as_text=True)
    assert 'lang="zh-CN"' in text and f"（{status}）</h1>" in text, text[:300]
    assert not any(word in text for word in ENGLISH), text
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    return text


@pytest.mark.parametrize("exception, status, words", [
    (BadRequest(), 400, "请求不完整或格式不对"),
    (Forbidden(), 403, "没有权限"),
    (NotFound(), 404, "找不到这个页面或记录"),
    (MethodNotAllowed(["POST"]), 405, "只用来提交表单"),
    (Conflict(), 409, "当前状态冲突"),
    (RequestEntityTooLarge(), 413, "上限 1 MB"),
    (TooManyRequests(), 429, "请求没有完成"),
    (InternalServerError(), 500, "操作可能没有完成"),
    (RuntimeError("boom"), 500, "操作可能没有完成"),
])
def test_every_error_status_has_a_chinese_page(app, exception, status, words):
    with app.test_request_context("/admin/handoffs/1/reply"):
        page, code, _ = _error_response(exception)
    assert code == status
    assert words in page and f"（{status}）" in page and ERRORS.get(status, ("请求没有完成",))[0] in page
    assert not any(word in page for word in ENGLISH)


def test_unknown_admin_addresses_are_a_chinese_404_in_the_layout(staff_client, client):
    page = chinese_page(staff_client.get("/admin/no-such-page"), 404)
    assert "退出登录" in page and "人工队列" in page  # the signed-in header
    page = chinese_page(client.get("/admin/no-such-page/either"), 404)
    assert "退出登录" not in page
    chinese_page(staff_client.get("/admin/static/missing.css"), 404)


def test_a_get_of_every_form_address_is_a_chinese_405_leading_back_to_its_page(app, staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    add_reply(db, 1, "oUser1", "已转交", status="failed")
    posts = [url for _, url in admin_urls(app, {"POST"}) if url != "/admin/login"]
    only_posted = [url for url in posts if ("GET", url) not in admin_urls(app, {"GET"})]
    assert "/admin/handoffs/1/reply" in only_posted and "/admin/handoffs/1/note" in only_posted
    for url in only_posted:
        r = staff_client.get(url)
        page = chinese_page(r, 405)
        assert "POST" in r.headers["Allow"]
        if url.startswith("/admin/handoffs/1/"):
            assert '<a href="/admin/handoffs/1">回到原来的页面</a>' in page, url


def test_a_form_posted_to_a_page_is_a_chinese_405(staff_client):
    page = chinese_page(post(staff_client, "/admin/dashboard", text="x"), 405)
    assert "不接受表单提交" in page


def test_other_addresses_keep_the_frameworks_answers(client):
    assert client.get("/wechat/nothing").status_code == 404
    r = client.put("/wechat")
    assert r.status_code == 405 and "人工队列" not in r.get_data(as_text=True)
    assert client.get("/administrator").status_code == 404
    assert "人工队列" not in client.get("/administrator").get_data(as_text=True)


def test_huge_ids_are_a_404_not_an_overflow(app, staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    chinese_page(staff_client.get(f"/admin/handoffs/{HUGE}"), 404)
    chinese_page(staff_client.get(f"/admin/handoffs/{HUGE}/faq"), 404)
    for _, url in admin_urls(app, {"POST"}):
        if "/1" not in url:
            continue
        for huge in (url.replace("/1", f"/{HUGE}", 1), url.replace("/1", f"/{HUGE}")):
            chinese_page(post(staff_client, huge, text="x", note="x"), 404)
    assert staff_client.get(f"/admin/handoffs/{2 ** 63 - 1}").status_code == 404


@pytest.mark.parametrize("query", [
    "page=100000000000000000000", "page=-3", "page=abc", "page=9223372036854775807", "from=0001-01-01",
    "to=9999-12-31", "from=9999-12-31&to=0001-01-01", "from=2026-02-30", "to=%00", "text=%E8%90%BD%E6%B0%B4&page=5",
])
def test_log_search_takes_any_page_and_date(staff_client, db, query):
    add_message(db, "oUser1", "有人落水了", action="emergency")
    r = staff_client.get(f"/admin/log?{query}")
    assert r.status_code == 200, query
    assert "对话记录" in r.get_data(as_text=True)


def test_log_past_the_last_page_shows_the_last_page(staff_client, db):
    for n in range(60):
        add_message(db, f"oU{n:03d}", f"问题{n}", at=ago(minutes=n))
    page = staff_client.get("/admin/log?page=100000000000000000000").get_data(as_text=True)
    assert "第 2/2 页" in page and "oU059" in page and "上一页" in page
    page = staff_client.get("/admin/log?from=0001-01-01&to=9999-12-31").get_data(as_text=True)
    assert "共 60 条" in page and 'value="2000-01-01"' in page and 'value="2099-12-31"' in page


@pytest.mark.parametrize("target", ["/admin/handoffs\r\nSet-Cookie: evil=1", "/admin/log?text=\n", "/admin\\evil",
                                    "javascript:alert(1)", "/admin/handoffs\x00"])
def test_a_login_next_with_control_characters_goes_to_the_queue(client, target):
    r = client.get("/admin/login", query_string={"next": target})
    assert r.status_code == 200 and 'name="next" value="/admin/handoffs"' in r.get_data(as_text=True)
    r = post(client, "/admin/login", username="zhangsan", password=PASSWORD, next=target)
    assert r.status_code == 302 and r.location == "/admin/handoffs"
    assert "evil" not in r.headers.get("Set-Cookie", "")
    r = client.get("/admin/login", query_string={"next": target})  # signed in: straight on
    assert r.status_code == 302 and r.location == "/admin/handoffs"


@pytest.mark.parametrize("target, lands", [
    ("/admin/handoffs/1/reply", "/admin/handoffs/1"),
    ("/admin/handoffs/1/retry/3", "/admin/handoffs/1"),
    ("/admin/logout", "/admin/handoffs"),
    ("/admin/log?text=%E8%90%BD%E6%B0%B4", "/admin/log?text=%E8%90%BD%E6%B0%B4"),
])
def test_the_login_never_goes_on_to_an_address_that_only_takes_forms(client, target, lands):
    r = post(client, "/admin/login", username="zhangsan", password=PASSWORD, next=target)
    assert r.location == lands


def test_a_300_character_draft_id_is_refused_with_the_form_kept(app, staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    faq_id = "a" * 300
    r = post(staff_client, f"/admin/handoffs/{handoff}/faq", category="船舶登记", id=faq_id, question="船被扣了怎么办",
             answer="请携带证书到海事处办理。")
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert "编号太长（300个字符），最多64个字符" in page
    assert f'value="{faq_id}"' in page and "请携带证书到海事处办理。" in page and 'maxlength="64"' in page
    assert not (Path(app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts").exists()


def test_a_drafts_folder_that_cannot_be_made_is_explained(app, staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    (Path(app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts").write_text("not a folder", encoding="utf-8")
    r = post(staff_client, f"/admin/handoffs/{handoff}/faq", category="船舶登记", id="ship-held",
             question="船被扣了怎么办", answer="请携带证书到海事处办理。")
    assert r.status_code == 503
    page = r.get_data(as_text=True)
    assert "草稿没有保存：无法写入知识库的 drafts/ 目录" in page and "请携带证书到海事处办理。" in page


def test_a_full_disk_leaves_no_half_written_draft(app, staff_client, db, monkeypatch):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    real_open = open

    class FullDisk:
        def __init__(self, path, *args, **kwargs):
            self.file = real_open(path, *args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, text):
            self.file.write(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(faq_drafts, "open", FullDisk, raising=False)
    r = post(staff_client, f"/admin/handoffs/{handoff}/faq", category="船舶登记", id="ship-held",
             question="船被扣了怎么办", answer="请携带证书到海事处办理。")
    assert r.status_code == 503 and "（磁盘已满）" in r.get_data(as_text=True)
    assert list((Path(app.config["BOT"].BOT_KNOWLEDGE_DIR) / "drafts").iterdir()) == []


def test_an_unexpected_error_is_a_logged_chinese_500(staff_client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(stats, "dashboard", broken)
    with caplog.at_level(logging.ERROR, logger="bot.admin"):
        page = chinese_page(staff_client.get("/admin/dashboard"), 500)
    assert "系统出错" in page and "database is on fire" not in page
    assert "RuntimeError: database is on fire" in caplog.text and "Traceback" in caplog.text


def test_the_error_page_still_shows_when_the_layout_cannot_be_drawn(staff_client, monkeypatch, caplog):
    import bot.admin

    def broken(*args, **kwargs):
        raise RuntimeError("templates gone")

    monkeypatch.setattr(stats, "dashboard", broken)
    monkeypatch.setattr(bot.admin, "render_template", broken)
    r = staff_client.get("/admin/dashboard")
    assert r.status_code == 500
    text = r.get_data(as_text=True)
    assert "系统出错（500）" in text and 'lang="zh-CN"' in text and "Internal Server Error" not in text


def test_a_form_over_the_size_limit_is_a_chinese_413(staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    r = post(staff_client, "/admin/handoffs/1/note", text="x" * (1024 * 1024 + 1))
    chinese_page(r, 413)
    assert db["handoff_notes"].count == 0


# ---- labels -----------------------------------------------------------------------------------------------

def test_the_try_box_posts_and_takes_a_2000_character_question(staff_client):
    page = staff_client.get("/admin/try").get_data(as_text=True)
    assert re.search(r'<form class="card try" method="post"', page)
    question = "船员证书丢了怎么补办" + "，请问需要带什么材料" * 199
    assert len(question) == 2000
    r = post(staff_client, "/admin/try", q=question)
    assert r.status_code == 200
    text = r.get_data(as_text=True)
    assert "判定：" in text and f"问题共 {len(question)} 字，机器人只读取前 500 字" in text
    assert "cert-lost" in text


@pytest.mark.parametrize("question, reason", [
    ("船员证书丢了怎么补办", "有把握"),
    ("我要找人工客服", "用户要求人工"),
    ("有人落水了", "遇险"),
    ("？？？", "空消息"),
    ("你好", "问候"),
    ("火星上怎么办理船舶登记", None),
])
def test_the_try_box_shows_decision_reasons_in_chinese(staff_client, question, reason):
    text = post(staff_client, "/admin/try", q=question).get_data(as_text=True)
    shown = re.search(r"原因：([^·<]+)", text).group(1).strip()
    assert shown in stats.REASON_LABELS.values(), shown
    if reason:
        assert shown == reason
    shown_to_staff = text.split("完整判定数据（JSON）")[0]  # the JSON dump below is raw on purpose
    assert not re.search(r"\b(close_call|confident|no_match|asked_for_person|words_q|pairs_a|phrasing)\b",
                         shown_to_staff)


def test_every_engine_reason_and_score_part_has_a_chinese_label(app):
    from bot import get_engine

    with app.app_context():
        engine = get_engine()
        candidate = engine.rank("船员证书丢了怎么补办")[0]
    assert set(candidate.parts) <= set(stats.SCORE_PART_LABELS)
    package = Path(__file__).resolve().parent.parent / "bot"
    source = "".join(f.read_text(encoding="utf-8") for f in package.rglob("*.py"))
    reasons = set(re.findall(r'\breason="([a-z_]+)"', source)) | {"greeting", "thanks", "bye"}
    assert {"confident", "close_call", "no_match", "asked_for_person", "distress", "empty"} <= reasons
    assert reasons <= set(stats.REASON_LABELS)


def test_the_log_names_messages_without_text_in_chinese(staff_client, db):
    add_message(db, "oUser1", "", msg_type="image", action="unsupported")
    add_message(db, "oUser2", "", msg_type="event", action="event")
    db.execute("update messages set event = 'CLICK:menu-1' where user_id = 'oUser2'")
    add_message(db, "oUser3", "", msg_type="voice", action="unsupported")
    add_message(db, "oUser4", "出错的问题", action="error")
    add_message(db, "oUser5", "", msg_type="weird", action="rate_limited")
    page = staff_client.get("/admin/log").get_data(as_text=True)
    for label in ("[图片]", "[点击菜单]", "[语音]", "[消息]", "系统出错", "发送过于频繁"):
        assert label in page, label
    for raw in ("[image]", "[event]", "[voice]", "[weird]", ">error<", ">rate_limited<"):
        assert raw not in page, raw


def test_the_handoff_names_messages_without_text_in_chinese(staff_client, db):
    handoff = add_handoff(db, "oUser1", "船被扣了怎么办")
    add_message(db, "oUser1", "", msg_type="voice", action="unsupported", handoff_id=handoff, reply="请输入文字")
    add_message(db, "oUser1", "", msg_type="weird", action="unsupported", handoff_id=handoff, reply="暂时无法处理")
    page = staff_client.get(f"/admin/handoffs/{handoff}").get_data(as_text=True)
    assert "[语音]" in page and "[消息]" in page and "[voice]" not in page and "[weird]" not in page


def test_no_page_fails_on_out_of_range_query_values(app, staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    odd = {"page": HUGE, "days": HUGE, "from": "0001-01-01", "to": "9999-12-31", "day": "9999-12-31",
           "after": HUGE, "replies_after": "-1", "state": "x" * 300, "priority": "\x00", "q": "证书", "text": "%"}
    for _, url in admin_urls(app, {"GET"}):
        r = staff_client.get(url, query_string=odd)
        assert r.status_code in (200, 302, 404), (url, r.status_code)
    page = staff_client.get("/admin/try", query_string={"q": "船员证书丢了怎么补办", "day": "0001-01-01"})
    assert page.status_code == 200 and 'value="2000-01-01"' in page.get_data(as_text=True)
