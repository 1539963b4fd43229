"""Round 17 classes (issue 19): moving one's hukou said with the booklet and any verb that
carries it here (把全家的户口本从老家挪过来) is the hukou office's; a company's own tax returns
(小规模纳税人增值税怎么申报) the tax office's, unless our words are said; papers handed in and
the case's progress not known, asking where to look it up (卡在哪一步，有没有地方可以自己看看),
is checking the result. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    "question",
    [
        "有职称也交了几年社保，想把老婆孩子的户口本搬到上海来，还要满足什么",
        "在上海工作十年了，社保一直交着，想把户籍搬过来，要什么条件",
        "我在上海办了家小公司，刚经营一年，小规模纳税人的增值税怎么申报，每季度交多少税",
        "在上海开公司第一年，一般纳税人增值税怎么报，税率多少",
        "一般纳税人的增值税申报流程是什么",
    ],
)
def test_hukou_moves_and_company_tax_returns_are_refused(
    retriever: Retriever, question: str
) -> None:
    assert retriever.ask(question).kind == "unknown"


def test_company_tax_with_our_words_stays_ours(retriever: Retriever) -> None:
    assert answered(retriever, "公司是一般纳税人，交的增值税能算积分吗") == "investment_tax_rule"


@pytest.mark.parametrize(
    "story",
    [
        "东西递上去二十多天了，一直不清楚卡在哪一步，有啥地方能自己瞧瞧吗",
        "交上去一个多月了，也不知道进行到哪步了，有没有地方能查一下",
    ],
)
def test_progress_not_known_asked_where_to_look_is_checking_the_result(
    retriever: Retriever, story: str
) -> None:
    assert answered(retriever, story) == "check_result"


def test_the_dialog_answers_progress_not_known_with_checking_the_result() -> None:
    chat = Chat()
    chat.send("东西递上去二十多天了，一直不清楚卡在哪一步，有啥地方能自己瞧瞧吗")
    assert answer_mark("check_result") in chat.text


def test_the_dialog_does_not_answer_a_hukou_move_with_a_points_topic() -> None:
    chat = Chat()
    chat.send("在上海工作十年了，社保一直交着，想把户籍搬过来，要什么条件")
    assert answer_mark("eligibility") not in chat.text
