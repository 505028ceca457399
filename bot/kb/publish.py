"""One knowledge version everywhere: a knowledge folder published into the database, and read back out of it.

``publish`` takes a snapshot of a folder's files (every top-level ``*.yaml``, ``*.yml`` and ``*.txt``: the FAQ
files, settings, synonyms, dictionary, canned replies and notices; sub-folders such as ``drafts/`` and other files
are left out, as the loader leaves them out), checks the snapshot exactly as ``kb check`` checks a folder, and
refuses it when it has errors. A clean snapshot becomes the next numbered version, with its checksum and the
``kb check`` summary, and is current at once; every host serving from that database switches to it within
seconds (bot/kb/live.py). ``rollback`` makes an older version current again. The SQL is in
bot/store/knowledge_versions.py.

What is checked is the snapshot stored, not the folder as it may be a moment later: the check runs on a copy of
the files in a temporary folder, and what it reports names the files as they are in the published folder.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import hashlib
import os
import shutil
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BotError, KnowledgeError
from .loader import _listing, _there, read_text
from ..store import knowledge_versions as store

PUBLISHED_SUFFIXES = (".yaml", ".yml", ".txt")


class PublishError(BotError):
    """A version cannot be published or made current; ``errors`` lists the KnowledgeErrors when there are any."""

    def __init__(self, message: str, errors=()):
        self.errors = list(errors)
        super().__init__(message)


@dataclass
class Snapshot:
    """The files of a knowledge folder as they will be published: name → text."""

    directory: str
    files: dict
    skipped: list = field(default_factory=list)  # top-level files that are not published (README.md, …)

    @property
    def checksum(self) -> str:
        return checksum(self.files)


def checksum(files: dict) -> str:
    """SHA-256 over the files' names and texts, in name order: the same files give the same checksum anywhere."""
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name].encode("utf-8")
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8"))
        digest.update(data)
    return digest.hexdigest()


def snapshot(directory) -> Snapshot:
    """Read the files to publish from a knowledge folder.

    Raises KnowledgeError when the folder cannot be listed or a file cannot be read as UTF-8 text (with the line
    of the first bad byte).
    """
    d = Path(directory)
    if not _there(Path.is_dir, d):
        raise KnowledgeError(d, None, "知识库目录不存在", "检查 BOT_KNOWLEDGE_DIR 或命令里的目录")
    files, skipped = {}, []
    for path in sorted(_listing(d)):
        if path.name.startswith(".") or not _there(Path.is_file, path):
            continue
        if path.suffix.lower() not in PUBLISHED_SUFFIXES:
            skipped.append(path.name)
            continue
        files[path.name] = read_text(path)
    return Snapshot(str(d), files, skipped)


def _safe_name(name: str) -> bool:
    return bool(name) and name == os.path.basename(name) and name not in (".", "..") and not name.startswith(".") \
        and "\\" not in name and "\0" not in name


def materialise(files: dict, target) -> Path:
    """Write a version's files into ``target`` (a new or empty folder); return it. Names other than plain file
    names (a path, a hidden file) are refused with KnowledgeError: nothing is written outside ``target``."""
    target = Path(target)
    bad = [name for name in files if not _safe_name(name)]
    if bad:
        raise KnowledgeError(target, None, f"版本里有不能使用的文件名：{'、'.join(map(repr, bad))}")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8", newline="")
    return target


def materialise_version(files: dict, expected: str, parent=None, prefix: str = "kb-") -> Path:
    """A new temporary folder holding a version's files, after checking them against the stored checksum."""
    if not files:
        raise KnowledgeError("", None, "数据库里没有这个版本的文件")
    actual = checksum(files)
    if actual != expected:
        raise KnowledgeError("", None, f"版本文件的校验和不符（应为 {expected[:12]}…，实际 {actual[:12]}…），"
                                       "数据库中的内容可能被改动", "重新发布知识库")
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        return materialise(files, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


# ---- checking ----------------------------------------------------------------------------------------

@dataclass
class Checked:
    """What ``kb check`` finds in a snapshot. Findings name files bare (``01-crew.yaml``; the folder itself is
    ``.``): ``in_folder`` names them as files of a folder."""

    errors: list
    warnings: list
    unverified: list
    faq_count: int

    @property
    def summary(self) -> str:
        """The ``kb check`` counts line: “0 个错误，3 个警告，2 条未核实”."""
        return (f"{len(self.errors)} 个错误，{len(self.warnings)} 个警告"
                + (f"，{len(self.unverified)} 条未核实" if self.unverified else ""))

    def report_lines(self) -> list:
        """Every finding as ``kb check`` prints it: ``file:line: 错误|警告|未核实: message（hint）``."""
        from .curator import format_finding

        return ([format_finding(e, "错误") for e in self.errors] + [format_finding(w, "警告") for w in self.warnings]
                + [format_finding(u, "未核实") for u in self.unverified])

    def in_folder(self, directory) -> "Checked":
        """The same findings with their files named as files of ``directory``."""
        def moved(item):
            path = str(directory) if item.path == "." else os.path.join(str(directory), item.path)
            return _with(item, path=path)
        return Checked([moved(e) for e in self.errors], [moved(w) for w in self.warnings],
                       [moved(u) for u in self.unverified], self.faq_count)


def _with(item, **changes):
    """A copy of a KnowledgeError or a Finding with some of its fields changed."""
    if isinstance(item, KnowledgeError):
        fields = {"path": item.path, "line": item.line, "message": item.message, "hint": item.hint, **changes}
        return KnowledgeError(fields["path"], fields["line"], fields["message"], fields["hint"])
    return dataclasses.replace(item, **changes)


def check_files(files: dict, day: dt.date | None = None) -> Checked:
    """``kb check`` of a set of files (name → text), run on a copy in a temporary folder."""
    from .curator import check_knowledge, unverified_faqs
    from .loader import collect_knowledge

    with tempfile.TemporaryDirectory(prefix="kb-check-") as tmp:
        materialise(files, tmp)
        errors, warnings = check_knowledge(tmp, day)
        unverified = unverified_faqs(tmp)
        kb = None if errors else collect_knowledge(tmp)[0]
        folders = sorted({tmp, str(Path(tmp).resolve())}, key=len, reverse=True)

        def bare(item):
            if item.path in folders:
                path = "."
            else:
                path = next((item.path[len(f) + 1:] for f in folders if item.path.startswith(f + os.sep)), item.path)
            text = {k: getattr(item, k) for k in ("message", "hint")}
            for f in folders:
                text = {k: v.replace(f + os.sep, "") if v else v for k, v in text.items()}
            return _with(item, path=path, **text)

        return Checked([bare(e) for e in errors], [bare(w) for w in warnings], [bare(u) for u in unverified],
                       faq_count=len(kb.faqs) if kb else 0)


# ---- publishing and rolling back ---------------------------------------------------------------------

def who_am_i() -> str:
    """The operating-system user running the command (for “published by” when ``--by`` is not given)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001  (no passwd entry in a container, say)
        return os.environ.get("USER") or os.environ.get("USERNAME") or f"uid-{os.getuid()}"


@dataclass
class Published:
    """The outcome of ``publish``: the version now current and what ``kb check`` said of it."""

    number: int
    checksum: str
    checked: Checked
    files: list
    skipped: list
    previous: int | None
    unchanged: bool = False  # the folder is exactly the current version: nothing new was stored


def publish(db, directory, by: str, day: dt.date | None = None) -> Published:
    """Check a knowledge folder and store it as the next version, current at once.

    Raises PublishError listing every error (file and line) when the folder does not pass ``kb check``, and
    when it cannot be read at all. A folder identical to the current version stores nothing (``unchanged``).
    """
    try:
        snap = snapshot(directory)
    except KnowledgeError as e:
        raise PublishError("知识库无法读取，未发布", [e]) from None
    checked = check_files(snap.files, day)
    if checked.errors:
        raise PublishError(f"知识库有 {len(checked.errors)} 个错误，未发布", checked.in_folder(directory).errors)
    previous = store.current(db)
    digest = snap.checksum
    if previous is not None and previous["checksum"] == digest:
        return Published(previous["id"], digest, checked, sorted(snap.files), snap.skipped, previous["id"],
                         unchanged=True)
    source = f"{socket.gethostname()}:{Path(directory).resolve()}"
    number = store.add_version(db, snap.files, checksum=digest, published_by=by, source=source,
                               check_summary=checked.summary, check_report="\n".join(checked.report_lines()),
                               faq_count=checked.faq_count)
    return Published(number, digest, checked, sorted(snap.files), snap.skipped,
                     previous["id"] if previous else None)


def rollback(db, number: int, by: str) -> tuple:
    """Make version ``number`` current again; return ``(previous number, the version's row)``.

    The version's files are checked against its checksum and loaded with this program's loader first: a version
    that no longer loads (corrupted, or refused by a newer release) is not made current. PublishError otherwise.
    """
    from .loader import collect_knowledge

    row = store.version(db, number)
    if row is None:
        known = [v["id"] for v in store.versions(db, limit=20)]
        raise PublishError(f"没有版本 {number}" + (f"（现有：{', '.join(map(str, known))}）" if known else "（还没有发布过版本）"))
    previous = store.current_number(db)
    if previous == number:
        raise PublishError(f"版本 {number} 已经是当前版本")
    try:
        folder = materialise_version(store.files(db, number), row["checksum"], prefix="kb-rollback-")
    except KnowledgeError as e:
        raise PublishError(f"版本 {number} 无法使用，未切换", [e]) from None
    try:
        kb, errors = collect_knowledge(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if errors or kb is None:
        raise PublishError(f"版本 {number} 不能被当前程序加载，未切换", errors)
    store.activate(db, number, by)
    return previous, row


# ---- what the hosts serve ------------------------------------------------------------------------------

# A host that has not refreshed its row for this long (it does every 30 seconds) counts as stopped.
ALIVE_SECONDS = 90


def host_rows(db, current: int | None, now: dt.datetime | None = None) -> list:
    """The hosts' rows for the staff page and ``kb versions``: host, version, since, seen_at, error, plus
    ``label`` (版本 N / 知识库目录), ``alive`` (reported within ALIVE_SECONDS) and ``up_to_date`` (serves the
    current version, or its folder while nothing is published). Live hosts first."""
    from ..clock import parse_iso, utcnow

    now = now or utcnow()
    out = []
    for row in store.hosts(db):
        seen = parse_iso(row["seen_at"])
        row = dict(row, label=f"版本 {row['version']}" if row["version"] is not None else "知识库目录",
                   alive=seen is not None and (now - seen).total_seconds() <= ALIVE_SECONDS,
                   up_to_date=row["version"] == current)
        out.append(row)
    out.sort(key=lambda r: (not r["alive"], r["host"]))
    return out
