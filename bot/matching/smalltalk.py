"""Messages that are not a question for the knowledge base: a greeting, thanks or goodbye alone, and asking for a
person. Both are read on the normalised text, after distress and before any FAQ matching."""
from __future__ import annotations

from .reading import clip, strip_fillers

SMALLTALK = {
    "greeting": ("你好", "您好", "在吗", "在不在", "哈喽", "hello", "hi", "嗨", "早上好", "下午好", "晚上好", "有人吗"),
    "thanks": ("谢谢", "多谢", "感谢", "谢了", "thanks", "thank you", "辛苦了", "好的谢谢", "明白了", "知道了", "收到", "好的"),
    "bye": ("再见", "拜拜", "bye", "回见"),
}
# Always a request for a person; the other handoff words (客服, 找人 …) only when little else is said
# ("客服电话多少" asks for a number).
STRONG_HANDOFF = ("人工",)


def smalltalk_kind(normalized: str) -> str | None:
    """'greeting' / 'thanks' / 'bye' when the message is only that, else None."""
    rest = normalized.replace(" ", "")
    if not rest or len(rest) > 12:
        return None
    found = None
    for kind, words in SMALLTALK.items():
        for w in sorted(words, key=len, reverse=True):
            w = w.replace(" ", "")
            if w in rest:
                rest = rest.replace(w, "")
                found = found or kind
    rest = "".join(ch for ch in rest if ch not in "啊呀啦哈嗯哦的了吗呢吧么好")
    return found if found and not rest else None


def wants_person(normalized: str, handoff_words: list, tokenizer) -> bool:
    """An explicit request for a human: 人工 / 转人工, or one of ``handoff_words`` (客服 / 找人, normalised, longest
    first) with little else said, as ``tokenizer`` cuts it."""
    compact = clip(normalized.replace(" ", ""))
    if any(w in compact for w in STRONG_HANDOFF):
        return True
    hit = False
    for w in handoff_words:
        if w in compact:
            hit = True
            compact = compact.replace(w, "")
    if not hit:
        return False
    rest = [t for t in tokenizer.tokens(strip_fillers(compact)) if t not in ("找", "转", "联系", "帮", "我")]
    return len("".join(rest)) <= 2
