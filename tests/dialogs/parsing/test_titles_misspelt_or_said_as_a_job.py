"""Title answers through the real service: a title name typed with a character of the same
syllable wrong is confirmed, never missed nor taken as the word it happens to contain; a title
name that is also a job, said as one's work, asks the level; a title taken back, or said to
come later, is not held. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_title_misspelt_by_its_sound_is_confirmed(service: Any) -> None:
    # 主管户师 held 户 (hu) for 护: was asked again; 付主任医师, 高级工成师 were 医师 and 高级工
    applicant, text = await answer(service, "title", "主管户师")
    assert "title" not in (await applicant.stored())[1], text
    assert "中级职称" in applicant.choices, text
    applicant, text = await answer(service, "title", "高级工成师")
    assert "高级职称" in applicant.choices, text
    await assert_asked_not_stored(service, "title", ["主直医师", "高级工成师"])
    # a different word, not a sound-alike, is no misspelt title: 高校讲师 is a 讲师
    await assert_stored(service, "title", [("高校讲师", "title_intermediate")])


async def test_a_title_name_said_as_ones_job_asks_the_level(service: Any) -> None:
    applicant, text = await answer(service, "title", "我在医院当护士")
    assert "title" not in (await applicant.stored())[1], text
    assert "初级" in text and "中级" in text, text
    await assert_asked_not_stored(service, "title", ["我是工程师", "I'm a nurse"])
    await assert_stored(
        service, "title", [("护士", "title_junior"), ("工程师", "title_intermediate")]
    )


async def test_a_title_taken_back_or_still_to_come_is_not_held(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("高级工程师，不是，我说错了，是工程师", "title_intermediate"),
            ("讲师，副教授要明年才能评", "title_intermediate"),
            ("no professional title", "none"),
        ],
    )


async def test_a_job_name_with_the_field_of_the_work_asks_the_level(service: Any) -> None:
    # 我是软件工程师 was taken as 工程师, the intermediate title: a post is no title held
    await assert_asked_not_stored(
        service, "title", ["我是一名算法工程师", "数据分析工程师", "在药厂做质检技术员"]
    )
    # a series' own name with words before it stays that title; a level said is no field
    await assert_stored(
        service,
        "title",
        [
            ("网络工程师", "title_intermediate"),
            ("助理工程师", "title_junior"),
            ("二级技师", "skill_2"),
        ],
    )
