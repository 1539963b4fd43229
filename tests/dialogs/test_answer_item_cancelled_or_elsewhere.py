"""What the applicant says that cancels an item or an award, through the real service: a
spouse's Shanghai hukou beside a wedding still to come, a divorce, or a hukou said to be in
another province is no spouse item; a spouse named with Shanghai but not the hukou (在上海工作,
上海女婿, 嫁给了上海人) is asked; an award received before coming to Shanghai or while working
elsewhere is none (points-table.md: received while working in Shanghai); the city
government's own award is 省部级."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_spouse_item_cancelled_in_the_same_answer_is_no_item(service: Any) -> None:
    for said in (
        "女朋友上海户口的，我们打算年底去领证",
        "未婚妻是上海户籍，下个月才登记",
        "老公是上海户口，但是我们前年离了",
        "媳妇在上海上班，户口仍在湖南",
        "爱人户籍是江苏的，还没迁",
        "my husband-to-be has a Shanghai hukou, we are getting married in spring",
    ):
        assert await stored_value(service, "bonus", said) == (), said
    # a wedding that is past, or the hukou said to be in Shanghai, keeps the item
    for said in ("前年才结的婚，老婆是上海户口", "老公的户口一直在上海"):
        assert await stored_value(service, "bonus", said) == ("spouse_hukou",), said


async def test_a_spouse_of_shanghai_without_the_hukou_said_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "bonus",
        ["我是上海女婿", "嫁到上海来的，老公上海人", "娶了个上海老婆", "老婆在上海工作"],
    )


async def test_an_award_received_before_shanghai_or_elsewhere_is_none(service: Any) -> None:
    await assert_stored(
        service,
        "award",
        [
            ("以前在河北省工作时得过省级先进个人", "none"),
            ("到上海之前拿过全国三八红旗手", "none"),
            ("外地那边评的省劳模", "none"),
            ("got a provincial award before I moved to Shanghai", "none"),
        ],
    )


async def test_the_city_governments_own_award_is_ministerial(service: Any) -> None:
    await assert_stored(
        service,
        "award",
        [
            ("上海市人民政府颁发的", "national"),
            ("国家级的科技奖", "national"),
            ("厂里评的优秀", "none"),
        ],
    )
