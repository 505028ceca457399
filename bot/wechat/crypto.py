"""WeChat's signatures and message encryption (plain, compatible and safe modes), on wechatpy's AES code."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import struct
import time

from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException

from ..errors import BadRequest, SignatureError
from .message_xml import MalformedMessage, encrypted_part

log = logging.getLogger(__name__)


class UndecryptableMessage(BadRequest):
    """A safe-mode push whose ciphertext we cannot decrypt (wrong key, wrong AppID or damaged)."""


class PlainPushRefused(BadRequest):
    """A plaintext push to an account with an EncodingAESKey: only WeChat can encrypt, anyone can copy a URL."""

    def __init__(self, message):
        super().__init__(message, status=403)


def signature(*parts: str) -> str:
    """WeChat's SHA-1 signature: the parts sorted, joined and hashed."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def _same(expected: str, given: str | None) -> bool:
    return hmac.compare_digest(expected.encode("ascii"), (given or "").encode("utf-8"))


class Channel:
    """The account's side of WeChat's server protocol: verify pushes, decrypt them, encrypt replies.

    With an EncodingAESKey only encrypted pushes are read, unless ``allow_plain`` (compatible mode while an
    account migrates from plain mode).
    """

    def __init__(self, token: str, encoding_aes_key: str = "", app_id: str = "", allow_plain: bool = False):
        self.token = token
        self.app_id = app_id
        self.encryption_required = bool(encoding_aes_key) and not allow_plain
        self.crypto = None
        if encoding_aes_key:
            if valid_aes_key(encoding_aes_key):
                self.crypto = WeChatCrypto(token, encoding_aes_key, app_id)
            else:
                log.error("WECHAT_ENCODING_AES_KEY 无效（应为43个字符），安全模式消息将无法解密")

    def check_signature(self, args) -> None:
        """Verify ``signature`` over token, timestamp and nonce (every GET and POST); raise SignatureError."""
        timestamp, nonce = args.get("timestamp") or "", args.get("nonce") or ""
        if not timestamp or not nonce or not _same(signature(self.token, timestamp, nonce), args.get("signature")):
            raise SignatureError("签名校验失败")

    def decode(self, body: bytes, args) -> tuple:
        """The plaintext XML of a push and whether the reply must be encrypted: (xml, encrypted).

        Safe and compatible mode (``encrypt_type=aes``) check ``msg_signature`` and decrypt; without an
        EncodingAESKey a compatible-mode push is read from its plaintext fields. A plaintext push raises
        PlainPushRefused when encryption is required.
        """
        if (args.get("encrypt_type") or "raw").lower() != "aes":
            if self.encryption_required:
                raise PlainPushRefused("已配置 WECHAT_ENCODING_AES_KEY，拒绝未加密的推送"
                                       "（从明文模式迁移期间可设 WECHAT_ALLOW_PLAIN=1）")
            return body, False
        encrypt = encrypted_part(body)
        if not encrypt:
            raise MalformedMessage("encrypt_type=aes 但消息里没有 Encrypt")
        if self.crypto is None:
            if b"<MsgType>" in body and not self.encryption_required:
                return body, False
            raise UndecryptableMessage("收到安全模式消息，但 WECHAT_ENCODING_AES_KEY 未配置或无效")
        expected = signature(self.token, args.get("timestamp") or "", args.get("nonce") or "", encrypt)
        if not _same(expected, args.get("msg_signature")):
            raise SignatureError("msg_signature 校验失败")
        try:
            xml = PrpCrypto(self.crypto.key).decrypt(encrypt, self.app_id)
        except InvalidAppIdException:
            raise UndecryptableMessage("消息的AppID与 WECHAT_APP_ID 不符") from None
        except (ValueError, TypeError, IndexError, struct.error) as e:
            raise UndecryptableMessage(f"消息无法解密：{type(e).__name__}") from None
        return xml.encode("utf-8"), True

    def encode(self, xml: str, encrypted: bool, nonce: str, timestamp: str | None = None) -> str:
        """The reply body: the XML itself, or its safe-mode envelope when the push was encrypted."""
        if not encrypted:
            return xml
        return self.crypto.encrypt_message(xml, nonce, timestamp or str(int(time.time())))


def valid_aes_key(key: str) -> bool:
    """Whether an EncodingAESKey has the 43-character Base64 form WeChat issues."""
    try:
        return len(key) == 43 and len(base64.b64decode(key + "=")) == 32
    except (binascii.Error, ValueError):
        return False
