"""The values that cross the line between channels, the service and the dialog.

Channel adapters build an `Inbound`, the dialog answers with `Reply` values and
`Effect` requests (things only the `bot` layer may do: queue a handoff, store a
reminder, delete data). Nothing here knows about Telegram, WeChat or the web.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal

Channel = Literal["telegram", "wechat", "web", "console"]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Inbound:
    """One thing a user did: typed text, picked a choice, or gave a command."""

    channel: str
    user: str
    message_id: str
    at: datetime
    text: str | None = None
    choice: str | None = None
    command: str | None = None
    locale_hint: str | None = None

    def __post_init__(self) -> None:
        """A lone UTF-16 surrogate (JSON's "\\ud800", sent on the web or to Telegram) is no
        text: it cannot be encoded, stored or searched. It becomes U+FFFD here, once for every
        channel, and the message is answered like any other."""
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                valid = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                object.__setattr__(self, name, valid)


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class FaqMark:
    """What the FAQ made of the question a reply answers, for the figures: kind "answered"
    (topic), "picked" (a topic chosen from a list), "suggested" (topic: the first suggestion)
    or "refused" (no topic)."""

    kind: str
    topic: str | None = None


@dataclass(frozen=True)
class Reply:
    """Channel-agnostic reply: text, choices to pick from, navigation buttons.

    `agent` names the staff member who wrote it, so channels can mark it as a person's, not
    the bot's; `locale` is then the user's language, in which a text channel writes that mark
    ("客服 alice：" / "Agent alice: "). `data` is the text in a structured form for a channel
    that can draw it (the web page): kind "score" (title, total, verdict, items of
    name/points/note, notes) or "details" (long text a page may fold). Text channels send
    `text` and ignore `data`.
    `rating` is the 👍/👎 pair under an FAQ answer (ids "rate:up:<topic>", "rate:down:<topic>"):
    buttons where a channel has them, words to type on WeChat. `faq` marks an FAQ reply.
    """

    text: str
    choices: tuple[Choice, ...] = ()
    buttons: tuple[Choice, ...] = ()
    agent: str | None = None
    data: Mapping[str, Any] | None = None
    rating: tuple[Choice, ...] = ()
    faq: FaqMark | None = None
    locale: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "text": self.text,
            "choices": [{"id": c.id, "label": c.label} for c in self.choices],
            "buttons": [{"id": b.id, "label": b.label} for b in self.buttons],
        }
        if self.agent is not None:
            body["agent"] = self.agent
        if self.data is not None:
            body["data"] = dict(self.data)
        if self.rating:
            body["rating"] = [{"id": r.id, "label": r.label} for r in self.rating]
        if self.faq is not None:
            body["faq"] = {"kind": self.faq.kind, "topic": self.faq.topic}
        if self.locale is not None:
            body["locale"] = self.locale
        return body

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Reply:
        return cls(
            text=data["text"],
            choices=tuple(Choice(c["id"], c["label"]) for c in data.get("choices", ())),
            buttons=tuple(Choice(b["id"], b["label"]) for b in data.get("buttons", ())),
            agent=data.get("agent"),
            data=data.get("data"),
            rating=tuple(Choice(r["id"], r["label"]) for r in data.get("rating", ())),
            faq=FaqMark(data["faq"]["kind"], data["faq"].get("topic")) if data.get("faq") else None,
            locale=data.get("locale"),
        )


@dataclass(frozen=True)
class Effect:
    """A request from the dialog to the service, carried out in the same transaction.

    kinds: "handoff" (reason), "cancel_handoff", "set_reminder" (expiry: ISO date),
    "endorsed" (date), "cancel_reminders", "list_reminders", "delete_data",
    "faq_unanswered" (question; suggested: True when choices were offered instead),
    "rate" (topic, helpful, question).
    """

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StepResult:
    replies: tuple[Reply, ...]
    effects: tuple[Effect, ...] = ()
