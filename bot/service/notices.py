"""Navigation notices pushed to those who asked (信息发布): subscribing in chat or from the menu, and the job that
sends each notice once to each subscriber whose places it concerns.

- **Subscribing.** "订阅通告" subscribes to every notice; "订阅通告 焦山 大港" (or "订阅焦山的航行通告") to the notices
  of those places, the names being the knowledge folder's ``notice_places`` setting; "退订通告" ends the subscription
  and "退订通告 焦山" drops one place. A menu button with ``action: subscribe_notices`` does what "订阅通告" does.
  Accepting the notice template in WeChat's subscription popup also subscribes a user who had not subscribed.
- **A notice's places** are its ``places:`` field, else the known place names (``notice_places`` and every place
  someone subscribed for) found in its question, alternates, keywords and answer. A notice naming no place is
  about the whole jurisdiction and goes to every subscriber.
- **Sending.** A dated FAQ (``valid_from`` / ``valid_until``) is a notice. The first time any process sees it
  active (its ``valid_from`` day in Shanghai has come, or it was published already active) it is stored in
  ``notices`` with that moment, ``active_at``; every user whose subscription covering it was made by then gets
  one ``notice_deliveries`` row (unique per notice and user, so two workers, two hosts or a restart never queue it
  twice) and, in the same transaction, one outbox row of kind ``notice``. bot.wechat.outbox sends it: through the
  customer-service API while the user's 48-hour window is open, otherwise as a subscription notification if the
  user accepted WECHAT_NOTICE_TEMPLATE_ID, otherwise when the user next writes (or accepts); until the notice
  ends. Example notices (``example: true``) are never pushed. Later subscribers get the notices already active
  in the reply to "订阅通告", as a numbered list.
A notice is identified by its id and first day: editing its text does not send it again, moving its
``valid_from`` does (subscribers are told of the new dates).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass

from ..wechat import notifications as wechat_notifications
from ..clock import LOCAL_TZ, today_local, utcnow
from ..clock import iso
from ..store import notices as store
from ..store import outbox as outbox_store

SUBSCRIBE, UNSUBSCRIBE = "notice_subscribe", "notice_unsubscribe"
# WeChat's events about subscription notifications (consent and send results), handled by record_event.
CONSENT_EVENTS = wechat_notifications.CONSENT_EVENTS
# Menu actions (settings ``menu:``, bot.kb.loader.MENU_ACTIONS) and the command each stands for.
MENU_ACTIONS = {"subscribe_notices": SUBSCRIBE, "unsubscribe_notices": UNSUBSCRIBE}
# A notice without valid_until waits this long for a way to reach a user before it is dropped.
UNDATED_KEEP = dt.timedelta(days=30)
MAX_LISTED = 9
# Kept in a row's cancelled_by when a user's own unsubscribing stopped a notice on its way to them.
CANCELLED_BY_USER = "用户退订"
REFUSED_TEXT = "用户拒收订阅通知（未允许或已关闭本号的订阅通知，微信错误码43101），不再重试"

_COMMAND = re.compile(r"^(?:我要|我想|请|帮我|麻烦)?(订阅|退订|取消订阅)(.*?)(?:的)?(?:航行)?通告(.*)$")
# Words around a place name that say nothing more ("焦山水道那边的").
_FILLER = re.compile(r"水道|水域|航道|航段|附近|一带|那边|这边|那里|这里|地区|区域|江段|的|还有|以及|吧|谢谢|了")
# Joining words, dropped only once the known place names are taken out (和畅洲 starts with 和).
_JOINERS = re.compile(r"[和及与跟]")
# A question about subscribing ("订阅通告怎么收不到") is for the FAQ engine, not a command.
_QUESTION = re.compile(r"怎么|怎样|如何|什么|吗|么|哪|为何|为什么|能不能|可以|没有|没|不|收到|[?？]")
_SEPARATORS = re.compile(r"[\s,，、;；/]+")
_PUNCTUATION = re.compile(r"[\s\W_]+")
_URL = re.compile(r"https?://[^\s，。；;、）)]+")


@dataclass(frozen=True)
class Command:
    """A user's 订阅通告 / 退订通告: the action, the places named (``()``: every place) and any name not known."""

    action: str
    places: tuple = ()
    unknown: str = ""


# ---- places ----------------------------------------------------------------------------------------------

def known_places(kb) -> list:
    """The place names users may subscribe for: the knowledge folder's ``notice_places`` setting."""
    return list(kb.settings.get("notice_places") or [])


def places_of(faq, known) -> tuple:
    """The places a notice is about: its ``places:`` (written as known names where they contain one), else the
    known names found in its text; ``()`` for a notice of the whole jurisdiction."""
    names = sorted(set(known), key=len, reverse=True)
    if faq.places:
        out = []
        for written in faq.places:
            found = [n for n in names if n in written] or [written]
            out += [n for n in found if n not in out]
        return tuple(out)
    text = "\n".join([faq.question, *faq.alternates, *faq.keywords, faq.answer])
    return tuple(n for n in sorted(set(known)) if n in text)


def read_command(text: str, known) -> Command | None:
    """The subscription command in a message, or None when it is not one (then the FAQ engine answers it)."""
    compact = unicodedata.normalize("NFKC", text or "").strip()
    spaced = _SEPARATORS.sub(" ", compact)
    m = _COMMAND.match(_PUNCTUATION.sub("", spaced))
    if not m:
        return None
    action = SUBSCRIBE if m.group(1) == "订阅" else UNSUBSCRIBE
    words = (m.group(2) + " " + m.group(3)).strip()
    if not words:
        return Command(action)
    if _QUESTION.search(words):
        return None
    places, leftover = [], words
    if known:
        for name in sorted(set(known), key=len, reverse=True):
            if name in leftover:
                places.append(name)
                leftover = leftover.replace(name, " ")
        leftover = _JOINERS.sub("", _FILLER.sub("", leftover)).strip()
        places.sort(key=words.find)
    else:
        tokens = [_FILLER.sub("", t) for t in _SEPARATORS.split(_raw_words(text))]
        places = [t for t in tokens if t]
        leftover = ""
    if len(leftover) > 12:
        return None
    ordered = tuple(p for p in dict.fromkeys(places))
    return Command(action, ordered, leftover)


def _raw_words(text: str) -> str:
    """What follows (or stands between) the command words of a message, separators kept."""
    compact = unicodedata.normalize("NFKC", text or "").strip()
    compact = re.sub(r"^(?:我要|我想|请|帮我|麻烦)?(?:订阅|退订|取消订阅)", "", compact)
    return re.sub(r"(?:的)?(?:航行)?通告", " ", compact)


# ---- the chat side -----------------------------------------------------------------------------------------

def apply_command(db, kb, user_id: str, command: Command, now: dt.datetime, day: dt.date) -> tuple:
    """Carry out a command inside the caller's transaction; ``(reply, options)``: options are the notice ids the
    reply lists by number (the conversation lets the user pick one)."""
    known = known_places(kb)
    if command.unknown and not command.places:
        where = f"可订阅的地点：{'、'.join(known)}；" if known else ""
        verb = "订阅" if command.action == SUBSCRIBE else "退订"
        return (f"没有找到“{command.unknown}”这个地点。{where}回复“{verb}通告”可{verb}全部航行通告。", [])
    if command.action == SUBSCRIBE:
        return _subscribe(db, kb, user_id, command, now, day, known)
    return _unsubscribe(db, user_id, command, now), []


def _subscribe(db, kb, user_id, command, now, day, known) -> tuple:
    before = store.places(db, user_id)
    store.subscribe(db, user_id, command.places, now)
    after = store.places(db, user_id)
    if after == [store.ALL]:
        head = "您已订阅全部航行通告。" if before == after else "已为您订阅航行通告：新的航行通告生效时会发给您。"
        if known:
            head += f"\n只想收某处的，可回复“订阅通告 {known[0]}”（可订地点：{'、'.join(known)}）。"
    else:
        head = f"已为您订阅{'、'.join(after)}的航行通告（涉及全辖区的通告也会发给您）。"
        if before == [store.ALL]:
            head += "\n您原来订阅的是全部航行通告，现在改为只订阅以上地点；回复“订阅通告”可恢复全部。"
    if command.unknown:
        head += f"\n没有找到“{command.unknown}”这个地点，未订阅。"
    head += ("\n回复“退订通告”可取消订阅。超过48小时没有给本号发消息时，需要您允许本号的“订阅通知”才能及时收到，"
             "否则会在您下次发消息时补发。")
    current = [f for f in active_notices(kb, day) if covers(after, places_of(f, known + _named(after)))]
    if not current:
        return head, []
    listed = current[:MAX_LISTED]
    lines = [f"{i}. {f.question}" for i, f in enumerate(listed, 1)]
    return head + "\n\n当前有效的航行通告：\n" + "\n".join(lines) + "\n回复数字查看。", [f.id for f in listed]


def _unsubscribe(db, user_id, command, now) -> str:
    before = store.places(db, user_id)
    if not before:
        return "您没有订阅航行通告。回复“订阅通告”即可订阅。"
    if not command.places:
        store.unsubscribe(db, user_id)
        _cancel_unwanted(db, user_id, [], now)
        return "已退订航行通告，以后不再推送。需要时回复“订阅通告”重新订阅。"
    if before == [store.ALL]:
        return ("您订阅的是全部航行通告。只想收某处的，请回复“订阅通告 地名”；全部退订请回复“退订通告”。")
    dropped = [p for p in command.places if p in before]
    if not dropped:
        return f"您没有订阅{'、'.join(command.places)}的航行通告。目前订阅：{'、'.join(before)}。"
    store.unsubscribe(db, user_id, tuple(dropped))
    after = store.places(db, user_id)
    _cancel_unwanted(db, user_id, after, now)
    if not after:
        return f"已退订{'、'.join(dropped)}的航行通告；您已没有订阅任何航行通告。回复“订阅通告”可重新订阅。"
    return f"已退订{'、'.join(dropped)}的航行通告，仍订阅：{'、'.join(after)}。"


def _named(places) -> list:
    return [p for p in places if p != store.ALL]


def covers(subscribed, notice_places) -> bool:
    """Whether a subscription (its places, ``ALL`` for every one) covers a notice of these places."""
    if not subscribed:
        return False
    return store.ALL in subscribed or not notice_places or any(p in notice_places for p in subscribed)


def _cancel_unwanted(db, user_id: str, subscribed: list, now) -> None:
    """Stop the notices on their way to a user that the user's subscription no longer covers."""
    ids = [d["outbox_id"] for d in store.unsent_deliveries(db, user_id) if not covers(subscribed, d["places"])]
    if ids:
        outbox_store.cancel_ids(db, ids, CANCELLED_BY_USER, iso(now))


def forget(db, user_id: str) -> None:
    """The user unfollowed the account: their subscription, consents and deliveries go (inside the caller's
    transaction, before their outbox rows)."""
    store.forget(db, user_id)


def menu_command(action: str) -> Command | None:
    """The command a menu button's ``action`` stands for."""
    return Command(MENU_ACTIONS[action]) if action in MENU_ACTIONS else None


def record_event(db, user_id: str, event: str, fields: dict, notice_template: str, now: dt.datetime) -> None:
    """WeChat's subscription-notification events, inside the transaction that logs them.

    Popup and change: the user's consent per template (accepting the notice template also subscribes a user
    without a subscription, and notices waiting for a way to reach the user are tried again). Sent: WeChat's
    answer is kept on the notification's outbox row; a refusal is recorded (never retried), a system failure
    retried.
    """
    for item in wechat_notifications.event_items(fields, event):
        template = item["TemplateId"]
        if event == "subscribe_msg_sent_event":
            _sent(db, user_id, template, item, now)
            continue
        status = (item.get("SubscribeStatusString") or "").strip().lower()
        if status not in ("accept", "reject"):
            continue
        source = "popup" if event == "subscribe_msg_popup_event" else "change"
        store.set_consent(db, user_id, template, status, source, now)
        if status == "accept" and template == notice_template and notice_template:
            if not store.places(db, user_id):
                store.subscribe(db, user_id, (), now, source="template")
            store.wake_waiting(db, user_id, now)


def _sent(db, user_id: str, template: str, item: dict, now: dt.datetime) -> None:
    row = store.notification_row(db, user_id, item.get("MsgID") or item.get("MsgId") or "")
    if row is None:
        return
    answer = (item.get("ErrorStatus") or "").strip() or "success"
    code = (item.get("ErrorCode") or "0").strip()
    if code in ("0", "") and answer.startswith("success"):
        outbox_store.set_receipt(db, row["id"], answer)
    elif "refuse" in answer:
        outbox_store.notification_failed(db, row["id"], wechat_notifications.USER_REFUSED, REFUSED_TEXT, answer, None)
        store.set_consent(db, user_id, template, "reject", "sent_event", now)
    else:
        retry = now + dt.timedelta(minutes=1)
        outbox_store.notification_failed(db, row["id"], -1, f"微信未能送达订阅通知（{answer}），系统会自动重试", answer,
                                         iso(retry))


# ---- the sending job ---------------------------------------------------------------------------------------

def active_notices(kb, day: dt.date) -> list:
    """The dated FAQs served on ``day``, soonest ending first."""
    return sorted((f for f in kb.faqs if f.dated and f.active(day)),
                  key=lambda f: (f.valid_until or dt.date.max, f.id))


def notice_key(faq) -> str:
    """A notice's identity: its id and first day (a new first day is news, an edited text is not)."""
    return f"{faq.id}@{faq.valid_from.isoformat() if faq.valid_from else ''}"


def period_text(faq) -> str:
    """``2026年11月1日至2026年12月31日`` (either end may be missing)."""
    def day(d):
        return f"{d.year}年{d.month}月{d.day}日"
    if faq.valid_from and faq.valid_until:
        return f"{day(faq.valid_from)}至{day(faq.valid_until)}"
    if faq.valid_until:
        return f"至{day(faq.valid_until)}"
    return f"{day(faq.valid_from)}起" if faq.valid_from else ""


def _short_period(faq) -> str:
    """The period without the year when both ends fall in one year (a template field holds 20 characters)."""
    a, b = faq.valid_from, faq.valid_until
    if a and b and a.year == b.year:
        return f"{a.month}月{a.day}日至{b.month}月{b.day}日"
    return period_text(faq)


def message_text(faq) -> str:
    """The notice as a customer-service message."""
    lines = [f"【航行通告】{faq.question}", faq.answer.strip()]
    period = period_text(faq)
    if period:
        lines.append(f"有效期：{period}")
    lines.append("（您订阅了航行通告推送，回复“退订通告”可取消。）")
    return "\n".join(lines)


def template_values(faq, places: tuple) -> dict:
    """What the notice template's fields may carry (wechat_notifications.SOURCES)."""
    return {"title": faq.question, "start": faq.valid_from.isoformat() if faq.valid_from else "",
            "end": faq.valid_until.isoformat() if faq.valid_until else "",
            "period": _short_period(faq),
            "place": "、".join(places) or "全辖区", "note": "回复“退订通告”可取消推送"}


def expires_at(faq, now: dt.datetime) -> str:
    """When an unsent notice stops mattering: the end of its last day in Shanghai."""
    if faq.valid_until is None:
        return iso(now + UNDATED_KEEP)
    end = dt.datetime.combine(faq.valid_until + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
    return iso(end)


def dispatch(db, kb, now: dt.datetime | None = None) -> int:
    """Queue every active notice for the subscribers it has not been queued for; return how many rows were queued.

    Safe to run in any number of processes and hosts at once, and again after a crash: each notice and user is
    claimed by a unique row, and the outbox row is written in the same transaction as the claim.
    """
    now = now or utcnow()
    day = today_local(now)
    known = list(dict.fromkeys(known_places(kb) + store.subscribed_places(db)))
    queued = 0
    for faq in active_notices(kb, day):
        if faq.example:
            continue
        key = notice_key(faq)
        row = store.record_notice(db, key, faq.id, faq.question,
                                  faq.valid_from.isoformat() if faq.valid_from else None,
                                  faq.valid_until.isoformat() if faq.valid_until else None,
                                  places_of(faq, known), now)
        if row is None or row["dispatched_at"]:
            continue  # None: the row was deleted under us (the tests empty the tables while the keeper runs)
        places = tuple(row["places"])
        text = message_text(faq)
        payload = json.dumps({"notice_key": key, "faq_id": faq.id, "values": template_values(faq, places),
                              "page": _page(faq)}, ensure_ascii=False)
        until = expires_at(faq, now)
        for user_id in store.subscribers(db, places, row["active_at"]):
            queued += _queue(db, key, user_id, text, payload, until, now)
        store.mark_dispatched(db, key, now)
    return queued


def _queue(db, key: str, user_id: str, text: str, payload: str, until: str, now: dt.datetime) -> int:
    """Claim one notice for one user and queue its message, in one transaction; 1 when this call queued it."""
    stamp = iso(now)
    return 1 if store.queue_delivery(db, key, user_id, now, {
        "user_id": user_id, "text": text, "kind": "notice", "status": "pending", "attempts": 0,
        "parts_sent": 0, "created_at": stamp, "next_attempt_at": stamp, "payload": payload,
        "expires_at": until}) else 0


def _page(faq) -> str:
    """Where tapping the notification leads: the notice's source page, when its source gives an address."""
    m = _URL.search(faq.source or "")
    return m.group(0) if m else ""


# ---- the staff page ------------------------------------------------------------------------------------------

OUTCOME_LABELS = {"custom": "客服消息", "template": "订阅通知", "waiting": "等待用户互动", "sending": "发送中/重试",
                  "refused": "用户拒收", "expired": "通告结束未送达", "cancelled": "已取消（退订）", "lost": "记录已删除"}


def overview(db, kb, template_id: str, now: dt.datetime | None = None) -> dict:
    """What the staff page shows: subscribers by place and, per notice, how many got it and how."""
    now = now or utcnow()
    day = today_local(now)
    seen = store.notices_seen(db)
    counts = store.delivery_counts(db)
    known = list(dict.fromkeys(known_places(kb) + store.subscribed_places(db)))
    rows, listed = [], set()
    for faq in sorted((f for f in kb.faqs if f.dated), key=lambda f: (f.valid_from or dt.date.min, f.id),
                      reverse=True):
        key = notice_key(faq)
        listed.add(key)
        row = seen.get(key)
        period = (faq.valid_from.isoformat() if faq.valid_from else "", faq.valid_until.isoformat() if faq.valid_until else "")
        rows.append(_notice_row(faq.id, faq.question, period, row["places"] if row else places_of(faq, known),
                                _state(faq, day), faq.example, row, counts.get(key, {})))
    for key, row in seen.items():  # notices pushed once and since taken out of the knowledge base
        if key not in listed:
            rows.append(_notice_row(row["faq_id"], row["title"], (row["valid_from"] or "", row["valid_until"] or ""),
                                    row["places"], "removed", False, row, counts.get(key, {})))
    return {"by_place": store.subscribers_by_place(db), "subscribers": store.subscriber_count(db),
            "consents": store.consent_counts(db, template_id) if template_id else None,
            "recent": store.subscriber_list(db, 50), "notices": rows, "known_places": known_places(kb)}


def _state(faq, day) -> str:
    if faq.valid_from and day < faq.valid_from:
        return "upcoming"
    if faq.valid_until and day > faq.valid_until:
        return "ended"
    return "active"


def _notice_row(faq_id, title, period, places, state, example, seen, counts) -> dict:
    return {"faq_id": faq_id, "title": title, "period": period, "places": list(places), "state": state,
            "example": example, "active_at": seen["active_at"] if seen else None,
            "dispatched_at": seen["dispatched_at"] if seen else None, "counts": counts,
            "total": sum(counts.values()), "reached": counts.get("custom", 0) + counts.get("template", 0)}
