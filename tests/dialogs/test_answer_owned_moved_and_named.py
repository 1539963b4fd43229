"""Answers of the dev rounds taken silently wrong or asked again (phrasings written anew for
this test): a company of one's own is investment or entrepreneur talent, neither said (asked);
a spouse's hukou said to have moved away leaves where it is now unsaid (asked, never the item);
lecturer (讲师), undergrad with the degree, 学位 typed 学卫, a base "always above the average"
(a level, not a change) and an age said twice are read."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_company_of_ones_own_is_asked_which_item(service: Any) -> None:
    await assert_asked_not_stored(service, "bonus", ["自己开了家公司"])


async def test_a_spouses_hukou_moved_away_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "bonus", ["老婆是上海的，不过户口早就迁出去了"])


async def test_words_of_titles_degrees_and_bases_are_read(service: Any) -> None:
    await assert_stored(service, "title", [("I'm a lecturer", "title_intermediate")])
    await assert_stored(service, "education", [("undergrad, got the degree", "bachelor_degree")])
    await assert_stored(service, "education", [("本科，有学卫", "bachelor_degree")])
    await assert_stored(service, "base_1x_6_of_last_12", [("一直都在社平以上", True)])


async def test_an_age_said_twice_is_one_age(service: Any) -> None:
    await assert_stored(service, "age", [("四十 四十岁", 40)])
