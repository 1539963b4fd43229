from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from faq.entries import load_entries
from faq.retrieve import Retriever, default_retriever
from faq.training import load_training
from scoring.policy import Edition, edition_in_force

HERE = Path(__file__).parent
# A copy of ../shared/contracts/faq-dev.json kept in the repository, so the test always runs.
DEV_SET = HERE.parent / "data" / "faq-dev.json"

Cases = list[dict[str, str | None]]


def _cases(path: Path) -> Cases:
    cases: Cases = json.loads(path.read_text(encoding="utf-8"))
    return cases


@pytest.fixture(scope="session")
def retriever() -> Retriever:
    return default_retriever()


@pytest.fixture(scope="session")
def policy_edition() -> Edition:
    return edition_in_force(date(2026, 11, 23))


@pytest.fixture(scope="session")
def policy_values(policy_edition: Edition) -> dict[str, int | float]:
    return policy_edition.values()


@pytest.fixture(scope="session")
def dev_cases() -> Cases:
    return _cases(DEV_SET)


@pytest.fixture(scope="session", params=["heldout.json", "heldout2.json"])
def heldout_cases(request: pytest.FixtureRequest) -> Cases:
    """Our own phrasings, each file written before the retriever first saw it."""
    return _cases(HERE / str(request.param))


@pytest.fixture(scope="session")
def calibration_cases() -> Cases:
    """Out-of-domain questions written after the first run, to calibrate the gate."""
    return _cases(HERE / "calibration_ood.json")


def answer_mark(topic: str, locale: str = "zh-CN") -> str:
    """Words the user sees only in that topic's answer: the longest piece of its first line
    between the policy values filled in ({{education.bachelor}})."""
    entry = next(e for e in load_entries() if e.id == topic)
    answer = entry.answer if locale == "zh-CN" else entry.answer_en
    return max(re.split(r"\{\{[^}]*\}\}", answer.splitlines()[0]), key=len)


def answered(retriever: Retriever, question: str) -> str | None:
    """The topic the question is answered with; None when it is refused or asked back."""
    decision = retriever.ask(question)
    return decision.entry.id if decision.kind == "answer" and decision.entry else None


def refused_with(retriever: Retriever, question: str, kind: str) -> bool:
    """Whether the question is refused with the pointer of that near-domain kind."""
    decision = retriever.ask(question)
    return decision.kind == "unknown" and decision.pointer == load_training().pointers[kind]
