"""Login, logout, the login requirement on every /admin page, and what every form carries: the session's CSRF
token and a one-time submission key.

The key (``form_guard``) is claimed in the shared database before a POST is acted on, so a double click, a second
tab, a browser retry or another worker never acts twice: a repeat waits for the first and follows it, with a
line saying it was not repeated. A form posted after the login lapsed is not acted on either; its fields are
kept (``bot.store.form_submissions``) and put back into the form on its page once the staff member has logged in
again (``static/forms.js``), with a line saying it was not sent.
"""
from __future__ import annotations

import hmac
import logging
import secrets
import sqlite3
import time
import uuid
from urllib.parse import unquote, urlsplit

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from .. import get_db
from ..service import staff
from ..clock import local
from ..service.handoffs import duration_text
from ..store import form_submissions
from . import bp, error_page

log = logging.getLogger(__name__)

CSRF_FIELD = "csrf_token"
FORM_KEY_FIELD = "form_key"
FORM_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
OPEN_ENDPOINTS = {"admin.login", "admin.static"}
# The login comes before there is anyone to claim a key for, and the try box only reads: no one-time key.
KEYLESS_ENDPOINTS = {"admin.login", "admin.try_question"}
# A repeated key waits this long for the first submission to finish, then goes back to the page anyway.
REPEAT_WAIT_SECONDS = 5.0
REPEAT_POLL_SECONDS = 0.1
REPEATED = "这个表单已经提交过，没有重复执行"
LOGIN_LAPSED = "登录已失效，刚才提交的内容没有发送。重新登录后会回到原来的页面，填写的内容会恢复。"
NOT_SENT = "您上次提交的内容没有发送（登录已失效），请确认后重新提交"
# The session remembers the unsent form by this key (the form itself is in the database: a cookie holds 4 KB).
UNSENT_SESSION_KEY = "unsent_form"
# Who this browser was logged in as before logging out: a form of theirs posted afterwards is kept for them only.
FORMER_STAFF_KEY = "former_staff"
# Marks a browser where an account logged in before: it is exempt from that account's lockout (bot/service/staff.py).
KNOWN_BROWSER_COOKIE = "staff_browser"


def csrf_token() -> str:
    """This session's CSRF token, created on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def form_guard() -> Markup:
    """The hidden fields of every state-changing form: the CSRF token and a new one-time submission key."""
    return Markup('<input type="hidden" name="{}" value="{}"><input type="hidden" name="{}" value="{}">').format(
        CSRF_FIELD, csrf_token(), FORM_KEY_FIELD, uuid.uuid4().hex)


def signed_in() -> str | None:
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
        user = signed_in()
        if not user:
            return _to_login()
        g.staff = user
    if request.method == "POST":
        if not _csrf_ok():
            return error_page("页面已过期或请求来源不明（缺少安全校验码），请返回刷新页面后重新提交。", 400)
        if request.endpoint not in KEYLESS_ENDPOINTS:
            return _claim_form_key()
    elif request.method == "GET" and g.get("staff") and UNSENT_SESSION_KEY in session:
        _restore_unsent_form()
    return None


def _csrf_ok() -> bool:
    sent = request.form.get(CSRF_FIELD) or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    return bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())


def _to_login():
    """To the login form, and back afterwards to the page asked for, or to the page a posted form was on.

    A form posted from one of our pages (its CSRF token matches, or the browser says it came from this site) is
    kept, to be shown again there after the login: nothing of it is acted on.
    """
    former = session.pop("staff", None) or session.get(FORMER_STAFF_KEY)
    session.pop("staff_version", None)
    if former:
        session[FORMER_STAFF_KEY] = former
    if request.method != "POST":
        return redirect(url_for("admin.login", next=request.full_path.rstrip("?")))
    page = form_page()
    ours = _csrf_ok() or request.headers.get("Sec-Fetch-Site") == "same-origin"
    if ours and request.form.get(CSRF_FIELD) and request.endpoint != "admin.logout":
        fields = {name: values for name, values in request.form.lists() if name not in (CSRF_FIELD, FORM_KEY_FIELD)}
        session[UNSENT_SESSION_KEY] = form_submissions.keep_unsent(get_db(), former, page, request.path, fields)
        flash(LOGIN_LAPSED, "error")
    return redirect(url_for("admin.login", next=page))


def _restore_unsent_form() -> None:
    """On the page of a form kept over a lapsed login: hand its fields to the page (``restored_form``) once."""
    if request.headers.get("X-Partial"):
        return
    db, unsent_id = get_db(), session[UNSENT_SESSION_KEY]
    form = form_submissions.unsent(db, unsent_id)
    if form is not None and form["staff"] not in (None, g.staff):
        form_submissions.drop_unsent(db, unsent_id)  # someone else's, on a shared computer
        form = None
    if form is None:
        session.pop(UNSENT_SESSION_KEY, None)
        return
    if urlsplit(form["page"]).path != request.path:
        return
    form_submissions.drop_unsent(db, unsent_id)
    session.pop(UNSENT_SESSION_KEY, None)
    g.restored_form = {"action": form["action"], "fields": form["fields"]}
    flash(NOT_SENT, "error")


def _claim_form_key():
    """Claim the form's one-time key; a key claimed before waits for its first submission and follows it."""
    key = request.form.get(FORM_KEY_FIELD)
    if key is None:
        return None  # a page from before the keys: acted on, as it always was
    if not 16 <= len(key) <= 64 or not set(key) <= FORM_KEY_CHARS:
        return error_page("表单校验码无效，请刷新页面后重新提交。", 400)
    db = get_db()
    deadline = time.monotonic() + REPEAT_WAIT_SECONDS
    while not form_submissions.claim(db, key, g.staff, request.endpoint):
        first = form_submissions.submission(db, key)
        if (first is not None and first["finished_at"]) or time.monotonic() >= deadline:
            flash(REPEATED, "ok")
            return redirect((first or {}).get("location") or form_page())
        time.sleep(REPEAT_POLL_SECONDS)
    g.form_key = key
    return None


@bp.after_request
def _finish_form_key(response):
    """Record where the submission that claimed a key went; a refused one (4xx) gives its key back."""
    key = g.pop("form_key", None)
    if key is not None:
        try:
            if 400 <= response.status_code < 500:
                form_submissions.release(get_db(), key)
            else:
                location = response.location if 300 <= response.status_code < 400 else None
                form_submissions.finish(get_db(), key, location)
        except sqlite3.Error:
            log.exception("表单提交记录 %s 未能保存", key)
    return response


def _is_admin(path: str) -> bool:
    return path == "/admin" or path.startswith("/admin/")


def _opens_a_page(path: str) -> bool:
    """Whether a GET of ``path`` opens one of the staff pages."""
    try:
        endpoint, _ = current_app.create_url_adapter(request).match(path, method="GET")
    except HTTPException:
        return False
    return endpoint.startswith("admin.") and endpoint != "admin.static"


def admin_page(target: str | None) -> str | None:
    """``target`` (a path and query) when a GET of it opens one of the staff pages, else None."""
    if not target or len(target) > 4000 or not target.isprintable() or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not _is_admin(parts.path):
        return None
    return target if _opens_a_page(unquote(parts.path)) else None


def page_above(path: str) -> str | None:
    """The nearest staff page at or above ``path``: where a form posted to it was (/admin/handoffs/3/reply is on
    /admin/handoffs/3); None when there is none."""
    parts = path.rstrip("/").split("/")
    while len(parts) > 2 and _is_admin(path):
        candidate = "/".join(parts)
        if _opens_a_page(candidate):
            return candidate
        parts.pop()
    return None


def form_page() -> str:
    """The page the posted form was on: the Referer when it is one of our pages, else the nearest page above."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and _is_admin(referrer.path):
        target = referrer.path + (f"?{referrer.query}" if referrer.query else "")
        page = admin_page(target) or page_above(unquote(referrer.path))
        if page:
            return page
    return page_above(request.path) or url_for("admin.queue")


@bp.after_request
def security_headers(response):
    """Headers of every staff page (the app-level error pages of /admin add them too)."""
    # Pages show users' messages: never cached, never framed, nothing loaded from elsewhere.
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.context_processor
def _template_helpers():
    return {"csrf_token": csrf_token, "form_guard": form_guard, "staff_name": g.get("staff"), "local": local,
            "duration": duration_text, "restored_form": g.get("restored_form")}


def _safe_next(target: str | None) -> str:
    """Only a page of the staff pages that a GET opens, so the login form cannot send anyone elsewhere, nor to
    an address that only takes a form (a form's address becomes its page)."""
    page = admin_page(target)
    if page is None and target and target.isprintable() and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            page = page_above(unquote(parts.path))
    return page or url_for("admin.queue")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; after repeated failures an address, or an account from unknown browsers, is refused a while."""
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if signed_in():
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
    unsent = session.get(UNSENT_SESSION_KEY)
    session.clear()
    if unsent:
        session[UNSENT_SESSION_KEY] = unsent
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
    token = session.get("csrf")
    session.clear()
    if token:
        # A form still open in another tab is then recognised as ours when posted, and kept for this account.
        session["csrf"] = token
        session[FORMER_STAFF_KEY] = g.staff
    return redirect(url_for("admin.login", out=1))
