"""Command line: a thin click layer over the package's functions. Run ``python -m bot --help``."""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .errors import KnowledgeError
from .knowledge import bundled_knowledge_dir


def _day(value):
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("日期请写成 YYYY-MM-DD") from None


def _engine(kb_dir):
    from .engine import Engine
    from .knowledge import load_knowledge

    try:
        return Engine(load_knowledge(kb_dir or bundled_knowledge_dir()))
    except KnowledgeError as e:
        raise click.ClickException(str(e)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """海事局微信公众号智能问答助手。

    \b
    例：python -m bot ask "海船适任证书到期怎么再有效"
    """


kb_option = click.option("--kb", "kb_dir", type=click.Path(file_okay=False), help="知识库目录（默认为自带的 knowledge/）")
at_option = click.option("--at", "at", metavar="YYYY-MM-DD", help="按这一天回答（有效期判断），默认今天")


@main.command()
@click.argument("question", required=False)
@kb_option
@at_option
@click.option("--jsonl", is_flag=True, help="从标准输入逐行读问题，每行输出一个JSON对象")
@click.option("--debug", is_flag=True, help="同时显示判定、得分和候选")
def ask(question, kb_dir, at, jsonl, debug):
    """回答一个问题，显示用户会看到的回复。

    \b
    例：python -m bot ask "船员证丢了怎么补" --debug
        printf '证书丢了\\n救命\\n' | python -m bot ask --kb knowledge --jsonl --at 2026-11-26
    """
    engine = _engine(kb_dir)
    day = _day(at)
    if jsonl:
        for line in sys.stdin:
            q = line.rstrip("\n").rstrip("\r")
            d = engine.decide(q, day)
            sys.stdout.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return
    if question is None:
        raise click.UsageError("请给出问题，或用 --jsonl 从标准输入读取")
    d = engine.decide(question, day)
    click.echo(d.reply)
    if debug:
        click.echo("\n--- debug ---")
        click.echo(f"action: {d.action}  faq_id: {d.faq_id}  score: {d.score:.1f}  reason: {d.reason}  ({d.elapsed_ms} ms)")
        click.echo(f"normalized: {d.normalized}")
        click.echo(f"tokens: {' / '.join(d.tokens)}")
        for c in d.candidates:
            click.echo(f"  {c.score:6.1f}  {c.faq_id:<32} {c.question}  {c.parts}")


@main.command("eval")
@kb_option
@click.option("--cases", required=True, type=click.Path(exists=True, dir_okay=False), help="用例YAML：[{q, expect}]")
@at_option
@click.option("--json", "as_json", is_flag=True, help="以JSON输出")
def eval_cmd(kb_dir, cases, at, as_json):
    """用带标注的问题集评估匹配效果。

    \b
    例：python -m bot eval --kb ../shared/bench/kb --cases ../shared/bench/dev.yaml --at 2026-11-26
    """
    from .evaluate import evaluate, format_report, load_cases

    engine = _engine(kb_dir)
    try:
        result = evaluate(engine.decide, load_cases(cases), _day(at))
    except KnowledgeError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result))
