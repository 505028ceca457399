"""Evaluation of the engine on labelled questions: ``{q, expect}`` where expect is a FAQ id, handoff, emergency,
or normal (anything but an emergency: the near misses of the distress set)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .errors import KnowledgeError

SPECIAL = ("handoff", "emergency", "normal")
DISTRESS_SET = Path(__file__).resolve().parent.parent / "bench" / "distress.yaml"


def load_cases(path) -> list:
    """Read a YAML list of {q, expect} cases."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(c, dict) and "q" in c and "expect" in c for c in data):
        raise KnowledgeError(path, None, "用例文件应当是 {q: 问题, expect: FAQ id / handoff / emergency} 的列表")
    return [{"q": str(c["q"]), "expect": str(c["expect"])} for c in data]


def evaluate(decide, cases, day: dt.date | None = None) -> dict:
    """Run every case through ``decide(q, day)`` (an Engine's or a baseline's) and compute the figures.

    top1: the right FAQ answered (or handoff / emergency as labelled); resolved: top1, or the right FAQ in
    the clarify list; wrong: an FAQ answered that was not the expected one (over all cases);
    oos_handoff: out-of-scope cases handed off; distress: emergency cases caught.
    """
    rows = []
    for case in cases:
        d = decide(case["q"], day)
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
        wrong = d.action == "answer" and d.faq_id != expect
        rows.append({"q": case["q"], "expect": expect, "action": d.action, "faq_id": d.faq_id,
                     "false_alarm": d.action == "emergency" and expect != "emergency",
                     "options": list(d.options), "score": d.score, "top1": top1, "resolved": resolved,
                     "wrong": wrong})
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


def format_report(result: dict) -> str:
    """The human-readable eval report."""
    lines = [
        f"用例 cases: {result['cases']}",
        f"top-1 准确率: {result['top1']}%",
        f"resolved (top-1 或在澄清列表中): {result['resolved']}%",
        f"答错率 wrong answers: {result['wrong']}%",
        f"范围内 top-1: {result['in_scope_top1']}%",
        f"范围外转人工 out-of-scope handed off: {result['oos_handoff']}%",
        f"险情识别 distress caught: {result['distress']}% ({result['distress_caught']})",
        f"误报险情 false alarms: {result['false_alarms']}% ({result['false_alarms_count']})",
        "",
        f"未命中 misses ({len(result['misses'])}):",
    ]
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
