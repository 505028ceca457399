"""The engine: one ``decide()`` serves the CLI, the webhook, the admin's try box and evaluation.

Order of checks: distress (``distress.py``, never fuzzy-matched) → a complaint about the office or a public-opinion
risk (``complaint.py``) → smalltalk → explicit request for a person (``smalltalk.py``) → FAQ matching. For matching, the text as typed is ranked first (``scoring.py``); only when it is
not answered with confidence does typo repair (``repair.py``) get its chance, believed only when it clearly matches
better. The thresholds in the settings then decide: answer, a "did you mean" list, or a handoff. ``Engine`` only
coordinates: it builds the reading (``reading.py``, ``tokenizer.py``), the index (``index.py``) and the typo repair
once per knowledge base, and writes replies with ``replies.py``.
"""
from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import asdict, dataclass, field

from ..clock import today_local
from ..kb.loader import KnowledgeBase
from . import replies, smalltalk
from .complaint import ComplaintModel
from .distress import DistressModel
from .embedding import configured_embedder, thresholds_key
from .index import Index
from .kinds import TOPICLESS_WORDS, topicless_cues
from .lexicon import built_in_synonyms, tokenizer_words
from .reading import Synonyms, clip, normalize, read_normalized, strip_fillers
from .repair import TypoRepair, believed
from .replies import HAZARD_FOOTER, NOTHING_TO_READ
from .scoring import Scorer, confident
from .tokenizer import Tokenizer

# complaint: a grievance about the office, its staff or its service (handed to a person, high priority);
# opinion: a public-opinion risk, a threat to take it to the press, online, 12345 or a petition (urgent, alerted).
ACTIONS = ("answer", "clarify", "handoff", "emergency", "smalltalk", "complaint", "opinion")


@dataclass
class Decision:
    """What the engine decided for one question."""

    query: str
    action: str
    reply: str
    faq_id: str | None = None
    score: float = 0.0
    candidates: list = field(default_factory=list)
    options: list = field(default_factory=list)  # FAQ ids that the numbers 1, 2, 3 in the reply stand for
    normalized: str = ""
    tokens: list = field(default_factory=list)
    reason: str = ""
    elapsed_ms: float = 0.0
    distress: str = ""  # the emergency's category, for an emergency
    complaint: str = ""  # what a complaint or public-opinion risk is about (complaint.TOPICS, OPINION_TOPICS)

    def to_json(self) -> dict:
        """The ``ask --jsonl`` record."""
        return {
            "query": self.query,
            "action": self.action,
            "faq_id": self.faq_id,
            "candidates": [c.faq_id for c in self.candidates] if self.action == "clarify" else
                          ([self.faq_id] if self.faq_id else []),
            "score": round(min(100.0, max(0.0, self.score)), 1),
            "reply": self.reply,
        }

    def debug(self) -> dict:
        """Everything, for --debug and the admin's try box."""
        d = asdict(self)
        d["candidates"] = [asdict(c) for c in self.candidates]
        return d


FROM_ENVIRONMENT = object()  # Engine's default embedder: the model BOT_EMBEDDING_MODEL names, else word vectors

# "Did you mean" (a close call, or a top candidate between the clarify and answer thresholds) offers the top
# candidate and those of the next CLARIFY_SIZE - 1 that come within twice the margin plus CLARIFY_WINDOW points of
# it, even under the clarify threshold (that threshold decides whether to ask, not what to offer: a runner-up a few
# points behind is as likely meant); the runner-up is always offered beside a lone top. Chosen by hand (10, 3);
# bench/tune.py searches them too and finds no better.
CLARIFY_WINDOW = 10.0
CLARIFY_SIZE = 3


def choose(ranked: list, thresholds: dict, topicless: bool = False, window: float = CLARIFY_WINDOW,
           size: int = CLARIFY_SIZE) -> tuple:
    """("answer" | "clarify" | "handoff", the candidates named) for a ranking, by the thresholds alone.

    ``topicless``: the question names no topic (only "要多久", "多少钱"), so it is never answered outright. A close
    call on what something costs, where none of the FAQs to offer names a fee (their ``fee_untold`` part), goes to a
    person."""
    if confident(ranked, thresholds) and not topicless:
        return "answer", ranked[:1]
    if not ranked or ranked[0].score < thresholds["clarify"]:
        return "handoff", []
    top = ranked[0].score
    close = [c for c in ranked[:size] if top - c.score < 2 * thresholds["margin"] + window]
    if len(close) == 1:
        close = ranked[:2]
    if all(c.parts.get("fee_untold") for c in close):
        # "报名费多少钱" against FAQs none of which names a fee: a list of them cannot answer it, a person can.
        return "handoff", []
    return "clarify", close


class Engine:
    """Matches questions against one knowledge base. Build once, call ``decide`` many times."""

    def __init__(self, kb: KnowledgeBase, embedder=FROM_ENVIRONMENT):
        """``embedder``: a sentence-embedding model that re-ranks the candidates (``embedding.py``); by default the
        one BOT_EMBEDDING_MODEL names, else the built-in word vectors. A model names the settings' thresholds that
        apply with it (its ``thresholds_key``)."""
        self.kb = kb
        self.settings = kb.settings
        self.embedder = configured_embedder() if embedder is FROM_ENVIRONMENT else embedder
        self.thresholds = self.settings[thresholds_key(self.embedder)]
        self.synonyms = Synonyms(built_in_synonyms(), kb.synonyms)
        extra = {normalize(w) for f in kb.faqs for w in f.keywords} | set(self.synonyms.map.values())
        self._tokenizer_words = (tokenizer_words(kb), sorted(extra))
        self.tokenizer = Tokenizer(*self._tokenizer_words)
        self.distress = DistressModel(self.settings["distress_words"], self.settings["distress_patterns"],
                                      self.settings.get("not_distress", ()))
        self.complaints = ComplaintModel()
        self.handoff_words = sorted({normalize(w) for w in self.settings["handoff_words"]}, key=len, reverse=True)
        # The asking cues as the matcher reads them (多少钱 → 收费), for names_no_topic.
        readings = [self._reading(c)["tokens"] for c in topicless_cues()]
        self._topicless = frozenset(TOPICLESS_WORDS) | {r[0] for r in readings if len(r) == 1}
        # The index is built once and never changes: the garbage collector need not walk it, neither while
        # it is built (that alone costs a fifth of start-up) nor later (a full collection over millions of
        # objects would stall a request for a third of a second).
        enabled = gc.isenabled()
        gc.disable()
        try:
            self.index = Index(kb, self.synonyms, self.tokenizer, self._tokenizer_words, self.embedder)
            self.repair = TypoRepair(self.tokenizer, self.index.vocab, self.index.df_words)
            self.scorer = Scorer(self.index)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()

    # ---- reading -----------------------------------------------------------
    def correct_homophones(self, text: str) -> str:
        """Repair pinyin-input and look-alike typos towards the knowledge base's words (试任证书 → 适任证书)."""
        return self.repair.correct(text)

    def analyse(self, query: str, repair: bool = True) -> dict:
        """Normalised text, matching text and tokens of a question (shown in --debug and the try box).

        ``repair=False`` skips the pinyin typo repair (the text as typed). Only the first MAX_TEXT_CHARS
        characters are read."""
        return self._analysed(read_normalized(query), repair)

    def _analysed(self, normalized: str, repair: bool) -> dict:
        cleaned = strip_fillers(normalized)
        corrected = self.correct_homophones(cleaned) if repair else cleaned
        return {"normalized": normalized, "cleaned": cleaned, "corrected": corrected, **self._reading(corrected)}

    def _reading(self, text: str) -> dict:
        matched = self.synonyms.apply(text)
        return {"text": matched, "tokens": list(dict.fromkeys(self.tokenizer.tokens(matched)))}

    # ---- ranking -----------------------------------------------------------
    def rank(self, query: str, day: dt.date | None = None, analysis: dict | None = None) -> list:
        """All plausible FAQs for a question, best first, only those active on ``day``.

        When typo repair changed the text, both readings are ranked and the repaired one is kept only if it
        matches clearly better: ordinary words that merely sound like a knowledge-base word (有船 / 油船)
        must not steer the answer."""
        day = day or today_local()
        a = analysis or self.analyse(query)
        ranked = self.scorer.rank(a, day)
        if a["corrected"] != a["cleaned"]:
            plain = {**a, "corrected": a["cleaned"], **self._reading(a["cleaned"])}
            chosen, ranked = believed(plain, self.scorer.rank(plain, day), dict(a), ranked)
            a.update(chosen)
        return ranked

    def _with_repair(self, plain: dict, plain_ranked: list, day: dt.date) -> tuple:
        """The typo-repaired reading of an as-typed one, and its ranking, if it is to be believed."""
        corrected = self.correct_homophones(plain["cleaned"])
        if corrected == plain["cleaned"]:
            return plain, plain_ranked
        repaired = {**plain, "corrected": corrected, **self._reading(corrected)}
        return believed(plain, plain_ranked, repaired, self.scorer.rank(repaired, day))

    # ---- decisions ---------------------------------------------------------
    def names_no_topic(self, tokens: list) -> bool:
        """Only asking words ("要多久", "多少钱", "怎么申请"): the question could be about any FAQ."""
        return bool(tokens) and all(t in self._topicless for t in tokens)

    def is_distress(self, text: str) -> bool:
        """Whether the distress model reads the message (its first MAX_TEXT_CHARS characters) as a live emergency."""
        return self.distress.read(clip(text)).emergency

    def distress_category(self, text: str) -> str:
        """The category of the live emergency the distress model reads in the message (``self_harm``, ``fire`` …),
        or "" when it reads none."""
        reading = self.distress.read(clip(text))
        return (reading.category or "") if reading.emergency else ""

    def smalltalk_kind(self, normalized: str) -> str | None:
        """'greeting' / 'thanks' / 'bye' when the message is only that, else None."""
        return smalltalk.smalltalk_kind(normalized)

    def wants_person(self, normalized: str) -> bool:
        """An explicit request for a human: 人工 / 转人工, or 客服 / 找人 with little else said."""
        return smalltalk.wants_person(normalized, self.handoff_words, self.tokenizer)

    def decide(self, query: str, day: dt.date | None = None) -> Decision:
        """Decide what to do with one message: answer, clarify, handoff, emergency, complaint, opinion or smalltalk.

        Only the first MAX_TEXT_CHARS characters are read; ``Decision.query`` is that part."""
        started = time.perf_counter()
        day = day or today_local()
        d = self._decide(clip(query), day)
        d.elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
        return d

    def _decide(self, query, day) -> Decision:
        s = self.settings
        normalized = read_normalized(query)
        reading = self.distress.read(query)
        if reading.emergency:
            text = s["self_harm_text"] if reading.category == "self_harm" else s["emergency_text"]
            return Decision(query, "emergency", text.strip(), score=100.0,
                            normalized=normalized, reason="distress", distress=reading.category or "")
        grievance = self.complaints.read(query)
        if grievance.kind:
            d = Decision(query, grievance.kind, replies.complaint_text(s, grievance.kind, grievance.penalty),
                         score=100.0, normalized=normalized, reason=grievance.kind, complaint=grievance.topic or "")
        else:
            d = self._answer_or_handoff(query, normalized, day)
        # A hazard named in a message read as no emergency: should the reading be wrong, the number is still there.
        if reading.mentions_hazard and d.action in ("answer", "clarify", "complaint", "opinion") \
                and "12395" not in d.reply[-80:]:
            d.reply += "\n\n" + HAZARD_FOOTER
        return d

    def _answer_or_handoff(self, query, normalized, day) -> Decision:
        s = self.settings
        kind = self.smalltalk_kind(normalized)
        if kind:
            return Decision(query, "smalltalk", s["smalltalk"][kind].strip(), normalized=normalized, reason=kind)
        if not normalized:  # only punctuation or emoji (？ 。 👍): nothing to answer and nothing for a person
            return Decision(query, "smalltalk", NOTHING_TO_READ, normalized=normalized, reason="empty")
        if self.wants_person(normalized):
            return Decision(query, "handoff", self.handoff_text(), normalized=normalized, reason="asked_for_person")
        # The text as typed first: answered with confidence, it is taken as is (most questions); otherwise
        # pinyin typo repair gets its chance.
        a = self._analysed(normalized, repair=False)
        ranked = self.scorer.rank(a, day)
        if not confident(ranked, self.thresholds):
            a, ranked = self._with_repair(a, ranked, day)
        action, chosen = choose(ranked, self.thresholds, self.names_no_topic(a["tokens"]))
        top = ranked[0] if ranked else None
        base = dict(normalized=normalized, tokens=a["tokens"], candidates=ranked[:5])
        if action == "answer":
            faq = self.kb.by_id[top.faq_id]
            reply, options = self.render_answer(faq, day)
            return Decision(query, "answer", reply, faq_id=faq.id, score=top.score, options=options,
                            reason="confident", **base)
        if action == "clarify":
            base["candidates"] = chosen
            return Decision(query, "clarify", self.render_clarify(chosen), faq_id=chosen[0].faq_id, score=top.score,
                            options=[c.faq_id for c in chosen], reason="close_call", **base)
        return Decision(query, "handoff", self.handoff_text(), score=top.score if top else 0.0,
                        reason="no_match", **base)

    def readings(self, query: str, day: dt.date) -> tuple:
        """(reading as typed, its ranking, typo-repaired reading or None, its ranking or None) of a question that
        reaches matching: what ``decide`` chooses from, all of it, for bench/tune.py to replay."""
        plain = self._analysed(read_normalized(clip(query)), repair=False)
        plain_ranked = self.scorer.rank(plain, day)
        corrected = self.correct_homophones(plain["cleaned"])
        if corrected == plain["cleaned"]:
            return plain, plain_ranked, None, None
        repaired = {**plain, "corrected": corrected, **self._reading(corrected)}
        return plain, plain_ranked, repaired, self.scorer.rank(repaired, day)

    # ---- replies (replies.py) ----------------------------------------------
    def handoff_text(self) -> str:
        """The handoff reply with office hours filled in."""
        return replies.handoff_text(self.settings)

    def active_notices(self, day: dt.date) -> list:
        """Dated FAQs (navigation notices) valid on ``day``, soonest ending first."""
        return replies.active_notices(self.kb, day)

    def render_answer(self, faq, day: dt.date) -> tuple:
        """Answer text plus numbered related follow-ups; returns (text, option ids)."""
        return replies.render_answer(self.kb, faq, day)

    def render_notices(self, day: dt.date) -> str:
        """The list of notices valid on ``day`` (or a line saying there are none)."""
        return replies.render_notices(self.kb, day)

    def render_clarify(self, candidates) -> str:
        """The "did you mean" list."""
        return replies.render_clarify(candidates)
