"""The sentence-embedding re-ranker: a model from a folder (BOT_EMBEDDING_MODEL: the one the wordllama package
ships, or a BERT-family model) in place of the built-in word vectors."""
import datetime as dt
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import types
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import wordllama
from wordllama import WordLlama

from bot.kb.loader import load_knowledge
from bot.matching import Engine
from bot.matching.bert import BertEmbedder, read_torch_pickle
from bot.matching.embedding import ENV, EmbeddingModelError, Embedder, configured_embedder, load_embedder
from bot.matching.scoring import WEIGHTS, total
from bot.matching.vectors import word_vectors

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KB = ROOT / "tests" / "fixtures" / "engine_kb"
SHIPPED = Path(wordllama.__file__).parent  # the package carries its model: weights/ and tokenizers/
DAY = dt.date(2026, 11, 26)
TEXTS = ["海船船员适任证书怎么办理再有效", "救生衣", "How long does PSC inspection take?", ""]


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(str(SHIPPED))


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(FIXTURE_KB, DAY)


def test_vectors_are_the_models_own(embedder):
    """Our loader reads the folder the way wordllama does: the same unit vectors for the same texts."""
    theirs = WordLlama.load(cache_dir=SHIPPED, disable_download=True).embed(TEXTS[:3], norm=True)
    ours = embedder.embed(TEXTS[:3])
    assert ours.shape == (3, 256)
    assert np.allclose(ours, theirs, atol=1e-5)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_a_text_with_nothing_to_embed_gets_the_zero_vector(embedder):
    assert not embedder.embed([""]).any()
    assert embedder.embed([]).shape == (0, 256)


def test_close_meanings_score_closer_than_unrelated_ones(embedder):
    a, b, c = embedder.embed(["船员证书到期了怎么办", "船员证书过期怎么处理", "今天食堂吃什么"])
    assert a @ b > a @ c


def test_a_folder_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(EmbeddingModelError, match="no such folder"):
        Embedder(tmp_path / "missing")
    with pytest.raises(EmbeddingModelError, match="found 0 and 0"):
        Embedder(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EmbeddingModelError, match="cannot load the model"):
        Embedder(tmp_path)


def test_the_environment_names_the_model_once_per_process(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert configured_embedder() is word_vectors() is not None
    monkeypatch.setenv(ENV, "  ")
    assert configured_embedder() is word_vectors()
    monkeypatch.setenv(ENV, str(SHIPPED))
    assert configured_embedder() is configured_embedder() is load_embedder(str(SHIPPED))


def test_without_the_variable_the_word_vectors_rerank_with_the_default_thresholds(kb, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    engine = Engine(kb)
    assert engine.embedder is word_vectors() and engine.thresholds == kb.settings["thresholds"]
    ranked = engine.rank("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert ranked and all(-1.0 <= c.parts["semantic"] <= 1.0 for c in ranked)


def test_without_any_model_no_candidate_has_a_semantic_part(kb):
    engine = Engine(kb, embedder=None)
    assert engine.thresholds == kb.settings["thresholds"]
    ranked = engine.rank("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert ranked and all("semantic" not in c.parts for c in ranked)


def test_with_a_model_every_candidate_has_a_semantic_part_in_its_score(kb, embedder, monkeypatch):
    monkeypatch.setenv(ENV, str(SHIPPED))
    engine = Engine(kb)
    assert engine.embedder is embedder
    assert engine.thresholds == kb.settings["embedding_thresholds"] != kb.settings["thresholds"]
    ranked = engine.rank("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert ranked
    for c in ranked:
        assert -1.0 <= c.parts["semantic"] <= 1.0
        assert c.score == total(c.parts, engine.scorer.mass_half)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    d = engine.decide("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert d.action == "answer"


def test_the_semantic_part_takes_its_weight_of_the_total():
    parts = {"kind": 0.0, "words_q": 0.5, "words_a": 0.1, "pairs_q": 0.4, "pairs_a": 0.1, "chars_q": 0.6,
             "chars_a": 0.1, "mass_q": 6.0,
             "mass_a": 1.0, "phrasing": 0.3, "fuzzy": 0.6, "keyword": 0.0, "state": 0.0}
    lexical = total(parts, 5.0)
    assert total({**parts, "semantic": 1.0}, 5.0) - total({**parts, "semantic": 0.0}, 5.0) == \
        pytest.approx(100 * WEIGHTS["semantic"], abs=0.02)
    assert total({**parts, "semantic": lexical / 100}, 5.0) == pytest.approx(lexical, abs=0.02)


def test_distress_never_reaches_the_model(kb, monkeypatch):
    monkeypatch.setenv(ENV, str(SHIPPED))
    d = Engine(kb).decide("有人掉江里了快来", DAY)
    assert d.action == "emergency" and "12395" in d.reply


def test_the_cli_honours_the_variable(tmp_path):
    """`ask --debug` shows the semantic part of the model BOT_EMBEDDING_MODEL names, and of the word vectors
    without it: the two models' parts differ."""
    def debug(env_value):
        env = {**os.environ, ENV: env_value}
        out = subprocess.run([sys.executable, "-m", "bot", "ask", "--kb", str(FIXTURE_KB), "--at", "2026-11-26",
                              "--debug", "海船适任证书快到期了，怎么办理再有效？"],
                             capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
        assert out.returncode == 0, out.stderr
        return out.stdout
    def semantic(out):
        return [part for part in out.split() if part.startswith("semantic=")]
    with_model, with_vectors = semantic(debug(str(SHIPPED))), semantic(debug(""))
    assert with_model and with_vectors and with_model != with_vectors


def test_a_bad_model_folder_stops_the_cli_with_its_name(tmp_path):
    env = {**os.environ, ENV: str(tmp_path / "nowhere")}
    out = subprocess.run([sys.executable, "-m", "bot", "ask", "--kb", str(FIXTURE_KB), "救生衣"],
                         capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert out.returncode != 0
    assert "BOT_EMBEDDING_MODEL" in out.stderr + out.stdout and "nowhere" in out.stderr + out.stdout


# A BERT-family model from a folder (bot/matching/bert.py): a tiny random BERT that PyTorch saved, with the vectors
# that transformers computed for four texts (tests/fixtures/tiny_bert/make.py says how).
TINY_BERT = ROOT / "tests" / "fixtures" / "tiny_bert"


@pytest.fixture(scope="module")
def expected():
    return json.loads((TINY_BERT / "expected.json").read_text(encoding="utf-8"))


def test_a_bert_folder_gives_the_reference_implementations_vectors(expected):
    """Read from pytorch_model.bin without PyTorch and run with numpy: transformers' own mean-pooled vectors."""
    model = load_embedder(str(TINY_BERT))
    assert isinstance(model, BertEmbedder) and model.thresholds_key == "embedding_thresholds"
    ours = model.embed(expected["texts"] + ["", expected["texts"][0]])
    assert ours.shape == (6, 16)
    assert np.allclose(ours[:4], np.array(expected["mean"]), atol=1e-5)
    assert not ours[4].any()  # nothing to embed: the zero vector
    assert np.array_equal(ours[5], ours[0])  # the same text again, from the cache


def test_safetensors_weights_and_cls_pooling_are_read_too(tmp_path, expected):
    """model.safetensors in place of the pickle, and 1_Pooling/config.json asking for the CLS token."""
    from safetensors.numpy import save_file

    for name in ("config.json", "tokenizer.json"):
        shutil.copy(TINY_BERT / name, tmp_path / name)
    save_file({f"bert.{k}": v for k, v in read_torch_pickle(TINY_BERT / "pytorch_model.bin").items()},
              str(tmp_path / "model.safetensors"))
    assert np.allclose(BertEmbedder(tmp_path, ENV).embed(expected["texts"]), np.array(expected["mean"]), atol=1e-5)
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(
        json.dumps({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}), encoding="utf-8")
    assert np.allclose(BertEmbedder(tmp_path, ENV).embed(expected["texts"]), np.array(expected["cls"]), atol=1e-5)


def test_a_checkpoint_that_would_run_code_is_refused(tmp_path):
    """pytorch_model.bin is a pickle: one that names anything but tensors and storages is an error, never run."""
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(TINY_BERT / name, tmp_path / name)
    marker = tmp_path / "ran"

    class Hostile:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    with zipfile.ZipFile(tmp_path / "pytorch_model.bin", "w") as z:
        z.writestr("archive/data.pkl", pickle.dumps(Hostile()))
    with pytest.raises(EmbeddingModelError, match=r"refuses to load (posix|os|nt)\.system"):
        BertEmbedder(tmp_path, ENV)
    assert not marker.exists()
    (tmp_path / "pytorch_model.bin").write_bytes(b"not a zip")
    with pytest.raises(EmbeddingModelError, match="cannot load the model"):
        BertEmbedder(tmp_path, ENV)


def test_the_engine_ranks_with_a_bert_folder_named_by_the_variable(kb, monkeypatch):
    monkeypatch.setenv(ENV, str(TINY_BERT))
    engine = Engine(kb)
    assert isinstance(engine.embedder, BertEmbedder)
    assert engine.thresholds == kb.settings["embedding_thresholds"]
    ranked = engine.rank("海船适任证书快到期了，怎么办理再有效？", DAY)
    assert ranked and all(-1.0 <= c.parts["semantic"] <= 1.0 for c in ranked)
    assert all(c.score == total(c.parts, engine.scorer.mass_half) for c in ranked)


def _checkpoint(path, size, stride, monkeypatch):
    """A checkpoint in torch.save's zip format holding one tensor over a 4-float storage, written without PyTorch:
    stand-ins named as PyTorch's classes make pickle write the same globals."""
    torch, utils = types.ModuleType("torch"), types.ModuleType("torch._utils")

    class FloatStorage:
        pass

    def _rebuild_tensor_v2(*args):
        raise AssertionError("never called: only its name is written")

    class Storage:
        pass

    class Tensor:
        def __reduce__(self):
            return (_rebuild_tensor_v2, (Storage(), 0, size, stride, False, OrderedDict()))

    class Writer(pickle.Pickler):
        def persistent_id(self, obj):
            return ("storage", FloatStorage, "0", "cpu", 4) if isinstance(obj, Storage) else None

    FloatStorage.__module__, FloatStorage.__qualname__ = "torch", "FloatStorage"
    _rebuild_tensor_v2.__module__, _rebuild_tensor_v2.__qualname__ = "torch._utils", "_rebuild_tensor_v2"
    torch.FloatStorage, utils._rebuild_tensor_v2, torch._utils = FloatStorage, _rebuild_tensor_v2, utils
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setitem(sys.modules, "torch._utils", utils)
    data = io.BytesIO()
    Writer(data, protocol=2).dump(OrderedDict({"w": Tensor()}))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("archive/data.pkl", data.getvalue())
        z.writestr("archive/data/0", np.arange(4, dtype=np.float32).tobytes())
    return path


def test_a_tensor_must_lie_inside_its_storage(tmp_path, monkeypatch):
    """Strides that would read past the file's own bytes are an error, not a read of the process's memory."""
    fine = read_torch_pickle(_checkpoint(tmp_path / "fine.bin", (2, 2), (2, 1), monkeypatch))
    assert fine["w"].tolist() == [[0.0, 1.0], [2.0, 3.0]]
    for size, stride in [((1_000_000,), (1,)), ((2, 2), (3, 1)), ((2,), (-1,))]:
        with pytest.raises(EmbeddingModelError, match="storage|negative"):
            read_torch_pickle(_checkpoint(tmp_path / "bad.bin", size, stride, monkeypatch))


def test_a_checkpoint_without_bert_weights_is_named_as_such(tmp_path, monkeypatch):
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(TINY_BERT / name, tmp_path / name)
    _checkpoint(tmp_path / "pytorch_model.bin", (2, 2), (2, 1), monkeypatch)
    with pytest.raises(EmbeddingModelError, match=r"BOT_EMBEDDING_MODEL=.*not a BERT checkpoint"):
        BertEmbedder(tmp_path, ENV)
