"""Typed requests by the CLASS of words people use, each class with phrasings written for
these tests (none from a held-out set): how people ask to be calculated (a working-out verb
alone, oneself and a quantity of points, the gap to 120, the start of the questions), how
they name an answer to fix in their own words, how they ask for a person, a reminder, a
fresh start or the deletion of their data; and the questions that merely mention points,
which stay with the FAQ. Through ConversationService."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.intents import detect
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started
from tests.dialogs.test_intents_everywhere import TO_RESULT, TO_TITLE


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


CALCULATE = {
    "a working-out verb alone, told to the bot": [
        "麻烦帮我测算下", "給我評估一下吧", "试算一下呗", "请帮忙核算一下",
        "Could you calculate it for me?",
    ],
    "the verb and the score in other words": [
        "查下我能得几分", "估一估我的分值", "帮我把分数算出来", "评估一下我这个条件",
        "assess my points please",
    ],
    "oneself and a quantity of points": [
        "我目前大概有多少积分", "我这样能拿几分啊", "自己的积分情况想看看", "What would I score?",
    ],
    "oneself and the 120 bar": ["我能不能上120", "我夠不夠一百二", "Do I have enough for 120?"],
    "the gap to 120": ["我还差多少分", "离120分还差几分", "Am I close to 120?", "距120还有多远",
                       "How far am I from 120?"],
    "oneself and what it comes to": ["我这个条件能拿到多少", "I want my score worked out",
                                     "瞧瞧我的分数", "我想知道我够不够格拿120分",
                                     "What total could I reach?", "can u calc my score"],
    "the start of the questions or straight to a score": [
        "好，开始答题吧", "直接出结果", "let's compute", "那就先算吧",
    ],
    "misspelt": ["帮我算下积份", "caculate my score"],
    "in pinyin": ["bang wo suan yi xia jifen", "ce suan ji fen"],
}  # fmt: skip
CALCULATE_CASES = [(kind, said) for kind, texts in CALCULATE.items() for said in texts]


@pytest.mark.parametrize(("kind", "said"), CALCULATE_CASES, ids=[c[1] for c in CALCULATE_CASES])
async def test_a_request_to_be_calculated_starts_the_questions(
    u: User, kind: str, said: str
) -> None:
    await u.say("/start")
    assert started(u, await u.say(said)), f"{kind}: {said}"


# Questions that mention points, or a sum to work out, ask the FAQ (or nobody): never a start.
NOT_CALCULATE = [
    "积分有什么用？", "积分怎么算的？", "硕士学历算多少分", "社保交满七年算几分",
    "积分结果查询在哪里", "官方的模拟打分准吗", "How are the points worked out?",
    "帮我算一下12乘以7", "中级会计职称能加几分", "积分计算规则在哪看",
]  # fmt: skip


@pytest.mark.parametrize("said", NOT_CALCULATE)
async def test_a_question_that_mentions_points_does_not_start_the_questions(
    u: User, said: str
) -> None:
    await u.say("/start")
    assert not started(u, await u.say(said)), said


EDITS = [
    ("文凭那里写低了", "q-education"), ("我其实读完了研究生", "q-education"),
    ("學位證那個我勾漏了", "q-education"), ("出生年份说早了一年", "q-age"),
    ("岁数报错了", "q-age"), ("资格证那项少填了", "q-title"), ("技能证书弄错了", "q-title"),
    ("缴费年数写短了", "q-months"), ("社保交了几年那个不对", "q-months"),
    ("缴费基数选低了", "q-tier"), ("工资基数那题我点错", "q-tier"),
    ("回到学历那一题", "q-education"), ("跳回年龄那步", "q-age"),
    ("go back to the social insurance base", "q-tier"),
    ("I entered the wrong birthday", "q-age"), ("my qualification answer is not right", "q-title"),
    ("职称那项应该选中级", "q-title"), ("社保年限漏掉了半年", "q-months"),
    ("I forgot a bonus item", "q-bonus"),
]  # fmt: skip


@pytest.mark.parametrize(("said", "prompt"), EDITS, ids=[e[0] for e in EDITS])
async def test_an_answer_named_in_the_users_own_words_is_asked_again(
    u: User, said: str, prompt: str
) -> None:
    assert "合计" in await u.say(*TO_RESULT)
    assert u.t(prompt) in await u.say(said), said


FLOWS = [
    ("换个人工来", handed_off), ("人呢？在不在", handed_off), ("我不想跟机器人聊了", handed_off),
    ("找你们主管", handed_off), ("I want a live person", handed_off),
    ("签注日期帮我盯着点", reminding), ("我老是忘记续签，到时候喊我", reminding),
    ("Don't let me miss the endorsement", reminding), ("签注前给我发个通知", reminding),
    ("I could use some help from a real person", handed_off), ("想跟真人聊聊", handed_off),
    ("全部推倒重填", restarted), ("從頭開始吧", restarted), ("start fresh please", restarted),
    ("重心开始", restarted),
]  # fmt: skip


@pytest.mark.parametrize(("said", "flow"), FLOWS, ids=[f[0] for f in FLOWS])
async def test_a_request_for_a_person_a_reminder_or_a_fresh_start_in_other_words(
    u: User, said: str, flow: object
) -> None:
    await u.say(*TO_TITLE)
    assert flow(u, await u.say(said)), said  # type: ignore[operator]


DELETE = ["把我的资料都删掉", "清除我在这里的全部信息", "刪掉我的個人資料", "别保存我的信息",
          "清空我的数据", "please erase my data", "Forget everything about me",
          "I'd like my information removed"]  # fmt: skip


@pytest.mark.parametrize("where", ["menu", "question"])
@pytest.mark.parametrize("said", DELETE)
async def test_a_request_to_delete_my_data_asks_to_confirm_it(
    u: User, where: str, said: str
) -> None:
    await (u.say("/start") if where == "menu" else u.say(*TO_TITLE))
    assert u.t("delete-confirm") in await u.say(said), said


async def test_a_typed_deletion_is_honoured_while_a_person_is_awaited(u: User) -> None:
    await u.say(*TO_TITLE)
    assert handed_off(u, await u.say("转人工"))
    assert u.t("delete-confirm") in await u.say("把我的数据删了吧")
    assert u.t("data-deleted") in await u.say("是")


@pytest.mark.parametrize(
    "said",
    ["积分系统里的申请怎么删除", "清空答案重新算", "社保记录能删除吗", "删除我填的学历"],
)
def test_no_deletion_of_my_data_is_read_where_none_is_asked(said: str) -> None:
    intent = detect(said)
    assert intent is None or intent.name != "delete_data", said


@pytest.mark.parametrize(
    "said", ["上一题选错了", "刚才那个问题我答错了", "I got the previous question wrong"]
)
async def test_a_fix_of_the_question_before_asks_that_question_again(u: User, said: str) -> None:
    await u.say(*TO_TITLE)
    shown = await u.say(said)
    assert u.t("q-education") in shown and u.t("q-title") not in shown, said
    assert u.t("q-title") in await u.say("本科有学位"), "then on to the question that was open"


async def test_after_the_result_a_fix_of_the_last_question_asks_the_last_one(u: User) -> None:
    assert "合计" in await u.say(*TO_RESULT)
    assert u.t("q-deductions") in await u.say("最后一题我点错了")


async def test_a_fix_of_the_question_before_with_nothing_answered_says_so(u: User) -> None:
    await u.say("/start")
    assert u.t("edit-nothing") in await u.say("上一题填错了")


def test_every_cue_group_of_the_intents_is_a_flat_list_of_words() -> None:
    """A YAML alias written inside a list ([*change_words, 答错]) nests a list the scorer would
    read as one word that never matches."""
    from dialogs.intent_table import FIELD, data

    for name, spec in data()["intents"].items():
        groups = [spec.get("phrases") or [], spec.get("unless") or []]
        groups += [g for combo in spec.get("combos") or [] for g in combo if g != FIELD]
        for group in groups:
            assert all(isinstance(word, str | int) for word in group), name


@pytest.mark.parametrize(
    ("said", "question"),
    [("配偶结婚的年数写错了", "spouse_hukou_years"), ("临港工作的年数填少了", "remote_area_years"),
     ("缴费年数写错了", "social_insurance_months")],
)  # fmt: skip
def test_years_of_an_item_name_that_item_not_the_insurance_years(said: str, question: str) -> None:
    intent = detect(said)
    assert intent is not None and intent.arg == question, said
