"""What kind of answer a question asks for (documents, time, fee, place, …), whatever its topic.

The FAQ phrased for the same kind wins a tie between siblings ("要带什么" is not "几天能办好"), and a question made
only of asking words and these cues ("要多久", "多少钱", "怎么申请") names no topic at all.
"""
from __future__ import annotations

import re

QUESTION_KINDS = {
    "documents": ("材料", "带什么", "要带", "准备什么", "提交什么", "手续"),
    "time": ("几天", "多久", "什么时候", "几时", "何时", "几点", "几个工作日", "多少天", "几个小时", "提前多", "期限"),
    "fee": ("多少钱", "收费", "费用", "要钱", "免费", "交钱"),
    "place": ("哪里", "在哪", "去哪", "哪个部门", "找谁", "向谁", "跟谁", "哪个单位"),
    "penalty": ("罚", "处罚", "后果", "违法", "扣分"),
    "validity": ("有效期", "几年"),
    "conditions": ("条件", "资格", "具备", "满足", "门槛"),
}

# Asking words that name no topic: a question made only of these and the question-kind cues ("要多久", "多少钱",
# "怎么申请") could be about any FAQ, so it is never answered outright.
TOPICLESS_WORDS = ("什么", "哪", "哪些", "哪个", "多少", "几", "怎么", "怎样", "如何", "能", "可以", "办", "办理",
                   "申请", "办好", "需要", "交", "带", "报")


# Something does not work or did not happen: "转不出来", "登不上", "没到账", "扣款失败", "无法绑定". A customer-service
# knowledge base often holds both "how do I do X" and "X failed" for the same X, and the tokenizer drops 不 and 没 as
# function words, so the two read alike without this. A potential complement in the negative (V不了, V不上, V不出 …)
# but not a choice question (能不能, 行不行, 对不对: the same character either side of 不), nor the plain negations
# 不了解 (not know), 不上班 / 不上课 (not at work) and 不到 before an amount (还不到一年, 长度不到5米: less than), unless
# a verb of seeing or getting stands before it (看不到10档, 收不到2条).
TROUBLE = re.compile(
    r"[看收找拿查买听等搜接领]不到"
    r"|([\u4e00-\u9fff])不(?!\1)(?:了(?!解)|上(?!班|课|学)|出|进|到(?![\d一二两三四五六七八九十百千几半])|开|动|去"
    r"|来|住|成|对|准|全|见|通|回)"
    r"|(?<!能)不能|(?<!行)不行|不成功|不正常|不显示|不刷新|没(?:有)?(?:到账|收到|显示|扣|反应|成功|开通|法|了$)"
    r"|未(?:到账|收到|显示|成功|开通)|失败|无法|错误|出错|有误|异常|故障|坏了|卡住|闪退|掉线|作废|超限|受限")


def tells_trouble(text: str) -> bool:
    """Whether a (normalised) text says something does not work or did not happen."""
    return bool(TROUBLE.search(text))


def question_kinds(text: str) -> set:
    """The kinds of answer a (normalised) question asks for."""
    return {kind for kind, cues in QUESTION_KINDS.items() if any(c in text for c in cues)}


def topicless_cues() -> list:
    """The cues of asking for documents, time, fees, places, conditions or validity, which name no topic of their
    own (a penalty cue, 违法 / 扣分, does)."""
    return [c for kind, words in QUESTION_KINDS.items() if kind != "penalty" for c in words]
