"""WeChat's server API for the whole app: one client class and one access-token store.

WeChat keeps a single valid access token per account, and fetching a new one retires the old: every part of
the app (late replies, staff replies, menu push) and every worker must therefore share the token stored here.
"""
from __future__ import annotations

import datetime as dt
import os
import socket
import time
import uuid

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage
from wechatpy.session.memorystorage import MemoryStorage

from ..clock import utcnow
from ..store import tokens


class TokenStorage(SessionStorage):
    """wechatpy session storage in the ``tokens`` table, so every worker and host shares one access token."""

    # A token this close to expiry counts as expired, so it is never used while WeChat drops it.
    MARGIN = dt.timedelta(seconds=120)

    def __init__(self, db):
        self.db = db

    def get(self, key, default=None):
        """The stored value of ``key`` while it is valid, else ``default``."""
        value, expires = tokens.read(self.db, key)
        if value is None or (expires is not None and expires - self.MARGIN <= utcnow()):
            return default
        return value

    def set(self, key, value, ttl=None):
        """Store ``value`` for ``ttl`` seconds (no expiry when ttl is None)."""
        if value is not None:
            tokens.store(self.db, key, value, utcnow() + dt.timedelta(seconds=int(ttl)) if ttl else None)

    def delete(self, key):
        """Forget ``key``."""
        tokens.forget(self.db, key)


class WeChatAPI(WeChatClient):
    """wechatpy's client pointed at a configurable API host, with a timeout on the token request too."""

    def __init__(self, base_url, appid, secret, session, timeout, auto_retry=True):
        super().__init__(appid, secret, session=session, timeout=timeout, auto_retry=auto_retry)
        self.base_url = base_url.rstrip("/")
        self.API_BASE_URL = self.base_url + "/cgi-bin/"

    def fetch_access_token(self):
        """Get a new access token and store it for every worker and host: one fetch at a time across hosts.

        Whoever holds the fetch lease asks WeChat; the others wait (up to the API timeout and a second) for
        the token it stores, and fetch themselves only if that holder died.
        """
        if not isinstance(self.session, TokenStorage):
            return self._fetch_and_store()
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        deadline = time.monotonic() + self.timeout + 1
        while not tokens.claim_fetch(self.session.db, self.access_token_key, holder, self.timeout + 1):
            token = self.session.get(self.access_token_key)
            if token and token != self._stale_token:
                return {"access_token": token}
            if time.monotonic() > deadline:
                raise WeChatClientException(None, "获取access_token超时：另一进程正在获取", client=self)
            time.sleep(0.05)
        try:
            # A host that held the lease just before us may have stored a fresh token: use it, don't retire it.
            token = self.session.get(self.access_token_key)
            if token and token != self._stale_token:
                return {"access_token": token}
            return self._fetch_and_store()
        finally:
            self._stale_token = None
            tokens.release_fetch(self.session.db, self.access_token_key, holder)

    _stale_token = None  # the token WeChat just called dead: never handed back from the store

    def _handle_result(self, res, method=None, url=None, result_processor=None, **kwargs):
        try:
            result = res.json() if hasattr(res, "json") else res
        except ValueError:
            result = None
        if isinstance(result, dict) and result.get("errcode") in (40001, 40014, 42001):
            self._stale_token = (kwargs.get("params") or {}).get("access_token")
        return super()._handle_result(res, method, url, result_processor, **kwargs)

    def _fetch_and_store(self):
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
