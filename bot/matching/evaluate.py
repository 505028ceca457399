"""Evaluation of the engine on labelled questions: ``{q, expect}`` where expect is a FAQ id, handoff, emergency,
or normal (anything but an emergency: the near misses of the distress set); and leave-one-out over a knowledge
base's own phrasings, which needs no labelled set."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import yaml

from ..errors import KnowledgeError

SPECIAL = ("handoff", "emergency", "normal")
BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"  # the project's bench/, above bot/matching/
DISTRESS_SET = BENCH_DIR / "distress.yaml"
# The complaint sets (expect: complaint / opinion / normal): the one the recogniser was tuned on, and the held-out one.
COMPLAINT_SETS = tuple(BENCH_DIR / name for name in ("complaints.yaml", "complaints_holdout.yaml"))
COMPLAINT_KINDS = ("complaint", "opinion")


def load_cases(path) -> list:
    """Read a YAML list of {q, expect} cases (a case's ``cat``, its kind, is kept when it has one)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(c, dict) and "q" in c and "expect" in c for c in data):
        raise KnowledgeError(path, None, "用例文件应当是 {q: 问题, expect: FAQ id / handoff / emergency} 的列表")
    return [{"q": str(c["q"]), "expect": str(c["expect"]), **({"cat": str(c["cat"])} if c.get("cat") else {})}
            for c in data]


def evaluate(decide, cases, day: dt.date | None = None) -> dict:
    """Run every case through ``decide(q, day)`` (an Engine's or a baseline's) and compute the figures.

    top1: the right FAQ answered (or handoff / emergency as labelled); resolved: top1, or the right FAQ in
    the clarify list; wrong: an FAQ answered that was not the expected one (over all cases; an answer to a
    "normal" case is not wrong);
    oos_handoff: out-of-scope cases handed off; distress: emergency cases caught.
    """
    return summarize([judge(case, decide(case["q"], day)) for case in cases])


def judge(case: dict, d) -> dict:
    """One result row: what the Decision ``d`` did with ``case`` and whether that counts as top-1 / resolved / wrong."""
    expect = case["expect"]
    if expect == "normal":
        top1 = d.action != "emergency"
        resolved = top1
    elif expect in SPECIAL:
        top1 = d.action == expect
        resolved = top1
    else:
        top1 = d.action == "answer" and d.faq_id == expect
        resolved = top1 or (d.action == "clarify" and expect in d.options)
    # A near miss of the distress set ("normal") names no FAQ, so no answer to it is a wrong one.
    wrong = d.action == "answer" and expect != "normal" and d.faq_id != expect
    return {"q": case["q"], "expect": expect, "action": d.action, "faq_id": d.faq_id,
            "false_alarm": d.action == "emergency" and expect != "emergency",
            "options": list(d.options), "score": d.score, "top1": top1, "resolved": resolved,
            "wrong": wrong}


def summarize(rows: list) -> dict:
    """The figures of ``evaluate`` over result rows from ``judge`` (a share is None when it has no cases)."""
    n = len(rows) or 1
    in_scope = [r for r in rows if r["expect"] not in SPECIAL]
    oos = [r for r in rows if r["expect"] == "handoff"]
    distress = [r for r in rows if r["expect"] == "emergency"]
    calm = [r for r in rows if r["expect"] != "emergency"]

    def share(part, whole):
        return round(100 * len(part) / len(whole), 1) if whole else None

    return {
        "cases": len(rows),
        "top1": share([r for r in rows if r["top1"]], rows),
        "resolved": share([r for r in rows if r["resolved"]], rows),
        "wrong": round(100 * sum(r["wrong"] for r in rows) / n, 1),
        "in_scope_top1": share([r for r in in_scope if r["top1"]], in_scope),
        "oos_handoff": share([r for r in oos if r["top1"]], oos),
        "distress": share([r for r in distress if r["top1"]], distress),
        "distress_caught": f"{sum(r['top1'] for r in distress)}/{len(distress)}",
        "false_alarms": share([r for r in calm if r["false_alarm"]], calm),
        "false_alarms_count": f"{sum(r['false_alarm'] for r in calm)}/{len(calm)}",
        "misses": [r for r in rows if not r["top1"]],
    }


def evaluate_complaints(decide, cases, day: dt.date | None = None) -> dict:
    """Complaint and public-opinion recognition on labelled cases: ``expect`` complaint or opinion, anything else
    (normal, a FAQ id, handoff) a message that is neither.

    recognised: complaints and risks taken for either (each is handed to a person at high or urgent priority);
    kind_exact: taken for the kind labelled; false_positives: the others taken for either. ``by_kind`` gives
    (caught, cases) per ``cat`` of the complaints and risks, ``false_by_kind`` the false positives per ``cat``.
    """
    rows = []
    for case in cases:
        d = decide(case["q"], day)
        expect = case["expect"] if case["expect"] in COMPLAINT_KINDS else "normal"
        rows.append({"q": case["q"], "expect": expect, "cat": case.get("cat", ""), "action": d.action,
                     "flagged": d.action in COMPLAINT_KINDS, "exact": d.action == expect})
    positive = [r for r in rows if r["expect"] != "normal"]
    neutral = [r for r in rows if r["expect"] == "normal"]

    def share(part, whole):
        return round(100 * len(part) / len(whole), 1) if whole else None

    by_kind, false_by_kind = {}, {}
    for r in positive:
        caught, total = by_kind.get(r["cat"], (0, 0))
        by_kind[r["cat"]] = (caught + r["flagged"], total + 1)
    for r in neutral:
        if r["flagged"]:
            false_by_kind[r["cat"]] = false_by_kind.get(r["cat"], 0) + 1
    recognised = [r for r in positive if r["flagged"]]
    false = [r for r in neutral if r["flagged"]]
    return {
        "cases": len(rows), "positive": len(positive), "neutral": len(neutral),
        "recognised": share(recognised, positive), "recognised_count": f"{len(recognised)}/{len(positive)}",
        "kind_exact": share([r for r in positive if r["exact"]], positive),
        "false_positives": share(false, neutral), "false_positives_count": f"{len(false)}/{len(neutral)}",
        "by_kind": by_kind, "false_by_kind": false_by_kind,
        "misses": [r for r in positive if not r["exact"]] + false,
    }


def format_complaints(result: dict, path) -> str:
    """The complaint part of the eval report: recognition and false positives on a set, and what went wrong."""
    lines = [f"投诉与舆情识别集 {path}：{result['cases']} 条（投诉和舆情 {result['positive']}，其他 {result['neutral']}）"]
    if result["positive"]:
        lines.append(f"  识别率 recognised: {result['recognised']}% ({result['recognised_count']})，"
                     f"类别也对 kind exact: {result['kind_exact']}%")
        lines.append("  按类 by kind: " + "，".join(f"{cat or '—'} {c}/{t}" for cat, (c, t) in sorted(result["by_kind"].items())))
    lines.append(f"  误报率 false positives: {result['false_positives']}% ({result['false_positives_count']})")
    for r in result["misses"]:
        if r["expect"] == "normal":
            what = f"误报为{'舆情' if r['action'] == 'opinion' else '投诉'}"
        elif r["flagged"]:
            what = f"类别不对（{r['action']}）"
        else:
            what = f"漏识别（{r['action']}）"
        lines.append(f"  [{what}] {r['q']}")
    return "\n".join(lines)


def held_out_phrasings(faq) -> list:
    """The phrasings leave-one-out takes out of ``faq`` in turn: its alternates, then its examples.

    Each wording counts once as the engine reads it (normalised), and one that only restates the standard
    question is not held out: with the question still there it would find its FAQ by exact match.
    """
    from .reading import normalize

    seen, out = {normalize(faq.question)}, []
    for text in (*faq.alternates, *faq.examples):
        key = normalize(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def without_phrasing(faq, text: str):
    """A copy of ``faq`` with every alternate and example worded as ``text`` (after normalising) taken out."""
    from .reading import normalize

    key = normalize(text)
    return dataclasses.replace(faq, alternates=tuple(a for a in faq.alternates if normalize(a) != key),
                               examples=tuple(e for e in faq.examples if normalize(e) != key))


def leave_one_out(kb, day: dt.date | None = None, build=None) -> dict:
    """Leave-one-out over a knowledge base's own phrasings: the figures of ``evaluate`` and the FAQs not found.

    Every alternate and example (``held_out_phrasings``) is taken out of its FAQ and asked, expecting that FAQ,
    of an engine built without it; the standard question always stays, as the FAQ's anchor, and so do keywords
    and the answer text. FAQs not active on ``day`` are skipped (they are never answered that day).
    Rebuilding the index for every phrasing took 24 s on the 250-FAQ finance bench and 60 s on knowledge/, so
    the phrasings are asked in folds: fold k takes out the k-th phrasing of every FAQ at once and is one rebuild
    (1-2 s in all); each phrasing is held out in exactly one fold and, within its FAQ, is asked against the rest.
    The other FAQs then miss one phrasing each too, a slightly weaker competition: against one rebuild per
    phrasing, top-1 came out 0.4-2.1 points higher and wrong answers within 1.3 points, either way.
    ``build`` makes the engine from a KnowledgeBase (default: Engine).

    Besides the figures: ``not_found``, the FAQs with phrasings that did not find them (neither answered nor
    offered in "did you mean"), worst first, each with what happened to each such phrasing; ``without_phrasings``
    (nothing to hold out: they need alternates) and ``skipped``.
    """
    from ..clock import today_local

    if build is None:
        from .decision import Engine as build
    day = day or today_local()
    active = [f for f in kb.faqs if f.active(day)]
    held = {f.id: held_out_phrasings(f) for f in active}
    folds = max((len(p) for p in held.values()), default=0)
    rows = []
    for k in range(folds):
        out = {faq_id: phrasings[k] for faq_id, phrasings in held.items() if len(phrasings) > k}
        faqs = [without_phrasing(f, out[f.id]) if f.id in out else f for f in kb.faqs]
        engine = build(dataclasses.replace(kb, faqs=faqs))
        rows += [judge({"q": text, "expect": faq_id}, engine.decide(text, day)) for faq_id, text in out.items()]
    result = summarize(rows)
    missed = {}
    for r in rows:
        if not r["resolved"]:
            missed.setdefault(r["expect"], []).append(_missed(r))
    not_found = [{"id": f.id, "question": f.question, "phrasings": len(held[f.id]), "missed": len(missed[f.id]),
                  "misses": missed[f.id]} for f in active if f.id in missed]
    not_found.sort(key=lambda x: (-x["missed"], -x["missed"] / x["phrasings"], x["id"]))
    result.update({
        "method": "leave-one-out", "day": day.isoformat(), "folds": folds, "faqs": len(kb.faqs),
        "faqs_tested": sum(1 for p in held.values() if p),
        "skipped": [f.id for f in kb.faqs if not f.active(day)],
        "without_phrasings": [faq_id for faq_id, p in held.items() if not p],
        "not_found": not_found,
    })
    return result


def _missed(row: dict) -> dict:
    """What became of a held-out phrasing that did not find its FAQ."""
    outcome = {"answer": "answered_other", "clarify": "clarify_without"}.get(row["action"], row["action"])
    return {"q": row["q"], "outcome": outcome, "action": row["action"], "faq_id": row["faq_id"],
            "options": row["options"], "score": row["score"]}


def _pct(value) -> str:
    return "n/a" if value is None else f"{value}%"


def _figures(result: dict) -> list:
    """The figure lines shared by the eval and leave-one-out reports ("n/a" where a set has no such cases)."""
    distress = "n/a" if result["distress"] is None else f"{result['distress']}% ({result['distress_caught']})"
    alarms = ("n/a" if result["false_alarms"] is None
              else f"{result['false_alarms']}% ({result['false_alarms_count']})")
    return [
        f"用例 cases: {result['cases']}",
        f"top-1 准确率: {_pct(result['top1'])}",
        f"resolved (top-1 或在澄清列表中): {_pct(result['resolved'])}",
        f"答错率 wrong answers: {result['wrong']}%",
        f"范围内 top-1: {_pct(result['in_scope_top1'])}",
        f"范围外转人工 out-of-scope handed off: {_pct(result['oos_handoff'])}",
        f"险情识别 distress caught: {distress}",
        f"误报险情 false alarms: {alarms}",
    ]


def format_report(result: dict) -> str:
    """The human-readable eval report."""
    lines = _figures(result) + ["", f"未命中 misses ({len(result['misses'])}):"]
    for r in result["misses"]:
        got = r["faq_id"] if r["action"] == "answer" else r["action"]
        extra = f" {r['options']}" if r["action"] == "clarify" else ""
        lines.append(f"  [{r['expect']}] ← {got}{extra} ({r['score']:.0f})  {r['q']}")
    return "\n".join(lines)


def format_distress(result: dict, path) -> str:
    """The distress part of the eval report: recall and false alarms on a distress set, and what was missed."""
    lines = [f"险情识别集 {path}：{result['cases']} 条",
             f"  险情召回 distress recall: {result['distress']}% ({result['distress_caught']})",
             f"  误报率 false alarms: {result['false_alarms']}% ({result['false_alarms_count']})"]
    for r in result["misses"]:
        what = "漏报" if r["expect"] == "emergency" else "误报"
        lines.append(f"  [{what}] {r['q']}")
    return "\n".join(lines)


OUTCOME_TEXT = {"handoff": "转人工", "emergency": "当作险情", "smalltalk": "当作闲聊"}


def format_loo_report(result: dict, directory) -> str:
    """The human-readable leave-one-out report: what was done, the figures, and the FAQs not found, worst first."""
    lines = [
        f"留一法 leave-one-out：{directory}，按 {result['day']} 回答",
        f"每条FAQ的 alternates 和 examples 逐条拿出，用其余说法建的索引来问（{result['folds']} 轮，每轮每条FAQ拿出一条）；"
        "标准问法不拿出。",
        f"FAQ {result['faqs']} 条：测试 {result['faqs_tested']} 条，没有可拿出的说法 {len(result['without_phrasings'])} 条，"
        f"不在有效期内跳过 {len(result['skipped'])} 条",
        "",
        *_figures(result),
        "",
        f"找不到本条的FAQ not found ({len(result['not_found'])}，最差的在前；这些FAQ需要补充 alternates):",
    ]
    for f in result["not_found"]:
        lines.append(f"  {f['id']}  {f['missed']}/{f['phrasings']} 条说法没找到本条  {f['question']}")
        for m in f["misses"]:
            if m["action"] == "answer":
                what = f"答成 {m['faq_id']}"
            elif m["action"] == "clarify":
                what = f"澄清 [{', '.join(m['options'])}]，不含本条"
            else:
                what = OUTCOME_TEXT.get(m["action"], m["action"])
            lines.append(f"    “{m['q']}” → {what}（得分 {m['score']:.0f}）")
    if result["without_phrasings"]:
        lines += ["", f"没有 alternates / examples、无从测试的FAQ ({len(result['without_phrasings'])}):",
                  "  " + ", ".join(result["without_phrasings"])]
    if result["skipped"]:
        lines += ["", f"不在 {result['day']} 有效期内、跳过的FAQ ({len(result['skipped'])}):",
                  "  " + ", ".join(result["skipped"])]
    return "\n".join(lines)
