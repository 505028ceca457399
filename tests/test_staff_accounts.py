"""Staff accounts behind a proxy: throttling per address and per account without sleeping, sessions that end for real
(logout, new password, removal, re-creation), the account commands, and Secure cookies.

Everything goes through real HTTP (the Flask test client, or ``python app.py`` in a subprocess) on a SQLite file in
tmp_path; addresses come from X-Forwarded-For, believed only with TRUSTED_PROXIES.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from admin_support import PASSWORD, csrf, database, make_app, post
from bot.service import staff
from bot.cli import main
from bot.config import Config
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from db_support import database_for

ROOT = Path(__file__).resolve().parent.parent
LISI_PASSWORD = "lisi-password-2"


def with_staff(app):
    """``app`` with two accounts, zhangsan (PASSWORD) and lisi (LISI_PASSWORD)."""
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
        staff.create_user(db, "lisi", LISI_PASSWORD)
    return app


@pytest.fixture
def proxied(tmp_path):
    """The app behind one trusted proxy (nginx), with zhangsan and lisi."""
    return with_staff(make_app(tmp_path, TRUSTED_PROXIES=1))


@pytest.fixture
def direct(tmp_path):
    """The app with no proxy configured (X-Forwarded-For ignored), with zhangsan and lisi."""
    return with_staff(make_app(tmp_path))


def attempt(client, username: str, password: str, address: str | None = None):
    """One login form POST, from ``address`` as nginx would forward it."""
    headers = {"X-Forwarded-For": address} if address else {}
    return client.post("/admin/login", headers=headers,
                       data={"csrf_token": csrf(client), "username": username, "password": password})


def signed_in(client) -> bool:
    """Whether the client's session opens a staff page."""
    return client.get("/admin/handoffs").status_code == 200


def failures(app) -> list:
    """The recorded failed logins as (address, username)."""
    with database(app) as db:
        return [(r["address"], r["username"]) for r in db.query("select address, username from login_failures")]


# ---- throttling ----------------------------------------------------------------------------------------------

def test_behind_a_trusted_proxy_one_clients_failures_do_not_lock_out_staff_elsewhere(proxied):
    known = proxied.test_client()  # zhangsan's usual browser, at the office
    assert attempt(known, "zhangsan", PASSWORD, "198.51.100.7").status_code == 302
    post(known, "/admin/logout")
    attacker = proxied.test_client()
    for n in range(staff.ACCOUNT_MAX_FAILURES):
        assert attempt(attacker, "zhangsan", f"guess-{n}", "203.0.113.66").status_code == 401
    for n in range(staff.ADDRESS_MAX_FAILURES - staff.ACCOUNT_MAX_FAILURES):
        assert attempt(attacker, f"user{n}", "guess", "203.0.113.66").status_code == 401
    assert set(failures(proxied)) >= {("203.0.113.66", "zhangsan")}
    assert {address for address, _ in failures(proxied)} == {"203.0.113.66"}  # not the proxy's 127.0.0.1

    r = attempt(attacker, "lisi", LISI_PASSWORD, "203.0.113.66")  # the address is paused, whatever the account
    assert r.status_code == 429 and "您所在的网络地址登录失败次数过多" in r.get_data(as_text=True)
    assert not signed_in(attacker)

    assert attempt(known, "zhangsan", PASSWORD, "198.51.100.7").status_code == 302
    assert signed_in(known)
    colleague = proxied.test_client()
    assert attempt(colleague, "lisi", LISI_PASSWORD, "198.51.100.8").status_code == 302
    assert signed_in(colleague)


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_dodge_the_address_limit(direct):
    client = direct.test_client()
    for n in range(staff.ADDRESS_MAX_FAILURES):
        r = attempt(client, f"user{n}", "guess", f"192.0.2.{n + 1}")
        assert r.status_code == 401
    assert {address for address, _ in failures(direct)} == {"127.0.0.1"}
    r = attempt(client, "zhangsan", PASSWORD, "192.0.2.200")
    assert r.status_code == 429
    assert "您所在的网络地址登录失败次数过多，请15分钟后再试" in r.get_data(as_text=True)
    assert not signed_in(client)


def test_guessing_one_account_from_many_addresses_is_refused_except_in_its_known_browser(proxied):
    known = proxied.test_client()
    assert attempt(known, "zhangsan", PASSWORD, "198.51.100.7").status_code == 302
    post(known, "/admin/logout")
    for n in range(staff.ACCOUNT_MAX_FAILURES - 1):
        r = attempt(proxied.test_client(), "zhangsan", "guess", f"203.0.113.{n + 1}")
        assert r.status_code == 401 and "登录失败次数过多" not in r.get_data(as_text=True)
    r = attempt(proxied.test_client(), "zhangsan", "guess", "203.0.113.50")
    assert r.status_code == 401
    assert "用户名或密码错误。该账号登录失败次数过多，请15分钟后再试" in r.get_data(as_text=True)

    fresh = proxied.test_client()  # a new address and a new browser: refused, the password not even checked
    r = attempt(fresh, "zhangsan", PASSWORD, "203.0.113.99")
    assert r.status_code == 429
    assert "该账号登录失败次数过多，请15分钟后再试" in r.get_data(as_text=True)
    assert 840 <= int(r.headers["Retry-After"]) <= 900
    assert not signed_in(fresh)
    assert len(failures(proxied)) == staff.ACCOUNT_MAX_FAILURES  # a refused attempt is not counted

    assert attempt(known, "zhangsan", PASSWORD, "198.51.100.7").status_code == 302  # the staff member's own browser
    assert signed_in(known)
    assert attempt(proxied.test_client(), "lisi", LISI_PASSWORD, "203.0.113.99").status_code == 302


def test_the_account_pause_ends_with_the_window(proxied):
    for n in range(staff.ACCOUNT_MAX_FAILURES):
        attempt(proxied.test_client(), "zhangsan", "guess", f"203.0.113.{n + 1}")
    client = proxied.test_client()
    assert attempt(client, "zhangsan", PASSWORD, "203.0.113.99").status_code == 429
    with database(proxied) as db, db.conn:
        db.conn.execute("update login_failures set at = ?", [iso(utcnow() - staff.FAILURE_WINDOW)])
    assert attempt(client, "zhangsan", PASSWORD, "203.0.113.99").status_code == 302
    assert failures(proxied) == []


def test_the_pause_lasts_until_the_oldest_counted_failure_leaves_the_window(db_path):
    db = open_db(db_path)
    now = utcnow()
    for minutes_ago in (10, 8, 6, 4, 2):
        with pytest.raises(staff.BadCredentials):
            staff.authenticate(db, "zhangsan", "guess", f"203.0.113.{minutes_ago}",
                               now=now - dt.timedelta(minutes=minutes_ago))
    wait, limit = staff.retry_after(db, "zhangsan", "198.51.100.1", now=now)
    assert limit == "account" and 5 * 60 - 2 <= wait <= 5 * 60
    assert staff.retry_after(db, "zhangsan", "198.51.100.1", known_browser=True, now=now) == (0, None)
    assert staff.retry_after(db, "lisi", "198.51.100.1", now=now) == (0, None)


def test_a_known_browser_is_still_bound_by_the_address_limit(db_path):
    db = open_db(db_path)
    staff.create_user(db, "zhangsan", PASSWORD)
    for _ in range(staff.ADDRESS_MAX_FAILURES):
        with pytest.raises(staff.BadCredentials):
            staff.authenticate(db, "zhangsan", "guess", "203.0.113.1", known_browser=True)
    with pytest.raises(staff.LoginThrottled) as e:
        staff.authenticate(db, "zhangsan", PASSWORD, "203.0.113.1", known_browser=True)
    assert e.value.limit == "address" and e.value.retry_after > 0


def test_refused_logins_are_answered_without_sleeping(proxied, monkeypatch):
    me, slept = threading.get_ident(), []
    real_sleep = time.sleep
    monkeypatch.setattr(time, "sleep", lambda s: slept.append(s) if threading.get_ident() == me else real_sleep(s))
    client = proxied.test_client()
    statuses = [attempt(client, "zhangsan", "guess", "203.0.113.1").status_code
                for _ in range(staff.ACCOUNT_MAX_FAILURES + 3)]
    assert statuses == [401] * staff.ACCOUNT_MAX_FAILURES + [429] * 3
    assert slept == []


@pytest.mark.parametrize("seconds, text", [(1, "1秒"), (59, "59秒"), (60, "1分钟"), (61, "2分钟"), (900, "15分钟")])
def test_wait_texts(seconds, text):
    assert staff.wait_text(seconds) == text


# ---- sessions ------------------------------------------------------------------------------------------------

def logged_in_with_a_copy(app, username="zhangsan", password=PASSWORD):
    """A client logged in through the form, and a second client holding a copy of its session cookie."""
    original = app.test_client()
    assert attempt(original, username, password).status_code == 302
    copy = app.test_client()
    copy.set_cookie("session", original.get_cookie("session").value)
    assert signed_in(copy)
    return original, copy


@pytest.fixture
def db_path(tmp_path):
    """A SQLite file in tmp_path (the app's, when an app fixture is used too)."""
    return database_for(tmp_path)


def test_a_cookie_copied_before_logout_no_longer_works_after_it(direct):
    original, copy = logged_in_with_a_copy(direct)
    r = post(original, "/admin/logout")
    assert r.status_code == 302
    assert not signed_in(copy)
    assert not signed_in(original)
    assert attempt(original, "zhangsan", PASSWORD).status_code == 302  # logging in again works
    assert signed_in(original)


def test_logout_ends_the_accounts_other_sessions_but_not_other_accounts(direct):
    zhang, other_browser = logged_in_with_a_copy(direct)
    li = direct.test_client()
    assert attempt(li, "lisi", LISI_PASSWORD).status_code == 302
    post(zhang, "/admin/logout")
    assert not signed_in(other_browser)
    assert signed_in(li)


def test_a_new_password_ends_every_session(direct, db_path):
    original, copy = logged_in_with_a_copy(direct)
    r = CliRunner().invoke(main, ["admin", "reset-password", "zhangsan", "--db", db_path],
                           input="new-password-1\nnew-password-1\n")
    assert r.exit_code == 0, r.output
    assert not signed_in(copy) and not signed_in(original)
    assert attempt(original, "zhangsan", PASSWORD).status_code == 401
    assert attempt(original, "zhangsan", "new-password-1").status_code == 302


def test_removing_an_account_ends_its_sessions(direct, db_path):
    original, copy = logged_in_with_a_copy(direct)
    r = CliRunner().invoke(main, ["admin", "remove-user", "zhangsan", "--yes", "--db", db_path])
    assert r.exit_code == 0, r.output
    assert not signed_in(copy) and not signed_in(original)
    assert attempt(original, "zhangsan", PASSWORD).status_code == 401


def test_a_recreated_account_of_the_same_name_does_not_accept_old_cookies(direct, db_path):
    original, copy = logged_in_with_a_copy(direct)
    with database(direct) as db:
        token = staff.browser_token(db, direct.config["SECRET_KEY"], "zhangsan")
        staff.remove_user(db, "zhangsan")
        staff.create_user(db, "zhangsan", PASSWORD)  # same name, same password, same second
        assert not staff.knows_browser(db, direct.config["SECRET_KEY"], token, "zhangsan")
    assert not signed_in(copy) and not signed_in(original)
    assert attempt(original, "zhangsan", PASSWORD).status_code == 302
    assert signed_in(original) and not signed_in(copy)


def test_new_accounts_start_at_unpredictable_session_versions(db_path):
    db = open_db(db_path)
    versions = set()
    for _ in range(5):
        staff.create_user(db, "zhangsan", PASSWORD)
        versions.add(staff.account(db, "zhangsan").session_version)
        staff.remove_user(db, "zhangsan")
    assert len(versions) == 5


def test_a_session_from_before_versions_is_refused(direct):
    client = direct.test_client()
    with client.session_transaction() as session:
        session["staff"] = "zhangsan"  # what a login before this release stored
    assert not signed_in(client)


def test_known_browser_tokens_are_signed_per_account_and_password(direct):
    secret = direct.config["SECRET_KEY"]
    with database(direct) as db:
        token = staff.browser_token(db, secret, "zhangsan")
        assert staff.knows_browser(db, secret, token, "zhangsan")
        assert staff.knows_browser(db, secret, token, " zhangsan ")
        assert not staff.knows_browser(db, secret, token, "lisi")
        assert not staff.knows_browser(db, secret, token, "nobody")
        assert not staff.knows_browser(db, "another-secret", token, "zhangsan")
        assert not staff.knows_browser(db, secret, token[:-2] + "xx", "zhangsan")
        assert not staff.knows_browser(db, secret, None, "zhangsan")
        staff.set_password(db, "zhangsan", "changed-password")
        assert not staff.knows_browser(db, secret, token, "zhangsan")


# ---- the account commands ------------------------------------------------------------------------------------

def test_cli_reset_password_prompts_twice_or_takes_the_option(direct, db_path):
    runner = CliRunner()
    r = runner.invoke(main, ["admin", "reset-password", "lisi", "--db", db_path], input="brand-new-pw\nbrand-new-pw\n")
    assert r.exit_code == 0, r.output
    assert "新密码" in r.output and "再输入一次新密码" in r.output and "brand-new-pw" not in r.output
    assert "已重设“lisi”的密码" in r.output
    db = open_db(db_path)
    assert staff.authenticate(db, "lisi", "brand-new-pw", "cli").username == "lisi"
    r = runner.invoke(main, ["admin", "reset-password", "lisi", "--db", db_path, "--password", "scripted-pw-1"])
    assert r.exit_code == 0, r.output
    assert staff.authenticate(db, "lisi", "scripted-pw-1", "cli").username == "lisi"
    r = runner.invoke(main, ["admin", "reset-password", "lisi", "--db", db_path, "--password", "short"])
    assert r.exit_code == 1 and "至少需要8个字符" in r.output
    r = runner.invoke(main, ["admin", "reset-password", "nobody", "--db", db_path, "--password", "whatever-pw"])
    assert r.exit_code == 1 and "没有名为“nobody”的账号" in r.output
    r = runner.invoke(main, ["admin", "reset-password", "lisi", "--db", db_path], input="one-password\nanother-one\n"
                      "again-pw-22\nagain-pw-22\n")  # the two differ: asked again
    assert r.exit_code == 0, r.output
    assert staff.authenticate(db, "lisi", "again-pw-22", "cli").username == "lisi"


def test_cli_reset_password_lifts_the_accounts_pause(direct, db_path):
    for _ in range(staff.ACCOUNT_MAX_FAILURES):
        attempt(direct.test_client(), "zhangsan", "guess")
    client = direct.test_client()
    assert attempt(client, "zhangsan", PASSWORD).status_code == 429
    r = CliRunner().invoke(main, ["admin", "reset-password", "zhangsan", "--db", db_path, "--password", "fresh-pw-123"])
    assert r.exit_code == 0, r.output
    assert attempt(client, "zhangsan", "fresh-pw-123").status_code == 302


def test_cli_remove_user_asks_first(direct, db_path):
    runner = CliRunner()
    r = runner.invoke(main, ["admin", "remove-user", "lisi", "--db", db_path], input="n\n")
    assert r.exit_code == 1 and "删除账号“lisi”？" in r.output
    db = open_db(db_path)
    assert staff.exists(db, "lisi")
    r = runner.invoke(main, ["admin", "remove-user", "lisi", "--db", db_path], input="y\n")
    assert r.exit_code == 0 and "已删除账号“lisi”" in r.output
    assert not staff.exists(db, "lisi")
    r = runner.invoke(main, ["admin", "remove-user", "lisi", "--db", db_path, "--yes"])
    assert r.exit_code == 1 and "没有名为“lisi”的账号" in r.output
    r = runner.invoke(main, ["admin", "remove-user", "zhangsan", "--db", db_path, "--yes"])
    assert r.exit_code == 0 and "？" not in r.output
    assert staff.usernames(db) == []


def test_cli_list_users_in_beijing_time(db_path):
    runner = CliRunner()
    r = runner.invoke(main, ["admin", "list-users", "--db", db_path])
    assert r.exit_code == 0 and "还没有账号" in r.output
    db = open_db(db_path)
    staff.create_user(db, "zhangsan", PASSWORD)
    staff.create_user(db, "王五", PASSWORD)
    with db.conn:
        db.conn.execute("update staff set created_at = '2026-01-05T17:30:00+00:00' where username = 'zhangsan'")
        db.conn.execute("update staff set created_at = '2026-03-01T02:05:09+00:00' where username = '王五'")
    r = runner.invoke(main, ["admin", "list-users", "--db", db_path])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert [line.split()[0] for line in lines] == ["zhangsan", "王五"]
    assert lines[0].endswith("创建于 2026-01-06 01:30") and lines[1].endswith("创建于 2026-03-01 10:05")
    assert PASSWORD not in r.output and "scrypt" not in r.output


# ---- cookies -------------------------------------------------------------------------------------------------

def set_cookies(response) -> dict:
    """The response's Set-Cookie headers by cookie name."""
    return {h.split("=", 1)[0]: h for h in response.headers.getlist("Set-Cookie")}


def test_login_cookies_are_secure_by_default(direct):
    cookies = set_cookies(attempt(direct.test_client(), "zhangsan", PASSWORD))
    assert set(cookies) == {"session", "staff_browser"}
    for header in cookies.values():
        assert "; Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header
    assert "Path=/admin/login" in cookies["staff_browser"]


def test_insecure_cookies_only_when_asked(tmp_path):
    app = with_staff(make_app(tmp_path, BOT_INSECURE_COOKIES=True))
    cookies = set_cookies(attempt(app.test_client(), "zhangsan", PASSWORD))
    assert cookies and all("Secure" not in header for header in cookies.values())
    assert Config.from_env({"BOT_INSECURE_COOKIES": "1"}).BOT_INSECURE_COOKIES is True
    assert Config.from_env({}).BOT_INSECURE_COOKIES is False
    assert Config.from_env({"TRUSTED_PROXIES": "1"}).TRUSTED_PROXIES == 1


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_app_py(tmp_path, **env):
    """``python app.py`` (the README's first command) on a free port; yields (base URL, process)."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k != "BOT_INSECURE_COOKIES"}
    environ.update({"HOST": "127.0.0.1", "PORT": str(port), "BOT_DATABASE": database_for(tmp_path),
                    "PYTHONUNBUFFERED": "1", **env})
    log = open(tmp_path / f"app-{port}.log", "w+")
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    give_up = time.monotonic() + 60
    while time.monotonic() < give_up:
        try:
            requests.get(base + "/admin/login", timeout=2)
            break
        except requests.ConnectionError:
            assert process.poll() is None, (tmp_path / f"app-{port}.log").read_text()
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("python app.py did not start")
    return base, process, log


def browser_login(base: str) -> requests.Session:
    """Log in as zhangsan over plain http with a cookie jar that, like a browser, keeps Secure cookies off http."""
    browser = requests.Session()
    page = browser.get(base + "/admin/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    browser.post(base + "/admin/login", data={"csrf_token": token, "username": "zhangsan", "password": PASSWORD},
                 allow_redirects=False)
    return browser


@pytest.mark.parametrize("setting, works", [(None, True), ("0", False)])
def test_python_app_py_on_plain_http_lets_staff_log_in(tmp_path, setting, works):
    db = open_db(database_for(tmp_path))
    staff.create_user(db, "zhangsan", PASSWORD)
    db.conn.close()
    base, process, log = run_app_py(tmp_path, **({"BOT_INSECURE_COOKIES": setting} if setting else {}))
    try:
        browser = browser_login(base)
        r = browser.get(base + "/admin/handoffs", allow_redirects=False)
        assert (r.status_code == 200) is works, r.status_code
    finally:
        process.terminate()
        process.wait(10)
        log.seek(0)
        output = log.read()
        log.close()
    assert ("BOT_INSECURE_COOKIES=1" in output) is works
