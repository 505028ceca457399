"""Command line: a thin click layer over the package's functions. Run ``python -m bot --help``."""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .clock import LOCAL_TZ, today_local, utcnow
from .errors import EmbeddingModelError, KnowledgeError


def _day(value):
    if value is None:
        return today_local()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("日期请写成 YYYY-MM-DD") from None


def _engine(kb_dir, day=None):
    """The engine over a knowledge folder, loaded for ``day`` (examples' relative dates count from it; default today)."""
    from .matching import Engine
    from .kb.loader import load_knowledge

    try:
        return Engine(load_knowledge(_served_kb_dir(kb_dir), day))
    except (KnowledgeError, EmbeddingModelError) as e:
        raise click.ClickException(str(e)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """海事局微信公众号智能问答助手。

    \b
    例：python -m bot ask "海船适任证书到期怎么再有效"
    """


kb_option = click.option("--kb", "kb_dir", type=click.Path(file_okay=False), help="知识库目录（默认 BOT_KNOWLEDGE_DIR，未设置时为自带的 knowledge/）")
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
    day = _day(at)
    engine = _engine(kb_dir, day)
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
            parts = " ".join(f"{k}={v:.2f}" for k, v in c.parts.items())
            click.echo(f"  {c.score:6.1f}  {c.faq_id:<32} {c.question}  {parts}")


@main.command()
@kb_option
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="数据库文件（默认为 BOT_DATABASE：instance/bot.db）")
@click.option("--user", default="local-user", show_default=True, help="以这个用户的身份对话")
@click.option("--debug", is_flag=True, help="同时显示判定、得分和候选")
def chat(kb_dir, db_path, user, debug):
    """在终端里和机器人对话：与公众号同一套对话逻辑和数据库，回复与微信里看到的一样。

    \b
    输入 /subscribe、/click 菜单KEY、/image 可模拟关注、点菜单和发图片；exit 或 Ctrl-D 退出。
    例：python -m bot chat --debug
        printf '船员证书\\n1\\n' | python -m bot chat --user tester
    """
    from .config import Config
    from .service.conversation import debug_lines, respond, terminal_message
    from .store.connection import open_db

    config = Config.from_env()
    engine = _engine(kb_dir or config.BOT_KNOWLEDGE_DIR)
    db = open_db(db_path or config.BOT_DATABASE)
    interactive = sys.stdin.isatty()
    if interactive:
        click.echo("请输入问题（exit 或 Ctrl-D 退出）")
    while True:
        if interactive:
            click.echo("> ", nl=False)
        line = sys.stdin.readline()
        if not line or line.strip() in ("exit", "quit"):
            break
        outcome = respond(db, engine, user, terminal_message(user, line))
        click.echo(outcome.reply or "success（公众号不回复）")
        if debug:
            click.echo("\n".join(debug_lines(outcome)))
        click.echo("")


@main.command("eval")
@kb_option
@click.option("--cases", type=click.Path(exists=True, dir_okay=False), help="用例YAML：[{q, expect}]")
@click.option("--distress", "distress_path", type=click.Path(dir_okay=False),
              help="险情识别集（默认 bench/distress.yaml：expect 为 emergency 或 normal）")
@click.option("--complaints", "complaint_paths", type=click.Path(dir_okay=False), multiple=True,
              help="投诉与舆情识别集，可写多次（默认 bench/complaints.yaml 和 bench/complaints_holdout.yaml："
                   "expect 为 complaint、opinion 或 normal；其他 expect 都算作普通问题，可用来看误报）")
@click.option("--loo", is_flag=True,
              help="留一法：把每条FAQ的 alternates 和 examples 逐条拿出来问，不需要标注集；列出找不到本条的FAQ")
@at_option
@click.option("--json", "as_json", is_flag=True, help="以JSON输出")
def eval_cmd(kb_dir, cases, distress_path, complaint_paths, loo, at, as_json):
    """用带标注的问题集评估匹配效果，并报告险情识别、投诉与舆情识别的召回率和误报率；--loo 用知识库自己的说法做留一法评估。

    \b
    例：python -m bot eval --kb ../shared/bench/kb --cases ../shared/bench/dev.yaml --at 2026-11-26
        python -m bot eval            （只看险情识别集和投诉识别集）
        python -m bot eval --complaints ../shared/bench/finance/dev.yaml   （看普通问题的误报）
        python -m bot eval --loo --kb ../shared/bench/kb --at 2026-11-26
    """
    from .matching.evaluate import (
        COMPLAINT_SETS, DISTRESS_SET, evaluate, evaluate_complaints, format_complaints, format_distress,
        format_loo_report, format_report, leave_one_out, load_cases,
    )

    if loo:
        if cases or distress_path or complaint_paths:
            raise click.UsageError("--loo 不与 --cases / --distress / --complaints 同用")
        kb_dir = _served_kb_dir(kb_dir)
        result = leave_one_out(_knowledge(kb_dir, _day(at)), _day(at))
        click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_loo_report(result, kb_dir))
        return
    engine = _engine(kb_dir, _day(at))
    distress_path = distress_path or (DISTRESS_SET if DISTRESS_SET.exists() else None)
    complaint_paths = complaint_paths or tuple(p for p in COMPLAINT_SETS if p.exists())
    out, complaints = {}, {}
    try:
        if cases:
            out["cases"] = evaluate(engine.decide, load_cases(cases), _day(at))
        if distress_path:
            out["distress"] = evaluate(engine.decide, load_cases(distress_path), _day(at))
        for path in complaint_paths:
            complaints[str(path)] = evaluate_complaints(engine.decide, load_cases(path), _day(at))
    except (KnowledgeError, OSError) as e:
        raise click.ClickException(str(e)) from None
    if not out and not complaints:
        raise click.UsageError("请用 --cases 指定用例文件（没有找到 bench/distress.yaml）")
    if as_json:
        result = out.get("cases") or {}
        if "distress" in out:
            result["distress_set"] = {k: v for k, v in out["distress"].items() if k != "misses"}
        if complaints:
            result["complaint_sets"] = {path: {k: v for k, v in r.items() if k != "misses"}
                                        for path, r in complaints.items()}
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    parts = []
    if "cases" in out:
        parts.append(format_report(out["cases"]))
    if "distress" in out:
        parts.append(format_distress(out["distress"], distress_path))
    parts += [format_complaints(r, path) for path, r in complaints.items()]
    click.echo("\n\n".join(parts))


db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         help="数据库文件（默认为 BOT_DATABASE：instance/bot.db）")


def _db(db_path):
    from .config import Config
    from .store.connection import open_db

    return open_db(db_path or Config.from_env().BOT_DATABASE)


@main.group()
def admin():
    """客服后台（/admin）的工作人员账号。"""


@admin.command("create-user")
@click.argument("name")
@db_option
@click.option("--password", prompt="密码", hide_input=True, confirmation_prompt="再输入一次密码",
              help="不写则提示输入（不回显）")
def admin_create_user(name, db_path, password):
    """创建一个客服后台账号；密码只保存加盐哈希。

    \b
    例：python -m bot admin create-user zhangsan
    """
    from .service.staff import StaffError, create_user

    try:
        create_user(_db(db_path), name, password)
    except StaffError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"已创建账号“{name.strip()}”，可在 /admin/login 登录。")


@admin.command("reset-password")
@click.argument("name")
@db_option
@click.option("--password", help="新密码（用于脚本）；不写则提示输入两次（不回显）")
def admin_reset_password(name, db_path, password):
    """重设一个客服后台账号的密码；该账号已登录的会话全部失效。

    \b
    例：python -m bot admin reset-password zhangsan
    """
    from .service.staff import StaffError, exists, set_password

    db = _db(db_path)
    if not exists(db, name):
        raise click.ClickException(f"没有名为“{name}”的账号")
    if password is None:
        password = click.prompt("新密码", hide_input=True, confirmation_prompt="再输入一次新密码")
    try:
        set_password(db, name, password)
    except StaffError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"已重设“{name}”的密码，该账号已登录的会话均已退出。")


@admin.command("remove-user")
@click.argument("name")
@db_option
@click.option("--yes", is_flag=True, help="不再确认")
def admin_remove_user(name, db_path, yes):
    """删除一个客服后台账号；该账号已登录的会话立即失效。

    \b
    例：python -m bot admin remove-user zhangsan
        python -m bot admin remove-user zhangsan --yes
    """
    from .service.staff import StaffError, exists, remove_user

    db = _db(db_path)
    if not exists(db, name):
        raise click.ClickException(f"没有名为“{name}”的账号")
    if not yes:
        click.confirm(f"删除账号“{name}”？", abort=True)
    try:
        remove_user(db, name)
    except StaffError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"已删除账号“{name}”。")


@admin.command("list-users")
@db_option
def admin_list_users(db_path):
    """列出客服后台账号：每行一个，账号名和创建时间（北京时间）。

    \b
    例：python -m bot admin list-users
    """
    from .clock import local
    from .service.staff import list_users

    accounts = list_users(_db(db_path))
    if not accounts:
        click.echo("还没有账号：用 python -m bot admin create-user NAME 创建。")
        return
    width = max(len(a.username) for a in accounts)
    for a in accounts:
        click.echo(f"{a.username:<{width}}  创建于 {local(a.created_at)}")


@main.group("db")
def db_group():
    """数据库：结构版本与升级、在线备份。

    \b
    例：python -m bot db status
        python -m bot db backup /var/backups/bot-2026-12-01.db
    """


def _database_path(db_path):
    from .config import Config

    return db_path or Config.from_env().BOT_DATABASE


@db_group.command("status")
@db_option
def db_status(db_path):
    """显示数据库文件的结构版本、已执行和待执行的迁移。有待执行的迁移时退出码为1。

    \b
    例：python -m bot db status --db instance/bot.db
    """
    import os
    import sqlite3

    from .clock import local
    from .store import migrations

    path = _database_path(db_path)
    if not os.path.exists(path):
        raise click.ClickException(f"数据库文件不存在：{path}（服务第一次启动时创建）")
    conn = sqlite3.connect(path)
    try:
        done, waiting = migrations.applied(conn), migrations.pending(conn)
        version = migrations.current_version(conn)
    finally:
        conn.close()
    click.echo(f"数据库：{path}")
    click.echo(f"结构版本：{version}（程序需要：{migrations.LATEST}）")
    for number, name, at in done:
        click.echo(f"  已执行 {number:>3}  {local(at)}  {name}")
    for number, name in waiting:
        click.echo(f"  待执行 {number:>3}  {name}")
    if waiting:
        click.echo("运行 python -m bot db upgrade 执行待执行的迁移（服务启动时也会自动执行）。")
        click.get_current_context().exit(1)


@db_group.command("upgrade")
@db_option
def db_upgrade(db_path):
    """执行待执行的迁移，把数据库升级到程序需要的结构版本。可在服务运行时执行：迁移在排他锁内进行，只会执行一次。

    \b
    例：python -m bot db upgrade --db instance/bot.db
    """
    from .store.connection import open_db
    from .store import migrations

    try:
        db = open_db(_database_path(db_path), init=False)
        done = migrations.upgrade(db.conn)
    except migrations.MigrationError as e:
        raise click.ClickException(str(e)) from None
    if done:
        click.echo(f"已升级到结构版本 {migrations.LATEST}（执行了迁移 {', '.join(map(str, done))}）。")
    else:
        click.echo(f"已是最新结构版本 {migrations.LATEST}，无需升级。")


@db_group.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
def db_backup(path, db_path):
    """把数据库在线备份到 PATH（新文件，不覆盖已有文件）；服务运行时也可以安全执行。

    \b
    例：python -m bot db backup /var/backups/bot-$(date +%F).db
    """
    from .store.backup import BackupError, backup

    try:
        size = backup(_database_path(db_path), path)
    except BackupError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"已备份到 {path}（{size / 1024:.0f} KB）。")


@main.group()
def handoff():
    """转人工队列。"""


@handoff.command("list")
@click.option("--state", type=click.Choice(["open", "pending", "claimed", "resolved", "all"]), default="open",
              show_default=True, help="open = 未解决（待处理和处理中）")
@click.option("--priority", type=click.Choice(["urgent", "high", "normal"]), help="只看这一优先级")
@click.option("--category", type=click.Choice(["complaint", "opinion", "flagged"]),
              help="只看投诉（complaint）、舆情风险（opinion）或两者（flagged），以工作人员改过的类别为准")
@click.option("--json", "as_json", is_flag=True, help="以JSON输出")
@db_option
def handoff_list(state, priority, category, as_json, db_path):
    """列出转人工记录：等待回复的在前，按紧急程度再按等待时间排序。

    \b
    例：python -m bot handoff list
        python -m bot handoff list --state all --json
        python -m bot handoff list --state all --category flagged
    """
    from .clock import local
    from .service.handoffs import CATEGORY_LABELS, PRIORITY_LABELS, STATE_LABELS, duration_text, list_handoffs

    rows = list_handoffs(_db(db_path), state=state, priority=priority, category=category or "")
    if as_json:
        click.echo(json.dumps([h.to_json() for h in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("没有符合条件的转人工记录。")
        return
    for h in rows:
        waiting = f"等待{duration_text(h.waiting_seconds)}" if h.awaiting_reply else "已回复"
        window = "窗口开放" if h.window_open else "窗口关闭"
        who = f" {h.claimed_by}" if h.claimed_by else ""
        kind = f"【{CATEGORY_LABELS[h.kind]}】" if h.kind else ""
        click.echo(f"#{h.id:<5} {PRIORITY_LABELS[h.priority]} {STATE_LABELS[h.state]}{who}  {waiting}  {window}  "
                   f"{local(h.created_at)}  {kind}{h.question}")


@main.group("alert")
def alert_group():
    """值班告警：遇险求助时通知值班人员（企业微信群机器人、邮件、通知接口）。"""


@alert_group.command("test")
@db_option
def alert_test(db_path):
    """通过每个已配置的告警渠道发送一条测试告警，逐个渠道显示对方的答复。有渠道失败或未配置任何渠道时退出码为1。

    \b
    例：ALERT_WECOM_WEBHOOK_URL=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=... python -m bot alert test
    """
    import dataclasses

    from .config import Config
    from .store.connection import open_db
    from .service.alert_dispatcher import send_test_alerts
    from .service.alerts import CHANNEL_LABELS

    config = Config.from_env()
    if db_path:
        config = dataclasses.replace(config, BOT_DATABASE=db_path)
    open_db(config.BOT_DATABASE).close()
    results = send_test_alerts(config)
    if not results:
        raise click.ClickException("没有配置任何告警渠道：请设置 ALERT_WECOM_WEBHOOK_URL、ALERT_SMTP_HOST 和 "
                                   "ALERT_EMAIL_TO，或 ALERT_WEBHOOK_URL")
    for channel, result in results:
        click.echo(f"{CHANNEL_LABELS[channel]}（{channel}）：{'成功' if result.ok else '失败'}  {result.answer}")
    if not all(result.ok for _, result in results):
        click.get_current_context().exit(1)


# ---- knowledge curation (kb) and the custom menu (menu) -------------------------------------------

def _knowledge(directory, day=None):
    from .kb.loader import load_knowledge

    try:
        return load_knowledge(_served_kb_dir(directory), day)
    except KnowledgeError as e:
        raise click.ClickException(str(e)) from None


def _served_kb_dir(kb_dir):
    """The folder the running bot serves: --kb, else BOT_KNOWLEDGE_DIR, else the bundled knowledge/."""
    from .config import Config

    return kb_dir or Config.from_env().BOT_KNOWLEDGE_DIR


kb_dir_argument = click.argument("directory", required=False, type=click.Path(file_okay=False))
served_kb_option = click.option(
    "--kb", "kb_dir", type=click.Path(file_okay=False), help="知识库目录（默认 BOT_KNOWLEDGE_DIR，未设置时为自带的 knowledge/）"
)


@main.group("kb")
def kb_group():
    """知识库维护：检查、测试、统计，以及根据消息日志提出补充建议。

    \b
    例：python -m bot kb check
        python -m bot kb suggest --since 7d --write knowledge/drafts/suggestions.yaml
    """


@kb_group.command("check")
@kb_dir_argument
@at_option
def kb_check(directory, at):
    """检查知识库，列出全部错误和警告（文件:行号 和修改提示），另列未核实（verified: false）的FAQ。
    有错误时退出码为1，只有警告或未核实时为0。

    DIRECTORY 默认为 BOT_KNOWLEDGE_DIR（服务正在用的知识库），未设置时为自带的 knowledge/。

    \b
    例：python -m bot kb check
        python -m bot kb check knowledge/
    """
    from .kb.curator import check_knowledge, display_path, format_finding, unverified_faqs

    directory = _served_kb_dir(directory)
    errors, warnings = check_knowledge(directory, _day(at))
    for e in errors:
        click.echo(format_finding(e, "错误"))
    for w in warnings:
        click.echo(format_finding(w, "警告"))
    unverified = unverified_faqs(directory)
    for u in unverified:
        click.echo(format_finding(u, "未核实"))
    click.echo(f"检查 {display_path(directory)}：{len(errors)} 个错误，{len(warnings)} 个警告"
               + (f"，{len(unverified)} 条未核实" if unverified else ""))
    if errors:
        click.get_current_context().exit(1)


@kb_group.command("test")
@kb_dir_argument
@at_option
def kb_test(directory, at):
    """把每条FAQ的 examples 交给引擎，核对是否答到本条；不在有效期内的FAQ跳过。有失败时退出码为1。

    \b
    例：python -m bot kb test
        python -m bot kb test knowledge/ --at 2026-11-26
    """
    from .kb.curator import format_example_report, run_examples

    report = run_examples(_engine(directory, _day(at)), _day(at))
    click.echo(format_example_report(report))
    if report.failed:
        click.get_current_context().exit(1)


@kb_group.command("stats")
@kb_dir_argument
@at_option
def kb_stats(directory, at):
    """知识库统计：各分类FAQ数、回答长度、词典和同义词数、有效和过期的通告、未核实的FAQ和示例内容。

    \b
    例：python -m bot kb stats
        python -m bot kb stats knowledge/
    """
    from .kb.curator import format_stats, knowledge_stats

    click.echo(format_stats(knowledge_stats(_knowledge(directory, _day(at)), _day(at))))


@kb_group.command("suggest")
@click.option("--since", default="7d", show_default=True, help="只看最近这段时间：天数d 或 小时数h，例如 7d、12h")
@click.option("--write", "write_to", type=click.Path(dir_okay=False), help="把建议存成YAML供审核（例如 knowledge/drafts/suggestions.yaml）")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="消息日志数据库（默认 BOT_DATABASE，未设置时 instance/bot.db）")
@served_kb_option
def kb_suggest(since, write_to, db_path, kb_dir):
    """根据消息日志里转人工和澄清的问题，分组提出补充建议：给最接近的FAQ加 alternates，或新增FAQ；
    并按FAQ列出用户回复“没用”的回答，供检查。

    \b
    例：python -m bot kb suggest
        python -m bot kb suggest --since 30d --write knowledge/drafts/suggestions.yaml
        python -m bot kb suggest --since 12h --db /srv/bot/instance/bot.db
    """
    from .config import Config
    from .kb.curator import (
        CuratedFileError, MessageLogError, display_path, format_suggestions, parse_since, proposal_target,
        proposals_yaml, suggest, unanswered_questions, unhelpful_answers, write_proposals,
    )

    try:
        span = parse_since(since)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--since") from None
    engine = _engine(_served_kb_dir(kb_dir))
    try:
        if write_to:
            proposal_target(write_to, engine.kb)
        database = db_path or Config.from_env().BOT_DATABASE
        texts = unanswered_questions(database, utcnow() - span)
        unhelpful = unhelpful_answers(database, utcnow() - span)
    except (CuratedFileError, MessageLogError) as e:
        raise click.ClickException(str(e)) from None
    result = suggest(engine, texts, unhelpful=unhelpful)
    click.echo(format_suggestions(result))
    if write_to:
        made = utcnow().astimezone(LOCAL_TZ)
        header = (f"python -m bot kb suggest --since {since} 生成于 {made:%Y-%m-%d %H:%M}（北京时间）。\n"
                  "请人工审核：alternates 并入对应FAQ；new_faq 补全回答和 source 后放进分类文件；\n"
                  "review_answer 是用户说“没用”的回答：改写回答，或把问题归到 next_best / 新FAQ。")
        path = write_proposals(write_to, proposals_yaml(result, engine, header), engine.kb)
        click.echo(f"\n建议已写入 {display_path(path)}，请审核后再手工并入知识库。")



# ---- published knowledge versions (one knowledge base for every host) ------------------------------------

by_option = click.option("--by", "by", metavar="NAME", help="记录的操作人（默认为当前系统用户）")


@kb_group.command("publish")
@kb_dir_argument
@by_option
@db_option
def kb_publish(directory, by, db_path):
    """检查知识库目录并发布到数据库，成为新的编号版本（含全部文件和校验和）；使用这个数据库的所有主机在几秒内改用它。
    有错误（与 kb check 相同的检查）时不发布，逐条列出文件:行号，退出码为1。

    DIRECTORY 默认为 BOT_KNOWLEDGE_DIR，未设置时为自带的 knowledge/。发布的是目录第一层的 .yaml、.yml、.txt 文件
    （drafts/ 等子目录不发布）。与当前版本完全相同时不产生新版本。

    \b
    例：python -m bot kb publish
        python -m bot kb publish knowledge/ --by zhangsan
    """
    from .kb.publish import PublishError, publish, who_am_i
    from .kb.curator import display_path, format_finding

    directory = _served_kb_dir(directory)
    try:
        result = publish(_db(db_path), directory, by or who_am_i())
    except PublishError as e:
        for error in e.errors:
            click.echo(format_finding(error, "错误"))
        raise click.ClickException(f"{display_path(directory)}：{e}") from None
    checked = result.checked
    if result.unchanged:
        click.echo(f"{display_path(directory)} 与当前版本 {result.number} 完全相同，没有发布新版本。")
        return
    click.echo(f"已发布知识库版本 {result.number}：{checked.faq_count} 条FAQ，{len(result.files)} 个文件，"
               f"校验和 {result.checksum[:12]}（发布人 {by or who_am_i()}）")
    click.echo(f"检查 {display_path(directory)}：{checked.summary}"
               + ("（明细见 python -m bot kb check 或后台“知识库版本”页）" if checked.warnings or checked.unverified
                  else ""))
    if result.skipped:
        click.echo(f"未发布（不是知识库文件）：{'、'.join(result.skipped)}")
    if result.previous is not None:
        click.echo(f"此前的版本 {result.previous} 可用 python -m bot kb rollback {result.previous} 恢复。")
    click.echo("各主机会在几秒内改用这个版本：python -m bot kb versions 查看各主机正在使用的版本。")


@kb_group.command("rollback")
@click.argument("number", type=click.IntRange(min=1))
@by_option
@db_option
def kb_rollback(number, by, db_path):
    """把已发布的版本 NUMBER 重新设为当前版本（记录操作人和时间，不删除任何版本）；各主机在几秒内改用它。

    \b
    例：python -m bot kb rollback 3
        python -m bot kb rollback 3 --by zhangsan
    """
    from .clock import local
    from .kb.publish import PublishError, rollback, who_am_i
    from .kb.curator import format_finding

    try:
        previous, row = rollback(_db(db_path), number, by or who_am_i())
    except PublishError as e:
        for error in e.errors:
            click.echo(format_finding(error, "错误"))
        raise click.ClickException(str(e)) from None
    click.echo(f"已切换回版本 {number}（{row['published_by']} 发布于 {local(row['published_at'])}，"
               f"{row['faq_count']} 条FAQ，校验和 {row['checksum'][:12]}），原为版本 {previous}。")
    click.echo("各主机会在几秒内改用这个版本：python -m bot kb versions 查看。")


@kb_group.command("versions")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="最多列出多少个版本")
def kb_versions(db_path, limit):
    """列出发布的知识库版本（编号、发布时间、发布人、校验和、kb check 摘要）、当前版本，以及各主机正在使用的版本和开始时间。

    \b
    例：python -m bot kb versions
    """
    from .clock import local
    from .kb.publish import host_rows
    from .store import knowledge_versions as store

    db = _db(db_path)
    current = store.current(db)
    rows = store.versions(db, limit=limit)
    if current is None:
        click.echo("还没有发布过知识库版本：每台主机使用自己的知识库目录（BOT_KNOWLEDGE_DIR）。"
                   "用 python -m bot kb publish 发布。")
    else:
        how = "回滚" if current["action"] == "rollback" else "发布"
        click.echo(f"当前版本：{current['id']}（{current['activated_by']} {local(current['activated_at'])} {how}）")
    for v in rows:
        mark = "*" if current and v["id"] == current["id"] else " "
        click.echo(f"{mark} {v['id']:>4}  {local(v['published_at'])}  {v['published_by']}  {v['checksum'][:12]}  "
                   f"{v['faq_count']} 条FAQ，{v['file_count']} 个文件  检查：{v['check_summary']}")
    hosts = host_rows(db, current["id"] if current else None)
    if hosts:
        click.echo("主机：")
        for h in hosts:
            click.echo(f"  {h['host']}  {h['label']}  自 {local(h['since'])}"
                       + ("" if h["alive"] else f"  （{local(h['seen_at'])} 后无响应）")
                       + (f"  错误：{h['error']}" if h["error"] else ""))


@main.group("menu")
def menu_group():
    """公众号自定义菜单：按 settings.yaml 的 menu: 生成，并通过微信接口发布。

    \b
    例：python -m bot menu show
        python -m bot menu push
    """


def _menu_setting(kb_dir):
    kb = _knowledge(_served_kb_dir(kb_dir))
    if not kb.settings["menu"]:
        raise click.ClickException(f"{kb.directory}/settings.yaml 里没有 menu:，没有可发布的菜单")
    return kb.settings["menu"]


@menu_group.command("show")
@served_kb_option
def menu_show(kb_dir):
    """显示将要发布的菜单JSON（微信的格式），不发送。

    \b
    例：python -m bot menu show
        python -m bot menu show --kb knowledge/
    """
    from .wechat.menu import build_menu, menu_problems

    setting = _menu_setting(kb_dir)
    click.echo(json.dumps(build_menu(setting), ensure_ascii=False, indent=2))
    for line, message, hint in menu_problems(setting):
        click.echo(f"settings.yaml:{line}: 警告: {message}（{hint}）", err=True)


@menu_group.command("push")
@served_kb_option
def menu_push(kb_dir):
    """通过微信接口发布菜单（POST menu/create）。

    需要环境变量 WECHAT_APP_ID 和 WECHAT_APP_SECRET；接口地址为 WECHAT_API_BASE_URL（默认 https://api.weixin.qq.com）。
    失败时显示微信返回的 errcode / errmsg，退出码为1。

    \b
    例：WECHAT_APP_ID=wx1234 WECHAT_APP_SECRET=... python -m bot menu push
    """
    from .config import Config
    from .wechat.menu import MenuPushError, build_menu, menu_problems, push_menu

    setting = _menu_setting(kb_dir)
    problems = menu_problems(setting)
    if problems:
        lines = [f"  settings.yaml:{line}: {message}（{hint}）" for line, message, hint in problems]
        raise click.ClickException("菜单有微信不接受的地方，未发布：\n" + "\n".join(lines))
    from .store.connection import open_db

    config = Config.from_env()
    menu = build_menu(setting)
    try:
        push_menu(menu, config, open_db(config.BOT_DATABASE))
    except MenuPushError as e:
        raise click.ClickException(f"菜单发布失败：{e}") from None
    subs = sum(len(b.get("sub_button", [])) for b in menu["button"])
    click.echo(f"菜单已发布：{len(menu['button'])} 个一级按钮，{subs} 个子按钮")
