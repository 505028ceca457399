"""Turning a handoff into a draft FAQ: the user's own words and the staff's delivered replies, written to drafts/.

Framework-free: the admin's "整理成FAQ草稿" page is a thin layer over ``draft_sources``, ``draft_faq`` and
``save_draft``. Drafts go to ``<knowledge>/drafts/``, which the bot never loads: a curator reviews and moves them.
"""
from __future__ import annotations

import datetime as dt
import errno
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..clock import iso, local, parse_iso, utcnow
from .handoffs import ASKED_FOR_PERSON_LABEL, HandoffError, get_handoff, replies
from ..kb.loader import ID_RE
from ..store import messages as message_log

DRAFTS_DIR = "drafts"
# A draft's id names its file: long enough for any real FAQ id, short of every file system's limit.
MAX_DRAFT_ID_CHARS = 64
DRAFT_CATEGORY = "人工客服整理"
# The FAQ draft offers the user's messages of the handoff and at most this many they sent just before it opened
# (within a day): a bare "人工" opens the handoff after the question it is about.
DRAFT_EARLIER_MESSAGES = 5
DRAFT_EARLIER_SPAN = dt.timedelta(hours=24)


class DraftError(HandoffError):
    """A draft FAQ that cannot be saved: missing fields, a bad or taken id."""


class DraftNotWritten(DraftError):
    """The draft file could not be written: a full disk, a folder without write permission."""


@dataclass
class DraftSources:
    """What the FAQ draft is made from: the user's messages (``{"key", "at", "text"}``, oldest first), the staff
    replies delivered to the user (``{"key", "at", "author", "text"}``, in order) and the key of the message the
    question defaults to."""

    messages: list
    replies: list
    question: str | None


def draft_sources(db, handoff_id: int) -> DraftSources:
    """The user's own words and the delivered staff replies of a handoff, for the FAQ draft.

    The messages are the user's texts in the handoff and up to DRAFT_EARLIER_MESSAGES sent within a day before it
    opened outside any other handoff (a bare "人工" comes after the question it is about); the handoff's stored
    transcript when the log has none. The question defaults to the message that opened the handoff, or, for one
    opened by asking for a person, to the question it was about: never the label the queue adds. Replies that were
    cancelled, expired, failed or are still waiting are not offered.
    """
    h = get_handoff(db, handoff_id)
    earlier = message_log.texts_outside_handoffs(db, h.user_id, since=iso(parse_iso(h.created_at) - DRAFT_EARLIER_SPAN),
                                                 until=h.created_at, limit=DRAFT_EARLIER_MESSAGES)[::-1]
    own = message_log.texts_of_handoff(db, handoff_id)
    messages = [{"key": f"m{r['id']}", "at": r["created_at"], "text": r["text"].strip()} for r in earlier + own]
    if not messages:
        messages = [{"key": f"t{n}", "at": e.get("at") or h.created_at, "text": e["text"].strip()}
                    for n, e in enumerate(h.transcript) if isinstance(e, dict) and e.get("who") == "user"
                    and isinstance(e.get("text"), str) and e["text"].strip() and not e["text"].startswith("[")]
    asked = question_words(h.question)
    question = None
    if h.question and h.question != asked:
        # Opened by "人工": the question is the newest matching message from before the handoff.
        question = next((m["key"] for m in reversed(messages) if m["text"] == asked), None)
        if question is None and asked:
            messages.insert(0, {"key": "q", "at": h.created_at, "text": asked})
            question = "q"
    if question is None and own:
        question = f"m{own[0]['id']}"
    if question is None and messages:
        question = next((m["key"] for m in messages if m["text"] == asked), messages[0]["key"])
    delivered = [{"key": f"r{r['id']}", "at": r["sent_at"] or r["created_at"], "author": r["author"],
                  "text": r["text"].strip()}
                 for r in replies(db, handoff_id) if r["status"] == "sent" and (r["text"] or "").strip()]
    return DraftSources(messages=messages, replies=delivered, question=question)


def question_words(question: str | None) -> str:
    """A handoff's question without the label the conversation adds to one opened by asking for a person."""
    question = (question or "").strip()
    if question.endswith(ASKED_FOR_PERSON_LABEL):
        question = question[: -len(ASKED_FOR_PERSON_LABEL)].strip()
    return question


def draft_faq(db, handoff_id: int, question: str | None = None, alternates=(), answer=None,
              sources: DraftSources | None = None) -> dict:
    """Prefill for "Turn into FAQ" from what the staff member chose on the draft page.

    ``question``: the key of the user's message that is the question (default: ``draft_sources``'s choice);
    ``alternates``: keys of other user messages to offer as other phrasings (default none); ``answer``: keys of the
    delivered replies to join, in their order (default: all of them). Unknown keys are left out. The draft carries
    the chosen keys too (``question_key``, ``alternate_keys``, ``answer_keys``) for the page to tick them again.
    """
    sources = sources or draft_sources(db, handoff_id)
    texts = {m["key"]: m["text"] for m in sources.messages}
    question = question if question in texts else sources.question
    chosen_alternates = [m["key"] for m in sources.messages if m["key"] in set(alternates) and m["key"] != question]
    chosen_answer = ([r["key"] for r in sources.replies] if answer is None
                     else [r["key"] for r in sources.replies if r["key"] in set(answer)])
    joined = [r["text"] for r in sources.replies if r["key"] in set(chosen_answer)]
    question_text = texts.get(question, "")
    return {
        "category": DRAFT_CATEGORY,
        "id": f"handoff-{handoff_id}",
        "question": question_text,
        "alternates": list(dict.fromkeys(texts[k] for k in chosen_alternates if texts[k] != question_text)),
        "answer": "\n\n".join(joined),
        "source": f"人工客服回复 handoff #{handoff_id}",
        "question_key": question,
        "alternate_keys": chosen_alternates,
        "answer_keys": chosen_answer,
    }


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line answers as ``|`` blocks, the way curated files are written."""


_BlockDumper.add_representer(
    str,
    lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None),
)


def save_draft(knowledge_dir, draft: dict, author: str, existing_ids=(), now: dt.datetime | None = None) -> Path:
    """Write a draft FAQ file under ``<knowledge_dir>/drafts/`` (never loaded, never overwriting); return its path.

    ``draft`` has category, id, question, answer, alternates (list or one per line) and source.
    Raise DraftError when a field is missing or the id is malformed, too long or already used by a live FAQ, and
    DraftNotWritten when the file cannot be written (full disk, no permission).
    """
    category = str(draft.get("category") or "").strip()
    faq_id = str(draft.get("id") or "").strip()
    question = str(draft.get("question") or "").strip()
    answer = str(draft.get("answer") or "").replace("\r\n", "\n").strip()
    alternates = draft.get("alternates") or []
    if isinstance(alternates, str):
        alternates = alternates.splitlines()
    alternates = [a.strip() for a in alternates if a and a.strip()]
    for value, name in ((category, "分类"), (faq_id, "编号"), (question, "问题"), (answer, "答案")):
        if not value:
            raise DraftError(f"{name}不能为空")
    if len(faq_id) > MAX_DRAFT_ID_CHARS:
        raise DraftError(f"编号太长（{len(faq_id)}个字符），最多{MAX_DRAFT_ID_CHARS}个字符，例如 cert-renew-sea")
    if not ID_RE.match(faq_id):
        raise DraftError(f"编号“{faq_id}”格式不对：只能用小写字母、数字和“-”，例如 cert-renew-sea")
    if faq_id in set(existing_ids):
        raise DraftError(f"编号“{faq_id}”已被知识库里的FAQ使用，请换一个")
    item = {"id": faq_id, "question": question}
    if alternates:
        item["alternates"] = alternates
    item["answer"] = answer + "\n"
    item["source"] = str(draft.get("source") or "人工客服回复").strip()
    body = yaml.dump({"category": category, "faqs": [item]}, Dumper=_BlockDumper, allow_unicode=True,
                     sort_keys=False, indent=2, width=1000)
    header = (f"# 草稿：{author} 于 {local(now or utcnow())} 从人工客服回复整理。\n"
              "# 审核修改后移到 knowledge/ 目录才会生效；drafts/ 里的文件不会被机器人使用。\n")
    folder = Path(knowledge_dir) / DRAFTS_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            path = folder / (f"{faq_id}.yaml" if n == 1 else f"{faq_id}-{n}.yaml")
            try:
                f = open(path, "x", encoding="utf-8")
            except FileExistsError:
                continue
            try:
                with f:
                    f.write(header + body)
            except OSError:
                path.unlink(missing_ok=True)  # no half-written draft left behind
                raise
            return path
    except OSError as e:
        raise DraftNotWritten(f"草稿没有保存：无法写入知识库的 drafts/ 目录（{_file_problem(e)}）。"
                              "请联系系统管理员检查磁盘空间和目录权限；填写的内容仍在下面，可稍后再保存。") from e
    raise DraftError("草稿文件太多，请先整理 drafts/ 目录")


def _file_problem(error: OSError) -> str:
    """Why a file could not be written, in Chinese."""
    reasons = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "磁盘配额已用完", errno.EACCES: "没有写入权限",
               errno.EPERM: "没有写入权限", errno.EROFS: "目录所在的磁盘是只读的", errno.ENAMETOOLONG: "文件名太长",
               errno.ENOTDIR: "路径不是目录"}
    return reasons.get(error.errno, f"系统错误 {error.errno or '未知'}")
