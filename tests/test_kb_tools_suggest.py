"""kb suggest: a real SQLite message log, the real engine on the fixture knowledge base, the real CLI."""
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.clock import iso, utcnow
from bot.store.connection import open_db
from bot.kb.curator import parse_since

FIXTURE = Path(__file__).parent / "fixtures" / "kbtools_kb"
# Fixed thresholds so these tests follow suggest's rules rather than the engine's current tuning: only
# near-exact phrasings are answered, and a top candidate from 25 up counts as "close to an existing FAQ".
THRESHOLDS = "thresholds:\n  answer: 65\n  clarify: 25\n  margin: 3\n"


def log_messages(db_path, rows):
    """Insert messages as the webhook logs them: (text, action, hours ago)."""
    db = open_db(str(db_path))
    now = utcnow()
    db["messages"].insert_all(
        {"created_at": iso(now - dt.timedelta(hours=ago)), "user_id": f"user-{n % 3}", "msg_type": "text",
         "text": text, "normalized": text, "action": action, "score": 0.0, "candidates": "[]"}
        for n, (text, action, ago) in enumerate(rows)
    )
    db.conn.close()


LOG = [
    # A topic the knowledge base lacks: three messages, two phrasings.
    ("游艇驾照怎么考", "handoff", 1),
    ("游艇驾照怎么考", "handoff", 5),
    ("考游艇驾照要什么条件", "handoff", 30),
    # Close to seapass-apply, which got a "did you mean" or a handoff.
    ("海员证办理要多久", "clarify", 2.5),
    ("海员证要多少天才能办好", "handoff", 50),
    # Not material for the knowledge base.
    ("人工", "handoff", 3),
    ("转人工客服", "handoff", 3),
    ("1", "handoff", 4),
    ("船上着火了", "emergency", 4),
    ("船员证丢了怎么补", "answer", 4),
    # Handed off at the time, answered by today's knowledge base.
    ("适任证书到期前要怎么延续", "handoff", 6),
    # Older than a week.
    ("码头收费标准", "handoff", 24 * 10),
]


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "instance" / "bot.db"
    log_messages(path, LOG)
    return path


@pytest.fixture
def kb(tmp_path):
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE, target)
    settings = target / "settings.yaml"
    settings.write_text(THRESHOLDS + settings.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_groups_and_proposals(db_path, kb):
    result = run("kb", "suggest", "--db", db_path, "--kb", kb)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "转人工/澄清的消息 9 条：1 条现在已能回答，3 条不是业务问题" in out
    assert "其余分成 2 组" in out
    assert "[1] 3 条：“游艇驾照怎么考” / “考游艇驾照要什么条件”\n    建议：新增一条FAQ" in out
    assert "[2] 2 条：" in out and "“海员证办理要多久”" in out and "“海员证要多少天才能办好”" in out
    assert "建议：给 seapass-apply（海员证怎么申请？）加 alternates" in out
    for left_out in ("人工", "船上着火了", "码头收费标准", "船员证丢了怎么补"):
        assert f"“{left_out}”" not in out


def test_since_takes_days_or_hours(db_path, kb):
    week = run("kb", "suggest", "--db", db_path, "--kb", kb, "--since", "30d")
    assert "“码头收费标准”" in week.output
    hours = run("kb", "suggest", "--db", db_path, "--kb", kb, "--since", "2h")
    assert hours.exit_code == 0, hours.output
    assert "转人工/澄清的消息 1 条" in hours.output and "“游艇驾照怎么考”" in hours.output


@pytest.mark.parametrize("text, expected", [("7d", dt.timedelta(days=7)), ("12h", dt.timedelta(hours=12)),
                                            ("30D", dt.timedelta(days=30))])
def test_parse_since(text, expected):
    assert parse_since(text) == expected


@pytest.mark.parametrize("bad", ["7", "7x", "d", "0d", "-1d"])
def test_bad_since_is_a_usage_error(db_path, kb, bad):
    result = run("kb", "suggest", "--db", db_path, "--kb", kb, "--since", bad)
    assert result.exit_code == 2
    assert "7d、12h" in result.output


def test_database_defaults_to_bot_database(db_path, kb):
    result = run("kb", "suggest", "--kb", kb, env={"BOT_DATABASE": str(db_path)})
    assert result.exit_code == 0, result.output
    assert "“游艇驾照怎么考”" in result.output


def test_missing_database_is_a_clear_error(tmp_path, kb):
    result = run("kb", "suggest", "--db", tmp_path / "nope.db", "--kb", kb)
    assert result.exit_code == 1
    assert "找不到消息日志数据库" in result.output and "nope.db" in result.output
    assert not (tmp_path / "nope.db").exists(), "suggest must not create a database"


def test_write_saves_proposals_as_yaml_for_review(db_path, kb):
    target = kb / "drafts" / "suggestions.yaml"
    result = run("kb", "suggest", "--db", db_path, "--kb", kb, "--write", target)
    assert result.exit_code == 0, result.output
    assert "建议已写入" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# python -m bot kb suggest --since 7d 生成于 ")
    proposals = yaml.safe_load(text)
    assert proposals[0] == {
        "proposal": "new_faq", "asked": 3,
        "faq": {"id": "draft-1", "question": "游艇驾照怎么考", "alternates": ["考游艇驾照要什么条件"],
                "answer": "待补充", "source": ""},
    }
    assert proposals[1]["proposal"] == "alternates" and proposals[1]["faq"] == "seapass-apply"
    assert proposals[1]["asked"] == 2
    assert sorted(proposals[1]["alternates"]) == ["海员证办理要多久", "海员证要多少天才能办好"]
    # drafts/ is never loaded: the knowledge base is unchanged and still valid.
    assert run("kb", "check", kb).exit_code == 0


@pytest.mark.parametrize("name", ["01-certificates.yaml", "settings.yaml", "synonyms.yaml", "dictionary.txt",
                                  "new-faqs.yaml"])
def test_write_refuses_curated_knowledge_files(db_path, kb, name):
    before = {p.name: p.read_bytes() for p in kb.iterdir()}
    result = run("kb", "suggest", "--db", db_path, "--kb", kb, "--write", kb / name)
    assert result.exit_code == 1
    assert "不能写入" in result.output and "drafts/suggestions.yaml" in result.output
    assert {p.name: p.read_bytes() for p in kb.iterdir()} == before
