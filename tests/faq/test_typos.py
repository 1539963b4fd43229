from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from faq.text import default_analyzer
from faq.typos import Typos


def _typos(*words: str, dictionary: frozenset[str] = frozenset()) -> Typos:
    return Typos(dict.fromkeys(words, 1), dictionary.__contains__)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("蜜码忘了", "密码忘了"),  # same sound, one character off
        ("新单味怎么办", "新单位怎么办"),
        ("年林分", "年龄分"),  # in/ing, which many speakers do not tell apart
        ("居证签注", "居住证签注"),  # one character left out
    ],
)
def test_a_typo_of_one_of_our_words_is_read_as_the_word(typed: str, meant: str) -> None:
    assert _typos("密码", "单位", "年龄分", "居住证", "签注").correct(typed) == meant


def test_the_end_of_one_word_and_the_start_of_the_next_are_not_a_third_word() -> None:
    # 交积 sounds like 交给, but 积 belongs to 积分
    assert _typos("交给", "积分", "资料").correct("交积分资料") == "交积分资料"


def test_one_of_our_words_said_apart_is_the_word() -> None:
    typos = _typos("签注", "社保")
    assert typos.correct("签完注了去哪确认") == "签注完了去哪确认"
    assert typos.correct("交过社保") == "交过社保"  # 交社 is no word of ours


def test_a_negation_is_never_a_typo() -> None:
    """不办 sounds like 补办, but not doing it is another question."""
    typos = Typos({"补办": 1, "没有": 1}, frozenset().__contains__, default_analyzer().steady)
    assert typos.correct("不办积分会怎样") == "不办积分会怎样"


def test_only_a_character_inside_a_word_is_taken_as_left_out() -> None:
    # 居证 is 居住证; 个月 is not 下个月 without its first character
    assert _typos("居住证", "下个月").correct("交了5个月") == "交了5个月"


def test_a_word_in_its_own_right_is_left_alone() -> None:
    typos = _typos("年龄", dictionary=frozenset({"年林"}))
    assert typos.correct("年林") == "年林"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("社保基树和积分有啥关系", "si_base_rule"),  # 基数
        ("学例怎么算分", "education_rule"),  # 学历
    ],
)
def test_a_homophone_typo_reaches_the_topic_of_the_word(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)


def test_a_homophone_typo_of_someone_elses_matter_is_refused_with_its_pointer(
    retriever: Retriever,
) -> None:
    decision = retriever.ask("想在上海落护 社保要交满几年")  # 落户: another scheme
    assert decision.kind == "unknown"
    assert decision.pointer is not None
