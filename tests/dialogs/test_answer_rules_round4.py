"""Rules behind round 4's misreads (round 4 being a dev set now), typed into the real service
with phrasings of our own: a gap said with its length comes off the months since a start
date, a sentence said with a hedge is weighed against the veto's five years, and years said
beside a head count are no count."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    TODAY,
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_gap_said_with_its_length_comes_off_the_months_since_a_start(
    service: Any,
) -> None:
    for text, (year, month), gap in [
        ("2019年3月开始交的，中间断了半年", (2019, 3), 6),
        ("从2020年5月交到现在，换工作时停了3个月", (2020, 5), 3),
        ("2018年9月开始交，2022年离职空了4个月，后来一直交着", (2018, 9), 4),
        # a gap word without a length, or before a date, takes nothing off
        ("2021年2月开始交，一直没断过", (2021, 2), 0),
    ]:
        applicant, _ = await answer(service, "social_insurance_months", text)
        _state, answers, context = await applicant.stored()
        since = (TODAY.year - year) * 12 + TODAY.month - month  # this month paid or not yet
        said = answers.get("social_insurance_months")
        readings = [said] if said is not None else context["pending"]["options"]
        for reading in readings:
            months = reading if isinstance(reading, int) else int(reading.split("=")[1])
            assert since - gap <= months <= since + 1 - gap, text


async def test_a_sentence_said_with_a_hedge_is_weighed_against_five_years(service: Any) -> None:
    await assert_stored(
        service,
        "serious_crime",
        [
            ("判过，不过不到五年", False),
            ("判了不到5年", False),
            ("判了四年多", False),
            ("判了五年多", True),
            ("判了六年", True),
        ],
    )
    # about five years straddles the line: asked, never guessed
    await assert_asked_not_stored(service, "serious_crime", ["判了五年左右", "判了不到八年"])
    _applicant, text = await answer(service, "serious_crime", "判了五年左右")
    assert "判了五年左右" in text


async def test_years_said_beside_a_head_count_are_no_count(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [("三年平均15人", 15), ("2023年招了12个上海户籍的", 12), ("近两年一直是20个", 20)],
    )


async def test_an_award_below_the_citys_list_or_a_part_time_degree_is_no_bonus(
    service: Any,
) -> None:
    for text, items in [
        ("评过区里的先进个人", []),
        ("非全日制的应届生", []),
        ("自考的应届生，老婆是上海户口", ["spouse_hukou"]),
        ("拿过市里的表彰", ["award"]),  # the city's own list: the item
    ]:
        assert list(await stored_value(service, "bonus", text)) == items, text
