"""A disk cache of tokenised knowledge-base texts, like jieba's own cache: restarts and reloads stay fast.

One pickle per key (the key changes with the dictionary, the synonyms and the code that reads and cuts texts:
``index.READING_CODE``); the newest few are kept. A cache that cannot be read or written only costs start-up time.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

MEMO_VERSION = "3"
MEMO_KEEP = 8


def cache_folder() -> Path:
    """This user's own cache folder in the temp directory (also holds the word vectors, ``vectors.py``)."""
    return Path(tempfile.gettempdir()) / f"faqbot-cache-{os.getuid()}"


def memo_path(key: str) -> Path:
    """Where the cache for ``key`` lives."""
    return cache_folder() / f"cut-{key}.pickle"


def trusted_folder(folder: Path) -> bool:
    """The folder is this user's and nobody else can write to it: a pickle runs code when loaded, so only one
    from such a folder is read."""
    st = folder.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def load_memo(key: str) -> dict:
    """Tokenised knowledge-base texts from an earlier start (like jieba's own cache): start-up stays fast."""
    try:
        path = memo_path(key)
        if not trusted_folder(path.parent):
            return {}
        with open(path, "rb") as fh:
            memo = pickle.load(fh)
        return memo if isinstance(memo, dict) else {}
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        return {}


def write_cached(path: Path, write) -> bool:
    """Write a file of the cache folder atomically (``write`` gets the open binary file); False, and nothing
    written, when the folder is not this user's alone. An OSError is the caller's to ignore."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not trusted_folder(path.parent):
        return False
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        write(fh)
    os.replace(tmp, path)
    return True


def save_memo(key: str, memo: dict) -> None:
    """Write the cache for ``key`` atomically and prune old ones."""
    path = memo_path(key)
    try:
        if not write_cached(path, lambda fh: pickle.dump(memo, fh, protocol=pickle.HIGHEST_PROTOCOL)):
            return
        # Each knowledge-base version gets its own file; keep the newest few (tests and reloads make many).
        older = sorted(path.parent.glob("cut-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[MEMO_KEEP:]
        for old in older:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache we cannot write only costs start-up time
