"""Callbacks of the FAQ: the topic list, an answer, suggestions, "I don't know"."""

from __future__ import annotations

from typing import Any

from dialogs.conversation import Conversation
from dialogs.faq_answer import faq_answer
from dialogs.flows import rating
from dialogs.intents import asks_overview, detect, says
from dialogs.parsing import normalise
from dialogs.screens import Turn, back_to_question, menu_choices, resume
from dialogs.types import Choice, FaqMark
from faq.retrieve import load_entries, most_asked
from scoring.policy import edition_in_force

__all__ = [
    "OVERVIEW",
    "answer_eligibility",
    "answer_faq_reading",
    "answer_from_faq",
    "asks_how_points_add_up",
    "asks_own_eligibility",
    "decline_handoff",
    "explain_points",
    "list_faq",
    "offer_asked_beside",
    "say_unknown",
    "show_faq_topic",
    "suggest_faq",
    "suggest_mid_question",
    "unknown_mid_question",
]

# The topic on who may apply (shared/contracts/faq-topics.md).
ELIGIBILITY = "eligibility"
# How the score is made up as a whole, which no topic is about: offered as an FAQ choice
# (faq:points_overview) when a text also asks to be calculated (怎么算积分).
OVERVIEW = "points_overview"
# Characters of a question about one's own case (我这情况能办吗) answered with that topic when
# the FAQ has no answer; a longer text tells a story of its own.
FEW_WORDS = 16
FAQ_MENU_SIZE = 6
SUGGESTIONS = 3


def _label(conversation: Conversation, entry: Any) -> str:
    return str(entry.question_en if conversation.locale == "en" else entry.question)


def _answer(conversation: Conversation, turn: Turn, entry: Any, kind: str, question: str) -> None:
    out = turn.out
    body = faq_answer(entry, conversation.locale, edition_in_force(turn.today))
    buttons = [out.choice("nav:human", "button-not-helpful"), out.choice("nav:menu", "button-menu")]
    thumbs = rating.offer(conversation, out, entry.id, question)
    out.say(body, buttons=buttons, rating=thumbs, faq=FaqMark(kind, entry.id))


def list_faq(*, conversation: Conversation, turn: Turn) -> None:
    choices = [
        Choice(f"faq:{entry.id}", _label(conversation, entry))
        for entry in most_asked(FAQ_MENU_SIZE)
    ]
    turn.out.say(turn.out.t("faq-list"), choices, [turn.out.choice("nav:menu", "button-menu")])


def show_faq_topic(*, conversation: Conversation, turn: Turn) -> None:
    entry = next((e for e in load_entries() if e.id == turn.arg), None)
    if turn.arg == OVERVIEW:
        _say_overview(conversation, turn)
    elif entry is None:
        turn.out.say(turn.out.t("faq-gone"))
    else:
        question = rating.picked_question(conversation, entry.id)
        _answer(conversation, turn, entry, "picked", question)
    if conversation.state != "menu":
        resume(conversation, turn.out)


def answer_from_faq(*, conversation: Conversation, turn: Turn) -> None:
    decision = turn.reading.decision
    _answer(conversation, turn, decision.entry, "answered", turn.reading.said)
    if decision.also:  # the message asked a second question: offer its answer
        choices = [Choice(f"faq:{e.id}", _label(conversation, e)) for e in decision.also]
        turn.out.say(turn.out.t("faq-also"), choices)
    if decision.elsewhere:  # its other question is another office's (落户): say where
        turn.out.say(decision.elsewhere[conversation.locale])
    if conversation.state == "asking":
        back_to_question(conversation, turn.out)


def offer_asked_beside(*, conversation: Conversation, turn: Turn) -> None:
    """An answer said beside a question (没有，违章停车算吗？; 60, can I still apply?) is
    recorded; the question's FAQ answer is offered, one tap away, before the questions go on."""
    decision = turn.reading.decision
    if decision is None:
        return
    choice = Choice(f"faq:{decision.entry.id}", _label(conversation, decision.entry))
    turn.out.say(turn.out.t("asked-beside", said=turn.reading.said), [choice])


def answer_faq_reading(*, conversation: Conversation, turn: Turn) -> None:
    """What the FAQ decided of a question asked at a points question (its answer, topics, or
    "I don't know"), then the question again."""
    match turn.reading.kind:
        case "faq":
            answer_from_faq(conversation=conversation, turn=turn)
        case "suggest":
            suggest_mid_question(conversation=conversation, turn=turn)
        case _:
            unknown_mid_question(conversation=conversation, turn=turn)


def suggest_faq(*, conversation: Conversation, turn: Turn) -> None:
    suggestions = list(turn.reading.decision.suggestions)[:SUGGESTIONS]
    if turn.reading.said:  # below the answer threshold: kept for the review queue
        turn.out.effect("faq_unanswered", question=turn.reading.said, suggested=True)
    choices = [Choice(f"faq:{e.id}", _label(conversation, e)) for e in suggestions]
    rating.suggested(conversation, turn.reading.said, [e.id for e in suggestions])
    mark = FaqMark("suggested", suggestions[0].id if suggestions else None)
    out = turn.out
    out.say(out.t("faq-suggest"), choices, [out.choice("nav:human", "button-human")], faq=mark)


def asks_how_points_add_up(*, turn: Turn, **_: object) -> bool:
    """积分是怎么算的, how does the points system work: a question about the whole score, which
    no FAQ topic is about (a topic the retriever finds for it answers something narrower).
    One that may also ask to be calculated (怎么算积分) is asked back or suggested as before."""
    said = turn.reading.said
    kinds = ("faq", "unknown", "suggest")
    return turn.reading.kind in kinds and asks_overview(said) and detect(said) is None


def asks_own_eligibility(*, turn: Turn, **_: object) -> bool:
    """我能申请吗, 我这情况能办吗, am I eligible: whether the user themself may apply, unless
    the FAQ points the question elsewhere (能办落户吗 is another scheme's)."""
    reading = turn.reading
    if reading.kind not in ("faq", "unknown", "suggest") or reading.decision.pointer:
        return False
    plain = normalise(reading.said)
    if reading.kind != "faq" and len(plain) > FEW_WORDS:
        return False  # a story the FAQ could not place: its own reading, not ours
    return says("own_eligibility", plain)


def answer_eligibility(*, conversation: Conversation, turn: Turn) -> None:
    """The conditions to apply (the FAQ's answer; when it has none, its topic on them) and an
    offer to work the points out: the other half of "can I" is reaching the standard."""
    out, decision = turn.out, turn.reading.decision
    entry = decision.entry
    if decision.kind != "answer":
        entry = next(e for e in load_entries() if e.id == ELIGIBILITY)
    _answer(conversation, turn, entry, "answered", turn.reading.said)
    out.say(out.t("eligibility-offer"), [out.choice("menu:score", "intent-calculate")])
    if conversation.state == "asking":
        back_to_question(conversation, out)


def explain_points(*, conversation: Conversation, turn: Turn) -> None:
    """How the score is made up, from the policy in force, with an offer to work it out; the
    question is kept for the staff (no topic answered it). Mid-question, the question again."""
    turn.out.effect("faq_unanswered", question=turn.reading.said)
    _say_overview(conversation, turn)
    if conversation.state == "asking":
        back_to_question(conversation, turn.out)


def _say_overview(conversation: Conversation, turn: Turn) -> None:
    out, edition = turn.out, edition_in_force(turn.today)
    source = edition.source_of("standard").shown(conversation.locale == "en")
    body = out.t("points-overview", standard=edition.int_value("standard"), source=source)
    out.say(body, [out.choice("menu:score", "intent-calculate")])


def say_unknown(*, conversation: Conversation, turn: Turn, **_: object) -> None:
    """Not ours: where a near-domain question is handled, when we know; a person otherwise."""
    out = turn.out
    out.effect("faq_unanswered", question=turn.reading.said)
    choices = [out.choice("yes", "choice-talk-to-person"), out.choice("no", "choice-no-thanks")]
    decision = turn.reading.decision
    pointer = decision.pointer if decision is not None else None
    if pointer:
        out.say(pointer[conversation.locale], faq=FaqMark("refused"))
        out.say(out.t("faq-pointer-offer"), choices)
    else:
        out.say(out.t("faq-unknown"), choices, faq=FaqMark("refused"))


def decline_handoff(*, turn: Turn, **_: object) -> None:
    turn.out.say(turn.out.t("faq-unknown-declined"), menu_choices(turn.out))


def suggest_mid_question(*, conversation: Conversation, turn: Turn) -> None:
    """A question typed at a points question that the FAQ may answer: the topics, then the
    points question again."""
    suggest_faq(conversation=conversation, turn=turn)
    back_to_question(conversation, turn.out)


def unknown_mid_question(*, conversation: Conversation, turn: Turn) -> None:
    """A question the FAQ cannot answer, typed at a points question: said so (kept for the
    staff), with a pointer where one exists, and the points question again."""
    out = turn.out
    out.effect("faq_unanswered", question=turn.reading.said)
    pointer = turn.reading.decision.pointer
    out.say(pointer[conversation.locale] if pointer else out.t("faq-unknown-mid"))
    back_to_question(conversation, out)
