"""Whether a degree earned as an adult counts (自考, 函授, 夜大, 网络教育: 成人学历) is education's
rule: it counts, provided the years of study match where one worked and a degree from a school
outside Shanghai can be found on 学信网 (seed notice 004_2bd06b8114cdb285.txt: 成人学历需学习
阶段与工作地点一致，外省市院校学历需在学信网可查). Asked at the education question of the
dialog, the FAQ answers it and the question is asked again. Phrasings written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from faq.retrieve import Retriever
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    service_fixture,
)
from tests.faq.conftest import answered

ADULT_DEGREES = [
    "自考拿的本科是国家承认的学历吗",
    "函授的大专算正规学历吗",
    "夜大读的本科国家认不认",
    "网络教育的文凭算不算数",
]
# Typed at the education question (the first two were told "don't know" before).
AT_THE_QUESTION = [
    "自考的本科算不算国家承认的",
    "函授本科是不是国家认可的",
    "夜大读的本科国家认不认",
]


@pytest.mark.parametrize("question", ADULT_DEGREES)
def test_an_adult_degree_asked_about_is_educations_rule(
    retriever: Retriever, question: str
) -> None:
    assert answered(retriever, question) == "education_rule"


@pytest.mark.parametrize("question", AT_THE_QUESTION)
async def test_asked_at_the_education_question_it_is_answered(service: Any, question: str) -> None:
    _applicant, reply = await answer(service, "education", question)
    assert "成人学历" in reply and "学信网" in reply, reply
