"""The questions asked while the points are worked out for someone else (帮我老公算, for my
wife): about that person, 他/她 (he/she) where the word for them says which, named where it
does not (您朋友, your friend). The user's own words stay 您 (您的回答仅用于本次估算)."""

from __future__ import annotations

from dialogs.conversation import Conversation
from dialogs.intent_table import data
from dialogs.locales import has
from dialogs.output import Out
from dialogs.question import Question

__all__ = ["prompt"]

# The locale keys of the person as subject and as owner, by the pronoun the word takes.
_WORDS = {"he": ("whom-he", "whom-his"), "she": ("whom-she", "whom-her")}
_NAMED = ("whom-them", "whom-their")


def prompt(conversation: Conversation, out: Out, question: Question) -> str:
    """The question's prompt, about the person the points are for when they are not the user's."""
    whom = str(conversation.context.get("whom") or "")
    key = f"{question.prompt}-whom"
    if not whom or not has(conversation.locale, key):
        return out.t(question.prompt)
    pronouns = data()["whom_pronouns"]
    kind = next((k for k, words in pronouns.items() if whom.lower() in words), "")
    who, whose = _WORDS.get(kind, _NAMED)
    return out.t(key, who=out.t(who, whom=whom), whose=out.t(whose, whom=whom))
