"""The answering engine on the fixture knowledge base: every kind of decision, and notice validity windows."""
import datetime as dt
from pathlib import Path

import pytest

from bot.matching import ACTIONS, Engine
from bot.kb.loader import load_knowledge
from bot.matching.reading import normalize
from bot.matching.kinds import question_kinds, tells_trouble
from bot.matching.thesaurus import Thesaurus

FIXTURE_KB = Path(__file__).parent / "fixtures" / "engine_kb"
DAY = dt.date(2026, 11, 26)
DREDGING = "notice-dredging-2026"  # valid 2026-11-01 .. 2026-12-31
DRAGON_BOAT = "notice-dragon-boat-2026"  # valid 2026-05-01 .. 2026-06-30, expired on DAY


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(FIXTURE_KB)


@pytest.fixture(scope="module")
def engine(kb):
    return Engine(kb)


def served_ids(d) -> set:
    """Every FAQ id a decision shows the user: the answer, the clarify list and the numbered follow-ups."""
    return {d.faq_id, *d.options} - {None}


# ---- answer ------------------------------------------------------------------

def test_answer(engine, kb):
    d = engine.decide("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert d.action == "answer"
    assert d.faq_id == "cert-renew-sea"
    assert d.reply.startswith(kb.by_id["cert-renew-sea"].answer.strip())
    assert 0 <= d.score <= 100
    assert d.score >= kb.settings["thresholds"]["answer"]


def test_answer_lists_related_questions_by_number(engine, kb):
    d = engine.decide("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert d.options == ["cert-lost", "cert-exam-register"]
    assert f"1. {kb.by_id['cert-lost'].question}" in d.reply
    assert f"2. {kb.by_id['cert-exam-register'].question}" in d.reply


def test_polite_opener_does_not_stop_an_answer(engine):
    d = engine.decide("你好，请问海员证怎么申请办理？", DAY)
    assert (d.action, d.faq_id) == ("answer", "seapass-apply")


# ---- clarify -----------------------------------------------------------------

@pytest.mark.parametrize("query, family", [
    ("海员证", "seapass-"),
    ("服务簿", "book-"),
    ("适任证书", "cert-"),
], ids=["seapass", "book", "cert"])
def test_clarify_on_a_bare_topic(engine, kb, query, family):
    d = engine.decide(query, DAY)
    assert d.action == "clarify"
    assert len(d.options) >= 2
    assert d.faq_id == d.options[0]
    assert all(o.startswith(family) for o in d.options)
    for n, faq_id in enumerate(d.options, 1):
        assert f"{n}. {kb.by_id[faq_id].question}" in d.reply


# ---- handoff -----------------------------------------------------------------

@pytest.mark.parametrize("query", ["你们食堂几点开饭", "帮我查一下快递到哪了", "asdfghjkl"])
def test_handoff_when_nothing_matches(engine, kb, query):
    d = engine.decide(query, DAY)
    assert d.action == "handoff"
    assert d.faq_id is None
    assert kb.settings["office_hours"] in d.reply


@pytest.mark.parametrize("query", ["人工", "转人工", "找客服", "我要人工客服", "人工服务", "转人工！！", "海员证丢了 转人工"])
def test_handoff_when_a_person_is_asked_for(engine, query):
    d = engine.decide(query, DAY)
    assert d.action == "handoff"
    assert d.faq_id is None


def test_asking_for_the_hotline_is_not_asking_for_a_person(engine):
    d = engine.decide("海事局客服电话是多少", DAY)
    assert (d.action, d.faq_id) == ("answer", "hotline")


# ---- emergency ---------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "有人落水了", "船着火了", "我们两条船碰撞了", "救命", "救命啊！！", "船舱进水了 快沉了",
    "孩子掉进江里了", "机舱起火", "SOS", "船搁浅了动不了",
    "船上三个人掉进江里了",  # counts become digits (3个人) before the distress patterns look
])
def test_emergency(engine, query):
    d = engine.decide(query, DAY)
    assert d.action == "emergency"
    assert d.faq_id is None
    assert "12395" in d.reply


@pytest.mark.parametrize("query", [
    "船员落水了 海员证也掉水里了",
    "船着火了 危险货物申报怎么办",
    "碰撞了 要不要做进出港报告",
    "救命，丹徒直水道疏浚施工船撞过来了",
])
def test_emergency_wins_over_faq_words(engine, query):
    d = engine.decide(query, DAY)
    assert d.action == "emergency"
    assert "12395" in d.reply.splitlines()[0]


def test_distress_check_is_public_for_the_benchmark(engine):
    assert engine.is_distress(normalize("有人落水了"))
    assert not engine.is_distress(normalize("海员证怎么申请"))


# ---- smalltalk ---------------------------------------------------------------

@pytest.mark.parametrize("query, kind", [
    ("你好", "greeting"), ("您好！", "greeting"), ("在吗", "greeting"),
    ("谢谢", "thanks"), ("谢谢啦", "thanks"), ("好的谢谢", "thanks"), ("多谢！", "thanks"),
    ("再见", "bye"), ("拜拜", "bye"),
])
def test_smalltalk_is_never_a_handoff(engine, kb, query, kind):
    d = engine.decide(query, DAY)
    assert d.action == "smalltalk"
    assert d.faq_id is None
    assert d.reply == kb.settings["smalltalk"][kind].strip()


def test_every_decision_is_a_known_action(engine):
    for q in ["海员证", "人工", "救命", "你好", "今天吃什么", "进出港报告怎么报"]:
        assert engine.decide(q, DAY).action in ACTIONS


# ---- validity windows --------------------------------------------------------

def days(start: str, end: str, step: int = 1):
    day, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    while day <= last:
        yield day
        day += dt.timedelta(days=step)


DREDGING_QUESTIONS = ["丹徒直水道航道疏浚施工航行通告", "丹徒直水道疏浚施工到什么时候"]
DRAGON_BOAT_QUESTIONS = ["端午龙舟赛水域临时交通管制通告", "龙舟赛交通管制是哪几天"]
BOUNDARY_DAYS = [
    *days("2026-04-28", "2026-05-03"), *days("2026-06-28", "2026-07-03"),
    *days("2026-10-29", "2026-11-03"), *days("2026-12-29", "2027-01-03"),
    *days("2026-01-01", "2027-12-31", step=17),
]


@pytest.mark.parametrize("faq_id, questions", [(DREDGING, DREDGING_QUESTIONS), (DRAGON_BOAT, DRAGON_BOAT_QUESTIONS)])
def test_dated_notice_is_served_inside_its_window_and_never_outside(engine, kb, faq_id, questions):
    faq = kb.by_id[faq_id]
    for day in BOUNDARY_DAYS:
        for q in questions:
            d = engine.decide(q, day)
            if faq.active(day):
                assert (d.action, d.faq_id) == ("answer", faq_id), (day, q, d.action, d.faq_id)
            else:
                assert faq_id not in served_ids(d), (day, q)
                assert faq_id not in [c.faq_id for c in d.candidates], (day, q)


@pytest.mark.parametrize("day", ["2026-11-01", "2026-11-26", "2026-12-31"])
def test_notice_answered_on_the_days_of_its_window(engine, day):
    d = engine.decide("丹徒直水道疏浚施工到什么时候", dt.date.fromisoformat(day))
    assert (d.action, d.faq_id) == ("answer", DREDGING)


@pytest.mark.parametrize("day", ["2026-10-31", "2027-01-01", "2026-06-15"])
def test_notice_not_answered_outside_its_window(engine, day):
    d = engine.decide("丹徒直水道疏浚施工到什么时候", dt.date.fromisoformat(day))
    assert DREDGING not in served_ids(d)


@pytest.mark.parametrize("query", DRAGON_BOAT_QUESTIONS + ["龙舟比赛期间能不能过船", "端午龙舟赛", "龙舟赛"])
def test_expired_notice_is_never_served(engine, query):
    for day in [DAY, dt.date(2026, 7, 1), dt.date(2027, 5, 15)]:
        d = engine.decide(query, day)
        assert DRAGON_BOAT not in served_ids(d), (day, query)
        assert d.action in ("handoff", "clarify", "answer")


def test_notice_list_follows_the_day(engine, kb):
    dredging = kb.by_id[DREDGING].question
    dragon = kb.by_id[DRAGON_BOAT].question
    q = "在哪里查询最新的航行通告？"

    in_winter = engine.decide(q, DAY)
    assert in_winter.faq_id == "notice-where"
    assert dredging in in_winter.reply and dragon not in in_winter.reply
    assert "{notices}" not in in_winter.reply
    assert in_winter.options == [DREDGING]

    in_june = engine.decide(q, dt.date(2026, 6, 15))
    assert in_june.faq_id == "notice-where"
    assert dragon in in_june.reply and dredging not in in_june.reply
    assert in_june.options == [DRAGON_BOAT]

    next_spring = engine.decide(q, dt.date(2027, 3, 1))
    assert next_spring.faq_id == "notice-where"
    assert dredging not in next_spring.reply and dragon not in next_spring.reply
    assert next_spring.options == []


def test_undated_faqs_are_served_any_day(engine):
    for day in [dt.date(2020, 1, 1), DAY, dt.date(2035, 12, 31)]:
        d = engine.decide("海事服务热线电话是多少？", day)
        assert (d.action, d.faq_id) == ("answer", "hotline")


def test_question_kind_breaks_a_tie_between_sibling_faqs(tmp_path):
    """FAQs on one topic: the one phrased for the kind of answer asked for (documents / time / conditions) wins."""
    (tmp_path / "faq.yaml").write_text(
        "category: 海员证\n"
        "faqs:\n"
        "  - id: seapass-docs\n"
        "    question: 海员证申请材料有哪些？\n"
        "    answer: 申请表、船员服务簿、适任证书和照片。\n"
        "  - id: seapass-time\n"
        "    question: 海员证申请多久能拿到？\n"
        "    answer: 受理后7日内作出决定。\n"
        "  - id: seapass-who\n"
        "    question: 申请海员证要符合哪些条件？\n"
        "    answer: 中国公民，持有国际航行船舶适任证书或有确定的出境任务。\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    docs = engine.rank("海员证申请要准备啥", DAY)
    assert docs[0].faq_id == "seapass-docs" and docs[0].score > docs[1].score
    time_ = engine.rank("海员证申请什么时候能好", DAY)
    assert time_[0].faq_id == "seapass-time" and time_[0].score > time_[1].score
    assert all("time" in question_kinds(asked) for asked in ("几时能拿到", "何时受理", "几点上班"))
    who = engine.rank("海员证申请要具备啥", DAY)
    assert who[0].faq_id == "seapass-who" and who[0].score > who[1].score


def test_a_question_that_tells_of_a_failure_meets_the_faq_about_that_failure(tmp_path):
    """Siblings "how do I do X" and "X does not work": the tokenizer drops 不 and 没 as function words, so where
    the words do not tell them apart, whether the question tells of a failure (kinds.tells_trouble) does."""
    (tmp_path / "faq.yaml").write_text(
        "category: 账户\n"
        "faqs:\n"
        "  - id: phone-how\n"
        "    question: 如何修改绑定的手机号\n"
        "    alternates: [绑定手机号怎么更换, 我想把绑定的手机号改成新号]\n"
        "    answer: 在账户设置中修改。\n"
        "  - id: phone-fails\n"
        "    question: 绑定的手机号修改失败怎么办\n"
        "    alternates: [手机号更换不了, 改绑定手机号一直不成功]\n"
        "    answer: 请先确认新号码能收到验证码。\n"
        "  - {id: login, question: 登录不上怎么办, answer: 请检查网络后重试。}\n"
        "  - {id: password, question: 忘记密码怎么办, answer: 在登录页点击忘记密码。}\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    how = {c.faq_id: c.parts["state"] for c in engine.rank("怎样更换绑定的手机号", DAY)}
    assert how["phone-how"] == 1.0 and how["phone-fails"] == -1.0  # no phrasing of the one, all of the other
    fails = engine.rank("修改绑定手机号老是出错", DAY)  # the how-to FAQ's question says it word for word
    assert fails[0].faq_id == "phone-fails" and fails[0].parts["state"] == 1.0


@pytest.mark.parametrize("text, told", [
    ("钱转不出来", True), ("账号登不上", True), ("没到账", True), ("扣款失败", True), ("无法绑定", True),
    ("提示密码错误", True), ("看不见行情", True),
    ("能不能撤单", False), ("行不行", False), ("是不是你们的电话", False), ("要不要钱", False), ("对不起", False),
    ("如何修改手机号", False), ("证书丢了怎么补办", False),
    # plain negations, not a failure: less than an amount, not know, not at work
    ("船龄还不到一年", False), ("小艇长度不到5米要登记吗", False), ("我不了解这个规定", False), ("周末不上班吗", False),
    ("看不到10档行情", True), ("收不到验证码", True), ("登记证拿不到", True),
])
def test_what_tells_of_a_failure(text, told):
    assert tells_trouble(text) is told


def test_a_word_one_chatty_alternate_holds_counts_less_than_one_every_phrasing_says(tmp_path):
    """Users' own paraphrases are long and chatty: an FAQ must not win a question on a common word ("才能") that one
    of its alternates happens to hold, over the FAQ whose every phrasing says what is asked (赎回基金)."""
    (tmp_path / "faq.yaml").write_text(
        "category: 基金\n"
        "faqs:\n"
        "  - id: fund-redeem\n"
        "    question: 基金如何赎回\n"
        "    alternates: [手机上怎么赎回基金, 我买的基金怎么赎回]\n"
        "    answer: 在持仓页面选择该基金，点击赎回。\n"
        "  - id: fund-arrival\n"
        "    question: 赎回的钱多久到账\n"
        "    alternates: [钱什么时候到账, 卖了以后钱还没到, 我急用钱，听说基金赎回要等好几天才能到账，能不能快一点]\n"
        "    answer: 一般在确认后的1至3个工作日到账。\n"
        "  - {id: login, question: 登录不上怎么办, answer: 请检查网络后重试。}\n"
        "  - {id: password, question: 忘记密码怎么办, answer: 在登录页点击忘记密码。}\n"
        "  - {id: bank-card, question: 如何更换绑定的银行卡, answer: 在账户设置中更换。}\n"
        "  - {id: fee, question: 交易手续费怎么收, answer: 按成交金额的万分之三收取。}\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    assert engine.rank("怎么样才能赎回基金", DAY)[0].faq_id == "fund-redeem"
    assert engine.rank("赎回基金要多久才能到账", DAY)[0].faq_id == "fund-arrival"


@pytest.mark.parametrize("query", ["要多久", "多长时间能办好", "需要什么条件", "怎么申请"])
def test_a_question_that_names_no_topic_is_never_answered_outright(engine, query):
    """"要多久" could be about any FAQ: it gets a "did you mean" list (or a person), not a guess."""
    d = engine.decide(query, DAY)
    assert d.action in ("clarify", "handoff"), (d.action, d.faq_id, d.score)


def test_the_same_asking_words_with_a_topic_are_answered(engine):
    d = engine.decide("服务簿在哪办", DAY)
    assert (d.action, d.faq_id) == ("answer", "book-apply")
    assert engine.names_no_topic(engine.analyse("要多久")["tokens"])
    assert not engine.names_no_topic(engine.analyse("服务簿在哪办")["tokens"])


def test_words_an_answer_mentions_in_passing_do_not_crowd_out_the_faq_that_asks_them(tmp_path):
    """Only the best few FAQs of a cheap pre-ranking are scored in full: there, as in the score, a word in an
    FAQ's question counts more than the same word in the passing remarks of many answers."""
    faqs = "".join(
        f"  - id: topic-{n:02d}\n    question: 第{n}号业务怎么办？\n"
        f"    answer: 带上身份证件到窗口办理，不懂的可以打热线电话12395咨询。\n"
        for n in range(1, 16)
    )
    faqs += ("  - id: hotline\n    question: 热线电话12395是干什么的？\n"
             "    answer: 水上遇险求救专用。\n")
    (tmp_path / "faq.yaml").write_text("category: 业务\nfaqs:\n" + faqs, encoding="utf-8")
    engine = Engine(load_knowledge(tmp_path))
    ranked = engine.rank("热线电话12395", DAY)
    assert ranked[0].faq_id == "hotline"


def test_single_characters_break_a_tie_that_words_and_pairs_leave(tmp_path):
    """A paraphrase may share no more words and two-character pairs with the FAQ it means than with another, only
    characters (分 of 积分, 换 of 兑换): those still count, weighed by how rare each is in the knowledge base."""
    (tmp_path / "faq.yaml").write_text(
        "category: 会员\n"
        "faqs:\n"
        "  - id: points\n"
        "    question: 会员积分兑换礼品\n"
        "    answer: 在个人页面选择礼品即可。\n"
        "  - id: level\n"
        "    question: 会员等级怎么升级\n"
        "    answer: 消费满一定金额自动升级。\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    ranked = {c.faq_id: c for c in engine.rank("会员分能领东西吗", DAY)}
    points, level = ranked["points"], ranked["level"]
    assert points.parts["words_q"] == level.parts["words_q"] and points.parts["pairs_q"] == level.parts["pairs_q"]
    assert points.parts["chars_q"] > level.parts["chars_q"]
    assert points.score > level.score


def test_a_general_synonym_of_an_faqs_word_earns_part_of_its_weight(tmp_path):
    """赠品 is no word of the knowledge base, but 同义词词林 puts it in 礼品's group: the FAQ that says 礼品 becomes a
    candidate and covers part of the question, less than the word itself would."""
    (tmp_path / "faq.yaml").write_text(
        "category: 会员\n"
        "faqs:\n"
        "  - id: gift\n"
        "    question: 礼品什么时候发\n"
        "    answer: 下单后三天内寄出。\n"
        "  - id: level\n"
        "    question: 会员等级怎么升级\n"
        "    answer: 消费满一定金额自动升级。\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    assert "礼品" in engine.index.thesaurus.related("赠品")
    by_synonym = engine.rank("赠品呢", DAY)
    assert by_synonym[0].faq_id == "gift" and by_synonym[0].parts["words_q"] > 0
    by_word = engine.rank("礼品呢", DAY)
    assert by_word[0].faq_id == "gift" and by_word[0].parts["words_q"] > by_synonym[0].parts["words_q"]


def test_the_thesaurus_links_only_to_the_knowledge_bases_own_longer_words():
    thesaurus = Thesaurus(["遗失", "兑换", "用", "费用"])
    assert thesaurus.related("丢失") == {"遗失": 1.0} and thesaurus.related("掉") == {"遗失": 1.0}
    assert "遗失" not in thesaurus.related("遗失")  # never itself
    assert "用" not in thesaurus.related("费用")  # a single character is no target
    assert thesaurus.related("不在词林里的词") == {}


OTHER_DOMAIN = str(Path(__file__).parent / "fixtures" / "other_domain_kb")


@pytest.fixture(scope="module")
def other_engine():
    return Engine(load_knowledge(OTHER_DOMAIN))


@pytest.mark.parametrize("question, expected", [
    ("我要退货", "return-how"),
    ("退款啥时候能到", "refund-time"),
    ("发票咋开", "invoice"),
    ("我的快递到哪了", "shipping-track"),
    ("地址写错了能改不", "change-address"),
    ("下错单了 想取消", "cancel-order"),
    ("積分會過期嗎", "member-points"),
    ("密码忘记了登不上", "password-reset"),
    ("明天天气怎么样", None),
    ("你们公司在哪个城市", None),
])
def test_the_method_carries_over_to_another_domain(other_engine, question, expected):
    """A customer-service knowledge base from another domain, with no dictionary or synonyms of its own."""
    d = other_engine.decide(question, DAY)
    if expected is None:
        assert d.action == "handoff", (d.action, d.faq_id, d.score)
    else:
        assert (d.action, d.faq_id) == ("answer", expected), (d.action, d.faq_id, d.score, d.candidates[:2])


@pytest.mark.parametrize("typed, meant", [
    ("试任证书丢了", "适任证书丢了"),      # two characters mistyped
    ("海是通登不上", "海事通登不上"),      # a wrong character inside a word
    ("海事同登不上", "海事通登不上"),      # a wrong character right after a known word
])
def test_pinyin_typos_are_respelt_towards_domain_terms(engine, typed, meant):
    assert engine.correct_homophones(typed) == meant


def test_ordinary_words_are_not_respelt(engine):
    """正在 / 提前 sound like nothing here, and common words are never repair targets."""
    assert engine.correct_homophones("危险货物提前几个小时申报") == "危险货物提前几个小时申报"


@pytest.mark.parametrize("query, expected", [
    ("怎么转账", "how-transfer"),          # the FAQ says 如何
    ("转账为何失败", "why-fail"),          # the FAQ says 为什么
    ("转账怎么回事失败了", "why-fail"),    # 怎么回事 asks why, not how
])
def test_asking_words_of_the_same_meaning_read_alike(tmp_path, query, expected):
    """如何 / 怎样 are 怎么 and 为何 / 怎么回事 are 为什么, whichever the FAQ was written with: otherwise the
    FAQ that happens to share the user's asking word wins (怎么转账 → 转账失败了怎么办)."""
    (tmp_path / "faq.yaml").write_text(
        "category: 账户\nfaqs:\n"
        "  - id: why-fail\n    question: 为什么转账失败？\n    answer: 多为余额不足或超出限额。\n"
        "  - id: how-transfer\n    question: 如何转账？\n    answer: 在资金页面选择转账。\n"
        "  - id: fail-what\n    question: 转账失败了怎么办？\n    answer: 查看失败原因后重试。\n",
        encoding="utf-8",
    )
    d = Engine(load_knowledge(tmp_path)).decide(query, DAY)
    assert (d.action, d.faq_id) == ("answer", expected), (d.action, d.faq_id, d.candidates[:2])



def test_candidates_say_whether_they_tell_what_it_costs(tmp_path):
    """A question on a fee marks the FAQs whose phrasings and answer name none (``fee_untold``): a close call
    among only such FAQs goes to a person (decision.choose). An answer with a fee or an amount tells one."""
    (tmp_path / "faq.yaml").write_text(
        "category: 进出港\nfaqs:\n"
        "  - id: report-how\n    question: 进出港报告怎么报？\n    answer: 通过海事通APP提交，不收费。\n"
        "  - id: report-who\n    question: 进出港报告由谁来报？\n    answer: 由船长或船公司报告。\n"
        "  - id: report-what\n    question: 进出港报告要报哪些内容？\n    answer: 船名、航次、载货和人员情况，工本费20元。\n",
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tmp_path))
    untold = {c.faq_id: bool(c.parts.get("fee_untold")) for c in engine.rank("进出港报告要收费吗", DAY)}
    assert untold == {"report-how": False, "report-who": True, "report-what": False}
    assert not any(c.parts.get("fee_untold") for c in engine.rank("进出港报告由谁来报", DAY))
