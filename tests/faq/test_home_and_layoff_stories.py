"""A story about a home to buy or a layoff, told with words other offices use too (没有上海户口,
社保交了几年), is that office's matter: refused with its pointer. Said beside our own words
(积分), the same layoff is ours. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered, refused_with


@pytest.mark.parametrize(
    ("story", "kind"),
    [
        ("想在闵行买一套二手房，我们俩都不是上海户口", "home_buying"),
        ("孩子快上小学了，想换套学区房，夫妻都没上海户口", "home_buying"),
        ("上个月被裁了，外地户口，在上海交了六年社保", "unemployment"),
    ],
)
def test_another_offices_story_is_refused_with_its_pointer(
    retriever: Retriever, story: str, kind: str
) -> None:
    assert refused_with(retriever, story, kind)


def test_a_layoff_beside_our_words_is_ours(retriever: Retriever) -> None:
    assert answered(retriever, "被裁员了，后来找了新单位，积分要怎么接着办") == "change_employer"
