"""Answers said of the person a calculation is for (帮我老公算一下: 他35岁, 我老公是硕士; for my
wife: she's 35): the questions ask about that person, so what is said of them is the answer,
read as the user's own would be. A person of theirs (他老婆, his wife) stays someone else."""

from __future__ import annotations

import re

from dialogs.conversation import Conversation
from dialogs.cues_asking import for_whom

__all__ = ["as_own", "whom_told"]

_CLAUSE_START = r"(^|[，,。;；!！?？\s])"
# 他/她 (他的, 她今年) opening a clause, not 他们 nor a person of theirs (他老婆: someone else).
_THEIRS = r"(?!们|老婆|老公|爱人|妻子|丈夫|媳妇|太太|配偶|孩子|儿子|女儿|爸|妈|父亲|母亲)"
_PRONOUN = re.compile(rf"{_CLAUSE_START}(?:他|她)(?:的)?{_THEIRS}")
_ENGLISH = (
    (
        re.compile(r"\b(?:he|she)(?:'s| is)\b(?! (?:wife|husband|spouse|partner|son|daughter))"),
        "I'm",
    ),
    (re.compile(r"\b(?:he|she) has\b"), "I have"),
    (re.compile(r"\b(?:he|she) (had|was|did|got|paid|holds?)\b"), r"I \1"),
    (re.compile(r"\b(?:his|her)\b(?! (?:wife|husband|spouse|partner|son|daughter))"), "my"),
)


def whom_told(conversation: Conversation, said: str) -> str:
    """The person an answer says the calculation is for, when it was the user's own so far (我
    老婆的，她38; 我是帮我老婆问的，她1992年10月生的): from now on the answers are theirs."""
    return "" if conversation.context.get("whom") else for_whom(said)


def as_own(conversation: Conversation, said: str, whom: str = "") -> str:
    """`said` with the person the calculation is for (context whom, or `whom` told with it)
    named as the user (他35岁: 我35岁; 我老公是硕士: 我是硕士); as typed when the calculation is
    the user's own."""
    whom = whom or str(conversation.context.get("whom") or "")
    if not whom:
        return said
    if not whom.isascii():
        named = re.compile(rf"{_CLAUSE_START}(?:我的|我家的?|我)?{re.escape(whom)}(?:的)?")
        said = named.sub(r"\1我", said)
    said = _PRONOUN.sub(r"\1我", said)
    for pattern, replacement in _ENGLISH:
        said = pattern.sub(replacement, said)
    return said
