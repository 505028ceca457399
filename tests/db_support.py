"""The database a test runs on: an SQLite file in its temp dir, or, when TEST_DATABASE_URL is set, a fresh
PostgreSQL schema of that server (one per test and name), dropped when the test ends.

Tests ask for ``database_for(tmp_path)`` where they would write ``str(tmp_path / "bot.db")``.
"""
from __future__ import annotations

import hashlib
import os
import urllib.parse

import pytest

SERVER = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = bool(SERVER)
created: list = []  # (folder, schema, url) of every schema made and not yet dropped

sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="about the SQLite file itself (runs in the SQLite pass)")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="needs TEST_DATABASE_URL (runs in the PostgreSQL pass)")


def _with_schema(url: str, schema: str) -> str:
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query)
    query += [("options", f"-csearch_path={schema}"), ("application_name", schema)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def database_for(tmp_path, name: str = "bot.db") -> str:
    """BOT_DATABASE for this test: ``tmp_path/name`` on SQLite, or a new PostgreSQL schema's URL."""
    if not ON_POSTGRES:
        return str(tmp_path / name)
    import psycopg

    schema = "t_" + hashlib.sha1(f"{tmp_path}/{name}".encode()).hexdigest()[:16]
    for _, known, url in created:
        if known == schema:  # asked again in the same test: the same database, like the same file path
            return url
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    url = _with_schema(SERVER, schema)
    created.append((str(tmp_path), schema, url))
    return url


def drop_created(folder: str | None = None) -> None:
    """Close the pools of the schemas made for ``folder`` (a test's tmp_path; all when None) and drop them.

    Schemas of module-scoped fixtures live in their own folders and are dropped at the end of the session.
    """
    done = [c for c in created if folder is None or c[0] == folder]
    if not done:
        return
    import psycopg

    from bot.store import postgres

    for entry in done:
        created.remove(entry)
    for _, _, url in done:
        postgres.close_pools(url)
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '5s'")
        for _, schema, _ in done:
            # Threads of the test's apps may still hold connections: end them (they stop on their next try).
            conn.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = %s",
                         [schema])
            try:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            except psycopg.Error:
                pass  # still locked: the next run's DROP ... IF EXISTS clears it
