"""The baseline for bench/webhook_latency.py: a bare wechatpy safe-mode handler that echoes the text back.

Serve it with ``gunicorn --chdir bench webhook_echo_app:app``; it reads the same token and keys as the bot.
"""
import os

from flask import Flask, request
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

TOKEN = os.environ["WECHAT_TOKEN"]
crypto = WeChatCrypto(TOKEN, os.environ["WECHAT_ENCODING_AES_KEY"], os.environ["WECHAT_APP_ID"])
app = Flask(__name__)


@app.route("/wechat", methods=["GET", "POST"])
def wechat():
    """Check the signature, decrypt, echo the text, encrypt."""
    args = request.args
    try:
        check_signature(TOKEN, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
    except InvalidSignatureException:
        return "forbidden", 403
    if request.method == "GET":
        return args.get("echostr", "")
    xml = crypto.decrypt_message(request.data, args["msg_signature"], args["timestamp"], args["nonce"])
    msg = parse_message(xml)
    reply = create_reply(getattr(msg, "content", "success"), msg)
    return crypto.encrypt_message(reply.render(), args["nonce"], args["timestamp"])
