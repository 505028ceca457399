"""Persistence: the schema's numbered migrations and every SQL statement, for SQLite and PostgreSQL.

SQL written here runs on both databases. The portable subset:

- placeholders are ``?`` (translated for PostgreSQL in one place);
- upserts are ``INSERT ... ON CONFLICT (cols) DO NOTHING`` or ``DO UPDATE SET col = excluded.col``;
- a new row's id comes from ``RETURNING id`` (or ``db[table].insert(row).last_pk``), never ``cursor.lastrowid``;
- times are ISO-8601 UTC text (``bot.clock.iso``) compared as strings: no ``datetime()``, ``julianday()`` or ``now()``;
- null-safe comparison is ``IS NOT DISTINCT FROM`` / ``IS DISTINCT FROM`` (not SQLite's ``IS ?``);
- a date of a timestamp comes from bot/store/dialect.py (``local_day``), the one place where the SQL differs;
- a write that depends on what it read starts with ``BEGIN IMMEDIATE`` (a database-wide write lock on both);
- DDL: ``id INTEGER PRIMARY KEY`` for generated ids, types TEXT, INTEGER and FLOAT, no ``[brackets]``,
  no AUTOINCREMENT, no ``INSERT OR ...``/``REPLACE``; CHECK, foreign keys and partial indexes are fine.
"""
