"""The sentence-embedding re-ranker: a model from a folder (BOT_EMBEDDING_MODEL, here the one the wordllama package
ships) in place of the built-in word vectors."""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import wordllama
from wordllama import WordLlama

from bot.kb.loader import load_knowledge
from bot.matching import Engine
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
