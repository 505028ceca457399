"""WeChat's subscription notifications (订阅通知) of a service account: the template data, the send, the events.

A notification reaches a user outside the 48-hour customer-service window, but only with a template the user
accepted. WeChat tells us what users decide in three event pushes, each carrying a list of templates:
``subscribe_msg_popup_event`` (the user answered the subscription popup: ``SubscribeMsgPopupEvent`` / ``List`` with
``TemplateId`` and ``SubscribeStatusString`` accept or reject), ``subscribe_msg_change_event`` (changed it later in
the account's settings: ``SubscribeMsgChangeEvent``) and ``subscribe_msg_sent_event`` (the outcome of a send:
``SubscribeMsgSentEvent`` with ``MsgID``, ``ErrorCode`` and ``ErrorStatus``).

A notification is ``POST /cgi-bin/message/subscribe/bizsend`` with ``{touser, template_id, page?, data: {field:
{value}}}``. A template's fields are named by their kind and a number (``thing1``, ``time2``): the kind says what
WeChat accepts (a ``thing`` at most 20 characters, a ``time`` a date, a ``phrase`` 5 characters ...), so values
are cut or formatted by the field's name. Which field carries what is the setting ``WECHAT_NOTICE_TEMPLATE_FIELDS``
(``field=source`` pairs, the sources in SOURCES). errcode 43101 means the user refused (never accepted, or turned
the template off): recorded, never retried.
"""
from __future__ import annotations

import datetime as dt
import re

CONSENT_EVENTS = {"subscribe_msg_popup_event": "SubscribeMsgPopupEvent",
                  "subscribe_msg_change_event": "SubscribeMsgChangeEvent",
                  "subscribe_msg_sent_event": "SubscribeMsgSentEvent"}
USER_REFUSED = 43101
# What a field of the notice template may carry (the values a notice gives, see bot/service/notices.py).
SOURCES = {"title": "通告标题", "start": "生效日期", "end": "截止日期", "period": "有效期", "place": "水域",
           "note": "提示"}
# Most characters WeChat accepts in a field of each kind (a longer value is refused with 47003).
LIMITS = {"thing": 20, "phrase": 5, "name": 10, "character_string": 32, "letter": 32, "symbol": 5, "number": 32,
          "amount": 32, "car_number": 8, "phone_number": 17}
DATE_KINDS = {"time", "date"}
_FIELD = re.compile(r"^([a-z_]+?)(\d+)$")


class TemplateFieldsError(ValueError):
    """WECHAT_NOTICE_TEMPLATE_FIELDS cannot be read."""


def field_map(spec: str) -> dict:
    """``"thing1=title,time2=start"`` as ``{"thing1": "title", "time2": "start"}``; TemplateFieldsError when wrong."""
    out = {}
    for pair in (p.strip() for p in (spec or "").split(",")):
        if not pair:
            continue
        field, _, source = (s.strip() for s in pair.partition("="))
        if not _FIELD.match(field) or source not in SOURCES:
            raise TemplateFieldsError(
                f"WECHAT_NOTICE_TEMPLATE_FIELDS 里的“{pair}”看不懂：应写成 模板字段=内容，例如 thing1=title；"
                f"内容可写 {', '.join(f'{k}（{v}）' for k, v in SOURCES.items())}")
        out[field] = source
    if not out:
        raise TemplateFieldsError("WECHAT_NOTICE_TEMPLATE_FIELDS 是空的：至少要有一个字段，例如 thing1=title")
    return out


def template_data(spec: str, values: dict) -> dict:
    """The ``data`` of a bizsend: each mapped field with its source's value, formatted for the field's kind.

    ``values``: ``title``, ``start`` / ``end`` (ISO dates or ""), ``period``, ``place``, ``note``. A date field
    without a date is left out (WeChat would refuse it), other empty values become "—".
    """
    data = {}
    for field, source in field_map(spec).items():
        value = format_value(field, values.get(source) or "")
        if value:
            data[field] = {"value": value}
    return data


def format_value(field: str, value: str) -> str:
    """``value`` as WeChat accepts it in ``field``: a date in Chinese for time/date fields, cut to the kind's limit."""
    kind = _FIELD.match(field).group(1) if _FIELD.match(field) else field
    if kind in DATE_KINDS:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return ""
        return f"{day.year}年{day.month}月{day.day}日"
    value = " ".join(value.split()) or "—"
    limit = LIMITS.get(kind, 20)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def send(client, user_id: str, template_id: str, data: dict, page: str | None = None) -> str:
    """One bizsend through wechatpy's client; WeChat's msgid when it gives one, else "". Raises what wechatpy raises."""
    result = client.message.send_subscribe_message(user_id, template_id, data, page=page or None)
    return str((result or {}).get("msgid") or "")


def event_items(fields: dict, event: str) -> list:
    """The template entries of a consent or sent event (``[{"TemplateId": …, …}]``) from a parsed push's fields."""
    items = (fields or {}).get(CONSENT_EVENTS.get(event, ""), [])
    return [item for item in items if isinstance(item, dict) and item.get("TemplateId")]
