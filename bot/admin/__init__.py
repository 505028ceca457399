"""Staff pages under /admin: the handoff queue, the dashboard, log search and the try box.

Every page needs a staff login and every form carries a CSRF token and a one-time key (see ``auth``); the pages
only call the framework-free modules ``bot.service.handoffs``, ``bot.service.stats`` and ``bot.service.staff``.
Whatever goes wrong under /admin is answered with a Chinese page in the site's layout, never a framework page: the
blueprint's handler covers its routes, an app-level one the /admin addresses that match no route (404, 405).
"""
from __future__ import annotations

import logging

from flask import Blueprint, abort, current_app, g, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")

# SQLite's integers are 64-bit: a larger number in an address cannot be a record (and would overflow a query).
MAX_ID = 2 ** 63 - 1

ERRORS = {
    400: ("请求有误", "请求不完整或格式不对，请返回刷新页面后重新操作。"),
    403: ("没有权限", "您没有权限打开这个页面或进行这个操作。"),
    404: ("找不到页面", "找不到这个页面或记录。"),
    405: ("不能直接打开", "这个地址只用来提交表单，不能直接打开。如果刚才填写了内容，它没有提交，请回到页面确认后重新提交。"),
    # 405 for a form posted where no form goes (the GET variant above is the usual one).
    "405-post": ("不能这样提交", "这个页面不接受表单提交，请回到页面重新操作。"),
    409: ("操作冲突", "这个操作与记录的当前状态冲突（可能已被他人处理），请刷新页面查看最新情况后再操作。"),
    413: ("内容太大", "提交的内容太大（上限 {limit}），请删减后重新提交。"),
    500: ("系统出错", "系统出错，操作可能没有完成。请回到页面查看当前情况后再决定是否重试；如果反复出现，请联系系统管理员。"),
}
OTHER_ERROR = ("请求没有完成", "请求没有完成，请稍后重试；如果反复出现，请联系系统管理员。")
# When even the page in the site's layout cannot be drawn (the database is down, say): the same words, bare.
BARE_PAGE = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
             '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} · 海事局公众号客服后台</title>'
             '<link rel="stylesheet" href="/admin/static/admin.css"></head><body><main><section class="card narrow">'
             '<h1>{title}（{status}）</h1><p>{message}</p><p><a href="/admin/handoffs">返回人工队列</a></p>'
             '</section></main></body></html>')


def error_page(message: str | None, status: int, back: str | None = None, kind: int | str | None = None):
    """A short Chinese error page in the site's layout with the given HTTP status (the usual words of ``kind``,
    by default the status, when ``message`` is None); ``back``: a page to offer besides the queue."""
    title, usual = ERRORS.get(kind or status, OTHER_ERROR)
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    message = message or usual.format(limit=f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} 字节")
    try:
        page = render_template("admin/error.html", title=title, message=message, status=status, back=back,
                               **_layout_context())
    except Exception:  # noqa: BLE001  (the error page itself must not fail)
        log.exception("错误页面无法显示")
        page = Markup(BARE_PAGE).format(title=title, status=status, message=message)
    return page, status


def _layout_context() -> dict:
    """What the layout needs when the request stopped before the login check: the signed-in staff member (the
    header shows their navigation), and on an /admin address that matched no route, where the blueprint's own
    context processors do not run, what those give."""
    if "staff" not in g:  # stopped before the login check: an address that matched nothing, an id out of range
        g.staff = auth.signed_in()
    if request.blueprint == bp.name or not g.staff:
        return {}
    context = {}
    for processor in current_app.template_context_processors.get(bp.name, ()):
        context.update(processor())
    return context


def _error_response(e: Exception):
    """The Chinese page for anything raised under /admin; what is not an HTTP error is logged and answered 500."""
    if not isinstance(e, HTTPException):
        log.error("后台页面出错：%s %s", request.method, request.path, exc_info=e)
        return (*error_page(None, 500), {})
    status = e.code or 500
    # A description our own code gave (abort(404, "…")) is Chinese; werkzeug's defaults are not shown.
    message = e.description if e.description != type(e).description else None
    back, kind = None, None
    if status == 405 and request.method in ("GET", "HEAD"):
        back = auth.page_above(request.path)
    elif status == 405:
        kind = "405-post"
    page, status = error_page(message, status, back, kind)
    headers = {"Allow": ", ".join(e.valid_methods)} if status == 405 and getattr(e, "valid_methods", None) else {}
    return page, status, headers


@bp.errorhandler(Exception)
def _admin_error(e):
    return _error_response(e)


def _app_error(e):
    """404 and 405 outside any route: a Chinese page under /admin, everything else as the framework answers it."""
    if not (request.path == "/admin" or request.path.startswith("/admin/")):
        return e
    return auth.security_headers(current_app.make_response(_error_response(e)))


@bp.record_once
def _register_app_errors(state):
    for code in (404, 405):
        state.app.register_error_handler(code, _app_error)


@bp.url_value_preprocessor
def _ids_in_range(endpoint, values):
    if any(isinstance(v, int) and v > MAX_ID for v in (values or {}).values()):
        abort(404)


from . import auth, insights, notices, queue, urgent, versions  # noqa: E402,F401  (they register their routes on bp)
