"""Load and validate a knowledge base: a folder of FAQ YAML files plus optional auxiliary files.

Layout of a knowledge folder (every file except the FAQ files is optional):
- ``*.yaml``: FAQ files, one category each (``category:`` and ``faqs:``);
- ``settings.yaml``: thresholds, welcome / handoff / emergency texts, distress and handoff words, menu;
- ``synonyms.yaml``: ``standard term: [colloquial variant, ...]``;
- ``dictionary.txt``: a jieba user dictionary (``word [freq] [tag]`` per line);
- ``canned_replies.yaml``: staff's canned replies (``replies:``, each a ``title`` and a ``text``), read by the
  handoff page, never by the bot.
Sub-folders (such as ``drafts/``) are never loaded. Every file is UTF-8. Whatever is wrong with a file (its
encoding, its YAML, its content, or that it vanished or may not be read mid-load) is a KnowledgeError naming
the file and, where there is one, the line.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..clock import today_local
from ..errors import KnowledgeError
from ..matching.settings import BUILT_IN_SETTINGS, built_in_settings, combine

SETTINGS_FILE = "settings.yaml"
SYNONYMS_FILE = "synonyms.yaml"
DICTIONARY_FILE = "dictionary.txt"
CANNED_REPLIES_FILE = "canned_replies.yaml"
RESERVED = {SETTINGS_FILE, SYNONYMS_FILE, CANNED_REPLIES_FILE}
CANNED_REPLY_KEYS = {"title", "text"}
# A canned reply's button label fits a phone's row; its text fits one staff reply
# (bot.service.handoffs.MAX_REPLY_CHARS).
CANNED_TITLE_MAX = 12
CANNED_TEXT_MAX = 600

FAQ_KEYS = {
    "id", "question", "alternates", "keywords", "answer", "related",
    "valid_from", "valid_until", "examples", "source", "verified", "note", "example", "places",
}
FAQ_REQUIRED = ("id", "question", "answer")
FILE_KEYS = {"category", "faqs"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# The built-in settings (bot/matching/data/settings.yaml) name every key a folder's settings.yaml may set.
# ``examples:`` names the folder's settings that still hold sample values (the shipped office hours): served in a
# local trial, reported when production settings are present (see example_content).
SETTINGS_KEYS = set(BUILT_IN_SETTINGS) | {"examples"}
# The replies a user in danger reads: each must give the water emergency number.
EMERGENCY_TEXTS = ("emergency_text", "self_harm_text")
EMERGENCY_NUMBER = "12395"
EXAMPLE_SETTINGS = {k for k, v in BUILT_IN_SETTINGS.items() if isinstance(v, str)}
THRESHOLD_KEYS = set(BUILT_IN_SETTINGS["thresholds"])
SMALLTALK_KEYS = set(BUILT_IN_SETTINGS["smalltalk"])
FEEDBACK_KEYS = set(BUILT_IN_SETTINGS["feedback"])


@dataclass(frozen=True)
class FAQ:
    """One question-and-answer entry."""

    id: str
    category: str
    question: str
    answer: str
    alternates: tuple = ()
    keywords: tuple = ()
    examples: tuple = ()
    related: tuple = ()
    source: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    # Curators' provenance, never shown to users: verified=False until checked against the current rules; note says what.
    verified: bool = True
    note: str = ""
    # A fictional entry shipped for a local trial (the example notices); must be removed before going live.
    example: bool = False
    # The waters a notice is about, for subscribers of those places (empty: found in its text, see bot/service/notices.py).
    places: tuple = ()
    path: str = ""
    line: int = 0

    @property
    def dated(self) -> bool:
        """True for time-bound entries such as navigation notices."""
        return self.valid_from is not None or self.valid_until is not None

    def active(self, day: dt.date) -> bool:
        """Whether this FAQ may be served on ``day``."""
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_until and day > self.valid_until:
            return False
        return True


@dataclass
class KnowledgeBase:
    """A loaded, validated knowledge base."""

    directory: str
    faqs: list
    settings: dict
    synonyms: dict = field(default_factory=dict)  # variant -> standard term
    user_words: list = field(default_factory=list)  # (word, freq or None, tag or None)
    files: list = field(default_factory=list)

    def __post_init__(self):
        self.by_id = {f.id: f for f in self.faqs}

    @property
    def categories(self) -> list:
        """Category names in file order."""
        seen = []
        for f in self.faqs:
            if f.category not in seen:
                seen.append(f.category)
        return seen

    @property
    def unverified(self) -> list:
        """FAQs marked ``verified: false`` (still to be checked against the current rules), in file order."""
        return [f for f in self.faqs if not f.verified]

    def example_content(self) -> list:
        """Sample content that must not go live, in staff words: example FAQs and settings flagged ``examples:``."""
        out = [f"{f.id}（{Path(f.path).name}:{f.line}）" for f in self.faqs if f.example]
        out += [f"{SETTINGS_FILE} 的 {name}" for name in self.settings.get("examples", [])]
        return out

    def in_category(self, name: str, day: dt.date | None = None) -> list:
        """FAQs of one category, optionally only those active on ``day``."""
        return [f for f in self.faqs if f.category == name and (day is None or f.active(day))]


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line = 0
    key_lines: dict


# libyaml's parser when installed (several times faster on large knowledge bases), else the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader that records line numbers and leaves dates as text (we parse them ourselves)."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise KnowledgeError("", key_node.start_mark.line + 1, "键名必须是文字")
        key = str(key)
        if key in result:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


class _DuplicateKey(Exception):
    def __init__(self, key, line):
        self.key, self.line = key, line


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _reason(error: OSError) -> tuple:
    """(message, hint) in staff words for a file the operating system would not let us read."""
    if isinstance(error, FileNotFoundError):
        return "读取时文件不见了，可能刚被删除或替换", "文件保存完成后会自动重新加载；kb check 可以再运行一次"
    if isinstance(error, PermissionError):
        return "没有权限读取", "让运行机器人的用户能够读取它（检查文件和目录的权限）"
    if isinstance(error, IsADirectoryError):
        return "这是一个目录，不是文件", "把它改名，或移到别处"
    return f"无法读取：{error.strerror or error}", ""


def read_text(path: Path) -> str:
    """A knowledge file's text: UTF-8, a leading BOM allowed (Windows Notepad writes one).

    Raises KnowledgeError: a file that is not UTF-8 at the line holding its first bad byte, a file that is gone,
    replaced or not permitted while being read by its name.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise KnowledgeError(path, None, *_reason(e)) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise KnowledgeError(
            path, line, "文件不是UTF-8编码：这一行有不能按UTF-8读取的字节",
            "请用UTF-8编码另存此文件：在记事本或WPS里“另存为”，编码选UTF-8",
        ) from None


def read_yaml(path: Path):
    """Parse one YAML file with line numbers; raise KnowledgeError with file and line on bad YAML."""
    text = read_text(path)
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise KnowledgeError(path, line, "YAML中不能使用Tab缩进", "请把Tab换成空格")
    try:
        return yaml.load(text, Loader=_Loader)
    except _DuplicateKey as e:
        raise KnowledgeError(path, e.line, f"同一层里重复出现了“{e.key}”", "删除或合并重复的一项") from None
    except KnowledgeError as e:
        raise KnowledgeError(path, e.line, e.message, e.hint) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        # At the end of the file the problem mark points past the last line; the context mark
        # (an unclosed quote or bracket) is where the staff member has to look.
        if e.context_mark is not None and (mark is None or mark.line >= text.count("\n")):
            mark = e.context_mark
        line = mark.line + 1 if mark else None
        problem = e.problem or e.context or "格式错误"
        raise KnowledgeError(
            path, line, f"YAML格式错误：{problem}",
            "检查这一行及上一行的缩进、冒号后的空格和引号是否成对",
        ) from None
    except yaml.reader.ReaderError as e:
        # libyaml counts the position in bytes, the pure-Python parser in characters: find the character instead.
        at = text.find(chr(e.character))
        raise KnowledgeError(
            path, text[:at].count("\n") + 1 if at >= 0 else None,
            f"文件里有不能出现在YAML中的控制字符（U+{e.character:04X}），可能是二进制文件或复制时带进来的",
            "删掉这个字符；如果整个文件都是乱码，请从备份恢复",
        ) from None
    except yaml.YAMLError as e:
        raise KnowledgeError(path, None, f"YAML格式错误：{e}") from None
    except RecursionError:
        raise KnowledgeError(path, None, "YAML嵌套层数太多", "知识库文件只需要几层缩进，检查是否有成串的括号或缩进") from None


def _line(mapping, key=None):
    if isinstance(mapping, _LineDict):
        if key is not None and key in mapping.key_lines:
            return mapping.key_lines[key]
        return mapping.line
    return None


def _closest(word, choices):
    """The allowed key nearest to a misspelt one, for the hint."""
    from rapidfuzz import process

    best = process.extractOne(word, sorted(choices))
    return best[0] if best and best[1] >= 60 else None


def _report(errors, error):
    """Raise ``error``, or append it when the caller gathers every problem (``errors`` is a list)."""
    if errors is None:
        raise error
    errors.append(error)


def _check_keys(path, mapping, allowed, what, errors=None):
    for key in mapping:
        if key not in allowed:
            near = _closest(key, allowed)
            hint = f"是不是想写“{near}”？" if near else f"可用的字段：{', '.join(sorted(allowed))}"
            _report(errors, KnowledgeError(path, _line(mapping, key), f"{what}中有未知字段“{key}”", hint))


def _text(path, mapping, key, required=False):
    value = mapping.get(key)
    if value is None:
        if required:
            raise KnowledgeError(path, _line(mapping), f"缺少必填字段“{key}”", f"请为这一条加上 {key}:")
        return ""
    if isinstance(value, (dict, list)):
        raise KnowledgeError(path, _line(mapping, key), f"“{key}”应当是一段文字", "不要在这里写列表或子项")
    value = str(value).strip()
    if required and not value:
        raise KnowledgeError(path, _line(mapping, key), f"“{key}”不能为空", "填上内容，或删掉这一行")
    return value


def _text_list(path, mapping, key):
    value = mapping.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
        raise KnowledgeError(path, _line(mapping, key), f"“{key}”应当是文字列表", "写法：[词1, 词2] 或每行一个“- 词”")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _flag(path, mapping, key, default):
    """A yes/no field: YAML true / false only (a quoted "false" is text and would read as true)."""
    value = mapping.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise KnowledgeError(path, _line(mapping, key), f"“{key}”只能写 true 或 false，现在是“{value}”",
                             f"写成 {key}: false（不要加引号）")
    return value


# An example (``example: true``) may date itself relative to the day the knowledge base is loaded for: ``+3d`` is
# three days after it, ``-10d`` ten days before. A fresh install then serves its example notices, and ``kb check``
# finds none expired, on whatever day it runs. A real notice keeps real dates: an offset on it is an error.
RELATIVE_DATE_RE = re.compile(r"^([+-]?\d{1,4})d$")


def _date(path, mapping, key, today: dt.date, example: bool):
    value = mapping.get(key)
    if value is None or value == "":
        return None
    text = str(value).strip()
    relative = RELATIVE_DATE_RE.match(text)
    if relative:
        if not example:
            raise KnowledgeError(
                path, _line(mapping, key), f"“{key}”写的是相对日期“{text}”，只有示例（example: true）可以这样写",
                "真实通告请写具体日期，例如 2026-11-01",
            )
        return today + dt.timedelta(days=int(relative.group(1)))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KnowledgeError(
            path, _line(mapping, key), f"“{key}”的日期“{value}”无效",
            "日期请写成 YYYY-MM-DD，例如 2026-11-01（示例通告也可以写相对天数，例如 +3d、-10d）",
        ) from None


def _with_dates(answer: str, valid_from, valid_until) -> str:
    """The answer with ``{valid_from}`` / ``{valid_until}`` written out as dates (2026年12月2日), where the FAQ has them."""
    for key, day in (("valid_from", valid_from), ("valid_until", valid_until)):
        if day is not None:
            answer = answer.replace("{" + key + "}", f"{day.year}年{day.month}月{day.day}日")
    return answer


def parse_faq_file(path: Path, errors: list | None = None, today: dt.date | None = None) -> list:
    """Read one FAQ file into FAQ objects (cross-file checks are done by the caller).

    Given an ``errors`` list, problems inside FAQs are appended to it and those FAQs left out instead of
    raising the first; a file that cannot be read as a whole still raises.
    """
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(path, 1, "文件应以“category:”和“faqs:”开头", "参考 knowledge/README.md 中的示例")
    _check_keys(path, data, FILE_KEYS, "文件顶层", errors)
    category = _text(path, data, "category", required=True)
    items = data.get("faqs")
    if not isinstance(items, list) or not items:
        raise KnowledgeError(path, _line(data, "faqs") or _line(data), "“faqs:”下面应当至少有一条FAQ", "每条以“- id:”开头")
    faqs = []
    for item in items:
        try:
            faqs.append(_parse_faq(path, category, data, item, errors, today or today_local()))
        except KnowledgeError as e:
            _report(errors, e)
    return faqs


def _parse_faq(path, category, data, item, errors, today):
    if not isinstance(item, dict):
        raise KnowledgeError(path, _line(data, "faqs"), "faqs 里的每一项都应当是一条FAQ（以“- id:”开头）")
    _check_keys(path, item, FAQ_KEYS, "FAQ", errors)
    for key in FAQ_REQUIRED:
        _text(path, item, key, required=True)
    faq_id = _text(path, item, "id", required=True)
    if not ID_RE.match(faq_id):
        raise KnowledgeError(
            path, _line(item, "id"), f"id“{faq_id}”格式不对", "只能用小写字母、数字和“-”，例如 cert-renew-sea"
        )
    example = _flag(path, item, "example", False)
    valid_from = _date(path, item, "valid_from", today, example)
    valid_until = _date(path, item, "valid_until", today, example)
    if valid_from and valid_until and valid_until < valid_from:
        raise KnowledgeError(path, _line(item, "valid_until"), "valid_until 早于 valid_from", "检查两个日期是否写反")
    return FAQ(
        id=faq_id,
        category=category,
        question=_text(path, item, "question", required=True),
        answer=_with_dates(_text(path, item, "answer", required=True), valid_from, valid_until),
        alternates=_text_list(path, item, "alternates"),
        keywords=_text_list(path, item, "keywords"),
        examples=_text_list(path, item, "examples"),
        related=_text_list(path, item, "related"),
        source=_text(path, item, "source"),
        valid_from=valid_from,
        valid_until=valid_until,
        verified=_flag(path, item, "verified", True),
        note=_text(path, item, "note"),
        example=example,
        places=_text_list(path, item, "places"),
        path=str(path),
        line=_line(item) or 0,
    )


def parse_settings(path: Path, errors: list | None = None) -> dict:
    """Read settings.yaml and combine it with the built-in settings by the one rule of
    ``bot.matching.settings.combine`` (lists add, mappings merge key by key, texts and numbers replace).

    Given an ``errors`` list, bad entries are collected there and left out."""
    if not _there(Path.exists, path):
        return built_in_settings()
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise KnowledgeError(path, 1, "settings.yaml 应当是“键: 值”的形式")
    _check_keys(path, data, SETTINGS_KEYS, "设置", errors)
    own = {}
    for key, value in data.items():
        if key not in SETTINGS_KEYS:
            continue
        try:
            _parse_setting(path, data, key, value, own, errors)
        except KnowledgeError as e:
            _report(errors, e)
    settings = combine(built_in_settings(), own)
    for key in EMERGENCY_TEXTS:
        if key in own and EMERGENCY_NUMBER not in own[key]:
            _report(errors, KnowledgeError(path, _line(data, key), f"{key} 里没有水上遇险求救电话 {EMERGENCY_NUMBER}",
                                           f"遇险的用户只看到这段话：请写上“请立即拨打 {EMERGENCY_NUMBER} 水上遇险求救电话”"))
    for pattern in settings["distress_patterns"]:
        try:
            re.compile(pattern)
        except re.error as e:
            _report(errors, KnowledgeError(path, _line(data, "distress_patterns"), f"正则表达式“{pattern}”有误：{e}"))
    return settings


def _parse_setting(path, data, key, value, own, errors):
    """Validate one key of a folder's settings.yaml into ``own`` (the folder's values, before combining)."""
    if key in ("thresholds", "embedding_thresholds"):
        if not isinstance(value, dict):
            raise KnowledgeError(path, _line(data, key), f"{key} 应当包含 answer / clarify / margin")
        _check_keys(path, value, THRESHOLD_KEYS, key)
        own[key] = {}
        for k, v in value.items():
            if not isinstance(v, (int, float)) or not 0 <= v <= 100:
                raise KnowledgeError(path, _line(value, k), f"阈值 {k} 应当是0到100之间的数", "例如 answer: 62")
            own[key][k] = float(v)
    elif key == "smalltalk":
        if not isinstance(value, dict):
            raise KnowledgeError(path, _line(data, key), "smalltalk 应当包含 greeting / thanks / bye")
        _check_keys(path, value, SMALLTALK_KEYS, "smalltalk")
        own["smalltalk"] = {k: _text(path, value, k, required=True) for k in value}
    elif key == "menu":
        own["menu"] = _parse_menu(path, data, value, errors)
    elif key == "feedback":
        own["feedback"] = _parse_feedback(path, data, value)
    elif key == "examples":
        names = list(_text_list(path, data, key))
        for name in names:
            if name not in EXAMPLE_SETTINGS:
                raise KnowledgeError(path, _line(data, key), f"examples 里的“{name}”不是可以标为示例的文字设置",
                                     f"可写：{', '.join(sorted(EXAMPLE_SETTINGS))}")
        own["examples"] = names
    elif isinstance(BUILT_IN_SETTINGS[key], list):
        own[key] = list(_text_list(path, data, key))
    else:
        own[key] = _text(path, data, key, required=True)


# ``feedback: {ask: …}``: YAML reads a bare on / off as true / false, so both spellings are taken.
FEEDBACK_ASK = {"on": "on", True: "on", "off": "off", False: "off", "below": "below"}


def _parse_feedback(path, data, value):
    """``feedback: {ask: on | off | below, below_score: 0-100, prompt: text}``, any of the three."""
    if not isinstance(value, dict):
        raise KnowledgeError(path, _line(data, "feedback"), "feedback 应当包含 ask / below_score / prompt",
                             "例如 feedback: {ask: below, below_score: 60}")
    _check_keys(path, value, FEEDBACK_KEYS, "feedback")
    out = {}
    if "ask" in value:
        ask = value["ask"]
        if isinstance(ask, str):
            ask = ask.strip().lower()
        if not isinstance(ask, (str, bool)) or ask not in FEEDBACK_ASK:
            raise KnowledgeError(path, _line(value, "ask"), f"feedback 的 ask 写的是“{value['ask']}”",
                                 "可写 on（每次回答都提示）、off（不提示）或 below（得分低于 below_score 时提示）")
        out["ask"] = FEEDBACK_ASK[ask]
    if "below_score" in value:
        score = value["below_score"]
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 100:
            raise KnowledgeError(path, _line(value, "below_score"), "below_score 应当是0到100之间的数",
                                 "例如 below_score: 60")
        out["below_score"] = float(score)
    if "prompt" in value:
        out["prompt"] = _text(path, value, "prompt", required=True)
    return out


MENU_ITEM_KEYS = {"name", "key", "faq", "category", "items", "url", "action"}
# What a menu button may do besides answering a FAQ or listing a category (bot/service/notices.py).
MENU_ACTIONS = {"subscribe_notices": "订阅航行通告", "unsubscribe_notices": "退订航行通告"}


def _parse_menu(path, parent, value, errors=None):
    if not isinstance(value, list):
        raise KnowledgeError(path, _line(parent, "menu"), "menu 应当是按钮列表")
    if len(value) > 3:
        raise KnowledgeError(path, _line(parent, "menu"), "公众号菜单最多3个一级按钮", "多出的按钮放进某个按钮的 items: 里")
    buttons = []
    for top in value:
        try:
            buttons.append(_menu_button(path, parent, top))
        except KnowledgeError as e:
            _report(errors, e)
    return buttons


def _menu_button(path, parent, top):
    if not isinstance(top, dict):
        raise KnowledgeError(path, _line(parent, "menu"), "菜单的每一项都应当有 name")
    _check_keys(path, top, MENU_ITEM_KEYS, "菜单")
    name = _text(path, top, "name", required=True)
    items = top.get("items")
    if items is None:
        return _menu_leaf(path, top)
    if not isinstance(items, list) or not 1 <= len(items) <= 5:
        raise KnowledgeError(path, _line(top, "items"), "每个一级按钮下应有1到5个子按钮")
    subs = []
    for item in items:
        if not isinstance(item, dict):
            raise KnowledgeError(path, _line(top, "items"), "子按钮应当写成 {name: …, key: …, faq: …}")
        _check_keys(path, item, MENU_ITEM_KEYS - {"items"}, "菜单")
        subs.append(_menu_leaf(path, item))
    return {"name": name, "items": subs, "line": _line(top)}


def _menu_leaf(path, item):
    leaf = {"name": _text(path, item, "name", required=True), "line": _line(item)}
    if item.get("url"):
        leaf["url"] = _text(path, item, "url")
        return leaf
    leaf["key"] = _text(path, item, "key", required=True)
    targets = [k for k in ("faq", "category", "action") if item.get(k)]
    if len(targets) != 1:
        raise KnowledgeError(
            path, _line(item), f"菜单“{leaf['name']}”需要且只能有 faq、category 或 action 其中一个",
            "点击后回答一条FAQ写 faq: id，列出一个分类写 category: 分类名，订阅航行通告写 action: subscribe_notices，"
            "打开网页写 url:",
        )
    leaf[targets[0]] = _text(path, item, targets[0])
    if targets[0] == "action" and leaf["action"] not in MENU_ACTIONS:
        raise KnowledgeError(path, _line(item, "action"), f"菜单“{leaf['name']}”的 action“{leaf['action']}”不认识",
                             "可写：" + "、".join(f"{k}（{v}）" for k, v in MENU_ACTIONS.items()))
    return leaf


# Curators write "词1, 词2" or "[词1，词2]" (a full-width comma) meaning a list; YAML reads one phrase that never matches.
_LIST_IN_ONE = re.compile(r"[,，、;；]")


def parse_synonyms(path: Path, errors: list | None = None) -> dict:
    """Read synonyms.yaml (standard: [variants]) into a variant -> standard map (``errors``: collect problems)."""
    if not _there(Path.exists, path):
        return {}
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise KnowledgeError(path, 1, "synonyms.yaml 应当写成“标准说法: [口语说法, …]”")
    mapping = {}
    for standard in data:
        try:
            variants = _text_list(path, data, standard)
        except KnowledgeError as e:
            _report(errors, e)
            continue
        for v in variants:
            if _LIST_IN_ONE.search(v):
                _report(errors, KnowledgeError(
                    path, _line(data, standard), f"“{v}”是用逗号连起来的一个说法，不会被当成几个说法",
                    f"写成列表：{standard}: [{', '.join(p.strip() for p in _LIST_IN_ONE.split(v) if p.strip())}]",
                ))
                continue
            if v == standard:
                _report(errors, KnowledgeError(path, _line(data, standard), f"“{v}”不必映射到它自己", "删掉这个口语说法"))
            elif v in mapping and mapping[v] != standard:
                _report(errors, KnowledgeError(
                    path, _line(data, standard), f"口语说法“{v}”同时映射到“{mapping[v]}”和“{standard}”", "一个说法只能对应一个标准词"
                ))
            else:
                mapping[v] = str(standard)
    return mapping


def parse_dictionary(path: Path, errors: list | None = None) -> list:
    """Read a jieba user dictionary: ``word [freq] [tag]`` per line, # for comments (``errors``: collect problems)."""
    if not _there(Path.exists, path):
        return []
    words = []
    for n, raw in enumerate(read_text(path).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) > 3 or (len(parts) >= 2 and not parts[1].isdigit()):
            _report(errors, KnowledgeError(
                path, n, f"词典行“{line}”格式不对", "每行写：词语 词频 词性，例如“适任证书 2000 n”，词频和词性可省略"
            ))
            continue
        words.append((parts[0], int(parts[1]) if len(parts) >= 2 else None, parts[2] if len(parts) == 3 else None))
    return words


@dataclass(frozen=True)
class CannedReply:
    """A reply staff insert with one click on the handoff page (and edit before sending)."""

    title: str
    text: str
    line: int = 0


def parse_canned_replies(path: Path, errors: list | None = None) -> list:
    """Read canned_replies.yaml (``replies:``, a list of ``{title, text}``) into CannedReply objects; [] without it.

    Given an ``errors`` list, bad entries are collected there and left out; a file that cannot be read as a whole
    still raises KnowledgeError.
    """
    if not _there(Path.exists, path):
        return []
    data = read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("replies", []), list):
        raise KnowledgeError(path, _line(data) or 1, "文件应写成“replies:”加一组常用回复", "每条以“- title:”开头，参考 knowledge/README.md")
    _check_keys(path, data, {"replies"}, "文件顶层", errors)
    out, titles = [], {}
    for item in data.get("replies") or []:
        try:
            if not isinstance(item, dict):
                raise KnowledgeError(path, _line(data, "replies"), "replies 里的每一项都应当有 title 和 text",
                                     "写法：- title: 按钮上的字（换行）  text: 回复内容")
            _check_keys(path, item, CANNED_REPLY_KEYS, "常用回复", errors)
            title, text = _text(path, item, "title", required=True), _text(path, item, "text", required=True)
            if len(title) > CANNED_TITLE_MAX:
                raise KnowledgeError(path, _line(item, "title"), f"title“{title}”太长（{len(title)}字）",
                                     f"按钮上的字最多{CANNED_TITLE_MAX}个字")
            if len(text) > CANNED_TEXT_MAX:
                raise KnowledgeError(path, _line(item, "text"), f"text 太长（{len(text)}字），一条客服回复最多{CANNED_TEXT_MAX}字",
                                     "删减，或分成两条常用回复")
            if title in titles:
                raise KnowledgeError(path, _line(item, "title"), f"title“{title}”重复，第{titles[title]}行已用过",
                                     "每条常用回复的 title 要不同")
        except KnowledgeError as e:
            _report(errors, e)
            continue
        titles[title] = _line(item, "title")
        out.append(CannedReply(title=title, text=text, line=_line(item) or 0))
    return out


def _listing(d: Path) -> list:
    """The entries of a knowledge folder; KnowledgeError naming the folder when it cannot be listed."""
    try:
        return list(d.iterdir())
    except OSError as e:
        message, _ = _reason(e)
        if isinstance(e, (FileNotFoundError, NotADirectoryError)):
            message = "目录不存在或已被删除"
        raise KnowledgeError(
            d, None, f"知识库目录无法读取：{message}", "检查 BOT_KNOWLEDGE_DIR 或 --kb 参数，以及目录的权限"
        ) from None


def _there(check, path: Path) -> bool:
    """``check(path)`` (Path.exists, is_file or is_dir), where a path that cannot even be looked at counts as there:
    reading it then reports the problem with its name."""
    try:
        return check(path)
    except OSError:
        return True


def faq_files(directory) -> list:
    """The FAQ files of a knowledge folder, sorted by name (KnowledgeError when the folder cannot be listed)."""
    return sorted(
        p for p in _listing(Path(directory))
        if p.suffix in (".yaml", ".yml") and p.name not in RESERVED and not p.name.startswith(".")
        and _there(Path.is_file, p)
    )


def source_files(directory) -> list:
    """Every file the knowledge base is built from (for change detection)."""
    d = Path(directory)
    extra = [d / n for n in (SETTINGS_FILE, SYNONYMS_FILE, DICTIONARY_FILE) if _there(Path.exists, d / n)]
    return faq_files(d) + extra


def fingerprint(directory) -> tuple:
    """A signature of the folder's files: changes whenever a file is added, removed or edited.

    A file that cannot be read still counts (loading then says which and why); a folder that cannot be listed
    raises KnowledgeError.
    """
    out = []
    for p in source_files(directory):
        try:
            st = p.stat()
            # Two saves within one timestamp tick that keep the size (5 → 6) leave mtime and size alike;
            # the files are small, so hashing them is cheap.
            digest = hashlib.blake2b(p.read_bytes(), digest_size=16).hexdigest()
        except FileNotFoundError:
            continue
        except OSError as e:
            out.append((p.name, None, None, f"unreadable:{e.errno}"))
            continue
        out.append((p.name, st.st_mtime_ns, st.st_size, digest))
    return tuple(out)


def load_knowledge(directory, today: dt.date | None = None) -> KnowledgeBase:
    """Load and validate a knowledge folder; raise KnowledgeError (file, line, hint) on the first problem.

    ``today`` (default: today in Shanghai) is the day the examples' relative dates (``valid_from: +3d``) count from:
    the day the knowledge base is served or checked for (``--at``).
    """
    return _assemble(Path(directory), None, today or today_local())


def collect_knowledge(directory, today: dt.date | None = None) -> tuple:
    """Load a knowledge folder gathering every problem instead of stopping at the first (for ``kb check``).

    Returns ``(kb, errors)``: the knowledge base built from the parts that are valid (None when there is
    nothing to build from) and the list of KnowledgeError found, in file order. ``today`` as for load_knowledge.
    """
    errors = []
    try:
        return _assemble(Path(directory), errors, today or today_local()), errors
    except KnowledgeError as e:
        return None, errors + [e]


def _assemble(d: Path, errors, today: dt.date):
    if not _there(Path.is_dir, d):
        raise KnowledgeError(d, None, "知识库目录不存在", "检查 BOT_KNOWLEDGE_DIR 或 --kb 参数")
    files = faq_files(d)
    if not files:
        raise KnowledgeError(d, None, "目录里没有FAQ文件（*.yaml）", "每个分类一个 .yaml 文件，以“category:”和“faqs:”开头")
    faqs, seen, unread = [], {}, []
    for path in files:
        try:
            parsed = parse_faq_file(path, errors, today)
        except KnowledgeError as e:
            _report(errors, e)
            unread.append(path.name)
            continue
        for faq in parsed:
            if faq.id in seen:
                first = seen[faq.id]
                _report(errors, KnowledgeError(
                    path, faq.line, f"id“{faq.id}”重复，已在 {first.path}:{first.line} 用过", "每条FAQ的id必须唯一，请改一个新的id"
                ))
                continue
            seen[faq.id] = faq
            faqs.append(faq)
    for faq in faqs:
        for rel in faq.related:
            if rel not in seen:
                _report(errors, KnowledgeError(
                    faq.path, faq.line, f"related 里的“{rel}”不存在", "检查id拼写，或删掉这一项" + _unread_note(unread)
                ))
    settings = _optional(errors, parse_settings, d / SETTINGS_FILE, built_in_settings)
    categories = {f.category for f in faqs}
    for button in settings["menu"]:
        for leaf in button.get("items", [button]):
            if leaf.get("faq") and leaf["faq"] not in seen:
                _report(errors, KnowledgeError(
                    d / SETTINGS_FILE, leaf["line"], f"菜单“{leaf['name']}”指向的FAQ“{leaf['faq']}”不存在",
                    "检查FAQ的id拼写" + _unread_note(unread),
                ))
            if leaf.get("category") and leaf["category"] not in categories:
                _report(errors, KnowledgeError(
                    d / SETTINGS_FILE, leaf["line"], f"菜单“{leaf['name']}”指向的分类“{leaf['category']}”不存在",
                    f"分类名要与FAQ文件里的 category: 完全一致，现有：{'、'.join(sorted(categories))}" + _unread_note(unread),
                ))
    return KnowledgeBase(
        directory=str(d),
        faqs=faqs,
        settings=settings,
        synonyms=_optional(errors, parse_synonyms, d / SYNONYMS_FILE, dict),
        user_words=_optional(errors, parse_dictionary, d / DICTIONARY_FILE, list),
        files=[str(p) for p in source_files(d)],
    )


def _unread_note(unread):
    """When gathering problems, an id may only seem missing because its file could not be read."""
    return f"；也可能因为 {'、'.join(unread)} 有错误没能读取" if unread else ""


def _optional(errors, parse, path, fallback):
    """Parse an auxiliary file; when gathering problems, one that cannot be read at all yields ``fallback()``."""
    try:
        return parse(path, errors)
    except KnowledgeError as e:
        _report(errors, e)
        return fallback()


def bundled_knowledge_dir() -> str:
    """The knowledge/ folder shipped with the project."""
    project = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # above bot/kb/
    return os.path.join(project, "knowledge")
