"""Part of a decade whose ages score three ways or more (七十年代末: 46 to 49 today) is asked
again with the range it leaves told, not a bare "please say it again"."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)


async def test_a_late_decade_is_asked_with_its_range(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["七十年代末的"])
    _applicant, reply = await answer(service, "age", "七十年代末的")
    assert "1977-1979" in reply
    assert "46" in reply and "49" in reply
