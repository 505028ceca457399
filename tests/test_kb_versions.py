"""One knowledge version everywhere: ``kb publish`` stores a checked folder as a numbered version in the database,
every app on that database serves it within seconds (without looking at its folder again), ``kb rollback N``
goes back, and the staff pages show the version, each host since when, and who published what."""
from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from admin_support import KB_FILES, PASSWORD, add_handoff, database, login, make_app, write_kb
from bot import create_app
from bot.service import staff
from bot.cli import main
from bot.clock import local, parse_iso
from bot.errors import KnowledgeError
from bot.kb.publish import PublishError, checksum, materialise, publish, snapshot
from bot.kb.live import LiveKnowledge
from bot.store import knowledge_versions as store
from webhook_support import wait_for

DAY = dt.date(2026, 11, 26)
QUESTION = "船员证书丢了"
OLD_ANSWER = "证书遗失的，可以在海事政务服务网申请补发。"
NEW_ANSWER = "证书遗失的，请带身份证到海事处窗口补发。"
SWITCH_SECONDS = 10.0


def reply(app) -> str:
    return app.extensions["knowledge"].engine().decide(QUESTION, DAY).reply


def edited_kb(folder: Path, old: str = OLD_ANSWER, new: str = NEW_ANSWER) -> Path:
    """A copy of the test knowledge base with one answer changed."""
    write_kb(folder)
    path = folder / "01-crew.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return folder


def cli(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def db_of(app) -> str:
    return app.config["BOT"].BOT_DATABASE


def serves(app, number):
    """Wait until ``app`` serves version ``number`` (None: its folder)."""
    wait_for(lambda: app.extensions["knowledge"].version == number, timeout=SWITCH_SECONDS)


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    app.extensions["knowledge"].stop()


def test_nothing_published_serves_the_folder_and_reports_it(app, tmp_path):
    live = app.extensions["knowledge"]
    assert live.version is None and reply(app) == OLD_ANSWER
    with database(app) as db:
        row = wait_for(lambda: store.hosts(db))[0]
        assert store.current_number(db) is None
    assert row["host"] == live.host and row["version"] is None and row["error"] is None
    # Single-host use is unchanged: the folder is still hot-reloaded.
    crew = tmp_path / "kb" / "01-crew.yaml"
    crew.write_text(crew.read_text(encoding="utf-8").replace(OLD_ANSWER, NEW_ANSWER), encoding="utf-8")
    assert reply(app) == NEW_ANSWER


def test_a_published_version_is_served_within_seconds_without_touching_the_folder(app, tmp_path):
    folder = tmp_path / "kb"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert reply(app) == OLD_ANSWER
    with database(app) as db:
        result = publish(db, edited_kb(tmp_path / "next"), "zhangsan")
    assert result.number == 1 and not result.unchanged and result.previous is None
    started = time.monotonic()
    wait_for(lambda: reply(app) == NEW_ANSWER, timeout=SWITCH_SECONDS)
    assert time.monotonic() - started < 5
    live = app.extensions["knowledge"]
    assert live.version == 1 and live.last_error is None
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # Edits to the folder no longer matter: the published version serves until another one is published.
    crew = folder / "01-crew.yaml"
    crew.write_text(crew.read_text(encoding="utf-8").replace(OLD_ANSWER, "目录里改过的回答。"), encoding="utf-8")
    assert reply(app) == NEW_ANSWER


def test_the_stored_version_has_its_files_checksum_and_check_summary(app, tmp_path):
    source = edited_kb(tmp_path / "next")
    (source / "README.md").write_text("说明", encoding="utf-8")
    (source / "drafts").mkdir()
    (source / "drafts" / "draft.yaml").write_text("category: 草稿\nfaqs: []\n", encoding="utf-8")
    with database(app) as db:
        result = publish(db, source, "zhangsan")
        row = store.version(db, result.number)
        files = store.files(db, result.number)
    assert sorted(files) == sorted(KB_FILES) and files["01-crew.yaml"] == (source / "01-crew.yaml").read_text(encoding="utf-8")
    assert row["checksum"] == checksum(files) == result.checksum
    assert (row["published_by"], row["faq_count"], row["file_count"]) == ("zhangsan", 3, len(KB_FILES))
    # The folder's FAQs have no source: kb check warns, and the summary and report keep that.
    assert row["check_summary"].startswith("0 个错误，") and "个警告" in row["check_summary"]
    assert "01-crew.yaml:" in row["check_report"] and "警告" in row["check_report"]
    assert str(tmp_path) not in row["check_report"]
    assert result.skipped == ["README.md"]


def test_a_broken_folder_is_refused_with_file_and_line(app, tmp_path):
    broken = write_kb(tmp_path / "broken")
    crew = broken / "01-crew.yaml"
    crew.write_text(crew.read_text(encoding="utf-8").replace("  - id: cert-lost\n    question:",
                                                             "  - id: cert-lost\n   question:"), encoding="utf-8")
    r = cli("kb", "publish", broken, "--db", db_of(app), "--by", "zhangsan")
    assert r.exit_code == 1
    assert "01-crew.yaml:10: 错误: YAML格式错误" in r.output
    assert "未发布" in r.output
    with database(app) as db:
        assert store.current_number(db) is None and store.versions(db) == []
    with database(app) as db, pytest.raises(PublishError) as caught:
        publish(db, broken, "zhangsan")
    assert caught.value.errors[0].path == str(crew) and caught.value.errors[0].line == 10


def test_a_folder_that_is_not_utf8_is_refused_with_the_line(app, tmp_path):
    folder = write_kb(tmp_path / "gbk")
    (folder / "dictionary.txt").write_bytes("船员服务簿 5 n\n服务簿 500 n\n".encode("gbk"))
    r = cli("kb", "publish", folder, "--db", db_of(app))
    assert r.exit_code == 1 and "dictionary.txt:1: 错误: 文件不是UTF-8编码" in r.output


def test_publishing_the_same_files_again_adds_no_version(app, tmp_path):
    source = edited_kb(tmp_path / "next")
    with database(app) as db:
        first = publish(db, source, "zhangsan")
        again = publish(db, source, "lisi")
        assert again.unchanged and again.number == first.number
        assert len(store.versions(db)) == 1 and len(store.activations(db)) == 1
    r = cli("kb", "publish", source, "--db", db_of(app))
    assert r.exit_code == 0 and "与当前版本 1 完全相同，没有发布新版本" in r.output


def test_rollback_returns_to_an_older_version_and_is_recorded(app, tmp_path):
    db_path = db_of(app)
    r = cli("kb", "publish", write_kb(tmp_path / "v1"), "--db", db_path, "--by", "zhangsan")
    assert r.exit_code == 0, r.output
    r = cli("kb", "publish", edited_kb(tmp_path / "v2"), "--db", db_path, "--by", "lisi")
    assert r.exit_code == 0, r.output
    assert "已发布知识库版本 2：3 条FAQ" in r.output and "发布人 lisi" in r.output
    assert "python -m bot kb rollback 1" in r.output
    wait_for(lambda: reply(app) == NEW_ANSWER, timeout=SWITCH_SECONDS)

    r = cli("kb", "rollback", "1", "--db", db_path, "--by", "wangwu")
    assert r.exit_code == 0, r.output
    assert "已切换回版本 1（zhangsan 发布于" in r.output and "原为版本 2" in r.output
    wait_for(lambda: reply(app) == OLD_ANSWER, timeout=SWITCH_SECONDS)
    assert app.extensions["knowledge"].version == 1
    with database(app) as db:
        assert [v["id"] for v in store.versions(db)] == [2, 1]  # nothing deleted
        log = [(a["version"], a["action"], a["activated_by"]) for a in store.activations(db)]
        assert log == [(1, "rollback", "wangwu"), (2, "publish", "lisi"), (1, "publish", "zhangsan")]
        current = store.current(db)
    assert (current["id"], current["action"], current["activated_by"]) == (1, "rollback", "wangwu")

    r = cli("kb", "rollback", "1", "--db", db_path)
    assert r.exit_code == 1 and "版本 1 已经是当前版本" in r.output
    r = cli("kb", "rollback", "7", "--db", db_path)
    assert r.exit_code == 1 and "没有版本 7（现有：2, 1）" in r.output


def test_two_apps_on_one_database_both_switch(app, tmp_path):
    # A second host: its own knowledge folder (an older copy), the same database.
    other_kb = write_kb(tmp_path / "host2-kb")
    second = create_app({**_config_of(app), "BOT_KNOWLEDGE_DIR": str(other_kb)})
    try:
        hosts = {app.extensions["knowledge"].host, second.extensions["knowledge"].host}
        assert len(hosts) == 2
        with database(app) as db:
            number = publish(db, edited_kb(tmp_path / "next"), "zhangsan").number
        for each in (app, second):
            wait_for(lambda: reply(each) == NEW_ANSWER, timeout=SWITCH_SECONDS)
        with database(app) as db:
            # Each host reports the version it serves.
            wait_for(lambda: {r["host"] for r in store.hosts(db) if r["version"] == number} == hosts,
                     timeout=SWITCH_SECONDS)
            number2 = publish(db, write_kb(tmp_path / "v-old"), "lisi").number
        for each in (app, second):
            wait_for(lambda: reply(each) == OLD_ANSWER and each.extensions["knowledge"].version == number2,
                     timeout=SWITCH_SECONDS)
    finally:
        second.extensions["knowledge"].stop()


def _config_of(app) -> dict:
    config = app.config["BOT"]
    return {"BOT_DATABASE": config.BOT_DATABASE, "WECHAT_TOKEN": config.WECHAT_TOKEN, "RELOAD_CHECK_SECONDS": 0.0,
            "TESTING": True}


def test_a_host_starting_after_a_publish_serves_the_version_at_once(app, tmp_path):
    with database(app) as db:
        number = publish(db, edited_kb(tmp_path / "next"), "zhangsan").number
    # Even without a usable folder of its own: the published version is all it needs.
    late = create_app({**_config_of(app), "BOT_KNOWLEDGE_DIR": str(tmp_path / "no-such-folder")})
    try:
        assert late.extensions["knowledge"].version == number
        assert reply(late) == NEW_ANSWER
    finally:
        late.extensions["knowledge"].stop()


def test_a_version_that_does_not_load_keeps_the_last_good_one_and_says_so(app, tmp_path):
    with database(app) as db:
        good = publish(db, edited_kb(tmp_path / "next"), "zhangsan").number
        serves(app, good)
        bad = publish(db, write_kb(tmp_path / "v-old"), "lisi").number
        serves(app, bad)
        # The stored files of the good version are altered behind our back: its checksum no longer matches.
        db.conn.execute("update kb_version_files set content = content || ' ' where version = ?", [good])
        db.conn.commit()
    r = cli("kb", "rollback", good, "--db", db_of(app))
    assert r.exit_code == 1 and "校验和不符" in r.output and f"版本 {good} 无法使用，未切换" in r.output
    with database(app) as db:
        store.activate(db, good, "someone")  # as if another release had made it current anyway
        row = wait_for(lambda: next((h for h in store.hosts(db) if h["error"]), None), timeout=SWITCH_SECONDS)
    live = app.extensions["knowledge"]
    assert live.version == bad and reply(app) == OLD_ANSWER
    assert f"无法加载发布的版本 {good}" in row["error"] and "校验和不符" in row["error"] and row["version"] == bad


def test_a_published_version_carries_the_canned_replies(staff_app, tmp_path):
    source = edited_kb(tmp_path / "next")
    (source / "canned_replies.yaml").write_text(
        "replies:\n  - title: 版本里的回复\n    text: 这条常用回复来自发布的版本。\n", encoding="utf-8")
    with database(staff_app) as db:
        publish(db, source, "zhangsan")
        handoff_id = add_handoff(db, "oUser1", "人工")
    serves(staff_app, 1)
    client = staff_app.test_client()
    login(client)
    page = client.get(f"/admin/handoffs/{handoff_id}").get_data(as_text=True)
    assert "版本里的回复" in page


@pytest.fixture
def staff_app(app):
    with database(app) as db:
        staff.create_user(db, "zhangsan", PASSWORD)
    return app


def test_the_staff_pages_show_the_version_and_each_host_since_when(staff_app, tmp_path):
    client = staff_app.test_client()
    login(client)
    page = client.get("/admin/knowledge").get_data(as_text=True)
    assert "尚未发布版本" in page and "使用知识库目录" in page

    with database(staff_app) as db:
        publish(db, edited_kb(tmp_path / "next"), "lisi")
    serves(staff_app, 1)
    live = staff_app.extensions["knowledge"]
    with database(staff_app) as db:
        row = wait_for(lambda: next((h for h in store.hosts(db) if h["version"] == 1), None), timeout=SWITCH_SECONDS)
    page = client.get("/admin/knowledge").get_data(as_text=True)
    assert "当前版本：版本 1" in page and "lisi 于" in page
    assert live.host in page and "与当前版本一致" in page
    assert local(row["since"]) in page and parse_iso(row["since"]) == live.since.replace(microsecond=0)
    assert "0 个错误，" in page and "01-crew.yaml:" in page  # the kb check summary and its report
    dashboard = client.get("/admin/dashboard").get_data(as_text=True)
    assert "知识库：版本 1，3 条FAQ" in dashboard and "/admin/knowledge" in dashboard


def test_the_staff_page_lists_a_host_that_stopped_reporting(staff_app, tmp_path):
    with database(staff_app) as db:
        store.report_host(db, "old-host:123", None, parse_iso("2026-01-01T00:00:00+00:00"), None,
                          now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10))
    client = staff_app.test_client()
    login(client)
    page = client.get("/admin/knowledge").get_data(as_text=True)
    assert "old-host:123" in page and "已停止或无响应" in page


def test_kb_versions_lists_versions_and_hosts(app, tmp_path):
    db_path = db_of(app)
    r = cli("kb", "versions", "--db", db_path)
    assert r.exit_code == 0 and "还没有发布过知识库版本" in r.output
    cli("kb", "publish", write_kb(tmp_path / "v1"), "--db", db_path, "--by", "zhangsan")
    serves(app, 1)
    host = app.extensions["knowledge"].host
    with database(app) as db:
        wait_for(lambda: any(h["version"] == 1 for h in store.hosts(db)), timeout=SWITCH_SECONDS)
    r = cli("kb", "versions", "--db", db_path)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("当前版本：1（zhangsan ") and lines[0].endswith(" 发布）")
    assert lines[1].startswith("*    1  ") and "zhangsan" in lines[1] and f"3 条FAQ，{len(KB_FILES)} 个文件" in lines[1]
    assert "检查：0 个错误，" in lines[1]
    assert any(line.strip().startswith(f"{host}  版本 1  自 ") for line in lines)


def test_publish_defaults_to_the_served_folder_and_the_os_user(app, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "operator")
    monkeypatch.setattr("getpass.getuser", lambda: "operator")
    source = edited_kb(tmp_path / "next")
    r = cli("kb", "publish", "--db", db_of(app), env={"BOT_KNOWLEDGE_DIR": str(source)})
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].startswith(f"已发布知识库版本 1：3 条FAQ，{len(KB_FILES)} 个文件，校验和 ")
    assert "（发布人 operator）" in r.output
    with database(app) as db:
        assert store.version(db, 1)["published_by"] == "operator"


def test_snapshot_and_materialise_stay_inside_their_folders(tmp_path):
    snap = snapshot(write_kb(tmp_path / "kb"))
    assert sorted(snap.files) == sorted(KB_FILES) and snap.checksum == checksum(dict(snap.files))
    with pytest.raises(KnowledgeError):
        materialise({"../escape.yaml": "x"}, tmp_path / "out")
    with pytest.raises(KnowledgeError):
        materialise({".hidden": "x"}, tmp_path / "out2")
    assert not (tmp_path / "escape.yaml").exists()


def test_live_knowledge_without_a_database_is_the_folder_only(tmp_path):
    live = LiveKnowledge(str(write_kb(tmp_path / "kb")), check_seconds=0)
    assert live.version is None and live.database is None and live.served_directory == str(tmp_path / "kb")
    shutil.rmtree(tmp_path / "kb")
    assert live.engine().decide(QUESTION, DAY).reply == OLD_ANSWER
