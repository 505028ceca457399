"""WeChat's message XML: parse a push into an ``Inbound``, render a text reply, keep replies within 2048 bytes."""
from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import BadRequest

# WeChat drops a passive reply (and a customer-service text) whose content exceeds this many UTF-8 bytes.
MAX_REPLY_BYTES = 2048
MORE_HINT = "\n\n（内容较长，回复“更多”查看后续）"
# Where a long answer may be cut: after the end of a sentence or a line.
_SENTENCE_END = re.compile(r"[。！？!?；;…\n]+[”’」』）)]*")
# Characters XML 1.0 cannot carry at all (even inside CDATA).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The XML declaration of a body already decoded: its encoding="…" would contradict the UTF-8 we decoded with.
_DECLARATION = re.compile(r"\A\ufeff?<\?xml[ \t\r\n][^>]*\?>")


class MalformedMessage(BadRequest):
    """The push is not WeChat message XML we can read."""


@dataclass
class Inbound:
    """One message or event pushed by WeChat, with the fields the conversation uses.

    ``msg_type`` and ``event`` are lower case (``text``, ``voice``, ``event`` / ``subscribe``, ``click``).
    """

    from_user: str
    to_user: str = ""
    msg_type: str = "text"
    create_time: str = ""
    msg_id: str = ""
    content: str = ""
    recognition: str = ""
    event: str = ""
    event_key: str = ""
    fields: dict = field(default_factory=dict)

    @property
    def dedupe_key(self) -> str:
        """WeChat's retry key: MsgId for messages, sender + creation time for events."""
        if self.msg_id:
            return f"msg:{self.msg_id}"
        return f"evt:{self.from_user}:{self.create_time}:{self.event}:{self.event_key}"


def parse_message(body: bytes | str) -> Inbound:
    """Read a (decrypted) push; raise MalformedMessage when it is not well-formed WeChat XML."""
    root = _root(body)
    if root.tag != "xml":
        raise MalformedMessage(f"根元素应为<xml>，收到<{root.tag}>")
    values = {child.tag: (child.text or "").strip() for child in root if len(child) == 0}
    # A nested list (the templates of a subscription-notification event, SubscribeMsgPopupEvent/List/…): one
    # mapping per List element, under the outer element's name.
    for child in root:
        if len(child):
            values[child.tag] = [{leaf.tag: (leaf.text or "").strip() for leaf in item if len(leaf) == 0}
                                 for item in child]
    if not values.get("FromUserName") or not values.get("MsgType"):
        raise MalformedMessage("缺少 FromUserName 或 MsgType")
    return Inbound(
        from_user=values["FromUserName"],
        to_user=values.get("ToUserName", ""),
        msg_type=values["MsgType"].lower(),
        create_time=values.get("CreateTime", ""),
        msg_id=values.get("MsgId", "") or values.get("MsgID", ""),
        content=values.get("Content", ""),
        recognition=values.get("Recognition", ""),
        event=values.get("Event", "").lower(),
        event_key=values.get("EventKey", ""),
        fields=values,
    )


def encrypted_part(body: bytes) -> str | None:
    """The ``<Encrypt>`` text of a safe- or compatible-mode push, or None when there is none."""
    node = _root(body).find("Encrypt")
    return (node.text or "").strip() if node is not None else None


def _root(body: bytes | str) -> ET.Element:
    """The root element of a push: UTF-8 whatever it declares, with no DTD, entity or external reference."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise MalformedMessage(f"消息不是UTF-8编码（第{e.start}字节）") from None
    # A UTF-16 or UTF-32 body without BOM is valid UTF-8 full of NULs, and expat given such a str re-detects
    # UTF-16 from the bytes; XML 1.0 allows none of these characters, so refuse them before parsing.
    invalid = _XML_INVALID.search(body)
    if invalid:
        raise MalformedMessage(f"消息含有XML不允许的字符 U+{ord(invalid.group()):04X}"
                               f"（第{invalid.start()}个字符）")
    try:
        return SafeET.fromstring(_DECLARATION.sub("", body, count=1), forbid_dtd=True)
    except DefusedXmlException as e:
        raise MalformedMessage(f"消息里不允许有DOCTYPE、实体或外部引用：{type(e).__name__}") from None
    except (ET.ParseError, ValueError) as e:
        raise MalformedMessage(f"XML格式错误：{e}") from None


def cdata(text: str) -> str:
    """Text wrapped in CDATA, safe even when it contains ``]]>`` (wechatpy's renderer is not)."""
    text = _XML_INVALID.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def render_text(inbound: Inbound, content: str, now: float | None = None) -> str:
    """The passive text reply to ``inbound``."""
    return (
        "<xml>"
        f"<ToUserName>{cdata(inbound.from_user)}</ToUserName>"
        f"<FromUserName>{cdata(inbound.to_user)}</FromUserName>"
        f"<CreateTime>{int(now if now is not None else time.time())}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{cdata(content)}</Content>"
        "</xml>"
    )


def utf8_len(text: str) -> int:
    """Length in UTF-8 bytes, the unit of WeChat's limits."""
    return len(text.encode("utf-8"))


def _prefix_within(text: str, limit: int) -> int:
    """The number of characters of ``text`` that fit in ``limit`` UTF-8 bytes."""
    encoded = text.encode("utf-8")[:limit]
    return len(encoded.decode("utf-8", errors="ignore"))


def cut_reply(text: str, limit: int = MAX_REPLY_BYTES, hint: str = MORE_HINT) -> tuple:
    """Split a reply that is too long: (first part ending with ``hint``, rest); rest is "" when it fits.

    The cut falls after the last sentence end that fits, so no sentence is broken unless one sentence
    alone is longer than the limit.
    """
    if utf8_len(text) <= limit:
        return text, ""
    size = _prefix_within(text, limit - utf8_len(hint))
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, size) if m.end() <= size]
    # A sentence end in the first third would leave a uselessly short part: break mid-sentence instead.
    cut = ends[-1] if ends and ends[-1] >= size // 3 else size
    return text[:cut].rstrip() + hint, text[cut:].strip()


def split_for_sending(text: str, limit: int = MAX_REPLY_BYTES) -> list:
    """A long text as consecutive messages of at most ``limit`` bytes, cut at sentence ends."""
    parts, rest = [], text.strip()
    while rest:
        head, rest = cut_reply(rest, limit, hint="")
        parts.append(head)
    return parts or [""]
