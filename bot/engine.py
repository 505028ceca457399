"""The answering engine: one ``decide()`` serves the CLI, the webhook, the admin's try box and evaluation.

Order of checks: distress (never fuzzy-matched) → smalltalk → explicit request for a person → FAQ matching.
Matching scores each FAQ by how much of the question's information it covers (IDF-weighted words and
character pairs), how closely its best phrasing matches, rapidfuzz similarity, and its keywords.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import math
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from . import textproc
from .clock import today_local
from .knowledge import KnowledgeBase, parse_dictionary, parse_synonyms
from .matching.distress import DistressModel
from .memo import MEMO_VERSION, load_memo, save_memo
from .textproc import (
    Synonyms, Tokenizer, char_bigrams, is_cjk, normalize, pinyin_key, strip_fillers,
)

DEFAULTS_DIR = Path(__file__).with_name("defaults")

ACTIONS = ("answer", "clarify", "handoff", "emergency", "smalltalk")
SMALLTALK = {
    "greeting": ("你好", "您好", "在吗", "在不在", "哈喽", "hello", "hi", "嗨", "早上好", "下午好", "晚上好", "有人吗"),
    "thanks": ("谢谢", "多谢", "感谢", "谢了", "thanks", "thank you", "辛苦了", "好的谢谢", "明白了", "知道了", "收到", "好的"),
    "bye": ("再见", "拜拜", "bye", "回见"),
}
# Always a request for a person; the other handoff words (客服, 找人 …) only when little else is said
# ("客服电话多少" asks for a number).
STRONG_HANDOFF = ("人工",)
NOTICES_PLACEHOLDER = "{notices}"
# Ends an answer to a question that names a hazard ("船舶碰撞后怎么定责任"), in case it is happening after all.
HAZARD_FOOTER = "如果险情正在发生，请立即拨打12395水上遇险求救电话。"
# A message is cut to its first MAX_TEXT_CHARS characters before it is read at all (normalised, checked for
# distress, matched). jieba's HMM is quadratic on a long run of unknown characters: 100,000 of one rare character
# took 30 s through decide(), 100,000 random ones 4 s. WeChat's input box takes far more than 500, but no real
# question runs past a few hundred characters; at 500 the worst case measured (random CJK) costs 30-40 ms.
MAX_TEXT_CHARS = 500
MAX_CANDIDATES = 6  # fully scored after the cheap pre-ranking: 5, 6, 10 and 20 give the same decisions on 1,569 questions
UNKNOWN_WORD_WEIGHT = 0.6
# jieba's general-dictionary frequency under which a word counts as a domain term (typo-repair target).
RARE_IN_GENERAL_CHINESE = 100
# Points by which a typo-repaired reading must beat the text as typed before it is believed.
HOMOPHONE_GAIN = 8.0

# Weights of the score parts; the thresholds that act on the total live in settings.yaml. The four shares plus
# the keyword points add up to 100 at most (the question-kind bonus can add a little). "mass" blends in how much
# the FAQ matched in absolute terms (IDF summed, saturating at mass_half times the rarest word's weight, so the
# scale does not depend on the size of the knowledge base): a long, chatty question that matches many rare
# words is still confident, while a short out-of-scope one that shares a word or two is not.
WEIGHTS = {"cover_words": 0.31, "cover_pairs": 0.23, "phrasing": 0.31, "fuzzy": 0.08, "keyword": 7.0,
           "answer_credit": 0.5, "mass": 0.4, "mass_half": 2.5, "kind": 4.0}

# What kind of answer a question asks for, whatever its topic: the FAQ phrased for the same kind wins a tie
# between siblings ("要带什么" is not "几天能办好").
QUESTION_KINDS = {
    "documents": ("材料", "带什么", "要带", "准备什么", "提交什么", "手续"),
    "time": ("几天", "多久", "什么时候", "几个工作日", "多少天", "几个小时", "提前多", "期限"),
    "fee": ("多少钱", "收费", "费用", "要钱", "免费", "交钱"),
    "place": ("哪里", "在哪", "去哪", "哪个部门", "找谁", "向谁", "跟谁", "哪个单位"),
    "penalty": ("罚", "处罚", "后果", "违法", "扣分"),
    "validity": ("有效期", "几年"),
    "conditions": ("条件", "资格", "具备", "满足", "门槛"),
}


# Asking words that name no topic: a question made only of these and the question-kind cues ("要多久", "多少钱",
# "怎么申请") could be about any FAQ, so it is never answered outright.
TOPICLESS_WORDS = ("什么", "哪", "哪些", "哪个", "多少", "几", "怎么", "怎样", "如何", "能", "可以", "办", "办理",
                   "申请", "办好", "需要", "交", "带", "报")


def _confident(ranked: list, thresholds: dict) -> bool:
    """The top candidate passes the answer threshold and leads the runner-up by the margin."""
    if not ranked:
        return False
    second = ranked[1].score if len(ranked) > 1 else 0.0
    return ranked[0].score >= thresholds["answer"] and ranked[0].score - second >= thresholds["margin"]


def _believed(plain: dict, plain_ranked: list, repaired: dict, repaired_ranked: list) -> tuple:
    """(reading, ranking) to go on: the repaired one only when it scores clearly above the text as typed."""
    best = repaired_ranked[0].score if repaired_ranked else 0.0
    if not repaired_ranked or (plain_ranked and plain_ranked[0].score + HOMOPHONE_GAIN > best):
        return plain, plain_ranked
    return repaired, repaired_ranked


def clip(text: str) -> str:
    """The part of a message the engine reads: its first MAX_TEXT_CHARS characters."""
    return (text or "")[:MAX_TEXT_CHARS]


def read_normalized(text: str) -> str:
    """The normalised form of the part of a message the engine reads, never longer than MAX_TEXT_CHARS."""
    # NFKC spells some characters out as several (㍿ → 株式会社): cut again after normalising.
    return normalize(clip(text))[:MAX_TEXT_CHARS]


def question_kinds(text: str) -> set:
    """The kinds of answer a (normalised) question asks for."""
    return {kind for kind, cues in QUESTION_KINDS.items() if any(c in text for c in cues)}


@dataclass
class Candidate:
    """One FAQ considered for a question, with its score (0-100)."""

    faq_id: str
    question: str
    score: float
    parts: dict = field(default_factory=dict)


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


@lru_cache(maxsize=None)
def _default_synonyms() -> dict:
    """Built-in synonyms (bot/defaults/synonyms.yaml), used beside a knowledge folder's own."""
    return parse_synonyms(DEFAULTS_DIR / "synonyms.yaml")


@lru_cache(maxsize=None)
def _default_words() -> tuple:
    """Built-in maritime jieba dictionary (bot/defaults/dictionary.txt)."""
    return tuple(parse_dictionary(DEFAULTS_DIR / "dictionary.txt"))


class _Entry:
    """Index data of one FAQ."""

    __slots__ = ("faq", "texts", "text_tokens", "text_pairs", "joined", "bag", "pairs", "keywords",
                 "keyword_tokens", "answer_bag", "answer_pairs", "text_mass", "pair_mass", "intents",
                 "word_texts", "pair_texts", "detailed")

    def __init__(self, faq):
        self.faq = faq


class Engine:
    """Matches questions against one knowledge base. Build once, call ``decide`` many times."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.settings = kb.settings
        self.synonyms = Synonyms(_default_synonyms(), kb.synonyms)
        extra = {normalize(w) for f in kb.faqs for w in f.keywords} | set(self.synonyms.map.values())
        self._tokenizer_words = (list(_default_words()) + list(kb.user_words), sorted(extra))
        self.tokenizer = Tokenizer(*self._tokenizer_words)
        self.distress = DistressModel(self.settings["distress_words"], self.settings["distress_patterns"],
                                      self.settings.get("not_distress", ()))
        self.handoff_words = sorted({normalize(w) for w in self.settings["handoff_words"]}, key=len, reverse=True)
        # The cues of asking for documents, time, fees, places, conditions or validity, as the matcher reads them
        # (多少钱 → 收费); a penalty cue (违法, 扣分) names a topic of its own.
        cues = [c for kind, words in QUESTION_KINDS.items() if kind != "penalty" for c in words]
        readings = [self._reading(c)["tokens"] for c in cues]
        self._topicless = frozenset(TOPICLESS_WORDS) | {r[0] for r in readings if len(r) == 1}
        # The index is built once and never changes: the garbage collector need not walk it, neither while
        # it is built (that alone costs a fifth of start-up) nor later (a full collection over millions of
        # objects would stall a request for a third of a second).
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build()
        finally:
            if enabled:
                gc.enable()
        gc.freeze()

    # ---- index -------------------------------------------------------------
    def _prepare(self, text: str) -> str:
        return self.synonyms.apply(strip_fillers(normalize(text)))

    def _cut(self, text: str) -> tuple:
        """(prepared text, token set, character-pair set) of a knowledge-base text, memoised on disk."""
        hit = self._memo.get(text)
        if hit is None:
            prepared = self._prepare(text)
            # Space-joined strings: they unpickle and split much faster than sets are rebuilt.
            hit = (prepared, " ".join(self.tokenizer.tokens(prepared)), " ".join(char_bigrams(prepared)))
            self._memo[text] = hit
            self._memo_dirty = True
        prepared, tokens, pairs = hit
        return prepared, frozenset(tokens.split()), frozenset(pairs.split())

    def _build(self):
        self._memo = load_memo(self._memo_key())
        self._memo_dirty = False
        self.entries = []
        df_words, df_pairs = Counter(), Counter()
        for faq in self.kb.faqs:
            e = _Entry(faq)
            cuts = [self._cut(t) for t in (faq.question, *faq.alternates)]
            e.texts = [c[0] for c in cuts]
            e.text_tokens = [c[1] for c in cuts]
            e.text_pairs = [c[2] for c in cuts]
            keyword_cuts = [c for c in (self._cut(k) for k in faq.keywords) if c[0]]
            e.keywords = [c[0] for c in keyword_cuts]
            e.keyword_tokens = [c[1] or {c[0]} for c in keyword_cuts]
            e.detailed = False
            e.bag = set().union(*e.text_tokens, *(c[1] for c in keyword_cuts))
            e.pairs = set().union(*e.text_pairs, *(c[2] for c in keyword_cuts))
            _, answer_tokens, answer_pairs = self._cut(faq.answer)
            e.answer_bag = answer_tokens - e.bag
            e.answer_pairs = answer_pairs - e.pairs
            df_words.update(e.bag | e.answer_bag)
            df_pairs.update(e.pairs | e.answer_pairs)
            self.entries.append(e)
        if self._memo_dirty:
            save_memo(self._memo_key(), self._memo)
        del self._memo
        n = len(self.entries)
        self._idf_words = {w: math.log((n + 1) / (c + 0.5)) for w, c in df_words.items()}
        self._idf_pairs = {p: math.log((n + 1) / (c + 0.5)) for p, c in df_pairs.items()}
        # A word no FAQ uses weighs a little less than the rarest known word: it may be chatter (搬家, 年底)
        # as much as an out-of-scope topic (社保, 柴油).
        self._idf_unknown = UNKNOWN_WORD_WEIGHT * math.log(2 * (n + 1))
        self._mass_half = WEIGHTS["mass_half"] * math.log((n + 1) / 1.5)
        # Postings of the FAQs' own phrasings and of their answers apart: a match in an answer earns partial
        # credit in the cheap pre-ranking, as in the final score, so an FAQ whose question says it plainly is
        # not crowded out by answers that mention the word in passing.
        own, in_answer = defaultdict(list), defaultdict(list)
        for i, e in enumerate(self.entries):
            for w in e.bag:
                own[("w", w)].append(i)
            for w in e.answer_bag:
                in_answer[("w", w)].append(i)
            for p in e.pairs:
                own[("p", p)].append(i)
            for p in e.answer_pairs:
                in_answer[("p", p)].append(i)
        self._postings = (dict(own), dict(in_answer))
        # Homophone keys of the knowledge base's own vocabulary, to repair pinyin-input typos (试任 → 适任).
        vocab = {w for w in df_words if len(w) >= 2 and is_cjk(w)}
        vocab |= {w for w, _, _ in self.kb.user_words if len(w) >= 2}
        vocab |= {k for e in self.entries for k in e.keywords if len(k) >= 2}
        self._vocab = vocab
        self._by_sound = {}
        # Only words rare in general Chinese are repair targets: a domain term (适任, 海事通) is what a pinyin slip
        # misses, while 正在 / 不再 / 提前 are ordinary words the user more likely meant as typed.
        targets = [w for w in vocab if self.tokenizer.general_frequency(w) < RARE_IN_GENERAL_CHINESE]
        for w in sorted(targets, key=lambda w: (-df_words.get(w, 0), w)):
            self._by_sound.setdefault(pinyin_key(w), w)
        self._sound_lengths = sorted({len(w) for w in vocab if len(w) <= 6}, reverse=True)

    def _memo_key(self) -> str:
        """Changes whenever tokenisation could change: dictionary, synonyms, the text-processing code."""
        h = hashlib.sha1(MEMO_VERSION.encode())
        h.update(Path(textproc.__file__).read_bytes())  # any change to how texts are cut
        h.update(repr(sorted(self.synonyms.map.items())).encode())
        h.update(repr(self._tokenizer_words).encode())
        return h.hexdigest()[:16]

    # ---- analysis ----------------------------------------------------------
    def correct_homophones(self, text: str) -> str:
        """Repair pinyin-input typos: a run of single characters or words rare in general Chinese that sounds
        exactly like a domain term is replaced by it (试任证书 → 适任证书, 海是通 / 海事同 → 海事通)."""
        out = []
        for chunk in text.split():
            words = self.tokenizer.segment(chunk)
            fixed, run = [], []
            for w in words + [None]:
                if w is not None and is_cjk(w) and w not in self._vocab and (
                        len(w) == 1 or self.tokenizer.general_frequency(w) < RARE_IN_GENERAL_CHINESE):
                    run.append(w)
                    continue
                piece = "".join(run)
                respelt = self._respell(piece)
                if piece and respelt == piece and fixed and is_cjk(fixed[-1]):
                    # The slip may continue a known word (海事 + 同登 for 海事通登): respell the two together.
                    joined = self._respell(fixed[-1] + piece)
                    if joined != fixed[-1] + piece:
                        fixed[-1], respelt = joined, ""
                fixed.append(respelt)
                run = []
                if w is not None:
                    fixed.append(w)
            out.append("".join(fixed))
        return " ".join(out)

    def _respell(self, run: str) -> str:
        i, out = 0, []
        while i < len(run):
            for n in self._sound_lengths:
                piece = run[i:i + n]
                if len(piece) < n or n < 2:
                    continue
                word = self._by_sound.get(pinyin_key(piece))
                if word and word != piece and set(word) & set(piece):
                    out.append(word)
                    i += n
                    break
            else:
                out.append(run[i])
                i += 1
        return "".join(out)

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
        ranked = self._rank_reading(a, day)
        if a["corrected"] != a["cleaned"]:
            plain = {**a, "corrected": a["cleaned"], **self._reading(a["cleaned"])}
            chosen, ranked = _believed(plain, self._rank_reading(plain, day), dict(a), ranked)
            a.update(chosen)
        return ranked

    def _with_repair(self, plain: dict, plain_ranked: list, day: dt.date) -> tuple:
        """The typo-repaired reading of an as-typed one, and its ranking, if it is to be believed."""
        corrected = self.correct_homophones(plain["cleaned"])
        if corrected == plain["cleaned"]:
            return plain, plain_ranked
        repaired = {**plain, "corrected": corrected, **self._reading(corrected)}
        return _believed(plain, plain_ranked, repaired, self._rank_reading(repaired, day))

    def _rank_reading(self, a: dict, day: dt.date) -> list:
        tokens = a["tokens"]
        pairs = list(dict.fromkeys(char_bigrams(a["text"])))
        if not tokens and not pairs:
            return []
        w_tok = {t: self._idf_words.get(t, self._idf_unknown) for t in tokens}
        w_pair = {p: self._idf_pairs.get(p, self._idf_unknown) for p in pairs}
        total_tok, total_pair = sum(w_tok.values()) or 1.0, sum(w_pair.values()) or 1.0
        rough = Counter()
        own, in_answer = self._postings
        credit = WEIGHTS["answer_credit"]
        for key, share in [(("w", t), w / total_tok) for t, w in w_tok.items()] + \
                          [(("p", p), w / total_pair) for p, w in w_pair.items()]:
            for i in own.get(key, ()):
                rough[i] += share
            answer_share = credit * share
            for i in in_answer.get(key, ()):
                rough[i] += answer_share
        chosen = []
        for i, _ in rough.most_common(MAX_CANDIDATES * 2):
            e = self.entries[i]
            if e.faq.active(day):
                if not e.detailed:
                    self._detail(e)
                chosen.append(e)
                if len(chosen) >= MAX_CANDIDATES:
                    break
        fuzzy = self._fuzzy(" ".join(sorted(set(tokens))), chosen)
        asked = question_kinds(a["text"])
        out = [self._score(e, a["text"], w_tok, w_pair, total_tok, total_pair, f, asked)
               for e, f in zip(chosen, fuzzy)]
        out.sort(key=lambda c: -c.score)
        return out

    @staticmethod
    def _fuzzy(query_joined: str, entries: list) -> list:
        """rapidfuzz token_set_ratio of the question against each FAQ's best phrasing, in one call for all."""
        if not query_joined or not entries:
            return [0.0] * len(entries)
        owner = [n for n, e in enumerate(entries) for _ in e.joined]
        choices = [j for e in entries for j in e.joined]
        best = [0.0] * len(entries)
        for _, score, index in process.extract(query_joined, choices, scorer=fuzz.token_set_ratio, limit=None):
            n = owner[index]
            if score > best[n]:
                best[n] = score
        return [b / 100 for b in best]

    def _detail(self, e) -> None:
        """Per-phrasing data of one FAQ, built the first time it is a candidate (keeps start-up short)."""
        e.joined = [" ".join(sorted(t)) for t in e.text_tokens]
        e.intents = set().union(*(question_kinds(t) for t in e.texts))
        e.text_mass = [sum(self._idf_words[t] for t in toks) or 1.0 for toks in e.text_tokens]
        e.pair_mass = [sum(self._idf_pairs[p] for p in prs) or 1.0 for prs in e.text_pairs]
        word_texts, pair_texts = defaultdict(list), defaultdict(list)
        for i, (toks, prs) in enumerate(zip(e.text_tokens, e.text_pairs)):
            for t in toks:
                word_texts[t].append(i)
            for p in prs:
                pair_texts[p].append(i)
        e.word_texts, e.pair_texts = dict(word_texts), dict(pair_texts)
        e.detailed = True  # last: another thread may read the fields as soon as this is set

    def _score(self, e, text, w_tok, w_pair, total_tok, total_pair, fuzzy, asked) -> Candidate:
        q_words, q_pairs = w_tok.keys(), w_pair.keys()
        mass_q = sum(w_tok[t] for t in q_words & e.bag)
        mass_a = sum(w_tok[t] for t in q_words & e.answer_bag)
        words_q, words_a = mass_q / total_tok, mass_a / total_tok
        pairs_q = sum(w_pair[p] for p in q_pairs & e.pairs) / total_pair
        pairs_a = sum(w_pair[p] for p in q_pairs & e.answer_pairs) / total_pair
        cover_words = words_q + WEIGHTS["answer_credit"] * words_a
        cover_pairs = pairs_q + WEIGHTS["answer_credit"] * pairs_a
        # Best single phrasing: the mean of its word and pair Dice overlaps, summed only over what matched.
        common = defaultdict(float)
        for t in q_words & e.bag:
            for i in e.word_texts.get(t, ()):
                common[i] += w_tok[t] / (total_tok + e.text_mass[i])
        for p in q_pairs & e.pairs:
            for i in e.pair_texts.get(p, ()):
                common[i] += w_pair[p] / (total_pair + e.pair_mass[i])
        phrasing = max(common.values(), default=0.0)
        keyword = (sum(1 for k, toks in zip(e.keywords, e.keyword_tokens) if k in text or toks <= q_words)
                   / len(e.keywords)) if e.keywords else 0.0
        kind = (1.0 if asked <= e.intents else -1.0) if asked else 0.0
        parts = {
            "kind": kind,
            "words_q": words_q, "words_a": words_a, "pairs_q": pairs_q, "pairs_a": pairs_a,
            "mass_q": mass_q, "mass_a": mass_a, "phrasing": phrasing, "fuzzy": fuzzy, "keyword": keyword,
        }
        score = 100 * (
            WEIGHTS["cover_words"] * cover_words + WEIGHTS["cover_pairs"] * cover_pairs
            + WEIGHTS["phrasing"] * phrasing + WEIGHTS["fuzzy"] * fuzzy
        ) + WEIGHTS["keyword"] * keyword
        score += WEIGHTS["kind"] * kind
        mass = mass_q + WEIGHTS["answer_credit"] * mass_a
        score = (1 - WEIGHTS["mass"]) * score + WEIGHTS["mass"] * 100 * mass / (mass + self._mass_half)
        return Candidate(e.faq.id, e.faq.question, round(score, 2), parts)

    # ---- decisions ---------------------------------------------------------
    def names_no_topic(self, tokens: list) -> bool:
        """Only asking words ("要多久", "多少钱", "怎么申请"): the question could be about any FAQ."""
        return bool(tokens) and all(t in self._topicless for t in tokens)

    def is_distress(self, text: str) -> bool:
        """Whether the distress model reads the message (its first MAX_TEXT_CHARS characters) as a live emergency."""
        return self.distress.read(clip(text)).emergency

    def smalltalk_kind(self, normalized: str) -> str | None:
        """'greeting' / 'thanks' / 'bye' when the message is only that, else None."""
        rest = normalized.replace(" ", "")
        if not rest or len(rest) > 12:
            return None
        found = None
        for kind, words in SMALLTALK.items():
            for w in sorted(words, key=len, reverse=True):
                w = w.replace(" ", "")
                if w in rest:
                    rest = rest.replace(w, "")
                    found = found or kind
        rest = "".join(ch for ch in rest if ch not in "啊呀啦哈嗯哦的了吗呢吧么好")
        return found if found and not rest else None

    def wants_person(self, normalized: str) -> bool:
        """An explicit request for a human: 人工 / 转人工, or 客服 / 找人 with little else said."""
        compact = clip(normalized.replace(" ", ""))
        if any(w in compact for w in STRONG_HANDOFF):
            return True
        hit = False
        for w in self.handoff_words:
            if w in compact:
                hit = True
                compact = compact.replace(w, "")
        if not hit:
            return False
        rest = [t for t in self.tokenizer.tokens(strip_fillers(compact)) if t not in ("找", "转", "联系", "帮", "我")]
        return len("".join(rest)) <= 2

    def decide(self, query: str, day: dt.date | None = None) -> Decision:
        """Decide what to do with one message: answer, clarify, handoff, emergency or smalltalk.

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
            return Decision(query, "emergency", s["emergency_text"].strip(), score=100.0,
                            normalized=normalized, reason="distress", distress=reading.category or "")
        d = self._answer_or_handoff(query, normalized, day)
        if reading.mentions_hazard and d.action in ("answer", "clarify") and "12395" not in d.reply[-80:]:
            d.reply += "\n\n" + HAZARD_FOOTER
        return d

    def _answer_or_handoff(self, query, normalized, day) -> Decision:
        s = self.settings
        kind = self.smalltalk_kind(normalized)
        if kind:
            return Decision(query, "smalltalk", s["smalltalk"][kind].strip(), normalized=normalized, reason=kind)
        if not normalized:
            return Decision(query, "handoff", self.handoff_text(), normalized=normalized, reason="empty")
        if self.wants_person(normalized):
            return Decision(query, "handoff", self.handoff_text(), normalized=normalized, reason="asked_for_person")
        th = s["thresholds"]
        # The text as typed first: answered with confidence, it is taken as is (most questions); otherwise
        # pinyin typo repair gets its chance.
        a = self._analysed(normalized, repair=False)
        ranked = self._rank_reading(a, day)
        if not _confident(ranked, th):
            a, ranked = self._with_repair(a, ranked, day)
        top = ranked[0] if ranked else None
        base = dict(normalized=normalized, tokens=a["tokens"], candidates=ranked[:5])
        if _confident(ranked, th) and not self.names_no_topic(a["tokens"]):
            faq = self.kb.by_id[top.faq_id]
            reply, options = self.render_answer(faq, day)
            return Decision(query, "answer", reply, faq_id=faq.id, score=top.score, options=options,
                            reason="confident", **base)
        if top and top.score >= th["clarify"]:
            close = [c for c in ranked[:3] if c.score >= th["clarify"] and top.score - c.score < 2 * th["margin"] + 10]
            if len(close) == 1:
                close = ranked[:2] if len(ranked) > 1 else close
            reply = self.render_clarify(close)
            base["candidates"] = close
            return Decision(query, "clarify", reply, faq_id=close[0].faq_id, score=top.score,
                            options=[c.faq_id for c in close], reason="close_call", **base)
        return Decision(query, "handoff", self.handoff_text(), score=top.score if top else 0.0,
                        reason="no_match", **base)

    # ---- replies -----------------------------------------------------------
    def handoff_text(self) -> str:
        """The handoff reply with office hours filled in."""
        s = self.settings
        return s["handoff_text"].strip().replace("{office_hours}", s["office_hours"])

    def active_notices(self, day: dt.date) -> list:
        """Dated FAQs (navigation notices) valid on ``day``, soonest ending first."""
        notices = [f for f in self.kb.faqs if f.dated and f.active(day)]
        return sorted(notices, key=lambda f: (f.valid_until or dt.date.max, f.id))

    def render_answer(self, faq, day: dt.date) -> tuple:
        """Answer text plus numbered related follow-ups; returns (text, option ids)."""
        text = faq.answer.strip()
        if NOTICES_PLACEHOLDER in text:
            text = text.replace(NOTICES_PLACEHOLDER, self.render_notices(day))
        related = [self.kb.by_id[r] for r in faq.related if r in self.kb.by_id and self.kb.by_id[r].active(day)][:3]
        if related:
            lines = [f"{i}. {r.question}" for i, r in enumerate(related, 1)]
            text += "\n\n您可能还想了解：\n" + "\n".join(lines) + "\n回复数字即可查看。"
        return text, [r.id for r in related]

    def render_notices(self, day: dt.date) -> str:
        """The list of notices valid on ``day`` (or a line saying there are none)."""
        notices = self.active_notices(day)
        if not notices:
            return "目前没有正在有效期内的航行通告。"
        lines = []
        for f in notices:
            until = f"（有效至{f.valid_until.month}月{f.valid_until.day}日）" if f.valid_until else ""
            lines.append(f"· {f.question}{until}")
        return "\n".join(lines)

    def render_clarify(self, candidates) -> str:
        """The "did you mean" list."""
        lines = [f"{i}. {c.question}" for i, c in enumerate(candidates, 1)]
        return "您是想问：\n" + "\n".join(lines) + "\n回复数字即可；都不是请回复“人工”。"
