"""Login, logout, the login requirement on every /admin page and the CSRF token on every form."""
from __future__ import annotations

import hmac
import secrets

from flask import current_app, g, redirect, render_template, request, session, url_for

from .. import get_db, staff
from ..db import local
from ..handoffs import duration_text
from . import bp, error_page

CSRF_FIELD = "csrf_token"
OPEN_ENDPOINTS = {"admin.login", "admin.static"}
# Marks a browser where an account logged in before: it is exempt from that account's lockout (bot/staff.py).
KNOWN_BROWSER_COOKIE = "staff_browser"


def csrf_token() -> str:
    """This session's CSRF token, created on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _signed_in() -> str | None:
    """The session's staff name, if that account still exists and the session is of its current version."""
    user = session.get("staff")
    if not user:
        return None
    found = staff.account(get_db(), user)
    if found is None or session.get("staff_version") != found.session_version:
        return None
    return user


@bp.before_request
def _guard():
    if request.endpoint not in OPEN_ENDPOINTS:
        user = _signed_in()
        if not user:
            session.pop("staff", None)
            session.pop("staff_version", None)
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
    """The login form; after repeated failures an address, or an account from unknown browsers, is refused a while."""
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if _signed_in():
            return redirect(next_url)
        return render_template("admin/login.html", next=next_url, username="")
    username = request.form.get("username", "")
    address = request.remote_addr or "unknown"
    db, secret = get_db(), current_app.config["SECRET_KEY"]
    known = staff.knows_browser(db, secret, request.cookies.get(KNOWN_BROWSER_COOKIE), username)
    try:
        user = staff.authenticate(db, username, request.form.get("password", ""), address, known_browser=known)
    except staff.LoginThrottled as e:
        return _refused(next_url, username, str(e), e.retry_after)
    except staff.BadCredentials as e:
        if e.retry_after:
            message = f"用户名或密码错误。{staff.refusal_text(e.retry_after, e.limit)}"
            return _refused(next_url, username, message, e.retry_after, status=401)
        hint = f"（再错{e.left}次将暂停登录，最长15分钟）" if e.left <= 2 else ""
        return render_template("admin/login.html", next=next_url, username=username,
                               error=f"用户名或密码错误，请重新输入{hint}"), 401
    session.clear()
    session["staff"] = user.username
    session["staff_version"] = user.session_version
    csrf_token()
    response = redirect(next_url)
    response.set_cookie(KNOWN_BROWSER_COOKIE, staff.browser_token(db, secret, user.username),
                        max_age=int(staff.KNOWN_BROWSER_MAX_AGE.total_seconds()), path=url_for("admin.login"),
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Lax")
    return response


def _refused(next_url: str, username: str, message: str, retry_after: int, status: int = 429):
    """The login form with why and for how long logins are refused, answered at once (nothing sleeps)."""
    page = render_template("admin/login.html", next=next_url, username=username, error=message)
    return page, status, {"Retry-After": str(retry_after)}


@bp.route("/logout", methods=["POST"])
def logout():
    """End the session, and every other session of this account (a copied cookie stops working too)."""
    staff.end_sessions(get_db(), g.staff)
    session.clear()
    return redirect(url_for("admin.login", out=1))
