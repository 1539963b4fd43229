"""Answers with two readings that score differently are asked, never guessed (issue 19: "ambiguous
whenever two readings give different points"); rules behind round 4's silent misreads (a dev
set), typed into the real service with phrasings of our own."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def pending(service: Any, question: str, text: str) -> list[str]:
    """The readings the dialog asks the user to choose between (none stored meanwhile)."""
    applicant, _ = await answer(service, question, text)
    state, answers, context = await applicant.stored()
    assert state == "confirming" and question not in answers, text
    return list(context["pending"]["options"])


async def test_an_unfinished_bachelor_alone_leaves_what_came_before_it_asked(
    service: Any,
) -> None:
    for text in ["本科还在念", "本科读了两年就退学了"]:
        assert await pending(service, "education", text) == ["edu:none", "edu:college"], text
    # what came before said: no question
    await assert_stored(
        service,
        "education",
        [("专升本在读，大专已经毕业", "college"), ("高中毕业，本科在读", "none")],
    )


async def test_a_level_completed_without_the_diploma_is_asked(service: Any) -> None:
    assert await pending(service, "education", "大专结业") == ["edu:college", "edu:none"]
    # a course is no level: 结业 of it leaves the degree said
    await assert_stored(
        service, "education", [("本科有学位，读过一个研修班，已经结业", "bachelor_degree")]
    )


async def test_a_graduate_degree_often_held_without_its_diploma_is_asked(service: Any) -> None:
    for text in ["EMBA", "在职硕士", "读的在职研究生，只拿了学位证，没有研究生毕业证"]:
        options = await pending(service, "education", text)
        assert options == ["edu:master", "edu:bachelor_degree"], text
    await assert_stored(service, "education", [("EMBA，毕业证和学位证都有", "master")])


async def test_two_multiples_said_as_either_are_asked(service: Any) -> None:
    for text in ["一两倍吧", "1到2倍", "1倍还是2倍"]:
        assert set(await pending(service, "insurance_base_tier", text)) == {"tier:1x", "tier:2x"}
    # between two multiples is below the higher one
    await assert_stored(service, "insurance_base_tier", [("2倍到3倍之间", "2x")])


async def test_an_age_said_with_lai_that_may_reach_a_lower_score_is_asked(service: Any) -> None:
    # 四十来岁 is forty or a few years over: 44 scores less than 40 to 43
    assert await pending(service, "age", "四十来岁吧") == ["age=40", "age=44"]
    await assert_stored(service, "age", [("三十来岁", 30)])  # 28 to 34 all score alike
    await assert_asked_not_stored(service, "age", ["五十来岁"])  # too many scores to offer


async def test_a_level_word_before_a_trade_is_the_trades_skill_level(service: Any) -> None:
    # 高级 before a trade is 高级工 (三级), not a senior title, beside a title or alone
    await assert_stored(
        service,
        "title",
        [
            ("有高级焊工证，另外是助理工程师", "skill_3"),
            ("会计师中级，还有一本高级电工证", "title_intermediate"),
            ("中级厨师证", "skill_4"),
        ],
    )


async def test_a_trades_certificate_without_a_level_is_asked(service: Any) -> None:
    # 电工证 may be a special operating permit (none) or a skill certificate of some level
    await assert_asked_not_stored(service, "title", ["焊工证", "有个电工证"])
    await assert_stored(service, "title", [("电工证，是特种作业的", "none")])


async def test_health_technicians_are_the_health_series_junior_level(service: Any) -> None:
    await assert_stored(service, "title", [("放射技师", "title_junior"), ("焊工技师", "skill_2")])


async def test_an_association_certificate_is_no_title(service: Any) -> None:
    await assert_stored(service, "title", [("pmp证书", "none")])


async def test_a_title_not_yet_recognised_in_shanghai_is_asked(service: Any) -> None:
    options = await pending(service, "title", "江苏评的工程师，还没在上海确认")
    assert options == ["title:title_intermediate", "title:none"]
