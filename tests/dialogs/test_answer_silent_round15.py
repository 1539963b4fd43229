"""Round 15's silent wrongs, by class, through the real service with phrasings written for this
test: a correction begun by an interjection and 不是 (三十四，噢不是三十五) or by 其实是 (两倍，
实际上是三倍) takes the value before it back, while a denial with no interjection (不是本科，是
大专) keeps reading as one; not even one (一人也没) is none; a title still under review (评审中,
申报中) is not held; a year after a generation (八零后，87年) decides; a question asked back
(符合吗？…) is no answer."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_interjection_and_not_takes_the_value_before_it_back(service: Any) -> None:
    await assert_stored(service, "age", [("44岁，啊不是45", 45), ("二十九，噢不是二十八", 28)])
    await assert_stored(service, "education", [("本科，呃不是，硕士", "master")])


async def test_in_fact_is_takes_the_value_before_it_back(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("两倍，实际上是三倍", "3x"), ("3倍，其实是1倍，我看错了", "1x")],
    )
    await assert_stored(service, "age", [("38，其实是39，上个月刚过生日", 39)])


async def test_a_denial_without_an_interjection_still_reads_as_one(service: Any) -> None:
    await assert_stored(service, "education", [("不是博士，是硕士", "master")])


async def test_not_even_one_is_none(service: Any) -> None:
    await assert_stored(service, "local_hires", [("一人也没", 0), ("一位都没", 0)])
    await assert_stored(service, "detention_count", [("一回都没", 0)])
    await assert_stored(service, "local_hires", [("一个", 1)])


async def test_a_title_still_under_review_is_not_held(service: Any) -> None:
    await assert_stored(
        service, "title", [("高级工程师还在评审阶段", "none"), ("副高职称申报中，别的没有", "none")]
    )
    await assert_stored(service, "title", [("有中级，副高还在评审中", "title_intermediate")])


async def test_a_year_said_after_a_generation_decides_the_age(service: Any) -> None:
    # today is 2026-11-29: born in 1987, 39 or 38, which score alike
    await assert_stored(service, "age", [("八零后，准确说是87年", 39)])


async def test_the_question_asked_back_is_no_answer(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title_matches_job",
        ["符合吗？我现在在做审计", "对口么？我在设计院画图"],
    )
