"""A bonus item said with a hedge in its clause (好像, 可能, maybe), through the real service:
it may or may not hold, and the items differ in points, so it is asked, never ticked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)


async def test_an_item_said_with_a_hedge_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "bonus",
        [
            "我学的专业可能算紧缺的",
            "爱人户口大概是上海的吧",
            "maybe my major is on the shortage list",
        ],
    )
