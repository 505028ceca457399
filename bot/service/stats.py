"""What people ask: the dashboard's figures and the conversation-log search, straight from the message log.

Days are Asia/Shanghai days. Shanghai keeps UTC+8 all year, so SQLite's ``'+8 hours'`` modifier gives the local date.
"""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

from ..kb import curator
from ..clock import today_local
from ..clock import LOCAL_TZ, iso, parse_iso
from ..matching.reading import normalize, strip_fillers
from ..store import feedback as feedback_log
from ..store import stats as store

SHARES = ("answer", "clarify", "handoff", "emergency", "other")
SHARE_LABELS = {"answer": "直接回答", "clarify": "追问澄清", "handoff": "转人工", "emergency": "遇险求助",
                "other": "其他（寒暄、菜单等）"}
# Every action the conversation logs (see bot.service.conversation).
ACTION_LABELS = {"answer": "回答", "clarify": "澄清", "handoff": "转人工", "emergency": "遇险", "smalltalk": "寒暄",
                 "complaint": "投诉", "opinion": "舆情风险",
                 "more": "查看更多", "no_option": "无效编号", "unsupported": "不支持的消息", "welcome": "关注欢迎",
                 "menu": "菜单", "event": "其他事件", "rate_limited": "发送过于频繁", "error": "系统出错",
                 "feedback": "评价回答", "notice_subscribe": "订阅通告", "notice_unsubscribe": "退订通告"}
# Why the engine decided as it did (Decision.reason; a handoff's reason is one of these or an action above).
REASON_LABELS = {"confident": "有把握", "close_call": "相近待确认", "no_match": "未匹配", "asked_for_person": "用户要求人工",
                 "distress": "遇险", "empty": "空消息", "greeting": "问候", "thanks": "致谢", "bye": "告别",
                 "error": "系统出错", "unsupported": "不支持的消息", "complaint": "投诉", "opinion": "舆情风险"}
# The parts of a candidate's score, as the try box lists them (bot.matching's Candidate.parts).
SCORE_PART_LABELS = {"kind": "问题类型", "words_q": "词语命中·问法", "words_a": "词语命中·答案",
                     "pairs_q": "词组命中·问法", "pairs_a": "词组命中·答案", "chars_q": "单字命中·问法",
                     "chars_a": "单字命中·答案", "mass_q": "命中词分量·问法",
                     "mass_a": "命中词分量·答案", "phrasing": "最相近问法", "fuzzy": "字面相似", "keyword": "关键词",
                     "semantic": "语义相近", "state": "是否说故障"}
# What a message without text was, for the log: WeChat's message types and events.
MESSAGE_TYPE_LABELS = {"text": "文字", "voice": "语音", "image": "图片", "video": "视频", "shortvideo": "小视频",
                       "location": "位置", "link": "链接", "file": "文件", "miniprogrampage": "小程序卡片",
                       "event": "事件"}
EVENT_LABELS = {"subscribe": "关注公众号", "subscribe_scan": "扫码关注", "unsubscribe": "取消关注", "scan": "扫码",
                "click": "点击菜单", "view": "打开菜单链接", "location": "上报位置",
                "subscribe_msg_popup_event": "订阅通知授权", "subscribe_msg_change_event": "更改订阅通知",
                "subscribe_msg_sent_event": "订阅通知送达结果"}
GROUP_WORDINGS = 500


def day_start(day: dt.date) -> str:
    """The stored (UTC) timestamp at which a Shanghai day begins."""
    return iso(dt.datetime.combine(day, dt.time(), LOCAL_TZ))


def messages_per_day(db, first: dt.date, last: dt.date) -> list:
    """``[(date, count)]`` for every Shanghai day from ``first`` to ``last``, zero days included."""
    found = store.messages_per_day(db, day_start(first), day_start(last + dt.timedelta(days=1)))
    days = (last - first).days + 1
    return [(d, found.get(d.isoformat(), 0)) for d in (first + dt.timedelta(days=i) for i in range(days))]


def action_shares(db, since: str) -> dict:
    """Messages since ``since`` by outcome: answer / clarify / handoff / emergency / other, plus total."""
    out = dict.fromkeys(SHARES, 0)
    for action, n in store.actions_since(db, since):
        action = "handoff" if action in ("complaint", "opinion") else action  # handed to a person too
        out[action if action in SHARES else "other"] += n
    out["total"] = sum(out[k] for k in SHARES)
    return out


def handoff_times(db, since: str) -> dict:
    """Median seconds from handoff to being picked up (claimed or replied) and to the first staff reply."""
    waits, firsts = [], []
    for r in store.handoff_times(db, since):
        start = parse_iso(r["created_at"])
        picked = [parse_iso(t) for t in (r["claimed_at"], r["first_reply_at"]) if t]
        if picked:
            waits.append((min(picked) - start).total_seconds())
        if r["first_reply_at"]:
            firsts.append((parse_iso(r["first_reply_at"]) - start).total_seconds())
    return {
        "waiting_median": statistics.median(waits) if waits else None,
        "first_reply_median": statistics.median(firsts) if firsts else None,
        "picked_up": len(waits),
        "replied": len(firsts),
    }


def top_faqs(db, since: str, limit: int = 10) -> list:
    """``[(faq_id, count)]`` of the FAQs answered most often since ``since``."""
    return store.top_faqs(db, since, limit)


def top_unanswered(db, engine, since: str, limit: int = 10) -> list:
    """Questions that the bot handed off for want of an answer, grouped as ``kb suggest`` groups them (one
    group per FAQ they come close to, otherwise by wording), biggest group first.

    Follow-ups written into a handoff already open are left out (they are part of a talk with staff), and so
    are bare requests for a person. Each group: ``{"text": its most asked wording, "count", "examples": other
    wordings, "faq_id": the FAQ the group could become alternates of, or None}``. Questions answered but called
    没用 are groups too, one per FAQ that answered them, with ``"unhelpful_faq"``: that FAQ.
    """
    asked = Counter()
    for text in store.handed_off_texts(db, since):
        text = (text or "").strip()
        if text and not only_asks_for_a_person(engine, text):
            asked[text] += 1
    # Each distinct wording is ranked once; rare wordings cannot reach the top anyway.
    common = Counter(dict(asked.most_common(GROUP_WORDINGS)))
    groups = curator.group_questions(engine, common, today_local())
    out = [{"text": g.samples(1)[0], "count": g.size, "examples": g.samples(6)[1:], "faq_id": g.anchor}
           for g in groups[:limit]]
    out += [{"text": g.samples(1)[0], "count": g.size, "examples": g.samples(6)[1:], "faq_id": None,
             "unhelpful_faq": g.faq_id}
            for g in curator.review_groups(feedback_log.unhelpful_questions(db, since))[:limit]]
    out.sort(key=lambda g: -g["count"])
    return out[:limit]


def helpfulness(db, since: str) -> dict:
    """The 有用 / 没用 ratings since ``since``: per FAQ least helpful first (``bot.store.feedback.per_faq``), and
    the totals."""
    rows = feedback_log.per_faq(db, since)
    helpful = sum(r["helpful"] for r in rows)
    total = sum(r["total"] for r in rows)
    return {"per_faq": rows, "helpful": helpful, "unhelpful": total - helpful, "total": total}


def only_asks_for_a_person(engine, text: str) -> bool:
    """A message that just asks for a person ("人工", "我要找人工客服"): no question missing from the knowledge base."""
    normalized = normalize(text)
    if not engine.wants_person(normalized):
        return False
    rest = normalized.replace(" ", "")
    for word in engine.handoff_words:
        rest = rest.replace(word, "")
    return len(strip_fillers(rest)) <= 3


LATEST_COMPLAINTS = 10


def complaints_per_day(db, first: dt.date, last: dt.date) -> list:
    """``[(date, complaints, public-opinion risks)]`` for every Shanghai day from ``first`` to ``last``: handoffs
    opened that day, of the kind staff last gave them (else the one recognised), zero days included."""
    found = store.complaints_per_day(db, day_start(first), day_start(last + dt.timedelta(days=1)))
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [(d, found.get((d.isoformat(), "complaint"), 0), found.get((d.isoformat(), "opinion"), 0)) for d in days]


def latest_complaints(db, limit: int = LATEST_COMPLAINTS) -> list:
    """The newest handoffs that are complaints or public-opinion risks (or that the bot took for one), newest first:
    ``{"id", "created_at", "kind", "category", "staff_label", "text", "state", "claimed_by"}``."""
    return store.latest_complaints(db, limit)


def complaint_labels(db, since: str | None = None) -> dict:
    """How staff's re-classifications compare with what the bot recognised (handoffs staff labelled, since ``since``).

    ``labelled``: handoffs staff re-classified; ``confirmed``: taken for a complaint or risk and staff agree it is one
    (``kind_changed`` of those: the other kind); ``rejected``: taken for one, staff say it is not (a false alarm);
    ``missed``: not taken for one, staff say it is (a miss).
    """
    out = {"labelled": 0, "confirmed": 0, "kind_changed": 0, "rejected": 0, "missed": 0}
    for r in store.labelled_handoffs(db, since):
        out["labelled"] += 1
        flagged, said = r["category"] is not None, r["staff_label"] != "none"
        if flagged and said:
            out["confirmed"] += 1
            out["kind_changed"] += r["category"] != r["staff_label"]
        elif flagged:
            out["rejected"] += 1
        elif said:
            out["missed"] += 1
    return out


def dashboard(db, engine, days: int = 14, now: dt.datetime | None = None) -> dict:
    """Every figure of the dashboard for the last ``days`` Shanghai days, today included."""
    last = today_local(now)
    first = last - dt.timedelta(days=days - 1)
    since = day_start(first)
    return {
        "first": first,
        "last": last,
        "per_day": messages_per_day(db, first, last),
        "shares": action_shares(db, since),
        "times": handoff_times(db, since),
        "top_faqs": top_faqs(db, since),
        "unanswered": top_unanswered(db, engine, since),
        "helpfulness": helpfulness(db, since),
        "complaints": complaints_per_day(db, first, last),
        "latest_complaints": latest_complaints(db),
        "complaint_labels": complaint_labels(db, since),
    }


def search_log(db, user: str = "", text: str = "", faq: str = "", action: str = "",
               date_from: dt.date | None = None, date_to: dt.date | None = None,
               limit: int = 100, offset: int = 0) -> tuple:
    """Search the message log; return (rows newest first, total matches).

    ``user`` and ``text`` match parts (text also searches the bot's reply), ``faq`` and ``action`` exactly,
    ``date_from``/``date_to`` are Shanghai dates, both included.
    """
    return store.search_messages(db, user, text, faq, action, day_start(date_from) if date_from else None,
                                 day_start(date_to + dt.timedelta(days=1)) if date_to else None, limit, offset)


def message_label(message: dict) -> str:
    """What a logged message was when it has no text, in Chinese: "[图片]", "[点击菜单]", "[消息]"."""
    kind = message.get("msg_type") or ""
    if kind == "event":
        event = (message.get("event") or "").split(":")[0].lower()
        return f"[{EVENT_LABELS.get(event, '事件')}]"
    return f"[{MESSAGE_TYPE_LABELS.get(kind, '消息')}]"
