"""The distress model's verdict on every message of the development sets, saved and compared between versions.

    python bench/distress_verdicts.py save BEFORE.json          # before a change
    python bench/distress_verdicts.py save AFTER.json           # after it
    python bench/distress_verdicts.py compare BEFORE.json AFTER.json [--skip distress_dev97]
    python bench/distress_verdicts.py check NEW_SET.yaml 130 140   # a helper's new set: format and counts

``save`` reads bench/distress*.yaml (holdouts left out: their misses are never printed), ../shared/bench/dev.yaml
and ../shared/bench/finance/dev.yaml; ``compare`` prints each message whose verdict changed, FIXED when it now
agrees with its label and BROKE when it no longer does, then the counts. A rule written for one round is checked this
way on every other set, message by message, before it is kept.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "bench"


def sets() -> list:
    """The development sets read by ``save``: every bench/distress*.yaml but the holdouts, and the shared ones."""
    own = [p for p in sorted((ROOT / "bench").glob("distress*.yaml")) if "holdout" not in p.name]
    return own + [p for p in (SHARED / "dev.yaml", SHARED / "finance" / "dev.yaml") if p.exists()]


@click.group()
def cli():
    """Save and compare the distress model's verdicts."""


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
def save(out):
    """Write {set: {message: [emergency?, label]}} to OUT."""
    from bot.matching.distress import DistressModel

    model, verdicts = DistressModel(), {}
    for path in sets():
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        verdicts[os.path.relpath(path, ROOT)] = {
            item["q"]: [model.read(item["q"]).emergency, item.get("expect")]
            for item in items if isinstance(item, dict) and isinstance(item.get("q"), str)}
    Path(out).write_text(json.dumps(verdicts, ensure_ascii=False), encoding="utf-8")
    click.echo(f"{sum(len(v) for v in verdicts.values())} messages in {len(verdicts)} sets -> {out}")


@cli.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False))
@click.argument("after", type=click.Path(exists=True, dir_okay=False))
@click.option("--skip", multiple=True, help="leave out sets whose name contains this (the round's own set)")
def compare(before, after, skip):
    """Print the messages whose verdict changed between BEFORE and AFTER."""
    old = json.loads(Path(before).read_text(encoding="utf-8"))
    new = json.loads(Path(after).read_text(encoding="utf-8"))
    fixed = broke = 0
    for name in sorted(set(old) & set(new)):
        if any(s in name for s in skip):
            continue
        for text, (emergency, label) in new[name].items():
            if text not in old[name] or old[name][text][0] == emergency:
                continue
            right = emergency == (label == "emergency")
            fixed, broke = fixed + right, broke + (not right)
            click.echo(f"{'FIXED' if right else 'BROKE'} {name} {label} -> "
                       f"{'emergency' if emergency else 'normal'}: {text}")
    click.echo(f"{fixed} fixed, {broke} broken")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.argument("emergencies", type=int)
@click.argument("near_misses", type=int)
def check(path, emergencies, near_misses):
    """Check a newly written set: valid YAML of {q, expect, cat}, the counts asked for, no duplicates."""
    try:
        items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise SystemExit(f"YAML ERROR: {e}")
    items = items if isinstance(items, list) else []
    bad = [i for i, x in enumerate(items) if not isinstance(x, dict) or set(x) != {"q", "expect", "cat"}
           or x["expect"] not in ("emergency", "normal") or not isinstance(x["q"], str) or not x["q"].strip()]
    good = [x for i, x in enumerate(items) if i not in bad]
    count = {kind: sum(x["expect"] == kind for x in good) for kind in ("emergency", "normal")}
    texts = [x["q"] for x in good]
    duplicates = len(texts) - len(set(texts))
    ok = not bad and not duplicates and (count["emergency"], count["normal"]) == (emergencies, near_misses)
    click.echo(f"{'OK' if ok else 'PROBLEM'}: {count['emergency']} emergency, {count['normal']} normal, "
               f"{len(bad)} malformed entries {bad[:5]}, {duplicates} duplicates")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    cli()
