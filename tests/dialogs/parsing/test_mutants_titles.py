"""The title or skill level read from an answer (dialogs/parsing/titles.py), where the mutation
run found the parser tests silent: a level word beside a title series, an occupation or a
trade's certificate, a name that meant another level before a reform, a title being taken or
assessed, a certificate's own level; two levels said at once (电工三四级), a title said of the
past before the one held now, a skill level named and numbered differently (技师，三级), a
certificate's skill level beside a lower title. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.parsing import parse_title
from dialogs.parsing.text import Ambiguous, Unclear
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_stored,
    service_fixture,
)


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("养老护理员初级", "skill_5"),  # an occupation assessed by skill levels, not 护理's title
        ("保育员中级", "skill_4"),
        ("养老护理员四级", "skill_4"),  # not 四级律师's 四级: the occupation is said
        ("收银员三级", "skill_3"),
        ("我是厨师，高级的", "skill_3"),  # a trade said: its skill level
        ("助理会计师，另外是高级电工", "skill_3"),  # the higher of a title and a skill level
        ("会计中级", "title_intermediate"),  # a series named: the title's level
        ("评了中级", "title_intermediate"),  # assessed (评): a title
        ("my title is intermediate", "title_intermediate"),
        ("小学高级教师（中级）", "title_intermediate"),  # the level said for an older name
        ("小学一级教师，相当于初级", "title_junior"),
        ("正在考中级会计，只有初级", "title_junior"),  # the title being taken is not held
        ("还没考高级工，现在是中级", "skill_4"),  # nor the skill level
        ("在评职称", "none"),
        ("正在考证", "none"),
        ("证书还在考", "none"),
        ("厨师，普通话二级甲等", "none"),  # the 二级 is Putonghua's, no cook's skill level
        ("普通话证书，二级甲等", "none"),  # nor a level alone to ask about
        ("电工四级，还有驾照", "skill_4"),  # a driving licence is no title, the skill level stands
        ("电工证（特种作业操作证）", "none"),  # the trade's permit: an operating permit
    ],
)
def test_the_level_is_the_one_held_in_the_series_said(said: str, level: str) -> None:
    assert parse_title(said) == level


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("小学高级教师", ("title_senior", "title_intermediate")),  # 中级 before 2015, 副高 since
        ("小学一级", ("title_intermediate", "title_junior")),
        ("工程师（初级）", ("title_junior", "title_intermediate")),  # the name and level differ
        ("外省评的中级职称，还没在上海复评", ("title_intermediate", "none")),  # counts here?
        # a post grade (专技五级) is no skill level
        ("小学高级教师，专技五级", ("title_senior", "title_intermediate")),
    ],
)
def test_a_name_that_meant_another_level_or_says_another_is_confirmed(
    said: str, options: tuple[str, str]
) -> None:
    assert parse_title(said) == Ambiguous(options, "confirm-which")


@pytest.mark.parametrize(
    ("said", "options"),
    [("高级", ("title_senior", "skill_3")), ("intermediate", ("title_intermediate", "skill_4"))],
)
def test_a_level_word_alone_asks_whether_it_is_a_title_or_a_skill(
    said: str, options: tuple[str, str]
) -> None:
    assert parse_title(said) == Ambiguous(options, "confirm-level")


@pytest.mark.parametrize("said", ["电工证", "焊工证", "律师"])
def test_a_trade_permit_or_a_series_without_its_level_asks_for_the_level(said: str) -> None:
    with pytest.raises(Unclear) as refused:
        parse_title(said)
    assert refused.value.key == "error-title-level"


@pytest.mark.parametrize(
    "said", ["会计师，还有高级厨师证", "会计师，还有高级育婴师证", "中级会计师，高级 养老护理员"]
)
def test_a_level_word_before_a_trade_is_the_trades_not_a_title_to_confirm(said: str) -> None:
    assert parse_title(said) == "title_intermediate"  # the accountant's title, the higher


@pytest.mark.parametrize("said", ["建造师二级", "建造师一级"])
def test_a_practising_qualification_with_its_grade_is_asked_about_as_a_qualification(
    said: str,
) -> None:
    assert parse_title(said) == Ambiguous(("title_intermediate", "none"), "confirm-qualification")


def test_a_bare_level_some_title_series_uses_too_is_asked_about_quoting_the_answer() -> None:
    with pytest.raises(Unclear) as refused:
        parse_title(" 二级 ")  # 二级教师, 二级律师 or a skill level?
    assert refused.value.key == "error-title-bare-level"
    assert refused.value.values == {"said": "二级"}


@pytest.mark.parametrize("said", ["一级", "一级证书"])
def test_level_one_alone_is_offered_as_the_skill_level_or_the_titles_it_names(said: str) -> None:
    """一级 names titles too (一级律师, 一级教师): offered with the skill level, not taken as
    skill level 1 (the run of 12-02 11:37: the title levels counted from 2 survived)."""
    options = ("skill_1", "title_senior", "title_intermediate")
    read = parse_title(said)
    assert read == Ambiguous(options, "confirm-bare-level")
    assert isinstance(read, Ambiguous) and read.values == {"level": 1}  # not part of ==: asked


@pytest.mark.parametrize("said", ["不知道", "厨师证"])
def test_an_answer_naming_no_series_and_no_level_is_asked_again_plainly(said: str) -> None:
    with pytest.raises(Unclear) as refused:
        parse_title(said)
    assert refused.value.key == ""  # the question again, not which level of a title


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("电工三四级", ("skill_3", "skill_4")),  # either level of the trade: asked
        ("电工3到4级", ("skill_3", "skill_4")),
        ("三四级电工", ("skill_3", "skill_4")),
        ("技师，三级", ("skill_2", "skill_3")),  # 技师 is 二级: the name and the number disagree
        ("高级技师，三级", ("skill_1", "skill_3")),
        # a misspelt name beside an answer asked about: its level offered among the others
        ("主任医湿，三级", ("title_senior", "title_intermediate", "skill_3", "title_junior")),
    ],
)
def test_two_levels_said_at_once_are_asked_between(said: str, options: tuple[str, ...]) -> None:
    assert parse_title(said) == Ambiguous(options, "confirm-which")


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("高级工程师三四级", "title_senior"),  # read with either level, the same: no question
        ("技师，还有二级", "skill_2"),  # named and numbered alike
        ("本来是中级，今年刚评上副高", "title_senior"),  # the past one, then the one held now
        ("以前是初级，后来评上中级了", "title_intermediate"),
        ("初级职称和三级证", "skill_3"),  # a skill level held too, higher than the title
        ("初级职称，还有个三级证", "skill_3"),
        ("助理职称跟五级证", "skill_5"),
    ],
)
def test_a_level_read_whichever_way_or_the_higher_held(said: str, level: str) -> None:
    assert parse_title(said) == level


def test_two_levels_said_at_once_without_a_trade_are_asked_again() -> None:
    with pytest.raises(Unclear) as asked:
        parse_title("三四级")  # each level alone is asked about: asked again for one
    assert asked.value.key == "error-title-level"
    with pytest.raises(Unclear) as asked:
        parse_title("二到三级")  # 二级 names a title in every series
    assert (asked.value.key, asked.value.values) == ("error-title-bare-level", {"said": "二到三级"})


def test_a_job_with_one_word_of_its_field_asks_for_the_title_level() -> None:
    with pytest.raises(Unclear) as asked:
        parse_title("男护士")  # the job said, as 软件工程师: not 护士's title
    assert asked.value.key == "error-title-level"


async def test_the_title_held_now_and_a_range_of_levels_through_the_service(service: Any) -> None:
    await assert_stored(service, "title", [("本来是中级，今年刚评上副高", "title_senior")])
    applicant, _ = await answer(service, "title", "电工三四级")
    assert applicant.choices == ["职业资格三级（高级工）", "职业资格四级（中级工）"]
    _, answers, context = await applicant.stored()
    assert "title" not in answers and context["q"] == "title"


@pytest.mark.parametrize("said", ["英语四级", "普通话二级甲等", "只有英语六级", "驾照"])
def test_a_certificate_that_is_no_title_is_none_its_own_level_no_skill_level(said: str) -> None:
    assert parse_title(said) == "none"


@pytest.mark.parametrize("said", ["执业药师", "注册会计师", "有执业医师资格"])
def test_a_practising_qualification_is_asked_whether_it_counts_as_intermediate(said: str) -> None:
    assert parse_title(said) == Ambiguous(("title_intermediate", "none"), "confirm-qualification")
