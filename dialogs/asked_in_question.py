"""A yes or a no said only inside a yes/no question about the rule is not said of oneself.

超生这种事情如今还有人管吗 at the family-planning question asks whether the rule is still
enforced; that the user has such a record is not said, though 超生 reads as a yes. Recorded, it
would be a veto, a confident wrong score. 交通违章算不算？ at the deductions reads as a no (a
traffic fine deducts nothing), 不满5年有分吗 at the years of public service as 4 years: recorded,
each would be something the user never said about themselves. Such a question gets the FAQ's
answer when it has one (dialogs/reading_answer.py), else what the question counts (its rule,
dialogs/asked_rule.py) and the question again; a question without a rule of its own gets a
confirm: asking about the rule (its own button), or answering (the question's values).

A question about the rule asks whether something counts, is checked or allowed (about_rule in
dialogs/intents.yaml); 没有吗 or 3年吧？ asks nothing of the rule: an answer given with a doubt. An
answer also said in a clause that asks nothing (有，罚过款算吗; 没有，交通违章算吗; 我超生过，现在还
查吗) is the answer, as before; so is a no or a count the question tells of the user's own past
(闯红灯罚过款算吗: fined once, which deducts nothing). A yes is a veto: always asked back.
Only yes/no and free-value questions: at a question with options, the thing a question names
is read as the user's own (驾照算吗 at the title: none)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.cues import CLAUSE
from dialogs.cues_fields import named_field
from dialogs.intent_table import markers
from dialogs.intents import asks, asks_yes_or_no, says
from dialogs.parsing import Ambiguous, normalise, words
from dialogs.question import YES_NO, Facts
from dialogs.questions import Question, impossible

__all__ = [
    "ASKED",
    "CONFIRM_KEY",
    "RULE_CHOICE",
    "RULE_KEY",
    "RULE_KEYS",
    "STOP",
    "Beside",
    "about_the_rule",
    "answered_beside",
    "asks_something",
    "asks_the_rule",
    "asks_what_counts",
    "plain_question",
    "rule_or_answer",
]

# The confirm at a yes/no question (是/否 for the user's own case), and at any other question
# (its values, or a value typed).
CONFIRM_KEY = "confirm-asked-in-question"
RULE_KEY = "confirm-rule-or-answer"
RULE_KEYS = frozenset({CONFIRM_KEY, RULE_KEY})
RULE_CHOICE = "asked:rule"  # the confirm's button "I was asking about the rule"
# A clause with the question mark that ends it (交通违章算？ asks; 交通违章算 would not).
ASKED = re.compile(rf"{CLAUSE.pattern}[?？]?")
# 嘛 or 呢 with more of the clause after it marks a topic, not a question: 学位嘛有的.
_TOPIC = re.compile(r"(?<=\S)[嘛呢](?=[^\s,，。.!！?？~～…])")
# 什么 or 啥 after a negator in its clause is "any", not "what": 没拿过什么表彰, 不是啥领导.
_INDEFINITE = re.compile(r"([没不无未][^,，。;；?？]{0,4}?)(?<!为)(?:什么|啥)")
# "Whichever is higher" (哪个高填哪个) tells which answer to take, it asks nothing.
_WHICH = "哪(?:个|样|一个|项|种)"
_WHICHEVER = re.compile(
    rf"{_WHICH}(?:分|分数|级别)?最?(?:高|大|多|好)\S{{0,2}}?就?(?:填|算|选|按|写|用|报){_WHICH}"
)
# A "but" after a space opens a clause of its own (对口 但是现在不查了吧); a guess ends with 吧.
_CONTRAST = re.compile(r"(?<=\S)\s+(?=(?:不过|但是|可是|只是)\S)")
_GUESSED = re.compile(r"吧\W*$")
# A full stop ending an English sentence (No. Does a parking ticket count?), not a decimal point.
STOP = re.compile(r"(?<=\w)\.(?=\s+[A-Za-z])")
BARE = 6  # characters of an answer said on its own beside a question (我就是中级)


def asks_the_rule(question: Question, said: str, parse: Callable[[str], Any], value: Any) -> bool:
    """`said`, read as `value` at `question`, asks a yes/no question about the rule and no
    clause that asks nothing gives an answer (`parse` raises ValueError on a clause that
    gives none)."""
    if question.choices not in ((), YES_NO):
        return False  # 驾照算吗 at the title: none, as before
    clauses = _clauses(said)
    asking = [normalise(c) for c in clauses if _asks_whether(c)]
    if not any(says("about_rule", c) for c in asking):
        return False
    if value is not True and any(says("told_of_oneself", c) for c in asking):
        return False  # 闯红灯罚过款算吗: a fine told, which deducts nothing
    for index, clause in enumerate(clauses):
        if _asks_whether(clause) or asks(clause):
            continue
        try:
            parse(clause)
        except ValueError:
            continue
        return _doubted_after(clauses[index + 1 :])
    return True


def _doubted_after(later: list[str]) -> bool:
    """An answer followed by "but" and a yes/no question about the rule (有，不过现在不是不查了
    吗): given in doubt of whether the rule still holds, so asked back, not recorded."""
    plain = [normalise(c) for c in later]
    return any(says("contrast", c) and _asks_whether(c) and says("about_rule", c) for c in plain)


def _asks_whether(clause: str) -> bool:
    """A yes/no question, or a "but" clause guessing with 吧 (但是现在不查了吧): a guess about
    the rule put to the bot, which a 吧 after an answer alone (应该是5吧) is not."""
    return asks_yes_or_no(clause) or bool(
        says("contrast", normalise(clause)) and _GUESSED.search(clause)
    )


def asks_what_counts(question: Question, said: str, value: Any) -> bool:
    """`said`, read as the "none" choice of `question` (one with choices, the bonus items
    aside), only asks whether a thing counts as what the question asks for (PMP算不算职称？
    at the title): a question about the rule, nothing told of oneself (驾照算吗, 教师资格证算吗？
    就这个: none, as before; the thing is not named as the question's own)."""
    nothing = next((o.value for o in question.choices if o.id.endswith(":none")), None)
    if question.choices in ((), YES_NO) or question.id == "bonus" or value != nothing:
        return False
    clauses = [normalise(c) for c in _clauses(said)]
    if not clauses or not all(asks_yes_or_no(c) for c in clauses):
        return False
    return any(_counts_as(question.id, c) for c in clauses)


def _counts_as(question_id: str, clause: str) -> bool:
    """`clause` asks whether something counts as what the question names (算不算职称)."""
    rule = markers("about_rule").found(clause)
    named = named_field(clause[rule[0].end() :]) if rule else None
    return named is not None and named[0] == question_id


def plain_question(said: str) -> str:
    """`said` without the words that look like a question and are none (学位嘛有的: a topic;
    没拿过什么表彰: "any")."""
    return _WHICHEVER.sub("", _INDEFINITE.sub(r"\1", _TOPIC.sub("", said)))


def asks_something(said: str) -> bool:
    """`said` asks a question: what, how, why (中级职称能加多少分), or yes or no (还能申请吗)."""
    plain = plain_question(said)
    return asks(plain) or asks_yes_or_no(plain)


def _clauses(said: str) -> list[str]:
    """The clauses of `said`, each with the question mark that ends it; an English sentence
    ends a clause too."""
    split = _CONTRAST.sub("，", STOP.sub("。", said))
    return [c for c in ASKED.findall(split) if c.strip()]


@dataclass(frozen=True)
class Beside:
    """A message that answers the open question beside a question: the clauses that ask
    nothing (`answer`) and those that ask (`asked`)."""

    answer: str
    asked: str


def answered_beside(said: str, parse: Callable[[str, date], Any], today: date) -> Beside | None:
    """A few words that ask nothing, beside a question, answer it alone (60，还能申请吗;
    中级职称能加多少？我就是中级; No. Does a parking ticket count?); a story beside a question
    (在临港工作了三年，能加分吗 at the months) is not read as an answer."""
    clauses = [c.strip() for c in _clauses(said)]
    asking = [c for c in clauses if asks_something(c)]
    if not asking:
        return None
    for clause in clauses:
        if len(clauses) < 2 or len(words(clause)) > BARE or clause in asking:
            continue
        try:
            parse(clause, today)
        except ValueError:
            continue
        told = "，".join(c for c in clauses if c not in asking)
        return Beside(told, " ".join(asking))
    return None


def rule_or_answer(question: Question, value: Any, facts: Facts, today: date) -> Ambiguous:
    """The confirm: at a yes/no question yes or no; elsewhere the readings earlier answers
    leave possible (none: a value typed). Its button for the rule is added when it is shown."""
    if question.choices == YES_NO:
        return Ambiguous((True, False), key=CONFIRM_KEY)
    options = value.options if isinstance(value, Ambiguous) else (value,)
    left = tuple(o for o in options if impossible(question, o, facts, today) is None)
    return Ambiguous(left, key=RULE_KEY)


def about_the_rule(choice: str | None, said: str) -> bool:
    """Pressed or typed at the confirm: the user was asking about the rule (问规定)."""
    return choice == RULE_CHOICE or (not choice and says("rule_asked", normalise(said)))
