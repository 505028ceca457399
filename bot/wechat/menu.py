"""The WeChat custom menu: built from the ``menu:`` setting and published through WeChat's API (menu/create)."""
from __future__ import annotations

import requests
from wechatpy.exceptions import WeChatClientException

from ..errors import BotError
from .api import make_client

# WeChat's limits for menu/create (bytes of UTF-8).
TOP_NAME_BYTES = 16
SUB_NAME_BYTES = 60
KEY_BYTES = 128
URL_BYTES = 1024

# What the errcodes a curator is likely to meet mean, in plain words.
ERRCODE_HINTS = {
    -1: "微信系统繁忙，稍后再试",
    40001: "AppSecret 不对，或 access_token 已失效",
    40013: "AppID 不对（检查 WECHAT_APP_ID）",
    40016: "按钮个数不对：一级1到3个，每组子按钮1到5个",
    40017: "按钮类型不对",
    40018: "按钮名字太长：一级不超过16字节（4个汉字），子按钮不超过60字节",
    40019: "按钮 key 太长：不超过128字节",
    40023: "子按钮个数不对：1到5个",
    40054: "网页按钮的 url 不对",
    40125: "AppSecret 不对（检查 WECHAT_APP_SECRET）",
    40164: "调用接口的IP不在公众号后台的IP白名单里",
    48001: "公众号没有自定义菜单接口权限（需认证）",
}


class MenuPushError(BotError):
    """WeChat refused the menu or could not be reached: carries errcode and errmsg."""

    def __init__(self, message, errcode=None, errmsg=None):
        self.errcode = errcode
        self.errmsg = errmsg
        super().__init__(message)


def build_menu(menu: list) -> dict:
    """WeChat's menu JSON for the parsed ``menu:`` setting: FAQ and category buttons are ``click`` with their key,
    ``url`` buttons are ``view``.
    """
    return {"button": [
        {"name": b["name"], "sub_button": [_leaf(s) for s in b["items"]]} if "items" in b else _leaf(b)
        for b in menu
    ]}


def _leaf(item: dict) -> dict:
    if item.get("url"):
        return {"type": "view", "name": item["name"], "url": item["url"]}
    return {"type": "click", "name": item["name"], "key": item["key"]}


def menu_problems(menu: list) -> list:
    """What WeChat would refuse in the parsed ``menu:`` setting: ``(line, message, hint)`` per problem."""
    out, keys = [], {}

    def size(text):
        return len(text.encode("utf-8"))

    for button in menu:
        if size(button["name"]) > TOP_NAME_BYTES:
            out.append((button["line"], f"一级菜单名“{button['name']}”有{size(button['name'])}字节，微信只允许{TOP_NAME_BYTES}字节",
                        "一级菜单名最多4个汉字"))
        for leaf in button.get("items", []):
            if size(leaf["name"]) > SUB_NAME_BYTES:
                out.append((leaf["line"], f"子菜单名“{leaf['name']}”有{size(leaf['name'])}字节，微信只允许{SUB_NAME_BYTES}字节",
                            "子菜单名最多20个汉字，建议不超过8个"))
        for leaf in button.get("items", [button]):
            if leaf.get("url"):
                if not leaf["url"].startswith(("http://", "https://")) or size(leaf["url"]) > URL_BYTES:
                    out.append((leaf["line"], f"菜单“{leaf['name']}”的网址“{leaf['url']}”不可用",
                                f"写完整的 https:// 地址，不超过{URL_BYTES}字节"))
                continue
            key = leaf["key"]
            if size(key) > KEY_BYTES:
                out.append((leaf["line"], f"菜单“{leaf['name']}”的 key 超过{KEY_BYTES}字节", "用简短的英文大写加下划线，例如 FAQ_CERT_RENEW"))
            if key in keys:
                out.append((leaf["line"], f"菜单“{leaf['name']}”的 key“{key}”与“{keys[key]}”重复",
                            "每个按钮的 key 要不同，否则点击后分不清是哪一个"))
            keys.setdefault(key, leaf["name"])
    return out


def push_menu(menu: dict, config, db=None) -> dict:
    """Publish ``menu`` (WeChat's JSON) with POST menu/create; raise MenuPushError with errcode and errmsg.

    ``db``: the app's database, so the push uses (and keeps) the access token the running bot shares."""
    if not config.WECHAT_APP_ID or not config.WECHAT_APP_SECRET:
        raise MenuPushError("没有配置 WECHAT_APP_ID / WECHAT_APP_SECRET，无法发布菜单")
    api_base_url = config.WECHAT_API_BASE_URL
    # A menu push is run by hand: report a token problem instead of fetching tokens in a loop.
    client = make_client(config, db, auto_retry=False)
    try:
        return client.menu.create(menu)
    except WeChatClientException as e:
        if e.errcode is None:
            status = e.response.status_code if e.response is not None else "无响应"
            raise MenuPushError(f"微信接口返回 HTTP {status}", errmsg=str(status)) from None
        hint = ERRCODE_HINTS.get(e.errcode)
        raise MenuPushError(
            f"微信拒绝了菜单：errcode {e.errcode}，errmsg {e.errmsg}" + (f"（{hint}）" if hint else ""),
            e.errcode, e.errmsg,
        ) from None
    except requests.RequestException as e:
        raise MenuPushError(f"无法连接微信接口 {api_base_url}：{e}") from None
    finally:
        client._http.close()
