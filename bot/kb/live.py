"""The knowledge base the running app serves: the folder, reloaded when its files change (hot reload), or the
version published in the database (``kb publish``), switched when another version becomes current.

Without a database (``LiveKnowledge(directory)``) only the folder is served. With one (the app passes
``BOT_DATABASE``), a background thread asks the database every ``check_seconds`` which version is current (one
indexed row): while nothing was ever published the folder serves as before; once a version is published it is
served instead, on every host of that database, within seconds. Each process reports what it serves in
``kb_hosts`` (``hostname:pid``, the version, since when, the error of a load that failed) for the staff pages.
Whatever fails, the last good knowledge base keeps serving.
"""
from __future__ import annotations

import itertools
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
import weakref

from ..matching import Engine
from ..errors import KnowledgeError
from .loader import fingerprint, load_knowledge
from ..store import postgres

log = logging.getLogger(__name__)

# The database is asked at most this often, however small check_seconds is (tests set 0).
MIN_POLL_SECONDS = 0.5
# A host refreshes its row this often even when nothing changed, so the staff pages can tell a live one.
HEARTBEAT_SECONDS = 30.0
# A failing database is logged at most this often.
ERROR_LOG_SECONDS = 60.0
# Materialised versions kept on disk per process: the one serving and the one before (a request that started
# on it may still read its canned replies).
KEEP_FOLDERS = 2

_instances = itertools.count(1)
_running = weakref.WeakSet()  # those with a background thread (stop_all)


def host_name(instance: int = 1) -> str:
    """How this process names itself in ``kb_hosts``: ``hostname:pid`` (``#n`` for a second app in one process)."""
    name = f"{socket.gethostname()}:{os.getpid()}"
    return name if instance == 1 else f"{name}#{instance}"


class LiveKnowledge:
    """Holds an Engine; ``engine()`` reloads it when files changed, keeping the last good one on error.

    Attributes for the staff pages: ``version`` (the published version served, None for the folder),
    ``served_directory`` (the folder the engine was built from: the knowledge folder, or the copy of the
    published version's files), ``since`` (when what is served began serving), ``host`` and ``last_error``.
    """

    def __init__(self, directory: str, check_seconds: float = 2.0, database: str | None = None):
        from ..clock import utcnow

        self.directory = directory
        self.check_seconds = check_seconds
        # An in-memory database is not shared with anyone: nothing can be published into it.
        self.database = database if database != ":memory:" else None
        self.last_error: KnowledgeError | None = None
        self.version: int | None = None
        self.served_directory = str(directory)
        self.since = utcnow()
        self._instance = next(_instances)
        self.host = host_name(self._instance)
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._failed_version: int | None = None
        self._folders: list = []
        self._parent: str | None = None
        self._reported = None
        self._reported_at = 0.0
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        if self.database and self._start_published():
            self._print = None
        else:
            # Fingerprint first: an edit made while loading then shows up as a change at the next check.
            self._print = fingerprint(directory)
            self._engine = Engine(load_knowledge(directory))
        self._checked = time.monotonic()
        if self.database:
            self._start_thread()

    # ---- serving -------------------------------------------------------------------------------------------

    def engine(self) -> Engine:
        """The current engine; the folder's files are checked for changes first (at most every check_seconds)
        while no published version serves."""
        if self.database and self._pid != os.getpid():
            self._after_fork()
        if self.version is None and time.monotonic() - self._checked >= self.check_seconds:
            self.reload_if_changed()
        return self._engine

    def reload_if_changed(self) -> bool:
        """Reload when the folder's fingerprint changed; return True when a new knowledge base is serving.

        A load that fails keeps the last good engine serving (``last_error`` says why, with file and line) and is
        tried again as soon as any file changes again. Never raises: the request that triggers a reload must get
        its answer whatever is wrong with the files. While another thread is reloading this returns False at once,
        and while a published version serves the folder is not looked at.
        """
        # Building an engine takes most of a second; meanwhile other requests keep the current one.
        if self.version is not None or not self._lock.acquire(blocking=False):
            return False
        try:
            self._checked = time.monotonic()
            return self.version is None and self._reload()
        except Exception as e:  # the last line of defence: a bug in loading must not cost a user's message
            self._failed(KnowledgeError(
                self.directory, None, f"重新加载知识库时出现意外错误：{type(e).__name__}: {e}",
                "运行 python -m bot kb check 查看；仍在使用上一版知识库",
            ), exc_info=True)
            return False
        finally:
            self._lock.release()

    def _reload(self) -> bool:
        try:
            current = fingerprint(self.directory)
        except KnowledgeError as e:  # the folder itself cannot be listed
            # Kept as the fingerprint: logged once rather than at every check, and the folder coming back is a change.
            unreadable = ("unreadable", str(e))
            if unreadable != self._print:
                self._print = unreadable
                self._failed(e)
            return False
        if current == self._print:
            return False
        self._print = current
        try:
            engine = Engine(load_knowledge(self.directory))
        except KnowledgeError as e:
            self._failed(e)
            return False
        except OSError as e:  # a file of the engine's own (a knowledge file that cannot be read is a KnowledgeError)
            self._failed(KnowledgeError(e.filename or self.directory, None, f"文件读取失败：{e.strerror or e}"))
            return False
        self._serve(engine, None, str(self.directory))
        log.info("知识库已重新加载：%d 条FAQ", len(engine.kb.faqs))
        return True

    def _serve(self, engine: Engine, version: int | None, directory: str) -> None:
        from ..clock import utcnow

        self._engine = engine
        self.version = version
        self.served_directory = directory
        self.since = utcnow()
        self.last_error = None

    def _failed(self, error: KnowledgeError, exc_info: bool = False) -> None:
        self.last_error = error
        log.error("知识库重新加载失败，继续使用上一版：%s", error, exc_info=exc_info)

    # ---- published versions ----------------------------------------------------------------------------------

    def _start_published(self) -> bool:
        """At start-up: serve the current published version if there is one; False means serve the folder."""
        from ..store.connection import open_db
        from ..store import knowledge_versions as store

        try:
            db = open_db(self.database, init=False)
        except Exception:  # noqa: BLE001
            log.exception("无法连接数据库查看已发布的知识库版本，先使用知识库目录 %s", self.directory)
            return False
        try:
            number = store.current_number(db)
            return number is not None and self._switch(db, number)
        except Exception:  # noqa: BLE001
            log.exception("无法读取已发布的知识库版本，先使用知识库目录 %s", self.directory)
            return False
        finally:
            db.conn.close()

    def poll(self, db) -> None:
        """One round of the background thread: switch when another version became current, report this host."""
        from ..store import knowledge_versions as store

        number = store.current_number(db)
        if number != self.version and (number is None or number != self._failed_version):
            if self._lock.acquire(blocking=False):  # else a folder reload is running: next round
                try:
                    if number is None:
                        self._back_to_folder()
                    else:
                        self._switch(db, number)
                finally:
                    self._lock.release()
        self._report(db)

    def _switch(self, db, number: int) -> bool:
        """Load version ``number`` from the database and serve it; False (the last good one serving) when it
        cannot be loaded. Database errors are raised: the next round tries again."""
        from .publish import materialise_version
        from ..store import knowledge_versions as store

        row = store.version(db, number)
        files = store.files(db, number)
        if row is None:
            return False
        if self._parent is None:
            self._parent = tempfile.mkdtemp(prefix="faqbot-kb-")
            weakref.finalize(self, shutil.rmtree, self._parent, True)
        try:
            folder = materialise_version(files, row["checksum"], parent=self._parent, prefix=f"v{number}-")
        except KnowledgeError as e:
            return self._version_failed(number, e, None)
        try:
            engine = Engine(load_knowledge(folder))
        except KnowledgeError as e:
            return self._version_failed(number, e, folder)
        except OSError as e:
            return self._version_failed(number, KnowledgeError(
                e.filename or folder, None, f"文件读取失败：{e.strerror or e}"), folder)
        self._serve(engine, number, str(folder))
        self._failed_version = None
        self._folders.append(folder)
        while len(self._folders) > KEEP_FOLDERS:
            shutil.rmtree(self._folders.pop(0), ignore_errors=True)
        log.info("知识库已切换到发布的版本 %d：%d 条FAQ", number, len(engine.kb.faqs))
        return True

    def _version_failed(self, number: int, error: KnowledgeError, folder) -> bool:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
            where = f"{folder}{os.sep}"
            error = KnowledgeError(error.path.replace(where, f"版本{number}/"), error.line,
                                   error.message.replace(where, f"版本{number}/"), error.hint)
        self._failed_version = number
        self.last_error = KnowledgeError(error.path or f"版本{number}", error.line,
                                         f"无法加载发布的版本 {number}：{error.message}", error.hint)
        log.error("知识库版本 %d 加载失败，继续使用上一版：%s", number, error)
        return False

    def _back_to_folder(self) -> None:
        """No version is current any more (the database was emptied or restored): serve the folder again."""
        try:
            self._print = fingerprint(self.directory)
            engine = Engine(load_knowledge(self.directory))
        except (KnowledgeError, OSError) as e:
            self._failed(e if isinstance(e, KnowledgeError) else KnowledgeError(self.directory, None, str(e)))
            self._failed_version = None
            return
        self._serve(engine, None, str(self.directory))
        self._failed_version = None
        log.info("数据库里没有发布的知识库版本，改用知识库目录 %s", self.directory)

    def _report(self, db, force: bool = False) -> None:
        """Write this host's row when what it serves changed, and at least every HEARTBEAT_SECONDS."""
        from ..store import knowledge_versions as store

        state = (self.version, self.since, str(self.last_error) if self.last_error else None)
        now = time.monotonic()
        if state != self._reported or force:
            store.report_host(db, self.host, *state)
        elif now - self._reported_at >= HEARTBEAT_SECONDS:
            if not store.touch_host(db, self.host):
                store.report_host(db, self.host, *state)
        else:
            return
        self._reported, self._reported_at = state, now

    # ---- the background thread -------------------------------------------------------------------------

    def _start_thread(self) -> None:
        self._stopping = threading.Event()
        # The thread holds this object only weakly: an app that is dropped takes its thread with it.
        self._thread = threading.Thread(
            target=_poll_loop, args=(weakref.ref(self), self._stopping, self.database,
                                     max(self.check_seconds, MIN_POLL_SECONDS)),
            name="knowledge-version", daemon=True)
        self._thread.start()
        _running.add(self)

    def _after_fork(self) -> None:
        """In a forked worker (gunicorn --preload) the thread is gone and the pid is another: start again."""
        self._pid = os.getpid()
        self.host = host_name(self._instance)
        self._lock = threading.Lock()
        self._reported = None
        self._start_thread()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the background thread (tests; a process that exits needs nothing)."""
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        _running.discard(self)

    def served(self) -> dict:
        """What this process serves, for the staff pages: host, version (None: the folder), since, error."""
        return {"host": self.host, "version": self.version, "since": self.since,
                "error": str(self.last_error) if self.last_error else None,
                "directory": self.directory, "faqs": len(self._engine.kb.faqs)}


def _poll_loop(ref, stopping: threading.Event, database: str, interval: float) -> None:
    """The background thread: one connection of its own, kept; after an error it is opened again, waiting longer
    each time (up to ERROR_LOG_SECONDS). A database without the versions table (emptied, or a test's schema that
    was dropped) ends the thread: the tables are created at start-up and never dropped."""
    from ..store.connection import open_db

    db, failures, last_logged = None, 0, 0.0
    try:
        wait = 0.0
        while not stopping.wait(wait):
            live = ref()
            if live is None:
                return
            try:
                if db is None:
                    db = open_db(database, init=False)
                live.poll(db)
                failures = 0
            except postgres.Closed:
                return  # this process closed its database: it is going
            except Exception as e:  # noqa: BLE001  (the database is away: serve what we have, try again)
                db = _close(db)
                if _no_tables(e):
                    log.error("数据库里没有知识库版本的表（%s），不再检查发布的版本", e)
                    _forget_pool(database)
                    return
                failures += 1
                if time.monotonic() - last_logged >= ERROR_LOG_SECONDS:
                    last_logged = time.monotonic()
                    log.exception("查询已发布的知识库版本时出错，继续使用当前版本，稍后重试")
            del live
            wait = interval if not failures else min(ERROR_LOG_SECONDS, interval * 2 ** failures)
    finally:
        _close(db)


def _no_tables(error: Exception) -> bool:
    text = str(error)
    return "no such table" in text or ("kb_" in text and "does not exist" in text)


def _forget_pool(database: str) -> None:
    """A PostgreSQL database without our tables is of no use to anyone in this process: close its pool, which
    reconnecting may have opened again (a test's schema dropped under a thread that outlived the test)."""
    from ..store import postgres

    if postgres.is_url(database):
        postgres.close_pools(database)


def stop_all(timeout: float = 5.0) -> None:
    """Stop the background thread of every LiveKnowledge of this process (a test ending)."""
    for live in list(_running):
        live.stop(timeout)


def _close(db):
    if db is not None:
        try:
            db.conn.close()
        except Exception:  # noqa: BLE001
            pass
    return None

