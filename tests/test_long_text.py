"""Bounded work per message: only the first MAX_TEXT_CHARS characters are read, and the log keeps a bounded text.

No timings here (they never decide a test): what is checked is how much text the tokenizer and the distress model
were given.
"""
import datetime as dt
import json
import random
from pathlib import Path

import pytest

from bot.service.conversation import MAX_LOGGED_CHARS, respond
from bot.store.connection import open_db
from bot.matching import ACTIONS, MAX_TEXT_CHARS, Engine
from bot.kb.loader import load_knowledge
from db_support import database_for

FIXTURE_KB = Path(__file__).parent / "fixtures" / "engine_kb"
DAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.timezone.utc)
SIZE = 100_000
FILLER = "龘" * SIZE  # one character no dictionary knows: the slowest input for jieba's HMM


def random_cjk(size: int, seed: int = 10) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(size))


LONG_MESSAGES = {"random-cjk": random_cjk(SIZE), "one-unknown-character": FILLER}


@pytest.fixture(scope="module")
def engine():
    return Engine(load_knowledge(FIXTURE_KB))


@pytest.fixture
def db(tmp_path):
    conn = open_db(database_for(tmp_path))
    yield conn
    conn.close()


@pytest.fixture
def seen(engine, monkeypatch):
    """The length of every text handed to the tokenizer and to the distress model while a test runs."""
    lengths = {"tokenizer": [], "distress": []}

    def spy(name, method):
        def recording(text, *args, **kwargs):
            lengths[name].append(len(text))
            return method(text, *args, **kwargs)
        return recording

    monkeypatch.setattr(engine.tokenizer, "tokens", spy("tokenizer", engine.tokenizer.tokens))
    monkeypatch.setattr(engine.tokenizer, "segment", spy("tokenizer", engine.tokenizer.segment))
    monkeypatch.setattr(engine.distress, "read", spy("distress", engine.distress.read))
    return lengths


def assert_read_at_most_the_cap(seen):
    assert seen["tokenizer"] and seen["distress"], "the engine read the message"
    assert max(seen["tokenizer"]) <= MAX_TEXT_CHARS
    assert max(seen["distress"]) <= MAX_TEXT_CHARS


@pytest.mark.parametrize("kind", LONG_MESSAGES)
def test_a_100_kb_message_gets_a_normal_decision_from_its_first_500_characters(engine, seen, kind):
    d = engine.decide(LONG_MESSAGES[kind], DAY)
    assert d.action in ACTIONS and d.reply
    assert d.query == LONG_MESSAGES[kind][:MAX_TEXT_CHARS]
    assert len(d.normalized) <= MAX_TEXT_CHARS
    assert_read_at_most_the_cap(seen)


@pytest.mark.parametrize("kind", LONG_MESSAGES)
def test_a_100_kb_message_is_answered_and_logged_cut(db, engine, seen, kind):
    text = LONG_MESSAGES[kind]
    outcome = respond(db, engine, "u1", text, NOW)
    assert outcome.action in ACTIONS and outcome.reply
    assert len(outcome.normalized) <= MAX_TEXT_CHARS
    assert_read_at_most_the_cap(seen)
    [row] = db.query("select text, normalized from messages where user_id = 'u1'")
    assert row["text"] == text[:MAX_LOGGED_CHARS]
    assert len(row["normalized"]) <= MAX_TEXT_CHARS
    for handoff in db.query("select question, transcript from handoffs"):
        assert len(handoff["question"]) <= MAX_LOGGED_CHARS
        assert all(len(entry["text"]) <= MAX_LOGGED_CHARS for entry in json.loads(handoff["transcript"]))


def test_a_question_at_the_start_of_a_long_message_is_still_answered(engine):
    d = engine.decide("海员证怎么申请" + FILLER, DAY)
    assert (d.action, d.faq_id) == ("answer", "seapass-apply")


def test_distress_at_the_start_of_a_long_message_is_an_emergency(db, engine, seen):
    outcome = respond(db, engine, "u1", "有人落水了" + FILLER, NOW)
    assert outcome.action == "emergency" and "12395" in outcome.reply
    assert max(seen["distress"]) <= MAX_TEXT_CHARS
    [handoff] = db.query("select priority, key_message from handoffs where user_id = 'u1'")
    assert handoff["priority"] == "urgent"
    assert handoff["key_message"] == ("有人落水了" + FILLER)[:MAX_LOGGED_CHARS]


@pytest.mark.parametrize("at", [MAX_TEXT_CHARS, MAX_TEXT_CHARS + 100, SIZE // 2])
def test_distress_words_past_the_cap_are_not_read(engine, at):
    text = FILLER[:at] + "有人落水了" + FILLER
    assert engine.decide(text, DAY).action != "emergency"
    assert not engine.is_distress(text)


@pytest.mark.parametrize("at", [0, 100, MAX_TEXT_CHARS - len("有人落水了")])
def test_distress_words_inside_the_cap_are_read(engine, at):
    text = FILLER[:at] + "有人落水了" + FILLER
    assert engine.decide(text, DAY).action == "emergency"
    assert engine.is_distress(text)
