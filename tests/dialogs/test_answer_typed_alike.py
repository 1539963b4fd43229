"""Characters typed alike by shape or sound (夲 for 本, 土 for 士, 帅 for 师, 味 for 位, 刚 for 港)
are read as the words meant, so the level is understood, not asked again or confirmed."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_levels_typed_alike_are_read_as_meant(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("夲科毕业，学位证也有", "bachelor_degree"), ("硕土毕业", "master")],
    )
    await assert_stored(service, "title", [("技帅证", "skill_2"), ("高级技帅", "skill_1")])
