"""Shared test fixtures. Older helpers still live in admin_support.py and webhook_support.py."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from alert_support import FakeRobot, FakeSMTP


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
