"""Curator tools for a knowledge folder: check, example tests, statistics and suggestions from the message log.

Framework-free: the ``kb`` commands in cli.py only format what these functions return.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from ..clock import today_local
from ..clock import iso
from ..matching import Engine
from ..errors import BotError, KnowledgeError
from .loader import (CANNED_REPLIES_FILE, DICTIONARY_FILE, SETTINGS_FILE, SYNONYMS_FILE, KnowledgeBase,
                        collect_knowledge, parse_canned_replies)
from ..wechat.menu import menu_problems
from ..wechat.message_xml import MAX_REPLY_BYTES

# Leader clustering: a question joins a group when it is at least this similar (0-100) to the group's first.
GROUP_SIMILARITY = 50.0
ACTION_NAMES = {"emergency": "险情", "smalltalk": "闲聊", "handoff": "转人工", "clarify": "澄清", "answer": "回答"}


class MessageLogError(BotError):
    """The message log (database file or its messages table) cannot be read."""


class CuratedFileError(BotError):
    """Refused to write proposals into a file the knowledge base is loaded from."""


@dataclass(frozen=True)
class Finding:
    """A warning from ``check_knowledge``: where, what, and how to fix it (same fields as KnowledgeError)."""

    path: str
    line: int | None
    message: str
    hint: str = ""


def display_path(path) -> str:
    """A path relative to the working directory when it lies below it (as printed in check output)."""
    path = str(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def format_finding(item, level: str) -> str:
    """One output line: ``file:line: 错误: message（hint）`` for a KnowledgeError or a Finding."""
    where = display_path(item.path) + (f":{item.line}" if item.line else "")
    text = f"{where}: {level}: {item.message}"
    return text + f"（{item.hint}）" if item.hint else text


# ---- check --------------------------------------------------------------------------------------

def check_knowledge(directory, day: dt.date | None = None) -> tuple:
    """Check a knowledge folder; return ``(errors, warnings)``: every KnowledgeError and every Finding.

    Errors are what stops the folder from loading (each with file, line and hint, not only the first).
    Warnings: near-duplicates (an alternate or example the engine routes elsewhere), FAQs without
    alternates or source, answers over 2048 bytes, notices past their valid_until, menu entries
    WeChat would refuse. The staff's canned replies (canned_replies.yaml) are checked too. Curators' wording in what
    users read (``curator_wording``) is an error. FAQs marked ``verified: false`` are neither: ``unverified_faqs``
    lists them apart, so a folder whose only open items are unverified facts checks clean.
    """
    day = day or today_local()
    kb, errors = collect_knowledge(directory, day)
    try:
        parse_canned_replies(Path(directory) / CANNED_REPLIES_FILE, errors)
    except KnowledgeError as e:
        errors.append(e)
    if kb is None or not kb.faqs:
        return errors, []
    errors += curator_wording(kb)
    warnings = _content_warnings(kb, day) + _routing_warnings(kb, Engine(kb), day)
    settings_path = str(Path(kb.directory) / SETTINGS_FILE)
    warnings += [Finding(settings_path, *problem) for problem in menu_problems(kb.settings["menu"])]
    warnings.sort(key=lambda w: (w.path, w.line or 0))
    return errors, warnings


def _content_warnings(kb: KnowledgeBase, day: dt.date) -> list:
    out = []
    for f in kb.faqs:
        if not f.alternates:
            out.append(Finding(f.path, f.line, f"FAQ“{f.id}”没有 alternates（其他问法）",
                               "加上2到3种用户常见的说法，匹配会更准"))
        size = len(f.answer.encode("utf-8"))
        if size > MAX_REPLY_BYTES:
            out.append(Finding(f.path, f.line, f"FAQ“{f.id}”的回答有{size}字节，超过{MAX_REPLY_BYTES}字节，会被拆成几条发送",
                               "精简回答，或拆成几条FAQ再用 related 关联"))
        if f.valid_until and f.valid_until < day:
            out.append(Finding(f.path, f.line, f"通告“{f.id}”已于{f.valid_until}过期，仍留在文件里",
                               "过期通告不会再回答，可以删除或移到 drafts/ 存档"))
        if not f.source:
            out.append(Finding(f.path, f.line, f"FAQ“{f.id}”没有写 source（依据）",
                               "写明依据的法规、办事指南或网页，便于日后核对更新"))
    return out


# Notes on provenance and placeholders meant for curators; in an answer they make the office doubt its own word.
# The office speaks for itself: where a fact came from (another bureau's guide or reply, the press, a repost, a web
# page) belongs in ``source:``, what is still unchecked in ``verified: false`` / ``note:``. Only phrasings of
# provenance are listed: 二手船 (a second-hand ship) is a real topic, "以现行办事指南为准", "可在海事一网通办查看
# 办事指南" or "本局发布的通航环境公示" send the user to the office's own channels, and "网上流传的……说法不实"
# is the office correcting a rumour.
CURATOR_WORDING = re.compile(
    r"二手(?:资料|转载|引述|来源)|[（(]二手[）)]|待核实|待核对|未经核实|尚未核实|示例时间|示例通告|非真实通告"
    r"|据(?:报道|资料|了解|网上|媒体|介绍)|报道|转载|转引|百科"
    r"|(?<!镇江)(?<!江苏)(?<!中国)海事局的?(?:办事)?(?:指南|答复|回复|问答)"
    r"|参考[^，。；：\n]{0,8}(?:海事局|海事处|地方)[^，。；：\n]{0,6}(?:指南|答复)"
    r"|早年(?:答复|回复|资料)|以往[^，。；：\n]{0,6}做法"
    r"|[（(][^（）()\n]{0,12}(?:报|网|社|台)[，,、 ]?\d{4}年[）)]"
)

# Settings whose text users read (the handoff reply shows office_hours).
USER_TEXT_SETTINGS = ("welcome", "handoff_text", "office_hours", "emergency_text", "self_harm_text")


def curator_wording(kb: KnowledgeBase) -> list:
    """Errors for text users read that carries curators' wording (二手资料, 据报道, 参考××海事局指南, 待核实, 示例时间 …).

    Checks FAQ questions and answers, and the settings users read (welcome, handoff, office hours, emergency,
    self-harm, smalltalk). Example FAQs (``example: true``) and settings listed under ``examples:`` are exempt: they
    are sample content on purpose and kept from production elsewhere.
    """
    out, lines = [], _FileLines()
    for f in kb.faqs:
        if f.example:
            continue
        for kind, text in (("question", f.question), ("answer", f.answer)):
            for m in CURATOR_WORDING.finditer(text):
                line_text = next(l for l in text.splitlines() if m.group() in l)
                out.append(KnowledgeError(
                    f.path, lines.find(f.path, line_text.strip(), f.line),
                    f"FAQ“{f.id}”的 {kind} 里有写给工作人员的话“{m.group()}”，用户会看到",
                    "从回答里删掉；来源写进 source:，待核实的事项写 verified: false 和 note:",
                ))
    settings_path = Path(kb.directory) / SETTINGS_FILE
    if not settings_path.exists():
        return out
    exempt = set(kb.settings.get("examples", []))
    texts = [(k, kb.settings.get(k, "")) for k in USER_TEXT_SETTINGS if k not in exempt]
    texts += [(f"smalltalk.{k}", v) for k, v in kb.settings.get("smalltalk", {}).items()]
    for key, text in texts:
        for m in CURATOR_WORDING.finditer(text or ""):
            line_text = next(l for l in text.splitlines() if m.group() in l)
            out.append(KnowledgeError(
                settings_path, lines.find(str(settings_path), line_text.strip(), 1),
                f"设置 {key} 里有写给工作人员的话“{m.group()}”，用户会看到",
                "从文字里删掉；仍是示例值的设置写进 examples: 列表",
            ))
    return out


def unverified_faqs(directory) -> list:
    """Findings for the FAQs marked ``verified: false`` (what is still to be checked is in their ``note``)."""
    kb, _ = collect_knowledge(directory)
    if kb is None:
        return []
    return [Finding(f.path, f.line, f"FAQ“{f.id}”{f.question}", f.note or "没有写 note：请写明需要核实什么")
            for f in kb.unverified]


def _serving_day(faq, day: dt.date) -> dt.date:
    """A day on which ``faq`` is served: ``day`` itself, or the nearest end of its validity window."""
    if faq.active(day):
        return day
    if faq.valid_from and day < faq.valid_from:
        return faq.valid_from
    return faq.valid_until


def _routing_warnings(kb: KnowledgeBase, engine: Engine, day: dt.date) -> list:
    """Alternates and examples the engine routes to another FAQ; alternates it never matches at all.

    Examples that simply find nothing are left to ``kb test``.
    """
    out = []
    lines = _FileLines()
    for f in kb.faqs:
        on = _serving_day(f, day)
        for kind, texts in (("alternates", f.alternates), ("examples", f.examples)):
            for text in texts:
                d = engine.decide(text, on)
                problem = _routing_problem(d, f.id, kind)
                if problem:
                    out.append(Finding(f.path, lines.find(f.path, text, f.line),
                                       f"{kind} “{text}”（{f.id}）{problem}", _routing_hint(d)))
    return out


def _routing_problem(d, own_id: str, kind: str) -> str:
    if d.action == "answer" and d.faq_id != own_id:
        return f"被引擎回答成了“{d.faq_id}”（得分 {d.score:.0f}），两条FAQ太相近"
    if d.action == "clarify" and (d.options[0] != own_id or kind == "alternates"):
        others = "、".join(o for o in d.options if o != own_id)
        return f"会让用户在 {' / '.join(d.options)} 中选择（得分 {d.score:.0f}），与“{others}”难以区分"
    if kind == "alternates" and d.action in ("emergency", "smalltalk", "handoff"):
        return f"会被当作{ACTION_NAMES[d.action]}处理（{d.reason}），这个说法永远不会回答本条"
    return ""


def _routing_hint(d) -> str:
    if d.action == "emergency":
        return "含有险情词的说法总是转为险情提示，换一种说法"
    if d.action in ("answer", "clarify"):
        return "把这句改得更有区分度，或合并两条FAQ"
    return "换一种说法"


class _FileLines:
    """Finds the line of a text inside an FAQ (the loader keeps only each FAQ's first line)."""

    def __init__(self):
        self._cache = {}

    def find(self, path: str, text: str, start: int) -> int:
        if path not in self._cache:
            self._cache[path] = Path(path).read_text(encoding="utf-8").splitlines()
        lines = self._cache[path]
        for n in range(max(start, 1), len(lines) + 1):
            if text in lines[n - 1]:
                return n
        return start


# ---- examples -----------------------------------------------------------------------------------

@dataclass
class ExampleResult:
    """One ``examples:`` question of an FAQ and what the engine did with it."""

    faq_id: str
    question: str
    action: str
    got: str | None
    score: float
    options: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when the engine answered with the FAQ the example belongs to."""
        return self.action == "answer" and self.got == self.faq_id


@dataclass
class ExampleReport:
    """The outcome of running every FAQ's examples through the engine."""

    day: dt.date
    results: list
    skipped: list  # FAQs with examples that are not served on the day
    without_examples: int

    @property
    def passed(self) -> int:
        """How many examples were answered with their own FAQ."""
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        """How many examples were not."""
        return len(self.results) - self.passed


def run_examples(engine: Engine, day: dt.date | None = None) -> ExampleReport:
    """Ask the engine every FAQ's ``examples:`` as of ``day``; FAQs not active that day are skipped."""
    day = day or today_local()
    results, skipped, without = [], [], 0
    for f in engine.kb.faqs:
        if not f.examples:
            without += 1
            continue
        if not f.active(day):
            skipped.append(f)
            continue
        for q in f.examples:
            d = engine.decide(q, day)
            results.append(ExampleResult(f.id, q, d.action, d.faq_id, d.score, list(d.options)))
    return ExampleReport(day, results, skipped, without)


def format_example_report(report: ExampleReport) -> str:
    """Misses (naming what matched instead), skipped FAQs and the pass / fail counts."""
    lines = []
    for r in report.results:
        if r.passed:
            continue
        got = r.action if r.got is None else f"{r.action} {r.got}"
        if r.action == "clarify":
            got += f" [{', '.join(r.options)}]"
        lines.append(f"失败 {r.faq_id}: “{r.question}” → {got}（得分 {r.score:.1f}）")
    for f in report.skipped:
        window = f"{f.valid_from or '…'} 至 {f.valid_until or '…'}"
        lines.append(f"跳过 {f.id}: {report.day} 不在有效期内（{window}）")
    lines.append(f"通过 {report.passed}，失败 {report.failed}，跳过 {len(report.skipped)} 条FAQ，"
                 f"{report.without_examples} 条FAQ没有 examples")
    return "\n".join(lines)


# ---- stats --------------------------------------------------------------------------------------

def knowledge_stats(kb: KnowledgeBase, day: dt.date | None = None) -> dict:
    """Counts of a knowledge base: FAQs per category, answer lengths, vocabulary and dated notices."""
    day = day or today_local()
    chars = [len(f.answer) for f in kb.faqs]
    sizes = [len(f.answer.encode("utf-8")) for f in kb.faqs]
    dated = [f for f in kb.faqs if f.dated]

    def spread(values):
        return {"min": min(values), "median": statistics.median(values), "max": max(values)} if values else None

    return {
        "faqs": len(kb.faqs),
        "categories": Counter(f.category for f in kb.faqs),
        "alternates": sum(len(f.alternates) for f in kb.faqs),
        "examples": sum(len(f.examples) for f in kb.faqs),
        "answer_chars": spread(chars),
        "answer_bytes": spread(sizes),
        "over_limit": sum(s > MAX_REPLY_BYTES for s in sizes),
        "dictionary_words": len(kb.user_words),
        "synonym_terms": len(set(kb.synonyms.values())),
        "synonym_variants": len(kb.synonyms),
        "notices_active": sum(f.active(day) for f in dated),
        "notices_expired": sum(bool(f.valid_until and f.valid_until < day) for f in dated),
        "notices_upcoming": sum(bool(f.valid_from and f.valid_from > day) for f in dated),
        "menu_buttons": len(kb.settings["menu"]),
        "unverified": [(f.id, f.question, f.note) for f in kb.unverified],
        "examples_left": kb.example_content(),
    }


def format_stats(stats: dict) -> str:
    """The ``kb stats`` report."""
    lines = [f"FAQ 共 {stats['faqs']} 条，{len(stats['categories'])} 个分类："]
    width = max((len(c) for c in stats["categories"]), default=0)
    for name, n in stats["categories"].items():
        lines.append(f"  {name}{'　' * (width - len(name))}  {n:>4}")
    lines.append(f"其他问法 alternates {stats['alternates']} 条，测试问法 examples {stats['examples']} 条")
    for key, label in (("answer_chars", "字"), ("answer_bytes", "字节")):
        s = stats[key]
        if s:
            lines.append(f"回答长度（{label}）：最短 {s['min']}，中位数 {s['median']:g}，最长 {s['max']}")
    lines.append(f"超过 {MAX_REPLY_BYTES} 字节（会拆条发送）的回答：{stats['over_limit']} 条")
    lines.append(f"词典词条 {stats['dictionary_words']} 个；同义词 {stats['synonym_terms']} 个标准词，"
                 f"{stats['synonym_variants']} 个口语说法")
    lines.append(f"有期限的通告：有效 {stats['notices_active']}，已过期 {stats['notices_expired']}，"
                 f"未生效 {stats['notices_upcoming']}")
    lines.append(f"菜单一级按钮 {stats['menu_buttons']} 个")
    lines.append(f"未核实的FAQ（verified: false）{len(stats['unverified'])} 条" + ("：" if stats["unverified"] else ""))
    for faq_id, question, note in stats["unverified"]:
        lines.append(f"  {faq_id}  {question}" + (f"（{note}）" if note else ""))
    if stats["examples_left"]:
        lines.append(f"示例内容（上线前删除或替换）：{'、'.join(stats['examples_left'])}")
    return "\n".join(lines)


# ---- suggest ------------------------------------------------------------------------------------

_SINCE_RE = re.compile(r"^\s*(\d+)\s*([dh])\s*$", re.IGNORECASE)


def parse_since(text: str) -> dt.timedelta:
    """``7d`` / ``12h`` → timedelta; ValueError otherwise."""
    m = _SINCE_RE.match(text or "")
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"时间范围“{text}”应写成 天数d 或 小时数h，例如 7d、12h")
    n = int(m.group(1))
    return dt.timedelta(days=n) if m.group(2).lower() == "d" else dt.timedelta(hours=n)


@contextlib.contextmanager
def _message_log(db_path: str, table: str):
    """The bot's database (file or PostgreSQL URL) for reading, with the shared connection settings; never
    creates or migrates one. Yields None when ``table`` is not there yet (a database from an older release)."""
    from ..store.connection import exists, open_db

    if not exists(db_path):
        raise MessageLogError(f"找不到消息日志数据库 {db_path}（用 --db 指定，或设置 BOT_DATABASE）")
    db = open_db(db_path, init=False)
    try:
        if not db["messages"].exists():
            raise MessageLogError(f"{db_path} 里没有 messages 表，不是本机器人的数据库？")
        yield db if db[table].exists() else None
    finally:
        db.conn.close()


def unanswered_questions(db_path, since: dt.datetime) -> list:
    """Texts of the messages handed off or answered with a "did you mean" list since ``since`` (UTC), oldest first."""
    from ..store import messages

    with _message_log(db_path, "messages") as db:
        return messages.unanswered_texts(db, iso(since))


def unhelpful_answers(db_path, since: dt.datetime) -> list:
    """``[(question, faq_id)]`` of the answers users called 没用 since ``since`` (UTC), newest first; the words
    of a question are there until the retention upkeep clears them."""
    from ..store import feedback as feedback_log

    with _message_log(db_path, "feedback") as db:
        # A database from before the feedback table: nothing rated yet.
        return feedback_log.unhelpful_questions(db, iso(since)) if db is not None else []


@dataclass
class QuestionGroup:
    """Similar unanswered questions, most asked first, with the FAQ the engine finds closest (if any)."""

    texts: Counter  # original text -> times asked
    key: str  # matching text of the first (leading) question
    tokens: set
    anchor: str | None  # the leading question's top FAQ when it scores at least the clarify threshold
    nearest: str | None = None  # the leading question's top FAQ whatever its score
    score: float = 0.0  # the anchor's best score over the group, else the nearest FAQ's score

    @property
    def size(self) -> int:
        """How many messages the group holds."""
        return sum(self.texts.values())

    def samples(self, n: int = 3) -> list:
        """The ``n`` most asked phrasings."""
        return [t for t, _ in self.texts.most_common(n)]


@dataclass
class Proposal:
    """What to do about one group: add alternates to an existing FAQ, or write a new FAQ."""

    group: QuestionGroup
    kind: str  # "alternate" or "new_faq"
    faq_id: str | None = None
    faq_question: str = ""
    score: float = 0.0


@dataclass
class ReviewGroup:
    """Questions a FAQ answered and the users called 没用, most asked first, with the FAQ the engine ranks next
    for the leading question (perhaps the one they meant)."""

    faq_id: str
    texts: Counter  # question -> times called 没用
    faq_question: str = ""
    next_best: str | None = None
    next_question: str = ""
    next_score: float = 0.0

    @property
    def size(self) -> int:
        """How many ratings the group holds."""
        return sum(self.texts.values())

    def samples(self, n: int = 3) -> list:
        """The ``n`` most rated phrasings."""
        return [t for t, _ in self.texts.most_common(n)]


def review_groups(pairs) -> list:
    """``(question, faq_id)`` pairs of unhelpful answers grouped by the FAQ that answered, biggest group first."""
    by_faq = {}
    for text, faq_id in pairs:
        by_faq.setdefault(faq_id, ReviewGroup(faq_id, Counter())).texts[text.strip()] += 1
    return sorted(by_faq.values(), key=lambda g: (-g.size, g.faq_id))


@dataclass
class Suggestions:
    """The outcome of ``suggest``: proposals biggest group first, and what was left out and why."""

    proposals: list
    considered: int
    now_answered: int = 0
    not_questions: int = 0
    reviews: list = field(default_factory=list)  # ReviewGroup: answers called 没用, per FAQ
    rated: int = 0  # answers called 没用 considered
    rated_now_other: int = 0  # of those, left out: the FAQ is gone or another FAQ now answers the question


class QuestionSimilarity:
    """Similarity (0-100) of two matching texts: half rapidfuzz character ratio, half word overlap (Dice)
    weighted by how rare each word is in the knowledge base, so 怎么 / 什么 count little and unknown words a lot.
    """

    def __init__(self, engine: Engine):
        self.df = Counter()
        self.n = 0
        for f in engine.kb.faqs:
            for text in (f.question, *f.alternates):
                self.df.update(set(engine.analyse(text)["tokens"]))
                self.n += 1

    def weight(self, token: str) -> float:
        """Inverse document frequency of a word over the FAQs' questions and alternates."""
        return math.log((self.n + 1) / (self.df.get(token, 0) + 0.5))

    def __call__(self, a: str, a_tokens: set, b: str, b_tokens: set) -> float:
        total = sum(map(self.weight, a_tokens)) + sum(map(self.weight, b_tokens))
        words = 200 * sum(map(self.weight, a_tokens & b_tokens)) / total if total else 0.0
        return (fuzz.ratio(a, b) + words) / 2


def group_questions(engine: Engine, texts, day: dt.date | None = None, threshold: float = GROUP_SIMILARITY) -> list:
    """Leader clustering: each distinct question (most asked first) joins the most similar group or starts one.

    Questions whose top FAQ scores at least the clarify threshold are anchored to it: same anchor, same
    group; different anchors never share one. The rest are grouped by ``QuestionSimilarity`` on the
    normalised text (synonyms applied).
    """
    day = day or today_local()
    clarify_at = engine.settings["thresholds"]["clarify"]
    similarity = QuestionSimilarity(engine)
    groups = []
    for text, n in sorted(Counter(texts).items(), key=lambda kv: (-kv[1], kv[0])):
        a = engine.analyse(text)
        key, tokens = a["text"].replace(" ", ""), set(a["tokens"])
        ranked = engine.rank(text, day, a)
        nearest = ranked[0] if ranked else None
        anchor = nearest.faq_id if nearest and nearest.score >= clarify_at else None
        best, best_score = None, threshold
        for g in groups:
            if anchor and g.anchor:
                score = 100.0 if anchor == g.anchor else 0.0
            else:
                score = similarity(key, tokens, g.key, g.tokens)
            if score >= best_score:
                best, best_score = g, score
        if best is None:
            groups.append(QuestionGroup(Counter({text: n}), key, tokens, anchor,
                                        nearest.faq_id if nearest else None, nearest.score if nearest else 0.0))
        else:
            best.texts[text] += n
            if anchor and anchor == best.anchor:
                best.score = max(best.score, nearest.score)
    groups.sort(key=lambda g: -g.size)
    return groups


def suggest(engine: Engine, texts, day: dt.date | None = None, unhelpful=()) -> Suggestions:
    """Group unanswered questions and propose, per group, alternates for the closest FAQ or a new FAQ; and list
    the answers users called 没用 (``unhelpful``: ``(question, faq_id)`` pairs), per FAQ, for review.

    Left out: distress, smalltalk and requests for a person (as the engine decides them today), bare
    numbers or single characters, and questions the current knowledge base now answers. An unhelpful answer is
    left out when its FAQ is gone or the knowledge base now answers its question with another FAQ.
    """
    day = day or today_local()
    keep, now_answered, not_questions = [], 0, 0
    verdicts = {}
    for text in texts:
        if text not in verdicts:
            verdicts[text] = engine.decide(text, day)
        d = verdicts[text]
        compact = d.normalized.replace(" ", "")
        if d.action in ("emergency", "smalltalk") or d.reason in ("asked_for_person", "empty") \
                or len(compact) < 2 or compact.isdigit():
            not_questions += 1
        elif d.action == "answer":
            now_answered += 1
        else:
            keep.append(text)
    reviewed, now_other = [], 0
    for text, faq_id in unhelpful:
        d = engine.decide(text, day)
        if faq_id not in engine.kb.by_id or (d.action == "answer" and d.faq_id != faq_id):
            now_other += 1
        else:
            reviewed.append((text, faq_id))
    reviews = review_groups(reviewed)
    for g in reviews:
        g.faq_question = engine.kb.by_id[g.faq_id].question
        others = [c for c in engine.rank(g.samples(1)[0], day) if c.faq_id != g.faq_id]
        if others:
            g.next_best, g.next_question, g.next_score = others[0].faq_id, others[0].question, others[0].score
    proposals = []
    for g in group_questions(engine, keep, day):
        if g.anchor:
            proposals.append(Proposal(g, "alternate", g.anchor, engine.kb.by_id[g.anchor].question, g.score))
        else:
            question = engine.kb.by_id[g.nearest].question if g.nearest else ""
            proposals.append(Proposal(g, "new_faq", g.nearest, question, g.score))
    return Suggestions(proposals, len(texts), now_answered, not_questions, reviews, len(unhelpful), now_other)


def format_suggestions(s: Suggestions) -> str:
    """The ``kb suggest`` report: each group's size, up to 3 samples and the proposal."""
    lines = [f"转人工/澄清的消息 {s.considered} 条：{s.now_answered} 条现在已能回答，"
             f"{s.not_questions} 条不是业务问题（险情、闲聊、要人工、数字），其余分成 {len(s.proposals)} 组。"]
    for n, p in enumerate(s.proposals, 1):
        lines.append("")
        samples = " / ".join(f"“{t}”" for t in p.group.samples(3))
        lines.append(f"[{n}] {p.group.size} 条：{samples}")
        if p.kind == "alternate":
            lines.append(f"    建议：给 {p.faq_id}（{p.faq_question}）加 alternates（得分 {p.score:.0f}）")
        else:
            near = f"，最接近的 {p.faq_id} 只有 {p.score:.0f} 分" if p.faq_id else ""
            lines.append(f"    建议：新增一条FAQ{near}")
    if s.rated:
        lines += ["", f"用户说“没用”的回答 {s.rated} 条：{s.rated_now_other} 条现在已由别的FAQ回答（或原FAQ已删除），"
                      f"其余按回答的FAQ分成 {len(s.reviews)} 组，请检查回答是否说清楚、是不是答非所问。"]
    for n, g in enumerate(s.reviews, 1):
        lines.append("")
        samples = " / ".join(f"“{t}”" for t in g.samples(3))
        lines.append(f"[没用{n}] {g.faq_id}（{g.faq_question}）被说“没用” {g.size} 次：{samples}")
        if g.next_best:
            lines.append(f"    其次接近的是 {g.next_best}（{g.next_question}，得分 {g.next_score:.0f}）：问的是它，就给它加 "
                         f"alternates；两条都不对，就新增一条FAQ；问的就是这条，就改写它的回答")
        else:
            lines.append("    问的就是这条，就改写它的回答；问的是别的事，就新增一条FAQ")
    return "\n".join(lines)


def proposals_yaml(s: Suggestions, engine: Engine, header: str) -> str:
    """The proposals as YAML for review: alternates to add per FAQ, new FAQ stubs, and answers called 没用."""
    items, new = [], 0
    for p in s.proposals:
        phrasings = [t.strip() for t, _ in p.group.texts.most_common()]
        if p.kind == "alternate":
            have = set(engine.kb.by_id[p.faq_id].alternates)
            items.append({"proposal": "alternates", "faq": p.faq_id, "question": p.faq_question,
                          "asked": p.group.size, "score": round(p.score, 1),
                          "alternates": [t for t in phrasings if t not in have][:5]})
        else:
            new += 1
            items.append({"proposal": "new_faq", "asked": p.group.size,
                          "faq": {"id": f"draft-{new}", "question": phrasings[0], "alternates": phrasings[1:6],
                                  "answer": "待补充", "source": ""}})
    for g in s.reviews:
        items.append({"proposal": "review_answer", "faq": g.faq_id, "question": g.faq_question,
                      "unhelpful": g.size, "asked": [t for t, _ in g.texts.most_common(10)],
                      "next_best": g.next_best, "next_question": g.next_question})
    body = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=120) if items else "[]\n"
    return "".join(f"# {line}\n" for line in header.splitlines()) + body


def proposal_target(path, kb: KnowledgeBase) -> Path:
    """Where ``--write`` may save proposals: refuse a file the knowledge base is (or would be) loaded from."""
    target = Path(path).resolve()
    kb_dir = Path(kb.directory).resolve()
    curated = {Path(f).resolve() for f in kb.files}
    curated |= {kb_dir / n for n in (SETTINGS_FILE, SYNONYMS_FILE, DICTIONARY_FILE)}
    # Any YAML file directly in the folder would be loaded as an FAQ file on the next reload.
    loaded_here = target.parent == kb_dir and target.suffix in (".yaml", ".yml")
    if target in curated or loaded_here:
        drafts = display_path(kb_dir / "drafts" / "suggestions.yaml")
        raise CuratedFileError(
            f"不能写入 {display_path(target)}：这是知识库加载的文件（提示：写到 {drafts}，审核后再手工并入）"
        )
    return target


def write_proposals(path, text: str, kb: KnowledgeBase) -> Path:
    """Save the proposals YAML to ``path`` (checked with ``proposal_target``), creating folders as needed."""
    target = proposal_target(path, kb)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
