"""An age said with words around it, through the real service: when the birthday was (生日
才过没几天), a question mark or an interjection before the number, 本人 and 那就是, 周岁 in
pinyin, 四十有二 (forty and two); an age named by its classical word (而立之年) or heading for
a decade alone (奔三: ages that score alike, one value); some years past a named age asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_words_around_an_age_leave_the_age(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [
            ("45岁生日才过没几天", 45),
            ("多大？三十一吧", 31),
            ("本人四十有二", 42),
            ("umm 33", 33),
            ("zhousui 29", 29),
            ("你说按周岁是吧，那就是44", 44),
            ("我今年刚好四十，前几天过的生日", 40),
        ],
    )


async def test_an_age_named_by_a_word_is_that_age(service: Any) -> None:
    await assert_stored(service, "age", [("而立之年", 30), ("奔三的人了", 29)])


async def test_some_years_past_a_named_age_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["年过知天命"])
