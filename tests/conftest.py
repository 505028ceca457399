"""Shared test fixtures. Older helpers still live in admin_support.py and webhook_support.py."""
from __future__ import annotations

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
