"""Skill levels said together, through the real service: several levels held count as the
highest (技能等级 do not lapse), and a level's name that disagrees with the number said beside
it is asked, never one of them taken."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_several_skill_levels_held_count_as_the_highest(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("先考了5级，去年又拿了3级", "skill_3"),
            ("四级五级都有", "skill_4"),
            ("焊工五级和三级的证都有", "skill_3"),
        ],
    )


async def test_a_level_name_and_a_different_number_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["技师，三级", "高级工 level 2"])


async def test_skill_level_names_in_english(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [("senior technician", "skill_1"), ("a senior worker, level 3", "skill_3")],
    )
