"""A consistent copy of the live database, taken with SQLite's online backup while workers keep writing."""
from __future__ import annotations

import os
import sqlite3

from ..errors import BotError
from . import postgres

PAGES_PER_STEP = 256  # between steps writers get the lock back, so serving never waits for a whole copy


class BackupError(BotError):
    """The backup cannot be written where asked."""


def backup(source: str, destination: str) -> int:
    """Copy the database at ``source`` to ``destination`` (a new file); return the copy's size in bytes.

    The copy goes to a temporary file beside ``destination`` and is renamed into place when complete,
    so a backup that fails half-way never leaves a truncated file under the real name.
    """
    if postgres.is_url(source):
        raise BackupError("PostgreSQL 数据库请用 pg_dump 备份（例如 pg_dump -Fc -f bot.dump \"$BOT_DATABASE\"）")
    if not os.path.exists(source):
        raise BackupError(f"数据库文件不存在：{source}")
    if os.path.exists(destination):
        if os.path.samefile(source, destination):
            raise BackupError("备份文件不能是数据库文件本身")
        raise BackupError(f"{destination} 已存在，请换一个文件名（不会覆盖已有文件）")
    folder = os.path.dirname(os.path.abspath(destination))
    if not os.path.isdir(folder):
        raise BackupError(f"目录不存在：{folder}")
    partial = destination + ".partial"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.execute("PRAGMA busy_timeout = 10000")
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=PAGES_PER_STEP)
            dst.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file, no -wal beside it
        finally:
            dst.close()
        check = sqlite3.connect(partial)
        try:
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("备份文件完整性检查未通过")
        finally:
            check.close()
        os.replace(partial, destination)
    except sqlite3.Error as e:
        raise BackupError(f"备份失败：{e}") from e
    finally:
        src.close()
        if os.path.exists(partial):
            os.remove(partial)
    return os.path.getsize(destination)
