"""Which parts of a message ask something: a life story tells a lot on the way to its
question, and a message may ask two things. The retriever decides on the asking parts."""

from __future__ import annotations

import re

# A clause ends at sentence punctuation or where a second question is announced.
_CLAUSES = re.compile(
    r"[？?！!。；;，,\n]+|另外|还有就是|还有个问题|顺便问一下|顺便问|顺便|再问一下|also,"
)
# Chat typed without punctuation separates with spaces: what follows the part that asks is an
# aside (积分审核要多久 孩子下月要报名), what comes before names what is asked about (居转户
# 中间换过公司 年限怎么算).
_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_BACK = re.compile(r"\b(?:it|this|that|them|these|those)\b|它|这个|那个|这些|那些")
_SENTENCES = re.compile(r"[？?！!。；;\n]+")
_QUESTION_MARK = re.compile(r"[？?]")
_UNSURE = re.compile(r"不知道|不清楚|没头绪|摸不着头脑|搞不清|搞不懂|不太懂")
_QUESTION_STARTS = re.compile(
    r"(?:^|[，,。？?！!；;\s])((?:我)?(?:想问问?|想请问|想知道|想了解一下)|请问|请教一下|请教|问一下|"
    r"(?:我的)?问题是|my question is|i want to know|i'd like to know|i would like to know)"
)
# What someone else said they do not know (人事说她也不确定什么时候有结果) is told, not asked:
# the question word is theirs.
_REPORTED = re.compile(
    r"(?:她|他|人事|公司|单位|朋友|同事|中介|别人|人家|工作人员|窗口|老板)也?(?:说|讲|告诉我)"
    r"[^吗嘛呢么]*(?:不确定|不知道|不清楚|说不清|搞不清)"
)
_ASKS = re.compile(
    r"[吗嘛呢么]$|怎么|怎样|咋|如何|(?<![没不])(?<!没过)多久|哪(?!怕)|谁|什么(?![也都])|啥(?![也都])|为什么|能否|能不能|可不可以|"
    r"是否|要不要|"
    # 几 asks, except as a few (公司就几个人, 这几年, 前几天, 好几次, 输了几次都不对, 差几分达标).
    r"多少|(?<![好十就才只没这那前差缺])几[个年天分次份步周](?!十)(?![^，,。？?]{0,8}都)|"
    # English asks where a clause or a sentence starts (after a conjunction) or after a verb of
    # asking: "with what I thought was my password" and "it says the account is locked" ask
    # nothing.
    r"(?:^|\.\s)\W*(?:(?:and|but|so|or|then|also)\s+)*"
    r"(?:how|what|what's|whats|when|where|which|who|why|can|could|do|does|did|is|are|am|should|"
    r"will|would|may|must|any)\b|"
    r"\b(?:wonder|wondering|know|tell me|ask|asking|unsure|not sure|confused|explain)\W+"
    r"(?:if|whether|how|what|when|where|which|who|why)\b"
)


def _asks(part: str) -> bool:
    return _ASKS.search(part) is not None and not _REPORTED.search(part)


def sentences(plain: str) -> list[str]:
    """The sentences of a message, stripped, empty ones left out; an aside typed after the part
    that asks (积分审核要多久 孩子下月要报名) is a sentence of its own."""
    told = []
    for sentence in filter(None, map(str.strip, _SENTENCES.split(plain))):
        parts = _SPACE.split(sentence)
        last = max((i for i, part in enumerate(parts) if _asks(part)), default=None)
        if last is None or last == len(parts) - 1:
            told.append(sentence)
        else:
            told += [" ".join(parts[: last + 1]), " ".join(parts[last + 1 :])]
    return told


def asking_clauses(plain: str) -> list[str]:
    """The clauses of a question that ask something, in order (a life story around them aside)."""
    return [c for c in map(_until_asked, _CLAUSES.split(plain)) if c]


def _until_asked(clause: str) -> str:
    """`clause` up to the end of its last part that asks (parts: separated by spaces), or ""
    when none does."""
    parts = _SPACE.split(clause.strip())
    last = max((i for i, part in enumerate(parts) if _asks(part)), default=None)
    return "" if last is None else " ".join(parts[: last + 1])


def main_questions(plain: str) -> list[str]:
    """The asking clauses from where the message says its question starts (请问, 想知道, my
    question is ...), or all of them: in a life story, "看看通知书能不能打" told on the way
    is not what is asked."""
    marked = _QUESTION_STARTS.search(plain)
    return (marked and asking_clauses(plain[marked.start(1) :])) or asking_clauses(plain)


def asked_about(plain: str) -> str:
    """The clauses that ask something, joined, or the whole message when none does: a word
    that is usually not ours counts only where it is asked about (我在淘宝开网店，能办积分吗
    asks about points). A clause that points back (where do I renew it) brings the clause
    before it, unless that one asks and is there already."""
    clauses = [c.strip() for c in _CLAUSES.split(plain)]
    asking = [_until_asked(clause) for clause in clauses]
    asked = [
        f"{before}，{part}" if _BACK.search(part) and before and not before_asks else part
        for before, before_asks, part in zip(["", *clauses], ["", *asking], asking, strict=False)
        if part
    ]
    return "，".join(asked) or plain


def with_story(plain: str, question: str) -> str:
    """`question` (an asking clause of `plain`) with the clauses just before it that only tell
    (back to the one before that asks): "以前被行政拘留过，还能申请积分吗" asks about the
    detention, not about who may apply."""
    clauses = [c.strip() for c in _CLAUSES.split(plain)]
    at = next((i for i, c in enumerate(clauses) if question in c), None)
    if at is None:
        return question
    start = at
    while start > 0 and clauses[start - 1] and not _until_asked(clauses[start - 1]):
        start -= 1
    return "，".join([*clauses[start:at], question])


def tells_only(plain: str) -> bool:
    """Whether a message only tells what happened: no question mark (to the end of "到底正常
    要多长时间？", asked with words no rule reads as asking), and no clause asks but to say what
    the user does not know (下一步不知道该做什么。)."""
    unsure = all(_UNSURE.search(clause) for clause in asking_clauses(plain))
    return unsure and not _QUESTION_MARK.search(plain)
