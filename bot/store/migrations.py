"""Numbered schema migrations, applied once each, under an exclusive lock, by whichever process gets there first.

``schema_migrations`` records what ran. Every worker calls ``upgrade`` at start-up: it reads the version
without a lock (the common case: nothing to do), and otherwise takes SQLite's exclusive lock, reads the
version again and applies what is still missing in the same transaction, so any number of processes can
start at once on a new file or an old one and exactly one of them migrates. A migration never runs
outside that transaction: SQLite's DDL is transactional, so a crash leaves the file as it was.

Add a migration by appending ``(number, name, function)`` to MIGRATIONS; never edit one that has shipped.
Write new migrations in the portable subset described in bot/store/__init__.py, so that the same migration
runs on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from .dialect import is_postgres

log = logging.getLogger(__name__)


class MigrationError(Exception):
    """The database cannot be brought to the schema this code needs (newer than the code, or a migration failed)."""


# The tables as the unversioned releases left them: the rebuild below copies whatever of these columns a
# file has, so a database from any earlier release is adopted without losing a row.
_TABLES_V1 = {
    "handoffs": """
        CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            question TEXT,
            transcript TEXT,
            priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'high', 'normal')),
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'resolved')),
            reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_user_message_at TEXT,
            claimed_by TEXT,
            claimed_at TEXT,
            first_reply_at TEXT,
            resolved_at TEXT,
            resolved_by TEXT,
            key_message TEXT,
            key_message_at TEXT,
            reopened_at TEXT,
            reopened_by TEXT
        )""",
    "messages": """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            msg_type TEXT NOT NULL DEFAULT 'text',
            msg_id TEXT,
            text TEXT,
            normalized TEXT,
            action TEXT NOT NULL,
            faq_id TEXT,
            score FLOAT,
            candidates TEXT,
            latency_ms FLOAT,
            reply TEXT,
            handoff_id INTEGER REFERENCES handoffs(id) ON DELETE SET NULL,
            event TEXT
        )""",
    "dedupe": """
        CREATE TABLE dedupe (
            key TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'processing',
            reply TEXT
        )""",
    "user_state": """
        CREATE TABLE user_state (
            user_id TEXT PRIMARY KEY,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT '{}'
        )""",
    "users": """
        CREATE TABLE users (
            user_id TEXT PRIMARY KEY,
            first_seen TEXT NOT NULL,
            last_message_at TEXT,
            subscribed INTEGER NOT NULL DEFAULT 1
        )""",
    "handoff_notes": """
        CREATE TABLE handoff_notes (
            id INTEGER PRIMARY KEY,
            handoff_id INTEGER NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    "outbox": """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            handoff_id INTEGER REFERENCES handoffs(id) ON DELETE SET NULL,
            author TEXT,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            errcode INTEGER,
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            next_attempt_at TEXT,
            parts_sent INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT
        )""",
    "alerts": """
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            handoff_id INTEGER,
            channel TEXT NOT NULL,
            reason TEXT NOT NULL,
            dedupe_key TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            trigger_text TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            response TEXT,
            created_at TEXT NOT NULL,
            next_attempt_at TEXT,
            last_attempt_at TEXT,
            sent_at TEXT,
            waited_minutes INTEGER
        )""",
    "tokens": """
        CREATE TABLE tokens (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
    "staff": """
        CREATE TABLE staff (
            username TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    "login_failures": """
        CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            address TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
}

_INDEXES_V1 = [
    "CREATE INDEX idx_messages_user_id ON messages (user_id)",
    "CREATE INDEX idx_messages_created_at ON messages (created_at)",
    "CREATE INDEX idx_messages_faq_id ON messages (faq_id)",
    "CREATE INDEX idx_messages_action ON messages (action)",
    "CREATE INDEX idx_messages_handoff_id ON messages (handoff_id)",
    "CREATE INDEX idx_handoffs_user_id ON handoffs (user_id)",
    "CREATE INDEX idx_handoffs_state ON handoffs (state)",
    # The rule the conversation relies on: at most one handoff per user waits for or is with staff.
    "CREATE UNIQUE INDEX handoffs_one_open_per_user ON handoffs (user_id) WHERE state IN ('pending', 'claimed')",
    "CREATE INDEX idx_handoff_notes_handoff_id ON handoff_notes (handoff_id)",
    "CREATE INDEX idx_outbox_status ON outbox (status)",
    "CREATE INDEX idx_outbox_user_id ON outbox (user_id)",
    "CREATE INDEX idx_dedupe_created_at ON dedupe (created_at)",
    "CREATE INDEX idx_login_failures_address ON login_failures (address)",
    "CREATE INDEX idx_alerts_status ON alerts (status)",
    "CREATE INDEX idx_alerts_handoff_id ON alerts (handoff_id)",
]


def _columns(conn: sqlite3.Connection, table: str) -> list:
    if is_postgres(conn):
        return conn.columns(table)
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


def _tables(conn) -> set:
    if is_postgres(conn):
        return set(conn.table_names())
    return {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}


def _m1_versioned_baseline(conn: sqlite3.Connection) -> None:
    """Every table with its constraints; the rows of an unversioned database are carried over."""
    old_tables = _tables(conn)
    _close_duplicate_open_handoffs(conn, old_tables)
    for old in old_tables & set(_TABLES_V1):
        conn.execute(f"ALTER TABLE [{old}] RENAME TO [_old_{old}]")
    # Indexes keep their names when their table is renamed; drop them so the new ones can be created.
    # (A PostgreSQL database is always new here: there were no unversioned PostgreSQL releases.)
    for (name,) in [] if is_postgres(conn) else conn.execute("select name from sqlite_master where type = 'index' and sql is not null "
                                "and tbl_name like '\\_old\\_%' escape '\\'").fetchall():
        conn.execute(f"DROP INDEX [{name}]")
    for name, ddl in _TABLES_V1.items():
        conn.execute(ddl)
        if name in old_tables:
            keep = [c for c in _columns(conn, name) if c in _columns(conn, f"_old_{name}")]
            cols = ", ".join(f"[{c}]" for c in keep)
            conn.execute(f"INSERT INTO [{name}] ({cols}) SELECT {cols} FROM [_old_{name}]")
    for name in _TABLES_V1:
        if name in old_tables:
            conn.execute(f"DROP TABLE [_old_{name}]")
    for ddl in _INDEXES_V1:
        conn.execute(ddl)
    # Messages and outbox rows of handoffs that no longer exist lose the link rather than the row.
    conn.execute("UPDATE messages SET handoff_id = NULL WHERE handoff_id NOT IN (SELECT id FROM handoffs)")
    conn.execute("UPDATE outbox SET handoff_id = NULL WHERE handoff_id NOT IN (SELECT id FROM handoffs)")
    conn.execute("DELETE FROM handoff_notes WHERE handoff_id NOT IN (SELECT id FROM handoffs)")


def _close_duplicate_open_handoffs(conn: sqlite3.Connection, tables: set) -> None:
    """Before the one-open-handoff rule becomes a constraint: a user's older open duplicates are resolved."""
    if "handoffs" not in tables or not {"state", "user_id", "resolved_at"} <= set(_columns(conn, "handoffs")):
        return
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    conn.execute(
        "UPDATE handoffs SET state = 'resolved', resolved_at = ?, resolved_by = 'migration' "
        "WHERE state IN ('pending', 'claimed') AND id NOT IN "
        "(SELECT max(id) FROM handoffs WHERE state IN ('pending', 'claimed') GROUP BY user_id)", [stamp])


def _m2_crash_safety(conn: sqlite3.Connection) -> None:
    """Delivery leases, push nonces, departed users, staff session versions and per-account login failures."""
    # A claim on a delivery is a lease: who holds it, until when, and what the message was, so that a
    # re-delivery or the next start-up can answer it when its holder died.
    for column in ("user_id TEXT", "payload TEXT", "owner TEXT", "lease_until TEXT",
                   "attempts INTEGER NOT NULL DEFAULT 1", "finished_at TEXT"):
        conn.execute(f"ALTER TABLE dedupe ADD COLUMN {column}")
    conn.execute("CREATE INDEX idx_dedupe_status ON dedupe (status)")
    conn.execute("CREATE INDEX idx_dedupe_user_id ON dedupe (user_id)")
    # A nonce+timestamp seen with one body is refused with another: WeChat's signature does not cover the body.
    conn.execute("CREATE TABLE push_nonces (timestamp TEXT NOT NULL, nonce TEXT NOT NULL, body_hash TEXT NOT NULL, "
                 "seen_at TEXT NOT NULL, PRIMARY KEY (timestamp, nonce))")
    conn.execute("CREATE INDEX idx_push_nonces_seen_at ON push_nonces (seen_at)")
    # Who unsubscribed (a one-way hash of the OpenID) and when, kept only as long as WeChat may still deliver
    # their earlier messages, so a message answered after the deletion cannot write the user back.
    conn.execute("CREATE TABLE departed_users (user_id TEXT PRIMARY KEY, departed_at TEXT NOT NULL)")
    conn.execute("ALTER TABLE staff ADD COLUMN session_version INTEGER NOT NULL DEFAULT 1")
    conn.execute("ALTER TABLE login_failures ADD COLUMN username TEXT")
    conn.execute("CREATE INDEX idx_login_failures_username ON login_failures (username)")


def _m3_form_submissions(conn: sqlite3.Connection) -> None:
    """One-time form keys of the staff pages, and forms posted after the login lapsed, kept to be restored."""
    # A form's key is claimed before its action runs (insert ... on conflict do nothing), so a double click, a
    # second tab or a retry is acted on once, whichever worker gets it; location is where the first one went.
    conn.execute("CREATE TABLE form_submissions (key TEXT PRIMARY KEY, staff TEXT NOT NULL, endpoint TEXT NOT NULL, "
                 "created_at TEXT NOT NULL, finished_at TEXT, location TEXT)")
    conn.execute("CREATE INDEX idx_form_submissions_created_at ON form_submissions (created_at)")
    # The fields of a form posted without a valid session (JSON), shown again on its page after the login.
    conn.execute("CREATE TABLE unsent_forms (id TEXT PRIMARY KEY, staff TEXT, page TEXT NOT NULL, "
                 "action TEXT NOT NULL, fields TEXT NOT NULL, created_at TEXT NOT NULL)")
    conn.execute("CREATE INDEX idx_unsent_forms_created_at ON unsent_forms (created_at)")


_OUTBOX_V4 = """
    CREATE TABLE outbox_new (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        handoff_id INTEGER REFERENCES handoffs(id) ON DELETE SET NULL,
        author TEXT,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'expired')),
        attempts INTEGER NOT NULL DEFAULT 0,
        errcode INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        next_attempt_at TEXT,
        parts_sent INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        cancelled_by TEXT,
        cancelled_at TEXT
    )"""


def _m4_queued_replies_and_presence(conn: sqlite3.Connection) -> None:
    """Outbox statuses 'cancelled' and 'expired' (who cancelled, when) and who has a handoff page open."""
    if is_postgres(conn):
        conn.execute("ALTER TABLE outbox DROP CONSTRAINT outbox_status_check")
        conn.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK "
                     "(status IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'expired'))")
        conn.execute("ALTER TABLE outbox ADD COLUMN cancelled_by TEXT")
        conn.execute("ALTER TABLE outbox ADD COLUMN cancelled_at TEXT")
    else:
        _rebuild_outbox_v4(conn)
    conn.execute("CREATE INDEX IF NOT EXISTS idx_outbox_handoff_id ON outbox (handoff_id)")
    # Presence: the handoff page's poll stamps who is looking at it, so two people see each other.
    conn.execute("CREATE TABLE handoff_views (handoff_id INTEGER NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE, "
                 "staff TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (handoff_id, staff))")


def _rebuild_outbox_v4(conn: sqlite3.Connection) -> None:
    # SQLite cannot change a CHECK: rebuild the table. Columns, indexes and triggers that an earlier migration
    # added to outbox are carried over as they are.
    conn.execute(_OUTBOX_V4)
    info = {row[1]: row for row in conn.execute("PRAGMA table_info(outbox)")}
    new_columns = _columns(conn, "outbox_new")
    for name, (_, _, kind, notnull, default, _) in info.items():
        if name not in new_columns:
            extra = (f" NOT NULL DEFAULT {default}" if notnull and default is not None
                     else f" DEFAULT {default}" if default is not None else "")
            conn.execute(f"ALTER TABLE outbox_new ADD COLUMN [{name}] {kind}{extra}")
    keep = ", ".join(f"[{c}]" for c in info)
    conn.execute(f"INSERT INTO outbox_new ({keep}) SELECT {keep} FROM outbox")
    dependents = [sql for (sql,) in conn.execute(
        "select sql from sqlite_master where tbl_name = 'outbox' and type in ('index', 'trigger') and sql is not null")]
    conn.execute("DROP TABLE outbox")
    conn.execute("ALTER TABLE outbox_new RENAME TO outbox")
    for sql in dependents:
        conn.execute(sql)


def _m6_feedback(conn) -> None:
    """Whether an answer helped, per FAQ: one row per 有用 / 没用 (see bot/store/feedback.py). The question's log
    row is linked, not copied: retention clears its words there, and unsubscribing deletes it (the link goes NULL)."""
    conn.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, faq_id TEXT NOT NULL, "
                 "helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)), score FLOAT, "
                 "question_id INTEGER REFERENCES messages(id) ON DELETE SET NULL)")
    conn.execute("CREATE INDEX idx_feedback_faq_id ON feedback (faq_id)")
    conn.execute("CREATE INDEX idx_feedback_created_at ON feedback (created_at)")
    conn.execute("CREATE INDEX idx_feedback_question_id ON feedback (question_id)")


def _m8_knowledge_versions(conn) -> None:
    """Published knowledge versions (their files), which is current (a log: rollback is a new row), and what each
    host serves since when (see bot/store/knowledge_versions.py)."""
    conn.execute("CREATE TABLE kb_versions (id INTEGER PRIMARY KEY, published_at TEXT NOT NULL, "
                 "published_by TEXT NOT NULL, checksum TEXT NOT NULL, source TEXT, check_summary TEXT, "
                 "check_report TEXT, faq_count INTEGER NOT NULL DEFAULT 0, file_count INTEGER NOT NULL DEFAULT 0)")
    conn.execute("CREATE TABLE kb_version_files (version INTEGER NOT NULL REFERENCES kb_versions(id) "
                 "ON DELETE CASCADE, path TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (version, path))")
    conn.execute("CREATE TABLE kb_activations (id INTEGER PRIMARY KEY, version INTEGER NOT NULL "
                 "REFERENCES kb_versions(id), action TEXT NOT NULL CHECK (action IN ('publish', 'rollback')), "
                 "activated_by TEXT NOT NULL, activated_at TEXT NOT NULL)")
    conn.execute("CREATE TABLE kb_hosts (host TEXT PRIMARY KEY, version INTEGER, since TEXT NOT NULL, "
                 "seen_at TEXT NOT NULL, error TEXT)")
    conn.execute("CREATE INDEX idx_kb_hosts_seen_at ON kb_hosts (seen_at)")


def _m7_notice_subscriptions(conn) -> None:
    """Navigation-notice subscriptions by place, consent to the notice template, one delivery per notice and user,
    and the outbox columns a subscription notification needs (see bot/service/notices.py)."""
    # One row per user and place; place '' means every place (the whole jurisdiction).
    conn.execute("CREATE TABLE notice_subscriptions (user_id TEXT NOT NULL, place TEXT NOT NULL, "
                 "created_at TEXT NOT NULL, source TEXT NOT NULL DEFAULT 'chat', PRIMARY KEY (user_id, place))")
    conn.execute("CREATE INDEX idx_notice_subscriptions_place ON notice_subscriptions (place)")
    # What the user last said about a subscription-notification template (WeChat's popup and change events, a
    # send refused with 43101): only 'accept' lets a notice go out as a notification.
    conn.execute("CREATE TABLE template_consents (user_id TEXT NOT NULL, template_id TEXT NOT NULL, "
                 "status TEXT NOT NULL CHECK (status IN ('accept', 'reject')), source TEXT NOT NULL, "
                 "updated_at TEXT NOT NULL, PRIMARY KEY (user_id, template_id))")
    # A notice (a dated FAQ, by id and first day) once it was seen active: who subscribed by active_at gets it.
    conn.execute("CREATE TABLE notices (notice_key TEXT PRIMARY KEY, faq_id TEXT NOT NULL, title TEXT NOT NULL, "
                 "valid_from TEXT, valid_until TEXT, places TEXT NOT NULL DEFAULT '', active_at TEXT NOT NULL, "
                 "dispatched_at TEXT)")
    # The claim that a notice goes to a user: at most one row, hence at most one message, whoever runs the job.
    conn.execute("CREATE TABLE notice_deliveries (id INTEGER PRIMARY KEY, "
                 "notice_key TEXT NOT NULL REFERENCES notices(notice_key), user_id TEXT NOT NULL, "
                 "outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL, created_at TEXT NOT NULL, "
                 "UNIQUE (notice_key, user_id))")
    conn.execute("CREATE INDEX idx_notice_deliveries_user_id ON notice_deliveries (user_id)")
    conn.execute("CREATE INDEX idx_notice_deliveries_outbox_id ON notice_deliveries (outbox_id)")
    # How an outbox row went out ('custom': customer-service API, 'template': subscription notification), what
    # a notification carries, WeChat's msgid and the sent event's answer, and when an unsent row stops mattering.
    conn.execute("ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'custom'")
    conn.execute("ALTER TABLE outbox ADD COLUMN payload TEXT")
    conn.execute("ALTER TABLE outbox ADD COLUMN msgid TEXT")
    conn.execute("ALTER TABLE outbox ADD COLUMN receipt TEXT")
    conn.execute("ALTER TABLE outbox ADD COLUMN expires_at TEXT")
    conn.execute("CREATE INDEX idx_outbox_msgid ON outbox (msgid)")


def _m5_complaints(conn) -> None:
    """Handoffs marked as a complaint or a public-opinion risk, and staff's own label for measuring the recogniser."""
    # What the bot recognised (bot/matching/complaint.py): 'complaint', 'opinion' (a public-opinion risk) or NULL.
    conn.execute("ALTER TABLE handoffs ADD COLUMN category TEXT CHECK (category IN ('complaint', 'opinion'))")
    # What staff say it is ('none': not a complaint), who said so and when; NULL until someone re-classifies it.
    conn.execute("ALTER TABLE handoffs ADD COLUMN staff_label TEXT "
                 "CHECK (staff_label IN ('complaint', 'opinion', 'none'))")
    conn.execute("ALTER TABLE handoffs ADD COLUMN labelled_by TEXT")
    conn.execute("ALTER TABLE handoffs ADD COLUMN labelled_at TEXT")
    conn.execute("CREATE INDEX idx_handoffs_category ON handoffs (category)")
    conn.execute("CREATE INDEX idx_handoffs_created_at ON handoffs (created_at)")


def _m9_distress_kind(conn) -> None:
    """What kind of emergency the distress model read in a distress handoff's message, for the staff pages and
    the alerts (a key of bot/matching/distress_kinds.CATEGORY_LABELS: 'person_in_water', 'self_harm' ...)."""
    # No CHECK: the model may learn new kinds, and a kind this code does not know is shown as a plain emergency.
    conn.execute("ALTER TABLE handoffs ADD COLUMN distress_kind TEXT")


MIGRATIONS = [
    (1, "versioned baseline: constraints, foreign keys, one open handoff per user", _m1_versioned_baseline),
    (2, "crash safety: delivery leases, push nonces, departed users, staff sessions", _m2_crash_safety),
    (3, "form submissions: one-time keys, forms kept over a lapsed login", _m3_form_submissions),
    (4, "queued replies cancelled or expired, handoff presence", _m4_queued_replies_and_presence),
    (5, "complaints and public-opinion risks on handoffs, with staff's label", _m5_complaints),
    (6, "feedback: whether an answer helped, per FAQ", _m6_feedback),
    (7, "navigation-notice subscriptions, template consent, one delivery per notice and user", _m7_notice_subscriptions),
    (8, "published knowledge versions, the current one and what each host serves", _m8_knowledge_versions),
    (9, "the kind of emergency a distress handoff was opened for", _m9_distress_kind),
]
MIGRATIONS.sort(key=lambda m: m[0])
LATEST = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded in the file (0 for a new or unversioned one)."""
    if "schema_migrations" not in _tables(conn):
        return 0
    return conn.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()[0]


def applied(conn: sqlite3.Connection) -> list:
    """The migrations recorded in the file: (version, name, applied_at), oldest first."""
    if current_version(conn) == 0:
        return []
    return [tuple(r) for r in conn.execute("select version, name, applied_at from schema_migrations order by version")]


def pending(conn: sqlite3.Connection) -> list:
    """The migrations this code has that the file has not run yet: (version, name)."""
    version = current_version(conn)
    return [(n, name) for n, name, _ in MIGRATIONS if n > version]


def upgrade(conn: sqlite3.Connection) -> list:
    """Apply every pending migration under an exclusive lock; return the versions this call applied.

    Raise MigrationError when the database is newer than this code or a migration fails (it is then
    left exactly as it was).
    """
    if current_version(conn) == LATEST:
        return []
    done = _upgrade_postgres(conn) if is_postgres(conn) else _upgrade_sqlite(conn)
    if done:
        log.info("数据库结构已升级到版本 %d（本次执行：%s）", LATEST, ", ".join(map(str, done)))
    return done


def _apply_pending(conn) -> list:
    """Inside the locked transaction: check the version again and run what is missing."""
    version = current_version(conn)
    if version > LATEST:
        raise MigrationError(f"数据库结构版本 {version} 比程序（{LATEST}）新，请升级程序")
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                 "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = []
    for number, name, migrate in MIGRATIONS:
        if number <= version:
            continue
        migrate(conn)
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                     [number, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")])
        done.append(number)
    return done


def _upgrade_sqlite(conn: sqlite3.Connection) -> list:
    isolation = conn.isolation_level
    conn.isolation_level = None  # we issue BEGIN and COMMIT ourselves
    # Rebuilding a table must not cascade deletes into its children; checked explicitly before commit.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        try:
            done = _apply_pending(conn)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"迁移后外键不一致：{broken[:5]}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as e:
        raise MigrationError(f"数据库迁移失败：{e}") from e
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.isolation_level = isolation
    return done


def _upgrade_postgres(conn) -> list:
    """Hosts starting at once on one server: a session advisory lock lets one migrate, the others then see it done."""
    from .postgres import lock_key

    key = lock_key(conn.schema())
    try:
        conn.execute("SELECT pg_advisory_lock(0, ?)", [key])
        try:
            conn.execute("BEGIN")
            try:
                done = _apply_pending(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()
                raise
        finally:
            conn.execute("SELECT pg_advisory_unlock(0, ?)", [key])
    except sqlite3.Error as e:
        raise MigrationError(f"数据库迁移失败：{e}") from e
    return done
