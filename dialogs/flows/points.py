"""Callbacks of the points questions: begin, answer, confirm, back, edit, the result."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dialogs.asked_in_question import RULE_CHOICE, RULE_KEYS
from dialogs.conversation import Conversation
from dialogs.intents import EITHER, PLACE, PREVIOUS, for_whom
from dialogs.parsing import BONUS_ITEMS, Ambiguous
from dialogs.question import YES_NO
from dialogs.questions import Question, applicable, by_id, find_by_word, record, recorded
from dialogs.reading_answer import picked
from dialogs.reading_possible import either_possible
from dialogs.reading_told import told_facts, told_unsure
from dialogs.result import score_answers, show_score
from dialogs.screens import Turn, ask, confirm, error_text, menu_choices, reask, resume
from dialogs.summary import read_back

__all__ = [
    "QUESTIONNAIRE",
    "ask_confirmation",
    "ask_next",
    "begin",
    "begin_edit",
    "completes",
    "drop_confirm",
    "edit_applies",
    "edit_refused",
    "either_named",
    "go_back",
    "named_question",
    "reask_answer",
    "record_answer",
    "show_result",
    "toggle_pick",
]

# Context keys of one run through the points questions.
QUESTIONNAIRE = ("q", "done", "extra", "pending", "picked", "goal_month", "whom", "unsure")


def _next_question(answers: dict[str, Any], extra: dict[str, Any], done: set[str]) -> str | None:
    """The first question not done, or done but its answer dropped since (ruled out)."""
    pending = (
        q
        for q in applicable({**answers, **extra})
        if q.id not in done or recorded(q, answers, extra) is None
    )
    return next((q.id for q in pending), None)


def completes(*, conversation: Conversation, turn: Turn) -> bool:
    """Recording this answer leaves no question to ask: the result comes next."""
    answers = dict(conversation.answers)
    extra = dict(conversation.context.get("extra", {}))
    question = by_id(conversation.context["q"])
    record(question, turn.reading.value, answers, extra)
    done = {*conversation.context.get("done", []), question.id}
    return _next_question(answers, extra, done) is None


def _previous(conversation: Conversation, kind: str = "") -> str | None:
    """The answered question just before the open one in the asking order (after 修改社保 that
    is the question before 社保, not the last one answered); after the result, the last one.
    Of `kind` "head": the nearest one with an edit of its own, that opened the questions since
    (上一个大问题); "yes_no": the one just before when it is a yes/no question, or the yes/no
    one that opened it (上一步应该选否 at the detentions after the false-materials count: the
    deductions); None when the one before is neither (上一题应该选是 after the title): the user
    is asked what to change, and no yes is taken for a question that takes none."""
    context = conversation.context
    order = [q.id for q in applicable(conversation.facts())]
    here = order.index(context["q"]) if context.get("q") in order else len(order)
    before = sorted(
        (d for d in context.get("done", []) if d in order and order.index(d) < here),
        key=order.index,
    )
    if kind == "head":
        before = [d for d in before if by_id(d).edit_words]
    elif kind == "yes_no":
        return _yes_no_before(before)
    return before[-1] if before else None


def _yes_no_before(before: list[str]) -> str | None:
    """The last of `before` if a yes/no question, else the yes/no question that opened the
    follow-ups it ends with; None past a question with an edit of its own."""
    for question_id in reversed(before):
        question = by_id(question_id)
        if question.choices == YES_NO:
            return question_id
        if question.edit_words:
            return None
    return None


def _by_place(conversation: Conversation, place: int) -> str | None:
    """The question asked `place`-th (1-based), counting in the asking order the questions
    answered and the one open; None past them."""
    context = conversation.context
    asked = [
        q.id
        for q in applicable(conversation.facts())
        if q.id in context.get("done", []) or q.id == context.get("q")
    ]
    return asked[place - 1] if 1 <= place <= len(asked) else None


def either_named(conversation: Conversation, arg: str) -> list[Question]:
    """The questions an edit naming either of two (`EITHER`) may mean: those asked so far, else
    those that apply; not the open one when another remains (配偶那个选错了 at the years married
    is about the bonus item: the open question is answered, not edited)."""
    ids = arg.split(EITHER)
    context = conversation.context
    here = [q for q in applicable(conversation.facts()) if q.id in ids]
    asked = [q for q in here if q.id in context.get("done", []) or q.id == context.get("q")]
    either = asked or here
    return [q for q in either if q.id != context.get("q")] or either


def named_question(conversation: Conversation, arg: str) -> Question | None:
    """The question an edit names: by a word or its id, as the one before (`PREVIOUS`), by
    its place (`PLACE`), or as the one of two (`EITHER`) that it can be."""
    if EITHER in arg:
        either = either_named(conversation, arg)
        return either[0] if len(either) == 1 else None
    if arg == PREVIOUS or arg.startswith(f"{PREVIOUS}:"):
        previous = _previous(conversation, arg.removeprefix(PREVIOUS).lstrip(":"))
        return by_id(previous) if previous else None
    if arg.startswith(PLACE) and arg[1:].isdigit():
        placed = _by_place(conversation, int(arg[1:]))
        return by_id(placed) if placed else None
    return find_by_word(arg)


def edit_applies(*, conversation: Conversation, turn: Turn) -> bool:
    question = named_question(conversation, turn.arg)
    return question is not None and question in applicable(conversation.facts())


def begin(*, conversation: Conversation, turn: Turn, fresh: bool = False) -> None:
    """算积分 continues an unfinished run (saying so: the score comes after the questions
    left, 重新开始 starts afresh), else starts one; 重新开始 (`fresh`) always starts."""
    context = conversation.context
    if fresh or not context.get("q"):
        conversation.answers.clear()
        for key in QUESTIONNAIRE:
            context.pop(key, None)
        turn.out.say(turn.out.t("restarted" if fresh else "score-intro"))
        if whom := for_whom(turn.reading.said):  # 帮我老公算: his answers, never the user's own
            context["whom"] = whom
            turn.out.say(turn.out.t("score-for-whom", whom=whom))
        _take_told(conversation, turn)
        _ask_open(conversation, turn)
        return
    ask(conversation, turn.out, turn.out.t("score-continue"))


def _take_told(conversation: Conversation, turn: Turn) -> None:
    """The facts told with the request (35岁本科有学位能有多少分) answer their questions: shown
    read back, each with its fix button, and the questions go on after them."""
    context = conversation.context
    extra = context.setdefault("extra", {})
    told = told_facts(turn.reading.said, turn.today) if turn.reading.said else {}
    for qid, value in told.items():
        record(by_id(qid), value, conversation.answers, extra)
    context["done"] = [
        q for q in told if recorded(by_id(q), conversation.answers, extra) is not None
    ]
    context["q"] = _next_question(conversation.answers, extra, set(context["done"]))
    if context["done"]:
        read_back(conversation, turn.out)
    if unsure := told_unsure(turn.reading.said, turn.today) if turn.reading.said else {}:
        context["unsure"] = unsure


def _ask_open(conversation: Conversation, turn: Turn) -> None:
    """The open question; when the request told it in words with two readings (算积分，我本科:
    with the degree or without?), the confirm of those words, as for a typed answer, nothing
    recorded until one is picked."""
    context = conversation.context
    said = context.get("unsure", {}).pop(context["q"], None)
    value = by_id(context["q"]).parse(said, turn.today) if said else None
    if isinstance(value, Ambiguous):
        reading = either_possible(conversation, by_id(context["q"]), value, said, turn.today)
        if reading.kind == "ambiguous":
            conversation.state = "confirming"  # the told words wait for a pick, as typed ones
            ask_confirmation(conversation=conversation, turn=replace(turn, reading=reading))
            return
    ask(conversation, turn.out)


def go_back(*, conversation: Conversation, turn: Turn) -> None:
    context = conversation.context
    if context.pop("pending", None):  # back from a confirm: the question it confirms
        ask(conversation, turn.out)
        return
    previous = _previous(conversation)
    if previous is None:
        ask(conversation, turn.out, turn.out.t("back-first"))
        return
    context.pop("picked", None)
    context["q"] = previous
    context["done"].remove(previous)
    ask(conversation, turn.out)


def begin_edit(*, conversation: Conversation, turn: Turn) -> None:
    question = named_question(conversation, turn.arg)
    assert question is not None  # guarded by edit_applies
    context = conversation.context
    context.pop("pending", None)
    context.pop("picked", None)
    context["done"] = [d for d in context.get("done", []) if d != question.id]
    context["q"] = question.id
    ask(conversation, turn.out)


def edit_refused(*, conversation: Conversation, turn: Turn) -> None:
    question = named_question(conversation, turn.arg)
    key = "edit-not-applicable" if question else "edit-unknown"
    named = question is not None and turn.arg == question.id  # a typed request: by its name
    item = turn.out.t(f"field-{turn.arg}") if named else turn.arg
    turn.out.say(turn.out.t(key, item=item))
    resume(conversation, turn.out)


def record_answer(*, conversation: Conversation, turn: Turn) -> None:
    context = conversation.context
    question = by_id(context["q"])
    extra = context.setdefault("extra", {})
    record(question, turn.reading.value, conversation.answers, extra)
    still = {q.id for q in applicable(conversation.facts())}
    done = [d for d in context.get("done", []) if d != question.id and d in still]
    context["done"] = [*done, question.id]
    context.pop("pending", None)
    context.pop("picked", None)


def toggle_pick(*, conversation: Conversation, turn: Turn) -> None:
    """A multi-select item pressed: tick it, or untick it; the question shows again."""
    ticked = set(picked(conversation)) ^ {turn.reading.value}
    conversation.context["picked"] = [item for item in BONUS_ITEMS if item in ticked]
    ask(conversation, turn.out)


def ask_next(*, conversation: Conversation, turn: Turn) -> None:
    context = conversation.context
    context["q"] = _next_question(
        conversation.answers, context.get("extra", {}), set(context["done"])
    )
    _ask_open(conversation, turn)


def ask_confirmation(*, conversation: Conversation, turn: Turn) -> None:
    ambiguous = turn.reading.ambiguous
    assert ambiguous is not None
    question = by_id(conversation.context["q"])
    options = [question.option_id(value) for value in ambiguous.options]
    if ambiguous.key in RULE_KEYS:  # 交通违章算不算？: asking about the rule is one of the choices
        options.append(RULE_CHOICE)
    conversation.context["pending"] = {
        "options": options,
        "key": ambiguous.key or "confirm-which",
        "said": turn.reading.said,
        "values": ambiguous.values,
    }
    confirm(conversation, turn.out)


def drop_confirm(*, conversation: Conversation, turn: Turn) -> None:
    """Leaving a confirm for the FAQ (问规定): the question is open again, nothing recorded."""
    conversation.context.pop("pending", None)


def reask_answer(*, conversation: Conversation, turn: Turn) -> None:
    reason = error_text(turn.out, turn.reading)
    if conversation.state == "confirming":
        confirm(conversation, turn.out, reason)
    else:
        reask(conversation, turn.out, reason)


def show_result(*, conversation: Conversation, turn: Turn) -> None:
    out, context = turn.out, conversation.context
    context["q"] = None
    context.pop("done", None)
    try:
        outcome = score_answers(conversation.answers, turn.today)
    except ValueError:
        out.say(out.t("result-error"), menu_choices(out))
        return
    context["done"] = [q.id for q in applicable(conversation.facts())]
    context["goal_month"] = outcome.goal_month
    read_back(conversation, out)  # the read-back and the score's title say whose they are
    show_score(out, outcome, conversation.locale == "en", str(context.get("whom") or ""))
    choices = []
    if outcome.goal_month:
        year, month = outcome.goal_month.split("-")
        choices.append(
            out.choice("remind:goal", "choice-goal-reminder", year=year, month=int(month))
        )
    choices += [
        out.choice("menu:remind", "choice-endorsement-reminder"),
        out.choice("nav:restart", "choice-score-again"),
        out.choice("menu:faq", "menu-faq"),
        out.choice("menu:human", "menu-human"),
    ]
    out.say(out.t("result-menu"), choices)
