"""The knowledge loader: every kind of mistake an editor can make is reported with its file and line."""
import codecs
import errno
import os
import random
import shutil
from pathlib import Path
from textwrap import dedent

import pytest

from bot.errors import KnowledgeError
from bot.kb.loader import load_knowledge
from bot.matching.settings import BUILT_IN_SETTINGS

FIXTURE_KB = Path(__file__).parent / "fixtures" / "engine_kb"

GOOD = """\
category: 测试分类
faqs:
  - id: good-one
    question: 海员证怎么申请？
    answer: 向海事管理机构申请。
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based number of the nth line of ``path`` that contains ``needle``."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not in {path}"
    return hits[nth - 1]


def load_error(directory: Path) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return caught.value


@pytest.fixture
def kb_dir(tmp_path):
    """A folder holding one valid FAQ file; each test adds the broken file."""
    write(tmp_path, "00-good.yaml", GOOD)
    return tmp_path


def assert_at(error: KnowledgeError, path: Path, line: int):
    assert error.path.endswith(path.name), error
    assert Path(error.path) == path
    assert error.line == line, error
    assert f"{path.name}:{line}" in str(error)


# ---- a valid folder ----------------------------------------------------------

def test_fixture_knowledge_base_loads(tmp_path):
    kb_copy = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb_copy)
    kb = load_knowledge(kb_copy)
    assert len(kb.faqs) == 21
    assert kb.categories == ["船员适任证书", "船员服务簿与海员证", "船舶检验与安全检查", "进出港报告与危险货物", "航行通告与联系方式"]
    dated = {f.id for f in kb.faqs if f.dated}
    assert dated == {"notice-dredging-2026", "notice-dragon-boat-2026"}
    assert kb.synonyms["服务薄"] == "服务簿"
    assert ("适任证书", 2000, "n") in kb.user_words
    assert kb.settings["office_hours"].startswith("工作日")
    faq = kb.by_id["cert-renew-sea"]
    assert Path(faq.path).name == "01-crew-certificates.yaml"
    assert faq.line == line_of(kb_copy / "01-crew-certificates.yaml", "id: cert-renew-sea")


def test_sub_folders_are_not_loaded(kb_dir):
    (kb_dir / "drafts").mkdir()
    write(kb_dir / "drafts", "broken.yaml", "category: [\n")
    kb = load_knowledge(kb_dir)
    assert [f.id for f in kb.faqs] == ["good-one"]


def test_dates_are_parsed(kb_dir):
    write(kb_dir, "10-notice.yaml", """\
        category: 通告
        faqs:
          - id: notice-one
            question: 某水道施工通告
            answer: 施工期间请减速。
            valid_from: 2026-11-01
            valid_until: 2026-12-31
        """)
    faq = load_knowledge(kb_dir).by_id["notice-one"]
    assert str(faq.valid_from) == "2026-11-01" and str(faq.valid_until) == "2026-12-31"


# ---- FAQ files ---------------------------------------------------------------

def test_invalid_yaml(kb_dir):
    path = write(kb_dir, "10-bad.yaml", """\
        category: 测试
        faqs:
          - id: bad-yaml
            question: 海员证怎么办: 要什么
            answer: 见指南
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "question:"))
    assert "YAML" in e.message


def test_unclosed_quote_points_at_the_quote(kb_dir):
    path = write(kb_dir, "10-bad.yaml", """\
        category: 测试
        faqs:
          - id: bad-quote
            question: "海员证怎么办
            answer: 见指南
          - id: next-one
            question: 服务簿
            answer: 见指南
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, '"海员证怎么办'))


@pytest.mark.parametrize("missing", ["question", "answer", "id"])
def test_missing_required_field(kb_dir, missing):
    fields = {"id": "id: no-field", "question": "question: 服务簿在哪办？", "answer": "answer: 在海事局办。"}
    del fields[missing]
    body = "\n".join(f"    {v}" if i else f"  - {v}" for i, v in enumerate(fields.values()))
    path = write(kb_dir, "10-missing.yaml", f"category: 测试\nfaqs:\n  - id: first-ok\n    question: q\n    answer: a\n{body}\n")
    e = load_error(kb_dir)
    first_line_of_item = line_of(path, "  - ", nth=2)
    assert_at(e, path, first_line_of_item)
    assert missing in e.message


def test_empty_answer(kb_dir):
    path = write(kb_dir, "10-empty.yaml", """\
        category: 测试
        faqs:
          - id: empty-answer
            question: 服务簿在哪办？
            answer: ""
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "answer:"))


def test_duplicate_id_across_two_files_names_the_first_place(tmp_path):
    first = write(tmp_path, "01-first.yaml", """\
        category: 甲
        faqs:
          - id: seapass-apply
            question: 海员证怎么申请？
            answer: 向海事管理机构申请。
        """)
    second = write(tmp_path, "02-second.yaml", """\
        category: 乙
        faqs:
          - id: other-one
            question: 服务簿在哪办？
            answer: 在海事局办。
          - id: seapass-apply
            question: 海员证办理
            answer: 重复的一条。
        """)
    e = load_error(tmp_path)
    assert_at(e, second, line_of(second, "id: seapass-apply"))
    assert f"{first}:{line_of(first, 'id: seapass-apply')}" in e.message
    assert "seapass-apply" in e.message


@pytest.mark.parametrize("key, value", [
    ("valid_from", "2026-13-01"),
    ("valid_until", "2026-02-30"),
    ("valid_from", "2026/11/01"),
    ("valid_until", "明年"),
])
def test_bad_date(kb_dir, key, value):
    path = write(kb_dir, "10-date.yaml", f"""\
        category: 通告
        faqs:
          - id: bad-date
            question: 某水道施工通告
            answer: 施工期间请减速。
            {key}: {value}
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, f"{key}:"))
    assert value in e.message
    assert "YYYY-MM-DD" in e.hint


def test_valid_until_before_valid_from(kb_dir):
    path = write(kb_dir, "10-date.yaml", """\
        category: 通告
        faqs:
          - id: swapped-dates
            question: 某水道施工通告
            answer: 施工期间请减速。
            valid_from: 2026-12-31
            valid_until: 2026-11-01
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "valid_until:"))


def test_unknown_key_suggests_the_right_one(kb_dir):
    path = write(kb_dir, "10-key.yaml", """\
        category: 测试
        faqs:
          - id: typo-key
            question: 服务簿在哪办？
            alternate: [服务簿去哪里办]
            answer: 在海事局办。
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "alternate:"))
    assert "alternate" in e.message
    assert "alternates" in e.hint


def test_unknown_top_level_key(kb_dir):
    path = write(kb_dir, "10-key.yaml", """\
        category: 测试
        faq:
          - id: typo-key
            question: 服务簿在哪办？
            answer: 在海事局办。
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "faq:"))
    assert "faqs" in e.hint


@pytest.mark.parametrize("bad_id", ["Cert_Renew", "cert renew", "证书-1", "-cert", "cert--renew", "cert-"])
def test_bad_id_format(kb_dir, bad_id):
    path = write(kb_dir, "10-id.yaml", f"""\
        category: 测试
        faqs:
          - question: 服务簿在哪办？
            answer: 在海事局办。
            id: "{bad_id}"
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "id:"))
    assert bad_id in e.message


def test_unknown_related_id(kb_dir):
    path = write(kb_dir, "10-related.yaml", """\
        category: 测试
        faqs:
          - id: has-related
            question: 服务簿在哪办？
            answer: 在海事局办。
            related: [good-one, no-such-faq]
        """)
    e = load_error(kb_dir)
    assert e.path.endswith(path.name)
    # The FAQ's first line or the related: line both lead the editor to the mistake.
    assert e.line in (line_of(path, "id: has-related"), line_of(path, "related:")), e
    assert "no-such-faq" in e.message


def test_tab_indentation(kb_dir):
    path = kb_dir / "10-tab.yaml"
    path.write_text("category: 测试\nfaqs:\n  - id: tabbed\n    question: 服务簿在哪办？\n\tanswer: 在海事局办。\n", encoding="utf-8")
    e = load_error(kb_dir)
    assert_at(e, path, 5)
    assert "Tab" in e.message


def test_duplicate_key_in_one_faq(kb_dir):
    path = write(kb_dir, "10-dupkey.yaml", """\
        category: 测试
        faqs:
          - id: dup-key
            question: 服务簿在哪办？
            answer: 在海事局办。
            question: 服务簿在哪里办理？
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "question:", nth=2))


# ---- settings, synonyms, dictionary -----------------------------------------

def test_bad_settings_key(kb_dir):
    path = write(kb_dir, "settings.yaml", """\
        office_hours: 工作日 9:00-17:00
        threshold:
          answer: 60
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "threshold:"))
    assert "thresholds" in e.hint


def test_threshold_out_of_range(kb_dir):
    path = write(kb_dir, "settings.yaml", """\
        thresholds:
          answer: 60
          clarify: 140
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "clarify:"))


@pytest.mark.parametrize("key", ["emergency_text", "self_harm_text"])
def test_an_emergency_reply_without_12395_is_an_error_at_its_line(kb_dir, key):
    # A user in danger reads only this text: a curator's rewrite that drops the number must not go live.
    path = write(kb_dir, "settings.yaml", f"""\
        office_hours: 工作日 9:00-17:00
        {key}: |
          请保持冷静，联系海事部门。
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, f"{key}:"))
    assert "12395" in e.message and "12395" in e.hint


def test_an_emergency_reply_that_gives_12395_loads(kb_dir):
    write(kb_dir, "settings.yaml", """\
        self_harm_text: 请立即拨打 12395，想找人说说话请拨打 12356。
        """)
    assert load_knowledge(kb_dir).settings["self_harm_text"].startswith("请立即拨打 12395")


def test_embedding_threshold_out_of_range(kb_dir):
    path = write(kb_dir, "settings.yaml", """\
        embedding_thresholds:
          answer: 60
          margin: -3
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "margin:"))


def test_embedding_thresholds_merge_key_by_key(kb_dir):
    write(kb_dir, "settings.yaml", """\
        embedding_thresholds: {answer: 50}
        """)
    settings = load_knowledge(kb_dir).settings
    assert settings["embedding_thresholds"] == {**BUILT_IN_SETTINGS["embedding_thresholds"], "answer": 50.0}
    assert settings["thresholds"] == BUILT_IN_SETTINGS["thresholds"]


def test_menu_points_at_unknown_faq(kb_dir):
    path = write(kb_dir, "settings.yaml", """\
        menu:
          - name: 办事指南
            items:
              - {name: 海员证, key: MENU_SEAPASS, faq: good-one}
              - {name: 服务簿, key: MENU_BOOK, faq: no-such-faq}
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "no-such-faq"))


def test_synonym_variant_with_two_standards(kb_dir):
    path = write(kb_dir, "synonyms.yaml", """\
        适任证书: [船员证, 适任证]
        海员证: [海员护照, 船员证]
        """)
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "海员证:"))
    assert "船员证" in e.message


@pytest.mark.parametrize("bad_line", ["适任证书 很多 n", "适任证书 2000 n 多余", "海事通 n"])
def test_bad_dictionary_line(kb_dir, bad_line):
    path = kb_dir / "dictionary.txt"
    path.write_text(f"# 海事词典\n适任证书 2000 n\n\n海员证\n{bad_line}\n服务簿 500\n", encoding="utf-8")
    e = load_error(kb_dir)
    assert_at(e, path, 5)
    assert bad_line in e.message


def test_error_text_is_file_line_message_hint(kb_dir):
    path = write(kb_dir, "10-key.yaml", """\
        category: 测试
        faqs:
          - id: typo-key
            question: 服务簿在哪办？
            anwser: 在海事局办。
        """)
    e = load_error(kb_dir)
    assert str(e).startswith(f"{path}:{line_of(path, 'anwser:')}: ")
    assert "answer" in str(e)


# ---- files that cannot be read as text, or cannot be read at all ---------------------------------


def refuse(monkeypatch, name: str, code: int) -> None:
    """Reading the file called ``name`` fails as the operating system would (the tests run as root: chmod cannot)."""
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == name:
            raise OSError(code, os.strerror(code), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_dictionary_that_is_not_utf8_names_the_line_of_its_first_bad_byte(kb_dir):
    path = kb_dir / "dictionary.txt"
    path.write_bytes("# 海事词典\n适任证书 2000 n\n".encode("utf-8") + "海员证 1000 n\n服务簿 500\n".encode("gbk"))
    e = load_error(kb_dir)
    assert_at(e, path, 3)
    assert "UTF-8" in e.message and "UTF-8" in e.hint


def test_faq_file_that_is_not_utf8_names_the_line_of_its_first_bad_byte(kb_dir):
    path = kb_dir / "10-gbk.yaml"
    path.write_bytes(b"category: gbk\nfaqs:\n  - id: gbk-one\n" + "    question: 海员证怎么申请？\n".encode("gbk"))
    e = load_error(kb_dir)
    assert_at(e, path, 4)
    assert "UTF-8" in e.message


@pytest.mark.parametrize("name, text", [
    ("10-faq.yaml", GOOD.replace("good-one", "utf16-one")),
    ("settings.yaml", "office_hours: 工作日全天\n"),
    ("synonyms.yaml", "适任证书: [船员证]\n"),
    ("dictionary.txt", "适任证书 2000 n\n"),
], ids=["faq", "settings", "synonyms", "dictionary"])
def test_a_file_saved_as_utf16_is_reported_at_line_1(kb_dir, name, text):
    path = kb_dir / name
    path.write_bytes(text.encode("utf-16"))  # Windows Notepad's "Unicode"
    e = load_error(kb_dir)
    assert_at(e, path, 1)
    assert "UTF-8" in e.message


def test_a_leading_byte_order_mark_is_accepted(kb_dir):
    # Windows Notepad writes one when told to save as UTF-8.
    (kb_dir / "dictionary.txt").write_bytes(codecs.BOM_UTF8 + "适任证书 2000 n\n".encode("utf-8"))
    (kb_dir / "synonyms.yaml").write_bytes(codecs.BOM_UTF8 + "适任证书: [船员证]\n".encode("utf-8"))
    kb = load_knowledge(kb_dir)
    assert kb.user_words == [("适任证书", 2000, "n")]
    assert kb.synonyms == {"船员证": "适任证书"}


def test_a_binary_blob_named_yaml_is_reported_by_name(kb_dir):
    path = kb_dir / "20-blob.yaml"
    path.write_bytes(random.Random(10).randbytes(4096))
    e = load_error(kb_dir)
    assert Path(e.path) == path and e.line
    assert "UTF-8" in e.message


def test_control_characters_in_yaml_name_their_line(kb_dir):
    path = write(kb_dir, "20-control.yaml", GOOD.replace("good-one", "control-one").replace("海事管理机构", "海事\x00管理机构"))
    e = load_error(kb_dir)
    assert_at(e, path, line_of(path, "answer:"))
    assert "控制字符" in e.message


def test_absurdly_deep_nesting_is_an_error_not_a_crash(kb_dir):
    path = kb_dir / "20-deep.yaml"
    path.write_text("category: 深\nfaqs: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    e = load_error(kb_dir)
    assert Path(e.path) == path and "嵌套" in e.message


@pytest.mark.parametrize("name", ["00-good.yaml", "settings.yaml", "synonyms.yaml", "dictionary.txt"])
@pytest.mark.parametrize("code, words", [(errno.ENOENT, "不见了"), (errno.EACCES, "没有权限"), (errno.EIO, "无法读取")],
                         ids=["gone", "refused", "disk-error"])
def test_a_file_gone_or_refused_while_loading_is_named(kb_dir, monkeypatch, name, code, words):
    """Deleted or replaced between listing and reading, not permitted, or a disk error: a KnowledgeError, not an OSError."""
    if not (kb_dir / name).exists():
        write(kb_dir, name, {"settings.yaml": "office_hours: 工作日\n", "synonyms.yaml": "适任证书: [船员证]\n",
                             "dictionary.txt": "适任证书 2000 n\n"}[name])
    refuse(monkeypatch, name, code)
    e = load_error(kb_dir)
    assert Path(e.path) == kb_dir / name and e.line is None
    assert words in e.message


def test_an_entry_that_cannot_even_be_examined_is_named_not_skipped(kb_dir, monkeypatch):
    write(kb_dir, "10-locked.yaml", GOOD.replace("good-one", "locked-one"))
    real_stat = Path.stat

    def stat(self, *, follow_symlinks=True):
        if self.name == "10-locked.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    refuse(monkeypatch, "10-locked.yaml", errno.EACCES)
    e = load_error(kb_dir)
    assert Path(e.path) == kb_dir / "10-locked.yaml"
    assert "没有权限" in e.message


def test_a_folder_that_cannot_be_listed_is_named(kb_dir, monkeypatch):
    real = Path.iterdir

    def iterdir(self):
        if self == kb_dir:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    e = load_error(kb_dir)
    assert Path(e.path) == kb_dir
    assert "知识库目录无法读取" in e.message and "没有权限" in e.message
