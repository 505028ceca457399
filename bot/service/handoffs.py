"""The human queue: list, claim, note, reply to, cancel, resolve, close in bulk and reopen handoffs.

Turning a handoff into a draft FAQ is ``bot.service.faq_drafts``.

Framework-free: the admin pages and ``python -m bot handoff list`` are thin layers over these functions.
Replies go out through ``bot.wechat.outbox.Sender`` (passed in), which stores each one in the outbox with its status.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import asdict, dataclass, field

from .conversation import NON_TEXT_NAMES
from ..clock import iso, parse_iso, utcnow
from ..wechat.outbox import UNSENT, WINDOW, cancel, cancel_handoff_replies
from ..errors import BotError
from ..matching.distress_kinds import kind_label
from ..store import handoffs as store
from ..store import sql
from ..store import messages as message_log

PRIORITIES = ("urgent", "high", "normal")
PRIORITY_LABELS = {"urgent": "紧急", "high": "较急", "normal": "一般"}
STATES = ("pending", "claimed", "resolved")
STATE_LABELS = {"pending": "待处理", "claimed": "处理中", "resolved": "已解决"}
# "open" is every handoff not yet resolved; the queue shows it by default.
STATE_FILTERS = ("open", "pending", "claimed", "resolved", "all")
MAX_REPLY_CHARS = 600
MAX_NOTE_CHARS = 2000
EVENT_NAMES = {"subscribe": "关注公众号", "subscribe_scan": "扫码关注", "click": "点击菜单"}
# A member of staff whose handoff page has not polled for this long has left it. The page polls every 5 s.
VIEWING_FRESH = dt.timedelta(seconds=20)
UNSENT_CHOICES = ("cancel", "keep")
# At most this many new messages and as many outgoing ones per poll of the handoff page; the rest come next poll.
MAX_UPDATES = 50
# The queue's "who" filter: everyone's, claimed by the viewer, or nobody's yet.
WHO_FILTERS = ("", "mine", "unclaimed")
# What a handoff is (bot/matching/complaint.py; staff may re-classify it): a complaint about the office, a
# public-opinion risk, or neither. The queue filters by it: "flagged" is either of the two.
CATEGORIES = ("complaint", "opinion")
CATEGORY_LABELS = {"complaint": "投诉", "opinion": "舆情风险", "none": "不是投诉"}
CATEGORY_FILTERS = ("", "flagged", "complaint", "opinion")
# Staff's labels: one of the categories, or "none" (not a complaint).
STAFF_LABELS = ("complaint", "opinion", "none")
# The queue's text search reads at most this many characters (a longer one is cut, not refused).
MAX_SEARCH_CHARS = 50
# One bulk close acts on at most this many handoffs (the queue shows at most 200 rows).
MAX_BULK = 200
# Less time than this left in the 48-hour window: the queue and the handoff page say the window is closing.
WINDOW_CLOSING = dt.timedelta(hours=1)
# What bot.service.conversation appends to the question of a handoff opened by a bare "转人工": a label, not the
# user's words.
ASKED_FOR_PERSON_LABEL = "（用户要求转人工）"
# Canned replies mark what staff must fill in with this; a reply still holding it is not sent.
PLACEHOLDER_MARK = "【请填写"


class HandoffError(BotError):
    """An action on a handoff that cannot be done as asked."""


class HandoffNotFound(HandoffError):
    """No handoff with that number."""


class AlreadyClaimed(HandoffError):
    """Another staff member has claimed the handoff (take over explicitly to change that)."""

    def __init__(self, message: str, claimed_by: str | None = None):
        self.claimed_by = claimed_by
        super().__init__(message)


class ClaimedByOther(HandoffError):
    """A reply to a handoff another staff member has claimed, not confirmed (send it with confirm_other)."""

    def __init__(self, claimed_by: str):
        self.claimed_by = claimed_by
        super().__init__(f"此记录由 {claimed_by} 处理中，仍要回复吗？")


class UnsentReplies(HandoffError):
    """Resolving a handoff with unsent replies, without saying whether to cancel them or keep sending them."""

    def __init__(self, count: int):
        self.count = count
        super().__init__(f"还有 {count} 条回复没有发出：请选择取消这些回复，还是继续发送")


class ReplyRefused(HandoffError):
    """A reply that is empty or too long to send."""


class NoteRequired(HandoffError):
    """An urgent handoff is only resolved with a note saying how the emergency was handled."""


@dataclass
class Handoff:
    """One handoff with what the queue shows about it."""

    id: int
    user_id: str
    question: str
    priority: str
    state: str
    reason: str | None
    created_at: str
    updated_at: str | None
    last_user_message_at: str | None
    claimed_by: str | None
    claimed_at: str | None
    first_reply_at: str | None
    resolved_at: str | None
    resolved_by: str | None
    transcript: list = field(default_factory=list)
    last_reply_at: str | None = None
    failed_replies: int = 0
    awaiting_reply: bool = False
    waiting_since: str | None = None
    waiting_seconds: int | None = None
    window_open: bool = False
    window_ends_at: str | None = None
    key_message: str | None = None
    key_message_at: str | None = None
    reopened_at: str | None = None
    reopened_by: str | None = None
    latest_text: str | None = None
    latest_type: str | None = None
    latest_at: str | None = None
    new_messages: int = 0
    window_minutes_left: int | None = None
    category: str | None = None  # what the bot recognised: "complaint", "opinion" or None
    staff_label: str | None = None  # what staff said: "complaint", "opinion", "none" or None (not re-classified)
    labelled_by: str | None = None
    labelled_at: str | None = None
    distress_kind: str | None = None  # the kind of emergency read in a distress handoff's message ("self_harm" …)

    @property
    def window_closing(self) -> bool:
        """The 48-hour window is open and closes within the hour (``window_minutes_left`` says when)."""
        return self.window_minutes_left is not None

    @property
    def distress(self) -> bool:
        """Urgent handoffs come from distress messages, except public-opinion risks; the queue shows them in red."""
        return self.priority == "urgent" and self.category != "opinion"

    @property
    def distress_label(self) -> str:
        """The kind of emergency in Chinese ("人员落水", "轻生风险" …), "" when it is none or not known."""
        return kind_label(self.distress_kind) if self.distress else ""

    @property
    def kind(self) -> str | None:
        """"complaint", "opinion" or None: as staff last re-classified it, else as the bot recognised it."""
        if self.staff_label:
            return None if self.staff_label == "none" else self.staff_label
        return self.category

    @property
    def opinion(self) -> bool:
        """A public-opinion risk (press, exposure online, 12345, petitions): urgent, but not an emergency."""
        return self.kind == "opinion"

    @property
    def key_text(self) -> str:
        """The message that matters most: the distress message of an urgent handoff, else the question."""
        return (self.key_message or "").strip() or self.question or ""

    @property
    def key_at(self) -> str:
        """When the key message came (the handoff's creation when there is none)."""
        return self.key_message_at or self.created_at

    @property
    def latest_user_message(self) -> dict | None:
        """The user's newest message in this handoff, ``{"at", "text"}``, or None.

        From the message log (``new_messages`` counts those since the last delivered staff reply), else from the
        transcript stored with the handoff.
        """
        if self.latest_at:
            text = (self.latest_text or "").strip() or f"[{NON_TEXT_NAMES.get(self.latest_type, '消息')}]"
            return {"at": self.latest_at, "text": text}
        for entry in reversed(self.transcript):
            if isinstance(entry, dict) and entry.get("who") == "user" and (entry.get("text") or "").strip():
                return {"at": entry.get("at") or self.last_user_message_at or self.created_at,
                        "text": entry["text"].strip()}
        return None

    def to_json(self) -> dict:
        """The ``handoff list --json`` record."""
        d = asdict(self)
        d.pop("transcript")
        return d


def _handoff(row: dict, now: dt.datetime) -> Handoff:
    h = Handoff(**{k: row.get(k) for k in Handoff.__dataclass_fields__ if k in row and k != "transcript"})
    try:
        transcript = json.loads(row.get("transcript") or "[]")
    except ValueError:
        transcript = []
    h.transcript = transcript if isinstance(transcript, list) else []
    h.priority = h.priority if h.priority in PRIORITIES else "normal"
    last_user = h.last_user_message_at or h.created_at
    if h.state != "resolved" and not (h.last_reply_at and last_user <= h.last_reply_at):
        h.awaiting_reply = True
        h.waiting_since = row.get("first_unanswered_at") or (last_user if h.last_reply_at else h.created_at)
        h.waiting_seconds = max(0, int((now - parse_iso(h.waiting_since)).total_seconds()))
    seen = parse_iso(row.get("user_last_message_at") or last_user)
    if seen:
        ends = seen + WINDOW
        h.window_open = now < ends
        h.window_ends_at = iso(ends)
        if h.window_open and ends - now < WINDOW_CLOSING:
            h.window_minutes_left = max(1, math.ceil((ends - now).total_seconds() / 60))
    return h


def _sort_key(h: Handoff):
    # Among urgent handoffs an emergency comes before a public-opinion risk.
    rank = PRIORITIES.index(h.priority) + (0.5 if h.opinion and h.priority == "urgent" else 0)
    if h.state == "resolved":
        return (2, 0, -parse_iso(h.resolved_at or h.updated_at or h.created_at).timestamp())
    if h.awaiting_reply:
        return (0, rank, parse_iso(h.waiting_since).timestamp())
    return (1, rank, -parse_iso(h.last_user_message_at or h.created_at).timestamp())


def list_handoffs(db, state: str = "open", priority: str | None = None, now: dt.datetime | None = None,
                  limit: int = 200, who: str = "", staff: str | None = None, search: str = "",
                  category: str = "") -> list:
    """Handoffs in queue order: those awaiting a reply first, by urgency then longest wait; resolved last.

    ``state`` is one of STATE_FILTERS; ``priority`` one of PRIORITIES or None for all; ``who`` one of WHO_FILTERS:
    "mine" those claimed by ``staff``, "unclaimed" those nobody has claimed. ``search`` keeps the handoffs whose
    question, key message or one of the user's messages in the handoff holds the text (its first MAX_SEARCH_CHARS
    characters, taken literally: % and _ are no wildcards). ``category`` one of CATEGORY_FILTERS: "complaint" or
    "opinion" those of that kind, "flagged" both, as staff last re-classified them (else as recognised). The
    filters combine. At most ``limit`` rows; of the
    resolved ones only the most recently resolved are read.
    """
    if state not in STATE_FILTERS:
        raise HandoffError(f"未知状态“{state}”")
    if priority and priority not in PRIORITIES:
        raise HandoffError(f"未知优先级“{priority}”")
    if who not in WHO_FILTERS:
        raise HandoffError(f"未知筛选“{who}”")
    if category not in CATEGORY_FILTERS:
        raise HandoffError(f"未知类别“{category}”")
    found = store.queue(db, state, priority=priority, claimed_by=(staff or "") if who == "mine" else None,
                        unclaimed=who == "unclaimed", search=search_text(search), category=category, limit=limit)
    now = now or utcnow()
    rows = sorted((_handoff(r, now) for r in found), key=_sort_key)
    return rows[:limit]


def search_text(text: str | None) -> str:
    """A queue search as it is used: trimmed, at most MAX_SEARCH_CHARS characters."""
    return " ".join((text or "").split())[:MAX_SEARCH_CHARS]


def counts(db) -> dict:
    """Number of handoffs per state, for the navigation badge and the filters."""
    out = {s: 0 for s in STATES}
    out.update(store.state_counts(db))
    out["open"] = out["pending"] + out["claimed"]
    return out


def unclaimed_urgent(db) -> list:
    """Urgent distress handoffs nobody has claimed yet, newest key message first (public-opinion risks are urgent
    but no emergency: the queue lists them first, the emergency badge leaves them out).

    Each: ``{"id", "key_message", "key_message_at", "created_at"}``, the key message falling back to the question
    and its time to the handoff's creation. The staff pages' badge, title and alert poll read this.
    """
    return store.unclaimed_urgent(db)


def get_handoff(db, handoff_id: int, now: dt.datetime | None = None) -> Handoff:
    """One handoff; raise HandoffNotFound."""
    row = store.one(db, handoff_id)
    if row is None:
        raise HandoffNotFound(f"没有编号为 {handoff_id} 的转人工记录")
    return _handoff(row, now or utcnow())


def conversation(db, handoff: Handoff, limit: int = 40) -> list:
    """The user's recent exchange, oldest first: their messages, the bot's replies, late and staff replies.

    Each entry: ``{"at", "who": "user"|"bot"|"staff", "text", ...}``; staff replies carry their delivery status.
    Falls back to the transcript stored with the handoff when the message log has nothing for this user.
    """
    rows = message_log.latest_rows_of_user(db, handoff.user_id, limit)[::-1]
    since = rows[0]["created_at"] if rows else handoff.created_at
    entries = _message_entries(rows) + _outbox_entries(store.conversation_outbox(db, handoff.user_id, since,
                                                                                 handoff.id))
    if not rows:
        entries.extend(_stored_transcript(handoff))
    return _in_order(entries)


def updates(db, handoff: Handoff, after_message: int = 0, after_reply: int = 0) -> list:
    """What the handoff page has not shown yet: the user's messages (and the bot's answers) logged after message
    ``after_message`` and the outgoing messages queued after outbox row ``after_reply``, oldest first, as
    ``conversation`` gives them, each with ``message_id`` or ``outbox_id`` for the page's next poll."""
    messages = message_log.of_user_after(db, handoff.user_id, after_message, MAX_UPDATES)
    queued = store.outbox_after(db, handoff.user_id, after_reply, MAX_UPDATES)
    return _in_order(_message_entries(messages) + _outbox_entries(queued))


def reply_statuses(db, handoff: Handoff, outbox_ids: list) -> list:
    """The current state of replies the page already shows (at most MAX_UPDATES of them), as ``_outbox_entries``
    gives them: a reply shown while it was still being sent is shown as delivered once it is."""
    return _outbox_entries(store.outbox_rows(db, handoff.user_id, list(outbox_ids)[:MAX_UPDATES]))


def last_ids(db, user_id: str) -> tuple:
    """The newest message log id and outbox id of a user (0 when none): where the page's polling starts."""
    return store.last_ids(db, user_id)


def _message_entries(rows) -> list:
    entries = []
    for m in rows:
        if m["msg_type"] == "event" and not m["reply"]:
            continue
        text = m["text"] or f"[{_what(m)}]"
        entries.append({"at": m["created_at"], "who": "user", "text": text, "handoff_id": m["handoff_id"],
                        "message_id": m["id"]})
        if m["reply"]:
            entries.append({"at": m["created_at"], "who": "bot", "text": m["reply"], "action": m["action"],
                            "message_id": m["id"]})
    return entries


def _outbox_entries(rows) -> list:
    return [{"at": o["created_at"], "who": "staff" if o["kind"] == "staff_reply" else "bot", "text": o["text"],
             "status": o["status"], "author": o["author"], "outbox_id": o["id"], "errcode": o["errcode"],
             "last_error": o["last_error"], "handoff_id": o["handoff_id"], "cancelled_by": o.get("cancelled_by"),
             "cancelled_at": o.get("cancelled_at")} for o in rows]


def _in_order(entries: list) -> list:
    order = {"user": 0, "bot": 1, "staff": 2}
    entries.sort(key=lambda e: (parse_iso(e["at"]) or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
                                order[e["who"]]))
    return entries


def _what(message: dict) -> str:
    """What a message without text was: an image, a menu click, ..."""
    if message["msg_type"] == "event":
        event = (message.get("event") or "").split(":")[0]
        return EVENT_NAMES.get(event, "事件")
    return NON_TEXT_NAMES.get(message["msg_type"]) or ("语音" if message["msg_type"] == "voice" else "消息")


def _stored_transcript(handoff: Handoff) -> list:
    """The transcript saved with the handoff: ``[{"at", "who", "text"}]`` as bot.service.conversation writes it."""
    return [{"at": e.get("at") or handoff.created_at, "who": e["who"], "text": e.get("text") or ""}
            for e in handoff.transcript if isinstance(e, dict) and e.get("who") in ("user", "bot", "staff")]


def notes(db, handoff_id: int) -> list:
    """Internal notes of a handoff, oldest first."""
    return store.notes(db, handoff_id)


def replies(db, handoff_id: int) -> list:
    """Staff replies of a handoff with their delivery status, oldest first."""
    return store.staff_replies(db, handoff_id)


def unsent_replies(db, handoff_id: int) -> list:
    """Staff replies of a handoff that may still go out (queued or failed), oldest first."""
    return [r for r in replies(db, handoff_id) if r["status"] in UNSENT]


def claim(db, handoff_id: int, staff: str, take_over: bool = False, now: dt.datetime | None = None) -> Handoff:
    """Mark a handoff as handled by ``staff``; raise AlreadyClaimed if someone else has it (unless take_over).

    One conditional UPDATE decides, so of two people claiming at the same moment exactly one gets it.
    """
    get_handoff(db, handoff_id, now)
    claimed = store.claim(db, handoff_id, staff, iso(now), take_over=take_over)
    h = get_handoff(db, handoff_id, now)
    if not claimed:
        if h.state == "resolved":
            raise HandoffError("这条已解决，无需认领")
        raise AlreadyClaimed(f"已由“{h.claimed_by}”认领", claimed_by=h.claimed_by)
    return h


def mark_viewing(db, handoff_id: int, staff: str, now: dt.datetime | None = None) -> None:
    """Record that ``staff`` has the handoff page open (its poll calls this every few seconds)."""
    now = now or utcnow()
    store.record_view(db, handoff_id, staff, iso(now), forget_before=iso(now - dt.timedelta(hours=1)))


def viewers(db, handoff_id: int, exclude: str | None = None, now: dt.datetime | None = None) -> list:
    """Who else has the handoff page open right now (polled within VIEWING_FRESH), by name."""
    since = iso((now or utcnow()) - VIEWING_FRESH)
    return store.viewers(db, handoff_id, since, exclude or "")


def add_note(db, handoff_id: int, author: str, text: str, now: dt.datetime | None = None) -> int:
    """Add an internal note (never sent to the user); return its id."""
    get_handoff(db, handoff_id, now)
    text = (text or "").strip()
    if not text:
        raise HandoffError("备注不能为空")
    _check_note(text)
    return store.add_note(db, handoff_id, author, text, iso(now))


def _check_note(text: str) -> None:
    if len(text) > MAX_NOTE_CHARS:
        raise HandoffError(f"备注最多{MAX_NOTE_CHARS}字")


def resolve(db, handoff_id: int, staff: str, note: str = "", now: dt.datetime | None = None,
            unsent: str | None = None) -> Handoff:
    """Close a handoff; ``note`` (how it was handled) is kept as an internal note.

    ``unsent`` says what becomes of its staff replies not sent yet: "cancel" (never sent; recorded in a note) or
    "keep" (they go out when WeChat allows, until they expire). With unsent replies and no choice, raise
    UnsentReplies; the choice is applied in the same transaction as the resolve. An urgent handoff needs a note:
    raise NoteRequired without one. Resolving a resolved handoff changes nothing.
    """
    h = get_handoff(db, handoff_id, now)
    if h.state == "resolved":
        return h
    if unsent is not None and unsent not in UNSENT_CHOICES:
        raise HandoffError(f"未知的选择“{unsent}”")
    note = (note or "").strip()
    if h.distress and not note:
        raise NoteRequired("紧急求助必须填写处置情况（例如：已通知搜救中心，人员已获救）才能标记为已解决")
    _check_note(note)
    stamp = iso(now)
    # IMMEDIATE: the count and the changes below see the same outbox (no send or reply slips in between).
    sql.begin_immediate(db)
    try:
        waiting = store.unsent_reply_count(db, handoff_id)
        if waiting and unsent is None:
            raise UnsentReplies(waiting)
        if note:
            store.add_note(db, handoff_id, staff, f"标记为已解决：{note}", stamp)
        if waiting and unsent == "cancel":
            cancelled = cancel_handoff_replies(db, handoff_id, staff, now)
            store.add_note(db, handoff_id, staff, f"标记为已解决，取消了 {cancelled} 条未发出的回复", stamp)
        store.mark_resolved(db, handoff_id, staff, h.claimed_by or staff, stamp)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return get_handoff(db, handoff_id, now)


def reopen(db, handoff_id: int, staff: str, note: str = "", now: dt.datetime | None = None) -> Handoff:
    """Put a resolved handoff back in the queue, unclaimed, with a note saying who reopened it and why.

    Raise HandoffError when the handoff is not resolved.
    """
    h = get_handoff(db, handoff_id, now)
    if h.state != "resolved":
        raise HandoffError("这条还没有解决，无需重新打开")
    note = (note or "").strip()
    _check_note(note)
    stamp = iso(now)
    store.reopen(db, handoff_id, staff, f"重新打开：{note}" if note else "重新打开", stamp)
    return get_handoff(db, handoff_id, now)


@dataclass
class BulkClosed:
    """What a bulk close did: the handoffs closed, those left open and why, the unsent replies cancelled."""

    closed: list = field(default_factory=list)
    urgent: list = field(default_factory=list)
    already_resolved: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    cancelled_replies: int = 0


def close_off_topic(db, handoff_ids, staff: str, reason: str, now: dt.datetime | None = None) -> BulkClosed:
    """Resolve several off-topic handoffs at once with one ``reason``, kept as a note on each.

    Their unsent staff replies are cancelled (the note says how many). Urgent handoffs are left open: each needs
    its own note on how the emergency was handled (see ``resolve``); so are those resolved or gone meanwhile. A
    handoff that turned urgent after the queue was drawn is caught too: the check and the change are one
    transaction. Raise HandoffError without a reason, with nothing chosen or more than MAX_BULK.
    """
    reason = (reason or "").strip()
    if not reason:
        raise HandoffError("请填写批量关闭的原因（例如：广告、与海事业务无关）")
    _check_note(reason)
    ids = list(dict.fromkeys(int(i) for i in handoff_ids))
    if not ids:
        raise HandoffError("请先勾选要关闭的记录")
    if len(ids) > MAX_BULK:
        raise HandoffError(f"一次最多关闭 {MAX_BULK} 条")
    done = BulkClosed()
    stamp = iso(now)
    # IMMEDIATE: no reply, claim or distress message slips in between a handoff's check and its closing.
    sql.begin_immediate(db)
    try:
        for handoff_id in ids:
            row = store.triage_row(db, handoff_id)
            if row is None:
                done.missing.append(handoff_id)
            elif row["state"] == "resolved":
                done.already_resolved.append(handoff_id)
            elif row["priority"] == "urgent" and row["category"] != "opinion":
                done.urgent.append(handoff_id)
            else:
                cancelled = cancel_handoff_replies(db, handoff_id, staff, now)
                note = f"批量关闭：{reason}" + (f"（取消了 {cancelled} 条未发出的回复）" if cancelled else "")
                store.insert_note(db, handoff_id, staff, note, stamp)
                store.mark_closed(db, handoff_id, staff, stamp)
                done.closed.append(handoff_id)
                done.cancelled_replies += cancelled
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return done


def reclassify(db, handoff_id: int, staff: str, label: str, now: dt.datetime | None = None) -> Handoff:
    """Staff's own word on what a handoff is: "complaint", "opinion" or "none" (not a complaint).

    The bot's recognition (``category``) stays as it was, so the two can be compared
    (``bot.service.stats.complaint_labels``); who re-classified it and when is kept, and an internal note says so.
    Priority is left alone.
    """
    if label not in STAFF_LABELS:
        raise HandoffError(f"未知类别“{label}”")
    h = get_handoff(db, handoff_id, now)
    if h.staff_label == label:
        return h
    stamp = iso(now)
    store.relabel(db, handoff_id, label, staff, f"重新分类为：{CATEGORY_LABELS[label]}", stamp)
    return get_handoff(db, handoff_id, now)


def reply(db, sender, handoff_id: int, staff: str, text: str, now: dt.datetime | None = None,
          confirm_other: bool = False) -> dict:
    """Send a staff reply through WeChat and return its outbox row (status 'sent' or 'failed').

    The reply is stored before it is sent, so a failed send keeps the text for a retry. The Sender keeps to
    WeChat's 48-hour window and 5-message quota: beyond them the reply waits, failed, until the user writes.
    An unclaimed handoff is claimed for ``staff``; one that someone else has claimed is answered only with
    ``confirm_other`` (else ClaimedByOther), and stays theirs. Raise ReplyRefused when the text is empty, too long
    or still holds a canned reply's blank (PLACEHOLDER_MARK).
    """
    text = (text or "").strip()
    if not text:
        raise ReplyRefused("回复内容不能为空")
    if len(text) > MAX_REPLY_CHARS:
        raise ReplyRefused(f"回复最多{MAX_REPLY_CHARS}字，请分成几条发送")
    if PLACEHOLDER_MARK in text:
        raise ReplyRefused(f"回复里还有要填写的地方（“{PLACEHOLDER_MARK}…】”），请换成实际内容后再发送")
    h = get_handoff(db, handoff_id, now)
    if h.state != "resolved" and h.claimed_by != staff:
        try:
            claim(db, handoff_id, staff, now=now)
        except AlreadyClaimed as e:
            if not confirm_other:
                raise ClaimedByOther(e.claimed_by) from None
        except HandoffNotFound:
            raise
        except HandoffError:
            pass  # resolved meanwhile: the reply still goes out, as to any resolved handoff
    outbox_id = sender.queue(h.user_id, text, kind="staff_reply", handoff_id=handoff_id, author=staff)
    return _send(db, sender, handoff_id, outbox_id, now)


def retry(db, sender, handoff_id: int, outbox_id: int, now: dt.datetime | None = None) -> dict:
    """Try again to send a staff reply that failed; return its outbox row."""
    row = _reply_row(db, handoff_id, outbox_id)
    if row["status"] == "sent":
        return row
    if row["status"] in ("cancelled", "expired"):
        raise HandoffError("这条回复已取消或已过期，不会再发送；如仍需要，请重新输入后发送")
    return _send(db, sender, handoff_id, outbox_id, now)


def cancel_reply(db, handoff_id: int, outbox_id: int, staff: str, now: dt.datetime | None = None) -> dict:
    """Stop a queued or failed staff reply from ever being sent; return its row.

    Raise HandoffNotFound for a reply of another handoff, HandoffError when it was sent (or is being sent) already.
    """
    row = _reply_row(db, handoff_id, outbox_id)
    if not cancel(db, outbox_id, staff, now):
        row = _reply_row(db, handoff_id, outbox_id)
        if row["status"] == "cancelled":
            return row
        raise HandoffError({"sent": "这条回复已经发出，无法取消", "sending": "这条回复正在发送，无法取消",
                            "expired": "这条回复已过期，不会再发送"}.get(row["status"], "这条回复无法取消"))
    store.touch(db, handoff_id, iso(now))
    return _reply_row(db, handoff_id, outbox_id)


def _reply_row(db, handoff_id: int, outbox_id: int) -> dict:
    row = store.reply_row(db, handoff_id, outbox_id)
    if row is None:
        raise HandoffNotFound(f"没有这条回复（#{outbox_id}）")
    return row


def _send(db, sender, handoff_id, outbox_id, now) -> dict:
    row = sender.send(outbox_id)
    stamp = iso(now)
    first_reply_at = None
    if row["status"] == "sent" and not get_handoff(db, handoff_id, now).first_reply_at:
        first_reply_at = row["sent_at"] or stamp
    store.touch(db, handoff_id, stamp, first_reply_at=first_reply_at)
    return row


def duration_text(seconds) -> str:
    """A duration in Chinese, coarse enough to read at a glance: 45秒, 12分钟, 3小时5分, 2天4小时."""
    if seconds is None:
        return "—"
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}秒"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes}分钟"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}小时{minutes}分" if minutes else f"{hours}小时"
    days, hours = divmod(hours, 24)
    return f"{days}天{hours}小时" if hours else f"{days}天"
