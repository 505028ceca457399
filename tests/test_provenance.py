"""Provenance is for curators: verified / note / example fields, the curator-wording rule, the unverified lists,
and the warning when the real account would serve the shipped examples."""
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from admin_support import PASSWORD, database, login, make_app, write_kb
from bot.service import staff
from bot.cli import main
from bot.errors import KnowledgeError
from bot.kb.curator import CURATOR_WORDING, check_knowledge, curator_wording, knowledge_stats, format_stats
from bot.kb.loader import CANNED_REPLIES_FILE, bundled_knowledge_dir, collect_knowledge, load_knowledge, parse_canned_replies

UNVERIFIED_FAQ = """\
  - id: health-cert
    question: 船员健康证明有效期多久
    alternates: [健康证几年一换]
    answer: 健康证明有效期一般不超过2年（以现行规定为准）。
    source: 某网站转载
    verified: false
    note: 2年的期限只见于转载网页，待对照现行规定
"""

EXAMPLE_NOTICE = """\
category: 航行通告
faqs:
  - id: notice-2026-sample
    question: 焦山水道测量（示例通告）
    alternates: [焦山水道测量作业]
    answer: （示例，非真实通告）焦山水道测量作业。
    source: 示例
    example: true
"""


def kb_with(tmp_path, faq=UNVERIFIED_FAQ, notices=EXAMPLE_NOTICE, settings=None) -> Path:
    kb = write_kb(tmp_path / "kb")
    first = kb / "01-crew.yaml"
    first.write_text(first.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + faq, encoding="utf-8")
    if notices:
        (kb / "09-notices.yaml").write_text(notices, encoding="utf-8")
    if settings is not None:
        (kb / "settings.yaml").write_text(settings, encoding="utf-8")
    return kb


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# ---- the fields --------------------------------------------------------------------------------

def test_verified_note_and_example_parse(tmp_path):
    kb = load_knowledge(kb_with(tmp_path))
    faq = kb.by_id["health-cert"]
    assert (faq.verified, faq.note, faq.example) == (False, "2年的期限只见于转载网页，待对照现行规定", False)
    assert kb.by_id["notice-2026-sample"].example and kb.by_id["notice-2026-sample"].verified
    assert [f.id for f in kb.unverified] == ["health-cert"]
    assert kb.example_content() == ["notice-2026-sample（09-notices.yaml:3）"]


@pytest.mark.parametrize("value", ['"false"', "no-check", "0"])
def test_verified_must_be_true_or_false(tmp_path, value):
    kb = kb_with(tmp_path, faq=UNVERIFIED_FAQ.replace("verified: false", f"verified: {value}"))
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    path = kb / "01-crew.yaml"
    assert (Path(e.value.path), e.value.line) == (path, line_of(path, "verified:"))
    assert "true 或 false" in e.value.message and "verified: false" in e.value.hint


def test_note_must_be_text(tmp_path):
    kb = kb_with(tmp_path, faq=UNVERIFIED_FAQ.replace("note: 2年", "note:\n      - 2年"))
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kb)
    assert e.value.line == line_of(kb / "01-crew.yaml", "note:") and "一段文字" in e.value.message


def test_misspelt_field_still_gets_a_hint(tmp_path):
    kb = kb_with(tmp_path, faq=UNVERIFIED_FAQ.replace("verified:", "verifed:"))
    _, errors = collect_knowledge(kb)
    assert [(e.line, e.hint) for e in errors] == [(line_of(kb / "01-crew.yaml", "verifed:"), "是不是想写“verified”？")]


def test_settings_examples_name_text_settings_only(tmp_path):
    kb = kb_with(tmp_path, settings="office_hours: 工作日 9:00-17:00\nexamples: [office_hours, menu]\n")
    _, errors = collect_knowledge(kb)
    assert [(e.line, "“menu”" in e.message) for e in errors] == [(2, True)]
    ok = kb_with(tmp_path / "ok", settings="office_hours: 工作日 9:00-17:00\nexamples: [office_hours]\n")
    assert load_knowledge(ok).example_content()[-1] == "settings.yaml 的 office_hours"


# ---- kb check / kb stats -----------------------------------------------------------------------

@pytest.mark.parametrize("wording", ["据二手资料", "（二手资料）", "待核实", "示例时间", "示例通告"])
def test_curator_wording_in_an_answer_is_an_error_with_file_line_and_hint(tmp_path, wording):
    kb = kb_with(tmp_path, faq=UNVERIFIED_FAQ.replace("（以现行规定为准）", wording))
    errors, _ = check_knowledge(kb)
    path = kb / "01-crew.yaml"
    assert [(Path(e.path), e.line) for e in errors] == [(path, line_of(path, wording))]
    assert "health-cert" in errors[0].message and "note:" in errors[0].hint


def test_second_hand_ships_are_not_curator_wording():
    assert not CURATOR_WORDING.search("买二手船要办什么手续")


# Ways a curator's note on where a fact came from leaks into what the office says: another bureau's guide or reply,
# the press, a repost or an encyclopedia page, a fact still unchecked, a placeholder. Written as kinds, with names
# and dates that appear nowhere in knowledge/.
PROVENANCE = [
    "参考安徽海事局办事指南，一般需要以下材料",
    "参考地方海事办事指南（以本局现行指南为准）：承诺5个工作日办结",
    "参考某海事处的答复，一般3天办好",
    "按广西海事局指南，补发只要申请表",
    "据宁波海事局早年答复，小船也要登记",
    "据报道，2019年起设有服务窗口",
    "据资料显示，审批一般10天",
    "据了解，窗口周末也上班",
    "多数港口免费接收（扬子晚报，2021年）",
    "已实现全覆盖（新华网，2019年）",
    "沿线港口已全覆盖（2018年报道）",
    "此规定见某百科页面",
    "以上内容转载自网络",
    "该时限未经核实，仅供参考",
    "有效期2年（待核对）",
    "工作日 9:00-17:00（示例时间）",
    "按以往规则的做法，需要18个月资历",
]

# What the office may well say: the user is sent to its own channels, corrects a rumour, or talks of second-hand ships.
OFFICE_VOICE = [
    "买二手船要办什么手续",
    "具体材料以现行办事指南为准，可拨打 400-80-12395 咨询",
    "可在海事一网通办（zwfw.msa.gov.cn）查看办事指南并网上申请",
    "根据本局发布的通航环境公示：镇江段最大吃水11.36米",
    "镇江海事局航行通告：施工期间请减速慢行",
    "请查看江苏海事局网站（js.msa.gov.cn）最新通告，或拨打 400-80-12395 核实",
    "网上流传的\"统一收费\"说法不能作为依据，以考试通知为准",
    "截至2020年，江苏港口已实现生活污水接收设施全覆盖",
    "船舶所有权登记证书遗失的，登记机关会在当地报纸上公告原证书作废",
]


@pytest.mark.parametrize("text", PROVENANCE)
def test_provenance_phrasing_is_curator_wording(text):
    assert CURATOR_WORDING.search(text), text


@pytest.mark.parametrize("text", OFFICE_VOICE)
def test_the_offices_own_voice_is_not_curator_wording(text):
    assert not CURATOR_WORDING.search(text), CURATOR_WORDING.search(text).group()


def user_visible_texts(kb) -> list:
    """(where, text) for everything the bundled knowledge lets a user read: FAQ questions and answers (examples
    aside), the welcome, handoff (with the office hours), emergency and smalltalk replies, and staff's canned replies."""
    s = kb.settings
    out = [(f.id, t) for f in kb.faqs if not f.example for t in (f.question, f.answer)]
    out += [(k, s[k]) for k in ("welcome", "handoff_text", "office_hours", "emergency_text",
                                          "self_harm_text")]
    out += [(f"smalltalk.{k}", v) for k, v in s["smalltalk"].items()]
    canned = parse_canned_replies(Path(bundled_knowledge_dir()) / CANNED_REPLIES_FILE)
    return out + [(f"canned:{r.title}", r.text) for r in canned]


def test_nothing_a_user_reads_in_the_bundled_knowledge_tells_of_curators_sources():
    kb = load_knowledge(bundled_knowledge_dir())
    leaks = [(where, m.group()) for where, text in user_visible_texts(kb) for m in CURATOR_WORDING.finditer(text)]
    assert leaks == []
    assert not kb.settings.get("examples"), "bundled settings users read are real, not samples"


def test_curator_wording_in_a_setting_users_read_is_an_error_unless_listed_as_an_example(tmp_path):
    kb = kb_with(tmp_path, faq="", settings="office_hours: 工作日 9:00-17:00（示例时间）\n")
    errors, _ = check_knowledge(kb)
    assert [(Path(e.path).name, e.line) for e in errors] == [("settings.yaml", 1)]
    assert "office_hours" in errors[0].message and "examples:" in errors[0].hint
    listed = kb_with(tmp_path / "listed", faq="", settings="office_hours: 工作日 9:00-17:00（示例时间）\nexamples: [office_hours]\n")
    assert check_knowledge(listed)[0] == []


def test_kb_check_lists_unverified_apart_from_warnings(tmp_path):
    kb = kb_with(tmp_path)
    result = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert f"01-crew.yaml:{line_of(kb / '01-crew.yaml', '- id: health-cert')}: 未核实: " \
           "FAQ“health-cert”船员健康证明有效期多久（2年的期限只见于转载网页，待对照现行规定）" in result.output
    assert "：0 个错误，" in lines[-1] and lines[-1].endswith("个警告，1 条未核实")
    assert not [line for line in lines if "警告:" in line and "health-cert" in line]
    assert "错误:" not in result.output  # the example notice's "（示例通告）" is not curator wording


def test_kb_stats_counts_and_lists_unverified_and_examples(tmp_path):
    kb = kb_with(tmp_path)
    result = CliRunner().invoke(main, ["kb", "stats", str(kb)])
    assert result.exit_code == 0, result.output
    assert "未核实的FAQ（verified: false）1 条：" in result.output
    assert "  health-cert  船员健康证明有效期多久（2年的期限只见于转载网页，待对照现行规定）" in result.output
    assert "示例内容（上线前删除或替换）：notice-2026-sample（09-notices.yaml:3）" in result.output


# ---- the bundled knowledge base ----------------------------------------------------------------

def test_no_bundled_answer_carries_curator_wording():
    kb = load_knowledge(bundled_knowledge_dir())
    assert curator_wording(kb) == []
    served = [f for f in kb.faqs if not f.example]
    assert not [f.id for f in served if "二手" in f.answer.replace("二手船", "")]


def test_bundled_unverified_faqs_say_what_to_check():
    kb = load_knowledge(bundled_knowledge_dir())
    assert kb.unverified and all(f.note for f in kb.unverified)
    stats = knowledge_stats(kb)
    assert f"未核实的FAQ（verified: false）{len(kb.unverified)} 条" in format_stats(stats)


def test_bundled_examples_are_flagged():
    kb = load_knowledge(bundled_knowledge_dir())
    assert all(f.example for f in kb.faqs if "示例" in f.question or "非真实" in f.source)
    # The office hours claim no made-up times, so they are not sample content: only the fictional notices are.
    notices = [f for f in kb.faqs if f.example]
    assert notices and all(f.dated for f in notices)
    assert kb.example_content() == [f"{f.id}（notices.yaml:{f.line}）" for f in notices]


# ---- the staff pages and start-up --------------------------------------------------------------

BANNER = "知识库里还有示例内容："


def staff_page(app, path="/admin/handoffs") -> str:
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
    client = app.test_client()
    assert login(client).status_code == 302
    return client.get(path).get_data(as_text=True)


def test_real_account_with_examples_logs_an_error_and_shows_the_banner(tmp_path, caplog):
    kb_with(tmp_path, settings="office_hours: 工作日 9:00-17:00（示例时间）\nexamples: [office_hours]\n")
    with caplog.at_level(logging.ERROR, logger="bot"):
        app = make_app(tmp_path)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(BANNER in m and "notice-2026-sample" in m and "office_hours" in m for m in errors), errors
    page = staff_page(app)
    assert f"{BANNER}notice-2026-sample（09-notices.yaml:3）、settings.yaml 的 office_hours（请在上线前删除或替换）" in page


def test_local_trial_serves_examples_without_banner_or_error(tmp_path, caplog):
    kb_with(tmp_path)
    with caplog.at_level(logging.ERROR, logger="bot"):
        app = make_app(tmp_path, WECHAT_APP_ID="", WECHAT_APP_SECRET="")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert BANNER not in staff_page(app)


def test_no_banner_once_the_examples_are_gone(tmp_path, caplog):
    kb_with(tmp_path, notices=None)
    with caplog.at_level(logging.ERROR, logger="bot"):
        app = make_app(tmp_path)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert BANNER not in staff_page(app)


def test_dashboard_lists_unverified_faqs(tmp_path):
    kb_with(tmp_path, notices=None)
    page = staff_page(make_app(tmp_path), "/admin/dashboard")
    assert "未核实的FAQ（1）" in page
    assert "health-cert" in page and "2年的期限只见于转载网页，待对照现行规定" in page
