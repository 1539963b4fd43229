"""Records said beside one of another kind, through the real service: a criminal detention
(刑拘) is no administrative detention, nor an administrative detention a criminal record; a
sentence changed on appeal is the one pronounced in the end; a count taken back with a bare
"wait" after a dash, and a count said with no unit beside the year, are read as said."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_a_criminal_detention_is_no_administrative_one(service: Any) -> None:
    await assert_stored(
        service,
        "detention_count",
        [
            ("前年被刑事拘留过，行政拘留没有过", 0),
            ("去年行拘一次，今年又被刑拘了一次", 1),
        ],
    )


async def test_an_administrative_detention_is_no_criminal_record(service: Any) -> None:
    await assert_stored(service, "criminal_count", [("没判过刑，只在2024年治安拘留过一回", 0)])


async def test_a_sentence_changed_on_appeal_is_the_last_one(service: Any) -> None:
    await assert_stored(
        service,
        "serious_crime",
        [("一审判了七年，后来二审改判三年", False), ("一审两年，检察院抗诉后改判六年", True)],
    )


async def test_a_count_taken_back_after_a_dash_is_the_new_one(service: Any) -> None:
    await assert_stored(service, "detention_count", [("three - wait, just 2. Both last year", 2)])
