"""The versioned schema: numbered migrations, adopted old files, constraints, and many processes starting at once."""
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.clock import iso
from bot.store.connection import TABLES, open_db
from bot.store import migrations
from db_support import database_for, sqlite_only

ROOT = Path(__file__).resolve().parent.parent
OLD_SCHEMA = Path(__file__).parent / "fixtures" / "schema_v0.sql"


def old_file(path) -> str:
    """A database exactly as the unversioned releases left it (see the fixture's header)."""
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA.read_text(encoding="utf-8"))
    conn.close()
    return str(path)


def tables(db) -> set:
    return set(db.table_names())


def test_a_new_file_gets_every_table_and_the_latest_version(tmp_path):
    db = open_db(database_for(tmp_path, "new.db"))
    assert set(TABLES) | {"schema_migrations"} <= tables(db)
    assert migrations.current_version(db.conn) == migrations.LATEST
    assert [v for v, _, _ in migrations.applied(db.conn)] == [n for n, _, _ in migrations.MIGRATIONS]
    assert migrations.upgrade(db.conn) == []


@sqlite_only
def test_an_unversioned_file_is_adopted_with_every_row(tmp_path):
    path = old_file(tmp_path / "old.db")
    db = open_db(path)
    assert migrations.current_version(db.conn) == migrations.LATEST
    counts = {t: db[t].count for t in ("users", "handoffs", "handoff_notes", "messages", "outbox", "dedupe",
                                       "staff", "tokens")}
    assert counts == {"users": 2, "handoffs": 3, "handoff_notes": 1, "messages": 4, "outbox": 1, "dedupe": 1,
                      "staff": 1, "tokens": 1}
    assert [r["text"] for r in db.query("select text from messages order by id")] == [
        "船员证书怎么补办", "人工", "船舶签证", "谢谢"]
    # New columns arrive with their defaults.
    assert db.execute("select session_version from staff where username = 'alice'").fetchone()[0] == 1
    assert db.execute("select attempts from dedupe").fetchone()[0] == 1


@sqlite_only
def test_an_old_files_duplicate_open_handoffs_keep_only_the_newest_open(tmp_path):
    db = open_db(old_file(tmp_path / "old.db"))
    rows = list(db.query("select id, state, resolved_by from handoffs where user_id = 'o-old-1' order by id"))
    assert [(r["state"], r["resolved_by"]) for r in rows] == [("resolved", "migration"), ("pending", None)]


def test_one_open_handoff_per_user_is_a_constraint(tmp_path):
    db = open_db(database_for(tmp_path))
    row = {"user_id": "u1", "state": "pending", "created_at": iso(), "updated_at": iso()}
    db["handoffs"].insert(row)
    with pytest.raises(sqlite3.IntegrityError):
        db["handoffs"].insert({**row, "state": "claimed"})
    db["handoffs"].insert({**row, "state": "resolved"})  # closed ones are history, any number of them
    db["handoffs"].insert({**row, "user_id": "u2"})


@pytest.mark.parametrize("table, row", [
    ("handoffs", {"user_id": "u1", "state": "waiting", "created_at": "t", "updated_at": "t"}),
    ("handoffs", {"user_id": None, "state": "pending", "created_at": "t", "updated_at": "t"}),
    ("handoff_notes", {"handoff_id": 999, "author": "a", "text": "x", "created_at": "t"}),
    ("outbox", {"user_id": "u1", "text": "x", "kind": "staff_reply", "status": "pending", "created_at": "t",
                "handoff_id": 999}),
    ("alerts", {"channel": "email", "reason": "distress", "status": "pending", "created_at": "t",
                "dedupe_key": None}),
    ("messages", {"user_id": "u1", "created_at": "t", "action": None}),
])
def test_rules_are_constraints(tmp_path, table, row):
    db = open_db(database_for(tmp_path))
    with pytest.raises(sqlite3.IntegrityError):
        db[table].insert(row)


def test_deleting_a_handoff_takes_its_notes_and_unlinks_its_messages(tmp_path):
    db = open_db(database_for(tmp_path))
    hid = db["handoffs"].insert({"user_id": "u1", "state": "pending", "created_at": "t", "updated_at": "t"}).last_pk
    db["handoff_notes"].insert({"handoff_id": hid, "author": "a", "text": "x", "created_at": "t"})
    mid = db["messages"].insert({"user_id": "u1", "created_at": "t", "action": "handoff", "handoff_id": hid}).last_pk
    db["handoffs"].delete(hid)
    assert db["handoff_notes"].count == 0
    assert db["messages"].get(mid)["handoff_id"] is None


def test_a_file_newer_than_the_code_is_refused(tmp_path):
    db = open_db(database_for(tmp_path))
    db.execute("insert into schema_migrations (version, name, applied_at) values (?, 'from the future', 't')",
               [migrations.LATEST + 1])
    db.conn.commit()
    with pytest.raises(migrations.MigrationError, match="比程序"):
        open_db(database_for(tmp_path))


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """On either database: the migration's DDL and its version row are gone with the failure."""
    database = database_for(tmp_path)
    open_db(database).close()

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x TEXT)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [(99, "broken", broken)])
    before = migrations.LATEST
    monkeypatch.setattr(migrations, "LATEST", 99)
    with pytest.raises(migrations.MigrationError, match="disk I/O error"):
        open_db(database)
    db = open_db(database, init=False)
    assert migrations.current_version(db.conn) == before and "half_done" not in db.table_names()


@sqlite_only
def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = old_file(tmp_path / "old.db")

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [(99, "broken", broken)])
    monkeypatch.setattr(migrations, "LATEST", 99)
    with pytest.raises(migrations.MigrationError, match="disk I/O error"):
        open_db(path)
    conn = sqlite3.connect(path)
    assert migrations.current_version(conn) == 0
    names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    assert "half_done" not in names and "schema_migrations" not in names and "_old_messages" not in names
    assert conn.execute("select count(*) from messages").fetchone()[0] == 4


START_TOGETHER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {root!r})
    gate = {gate!r}
    while not os.path.exists(gate):
        time.sleep(0.001)
    from bot.store.connection import open_db
    db = open_db({path!r})
    print(db.execute("select max(version) from schema_migrations").fetchone()[0])
""")


def start_at_once(path: str, processes: int, tmp_path) -> list:
    """``processes`` interpreters that open the database at the same instant; their exit codes and output."""
    gate = str(tmp_path / f"go-{os.path.basename(path)}")
    code = START_TOGETHER.format(root=str(ROOT), gate=gate, path=path)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(processes)]
    # Let every interpreter import and reach the gate, then open it.
    import time
    time.sleep(1.0)
    Path(gate).touch()
    return [(p.wait(timeout=60), *p.communicate()) for p in procs]


@sqlite_only
def test_a_file_in_rollback_mode_held_by_a_writer_is_waited_for_not_refused(tmp_path):
    """Switching to WAL upgrades a read lock, and SQLite refuses that at once (no busy handler) while another
    connection holds the write lock: what four workers starting together on an old file meet now and then."""
    path = old_file(tmp_path / "held.db")
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    assert writer.execute("pragma journal_mode").fetchone()[0] == "delete"
    writer.execute("begin immediate")
    release = threading.Timer(0.3, lambda: writer.execute("commit"))
    release.start()
    try:
        db = open_db(path)
    finally:
        release.join()
        writer.close()
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert migrations.current_version(db.conn) == migrations.LATEST


@pytest.mark.parametrize("kind", ["new", pytest.param("old", marks=sqlite_only)])
def test_four_processes_starting_at_once_all_come_up(tmp_path, kind):
    """On an empty PostgreSQL too: one process migrates under the advisory lock, the others wait and see it done."""
    for attempt in range(3):
        path = database_for(tmp_path, f"{kind}-{attempt}.db")
        if kind == "old":
            old_file(path)
        results = start_at_once(path, 4, tmp_path)
        assert [r[0] for r in results] == [0, 0, 0, 0], [r[2] for r in results]
        assert {r[1].strip() for r in results} == {str(migrations.LATEST)}
        db = open_db(path, init=False)
        assert [r[0] for r in db.execute("select version from schema_migrations order by version").fetchall()] == \
            [n for n, _, _ in migrations.MIGRATIONS]
        if kind == "old":
            assert db.execute("select count(*) from messages").fetchone()[0] == 4
        db.conn.close()


@sqlite_only
def test_cli_db_status_and_upgrade(tmp_path):
    path = old_file(tmp_path / "old.db")
    runner = CliRunner()
    r = runner.invoke(main, ["db", "status", "--db", path])
    assert r.exit_code == 1
    assert f"结构版本：0（程序需要：{migrations.LATEST}）" in r.output
    assert r.output.count("待执行 ") == len(migrations.MIGRATIONS)
    r = runner.invoke(main, ["db", "upgrade", "--db", path])
    assert r.exit_code == 0 and f"已升级到结构版本 {migrations.LATEST}" in r.output
    r = runner.invoke(main, ["db", "upgrade", "--db", path])
    assert r.exit_code == 0 and "无需升级" in r.output
    r = runner.invoke(main, ["db", "status", "--db", path])
    assert r.exit_code == 0 and r.output.count("已执行 ") == len(migrations.MIGRATIONS)


@sqlite_only
def test_cli_db_status_of_a_missing_file_creates_nothing(tmp_path):
    path = str(tmp_path / "missing.db")
    r = CliRunner().invoke(main, ["db", "status", "--db", path])
    assert r.exit_code == 1 and "不存在" in r.output
    assert not os.path.exists(path)
