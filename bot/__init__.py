"""WeChat FAQ assistant for a Maritime Safety Administration service account.

Importing the package loads nothing heavy (Flask, jieba, OpenCC and pypinyin load when an app or an engine is
built), so ``python -m bot --help`` and the library's light parts start at once.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from .config import Config

log = logging.getLogger(__name__)


def create_app(config: Config | dict | None = None) -> Flask:
    """Build the Flask app: the WeChat webhook at /wechat and the staff pages under /admin."""
    from flask import Flask, g
    from werkzeug.middleware.proxy_fix import ProxyFix

    from .config import Config
    from .store.connection import open_db
    from .kb.live import LiveKnowledge

    if config is None:
        config = Config.from_env()
    elif isinstance(config, dict):
        config = Config.from_env(**config)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=config.SECRET_KEY,
        TESTING=config.TESTING,
        MAX_CONTENT_LENGTH=1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=not config.BOT_INSECURE_COOKIES,
        BOT=config,
    )
    if config.TRUSTED_PROXIES > 0:
        # Behind nginx every request comes from 127.0.0.1: believe exactly that many X-Forwarded-For hops, so
        # remote_addr (login throttling, webhook logs) is the real client and a client cannot forge its own.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.TRUSTED_PROXIES, x_proto=config.TRUSTED_PROXIES)
    open_db(config.BOT_DATABASE)  # creates tables at start-up
    # The folder, or the version published in the database (kb publish) once there is one: see bot/kb/live.py.
    app.extensions["knowledge"] = LiveKnowledge(config.BOT_KNOWLEDGE_DIR, config.RELOAD_CHECK_SECONDS,
                                                database=config.BOT_DATABASE)
    _report_examples(app, config)
    _start_alerts(app, config)

    @app.teardown_appcontext
    def _close_db(exc):
        db = g.pop("db", None)
        if db is not None:
            db.conn.close()

    from .wechat.webhook import bp as webhook_bp
    from .admin import bp as admin_bp

    app.register_blueprint(webhook_bp)
    app.register_blueprint(admin_bp)
    return app


def _start_alerts(app, config) -> None:
    """The distress-alert dispatcher as ``app.extensions["alerts"]``; its thread runs only if a channel is set."""
    from .service.alert_dispatcher import AlertDispatcher

    dispatcher = app.extensions["alerts"] = AlertDispatcher(config)
    if not dispatcher.start():
        log.warning("未配置值班告警渠道：遇险求助不会通知值班人员。设置 ALERT_WECOM_WEBHOOK_URL（企业微信群机器人）、"
                    "ALERT_SMTP_HOST 和 ALERT_EMAIL_TO（邮件）或 ALERT_WEBHOOK_URL（通知接口）即可开启")


EXAMPLE_CONTENT = "知识库里还有示例内容：{items}（请在上线前删除或替换）"


def example_content_warning(app) -> str:
    """The staff-facing warning about sample content served to real users, or "" (local trial, or none left)."""
    if not app.config["BOT"].serves_users:
        return ""
    items = app.extensions["knowledge"].engine().kb.example_content()
    return EXAMPLE_CONTENT.format(items="、".join(items)) if items else ""


def _report_examples(app, config) -> None:
    """Log an error at start-up when the real account would serve the shipped examples as the office's word."""
    warning = example_content_warning(app)
    if warning:
        log.error("%s。它们在 %s 里标有 example: true 或 examples:", warning, config.BOT_KNOWLEDGE_DIR)


def get_db():
    """The request's database connection (opened on first use)."""
    from flask import current_app, g

    from .store.connection import open_db

    if "db" not in g:
        g.db = open_db(current_app.config["BOT"].BOT_DATABASE)
    return g.db


def get_engine():
    """The engine of the knowledge base currently serving (hot-reloaded)."""
    from flask import current_app

    return current_app.extensions["knowledge"].engine()
