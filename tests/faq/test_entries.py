from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

import faq
from faq.entries import DATA, Entry, load_entries, most_asked

ENTRIES = load_entries()
SEED_PAGES = {
    "000_f5cd37778fa35ab8.txt",
    "001_b5f3f59117755c33.txt",
    "002_dbd55b834e6d97c0.txt",
    "003_93a32b41c22f806f.txt",
    "004_2bd06b8114cdb285.txt",
}
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
    assert entry.last_checked == date(2026, 11, 23)
    assert entry.sources


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_source_is_a_seed_page_or_a_policy_note(entry: Entry) -> None:
    for source in entry.sources:
        assert source.title
        assert source.ref in SEED_PAGES or re.match(r"(procedures|points-table)\.md §", source.ref)


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
    assert v["title.title_senior"] + v["age.max_points"] == 170  # education_title_overlap
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


def test_faq_imports_nothing_of_scoring_dialogs_or_bot() -> None:
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
                assert name.split(".")[0] not in {"scoring", "dialogs", "bot"}, path
