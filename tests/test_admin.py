"""Access to the staff pages: login, logout, the login requirement, CSRF, throttling, accounts and the CLI."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from admin_support import (  # noqa: F401
    PASSWORD, add_handoff, ago, app, client, csrf, database, db, login, post, staff_client,
)
from bot.service import handoffs, staff
from bot.cli import handoff_list, main
from bot.clock import utcnow
from bot.store.connection import open_db
from db_support import database_for


def admin_urls(app, methods):
    """Every /admin URL (with id 1 filled in) answering one of ``methods``, except login and static files."""
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("admin.") or rule.endpoint in ("admin.login", "admin.static"):
            continue
        for method in sorted(rule.methods & set(methods)):
            url = re.sub(r"<(?:int:)?\w+>", "1", rule.rule)
            out.append((method, url))
    return sorted(set(out))


def test_every_admin_page_redirects_to_login_without_a_session(app, client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    urls = admin_urls(app, {"GET", "POST"})
    assert len(urls) >= 14
    for method, url in urls:
        r = client.open(url, method=method, data={"csrf_token": "x"})
        assert r.status_code == 302, (method, url)
        assert r.location.startswith("/admin/login"), (method, url)
    assert db["handoffs"].get(1)["state"] == "pending"


def test_login_redirects_back_to_the_page_asked_for(client):
    r = client.get("/admin/dashboard?days=7")
    assert r.location == "/admin/login?next=/admin/dashboard?days%3D7"
    page = client.get(r.location).get_data(as_text=True)
    assert 'value="/admin/dashboard?days=7"' in page
    r = post(client, "/admin/login", username="zhangsan", password=PASSWORD, next="/admin/dashboard?days=7")
    assert r.location == "/admin/dashboard?days=7"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin", "/wechat"])
def test_login_never_redirects_outside_the_admin_pages(client, target):
    r = post(client, "/admin/login", username="zhangsan", password=PASSWORD, next=target)
    assert r.location == "/admin/handoffs"


def test_every_form_post_without_a_csrf_token_is_refused(app, staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    posts = admin_urls(app, {"POST"})
    assert ("POST", "/admin/handoffs/1/reply") in posts and ("POST", "/admin/logout") in posts
    for _, url in posts:
        for data in ({}, {"csrf_token": "forged"}):
            r = staff_client.post(url, data={**data, "text": "x"})
            assert r.status_code == 400, url
            assert "安全校验码" in r.get_data(as_text=True)
    h = db["handoffs"].get(1)
    assert h["state"] == "pending" and not h["claimed_by"]
    assert db["outbox"].count == 0 and db["handoff_notes"].count == 0
    assert staff_client.get("/admin/handoffs").status_code == 200  # still logged in


def test_login_form_itself_needs_the_csrf_token(client):
    r = client.post("/admin/login", data={"username": "zhangsan", "password": PASSWORD})
    assert r.status_code == 400
    assert client.get("/admin/handoffs").status_code == 302


def test_token_from_another_session_is_refused(app, staff_client):
    other = app.test_client()
    assert login(other).status_code == 302
    r = staff_client.post("/admin/logout", data={"csrf_token": csrf(other)})
    assert r.status_code == 400


def test_login_page_and_session_cookie(client):
    page = client.get("/admin/login")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "工作人员登录" in text and 'type="password"' in text
    r = login(client)
    assert r.status_code == 302 and r.location == "/admin/handoffs"
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    queue = client.get("/admin/handoffs").get_data(as_text=True)
    assert "人工队列" in queue and "zhangsan" in queue


def test_wrong_password_gets_a_clear_message(client):
    r = login(client, password="wrong-password")
    assert r.status_code == 401
    assert "用户名或密码错误" in r.get_data(as_text=True)
    assert client.get("/admin/handoffs").status_code == 302
    r = login(client, username="nobody")
    assert "用户名或密码错误" in r.get_data(as_text=True)


def test_logout_ends_the_session(staff_client):
    r = post(staff_client, "/admin/logout")
    assert r.status_code == 302 and r.location.startswith("/admin/login")
    assert "您已退出登录" in staff_client.get(r.location).get_data(as_text=True)
    assert staff_client.get("/admin/handoffs").status_code == 302


def test_session_of_a_deleted_account_no_longer_works(staff_client, db):
    db.execute("delete from staff where username = 'zhangsan'")
    assert staff_client.get("/admin/handoffs").status_code == 302


def test_repeated_failures_for_one_account_are_refused_at_once(app, client):
    for _ in range(staff.ACCOUNT_MAX_FAILURES - 1):
        assert login(client, password="wrong-password").status_code == 401
    r = login(client, password="wrong-password")
    assert r.status_code == 401 and "该账号登录失败次数过多，请15分钟后再试" in r.get_data(as_text=True)
    r = login(client)  # even the right password, for now: it is not even checked
    assert r.status_code == 429
    assert "该账号登录失败次数过多，请15分钟后再试" in r.get_data(as_text=True)
    assert 890 <= int(r.headers["Retry-After"]) <= 900  # 15 minutes, less the seconds this test took
    assert client.get("/admin/handoffs").status_code == 302
    with database(app) as db:
        staff.create_user(db, "lisi", "lisi-password")
    assert login(client, "lisi", "lisi-password").status_code == 302  # other staff, same address


def test_warning_before_the_pause(client):
    texts = [login(client, password="wrong-password").get_data(as_text=True)
             for _ in range(staff.ACCOUNT_MAX_FAILURES - 1)]
    assert ["再错" in t for t in texts] == [False, False, True, True]
    assert "再错2次将暂停登录，最长15分钟" in texts[2] and "再错1次将暂停登录，最长15分钟" in texts[3]


def test_failures_count_only_within_the_window_and_reset_on_success(db):
    now = utcnow()
    old = now - staff.FAILURE_WINDOW - dt.timedelta(minutes=1)
    for _ in range(staff.ACCOUNT_MAX_FAILURES):
        with pytest.raises(staff.BadCredentials):
            staff.authenticate(db, "zhangsan", "nope", "1.2.3.4", now=old)
    assert staff.retry_after(db, "zhangsan", "1.2.3.4", now=now) == (0, None)
    with pytest.raises(staff.BadCredentials) as e:
        staff.authenticate(db, "zhangsan", "nope", "1.2.3.4", now=now)
    assert e.value.left == staff.ACCOUNT_MAX_FAILURES - 1 and e.value.retry_after == 0
    assert db["login_failures"].count == 1  # the expired ones were pruned
    assert staff.authenticate(db, "zhangsan", PASSWORD, "1.2.3.4", now=now).username == "zhangsan"
    assert staff.attempts_left(db, "zhangsan", "1.2.3.4", now=now) == staff.ACCOUNT_MAX_FAILURES
    assert db["login_failures"].count == 0


def test_passwords_are_stored_hashed(db):
    row = db["staff"].get("zhangsan")
    assert PASSWORD not in row["password_hash"]
    assert row["password_hash"].startswith(("scrypt:", "pbkdf2:"))


@pytest.mark.parametrize("name, password, message", [
    ("zhangsan", "another-password", "已存在"),
    ("li si", "long-enough-pw", "用户名只能"),
    ("lisi", "short", "至少需要8个字符"),
])
def test_unusable_accounts_are_refused(db, name, password, message):
    with pytest.raises(staff.StaffError, match=message):
        staff.create_user(db, name, password)


def test_cli_create_user_prompts_for_the_password_twice(tmp_path):
    path = database_for(tmp_path, "cli.db")
    runner = CliRunner()
    r = runner.invoke(main, ["admin", "create-user", "王五", "--db", path], input="s3cret-pass\ns3cret-pass\n")
    assert r.exit_code == 0, r.output
    assert "已创建账号“王五”" in r.output
    assert "s3cret-pass" not in r.output
    db = open_db(path)
    assert staff.authenticate(db, "王五", "s3cret-pass", "cli").username == "王五"
    r = runner.invoke(main, ["admin", "create-user", "王五", "--db", path], input="s3cret-pass\ns3cret-pass\n")
    assert r.exit_code == 1 and "已存在" in r.output
    r = runner.invoke(main, ["admin", "create-user", "赵六", "--db", path], input="abc\nabc\n")
    assert r.exit_code == 1 and "至少需要8个字符" in r.output


def test_created_user_can_log_in(app, client):
    path = app.config["BOT"].BOT_DATABASE
    r = CliRunner().invoke(main, ["admin", "create-user", "lisi", "--db", path], input="lisi-password\n" * 2)
    assert r.exit_code == 0, r.output
    assert login(client, "lisi", "lisi-password").status_code == 302


def test_cli_handoff_list(app, db):
    urgent = add_handoff(db, "oUserA", "有人落水了快来救人", priority="urgent", asked=ago(minutes=1))
    normal = add_handoff(db, "oUserB", "船舶被扣押怎么处理", asked=ago(hours=2))
    done = add_handoff(db, "oUserC", "已经解决的问题", state="resolved", asked=ago(hours=3))
    path = app.config["BOT"].BOT_DATABASE
    runner = CliRunner()
    r = runner.invoke(main, ["handoff", "list", "--db", path])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"#{urgent}") and "紧急" in lines[0] and "有人落水了快来救人" in lines[0]
    assert lines[1].startswith(f"#{normal}") and "等待2小时" in lines[1] and "窗口开放" in lines[1]
    r = runner.invoke(main, ["handoff", "list", "--db", path, "--state", "all", "--json"])
    records = json.loads(r.output)
    assert [x["id"] for x in records] == [urgent, normal, done]
    assert records[0]["priority"] == "urgent" and records[0]["question"] == "有人落水了快来救人"
    assert {"waiting_seconds", "window_open", "claimed_by", "state"} <= set(records[0])
    r = runner.invoke(main, ["handoff", "list", "--db", path, "--priority", "high"])
    assert "没有符合条件" in r.output


def test_cli_choices_are_the_library_ones():
    params = {p.name: p for p in handoff_list.params}
    assert tuple(params["state"].type.choices) == handoffs.STATE_FILTERS
    assert tuple(params["priority"].type.choices) == handoffs.PRIORITIES


def test_unknown_handoff_is_a_chinese_404(staff_client):
    r = staff_client.get("/admin/handoffs/999")
    assert r.status_code == 404 and "找不到" in r.get_data(as_text=True)


def test_pages_are_not_cached_or_framed(staff_client):
    r = staff_client.get("/admin/handoffs")
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]


def test_static_css_needs_no_login(client):
    with client.get("/admin/static/admin.css") as r:
        assert r.status_code == 200 and b"--brand" in r.data


def test_pages_are_in_chinese_and_load_nothing_from_elsewhere(app, staff_client, db):
    add_handoff(db, "oUser1", "船被扣了怎么办")
    pages = [staff_client.get(url) for url in ("/admin/handoffs", "/admin/handoffs/1", "/admin/dashboard",
                                                 "/admin/log", "/admin/try?q=证书", "/admin/handoffs/1/faq")]
    pages.append(app.test_client().get("/admin/login"))
    for page in pages:
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert 'lang="zh-CN"' in text
        assert not re.search(r'(src|href)="(https?:)?//', text), page.request.path
