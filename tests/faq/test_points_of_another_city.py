"""Points or a permit of another city, however it is said, are that city's scheme: refused with
the pointer to its offices, also when Shanghai is named (the points earned there brought here,
or ours taken there). Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered, refused_with


@pytest.mark.parametrize(
    "question",
    [
        "在嘉兴办下来的积分，回上海能接着用吗",  # 嘉兴 is no 在家 (faq/typos.py)
        "在杭州攒的积分上海认不认",
        "之前在南京拿的居住证积分，来上海以后还作数吗",
        "上海的积分无锡也能用吗",
        "调到宁波上班了，这边的积分到宁波可以通用吗",
    ],
)
def test_another_citys_points_are_refused_with_the_other_city_pointer(
    retriever: Retriever, question: str
) -> None:
    assert refused_with(retriever, question, "other_city")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("在外地评的职称上海能用吗", "outside_title"),  # earned elsewhere, brought here: ours
        ("外地交的社保年限能算进积分吗", "si_years_rule"),
    ],
)
def test_something_earned_elsewhere_and_brought_here_is_still_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    assert answered(retriever, question) == topic
