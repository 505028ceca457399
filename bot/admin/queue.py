"""The handoff queue and the handoff page: claim, notes, replies through WeChat, resolve, reopen, "turn into FAQ"."""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for

from .. import get_db, get_engine
from ..service import handoffs
from ..clock import local
from ..wechat.outbox import WINDOW_QUOTA, Sender
from ..errors import KnowledgeError
from ..service.handoffs import (
    CATEGORY_FILTERS, CATEGORY_LABELS, PRIORITIES, PRIORITY_LABELS, STAFF_LABELS, STATE_FILTERS, STATE_LABELS, WHO_FILTERS,
)
from ..kb.loader import CANNED_REPLIES_FILE, parse_canned_replies
from ..service import faq_drafts
from . import bp
from .urgent import alert_groups

FILTER_LABELS = {"open": "未解决", "pending": "待处理", "claimed": "处理中", "resolved": "已解决", "all": "全部"}
WHO_LABELS = {"": "所有人", "mine": "我的", "unclaimed": "未认领"}
# The queue's filters as they appear in its address, with the value that is left out of it.
QUEUE_ARGS = {"state": "open", "priority": "", "who": "", "q": "", "select": "", "category": ""}
CATEGORY_FILTER_LABELS = {"": "全部类别", "flagged": "投诉和舆情", "complaint": "投诉", "opinion": "舆情风险"}
STATUS_LABELS = {"sent": "已送达微信", "failed": "发送失败", "pending": "等待发送", "sending": "正在发送",
                 "cancelled": "已取消", "expired": "已过期"}
# How often an open handoff page asks for new messages and who else is looking at it.
HANDOFF_POLL_SECONDS = 5
# SQLite's integers end here; a larger "after" from a tampered URL would overflow.
MAX_ID = 2 ** 63 - 1


@bp.context_processor
def _labels():
    return {"PRIORITY_LABELS": PRIORITY_LABELS, "STATE_LABELS": STATE_LABELS, "STATUS_LABELS": STATUS_LABELS,
            "CATEGORY_LABELS": CATEGORY_LABELS,
            "FILTER_LABELS": FILTER_LABELS, "queue_counts": handoffs.counts(get_db()),
            "error_text": _error_text, "status_text": _status_text}


def _error_text(row) -> str:
    """Why a reply was not delivered, in Chinese (the Sender words WeChat's usual refusals)."""
    text = row.get("last_error") or "未能连接微信服务器"
    return f"{text}（错误码 {row['errcode']}）" if row.get("errcode") else text


def _status_text(entry) -> str:
    """A reply's delivery status in Chinese; a cancelled one says by whom, an expired one that it was never sent."""
    status = entry.get("status")
    if status == "cancelled":
        who = entry.get("cancelled_by") or "—"
        return f"已取消（{who} {local(entry.get('cancelled_at'), '%m-%d %H:%M')}）"
    if status == "expired":
        hours = current_app.config["BOT"].QUEUED_REPLY_EXPIRY_HOURS
        return f"已过期（{hours:g}小时内未能发出，不再发送）"
    return STATUS_LABELS.get(status, status or "")


def _presence(h, others: list) -> str:
    """Who else is on this handoff: the one who claimed it and anyone else with the page open."""
    parts = []
    if h.state != "resolved" and h.claimed_by and h.claimed_by != g.staff:
        parts.append(f"此记录由 {h.claimed_by} 处理中")
    if others:
        parts.append(f"{'、'.join(others)} 也在查看此记录")
    return "；".join(parts)


def _sender():
    return Sender(get_db(), current_app.config["BOT"])


def _get(handoff_id: int):
    try:
        return handoffs.get_handoff(get_db(), handoff_id)
    except handoffs.HandoffNotFound:
        abort(404)


@bp.route("/")
def index():
    """The queue is the home page."""
    return redirect(url_for("admin.queue"))


def _queue_filters(source=None) -> dict:
    """The queue's filters from the address (or the posted form), unknown values replaced by the defaults."""
    source = request.args if source is None else source
    f = {name: source.get(name, default) for name, default in QUEUE_ARGS.items()}
    if f["state"] not in STATE_FILTERS:
        f["state"] = "open"
    if f["priority"] not in PRIORITIES:
        f["priority"] = ""
    if f["who"] not in WHO_FILTERS:
        f["who"] = ""
    if f["category"] not in CATEGORY_FILTERS:
        f["category"] = ""
    f["q"] = handoffs.search_text(f["q"])
    f["select"] = "1" if f["select"] == "1" else ""
    return f


def _queue_url(filters: dict, **changes) -> str:
    """The queue's address with ``filters`` changed by ``changes``; defaults are left out, so the address stays short."""
    merged = {**filters, **changes}
    return url_for("admin.queue", **{k: v for k, v in merged.items() if k in QUEUE_ARGS and v != QUEUE_ARGS[k]})


@bp.route("/handoffs")
def queue():
    """Handoffs awaiting a reply first, by urgency then waiting time; filter by state, priority, claim and text.

    The filters combine and live in the address (``?state=&priority=&who=mine|unclaimed&q=&category=complaint|
    opinion|flagged``); ``select=1`` shows
    the checkboxes and the form for closing off-topic handoffs in bulk (and the page then stops refreshing itself,
    which would clear the ticks).
    """
    return _queue_page(_queue_filters())


def _queue_page(f: dict, ticked=(), reason: str = "", error: str = "", status: int = 200):
    rows = handoffs.list_handoffs(get_db(), state=f["state"], priority=f["priority"] or None, who=f["who"],
                                  staff=g.staff, search=f["q"], category=f["category"])
    return render_template("admin/queue.html", rows=rows, state=f["state"], priority=f["priority"],
                           priorities=PRIORITIES, filters=STATE_FILTERS, f=f, who_filters=WHO_FILTERS,
                           WHO_LABELS=WHO_LABELS, queue_url=lambda **changes: _queue_url(f, **changes),
                           max_search=handoffs.MAX_SEARCH_CHARS, max_note=handoffs.MAX_NOTE_CHARS,
                           filtered=bool(f["priority"] or f["who"] or f["q"] or f["category"]), ticked=set(ticked),
                           category_filters=CATEGORY_FILTERS, CATEGORY_FILTER_LABELS=CATEGORY_FILTER_LABELS,
                           bulk_reason=reason, bulk_error=error), status


@bp.route("/handoffs/close", methods=["POST"])
def bulk_close():
    """Close the ticked off-topic handoffs with one reason; urgent ones stay open (each needs its own note)."""
    filters = _queue_filters(request.form)
    ids = [min(int(v), MAX_ID) for v in request.form.getlist("ids") if v.isascii() and v.isdigit()]
    reason = request.form.get("reason", "")
    try:
        done = handoffs.close_off_topic(get_db(), ids, g.staff, reason)
    except handoffs.HandoffError as e:
        # The page comes back as it was: the same rows ticked, the reason as typed.
        return _queue_page({**filters, "select": "1"}, ticked=ids, reason=reason, error=f"没有关闭：{e}", status=409)
    parts = [f"已关闭 {len(done.closed)} 条" + (f"（{'、'.join(f'#{i}' for i in done.closed)}）" if done.closed else "")]
    if done.cancelled_replies:
        parts.append(f"取消了 {done.cancelled_replies} 条未发出的回复")
    if done.urgent:
        parts.append(f"紧急求助 {'、'.join(f'#{i}' for i in done.urgent)} 没有关闭：请打开逐条填写处置情况")
    if done.already_resolved:
        parts.append(f"{'、'.join(f'#{i}' for i in done.already_resolved)} 已经解决")
    flash("；".join(parts), "ok" if done.closed else "error")
    return redirect(_queue_url(filters, select="" if done.closed else "1"))


def _handoff_page(handoff_id: int, reply_text: str = "", error: str = "", status: int = 200,
                  resolve_note: str = "", resolve_error: str = "", confirm_other: str = ""):
    db = get_db()
    h = _get(handoff_id)
    handoffs.mark_viewing(db, h.id, g.staff)
    quota = _sender().quota(h.user_id)
    after_message, after_reply = handoffs.last_ids(db, h.user_id)
    canned, canned_broken = _canned_replies()
    return render_template(
        "admin/handoff.html", h=h, entries=handoffs.conversation(db, h), notes=handoffs.notes(db, h.id),
        quota=quota, window_quota=WINDOW_QUOTA, reply_text=reply_text, reply_error=error,
        max_reply=handoffs.MAX_REPLY_CHARS, max_note=handoffs.MAX_NOTE_CHARS, alert_groups=alert_groups(db, h.id),
        resolve_note=resolve_note, resolve_error=resolve_error, unsent=handoffs.unsent_replies(db, h.id),
        expiry_hours=current_app.config["BOT"].QUEUED_REPLY_EXPIRY_HOURS,
        presence=_presence(h, handoffs.viewers(db, h.id, exclude=g.staff)), confirm_other=confirm_other,
        claimed_by_other=h.state != "resolved" and bool(h.claimed_by) and h.claimed_by != g.staff,
        after_message=after_message, after_reply=after_reply, poll_seconds=HANDOFF_POLL_SECONDS,
        canned=canned, canned_broken=canned_broken, staff_labels=STAFF_LABELS,
    ), status


def _canned_replies() -> tuple:
    """The canned replies of the knowledge base served and whether its file has errors (those entries are left out)."""
    errors = []
    try:
        # The knowledge base being served: the folder, or the published version (bot/kb/live.py).
        served = current_app.extensions["knowledge"].served_directory
        replies = parse_canned_replies(Path(served) / CANNED_REPLIES_FILE, errors)
    except KnowledgeError:
        return [], True
    return replies, bool(errors)


@bp.route("/handoffs/<int:handoff_id>")
def handoff(handoff_id):
    """One handoff: transcript, notes, reply box with the remaining quota, claim and resolve."""
    return _handoff_page(handoff_id)


def _id_arg(name: str) -> int:
    """A non-negative id from the query string; 0 when missing or malformed."""
    value = request.args.get(name, "")
    return min(int(value), MAX_ID) if value.isascii() and value.isdigit() else 0


def _id_list_arg(name: str) -> list:
    """Comma-separated ids from the query string; what is not an id is left out."""
    return [min(int(v), MAX_ID) for v in request.args.get(name, "").split(",") if v.isascii() and v.isdigit()]


@bp.route("/handoffs/<int:handoff_id>/updates")
def updates(handoff_id):
    """What the open handoff page has not shown yet, polled by static/handoff.js; also marks the caller as viewing.

    ``?after=`` the last message log id shown, ``&replies_after=`` the last outbox id shown, ``&unsettled=`` the
    outbox ids of replies shown as waiting or being sent. Answers ``{"entries": [...], "statuses": [...], "after",
    "replies_after", "presence", "claimed_by", "state"}``; each entry has ``who`` (user, bot, staff), ``label``,
    ``time`` (Beijing), ``text`` and, for a staff reply, ``outbox_id``, ``status`` and ``status_text``; each of
    ``statuses`` is an unsettled reply's ``outbox_id``, ``status`` and ``status_text`` now.
    """
    db = get_db()
    h = _get(handoff_id)
    handoffs.mark_viewing(db, h.id, g.staff)
    after, replies_after = _id_arg("after"), _id_arg("replies_after")
    entries = handoffs.updates(db, h, after, replies_after)
    for e in entries:
        after = max(after, e.get("message_id") or 0)
        replies_after = max(replies_after, e.get("outbox_id") or 0)
    labels = {"user": "用户", "bot": "机器人"}
    return jsonify({
        "entries": [{
            "who": e["who"], "label": labels.get(e["who"]) or f"客服 {e.get('author') or ''}".strip(),
            "time": local(e["at"], "%m-%d %H:%M"), "text": e["text"],
            "outbox_id": e.get("outbox_id") if e["who"] == "staff" else None,
            "status": e.get("status") if e["who"] == "staff" else None,
            "status_text": _status_text(e) if e["who"] == "staff" else None,
        } for e in entries],
        "statuses": [{"outbox_id": e["outbox_id"], "status": e["status"], "status_text": _status_text(e)}
                     for e in handoffs.reply_statuses(db, h, _id_list_arg("unsettled"))],
        "after": after, "replies_after": replies_after,
        "presence": _presence(h, handoffs.viewers(db, h.id, exclude=g.staff)),
        "claimed_by": h.claimed_by, "state": h.state, "state_label": STATE_LABELS.get(h.state, h.state),
    })


@bp.route("/handoffs/<int:handoff_id>/claim", methods=["POST"])
def claim(handoff_id):
    """Claim (or, with take_over, take over) a handoff."""
    _get(handoff_id)
    try:
        handoffs.claim(get_db(), handoff_id, g.staff, take_over=bool(request.form.get("take_over")))
        flash("已认领，由您处理", "ok")
    except handoffs.HandoffError as e:
        flash(str(e), "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))


@bp.route("/handoffs/<int:handoff_id>/note", methods=["POST"])
def note(handoff_id):
    """Add an internal note."""
    _get(handoff_id)
    try:
        handoffs.add_note(get_db(), handoff_id, g.staff, request.form.get("text", ""))
        flash("备注已保存", "ok")
    except handoffs.HandoffError as e:
        flash(str(e), "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id) + "#notes")


@bp.route("/handoffs/<int:handoff_id>/reply", methods=["POST"])
def reply(handoff_id):
    """Send a reply to the user through WeChat; a refused reply comes back in the box, a failed one can be retried."""
    _get(handoff_id)
    text = request.form.get("text", "")
    try:
        row = handoffs.reply(get_db(), _sender(), handoff_id, g.staff, text,
                             confirm_other=request.form.get("confirm_other") == "1")
    except handoffs.ClaimedByOther as e:
        return _handoff_page(handoff_id, reply_text=text, error=str(e), confirm_other=e.claimed_by, status=409)
    except handoffs.ReplyRefused as e:
        return _handoff_page(handoff_id, reply_text=text, error=str(e), status=409)
    if row["status"] == "sent":
        flash("回复已通过微信发送给用户", "ok")
    else:
        flash(f"回复未能送达：{_error_text(row)}。内容已保存，可在下方点“重新发送”。", "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id) + "#reply")


@bp.route("/handoffs/<int:handoff_id>/retry/<int:outbox_id>", methods=["POST"])
def retry(handoff_id, outbox_id):
    """Send a failed reply again."""
    _get(handoff_id)
    try:
        row = handoffs.retry(get_db(), _sender(), handoff_id, outbox_id)
    except handoffs.HandoffNotFound:
        abort(404)
    except handoffs.HandoffError as e:
        flash(str(e), "error")
        return redirect(url_for("admin.handoff", handoff_id=handoff_id) + "#reply")
    if row["status"] == "sent":
        flash("重新发送成功", "ok")
    else:
        flash(f"仍未送达：{_error_text(row)}", "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id) + "#reply")


@bp.route("/handoffs/<int:handoff_id>/resolve", methods=["POST"])
def resolve(handoff_id):
    """Mark a handoff resolved; an urgent one only with a note on how it was handled (else the form comes back)."""
    _get(handoff_id)
    note = request.form.get("note", "")
    unsent = request.form.get("unsent") or None
    try:
        h = handoffs.resolve(get_db(), handoff_id, g.staff, note=note,
                             unsent=unsent if unsent in handoffs.UNSENT_CHOICES else None)
    except handoffs.HandoffError as e:
        return _handoff_page(handoff_id, resolve_note=note, resolve_error=str(e), status=409)
    kept = len(handoffs.unsent_replies(get_db(), h.id)) if unsent == "keep" else 0
    flash(f"#{handoff_id} 已标记为已解决" + (f"；{kept} 条未发出的回复会继续发送" if kept else ""), "ok")
    return redirect(url_for("admin.queue"))


@bp.route("/handoffs/<int:handoff_id>/cancel/<int:outbox_id>", methods=["POST"])
def cancel_reply(handoff_id, outbox_id):
    """Cancel a reply that has not gone out yet: it will never be sent."""
    _get(handoff_id)
    try:
        handoffs.cancel_reply(get_db(), handoff_id, outbox_id, g.staff)
        flash("已取消这条回复，不会再发送给用户", "ok")
    except handoffs.HandoffNotFound:
        abort(404)
    except handoffs.HandoffError as e:
        flash(str(e), "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id) + "#reply")


@bp.route("/handoffs/<int:handoff_id>/classify", methods=["POST"])
def classify(handoff_id):
    """Staff's own word on what the handoff is: a complaint, a public-opinion risk, or not a complaint (kept, beside
    what the bot recognised, for measuring the recogniser)."""
    _get(handoff_id)
    label = request.form.get("label", "")
    try:
        h = handoffs.reclassify(get_db(), handoff_id, g.staff, label)
        flash(f"#{handoff_id} 已标记为“{CATEGORY_LABELS[h.staff_label]}”", "ok")
    except handoffs.HandoffError as e:
        flash(str(e), "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))


@bp.route("/handoffs/<int:handoff_id>/reopen", methods=["POST"])
def reopen(handoff_id):
    """Put a resolved handoff back in the queue (pending, unclaimed)."""
    _get(handoff_id)
    try:
        handoffs.reopen(get_db(), handoff_id, g.staff, note=request.form.get("note", ""))
        flash(f"#{handoff_id} 已重新打开，回到待处理", "ok")
    except handoffs.HandoffError as e:
        flash(str(e), "error")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))


@bp.route("/handoffs/<int:handoff_id>/faq", methods=["GET", "POST"])
def to_faq(handoff_id):
    """"Turn into FAQ": the user's messages (which is the question, which are other phrasings) and the delivered
    replies (which make the answer) to choose from, and the fields they fill; saving writes a draft file under
    knowledge/drafts/ for review.

    The choices are a GET form of their own (``?question_from=m12&alternate_from=m10&answer_from=r3``): static JS
    fills the fields as they change, a browser without script asks the page again with them.
    """
    _get(handoff_id)
    db, engine = get_db(), get_engine()
    sources = faq_drafts.draft_sources(db, handoff_id)
    page = {"handoff_id": handoff_id, "sources": sources, "categories": engine.kb.categories,
            "max_id": faq_drafts.MAX_DRAFT_ID_CHARS}
    if request.method == "GET":
        args = request.args
        draft = faq_drafts.draft_faq(
            db, handoff_id, question=args.get("question_from"), alternates=args.getlist("alternate_from"),
            answer=args.getlist("answer_from") if "chosen" in args else None, sources=sources)
        return render_template("admin/faq_draft.html", draft=draft, choice=draft, **page)
    draft = {k: request.form.get(k, "") for k in ("category", "id", "question", "alternates", "answer", "source")}
    try:
        path = faq_drafts.save_draft(current_app.config["BOT"].BOT_KNOWLEDGE_DIR, draft, g.staff,
                                   existing_ids=engine.kb.by_id)
    except faq_drafts.DraftError as e:
        # The form comes back as it was typed: 409 for what the staff member can fix, 503 when the disk cannot.
        status = 503 if isinstance(e, faq_drafts.DraftNotWritten) else 409
        choice = faq_drafts.draft_faq(db, handoff_id, sources=sources)
        return render_template("admin/faq_draft.html", draft=draft, choice=choice, error=str(e), **page), status
    flash(f"草稿已保存为 {path.parent.name}/{path.name}，请知识库维护人员审核后移入 knowledge/ 目录。", "ok")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))
