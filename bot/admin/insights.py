"""What people ask: the dashboard, the conversation-log search and the "try a question" box."""
from __future__ import annotations

import datetime as dt
import json

from flask import render_template, request, url_for

from .. import get_db, get_engine
from ..service import stats
from ..matching import MAX_TEXT_CHARS
from ..service.handoffs import duration_text
from . import bp
from .charts import bar_list, column_chart, share_bar

DASHBOARD_DAYS = (7, 14, 30, 90)
PAGE_SIZE = 50
# The dashboard lists this many FAQs by helpfulness, least helpful first.
HELPFULNESS_ROWS = 15
# Dates outside these are taken as these (a date input allows 0001 to 9999; the log has nothing that far out).
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
# The try box reads a question from a POSTed form (a URL holds too little), cut to this many characters.
MAX_TRY_CHARS = 5000


@bp.route("/dashboard")
def dashboard():
    """Messages per day, outcome shares, handoff times, top FAQs, top unanswered (or unhelpful) questions,
    helpfulness per FAQ and unverified FAQs."""
    days = request.args.get("days", type=int)
    days = days if days in DASHBOARD_DAYS else 14
    engine = get_engine()
    figures = stats.dashboard(get_db(), engine, days=days)
    shares = figures["shares"]
    share_parts = [(stats.SHARE_LABELS[k], shares[k], f"s-{k}") for k in stats.SHARES]
    top = [(_faq_label(engine, faq_id), n, url_for("admin.log", faq=faq_id)) for faq_id, n in figures["top_faqs"]]
    charts = {
        "per_day": column_chart([(d.strftime("%m-%d"), n) for d, n in figures["per_day"]], "每日消息数"),
        "shares": share_bar(share_parts, "处理结果占比"),
        "top_faqs": bar_list(top, "最常回答的问题") if top else None,
        # Drawn only when there is something to draw: most periods have no complaint at all.
        "complaints": column_chart([(d.strftime("%m-%d"), c + o) for d, c, o in figures["complaints"]],
                                   "每日投诉与舆情风险") if any(c or o for _, c, o in figures["complaints"]) else None,
    }
    times = figures["times"]
    return render_template(
        "admin/dashboard.html", f=figures, charts=charts, share_parts=share_parts, days=days,
        day_options=DASHBOARD_DAYS, total_messages=sum(n for _, n in figures["per_day"]),
        waiting=duration_text(times["waiting_median"]), first_reply=duration_text(times["first_reply_median"]),
        faq_questions={faq_id: _faq_label(engine, faq_id) for faq_id in _faqs_named(figures)},
        helpfulness=figures["helpfulness"]["per_faq"][:HELPFULNESS_ROWS],
        unverified=engine.kb.unverified,
    )


def _faqs_named(figures: dict) -> set:
    """The FAQs the unanswered list and the helpfulness table name."""
    named = {g.get(k) for g in figures["unanswered"] for k in ("faq_id", "unhelpful_faq")}
    named |= {r["faq_id"] for r in figures["helpfulness"]["per_faq"][:HELPFULNESS_ROWS]}
    return named - {None}


def _faq_label(engine, faq_id: str) -> str:
    faq = engine.kb.by_id.get(faq_id)
    return faq.question if faq else f"{faq_id}（已不在知识库）"


def _date_arg(name: str, source=None):
    """A date from the query string (or ``source``), kept within FIRST_DAY..LAST_DAY; None when missing or bad."""
    try:
        day = dt.date.fromisoformat((source if source is not None else request.args).get(name, "").strip())
    except ValueError:
        return None
    return min(max(day, FIRST_DAY), LAST_DAY)


@bp.route("/log")
def log():
    """Search the conversation log by user, text, FAQ, outcome and date."""
    q = {k: request.args.get(k, "").strip() for k in ("user", "text", "faq", "action")}
    date_from, date_to = _date_arg("from"), _date_arg("to")
    page = request.args.get("page", 1, type=int)
    search = dict(q, date_from=date_from, date_to=date_to, limit=PAGE_SIZE)
    rows, total = stats.search_log(get_db(), **search, offset=(_page_in_range(page, None) - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    if page != _page_in_range(page, pages):  # past the last page (or before the first): show the nearest one
        page = _page_in_range(page, pages)
        rows, total = stats.search_log(get_db(), **search, offset=(page - 1) * PAGE_SIZE)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/log.html", rows=rows, total=total, q=q, date_from=date_from, date_to=date_to,
                           page=page, pages=pages, args=args, actions=stats.ACTION_LABELS,
                           what=stats.message_label)


def _page_in_range(page: int, pages: int | None) -> int:
    """``page`` within 1..``pages`` (within what an SQLite offset can hold when the count is not known yet)."""
    return min(max(page, 1), pages or (2 ** 62) // PAGE_SIZE)


@bp.route("/try", methods=["GET", "POST"])
def try_question():
    """Type a question and see how the live knowledge base handles it: analysis, candidates, decision.

    The form posts (a long question does not fit in a URL); ``?q=`` still works for links.
    """
    source = request.form if request.method == "POST" else request.args
    question = source.get("q", "").strip()[:MAX_TRY_CHARS]
    day = _date_arg("day", source) or stats.today_local()
    result = None
    if question:
        engine = get_engine()
        decision = engine.decide(question, day)
        result = {"decision": decision, "analysis": engine.analyse(question),
                  "candidates": engine.rank(question, day)[:8],
                  "json": json.dumps(decision.debug(), ensure_ascii=False, indent=2)}
    return render_template("admin/try.html", question=question, day=day, result=result,
                           actions=stats.ACTION_LABELS, reasons=stats.REASON_LABELS, parts=stats.SCORE_PART_LABELS,
                           max_chars=MAX_TRY_CHARS, reads_chars=MAX_TEXT_CHARS)
