"""Canned replies: knowledge/canned_replies.yaml, its checks (file:line, also in `kb check`), the bundled texts,
the buttons on the handoff page, and a reply still holding a blank to fill in."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from admin_support import add_handoff, app, db, post, staff_client  # noqa: F401
from bot.service import handoffs
from bot.cli import main
from bot.errors import KnowledgeError
from bot.kb.curator import check_knowledge
from bot.kb.loader import (CANNED_REPLIES_FILE, CANNED_TEXT_MAX, bundled_knowledge_dir, load_knowledge,
                           parse_canned_replies)

BUNDLED = Path(bundled_knowledge_dir()) / CANNED_REPLIES_FILE
FIXTURE_KB = Path(__file__).parent / "fixtures" / "kbtools_kb"


def bundled() -> dict:
    return {c.title: c.text for c in parse_canned_replies(BUNDLED)}


def test_the_bundled_file_is_valid_and_is_no_faq_file():
    errors = []
    replies = parse_canned_replies(BUNDLED, errors)
    assert not errors and len(replies) >= 3
    kb = load_knowledge(bundled_knowledge_dir())
    assert not any(Path(f.path).name == CANNED_REPLIES_FILE for f in kb.faqs)


def test_the_distress_acknowledgement_sends_the_user_to_12395_and_claims_nothing():
    [text] = [t for title, t in bundled().items() if "险情" in title]
    assert "12395" in text and "立即拨打" in text
    for claim in ("已通知", "已派", "已出动", "已联系", "正在赶", "救援船", "搜救中心已", "马上到"):
        assert claim not in text, claim


def test_the_bundled_file_has_a_complaint_reply_and_document_lists():
    titles = bundled()
    assert any("投诉" in t for t in titles)
    lists = [text for title, text in titles.items() if "材料" in title]
    assert len(lists) >= 2 and all("现行办事指南为准" in text for text in lists)
    blanks = [text for text in titles.values() if "【" in text]
    assert blanks and all(handoffs.PLACEHOLDER_MARK in text for text in blanks)


def test_a_canned_reply_fits_one_staff_reply():
    assert CANNED_TEXT_MAX == handoffs.MAX_REPLY_CHARS
    assert all(len(text) <= handoffs.MAX_REPLY_CHARS for text in bundled().values())


BROKEN = """\
replies:
  - title: 险情
    text: 请立即拨打12395。
  - title: 险情
    text: 重复的按钮
  - title: 投诉
    txt: 打错了字段名
  - title: 这个按钮上的字实在是太长太长了
    text: 太长
  - title: 很长的回复
    text: {long}
  - 只写了一句话
"""


@pytest.mark.parametrize("line, message", [
    (4, "title“险情”重复，第2行已用过"),
    (7, "常用回复中有未知字段“txt”"),
    (6, "缺少必填字段“text”"),
    (8, "太长（15字）"),
    (11, "text 太长（601字）"),
    (1, "replies 里的每一项都应当有 title 和 text"),
])
def test_errors_name_the_file_and_line(tmp_path, line, message):
    path = tmp_path / CANNED_REPLIES_FILE
    path.write_text(BROKEN.format(long="长" * 601), encoding="utf-8")
    errors = []
    replies = parse_canned_replies(path, errors)
    assert [r.title for r in replies] == ["险情"]
    found = [(e.line, e.message) for e in errors]
    assert any(n == line and message in m for n, m in found), found
    with pytest.raises(KnowledgeError):
        parse_canned_replies(path)


def test_a_file_that_is_not_a_list_of_replies_is_one_error(tmp_path):
    path = tmp_path / CANNED_REPLIES_FILE
    path.write_text("replies: 请拨打12395\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="replies:"):
        parse_canned_replies(path, [])
    assert parse_canned_replies(tmp_path / "none.yaml") == []


def test_kb_check_reports_canned_reply_errors_with_file_and_line(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    (kb / CANNED_REPLIES_FILE).write_text("replies:\n  - title: 投诉\n    txt: 打错了\n", encoding="utf-8")
    errors, _ = check_knowledge(kb)
    assert [(Path(e.path).name, e.line) for e in errors] == [(CANNED_REPLIES_FILE, 3), (CANNED_REPLIES_FILE, 2)]
    result = CliRunner().invoke(main, ["kb", "check", str(kb)])
    assert result.exit_code != 0
    assert re.search(rf"{CANNED_REPLIES_FILE}:3: 错误: 常用回复中有未知字段“txt”", result.output), result.output
    shutil.copy(BUNDLED, kb / CANNED_REPLIES_FILE)
    assert check_knowledge(kb)[0] == []


def test_the_handoff_page_offers_the_canned_replies_as_buttons(app, staff_client, db):
    kb = Path(app.config["BOT"].BOT_KNOWLEDGE_DIR)
    h = add_handoff(db, "oUser1", "船员证书丢了")
    assert "canned-reply" not in staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    shutil.copy(BUNDLED, kb / CANNED_REPLIES_FILE)
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    buttons = re.findall(r'<button type="button" class="canned-reply" data-text="([^"]*)"[^>]*>([^<]+)</button>', page)
    assert [title for _, title in buttons] == list(bundled())
    assert "canned.js" in page and "常用回复文件" not in page

    (kb / CANNED_REPLIES_FILE).write_text("replies:\n  - title: 投诉\n    txt: 打错了\n  - title: 好\n    text: 好的\n",
                                          encoding="utf-8")
    page = staff_client.get(f"/admin/handoffs/{h}").get_data(as_text=True)
    assert 'data-text="好的"' in page and "常用回复文件（canned_replies.yaml）有错误" in page


def test_a_reply_with_a_blank_left_is_not_sent(staff_client, db):
    h = add_handoff(db, "oUser1", "换证要什么材料")
    text = bundled()["材料清单（需填写）"]
    r = post(staff_client, f"/admin/handoffs/{h}/reply", text=text)
    assert r.status_code == 409
    assert "回复里还有要填写的地方" in r.get_data(as_text=True)
    assert list(db.query("select * from outbox")) == []
