"""What is taught, as a YAML file for review in git, and back.

The file lists what is in force: `variants` (topic id -> phrasings), `negatives` (questions
the bot must refuse) and `drafts` (questions that need a new topic), each item with who
decided it and when. Importing makes the file the truth: what it lists and is not in force is
taught (masked like anything taught in the console), what is in force and it no longer lists
is undone, both in the importer's name. A file with an unknown topic changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SHANGHAI
from bot.support.learning import decisions
from bot.support.learning.decisions import Decision, TeachError
from bot.support.learning.models import DRAFT, NEGATIVE, VARIANT

HEADER = (
    "# What staff taught the FAQ in the console (jifen variants export).\n"
    "# Review it in git; `jifen variants import FILE` makes this file what is in force.\n"
)
Key = tuple[str, str | None, str]  # kind, topic, text


@dataclass(frozen=True)
class Imported:
    added: int
    undone: int


def _item(decision: Decision) -> dict[str, str]:
    at = decision.decided_at.astimezone(SHANGHAI).isoformat(timespec="seconds")
    return {"text": decision.text, "by": decision.decided_by, "at": at}


def export(active: list[Decision]) -> str:
    variants: dict[str, list[dict[str, str]]] = {}
    negatives, drafts = [], []
    for decision in active:
        if decision.kind == VARIANT and decision.topic:
            variants.setdefault(decision.topic, []).append(_item(decision))
        elif decision.kind == NEGATIVE:
            negatives.append(_item(decision))
        elif decision.kind == DRAFT:
            drafts.append(_item(decision))
    document = {
        "variants": dict(sorted(variants.items())),
        "negatives": negatives,
        "drafts": drafts,
    }
    return HEADER + yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def parse(text: str) -> list[Key]:
    """The decisions a file lists, checked and masked; TeachError says what is wrong."""
    try:
        document = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise TeachError(f"not YAML: {error}") from None
    if not isinstance(document, dict):
        raise TeachError("expected a mapping with variants, negatives and drafts")
    wanted: list[tuple[str, str | None, Any]] = [
        (VARIANT, str(topic), item)
        for topic, items in _mapping(document.get("variants")).items()
        for item in _list(items)
    ]
    wanted += [(NEGATIVE, None, item) for item in _list(document.get("negatives"))]
    wanted += [(DRAFT, None, item) for item in _list(document.get("drafts"))]
    keys = []
    for kind, topic, item in wanted:
        text_of = item.get("text") if isinstance(item, dict) else item
        try:
            keys.append(decisions.checked(kind, topic, str(text_of or "")))
        except TeachError as error:
            raise TeachError(f"{kind} {topic or ''} {text_of!r}: {error}") from None
    return list(dict.fromkeys(keys))


def _mapping(value: object) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TeachError("variants: expected topic id -> list of phrasings")
    return value


def _list(value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TeachError(f"expected a list, got {value!r}")
    return value


async def import_file(session: AsyncSession, text: str, by: str, now: datetime) -> Imported:
    wanted = parse(text)
    in_force = {(d.kind, d.topic, d.text): d for d in await decisions.active(session)}
    added = undone = 0
    for key in wanted:
        if key not in in_force:
            await decisions.teach(session, *key, by=by, now=now)
            added += 1
    for key, decision in in_force.items():
        if key not in set(wanted):
            await decisions.undo(session, decision.id, by, now)
            undone += 1
    return Imported(added, undone)
