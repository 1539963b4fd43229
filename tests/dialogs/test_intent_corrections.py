"""Typed requests by pattern, through ConversationService (phrasings written for these tests):
an answer named by its place (第二题答错了), an English correction (should be, can I fix
that), a request supposed rather than made (重新算的话), a calculation asked for in the middle
of the questions, and a question about how the points add up as a whole."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.intents import asks_overview, asks_yes_or_no, detect
from tests.dialogs.test_intents import User, started
from tests.dialogs.test_intents_everywhere import TO_RESULT, TO_TITLE

TO_BONUS = ("算积分", "30", "大专", "没有", "4年", "无")  # 30, 大专, no title, 4 years, no tier


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.fixture
def en(runtime: Runtime) -> User:
    return User(runtime, "en")


@pytest.mark.parametrize(
    ("said", "prompt"),
    [("第二题答错了", "q-education"), ("第1个问题填错了", "q-age"), ("第三题我选错了", "q-title")],
)
async def test_an_answer_named_by_its_place_is_asked_again(u: User, said: str, prompt: str) -> None:
    await u.say(*TO_BONUS)
    assert u.t(prompt) in await u.say(said), said


async def test_a_place_past_the_questions_asked_offers_every_answer_to_fix(u: User) -> None:
    await u.say(*TO_TITLE)  # age and education answered, the title open
    shown = await u.say("第九题答错了")
    assert "我理解的是" in shown and u.t("q-title") in shown


async def test_english_the_second_question_was_wrong(en: User) -> None:
    await en.say("English", "score", "30", "college", "none")
    assert en.t("q-education") in await en.say("the second question was wrong")


async def test_english_should_be_corrects_the_answer_it_names(en: User) -> None:
    await en.say("English", "score", "30", "college", "none", "4 years", "2x")
    shown = await en.say("the base tier should be 1x, not 2x")
    assert en.t("q-bonus").split(":")[0] in shown, "the answer taken, the next question asked"
    shown = await en.say("none", "no")
    assert "1x" in shown


async def test_english_can_i_fix_that_is_a_request(en: User) -> None:
    await en.say("English", "score", "30", "college", "none")
    assert en.t("q-age") in await en.say("wait, my age is wrong, can I fix that")


async def test_a_request_supposed_is_no_request(u: User) -> None:
    await u.say("算积分")
    shown = await u.say("我1990年出生，重新算的话是36吧")
    assert u.t("restarted") not in shown
    assert u.t("q-education") in shown or "1990" in shown  # taken as the age, or confirmed


@pytest.mark.parametrize("said", ["calculate", "算积分", "帮我算一下"])
async def test_a_calculation_asked_mid_questions_carries_on_and_says_so(u: User, said: str) -> None:
    await u.say(*TO_TITLE)
    shown = await u.say(said)
    assert u.t("score-continue") in shown and u.t("q-title") in shown


async def test_english_just_calculate_it_now_mid_questions(en: User) -> None:
    await en.say("English", "score", "30", "college")
    shown = await en.say("just calculate it now")
    assert en.t("score-continue") in shown and en.t("q-title") in shown


@pytest.mark.parametrize("said", ["模拟计算一下", "just calculate it"])
async def test_a_simulated_or_plain_calculation_at_the_menu_starts(u: User, said: str) -> None:
    await u.say("/start")
    assert started(u, await u.say(said)), said


def overview(u: User) -> str:
    return u.t("points-overview", standard="120", source="").split("\n")[0]


@pytest.mark.parametrize("said", ["积分是怎么算的？", "居住证积分由哪些部分组成"])
async def test_how_the_points_add_up_is_explained_with_a_calculation_offered(
    u: User, said: str
) -> None:
    await u.say("/start")
    replies = await u.send(said)
    shown = "\n".join(r.text for r in replies)
    assert overview(u) in shown and "120 分" in shown
    assert "《上海市居住证积分管理办法》（上海市人民政府，2018年1月1日起施行）" in shown
    [offer] = [c for r in replies for c in r.choices]
    assert offer.id == "menu:score"
    assert started(u, "\n".join(r.text for r in await u.send(choice=offer.id)))


async def test_how_the_points_add_up_mid_questions_then_the_question_again(u: User) -> None:
    await u.say(*TO_TITLE)
    shown = await u.say("积分是怎么算的")
    assert overview(u) in shown and u.t("q-title") in shown


async def test_english_how_the_points_system_works(en: User) -> None:
    await en.say("English")
    shown = await en.say("How does the points system work?")
    assert overview(en) in shown and "120" in shown


async def test_after_the_result_a_typed_score_request_starts_afresh_not_continues(u: User) -> None:
    await u.say(*TO_RESULT)
    shown = await u.say("算积分")
    assert u.t("score-continue") not in shown and started(u, shown)


A_NOT_A = [("自考的本科认不认", True), ("这个算不算", True), ("我是本科不是大专", False),
           ("大专", False)]  # fmt: skip


@pytest.mark.parametrize(("said", "question"), A_NOT_A)
def test_an_a_not_a_question_is_a_yes_no_question(said: str, question: bool) -> None:
    assert asks_yes_or_no(said) is question


TO_DEDUCTIONS = ("算积分", "30", "大专", "没有", "4年", "无", "无", "是")  # 是: the counts follow


async def test_the_previous_question_to_answer_no_is_the_yes_no_one_before(u: User) -> None:
    await u.say(*TO_DEDUCTIONS, "0")  # 虚假材料 0 times: the detention count is open
    assert u.t("q-deductions") in await u.say("上一步应该选否，我没有这些记录")


async def test_the_previous_big_question_is_the_one_that_opened_the_questions_since(
    u: User,
) -> None:
    await u.say(*TO_DEDUCTIONS)  # the false-materials count is open
    assert u.t("q-deductions") in await u.say("上一个大问题我答错了，我其实都没有")


async def test_the_1x_base_question_named_by_its_words(u: User) -> None:
    await u.say("算积分", "40", "本科有学位", "中级职称", "是", "是")  # the months are open
    assert u.t("q-base-1x") in await u.say("前面那个基数一倍的问题我答错了")


async def test_a_calculation_with_the_answers_so_far_carries_on(u: User) -> None:
    await u.say(*TO_TITLE)
    assert u.t("score-continue") in await u.say("先用已经填的算一下")


async def test_which_items_count_is_how_the_points_add_up(u: User) -> None:
    await u.say("/start")
    assert overview(u) in await u.say("居住证积分有哪些计分项目？")


def test_local_hires_named_by_the_words_for_staff_numbers() -> None:
    intent = detect("本地用工人数改成15个")
    assert intent is not None and intent.arg == "local_hires" and intent.value == "15个"


@pytest.mark.parametrize(
    "said",
    ["just give me the result", "skip the rest and calculate", "work it out with what I've given"],
)
async def test_english_the_result_now_mid_questions_carries_on(en: User, said: str) -> None:
    await en.say("English", "score", "30", "college")
    assert en.t("score-continue") in await en.say(said), said


@pytest.mark.parametrize(
    "said",
    [
        "我从来没注册过积分账号，个人账号是怎么来的",
        "Does Shenzhen have a points system? How does it work?",
    ],
)
def test_a_question_about_the_account_or_another_city_is_no_overview(said: str) -> None:
    assert not asks_overview(said)
