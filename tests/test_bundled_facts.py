"""Questions about how long a certificate is valid, and how long a permit takes, are answered through the engine on
the bundled knowledge by the FAQ that states it (issue 14's fact-check misses, fixed in the content).

Each phrasing is written from the question kinds (bot/matching/kinds.py: "validity" 有效期 / 几年, "time" 多久 / 几天 /
几个工作日 / 期限) and the colloquial ways of saying them (管几年, 能用多久, 多少天能批, 等多久); each names one
certificate or permit. The expected text is the sourced figure that FAQ gives (../shared/facts/maritime.md).
"""
import pytest

from bot.kb.loader import bundled_knowledge_dir, load_knowledge
from bot.matching import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(bundled_knowledge_dir()))


def answered(engine, question):
    d = engine.decide(question)
    return d.action, d.faq_id, d.reply


# (question, the FAQ that says it, what it says)
VALIDITY = [
    ("船员适任证书有效期多久", "cert-validity", "不超过5年"),
    ("三副证书能用几年", "cert-validity", "不超过5年"),
    ("内河驾驶员证书有效期是几年", "cert-validity", "不超过5年"),
    ("轮机长证书多久换一次", "cert-validity", "不超过5年"),
    ("海员证有效期几年", "seaman-passport-renew", "不超过5年"),
    ("海员证能用多久", "seaman-passport-renew", "不超过5年"),
    ("船舶国籍证书有效期多久", "reg-nationality-renew", "有效期5年"),
    ("国籍证书能用几年", "reg-nationality-renew", "有效期5年"),
    ("临时国籍证书有效期多长", "reg-temporary-nationality", "一般不超过1年"),
    ("船员健康证明几年有效", "health-cert", "不超过2年"),
    ("体检证明有效期多久", "health-cert", "不超过2年"),
    ("船舶检验证书有效期多久", "survey-cert-validity", "写在证书上"),
    ("船检证书管几年", "survey-cert-validity", "写在证书上"),
]

DURATION = [
    ("水上水下施工许可多久能批下来", "works-time-fee", "30日内"),
    ("办理水上水下活动许可要多长时间", "works-time-fee", "30日内"),
    ("江边施工许可审批要几天", "works-time-fee", "30日内"),
    ("水上施工许可几个工作日能办好", "works-time-fee", "30日内"),
    ("码头施工的海事许可多少天能批", "works-time-fee", "30日内"),
    ("施工许可证申请后几天能拿到", "works-time-fee", "30日内"),
    ("海员证申请多久能批", "seaman-passport-apply", "7日内"),
    ("办海员证要几天", "seaman-passport-apply", "7日内"),
    ("船舶所有权登记几天能办完", "reg-ownership", "7日内"),
    ("危险货物进出港许可多久能批", "dg-sea-permit", "24小时内"),
    ("内河危险品申报多久能批下来", "dg-inland-declare", "24小时内"),
    ("国际航行船舶进出口岸许可要几天", "port-international", "5个工作日内"),
]


@pytest.mark.parametrize("question, faq_id, says", VALIDITY)
def test_a_certificates_validity_is_answered_by_the_faq_that_states_it(engine, question, faq_id, says):
    assert answered(engine, question)[:2] == ("answer", faq_id)
    assert says in engine.kb.by_id[faq_id].answer


@pytest.mark.parametrize("question, faq_id, says", DURATION)
def test_how_long_a_permit_takes_is_answered_by_the_faq_that_states_it(engine, question, faq_id, says):
    assert answered(engine, question)[:2] == ("answer", faq_id)
    assert says in engine.kb.by_id[faq_id].answer


def test_a_construction_permits_duration_never_leads_to_the_navigation_notice_faq(engine):
    for question in ("办理施工许可要多长时间", "江上施工许可多久批", "在长江上施工办许可要等多久"):
        action, faq_id, _ = answered(engine, question)
        assert (action, faq_id) == ("answer", "works-time-fee"), question


def test_a_crew_certificates_validity_follows_the_statute_for_watch_ratings(engine):
    """船员条例 第7条: every watch-keeping certificate, ratings' included, is valid at most 5 years (facts/audit.md)."""
    action, faq_id, reply = answered(engine, "值班水手证书有没有有效期")
    assert (action, faq_id) == ("answer", "cert-validity")
    assert "值班水手" in reply and "不超过5年" in reply and "长期有效" not in reply
