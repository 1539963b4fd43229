"""Requests typed as free text (我想算积分, 帮我提醒签注, change my education), recognised
before the FAQ is asked: the cues are data (dialogs/intents.yaml), this is the scorer."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from dialogs.cues import CLAUSE, Cues, blank_clauses, joined
from dialogs.cues_asking import asks, asks_overview, asks_yes_or_no, for_whom, says
from dialogs.cues_fields import EITHER, either_field, field_named, fields_told, named_field, overlap
from dialogs.cues_refused import unasked
from dialogs.intent_table import IntentCues, data, intent_cues, markers, typos
from dialogs.memo import remembered
from dialogs.parsing import digits, normalise

__all__ = [
    "EITHER",
    "PLACE",
    "PREVIOUS",
    "Intent",
    "asks",
    "asks_overview",
    "asks_yes_or_no",
    "denies_item",
    "detect",
    "field_named",
    "for_whom",
    "named_before",
    "refuses",
    "says",
]

# The args of an edit naming its question relatively: the question before (上一题选错了), and
# a place, "#2" for 第二题答错了 (`_BY_PLACE` is its cue's arg in intents.yaml: read the place).
PREVIOUS = "previous"
PLACE = "#"
_BY_PLACE = "by_place"
# A request is short; a longer text is a story or a question for the FAQ or a person, even when
# it mentions 提醒 or 算分. Counted in units: a Chinese character or a Latin word.
MAX_UNITS = 36
UNIT = re.compile(r"[\u4e00-\u9fff]|[a-z0-9]+")


@dataclass(frozen=True)
class Intent:
    """`name`: calculate | reminder | handoff | restart | menu | edit | delete_data; `trigger` and
    `arg` are what the machine fires (a reminder's: remind, reminders or unsubscribe); `sure`
    is False when the text also reads as a question about rules, or says its cue in passing
    (提醒一下，…); `value` is the new answer an edit carries, if it carries one."""

    name: str
    trigger: str
    arg: str = ""
    sure: bool = True
    value: str = ""  # an edit's new answer, as typed (年纪改成41: "41")
    aside: bool = False  # its cue said in passing (提醒一下，…): an answer's words first
    # an edit naming its question by words naming another one too (配偶): both, joined by EITHER
    either: str = ""
    also: Intent | None = None  # a request of another kind said after it: offered once it is done

    @property
    def label(self) -> str:
        """The name the evaluation uses: edit:<question id> for an edit."""
        return f"edit:{self.arg}" if self.name == "edit" else self.name


def _matches(cues: IntentCues, text: str) -> tuple[str, str] | None:
    """(field, rest) when the cues match: the question an edit names ("" otherwise) and the
    text outside the matched cues (a cue like 我有多少分 is a request, whatever it asks);
    None when they do not match."""
    if cues.unless.any(text):
        return None
    text = blank_clauses(text, cues.unless_in_clause)
    # A cue refused is dropped with the cues inside it (不用转人工: 人工 too); the others still
    # ask (不用看结果了，先帮我算下分; 之前算积分够了，现在帮我算下: a combo's words after it).
    found = cues.phrases.found(text)
    refused = [m for m in found if _negated(text, [m])]
    if wanted := [m for m in found if not _inside(m, refused)]:
        return "", _without(text, wanted)
    for combo in cues.combos:
        field, spans, named = "", [], None
        for group in combo:
            if isinstance(group, str):  # FIELD: the question the text names
                named = named_field(text)
                if named is None:
                    break
                field = named[0]
            elif matched := [m for m in group.found(text) if not _inside(m, refused)]:
                spans += matched
            else:
                break
        else:
            # The words naming a question are no cue: 不对口 names title_matches_job, and its
            # 不 refuses nothing (刚才说不对口，其实是对口的，改一下).
            if _negated(text, spans):
                return None
            return field, _without(text, spans + ([named[1]] if named else []))
    return None


def _inside(match: re.Match[str], refused: list[re.Match[str]]) -> bool:
    return any(overlap(match, r) for r in refused)


def _negated(text: str, found: list[re.Match[str]]) -> bool:
    """A cue right after 不用/别/don't (不用转人工), supposed (重新算的话), told done
    (重新算了一下), under way (正在算积分) or put off (算完提醒我, 转人工之前): no request now."""
    return any(
        markers("negations").any(text[: m.start()])
        or markers("supposing_before").any(text[: m.start()])
        or markers("supposing_after").any(text[m.end() :])
        or markers("told_done").any(text[m.end() :])
        or markers("deferred").any(text[: m.start()])
        or markers("ongoing").any(text[: m.start()])
        or markers("deferred_after").any(text[m.end() :])
        for m in found
    )


def refuses(text: str) -> bool:
    """`text` refuses a request and makes none (no need to restart, 不用转人工): said beside an
    answer, it tells nothing of the answer."""
    said = typos().correct(normalise(text).strip())
    if not _any_cue().any(said) or _request(said) is not None:
        return False
    return any(_negated(said, cues.phrases.found(said)) for cues in intent_cues())


def _without(text: str, found: list[re.Match[str]]) -> str:
    for match in found:
        text = text.replace(match.group(0), " ")
    return text


def _place(said: str) -> str:
    """#n for the question `said` names by its place (第二题 -> #2), "" when none is read."""
    plain = digits(said)
    found = markers("places").found(plain)
    place = next((m.group("place") for m in found), "")
    number = data()["place_words"].get(place, place)
    return f"{PLACE}{number}" if str(number).isdigit() else ""


def _which_previous(said: str) -> str:
    """previous, or previous:head (上一个大问题) or previous:yes_no (上一步应该选否)."""
    for kind in ("head", "yes_no"):
        if markers(f"previous_{kind}").any(said):
            return f"{PREVIOUS}:{kind}"
    return PREVIOUS


def _new_value(said: str) -> str:
    found = markers("new_value").found(said)
    return next((m.group("value").strip() for m in found), "")


def detect(text: str) -> Intent | None:
    """The request `text` makes, if it makes one: sure, or a "maybe" when it also reads as a
    question about the rules (我想知道积分怎么算, 积分怎么算)."""
    return remembered(lambda: ("detect", text), lambda: _detect(text))


def named_before(intent: Intent | None, open_question: str, said: str) -> Intent | None:
    """An edit naming the open question while it names the question before (上一题多选错了，
    不该选投资 at the tax: 投资 is the bonus item picked there): an edit of the one before."""
    if intent is None or intent.name != "edit" or intent.arg != open_question:
        return intent
    if not says("previous_question", typos().correct(normalise(said))):
        return intent
    return replace(intent, arg=PREVIOUS, value="", either="")


def denies_item(said: str, question_id: str) -> bool:
    """`said` denies the thing the question `question_id` names right before its words (我没得过
    奖, 没有表彰): asked for a bonus item, it says the item was picked wrong."""
    plain = typos().correct(normalise(said))
    named = named_field(plain)
    return (
        named is not None
        and named[0] == question_id
        and says("item_denied", plain[: named[1].start()])
    )


def _detect(text: str) -> Intent | None:
    said = typos().correct(normalise(text).strip())
    if not said or len(UNIT.findall(said)) > MAX_UNITS:
        return None
    said = said.removeprefix("请问")  # polite, not a request
    if not (said := unasked(said)):  # 重来？不用: a request asked and refused is none
        return None
    if passing := markers("asides").found(said):
        after = _request(said[passing[0].end() :])
        if after is not None:  # 对了提醒下，我的提醒在哪看: a request after the aside
            return after
        made = _request(said)
        return None if made is None else replace(made, sure=False, aside=True)
    if (back := markers("taken_back").found(said)) and _request(said[: back[0].start()]):
        # 想转人工……算了，先帮我算分: the request kept is the one not taken back, if any
        rest = said[max(m.end() for m in back) :]
        return _with_second(rest, _request(rest) or _profile_scored(rest)) if rest else None
    if fixed := markers("self_corrections").found(said):
        # 看看我积分够不够落户…不是，够不够120: what the user says instead is the request
        after = _request(said[max(m.end() for m in fixed) :])
        if after is not None and after.sure:
            return after
    if says("calculation_first", said):  # 实在算不了的话再找客服: a person only if it fails
        return Intent("calculate", "score")
    made = _request(said) or _profile_scored(said) or _asked_after(said)
    return _with_second(said, made)


def _asked_after(said: str) -> Intent | None:
    """A sure request in a sentence of its own after a question (老婆上海户口能加多少分？帮我整体算
    一下): the question was the reason, the request is what the user wants done."""
    *before, last = SENTENCE_END.split(said)
    made = _request(last) if before and last.strip() else None
    return made if made is not None and made.sure else None


# The end of a sentence: what follows is said on its own.
SENTENCE_END = re.compile(r"[?？!！。]+\s*")


def _profile_scored(said: str) -> Intent | None:
    """A calculation asked after a person described, with no cue of its own (35岁本科能有多少分,
    本科28岁多少分): an age and the facts of another points question. Without the age, or with
    the facts of one question only (硕士能拿多少分, 社保基数交2倍能积几分, 应届硕士打分要多少分:
    the bonus items are rules asked), a rule is asked, the FAQ's."""
    if not says("profile_scored", said) or not says("age_told", said):
        return None
    told = {qid for qid, _ in fields_told(said)} - {"bonus"}
    return Intent("calculate", "score") if len(told) > 1 else None


# A calculation after a request that leads into the questions anyway (重新开始，帮我算分) is no
# second request: the questions end with the score.
INTO_THE_QUESTIONS = frozenset({"score", "restart", "edit", "back"})
# Never offered as the second request: a step back means the question open when it was said,
# and a refusal beside a request (不需要提醒，帮我算一下积分) cancels nothing.
NEVER_SECOND = frozenset({"back", "unsubscribe"})
_AGAIN: dict[str, str] = {"edit": "restart"}


def _with_second(said: str, made: Intent | None) -> Intent | None:
    """Two requests in one message (帮我算下积分，顺便设个签注提醒; set a reminder, then talk to
    a person): the request the whole text makes is carried out, the other one, said in a part
    of its own, is offered after it (`also`). Not after a person is asked for: from then on
    the staff hold the conversation."""
    if made is None or not made.sure or made.trigger == "human":
        return made
    parts = [p for p in markers("request_breaks").either.split(said) if p.strip()]
    found = [r for part in parts if (r := _request(part)) and r.sure]
    if made.name == "edit" and any(_starts_again(part) for part in parts):
        return Intent("restart", "restart")  # 重新计算，刚才年龄学历都答错了: all asked again
    # and a restart beside an edit (学历填错了，重新填一下) answers that question again
    other = next((r for r in found if r.name not in (made.name, _AGAIN.get(made.name))), None)
    if other is None or other.trigger in NEVER_SECOND:
        return made
    if made.trigger == "menu":  # 我不算了，帮我转人工: leaving for another request is that request
        return other
    if other.trigger == "score" and made.trigger in INTO_THE_QUESTIONS:
        return made
    return replace(made, also=other)


def _starts_again(part: str) -> bool:
    """`part` asks to start again on its own, in words no edit uses (重新计算, 从头来; not
    重新填 or 重答, which answer one question again, nor 回到第一题, which goes where the edit
    goes)."""
    made = _request(part)
    restart = made is not None and made.sure and made.name == "restart"
    return restart and not markers("change_words").any(part) and not says("back_to_start", part)


@cache
def _any_cue() -> Cues:
    """Every intent's phrases and one group of each of its combos (all must match; the one
    with the fewest one-character words, 人工 rather than 有): a text with none of them, most
    answers, makes no request, and that takes one search."""
    patterns = [p for cues in intent_cues() for p in cues.phrases.patterns]
    for cues in intent_cues():
        for combo in cues.combos:
            groups = [g for g in combo if not isinstance(g, str)]
            patterns += min(groups, key=_one_character_words).patterns
    return joined(tuple(dict.fromkeys(patterns)))


def _one_character_words(cues: Cues) -> int:
    return sum(len(p.pattern) == 1 for p in cues.patterns)


def _request(said: str) -> Intent | None:
    if not _any_cue().any(said):
        return None
    for cues in intent_cues():
        match = _matches(cues, said)
        if match is None:
            continue
        named, rest = match
        either = ""
        if named and cues.name == "edit":
            named, either = either_field(said, named)
        arg = named or (_place(said) if cues.arg == _BY_PLACE else cues.arg)
        if arg == PREVIOUS:
            arg = _which_previous(said)
        # 我想 is a request frame, 我想知道 is not: it wants to know what the asking words ask.
        requesting = markers("requesting").any(said) and not markers("knowing").any(said)
        asking = markers("asking").any(rest) and not (requesting or cues.asked_is_request)
        # my wife's score names the person it is for, no item (配偶) it asks about
        item = cues.item_is_question and not requesting and not for_whom(said)
        asking = asking or (item and _one_item(said))
        value = _new_value(said) if cues.name == "edit" and named else ""
        if cues.beside_is_aside and len([c for c in CLAUSE.findall(said) if c.strip()]) > 1:
            return Intent(cues.name, cues.trigger, arg, sure=False, aside=True)
        return Intent(cues.name, cues.trigger, arg, sure=not asking, value=value, either=either)
    return None


def _one_item(said: str) -> bool:
    """The clauses of `said` name one points question (年龄能拿几分, 我在上海交了7年社保，能拿多少
    分: a question about its rule), not several, in clauses of their own or not (我35岁本科有学位，
    社保交了5年，能有多少分: the user told of themselves, their score asked); nor one told in a
    clause beside the request when no clause asks (算积分，我是硕士); nor one told of
    before a clause that names no question and asks for the score as a whole: the user's own,
    or now (我是2000年1月份出生的，今年多少分, 我想知道我能打多少分，本科35岁社保交了三年)."""
    clauses = [(clause, named_field(clause)) for clause in CLAUSE.findall(said) if clause.strip()]
    named = {found[0] for _, found in clauses if found}
    told = {qid for qid, _ in fields_told(said)} - {"bonus"}
    asking = [(c, found) for c, found in clauses if asks(c) or asks_yes_or_no(c)]
    # one question named, one told of at most (我30岁硕士，能到120分吗: two facts, the score
    # asked), and asked about when told in several clauses (算积分，我是硕士: nothing asked)
    one = len(named) == 1 and len(told) <= 1 and (len(clauses) == 1 or bool(asking))
    return one and not any(found is None and says("whole_score", c) for c, found in asking)
