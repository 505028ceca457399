"""The WeChat webhook at /wechat: a thin adapter between WeChat's HTTP pushes and the Inbox.

Fixed order: check the signature (403), answer the GET handshake, read and decrypt the body (400, 413),
parse, hand to the Inbox, render and encrypt the reply. No push can make it answer with a 5xx.
"""
from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request

from .errors import BadRequest
from .inbox import Inbox
from .wechat_crypto import Channel
from .wechat_xml import parse_message, render_text

log = logging.getLogger(__name__)

bp = Blueprint("wechat", __name__)


@bp.record_once
def _setup(state):
    app = state.app
    config = app.config["BOT"]
    app.extensions["wechat_channel"] = Channel(config.WECHAT_TOKEN, config.WECHAT_ENCODING_AES_KEY,
                                               config.WECHAT_APP_ID)
    app.extensions["wechat_inbox"] = Inbox(config, lambda: app.extensions["knowledge"].engine(),
                                           app.extensions.get("alerts"))


def _plain(text: str, status: int = 200) -> Response:
    return Response(text, status=status, mimetype="text/plain")


@bp.route("/wechat", methods=["GET", "POST"])
def wechat():
    """WeChat's server URL: the GET handshake echoes ``echostr``; a POST is a message or event."""
    channel = current_app.extensions["wechat_channel"]
    try:
        channel.check_signature(request.args)
        if request.method == "GET":
            return _plain(request.args.get("echostr", ""))
        xml, encrypted = channel.decode(request.get_data(cache=False), request.args)
        inbound = parse_message(xml)
    except BadRequest as e:
        log.warning("拒绝来自 %s 的微信推送（%d）：%s", request.remote_addr, e.status, e)
        return _plain("forbidden" if e.status == 403 else "bad request", e.status)
    try:
        reply = current_app.extensions["wechat_inbox"].receive(inbound)
        if not reply:
            return _plain("success")
        body = channel.encode(render_text(inbound, reply), encrypted, request.args.get("nonce", ""))
        return Response(body, mimetype="application/xml")
    except Exception:
        # WeChat would retry a 5xx and then tell the user the account is unavailable; "success" is quieter.
        log.exception("处理来自 %s 的消息时出错", inbound.from_user)
        return _plain("success")
