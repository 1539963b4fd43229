"""Callbacks of the menu and of the commands that work anywhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dialogs.commands import intent_choice
from dialogs.conversation import LOCALES, Conversation
from dialogs.flows.faq import OVERVIEW
from dialogs.flows.points import begin_edit, either_named, named_question
from dialogs.intents import EITHER, PLACE, PREVIOUS, Intent, asks_overview
from dialogs.output import Out
from dialogs.questions import QUESTIONS, Question, applicable, by_id, find_by_word
from dialogs.screens import TOLD, Turn, ask_delete, menu_choices, resume, show
from dialogs.summary import read_back
from dialogs.types import Choice

__all__ = [
    "ask_request_or_answer",
    "ask_to_delete",
    "ask_which_question",
    "ask_which_was_meant",
    "delete_data",
    "edit_opener",
    "is_kind",
    "keep_data",
    "leaves_the_questions",
    "menu_aside",
    "names_no_question",
    "names_two_questions",
    "offer_also",
    "offer_edits",
    "opened_elsewhere",
    "request_handoff",
    "resume_screen",
    "show_menu",
    "show_welcome",
    "switch_language",
]


TOPICS = 2  # FAQ topics offered beside a request that may have been a question


def is_kind(*kinds: str) -> Callable[..., bool]:
    """A condition: the reading of this turn is one of `kinds`."""

    def condition(*, turn: Turn, **_: object) -> bool:
        return turn.reading.kind in kinds

    condition.__name__ = f"reading_is_{'_or_'.join(kinds)}"
    return condition


def show_welcome(*, turn: Turn, **_: object) -> None:
    turn.out.say(turn.out.t("welcome"), menu_choices(turn.out))


def show_menu(*, conversation: Conversation, turn: Turn) -> None:
    key = "menu-resume" if conversation.context.get("q") else "menu"
    turn.out.say(turn.out.t(key), menu_choices(turn.out))


def leaves_the_questions(*, turn: Turn, **_: object) -> bool:
    """取消 / cancel at a points question: the user leaves them for the menu, the answers kept
    (the menu says 算积分 goes on where they were). 取消转人工 there, with no handoff to cancel,
    leaves nothing: the question is shown again."""
    return not turn.arg


def resume_screen(*, conversation: Conversation, turn: Turn) -> None:
    resume(conversation, turn.out)


def switch_language(*, conversation: Conversation, turn: Turn) -> None:
    other = LOCALES[1] if conversation.locale == LOCALES[0] else LOCALES[0]
    conversation.locale = turn.arg if turn.arg in LOCALES else other
    turn.out.say(turn.out.t("language-switched"))
    resume(conversation, turn.out)


def request_handoff(*, turn: Turn, reason: str = "user_request", **_: object) -> None:
    """The service's support desk answers (place in the queue, or when staff are back)."""
    turn.out.effect("handoff", reason=reason)


def _action(conversation: Conversation, out: Out, intent: Intent) -> str:
    """The button that carries a request out, in words."""
    if intent.name == "edit":
        named = named_question(conversation, intent.arg) if intent.arg else None
        item = out.t(f"field-{named.id}") if named else ""
        return out.t("intent-edit", item=item) if item else out.t("intent-edit-any")
    # a reminder request may ask to see or to cancel the reminders, not to set one
    return out.t(f"intent-{intent.trigger if intent.name == 'reminder' else intent.name}")


def ask_which_was_meant(*, conversation: Conversation, turn: Turn) -> None:
    """积分怎么算: a request to calculate, or a question the FAQ answers? Ask, with both."""
    intent, decision = turn.reading.value, turn.reading.decision
    out = turn.out
    topics = [decision.entry] if decision.kind == "answer" else decision.suggestions[:TOPICS]
    en = conversation.locale == "en"
    explanations = [Choice(f"faq:{e.id}", e.question_en if en else e.question) for e in topics]
    if asks_overview(turn.reading.said):  # 怎么算积分: how the score is made up, not a topic
        explanations = [Choice(f"faq:{OVERVIEW}", out.t("points-overview-label"))]
    choices = [Choice(intent_choice(intent), _action(conversation, out, intent)), *explanations]
    out.say(out.t("intent-which", said=turn.reading.said), choices)
    if intent.trigger == "score":  # the facts told with it are taken if the calculation is picked
        conversation.context[TOLD] = turn.reading.said


def offer_also(conversation: Conversation, out: Out, also: Intent) -> None:
    """The second request of a message, after the first was carried out: a button, so that
    the answers the screen above asks for are not taken for it."""
    action = _action(conversation, out, also)
    out.say(out.t("intent-also", action=action), buttons=[Choice(intent_choice(also), action)])


def ask_request_or_answer(*, conversation: Conversation, turn: Turn) -> None:
    """我35岁，帮我算算 at the age question: the request, or 35 as the answer? Ask, with both;
    the answer's button records it as if pressed at the question."""
    intent, answer = turn.reading.value, turn.reading.answer
    out = turn.out
    question = by_id(conversation.context["q"])
    choices = [
        Choice(intent_choice(intent), _action(conversation, out, intent)),
        Choice(
            question.option_id(answer), out.t("intent-answer", value=show(out, question, answer))
        ),
    ]
    out.say(out.t("intent-or-answer", said=turn.reading.said), choices)


def names_two_questions(*, conversation: Conversation, turn: Turn) -> bool:
    """配偶那个改一下 with both the bonus item and the years married asked: which one?"""
    return EITHER in turn.arg and len(either_named(conversation, turn.arg)) > 1


def ask_which_question(*, conversation: Conversation, turn: Turn) -> None:
    """A button per question the edit may mean; the open question stays open meanwhile."""
    out = turn.out
    choices = [
        Choice(
            intent_choice(Intent("edit", "edit", q.id)),
            out.t("intent-edit", item=out.t(f"field-{q.id}")),
        )
        for q in either_named(conversation, turn.arg)
    ]
    out.say(out.t("edit-which"), choices)


def names_no_question(*, conversation: Conversation, turn: Turn) -> bool:
    """修改 alone, or 上一题选错了 / 第九题答错了 where no such question was asked: the
    read-back."""
    relative = turn.arg.startswith((PREVIOUS, PLACE)) or EITHER in turn.arg
    return not turn.arg.strip() or (relative and named_question(conversation, turn.arg) is None)


def offer_edits(*, conversation: Conversation, turn: Turn) -> None:
    """修改 / 我填错了 / change an answer, naming no question: what was understood, a fix
    button per answer (the read-back), and then where the user was."""
    if not conversation.facts():
        turn.out.say(turn.out.t("edit-nothing"))
    else:
        read_back(conversation, turn.out)
    resume(conversation, turn.out)


def _opener(conversation: Conversation, arg: str) -> Question | None:
    """The question that opens a follow-up not open yet (临港工作年限改成6年 before 临港 was
    ticked: the bonus question): the nearest one before it with an edit button of its own."""
    question = None if arg.startswith((PREVIOUS, PLACE)) else find_by_word(arg)
    asked = applicable(conversation.facts())
    if question is None or question.edit_words or question in asked:
        return None
    heads = [q for q in QUESTIONS[: QUESTIONS.index(question)] if q.edit_words and q in asked]
    return heads[-1] if heads else None


def opened_elsewhere(*, conversation: Conversation, turn: Turn) -> bool:
    return _opener(conversation, turn.arg) is not None


def edit_opener(*, conversation: Conversation, turn: Turn) -> None:
    opener = _opener(conversation, turn.arg)
    assert opener is not None  # guarded by opened_elsewhere
    begin_edit(conversation=conversation, turn=replace(turn, arg=opener.id))


def menu_aside(*, turn: Turn, **_: object) -> None:
    """Nothing usable typed at the menu (a sticker, a stale button): the menu again."""
    if turn.reading.kind == "empty":
        turn.out.say(turn.out.t("please-type-text"))
    turn.out.say(turn.out.t("menu-short"), menu_choices(turn.out))


def ask_to_delete(*, turn: Turn, **_: object) -> None:
    ask_delete(turn.out)


def delete_data(*, conversation: Conversation, turn: Turn) -> None:
    conversation.answers.clear()
    conversation.context.clear()
    turn.out.effect("delete_data")
    turn.out.say(turn.out.t("data-deleted"), menu_choices(turn.out))


def keep_data(*, turn: Turn, **_: object) -> None:
    turn.out.say(turn.out.t("delete-cancelled"), menu_choices(turn.out))
