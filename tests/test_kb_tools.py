"""kb check / test / stats: real knowledge folders in tmp_path, run through the real CLI."""
import errno
import os
import shutil
import statistics
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.errors import KnowledgeError
from bot.kb.curator import check_knowledge
from bot.kb.loader import collect_knowledge, load_knowledge

FIXTURE = Path(__file__).parent / "fixtures" / "kbtools_kb"


def copy_kb(tmp_path) -> Path:
    """A private copy of the fixture knowledge base that a test may edit."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line containing ``text``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return n
    raise AssertionError(f"{text!r} not in {path.name}")


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


# ---- kb check: errors ---------------------------------------------------------------------------

def test_check_clean_knowledge_base_exits_zero():
    result = run("kb", "check", FIXTURE)
    assert result.exit_code == 0, result.output
    assert ": 错误: " not in result.output and ": 警告: " not in result.output
    assert result.output.strip().splitlines()[-1].endswith("0 个错误，0 个警告")


@pytest.fixture
def broken_kb(tmp_path):
    """A copy with one problem of each kind the spec names, spread over several files."""
    kb = copy_kb(tmp_path)
    certs, notices, contacts, settings = (kb / n for n in ("01-certificates.yaml", "02-notices.yaml",
                                                            "03-contacts.yaml", "settings.yaml"))
    edit(certs, "    alternates:\n      - 适任证书遗失补发", "    alternate:\n      - 适任证书遗失补发")
    edit(certs, "related: [cert-lost]", "related: [cert-lots]")
    edit(certs, "    question: 海员证怎么申请？\n", "")
    edit(notices, "valid_until: 2099-12-31", "valid_until: 2099-13-31")
    with contacts.open("a", encoding="utf-8") as f:
        f.write("\n  - id: contact-hotline\n    question: 重复的条目\n    alternates: [重复]\n    answer: 重复\n")
    edit(settings, "faq: cert-lost}", "faq: cert-lots}")
    (kb / "04-broken.yaml").write_text("category: 其他\nfaqs:\n  - id: other-one\n   question: 缩进错了\n", encoding="utf-8")
    return kb


def test_check_reports_every_error_with_file_line_and_hint(broken_kb, monkeypatch):
    monkeypatch.chdir(broken_kb.parent)
    result = run("kb", "check", "kb")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if ": 错误: " in line]
    certs, notices, contacts = "kb/01-certificates.yaml", "kb/02-notices.yaml", "kb/03-contacts.yaml"
    expected = {
        f"{certs}:{line_of(broken_kb / '01-certificates.yaml', 'alternate:')}": "未知字段“alternate”",
        f"{certs}:{line_of(broken_kb / '01-certificates.yaml', 'id: cert-renew')}": "related 里的“cert-lots”不存在",
        f"{certs}:{line_of(broken_kb / '01-certificates.yaml', 'id: seapass-apply')}": "缺少必填字段“question”",
        f"{notices}:{line_of(broken_kb / '02-notices.yaml', 'valid_until:')}": "日期“2099-13-31”无效",
        f"{contacts}:{line_of(broken_kb / '03-contacts.yaml', '重复的条目') - 1}": "id“contact-hotline”重复",
        f"kb/settings.yaml:{line_of(broken_kb / 'settings.yaml', 'cert-lots')}": "指向的FAQ“cert-lots”不存在",
        "kb/04-broken.yaml:4": "YAML格式错误",
    }
    assert len(errors) == len(expected), result.output
    for where, message in expected.items():
        hits = [e for e in errors if e.startswith(f"{where}: 错误: ") and message in e]
        assert hits, f"missing {where} {message} in:\n{result.output}"
        assert hits[0].endswith("）"), "every error carries a hint in （）"
    assert "是不是想写“alternates”" in result.output
    # The FAQ whose "alternates:" is misspelt counts as having none: the only warning.
    assert result.output.strip().splitlines()[-1] == f"检查 kb：{len(expected)} 个错误，1 个警告"


def test_collected_errors_start_with_the_one_load_knowledge_raises(broken_kb):
    kb, errors = collect_knowledge(broken_kb)
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(broken_kb)
    assert str(errors[0]) == str(raised.value)
    assert len(errors) == 7
    assert kb is not None and "notice-list" in kb.by_id, "the valid parts still load"


def test_missing_id_looks_like_it_may_be_in_an_unreadable_file(tmp_path):
    kb = copy_kb(tmp_path)
    edit(kb / "03-contacts.yaml", "faqs:\n", "faqs:\n  - id: [\n")
    edit(kb / "01-certificates.yaml", "related: [cert-lost]", "related: [contact-hotline]")
    errors, _ = check_knowledge(kb)
    related = [e for e in errors if "related" in e.message]
    assert related and "03-contacts.yaml 有错误没能读取" in related[0].hint


def test_check_of_a_folder_without_faq_files(tmp_path):
    result = run("kb", "check", tmp_path)
    assert result.exit_code == 1
    assert "错误: 目录里没有FAQ文件" in result.output


# ---- kb check: warnings -------------------------------------------------------------------------

EXTRA_FAQS = """category: 其他
faqs:
  - id: misc-long
    question: 船舶登记需要哪些材料？
    alternates: [船舶登记要带什么]
    answer: |
      {long}
    source: 《船舶登记条例》

  - id: misc-plain
    question: 船舶检验去哪里申请？
    answer: 向船舶检验机构申请。

  - id: notice-old-dredging
    question: 某航道疏浚施工航行通告
    alternates: [航道疏浚施工什么时候结束]
    valid_from: 2001-01-01
    valid_until: 2001-01-31
    answer: 疏浚施工期间请减速慢行。
    source: 航行通告（示例）
"""


def test_check_warnings_exit_zero_and_name_the_problem(tmp_path):
    kb = copy_kb(tmp_path)
    long_answer = "船舶登记材料" * 120  # 720 characters, 2160 bytes
    (kb / "04-misc.yaml").write_text(EXTRA_FAQS.format(long=long_answer), encoding="utf-8")
    # An example of cert-lost that is really cert-renew's question: the engine answers cert-renew.
    edit(kb / "01-certificates.yaml", "      - 船员证丢了怎么补\n", "      - 船员证丢了怎么补\n      - 适任证书到期前要怎么延续\n")
    result = run("kb", "check", kb, "--at", "2026-11-26")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if ": 警告: " in line]
    misc, certs = kb / "04-misc.yaml", kb / "01-certificates.yaml"
    routed_line = [n for n, line in enumerate(certs.read_text(encoding="utf-8").splitlines(), 1)
                   if "适任证书到期前要怎么延续" in line][-1]

    def has(where, *parts):
        return any(w.startswith(f"{where}: 警告: ") and all(p in w for p in parts) for w in warnings)

    assert has(f"{certs}:{routed_line}", "examples", "（cert-lost）", "回答成了“cert-renew”")
    assert has(f"{misc}:{line_of(misc, 'id: misc-plain')}", "“misc-plain”没有 alternates")
    assert has(f"{misc}:{line_of(misc, 'id: misc-plain')}", "“misc-plain”没有写 source")
    assert has(f"{misc}:{line_of(misc, 'id: misc-long')}", "2160字节", "拆成几条")
    assert has(f"{misc}:{line_of(misc, 'id: notice-old-dredging')}", "已于2001-01-31过期")
    assert len(warnings) == 5, result.output
    assert result.output.strip().splitlines()[-1].endswith("0 个错误，5 个警告")


def test_alternate_that_reads_as_distress_is_flagged(tmp_path):
    kb = copy_kb(tmp_path)
    edit(kb / "03-contacts.yaml", "      - 海事服务热线\n", "      - 海事服务热线\n      - 船上着火了 快来人\n")
    _, warnings = check_knowledge(kb)
    assert [w.message for w in warnings] == [
        "alternates “船上着火了 快来人”（contact-hotline）会被当作险情处理（distress），这个说法永远不会回答本条"
    ]
    assert warnings[0].line == line_of(kb / "03-contacts.yaml", "船上着火了")


def test_menu_that_wechat_would_refuse_is_a_warning(tmp_path):
    kb = copy_kb(tmp_path)
    edit(kb / "settings.yaml", "- name: 航行通告", "- name: 航行通告和警告")
    edit(kb / "settings.yaml", "key: FAQ_HOURS", "key: FAQ_HOTLINE")
    errors, warnings = check_knowledge(kb)
    assert errors == []
    messages = [w.message for w in warnings]
    assert any("一级菜单名“航行通告和警告”有21字节" in m for m in messages)
    assert any("key“FAQ_HOTLINE”与“咨询电话”重复" in m for m in messages)


# ---- kb test ------------------------------------------------------------------------------------

def test_examples_all_pass():
    result = run("kb", "test", FIXTURE)
    assert result.exit_code == 0, result.output
    assert "通过 8，失败 0" in result.output


def test_example_miss_names_what_matched_instead(tmp_path):
    kb = copy_kb(tmp_path)
    edit(kb / "01-certificates.yaml", "      - 船员证丢了怎么补\n", "      - 船员证丢了怎么补\n      - 适任证书到期前要怎么延续\n")
    edit(kb / "03-contacts.yaml", "      - 海事局电话多少\n", "      - 海事局电话多少\n      - 今天天气怎么样\n")
    result = run("kb", "test", kb)
    assert result.exit_code == 1
    assert "失败 cert-lost: “适任证书到期前要怎么延续” → answer cert-renew（得分 " in result.output
    assert "失败 contact-hotline: “今天天气怎么样” → handoff（得分 " in result.output
    assert "通过 8，失败 2" in result.output


def test_faqs_not_active_that_day_are_skipped_and_said_so():
    result = run("kb", "test", FIXTURE, "--at", "2100-01-01")
    assert result.exit_code == 0, result.output
    assert "跳过 notice-bridge-works: 2100-01-01 不在有效期内（2000-01-01 至 2099-12-31）" in result.output
    assert "通过 7，失败 0，跳过 1 条FAQ" in result.output


def test_kb_test_on_a_broken_folder_reports_the_error(tmp_path):
    kb = copy_kb(tmp_path)
    edit(kb / "02-notices.yaml", "valid_until: 2099-12-31", "valid_until: 31.12.2099")
    result = run("kb", "test", kb)
    assert result.exit_code == 1
    assert "02-notices.yaml" in result.output and "日期请写成 YYYY-MM-DD" in result.output


# ---- kb stats -----------------------------------------------------------------------------------

def _raw_answers(kb: Path) -> list:
    answers = []
    for path in sorted(kb.glob("0*.yaml")):
        answers += [faq["answer"].strip() for faq in yaml.safe_load(path.read_text(encoding="utf-8"))["faqs"]]
    return answers


def test_stats_counts_categories_lengths_vocabulary_and_notices(tmp_path):
    kb = copy_kb(tmp_path)
    (kb / "04-misc.yaml").write_text(EXTRA_FAQS.format(long="很长的回答"), encoding="utf-8")
    answers = _raw_answers(kb)
    chars = [len(a) for a in answers]
    sizes = [len(a.encode("utf-8")) for a in answers]
    result = run("kb", "stats", kb, "--at", "2026-11-26")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "FAQ 共 10 条，4 个分类" in out
    for name, n in (("船员证书", 3), ("航行通告", 2), ("联系我们", 2), ("其他", 3)):
        assert any(line.strip().startswith(name) and line.strip().endswith(f" {n}") for line in out.splitlines()), name
    assert f"回答长度（字）：最短 {min(chars)}，中位数 {statistics.median(chars):g}，最长 {max(chars)}" in out
    assert f"回答长度（字节）：最短 {min(sizes)}，中位数 {statistics.median(sizes):g}，最长 {max(sizes)}" in out
    assert "词典词条 4 个；同义词 3 个标准词，6 个口语说法" in out
    assert "有期限的通告：有效 1，已过期 1，未生效 0" in out


# ---- help ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["kb"], ["kb", "check"], ["kb", "test"], ["kb", "stats"], ["kb", "suggest"],
    ["menu"], ["menu", "show"], ["menu", "push"],
])
def test_every_curator_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "例：" in result.output
    assert "python -m bot " + " ".join(command) in result.output


def test_check_names_every_file_it_cannot_read_and_checks_the_rest(tmp_path, monkeypatch):
    kb = copy_kb(tmp_path)
    dictionary, blob, synonyms = kb / "dictionary.txt", kb / "04-blob.yaml", kb / "synonyms.yaml"
    dictionary.write_bytes("适任证书 2000 n\n".encode("utf-8") + "海员证 1000 n\n".encode("gbk"))
    blob.write_bytes(b"category: x\nfaqs:\n  - id: blob\x00\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == synonyms.name:  # replaced by an editor between listing and reading
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    edit(kb / "01-certificates.yaml", "related: [cert-lost]", "related: [cert-lots]")
    result = run("kb", "check", kb)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), "an exit code, not a traceback"
    lines = result.output.splitlines()
    assert f"{dictionary}:2: 错误: 文件不是UTF-8编码：这一行有不能按UTF-8读取的字节" in "\n".join(lines)
    assert any(line.startswith(f"{blob}:3: 错误: 文件里有不能出现在YAML中的控制字符") for line in lines)
    assert any(line.startswith(f"{synonyms}: 错误: 读取时文件不见了") for line in lines)
    assert any("cert-lots" in line for line in lines), "the readable files are still checked"


# ---- synonyms written as one string; the served folder ------------------------------------------------------

KBTOOLS_KB = Path(__file__).parent / "fixtures" / "kbtools_kb"


@pytest.mark.parametrize("line", ["适任证书: 适任证, 船员证", "适任证书: [适任证，船员证]", "适任证书: [适任证、船员证]"])
def test_a_synonyms_list_written_as_one_string_is_reported_with_its_line(tmp_path, line):
    kb = tmp_path / "kb"
    shutil.copytree(KBTOOLS_KB, kb)
    (kb / "synonyms.yaml").write_text("# 同义词\n" + line + "\n", encoding="utf-8")
    errors, _ = check_knowledge(str(kb))
    [error] = [e for e in errors if e.path.endswith("synonyms.yaml")]
    assert error.line == 2 and "逗号" in error.message and "[适任证, 船员证]" in error.hint
    r = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert r.exit_code == 1 and "synonyms.yaml:2" in r.output


@pytest.mark.parametrize("command", [["kb", "check"], ["kb", "test"], ["kb", "stats"], ["ask", "船员证书丢了怎么补办"]])
def test_commands_read_the_served_folder_from_bot_knowledge_dir(tmp_path, command):
    kb = tmp_path / "served"
    shutil.copytree(KBTOOLS_KB, kb)
    (kb / "synonyms.yaml").write_text("适任证书: 适任证, 船员证\n", encoding="utf-8")
    r = CliRunner().invoke(main, command, env={"BOT_KNOWLEDGE_DIR": str(kb)})
    # The served folder (not the bundled one) is the one read: its broken synonyms file is named.
    assert f"{kb / 'synonyms.yaml'}:1" in r.output, r.output
    assert r.exit_code == 1
