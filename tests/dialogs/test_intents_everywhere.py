"""Each typed request starts its flow wherever the user is: at the menu, in the middle of the
questions, after the result, and not while a person holds the conversation; questions typed at
a points question reach the FAQ and are never taken as answers. Phrasings written for these
tests (none from a held-out set), simplified, traditional and English, through
ConversationService."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from faq.retrieve import default_retriever
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    """A user of the whole service."""
    return User(runtime)


TO_TITLE = ("算积分", "30", "大专")  # the title question is open after these
TO_RESULT = ("算积分", "30", "大专", "没有", "4年", "无", "无", "否")


def asking(u: User, key: str) -> object:
    return lambda shown: u.t(key) in shown


async def at(u: User, where: str) -> None:
    if where == "question":
        await u.say(*TO_TITLE)
    elif where == "result":
        assert "合计" in await u.say(*TO_RESULT)
    else:
        await u.say("/start")


CALCULATE = ["帮我估算一下我的积分", "幫我測算一下分數", "could you work out my score?",
             "我想知道自己能拿几分，帮我算算", "开始测算",
             "How many points could I get?"]  # fmt: skip
REMIND = ["签注快到期了，提前通知我一下", "幫我設定到期提醒",
          "Please alert me before my permit is due", "能不能到时候提醒我去续签"]  # fmt: skip
HANDOFF = ["我要和工作人员说话", "請幫我轉真人客服", "can I speak with a real person",
           "机器人说不清楚，叫个客服来"]  # fmt: skip
RESTART = [
    "我要从头再答一遍",
    "全部清空，重新算",
    "Can we start from the beginning?",
    "重新開始計算",
]


@pytest.mark.parametrize("where", ["menu", "question", "result"])
@pytest.mark.parametrize("said", CALCULATE)
async def test_a_request_to_calculate_asks_a_points_question(
    u: User, where: str, said: str
) -> None:
    await at(u, where)
    shown = await u.say(said)
    if where == "question":
        assert u.t("q-title") in shown, "the open question, the answers kept"
    else:
        assert started(u, shown), said


FLOWS = (
    [(said, reminding) for said in REMIND]
    + [(said, handed_off) for said in HANDOFF]
    + [(said, restarted) for said in RESTART]
)


@pytest.mark.parametrize("where", ["menu", "question", "result"])
@pytest.mark.parametrize(("said", "flow"), FLOWS, ids=[f[0] for f in FLOWS])
async def test_a_request_for_a_reminder_a_person_or_a_fresh_start_is_carried_out(
    u: User, where: str, said: str, flow: Callable[[User, str], bool]
) -> None:
    await at(u, where)
    assert flow(u, await u.say(said)), said


async def test_while_a_person_is_awaited_requests_go_to_the_staff_not_the_dialog(u: User) -> None:
    await u.say(*TO_TITLE)
    assert handed_off(u, await u.say("转人工"))
    for said in ("帮我算算积分", "重新开始", "学历填错了", "我还是要找真人"):
        shown = await u.say(said)
        assert u.t("q-age") not in shown and u.t("q-education") not in shown, said
        assert u.t("support-queued", n="1") not in shown, "no second place in the queue"
    await u.say("取消")
    assert u.t("q-education") in await u.say("学历填错了"), "back with the bot, requests work"


EDITS = [
    ("question", "学历选错了，其实是本科", "q-education"),
    ("question", "出生年份写错了", "q-age"),
    ("question", "my degree is wrong", "q-education"),
    ("question", "年紀填錯了", "q-age"),
    ("result", "职称改成中级", "q-title"),
    ("result", "把社保年限改一下", "q-months"),
    ("result", "I need to correct my age", "q-age"),
    ("result", "加分项少选了一个", "q-bonus"),
    ("result", "减分那题我按错了", "q-deductions"),
    ("result", "修改學歷", "q-education"),
]


@pytest.mark.parametrize(("where", "said", "prompt"), EDITS, ids=[e[1] for e in EDITS])
async def test_an_edit_naming_a_question_asks_that_question(
    u: User, where: str, said: str, prompt: str
) -> None:
    await at(u, where)
    assert u.t(prompt) in await u.say(said), said


async def test_an_edit_of_a_follow_up_question_asks_it(u: User) -> None:
    """Questions without an edit button of their own are named too (对口 follows the title)."""
    assert u.t("q-title-matches") in await u.say(*TO_TITLE, "中级职称")
    assert u.t("q-title-matches") not in await u.say("对口")
    assert u.t("q-title-matches") in await u.say("专业对口那题选错了")


@pytest.mark.parametrize(
    "said", ["我有一项填错了", "I want to change an answer", "前面的回答有误", "修改"]
)
async def test_an_edit_naming_no_question_offers_the_read_back_with_fix_buttons(
    u: User, said: str
) -> None:
    await at(u, "result")
    replies = await u.send(said)
    summary = next(r for r in replies if r.buttons and "大专" in r.text)
    assert "intent:edit:education" in [b.id for b in summary.buttons]
    shown = "\n".join(r.text for r in await u.send(choice="intent:edit:education"))
    assert u.t("q-education") in shown


async def test_an_edit_naming_no_question_before_any_answer_says_there_is_none(u: User) -> None:
    await at(u, "menu")
    assert u.t("edit-nothing") in await u.say("我填错了一个答案")


async def test_an_edit_in_the_middle_goes_back_to_the_open_question_after(u: User) -> None:
    await at(u, "question")
    assert u.t("q-education") in await u.say("学历刚才点错了")
    assert u.t("q-title") in await u.say("硕士")


# Questions typed at a points question: they hold words a parser would take (中级, 临港, 1 倍,
# 罚款), yet they ask; the FAQ answers, or says it cannot, and the question stays open.
QUESTIONS_MID = [
    ("中级工程师一共能加多少分？", "q-title"),
    ("为什么专科和本科分数差这么多", "q-title"),
    ("博士学位在哪里认证", "q-title"),
    ("How are titles from other provinces treated?", "q-title"),
    ("我有中级会计职称，申请积分要交什么东西", "q-title"),
    ("高级职称是不是直接就够了？", "q-title"),
    ("Will an intermediate title from Jiangsu count here?", "q-title"),
]


@pytest.mark.parametrize(("said", "prompt"), QUESTIONS_MID, ids=[q[0] for q in QUESTIONS_MID])
async def test_a_question_at_a_points_question_is_no_answer(
    u: User, said: str, prompt: str
) -> None:
    await at(u, "question")
    shown = await u.say(said)
    assert u.t("back-to-question") in shown and u.t(prompt) in shown, said
    assert u.t("previous-answer", answer="中级") not in shown
    assert u.t("q-title-matches") not in shown, "the title was not taken from the question"


async def test_a_question_the_faq_cannot_answer_mid_question_says_so(u: User) -> None:
    await at(u, "question")
    shown = await u.say("为什么我同事比我多拿那么多分")
    assert u.t("faq-unknown-mid") in shown and u.t("q-title") in shown


# Questions the FAQ may have topics for, none sure; which of them it is unsure of moves with
# the FAQ's data, so the test takes the first it is unsure of (one at least must be).
UNSURE_CANDIDATES = (
    "朋友的积分比我多是怎么回事",
    "同样的条件为什么分数不一样",
    "积分和别人算的不一样",
)


def _unsure() -> str:
    retriever = default_retriever()
    unsure = [t for t in UNSURE_CANDIDATES if retriever.ask(t).kind == "suggest"]
    assert unsure, "the FAQ is sure (or knows nothing) of every text: add one to UNSURE_CANDIDATES"
    return unsure[0]


def test_the_faq_is_unsure_of_one_of_the_unsure_texts() -> None:
    _unsure()


async def test_a_question_the_faq_is_unsure_of_mid_question_offers_topics(u: User) -> None:
    await at(u, "question")
    replies = await u.send(_unsure())
    assert any(c.id.startswith("faq:") for r in replies for c in r.choices)
    assert u.t("q-title") in "\n".join(r.text for r in replies)


RULES_QUESTIONS = [
    "计算积分有什么规则",
    "我想了解积分怎么计算",
    "算积分要看哪些条件",
    "How are the points calculated?",
]


def test_the_faq_answers_the_rules_questions() -> None:
    for said in RULES_QUESTIONS:
        assert default_retriever().ask(said).kind != "unknown", f"pick another text than {said}"


@pytest.mark.parametrize("said", RULES_QUESTIONS)
async def test_rules_questions_are_not_taken_for_requests(u: User, said: str) -> None:
    """Answered by the FAQ, or by how the points add up (积分是怎么算的), or asked back with an
    FAQ topic: never a calculation unasked."""
    await at(u, "menu")
    replies = await u.send(said)
    shown = "\n".join(r.text for r in replies)
    assert not started(u, shown), said
    offered = [c.id for r in replies for c in r.choices] + [
        b.id for r in replies for b in r.buttons
    ]
    overview = u.t("points-overview", standard="120", source="")[:8] in shown
    assert any(c.startswith("faq:") for c in offered) or "nav:human" in offered or overview, said


async def test_an_edit_of_a_follow_up_not_open_yet_asks_the_question_that_opens_it(
    u: User,
) -> None:
    await at(u, "result")  # no bonus item ticked, no title
    assert u.t("q-bonus") in await u.say("临港工作年限改成6年")
    assert u.t("q-title") in await u.say("专业对口那题选错了")


async def test_an_edit_of_a_question_that_does_not_apply_says_so_by_its_name(u: User) -> None:
    await u.say("算积分", "30", "大专", "没有", "1年")  # under 24 months: no base question
    shown = await u.say("社保基数我填错了")
    assert u.t("edit-not-applicable", item=u.t("field-insurance_base_tier")) in shown
    assert "insurance_base_tier" not in shown


async def test_an_edit_carrying_its_new_answer_records_it_and_goes_on(u: User) -> None:
    await at(u, "result")
    shown = await u.say("年纪改成41")
    assert "合计" in shown and u.t("unit-age", value="41") in shown, "the result again, at 41"
    shown = await u.say("學歷填錯了，應該是碩士")
    assert "合计" in shown and u.t("q-education") not in shown


async def test_an_edit_carrying_its_new_answer_mid_question_returns_to_the_open_one(
    u: User,
) -> None:
    await at(u, "question")
    shown = await u.say("my education was wrong, it should be master")
    assert u.t("q-title") in shown and u.t("q-education") not in shown


async def test_an_edit_whose_new_answer_reads_as_none_asks_the_question(u: User) -> None:
    await at(u, "result")
    assert u.t("q-education") in await u.say("学历改成另外一个")


@pytest.mark.parametrize("said", ["不用转人工", "別重新開始", "I don't need a reminder"])
async def test_a_refused_request_is_not_carried_out(u: User, said: str) -> None:
    await at(u, "question")
    shown = await u.say(said)
    assert not handed_off(u, shown) and not restarted(u, shown) and not reminding(u, shown)
    assert u.t("q-title-example") in shown, "asked again, the open question stays"
