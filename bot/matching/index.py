"""The index over one knowledge base: each FAQ's words and character pairs, how rare each is, and who uses which.

Every phrasing of an FAQ (question, alternates), its keywords and its answer text are read the way a question is
(``reading.py``), cut into words (``tokenizer.py``), two-character pairs and single Chinese characters. From those:
the inverse document frequency of each word, pair and character, postings of words and pairs for the cheap
pre-ranking (an FAQ's own phrasings apart from its answer), the vocabulary that typo repair aims at, and the
general synonyms of that vocabulary (``thesaurus.py``). The per-phrasing detail the full score needs is built the
first time an FAQ is a candidate (``detail``), which keeps start-up short. Cut texts are cached on disk
(``memo.py``).
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..kb.loader import KnowledgeBase
from .kinds import question_kinds, tells_trouble
from .memo import MEMO_VERSION, load_memo, save_memo
from .reading import Synonyms, char_bigrams, cjk_chars, is_cjk, normalize, strip_fillers
from .thesaurus import Thesaurus
from .tokenizer import Tokenizer
from .vectors import word_vectors

# An amount of money in an answer ("工本费20元"): the FAQ says what something costs.
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:元|块钱|万元)")

# The code that decides how a text is read and cut: a change to it makes the on-disk cache of cut texts stale.
READING_CODE = tuple(Path(__file__).with_name(name) for name in ("reading.py", "tokenizer.py"))


def reading_for_embedding(text: str) -> str:
    """A text as the embedding model is given it: normalised, fillers dropped, no synonyms (the model knows them)."""
    return strip_fillers(normalize(text))


class Entry:
    """Index data of one FAQ."""

    __slots__ = ("faq", "texts", "text_tokens", "text_pairs", "joined", "bag", "pairs", "keywords",
                 "keyword_tokens", "answer_bag", "answer_pairs", "text_mass", "pair_mass", "intents", "tells_fee",
                 "trouble", "word_texts", "pair_texts", "word_share", "detailed", "vectors", "answer_vector", "chars",
                 "answer_chars")

    def __init__(self, faq):
        self.faq = faq


class Index:
    """Words, pairs, IDF and postings of one knowledge base, as ``synonyms`` and ``tokenizer`` read it."""

    def __init__(self, kb: KnowledgeBase, synonyms: Synonyms, tokenizer: Tokenizer, tokenizer_words: tuple,
                 embedder=None):
        """``tokenizer_words``: what ``tokenizer`` was built from (it keys the on-disk cache). ``embedder``: an
        optional sentence-embedding model (``embedding.py``); each FAQ's phrasings and answer are embedded."""
        self.kb = kb
        self.synonyms = synonyms
        self.tokenizer = tokenizer
        self._tokenizer_words = tokenizer_words
        self.embedder = embedder
        self._build()
        if embedder is not None:
            self._embed()

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
        df_words, df_pairs, df_chars = Counter(), Counter(), Counter()
        for faq in self.kb.faqs:
            e = Entry(faq)
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
            answer_text, answer_tokens, answer_pairs = self._cut(faq.answer)
            e.answer_bag = answer_tokens - e.bag
            e.answer_pairs = answer_pairs - e.pairs
            e.chars = cjk_chars(*e.texts, *e.keywords)
            e.answer_chars = cjk_chars(answer_text) - e.chars
            df_words.update(e.bag | e.answer_bag)
            df_pairs.update(e.pairs | e.answer_pairs)
            df_chars.update(e.chars | e.answer_chars)
            self.entries.append(e)
        if self._memo_dirty:
            save_memo(self._memo_key(), self._memo)
        del self._memo
        n = len(self.entries)
        self.df_words = df_words
        self.idf_words = {w: math.log((n + 1) / (c + 0.5)) for w, c in df_words.items()}
        self.idf_pairs = {p: math.log((n + 1) / (c + 0.5)) for p, c in df_pairs.items()}
        self.idf_chars = {ch: math.log((n + 1) / (c + 0.5)) for ch, c in df_chars.items()}
        self.thesaurus = Thesaurus(df_words, word_vectors())
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
        self.postings = (dict(own), dict(in_answer))
        # The knowledge base's own vocabulary, the targets of typo repair (试任 → 适任).
        vocab = {w for w in df_words if len(w) >= 2 and is_cjk(w)}
        vocab |= {w for w, _, _ in self.kb.user_words if len(w) >= 2}
        vocab |= {k for e in self.entries for k in e.keywords if len(k) >= 2}
        self.vocab = vocab

    def _embed(self):
        """Each FAQ's phrasings and answer as the embedding model reads them, in one batch."""
        texts = [[reading_for_embedding(t) for t in (e.faq.question, *e.faq.alternates, e.faq.answer)]
                 for e in self.entries]
        vectors = self.embedder.embed([t for group in texts for t in group])
        start = 0
        for e, group in zip(self.entries, texts):
            e.vectors = vectors[start:start + len(group) - 1]
            e.answer_vector = vectors[start + len(group) - 1]
            start += len(group)

    def _memo_key(self) -> str:
        """Changes whenever tokenisation could change: dictionary, synonyms, the code that reads and cuts texts."""
        h = hashlib.sha1(MEMO_VERSION.encode())
        for path in READING_CODE:
            h.update(path.read_bytes())
        h.update(repr(sorted(self.synonyms.map.items())).encode())
        h.update(repr(self._tokenizer_words).encode())
        return h.hexdigest()[:16]

    def detail(self, e: Entry) -> None:
        """Per-phrasing data of one FAQ, built the first time it is a candidate (keeps start-up short)."""
        e.joined = [" ".join(sorted(t)) for t in e.text_tokens]
        e.intents = set().union(*(question_kinds(t) for t in e.texts))
        e.trouble = sum(map(tells_trouble, e.texts)) / len(e.texts)  # the share of its phrasings that tell one
        e.tells_fee = "fee" in e.intents or "fee" in question_kinds(e.faq.answer) or bool(_AMOUNT.search(e.faq.answer))
        e.text_mass = [sum(self.idf_words[t] for t in toks) or 1.0 for toks in e.text_tokens]
        e.pair_mass = [sum(self.idf_pairs[p] for p in prs) or 1.0 for prs in e.text_pairs]
        word_texts, pair_texts = defaultdict(list), defaultdict(list)
        for i, (toks, prs) in enumerate(zip(e.text_tokens, e.text_pairs)):
            for t in toks:
                word_texts[t].append(i)
            for p in prs:
                pair_texts[p].append(i)
        e.word_texts, e.pair_texts = dict(word_texts), dict(pair_texts)
        # The share of the FAQ's phrasings that use each word (a keyword's words count as used by all): a word that
        # one chatty alternate of many happens to hold says less about the FAQ than one they all say.
        keyword_words = set().union(*e.keyword_tokens)
        e.word_share = {t: 1.0 if t in keyword_words else len(texts) / len(e.text_tokens)
                        for t, texts in word_texts.items()}
        e.detailed = True  # last: another thread may read the fields as soon as this is set
