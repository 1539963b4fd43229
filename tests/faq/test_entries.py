from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

import faq
from dialogs.faq_answer import faq_answer
from faq.entries import DATA, Entry, load_entries, most_asked
from scoring.policy import Edition, Source, all_sources

ENTRIES = load_entries()
# The keys the scoring policy guarantees (scoring/policy/2018-01-01.yaml).
GUARANTEED_KEYS = {
    "standard",
    *(
        f"age.{k}"
        for k in (
            "min_age",
            "max_age",
            "max_points",
            "floor_points",
            "floor_from_age",
            "points_per_year",
        )
    ),
    *(f"education.{k}" for k in ("college", "bachelor", "bachelor_degree", "master", "doctor")),
    *(
        f"title.{k}"
        for k in (
            "skill_5",
            "skill_4",
            "skill_3",
            "skill_2",
            "skill_1",
            "title_junior",
            "title_intermediate",
            "title_senior",
        )
    ),
    "social_insurance.points_per_year",
    "shortage_major.points",
    *(
        f"investment.{k}"
        for k in ("points_per_unit", "tax_yuan_per_unit", "hires_per_unit", "max_points")
    ),
    *(f"insurance_base.{k}" for k in ("tier_0_8x", "tier_1x", "tier_2x", "tier_3x")),
    *(f"public_service.{k}" for k in ("points_per_year", "min_years")),
    *(f"remote_area.{k}" for k in ("points_per_year", "min_years", "max_points")),
    "fresh_graduate.points",
    *(f"award.{k}" for k in ("city_specific", "city_comprehensive", "national")),
    *(f"spouse_hukou.{k}" for k in ("points_per_year", "max_points")),
    "entrepreneur_talent.points",
    *(f"deduction.{k}" for k in ("false_material", "detention", "criminal")),
    *(f"deduction.{k}_window_years" for k in ("false_material", "detention", "criminal")),
    "veto.serious_crime_min_sentence_years",
    *(f"eligibility.{k}" for k in ("min_registration_months", "min_insurance_months_last_12")),
    *(f"title.{k}" for k in ("base_condition_months", "base_condition_window_months")),
    *(f"insurance_base.{k}" for k in ("window_months", "required_months", "tier_3x_window_months")),
    "insurance_base.tier_3x_required_months",
}
# Stand-in numbers, deliberately unlike the real ones, to show answers take them from the caller.
LITERAL_VALUES: dict[str, int | float] = {key: 7 for key in GUARANTEED_KEYS}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_file_is_named_after_its_id(entry: Entry) -> None:
    assert (DATA / "topics" / f"{entry.id}.yaml").is_file()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_is_complete_and_dated(entry: Entry) -> None:
    assert entry.question and entry.question_en and entry.answer and entry.answer_en
    assert len(entry.variants) >= 10
    assert any(v.isascii() for v in entry.variants), "at least one English variant"
    # All 49 audited on 2026-11-23 (issue 17); a topic rechecked since carries its new date.
    assert date(2026, 11, 23) <= entry.last_checked <= date.today()
    assert entry.sources


def test_sources_are_shown_as_title_and_publisher() -> None:
    """../shared/policy/sources.md: the Measures by title and publisher, agency pages marked
    非官方 / unofficial, in English as well; the one table is the policy's."""
    sources = all_sources()
    assert sources["measures_2017"].shown(en=False) == (
        "《上海市居住证积分管理办法》（上海市人民政府，2018年1月1日起施行）"
    )
    for source in _cited():
        assert source.title_en, source.id
        if source.unofficial:
            assert "非官方" in source.title and "unofficial" in source.title_en
            assert source.url is None


def test_every_source_is_one_named_document() -> None:
    """A source is a page a user could find by its title and publisher, never a stand-in such
    as "other public agency guides": a fact no named page states is hedged in the answer."""
    for source in _cited():
        assert re.match(r"《[^》]+》（[^）]+）", source.title), source.title
        assert "其他" not in source.title and "other" not in str(source.title_en).lower()


def test_every_cited_source_is_in_the_policy_table() -> None:
    """A topic names its sources by key; the one table of sources is the policy's."""
    missing = {(e.id, key) for e in ENTRIES for key in e.sources if key not in all_sources()}
    assert not missing


def _cited() -> set[Source]:
    sources = all_sources()
    return {sources[key] for entry in ENTRIES for key in entry.sources}


# What a user must never read: file names, section marks, page numbers, our research notes.
NOT_FOR_USERS = re.compile(
    r"\.txt|\.md\b|§|(?<![\d,])00\d(?!\d)|\d{3}页|页面(写|说|另)|[Pp]age \d|"
    r"未确认|尚未|经验说法|not confirmed|ten-thousands|10万 yuan"
)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_answers_show_no_file_section_page_or_research_note(
    entry: Entry, locale: str, policy_edition: Edition
) -> None:
    rendered = faq_answer(entry, locale, policy_edition)
    assert not [m.group(0) for m in NOT_FOR_USERS.finditer(rendered)], rendered


_CHINESE_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_NUMBER_WITH_UNIT = re.compile(
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*"
    r"(万元|分(?!钟)|个月|周岁|岁|年(?!龄|级|度|内的)|points?|months?|years?|yuan)"
)
_UNIT_KIND = (
    {"分": "points", "个月": "months", "年": "years", "周岁": "age", "岁": "age"}
    | {
        "万元": "yuan",
        "yuan": "yuan",
    }
    | {f"{word}{plural}": f"{word}s" for word in ("point", "month", "year") for plural in ("", "s")}
)
# Numbers written by hand on purpose: rules the policy file has no key for.
HAND_WRITTEN = {
    ("eligibility", "12", "months"),  # the 12-month window of the insurance condition
    ("investment_tax_rule", "3", "years"),  # the 3-year window of investment and tax
    ("si_tax_mismatch", "6", "months"),  # the tax records handed in: a material, not a rule
}


def _policy_numbers(values: dict[str, float]) -> set[tuple[float, str]]:
    """(value, kind) for every number the policy holds, by what its key says it counts."""
    held = set()
    for key, value in values.items():
        if key.endswith("_months"):
            held.add((value, "months"))
        elif key.endswith("_years"):
            held.add((value, "years"))
        elif key in {"age.min_age", "age.max_age", "age.floor_from_age"}:
            held.add((value, "age"))
        elif key.endswith("_yuan_per_unit"):
            held |= {(value / 10_000, "yuan"), (value, "yuan")}
        elif not key.endswith("_per_unit"):
            held.add((value, "points"))
    return held


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_policy_numbers_in_answers_come_from_placeholders(
    entry: Entry, policy_values: dict[str, float]
) -> None:
    """Points, caps, months, years and ages the policy file holds are never typed by hand, so
    a new edition cannot leave an answer stale; 工作日, 小时, 天 are procedure, not policy."""
    held = _policy_numbers(policy_values)
    by_hand = []
    for text in (entry.answer, entry.answer_en):
        literal = re.sub(r"\{\{.*?\}\}", "#", text)
        for number, unit in _NUMBER_WITH_UNIT.findall(literal):
            value = _CHINESE_DIGITS.get(number) or float(number)
            kind = _UNIT_KIND[unit]
            if (value, kind) in held and (entry.id, number, kind) not in HAND_WRITTEN:
                by_hand.append(f"{number}{unit}")
    assert not by_hand, f"{entry.id}: policy numbers typed by hand: {by_hand}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_points_placeholders_are_guaranteed_policy_keys(entry: Entry) -> None:
    assert entry.placeholders() <= GUARANTEED_KEYS


def test_every_placeholder_exists_in_the_policy_in_force(policy_values: dict[str, float]) -> None:
    needed = set().union(*(entry.placeholders() for entry in ENTRIES))
    assert needed <= set(policy_values)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.placeholders()], ids=lambda e: e.id)
def test_numbers_come_from_the_callers_values(entry: Entry) -> None:
    eights = {key: 8 for key in LITERAL_VALUES}
    for locale in ("zh-CN", "en"):
        rendered = entry.render(locale, LITERAL_VALUES)
        assert "{{" not in rendered
        assert rendered != entry.render(locale, eights)


def test_tax_amounts_render_in_ten_thousands() -> None:
    entry = next(e for e in ENTRIES if e.id == "investment_tax_rule")
    assert "每12万元加7分" in entry.render(
        "zh-CN", LITERAL_VALUES | {"investment.tax_yuan_per_unit": 120_000}
    )


def test_a_missing_policy_value_is_an_error() -> None:
    entry = next(e for e in ENTRIES if e.id == "age_rule")
    with pytest.raises(KeyError, match=r"age\.max_points"):
        entry.render("zh-CN", {k: v for k, v in LITERAL_VALUES.items() if k != "age.max_points"})


def test_an_unknown_locale_is_an_error() -> None:
    with pytest.raises(ValueError, match="locale"):
        ENTRIES[0].render("fr", LITERAL_VALUES)


def test_ages_written_out_in_the_age_answer_follow_the_policy(
    policy_values: dict[str, float],
) -> None:
    """age_rule says 43 and 44 in words: the last age at full points, and the first below it."""
    v = policy_values
    full_until = (
        v["age.floor_from_age"]
        - (v["age.max_points"] - v["age.floor_points"]) / v["age.points_per_year"]
    )
    assert int(full_until) == 43


def test_worked_sums_in_answers_add_up(policy_values: dict[str, float]) -> None:
    v = policy_values
    assert v["education.bachelor_degree"] + v["age.max_points"] == v["standard"]  # how_to_reach_120


def test_most_asked_follows_the_menu_order_in_the_data() -> None:
    menu = most_asked(5)
    assert [e.id for e in menu] == [
        "password_reset",
        "notice_reprint",
        "renewal_materials",
        "renewal_process",
        "change_employer",
    ]
    assert most_asked(0) == ()
    assert len(most_asked(1000)) == len(set(e.id for e in most_asked(1000)))


def test_faq_imports_nothing_of_dialogs_or_bot_and_of_scoring_only_the_sources() -> None:
    """The arrows point one way (bot -> dialogs -> scoring, faq); faq shows its sources from
    the one table and with the one renderer scoring has (scoring.policy, scoring.wording)."""
    allowed = {"scoring.policy", "scoring.wording"}
    for path in Path(faq.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in {"dialogs", "bot"}, path
                assert not name.startswith("scoring") or name in allowed, path
