"""The handoff queue and the handoff page: claim, notes, replies through WeChat, resolve, reopen, "turn into FAQ"."""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from .. import get_db, get_engine, handoffs
from ..delivery import WINDOW_QUOTA, Sender
from ..handoffs import PRIORITIES, PRIORITY_LABELS, STATE_FILTERS, STATE_LABELS
from . import bp
from .urgent import alert_groups

FILTER_LABELS = {"open": "未解决", "pending": "待处理", "claimed": "处理中", "resolved": "已解决", "all": "全部"}
STATUS_LABELS = {"sent": "已送达微信", "failed": "发送失败", "pending": "等待发送", "sending": "正在发送"}


@bp.context_processor
def _labels():
    return {"PRIORITY_LABELS": PRIORITY_LABELS, "STATE_LABELS": STATE_LABELS, "STATUS_LABELS": STATUS_LABELS,
            "FILTER_LABELS": FILTER_LABELS, "queue_counts": handoffs.counts(get_db()),
            "error_text": _error_text}


def _error_text(row) -> str:
    """Why a reply was not delivered, in Chinese (the Sender words WeChat's usual refusals)."""
    text = row.get("last_error") or "未能连接微信服务器"
    return f"{text}（错误码 {row['errcode']}）" if row.get("errcode") else text


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
                  resolve_note: str = "", resolve_error: str = ""):
    db = get_db()
    h = _get(handoff_id)
    quota = _sender().quota(h.user_id)
    return render_template(
        "admin/handoff.html", h=h, entries=handoffs.conversation(db, h), notes=handoffs.notes(db, h.id),
        quota=quota, window_quota=WINDOW_QUOTA, reply_text=reply_text, reply_error=error,
        max_reply=handoffs.MAX_REPLY_CHARS, max_note=handoffs.MAX_NOTE_CHARS, alert_groups=alert_groups(db, h.id),
        resolve_note=resolve_note, resolve_error=resolve_error,
    ), status


@bp.route("/handoffs/<int:handoff_id>")
def handoff(handoff_id):
    """One handoff: transcript, notes, reply box with the remaining quota, claim and resolve."""
    return _handoff_page(handoff_id)


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
        row = handoffs.reply(get_db(), _sender(), handoff_id, g.staff, text)
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
    try:
        handoffs.resolve(get_db(), handoff_id, g.staff, note=note)
    except handoffs.HandoffError as e:
        return _handoff_page(handoff_id, resolve_note=note, resolve_error=str(e), status=409)
    flash(f"#{handoff_id} 已标记为已解决", "ok")
    return redirect(url_for("admin.queue"))


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
                               draft=handoffs.draft_faq(get_db(), handoff_id), categories=get_engine().kb.categories)
    draft = {k: request.form.get(k, "") for k in ("category", "id", "question", "alternates", "answer", "source")}
    engine = get_engine()
    try:
        path = handoffs.save_draft(current_app.config["BOT"].BOT_KNOWLEDGE_DIR, draft, g.staff,
                                   existing_ids=engine.kb.by_id)
    except handoffs.DraftError as e:
        return render_template("admin/faq_draft.html", handoff_id=handoff_id, draft=draft, error=str(e),
                               categories=engine.kb.categories), 409
    flash(f"草稿已保存为 {path.parent.name}/{path.name}，请知识库维护人员审核后移入 knowledge/ 目录。", "ok")
    return redirect(url_for("admin.handoff", handoff_id=handoff_id))
