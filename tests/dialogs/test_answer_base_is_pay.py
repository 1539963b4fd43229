"""The base said to be the pay, through the real service: what the answer then says of the
pay against the average wage is said of the base (the 1x condition of a title's points)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import service_fixture  # noqa: F401 (the fixture `service`)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_the_pay_against_the_average_is_the_base_when_the_base_is_the_pay(
    service: Any,
) -> None:
    for said, met in (
        ("基数跟工资一样的，工资比平均的低点", False),
        ("基数按实际工资交的，工资比社平低不少", False),
        ("基数和月薪一样，月薪比平均工资高", True),
    ):
        assert await stored_value(service, "base_1x_6_of_last_12", said) is met, said
