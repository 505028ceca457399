"""Login, logout, the login requirement on every /admin page and the CSRF token on every form."""
from __future__ import annotations

import hmac
import secrets
import time

from flask import current_app, g, redirect, render_template, request, session, url_for

from .. import get_db, staff
from ..db import local
from ..handoffs import duration_text
from . import bp, error_page

CSRF_FIELD = "csrf_token"
OPEN_ENDPOINTS = {"admin.login", "admin.static"}


def csrf_token() -> str:
    """This session's CSRF token, created on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


@bp.before_request
def _guard():
    if request.endpoint not in OPEN_ENDPOINTS:
        user = session.get("staff")
        if not user or not staff.exists(get_db(), user):
            session.pop("staff", None)
            return redirect(url_for("admin.login", next=request.full_path.rstrip("?")))
        g.staff = user
    if request.method == "POST":
        sent = request.form.get(CSRF_FIELD) or request.headers.get("X-CSRF-Token") or ""
        expected = session.get("csrf") or ""
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            return error_page("页面已过期或请求来源不明（缺少安全校验码），请返回刷新页面后重新提交。", 400)
    return None


@bp.after_request
def _headers(response):
    # Pages show users' messages: never cached, never framed, nothing loaded from elsewhere.
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.context_processor
def _template_helpers():
    return {"csrf_token": csrf_token, "staff_name": g.get("staff"), "local": local, "duration": duration_text}


def _safe_next(target: str | None) -> str:
    """Only paths inside the admin pages, so the login form cannot send anyone elsewhere."""
    if target and target.startswith("/admin") and not target.startswith("//"):
        return target
    return url_for("admin.queue")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; repeated failures from one address are slowed down, then refused for a while."""
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if session.get("staff"):
            return redirect(next_url)
        return render_template("admin/login.html", next=next_url, username="")
    username = request.form.get("username", "")
    address = request.remote_addr or "unknown"
    try:
        user = staff.authenticate(get_db(), username, request.form.get("password", ""), address)
    except staff.LoginThrottled as e:
        return render_template("admin/login.html", next=next_url, username=username, error=str(e)), 429
    except staff.BadCredentials as e:
        time.sleep(staff.failure_delay(e.failures, current_app.config["BOT"].LOGIN_DELAY_SECONDS))
        left = staff.MAX_FAILURES - e.failures
        hint = f"（再错{left}次将暂停登录15分钟）" if 0 < left <= 2 else ""
        return render_template("admin/login.html", next=next_url, username=username,
                               error=f"用户名或密码错误，请重新输入{hint}"), 401
    session.clear()
    session["staff"] = user
    csrf_token()
    return redirect(next_url)


@bp.route("/logout", methods=["POST"])
def logout():
    """End the session."""
    session.clear()
    return redirect(url_for("admin.login", out=1))
