"""The distress model: is this message a live emergency on the water, or a question that only names a hazard?

It reads what is happening rather than looking for one word. A message is weighed on three kinds of evidence:

- a **hazard**: an event of one of the categories of ``distress_words.py`` (the model's vocabulary), written as
  the combinations people use (a person and a fall and water; an engine and a failure; a line and a break), plus
  the explicit calls (救命, SOS, mayday); an event that nearly happened (差点掉下去, 险些碰撞, almost fell) is not told;
- signs that it is **live**: completion or change (着火了), progress (正在下沉), imminence (快撞了), urgency
  (快来人, 赶紧), people and places on board (船上还有3个人, 在焦山附近);
- signs that it is **about** a hazard: planning (如果 / 万一 … 怎么办), the past (去年, 上次), rules, fees,
  insurance, reports, penalties, training and drills, news, paperwork after a loss, equipment, a key word named in
  quotation marks ("“落水”用英语怎么说").

The order of a long message counts too: what follows a turn (但是, 结果刚才, 另外, 本来想问 …) is the news, and
what was asked before it is not asked of the event; what is told after the event's last mention may end it (put
out, secured) or take it back (原来是 …), while a calm start before it does not.

A hazard whose live evidence outweighs the "about" evidence is an emergency. The balance is set so that a
message with a hazard and no "about" frame is always an emergency: when unsure, the model errs towards the
emergency. Typed and voice slips of the key words are caught through their pinyin when the message is about a
ship or the water; full pinyin typed without picking characters (``ren diao shui li le``) is read back as Chinese
first (``ime.py``). Traditional characters are read through the same normalisation as the FAQ matcher.

The built-in model is always on; a knowledge folder's settings add words and patterns and name phrases that are
not distress (``extra_words``, ``extra_patterns``, ``not_distress``), never remove what is built in.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import Style, pinyin

from .distress_words import (
    ABOUT, ABOUT_EN, ADRIFT_THING, AGAIN_NOW, ALL_WELL, ALMOST, ALMOST_EN, ANIMAL, ANOTHER, ASK_NUMBER, AS_MODIFIER,
    AT_BERTH, BANGS, BELIEVED, BITTEN, BROKEN_LOOSE, BUT, BUT_EN, CALLS, CALL_ASIDES, CALL_AS_NOUN, CALL_UNSAID,
    CALM, CATEGORY_LABELS, CAUTIONED, CONTRAST, COOKING, CORRECTION, DAYS_SINCE, DENIED_BEFORE, DIALECT,
    DIALECT_WORDS, DISMISSED, DOUBTED, DRILL, DROP_PLACE, ENDED, ENGLISH, EVER, EXCEPT, EXERTED, EXERTION,
    FAREWELL_MEDIUM, FAREWELL_STRONG, FAREWELL_WEAK, FEARED, FICTION, FIGURATIVE, FIGURATIVE_EN, FILMED_BEFORE,
    FIRE_SPREAD, FIRSTHAND, FOREIGN_CRIES, FRESH, GADGET_BEFORE, GEAR, GENERIC, GONE_SILENT, HABITUAL, HANDLED,
    HAZARDS, HEADED, HOW_NOW, HYPOTHETICAL, IDIOMS, JUST_NOW, JUST_TOLD, LAND_FLOODED, LATIN, LATIN_CALLS, LAUGHING,
    LIVE, LIVE_EN, LOCK, LONG_AGO, LONG_STANDING, MEME, MISTAKEN, NAMED_AS, NATURAL_MUD, NAVAID_BEFORE, NEGATED,
    NEWS, NOT_MEANT, NOT_PRESSING, NOT_SLIPS, NOW, NOW_TURN, NO_PLACE, OFFICE, ONLY_THIS, ORDINARY_SMOKE, OTHER_ONE,
    OUR_SIDE, OVERTURNED, PAST, PEOPLE_SPARED, PERSON, PINYIN_FAVOURED, PINYIN_WORDS, PLANNING, PLUMBING, PRESENT,
    PUMP_DOWN, PURSUED, QUESTION, QUOTED, QUOTE_NAMED_AFTER, QUOTE_NAMED_BEFORE, REALLY, REALLY_EN, REFUSING,
    RELAYED, REMOTE, RESOLVED, RETRACTED, SEASICK, SEASICK_SIGNS, SECOND_THOUGHT, SELF_HARM_WEIGHT, SERVICE,
    SETTING, SHALLOW, SHIP_CONTEXT, SIMILE, SINCE, SMALL, SMOKE_ONLY, SPOKEN, STAGED, STILL_MISSING, SUPERSEDED,
    SWIMMING_ONLY, THANKS, THEIR_SIDE, THING_BEFORE, THING_SUFFERED, THREAT, THRESHOLD, TOY_BOAT, TRAFFIC, TURN,
    TYPED_SLIPS, UNMANNED, UNMANNED_THREAT, UNREACHABLE, URGENT, VEHICLE_BEFORE, VIDEO, WATER_CONTEXT, WATER_RISING,
    WHOLE_FRAMES, WORRIES,
)
from .ime import pinyin_reader
from .reading import CJK_CHAR, normalize
from .tokenizer import Tokenizer


@dataclass
class DistressReading:
    """What the model read in one message."""

    emergency: bool
    category: str | None = None
    score: float = 0.0
    mentions_hazard: bool = False  # a hazard is named, but the message asks about it
    evidence: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """The category in Chinese, for alerts and the staff pages."""
        return CATEGORY_LABELS.get(self.category or "", "")


def _compile(items):
    return [(a, b, re.compile(p)) for a, b, p in items]


_HAZARDS = _compile(HAZARDS)
_ENGLISH = [(cat, re.compile(rf"(?<![a-z])(?:{p})(?![a-z])")) for cat, p in ENGLISH]
_CALLS = [(s, re.compile(p)) for s, p in CALLS]
_LATIN_CALLS = [(s, re.compile(p)) for s, p in LATIN_CALLS]


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset:
    """The two commonest toneless readings of a character: a pinyin keyboard offers 幢 for zhuang as well as for
    chuang, but hardly 宿 for qi or 和 for huo."""
    if not ("\u4e00" <= ch <= "\u9fff"):
        return frozenset()
    return frozenset(r for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0][:2] if r)


def _tones(word: str) -> set:
    """Every way ``word`` can be said with its tones (逆水 and 溺水 are both ni4 shui3)."""
    out = {""}
    for readings in pinyin(word, style=Style.TONE3, heteronym=True):
        out = {said + " " + r for said in out for r in readings}
    return out


# Each key word as it is said, one reading per character read in the word's context (着火 is zhao huo, 失控 shi kong):
# a rare reading on both sides would make 它将 (yi qiang) a slip of 失控.
_PINYIN_KEYS = {word: [frozenset(r) for r in pinyin(word, style=Style.NORMAL)] for word in PINYIN_WORDS}


_BARE_CALLS = ("call:救命", "call:救救")


def _exclaimed_ashore(compact: str, evidence: list) -> bool:
    """A bare 救命 / 救救 said of something ashore ("救命 猪肉又涨价了"): no other call or urgency, nothing of the water
    or of anyone in it, and enough else said (a bare "救命" or "救命 我在这" stays a call)."""
    calls = [e for e in evidence if e.startswith("call:")]
    return bool(calls) and all(e in _BARE_CALLS for e in calls) and not WATER_CONTEXT.search(compact) \
        and not PERSON.search(compact) and all(u in ("救命", "救救") for u in URGENT.findall(compact)) \
        and len(CJK_CHAR.findall(compact)) >= 8


def _named_in_quotes(raw: str) -> list:
    """The words a message names in quotation marks rather than says ("“救命”用英语怎么说"), normalised: a quoted word
    of up to three characters, or a longer quote the words around it name as such; none that was said or heard."""
    out = []
    for m in QUOTED.finditer(raw):
        word = next(g for g in m.groups() if g)
        if SPOKEN.search(raw, max(0, m.start() - 4), m.start()):
            continue
        if len(word) <= 3 or QUOTE_NAMED_AFTER.match(raw, m.end()) \
                or QUOTE_NAMED_BEFORE.search(raw, max(0, m.start() - 3), m.start()):
            out.append(normalize(word).replace(" ", ""))
    return out


def _breaks(spaced: str) -> frozenset:
    """Where one clause ends and the next begins, as positions in the message without spaces."""
    out, at = set(), 0
    for part in spaced.split():
        at += len(part)
        out.add(at)
    return frozenset(out)


def _clause(compact: str, spaced: str, span: tuple) -> str:
    """The clause of ``compact`` (the message without spaces) that holds ``span``: the clauses are what spaces and
    punctuation part in ``spaced``."""
    start = 0
    for part in spaced.split():
        if start <= span[0] < start + len(part):
            return compact[start:max(start + len(part), span[1])]
        start += len(part)
    return compact[span[0]:span[1]]


def _events_told(evidence: list) -> list:
    """The words of the events found so far ("落水" of "person_in_water:落水"), not of calls, slips or topics."""
    return [e.split(":", 1)[1] for e in evidence if ":" in e and not e.startswith(("call:", "pinyin:", "about:"))]


def _last(pattern: re.Pattern, text: str, start: int, end: int):
    """The last match of ``pattern`` in ``text[start:end]``, or None."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


def _of_another(compact: str, m: re.Match) -> bool:
    """The end at ``m`` is told of someone else than the event ("胸口痛倒在地上 … 另一个晕船的已经好了"), not of all of
    them ("另一个也救上来了")."""
    other = _last(OTHER_ONE, compact, max(0, m.start() - 10), m.start())
    if other is not None and not re.search("[也都全]", compact[other.end():m.start()]):
        return True
    # "对面那条好像沉了一半 我们这边人没事": our side is well, the other ship's event goes on
    # (not "对面那条船撞了我们 我们船上人没事": we were in it)
    ours = OUR_SIDE.search(compact, max(0, m.start() - 6), m.start())
    theirs = _last(THEIR_SIDE, compact, 0, ours.start() if ours else 0)
    return theirs is not None and not re.search("我们|我船|本船", compact[theirs.end():ours.start()])


def _told_at(m: re.Match) -> tuple:
    """Where the event of a hazard match is told: its ``event`` group when the pattern names one (the sign after the
    context that makes it one: "救上来了 但呼吸微弱" is told at 呼吸微弱, after the rescue that does not end it), else
    the whole match."""
    if "event" in m.re.groupindex and m.group("event") is not None:
        return m.span("event")
    return m.span()


def _ends_it(compact: str, m: re.Match, live_clause: str | None) -> bool:
    """The end told at ``m`` ends the event itself: not another's end (``_of_another``), nor one overturned after it
    ("没事了 结果又…"), said by one who will not admit it ("他嘴硬说没事"), doubted ("说没事 我觉得不对"), or the
    people's while the ship's event goes on ("左舷破了 正在进水 人都没事")."""
    return not _of_another(compact, m) and not OVERTURNED.search(compact, m.end()) \
        and not REFUSING.search(compact, max(0, m.start() - 8), m.start()) \
        and not DOUBTED.search(compact, m.end(), m.end() + 10) \
        and not (live_clause == "going on" and re.search("人(?:都|也)?$", compact[max(0, m.start() - 3):m.start()]))


def _untold(compact: str, m: re.Match) -> bool:
    """The event at ``m`` is not news: it nearly happened and did not, 差点 / 险些 just before it or inside it
    ("差点掉江里", "小孩差点掉下去", "险些碰撞"; 几乎 is left out: "几乎没有呼吸了" is a degree, not a near miss), or it
    happened once before, 过 right after it ("孩子掉下去过一回"), or it is denied or warned against just before it
    ("没人掉下去", "过桥洞要注意，别撞到桥墩")."""
    near = ALMOST.finditer(compact, max(0, m.start() - 10), min(m.end() - 1, m.start() + 7))
    return EVER.match(compact, m.end()) is not None or any(a.end() >= m.start() - 2 for a in near) \
        or DENIED_BEFORE.search(compact, max(0, m.start() - 3), m.start()) is not None \
        or CAUTIONED.search(compact, max(0, m.start() - 8), m.start()) is not None


def _self_harm(compact: str) -> re.Match | None:
    """The first sign of a farewell, if the signs together weigh enough (distress_words.FAREWELL_STRONG): a note or
    things given away by themselves; 就到这里吧 with a bridge; 别找我 with a bridge and a silence."""
    strong, medium = FAREWELL_STRONG.search(compact), FAREWELL_MEDIUM.search(compact)
    weak = {m.group(0) for m in FAREWELL_WEAK.finditer(compact)}
    weight = 3 * bool(strong) + 2 * bool(medium) + min(2, len(weak)) + bool(DROP_PLACE.search(compact)) \
        + bool(GONE_SILENT.search(compact))
    if weight < 3:
        return None
    return strong or medium or FAREWELL_WEAK.search(compact)


def _news(compact: str) -> bool:
    """The message tells hearsay or the news: not of a video the people there are filming ("拍短视频的娃儿遭水冲起走
    了"), nor a staged scene that "really" broke ("剧本是假装落水 结果演员真被冲走了")."""
    really = REALLY.search(compact)
    return any(not _filmed(compact, m) and not (really and STAGED.search(m.group(0))) for m in NEWS.finditer(compact))


def _filmed(compact: str, m: re.Match) -> bool:
    """The video or stream named at ``m`` is one the people there are filming (拍短视频, 在拍直播, 拍宣传片)."""
    return VIDEO.search(m.group(0)) is not None \
        and FILMED_BEFORE.search(compact, max(0, m.start() - 6), m.start()) is not None


def _missing_person(cat: str, m: re.Match) -> bool:
    """The words of a "missing" event name a person ("上面没人 刚才还看到有人在上面"): whatever thing is named before
    it, someone is gone."""
    return cat == "missing" and PERSON.search(m.group(0)) is not None


def _place_name(word: str) -> bool:
    """jieba's dictionary tags the word as a place name (洛水, a river, for 落水)."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word) == "ns"


class DistressModel:
    """Reads messages for live emergencies. Build once; ``read`` is thread-safe."""

    def __init__(self, extra_words=(), extra_patterns=(), not_distress=()):
        """``extra_words`` and ``extra_patterns`` add hazards; ``not_distress`` phrases are read as ordinary text."""
        self.extra = [re.compile(re.escape(normalize(w).replace(" ", ""))) for w in extra_words if normalize(w)]
        self.extra += [re.compile(p) for p in extra_patterns]
        self.not_distress = sorted({normalize(p).replace(" ", "") for p in (*not_distress, *IDIOMS) if normalize(p)},
                                   key=len, reverse=True)
        # Built now rather than on the first message that needs them: an emergency must not wait for the pinyin
        # table or jieba's part-of-speech tags (0.4 s on first use).
        self.pinyin = pinyin_reader(PINYIN_FAVOURED)
        _place_name("")

    def read(self, text: str) -> DistressReading:
        """Judge one message (as typed, or already normalised)."""
        spaced = normalize(text)
        if LATIN.search(spaced):
            spaced = self.pinyin.convert(spaced)
        spaced = spaced.translate(DIALECT)
        for word, plain in (*TYPED_SLIPS, *DIALECT_WORDS):
            spaced = spaced.replace(word, plain)
        raw = unicodedata.normalize("NFKC", text or "").lower()  # English is read in lower case
        if "\U0001F198" in raw:  # 🆘, the SOS button of emoji keyboards
            spaced += " sos"
        spaced += "".join(" " + english for cry, english in FOREIGN_CRIES if cry in raw)
        compact = spaced.replace(" ", "")
        for phrase in self.not_distress:
            compact = compact.replace(phrase, "、")
            spaced = spaced.replace(phrase, "、")
        if not compact.strip("、"):
            return DistressReading(False)
        evidence = []
        breaks = _breaks(spaced)
        strength, category, spans = self._hazard(compact, spaced, breaks, evidence)
        call = self._call(compact, spaced, evidence)
        if not strength and not call:
            slip = self._pinyin_slip(compact, breaks)
            if slip:
                word, cat = slip
                evidence.append(f"pinyin:{word}")
                if cat == "call":
                    call = 4
                else:
                    strength, category = 3, cat
        if not strength and not call:
            return DistressReading(False)
        quoted = _named_in_quotes(raw)  # read now, while the evidence holds only the events and the calls
        named_only = bool(quoted) and all(any(e.split(":", 1)[1] in q for q in quoted) for e in evidence if ":" in e)
        live = min(2, len(LIVE.findall(compact)) + len(LIVE_EN.findall(raw))
                   + (1 if "!" in raw or "！" in raw else 0))
        live += min(4, 2 * len(URGENT.findall(compact)))
        live_clause = self._live_clause(compact, spaced, spans, evidence)
        if live_clause == "going on":
            live += 1  # "船在进水", "一直联系不上"
        but = BUT.search(compact)
        after_but = bool(but) and any(start >= but.end() for start, _ in spans) \
            or self._news_after_end(compact, spaced, spans, evidence)
        first = min((start for start, _ in spans), default=None)
        last = max((start for start, _ in spans), default=None)
        # A clause that starts with now is news, unless the message says it is a joke, a game, a story or a drill.
        playful = NOT_MEANT.search(compact) or FICTION.search(compact) or DRILL.search(compact) or LAUGHING.search(raw)
        point = self._point(compact, breaks, last, now_turns=not playful)
        if point != compact:
            evidence.append("turn")
        about = self._about(point, raw, evidence, live_clause, after_but or point != compact, first, category)
        told_after = (lambda m: last is None or m.end() > last)
        if named_only:
            about += 6  # "“救命”用英语怎么说": the word is named, not said
            evidence.append("quoted")
        elif spans and all(NAMED_AS.search(compact, 0, start) for start, _ in spans):
            about += 6  # "这算不算落水": what happened is asked a name
            evidence.append("named")
        clauses = [_clause(compact, spaced, span) for span in spans]
        if spans and not URGENT.search(compact) and all(LONG_AGO.search(c) for c in clauses) \
                and not any(NOW.search(c) or JUST_TOLD.search(c) for c in clauses):
            # "去年我们村有个孩子在江边淹死了 …": told as long past in its own clause; what is now in a clause of its
            # own ("前年有人被皮带卷了手 … 现在还在打官司") is no telling of the event
            about += 4
            evidence.append("long ago")
        if point != compact and not after_but and "resolved" not in evidence \
                and any(told_after(m) and not _of_another(compact, m) for m in RESOLVED.finditer(compact)) \
                and not re.search(STILL_MISSING, compact):
            # "冇得事了 刚才那个伢掉水里 自己爬上来了": the message turned to the event, and its end is told after it
            about += 5
            evidence.append("resolved")
        if any(told_after(m) for m in MISTAKEN.finditer(compact)):
            about += 6
            evidence.append("mistaken")
        if any(told_after(m) and _ends_it(compact, m, live_clause) for m in ENDED.finditer(compact)):
            about += 5
            evidence.append("ended")
        # A question in general ("船进水一般用什么堵"); "通常他每天都打电话 今天联系不上" tells a habit, not a lesson.
        asks = QUESTION.search(compact) or re.search(r"[?？]|还是|怎样", raw)
        if GENERIC.search(compact) and asks and not NOW.search(compact):
            about += 4
            evidence.append("generic")
        if WORRIES.search(compact) and (not strength or any(self._worried(compact, breaks, span) for span in spans)):
            about += 8
            evidence.append("worries")
        if strength == 2 and TRAFFIC.search(compact):
            about += 4  # "大桥上堵车了 车停着不动": a car in a jam, not an engine failure afloat
            evidence.append("traffic")
        if category == "flooding" and (strength == 2 and LAND_FLOODED.search(compact) or SHALLOW.search(compact)):
            about += 4  # "江边的路被水淹了"
            evidence.append("land")
        if AT_BERTH.search(compact) and not URGENT.search(compact) and (
                category == "propulsion" and not BROKEN_LOOSE.search(compact)
                or category == "flooding" and self._nothing_but(PUMP_DOWN, compact)):
            about += 4  # "发电机坏了 船靠在码头", "抽水泵坏了 哪里能修 船停在码头": a repair
            evidence.append("at berth")
        if category == "flooding" and LOCK.search(compact) and not URGENT.search(WATER_RISING.sub("、", compact)) \
                and self._nothing_but(WATER_RISING, compact):
            about += 6  # as much as the urgency its own words carry ("水一直在涨")
            evidence.append("lock")
        if category in ("grounding", "propulsion") and LONG_STANDING.search(compact) and not URGENT.search(compact):
            about += 5
            evidence.append("long standing")
        if category == "collision" and (BANGS.search(compact) or "thing" in evidence) and any(
                re.search("[砰咚嘭轰响声咔吱噔哐]", e) for e in evidence if e.startswith("collision:")):
            about += 4
            evidence.append("bangs")
        if ORDINARY_SMOKE.search(point) and (
                category == "fire" and not FIRE_SPREAD.search(point)
                or category == "toxic" and all(re.search("[呛熏]|烟|味", e) for e in evidence if e.startswith("toxic:"))):
            # a chimney, a barbecue: smoke that is no fire, and that only stings ("烧烤的烟好大 呛得很"; not 中毒 in a
            # tent with a charcoal stove). "江边烧烤的 一个醉汉掉进江里了" is still a fall.
            about += 4
            evidence.append("ordinary smoke")
        if category == "fire" and COOKING.search(compact) and not URGENT.search(compact) \
                and self._nothing_but(SMOKE_ONLY, compact):
            about += 4  # "厨房炒辣椒冒白烟 烟感一直响"
            evidence.append("cooking smoke")
        if category == "spill" and any(e.startswith("spill:") and re.search("[黄浑泥]", e) for e in evidence) \
                and NATURAL_MUD.search(compact):
            about += 4  # "江水变黄了 是不是上游发大水了": silt
            evidence.append("natural")
        if MEME.search(compact) and not REALLY.search(compact):
            about += 8
            evidence.append("meme")
        if category in ("toxic", "medical") and SEASICK.search(compact) and not URGENT.search(compact) and all(
                SEASICK_SIGNS.search(e) for e in evidence if e.startswith(category + ":")):
            about += 4
            evidence.append("seasick")
        if category == "medical" and EXERTION.search(compact) and not URGENT.search(compact) \
                and self._nothing_but(EXERTED, compact):
            about += 4  # "搬了一天货 浑身是汗 喘粗气"
            evidence.append("exertion")
        if category == "flooding" and PLUMBING.search(compact):
            about += 4
            evidence.append("plumbing")
        if category == "spill" and SMALL.search(compact):
            about += 3
            evidence.append("small")
        if category in ("propulsion", "flooding", "person_in_water", "grounding") and UNMANNED.search(compact) \
                and not UNMANNED_THREAT.search(NO_PLACE.sub("", compact)) \
                and not PERSON.search(compact.replace("我们", "")):
            about += 5
            evidence.append("unmanned")
        if ANIMAL.search(compact) and not PERSON.search(compact) \
                and not (category == "medical" and BITTEN.search(compact)):
            about += 6
            evidence.append("animal")
        if strength == 2 and OFFICE.search(compact):
            about += 4  # "海员证找不到了": a lost certificate, not a lost person
            evidence.append("office")
        if not strength and _exclaimed_ashore(compact, evidence):
            about += 8  # as much as office business after a bare call word
            evidence.append("ashore")
        if not strength and "thing" in evidence and (call < 5 or not PERSON.search(compact)):
            # "遭了 手机掉河里了": the dismay is about a thing; "救命 我的手机掉水里了" as much as a bare call ashore
            about += 8 if all(e in _BARE_CALLS for e in evidence if e.startswith("call:")) and call else 4
        for name, pattern in CALL_ASIDES:
            if not strength and call and pattern.search(compact):
                about += 8  # as much as a bare call word ashore
                evidence.append(name)
        if not strength and (OFFICE.search(compact) or call < 5 and SERVICE.search(compact)):
            about += 8  # a bare call word before office business: "求助 网上申请提交不了"
            evidence.append("service")
        if not strength and ("not meant" in evidence or "mistaken" in evidence):
            about += 4  # "哈哈救命": a bare call word and a laugh, nothing happening
        if category == "self_harm" and not {"mistaken", "not meant", "figurative", "generic", "drill", "meme", "quoted",
                                              "named", "long ago", "resolved", "ended"} & set(evidence):
            # Warning signs of a life at risk by one's own hand: what is told around them (a post, the past, debts, a
            # question) weighs less than the sign itself; a joke, a lyric or a lesson still outweighs it.
            live += SELF_HARM_WEIGHT
        best = max(strength, call)
        score = best + live - about
        emergency = score >= THRESHOLD
        if not category and call:
            category = "call"
        return DistressReading(emergency, category, float(score), mentions_hazard=not emergency and bool(strength),
                               evidence=evidence)

    def _nothing_but(self, ordinary: re.Pattern, compact: str) -> bool:
        """Without what ``ordinary`` matches (the sweat of hard work, the smoke of a wok), the message tells no event."""
        rest = ordinary.sub("、", compact)
        return not self._hazard(rest, rest, _breaks(rest), [])[0]

    def _hazard(self, compact: str, spaced: str, breaks: frozenset, evidence: list) -> tuple:
        """(strength, category, where in ``compact`` the Chinese patterns of that strength matched)."""
        strength, category, found, modifier_end = 0, None, [], len(compact)
        on_water = bool(WATER_CONTEXT.search(compact))
        for cat, power, pattern in _HAZARDS:
            if power < 3 and not on_water:
                continue  # "动不了", "找不到了", "机器故障" say nothing about a ship by themselves
            if cat == "grounding" and SWIMMING_ONLY.search(compact):
                continue  # "冬泳 三秒就冲上岸了": a swimmer runs ashore; only a craft runs aground
            m, a_thing = None, False
            candidates = pattern.finditer(compact)
            for candidate in candidates:
                if self._befalls_a_thing(cat, compact, candidate):
                    a_thing = True
                    continue
                if _untold(compact, candidate):
                    if "untold" not in evidence:
                        evidence.append("untold")
                    continue
                m = candidate
                break
            if a_thing and not m and "thing" not in evidence:
                evidence.append("thing")  # 手机掉河里了: a thing, not a person
            if m:
                # Every telling counts for where the event is told ("着火了 灭掉了一部分 还有明火"), read only once
                # a first one is found.
                found.append((power, _told_at(m)))
                found += [(power, _told_at(c)) for c in candidates
                          if not self._befalls_a_thing(cat, compact, c) and not _untold(compact, c)]
            if m and power > strength:
                strength, category = power, cat
                evidence.append(f"{cat}:{m.group(0)}")
                # "落水者", "失踪人员": the event names a person or a thing; not across a clause ("流了很多血，报警了").
                # After a measure word the noun is counted, not qualified: "少了一个小孩".
                if m.end() not in breaks and not m.group(0).endswith("个") and AS_MODIFIER.match(compact, m.end()) \
                        and "modifier" not in evidence:
                    evidence.append("modifier")
                    modifier_end = m.end()
                # 了 right after the event, or after where it went (掉江里了): it has just happened.
                if FRESH.match(compact, m.end()) and "fresh" not in evidence:
                    evidence.append("fresh")
        # Another telling of the event at the same strength that has just happened ("落水的人被水冲走了", "两条船撞在
        # 一起卡住了，倒车会不会进水"): it is fresh, and the first telling was no mere modifier.
        just_now = [end for power, (_, end) in found if power == strength and JUST_NOW.match(compact, end)]
        if just_now and "fresh" not in evidence:
            evidence.append("fresh")
        # Another event told in a clause of its own at the same strength ("碰撞的时候水手被缆绳打到头 现在昏迷"): the
        # first telling only set the time of it.
        if "modifier" in evidence and any(
                not AS_MODIFIER.match(compact, end)
                and (end in just_now or start > modifier_end and not compact.startswith("的", end))
                for power, (start, end) in found if power == strength):
            evidence.remove("modifier")
        sign = _self_harm(compact)
        if sign and 5 > strength:
            strength, category = 5, "self_harm"
            evidence.append(f"self_harm:{sign.group(0)}")
            found.append((5, sign.span()))
        for cat, pattern in _ENGLISH:
            m = next((m for m in pattern.finditer(spaced) if not ALMOST_EN.search(spaced, 0, m.start())), None)
            if m and 3 > strength:
                strength, category = 3, cat
                evidence.append(f"{cat}:{m.group(0)}")
        for pattern in self.extra:
            m = pattern.search(compact) or pattern.search(spaced)
            if m and 3 > strength:
                strength, category = 3, category or "custom"
                evidence.append(f"custom:{m.group(0)}")
        return strength, category, [span for power, span in found if power == strength]

    @staticmethod
    def _point(compact: str, breaks: frozenset, last: int | None, now_turns: bool = True) -> str:
        """What the message is about, from the last turn before the event's last telling: "本来想问年检的时间。但是
        刚才有个老人倒下了" is about the old man, and so is "想问年检的时间。刚才有个老人倒下了" (a clause that starts
        with now); what was asked or planned before the turn is not asked of the event.
        A question given up ("本来想问过驳要不要申请。现在…") ends with its clause."""
        if last is None:
            return compact
        turns = [m.start() for m in TURN.finditer(compact) if m.end() <= last]
        # A clause that starts with now or just now ("…想投诉一下。刚刚有个游客掉下去了"), or with something urgent.
        if now_turns:
            turns += [m.start() for m in NOW_TURN.finditer(compact) if m.start() in breaks and m.end() <= last]
        if turns:
            return compact[max(turns):]
        superseded = SUPERSEDED.search(compact, 0, last)
        if superseded:
            end = min((b for b in breaks if b > superseded.end()), default=len(compact))
            if end <= last:
                return compact[end:]
        return compact

    @staticmethod
    def _worried(compact: str, breaks: frozenset, span: tuple) -> bool:
        """The hazard word at ``span`` is said of money, paperwork or an exam: in its own clause, or as a hyperbole
        (要 / 快 / 都 before it: "港口费涨成这样，真是要吐血了") in the clause after the worry."""
        start = max((b for b in breaks if b <= span[0]), default=0)  # the clause of the hazard word
        end = max(min((b for b in breaks if b > span[0]), default=len(compact)), span[1])
        if WORRIES.search(compact, start, end):
            return True
        if not re.search(r"[要快都]", compact[max(0, span[0] - 5):span[0]]):
            return False
        return bool(WORRIES.search(compact, max((b for b in breaks if b < start), default=0), start))

    def _befalls_a_thing(self, cat: str, compact: str, m: re.Match) -> bool:
        """The event at ``m`` befalls a thing (``_of_a_thing``), unless its own words say someone is missing with it
        ("桨板在漂 上面没人 刚才还有人")."""
        return self._of_a_thing(cat, compact, m.start()) and not _missing_person(cat, m)

    @staticmethod
    def _of_a_thing(cat: str, compact: str, start: int) -> bool:
        """The event at ``start`` befalls a thing or an animal named just before it: "手机掉河里了", "浮标歪了，是不是被船
        撞了", "鸭子被冲到航道里了"; not one someone handled or went after ("为了救他家狗跳进江里了"), unless the thing
        is named with 的 and suffers the event ("洗衣服的衣服被冲走了"); and nothing that clings (a thing holds on to
        nothing)."""
        if cat == "collision":
            return bool(NAVAID_BEFORE.search(compact, 0, start) or VEHICLE_BEFORE.search(compact, 0, start))
        if cat == "flooding" and GADGET_BEFORE.search(compact, 0, start) and not compact.startswith(("船", "舱"), start):
            return True  # "手机进水了"; a buoy before it only says where
        if cat not in ("person_in_water", "grounding", "missing", "propulsion", "flooding") \
                or cat == "missing" and UNREACHABLE.match(compact, start):
            return False
        if compact.startswith(("抓", "抱", "扒", "拽", "攀", "趴", "骑"), start):
            return False  # "掉水里了 现在抓着一块泡沫板"
        thing = THING_SUFFERED.search(compact, 0, start)
        if not thing or not (compact.startswith("被", start) or "被" in thing.group(0)):
            thing = THING_BEFORE.search(compact, 0, start)
            if not thing or HANDLED.search(compact, 0, thing.start()) or PURSUED.search(compact, thing.start(), start):
                return False
        if cat in ("propulsion", "flooding", "grounding") and compact.startswith(("船", "舱", "我们"), start) \
                and not TOY_BOAT.search(thing.group(0)):
            return False  # "看不清东西 船在漂": the event names the ship, not a toy one ("玩具小船在澡盆里沉下去了")
        if cat == "flooding":
            return bool(ADRIFT_THING.search(thing.group(0)))
        return cat != "propulsion" or not GEAR.search(thing.group(0))

    @staticmethod
    def _call(compact: str, spaced: str, evidence: list) -> int:
        call = 0
        for power, pattern in _CALLS:
            # Not a call named ("救命电话") nor asked after ("是出事了吗").
            m = next((m for m in pattern.finditer(compact) if not CALL_AS_NOUN.match(compact, m.start())
                      and not CALL_UNSAID.search(compact, max(0, m.start() - 4), m.start())
                      and not compact.startswith(("的", "吗", "么", "它", "救它", "协调", "调解", "核实"), m.end())), None)
            if m and power > call:
                call = power
                evidence.append(f"call:{m.group(0)}")
        if HEADED.match(spaced) and call < 3:
            call = 3
            evidence.append("call:headed")
        for power, pattern in _LATIN_CALLS:
            m = pattern.search(spaced)
            if m and power > call:
                call = power
                evidence.append(f"call:{m.group(0)}")
        return call

    @staticmethod
    def _news_after_end(compact: str, spaced: str, spans: list, evidence: list) -> bool:
        """The event is told again after the last end the message tells (救上来了, 没事了, 已经被拖走), in a clause of its
        own that says it is now or names someone else: "他们已经被拖走，我们的船底裂了在进水", "一个拉肚子已经吃了药没事
        了，另一个刚才吐血了". What ended was another event; like a but, the end before it does not count."""
        ends = [m.end() for pattern in (RESOLVED, ENDED) for m in pattern.finditer(compact)]
        ends += [m.end() for m in NEGATED.finditer(compact) if ALL_WELL.fullmatch(m.group(0))
                 or PEOPLE_SPARED.fullmatch(m.group(0)) or NOT_PRESSING.fullmatch(m.group(0))]
        if not ends:
            return False
        last = max(ends)
        for span in spans:
            if span[0] < last:
                continue
            clause = _clause(compact, spaced, span)
            if any(p.search(clause) for p in (HYPOTHETICAL, PAST, REMOTE, NEWS, ABOUT, NEGATED, RESOLVED, HABITUAL,
                                              ENDED, MISTAKEN, DRILL, BELIEVED)):
                continue
            if any(p.search(clause) for p in (NOW, JUST_TOLD, PRESENT, URGENT)) \
                    or ANOTHER.search(clause) or ANOTHER.search(compact, last, span[0]):
                evidence.append("news after an end")
                return True
        return False

    @staticmethod
    def _live_clause(compact: str, spaced: str, spans: list, evidence: list) -> str:
        """"going on", "urgent" or "fresh" when the hazard is reported as happening in a clause of its own, with no frame in
        that clause: what the other clauses ask (the insurer's number, whether to report, who pays) is asked
        during the event; "" otherwise. Only an event that goes on ("一直联系不上", "在进水") outweighs the past
        the other clauses tell ("他们昨晚说遇到大风"): one that has just happened may be the past's outcome.
        ``spans``: where the hazard's patterns matched; any of their clauses may be the live one ("如果我现在不报
        船沉了会不会判刑 船在往下沉")."""
        if not spans or " " not in spaced.strip():
            return ""
        best, urgent = "", URGENT.search(compact)
        for span in spans:
            clause = _clause(compact, spaced, span)
            if any(p.search(clause) for p in (HYPOTHETICAL, PAST, REMOTE, NEWS, ABOUT, NEGATED, RESOLVED, HABITUAL)):
                continue
            if PRESENT.search(clause):
                best = "going on"
                break
            if urgent:
                best = "urgent"
            if FRESH.match(compact, span[1]) and not best:
                best = "fresh"
        if best:
            evidence.append("live clause")
        return best

    @staticmethod
    def _about(compact: str, raw: str, evidence: list, live_clause: str = "", after_but: bool = False,
               first: int | None = None, category: str | None = None) -> int:
        """How strongly the message reads as a question about a hazard rather than a report of one (``raw``: the
        message as typed, in lower case).

        ``live_clause`` (``_live_clause``): the event is reported as happening in a clause of its own; then what
        the other clauses ask or plan (and, for an event that goes on, the past they tell) weigh 2 at most
        together. ``after_but``: the hazard is told after 不过 / 但是 ("捞上来了 但是没有呼吸"); what was said before
        it, that all is well or over or a joke, does not count. That all is well does not count before an
        exception (EXCEPT), nor as the calm start of the story before the event (``first``: where it is first told;
        "早上出港一切正常，刚才锚链断了"). ``category``: the kind of event told (an illness that is an old one is
        still news)."""
        about = asked = 0
        compact = THREAT.sub("、", compact)
        if HYPOTHETICAL.search(compact):
            # "可不可以直接下去救 现在人还在里面": a question asked while it is happening is still live.
            # "机舱着火了能不能用水灭": what to do about an event that has happened is asked during it.
            # "房子泡了两天了 怕会塌": what is feared of a state that has lasted up to now is feared now.
            asked += 2 if (NOW.search(compact) or DAYS_SINCE.search(compact) and FEARED.search(compact)
                           or "fresh" in evidence and HOW_NOW.search(compact)) \
                and not PLANNING.search(compact) else 6
            evidence.append("hypothetical")
        if not CONTRAST.search(compact) and any(compact[max(0, m.start() - 1):m.start()] not in ("从", "自")
                                                and not SINCE.match(compact, m.end()) for m in PAST.finditer(compact)):
            # The past makes a question about the aftermath; a report with 昨晚 in it is still a report.
            asks = QUESTION.search(compact) or (not URGENT.search(compact) and not LIVE.search(compact))
            if live_clause in ("going on", "urgent") and not LONG_AGO.search(compact):
                asked += 5 if asks else 1
            else:
                about += 5 if asks else 1
            evidence.append("past")
        remote = {m.group(0) for m in REMOTE.finditer(compact)} if not CONTRAST.search(compact) else set()
        if DAYS_SINCE.search(compact):
            remote.discard("那天")
        if remote:
            about += 5 if len(remote) == 1 else 8  # "年轻时 … 遇过火灾": a memory twice over
            evidence.append("remote past")
        # English as Chinese: what comes after "but" is the news ("fire extinguished but the cook is badly burned").
        topics = {m.group(0) for m in ABOUT.finditer(compact) if not SETTING.match(compact, m.start())
                  and not compact.endswith("不是", 0, m.start())
                  and not _filmed(compact, m)} | {
            m.group(0) for m in ABOUT_EN.finditer(raw) if not BUT_EN.search(raw, m.end())}
        told = bool(_events_told(evidence))
        if DISMISSED.search(compact) or told and ASK_NUMBER.search(compact) and len(CJK_CHAR.findall(compact)) <= 12:
            topics = set()  # "不需要政策解读，孩子掉到两条船中间了"
        if REALLY.search(compact) or REALLY_EN.search(raw):
            # "演练时有人真晕倒了", "fire started during the pump test": the drill or the test is where it happened.
            topics = {t for t in topics
                      if t not in ("演习", "演练", "训练", "志愿者") and not re.search(r"drill|test|fire ", t)}
        framed = about + asked > 0 or "modifier" in evidence or NEWS.search(compact)
        if topics:
            # "碰撞了 要不要报告": an event that has just happened, asked about in the same breath, is still live.
            asked += min(2 if "fresh" in evidence and not framed and len(topics) == 1 else 6, 3 + len(topics))
            evidence.append("about:" + "/".join(sorted(topics)))
        if "?" in raw or "？" in raw or compact.endswith("吗"):
            asked += 1
        about += min(asked, 2) if live_clause else asked
        if _news(compact) and not FIRSTHAND.search(compact):
            about += 5
            evidence.append("news")
        elif RELAYED.search(compact):
            about += 1  # a group chat or a phone call passed on: often about something happening now
            evidence.append("relayed")
        if "modifier" in evidence:
            about += 4
        # "没事没事 … 不过水一直往舱里灌": the but is the message.
        but_said = after_but or live_clause == "going on" and bool(BUT.search(compact))
        # Said before the event is first told: the calm start of the story, not its end; what is denied of the ship
        # before "就是…" is what did not happen, beside what did ("没着火 没漏水 就是一个兄弟热得昏过去了"; not
        # "没人受伤 就是碰了一下码头", "没出事 就是问问").
        calm_start = (lambda m, calm: first is not None and m.end() <= first and calm.fullmatch(m.group(0)))
        second = SECOND_THOUGHT.search(compact)
        negations = set() if but_said else {m.group(0) for m in NEGATED.finditer(compact, second.end() if second else 0)
                                             if not (ALL_WELL.fullmatch(m.group(0)) and EXCEPT.match(compact, m.end()))
                                             and not calm_start(m, ALL_WELL)
                                             and not (first is not None and m.end() <= first
                                                      and not re.search("[人事伤]", m.group(0))
                                                      and ONLY_THIS.search(compact, m.end(), first + 4))
                                             and not (live_clause == "going on" and PEOPLE_SPARED.fullmatch(m.group(0)))}
        if negations:
            about += 3 * min(2, len(negations))  # "没事了 不用派船了": said twice, it is meant
            evidence.append("negated")
        # An old illness ("老毛病") come back is still an illness now.
        if any(category != "medical" or "毛病" not in m.group(0) for m in HABITUAL.finditer(compact)) \
                and not AGAIN_NOW.search(compact):
            about += 1 if URGENT.search(compact) else 5
            evidence.append("habitual")
        for name, pattern, weight, live_weight in WHOLE_FRAMES:
            if pattern.search(compact):
                about += live_weight if live_clause else weight
                evidence.append(name)
        if any(not calm_start(m, CALM) and not _of_another(compact, m) for m in RESOLVED.finditer(compact)) \
                and not after_but \
                and not re.search(STILL_MISSING, compact):
            about += 5
            evidence.append("resolved")
        if THANKS.search(compact):
            about += 3  # thanks after the event; a plea with a thank-you keeps its urgency and its call
            evidence.append("thanks")
        corrected = (lambda m: RETRACTED.fullmatch(m.group(0)) and first is not None and any(
            c.end() <= first for c in CORRECTION.finditer(compact, m.end(), m.end() + 12)))
        if (any(not corrected(m) for m in NOT_MEANT.finditer(compact)) or LAUGHING.search(raw)) \
                and not REALLY.search(compact) \
                and not REALLY_EN.search(raw) and not but_said:
            about += 6
            evidence.append("not meant")
        if DRILL.search(compact) and not REALLY.search(compact):
            about += 6
            evidence.append("drill")
        events = _events_told(evidence)
        # A message "like a farewell note" (像遗书一样的短信) is no figure of speech.
        if FIGURATIVE.search(compact) or FIGURATIVE_EN.search(raw) or category != "self_harm" and any(
                not events or any(word in simile.group(0) for word in events) for simile in SIMILE.finditer(compact)):
            about += 8  # as much as office business before a bare call word ("救命 这个系统太难用了")
            evidence.append("figurative")
        return about

    def _pinyin_slip(self, compact: str, breaks: frozenset):
        """A key word written with a homophone (落睡 for 落水) in a message about a ship or the water, or in one so short
        that it says nothing else ("其火了"); a word of its own with the very same tones is one only where nothing
        else can stand, right after 有人 at the end of a clause ("有人逆水 在泸州": speech-to-text for 溺水)."""
        on_water = bool(SHIP_CONTEXT.search(compact) or URGENT.search(compact)) or len(compact) <= 4
        sets = [_readings(c) for c in compact]
        bounds, at = {0}, 0
        for token in Tokenizer.base().lcut(compact, HMM=False):
            at += len(token)
            bounds.add(at)
        for word, keys in _PINYIN_KEYS.items():
            if not on_water and PINYIN_WORDS[word] != "call":
                continue
            n = len(keys)
            for i in range(len(compact) - n + 1):
                window = compact[i:i + n]
                if window == word or window in NOT_SLIPS or not {i, i + n} <= bounds:
                    continue  # parts of two words (那个签证 has no 搁浅)
                if i and window[0] in "楼层号" and re.match(r"[\d一二两三四五六七八九十]", compact[i - 1]):
                    continue  # a floor or a number, then the next word: "住3楼 水没过来" has no 漏水
                if Tokenizer.base().FREQ.get(window) and not (_place_name(window) and (
                        compact.startswith(("了", "啦"), i + n) or compact.endswith("人", 0, i))) \
                        and not (compact.endswith("有人", 0, i) and (i + n in breaks or i + n == len(compact)
                                                                    or compact.startswith(("了", "啦"), i + n))
                                 and _tones(window) & _tones(word)):
                    continue  # a word of its own (装船 is no slip of 撞船); a place that "happened" is one (洛水了)
                if self._of_a_thing(PINYIN_WORDS[word], compact, i):
                    continue  # "手机掉江里了": a thing, as for the words themselves
                if all(sets[i + k] & keys[k] for k in range(n)):
                    return word, PINYIN_WORDS[word]
        return None
