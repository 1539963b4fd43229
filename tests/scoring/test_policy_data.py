"""The policy editions as data: every number cites a source, editions are picked by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scoring.calculator import calculate
from scoring.policy import (
    POLICY_DIR,
    Edition,
    NoEditionError,
    PolicyDataError,
    all_editions,
    edition_in_force,
    load_editions,
)
from scoring.profile import Profile

FIRST = POLICY_DIR / "2018-01-01.yaml"


@pytest.mark.parametrize("edition", all_editions(), ids=lambda e: str(e.effective_from))
def test_every_number_cites_a_source_of_its_edition(edition: Edition) -> None:
    assert edition.entries()
    for entry in edition.entries():
        assert entry.source in edition.sources, entry.key
        assert edition.source_of(entry.key).title, entry.key


@pytest.mark.parametrize("edition", all_editions(), ids=lambda e: str(e.effective_from))
def test_every_edition_has_next_steps_and_materials_in_both_locales(edition: Edition) -> None:
    assert edition.next_steps and edition.materials
    for line in (*edition.next_steps, *edition.materials):
        assert line.zh and line.en
        assert edition.sources[line.source.id] == line.source


# The dotted keys the FAQ and dialog modules read: their names and 2018 values are an API.
REQUIRED_2018 = {
    "standard": 120,
    "age.min_age": 18,
    "age.max_age": 60,
    "age.max_points": 30,
    "age.floor_points": 5,
    "age.floor_from_age": 56,
    "age.points_per_year": 2,
    "education.college": 50,
    "education.bachelor": 60,
    "education.bachelor_degree": 90,
    "education.master": 100,
    "education.doctor": 110,
    "title.skill_5": 15,
    "title.skill_4": 30,
    "title.skill_3": 60,
    "title.skill_2": 100,
    "title.skill_1": 140,
    "title.title_junior": 0,
    "title.title_intermediate": 100,
    "title.title_senior": 140,
    "social_insurance.points_per_year": 3,
    "shortage_major.points": 30,
    "investment.points_per_unit": 10,
    "investment.tax_yuan_per_unit": 100000,
    "investment.hires_per_unit": 10,
    "investment.max_points": 120,
    "insurance_base.tier_0_8x": 25,
    "insurance_base.tier_1x": 50,
    "insurance_base.tier_2x": 100,
    "insurance_base.tier_3x": 120,
    "insurance_base.window_months": 48,
    "insurance_base.required_months": 36,
    "insurance_base.tier_3x_window_months": 36,
    "insurance_base.tier_3x_required_months": 24,
    "public_service.points_per_year": 4,
    "public_service.min_years": 5,
    "remote_area.points_per_year": 2,
    "remote_area.min_years": 5,
    "remote_area.max_points": 20,
    "fresh_graduate.points": 10,
    "award.city_specific": 30,
    "award.city_comprehensive": 60,
    "award.national": 110,
    "spouse_hukou.points_per_year": 4,
    "spouse_hukou.max_points": 40,
    "entrepreneur_talent.points": 120,
    "deduction.false_material": 150,
    "deduction.false_material_window_years": 3,
    "deduction.detention": 50,
    "deduction.detention_window_years": 5,
    "deduction.criminal": 150,
    "deduction.criminal_window_years": 5,
}


@pytest.mark.parametrize(("key", "value"), REQUIRED_2018.items())
def test_2018_edition_has_the_agreed_keys(key: str, value: int) -> None:
    edition = edition_in_force(date(2018, 1, 1))
    assert edition.values()[key] == value
    assert edition.value(key) == value


def test_conflicts_between_sources_are_noted_beside_the_number() -> None:
    edition = edition_in_force(date(2018, 1, 1))
    assert "100" in (edition.note_of("investment.max_points") or "")
    assert "30" in (edition.note_of("public_service.points_per_year") or "")
    assert "满5年加20分" in (edition.note_of("remote_area.min_years") or "")
    assert "2021" in (edition.note_of("veto.family_planning") or "")


def test_a_date_before_the_first_edition_is_a_clear_error() -> None:
    with pytest.raises(NoEditionError, match=r"2017-12-31.*2018-01-01"):
        edition_in_force(date(2017, 12, 31))


def _second_edition(directory: Path, standard: int = 130) -> None:
    directory.joinpath(FIRST.name).write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")
    text = FIRST.read_text(encoding="utf-8")
    text = text.replace("effective_from: 2018-01-01", "effective_from: 2030-01-01")
    text = text.replace("standard: {value: 120,", f"standard: {{value: {standard},")
    directory.joinpath("2030-01-01.yaml").write_text(text, encoding="utf-8")


def test_a_new_edition_is_a_data_file_picked_by_date(tmp_path: Path) -> None:
    _second_edition(tmp_path)
    editions = load_editions(tmp_path)
    assert [e.effective_from for e in editions] == [date(2018, 1, 1), date(2030, 1, 1)]
    assert edition_in_force(date(2029, 12, 31), editions).value("standard") == 120
    newer = edition_in_force(date(2030, 1, 1), editions)
    assert newer.value("standard") == 130
    score = calculate(Profile(age=30, education="bachelor_degree"), newer, date(2030, 6, 1))
    assert (score.total, score.reaches_standard, score.gap, score.policy) == (
        120,
        False,
        10,
        date(2030, 1, 1),
    )


def test_a_file_named_otherwise_than_its_date_is_refused(tmp_path: Path) -> None:
    tmp_path.joinpath("2019-01-01.yaml").write_text(
        FIRST.read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(PolicyDataError, match=r"2018-01-01\.yaml"):
        load_editions(tmp_path)


def test_a_number_citing_an_unknown_source_is_refused(tmp_path: Path) -> None:
    text = FIRST.read_text(encoding="utf-8").replace(
        "standard: {value: 120, source: measures_2017", "standard: {value: 120, source: rumour"
    )
    tmp_path.joinpath(FIRST.name).write_text(text, encoding="utf-8")
    with pytest.raises(PolicyDataError, match="standard cites unknown source 'rumour'"):
        load_editions(tmp_path)
