"""Questions typed the way users type them, against the fixture knowledge base, on 2026-11-26.

Each row is (question, expected FAQ id, or handoff / emergency / smalltalk). An FAQ id row passes only when
the engine answers that FAQ outright; a "did you mean" list is not enough.
"""
import datetime as dt
from pathlib import Path

import pytest

from bot.matching import Engine
from bot.kb.loader import load_knowledge

FIXTURE_KB = Path(__file__).parent / "fixtures" / "engine_kb"
DAY = dt.date(2026, 11, 26)

QUESTIONS = [
    # 适任证书: colloquial, pinyin-input typos (试任), traditional characters
    ("海船三副证明年到期 怎么办再有效", "cert-renew-sea"),
    ("我跑海船的，适任证书还有半年到期，能延期吗", "cert-renew-sea"),
    ("跑内河的 船员证快满五年了咋办", "cert-renew-inland"),
    ("内河驾驶员证书到期去哪换新的", "cert-renew-inland"),
    ("适任证书丢了怎么补", "cert-lost"),
    ("试任证书遗失补办要啥材料", "cert-lost"),
    ("船員證書遺失了怎麼辦", "cert-lost"),
    ("適任考試在哪報名", "cert-exam-register"),
    ("想考船员证 网上怎么报名", "cert-exam-register"),
    # 船员服务簿 / 海员证
    ("服务簿在哪办", "book-apply"),
    ("新船员还没有服务簿 怎么弄一本", "book-apply"),
    ("服务薄丢了咋整", "book-lost"),
    ("服务簿被水泡烂了能换吗", "book-lost"),
    ("想跑外轮 海员证要啥材料", "seapass-apply"),
    ("海员证明年三月到期 现在能换吗", "seapass-renew"),
    ("人在新加坡 海员证被偷了怎么办", "seapass-lost"),
    ("海员证找不到了", "seapass-lost"),
    # 船舶检验 / 安全检查, English terms and full-width letters
    ("PSC检查查些什么", "inspection-fsc-psc"),
    ("ＦＳＣ检查都查哪些内容？", "inspection-fsc-psc"),
    ("fsc和psc有啥区别", "inspection-fsc-psc"),
    ("船被海事扣了不让开走怎么办", "inspection-detention"),
    ("安全检查的缺陷改好了 怎么申请复查", "inspection-detention"),
    ("新造的船要做哪些检验", "survey-statutory"),
    ("船检有几种", "survey-statutory"),
    ("船舶国籍证书快到期了怎么换", "registration-nationality"),
    # 进出港报告 / 海事通 (海是通 is a pinyin-input typo)
    ("进出港报告在哪报", "port-report"),
    ("海是通app怎么报进出港", "port-report"),
    ("现在进港还要办签证吗", "port-report"),
    ("APP上怎么报进出港？", "port-report"),
    ("海事通注册不了", "haishitong-account"),
    ("海事通APP密码忘了登录不上", "haishitong-account"),
    # 危险货物
    ("运危险品进港要提前多久申报", "dg-declare"),
    ("危货船要什么证书", "dg-certificate"),
    # 航行通告 (the dredging notice is valid on 2026-11-26) and the hotline
    ("航行通告在哪看", "notice-where"),
    ("丹徒直水道疏浚施工到啥时候结束", "notice-dredging-2026"),
    ("海事服务热线电话多少", "hotline"),
    ("4008012395是干什么的", "hotline"),
    ("海事局客服电话是多少", "hotline"),
    # out of scope: hand off to a person
    ("明天长江上刮不刮大风", "handoff"),
    ("今天镇江天气怎么样", "handoff"),
    ("过船闸的过闸费怎么交", "handoff"),
    # 渔船 and 证 come near enough to the crew certificates for a "did you mean" since session 25's weights (the
    # out-of-scope figures in README.md count such lists as misses).
    ("渔船证怎么办理", "clarify"),
    ("你们海事局招聘公务员吗", "handoff"),
    ("船员工资一个月多少钱", "handoff"),
    ("龙舟赛交通管制是哪几天", "handoff"),  # that notice expired on 2026-06-30
    ("驾照科目一怎么预约", "handoff"),
    # distress and smalltalk
    ("救命 船要沉了", "emergency"),
    ("你好", "smalltalk"),
    ("谢谢", "smalltalk"),
]

KINDS = ("handoff", "clarify", "emergency", "smalltalk")


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(FIXTURE_KB))


def test_table_ids_exist():
    kb = load_knowledge(FIXTURE_KB)
    assert {e for _, e in QUESTIONS if e not in KINDS} <= set(kb.by_id)


@pytest.mark.parametrize("question, expected", QUESTIONS, ids=[f"{n:02d}-{e}" for n, (_, e) in enumerate(QUESTIONS, 1)])
def test_question(engine, question, expected):
    d = engine.decide(question, DAY)
    detail = f"{d.action} {d.faq_id} {d.options} score={d.score:.1f}"
    if expected in KINDS:
        assert d.action == expected, detail
    else:
        assert (d.action, d.faq_id) == ("answer", expected), detail


@pytest.mark.parametrize("in_characters, in_digits", [
    ("海员证剩下不到十二个月了 能换吗", "海员证剩下不到12个月了 能换吗"),
    ("危险货物申报二十四小时内能批吗", "危险货物申报24小时内能批吗"),
])
def test_numbers_in_characters_match_like_digits(engine, in_characters, in_digits):
    """Voice input writes 十二个月 where the answers say 12个月: both spellings are the same question."""
    spoken, typed = engine.decide(in_characters, DAY), engine.decide(in_digits, DAY)
    assert (spoken.action, spoken.faq_id, spoken.score) == (typed.action, typed.faq_id, typed.score)
