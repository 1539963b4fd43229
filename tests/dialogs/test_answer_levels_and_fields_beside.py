"""A title and a level held side by side, and two fields that overlap (round 13's silent
wrongs, by class, with phrasings written for this test): a bare skill level joined to a title
by 和, 跟 or 、 (助理职称跟五级证) is held too, and the higher of the two counts; an engineering
title beside a design job (证是土木的，现在做室内设计) may match the job or not, so it is asked,
never a no (an engineer designs)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_level_joined_to_a_title_is_held_too(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("助理职称跟五级证", "skill_5"),
            ("初级职称、三级证书", "skill_3"),
            ("中级职称和四级", "title_intermediate"),
        ],
    )


async def test_an_engineering_title_beside_a_design_job_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title_matches_job",
        ["证是土木的，现在做室内设计", "结构工程师的证，在广告公司做设计"],
    )
    await assert_stored(service, "title_matches_job", [("会计证，现在做销售", False)])
