"""A menu button picked by its place (第一个, 最后一个, 2), typed at the menu through
ConversationService: the menu's buttons in the order shown, also as the very first message,
before any menu was on screen."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.locales import text
from tests.dialogs.test_intents import User, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize("said", ["第一个", "选第一个", "1"])
async def test_the_first_menu_button_by_its_place_starts_the_questions(u: User, said: str) -> None:
    assert started(u, await u.say(said)), said


async def test_the_second_menu_button_by_its_place_lists_the_faq(u: User) -> None:
    assert u.t("faq-list") in await u.say("第二个")


async def test_the_last_menu_button_by_its_place_switches_the_language(u: User) -> None:
    shown = await u.say("最后一个")
    assert text("en", "language-switched") in shown, shown


async def test_a_place_past_the_menu_is_no_pick(u: User) -> None:
    shown = await u.say("第九个")
    assert not started(u, shown) and u.t("faq-list") not in shown, shown
