"""The knowledge base the running app serves, reloaded when its files change (hot reload)."""
from __future__ import annotations

import logging
import threading
import time

from .engine import Engine
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
        self._engine = Engine(load_knowledge(directory))
        self._print = fingerprint(directory)
        self._checked = time.monotonic()

    def engine(self) -> Engine:
        """The current engine, reloaded first if a knowledge file changed since the last check."""
        if time.monotonic() - self._checked >= self.check_seconds:
            self.reload_if_changed()
        return self._engine

    def reload_if_changed(self) -> bool:
        """Reload when the files' fingerprint changed; return True when a new knowledge base is serving."""
        with self._lock:
            self._checked = time.monotonic()
            current = fingerprint(self.directory)
            if current == self._print:
                return False
            self._print = current
            try:
                engine = Engine(load_knowledge(self.directory))
            except KnowledgeError as e:
                self.last_error = e
                log.error("知识库重新加载失败，继续使用上一版：%s", e)
                return False
            self._engine = engine
            self.last_error = None
            log.info("知识库已重新加载：%d 条FAQ", len(engine.kb.faqs))
            return True
