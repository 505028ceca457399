"""menu show / menu push: the menu JSON from settings.yaml, pushed to a local HTTP server playing WeChat's API."""
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from webhook_support import FakeWeChatAPI
from bot.kb.loader import load_knowledge
from bot.config import Config
from bot.store.connection import open_db
from bot.wechat.menu import MenuPushError, build_menu, push_menu
from bot.wechat.api import TokenStorage
from db_support import database_for

FIXTURE = Path(__file__).parent / "fixtures" / "kbtools_kb"

EXPECTED_MENU = {"button": [
    {"name": "船员服务", "sub_button": [
        {"type": "click", "name": "证书再有效", "key": "FAQ_CERT_RENEW"},
        {"type": "click", "name": "证书补办", "key": "FAQ_CERT_LOST"},
        {"type": "click", "name": "海员证", "key": "CAT_CERTS"},
    ]},
    {"type": "click", "name": "航行通告", "key": "FAQ_NOTICES"},
    {"name": "联系我们", "sub_button": [
        {"type": "click", "name": "咨询电话", "key": "FAQ_HOTLINE"},
        {"type": "click", "name": "办公时间", "key": "FAQ_HOURS"},
        {"type": "view", "name": "海事局网站", "url": "https://www.msa.gov.cn/"},
    ]},
]}


def FakeWeChat(menu_reply=None, secret="s3cret"):
    """The loopback stand-in for WeChat's API, accepting only the test AppSecret."""
    return FakeWeChatAPI(secret=secret, menu_reply=menu_reply)


def env_for(fake, secret="s3cret", db=None):
    """Environment for `menu push` against the fake API, with a database of its own (fresh unless given)."""
    db = db or os.path.join(tempfile.mkdtemp(), "bot.db")
    return {"WECHAT_APP_ID": "wx-test-app", "WECHAT_APP_SECRET": secret, "WECHAT_API_BASE_URL": fake.url,
            "BOT_DATABASE": db}


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_build_menu_follows_wechats_format():
    assert build_menu(load_knowledge(FIXTURE).settings["menu"]) == EXPECTED_MENU


def test_menu_show_prints_the_json_without_sending():
    result = run("menu", "show", "--kb", FIXTURE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == EXPECTED_MENU
    assert "证书再有效" in result.output, "Chinese stays readable"


def test_menu_show_without_a_menu_setting(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE, kb)
    (kb / "settings.yaml").unlink()
    result = run("menu", "show", "--kb", kb)
    assert result.exit_code == 1
    assert "没有 menu:" in result.output


def test_menu_push_sends_token_request_then_menu():
    with FakeWeChat() as fake:
        result = run("menu", "push", "--kb", FIXTURE, env=env_for(fake))
    assert result.exit_code == 0, result.output
    assert "菜单已发布：3 个一级按钮，6 个子按钮" in result.output
    (m1, path1, q1, _), (m2, path2, q2, body) = fake.requests
    assert (m1, path1) == ("GET", "/cgi-bin/token")
    assert q1 == {"grant_type": ["client_credential"], "appid": ["wx-test-app"], "secret": ["s3cret"]}
    assert (m2, path2) == ("POST", "/cgi-bin/menu/create")
    assert q2 == {"access_token": ["TOKEN-1"]}
    assert body == EXPECTED_MENU


def test_menu_push_uses_the_access_token_the_running_bot_shares(tmp_path):
    """WeChat keeps one valid token per account: a push must not fetch a new one while the bot's is valid."""
    db_path = database_for(tmp_path)
    TokenStorage(open_db(db_path)).set("wx-test-app_access_token", "SHARED-TOKEN", 7200)
    with FakeWeChat() as fake:
        result = run("menu", "push", "--kb", FIXTURE, env=env_for(fake, db=db_path))
    assert result.exit_code == 0, result.output
    assert [(m, path, q) for m, path, q, _ in fake.requests] == [
        ("POST", "/cgi-bin/menu/create", {"access_token": ["SHARED-TOKEN"]})]


def test_menu_push_reports_wechats_errcode_and_exits_1():
    with FakeWeChat(menu_reply={"errcode": 40018, "errmsg": "invalid button name size"}) as fake:
        result = run("menu", "push", "--kb", FIXTURE, env=env_for(fake))
    assert result.exit_code == 1
    assert "菜单发布失败" in result.output
    assert "errcode 40018" in result.output and "errmsg invalid button name size" in result.output
    assert "按钮名字太长" in result.output


def test_menu_push_with_a_wrong_secret_fails_at_the_token():
    with FakeWeChat() as fake:
        result = run("menu", "push", "--kb", FIXTURE, env=env_for(fake, secret="wrong"))
    assert result.exit_code == 1
    assert "errcode 40125" in result.output and "WECHAT_APP_SECRET" in result.output
    assert [r[1] for r in fake.requests] == ["/cgi-bin/token"], "nothing posted without a token"


def test_menu_push_without_credentials_sends_nothing():
    with FakeWeChat() as fake:
        result = run("menu", "push", "--kb", FIXTURE,
                     env={**env_for(fake), "WECHAT_APP_ID": "", "WECHAT_APP_SECRET": ""})
    assert result.exit_code == 1
    assert "WECHAT_APP_ID" in result.output
    assert fake.requests == []


def test_menu_push_refuses_a_menu_wechat_would_reject(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE, kb)
    settings = kb / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("- name: 航行通告", "- name: 航行通告和警告"),
                        encoding="utf-8")
    with FakeWeChat() as fake:
        result = run("menu", "push", "--kb", kb, env=env_for(fake))
    assert result.exit_code == 1
    assert "未发布" in result.output and "一级菜单名“航行通告和警告”" in result.output
    assert fake.requests == []


def test_push_menu_when_the_server_cannot_be_reached():
    with FakeWeChat() as fake:
        url = fake.url
    with pytest.raises(MenuPushError) as raised:
        push_menu(EXPECTED_MENU, Config(WECHAT_APP_ID="wx-test-app", WECHAT_APP_SECRET="s3cret",
                                        WECHAT_API_BASE_URL=url, API_TIMEOUT_SECONDS=2))
    assert "无法连接微信接口" in str(raised.value)
