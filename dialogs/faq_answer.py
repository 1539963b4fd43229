"""An FAQ answer as a user reads it: the topic's answer with the numbers of the policy edition
in force, the official system's note, then its sources by title and publisher.

Here because `faq` and `scoring` import nothing of each other (ARCHITECTURE.md): the topic
names its sources by key, and the one table of sources, like the numbers, is the policy's.
"""

from __future__ import annotations

from faq.entries import Entry
from scoring.policy import Edition, all_sources
from scoring.wording import Language, sources_line

__all__ = ["faq_answer"]

_LANGUAGE: dict[str, Language] = {"zh-CN": "zh", "en": "en"}


def faq_answer(entry: Entry, locale: str, edition: Edition) -> str:
    """KeyError when the topic cites a source the policy does not list (a data error, caught
    by the FAQ tests); ValueError for an unknown locale."""
    sources = all_sources()
    cited = [sources[key] for key in entry.sources]
    body = entry.render(locale, edition.values())
    return f"{body}\n{sources_line(cited, _LANGUAGE[locale])}"
