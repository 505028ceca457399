"""The conversation: one inbound message in, one reply out, with per-user state, handoffs and the log.

Framework-free: the webhook, ``python -m bot chat`` and the tests all go through ``respond`` / ``handle``.

Besides the engine's actions (answer, clarify, handoff, emergency, complaint, opinion, smalltalk) the log records:
``more`` (the user replied 更多), ``no_option`` (a number, 更多, 有用 or 没用 with nothing left to pick, continue or
rate), ``feedback`` (有用 / 没用 about the last answer, see bot/service/feedback.py),
``unsupported`` (image, video, location, link, file, or voice without recognition), ``welcome``
(subscribe), ``menu`` (a menu click), ``notice_subscribe`` / ``notice_unsubscribe`` (订阅通告 / 退订通告, typed or
from the menu: bot/service/notices.py), ``event`` (any other event, answered with "success"; WeChat's
subscription-notification events also record the user's consent there),
``rate_limited`` (more than FLOOD_LIMIT messages within FLOOD_WINDOW: logged, the engine not run) and
``error`` (answering failed: the user gets an apology and a handoff is opened).
An unsubscribe is not logged: it deletes everything stored about the user at once, and a message of theirs
still being answered (or re-delivered by WeChat) afterwards writes nothing back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from dataclasses import dataclass, field

from ..clock import LOCAL_TZ, iso, parse_iso, utcnow
from ..matching import read_normalized
from . import alerts as alerting
from . import notices
from . import feedback
from ..store import claims, sql, users
from ..store import feedback as feedback_log
from ..store import handoffs as handoff_store
from ..store import messages as message_log
from ..wechat.message_xml import MAX_REPLY_BYTES, Inbound, cut_reply, utf8_len

STATE_TTL = dt.timedelta(minutes=10)
# The message text stored (log row, handoff transcript, alert) is cut to this many characters: four times what the
# engine reads (MAX_TEXT_CHARS), enough for staff to see what was sent, while a 1 MB body cannot bloat the log.
MAX_LOGGED_CHARS = 2000
TRANSCRIPT_ENTRIES = 20  # user messages and replies: the last ten exchanges
MORE_WORDS = ("更多", "更多内容", "查看更多", "继续", "下一页")
COMPLAINT_WORDS = ("投诉", "举报")
# A handoff's category by the engine's action (bot/matching/complaint.py), lowest first: a later message may raise
# it (a complaint becomes a public-opinion risk), never lower it.
CATEGORIES = {"complaint": "complaint", "opinion": "opinion"}
CATEGORY_RANKS = (None, "complaint", "opinion")
OPEN_STATES = ("pending", "claimed")
MAX_LISTED = 9
_PICK = re.compile(r"^第?([1-9]|[一二三四五六七八九])(个|条|项|号)?$")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
NON_TEXT_NAMES = {
    "image": "图片", "video": "视频", "shortvideo": "小视频", "location": "位置", "link": "链接",
    "file": "文件", "miniprogrampage": "小程序卡片",
}
NOTHING_TO_PICK = "这个编号已失效（超过10分钟或没有可选的问题），请直接输入您的问题。"
NOTHING_MORE = "没有更多内容了。还有问题请直接输入。"
PROMPT_SEPARATOR = "\n\n"
NO_VOICE_TEXT = "没能识别您的语音，请直接输入文字提问。"
JOINED_HANDOFF = "已收到，您的消息已补充给人工客服，工作人员会在工作时间（{office_hours}）回复您。"
# What the emergency reply says about the duty staff: only what is true at that moment.
ALERTING = "正在通知值班人员。"
NOT_ALERTING = "本平台目前无法自动通知值班人员，请务必直接拨打12395。"
# Every further message while an urgent handoff is open: never office hours.
FOLLOW_UP = "紧急情况请立即拨打12395水上遇险求救电话。"
# The same, when the handoff was opened by a risk of suicide: the one writing may be the one in danger.
FOLLOW_UP_SELF_HARM = "想找人说说话，请拨打全国统一心理援助热线12356；有人在水边有危险或已经落水，请立即拨打12395。"
FOLLOW_UP_PASSED_ON = "您的消息已转告值班人员。"
FOLLOW_UP_PASSING_ON = "正在把您的消息转告值班人员。"
# A person types a handful of messages a minute; more than this from one user is a script or a stuck key.
FLOOD_LIMIT = 20
FLOOD_WINDOW = dt.timedelta(seconds=60)
SLOW_DOWN = "您发送消息太频繁了，请稍后再发。紧急情况请立即拨打12395水上遇险求救电话。"
# Answering failed: only the first says a person will follow up, and only once the handoff is stored.
APOLOGY_HANDED_OVER = ("抱歉，系统处理您的消息时出了问题，已转给人工客服，工作人员会尽快回复您。"
                       "紧急情况请立即拨打12395水上遇险求救电话。")
APOLOGY = "抱歉，系统暂时出了问题，请稍后再发一次。紧急情况请立即拨打12395水上遇险求救电话。"


@dataclass
class Outcome:
    """What the bot did with one inbound message: the reply plus everything the log records."""

    reply: str
    action: str
    msg_type: str = "text"
    text: str = ""
    normalized: str = ""
    faq_id: str | None = None
    score: float | None = None
    candidates: list = field(default_factory=list)
    options: list = field(default_factory=list)
    more: str = ""
    event: str = ""
    decision: object = None  # the engine's Decision, when the engine was asked
    handoff_id: int | None = None
    latency_ms: float = 0.0
    alert_ids: list = field(default_factory=list)  # alerts raised by this message (stored, sent by the dispatcher)
    # Writes that belong to this message, run inside the transaction that records it: ``effect(db, user_id, now)``
    # (a notice subscription, whose reply depends on what is stored, sets ``reply`` and ``options`` there).
    effects: list = field(default_factory=list)
    prompt: str = ""  # a last line for the reply's last part, when it fits (the feedback prompt)
    keep: dict = field(default_factory=dict)  # more for the user's state: what a rating is about, the options' scores
    rating: dict | None = None  # the 有用 / 没用 this message gave, logged with it (see bot.service.feedback)


def handle(db, engine, user_id: str, message, now: dt.datetime | None = None, alerts=None) -> str:
    """Answer one message (an ``Inbound`` or plain text) from ``user_id``: the reply text, "" for none."""
    return respond(db, engine, user_id, message, now, alerts).reply


def respond(db, engine, user_id: str, message, now: dt.datetime | None = None, alerts=None,
            finish=None, notice_template: str = "") -> Outcome:
    """Answer one message, update the user's state and handoff, log it; return the full Outcome.

    ``alerts`` is the alert dispatcher (``bot.service.alerts.AlertDispatcher``): an emergency stores one alert
    per configured channel in the same transaction as the handoff, then wakes the dispatcher to send them.
    Without it (the terminal chat) nobody is alerted, and the reply says so.

    ``finish(db, outcome)``, when given, runs inside the transaction that records the message, just before
    it commits: the inbox marks the delivery answered there, so the message is recorded exactly when it is
    marked, and an exception from ``finish`` undoes everything.

    ``notice_template``: WECHAT_NOTICE_TEMPLATE_ID, so that accepting it in WeChat's subscription popup also
    subscribes the user to navigation notices (bot.service.notices).
    """
    started = time.perf_counter()
    inbound = message if isinstance(message, Inbound) else Inbound(from_user=user_id, content=str(message))
    now = now or utcnow()
    if inbound.msg_type == "event" and inbound.event == "unsubscribe":
        outcome = Outcome("", "unsubscribe", msg_type="event", event="unsubscribe")
        forget_user(db, user_id, departed_at=arrival(inbound, now), finish=lambda d: finish and finish(d, outcome))
        return outcome
    if inbound.msg_type != "event" and flooding(db, user_id, now):
        return _rate_limited(db, user_id, inbound, now, finish)
    channels = alerting.configured_channels(alerts.config) if alerts is not None else []
    urgent = open_handoff(db, user_id) if inbound.msg_type != "event" else None
    if urgent is not None and (urgent["priority"] != "urgent" or urgent.get("category") == "opinion"):
        urgent = None  # only a distress handoff takes every message as part of the emergency
    if urgent is not None:
        outcome = _follow_up(db, engine, inbound, urgent, channels)
    else:
        state = load_state(db, user_id, now)
        outcome = _decide(engine, inbound, state, now.astimezone(LOCAL_TZ).date())
        if outcome.action == "emergency":
            outcome.reply += "\n" + (ALERTING if channels else NOT_ALERTING)
        _remember(engine, outcome, state, iso(now))
    if inbound.msg_type == "event" and inbound.event in notices.CONSENT_EVENTS:
        outcome.effects.append(lambda d, user, at: notices.record_event(d, user, inbound.event, inbound.fields,
                                                                        notice_template, at))
    if outcome.action != "event":
        head, rest = cut_reply(outcome.reply)
        if rest:
            outcome.reply, outcome.more = head, rest
        _end_with_prompt(outcome)
    outcome.latency_ms = round((time.perf_counter() - started) * 1000, 2)
    _record(db, engine, user_id, inbound, outcome, now, channels, finish)
    if outcome.alert_ids and alerts is not None:
        alerts.kick()
    return outcome


def record_failure(db, user_id: str, inbound: Inbound, now: dt.datetime | None = None, finish=None) -> Outcome:
    """Answering ``inbound`` failed: hand the user to a person and apologise, without asking the engine.

    The reply says a person will follow up only because the handoff is written in the same transaction.
    """
    now = now or utcnow()
    text = _words(inbound)
    outcome = Outcome(APOLOGY_HANDED_OVER, "error", inbound.msg_type, text)
    _record(db, None, user_id, inbound, outcome, now, (), finish)
    return outcome


def flooding(db, user_id: str, now: dt.datetime) -> bool:
    """Whether ``user_id`` has sent FLOOD_LIMIT messages or more within the last FLOOD_WINDOW."""
    return message_log.count_since(db, user_id, iso(now - FLOOD_WINDOW)) >= FLOOD_LIMIT


def _rate_limited(db, user_id: str, inbound: Inbound, now: dt.datetime, finish) -> Outcome:
    """A message beyond the flood limit: logged, not answered by the engine; the flood gets one short line."""
    told = message_log.rate_limited_since(db, user_id, iso(now - FLOOD_WINDOW))
    outcome = Outcome("" if told else SLOW_DOWN, "rate_limited", inbound.msg_type, _words(inbound))
    _record(db, None, user_id, inbound, outcome, now, (), finish)
    return outcome


def _words(inbound: Inbound) -> str:
    """What the user sent, as text for the log (without reading it)."""
    if inbound.msg_type == "text":
        return inbound.content
    if inbound.msg_type == "voice":
        return inbound.recognition
    return ""


def arrival(inbound: Inbound, now: dt.datetime) -> dt.datetime:
    """When WeChat says the message was sent (its CreateTime), else ``now``: the order that unsubscribing keeps."""
    if inbound.create_time.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(inbound.create_time), dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            pass
    return now


def _follow_up(db, engine, inbound: Inbound, handoff: dict, channels: list) -> Outcome:
    """A message while the user's urgent handoff is open: part of the emergency, passed on to the duty staff."""
    kind = inbound.msg_type
    if kind == "voice":
        text = inbound.recognition.strip() or "[语音]"
    elif kind == "text":
        text = inbound.content
    else:
        text = _non_text_words(inbound)
    if not channels:
        status = NOT_ALERTING
    elif alerting.any_delivered(db, handoff["id"]):
        status = FOLLOW_UP_PASSED_ON
    else:
        status = FOLLOW_UP_PASSING_ON
    # A handoff opened before the kind was stored (schema version 9) has its key message read again.
    kind_of = handoff.get("distress_kind") or engine.distress_category(handoff.get("key_message") or "")
    self_harm = kind_of == "self_harm"
    return Outcome(f"{FOLLOW_UP_SELF_HARM if self_harm else FOLLOW_UP}{status}", "emergency", kind, text,
                   read_normalized(text) if kind in ("text", "voice") else "")


def _non_text_words(inbound: Inbound) -> str:
    """A location, image or other non-text message as words for the duty staff."""
    f = inbound.fields or {}
    if inbound.msg_type == "location":
        where = f.get("Label") or ""
        return f"[位置] {where} 纬度{f.get('Location_X', '?')} 经度{f.get('Location_Y', '?')}".strip()
    return f"[{NON_TEXT_NAMES.get(inbound.msg_type, inbound.msg_type)}]"


# ---- deciding --------------------------------------------------------------------------------------------

def _decide(engine, inbound: Inbound, state: dict, day: dt.date) -> Outcome:
    kind = inbound.msg_type
    if kind == "event":
        return _event(engine, inbound, day)
    if kind == "voice" and not inbound.recognition.strip():
        return Outcome(NO_VOICE_TEXT, "unsupported", msg_type=kind)
    if kind not in ("text", "voice"):
        what = NON_TEXT_NAMES.get(kind, "这类消息")
        return Outcome(f"暂时无法处理{what}。{capabilities(engine)}", "unsupported", msg_type=kind)
    text = inbound.content if kind == "text" else inbound.recognition
    normalized = read_normalized(text)
    compact = normalized.replace(" ", "")
    helpful = feedback.verdict(compact)
    if helpful is not None:
        return _rate(engine, helpful, state, day, kind, text, normalized)
    if compact in MORE_WORDS:
        if not state.get("more"):
            return Outcome(NOTHING_MORE, "no_option", kind, text, normalized, options=state.get("options", []))
        return Outcome(state["more"], "more", kind, text, normalized, faq_id=state.get("faq_id"),
                       options=state.get("options", []))
    pick = _PICK.match(compact)
    if pick:
        return _pick(engine, pick.group(1), state, day, kind, text, normalized)
    command = notices.read_command(text, notices.known_places(engine.kb))
    if command is not None:
        return _notice_command(engine, command, day, Outcome("", command.action, kind, text, normalized))
    d = engine.decide(text, day)
    reply = d.reply
    if d.action == "handoff":
        reply = with_office_hours(engine, reply)
    return Outcome(reply, d.action, kind, text, d.normalized or normalized, faq_id=d.faq_id, score=d.score,
                   candidates=[{"faq_id": c.faq_id, "score": c.score} for c in d.candidates],
                   options=list(d.options), decision=d)


def _pick(engine, token, state, day, kind, text, normalized) -> Outcome:
    options = state.get("options") or []
    number = int(token) if token.isdigit() else _NUMERALS[token]
    if not options:
        return Outcome(NOTHING_TO_PICK, "no_option", kind, text, normalized)
    if number > len(options):
        return Outcome(f"请回复 1 到 {len(options)} 之间的数字，或直接输入您的问题。", "no_option", kind, text,
                       normalized, options=options)
    faq = engine.kb.by_id.get(options[number - 1])
    if faq is None or not faq.active(day):
        return Outcome("这条内容已更新，请重新输入您的问题。", "no_option", kind, text, normalized)
    reply, related = engine.render_answer(faq, day)
    return Outcome(reply, "answer", kind, text, normalized, faq_id=faq.id, options=list(related))


def _rate(engine, helpful: bool, state: dict, day, kind, text, normalized) -> Outcome:
    """有用 / 没用 about the FAQ last answered to the user (logged with the message); 没用 offers that question's next
    best FAQs as numbers, or a person."""
    rated = state.get("feedback")
    if not rated:
        return Outcome(feedback.NOTHING_TO_RATE, "no_option", kind, text, normalized, options=state.get("options", []))
    rating = {"faq_id": rated["faq_id"], "helpful": helpful, "score": rated.get("score"),
              "asked_at": rated.get("asked_at")}
    if helpful:
        return Outcome(feedback.THANKS, "feedback", kind, text, normalized, faq_id=rated["faq_id"],
                       options=state.get("options", []), rating=rating)
    scores = rated.get("alternatives") or {}
    faqs = [engine.kb.by_id[i] for i in scores if i in engine.kb.by_id and engine.kb.by_id[i].active(day)]
    reply = feedback.SORRY + (engine.render_clarify(faqs) if faqs else feedback.ASK_PERSON)
    return Outcome(reply, "feedback", kind, text, normalized, faq_id=rated["faq_id"], options=[f.id for f in faqs],
                   keep={"scores": {f.id: scores[f.id] for f in faqs}, "asked_at": rated.get("asked_at")},
                   rating=rating)


def _remember(engine, outcome: Outcome, state: dict, stamp: str) -> None:
    """What the user's state keeps besides the options and 更多, and the prompt an answer ends with.

    Kept: the answer a 有用 / 没用 would be about (an answer sets it; 更多, smalltalk and a wrong number keep it;
    anything else ends it), and for options that are candidates for a question (a "did you mean" list, or what 没用
    offered) their scores and when that question was asked."""
    keep = outcome.keep
    if outcome.action in ("more", "no_option", "feedback") and "scores" not in keep \
            and outcome.options == state.get("options"):
        keep.update(scores=state.get("scores") or {}, asked_at=state.get("asked_at"))
    if outcome.action == "clarify":
        keep.update(scores={c["faq_id"]: c["score"] for c in outcome.candidates}, asked_at=stamp)
    elif outcome.action in ("answer", "menu") and outcome.faq_id:
        scores, chosen = state.get("scores") or {}, False
        if outcome.decision is not None:  # matched from the user's words
            rated = feedback.target(outcome.faq_id, stamp, outcome.score, stamp,
                                    feedback.alternatives(outcome.candidates, outcome.faq_id, engine.settings))
        elif outcome.action == "answer" and outcome.faq_id in scores:  # picked from a list of candidates
            others = {i: scores[i] for i in state.get("options", []) if i in scores and i != outcome.faq_id}
            rated = feedback.target(outcome.faq_id, stamp, scores[outcome.faq_id], state.get("asked_at"), others)
            chosen = True
        else:  # a related question or the menu: no question of the user's own
            rated = feedback.target(outcome.faq_id, stamp)
        keep["feedback"] = rated
        outcome.prompt = feedback.prompt(engine.settings, rated["score"], chosen)
    elif outcome.action in ("more", "smalltalk", "no_option") and state.get("feedback"):
        keep["feedback"] = state["feedback"]
        if outcome.action == "more":
            outcome.prompt = state.get("prompt", "")


def _end_with_prompt(outcome: Outcome) -> None:
    """The prompt goes at the end of the reply's last part (a cut answer keeps it for 更多), only where it fits."""
    if not outcome.prompt:
        return
    if outcome.more:
        outcome.keep["prompt"] = outcome.prompt
    elif utf8_len(outcome.reply + PROMPT_SEPARATOR + outcome.prompt) <= MAX_REPLY_BYTES:
        outcome.reply += PROMPT_SEPARATOR + outcome.prompt


def _event(engine, inbound: Inbound, day) -> Outcome:
    event = inbound.event
    label = f"{event}:{inbound.event_key}" if inbound.event_key else event
    if event in ("subscribe", "subscribe_scan"):
        return Outcome(welcome_text(engine), "welcome", "event", event=label)
    if event == "click":
        leaf = menu_targets(engine).get(inbound.event_key)
        if leaf and leaf.get("faq") in engine.kb.by_id:
            reply, related = engine.render_answer(engine.kb.by_id[leaf["faq"]], day)
            return Outcome(reply, "menu", "event", faq_id=leaf["faq"], options=list(related), event=label)
        command = notices.menu_command(leaf.get("action", "")) if leaf else None
        if command is not None:
            return _notice_command(engine, command, day, Outcome("", command.action, "event", event=label))
        if leaf and leaf.get("category"):
            reply, ids = category_list(engine, leaf["category"], day)
            return Outcome(reply, "menu", "event", options=ids, event=label)
        return Outcome(welcome_text(engine), "menu", "event", event=label)
    return Outcome("", "event", "event", event=label)


def _notice_command(engine, command, day, outcome: Outcome) -> Outcome:
    """订阅通告 / 退订通告: the reply depends on the stored subscription, so it is made where the message is recorded."""
    def apply(db, user_id, now):
        outcome.reply, outcome.options = notices.apply_command(db, engine.kb, user_id, command, now, day)
    outcome.effects.append(apply)
    return outcome


# ---- texts -----------------------------------------------------------------------------------------------

def capabilities(engine) -> str:
    """One sentence on what the bot can do, naming the knowledge base's categories."""
    topics = "、".join(engine.kb.categories[:8])
    return (f"我可以回答{topics}等方面的问题，请直接用文字或语音提问；回复“人工”可转工作人员。"
            if topics else "请直接用文字或语音提问；回复“人工”可转工作人员。")


def welcome_text(engine) -> str:
    """The subscribe greeting: the settings' welcome, the main topics, and how to reach a person."""
    text = engine.settings["welcome"].strip()
    if not any(c in text for c in engine.kb.categories):
        text += "\n\n可咨询的主题：" + "、".join(engine.kb.categories[:8])
    if "人工" not in text:
        text += "\n回复“人工”可转工作人员。"
    return text


def with_office_hours(engine, reply: str) -> str:
    """A handoff reply that surely says when a person answers."""
    hours = engine.settings.get("office_hours", "")
    if hours and hours not in reply:
        reply += f"\n人工服务时间：{hours}"
    return reply


def menu_targets(engine) -> dict:
    """Menu EventKey -> its leaf in settings (``{"key", "faq"}`` or ``{"key", "category"}``)."""
    out = {}
    for button in engine.settings.get("menu") or []:
        for leaf in button.get("items", [button]):
            if leaf.get("key"):
                out[leaf["key"]] = leaf
    return out


def category_list(engine, category: str, day) -> tuple:
    """The numbered questions of one category and their ids: (text, ids)."""
    faqs = engine.kb.in_category(category, day)[:MAX_LISTED]
    if not faqs:
        return f"“{category}”暂时没有内容。{capabilities(engine)}", []
    lines = [f"{i}. {f.question}" for i, f in enumerate(faqs, 1)]
    return f"【{category}】常见问题：\n" + "\n".join(lines) + "\n回复数字即可查看。", [f.id for f in faqs]


def handoff_priority(outcome: Outcome) -> str:
    """urgent for distress and public-opinion risks, high for complaints, reports and our own failures, else normal."""
    if outcome.action in ("emergency", "opinion"):
        return "urgent"
    if outcome.action in ("error", "complaint"):
        return "high"
    if any(w in (outcome.normalized or outcome.text) for w in COMPLAINT_WORDS):
        return "high"
    return "normal"


# ---- state -----------------------------------------------------------------------------------------------

def load_state(db, user_id: str, now: dt.datetime) -> dict:
    """The user's conversation state, or {} when there is none or it is older than 10 idle minutes.

    The answer a 有用 / 没用 would be about (``feedback``) is kept apart: until FEEDBACK_TTL after the answer."""
    row = users.state_row(db, user_id)
    if row is None:
        return {}
    try:
        state = json.loads(row["state"] or "{}")
    except ValueError:
        return {}
    if not isinstance(state, dict):
        return {}
    rated = state.pop("feedback", None)
    if now - parse_iso(row["updated_at"]) > STATE_TTL:
        state = {}
    if rated and not feedback.expired(rated, now, parse_iso):
        state["feedback"] = rated
    return state


def open_handoff(db, user_id: str) -> dict | None:
    """The user's handoff still waiting for or with staff, if any."""
    return handoff_store.latest_of_user(db, user_id, OPEN_STATES)


def forget_user(db, user_id: str, departed_at: dt.datetime | None = None, finish=None) -> None:
    """Delete everything stored about a user (on unsubscribe): state, profile, log, handoffs, queued messages.

    Only a one-way hash of the user is kept, with ``departed_at``, for as long as WeChat may still deliver
    earlier messages, so that a message of theirs answered after this cannot store anything again.
    """
    with db.atomic():
        users.depart(db, _departure_key(user_id), iso(departed_at))
        # An alert still on its way keeps its words until it reaches the duty staff; the rest go now.
        users.forget_handoff_traces(db, user_id)
        notices.forget(db, user_id)
        users.forget_rows(db, user_id)
        if finish is not None:
            finish(db)
        # Deliveries still being answered keep their claims (what they answer is dropped, see _departed).
        claims.forget_user(db, user_id, f"evt:{user_id}:")


# ---- recording -------------------------------------------------------------------------------------------

def _record(db, engine, user_id: str, inbound: Inbound, outcome: Outcome, now: dt.datetime,
            channels: list = (), finish=None) -> None:
    """Write the user, state, handoff, log row and any alerts in one transaction (one open handoff per user).

    The message text is stored cut to MAX_LOGGED_CHARS (``outcome.text`` is cut to match).
    """
    # Cut once, here: the log row, the handoff's question, key message and transcript and the alert all store it.
    outcome.text = outcome.text[:MAX_LOGGED_CHARS]
    stamp = iso(now)
    sql.begin_immediate(db)
    try:
        if _departed(db, user_id, inbound, now):
            outcome.reply, outcome.action, outcome.more, outcome.alert_ids = "", "departed", "", []
            if finish is not None:
                finish(db, outcome)
            db.commit()
            return
        for effect in outcome.effects:
            effect(db, user_id, now)
        if outcome.action == "rate_limited":
            users.touch(db, user_id, stamp, subscribed=False)
        elif outcome.action != "event":
            users.touch(db, user_id, stamp, subscribed=outcome.action == "welcome")
            state = {"options": outcome.options, "more": outcome.more, "faq_id": outcome.faq_id, **outcome.keep}
            users.save_state(db, user_id, stamp, json.dumps(state, ensure_ascii=False))
        if outcome.msg_type != "event" and outcome.action != "rate_limited":
            outcome.handoff_id = _handoff(db, engine, user_id, outcome, stamp)
        row = {
            "created_at": stamp, "user_id": user_id, "msg_type": outcome.msg_type, "msg_id": inbound.msg_id or None,
            "text": outcome.text, "normalized": outcome.normalized, "action": outcome.action,
            "faq_id": outcome.faq_id, "score": outcome.score,
            "candidates": json.dumps(outcome.candidates, ensure_ascii=False), "latency_ms": outcome.latency_ms,
            "reply": outcome.reply, "handoff_id": outcome.handoff_id, "event": outcome.event or None,
        }
        message_id = message_log.add(db, row)
        if outcome.rating is not None:
            feedback_log.add(db, **outcome.rating, user_id=user_id, stamp=stamp)
        if outcome.action == "emergency" and outcome.handoff_id and channels:
            reason = "follow_up" if outcome.decision is None else "distress"
            outcome.alert_ids = alerting.queue_alerts(db, channels, outcome.handoff_id, reason,
                                                      f"h{outcome.handoff_id}:m{message_id}:{stamp}", outcome.text, now)
        elif outcome.action == "opinion" and outcome.handoff_id and channels:
            outcome.alert_ids = _opinion_alert(db, channels, outcome, now)
        if finish is not None:
            finish(db, outcome)
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _opinion_alert(db, channels: list, outcome: Outcome, now: dt.datetime) -> list:
    """One alert per handoff for a public-opinion risk (a lower tier than distress: no follow-up alerts, and no
    escalation unless ALERT_OPINION_ESCALATE); not when the handoff is a distress handoff already being alerted."""
    row = handoff_store.created_and_category(db, outcome.handoff_id)
    if row is None or row["category"] != "opinion":
        return []
    return alerting.queue_alerts(db, channels, outcome.handoff_id, "opinion",
                                 f"h{outcome.handoff_id}:{row['created_at']}:opinion", outcome.text, now)


def _departed(db, user_id: str, inbound: Inbound, now: dt.datetime) -> bool:
    """Whether the user unsubscribed after sending this message (then nothing of it is stored).

    A later message (a new subscription) ends the departure.
    """
    key = _departure_key(user_id)
    departed_at = users.departed_at(db, key)
    if departed_at is None:
        return False
    if iso(arrival(inbound, now)) <= departed_at:
        return True
    users.forget_departure(db, key)
    return False


def _departure_key(user_id: str) -> str:
    return hashlib.sha256(user_id.encode("utf-8")).hexdigest()


def _handoff(db, engine, user_id: str, outcome: Outcome, stamp: str) -> int | None:
    """Open a handoff when the outcome asks for a person, or add the message to the open one."""
    wanted = outcome.action in ("handoff", "emergency", "error", "complaint", "opinion")
    current = open_handoff(db, user_id)
    if current is None and not wanted:
        return None
    priority = handoff_priority(outcome)
    if current is None:
        entries = _recent_exchange(db, user_id) + _entries(outcome, stamp)
        key = {"key_message": outcome.text, "key_message_at": stamp} if priority == "urgent" else {}
        return sql.insert(db, "handoffs", {
            **key, "distress_kind": _distress_kind(outcome),
            "user_id": user_id, "question": _question(db, engine, user_id, outcome), "priority": priority,
            "category": CATEGORIES.get(outcome.action),
            "transcript": json.dumps(entries[-TRANSCRIPT_ENTRIES:], ensure_ascii=False), "state": "pending",
            "reason": outcome.decision.reason if outcome.decision is not None else outcome.action,
            "created_at": stamp, "updated_at": stamp, "last_user_message_at": stamp,
        })
    if outcome.action == "handoff":  # a complaint keeps its own acknowledgement
        outcome.reply = JOINED_HANDOFF.format(office_hours=engine.settings.get("office_hours", ""))
    try:
        entries = json.loads(current["transcript"] or "[]")
    except ValueError:
        entries = []
    entries = (entries + _entries(outcome, stamp))[-TRANSCRIPT_ENTRIES:]
    changes = {"updated_at": stamp, "last_user_message_at": stamp,
               "transcript": json.dumps(entries, ensure_ascii=False)}
    ranks = ("normal", "high", "urgent")
    if ranks.index(priority) > ranks.index(current["priority"] if current["priority"] in ranks else "normal"):
        changes["priority"] = priority
        if priority == "urgent":
            changes.update(key_message=outcome.text, key_message_at=stamp, distress_kind=_distress_kind(outcome))
    category = CATEGORIES.get(outcome.action)
    if outcome.action == "emergency" and current.get("category") == "opinion":
        # An emergency outranks a public-opinion risk: the handoff becomes a distress handoff.
        changes.update(category=None, key_message=outcome.text, key_message_at=stamp,
                       distress_kind=_distress_kind(outcome))
    elif category and CATEGORY_RANKS.index(category) > CATEGORY_RANKS.index(current.get("category")):
        changes["category"] = category
    sql.update(db, "handoffs", current["id"], changes)
    return current["id"]


def _distress_kind(outcome: Outcome) -> str | None:
    """The kind of emergency the engine read ("person_in_water", "self_harm" …) when the outcome is one, else None."""
    if outcome.action != "emergency" or outcome.decision is None:
        return None
    return outcome.decision.distress or None


def _entries(outcome: Outcome, stamp: str) -> list:
    user_text = outcome.text or f"[{NON_TEXT_NAMES.get(outcome.msg_type, outcome.msg_type)}]"
    out = [{"at": stamp, "who": "user", "text": user_text}]
    if outcome.reply:
        out.append({"at": stamp, "who": "bot", "text": outcome.reply})
    return out


def _recent_exchange(db, user_id: str) -> list:
    rows = message_log.latest_of_user(db, user_id, TRANSCRIPT_ENTRIES // 2 - 1)[::-1]
    out = []
    for r in rows:
        out.append({"at": r["created_at"], "who": "user",
                    "text": r["text"] or f"[{NON_TEXT_NAMES.get(r['msg_type'], r['msg_type'])}]"})
        if r["reply"]:
            out.append({"at": r["created_at"], "who": "bot", "text": r["reply"]})
    return out


def _question(db, engine, user_id: str, outcome: Outcome) -> str:
    """The question staff should answer: a bare "转人工" stands for the user's previous question."""
    reason = outcome.decision.reason if outcome.decision is not None else ""
    if reason == "asked_for_person":
        for text in message_log.latest_scored_texts(db, user_id, 5):
            if text and not engine.wants_person(read_normalized(text)):
                return f"{text}（用户要求转人工）"
    return outcome.text


# ---- terminal chat ---------------------------------------------------------------------------------------

TERMINAL_COMMANDS = {"/subscribe": ("event", "subscribe"), "/unsubscribe": ("event", "unsubscribe"),
                     "/click": ("event", "click"), "/image": ("image", ""), "/location": ("location", "")}


def terminal_message(user_id: str, line: str) -> Inbound:
    """A line typed in ``python -m bot chat`` as a push: text, or /subscribe, /click KEY, /image, ..."""
    word, _, rest = line.strip().partition(" ")
    if word in TERMINAL_COMMANDS:
        msg_type, event = TERMINAL_COMMANDS[word]
        return Inbound(from_user=user_id, msg_type=msg_type, event=event, event_key=rest.strip())
    return Inbound(from_user=user_id, content=line.rstrip("\r\n"))


def debug_lines(outcome: Outcome) -> list:
    """What ``chat --debug`` shows under a reply: the action, the score and the candidates."""
    lines = [f"[{outcome.action}] faq_id={outcome.faq_id} score={outcome.score} options={outcome.options} "
             f"handoff={outcome.handoff_id} {outcome.latency_ms} ms"]
    d = outcome.decision
    if d is not None:
        lines.append(f"  reason={d.reason} normalized={d.normalized!r}")
        lines.extend(f"  {c.score:6.1f}  {c.faq_id}  {c.question}" for c in d.candidates)
    if outcome.more:
        lines.append(f"  （还有 {len(outcome.more)} 字，回复“更多”继续）")
    return lines
