"""The handoff queue and the handoff page: claim, notes, replies through WeChat, resolve, reopen, "turn into FAQ"."""
from __future__ import annotations

from flask import abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for

from .. import get_db, get_engine, handoffs
from ..db import local
from ..delivery import WINDOW_QUOTA, Sender
from ..handoffs import PRIORITIES, PRIORITY_LABELS, STATE_FILTERS, STATE_LABELS
from . import bp
from .urgent import alert_groups

FILTER_LABELS = {"open": "未解决", "pending": "待处理", "claimed": "处理中", "resolved": "已解决", "all": "全部"}
STATUS_LABELS = {"sent": "已送达微信", "failed": "发送失败", "pending": "等待发送", "sending": "正在发送",
                 "cancelled": "已取消", "expired": "已过期"}
# How often an open handoff page asks for new messages and who else is looking at it.
HANDOFF_POLL_SECONDS = 5
# SQLite's integers end here; a larger "after" from a tampered URL would overflow.
MAX_ID = 2 ** 63 - 1


@bp.context_processor
def _labels():
    return {"PRIORITY_LABELS": PRIORITY_LABELS, "STATE_LABELS": STATE_LABELS, "STATUS_LABELS": STATUS_LABELS,
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


@bp.route("/handoffs")
def queue():
    """Handoffs awaiting a reply first, by urgency then waiting time; filter by state and priority."""
    state = request.args.get("state", "open")
    priority = request.args.get("priority", "")
    if state not in STATE_FILTERS:
        state = "open"
    if priority not in PRIORITIES:
        priority = ""
    rows = handoffs.list_handoffs(get_db(), state=state, priority=priority or None)
    return render_template("admin/queue.html", rows=rows, state=state, priority=priority, priorities=PRIORITIES,
                           filters=STATE_FILTERS)


def _handoff_page(handoff_id: int, reply_text: str = "", error: str = "", status: int = 200,
                  resolve_note: str = "", resolve_error: str = "", confirm_other: str = ""):
    db = get_db()
    h = _get(handoff_id)
    handoffs.mark_viewing(db, h.id, g.staff)
    quota = _sender().quota(h.user_id)
    after_message, after_reply = handoffs.last_ids(db, h.user_id)
    return render_template(
        "admin/handoff.html", h=h, entries=handoffs.conversation(db, h), notes=handoffs.notes(db, h.id),
        quota=quota, window_quota=WINDOW_QUOTA, reply_text=reply_text, reply_error=error,
        max_reply=handoffs.MAX_REPLY_CHARS, max_note=handoffs.MAX_NOTE_CHARS, alert_groups=alert_groups(db, h.id),
        resolve_note=resolve_note, resolve_error=resolve_error, unsent=handoffs.unsent_replies(db, h.id),
        expiry_hours=current_app.config["BOT"].QUEUED_REPLY_EXPIRY_HOURS,
        presence=_presence(h, handoffs.viewers(db, h.id, exclude=g.staff)), confirm_other=confirm_other,
        claimed_by_other=h.state != "resolved" and bool(h.claimed_by) and h.claimed_by != g.staff,
        after_message=after_message, after_reply=after_reply, poll_seconds=HANDOFF_POLL_SECONDS,
    ), status


@bp.route("/handoffs/<int:handoff_id>")
def handoff(handoff_id):
    """One handoff: transcript, notes, reply box with the remaining quota, claim and resolve."""
    return _handoff_page(handoff_id)


def _id_arg(name: str) -> int:
    """A non-negative id from the query string; 0 when missing or malformed."""
    value = request.args.get(name, "")
    return min(int(value), MAX_ID) if value.isascii() and value.isdigit() else 0


@bp.route("/handoffs/<int:handoff_id>/updates")
def updates(handoff_id):
    """What the open handoff page has not shown yet, polled by static/handoff.js; also marks the caller as viewing.

    ``?after=`` the last message log id shown, ``&replies_after=`` the last outbox id shown. Answers
    ``{"entries": [...], "after", "replies_after", "presence", "claimed_by", "state"}``; each entry has
    ``who`` (user, bot, staff), ``label``, ``time`` (Beijing), ``text`` and, for a staff reply, ``status``.
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
            "status": e.get("status") if e["who"] == "staff" else None,
            "status_text": _status_text(e) if e["who"] == "staff" else None,
        } for e in entries],
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
    """"Turn into FAQ": a prefilled form that saves a draft file under knowledge/drafts/ for review."""
    _get(handoff_id)
    if request.method == "GET":
        return render_template("admin/faq_draft.html", handoff_id=handoff_id,
                               draft=handoffs.draft_faq(get_db(), handoff_id), categories=get_engine().kb.categories,
                               max_id=handoffs.MAX_DRAFT_ID_CHARS)
    draft = {k: request.form.get(k, "") for k in ("category", "id", "question", "alternates", "answer", "source")}
    engine = get_engine()
    try:
        path = handoffs.save_draft(current_app.config["BOT"].BOT_KNOWLEDGE_DIR, draft, g.staff,
                                   existing_ids=engine.kb.by_id)
    except handoffs.DraftError as e:
        # The form comes back as it was typed: 409 for what the staff member can fix, 503 when the disk cannot.
        status = 503 if isinstance(e, handoffs.DraftNotWritten) else 409
        return render_template("admin/faq_draft.html", handoff_id=handoff_id, draft=draft, error=str(e),
                               categories=engine.kb.categories, max_id=handoffs.MAX_DRAFT_ID_CHARS), status
    flash(f"草稿已保存为 {path.parent.name}/{path.name}，请知识库维护人员审核后移入 knowledge/ 目录。", "ok")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))
