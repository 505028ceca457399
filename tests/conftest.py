"""Shared test fixtures. Older helpers still live in admin_support.py and webhook_support.py."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from alert_support import FakeRobot, FakeSMTP
from webhook_support import FakeWeChatAPI
from db_support import ON_POSTGRES, SERVER, drop_created


# ---- the database --------------------------------------------------------------------------------------

def pytest_report_header(config):
    return f"database: PostgreSQL {SERVER.split('@')[-1]}" if ON_POSTGRES else "database: SQLite (set TEST_DATABASE_URL for PostgreSQL)"


def pytest_sessionstart(session):
    """In the PostgreSQL pass the server must answer: a test that needs it is never skipped for its absence."""
    if ON_POSTGRES:
        import psycopg

        try:
            psycopg.connect(SERVER, connect_timeout=10).close()
        except psycopg.Error as e:
            pytest.exit(f"TEST_DATABASE_URL does not answer: {e}", returncode=3)


@pytest.fixture(autouse=True)
def _fresh_databases(request):
    """Each test's PostgreSQL schemas (see db_support.database_for) are dropped when it ends."""
    folder = str(request.getfixturevalue("tmp_path")) if ON_POSTGRES and "tmp_path" in request.fixturenames else None
    yield
    if folder:
        drop_created(folder)


def pytest_sessionfinish(session):
    if ON_POSTGRES:
        drop_created()


@pytest.fixture
def wecom_robot():
    """A stand-in WeCom group robot on 127.0.0.1 (``.url``, ``.bodies``, ``.script``); see alert_support."""
    with FakeRobot() as robot:
        yield robot


@pytest.fixture
def alert_webhook():
    """A stand-in paging gateway receiving the generic alert webhook's JSON (``.url``, ``.bodies``)."""
    with FakeRobot() as hook:
        yield hook


@pytest.fixture
def fake_api():
    """A running stand-in for WeChat's API on 127.0.0.1 (``.url``, ``.sent``, ``.token_requests`` …); see webhook_support."""
    with FakeWeChatAPI() as api:
        yield api


@pytest.fixture
def smtp_server():
    """A local SMTP server keeping the mails it receives (``.port``, ``.messages``)."""
    with FakeSMTP() as server:
        yield server


# ---- the browser ---------------------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SHOTS = Path(os.environ.get("ADMIN_SHOTS", "/tmp/admin-shots"))


@pytest.fixture
def chromium():
    """Debian's Chromium, headless, driven by Playwright; screenshots go to SHOTS. Fails in CI when missing."""
    if not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}: CI must install Debian's chromium package")
        pytest.skip(f"chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
