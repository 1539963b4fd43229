"""While the points are worked out for someone else, the questions ask about that person: 他/她
(he/she) where the word for them says which, named where not (您朋友); the user's own words stay
您 (您的回答仅用于本次估算). Whose the answers are can also be told at a question (我老婆的，她38;
我老婆的 alone), from then on. Through ConversationService, phrasings written for these tests."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.locales import LOCALES, keys
from dialogs.locales import text as locale_text
from dialogs.questions import QUESTIONS
from tests.dialogs.test_intents import User


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("帮我老公算一下积分", "他今年多大？"),
        ("给我媳妇测一下积分", "她今年多大？"),
        ("帮我朋友算积分", "您朋友今年多大？"),
    ],
)
async def test_the_questions_ask_about_the_person(runtime: Runtime, said: str, asked: str) -> None:
    u = User(runtime)
    shown = await u.say("/start", said)
    assert asked in shown and u.t("q-age") not in shown, shown


async def test_every_question_after_asks_about_them_the_users_words_stay(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say("/start", "帮我老公算一下积分")
    assert "他的最高学历是" in await u.say("40")
    shown = await u.say("大专", "没有", "6年", "2倍", "无")
    assert "您的回答仅用于本次估算：他近 3 年" in shown, shown


async def test_in_english_he_or_she(runtime: Runtime) -> None:
    u = User(runtime, "en")
    shown = await u.say("English", "work out my wife's score")
    assert "How old is she?" in shown and u.t("q-age") not in shown, shown
    assert "About you" not in shown, shown  # the section is the basics, whoever they are of


async def test_whose_answers_told_at_a_question_are_theirs_from_then_on(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    shown = await u.say("/start", "算积分", "我老婆的，她38")
    assert u.t("score-for-whom", whom="老婆") in shown and "她的最高学历是" in shown, shown
    u = User(runtime)
    shown = await u.say("/start", "算积分", "我老婆的")  # nothing else: asked again, about her
    assert "她今年多大？" in shown and "没看懂" not in shown, shown
    assert "她的最高学历是" in await u.say("38")


async def test_the_person_then_help_her_is_for_her(runtime: Runtime) -> None:
    u = User(runtime)
    shown = await u.say("/start", "我老婆硕士，34岁，想帮她估一下分数")
    assert "我理解的是（您老婆的情况）：34 岁 · 硕士" in shown, shown
    assert "她有专业技术职称" in shown, shown


@pytest.mark.parametrize("locale", LOCALES)
def test_every_prompt_about_someone_else_fills_in(locale: str) -> None:
    for question in QUESTIONS:
        key = f"{question.prompt}-whom"
        if key in keys(locale):
            told = locale_text(locale, key, who="X", whose="X's")
            assert "X" in told and "{" not in told, key
