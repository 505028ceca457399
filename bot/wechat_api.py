"""WeChat's server API for the whole app: one client class and one access-token store.

WeChat keeps a single valid access token per account, and fetching a new one retires the old: every part of
the app (late replies, staff replies, menu push) and every worker must therefore share the token stored here.
"""
from __future__ import annotations

import datetime as dt

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage
from wechatpy.session.memorystorage import MemoryStorage

from .db import iso, parse_iso, utcnow


class TokenStorage(SessionStorage):
    """wechatpy session storage in the ``tokens`` table, so every worker shares one access token."""

    # A token this close to expiry counts as expired, so it is never used while WeChat drops it.
    MARGIN = dt.timedelta(seconds=120)

    def __init__(self, db):
        self.db = db

    def get(self, key, default=None):
        """The stored value of ``key`` while it is valid, else ``default``."""
        rows = list(self.db.query("select value, expires_at from tokens where name = ?", [key]))
        if not rows:
            return default
        expires = parse_iso(rows[0]["expires_at"])
        if expires is not None and expires - self.MARGIN <= utcnow():
            return default
        return rows[0]["value"]

    def set(self, key, value, ttl=None):
        """Store ``value`` for ``ttl`` seconds (no expiry when ttl is None)."""
        if value is None:
            return
        expires = iso(utcnow() + dt.timedelta(seconds=int(ttl))) if ttl else None
        self.db.execute(
            "insert into tokens (name, value, expires_at) values (?, ?, ?) on conflict(name) do update set "
            "value = excluded.value, expires_at = excluded.expires_at",
            [key, value, expires],
        )

    def delete(self, key):
        """Forget ``key``."""
        self.db.execute("delete from tokens where name = ?", [key])


class WeChatAPI(WeChatClient):
    """wechatpy's client pointed at a configurable API host, with a timeout on the token request too."""

    def __init__(self, base_url, appid, secret, session, timeout, auto_retry=True):
        super().__init__(appid, secret, session=session, timeout=timeout, auto_retry=auto_retry)
        self.base_url = base_url.rstrip("/")
        self.API_BASE_URL = self.base_url + "/cgi-bin/"

    def fetch_access_token(self):
        """Get a new access token from {base}/cgi-bin/token and store it for every worker."""
        res = self._http.get(
            self.base_url + "/cgi-bin/token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
            timeout=self.timeout,
        )
        try:
            res.raise_for_status()
            result = res.json()
        except (requests.RequestException, ValueError):
            raise WeChatClientException(None, f"获取access_token失败：HTTP {res.status_code}", client=self,
                                        request=res.request, response=res) from None
        if result.get("errcode"):
            raise WeChatClientException(result["errcode"], result.get("errmsg", ""), client=self,
                                        request=res.request, response=res)
        expires_in = int(result.get("expires_in") or 7200)
        self.session.set(self.access_token_key, result["access_token"], expires_in)
        self.expires_at = int(utcnow().timestamp()) + expires_in
        return result




def make_client(config, db=None, auto_retry=True) -> WeChatAPI:
    """A client on WECHAT_API_BASE_URL with the configured timeout; the token is shared through ``db``.

    ``auto_retry``: on an expired or revoked token (40001/42001) fetch a new one and retry the call."""
    session = TokenStorage(db) if db is not None else MemoryStorage()
    return WeChatAPI(config.WECHAT_API_BASE_URL, config.WECHAT_APP_ID, config.WECHAT_APP_SECRET, session,
                     config.API_TIMEOUT_SECONDS, auto_retry)
