"""Through the real service: a negation of a negation is a yes (不是没有, 不能说不对口), an
opinion word leaves the answer as it is (我觉得行), a count of none is a no or a zero (一共0次,
一共0个, 上海户口的一个都没有), and a level denied alone is the level below (没有大专学历).
Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_denied_none_or_denied_no_is_a_yes(service: Any) -> None:
    assert await stored_value(service, "deductions", "也不是没有") is True
    assert await stored_value(service, "title_matches_job", "不能说是不对口") is True
    assert await stored_value(service, "title_matches_job", "我看行") is True
    assert await stored_value(service, "title_matches_job", "我觉得不行") is False


async def test_none_counted_is_a_no_or_a_zero(service: Any) -> None:
    assert await stored_value(service, "serious_crime", "总共0次") is False
    await assert_stored(
        service,
        "local_hires",
        [("总共0个", 0), ("员工20人，本地户口的一个也没有", 0), ("员工20人，本地户口的8个", 8)],
    )


async def test_a_level_denied_alone_is_the_level_below(service: Any) -> None:
    await assert_stored(service, "education", [("我没有大专学历", "none")])
    await assert_asked_not_stored(service, "education", ["没有本科文凭"])  # 大专 or less?


async def test_a_company_said_to_be_ones_own_is_the_investment_item(service: Any) -> None:
    # 公司是我开的 was not read: only the award of the same answer was stored
    both = await stored_value(service, "bonus", "公司是我自己开的，还拿过市级表彰")
    assert both is not None and "investment" in both and "award" in both, both
    assert "investment" not in (await stored_value(service, "bonus", "公司不是我开的") or ())
