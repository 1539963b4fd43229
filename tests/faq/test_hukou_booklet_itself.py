"""The household register booklet's own matters (lost, reissued, how long a new one takes) are
the police station's: refused with the pointer that says so, even though the booklet is one of
our papers. The booklet asked about as a paper of the application stays ours. Phrasings written
for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered, refused_with


@pytest.mark.parametrize(
    "question",
    ["户口本怎么补办", "户口本补办下来要几天", "家里的户口本被我弄丢了，怎么重新办一本"],
)
def test_the_booklets_own_matter_is_refused_with_the_police_stations_pointer(
    retriever: Retriever, question: str
) -> None:
    assert refused_with(retriever, question, "hukou_booklet")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("办积分户口本也要带上吗", "basic_materials"),
        ("户口本首页要不要复印", "basic_materials"),
    ],
)
def test_the_booklet_as_a_paper_of_the_application_is_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    assert answered(retriever, question) == topic
