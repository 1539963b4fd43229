"""Round 16's silent wrongs, by class, through the real service with phrasings written for this
test: a record said of someone else is not the user's own; a turn that only dates a record (不过
那是…的事) does not deny it; a yearly list begun with 头一年 is averaged, and a company said to be
the user's own alone (都是我一个人的) is a share of all of it; a share applied to a count keeps its
tenths; a rough amount whose readings all score alike is the amount said; what it was asked back
(多少来着) or a look-up still to do (我找找证) is no answer; a bonus item held once and over now
is asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_record_of_someone_else_is_not_the_users_own(service: Any) -> None:
    assert await stored_value(service, "deductions", "我自己没有，我哥被拘留过一次") is False
    assert await stored_value(service, "deductions", "没有，我老婆以前被罚过，这个算不算") is False
    await assert_stored(service, "detention_count", [("我没有，我老公被拘过两次", 0)])
    await assert_asked_not_stored(service, "deductions", ["我老公被拘留过"])


async def test_a_child_at_the_records_is_still_the_users_own(service: Any) -> None:
    assert await stored_value(service, "deductions", "孩子是超生的，罚过款") is True


async def test_a_turn_that_only_dates_the_record_does_not_deny_it(service: Any) -> None:
    for text in ("有的，不过那是很久以前的事了", "有过，不过是2008年的事"):
        assert await stored_value(service, "family_planning_violation", text) is True, text


async def test_a_yearly_list_begun_with_the_first_year_is_averaged(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("头一年6万，第二年9万，第三年12万", 90000.0),
            ("首年5万，第二年10万，第三年15万，公司都是我一个人的", 100000.0),
        ],
    )


async def test_a_company_of_the_users_own_alone_is_all_of_it(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("三年分别是10万、20万、30万，都是我一个人的", 200000.0),
            ("一年40万，是我一个人的", 400000.0),
        ],
    )


async def test_a_share_applied_to_a_count_keeps_its_tenths(service: Any) -> None:
    await assert_stored(
        service, "local_hires", [("平均每年13个，我占股30%", 3.9), ("20个，我占一半", 10)]
    )


async def test_a_rough_amount_scoring_alike_is_the_amount_said(service: Any) -> None:
    await assert_stored(service, "investment_tax_yuan", [("每年180万左右", 1800000)])


async def test_what_it_was_asked_back_is_no_answer(service: Any) -> None:
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["社平工资是多少来着"])
    await assert_asked_not_stored(service, "title", ["几级来着，忘得差不多了"])


async def test_a_look_up_still_to_do_is_no_answer(service: Any) -> None:
    await assert_asked_not_stored(
        service, "title", ["高级还是中级工来着，我找找证", "中级工吧，我得回去翻翻证书"]
    )


async def test_a_bonus_item_held_once_and_over_now_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "bonus", ["以前在环卫公司干过，现在已经不干了", "曾经做过公交司机，后来辞职了"]
    )
