from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing import (
    Ambiguous,
    Unclear,
    parse_age,
    parse_award,
    parse_bonus,
    parse_count,
    parse_education,
    parse_endorsed_date,
    parse_expiry_date,
    parse_months,
    parse_tier,
    parse_title,
    parse_yes_no,
    parse_yuan,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("35", 35),
        ("35岁", 35),
        ("35 周岁", 35),
        ("三十五", 35),
        ("三十五岁", 35),
        ("我今年35岁", 35),
        ("３５", 35),
        ("1990年5月出生", 36),
        ("1990.5", 36),
        ("1990-12", 35),
        ("1990-05-12", date(1990, 5, 12)),
        ("1990年5月12日", date(1990, 5, 12)),
        ("1990/5/12", date(1990, 5, 12)),
        ("I'm 35", 35),
        ("35 years old", 35),
    ],
)
def test_age_answers(text: str, value: object) -> None:
    assert parse_age(text, TODAY) == value


@pytest.mark.parametrize(
    ("text", "options"),
    [("1982年11月", (44, 43)), ("1982年出生", (44, 43)), ("八二年的", (44, 43))],
)
def test_age_with_an_unknown_birthday_asks_which_when_the_points_differ(
    text: str, options: tuple[int, ...]
) -> None:
    found = parse_age(text, TODAY)
    assert isinstance(found, Ambiguous)
    assert found.options == options


@pytest.mark.parametrize(
    ("text", "age"), [("1990年11月", 36), ("1990年出生", 36), ("八七年的", 39)]
)
def test_a_birth_year_whose_two_ages_score_alike_is_taken(text: str, age: int) -> None:
    assert parse_age(text, TODAY) == age


@pytest.mark.parametrize("text", ["300", "300岁", "5", "1800-01-01", "2020-01-01"])
def test_impossible_ages_get_a_friendly_correction(text: str) -> None:
    with pytest.raises(Unclear) as raised:
        parse_age(text, TODAY)
    assert raised.value.key == "error-age-range"


@pytest.mark.parametrize("text", ["", "abc", "很老了", "35.3", "1990-02-30"])
def test_bad_ages(text: str) -> None:
    with pytest.raises(ValueError):
        parse_age(text, TODAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("大专", "college"),
        ("专科", "college"),
        ("高职", "college"),
        ("本科没学位", "bachelor"),
        ("本科，没有学位", "bachelor"),
        ("只有毕业证", "bachelor"),
        ("本科有学位", "bachelor_degree"),
        ("学士", "bachelor_degree"),
        ("本科学士", "bachelor_degree"),
        ("研究生，硕士学位", "master"),
        ("硕士", "master"),
        ("硕士研究生", "master"),
        ("博士", "doctor"),
        ("博士研究生", "doctor"),
        ("高中", "none"),
        ("初中", "none"),
        ("没有", "none"),
        ("bachelor with degree", "bachelor_degree"),
        ("bachelor without degree", "bachelor"),
        ("master", "master"),
        ("college", "college"),
    ],
)
def test_education_answers(text: str, value: str) -> None:
    assert parse_education(text) == value


def test_bachelor_alone_asks_about_the_degree() -> None:
    found = parse_education("本科")
    assert isinstance(found, Ambiguous)
    assert found.options == ("bachelor_degree", "bachelor")
    assert found.key == "confirm-bachelor"


@pytest.mark.parametrize("text", ["", "不知道", "学习很好", "xyz", "自考"])
def test_bad_education(text: str) -> None:
    with pytest.raises(ValueError):
        parse_education(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("中级职称", "title_intermediate"),
        ("中级工程师", "title_intermediate"),
        ("会计师", "title_intermediate"),
        ("工程师", "title_intermediate"),
        ("高级工程师", "title_senior"),
        ("高级职称", "title_senior"),
        ("副教授", "title_senior"),
        ("技师", "skill_2"),
        ("高级技师", "skill_1"),
        ("国家职业资格三级", "skill_3"),
        ("高级工", "skill_3"),
        ("电工三级", "skill_3"),
        ("四级电工", "skill_4"),
        ("中级工", "skill_4"),
        ("五级", "skill_5"),
        ("初级工", "skill_5"),
        ("技能等级二级", "skill_2"),
        ("初级职称", "title_junior"),
        ("助理工程师", "title_junior"),
        ("没有", "none"),
        ("没有职称", "none"),
        ("无", "none"),
        ("senior title", "title_senior"),
        ("intermediate title", "title_intermediate"),
        ("skill level 3", "skill_3"),
        ("none", "none"),
    ],
)
def test_title_answers(text: str, value: str) -> None:
    assert parse_title(text) == value


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("高级", ("title_senior", "skill_3")),
        ("中级", ("title_intermediate", "skill_4")),
        ("初级", ("title_junior", "skill_5")),
    ],
)
def test_ambiguous_titles_are_confirmed_not_guessed(text: str, options: tuple[str, ...]) -> None:
    found = parse_title(text)
    assert isinstance(found, Ambiguous)
    assert found.options == options


@pytest.mark.parametrize("text", ["", "厨师证", "不知道"])
def test_bad_titles(text: str) -> None:
    with pytest.raises(ValueError):
        parse_title(text)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("交了4年半", 54),
        ("54个月", 54),
        ("54", 54),
        ("三年", 36),
        ("3年", 36),
        ("4.5年", 54),
        ("两年零三个月", 27),
        ("2年3个月", 27),
        ("2019年3月开始交", 92),
        ("从2019-03开始", 92),
        ("没有", 0),
        ("0", 0),
        ("54 months", 54),
        ("3 years", 36),
        ("4 years 6 months", 54),
    ],
)
def test_social_insurance_months(text: str, months: int) -> None:
    assert parse_months(text, TODAY) == months


def test_a_small_bare_number_asks_years_or_months() -> None:
    found = parse_months("5", TODAY)
    assert isinstance(found, Ambiguous)
    assert found.options == (60, 5)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2000个月", "error-months-range"),
        ("100年", "error-months-range"),
        ("2030年1月开始", "error-date-future"),
    ],
)
def test_impossible_months_get_a_friendly_correction(text: str, key: str) -> None:
    with pytest.raises(Unclear) as raised:
        parse_months(text, TODAY)
    assert raised.value.key == key


@pytest.mark.parametrize("text", ["", "很久", "abc"])
def test_bad_months(text: str) -> None:
    with pytest.raises(ValueError):
        parse_months(text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "是",
        "是的",
        "对",
        "对的",
        "有",
        "嗯",
        "嗯嗯",
        "好",
        "好的",
        "yes",
        "y",
        "Yes",
        "YES!",
        "都是",
        "有过",
    ],
)
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    ["没有", "没", "不是", "无", "否", "不对", "no", "n", "No.", "都没有", "从来没有过", "都不是"],
)
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", ["", "不知道", "不清楚", "也许", "maybe", "not sure"])
def test_neither_yes_nor_no(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yes_no(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("2倍", "2x"),
        ("两倍", "2x"),
        ("2.5倍", "2x"),
        ("1倍多", "1x"),
        ("一倍", "1x"),
        ("0.8", "0.8x"),
        ("0.9倍", "0.8x"),
        ("八成", "0.8x"),
        ("3倍", "3x"),
        ("3倍以上", "3x"),
        ("0.6倍", "none"),
        ("最低基数", "none"),
        ("没有", "none"),
        ("2x", "2x"),
    ],
)
def test_base_tiers(text: str, tier: str) -> None:
    assert parse_tier(text) == tier


@pytest.mark.parametrize("text", ["", "挺高的", "不清楚"])
def test_bad_base_tiers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_tier(text)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1 3", ("shortage_major", "public_service")),
        ("1,3", ("shortage_major", "public_service")),
        ("1、3", ("shortage_major", "public_service")),
        ("13", ("shortage_major", "public_service")),
        ("一 三", ("shortage_major", "public_service")),
        ("7", ("spouse_hukou",)),
        ("全日制应届生，配偶是上海户口", ("fresh_graduate", "spouse_hukou")),
        ("无", ()),
        ("没有", ()),
        ("都没有", ()),
        ("none", ()),
    ],
)
def test_bonus_picks(text: str, items: tuple[str, ...]) -> None:
    assert parse_bonus(text) == items


@pytest.mark.parametrize("text", ["", "19", "随便"])
def test_bad_bonus_picks(text: str) -> None:
    with pytest.raises(ValueError):
        parse_bonus(text)


@pytest.mark.parametrize(
    ("text", "value"), [("2次", 2), ("两次", 2), ("没有", 0), ("5回", 5), ("一共三次", 3)]
)
def test_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["", "很多", "100次"])
def test_bad_counts(text: str) -> None:
    with pytest.raises(ValueError):
        parse_count(text)


@pytest.mark.parametrize(
    ("text", "value"), [("20万", 200_000), ("200000", 200_000), ("1.5万元", 15_000), ("没有", 0)]
)
def test_yuan(text: str, value: float) -> None:
    assert parse_yuan(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("国家级", "national"), ("省部级", "national"), ("市级综合", "city_comprehensive"),
     ("市级专项", "city_specific")],
)  # fmt: skip
def test_awards(text: str, value: str) -> None:
    assert parse_award(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2027年3月1日", date(2027, 3, 1)),
        ("2027-03-01", date(2027, 3, 1)),
        ("2027/3/1", date(2027, 3, 1)),
        ("明年3月1号", date(2027, 3, 1)),
        ("3月1日", date(2027, 3, 1)),
        ("12月1日", date(2026, 12, 1)),
        ("11月23日", date(2026, 11, 23)),
        ("今年十二月五号", date(2026, 12, 5)),
    ],
)
def test_expiry_dates(text: str, value: date) -> None:
    assert parse_expiry_date(text, TODAY) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2025-03-01", "error-expiry-past"),
        ("2032-03-01", "error-expiry-far"),
        ("2027-02-30", "error-date-invalid"),
    ],
)
def test_expiry_dates_out_of_range_are_questioned(text: str, key: str) -> None:
    with pytest.raises(Unclear) as raised:
        parse_expiry_date(text, TODAY)
    assert raised.value.key == key


@pytest.mark.parametrize("text", ["", "明年", "下个月吧"])
def test_bad_expiry_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_expiry_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", TODAY),
        ("今天", TODAY),
        ("2026-11-20", date(2026, 11, 20)),
        ("11月20日", date(2026, 11, 20)),
        ("12月20日", date(2025, 12, 20)),
    ],
)
def test_endorsement_dates(text: str, value: date) -> None:
    assert parse_endorsed_date(text, TODAY) == value


def test_an_endorsement_in_the_future_is_questioned() -> None:
    with pytest.raises(Unclear):
        parse_endorsed_date("2026-12-20", TODAY)


@pytest.mark.parametrize(
    ("parse", "text", "value"),
    [
        (parse_education, "硕士研究僧", "master"),  # chat spelling
        (parse_education, "碩士", "master"),  # traditional
        (parse_title, "中级职程", "title_intermediate"),  # typo
        (parse_yes_no, "yse", True),
        (parse_age, "I'm thirty-two", 32),
        (parse_months, "two years", 24),
        (parse_months, "2018年7月到2023年12月", 66),
        (parse_months, "差一个月满三年", 35),
        (parse_age, "今年38，明年39", 38),
        (parse_age, "下个月生日，满29", 28),
        (parse_age, "28岁，29虚岁", 28),
    ],
)
def test_typos_english_numbers_and_spans(parse: Any, text: str, value: object) -> None:
    assert parse(text, TODAY) == value


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("比社平低一点", ("0.8x", "none")),
        ("和社平差不多", ("1x", "0.8x")),
        ("2倍左右", ("2x", "1x")),
    ],
)
def test_a_base_near_a_tier_boundary_is_confirmed(text: str, options: tuple[str, ...]) -> None:
    found = parse_tier(text)
    assert isinstance(found, Ambiguous)
    assert found.options == options
