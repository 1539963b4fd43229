"""A bonus item named with what leaves its condition unmet, through the real service: a
spouse not (yet) married to, a shortage major with a job said against it, a graduate of an
adult or spare-time route; and 应届 or 今年毕业 said without full-time study, which the item
needs (全日制应届高校毕业生, shared/policy/points-table.md), is asked, never taken."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_an_item_is_picked_only_with_its_condition_met(service: Any) -> None:
    for said in (
        "女朋友是上海户口，还没登记结婚",
        "老婆上海户口，不过我们还没有领证",
        "专业是紧缺的，可是我现在做行政",
        "紧缺专业毕业，但后来干了房产中介",
        "shortage major but I work in sales now",
        "今年应届，读的是夜大",
        "应届毕业，网络教育的本科",
    ):
        assert await stored_value(service, "bonus", said) == (), said
    # and where the answer keeps the condition, the item stands
    for said, items in (
        ("紧缺专业，但也一直在做这行", ("shortage_major",)),
        ("今年全日制本科应届毕业", ("fresh_graduate",)),
    ):
        assert await stored_value(service, "bonus", said) == items, said


async def test_this_years_graduate_without_full_time_study_said_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "bonus", ["我是应届毕业生", "今年刚毕业的", "fresh graduate"]
    )
