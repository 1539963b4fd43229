"""What one step says and asks the service to do, collected while the machine runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dialogs.conversation import Conversation
from dialogs.locales import text
from dialogs.types import Choice, Effect, FaqMark, Reply

__all__ = ["Out"]


class Out:
    def __init__(self, conversation: Conversation) -> None:
        self._conversation = conversation
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []

    def t(self, key: str, **values: Any) -> str:
        """`key` in the conversation's locale at the time of the call (it may switch)."""
        return text(self._conversation.locale, key, **values)

    def choice(self, choice_id: str, label_key: str, **values: Any) -> Choice:
        return Choice(choice_id, self.t(label_key, **values))

    def say(
        self,
        body: str,
        choices: Iterable[Choice] = (),
        buttons: Iterable[Choice] = (),
        data: Mapping[str, Any] | None = None,
        rating: Iterable[Choice] = (),
        faq: FaqMark | None = None,
    ) -> None:
        self.replies.append(
            Reply(body, tuple(choices), tuple(buttons), data=data, rating=tuple(rating), faq=faq)
        )

    def effect(self, kind: str, **data: Any) -> None:
        self.effects.append(Effect(kind, data))

    def offered(self) -> list[str]:
        """The ids of the last choices offered: a typed number picks one of them next time."""
        for reply in reversed(self.replies):
            if reply.choices:
                return [c.id for c in reply.choices]
        return []
