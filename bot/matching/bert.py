"""A BERT-family sentence-embedding model from a folder, run with numpy alone (no PyTorch).

The folder is what ``sentence-transformers`` or Hugging Face save for a BERT model: ``config.json``
(``model_type`` bert), the weights as ``model.safetensors`` or ``pytorch_model.bin``, and ``tokenizer.json``.
Pooling follows ``1_Pooling/config.json`` when the folder has one (the CLS token or the mean of the tokens); the
mean otherwise. Vectors are normalised to unit length, so a dot product is their cosine.

``pytorch_model.bin`` is a pickle; it is read with an unpickler that builds nothing but arrays from the file's own
storages and refuses every other global, so a hostile file cannot run code.
"""
from __future__ import annotations

import json
import pickle
import threading
import zipfile
from collections import OrderedDict
from pathlib import Path

from ..errors import EmbeddingModelError

MAX_TOKENS = 128  # a question is short; a long answer is cut here (the model's own limit is usually 512)
# Texts whose vectors are kept: a knowledge base's phrasings and answers are embedded again at every reload, which
# costs seconds with a BERT model; from the cache only the edited ones are. At 512 dimensions about 40 MB.
CACHE_SIZE = 20_000


def is_bert_folder(root: Path) -> bool:
    """Whether ``root`` holds a BERT-family model this module reads."""
    config = root / "config.json"
    if not config.is_file():
        return False
    try:
        # Chinese "RoBERTa" models (M3E, hfl's) are BERT inside and say so; a true RoBERTa numbers its positions
        # differently and is not read.
        return json.loads(config.read_text(encoding="utf-8")).get("model_type") == "bert"
    except (OSError, ValueError):
        return False


class BertEmbedder:
    """Unit-length sentence vectors from a BERT encoder: the pooled last hidden layer, normalised."""

    thresholds_key = "embedding_thresholds"

    def __init__(self, root: Path, env: str):
        import numpy as np
        from tokenizers import Tokenizer

        self._np = np
        try:
            config = json.loads((root / "config.json").read_text(encoding="utf-8"))
            self._weights = {_short(k): np.ascontiguousarray(v, dtype=np.float32)
                             for k, v in _read_weights(root).items() if not k.endswith("position_ids")}
            self._tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
            self._layers = int(config["num_hidden_layers"])
            self._heads = int(config["num_attention_heads"])
            self._eps = float(config.get("layer_norm_eps", 1e-12))
            self.dimensions = int(config["hidden_size"])
            if "embeddings.word_embeddings.weight" not in self._weights:
                raise EmbeddingModelError("no embeddings.word_embeddings.weight: not a BERT checkpoint")
        except EmbeddingModelError as e:
            raise EmbeddingModelError(f"{env}={root}: {e}") from e
        except Exception as e:  # a corrupt file, a missing key: one clear error naming the folder
            raise EmbeddingModelError(f"{env}={root}: cannot load the model: {e!r}") from e
        self._tokenizer.enable_truncation(min(MAX_TOKENS, int(config.get("max_position_embeddings", MAX_TOKENS))))
        self._cls = _pooling(root) == "cls"
        self.folder = self.name = str(root)
        self._lock = threading.Lock()
        self._cache = {}

    def embed(self, texts: list) -> "numpy.ndarray":  # noqa: F821
        """One unit vector per text (an empty text gets the zero vector)."""
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        with self._lock:  # the tokenizer is not safe to share between threads, and the cache is filled here
            cache = self._cache
            todo = list(dict.fromkeys(t for t in texts if t and t.strip() and t not in cache))
            if len(cache) + len(todo) > CACHE_SIZE:
                cache.clear()  # crude but bounded; a reload refills it with what is in use
            encoded = dict(zip(todo, self._tokenizer.encode_batch(todo)))
            todo.sort(key=lambda t: len(encoded[t].ids))  # batches of like lengths: short phrasings pad little
            for start in range(0, len(todo), 32):
                chunk = todo[start:start + 32]
                vectors = self._forward([encoded[t] for t in chunk])
                vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
                cache.update(zip(chunk, vectors))
            for row, text in enumerate(texts):
                vector = cache.get(text) if text else None
                if vector is not None:
                    out[row] = vector
        return out

    def _forward(self, encoded) -> "numpy.ndarray":  # noqa: F821
        np, w = self._np, self._weights
        length = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(encoded), length), dtype=np.int64)
        mask = np.zeros((len(encoded), length), dtype=np.float32)
        for r, e in enumerate(encoded):
            ids[r, :len(e.ids)] = e.ids
            mask[r, :len(e.ids)] = 1.0
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        batch, _, hidden = x.shape
        heads, size = self._heads, hidden // self._heads
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padding gets no attention

        def split(t):
            return t.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

        for n in range(self._layers):
            p = f"encoder.layer.{n}."
            q, k, v = (split(self._linear(x, p + f"attention.self.{m}")) for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / float(np.sqrt(size)) + blocked  # a Python float keeps float32
            a = np.exp(a - a.max(axis=-1, keepdims=True))
            a /= a.sum(axis=-1, keepdims=True)
            context = (a @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
            x = self._norm(self._linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            inner = _gelu(np, self._linear(x, p + "intermediate.dense"))
            x = self._norm(self._linear(inner, p + "output.dense") + x, p + "output.LayerNorm")
        if self._cls:
            return x[:, 0]
        return (x * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)

    def _linear(self, x, name):
        return x @ self._weights[name + ".weight"].T + self._weights[name + ".bias"]

    def _norm(self, x, name):
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / self._np.sqrt(var + self._eps) * self._weights[name + ".weight"] + \
            self._weights[name + ".bias"]


def _gelu(np, x):
    """BERT's exact GELU, x·Φ(x), with erf by Abramowitz and Stegun 7.1.26 (error under 1.5e-7)."""
    z = np.abs(x) * 0.7071067811865476  # 1/√2
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def _short(key: str) -> str:
    """A tensor's name without the prefix some checkpoints add (``bert.``, ``model.``)."""
    for part in ("embeddings.", "encoder."):
        at = key.find(part)
        if at >= 0:
            return key[at:]
    return key


def _pooling(root: Path) -> str:
    config = root / "1_Pooling" / "config.json"
    if config.is_file():
        settings = json.loads(config.read_text(encoding="utf-8"))
        if settings.get("pooling_mode_cls_token") and not settings.get("pooling_mode_mean_tokens"):
            return "cls"
    return "mean"


def _read_weights(root: Path) -> dict:
    safetensors = root / "model.safetensors"
    if safetensors.is_file():
        from safetensors.numpy import load_file

        return load_file(str(safetensors))
    binary = root / "pytorch_model.bin"
    if binary.is_file():
        return read_torch_pickle(binary)
    raise EmbeddingModelError("no model.safetensors or pytorch_model.bin")


_STORAGE = {"FloatStorage": "float32", "HalfStorage": "float16", "BFloat16Storage": None, "DoubleStorage": "float64",
            "LongStorage": "int64", "IntStorage": "int32"}


def read_torch_pickle(path: Path) -> dict:
    """The tensors of a PyTorch checkpoint (the zip format of ``torch.save``) as numpy arrays, without PyTorch."""
    import numpy as np

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        pkl = next((n for n in names if n.endswith("/data.pkl") or n == "data.pkl"), None)
        if pkl is None:
            raise EmbeddingModelError(f"{path.name}: not a PyTorch checkpoint (no data.pkl)")
        prefix = pkl[:-len("data.pkl")]

        class Restricted(pickle.Unpickler):
            def find_class(self, module, name):
                if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
                    return _rebuild
                if module == "torch" and name in _STORAGE and _STORAGE[name]:
                    return _STORAGE[name]
                if (module, name) == ("collections", "OrderedDict"):
                    return OrderedDict  # a state_dict, which carries its metadata as an attribute
                raise EmbeddingModelError(f"{path.name}: refuses to load {module}.{name}")

            def persistent_load(self, pid):
                _, dtype, key, _location, _count = pid
                return np.frombuffer(z.read(f"{prefix}data/{key}"), dtype=dtype)

        with z.open(pkl) as f:
            return Restricted(f).load()


def _rebuild(storage, offset, size, stride, *_):
    import numpy as np

    if any(n < 0 for n in size) or any(n < 0 for n in stride) or offset < 0:
        raise EmbeddingModelError("a tensor with a negative size, stride or offset")
    if not size:
        return storage[offset:offset + 1].reshape(())
    # as_strided does not check its bounds: a tensor must lie inside its storage, or a hostile file reads memory.
    if 0 not in size and offset + sum((n - 1) * s for n, s in zip(size, stride)) >= len(storage):
        raise EmbeddingModelError("a tensor reaches past the end of its storage")
    item = storage.itemsize
    return np.lib.stride_tricks.as_strided(storage[offset:], shape=tuple(size),
                                           strides=[s * item for s in stride]).copy()
