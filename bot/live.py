"""The knowledge base the running app serves, reloaded when its files change (hot reload)."""
from __future__ import annotations

import logging
import threading
import time

from .matching import Engine
from .errors import KnowledgeError
from .knowledge import fingerprint, load_knowledge

log = logging.getLogger(__name__)


class LiveKnowledge:
    """Holds an Engine; ``engine()`` reloads it when files changed, keeping the last good one on error."""

    def __init__(self, directory: str, check_seconds: float = 2.0):
        self.directory = directory
        self.check_seconds = check_seconds
        self.last_error: KnowledgeError | None = None
        self._lock = threading.Lock()
        # Fingerprint first: an edit made while loading then shows up as a change at the next check.
        self._print = fingerprint(directory)
        self._engine = Engine(load_knowledge(directory))
        self._checked = time.monotonic()

    def engine(self) -> Engine:
        """The current engine, reloaded first if a knowledge file changed since the last check."""
        if time.monotonic() - self._checked >= self.check_seconds:
            self.reload_if_changed()
        return self._engine

    def reload_if_changed(self) -> bool:
        """Reload when the files' fingerprint changed; return True when a new knowledge base is serving.

        A load that fails keeps the last good engine serving (``last_error`` says why, with file and line) and is
        tried again as soon as any file changes again. Never raises: the request that triggers a reload must get
        its answer whatever is wrong with the files. While another thread is reloading this returns False at once.
        """
        # Building an engine takes most of a second; meanwhile other requests keep the current one.
        if not self._lock.acquire(blocking=False):
            return False
        try:
            self._checked = time.monotonic()
            return self._reload()
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
        self._engine = engine
        self.last_error = None
        log.info("知识库已重新加载：%d 条FAQ", len(engine.kb.faqs))
        return True

    def _failed(self, error: KnowledgeError, exc_info: bool = False) -> None:
        self.last_error = error
        log.error("知识库重新加载失败，继续使用上一版：%s", error, exc_info=exc_info)
