"""Build the learned part of the complaint model: character n-gram weights, from the project's own labelled sets.

    python bench/complaint_train.py            # writes bot/matching/data/complaint_ngrams.tsv
    python bench/complaint_train.py --check    # exit 1 when the shipped file differs from what this builds

The cue lexicons of bot/matching/complaint.py catch the ways of complaining they name; people find others. The
learned part weighs every character 1-, 2- and 3-gram by how much more often it occurs in complaints than in other
messages (a smoothed log ratio of document frequencies), and is only asked about a message the rules did not take
for a complaint, that names the office or its service and that reads as no question about a procedure, no praise
and no grievance about another party (``ComplaintModel.read``).

Trained on: complaints and public-opinion risks of bench/complaints.yaml against its neutral questions, every
phrasing of the bundled knowledge base (knowledge/), bench/questions.yaml and the development distress sets
(emergencies and near misses). Left out on purpose, so that they stay measurements: bench/complaints_holdout.yaml,
bench/distress_holdout.yaml, ../shared/bench/dev.yaml and the finance set.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.kb.loader import load_knowledge  # noqa: E402
from bot.matching.complaint import LEARNED_FILE, ngrams  # noqa: E402

POSITIVE = ("complaint", "opinion")
NEGATIVE_SETS = ("bench/questions.yaml", "bench/distress.yaml", "bench/distress_dev2.yaml")
# A feature seen in fewer documents than this says nothing; one whose weight is this close to 0 neither.
MIN_DOCS = 2
MIN_WEIGHT = 0.7
SMOOTHING = 0.5


def documents() -> tuple:
    """(complaints and risks, other messages) to learn from."""
    positive, negative = [], []
    for case in yaml.safe_load((ROOT / "bench" / "complaints.yaml").read_text(encoding="utf-8")):
        (positive if case["expect"] in POSITIVE else negative).append(case["q"])
    for name in NEGATIVE_SETS:
        negative += [case["q"] for case in yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))]
    for faq in load_knowledge(ROOT / "knowledge").faqs:
        negative += [faq.question, *faq.alternates, *faq.examples]
    return positive, negative


def weights(positive: list, negative: list) -> dict:
    """feature -> log((df in complaints + s) / (n complaints + 2s)) - log((df in others + s) / (n others + 2s))."""
    in_positive, in_negative = Counter(), Counter()
    for text in positive:
        in_positive.update(set(ngrams(text)))
    for text in negative:
        in_negative.update(set(ngrams(text)))
    out = {}
    for feature in set(in_positive) | set(in_negative):
        if in_positive[feature] + in_negative[feature] < MIN_DOCS:
            continue
        w = (math.log((in_positive[feature] + SMOOTHING) / (len(positive) + 2 * SMOOTHING))
             - math.log((in_negative[feature] + SMOOTHING) / (len(negative) + 2 * SMOOTHING)))
        if abs(w) >= MIN_WEIGHT:
            out[feature] = round(w, 2)
    return out


def render(table: dict, positive: int, negative: int) -> str:
    head = [f"# Built by bench/complaint_train.py from {positive} complaints and risks and {negative} other messages;",
            "# do not edit: change the sets and run it again. feature<TAB>weight"]
    return "\n".join(head + [f"{f}\t{w}" for f, w in sorted(table.items())]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = parser.parse_args()
    positive, negative = documents()
    text = render(weights(positive, negative), len(positive), len(negative))
    if args.check:
        same = LEARNED_FILE.exists() and LEARNED_FILE.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{LEARNED_FILE} differs from what the sets give: run bench/complaint_train.py")
        return 0 if same else 1
    LEARNED_FILE.write_text(text, encoding="utf-8")
    print(f"{LEARNED_FILE}: {text.count(chr(10)) - 2} features from {len(positive)} + {len(negative)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
