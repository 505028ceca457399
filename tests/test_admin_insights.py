"""What people ask: dashboard figures and charts, the conversation-log search and the "try a question" box."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from admin_support import add_handoff, add_message, add_reply, ago, app, db, staff_client  # noqa: F401
from bot.service import stats
from bot.admin.charts import bar_list, column_chart, share_bar
from bot.clock import LOCAL_TZ, iso, utcnow


def at_local(day: dt.date, hour: int, minute: int = 0) -> str:
    """A stored timestamp for a Shanghai wall-clock time."""
    return iso(dt.datetime.combine(day, dt.time(hour, minute), LOCAL_TZ))


@pytest.fixture
def today():
    return stats.today_local()


@pytest.fixture
def log(db, today):
    """A week of traffic: answers, a clarification, handoffs (some alike), distress, smalltalk and an event."""
    yesterday = today - dt.timedelta(days=1)
    add_message(db, "oA", "船员证书丢了", at=at_local(today, 0, 30), faq_id="cert-lost", reply="补发…")
    add_message(db, "oB", "证书遗失怎么补", at=at_local(today, 0, 10), faq_id="cert-lost", reply="补发…")
    add_message(db, "oC", "证书到期", at=at_local(yesterday, 23, 50), faq_id="cert-renew", reply="再有效…")
    add_message(db, "oD", "证书", at=at_local(yesterday, 9), action="clarify", faq_id="cert-lost")
    add_message(db, "oE", "游艇驾驶证怎么考", at=at_local(yesterday, 10), action="handoff")
    add_message(db, "oF", "游艇驾驶证怎么考试", at=at_local(yesterday, 11), action="handoff")
    add_message(db, "oG", "游艇驾驶证考试", at=at_local(yesterday, 12), action="handoff")
    add_message(db, "oH", "海事局几点下班", at=at_local(yesterday, 13), action="handoff")
    add_message(db, "oI", "人工", at=at_local(yesterday, 14), action="handoff")
    add_message(db, "oJ", "有人落水了", at=at_local(today - dt.timedelta(days=3), 8), action="emergency")
    add_message(db, "oK", "你好", at=at_local(today - dt.timedelta(days=3), 9), action="smalltalk")
    add_message(db, "oL", "", at=at_local(today, 0, 5), action="welcome", msg_type="event")
    add_message(db, "oM", "很久以前的问题", at=at_local(today - dt.timedelta(days=40), 9), action="handoff")
    return db


def test_messages_per_day_uses_shanghai_days_and_leaves_out_events(log, today):
    per_day = dict(stats.messages_per_day(log, today - dt.timedelta(days=6), today))
    assert len(per_day) == 7
    # 00:10 and 00:30 Shanghai time are still "today" though they fall on the previous UTC day.
    assert per_day[today] == 2
    assert per_day[today - dt.timedelta(days=1)] == 7
    assert per_day[today - dt.timedelta(days=3)] == 2
    assert per_day[today - dt.timedelta(days=2)] == 0


def test_shares_and_top_faqs(log, today):
    since = stats.day_start(today - dt.timedelta(days=13))
    shares = stats.action_shares(log, since)
    assert shares == {"answer": 3, "clarify": 1, "handoff": 5, "emergency": 1, "other": 1, "total": 11}
    assert stats.top_faqs(log, since) == [("cert-lost", 2), ("cert-renew", 1)]


def test_unanswered_questions_are_grouped(app, log, today):
    engine = app.extensions["knowledge"].engine()
    groups = stats.top_unanswered(log, engine, stats.day_start(today - dt.timedelta(days=13)))
    assert groups[0]["count"] == 3 and groups[0]["text"].startswith("游艇驾驶证")
    assert len(groups[0]["examples"]) == 2
    assert [g["text"] for g in groups[1:]] == ["海事局几点下班"]


def test_unanswered_questions_close_to_one_faq_form_one_group_as_in_kb_suggest(app, db):
    """Wordings far apart as strings but close to the same FAQ are one group, named as ``kb suggest`` names it."""
    engine = app.extensions["knowledge"].engine()
    for user, text in (("oA", "船员证书丢了去哪里补"), ("oB", "证书不见了 补办要交什么"), ("oC", "船员证书丢了去哪里补"),
                       ("oD", "长江禁渔期到什么时候")):
        add_message(db, user, text, at=ago(minutes=10), action="handoff")
    groups = stats.top_unanswered(db, engine, ago(days=1))
    assert groups[0] == {"text": "船员证书丢了去哪里补", "count": 3, "examples": ["证书不见了 补办要交什么"],
                         "faq_id": "cert-lost"}
    assert groups[1]["text"] == "长江禁渔期到什么时候" and groups[1]["faq_id"] is None


def test_follow_ups_and_bare_requests_for_a_person_are_not_unanswered_questions(app, db):
    engine = app.extensions["knowledge"].engine()
    add_handoff(db, "oA", "船在锚地被扣押了怎么办，我要找人工客服", asked=ago(minutes=30), messages=[
        (ago(minutes=30), "船在锚地被扣押了怎么办，我要找人工客服", "已转人工"),
        (ago(minutes=20), "好的，那要带身份证吗", "已补充给人工客服"),
    ])
    for text in ("人工", "我要找人工客服", "请帮我转人工，谢谢"):
        add_handoff(db, f"o{text}", text)
    groups = stats.top_unanswered(db, engine, ago(days=1))
    assert [g["text"] for g in groups] == ["船在锚地被扣押了怎么办，我要找人工客服"]


def test_handoff_times_are_medians(db):
    now = utcnow()
    for created, claimed, replied in ((60, 10, 20), (120, 30, 90), (30, None, None), (200, 100, None)):
        db["handoffs"].insert({
            "user_id": f"o{created}", "question": "q", "priority": "normal", "state": "claimed",
            "created_at": iso(now - dt.timedelta(minutes=created)), "updated_at": iso(now),
            "claimed_at": iso(now - dt.timedelta(minutes=created - claimed)) if claimed else None,
            "first_reply_at": iso(now - dt.timedelta(minutes=created - replied)) if replied else None,
        })
    times = stats.handoff_times(db, iso(now - dt.timedelta(days=1)))
    assert times["waiting_median"] == 30 * 60
    assert times["first_reply_median"] == 55 * 60
    assert (times["picked_up"], times["replied"]) == (3, 2)
    # A reply delivered later by the outbox's automatic retry counts too.
    add_reply(db, 4, "o", "自动重发成功", at=iso(now - dt.timedelta(minutes=40)))
    times = stats.handoff_times(db, iso(now - dt.timedelta(days=1)))
    assert times["first_reply_median"] == 90 * 60 and times["replied"] == 3


def test_dashboard_page_shows_figures_and_charts(staff_client, log):
    add_handoff(log, "oE", "游艇驾驶证怎么考", asked=ago(minutes=5))
    page = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert page.count("<svg") == 3
    assert 'aria-label="每日消息数"' in page and 'aria-label="处理结果占比"' in page
    assert "海船船员适任证书到期了怎么再有效" in page and "船员证书丢失了怎么补办" in page
    assert "游艇驾驶证" in page and "相近说法" in page
    add_message(log, "oP", "船员证书丢了去哪里补", at=ago(minutes=3), action="handoff")
    page = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert "可加为“船员证书丢失了怎么补办”的问法" in page
    assert "直接回答" in page and "遇险求助" in page
    # Charts are server-rendered SVG: the only scripts are the ones every staff page loads (forms, urgent alerts).
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/admin/static/forms.js" defer>',
                                                  '<script src="/admin/static/urgent.js" defer>']
    assert "最近30天" in staff_client.get("/admin/dashboard?days=30").get_data(as_text=True)


def test_dashboard_with_no_traffic(staff_client):
    page = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert "还没有直接回答的问题" in page and "没有未能回答的问题" in page and "—" in page


def test_charts_are_plain_svg_with_escaped_labels():
    svg = column_chart([("11-01", 3), ("11-02", 0), ("11-03", 12)], "每日")
    assert svg.startswith("<svg") and svg.count('class="bar"') == 3 and "<title>11-03：12</title>" in svg
    svg = share_bar([("回答", 3, "s-answer"), ("转人工", 1, "s-handoff"), ("遇险", 0, "s-emergency")], "占比")
    assert "75%" in svg and "25%" in svg and "遇险" not in svg.split("</title>", 1)[1]
    svg = bar_list([("<b>问题</b>", 2, None), ("船员证书丢失了怎么补办", 1, "/admin/log?faq=a&b")], "top")
    assert "&lt;b&gt;问题&lt;/b&gt;" in svg and "<b>" not in svg
    assert '<a href="/admin/log?faq=a&amp;b">' in svg and svg.count("<a ") == 1
    assert 'class="empty"' in share_bar([], "空")


def test_log_search(staff_client, log, today):
    def users(**query):
        page = staff_client.get("/admin/log", query_string=query).get_data(as_text=True)
        return sorted(set(re.findall(r'title="(o\w+)"', page)))

    assert users(text="游艇") == ["oE", "oF", "oG"]
    assert users(faq="cert-lost") == ["oA", "oB", "oD"]
    assert users(user="oH") == ["oH"]
    assert users(action="emergency") == ["oJ"]
    assert users(**{"from": today.isoformat()}) == ["oA", "oB", "oL"]
    assert users(**{"from": (today - dt.timedelta(days=1)).isoformat(),
                    "to": (today - dt.timedelta(days=1)).isoformat()}) == ["oC", "oD", "oE", "oF", "oG", "oH", "oI"]
    assert users(text="%") == []
    page = staff_client.get("/admin/log?text=落水").get_data(as_text=True)
    assert 'class="distress"' in page and "共 1 条" in page


def test_log_pages(staff_client, db):
    for n in range(120):
        add_message(db, f"oU{n:03d}", f"问题{n}", at=ago(minutes=n))
    first = staff_client.get("/admin/log?text=问题").get_data(as_text=True)
    assert "共 120 条，第 1/3 页" in first and "下一页" in first and "oU000" in first
    third = staff_client.get("/admin/log?text=问题&page=3").get_data(as_text=True)
    assert "oU119" in third and "oU000" not in third and "上一页" in third


def test_try_a_question_shows_the_analysis_and_decision(staff_client):
    page = staff_client.get("/admin/try", query_string={"q": "船员证书丢了怎么补办？"}).get_data(as_text=True)
    assert "判定：" in page and "回答" in page and "cert-lost" in page
    assert "证书遗失的，可以在海事政务服务网申请补发。" in page
    assert "船员证书丢了怎么补办?" in page or "船员证书丢了怎么补办？" in page  # the normalised text
    assert '<span class="token">' in page
    assert re.search(r'<td class="num">\d+\.\d</td>\s*<td><code>cert-lost</code>', page)
    assert "完整判定数据" in page


def test_try_a_question_distress(staff_client):
    page = staff_client.get("/admin/try", query_string={"q": "有人落水了"}).get_data(as_text=True)
    assert "act-emergency" in page and "12395" in page


def test_try_a_question_uses_the_live_knowledge_base(app, staff_client):
    kb = Path(app.config["BOT"].BOT_KNOWLEDGE_DIR)
    (kb / "03-yacht.yaml").write_text(
        "category: 游艇\nfaqs:\n  - id: yacht-licence\n    question: 游艇驾驶证怎么考\n"
        "    keywords: [游艇驾驶证]\n    answer: 游艇驾驶证由海事管理机构考试发证。\n",
        encoding="utf-8",
    )
    page = staff_client.get("/admin/try", query_string={"q": "游艇驾驶证怎么考"}).get_data(as_text=True)
    assert "yacht-licence" in page and "游艇驾驶证由海事管理机构考试发证。" in page


def test_try_box_is_empty_without_a_question(staff_client):
    page = staff_client.get("/admin/try").get_data(as_text=True)
    assert "试一试" in page and "判定：" not in page
