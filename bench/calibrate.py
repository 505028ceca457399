"""Would a learned confidence beat the thresholds? A cross-validated logistic calibrator on bench/tune.py's records.

    python bench/calibrate.py --cache /tmp/records.pkl     # the same records (and cache file) as bench/tune.py

The engine answers when the top score passes a threshold and leads the runner-up by a margin, and asks "did you
mean" above a lower threshold (``decision.choose``). This script asks whether a model of more of what the engine
knows does better: two logistic regressions (numpy, L2) over the top candidate's score parts, the top four scores
and their gaps, the question's length, whether the typo-repaired reading was used and whether the question names
no topic. One predicts "the top candidate is the right FAQ" (answer when it passes ``p_answer``), the other "the
right FAQ is among the top three" (ask "did you mean" when it passes ``p_clarify``, else hand off). Both are fitted
in 5 folds over the pooled questions of the sets that bench/tune.py optimises, and every question is decided by the
models of the folds that did not see it; the reported sets are decided by models fitted on all of them. The
(p_answer, p_clarify) grid is then scored with bench/tune.py's objective and constraints, beside the shipped
thresholds on the same records.

Result on 2026-12-03 (README.md, "Measured", Matching): the best point that meets every constraint scores 122.3
against the thresholds' 137.4 on the objective: it reaches the out-of-scope floors only by handing off most close
calls (finance resolved 50.9 % against 63.0 %). With only the wrong-answer caps the best point scores 137.9, but hands
off 19 % of the finance and 53 % of the maritime out-of-scope questions instead of 55 % and 91 %. The thresholds stay;
the ranking, not the decision, is what limits the finance set (the right FAQ is first for 67 % of its in-scope
questions and not among the six scored for 14 %).
"""
from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import tune  # noqa: E402
from bot.kb.loader import load_knowledge  # noqa: E402
from bot.matching import decision  # noqa: E402
from bot.matching.repair import believed  # noqa: E402
from bot.matching.scoring import confident  # noqa: E402

PARTS = ("words_q", "words_a", "pairs_q", "pairs_a", "chars_q", "phrasing", "fuzzy", "keyword", "mass_q",
         "semantic", "kind", "state")
FOLDS = 5
GRID = [x / 40 for x in range(4, 38)]  # 0.1 to 0.925


def ranking(r, th: dict) -> tuple:
    """The ranking ``decide`` chooses from for a recorded question, and whether it names no topic."""
    ranked, topicless = r.plain, r.plain_topicless
    if not confident(ranked, th) and r.repaired is not None:
        _, ranked = believed("plain", ranked, "repaired", r.repaired)
        if ranked is r.repaired:
            topicless = r.repaired_topicless
    return ranked, topicless


def features(r, ranked: list, topicless: bool) -> np.ndarray:
    s = [c.score / 100 for c in ranked[:4]] + [0.0] * 4
    top = ranked[0].parts if ranked else {}
    return np.array([s[0], s[0] - s[1], s[0] - s[2], s[1], float(topicless), min(len(r.case["q"]), 40) / 40,
                     float(ranked is r.repaired)] + [float(top.get(k, 0.0)) for k in PARTS])


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 3000, rate: float = 0.5):
    """A logistic regression by gradient descent on standardised features; returns the probability function."""
    mu, sd = x.mean(0), x.std(0) + 1e-9

    def design(a):
        return np.hstack([(a - mu) / sd, np.ones((len(a), 1))])

    z, w = design(x), np.zeros(x.shape[1] + 1)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0])
    return lambda a: 1 / (1 + np.exp(-design(a) @ w))


def predictions(rows: dict, optimised: list) -> dict:
    """(p top-1 right, p right in top 3) for every matched question: out of fold for the optimised sets."""
    def labels(keys):
        ids = [([c.faq_id for c in rows[n][i][1][:3]], rows[n][i][0].case["expect"]) for n, i in keys]
        return (np.array([float(bool(top) and top[0] == want) for top, want in ids]),
                np.array([float(want in top) for top, want in ids]))

    def matrix(keys):
        return np.array([rows[n][i][3] for n, i in keys])

    items = [(n, i) for n in optimised for i, row in enumerate(rows[n]) if row[3] is not None]
    random.Random(1).shuffle(items)
    out = {}
    for k in range(FOLDS):
        test = items[k::FOLDS]
        held = set(test)
        train = [x for x in items if x not in held]
        y1, y3 = labels(train)
        m1, m3 = fit(matrix(train), y1), fit(matrix(train), y3)
        out.update(zip(test, zip(m1(matrix(test)), m3(matrix(test)))))
    y1, y3 = labels(items)
    m1, m3 = fit(matrix(items), y1), fit(matrix(items), y3)
    rest = [(n, i) for n in rows if n not in optimised for i, row in enumerate(rows[n]) if row[3] is not None]
    if rest:
        out.update(zip(rest, zip(m1(matrix(rest)), m3(matrix(rest)))))
    return out


def decided(rows: dict, probs: dict, p_answer: float, p_clarify: float, margin: float) -> dict:
    """Records whose outcome is the calibrator's decision, in the shape ``tune.figures`` replays."""
    out = {}
    for name, recs in rows.items():
        fixed = []
        for i, (r, ranked, topicless, f) in enumerate(recs):
            if f is None:
                fixed.append(r)
                continue
            p1, p3 = probs[(name, i)]
            if ranked and p1 >= p_answer and not topicless:
                d = SimpleNamespace(action="answer", faq_id=ranked[0].faq_id, options=[], score=ranked[0].score)
            elif not ranked or p3 < p_clarify:
                d = SimpleNamespace(action="handoff", faq_id=None, options=[], score=0.0)
            else:
                action, chosen = decision.choose(ranked, {"answer": 101.0, "clarify": 0.0, "margin": margin})
                d = SimpleNamespace(action=action, faq_id=None, options=[c.faq_id for c in chosen], score=0.0)
            fixed.append(tune.Record(r.case, fixed=d))
        out[name] = fixed
    return out


class _Records(pickle.Unpickler):
    """Reads a cache that ``python bench/tune.py`` wrote, where Record lives in ``__main__``."""

    def find_class(self, module, name):
        if name == "Record":
            return tune.Record
        return super().find_class(module, name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", help="bench/tune.py's pickled records (made when missing)")
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args(argv)
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        records = _Records(cache.open("rb")).load()
    else:
        records = {name: tune.record_set(kb, cases, tune.DAY) for name, kb, cases, _ in tune.SETS}
        if cache:
            cache.write_bytes(pickle.dumps(records))
    th = load_knowledge(ROOT / "knowledge").settings["thresholds"]
    optimised = [name for name, _, _, used in tune.SETS if used]
    rows = {}
    for name, recs in records.items():
        rows[name] = []
        for r in recs:
            if r.fixed is not None:
                rows[name].append((r, None, None, None))
            else:
                ranked, topicless = ranking(r, th)
                rows[name].append((r, ranked, topicless, features(r, ranked, topicless)))
    probs = predictions(rows, optimised)

    shipped = tune.figures(records, th, decision.CLARIFY_WINDOW, decision.CLARIFY_SIZE)
    print(tune.header())
    print(f"thresholds {th['answer']:g}/{th['clarify']:g}/{th['margin']:g} "
          f"(objective {tune.objective(shipped, shipped):.2f}):  {tune.row(shipped)}")
    met, capped = [], []
    for p_answer in GRID:
        for p_clarify in GRID:
            figs = tune.figures(decided(rows, probs, p_answer, p_clarify, th["margin"]), th, 0, 0)
            value = tune.objective(figs, shipped)
            if value is not None:
                met.append((value, p_answer, p_clarify, figs))
            if all(figs[n]["wrong"] <= cap for n, cap in tune.WRONG_CAP.items()):
                mean = sum(figs[n]["top1"] + figs[n]["resolved"] for n in optimised) / len(optimised)
                capped.append((mean, p_answer, p_clarify, figs))
    for title, found in (("calibrator, every constraint of bench/tune.py met", met),
                         ("calibrator, only the wrong-answer caps", capped)):
        print(f"\n{title}:" + ("" if found else " no point of the grid"))
        for value, p_answer, p_clarify, figs in sorted(found, key=lambda x: -x[0])[:args.top]:
            print(f"{value:6.2f}  p {p_answer:.3f}/{p_clarify:.3f}:  {tune.row(figs)}")


if __name__ == "__main__":
    main()
