"""The WeChat webhook at /wechat: a thin adapter between WeChat's HTTP pushes and the Inbox.

Fixed order: check the signature (403), answer the GET handshake, read the body (413 over MAX_PUSH_BYTES),
refuse a stale or replayed push (403), decrypt it (403 for a plaintext push when encryption is required, 400),
parse, hand to the Inbox, render and encrypt the reply. Every refusal is logged once with its reason and the
client address. No push can make it answer with a 5xx.
"""
from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import BadRequest
from .inbox import Inbox
from .crypto import Channel
from .nonces import PushNonces
from .message_xml import parse_message, render_text

log = logging.getLogger(__name__)

bp = Blueprint("wechat", __name__)

# A push is a few KB (a short text in XML, a third more once Base64-encrypted). The cap still lets a 100 KB
# text through encrypted (about 140 KB), which is read only up to MAX_TEXT_CHARS; the staff pages keep 1 MiB.
MAX_PUSH_BYTES = 256 * 1024


@bp.record_once
def _setup(state):
    app = state.app
    config = app.config["BOT"]
    app.extensions["wechat_channel"] = Channel(config.WECHAT_TOKEN, config.WECHAT_ENCODING_AES_KEY,
                                               config.WECHAT_APP_ID, allow_plain=config.WECHAT_ALLOW_PLAIN)
    app.extensions["wechat_nonces"] = PushNonces(config.BOT_DATABASE)
    app.extensions["wechat_inbox"] = Inbox(config, lambda: app.extensions["knowledge"].engine(),
                                           app.extensions.get("alerts"))


def _plain(text: str, status: int = 200) -> Response:
    return Response(text, status=status, mimetype="text/plain")


def _refuse(status: int, reason) -> Response:
    log.warning("拒绝来自 %s 的微信推送（%d）：%s", request.remote_addr, status, reason)
    return _plain({403: "forbidden", 413: "too large"}.get(status, "bad request"), status)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(e):
    return _refuse(413, f"消息体超过 {MAX_PUSH_BYTES} 字节（Content-Length: {request.content_length}）")


@bp.route("/wechat", methods=["GET", "POST"])
def wechat():
    """WeChat's server URL: the GET handshake echoes ``echostr``; a POST is a message or event."""
    channel = current_app.extensions["wechat_channel"]
    try:
        channel.check_signature(request.args)
        if request.method == "GET":
            return _plain(request.args.get("echostr", ""))
        # Werkzeug refuses a longer Content-Length before reading anything; a chunked body it silently cuts at
        # the limit, hence one byte more to tell a body that fits from one that was cut.
        request.max_content_length = MAX_PUSH_BYTES + 1
        body = request.get_data(cache=False)
        if len(body) > MAX_PUSH_BYTES:
            raise RequestEntityTooLarge()
        current_app.extensions["wechat_nonces"].admit(request.args.get("timestamp"), request.args.get("nonce"),
                                                      body)
        xml, encrypted = channel.decode(body, request.args)
        inbound = parse_message(xml)
    except BadRequest as e:
        return _refuse(e.status, e)
    except RequestEntityTooLarge:
        raise
    except Exception:
        # The database cannot be reached: nothing can be stored or answered, and a 5xx only makes WeChat
        # tell the user the account is out of service.
        log.exception("检查来自 %s 的微信推送时出错", request.remote_addr)
        return _plain("success")
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
