"""Feedback on answers: 有用 / 没用 after an answer, through signed webhook pushes; the prompt and its setting; what
没用 offers; the feedback log; and `kb suggest` listing the answers called 没用."""
import datetime as dt
import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from webhook_support import (  # noqa: F401  (fixtures)
    KB_DIR, WeChatServer, app, client, db, event_xml, make_app, number_of, shared_app, text_xml, wechat,
)

from bot.cli import main
from bot.service.conversation import respond
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.kb.loader import load_knowledge, parse_settings
from bot.matching import Engine
from bot.service import feedback
from bot.store import feedback as feedback_log
from bot.wechat.message_xml import MAX_REPLY_BYTES, MORE_HINT, utf8_len
from db_support import database_for

PROMPT = "以上回答有帮助吗？回复“有用”或“没用”。"
RENEW = "海船船员适任证书到期了怎么再有效"


def say(client, wechat, user, text):
    """Post a signed text push; the reply's text."""
    response = wechat.post(client, text_xml(user, text))
    assert response.status_code == 200
    return wechat.read(response.data)["Content"]


def ratings(db):
    """The feedback log with each rated question's words: (faq_id, helpful, question)."""
    return [(r["faq_id"], r["helpful"], r["text"]) for r in db.query(
        "select f.faq_id, f.helpful, m.text from feedback f left join messages m on m.id = f.question_id order by f.id")]


def actions(db, user):
    return [r["action"] for r in db.query("select action from messages where user_id = ? order by id", [user])]


def age_state(db, user, minutes):
    """Move the user's conversation state (and the answer a rating would be about) ``minutes`` into the past."""
    row = next(db.query("select state from user_state where user_id = ?", [user]))
    state = json.loads(row["state"])
    then = iso(utcnow() - dt.timedelta(minutes=minutes))
    if state.get("feedback"):
        state["feedback"]["at"] = then
    with db.conn:
        db.execute("update user_state set updated_at = ?, state = ? where user_id = ?",
                   [then, json.dumps(state, ensure_ascii=False), user])


# ---- the words -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, helpful", [
    ("有用", True), ("有用！", True), ("很有用，谢谢", True), ("有帮助", True), (" 有用 👍", True), ("解决了", True),
    ("没用", False), ("没用。", False), ("没有用", False), ("还是没用啊", False), ("没帮助", False), ("答非所问", False),
    ("救生衣有用吗", None), ("有用吗", None), ("没用吗", None), ("这个证书有用吗", None), ("有用的证书有哪些", None),
    ("1", None), ("人工", None), ("没用的旧证书怎么注销", None),
])
def test_only_a_whole_message_of_feedback_words_counts(typed, helpful):
    from bot.matching import read_normalized

    assert feedback.verdict(read_normalized(typed).replace(" ", "")) is helpful


# ---- through the webhook ---------------------------------------------------------------------------------------

def test_an_answer_asks_and_没用_offers_the_next_best_as_numbers(client, wechat, db):
    answer = say(client, wechat, "user-a", RENEW)
    assert "适任证书有效期届满前12个月" in answer and answer.endswith("\n\n" + PROMPT)
    assert "1. 船员证书丢失了怎么补办" in answer  # the related follow-ups keep their numbers

    sorry = say(client, wechat, "user-a", "没用")
    assert sorry.startswith("抱歉没能帮到您。您是想问：") and "人工" in sorry
    assert number_of(sorry, "船员证书丢失了怎么补办") == "1" and number_of(sorry, "船员适任考试怎么报名") == "2"
    assert RENEW not in sorry

    picked = say(client, wechat, "user-a", "2")
    assert picked.startswith("适任考试在海事局网站报名") and picked.endswith(PROMPT)
    assert say(client, wechat, "user-a", "有用") == feedback.THANKS

    assert actions(db, "user-a") == ["answer", "feedback", "answer", "feedback"]
    # Each rating names its FAQ and the question the user asked (the pick came from what 没用 offered for it).
    assert ratings(db) == [("cert-renew", 0, RENEW), ("cert-exam", 1, RENEW)]
    logged = list(db.query("select faq_id, reply from messages where action = 'feedback' order by id"))
    assert [r["faq_id"] for r in logged] == ["cert-renew", "cert-exam"]


def test_a_question_that_contains_the_words_is_a_question(client, wechat, db):
    say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "救生衣有用吗")
    assert actions(db, "user-a")[-1] != "feedback"
    assert ratings(db) == []


def test_有用_keeps_the_numbers_of_the_related_follow_ups(client, wechat, db):
    answer = say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "有用")
    follow = say(client, wechat, "user-a", number_of(answer, "船员证书丢失了怎么补办"))
    assert follow.startswith("证书遗失的")
    assert say(client, wechat, "user-a", "有用") == feedback.THANKS
    assert ratings(db) == [("cert-renew", 1, RENEW), ("cert-lost", 1, None)]  # a follow-up: no question of their own


def test_one_rating_per_answer(client, wechat, db):
    say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "有用")
    assert say(client, wechat, "user-a", "没用") == feedback.NOTHING_TO_RATE
    assert [r[1] for r in ratings(db)] == [1]


def test_a_pick_from_did_you_mean_offers_the_other_candidates(client, wechat, db):
    listed = say(client, wechat, "user-a", "船员证书")
    assert listed.startswith("您是想问")
    say(client, wechat, "user-a", number_of(listed, RENEW))
    sorry = say(client, wechat, "user-a", "没用")
    assert number_of(sorry, "船员证书丢失了怎么补办") == "1" and RENEW not in sorry
    assert say(client, wechat, "user-a", "1").startswith("证书遗失的")
    assert ratings(db) == [("cert-renew", 0, "船员证书")]


def test_没用_without_a_next_best_offers_a_person(client, wechat, db):
    first = say(client, wechat, "user-a", "船舶登记要什么材料")  # a long answer: 更多 was not asked for
    assert first.endswith(MORE_HINT.strip()) and PROMPT not in first
    assert say(client, wechat, "user-a", "没用") == feedback.SORRY + feedback.ASK_PERSON
    say(client, wechat, "user-a", "人工")
    handoff = next(db.query("select question from handoffs where user_id = 'user-a'"))
    assert handoff["question"] == "船舶登记要什么材料（用户要求转人工）"
    assert ratings(db) == [("ship-register", 0, "船舶登记要什么材料")]


def test_the_prompt_ends_the_last_part_of_a_long_answer_within_2048_bytes(client, wechat):
    parts = [say(client, wechat, "user-a", "船舶登记要什么材料")]
    while parts[-1].endswith(MORE_HINT.strip()):
        parts.append(say(client, wechat, "user-a", "更多"))
    assert len(parts) >= 2 and all(utf8_len(p) <= MAX_REPLY_BYTES for p in parts)
    assert [p.endswith(PROMPT) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert "1. 船舶国籍证书怎么办理" in parts[-1]


def test_a_menu_answer_can_be_rated(client, wechat, db):
    r = wechat.post(client, event_xml("user-a", "CLICK", "MENU_RENEW"))
    assert wechat.read(r.data)["Content"].endswith(PROMPT)
    assert say(client, wechat, "user-a", "没用") == feedback.SORRY + feedback.ASK_PERSON
    assert ratings(db) == [("cert-renew", 0, None)]


def test_nothing_to_rate_without_an_answer_or_after_a_new_question(client, wechat, db):
    assert say(client, wechat, "user-a", "有用") == feedback.NOTHING_TO_RATE
    say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "游艇驾驶证怎么考")  # not answered: a "did you mean" list
    assert say(client, wechat, "user-a", "没用") == feedback.NOTHING_TO_RATE
    assert ratings(db) == [] and "no_option" in actions(db, "user-a")


def test_smalltalk_and_更多_keep_the_answer_to_rate(client, wechat, db):
    say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "谢谢")
    say(client, wechat, "user-a", "有用")
    assert ratings(db) == [("cert-renew", 1, RENEW)]


def test_a_rating_counts_for_30_minutes_after_the_answer(client, wechat, db):
    say(client, wechat, "user-a", RENEW)
    age_state(db, "user-a", 20)  # past the 10 idle minutes of numbered choices, within the 30 of a rating
    assert say(client, wechat, "user-a", "1") == "这个编号已失效（超过10分钟或没有可选的问题），请直接输入您的问题。"
    assert say(client, wechat, "user-a", "有用") == feedback.THANKS
    say(client, wechat, "user-b", RENEW)
    age_state(db, "user-b", 31)
    assert say(client, wechat, "user-b", "没用") == feedback.NOTHING_TO_RATE
    assert ratings(db) == [("cert-renew", 1, RENEW)]


def test_unsubscribing_leaves_an_anonymous_vote(client, wechat, db):
    say(client, wechat, "user-a", RENEW)
    say(client, wechat, "user-a", "没用")
    wechat.post(client, event_xml("user-a", "unsubscribe"))
    assert ratings(db) == [("cert-renew", 0, None)]
    assert list(db.query("select count(*) as n from messages where user_id = 'user-a'"))[0]["n"] == 0


# ---- the setting -----------------------------------------------------------------------------------------------

def kb_with(tmp_path, settings_text: str):
    """A copy of the webhook fixture knowledge base with more settings."""
    folder = tmp_path / "kb"
    shutil.copytree(KB_DIR, folder)
    with open(folder / "settings.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n" + settings_text)
    return folder


@pytest.fixture
def conversation(tmp_path):
    """``talk(settings_text)`` → a function sending one message (and the outcome) on its own knowledge base."""
    conn = open_db(database_for(tmp_path))

    def talk(settings_text):
        engine = Engine(load_knowledge(kb_with(tmp_path, settings_text)))
        return lambda text, user="u1": respond(conn, engine, user, text)

    yield talk
    conn.close()


def test_ask_below_a_score_prompts_only_doubtful_answers(conversation):
    send = conversation("feedback: {ask: below, below_score: 87}\n")
    assert send("船员证书丢失了怎么补办").reply.endswith(PROMPT)  # scores 83.9
    sure = send(RENEW)  # scores 88.9
    assert PROMPT not in sure.reply
    assert send("没用").action == "feedback"  # the words work without the prompt
    send("船员证书")
    assert send("2").reply.endswith(PROMPT)  # picked from a "did you mean" list


def test_ask_off_never_prompts_and_the_words_still_work(conversation):
    send = conversation("feedback:\n  ask: off\n")  # YAML reads a bare off as false
    assert PROMPT not in send(RENEW).reply
    assert send("有用").reply == feedback.THANKS


def test_the_prompt_is_configurable(conversation):
    send = conversation("feedback: {prompt: 满意请回复有用，不满意请回复没用}\n")
    assert send(RENEW).reply.endswith("\n\n满意请回复有用，不满意请回复没用")


def test_an_answer_that_fits_only_without_the_prompt_goes_without_it(tmp_path):
    folder = kb_with(tmp_path, "")
    size = MAX_REPLY_BYTES - utf8_len(PROMPT) // 2
    (folder / "05-long.yaml").write_text(
        "category: 长回答\nfaqs:\n  - id: almost-full\n    question: 游艇驾驶证怎么考\n"
        f"    answer: {'考' * (size // 3)}\n", encoding="utf-8")
    engine = Engine(load_knowledge(folder))
    conn = open_db(database_for(tmp_path))
    try:
        out = respond(conn, engine, "u1", "游艇驾驶证怎么考")
        assert out.faq_id == "almost-full" and not out.more and PROMPT not in out.reply
        assert respond(conn, engine, "u1", "没用").action == "feedback"
    finally:
        conn.close()


@pytest.mark.parametrize("text, problem", [
    ("feedback: {ask: sometimes}\n", "ask"),
    ("feedback: {below_score: 120}\n", "below_score"),
    ("feedback: {prompt: ''}\n", "prompt"),
    ("feedback: {asked: on}\n", "asked"),
    ("feedback: on\n", "feedback"),
])
def test_bad_feedback_settings_are_reported_with_their_line(tmp_path, text, problem):
    path = tmp_path / "settings.yaml"
    path.write_text("office_hours: 全天\n" + text, encoding="utf-8")
    errors = []
    settings = parse_settings(path, errors)
    assert errors and problem in str(errors[0]) and errors[0].line == 2
    assert settings["feedback"]["ask"] == "on"  # the bad entry is left out


def test_the_default_is_on_with_the_documented_words():
    settings = load_knowledge(KB_DIR).settings["feedback"]
    assert settings == {"ask": "on", "below_score": 70.0, "prompt": PROMPT}
    assert feedback.HELPFUL_WORD in settings["prompt"] and feedback.UNHELPFUL_WORD in settings["prompt"]


# ---- the log ---------------------------------------------------------------------------------------------------

def test_helpfulness_per_faq_least_helpful_first(tmp_path):
    conn = open_db(database_for(tmp_path))
    try:
        stamp = iso()
        with conn.conn:
            for faq_id, votes in (("a", [1] * 9 + [0]), ("b", [0]), ("c", [1, 0, 0, 0, 0]), ("d", [1, 1])):
                for helpful in votes:
                    feedback_log.add(conn, faq_id=faq_id, helpful=bool(helpful), score=None, user_id="u",
                                     asked_at=None, stamp=stamp)
        rows = feedback_log.per_faq(conn, iso(utcnow() - dt.timedelta(days=1)))
        assert [r["faq_id"] for r in rows] == ["c", "b", "d", "a"]
        assert rows[0] == {"faq_id": "c", "helpful": 1, "unhelpful": 4, "total": 5}
        assert feedback_log.per_faq(conn, iso(utcnow() + dt.timedelta(minutes=1))) == []
    finally:
        conn.close()


# ---- kb suggest ------------------------------------------------------------------------------------------------

def test_kb_suggest_lists_the_answers_called_没用_per_faq(tmp_path):
    path = tmp_path / "bot.db"  # kb suggest reads an SQLite log file
    app = make_app(tmp_path, BOT_DATABASE=str(path))
    client, server = app.test_client(), WeChatServer()
    for user, question, word in (("u1", "证书到期了怎么办", "没用"), ("u2", "证书到期了怎么办", "没用"),
                                 ("u3", RENEW, "有用"), ("u4", "游艇驾驶证怎么考", None)):
        say(client, server, user, question)
        if word:
            say(client, server, user, word)
    draft = tmp_path / "drafts" / "suggestions.yaml"
    result = CliRunner().invoke(main, ["kb", "suggest", "--db", str(path), "--kb", KB_DIR, "--write", str(draft)])
    assert result.exit_code == 0, result.output
    assert "用户说“没用”的回答 2 条" in result.output
    assert "[没用1] cert-renew（海船船员适任证书到期了怎么再有效）被说“没用” 2 次：“证书到期了怎么办”" in result.output
    assert "游艇驾驶证怎么考" in result.output  # the unanswered ones are still there
    items = yaml.safe_load(draft.read_text(encoding="utf-8"))
    review = [i for i in items if i["proposal"] == "review_answer"]
    assert review == [{"proposal": "review_answer", "faq": "cert-renew", "question": RENEW, "unhelpful": 2,
                       "asked": ["证书到期了怎么办"], "next_best": review[0]["next_best"],
                       "next_question": review[0]["next_question"]}]
    assert review[0]["next_best"] != "cert-renew"
