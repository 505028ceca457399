"""Complaints and public-opinion risks (issue 15): heard as such, acknowledged, raised to a person, measured.

The recogniser (bot/matching/complaint.py) on the kinds of complaint and risk and on the questions that only name
complaints, fines, penalties or staff; the engine's decision and reply; the conversation's handoff (complaint:
high; risk: urgent, one alert, no escalation unless configured); staff's re-classification; the dashboard; eval.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from admin_support import app, database, post, queue_ids, staff_client  # noqa: F401  (fixtures)
from db_support import database_for
from webhook_support import KB_DIR

from bot.service import handoffs, stats
from bot.cli import main
from bot.config import Config
from bot.service.conversation import respond
from bot.store.connection import open_db
from bot.matching.evaluate import COMPLAINT_SETS, evaluate_complaints, load_cases
from bot.kb.loader import load_knowledge
from bot.matching import ACTIONS, HAZARD_FOOTER, Engine
from bot.matching.complaint import ComplaintModel
from bot.service.alert_dispatcher import AlertDispatcher

DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def model():
    return ComplaintModel()


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(KB_DIR))


@pytest.fixture
def db(tmp_path):
    db = open_db(database_for(tmp_path))
    yield db
    db.conn.close()


def _alert_config(tmp_path, **extra):
    return Config.from_env({}, BOT_DATABASE=database_for(tmp_path), ALERT_WEBHOOK_URL="http://127.0.0.1:9/alert",
                           ALERT_WECOM_WEBHOOK_URL="http://127.0.0.1:9/robot", **extra)


# ---- the recogniser ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    # the issue's own examples
    ("执法人员乱罚款怎么办", "complaint"),
    ("你们海事的人态度太差了", "complaint"),
    ("办个证跑了三趟还没办好 什么破效率", "complaint"),
    ("我要曝光你们", "opinion"),
    # one of each kind, in other words than the labelled sets
    ("那个办事的姑娘全程板着脸 问一句顶一句 什么态度", "complaint"),
    ("材料交上去二十多天了还是没消息", "complaint"),
    ("这个窗口让我找那个窗口 那个窗口又让我回来 来回跑了好几趟", "complaint"),
    ("凭什么罚我 我证书齐全的", "complaint"),
    ("不塞红包就不给过 你们查查吧", "complaint"),
    ("反映了多少次了你们就是不管", "complaint"),
    ("我材料都带齐了窗口就是不给办", "complaint"),
    ("這什麼破單位 態度太差了", "complaint"),
    ("再不处理我就去找电视台", "opinion"),
    ("我已经把视频发到抖音上了", "opinion"),
    ("我明天就打12345投诉你们", "opinion"),
    ("我要去信访局告你们", "opinion"),
    ("我要让全镇江的船民都知道你们干的好事", "opinion"),
])
def test_complaints_and_risks_are_recognised(model, text, kind):
    assert model.read(text).kind == kind, model.read(text).evidence


@pytest.mark.parametrize("text", [
    "怎么投诉海事工作人员",
    "投诉一般多久有答复",
    "如果窗口工作人员态度不好该找谁反映",
    "对行政处罚决定不服怎么申请行政复议",
    "超载罚多少钱",
    "拒绝海事检查会被罚款吗",
    "罚款在哪里交",
    "执法人员上船检查要出示证件吗",
    "发现有船偷排污水怎么举报",
    "你们工作人员态度很好 谢谢",
    "一次要带齐哪些材料 免得跑两趟",
    "信访办公室在哪里",
    "12345能查航行通告吗",
    "网上可以办船员证吗",
    "船东拖欠工资三个月了 怎么办",
    "船舶生活垃圾可以交给谁",
    "办证要多久",
    "你们刚才打电话说我的证书审核没通过是啥意思",  # asked what something means: the learned part does not judge it
])
def test_questions_about_procedures_are_not_complaints(model, text):
    assert model.read(text).kind is None, model.read(text).evidence


def test_a_fine_complaint_names_the_penalty_and_a_risk_outranks_a_complaint(model):
    assert model.read("执法人员乱罚款").penalty
    assert not model.read("窗口态度太差了").penalty
    assert model.read("你们乱罚款 我要找记者曝光").kind == "opinion"


def test_the_labelled_sets_meet_the_bar(engine):
    """The dev set (tuned on): recognition >= 95 %, false positives <= 3 %. The held-out set (never tuned on) is held
    to a looser bar, so that it stays a measurement (it stood at 94.3 % and 1.4 % when this was written)."""
    dev, held_out = (evaluate_complaints(engine.decide, load_cases(p), DAY) for p in COMPLAINT_SETS)
    assert dev["positive"] >= 150 and dev["neutral"] >= 150
    assert held_out["positive"] >= 60 and held_out["neutral"] >= 60
    assert dev["recognised"] >= 95 and dev["kind_exact"] >= 95 and dev["false_positives"] <= 3
    assert held_out["recognised"] >= 85 and held_out["false_positives"] <= 5


def test_ordinary_questions_of_other_sets_are_not_complaints(engine):
    """The FAQ sets and the distress near misses: at most 1 % false positives (the finance set of real users, some of
    whom do complain about their broker, at most 2 %)."""
    finance = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "finance" / "dev.yaml"
    sets = [Path(__file__).resolve().parent.parent / "bench" / n for n in ("questions.yaml", "distress.yaml")]
    for path in sets + ([finance] if finance.exists() else []):
        result = evaluate_complaints(engine.decide, load_cases(path), DAY)
        assert result["false_positives"] <= (2 if path == finance else 1), (path, result["misses"][:5])


def test_no_cue_matches_nothing():
    """An alternative left empty in a pattern would match every message."""
    from bot.matching import complaint

    for *_, pattern in complaint.GRIEVANCES + complaint.OPINION + complaint.OPINION_ACTS:
        assert re.compile(pattern).search("") is None, pattern[:60]


def test_whom_a_grievance_is_about_is_read_in_its_clause(model):
    assert model.read("代理公司办事太慢了 能不能自己去窗口办").kind is None
    assert model.read("船东态度恶劣 拒绝给我们发工资").kind is None
    assert model.read("船检证书拖了快俩月 船东天天骂我").kind == "complaint"


def test_the_learned_part_reads_statements_about_the_office_only(model):
    from bot.matching.complaint import learned_weights

    assert len(learned_weights()) > 1000
    said = model.read("你们执法的人太过了吧")  # no cue names this way of putting it
    assert said.kind == "complaint" and any(e.startswith("learned") for e in said.evidence)
    asked = model.read("你们窗口几点下班")
    assert asked.kind is None and not any(e.startswith("learned") for e in asked.evidence)


# ---- the engine ---------------------------------------------------------------------------------------------

def test_the_engine_hands_a_complaint_over_with_an_acknowledgement(engine):
    d = engine.decide("执法人员乱罚款怎么办", DAY)
    assert d.action == "complaint" and d.faq_id is None and d.complaint == "fine"
    assert "已经收到" in d.reply and "12328" in d.reply and "1个工作日内" in d.reply
    assert "行政复议" in d.reply and "行政诉讼" in d.reply
    assert not re.search(r"\d+元|罚款[0-9一二三四五六七八九十百千万]|处以|追究|法律责任", d.reply)  # never cites a penalty
    plain = engine.decide("你们海事的人态度太差了", DAY)
    assert plain.action == "complaint" and "行政复议" not in plain.reply


def test_a_risk_gets_its_own_words_and_questions_go_on_to_the_knowledge_base(engine):
    d = engine.decide("我要曝光你们", DAY)
    assert d.action == "opinion" and "已经收到" in d.reply and "12328" in d.reply
    assert engine.decide("怎么投诉海事工作人员", DAY).action not in ("complaint", "opinion")
    assert "complaint" in ACTIONS and "opinion" in ACTIONS


def test_distress_still_comes_first(engine):
    assert engine.decide("救命 船着火了 你们海事的人死哪去了", DAY).action == "emergency"


def test_a_complaint_that_names_a_hazard_ends_with_the_12395_line(engine):
    # Read as a complaint and no emergency; should that reading be wrong, the number is in the reply all the same.
    for text in ("你们海事局什么态度 上次船着火了打电话半天没人接 我要投诉", "我要投诉 码头那边有人落水你们来得太慢了 上个月的事"):
        d = engine.decide(text, DAY)
        assert d.action == "complaint" and d.reply.endswith(HAZARD_FOOTER), text
    plain = engine.decide("你们海事局什么态度 打电话半天没人接 我要投诉", DAY)
    assert plain.action == "complaint" and "12395" not in plain.reply


def test_the_office_words_are_settings(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    for f in Path(KB_DIR).iterdir():
        if f.is_file() and f.name != "settings.yaml":
            (kb / f.name).write_bytes(f.read_bytes())
    (kb / "settings.yaml").write_text(
        "complaint_follow_up: 督查室的同事今天下班前给您回电\n"
        "complaint_text: 收到您的投诉。{follow_up}。也可拨打12328。\n", encoding="utf-8")
    d = Engine(load_knowledge(kb)).decide("你们窗口态度太差了", DAY)
    assert d.reply == "收到您的投诉。督查室的同事今天下班前给您回电。也可拨打12328。"


# ---- the conversation -------------------------------------------------------------------------------------

def _handoff(db, handoff_id):
    return dict(next(iter(db.query("select * from handoffs where id = ?", [handoff_id]))))


def test_a_complaint_opens_a_high_priority_complaint_handoff(db, engine):
    out = respond(db, engine, "u1", "办个证跑了三趟还没办好 什么破效率")
    assert out.action == "complaint" and "12328" in out.reply
    h = _handoff(db, out.handoff_id)
    assert (h["priority"], h["category"], h["reason"]) == ("high", "complaint", "complaint")
    row = next(iter(db.query("select action from messages where handoff_id = ?", [out.handoff_id])))
    assert row["action"] == "complaint"


def test_a_risk_is_urgent_raises_one_alert_and_is_no_emergency(db, engine, tmp_path):
    alerts = AlertDispatcher(_alert_config(tmp_path))
    out = respond(db, engine, "u1", "我要曝光你们", alerts=alerts)
    h = _handoff(db, out.handoff_id)
    assert (h["priority"], h["category"], h["key_message"]) == ("urgent", "opinion", "我要曝光你们")
    rows = list(db.query("select * from alerts order by id"))
    assert sorted(r["channel"] for r in rows) == ["webhook", "wecom"] and {r["reason"] for r in rows} == {"opinion"}
    assert "值班" not in out.reply
    # Said again, or anything else said meanwhile: no second alert, and no emergency follow-up.
    again = respond(db, engine, "u1", "我已经联系了电视台", alerts=alerts)
    assert again.action == "opinion" and again.handoff_id == out.handoff_id
    later = respond(db, engine, "u1", "海员证怎么办理", alerts=alerts)
    assert later.action != "emergency" and "12395水上遇险" not in later.reply
    assert len(list(db.query("select * from alerts"))) == 2
    # The staff pages' emergency badge is for distress only; the queue lists the risk first all the same.
    assert handoffs.unclaimed_urgent(db) == []
    listed = handoffs.list_handoffs(db)
    assert listed[0].id == out.handoff_id and listed[0].opinion and not listed[0].distress


def test_a_risk_is_escalated_only_when_configured(db, engine, tmp_path):
    past = dt.datetime(2026, 11, 26, 1, 0, tzinfo=dt.timezone.utc)
    out = respond(db, engine, "u1", "我要去信访局告你们", now=past, alerts=AlertDispatcher(_alert_config(tmp_path)))
    later = past + dt.timedelta(minutes=30)
    assert AlertDispatcher(_alert_config(tmp_path)).escalate(db, later) == []
    raised = AlertDispatcher(_alert_config(tmp_path, ALERT_OPINION_ESCALATE=True)).escalate(db, later)
    assert raised and {r["handoff_id"] for r in db.query("select handoff_id from alerts where reason = 'escalation'")} \
        == {out.handoff_id}


def test_a_complaint_joins_an_open_handoff_and_raises_it(db, engine):
    first = respond(db, engine, "u1", "你们食堂几点开饭")
    assert first.action == "handoff"
    complaint = respond(db, engine, "u1", "问了半天也没人理 你们服务态度太差了")
    assert complaint.handoff_id == first.handoff_id and "12328" in complaint.reply
    assert (_handoff(db, first.handoff_id)["priority"], _handoff(db, first.handoff_id)["category"]) == \
        ("high", "complaint")
    risk = respond(db, engine, "u1", "我要发到网上让大家评评理")
    h = _handoff(db, first.handoff_id)
    assert risk.handoff_id == first.handoff_id and (h["priority"], h["category"]) == ("urgent", "opinion")
    # An emergency outranks it: the handoff becomes a distress handoff, with the emergency as its key message.
    respond(db, engine, "u1", "救命 有人落水了")
    h = _handoff(db, first.handoff_id)
    assert (h["priority"], h["category"], h["key_message"], h["distress_kind"]) == \
        ("urgent", None, "救命 有人落水了", "person_in_water")


# ---- staff: the queue, re-classification, the dashboard ---------------------------------------------------

def test_staff_can_reclassify_and_the_label_is_kept_beside_the_bots(db, engine):
    out = respond(db, engine, "u1", "你们海事的人态度太差了")
    other = respond(db, engine, "u2", "你们食堂几点开饭")
    h = handoffs.reclassify(db, out.handoff_id, "张三", "none")
    assert (h.category, h.staff_label, h.labelled_by, h.kind) == ("complaint", "none", "张三", None)
    handoffs.reclassify(db, other.handoff_id, "张三", "complaint")
    assert [x.id for x in handoffs.list_handoffs(db, category="complaint")] == [other.handoff_id]
    assert any("不是投诉" in n["text"] for n in handoffs.notes(db, out.handoff_id))
    assert stats.complaint_labels(db) == {"labelled": 2, "confirmed": 0, "kind_changed": 0, "rejected": 1,
                                          "missed": 1}
    with pytest.raises(handoffs.HandoffError):
        handoffs.reclassify(db, out.handoff_id, "张三", "maybe")


def _say(app, user_id: str, text: str):
    """A message from a user, answered by the app's own engine into the app's database."""
    with app.app_context():
        from bot import get_db, get_engine

        return respond(get_db(), get_engine(), user_id, text)


def test_the_queue_filters_and_marks_complaints_and_the_dashboard_counts_them(app, staff_client):
    complaint = _say(app, "u1", "你们窗口的人态度太差了")
    risk = _say(app, "u2", "我要曝光你们")
    plain = _say(app, "u3", "你们食堂几点开饭")
    assert (complaint.action, risk.action, plain.action) == ("complaint", "opinion", "handoff")
    page = staff_client.get("/admin/handoffs?category=complaint").get_data(as_text=True)
    assert queue_ids(page) == [complaint.handoff_id] and "kind-complaint" in page
    flagged = staff_client.get("/admin/handoffs?category=flagged").get_data(as_text=True)
    assert queue_ids(flagged) == [risk.handoff_id, complaint.handoff_id]  # the risk is urgent: first
    one = staff_client.get(f"/admin/handoffs/{risk.handoff_id}").get_data(as_text=True)
    assert "舆情风险" in one and "这是遇险求助" not in one
    board = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert "投诉与舆情风险" in board and "投诉 1 条，舆情风险 1 条" in board and "我要曝光你们" in board


def test_reclassifying_from_the_handoff_page(app, staff_client):
    out = _say(app, "u1", "你们窗口的人态度太差了")
    page = staff_client.get(f"/admin/handoffs/{out.handoff_id}").get_data(as_text=True)
    assert f'action="/admin/handoffs/{out.handoff_id}/classify"' in page
    answer = post(staff_client, f"/admin/handoffs/{out.handoff_id}/classify", label="none")
    assert answer.status_code == 302
    with database(app) as db:
        h = handoffs.get_handoff(db, out.handoff_id)
    assert (h.staff_label, h.labelled_by, h.kind) == ("none", "zhangsan", None)
    board = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert "误判为投诉 1 条" in board


# ---- eval ---------------------------------------------------------------------------------------------------

def test_eval_reports_complaints_beside_distress(tmp_path):
    cases = tmp_path / "c.yaml"
    cases.write_text("- {q: 你们海事的人态度太差了, expect: complaint, cat: attitude}\n"
                     "- {q: 我要曝光你们, expect: opinion, cat: press}\n"
                     "- {q: 怎么投诉海事工作人员, expect: normal, cat: how_to_complain}\n"
                     "- {q: 海员证怎么补办, expect: passport-lost}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--kb", str(KB_DIR), "--complaints", str(cases), "--at", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert "险情召回" in result.output and "识别率 recognised: 100.0% (2/2)" in result.output
    assert "误报率 false positives: 0.0% (0/2)" in result.output
    as_json = CliRunner().invoke(main, ["eval", "--kb", str(KB_DIR), "--complaints", str(cases), "--json"])
    sets = json.loads(as_json.output)["complaint_sets"]
    assert sets[str(cases)]["recognised"] == 100.0


def test_the_handoff_list_command_filters_by_category(tmp_path):
    path = database_for(tmp_path)
    db = open_db(path)
    engine = Engine(load_knowledge(KB_DIR))
    respond(db, engine, "u1", "你们海事的人态度太差了")
    respond(db, engine, "u2", "你们食堂几点开饭")
    db.conn.close()
    result = CliRunner().invoke(main, ["handoff", "list", "--db", path, "--category", "complaint"])
    assert result.exit_code == 0, result.output
    assert "【投诉】你们海事的人态度太差了" in result.output and "食堂" not in result.output
